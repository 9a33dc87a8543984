"""Undoable commands that add, remove, edit and move cards and stages.

Each command's redo()/undo() only call JourneyMap methods; the canvas
follows through the document's events. A removal remembers the element, its
links and its place and puts all of it back exactly on undo.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtGui import QUndoCommand

from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Element, Kind, Placement
from journeymapper.model.links import Link
from journeymapper.wording import counted


def id_prefix(kind: Kind) -> str:
    """The id prefix the document uses for a kind (``pain-point`` ...)."""
    return kind.value.replace("_", "-")


class AddCard(QUndoCommand):
    """Add one card at the end of a cell; ``element_id`` is known before redo()."""

    def __init__(self, doc: JourneyMap, kind: Kind, stage: str | None, lane: str,
                 text: str = "", fields: Mapping[str, Any] | None = None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(f"Add {kind.label.lower()}", parent)
        self.doc, self.kind, self.stage, self.lane = doc, kind, stage, lane
        self.text_value, self.fields = text, dict(fields or {})
        self.element_id = doc.new_id(id_prefix(kind))
        self._added: Element | None = None

    def redo(self) -> None:
        if self._added is None:
            self.doc.add_card(self.kind, self.stage, self.lane, self.text_value,
                              element_id=self.element_id, **self.fields)
            self._added = self.doc.element(self.element_id).copy()
        else:
            self.doc.insert_element(self._added.copy())

    def undo(self) -> None:
        self.doc.remove_element(self.element_id)


class Composite(QUndoCommand):
    """A command made of child steps, redone in order and undone in reverse.

    The steps are plain Python-owned commands (no Qt parent), so their
    lifetime never depends on which side deletes the parent first."""

    def __init__(self, text: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self.steps: list[QUndoCommand] = []

    def redo(self) -> None:
        for step in self.steps:
            step.redo()

    def undo(self) -> None:
        for step in reversed(self.steps):
            step.undo()


class RemoveElement(QUndoCommand):
    """Remove one element (a card, or a stage whose column is empty) with its links."""

    def __init__(self, doc: JourneyMap, element_id: str,
                 parent: QUndoCommand | None = None) -> None:
        kind = doc.element(element_id).kind
        super().__init__(f"Remove {kind.label.lower()}", parent)
        self.doc, self.element_id = doc, element_id
        self._element: Element | None = None
        self._links: list[Link] = []
        self._stage_index: int | None = None

    def redo(self) -> None:
        self._links = self.doc.links_of(self.element_id)
        order = self.doc.stage_order
        self._stage_index = order.index(self.element_id) if self.element_id in order else None
        self._element = self.doc.remove_element(self.element_id).copy()

    def undo(self) -> None:
        assert self._element is not None
        self.doc.insert_element(self._element.copy(), self._stage_index)
        for link in self._links:
            if not self.doc.has_link(link.source, link.target):
                self.doc.link(link.source, link.target, link.kind)


class RemoveStage(Composite):
    """Remove a stage; its cards go first, each as a child step."""

    def __init__(self, doc: JourneyMap, stage_id: str,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(f"Remove stage {doc.element(stage_id).text!r}", parent)
        cards = [e.id for lane in doc.lanes for e in doc.cell(stage_id, lane.id)]
        self.steps = [RemoveElement(doc, card) for card in cards]
        self.steps.append(RemoveElement(doc, stage_id))
        self.card_count = len(cards)


class RemoveElements(Composite):
    """Remove a selection of cards and stages in one step (stages cascade)."""

    def __init__(self, doc: JourneyMap, ids: Iterable[str],
                 parent: QUndoCommand | None = None) -> None:
        wanted = [i for i in dict.fromkeys(ids) if i in doc]
        stages = [i for i in wanted if doc.element(i).kind is Kind.STAGE]
        in_stages = {e.id for s in stages for lane in doc.lanes for e in doc.cell(s, lane.id)}
        cards = [i for i in wanted if i not in stages and i not in in_stages]
        super().__init__(_removal_text(len(cards) + len(in_stages), len(stages)), parent)
        self.steps = [RemoveElement(doc, card) for card in cards]
        self.steps += [RemoveStage(doc, stage) for stage in stages]
        self.removed = cards + stages

    def is_empty(self) -> bool:
        return not self.steps


def _removal_text(cards: int, stages: int) -> str:
    parts = []
    if stages:
        parts.append(counted(stages, "stage"))
    if cards:
        parts.append(counted(cards, "card"))
    return "Remove " + (" and ".join(parts) or "nothing")


class SetField(QUndoCommand):
    """Change one field; consecutive typing (``typing=True``) in the same
    field of the same element merges into one undo step."""

    MERGE_ID = 0x4A4D01

    def __init__(self, doc: JourneyMap, element_id: str, field: str, value: Any,
                 typing: bool = False, parent: QUndoCommand | None = None) -> None:
        element = doc.element(element_id)
        label = "name" if field == "text" and element.kind is Kind.STAGE else field
        super().__init__(f"Edit {element.kind.label.lower()} {label}", parent)
        self.doc, self.element_id, self.field = doc, element_id, field
        self.old = element.fields.get(field)
        self.new = value
        self.typing = typing

    def id(self) -> int:  # noqa: A003 - Qt API
        return self.MERGE_ID if self.typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not (isinstance(other, SetField) and other.typing
                and (other.element_id, other.field) == (self.element_id, self.field)):
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True

    def redo(self) -> None:
        self.doc.set_field(self.element_id, self.field, self.new)

    def undo(self) -> None:
        self.doc.set_field(self.element_id, self.field, self.old)


class MoveCards(QUndoCommand):
    """Move any number of cards (new placements by id) as one undo step."""

    def __init__(self, doc: JourneyMap, moves: Mapping[str, Placement],
                 parent: QUndoCommand | None = None) -> None:
        self.doc = doc
        self.new = {i: p for i, p in moves.items() if doc.element(i).placement != p}
        self.old = {i: doc.element(i).placement for i in self.new}
        n = len(self.new)
        super().__init__(f"Move {counted(n, 'card')}", parent)

    def redo(self) -> None:
        for element_id, placement in self.new.items():
            self.doc.move_element(element_id, placement)

    def undo(self) -> None:
        for element_id, placement in reversed(self.old.items()):
            assert placement is not None
            self.doc.move_element(element_id, placement)


class AddStage(QUndoCommand):
    """Insert a stage column at ``index`` (None: at the end)."""

    def __init__(self, doc: JourneyMap, name: str, index: int | None = None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(f"Add stage {name!r}", parent)
        self.doc, self.name, self.index = doc, name, index
        self.element_id = doc.new_id("stage")

    def redo(self) -> None:
        self.doc.add_stage(self.name, self.index, element_id=self.element_id)

    def undo(self) -> None:
        self.doc.remove_element(self.element_id)


class MoveStage(QUndoCommand):
    """Move a stage column to another position in the stage order."""

    def __init__(self, doc: JourneyMap, stage_id: str, index: int,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(f"Move stage {doc.element(stage_id).text!r}", parent)
        self.doc, self.stage_id, self.index = doc, stage_id, index
        self.old = doc.stage_order

    def redo(self) -> None:
        self.doc.move_stage(self.stage_id, self.index)

    def undo(self) -> None:
        self.doc.set_stage_order(self.old)
