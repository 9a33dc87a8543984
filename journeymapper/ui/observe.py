"""How panels follow a document's change sets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from journeymapper.model.document import JourneyMap
from journeymapper.model.events import ChangeSet


class EachEvent:
    """A change-set listener that hands each event of the set to ``listener``
    (equal for equal listeners, so it disconnects as it connected)."""

    def __init__(self, listener: Callable[[Any], None]) -> None:
        self.listener = listener

    def __call__(self, changes: ChangeSet) -> None:
        for event in changes.events:
            self.listener(event)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EachEvent) and other.listener == self.listener

    def __hash__(self) -> int:
        return hash(self.listener)


def follow(old: JourneyMap | None, new: JourneyMap | None,
           listener: Callable[[Any], None], each: bool = True) -> JourneyMap | None:
    """Move ``listener`` from ``old`` to ``new``; returns ``new``. With ``each``
    it is called once per event, after each change set (it reads the event's
    own data: by then the whole change set has happened); without, once per
    change set."""
    wrapped = EachEvent(listener) if each else listener
    if old is not None:
        old.changes.disconnect(wrapped)
    if new is not None:
        new.changes.connect(wrapped)
    return new
