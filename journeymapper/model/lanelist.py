"""A map's lanes (the rows of the grid), in order: each a frozen Lane.

Every change is recorded in the document's journal (LaneAdded, LaneRemoved,
LaneChanged, LanesReordered), so it joins the document's transactions. The
document checks what needs its elements and ids (a lane that still holds
cards, an id taken by an element) before it hands a change over.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from journeymapper.i18n import N_
from journeymapper.model import events as ev
from journeymapper.model.elements import Kind, Lane, text_problem
from journeymapper.model.errors import LayoutError
from journeymapper.model.journal import Journal


class LaneList:
    """The lanes of one map, in order."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal
        self._lanes: list[Lane] = []
        self._ids: set[str] = set()

    def copy(self, journal: Journal) -> LaneList:
        lanes = LaneList(journal)
        lanes._lanes = list(self._lanes)
        lanes._ids = set(self._ids)
        return lanes

    # ------------------------------------------------------------ reading
    def all(self) -> tuple[Lane, ...]:
        return tuple(self._lanes)

    def __contains__(self, lane_id: object) -> bool:
        return lane_id in self._ids

    def get(self, lane_id: str) -> Lane:
        index = self._index(lane_id)
        if index is None:
            raise LayoutError(N_("no lane with id {id!r}"), id=lane_id)
        return self._lanes[index]

    def for_kind(self, kind: Kind) -> Lane | None:
        return next((lane for lane in self._lanes if lane.kind is kind), None)

    def _index(self, lane_id: str) -> int | None:
        if lane_id not in self._ids:
            return None
        for i, lane in enumerate(self._lanes):
            if lane.id == lane_id:
                return i
        return None

    # ------------------------------------------------------------ changes
    @staticmethod
    def check_new(name: Any, kind: Kind) -> None:
        """Raise LayoutError unless a lane ``name`` of ``kind`` may be added."""
        if kind is Kind.STAGE:
            raise LayoutError(N_("a lane cannot hold stages"))
        check_lane_name(name)

    def add(self, lane_id: str, name: str, kind: Kind, index: int | None) -> Lane:
        """(in a transaction; the id is the document's to check)"""
        self.check_new(name, kind)
        index = len(self._lanes) if index is None else max(0, min(index, len(self._lanes)))
        lane = Lane(lane_id, name, kind)
        self._put(lane, index)
        self._journal.record(ev.LaneAdded(lane, index), lambda: self._drop(lane))
        return lane

    def _drop(self, lane: Lane) -> None:
        self._lanes.remove(lane)
        self._ids.discard(lane.id)

    def _put(self, lane: Lane, index: int) -> None:
        self._lanes.insert(index, lane)
        self._ids.add(lane.id)

    def remove(self, lane: Lane) -> int:
        """(in a transaction; the document checks the lane holds no card)"""
        index = self._lanes.index(lane)
        self._drop(lane)
        self._journal.record(ev.LaneRemoved(lane, index), lambda: self._put(lane, index))
        return index

    def update(self, lane_id: str, name: str | None, kind: Kind | None) -> None:
        """(in a transaction)"""
        old = self.get(lane_id)
        if kind is Kind.STAGE:
            raise LayoutError(N_("a lane cannot hold stages"))
        if name is not None:
            check_lane_name(name)
        new = Lane(old.id, old.name if name is None else name, old.kind if kind is None else kind)
        if new == old:
            return
        index = self._lanes.index(old)
        self._lanes[index] = new
        self._journal.record(ev.LaneChanged(old, new), lambda: self._lanes.__setitem__(index, old))

    def set_order(self, order: Iterable[str]) -> None:
        """(in a transaction)"""
        new = tuple(order)
        old_lanes = tuple(self._lanes)
        old = tuple(lane.id for lane in old_lanes)
        if sorted(new) != sorted(old):
            raise LayoutError(N_("a new lane order must hold exactly the current lanes"))
        if new == old:
            return
        by_id = {lane.id: lane for lane in old_lanes}
        self._lanes[:] = [by_id[i] for i in new]
        self._journal.record(ev.LanesReordered(old, new),
                             lambda: self._lanes.__setitem__(slice(None), old_lanes))


def check_lane_name(name: Any) -> None:
    problem = text_problem(name)
    if problem:
        raise LayoutError(N_("lane name: {problem}"), problem=problem)
