"""Undoable steps of fast capture: a card becomes another kind (and moves
to that kind's lane), cards dropped into another kind's lane take its kind,
and a list of cards imported at once (new stages included)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from journeymapper.commands.base import Composite, DocCommand, card_name, kind_name
from journeymapper.commands.elements import AddStage, MoveCards
from journeymapper.commands.paste import PasteElements
from journeymapper.io.cardlist import CardPlan, card_elements
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Element, Kind, Placement
from journeymapper.model.links import Link

translate = QCoreApplication.translate


class ChangeKind(DocCommand):
    """Make a card another kind: links the new kind cannot have go first, the
    fields are mapped (model: JourneyMap.change_kind), and with
    ``to_lane`` the card moves to the lane of that kind in its stage when
    its own lane holds another kind. Undo gives back the card exactly."""

    def __init__(
        self,
        doc: JourneyMap,
        element_id: str,
        kind: Kind,
        to_lane: bool = True,
        parent: QUndoCommand | None = None,
    ) -> None:
        element = doc.element(element_id)
        super().__init__(
            doc,
            translate("Commands", "Change {card} to {kind}").format(
                card=card_name(element), kind=kind_name(kind)
            ),
            parent,
        )
        self.element_id, self.kind, self.to_lane = element_id, kind, to_lane
        self.old: Element | None = None
        self.unlinked: list[Link] = []

    def do(self) -> None:
        doc = self.doc
        self.old = old = doc.element(self.element_id)
        self.unlinked = [doc.unlink(link.source, link.target)
                         for link in doc.links_barred(self.element_id, self.kind)]
        doc.change_kind(self.element_id, self.kind)
        p = old.placement
        if self.to_lane and p is not None and p.stage is not None and doc.lane(p.lane).kind is not self.kind:
            home = doc.lane_for_kind(self.kind)
            if home is not None:
                cell = (p.stage, home.id)
                doc.move_element(self.element_id, Placement(*cell, doc.next_order(cell)))

    def revert(self) -> None:
        assert self.old is not None
        doc, old = self.doc, self.old
        if old.placement is not None and doc.element(self.element_id).placement != old.placement:
            doc.move_element(self.element_id, old.placement)
        doc.change_kind(self.element_id, old.kind, fields=old.fields)
        for link in self.unlinked:
            doc.link(link.source, link.target, link.kind)


class ChangeKinds(Composite):
    """Several cards become one kind, as one step."""

    def __init__(
        self, doc: JourneyMap, ids: list[str], kind: Kind, parent: QUndoCommand | None = None
    ) -> None:
        n = len(ids)
        super().__init__(
            doc,
            translate("Commands", "Change %n card(s) to {kind}", None, n).format(kind=kind_name(kind)),
            parent,
        )
        self.ids, self.kind = list(ids), kind

    def plan(self) -> list[DocCommand]:
        return [
            ChangeKind(self.doc, i, self.kind) for i in self.ids if self.doc.element(i).kind is not self.kind
        ]


class MoveAndRetype(Composite):
    """A drop into lanes of other kinds: the move, then each card that landed
    in a lane of another kind takes that lane's kind; one undo step."""

    def __init__(
        self, doc: JourneyMap, moves: Mapping[str, Placement], parent: QUndoCommand | None = None
    ) -> None:
        self.move = MoveCards(doc, moves)
        super().__init__(doc, self.move.text(), parent)
        self.moves = dict(moves)

    def plan(self) -> list[DocCommand]:
        steps: list[DocCommand] = [self.move]
        for element_id, kind in retyped(self.doc, self.moves).items():
            steps.append(ChangeKind(self.doc, element_id, kind, to_lane=False))
        return steps


def retyped(doc: JourneyMap, moves: Mapping[str, Placement]) -> dict[str, Kind]:
    """card -> the kind of the lane a move puts it in, for the cards whose
    kind differs (personas and moves into the persona strip excepted)."""
    out = {}
    for element_id, placement in moves.items():
        element = doc.element(element_id)
        if placement.stage is None or element.kind in (Kind.PERSONA, Kind.STAGE):
            continue
        lane_kind = doc.lane(placement.lane).kind
        if (
            lane_kind not in (element.kind, Kind.PERSONA)
            and element.placement is not None
            and element.placement.lane != placement.lane
        ):
            out[element_id] = lane_kind
    return out


class ImportCards(Composite):
    """Cards from a list (io/cardlist.py): its new stages at the end first,
    then the cards, as one step."""

    def __init__(self, doc: JourneyMap, plan: CardPlan, parent: QUndoCommand | None = None) -> None:
        n = len(plan.cards)
        text = translate("Commands", "Import %n card(s)", None, n)
        if plan.file:
            text = translate("Commands", "{what} from {source}").format(what=text, source=plan.file)
        super().__init__(doc, text, parent)
        self.card_plan = plan
        self.stage_steps = [AddStage(doc, name) for name in plan.new_stages]
        self.paste: PasteElements | None = None

    def plan(self) -> list[DocCommand]:
        if self.paste is None:
            elements = card_elements(self.doc, self.card_plan, [s.element_id for s in self.stage_steps])
            self.paste = PasteElements(self.doc, elements, [], "add")
        return [*self.stage_steps, self.paste]

    @property
    def ids(self) -> list[str]:
        return self.paste.ids if self.paste is not None else []
