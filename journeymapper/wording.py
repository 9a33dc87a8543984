"""Small pieces of user-facing wording shared by the canvas, commands, window and CLI."""

from __future__ import annotations


def counted(count: int, noun: str) -> str:
    """'1 card', '6 cards': a count a facilitator reads aloud, without '(s)'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
