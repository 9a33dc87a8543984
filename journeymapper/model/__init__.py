"""The journey document, with no Qt: elements, links, lanes, scores, events."""

from __future__ import annotations

# the record sections the model's own features keep (registered on import)
from journeymapper.model import reviews as _reviews  # noqa: E402,F401,I001
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import CARD_KINDS, Element, Kind, Lane, Placement
from journeymapper.model.errors import JourneyError, LinkError, ModelError
from journeymapper.model.links import Link, LinkKind
from journeymapper.model.scores import Score, Wave

__all__ = [
    "CARD_KINDS", "Element", "JourneyError", "JourneyMap", "Kind", "Lane", "Link",
    "LinkError", "LinkKind", "ModelError", "Placement", "Score", "Wave",
]
