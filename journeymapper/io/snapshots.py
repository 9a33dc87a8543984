"""Detached, read-only copies of a document that another thread may serialise.

:class:`SnapshotTaker` follows a document's events and keeps private copies
of its elements, links and scores, re-copying only what changed since the
last snapshot; :meth:`SnapshotTaker.take` then costs a few dictionary copies
however large the map is, so the window can take one on the UI thread and
hand it to a worker. A :class:`MapSnapshot` offers what
:func:`journeymapper.io.serialize.dumps` reads, and gives the same bytes as
the document it was taken from.

The copies are never changed once made (a change replaces them), so
successive snapshots share the unchanged ones.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from journeymapper.model import events as ev
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Element, Kind, Lane
from journeymapper.model.links import Link, LinkKind
from journeymapper.model.scores import Score, Wave

_ELEMENT_EVENTS = (ev.ElementAdded, ev.ElementRemoved, ev.FieldChanged, ev.ElementMoved)


class MapSnapshot:
    """A document as it was when the snapshot was taken; nothing here changes."""

    def __init__(self, meta: dict[str, Any], settings: dict[str, Any], extra: dict[str, Any],
                 lanes: tuple[Lane, ...], stage_order: tuple[str, ...],
                 elements: dict[str, Element], links: dict[tuple[str, str], Link],
                 waves: tuple[Wave, ...], scores: list[Score]) -> None:
        self.meta = meta
        self.settings = settings
        self.extra = extra
        self.lanes = lanes
        self.stage_order = stage_order
        self.waves = waves
        self._elements = elements
        self._links = links
        self._scores = scores

    @property
    def title(self) -> str:
        return str(self.meta.get("title", ""))

    def __len__(self) -> int:
        return len(self._elements)

    def elements(self, kind: Kind | None = None) -> Iterator[Element]:
        return (e for e in self._elements.values() if kind is None or e.kind is kind)

    def links(self, kind: LinkKind | None = None) -> Iterator[Link]:
        return (lk for lk in self._links.values() if kind is None or lk.kind is kind)

    def scores(self) -> list[Score]:
        return list(self._scores)


class SnapshotTaker:
    """Cheap snapshots of one document: call :meth:`take` on the thread that
    changes the document, :meth:`close` when done with it."""

    def __init__(self, doc: JourneyMap) -> None:
        self.doc = doc
        self._elements = {e.id: e.copy() for e in doc.elements()}
        self._links = {(lk.source, lk.target): lk for lk in doc.links()}
        self._scores = [s.copy() for s in doc.scores()]
        self._changed: set[str] = set()
        self._scores_changed = False
        doc.events.connect(self._event)

    def close(self) -> None:
        self.doc.events.disconnect(self._event)

    def _event(self, event: Any) -> None:
        if isinstance(event, _ELEMENT_EVENTS):
            self._changed.add(event.id)
        elif isinstance(event, ev.Linked):
            self._links[(event.link.source, event.link.target)] = event.link
        elif isinstance(event, ev.Unlinked):
            self._links.pop((event.link.source, event.link.target), None)
        elif isinstance(event, ev.ScoresChanged):
            self._scores_changed = True

    def take(self) -> MapSnapshot:
        doc = self.doc
        for element_id in self._changed:
            if element_id in doc:
                self._elements[element_id] = doc.element(element_id).copy()
            else:
                self._elements.pop(element_id, None)
        self._changed.clear()
        if self._scores_changed:
            self._scores = [s.copy() for s in doc.scores()]
            self._scores_changed = False
        return MapSnapshot(copy.deepcopy(doc.meta), copy.deepcopy(doc.settings),
                           copy.deepcopy(doc.extra), doc.lanes, doc.stage_order,
                           dict(self._elements), dict(self._links), doc.waves,
                           list(self._scores))
