"""Where the shipped resources (templates, schema, icons) live.

In a source checkout and an editable install they are the top-level
``resources/`` folder; an installed wheel carries them as the package
``journeymapper._resources``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    from importlib.resources import files

    return Path(str(files("journeymapper._resources")))


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
