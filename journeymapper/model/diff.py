"""What changed between two versions of a map: a semantic diff.

Elements, stages and lanes are matched by id (ids are never reused, see
model/ids.py), links by their two ends, scores by their key (stage,
touchpoint, wave, metric, name). The diff lists:

- cards ``added``, ``removed``, ``changed`` (field by field, old and new)
  and ``moved`` (to another stage or lane; the order inside a cell and the
  free offset are layout, not changes);
- ``links`` added and removed (not those that went with a removed card);
- ``stages`` and ``lanes`` added, removed, renamed, otherwise changed, and
  reordered (the fewest that moved: those outside the longest run kept in
  order);
- ``scores`` changed per stage x metric x wave (value, n, skipped or the
  answers; not those that went with a removed stage or touchpoint);
- ``opportunities``: those whose status changed, those done since (done now,
  not done or absent before) and those overdue now (due before today and not
  done: a state of the new map, not a change, so it does not make a diff
  non-empty).

:meth:`MapDiff.as_dict` is the JSON of ``journeymapper diff --json``
(docs/review.md). Plain Python, no Qt.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from journeymapper.i18n import ngettext
from journeymapper.model.actions import DONE, is_overdue
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Element, Kind, Lane, thaw
from journeymapper.model.links import Link
from journeymapper.model.scores import Score

T = TypeVar("T")
Fields = dict[str, tuple[Any, Any]]


@dataclass(frozen=True)
class Changed:
    """An element in both maps whose fields differ: ``fields`` {name: (old, new)}."""

    old: Element
    new: Element
    fields: Fields

    @property
    def id(self) -> str:
        return self.new.id


@dataclass(frozen=True)
class Moved:
    old: Element
    new: Element

    @property
    def id(self) -> str:
        return self.new.id


@dataclass(frozen=True)
class LaneChange:
    old: Lane
    new: Lane


@dataclass(frozen=True)
class ScoreChange:
    """A score that went in, out, or changed (``old`` or ``new`` None when absent)."""

    old: Score | None
    new: Score | None

    @property
    def score(self) -> Score:
        return self.new if self.new is not None else self.old  # type: ignore[return-value]


@dataclass
class MapDiff:
    """The differences from ``old`` to ``new`` (see the module docstring)."""

    old: JourneyMap
    new: JourneyMap
    added: list[Element] = field(default_factory=list)
    removed: list[Element] = field(default_factory=list)
    changed: list[Changed] = field(default_factory=list)
    moved: list[Moved] = field(default_factory=list)
    links_added: list[Link] = field(default_factory=list)
    links_removed: list[Link] = field(default_factory=list)
    stages_added: list[Element] = field(default_factory=list)
    stages_removed: list[Element] = field(default_factory=list)
    stages_renamed: list[Changed] = field(default_factory=list)
    stages_changed: list[Changed] = field(default_factory=list)
    stages_reordered: list[Element] = field(default_factory=list)
    lanes_added: list[Lane] = field(default_factory=list)
    lanes_removed: list[Lane] = field(default_factory=list)
    lanes_renamed: list[LaneChange] = field(default_factory=list)
    lanes_changed: list[LaneChange] = field(default_factory=list)
    lanes_reordered: list[Lane] = field(default_factory=list)
    scores: list[ScoreChange] = field(default_factory=list)
    status: list[Changed] = field(default_factory=list)
    done: list[Element] = field(default_factory=list)
    overdue: list[Element] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Nothing changed (overdue actions are a state, not a change)."""
        return not any((self.added, self.removed, self.changed, self.moved, self.links_added,
                        self.links_removed, self.stages_added, self.stages_removed,
                        self.stages_renamed, self.stages_changed, self.stages_reordered,
                        self.lanes_added, self.lanes_removed, self.lanes_renamed,
                        self.lanes_changed, self.lanes_reordered, self.scores))

    def counts(self) -> dict[str, int]:
        """How many of each, for a summary (and a review's record)."""
        return {
            "added": len(self.added), "removed": len(self.removed),
            "changed": len(self.changed), "moved": len(self.moved),
            "links_added": len(self.links_added), "links_removed": len(self.links_removed),
            "stages": len(self.stages_added) + len(self.stages_removed)
            + len(self.stages_renamed) + len(self.stages_changed) + len(self.stages_reordered),
            "lanes": len(self.lanes_added) + len(self.lanes_removed) + len(self.lanes_renamed)
            + len(self.lanes_changed) + len(self.lanes_reordered),
            "scores": len(self.scores), "done": len(self.done), "overdue": len(self.overdue),
        }

    def count_phrases(self) -> list[str]:
        """'3 cards added', '1 removed', ... as the CLI, git diff and the PDF word them."""
        c = self.counts()
        return [
            ngettext("{n} card added", "{n} cards added", c["added"]).format(n=c["added"]),
            ngettext("{n} removed", "{n} removed", c["removed"]).format(n=c["removed"]),
            ngettext("{n} changed", "{n} changed", c["changed"]).format(n=c["changed"]),
            ngettext("{n} moved", "{n} moved", c["moved"]).format(n=c["moved"]),
            ngettext("{n} link added", "{n} links added",
                     c["links_added"]).format(n=c["links_added"]),
            ngettext("{n} link removed", "{n} links removed",
                     c["links_removed"]).format(n=c["links_removed"]),
            ngettext("{n} score new or changed", "{n} scores new or changed",
                     c["scores"]).format(n=c["scores"]),
        ]

    # ------------------------------------------------------------ JSON
    def as_dict(self) -> dict[str, Any]:
        """The JSON of ``journeymapper diff --json`` (docs/review.md)."""
        old, new = self.old, self.new
        return {
            "added": [card_dict(new, e) for e in self.added],
            "removed": [card_dict(old, e) for e in self.removed],
            "changed": [{**card_dict(new, c.new), "fields": fields_dict(c.fields)}
                        for c in self.changed],
            "moved": [{**card_dict(new, m.new), "from": place_dict(old, m.old),
                       "to": place_dict(new, m.new)} for m in self.moved],
            "links": {"added": [link_dict(new, lk) for lk in self.links_added],
                      "removed": [link_dict(old, lk) for lk in self.links_removed]},
            "stages": {
                "added": [stage_dict(new, s) for s in self.stages_added],
                "removed": [stage_dict(old, s) for s in self.stages_removed],
                "renamed": [{"id": c.id, "old": c.old.text, "new": c.new.text}
                            for c in self.stages_renamed],
                "changed": [{**stage_dict(new, c.new), "fields": fields_dict(c.fields)}
                            for c in self.stages_changed],
                "reordered": [stage_dict(new, s) for s in self.stages_reordered],
            },
            "lanes": {
                "added": [lane_dict(new, ln) for ln in self.lanes_added],
                "removed": [lane_dict(old, ln) for ln in self.lanes_removed],
                "renamed": [{"id": c.new.id, "old": c.old.name, "new": c.new.name}
                            for c in self.lanes_renamed],
                "changed": [{**lane_dict(new, c.new), "fields": {"kind": [c.old.kind.value,
                                                                          c.new.kind.value]}}
                            for c in self.lanes_changed],
                "reordered": [lane_dict(new, ln) for ln in self.lanes_reordered],
            },
            "scores": [score_change_dict(self, c) for c in self.scores],
            "opportunities": {
                "status": [{"id": c.id, "text": c.new.text, "old": c.old.fields.get("status"),
                            "new": c.new.fields.get("status")} for c in self.status],
                "done": [action_dict(e) for e in self.done],
                "overdue": [action_dict(e) for e in self.overdue],
            },
        }


# ---------------------------------------------------------------- JSON parts
def _name(doc: JourneyMap, element_id: str | None) -> str | None:
    if element_id is None:
        return None
    element = doc.get(element_id)
    return element.text if element is not None else None


def _lane_name(doc: JourneyMap, lane_id: str) -> str | None:
    return doc.lane(lane_id).name if doc.has_lane(lane_id) else None


def place_dict(doc: JourneyMap, element: Element) -> dict[str, Any]:
    p = element.placement
    if p is None:
        return {"stage_id": None, "stage": None, "lane_id": None, "lane": None}
    return {"stage_id": p.stage, "stage": _name(doc, p.stage), "lane_id": p.lane,
            "lane": _lane_name(doc, p.lane)}


def card_dict(doc: JourneyMap, element: Element) -> dict[str, Any]:
    return {"id": element.id, "kind": element.kind.value, "text": element.text,
            **place_dict(doc, element)}


def stage_dict(doc: JourneyMap, stage: Element) -> dict[str, Any]:
    index = doc.stage_order.index(stage.id) if stage.id in doc.stage_order else None
    return {"id": stage.id, "kind": Kind.STAGE.value, "text": stage.text, "index": index}


def lane_dict(doc: JourneyMap, lane: Lane) -> dict[str, Any]:
    ids = [ln.id for ln in doc.lanes]
    return {"id": lane.id, "name": lane.name, "kind": lane.kind.value,
            "index": ids.index(lane.id) if lane.id in ids else None}


def link_dict(doc: JourneyMap, link: Link) -> dict[str, Any]:
    return {"source": link.source, "source_text": _name(doc, link.source),
            "target": link.target, "target_text": _name(doc, link.target),
            "kind": link.kind.value}


def fields_dict(fields: Fields) -> dict[str, list[Any]]:
    return {name: [thaw(old), thaw(new)] for name, (old, new) in fields.items()}


def _score_side(score: Score | None) -> dict[str, Any] | None:
    if score is None:
        return None
    return {"value": score.value, "n": score.n, "skipped": score.skipped}


def score_change_dict(diff: MapDiff, change: ScoreChange) -> dict[str, Any]:
    s = change.score
    doc = diff.new if change.new is not None else diff.old
    delta = None if change.old is None or change.new is None else change.new.value - change.old.value
    return {"stage_id": s.stage, "stage": _name(doc, s.stage), "touchpoint": s.touchpoint,
            "touchpoint_text": _name(doc, s.touchpoint), "metric": s.metric, "name": s.name,
            "wave": s.wave, "old": _score_side(change.old), "new": _score_side(change.new),
            "change": delta}


def action_dict(element: Element) -> dict[str, Any]:
    f = element.fields
    return {"id": element.id, "text": element.text, "status": f.get("status"),
            "owner": f.get("owner", ""), "due": f.get("due") or None}


# ---------------------------------------------------------------- the diff
def diff(old: JourneyMap, new: JourneyMap, today: dt.date | None = None) -> MapDiff:
    """The differences from ``old`` to ``new``; ``today`` decides what is overdue."""
    result = MapDiff(old, new)
    before = {e.id: e for e in old.elements()}
    after = {e.id: e for e in new.elements()}
    _elements(result, before, after)
    _links(result, old, new, before, after)
    _stages(result, old, new, before, after)
    _lanes(result, old, new)
    _scores(result, old, new, before, after)
    for element in after.values():
        if element.kind is not Kind.OPPORTUNITY:
            continue
        was = before.get(element.id)
        if element.fields.get("status") == DONE and (
                was is None or was.fields.get("status") != DONE):
            result.done.append(element)
        if is_overdue(element, today):
            result.overdue.append(element)
    result.status = [c for c in result.changed
                     if c.new.kind is Kind.OPPORTUNITY and "status" in c.fields]
    return result


def field_changes(old: Element, new: Element) -> Fields:
    if old.fields == new.fields:
        return {}
    names = dict.fromkeys([*old.fields, *new.fields])
    return {name: (old.fields.get(name), new.fields.get(name)) for name in names
            if old.fields.get(name) != new.fields.get(name)}


def _elements(result: MapDiff, before: dict[str, Element], after: dict[str, Element]) -> None:
    for element_id, element in after.items():
        if element.kind is Kind.STAGE:
            continue
        was = before.get(element_id)
        if was is None:
            result.added.append(element)
            continue
        if was is element:
            continue
        changes = field_changes(was, element)
        if changes:
            result.changed.append(Changed(was, element, changes))
        if was.placement is not None and element.placement is not None \
                and was.placement.cell != element.placement.cell:
            result.moved.append(Moved(was, element))
    result.removed = [e for i, e in before.items() if e.kind is not Kind.STAGE and i not in after]


def _links(result: MapDiff, old: JourneyMap, new: JourneyMap, before: dict[str, Element],
           after: dict[str, Element]) -> None:
    old_links, new_links = old.link_index(), new.link_index()
    result.links_added = [Link(s, t, kind) for (s, t), kind in new_links.items()
                          if old_links.get((s, t)) is not kind]
    # links that went with a removed card are the card's removal, not a change of their own
    result.links_removed = [Link(s, t, kind) for (s, t), kind in old_links.items()
                            if new_links.get((s, t)) is not kind and s in after and t in after]


def _stages(result: MapDiff, old: JourneyMap, new: JourneyMap, before: dict[str, Element],
            after: dict[str, Element]) -> None:
    old_order, new_order = old.stage_order, new.stage_order
    kept = set(old_order)
    result.stages_added = [after[s] for s in new_order if s not in kept]
    present = set(new_order)
    result.stages_removed = [before[s] for s in old_order if s not in present]
    for stage_id in new_order:
        was, now = before.get(stage_id), after[stage_id]
        if was is None or was is now:
            continue
        changes = field_changes(was, now)
        if "text" in changes:
            result.stages_renamed.append(Changed(was, now, {"text": changes.pop("text")}))
        if changes:
            result.stages_changed.append(Changed(was, now, changes))
    moved = out_of_order([s for s in old_order if s in present],
                         [s for s in new_order if s in kept], lambda s: s)
    result.stages_reordered = [after[s] for s in new_order if s in moved]


def _lanes(result: MapDiff, old: JourneyMap, new: JourneyMap) -> None:
    before = {ln.id: ln for ln in old.lanes}
    after = {ln.id: ln for ln in new.lanes}
    result.lanes_added = [ln for ln in new.lanes if ln.id not in before]
    result.lanes_removed = [ln for ln in old.lanes if ln.id not in after]
    for lane in new.lanes:
        was = before.get(lane.id)
        if was is None or was == lane:
            continue
        if was.name != lane.name:
            result.lanes_renamed.append(LaneChange(was, lane))
        if was.kind is not lane.kind:
            result.lanes_changed.append(LaneChange(was, lane))
    moved = out_of_order([ln.id for ln in old.lanes if ln.id in after],
                         [ln.id for ln in new.lanes if ln.id in before], lambda i: i)
    result.lanes_reordered = [ln for ln in new.lanes if ln.id in moved]


def _same_score(a: Score, b: Score) -> bool:
    return (a.value, a.n, a.skipped, a.distribution) == (b.value, b.n, b.skipped, b.distribution)


def _scores(result: MapDiff, old: JourneyMap, new: JourneyMap, before: dict[str, Element],
            after: dict[str, Element]) -> None:
    old_scores = {s.key: s for s in old.scores()}
    new_scores = {s.key: s for s in new.scores()}
    for key, score in new_scores.items():
        was = old_scores.get(key)
        if was is None or not _same_score(was, score):
            result.scores.append(ScoreChange(was, score))
    for key, score in old_scores.items():
        # the scores of a removed stage or touchpoint went with it
        gone = score.stage not in after or (score.touchpoint is not None
                                            and score.touchpoint not in after)
        if key not in new_scores and not gone:
            result.scores.append(ScoreChange(score, None))


def out_of_order(old: Sequence[T], new: Sequence[T], key: Callable[[T], Any]) -> set[Any]:
    """The fewest items of ``new`` that moved: ``old`` and ``new`` hold the same
    items; those outside a longest run that kept its old order moved."""
    position = {key(item): i for i, item in enumerate(old)}
    sequence = [position[key(item)] for item in new]
    tails: list[int] = []      # smallest tail value of an increasing run of each length
    tail_at: list[int] = []    # index in ``sequence`` of that tail
    back = [-1] * len(sequence)
    for i, value in enumerate(sequence):
        length = bisect.bisect_left(tails, value)
        if length == len(tails):
            tails.append(value)
            tail_at.append(i)
        else:
            tails[length] = value
            tail_at[length] = i
        back[i] = tail_at[length - 1] if length else -1
    keep: set[int] = set()
    i = tail_at[-1] if tail_at else -1
    while i >= 0:
        keep.add(i)
        i = back[i]
    return {key(item) for i, item in enumerate(new) if i not in keep}
