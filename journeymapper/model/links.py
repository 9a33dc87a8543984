"""Link kinds and the rules for which element kinds they may join.

A link's kind follows from the kinds it joins, so a user who drags from one
card to another never has to pick it; :func:`infer_link` also accepts the
drag made the other way round.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from journeymapper.i18n import Message
from journeymapper.model.elements import Kind


class LinkKind(str, Enum):
    LEADS_TO = "leads_to"          # stage -> stage (loops allowed)
    OCCURS_AT = "occurs_at"        # pain point -> touchpoint
    ADDRESSES = "addresses"        # opportunity -> pain point
    WALKS = "walks"                # persona -> stage or card
    USES = "uses"                  # action -> touchpoint
    NEXT = "next"                  # action -> action (the steps in order)
    EVIDENCES = "evidences"        # thought -> pain point (a quote as evidence)
    MEASURES = "measures"          # goal -> stage or touchpoint


_WALKABLE = frozenset(k for k in Kind if k is not Kind.PERSONA)

RULES: dict[LinkKind, tuple[frozenset[Kind], frozenset[Kind]]] = {
    LinkKind.LEADS_TO: (frozenset({Kind.STAGE}), frozenset({Kind.STAGE})),
    LinkKind.OCCURS_AT: (frozenset({Kind.PAIN_POINT}), frozenset({Kind.TOUCHPOINT})),
    LinkKind.ADDRESSES: (frozenset({Kind.OPPORTUNITY}), frozenset({Kind.PAIN_POINT})),
    LinkKind.WALKS: (frozenset({Kind.PERSONA}), _WALKABLE),
    LinkKind.USES: (frozenset({Kind.ACTION}), frozenset({Kind.TOUCHPOINT})),
    LinkKind.NEXT: (frozenset({Kind.ACTION}), frozenset({Kind.ACTION})),
    LinkKind.EVIDENCES: (frozenset({Kind.THOUGHT}), frozenset({Kind.PAIN_POINT})),
    LinkKind.MEASURES: (frozenset({Kind.GOAL}), frozenset({Kind.STAGE, Kind.TOUCHPOINT})),
}

@dataclass(frozen=True)
class Link:
    source: str
    target: str
    kind: LinkKind


def allowed(kind: LinkKind, source: Kind, target: Kind) -> bool:
    sources, targets = RULES[kind]
    return source in sources and target in targets


def kinds_for(source: Kind, target: Kind) -> list[LinkKind]:
    """Link kinds that may join ``source`` -> ``target``, in rule order."""
    return [k for k in LinkKind if allowed(k, source, target)]


def a_kind(kind: Kind) -> str:
    """'a touchpoint', 'an opportunity' in the language in force (``words.kind_in_sentence``)."""
    from journeymapper.words import kind_in_sentence

    return kind_in_sentence(kind)


def explain_refusal(source: Kind, target: Kind) -> Message:
    """Why ``source`` cannot link to ``target`` and what it can link to instead
    (``words.link_refusal``, worded when shown)."""
    from journeymapper.words import link_refusal

    return link_refusal(source, target)


def infer_link(source: Kind, target: Kind) -> tuple[LinkKind, bool] | None:
    """The link kind a drag from ``source`` to ``target`` makes, and whether
    the ends must be swapped (True when only the reverse direction is allowed)."""
    forward = kinds_for(source, target)
    if forward:
        return forward[0], False
    backward = kinds_for(target, source)
    if backward:
        return backward[0], True
    return None
