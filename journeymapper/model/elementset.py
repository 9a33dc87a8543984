"""A map's elements and where they sit: each element by id, the stages in
their order (the columns), and the cards of each cell (stage, lane).

Every change is recorded in the document's journal (ElementAdded,
ElementRemoved, FieldChanged, KindChanged, ElementMoved, StagesReordered),
so it joins the document's transactions. The document checks what needs the
other parts of the map (an id a lane has taken, the links and scores of a
card, the records that refer to it) before it hands a change over; the lane
ids a placement may name are handed in.

``by_id`` and ``stage_order`` are changed in place and never replaced: the
document reads ``by_id`` directly, since looking an element up is the hot
path of loading, the canvas and the PDF.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator, Mapping
from typing import Any

from journeymapper.i18n import N_, plural_message
from journeymapper.model import events as ev
from journeymapper.model.elements import (
    FIELD_INDEX,
    Element,
    Kind,
    Placement,
    check_field,
    default_fields,
    freeze,
    placement_problem,
)
from journeymapper.model.errors import FieldError, LayoutError, ModelError, UnknownElementError
from journeymapper.model.journal import Journal

Cell = tuple[str | None, str]


class ElementSet:
    """The elements of one map, its stage order and its cells."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal
        self.by_id: dict[str, Element] = {}
        self.stage_order: list[str] = []
        self._cells: dict[Cell, set[str]] = {}

    def copy(self, journal: Journal) -> ElementSet:
        copy = ElementSet(journal)
        copy.by_id.update(self.by_id)
        copy.stage_order[:] = self.stage_order
        copy._cells = {cell: set(ids) for cell, ids in self._cells.items() if ids}
        return copy

    def get(self, element_id: str) -> Element:
        try:
            return self.by_id[element_id]
        except (KeyError, TypeError):
            raise UnknownElementError(element_id) from None

    # ------------------------------------------------------------ cells
    def cell(self, stage: str | None, lane: str) -> list[Element]:
        """The cards of one cell in their order."""
        ids = self._cells.get((stage, lane), ())
        items = [self.by_id[i] for i in ids]
        items.sort(key=lambda e: (e.placement.order, e.id))
        return items

    def next_order(self, cell: Cell) -> int:
        ids = self._cells.get(cell, ())
        return 1 + max((self.by_id[i].placement.order for i in ids), default=-1)

    def cells(self) -> Iterator[tuple[Cell, list[Element]]]:
        for key in list(self._cells):
            if self._cells[key]:
                yield key, self.cell(*key)

    def cards_in_lane(self, lane_id: str) -> int:
        return sum(len(ids) for (_, lane), ids in self._cells.items() if lane == lane_id)

    def cards_in_stage(self, stage_id: str) -> int:
        return sum(len(ids) for (stage, _), ids in self._cells.items() if stage == stage_id)

    # ------------------------------------------------------------ checks
    @staticmethod
    def complete(element: Element) -> Element:
        """``element`` with every field of its kind (the missing ones at their
        defaults); raises FieldError for a field its kind does not allow."""
        for name, value in element.fields.items():
            problem = check_field(element.kind, name, value)
            if problem:
                raise FieldError(element.id, name, problem)
        missing = set(FIELD_INDEX[element.kind]) - set(element.fields)
        if missing:
            defaults = default_fields(element.kind)
            element = element.with_fields(**{name: defaults[name] for name in missing})
        return element

    def check_placement(self, element_id: str, kind: Kind, placement: Placement | None,
                        lanes: Container[str]) -> None:
        """Raise LayoutError unless a card may sit at ``placement`` (``lanes``: the lane ids)."""
        if placement is None:
            raise LayoutError(N_("{id}: a {kind} card needs a lane placement"), id=element_id,
                              kind=kind.value)
        stage = self.by_id.get(placement.stage) if placement.stage is not None else None
        if placement.stage is not None and (stage is None or stage.kind is not Kind.STAGE):
            raise LayoutError(N_("{id}: placement.stage {stage!r} is not a stage"),
                              id=element_id, stage=placement.stage)
        if placement.lane not in lanes:
            raise LayoutError(N_("{id}: placement.lane {lane!r} is not a lane"), id=element_id,
                              lane=placement.lane)
        problem = placement_problem(placement)
        if problem:
            raise LayoutError(N_("{id}: {problem}"), id=element_id, problem=problem)

    # ------------------------------------------------------------ changes
    def add(self, element: Element, stage_index: int | None, lanes: Container[str]) -> Element:
        """(in a transaction; the id is the document's to check) Insert a complete
        element; missing fields get their defaults. Returns the element as stored."""
        element = self.complete(element)
        index = None
        if element.kind is Kind.STAGE:
            if element.placement is not None:
                raise LayoutError(N_("{id}: a stage has no lane placement"), id=element.id)
            index = len(self.stage_order) if stage_index is None else stage_index
            if not 0 <= index <= len(self.stage_order):
                raise LayoutError(N_("{id}: stage index {index} out of range"), id=element.id,
                                  index=index)
        else:
            self.check_placement(element.id, element.kind, element.placement, lanes)
        self._put(element, index)
        self._journal.record(ev.ElementAdded(element, index), lambda: self._drop(element))
        return element

    def removable(self, element: Element) -> int | None:
        """The index of a stage that holds no card (None for a card); raises
        LayoutError for a stage that still holds cards."""
        if element.kind is not Kind.STAGE:
            return None
        held = self.cards_in_stage(element.id)
        if held:
            raise LayoutError(plural_message(
                "stage {id} still holds {n} card; move or remove it first",
                "stage {id} still holds {n} cards; move or remove them first",
                held, id=element.id))
        return self.stage_order.index(element.id)

    def remove(self, element: Element, stage_index: int | None) -> None:
        """(in a transaction, after :meth:`removable`; the document removes
        what refers to the element first)"""
        self._drop(element)
        self._journal.record(ev.ElementRemoved(element, stage_index),
                             lambda: self._put(element, stage_index))

    def _put(self, element: Element, stage_index: int | None) -> None:
        self.by_id[element.id] = element
        if element.kind is Kind.STAGE:
            assert stage_index is not None
            self.stage_order.insert(stage_index, element.id)
        else:
            assert element.placement is not None
            self._cells.setdefault(element.placement.cell, set()).add(element.id)

    def _drop(self, element: Element) -> None:
        del self.by_id[element.id]
        if element.kind is Kind.STAGE:
            self.stage_order.remove(element.id)
        else:
            assert element.placement is not None
            self._cells[element.placement.cell].discard(element.id)

    def set_field(self, element_id: str, name: str, value: Any) -> None:
        """(in a transaction)"""
        element = self.get(element_id)
        problem = check_field(element.kind, name, value)
        if problem:
            raise FieldError(element_id, name, problem)
        value = freeze(value)
        old = element.fields.get(name)
        if old == value:
            return
        new = element.with_fields(**{name: value})
        self._swap(element, new, ev.FieldChanged(element_id, name, old, value, new))

    def retyped(self, element: Element, kind: Kind, fields: Mapping[str, Any] | None) -> Element:
        """``element`` as a card of ``kind`` (``element`` itself when that is its
        kind and no ``fields`` are given): the fields both kinds have keep their
        value when it is allowed, the rest take their defaults; ``fields`` gives
        them exactly instead. Nothing changes here: see :meth:`change_kind`."""
        if Kind.STAGE in (kind, element.kind):
            raise ModelError(N_("{id}: a stage cannot change kind, nor a card become a stage"),
                             id=element.id)
        if kind is element.kind and fields is None:
            return element
        if fields is None:
            fields = {name: value for name, value in element.fields.items()
                      if name in FIELD_INDEX[kind] and check_field(kind, name, value) is None}
        missing = set(FIELD_INDEX[kind]) - set(fields)
        values = {**{n: v for n, v in default_fields(kind).items() if n in missing}, **fields}
        return self.complete(Element(element.id, kind, values, element.placement, element.extra))

    def change_kind(self, element: Element, new: Element) -> None:
        """(in a transaction) Put ``new``, made by :meth:`retyped`, in ``element``'s place."""
        self._swap(element, new, ev.KindChanged(element.id, element, new))

    def _swap(self, element: Element, new: Element, event: Any) -> None:
        self.by_id[element.id] = new
        self._journal.record(event, lambda: self.by_id.__setitem__(element.id, element))

    def move(self, element_id: str, placement: Placement, lanes: Container[str]) -> None:
        """(in a transaction) Put a card in another cell / order / offset."""
        element = self.get(element_id)
        if element.kind is Kind.STAGE:
            raise LayoutError(N_("stages move with move_stage"))
        self.check_placement(element_id, element.kind, placement, lanes)
        old = element.placement
        if old == placement:
            return
        assert old is not None
        new = element.with_placement(placement)
        self._relocate(element_id, old, new)
        self._journal.record(ev.ElementMoved(element_id, old, placement, new),
                             lambda: self._relocate(element_id, placement, element))

    def _relocate(self, element_id: str, old: Placement, new: Element) -> None:
        assert new.placement is not None
        if old.cell != new.placement.cell:
            self._cells[old.cell].discard(element_id)
            self._cells.setdefault(new.placement.cell, set()).add(element_id)
        self.by_id[element_id] = new

    # ------------------------------------------------------------ stage order
    def set_stage_order(self, order: Iterable[str]) -> None:
        """(in a transaction)"""
        new = tuple(order)
        if sorted(new) != sorted(self.stage_order):
            raise LayoutError(N_("a new stage order must hold exactly the current stages"))
        old = tuple(self.stage_order)
        if new == old:
            return
        self.stage_order[:] = new
        self._journal.record(ev.StagesReordered(old, new),
                             lambda: self.stage_order.__setitem__(slice(None), old))

    def move_stage(self, stage_id: str, index: int) -> None:
        """(in a transaction)"""
        order = [s for s in self.stage_order if s != stage_id]
        if len(order) == len(self.stage_order):
            raise UnknownElementError(stage_id)
        order.insert(max(0, min(index, len(order))), stage_id)
        self.set_stage_order(order)
