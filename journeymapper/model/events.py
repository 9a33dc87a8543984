"""Change events of a journey document, and the change sets that carry them.

The document records exactly one event for each change that really changed
a value, and delivers the events of one transaction together, after the
transaction, as a :class:`ChangeSet` with its origin. Events are small
frozen dataclasses that carry everything that changed (an ElementAdded
carries the element, a ScoresChanged the scores that went in and out), so
a listener never reads the model back to learn what happened.

Observers (the canvas, panels, autosave, a co-editing binding) subscribe
with ``doc.changes.connect(listener)``; ``listener(change_set)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from journeymapper.model.elements import Element, Lane, Placement
from journeymapper.model.links import Link
from journeymapper.model.scores import Score, Wave

#: Where a change set came from.
LOCAL = "local"    # a user's gesture, a command run for the first time, an import
UNDO = "undo"      # an undo
REDO = "redo"      # a redo
REMOTE = "remote"  # a colleague's change received from a session
LOAD = "load"      # a file being read
ORIGINS = (LOCAL, UNDO, REDO, REMOTE, LOAD)


@dataclass(frozen=True)
class ElementAdded:
    element: Element
    stage_index: int | None = None  # where a stage went in the stage order

    @property
    def id(self) -> str:
        return self.element.id


@dataclass(frozen=True)
class ElementRemoved:
    element: Element
    stage_index: int | None = None  # where a stage was in the stage order

    @property
    def id(self) -> str:
        return self.element.id


@dataclass(frozen=True)
class FieldChanged:
    id: str
    field: str
    old: Any
    new: Any
    element: Element  # the element after the change


@dataclass(frozen=True)
class KindChanged:
    """A card became another kind (a pain point that is really an
    opportunity); its fields were mapped to the new kind's."""

    id: str
    old: Element     # the element before
    element: Element  # the element after

    @property
    def kinds(self) -> tuple[Any, Any]:
        return self.old.kind, self.element.kind


@dataclass(frozen=True)
class ElementMoved:
    id: str
    old: Placement | None
    new: Placement | None
    element: Element  # the element after the move


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
    """A map property (title, description, ...) changed."""

    key: str
    old: Any
    new: Any


@dataclass(frozen=True)
class SettingChanged:
    """A map setting (emotion_range, ...) changed."""

    key: str
    old: Any
    new: Any


@dataclass(frozen=True)
class ExtraChanged:
    """A root value this version does not know, kept for a round trip, changed."""

    key: str
    old: Any
    new: Any


@dataclass(frozen=True)
class ScoresChanged:
    """Scores went in (``added``, replacing any with the same key, which are
    listed in ``removed``) or out (``removed``)."""

    added: tuple[Score, ...] = ()
    removed: tuple[Score, ...] = ()

    @property
    def stages(self) -> tuple[str, ...]:
        """The stages whose badges change."""
        return tuple(sorted({s.stage for s in (*self.added, *self.removed)}))


@dataclass(frozen=True)
class WavesChanged:
    """The wave list changed (a wave added, removed, renamed, re-dated or reordered)."""

    old: tuple[Wave, ...]
    new: tuple[Wave, ...]


@dataclass(frozen=True)
class RecordChanged:
    """A keyed record of a feature changed (see model/records.py); ``old`` or
    ``new`` is None when the record was absent / is removed."""

    section: str
    key: str
    old: Any
    new: Any


Event = (
    ElementAdded | ElementRemoved | FieldChanged | KindChanged | ElementMoved | Linked | Unlinked
    | StagesReordered | LaneAdded | LaneRemoved | LaneChanged | LanesReordered
    | MetaChanged | SettingChanged | ExtraChanged | ScoresChanged | WavesChanged | RecordChanged
)


@dataclass(frozen=True)
class ChangeSet:
    """The events of one transaction, in the order they happened."""

    origin: str
    events: tuple[Any, ...]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.events)

    def __len__(self) -> int:
        return len(self.events)

    def of(self, *types: type) -> list[Any]:
        """The events of the given types."""
        return [e for e in self.events if isinstance(e, types)]


Listener = Callable[[ChangeSet], None]


class ChangeHub:
    """A minimal observer list; listeners are called in subscription order."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def connect(self, listener: Listener) -> None:
        if listener not in self._listeners:
            self._listeners.append(listener)

    def disconnect(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def emit(self, change_set: ChangeSet) -> None:
        for listener in list(self._listeners):
            listener(change_set)

    def __len__(self) -> int:
        return len(self._listeners)
