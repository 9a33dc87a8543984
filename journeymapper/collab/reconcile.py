"""Bringing the map up to what the Y document holds, for the parts a Y
transaction touched.

:class:`Touched` says which parts of the document a transaction changed
(from the Y events' paths); :class:`Reconciler` reads those parts back
through the repair rules (:mod:`journeymapper.collab.repair`), follows the
consequences (a stage gone moves its cards, a card gone hides its links and
records), and changes the map to match, in an order its rules accept:
values, lanes and stages first, then cards, links, waves, scores, records,
and the removals last. It runs inside the caller's transaction; a change
the map still refuses is skipped and counted, never raised.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from journeymapper.collab import repair
from journeymapper.collab.repair import View
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Element, Kind
from journeymapper.model.errors import JourneyError
from journeymapper.model.scores import Score

if TYPE_CHECKING:
    from journeymapper.collab.binding import Index

log = logging.getLogger(__name__)
VALUE_MAPS = ("meta", "settings", "extra")


@dataclass
class Touched:
    """The parts of the Y document one or more transactions changed."""

    full: bool = False
    lanes: bool = False
    stages: bool = False
    waves: bool = False
    elements: set[str] = field(default_factory=set)
    #: elements added to or deleted from the elements map (not just edited)
    structure: set[str] = field(default_factory=set)
    links: set[str] = field(default_factory=set)
    scores: set[str] = field(default_factory=set)
    records: set[tuple[str, str]] = field(default_factory=set)
    values: dict[str, set[str]] = field(default_factory=lambda: {k: set() for k in VALUE_MAPS})

    def structural(self) -> Touched:
        """What of this can reveal parts of the document kept hidden: elements
        coming and going, the stages and lanes (not edits of fields or links)."""
        part = Touched(full=self.full, lanes=self.lanes, stages=self.stages)
        part.elements = set(self.structure)
        part.structure = set(self.structure)
        return part

    def empty(self) -> bool:
        return not (self.full or self.lanes or self.stages or self.waves or self.elements
                    or self.links or self.scores or self.records
                    or any(self.values.values()))

    def merge(self, other: Touched) -> None:
        self.full |= other.full
        self.lanes |= other.lanes
        self.stages |= other.stages
        self.waves |= other.waves
        self.elements |= other.elements
        self.structure |= other.structure
        self.links |= other.links
        self.scores |= other.scores
        self.records |= other.records
        for key, keys in other.values.items():
            self.values[key] |= keys

    @classmethod
    def from_events(cls, events: Iterable[Any]) -> Touched:
        touched = cls()
        for event in events:
            path = list(event.path)
            keys = set(getattr(event, "keys", None) or ())
            if not path:
                for key in keys:
                    if key == "waves":
                        touched.waves = True
                    elif key != "format":
                        touched.full = True
                continue
            top = path[0]
            if top == "elements":
                touched.elements |= keys if len(path) == 1 else {path[1]}
                if len(path) == 1:
                    touched.structure |= keys
            elif top in ("lanes", "lane_order"):
                touched.lanes = True
            elif top == "stages":
                touched.stages = True
            elif top == "links":
                touched.links |= keys
            elif top == "scores":
                touched.scores |= keys
            elif top == "records":
                touched.records |= {ends for ends in map(repair.link_ends, keys) if ends}
            elif top in VALUE_MAPS:
                touched.values[top] |= keys
        return touched


@dataclass
class Result:
    skipped: int = 0


class Reconciler:
    """Changes a map to what a root map shows (see the module docstring)."""

    def __init__(self, doc: JourneyMap, index: Index) -> None:
        self.doc = doc
        self.index = index
        self.result = Result()

    def _try(self, what: str, step: Callable[[], object]) -> None:
        try:
            step()
        except JourneyError as exc:
            self.result.skipped += 1
            log.warning("shared map: %s skipped: %s", what, exc)

    # ------------------------------------------------------------ the plan
    def apply(self, touched: Touched, view: View, own: bool = False) -> Result:
        """``view``: the document to read (a :class:`~journeymapper.collab.view.Whole`
        for a full read). ``own``: the touched parts are this peer's own writes
        (the map has them already), so what hangs on every touched element is
        read again."""
        self.result = Result()
        doc = self.doc
        full = touched.full
        if full:
            view = view.whole()
        self._values(touched, view, full)

        old_lanes = list(doc.lanes)
        lanes = repair.read_lanes(view) if (full or touched.lanes) else old_lanes
        lane_ids = {lane.id for lane in lanes}
        old_stages = list(doc.stage_order)
        stage_elements_touched = any(i in self.index.stages or (i in doc and doc.element(i).kind
                                                                 is Kind.STAGE)
                                     for i in touched.elements)
        stages_read = full or touched.stages or touched.lanes or stage_elements_touched
        if stages_read:
            stages = repair.stage_order(view, self.index.stages, lane_ids)
        else:
            stages = old_stages
        frame = repair.Frame(lanes, stages)

        # which elements to read again
        ids = set(touched.elements)
        if stages_read:  # where a card of a stage that is gone goes depends on the order
            ids |= {i for i, stage in self.index.stage_of.items()
                    if stage is not None and stage not in frame.stages}
        if full or touched.lanes:  # and a card of a lane that is gone, on the lanes
            ids |= {i for i, lane in self.index.lane_of.items() if lane not in frame.lanes}
        lanes_changed = [lane.id for lane in old_lanes] != [lane.id for lane in lanes] or \
            {(lane.id, lane.kind) for lane in old_lanes} != {(lane.id, lane.kind) for lane in lanes}
        stages_changed = set(old_stages) != set(stages) or old_stages[:1] != stages[:1]
        if full or lanes_changed:
            view = view.whole()
            ids |= set(view.entries("elements")) | {e.id for e in doc.elements()}
        elif stages_changed:
            ids |= set(stages) | set(old_stages)
            ids |= {e.id for s in set(old_stages) - set(stages) for lane in old_lanes
                    for e in doc.cell(s, lane.id)}
        targets: dict[str, Element | None] = {
            i: repair.read_element(i, repair.head(view, i), frame) for i in ids}

        def kind_after(element_id: str) -> Kind | None:
            if element_id in targets:
                target = targets[element_id]
                return target.kind if target is not None else None
            current = doc.get(element_id)
            return current.kind if current is not None else None

        # what hangs on the elements whose presence changed
        changed = {i for i, t in targets.items()
                   if (t is None) != (doc.get(i) is None)
                   or (t is not None and doc.get(i) is not None and doc.get(i).kind is not t.kind)}
        if own:
            changed |= set(targets)
        link_keys = set(touched.links) | {k for i in changed for k in self.index.links_of.get(i, ())}
        link_keys |= {f"{lk.source}{repair.SEP}{lk.target}" for i in changed if i in doc
                      for lk in doc.links_of(i)}
        if full:
            link_keys |= set(view.entries("links"))
            link_keys |= {f"{lk.source}{repair.SEP}{lk.target}" for lk in doc.links()}

        self._lanes(old_lanes, lanes)
        self._stages_in(targets, stages)
        self._cards(targets)
        self._links(view, link_keys, kind_after)
        self._scores_and_waves(view, touched, changed, stages, full, kind_after)
        self._records(view, touched, changed, full, kind_after)
        self._removals(targets, lanes, stages)
        return self.result

    # ------------------------------------------------------------ values
    def _values(self, touched: Touched, view: View, full: bool) -> None:
        doc = self.doc
        readers = {"meta": (repair.read_meta, doc.meta, doc.set_meta),
                   "settings": (repair.read_setting, doc.settings, doc.set_setting),
                   "extra": (repair.read_extra_value, doc.extra, doc.set_extra)}
        for name, (read, current, setter) in readers.items():
            keys = set(view.entries(name)) if full else touched.values[name]
            for key in sorted(keys):
                value = read(key, view.entry(name, key))
                if repair.missing(value):
                    continue
                if current.get(key, repair._MISSING) != repair.freeze(value):
                    self._try(f"{name} {key!r}", lambda s=setter, k=key, v=value: s(k, v))

    # ------------------------------------------------------------ lanes and stages
    def _lanes(self, old: list, new: list) -> None:
        doc = self.doc
        for lane in new:
            if not doc.has_lane(lane.id):
                if doc.id_in_use(lane.id):  # an element holds the id: the lane waits
                    continue
                self._try(f"lane {lane.id}",
                          lambda ln=lane: doc.add_lane(ln.name, ln.kind, lane_id=ln.id))
            elif doc.lane(lane.id) != lane:
                self._try(f"lane {lane.id}",
                          lambda ln=lane: doc.update_lane(ln.id, ln.name, ln.kind))
        wanted = [lane.id for lane in new if doc.has_lane(lane.id)]
        leaving = [lane.id for lane in doc.lanes if lane.id not in set(wanted)]
        order = wanted + leaving
        if order != [lane.id for lane in doc.lanes]:
            self._try("lane order", lambda: doc.set_lane_order(order))

    def _stages_in(self, targets: dict[str, Element | None], stages: list[str]) -> None:
        doc = self.doc
        for stage_id in stages:
            target = targets.get(stage_id)
            if target is None:
                continue
            current = doc.get(stage_id)
            if current is None:
                self._try(f"stage {stage_id}", lambda t=target: doc.insert_element(t))
            elif current.kind is not Kind.STAGE or current.extra != target.extra:
                continue  # replaced below, with the removals
            else:
                self._fields(current, target)
        present = [s for s in stages if s in doc and doc.element(s).kind is Kind.STAGE]
        leaving = [s for s in doc.stage_order if s not in set(present)]
        order = present + leaving
        if order != list(doc.stage_order):
            self._try("stage order", lambda: doc.set_stage_order(order))

    def _fields(self, current: Element, target: Element) -> None:
        for name, value in target.fields.items():
            if current.fields.get(name) != value:
                self._try(f"{current.id}.{name}",
                          lambda n=name, v=value: self.doc.set_field(current.id, n, v))

    # ------------------------------------------------------------ cards
    def _cards(self, targets: dict[str, Element | None]) -> None:
        doc = self.doc
        for element_id, target in sorted(targets.items()):
            if target is None or target.kind is Kind.STAGE:
                continue
            current = doc.get(element_id)
            if current is not None and (current.kind is not target.kind
                                        or current.extra != target.extra):
                self._try(f"card {element_id}", lambda i=element_id: doc.remove_element(i))
                current = None
            if current is None:
                if doc.id_in_use(element_id):
                    continue
                self._try(f"card {element_id}", lambda t=target: doc.insert_element(t))
                continue
            self._fields(current, target)
            if current.placement != target.placement:
                self._try(f"card {element_id} placement",
                          lambda i=element_id, p=target.placement: doc.move_element(i, p))

    # ------------------------------------------------------------ links
    def _links(self, view: View, keys: set[str],
               kind_after: Callable[[str], Kind | None]) -> None:
        doc = self.doc
        kinds = _Kinds(kind_after)
        for key in sorted(keys):
            ends = repair.link_ends(key)
            if ends is None:
                continue
            target = repair.read_link(key, view.entry("links", key), kinds)
            source, end = ends
            present = source in doc and end in doc and doc.has_link(source, end)
            current = doc.link_kind(source, end) if present else None
            if target is None or (current is not None and current is not target.kind):
                if present:
                    self._try(f"link {key!r}", lambda s=source, t=end: doc.unlink(s, t))
                    current = None
            if target is not None and current is None and target.source in doc \
                    and target.target in doc:
                self._try(f"link {key!r}",
                          lambda t=target: doc.link(t.source, t.target, t.kind))

    # ------------------------------------------------------------ scores, records
    def _scores_and_waves(self, view: View, touched: Touched, changed: set[str],
                          stages: list[str], full: bool,
                          kind_after: Callable[[str], Kind | None]) -> None:
        doc = self.doc
        keys = set(touched.scores) | {k for i in changed for k in self.index.scores_of.get(i, ())}
        if full:
            keys |= set(view.entries("scores")) | {repair.SEP.join(s.key) for s in doc.scores()}
        stage_set = set(stages)
        kinds = _Kinds(kind_after)
        final = {repair.SEP.join(s.key): s for s in doc.scores()}
        add: list[Score] = []
        remove: list[tuple] = []
        for key in sorted(keys):
            target = repair.read_score(key, view.entry("scores", key), stage_set, kinds)
            current = final.get(key)
            if target is None and current is not None:
                remove.append(current.key)
                del final[key]
            elif target is not None and target != current:
                add.append(target)
                final[key] = target
        if not (touched.waves or keys or full or changed):
            return
        waves = repair.read_waves(view, list(final.values()))
        if waves != doc.waves:
            self._try("waves", lambda: doc.set_waves(waves))
        if remove:
            self._try("scores", lambda: doc.remove_scores(remove))
        ready = [s for s in add if s.stage in doc.stage_order
                 and (s.touchpoint is None or s.touchpoint in doc)]
        if ready:
            self._try("scores", lambda: doc.put_scores(ready))

    def _records(self, view: View, touched: Touched, changed: set[str], full: bool,
                 kind_after: Callable[[str], Kind | None]) -> None:
        doc = self.doc
        keys = set(touched.records)
        keys |= {k for i in changed for k in self.index.records_of.get(i, ())}
        if full:
            keys |= {ends for ends in map(repair.link_ends, view.entries("records")) if ends}
            keys |= {(section, key) for section in doc.sections() for key in doc.records(section)}
        kinds = _Kinds(kind_after)
        for section, key in sorted(keys):
            value = repair.read_record(section, key,
                                       view.entry("records", f"{section}{repair.SEP}{key}"), kinds)
            current = doc.record(section, key) if repair.is_section_name(section) else None
            if value is None:
                if current is not None:
                    self._try(f"record {section}/{key}",
                              lambda s=section, k=key: doc.drop_record(s, k))
            elif current != repair.freeze(value):
                self._try(f"record {section}/{key}",
                          lambda s=section, k=key, v=value: doc.put_record(s, k, v))

    # ------------------------------------------------------------ removals
    def _removals(self, targets: dict[str, Element | None], lanes: list, stages: list[str]) -> None:
        doc = self.doc
        gone = [i for i, target in targets.items() if target is None and i in doc]
        for element_id in sorted(gone):
            if doc.element(element_id).kind is not Kind.STAGE:
                self._try(f"card {element_id}", lambda i=element_id: doc.remove_element(i))
        stage_set = set(stages)
        for stage_id in list(doc.stage_order):
            target = targets.get(stage_id, doc.get(stage_id))
            if stage_id not in stage_set or target is None:
                self._try(f"stage {stage_id}", lambda s=stage_id: doc.remove_element(s))
            elif doc.element(stage_id).extra != target.extra:
                self._try(f"stage {stage_id}", lambda s=stage_id: doc.remove_element(s))
                self._try(f"stage {stage_id}",
                          lambda t=target: doc.insert_element(t, stages.index(t.id)))
        lane_ids = {lane.id for lane in lanes}
        for lane in list(doc.lanes):
            if lane.id not in lane_ids:
                self._try(f"lane {lane.id}", lambda i=lane.id: doc.remove_lane(i))
        waiting = [i for i, target in targets.items()  # cards that waited for a lane
                   if target is not None and i not in doc and target.kind is not Kind.STAGE]
        for element_id in sorted(waiting):
            if not doc.id_in_use(element_id):
                self._try(f"card {element_id}",
                          lambda t=targets[element_id]: doc.insert_element(t))


class _Kinds:
    """``id in kinds`` and ``kinds[id]``: the elements shown once the plan is done."""

    def __init__(self, kind_after: Callable[[str], Kind | None]) -> None:
        self._kind_after = kind_after

    def __contains__(self, element_id: object) -> bool:
        return isinstance(element_id, str) and self._kind_after(element_id) is not None

    def __getitem__(self, element_id: str) -> Kind:
        kind = self._kind_after(element_id)
        if kind is None:
            raise KeyError(element_id)
        return kind
