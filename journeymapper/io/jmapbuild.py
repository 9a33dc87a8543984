"""A validated JSON root of a .jmap file -> a JourneyMap, collecting problems.

Every value is checked for its type before it is used (a list where a kind
is expected is named, never an ``unhashable type`` crash), every text for its
length (:data:`MAX_TEXT`: longer texts are trimmed and reported), and every
free-form part the map keeps for a newer writer (unknown keys, settings, a
score's source) for its nesting depth.
"""

from __future__ import annotations

import math
from typing import Any

from journeymapper.i18n import N_, Message
from journeymapper.io.jsontext import kind_of, show, too_deep
from journeymapper.model.document import META_KEYS, JourneyMap
from journeymapper.model.elements import (
    FIELD_INDEX,
    MAX_TEXT,
    Element,
    Kind,
    Placement,
    default_fields,
    is_date,
)
from journeymapper.model.errors import FileFormatError, ModelError
from journeymapper.model.ids import IdAllocator
from journeymapper.model.links import LinkKind
from journeymapper.model.records import is_record_key, is_section_name
from journeymapper.model.scores import METRICS, Score, Wave
from journeymapper.model.values import ROOT_KEYS

KNOWN_ROOT = ROOT_KEYS
KNOWN_ELEMENT = {"id", "kind", "fields", "placement"}
#: Levels of nesting a part the map keeps without reading it may have.
MAX_FREE_DEPTH = 32
_KINDS = tuple(k.value for k in Kind)
_CARD_KINDS = tuple(k.value for k in Kind if k is not Kind.STAGE)
_LINK_KINDS = tuple(sorted(k.value for k in LinkKind))
_KIND_SET, _CARD_KIND_SET, _LINK_KIND_SET = frozenset(_KINDS), frozenset(_CARD_KINDS), \
    frozenset(_LINK_KINDS)
_SCALE_NUMBERS = ("min", "max")
_SCALE_TEXTS = ("formula", "direction")


def _number(value: Any) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and math.isfinite(value))


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _worded(template: str, **params: Any) -> str:
    return str(Message(template, **params))


class Builder:
    """Builds a document from a parsed root dict, collecting problems."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[str] = []

    # ---------------------------------------------------------------- helpers
    def fatal(self, template: str, **params: Any) -> FileFormatError:
        return FileFormatError(N_("{file}: {problem}"), file=self.name,
                               problem=Message(template, **params))


    def problem(self, template: str, **params: Any) -> None:
        self.problems.append(_worded(template, **params))

    def free(self, place: str, value: Any) -> None:
        """Refuse a kept-as-is part nested so deeply that saving it would fail."""
        if too_deep(value, MAX_FREE_DEPTH):
            raise self.fatal(N_("{where}: nested deeper than {limit} levels"), where=place,
                             limit=MAX_FREE_DEPTH)

    def text(self, place: str, value: str) -> str:
        """``value`` trimmed to MAX_TEXT characters (reported when it was longer)."""
        if len(value) <= MAX_TEXT:
            return value
        self.problem(N_("{where}: {length:,} characters, trimmed to the {limit:,} a text may "
                        "have"), where=place, length=len(value), limit=MAX_TEXT)
        return value[:MAX_TEXT]

    def objects(self, items: list[Any], key: str) -> Any:
        """(index, place, item) of a list that must hold only objects."""
        for i, item in enumerate(items):
            where = f"{key}[{i}]"
            if not isinstance(item, dict):
                raise self.fatal(N_("{where}: expected an object, got {kind}"), where=where,
                                 kind=kind_of(item))
            yield i, where, item

    def array(self, root: dict[str, Any], key: str) -> list[Any]:
        value = root.get(key, [])
        if not isinstance(value, list):
            raise self.fatal(N_("{key}: expected a list, got {kind}"), key=key,
                             kind=kind_of(value))
        return value

    # ---------------------------------------------------------------- the map
    def build(self, root: dict[str, Any], ids: IdAllocator | None = None) -> JourneyMap:
        doc = JourneyMap(ids=ids)
        with doc.transaction("load"):
            self.fill(doc, root)
        return doc

    def fill(self, doc: JourneyMap, root: dict[str, Any]) -> None:
        self.meta(doc, root)
        self.lanes(doc, self.array(root, "lanes"))
        elements = self.array(root, "elements")
        stages = self.array(root, "stages")
        by_id = self.index_elements(doc, elements)
        self.stages(doc, stages, by_id)
        for index, item in by_id.values():
            if item["kind"] != Kind.STAGE.value:
                self.element(doc, index, item)
        self.links(doc, self.array(root, "links"))
        self.scores(doc, self.array(root, "waves"), self.array(root, "scores"))
        self.records(doc, self.array(root, "records"))
        for key, value in root.items():
            if key not in KNOWN_ROOT:
                self.free(key, value)
                doc.set_extra(key, value)

    def meta(self, doc: JourneyMap, root: dict[str, Any]) -> None:
        for key in META_KEYS:
            if key not in root:
                continue
            value = root[key]
            if key == "authors":
                if isinstance(value, list) and all(isinstance(v, str) for v in value):
                    doc.set_meta(key, [self.text(f"authors[{i}]", v) for i, v in enumerate(value)])
                    continue
                want = Message(N_("a list of texts"))
            elif isinstance(value, str):
                doc.set_meta(key, self.text(key, value))
                continue
            else:
                want = Message(N_("text"))
            self.problem(N_("{key}: expected {want}, got {value}; ignored"), key=key, want=want,
                         value=show(value))
        settings = root.get("settings", {})
        if not isinstance(settings, dict):
            raise self.fatal(N_("settings: expected an object, got {kind}"),
                             kind=kind_of(settings))
        self.free("settings", settings)
        rng = settings.get("emotion_range", 2)
        if rng not in (2, 3) or isinstance(rng, bool):
            self.problem(N_("settings.emotion_range: expected 2 or 3, got {value}; using 2"),
                         value=show(rng))
            rng = 2
        for key, value in {**settings, "emotion_range": rng}.items():
            doc.set_setting(key, value)

    def lanes(self, doc: JourneyMap, lanes: list[Any]) -> None:
        for _i, where, item in self.objects(lanes, "lanes"):
            lane_id, lane_name, kind = item.get("id"), item.get("name"), item.get("kind")
            if not isinstance(lane_id, str) or not lane_id:
                raise self.fatal(N_("{where}.id: expected a non-empty text, got {value}"),
                                 where=where, value=show(lane_id))
            if not isinstance(lane_name, str):
                raise self.fatal(N_("{where}.name: expected text, got {value}"), where=where,
                                 value=show(lane_name))
            if not isinstance(kind, str) or kind not in _CARD_KIND_SET:
                raise self.fatal(N_("{where}.kind: expected a card kind ({items}), got {value}"),
                                 where=where, items=", ".join(_CARD_KINDS), value=show(kind))
            try:
                doc.add_lane(self.text(f"{where}.name", lane_name), Kind(kind), lane_id=lane_id)
            except ModelError as exc:
                raise self.fatal(N_("{where}: {reason}"), where=where, reason=exc.message) \
                    from None

    def index_elements(self, doc: JourneyMap, elements: list[Any]
                       ) -> dict[str, tuple[int, dict[str, Any]]]:
        lanes = {lane.id: i for i, lane in enumerate(doc.lanes)}
        by_id: dict[str, tuple[int, dict[str, Any]]] = {}
        for i, where, item in self.objects(elements, "elements"):
            element_id = item.get("id")
            if not isinstance(element_id, str) or not element_id:
                raise self.fatal(N_("{where}.id: expected a non-empty text, got {value}"),
                                 where=where, value=show(element_id))
            if element_id in by_id:
                raise self.fatal(N_("{where}.id: duplicate id {element_id!r} (also "
                                    "elements[{value}])"), where=where, element_id=element_id,
                                 value=by_id[element_id][0])
            if element_id in lanes:
                raise self.fatal(N_("lanes[{lane}].id: {value} is also the id of {where}; expected "
                                    "every id to be used once"), lane=lanes[element_id],
                                 value=show(element_id), where=where)
            kind = item.get("kind")
            if not isinstance(kind, str) or kind not in _KIND_SET:
                raise self.fatal(N_("{where}.kind: expected one of {items}, got {value}"),
                                 where=where, items=", ".join(sorted(_KINDS)), value=show(kind))
            if not isinstance(item.get("fields", {}), dict):
                raise self.fatal(N_("{where}.fields: expected an object, got {kind}"),
                                 where=where, kind=kind_of(item["fields"]))
            by_id[element_id] = (i, item)
        return by_id

    def fields(self, index: int, item: dict[str, Any], kind: Kind) -> tuple[dict, dict]:
        known = FIELD_INDEX[kind]
        values = default_fields(kind)
        unknown: dict[str, Any] = {}
        for key, value in item.get("fields", {}).items():
            spec = known.get(key)
            if spec is None:
                self.free(f"elements[{index}].fields.{key}", value)
                unknown[key] = value
                continue
            if isinstance(value, str):
                if len(value) > MAX_TEXT:
                    value = self.text(f"elements[{index}].{key}", value)
            elif isinstance(value, list) and all(isinstance(v, str) for v in value):
                value = [self.text(f"elements[{index}].{key}[{i}]", v)
                         for i, v in enumerate(value)]
            problem = spec.check(value)
            if problem:
                self.problem(N_("elements[{index}].{key}: {problem}; reset to {value}"),
                             index=index, key=key, problem=problem, value=show(spec.default))
                continue
            values[key] = value
        return values, unknown

    def make(self, index: int, item: dict[str, Any], placement: Placement | None) -> Element:
        kind = Kind(item["kind"])
        values, unknown = self.fields(index, item, kind)
        extra = {k: v for k, v in item.items() if k not in KNOWN_ELEMENT}
        for key, value in extra.items():
            self.free(f"elements[{index}].{key}", value)
        if unknown:
            extra["fields"] = unknown
        return Element(item["id"], kind, values, placement, extra)

    def insert(self, doc: JourneyMap, index: int, element: Element) -> None:
        try:
            doc.insert_element(element)
        except ModelError as exc:
            raise self.fatal(N_("{where}: {reason}"), where=f"elements[{index}]",
                             reason=exc.message) from None

    def stages(self, doc: JourneyMap, stages: list[Any],
               by_id: dict[str, tuple[int, dict[str, Any]]]) -> None:
        listed: list[str] = []
        seen: set[str] = set()
        for i, stage_id in enumerate(stages):
            entry = by_id.get(stage_id) if isinstance(stage_id, str) else None
            if entry is None or entry[1]["kind"] != Kind.STAGE.value:
                raise self.fatal(N_("stages[{index}]: expected the id of a stage element, got "
                                    "{value}"), index=i, value=show(stage_id))
            if stage_id in seen:
                raise self.fatal(N_("stages[{index}]: stage {stage_id!r} is listed twice"),
                                 index=i, stage_id=stage_id)
            listed.append(stage_id)
            seen.add(stage_id)
        for stage_id, (i, item) in by_id.items():
            if item["kind"] == Kind.STAGE.value and stage_id not in seen:
                self.problem(N_("elements[{index}]: stage {stage_id!r} is missing from 'stages'; "
                                "added at the end"), index=i, stage_id=stage_id)
                listed.append(stage_id)
                seen.add(stage_id)
        for stage_id in listed:
            index, item = by_id[stage_id]
            self.insert(doc, index, self.make(index, item, None))

    def element(self, doc: JourneyMap, index: int, item: dict[str, Any]) -> None:
        where = f"elements[{index}]"
        raw = item.get("placement")
        if not isinstance(raw, dict):
            raise self.fatal(N_("{where}.placement: expected an object, got {kind}"), where=where,
                             kind=kind_of(raw))
        stage, lane = raw.get("stage"), raw.get("lane")
        order, dx, dy = raw.get("order", 0), raw.get("dx", 0), raw.get("dy", 0)
        if stage is not None and not doc.has_stage(stage):
            raise self.fatal(N_("{where}.placement.stage: expected a stage id or null, got "
                                "{value}"), where=where, value=show(stage))
        if not isinstance(lane, str) or not doc.has_lane(lane):
            raise self.fatal(N_("{where}.placement.lane: expected a lane id, got {value}"),
                             where=where, value=show(lane))
        if isinstance(order, bool) or not isinstance(order, int):
            raise self.fatal(N_("{where}.placement.order: expected an integer, got {value}"),
                             where=where, value=show(order))
        for key, value in (("dx", dx), ("dy", dy)):
            # (the JSON reader lets no NaN or infinity through)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not (
                    -1e6 <= value <= 1e6):
                raise self.fatal(N_("{where}.placement.{key}: expected a number "
                                    "-1000000..1000000, got {value}"), where=where, key=key,
                                 value=show(value))
        self.insert(doc, index, self.make(index, item, Placement(stage, lane, order, float(dx),
                                                                 float(dy))))

    # ---------------------------------------------------------------- links
    def links(self, doc: JourneyMap, links: list[Any]) -> None:
        for _i, where, item in self.objects(links, "links"):
            source, target, kind = item.get("source"), item.get("target"), item.get("kind")
            missing = [k for k, v in (("source", source), ("target", target))
                       if not isinstance(v, str) or v not in doc]
            if missing:
                key = missing[0]
                value = item.get(key)
                if isinstance(value, str):
                    self.problem(N_("{where}.{key}: no element with id {value}; link dropped"),
                                 where=where, key=key, value=show(value))
                else:
                    self.problem(N_("{where}.{key}: expected the id of an element, got {value}; "
                                    "link dropped"), where=where, key=key, value=show(value))
                continue
            if not isinstance(kind, str) or kind not in _LINK_KIND_SET:
                self.problem(N_("{where}.kind: expected one of {items}, got {value}; link dropped"),
                             where=where, items=", ".join(_LINK_KINDS), value=show(kind))
                continue
            try:
                doc.link(source, target, LinkKind(kind))
            except ModelError as exc:
                self.problem(N_("{where}: {reason}; link dropped"), where=where,
                             reason=exc.message)

    # ---------------------------------------------------------------- records
    def records(self, doc: JourneyMap, records: list[Any]) -> None:
        """Feature records (model/records.py); one that its section refuses is dropped."""
        seen: set[tuple[str, str]] = set()
        for _i, where, item in self.objects(records, "records"):
            if set(item) != {"section", "key", "value"}:
                raise self.fatal(N_("{where}: expected {{\"section\", \"key\", \"value\"}}, "
                                    "got {value}"), where=where, value=show(item))
            section, key = item["section"], item["key"]
            if not is_section_name(section) or not is_record_key(key):
                raise self.fatal(N_("{where}: expected a section name and a key, got {section} / "
                                    "{key}"), where=where, section=show(section), key=show(key))
            if (section, key) in seen:
                raise self.fatal(N_("{where}: {section} {key!r} is listed twice"), where=where,
                                 section=section, key=key)
            seen.add((section, key))
            self.free(f"{where}.value", item["value"])
            try:
                doc.put_record(section, key, item["value"])
            except ModelError as exc:
                self.problem(N_("{where}: {reason}; record dropped"), where=where,
                             reason=exc.message)

    # ---------------------------------------------------------------- scores
    def scores(self, doc: JourneyMap, waves: list[Any], scores: list[Any]) -> None:
        wave_list: list[Wave] = []
        labels: set[str] = set()
        for i, item in enumerate(waves):
            if (not isinstance(item, dict) or not isinstance(item.get("label"), str)
                    or not isinstance(item.get("date", ""), str)):
                raise self.fatal(N_("waves[{index}]: expected {{\"label\": text, \"date\": text}}, "
                                    "got {value}"), index=i, value=show(item))
            label, date = item["label"], item.get("date", "")
            if len(label) > MAX_TEXT or len(date) > MAX_TEXT:
                raise self.fatal(N_("waves[{index}]: expected a label and date of at most "
                                    "{limit:,} characters"), index=i, limit=MAX_TEXT)
            if label in labels:
                raise self.fatal(N_("waves[{index}].label: duplicate wave {value!r}"), index=i,
                                 value=label)
            if not label:
                raise self.fatal(N_("waves[{index}].label: expected a name, got an empty text"),
                                 index=i)
            if date and not is_date(date):
                self.problem(N_("waves[{index}].date: expected a date YYYY-MM-DD or empty, got "
                                "{value}; cleared"), index=i, value=show(date))
                date = ""
            labels.add(label)
            wave_list.append(Wave(label, date))
        made: list[Score] = []
        for i, item in enumerate(scores):
            score = self.score(doc, i, item, labels)
            if score is not None:
                made.append(score)
        doc.put_scores(made, wave_list)

    def dropped(self, where: str, key: str, want: str | Message, value: Any) -> None:
        self.problem(N_("{where}.{key}: expected {want}, got {value}; score dropped"),
                     where=where, key=key, want=want, value=show(value))

    def score(self, doc: JourneyMap, i: int, item: Any, waves: set[str]) -> Score | None:
        where = f"scores[{i}]"
        if not isinstance(item, dict):
            raise self.fatal(N_("{where}: expected an object, got {kind}"), where=where,
                             kind=kind_of(item))
        checks = (
            ("stage", doc.has_stage,
             Message(N_("the id of a stage"))),
            ("wave", lambda v: isinstance(v, str) and v in waves,
             Message(N_("a wave listed in 'waves'"))),
            ("metric", lambda v: isinstance(v, str) and v in METRICS,
             Message(N_("one of {items}"), items=", ".join(METRICS))),
            ("value", _number, Message(N_("a number"))),
            ("n", _count, Message(N_("a whole number >= 0"))),
            ("skipped", _count, Message(N_("a whole number >= 0"))),
            ("name", lambda v: isinstance(v, str) and len(v) <= MAX_TEXT,
             Message(N_("text of at most {limit:,} characters"), limit=MAX_TEXT)),
        )
        item = {"name": "", **item}
        for key, ok, want in checks:
            if not ok(item.get(key)):
                self.dropped(where, key, want, item.get(key))
                return None
        touchpoint = item.get("touchpoint")
        if touchpoint is not None and not isinstance(touchpoint, str):
            self.dropped(where, "touchpoint", Message(N_("the id of a touchpoint or null")),
                         touchpoint)
            return None
        if touchpoint is not None and touchpoint not in doc:
            self.problem(N_("{where}.touchpoint: no element with id {value}; score dropped"),
                         where=where, value=show(touchpoint))
            return None
        parts = {}
        for key in ("distribution", "scale", "source"):
            value = item.get(key, {})
            if not isinstance(value, dict):
                self.dropped(where, key, Message(N_("an object")), value)
                return None
            parts[key] = value
        if not self.score_parts(where, parts):
            return None
        problem = _value_problem(item["value"], item["metric"], parts["scale"])
        if problem:
            self.problem(N_("{where}.value: {problem}; score dropped"), where=where,
                         problem=problem)
            return None
        return Score(item["stage"], item["wave"], item["metric"], item["value"], item["n"],
                     item["skipped"], touchpoint, item["name"], parts["distribution"],
                     parts["scale"], parts["source"])

    def score_parts(self, where: str, parts: dict[str, dict[str, Any]]) -> bool:
        """Are the distribution, scale and source of a score of the types readers expect?"""
        for key, count in parts["distribution"].items():
            if not _count(count):
                self.dropped(where, f"distribution.{key}", Message(N_("a whole number >= 0")),
                             count)
                return False
        scale = parts["scale"]
        for key in _SCALE_NUMBERS:
            if key in scale and not _number(scale[key]):
                self.dropped(where, f"scale.{key}", Message(N_("a finite number")), scale[key])
                return False
        for key in _SCALE_TEXTS:
            if key in scale and not (isinstance(scale[key], str) and len(scale[key]) <= MAX_TEXT):
                self.dropped(where, f"scale.{key}", Message(N_("text")), scale[key])
                return False
        if "integer" in scale and not isinstance(scale["integer"], bool):
            self.dropped(where, "scale.integer", Message(N_("true or false")), scale["integer"])
            return False
        if "better" in scale and scale["better"] not in ("higher", "lower"):
            self.dropped(where, "scale.better", Message(N_("higher or lower")), scale["better"])
            return False
        self.free(f"{where}.scale", scale)
        self.free(f"{where}.source", parts["source"])
        return True


def _value_problem(value: float, metric: str, scale: dict[str, Any]) -> str | Message:
    """What is wrong with a score's value for its metric ('' if nothing)."""
    low, high = scale.get("min"), scale.get("max")
    if metric == "csat":
        want: str | Message = Message(N_("a percentage 0..100"))
        low, high = 0, 100
    elif metric == "nps":
        want, low, high = Message(N_("a number -100..+100")), -100, 100
    elif _number(low) and _number(high) and low <= high:
        want = Message(N_("a number {low}..{high}"), low=show(low), high=show(high))
    else:
        return ""
    inside = low <= value <= high
    return "" if inside else Message(N_("expected {want}, got {value}"), want=want,
                                     value=show(value))
