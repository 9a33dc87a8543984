"""The journey document: a networkx graph of typed elements plus lanes,
stage order, metadata and survey scores.

The document enforces its own rules and emits one event after every change
that really changed something (see :mod:`journeymapper.model.events`):
ElementAdded, ElementRemoved, FieldChanged, ElementMoved, Linked, Unlinked,
StagesReordered, LaneAdded, LaneRemoved, LaneChanged, LanesReordered,
MetaChanged and ScoresChanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx

from journeymapper.model import events as ev
from journeymapper.model.elements import (
    DEFAULT_LANES,
    FIELD_INDEX,
    Element,
    Kind,
    Lane,
    Placement,
    check_field,
    default_fields,
)
from journeymapper.model.errors import (
    DuplicateIdError,
    FieldError,
    LayoutError,
    LinkError,
    ModelError,
    UnknownElementError,
)
from journeymapper.model.links import (
    Link,
    LinkKind,
    a_kind,
    allowed,
    explain_refusal,
    infer_link,
)
from journeymapper.model.scores import Score, Wave

META_KEYS = ("title", "description", "authors", "created", "version_note", "language")

Cell = tuple[str | None, str]


class JourneyMap:
    """A journey map document. Events: see the module docstring."""

    def __init__(self, title: str = "Untitled journey") -> None:
        self.graph: nx.DiGraph = nx.DiGraph()
        self.events = ev.EventHub()
        self.meta: dict[str, Any] = {
            "title": title, "description": "", "authors": [], "created": "", "version_note": "",
        }
        self.settings: dict[str, Any] = {"emotion_range": 2}
        self.extra: dict[str, Any] = {}
        self._stage_order: list[str] = []
        self._lanes: list[Lane] = []
        self._cells: dict[Cell, set[str]] = {}
        self._scores: dict[tuple[str, str, str, str, str], Score] = {}
        self._waves: list[Wave] = []
        self._seq = 0

    # ------------------------------------------------------------ creation
    @classmethod
    def with_default_lanes(cls, title: str = "Untitled journey") -> JourneyMap:
        doc = cls(title)
        for name, kind in DEFAULT_LANES:
            doc.add_lane(name, kind)
        return doc

    def new_id(self, prefix: str) -> str:
        """A fresh id such as ``pain-point-12`` that no element or lane uses."""
        while True:
            self._seq += 1
            candidate = f"{prefix}-{self._seq}"
            if candidate not in self.graph and self._lane_index(candidate, missing_ok=True) is None:
                return candidate

    def _prefix(self, kind: Kind) -> str:
        return kind.value.replace("_", "-")

    # ------------------------------------------------------------ elements
    def __contains__(self, element_id: object) -> bool:
        return element_id in self.graph

    def __len__(self) -> int:
        return self.graph.number_of_nodes()

    def element(self, element_id: str) -> Element:
        try:
            return self.graph.nodes[element_id]["el"]
        except KeyError:
            raise UnknownElementError(element_id) from None

    def elements(self, kind: Kind | None = None) -> Iterator[Element]:
        for _, data in self.graph.nodes(data="el"):
            if kind is None or data.kind is kind:
                yield data

    def add_stage(self, name: str, index: int | None = None, element_id: str | None = None,
                  **fields: Any) -> str:
        """Append (or insert at ``index``) a stage column; returns its id."""
        values = {"text": name, **fields}
        element = Element(element_id or self.new_id("stage"), Kind.STAGE,
                          {**default_fields(Kind.STAGE), **values})
        self.insert_element(element, index)
        return element.id

    def add_card(self, kind: Kind, stage: str | None, lane: str, text: str = "",
                 element_id: str | None = None, **fields: Any) -> str:
        """Add a card at the end of cell (stage, lane); returns its id."""
        if kind is Kind.STAGE:
            raise ModelError("stages are added with add_stage, not as cards")
        placement = Placement(stage, lane, self.next_order((stage, lane)))
        element = Element(element_id or self.new_id(self._prefix(kind)), kind,
                          {**default_fields(kind), "text": text, **fields}, placement)
        self.insert_element(element)
        return element.id

    def insert_element(self, element: Element, stage_index: int | None = None) -> None:
        """Insert a complete element (used by load and by undo to restore it exactly)."""
        if element.id in self.graph or self._lane_index(element.id, missing_ok=True) is not None:
            raise DuplicateIdError(element.id)
        self._check_fields(element)
        if element.kind is Kind.STAGE:
            if element.placement is not None:
                raise LayoutError(f"{element.id}: a stage has no lane placement")
            index = len(self._stage_order) if stage_index is None else stage_index
            if not 0 <= index <= len(self._stage_order):
                raise LayoutError(f"{element.id}: stage index {index} out of range")
        else:
            self._check_placement(element.id, element.kind, element.placement)
        self.graph.add_node(element.id, el=element)
        if element.kind is Kind.STAGE:
            self._stage_order.insert(index, element.id)
        else:
            assert element.placement is not None
            self._cells.setdefault(element.placement.cell, set()).add(element.id)
        self.events.emit(ev.ElementAdded(element.id))

    def remove_element(self, element_id: str) -> Element:
        """Remove an element and its links (one Unlinked event each first).

        A stage can be removed only when no card sits in its column."""
        element = self.element(element_id)
        if element.kind is Kind.STAGE:
            holders = [i for (s, _), ids in self._cells.items() if s == element_id for i in ids]
            if holders:
                raise LayoutError(
                    f"stage {element_id} still holds {len(holders)} card(s); move or remove them first"
                )
        for link in self.links_of(element_id):
            self.unlink(link.source, link.target)
        self.graph.remove_node(element_id)
        if element.kind is Kind.STAGE:
            self._stage_order.remove(element_id)
        else:
            assert element.placement is not None
            self._cells[element.placement.cell].discard(element_id)
        self.events.emit(ev.ElementRemoved(element_id, element))
        return element

    def _check_fields(self, element: Element) -> None:
        for name, value in element.fields.items():
            problem = check_field(element.kind, name, value)
            if problem:
                raise FieldError(element.id, name, problem)
        missing = set(FIELD_INDEX[element.kind]) - set(element.fields)
        for name in sorted(missing):
            element.fields[name] = default_fields(element.kind)[name]

    def _check_placement(self, element_id: str, kind: Kind, placement: Placement | None) -> None:
        if placement is None:
            raise LayoutError(f"{element_id}: a {kind.label.lower()} needs a lane placement")
        if placement.stage is not None and placement.stage not in self._stage_order:
            raise LayoutError(f"{element_id}: placement.stage {placement.stage!r} is not a stage")
        if self._lane_index(placement.lane, missing_ok=True) is None:
            raise LayoutError(f"{element_id}: placement.lane {placement.lane!r} is not a lane")

    def set_field(self, element_id: str, name: str, value: Any) -> None:
        element = self.element(element_id)
        problem = check_field(element.kind, name, value)
        if problem:
            raise FieldError(element_id, name, problem)
        old = element.fields.get(name)
        if old == value:
            return
        element.fields[name] = list(value) if isinstance(value, list) else value
        self.events.emit(ev.FieldChanged(element_id, name, old, value))

    def move_element(self, element_id: str, placement: Placement) -> None:
        """Put a card in another cell / order / offset."""
        element = self.element(element_id)
        if element.kind is Kind.STAGE:
            raise LayoutError("stages move with move_stage")
        self._check_placement(element_id, element.kind, placement)
        old = element.placement
        if old == placement:
            return
        assert old is not None
        if old.cell != placement.cell:
            self._cells[old.cell].discard(element_id)
            self._cells.setdefault(placement.cell, set()).add(element_id)
        element.placement = placement
        self.events.emit(ev.ElementMoved(element_id, old, placement))

    # ------------------------------------------------------------ cells
    def cell(self, stage: str | None, lane: str) -> list[Element]:
        """The cards of one cell in their order."""
        ids = self._cells.get((stage, lane), ())
        items = [self.graph.nodes[i]["el"] for i in ids]
        items.sort(key=lambda e: (e.placement.order, e.id))
        return items

    def next_order(self, cell: Cell) -> int:
        ids = self._cells.get(cell, ())
        return 1 + max((self.graph.nodes[i]["el"].placement.order for i in ids), default=-1)

    def cells(self) -> Iterator[tuple[Cell, list[Element]]]:
        for key in list(self._cells):
            if self._cells[key]:
                yield key, self.cell(*key)

    # ------------------------------------------------------------ links
    def link(self, source: str, target: str, kind: LinkKind | None = None) -> Link:
        """Link two elements; the kind follows from their kinds when omitted.

        Raises LinkError naming both ids when the rules refuse the link."""
        for end in (source, target):
            if end not in self.graph:
                raise LinkError(source, target, f"{end} does not exist")
        if source == target:
            raise LinkError(source, target, "an element cannot link to itself")
        s_kind, t_kind = self.element(source).kind, self.element(target).kind
        if kind is None:
            inferred = infer_link(s_kind, t_kind)
            if inferred is None:
                raise LinkError(source, target, explain_refusal(s_kind, t_kind))
            kind, swap = inferred
            if swap:
                source, target = target, source
        elif not allowed(kind, s_kind, t_kind):
            raise LinkError(source, target, f"'{kind.value}' does not join "
                            f"{a_kind(s_kind)} to {a_kind(t_kind)}")
        if self.graph.has_edge(source, target):
            raise LinkError(source, target, "they are already linked")
        self.graph.add_edge(source, target, kind=kind)
        link = Link(source, target, kind)
        self.events.emit(ev.Linked(link))
        return link

    def unlink(self, source: str, target: str) -> Link:
        if not self.graph.has_edge(source, target):
            raise LinkError(source, target, "there is no such link")
        link = Link(source, target, self.graph.edges[source, target]["kind"])
        self.graph.remove_edge(source, target)
        self.events.emit(ev.Unlinked(link))
        return link

    def has_link(self, source: str, target: str) -> bool:
        return self.graph.has_edge(source, target)

    def links(self, kind: LinkKind | None = None) -> Iterator[Link]:
        for s, t, k in self.graph.edges(data="kind"):
            if kind is None or k is kind:
                yield Link(s, t, k)

    def links_of(self, element_id: str) -> list[Link]:
        """Every link that touches ``element_id`` (outgoing first)."""
        self.element(element_id)
        out = [Link(element_id, t, k) for _, t, k in self.graph.out_edges(element_id, data="kind")]
        inc = [Link(s, element_id, k) for s, _, k in self.graph.in_edges(element_id, data="kind")]
        return out + inc

    # ------------------------------------------------------------ stages
    @property
    def stage_order(self) -> tuple[str, ...]:
        return tuple(self._stage_order)

    def stages(self) -> list[Element]:
        return [self.graph.nodes[i]["el"] for i in self._stage_order]

    def stage_names(self) -> list[str]:
        return [e.text for e in self.stages()]

    def stage_by_name(self, name: str) -> Element | None:
        wanted = name.strip().casefold()
        for stage in self.stages():
            if stage.text.strip().casefold() == wanted:
                return stage
        return None

    def set_stage_order(self, order: Iterable[str]) -> None:
        new = tuple(order)
        if sorted(new) != sorted(self._stage_order):
            raise LayoutError("a new stage order must hold exactly the current stages")
        old = tuple(self._stage_order)
        if new == old:
            return
        self._stage_order = list(new)
        self.events.emit(ev.StagesReordered(old, new))

    def move_stage(self, stage_id: str, index: int) -> None:
        order = [s for s in self._stage_order if s != stage_id]
        if len(order) == len(self._stage_order):
            raise UnknownElementError(stage_id)
        order.insert(max(0, min(index, len(order))), stage_id)
        self.set_stage_order(order)

    # ------------------------------------------------------------ lanes
    @property
    def lanes(self) -> tuple[Lane, ...]:
        return tuple(self._lanes)

    def lane(self, lane_id: str) -> Lane:
        index = self._lane_index(lane_id, missing_ok=True)
        if index is None:
            raise LayoutError(f"no lane with id {lane_id!r}")
        return self._lanes[index]

    def lane_for_kind(self, kind: Kind) -> Lane | None:
        return next((lane for lane in self._lanes if lane.kind is kind), None)

    def _lane_index(self, lane_id: str, missing_ok: bool = False) -> int | None:
        for i, lane in enumerate(self._lanes):
            if lane.id == lane_id:
                return i
        if missing_ok:
            return None
        raise LayoutError(f"no lane with id {lane_id!r}")

    def add_lane(self, name: str, kind: Kind, index: int | None = None,
                 lane_id: str | None = None) -> Lane:
        if kind is Kind.STAGE:
            raise LayoutError("a lane cannot hold stages")
        lane_id = lane_id or self.new_id("lane")
        if lane_id in self.graph or self._lane_index(lane_id, missing_ok=True) is not None:
            raise DuplicateIdError(lane_id)
        index = len(self._lanes) if index is None else max(0, min(index, len(self._lanes)))
        lane = Lane(lane_id, name, kind)
        self._lanes.insert(index, lane)
        self.events.emit(ev.LaneAdded(lane, index))
        return lane

    def remove_lane(self, lane_id: str) -> tuple[Lane, int]:
        index = self._lane_index(lane_id)
        assert index is not None
        held = sum(len(ids) for (_, lane), ids in self._cells.items() if lane == lane_id)
        if held:
            raise LayoutError(f"lane {lane_id} still holds {held} card(s); move or remove them first")
        lane = self._lanes.pop(index)
        self.events.emit(ev.LaneRemoved(lane, index))
        return lane, index

    def update_lane(self, lane_id: str, name: str | None = None, kind: Kind | None = None) -> None:
        index = self._lane_index(lane_id)
        assert index is not None
        old = self._lanes[index]
        new = Lane(old.id, old.name if name is None else name, old.kind if kind is None else kind)
        if new == old:
            return
        self._lanes[index] = new
        self.events.emit(ev.LaneChanged(old, new))

    def set_lane_order(self, order: Iterable[str]) -> None:
        new = tuple(order)
        old = tuple(lane.id for lane in self._lanes)
        if sorted(new) != sorted(old):
            raise LayoutError("a new lane order must hold exactly the current lanes")
        if new == old:
            return
        by_id = {lane.id: lane for lane in self._lanes}
        self._lanes = [by_id[i] for i in new]
        self.events.emit(ev.LanesReordered(old, new))

    def cards_in_lane(self, lane_id: str) -> int:
        return sum(len(ids) for (_, lane), ids in self._cells.items() if lane == lane_id)

    def cards_in_stage(self, stage_id: str) -> int:
        return sum(len(ids) for (stage, _), ids in self._cells.items() if stage == stage_id)

    # ------------------------------------------------------------ metadata
    def set_meta(self, key: str, value: Any) -> None:
        if key not in META_KEYS:
            raise ModelError(f"unknown map property {key!r}")
        old = self.meta.get(key)
        if old == value:
            return
        if value is None:  # unset again (undo of a first "language")
            self.meta.pop(key, None)
        else:
            self.meta[key] = value
        self.events.emit(ev.MetaChanged(key, old, value))

    @property
    def title(self) -> str:
        return str(self.meta.get("title", ""))

    # ------------------------------------------------------------ scores
    @property
    def waves(self) -> tuple[Wave, ...]:
        return tuple(self._waves)

    def scores(self, wave: str | None = None, stage: str | None = None) -> list[Score]:
        order = {w.label: i for i, w in enumerate(self._waves)}
        stage_pos = {s: i for i, s in enumerate(self._stage_order)}
        items = [s for s in self._scores.values()
                 if (wave is None or s.wave == wave) and (stage is None or s.stage == stage)]
        items.sort(key=lambda s: (stage_pos.get(s.stage, 1 << 30), s.touchpoint or "",
                                  s.metric, s.name, order.get(s.wave, 1 << 30)))
        return items

    def score(self, key: tuple[str, str, str, str, str]) -> Score | None:
        return self._scores.get(key)

    def put_scores(self, scores: Iterable[Score], waves: Iterable[Wave] = ()) -> list[Score]:
        """Add scores (replacing any with the same key) and waves not yet known.

        Returns the scores that were replaced, so an undo can put them back."""
        scores = list(scores)
        for s in scores:
            if s.stage not in self._stage_order:
                raise ModelError(f"score for {s.stage!r}: not a stage of this map")
            if s.touchpoint is not None and s.touchpoint not in self.graph:
                raise ModelError(f"score for touchpoint {s.touchpoint!r}: no such element")
        known = {w.label for w in self._waves}
        for wave in list(waves) + [Wave(s.wave) for s in scores]:
            if wave.label not in known:
                self._waves.append(wave)
                known.add(wave.label)
        replaced = [self._scores[s.key] for s in scores if s.key in self._scores]
        for s in scores:
            self._scores[s.key] = s
        self.events.emit(ev.ScoresChanged(tuple(sorted({s.stage for s in scores}))))
        return replaced

    def remove_scores(self, keys: Iterable[tuple[str, str, str, str, str]]) -> list[Score]:
        removed = [self._scores.pop(k) for k in list(keys) if k in self._scores]
        if removed:
            self.events.emit(ev.ScoresChanged(tuple(sorted({s.stage for s in removed}))))
        return removed

    def set_waves(self, waves: Iterable[Wave]) -> None:
        """Replace the wave list (order, dates); scores of dropped waves go too."""
        new = list(waves)
        labels = {w.label for w in new}
        if len(labels) != len(new):
            raise ModelError("wave labels must be unique")
        dropped = [k for k, s in self._scores.items() if s.wave not in labels]
        if new == self._waves and not dropped:
            return
        stages = {self._scores[k].stage for k in dropped}
        for k in dropped:
            del self._scores[k]
        self._waves = new
        self.events.emit(ev.ScoresChanged(tuple(sorted(stages))))

    def rename_wave(self, old: str, new: str) -> None:
        if old == new:
            return
        if any(w.label == new for w in self._waves):
            raise ModelError(f"a wave named {new!r} exists already")
        index = next((i for i, w in enumerate(self._waves) if w.label == old), None)
        if index is None:
            raise ModelError(f"no wave named {old!r}")
        self._waves[index] = Wave(new, self._waves[index].date)
        moved = [s for s in self._scores.values() if s.wave == old]
        for s in moved:
            del self._scores[s.key]
            s.wave = new
            self._scores[s.key] = s
        self.events.emit(ev.ScoresChanged(tuple(sorted({s.stage for s in moved}))))

    # ------------------------------------------------------------ summary
    def counts(self) -> dict[str, int]:
        result = {k.value: 0 for k in Kind}
        for element in self.elements():
            result[element.kind.value] += 1
        return result
