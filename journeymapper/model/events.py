"""Change events of a journey document.

The document emits exactly one event after each change that really changed a
value. Observers (the canvas, panels, tests) subscribe with
:meth:`EventHub.connect`; events are small frozen dataclasses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from journeymapper.model.elements import Element, Lane, Placement
from journeymapper.model.links import Link


@dataclass(frozen=True)
class ElementAdded:
    id: str


@dataclass(frozen=True)
class ElementRemoved:
    id: str
    element: Element


@dataclass(frozen=True)
class FieldChanged:
    id: str
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class ElementMoved:
    id: str
    old: Placement | None
    new: Placement | None


@dataclass(frozen=True)
class Linked:
    link: Link


@dataclass(frozen=True)
class Unlinked:
    link: Link


@dataclass(frozen=True)
class StagesReordered:
    old: tuple[str, ...]
    new: tuple[str, ...]


@dataclass(frozen=True)
class LaneAdded:
    lane: Lane
    index: int


@dataclass(frozen=True)
class LaneRemoved:
    lane: Lane
    index: int


@dataclass(frozen=True)
class LaneChanged:
    old: Lane
    new: Lane


@dataclass(frozen=True)
class LanesReordered:
    old: tuple[str, ...]
    new: tuple[str, ...]


@dataclass(frozen=True)
class MetaChanged:
    key: str
    old: Any
    new: Any


@dataclass(frozen=True)
class ScoresChanged:
    """Scores or waves changed; ``stages`` names the stages whose badges change."""

    stages: tuple[str, ...]


Event = (
    ElementAdded | ElementRemoved | FieldChanged | ElementMoved | Linked | Unlinked
    | StagesReordered | LaneAdded | LaneRemoved | LaneChanged | LanesReordered
    | MetaChanged | ScoresChanged
)

Listener = Callable[[Any], None]


class EventHub:
    """A minimal observer list; listeners are called in subscription order."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def connect(self, listener: Listener) -> None:
        if listener not in self._listeners:
            self._listeners.append(listener)

    def disconnect(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def emit(self, event: Any) -> None:
        for listener in list(self._listeners):
            listener(event)
