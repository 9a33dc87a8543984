"""How panels follow a document's events."""

from __future__ import annotations

from journeymapper.model.document import JourneyMap
from journeymapper.model.events import Listener


def follow(old: JourneyMap | None, new: JourneyMap | None,
           listener: Listener) -> JourneyMap | None:
    """Move ``listener`` from the events of ``old`` to those of ``new``; returns ``new``."""
    if old is not None:
        old.events.disconnect(listener)
    if new is not None:
        new.events.connect(listener)
    return new
