"""Undoable commands that add, remove, edit and move cards and stages.

Each command's do()/revert() only call JourneyMap methods; the canvas
follows through the document's change sets. A removal keeps what the
document took out (the element, its links, its scores, its place) and
restores all of it exactly on undo.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtGui import QUndoCommand

from journeymapper.commands.base import Composite, DocCommand, card_name, kind_name, translate
from journeymapper.model.document import JourneyMap, Removed
from journeymapper.model.elements import FIELD_INDEX, Element, Kind, Placement
from journeymapper.model.ids import id_prefix
from journeymapper.model.links import LinkKind
from journeymapper.words import field_label

__all__ = ["AddCard", "AddStage", "Composite", "MoveCards", "MoveStage", "RemoveElement",
           "RemoveElements", "RemoveStage", "SetField", "id_prefix"]


class AddCard(DocCommand):
    """Add one card at the end of a cell; ``element_id`` is known before redo()."""

    def __init__(self, doc: JourneyMap, kind: Kind, stage: str | None, lane: str,
                 text: str = "", fields: Mapping[str, Any] | None = None,
                 parent: QUndoCommand | None = None) -> None:
        if text.strip():
            label = translate("Commands", "Add {kind} {card}").format(
                kind=kind_name(kind), card=card_name(Element("", kind, {"text": text})))
        else:
            label = translate("Commands", "Add {kind}").format(kind=kind_name(kind))
        super().__init__(doc, label, parent)
        self.kind, self.stage, self.lane = kind, stage, lane
        self.text_value, self.fields = text, dict(fields or {})
        self.element_id = doc.new_id(id_prefix(kind))
        self._added: Element | None = None

    def do(self) -> None:
        if self._added is None:
            self.doc.add_card(self.kind, self.stage, self.lane, self.text_value,
                              element_id=self.element_id, **self.fields)
            self._added = self.doc.element(self.element_id)
        else:
            self.doc.insert_element(self._added)

    def revert(self) -> None:
        self.doc.remove_element(self.element_id)


class RemoveElement(DocCommand):
    """Remove one element (a card, or a stage whose column is empty) with
    everything that refers to it."""

    def __init__(self, doc: JourneyMap, element_id: str,
                 parent: QUndoCommand | None = None) -> None:
        element = doc.element(element_id)
        super().__init__(doc, translate("Commands", "Remove {card}").format(card=card_name(element)), parent)
        self.element_id = element_id
        self._removed: Removed | None = None

    def do(self) -> None:
        self._removed = self.doc.remove_element(self.element_id)

    def revert(self) -> None:
        assert self._removed is not None
        self.doc.restore(self._removed)


def _cards_of_stage(doc: JourneyMap, stage_id: str) -> list[str]:
    return [e.id for lane in doc.lanes for e in doc.cell(stage_id, lane.id)]


class RemoveStage(Composite):
    """Remove a stage; the cards in its column go first, each as a child step."""

    def __init__(self, doc: JourneyMap, stage_id: str,
                 parent: QUndoCommand | None = None) -> None:
        name = doc.element(stage_id).text
        super().__init__(doc, translate("Commands", "Remove stage “{name}”").format(name=name), parent)
        self.stage_id = stage_id
        self.card_count = doc.cards_in_stage(stage_id)

    def plan(self) -> list[DocCommand]:
        cards = _cards_of_stage(self.doc, self.stage_id)
        self.card_count = len(cards)
        return [*(RemoveElement(self.doc, card) for card in cards),
                RemoveElement(self.doc, self.stage_id)]


class RemoveElements(Composite):
    """Remove a selection of cards and stages in one step (stages cascade)."""

    def __init__(self, doc: JourneyMap, ids: Iterable[str],
                 parent: QUndoCommand | None = None) -> None:
        self.wanted = [i for i in dict.fromkeys(ids) if i in doc]
        stages, cards = self._split(doc)
        in_stages = sum(doc.cards_in_stage(s) for s in stages)
        super().__init__(doc, _removal_text(len(cards) + in_stages, len(stages)), parent)
        self.removed = cards + stages

    def _split(self, doc: JourneyMap) -> tuple[list[str], list[str]]:
        present = [i for i in self.wanted if i in doc]
        stages = [i for i in present if doc.element(i).kind is Kind.STAGE]
        in_stages = {c for s in stages for c in _cards_of_stage(doc, s)}
        cards = [i for i in present if i not in stages and i not in in_stages]
        return stages, cards

    def plan(self) -> list[DocCommand]:
        stages, cards = self._split(self.doc)
        return [*(RemoveElement(self.doc, card) for card in cards),
                *(RemoveStage(self.doc, stage) for stage in stages)]

    def is_empty(self) -> bool:
        return not self.removed


def _removal_text(cards: int, stages: int) -> str:
    if stages and cards:
        return translate("Commands", "Remove {stages} and {cards}").format(
            stages=translate("Commands", "%n stage(s)", None, stages),
            cards=translate("Commands", "%n card(s)", None, cards))
    if stages:
        return translate("Commands", "Remove %n stage(s)", None, stages)
    if cards:
        return translate("Commands", "Remove %n card(s)", None, cards)
    return translate("Commands", "Remove nothing")


class SetField(DocCommand):
    """Change one field; consecutive typing (``typing=True``) in the same
    field of the same element merges into one undo step."""

    MERGE_ID = 0x4A4D01

    def __init__(self, doc: JourneyMap, element_id: str, field: str, value: Any,
                 typing: bool = False, parent: QUndoCommand | None = None) -> None:
        element = doc.element(element_id)
        super().__init__(doc, _edit_text(element, field), parent)
        self.element_id, self.field = element_id, field
        self.old: Any = None
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

    def do(self) -> None:
        self.old = self.doc.element(self.element_id).fields.get(self.field)
        self.doc.set_field(self.element_id, self.field, self.new)

    def revert(self) -> None:
        self.doc.set_field(self.element_id, self.field, self.old)


def _edit_text(element: Element, field: str) -> str:
    """'Edit text of “Coupon code…”', 'Rename stage “Purchase”', 'Edit “Coupon…”: Due date'."""
    if element.kind is Kind.STAGE and field == "text":
        return translate("Commands", "Rename stage {card}").format(card=card_name(element))
    if field == "text":
        return translate("Commands", "Edit text of {card}").format(card=card_name(element))
    spec = FIELD_INDEX[element.kind].get(field)
    label = field_label(element.kind, field) if spec is not None else field
    return translate("Commands", "Edit {card}: {field}").format(card=card_name(element), field=label)


class MoveCards(DocCommand):
    """Move any number of cards (new placements by id) as one undo step."""

    def __init__(self, doc: JourneyMap, moves: Mapping[str, Placement],
                 parent: QUndoCommand | None = None) -> None:
        self.new = {i: p for i, p in moves.items() if doc.element(i).placement != p}
        n = len(self.new)
        if n == 1:
            card = card_name(doc.element(next(iter(self.new))))
            text = translate("Commands", "Move {card}").format(card=card)
        else:
            text = translate("Commands", "Move %n card(s)", None, n)
        super().__init__(doc, text, parent)
        self.old: dict[str, Placement] = {}

    def do(self) -> None:
        self.old = {}
        for element_id, placement in self.new.items():
            old = self.doc.element(element_id).placement
            assert old is not None
            self.old[element_id] = old
            self.doc.move_element(element_id, placement)

    def revert(self) -> None:
        for element_id, placement in reversed(self.old.items()):
            self.doc.move_element(element_id, placement)


class AddStage(DocCommand):
    """Insert a stage column at ``index`` (None: at the end). Put between two
    stages where the first leads to the second, it joins the flow: A -> new
    -> B instead of A -> B, in the same step."""

    def __init__(self, doc: JourneyMap, name: str, index: int | None = None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(doc, translate("Commands", "Add stage “{name}”").format(name=name), parent)
        self.name, self.index = name, index
        self.element_id = doc.new_id("stage")
        self.joined: tuple[str, str] | None = None

    def do(self) -> None:
        order = self.doc.stage_order
        self.joined = None
        if self.index is not None and 0 < self.index < len(order):
            before, after = order[self.index - 1], order[self.index]
            if self.doc.link_kind(before, after) is LinkKind.LEADS_TO:
                self.joined = (before, after)
        self.doc.add_stage(self.name, self.index, element_id=self.element_id)
        if self.joined is not None:
            before, after = self.joined
            self.doc.unlink(before, after)
            self.doc.link(before, self.element_id, LinkKind.LEADS_TO)
            self.doc.link(self.element_id, after, LinkKind.LEADS_TO)

    def revert(self) -> None:
        self.doc.remove_element(self.element_id)
        if self.joined is not None:
            self.doc.link(*self.joined, LinkKind.LEADS_TO)


class MoveStage(DocCommand):
    """Move a stage column to another position in the stage order."""

    def __init__(self, doc: JourneyMap, stage_id: str, index: int,
                 parent: QUndoCommand | None = None) -> None:
        name = doc.element(stage_id).text
        super().__init__(doc, translate("Commands", "Move stage “{name}”").format(name=name), parent)
        self.stage_id, self.index = stage_id, index
        self.old: tuple[str, ...] = ()

    def do(self) -> None:
        self.old = self.doc.stage_order
        self.doc.move_stage(self.stage_id, self.index)

    def revert(self) -> None:
        self.doc.set_stage_order(self.old)
