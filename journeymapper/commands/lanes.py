"""Undoable lane commands: add, remove (cards first, as child steps),
rename / change kind, and reorder."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from journeymapper.commands.base import Composite, DocCommand, kind_name, translate
from journeymapper.commands.elements import RemoveElement
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Kind, Lane


class AddLane(DocCommand):
    """Insert a lane row at ``index`` (None: at the bottom)."""

    def __init__(self, doc: JourneyMap, name: str, kind: Kind, index: int | None = None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(doc, translate("Commands", "Add lane “{name}”").format(name=name), parent)
        self.name, self.kind, self.index = name, kind, index
        self.lane_id = doc.new_id("lane")

    def do(self) -> None:
        self.doc.add_lane(self.name, self.kind, self.index, lane_id=self.lane_id)

    def revert(self) -> None:
        self.doc.remove_lane(self.lane_id)


class _RemoveEmptyLane(DocCommand):
    def __init__(self, doc: JourneyMap, lane_id: str) -> None:
        super().__init__(doc, translate("Commands", "Remove lane"))
        self.lane_id = lane_id
        self._lane: Lane | None = None
        self._index = 0

    def do(self) -> None:
        self._lane, self._index = self.doc.remove_lane(self.lane_id)

    def revert(self) -> None:
        assert self._lane is not None
        self.doc.add_lane(self._lane.name, self._lane.kind, self._index, lane_id=self._lane.id)


class RemoveLane(Composite):
    """Remove a lane; the cards in it are removed first as child steps."""

    def __init__(self, doc: JourneyMap, lane_id: str, parent: QUndoCommand | None = None) -> None:
        text = translate("Commands", "Remove lane “{name}”").format(name=doc.lane(lane_id).name)
        super().__init__(doc, text, parent)
        self.lane_id = lane_id
        self.card_count = doc.cards_in_lane(lane_id)

    def plan(self) -> list[DocCommand]:
        cards = [e.id for stage in (None, *self.doc.stage_order)
                 for e in self.doc.cell(stage, self.lane_id)]
        self.card_count = len(cards)
        return [*(RemoveElement(self.doc, card) for card in cards),
                _RemoveEmptyLane(self.doc, self.lane_id)]


class UpdateLane(DocCommand):
    """Rename a lane and/or change the kind new cards in it get."""

    def __init__(self, doc: JourneyMap, lane_id: str, name: str | None = None,
                 kind: Kind | None = None, parent: QUndoCommand | None = None) -> None:
        lane = doc.lane(lane_id)
        if kind is None:
            text = translate("Commands", "Rename lane “{name}”").format(name=lane.name)
        else:
            text = translate("Commands", "Lane “{name}” holds {kind}").format(
                name=lane.name, kind=kind_name(kind))
        super().__init__(doc, text, parent)
        self.lane_id, self.name, self.kind = lane_id, name, kind
        self.old: Lane | None = None

    def do(self) -> None:
        self.old = self.doc.lane(self.lane_id)
        self.doc.update_lane(self.lane_id, self.name, self.kind)

    def revert(self) -> None:
        assert self.old is not None
        self.doc.update_lane(self.lane_id, self.old.name, self.old.kind)


class MoveLane(DocCommand):
    """Move a lane row to ``index`` in the lane order."""

    def __init__(self, doc: JourneyMap, lane_id: str, index: int,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(doc, translate("Commands", "Move lane “{name}”").format(name=doc.lane(lane_id).name),
                         parent)
        self.lane_id, self.index = lane_id, index
        self.old: tuple[str, ...] = ()

    def do(self) -> None:
        self.old = tuple(lane.id for lane in self.doc.lanes)
        order = [i for i in self.old if i != self.lane_id]
        order.insert(max(0, min(self.index, len(order))), self.lane_id)
        self.doc.set_lane_order(order)

    def revert(self) -> None:
        self.doc.set_lane_order(self.old)
