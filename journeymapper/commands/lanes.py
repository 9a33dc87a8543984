"""Undoable lane commands: add, remove (cards first, as child steps),
rename / change kind, and reorder."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from journeymapper.commands.elements import Composite, RemoveElement
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Kind, Lane


class AddLane(QUndoCommand):
    """Insert a lane row at ``index`` (None: at the bottom)."""

    def __init__(self, doc: JourneyMap, name: str, kind: Kind, index: int | None = None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(f"Add lane {name!r}", parent)
        self.doc, self.name, self.kind, self.index = doc, name, kind, index
        self.lane_id = doc.new_id("lane")

    def redo(self) -> None:
        self.doc.add_lane(self.name, self.kind, self.index, lane_id=self.lane_id)

    def undo(self) -> None:
        self.doc.remove_lane(self.lane_id)


class _RemoveEmptyLane(QUndoCommand):
    def __init__(self, doc: JourneyMap, lane_id: str, parent: QUndoCommand | None) -> None:
        super().__init__("Remove lane", parent)
        self.doc, self.lane_id = doc, lane_id
        self._lane: Lane | None = None
        self._index = 0

    def redo(self) -> None:
        self._lane, self._index = self.doc.remove_lane(self.lane_id)

    def undo(self) -> None:
        assert self._lane is not None
        self.doc.add_lane(self._lane.name, self._lane.kind, self._index, lane_id=self._lane.id)


class RemoveLane(Composite):
    """Remove a lane; the cards in it are removed first as child commands."""

    def __init__(self, doc: JourneyMap, lane_id: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(f"Remove lane {doc.lane(lane_id).name!r}", parent)
        cards = [e.id for stage in (None, *doc.stage_order) for e in doc.cell(stage, lane_id)]
        self.steps = [RemoveElement(doc, card) for card in cards]
        self.steps.append(_RemoveEmptyLane(doc, lane_id, None))
        self.card_count = len(cards)


class UpdateLane(QUndoCommand):
    """Rename a lane and/or change the kind new cards in it get."""

    def __init__(self, doc: JourneyMap, lane_id: str, name: str | None = None,
                 kind: Kind | None = None, parent: QUndoCommand | None = None) -> None:
        super().__init__("Rename lane" if kind is None else "Change lane", parent)
        self.doc, self.lane_id, self.name, self.kind = doc, lane_id, name, kind
        self.old = doc.lane(lane_id)

    def redo(self) -> None:
        self.doc.update_lane(self.lane_id, self.name, self.kind)

    def undo(self) -> None:
        self.doc.update_lane(self.lane_id, self.old.name, self.old.kind)


class MoveLane(QUndoCommand):
    """Move a lane row to ``index`` in the lane order."""

    def __init__(self, doc: JourneyMap, lane_id: str, index: int,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(f"Move lane {doc.lane(lane_id).name!r}", parent)
        self.doc, self.lane_id = doc, lane_id
        self.old = tuple(lane.id for lane in doc.lanes)
        order = [i for i in self.old if i != lane_id]
        order.insert(max(0, min(index, len(order))), lane_id)
        self.new = tuple(order)

    def redo(self) -> None:
        self.doc.set_lane_order(self.new)

    def undo(self) -> None:
        self.doc.set_lane_order(self.old)
