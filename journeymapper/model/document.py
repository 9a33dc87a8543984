"""The journey document: typed elements linked to each other, plus
lanes, stage order, metadata and survey scores.

The document enforces its own rules, hands out only immutable values
(Element, Placement, Lane, Link, Score, Wave; read-only mappings) and changes
only through its methods. Each method runs in a transaction
(:meth:`JourneyMap.transaction`, see :mod:`journeymapper.model.journal`):
listeners connected to ``doc.changes`` receive one ChangeSet per
transaction, with its origin, holding one event per real change
(ElementAdded, ElementRemoved, FieldChanged, KindChanged, ElementMoved, Linked, Unlinked,
StagesReordered, LaneAdded, LaneRemoved, LaneChanged, LanesReordered,
MetaChanged, SettingChanged, ExtraChanged, ScoresChanged, WavesChanged,
RecordChanged; see :mod:`journeymapper.model.events`). Features keep their
own state as keyed records (:mod:`journeymapper.model.records`). A change the rules refuse raises a
ModelError and leaves the document exactly as it was.

Each part keeps and journals its own data: the elements and their cells
(:mod:`~journeymapper.model.elementset`), the lanes (``lanelist``), the links
(``linkset``), the map's values and records (``values``), the scores
(``scorebook``). The document is their facade and checks what spans parts (an
id in use, the links, scores and records of a removed element, a kind change's
links).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from journeymapper.i18n import N_, Lazy, Message, plural_message
from journeymapper.model import events as ev
from journeymapper.model.elements import DEFAULT_LANES, Element, Kind, Lane, Placement, default_fields
from journeymapper.model.elementset import Cell, ElementSet
from journeymapper.model.errors import (
    DuplicateIdError,
    LayoutError,
    LinkError,
    ModelError,
    UnknownElementError,
)
from journeymapper.model.ids import IdAllocator, id_prefix, process_allocator
from journeymapper.model.journal import Journal, Rule
from journeymapper.model.lanelist import LaneList
from journeymapper.model.links import Link, LinkKind, a_kind, allowed, explain_refusal, infer_link
from journeymapper.model.linkset import LinkSet
from journeymapper.model.records import refers_to
from journeymapper.model.scorebook import ScoreBook, ScoreKey
from journeymapper.model.scores import Score, Wave
from journeymapper.model.values import META_KEYS, MapValues

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["META_KEYS", "JourneyMap", "Removed"]


@dataclass(frozen=True)
class Removed:
    """Everything :meth:`JourneyMap.remove_element` took out, so that
    :meth:`JourneyMap.restore` can put it all back exactly."""

    element: Element
    stage_index: int | None
    links: tuple[Link, ...]
    scores: tuple[Score, ...]
    records: tuple[tuple[str, str, Any], ...] = ()  # (section, key, value)

    @property
    def id(self) -> str:
        return self.element.id


class JourneyMap:
    """A journey map document. Events: see the module docstring."""

    def __init__(self, title: str = "Untitled journey", ids: IdAllocator | None = None) -> None:
        self.changes = ev.ChangeHub()
        self._journal = Journal(self.changes)
        self._ids = ids or process_allocator()
        self._element_set = ElementSet(self._journal)
        #: the element set's own dict, read here directly: looking up is the hot path
        self._elements = self._element_set.by_id
        self._links = LinkSet(self._journal)
        self._values = MapValues(self._journal, title)
        self._lanes = LaneList(self._journal)
        self._book = ScoreBook(self._journal)

    # ------------------------------------------------------------ creation
    @classmethod
    def with_default_lanes(cls, title: str = "Untitled journey",
                           ids: IdAllocator | None = None) -> JourneyMap:
        doc = cls(title, ids)
        for name, kind in DEFAULT_LANES:
            doc.add_lane(name, kind)
        return doc

    def transaction(self, origin: str = ev.LOCAL):
        """``with doc.transaction(origin):`` groups changes into one change set;
        a failure inside reverts every change of the block."""
        return self._journal.transaction(origin)

    def add_rule(self, rule: Rule) -> None:
        """A rule every transaction of this document passes (see model/journal.py):
        it may refuse the change or add to it."""
        self._journal.add_rule(rule)

    def remove_rule(self, rule: Rule) -> None:
        self._journal.remove_rule(rule)

    def new_id(self, prefix: str) -> str:
        """A fresh id such as ``pain-point-7k2q9m4x-12``, never used before (see model/ids.py)."""
        return self._ids.allocate(prefix, _Taken(self))

    def id_in_use(self, some_id: str) -> bool:
        return some_id in self._elements or some_id in self._lanes

    def snapshot(self) -> JourneyMap:
        """A detached copy (no listeners) that later changes do not reach.

        Cheap (the values are immutable and shared): safe to read, serialise
        or export from another thread while the document goes on changing."""
        copy = JourneyMap.__new__(JourneyMap)
        copy.changes = ev.ChangeHub()
        copy._journal = Journal(copy.changes)
        copy._ids = self._ids
        copy._element_set = self._element_set.copy(copy._journal)
        copy._elements = copy._element_set.by_id
        copy._links = self._links.copy(copy._journal)
        copy._values = self._values.copy(copy._journal)
        copy._lanes = self._lanes.copy(copy._journal)
        copy._book = self._book.copy(copy._journal)
        return copy


    # ------------------------------------------------------------ elements
    def __contains__(self, element_id: object) -> bool:
        return element_id in self._elements

    def __len__(self) -> int:
        return len(self._elements)

    def element(self, element_id: str) -> Element:
        try:
            return self._elements[element_id]
        except (KeyError, TypeError):
            raise UnknownElementError(element_id) from None

    def get(self, element_id: str) -> Element | None:
        return self._elements.get(element_id)

    def elements(self, kind: Kind | None = None) -> Iterator[Element]:
        for element in list(self._elements.values()):
            if kind is None or element.kind is kind:
                yield element

    def add_stage(self, name: str, index: int | None = None, element_id: str | None = None,
                  **fields: Any) -> str:
        """Append (or insert at ``index``) a stage column; returns its id."""
        values = {**default_fields(Kind.STAGE), "text": name, **fields}
        element = Element(element_id or self.new_id("stage"), Kind.STAGE, values)
        self.insert_element(element, index)
        return element.id

    def add_card(self, kind: Kind, stage: str | None, lane: str, text: str = "",
                 element_id: str | None = None, **fields: Any) -> str:
        """Add a card at the end of cell (stage, lane); returns its id."""
        if kind is Kind.STAGE:
            raise ModelError(N_("stages are added with add_stage, not as cards"))
        placement = Placement(stage, lane, self.next_order((stage, lane)))
        element = Element(element_id or self.new_id(id_prefix(kind)), kind,
                          {**default_fields(kind), "text": text, **fields}, placement)
        self.insert_element(element)
        return element.id

    def insert_element(self, element: Element, stage_index: int | None = None) -> Element:
        """Insert a complete element (load, paste, undo); missing fields get their
        defaults. Returns the element as stored."""
        if self.id_in_use(element.id):
            raise DuplicateIdError(element.id)
        with self.transaction():
            return self._element_set.add(element, stage_index, self._lanes)

    def remove_element(self, element_id: str) -> Removed:
        """Remove an element and everything that refers to it: its links (one
        Unlinked each), the scores of a stage or touchpoint, then the element.

        A stage can be removed only when no card sits in its column. Returns
        what was removed, for :meth:`restore`."""
        element = self.element(element_id)
        stage_index = self._element_set.removable(element)
        with self.transaction():
            links = tuple(self.links_of(element_id))
            for link in links:
                self.unlink(link.source, link.target)
            scores = tuple(self._book.referring_to(element_id))
            self.remove_scores(s.key for s in scores)
            records = tuple(self._values.referring_to(element_id))
            for section, key, _ in records:
                self.drop_record(section, key)
            self._element_set.remove(element, stage_index)
        return Removed(element, stage_index, links, scores, records)

    def restore(self, removed: Removed) -> None:
        """Put back what :meth:`remove_element` took out: the element at its
        place, its links to elements that still exist, its scores."""
        with self.transaction():
            self.insert_element(removed.element, removed.stage_index)
            for link in removed.links:
                if link.source in self and link.target in self \
                        and not self.has_link(link.source, link.target):
                    self.link(link.source, link.target, link.kind)
            if removed.scores:
                self.put_scores(removed.scores)
            for section, key, value in removed.records:
                if all(i in self for i in refers_to(section, key, value)):
                    self.put_record(section, key, value)

    def set_field(self, element_id: str, name: str, value: Any) -> None:
        with self.transaction():
            self._element_set.set_field(element_id, name, value)

    def change_kind(self, element_id: str, kind: Kind,
                    fields: Mapping[str, Any] | None = None) -> Element:
        """Make a card another kind (one KindChanged). Its fields become the new
        kind's: those both kinds have (the text) keep their value when it is
        allowed, the rest take their defaults; ``fields`` gives them exactly
        instead (an undo). Links the new kind cannot have are refused: unlink
        them first. Returns the element as it is now."""
        element = self.element(element_id)
        new = self._element_set.retyped(element, kind, fields)
        if new is element:
            return element
        barred = self.links_barred(element_id, kind)
        if barred:
            link = barred[0]
            kinds = [self._elements[i].kind if i != element_id else kind
                     for i in (link.source, link.target)]
            raise LinkError(link.source, link.target, Message(
                N_("'{link}' does not join {source} to {target}"), link=link.kind.value,
                source=a_kind(kinds[0]), target=a_kind(kinds[1])))
        if kind is not element.kind and self._book.referring_to(element_id):
            raise ModelError(N_("{id}: survey scores are attached to this touchpoint; "
                                "remove them before it changes kind"), id=element_id)
        if new == element:
            return element
        with self.transaction():
            self._element_set.change_kind(element, new)
        return new

    def links_barred(self, element_id: str, kind: Kind) -> list[Link]:
        """The links of ``element_id`` the link rules refuse once it is ``kind``."""
        out = []
        for link in self.links_of(element_id):
            kinds = [self._elements[i].kind if i != element_id else kind
                     for i in (link.source, link.target)]
            if not allowed(link.kind, *kinds):
                out.append(link)
        return out

    def move_element(self, element_id: str, placement: Placement) -> None:
        """Put a card in another cell / order / offset."""
        with self.transaction():
            self._element_set.move(element_id, placement, self._lanes)

    # ------------------------------------------------------------ cells
    def cell(self, stage: str | None, lane: str) -> list[Element]:
        """The cards of one cell in their order."""
        return self._element_set.cell(stage, lane)

    def next_order(self, cell: Cell) -> int:
        return self._element_set.next_order(cell)

    def cells(self) -> Iterator[tuple[Cell, list[Element]]]:
        return self._element_set.cells()

    def cards_in_lane(self, lane_id: str) -> int:
        return self._element_set.cards_in_lane(lane_id)

    def cards_in_stage(self, stage_id: str) -> int:
        return self._element_set.cards_in_stage(stage_id)

    # ------------------------------------------------------------ links
    def link_refusal(self, source: str, target: str,
                     kind: LinkKind | None = None) -> Message | None:
        """Why ``source`` -> ``target`` cannot be linked, or None when it can
        (the one place the link rules are asked)."""
        return self._resolve_link(source, target, kind)[1]

    def _resolve_link(self, source: str, target: str,
                      kind: LinkKind | None) -> tuple[Link | None, Message | None]:
        for end in (source, target):
            if end not in self._elements:
                return None, Message(N_("{id} does not exist"), id=end)
        if source == target:
            return None, Message(N_("an element cannot link to itself"))
        s_kind, t_kind = self._elements[source].kind, self._elements[target].kind
        if kind is None:
            inferred = infer_link(s_kind, t_kind)
            if inferred is None:
                return None, explain_refusal(s_kind, t_kind)
            kind, swap = inferred
            if swap:
                source, target = target, source
        elif not allowed(kind, s_kind, t_kind):
            return None, Message(N_("'{link}' does not join {source} to {target}"),
                                 link=kind.value, source=Lazy(lambda: a_kind(s_kind)),
                                 target=Lazy(lambda: a_kind(t_kind)))
        if self._links.has(source, target):
            return None, Message(N_("they are already linked"))
        return Link(source, target, kind), None

    def link(self, source: str, target: str, kind: LinkKind | None = None) -> Link:
        """Link two elements; the kind (and direction) follows from their kinds
        when omitted. Raises LinkError naming both ids when the rules refuse."""
        link, reason = self._resolve_link(source, target, kind)
        if link is None:
            raise LinkError(source, target, reason or "")
        self._links.put(link)
        return link

    def unlink(self, source: str, target: str) -> Link:
        if not self._links.has(source, target):
            raise LinkError(source, target, Message(N_("there is no such link")))
        return self._links.drop(source, target)

    def has_link(self, source: str, target: str) -> bool:
        return self._links.has(source, target)

    def link_kind(self, source: str, target: str) -> LinkKind | None:
        return self._links.kind(source, target)

    def links(self, kind: LinkKind | None = None) -> Iterator[Link]:
        return self._links.all(kind)

    def link_index(self) -> Mapping[tuple[str, str], LinkKind]:
        """The links as a read-only {(source, target): kind}, without making a
        Link value for each (comparing two maps' links: model/diff.py)."""
        return self._links.index()

    def link_count(self) -> int:
        return self._links.count()

    def out_links(self, element_id: str, kind: LinkKind | None = None) -> list[Link]:
        self.element(element_id)
        return self._links.out_of(element_id, kind)

    def in_links(self, element_id: str, kind: LinkKind | None = None) -> list[Link]:
        self.element(element_id)
        return self._links.into(element_id, kind)

    def links_of(self, element_id: str) -> list[Link]:
        """Every link that touches ``element_id`` (outgoing first)."""
        return self.out_links(element_id) + self.in_links(element_id)

    def links_among(self, ids: Iterable[str]) -> list[Link]:
        """The links whose two ends are both in ``ids``."""
        return self._links.among(set(ids) & self._elements.keys())

    def graph_view(self) -> nx.DiGraph:
        """A read-only networkx view of the links, for graph questions (loops, paths)."""
        return self._links.graph_view()

    # ------------------------------------------------------------ stages
    @property
    def stage_order(self) -> tuple[str, ...]:
        return tuple(self._element_set.stage_order)

    def has_stage(self, stage_id: object) -> bool:
        """Whether ``stage_id`` is one of the map's stages (without copying the order)."""
        element = self._elements.get(stage_id) if isinstance(stage_id, str) else None
        return element is not None and element.kind is Kind.STAGE

    def stages(self) -> list[Element]:
        return [self._elements[i] for i in self._element_set.stage_order]

    def stage_names(self) -> list[str]:
        return [e.text for e in self.stages()]

    def stage_by_name(self, name: str) -> Element | None:
        wanted = name.strip().casefold()
        for stage in self.stages():
            if stage.text.strip().casefold() == wanted:
                return stage
        return None

    def set_stage_order(self, order: Iterable[str]) -> None:
        with self.transaction():
            self._element_set.set_stage_order(order)

    def move_stage(self, stage_id: str, index: int) -> None:
        with self.transaction():
            self._element_set.move_stage(stage_id, index)

    # ------------------------------------------------------------ lanes
    @property
    def lanes(self) -> tuple[Lane, ...]:
        return self._lanes.all()

    def lane(self, lane_id: str) -> Lane:
        return self._lanes.get(lane_id)

    def has_lane(self, lane_id: str) -> bool:
        return lane_id in self._lanes

    def lane_for_kind(self, kind: Kind) -> Lane | None:
        return self._lanes.for_kind(kind)

    def add_lane(self, name: str, kind: Kind, index: int | None = None,
                 lane_id: str | None = None) -> Lane:
        self._lanes.check_new(name, kind)
        lane_id = lane_id or self.new_id("lane")
        if self.id_in_use(lane_id):
            raise DuplicateIdError(lane_id)
        with self.transaction():
            return self._lanes.add(lane_id, name, kind, index)

    def remove_lane(self, lane_id: str) -> tuple[Lane, int]:
        lane = self.lane(lane_id)
        held = self.cards_in_lane(lane_id)
        if held:
            raise LayoutError(plural_message(
                "lane {id} still holds {n} card; move or remove it first",
                "lane {id} still holds {n} cards; move or remove them first",
                held, id=lane_id))
        with self.transaction():
            return lane, self._lanes.remove(lane)

    def update_lane(self, lane_id: str, name: str | None = None, kind: Kind | None = None) -> None:
        with self.transaction():
            self._lanes.update(lane_id, name, kind)

    def set_lane_order(self, order: Iterable[str]) -> None:
        with self.transaction():
            self._lanes.set_order(order)

    # ------------------------------------------------------------ map values
    @property
    def meta(self) -> Mapping[str, Any]:
        return self._values.meta

    def set_meta(self, key: str, value: Any) -> None:
        self._values.set_meta(key, value)

    @property
    def title(self) -> str:
        return str(self._values.meta.get("title", ""))

    @property
    def settings(self) -> Mapping[str, Any]:
        return self._values.settings

    def set_setting(self, key: str, value: Any) -> None:
        self._values.set_setting(key, value)

    @property
    def extra(self) -> Mapping[str, Any]:
        """Root values a newer writer added, kept so they survive a round trip."""
        return self._values.extra

    def set_extra(self, key: str, value: Any) -> None:
        self._values.set_extra(key, value)

    # ------------------------------------------------------------ scores
    @property
    def waves(self) -> tuple[Wave, ...]:
        return self._book.waves

    def scores(self, wave: str | None = None, stage: str | None = None) -> list[Score]:
        return self._book.scores(self._element_set.stage_order, wave, stage)

    def score(self, key: ScoreKey) -> Score | None:
        return self._book.get(key)

    def put_scores(self, scores: Iterable[Score], waves: Iterable[Wave] = ()) -> list[Score]:
        """Add scores (replacing any with the same key) and waves not yet known.

        Returns the scores that were replaced, so an undo can put them back."""
        scores = list(scores)
        for s in scores:
            if s.stage not in self._element_set.stage_order:
                raise ModelError(N_("score for {stage!r}: not a stage of this map"), stage=s.stage)
            if s.touchpoint is not None and s.touchpoint not in self._elements:
                raise ModelError(N_("score for touchpoint {id!r}: no such element"),
                                 id=s.touchpoint)
        return self._book.put(scores, waves)

    def remove_scores(self, keys: Iterable[ScoreKey]) -> list[Score]:
        return self._book.remove(keys)

    def set_waves(self, waves: Iterable[Wave]) -> None:
        """Replace the wave list (order, dates); scores of dropped waves go too."""
        self._book.set_waves(waves)

    def rename_wave(self, old: str, new: str) -> None:
        self._book.rename_wave(old, new)

    # ------------------------------------------------------------ records
    def sections(self) -> tuple[str, ...]:
        """The sections that hold records, sorted."""
        return self._values.sections()

    def records(self, section: str) -> Mapping[str, Any]:
        """The records of a section (see model/records.py), read-only."""
        return self._values.records(section)

    def record(self, section: str, key: str) -> Any:
        return self._values.record(section, key)

    def put_record(self, section: str, key: str, value: Any) -> None:
        """Set one record; its section's check and the elements it needs are enforced."""
        missing = [i for i in refers_to(section, key, value) if i not in self]
        if missing:
            raise UnknownElementError(missing[0])
        self._values.put_record(section, key, value)

    def drop_record(self, section: str, key: str) -> None:
        self._values.drop_record(section, key)

    # ------------------------------------------------------------ summary
    def counts(self) -> dict[str, int]:
        result = {k.value: 0 for k in Kind}
        for element in self._elements.values():
            result[element.kind.value] += 1
        return result


class _Taken:
    """``id in taken`` for the allocator: an element or a lane uses the id."""

    def __init__(self, doc: JourneyMap) -> None:
        self.doc = doc

    def __contains__(self, some_id: object) -> bool:
        return isinstance(some_id, str) and self.doc.id_in_use(some_id)
