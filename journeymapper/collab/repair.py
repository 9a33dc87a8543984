"""Reading a shared map back from its Y document, with the repair rules.

Concurrent edits can leave a Y document that no single person made: a link
to a card someone deleted, a stage removed while a colleague added a card
to it, a stage listed twice after two people moved it. Every peer reads the
document through the same pure functions here, so every peer shows the same
valid map, computed from the Y state alone; the document itself is not
changed by a repair (an undo that brings a stage back brings its cards back
into it). A value that is not valid at all (a peer wrote garbage) reads as
absent or as the field's default. The rules, in docs/collaboration.md:

1. Order lists (``stages``, ``lane_order``): the first place an id appears
   wins; ids that are not (valid) stages / lanes are dropped; valid ones
   missing from the list follow, sorted by id.
2. A card whose lane is gone goes to the first lane of its kind, else the
   first lane; with no lane at all it is not shown.
3. A card whose stage is gone goes to the first stage; with no stage at all
   it is not shown. Cards in one cell sort by (order, id), so two cards in
   the same order slot stay in a stable order.
4. A field value that fails its check reads as the field's default; a text
   longer than the model allows is cut to the limit.
5. A link shows when both ends show, the kind joins their kinds and the
   key names its two ends; otherwise it is kept in Y but not shown.
6. A record shows when its section's check passes and the elements it
   needs show; a score when its stage (and touchpoint) show.
7. The waves are the listed ones (first label wins) and then any wave a
   shown score needs, sorted by label.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

import orjson

from journeymapper.collab.schema import SEP, text_fields
from journeymapper.collab.view import Live, Whole
from journeymapper.io.serialize import natural_key
from journeymapper.model.elements import (
    CARD_KINDS,
    FIELD_INDEX,
    MAX_TEXT,
    Element,
    Kind,
    Lane,
    Placement,
    default_fields,
    freeze,
)
from journeymapper.model.links import Link, LinkKind, allowed
from journeymapper.model.records import SECTIONS, is_record_key, is_section_name, refers_to
from journeymapper.model.scores import METRICS, Score, Wave
from journeymapper.model.values import META_KEYS, ROOT_KEYS

KINDS = {k.value: k for k in Kind}
CARD_KIND_VALUES = {k.value for k in CARD_KINDS}
LINK_KINDS = {k.value: k for k in LinkKind}
MAX_ID = 256
_MISSING = object()
View = Live | Whole


_SCALARS: dict[str, Any] = {}  # short texts holding a plain scalar (kinds, scores): parsed once
_UNKNOWN = object()


def load(text: Any) -> Any:
    """A stored JSON text as a value; anything else (not text, not JSON, a
    number that is not finite) is ``_MISSING``."""
    if not isinstance(text, str) or len(text) > 4 * MAX_TEXT * 16:
        return _MISSING
    value = _SCALARS.get(text, _UNKNOWN)
    if value is not _UNKNOWN:
        return value
    try:
        value = orjson.loads(text)  # strict JSON: no NaN, integers within 64 bits
    except orjson.JSONDecodeError:
        return _MISSING
    if len(text) <= 64 and len(_SCALARS) < 4096 and \
            (value is None or isinstance(value, (str, int, float))):
        _SCALARS[text] = value
    return value


def is_id(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_ID


def order_list(values: Any, valid: set[str]) -> list[str]:
    """Rule 1: an order list read back (``values``: the list as projected)."""
    seen: dict[str, None] = {}
    if isinstance(values, list):
        for value in values:
            if isinstance(value, str) and value in valid and value not in seen:
                seen[value] = None
    missing = sorted(valid - seen.keys(), key=natural_key)
    return [*seen, *missing]


# ------------------------------------------------------------ lanes and stages
def read_lane(lane_id: str, stored: Any) -> Lane | None:
    value = load(stored)
    if not is_id(lane_id) or not isinstance(value, dict):
        return None
    name, kind = value.get("name"), value.get("kind")
    if not isinstance(name, str) or len(name) > MAX_TEXT or kind not in CARD_KIND_VALUES:
        return None
    return Lane(lane_id, name, Kind(kind))


def read_lanes(view: View) -> list[Lane]:
    """The lanes in their order (rule 1)."""
    lanes = {}
    for lane_id, stored in view.entries("lanes").items():
        lane = read_lane(lane_id, stored)
        if lane is not None:
            lanes[lane_id] = lane
    return [lanes[i] for i in order_list(view.value("lane_order"), set(lanes))]


def element_kind(entry: Any) -> Kind | None:
    """The kind of a projected element entry (None: not an element)."""
    if not isinstance(entry, dict):
        return None
    value = load(entry.get("kind"))
    return KINDS.get(value) if isinstance(value, str) else None


class Head(NamedTuple):
    """An element entry as read: its kind, its stored placement (unrepaired), the entry."""

    kind: Kind | None
    placement: dict[str, Any] | None
    entry: Any


def head(view: View, element_id: str) -> Head:
    """The element entry ``element_id`` as read from ``view``, parsed once per view."""
    found = view.memo.get(element_id)
    if found is None:
        entry = view.entry("elements", element_id)
        kind = element_kind(entry)
        found = view.memo[element_id] = Head(kind, raw_placement(entry) if kind else None, entry)
    return found


def stage_order(view: View, candidates: Any, lane_ids: set[str]) -> list[str]:
    """The stage order (rule 1): ``candidates`` that are valid stage elements."""
    valid = {i for i in candidates if is_id(i) and i not in lane_ids
             and head(view, i).kind is Kind.STAGE}
    return order_list(view.value("stages"), valid)


# ------------------------------------------------------------ elements
def read_fields(kind: Kind, fields: Any) -> dict[str, Any]:
    """Rule 4: the fields of an element, every known one present and valid."""
    values = default_fields(kind)
    texts = text_fields(kind)
    items = fields.items() if isinstance(fields, dict) else ()
    for name, stored in items:
        spec = FIELD_INDEX[kind].get(name)
        if spec is None:
            continue
        if name in texts:
            if not isinstance(stored, str):
                continue
            value: Any = stored
            if len(value) > MAX_TEXT:
                value = value[:MAX_TEXT]
        else:
            value = load(stored)
            if value is _MISSING:
                continue
        if spec.check(value) is None:
            values[name] = value
    return values


def raw_placement(entry: Any) -> dict[str, Any] | None:
    value = load(entry.get("placement")) if isinstance(entry, dict) else None
    return value if isinstance(value, dict) else None


def _number(value: Any, default: float = 0.0) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return default
    if not math.isfinite(value) or not -1e6 <= value <= 1e6:
        return default
    return float(value)


def _order(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) > 1 << 53:
        return 0
    return value


class Frame:
    """What a card's placement is repaired against: the lanes and stages shown."""

    def __init__(self, lanes: list[Lane], stages: list[str]) -> None:
        self.lanes = {lane.id: lane for lane in lanes}
        self.first_of_kind: dict[Kind, str] = {}
        for lane in lanes:
            self.first_of_kind.setdefault(lane.kind, lane.id)
        self.first_lane = lanes[0].id if lanes else None
        self.stages = set(stages)
        self.first_stage = stages[0] if stages else None

    def placement(self, kind: Kind, raw: dict[str, Any] | None) -> Placement | None:
        """Rules 2 and 3."""
        raw = raw or {}
        lane = raw.get("lane")
        if lane not in self.lanes:
            lane = self.first_of_kind.get(kind, self.first_lane)
            if lane is None:
                return None
        stage = raw.get("stage")
        if stage is not None and stage not in self.stages:
            stage = self.first_stage
            if stage is None:
                return None
        return Placement(stage, lane, _order(raw.get("order")), _number(raw.get("dx")),
                         _number(raw.get("dy")))


def read_extra(entry: dict[str, Any]) -> dict[str, Any]:
    value = load(entry.get("extra"))
    return value if isinstance(value, dict) else {}


def read_element(element_id: str, found: Head, frame: Frame) -> Element | None:
    """An element as every peer shows it, or None when it is not shown
    (``found``: its entry as read, :func:`head`)."""
    kind, entry = found.kind, found.entry
    if kind is None or not is_id(element_id) or element_id in frame.lanes:
        return None
    if kind is Kind.STAGE:
        if element_id not in frame.stages:
            return None
        placement = None
    else:
        placement = frame.placement(kind, found.placement)
        if placement is None:
            return None
    return Element(element_id, kind, read_fields(kind, entry.get("fields")), placement,
                   read_extra(entry))


# ------------------------------------------------------------ links, records, scores
def read_link(key: str, stored: Any, kinds: dict[str, Kind]) -> Link | None:
    """Rule 5; ``kinds``: the kinds of the elements shown."""
    value = load(stored)
    if not isinstance(value, dict):
        return None
    source, target, kind = value.get("source"), value.get("target"), value.get("kind")
    if not isinstance(source, str) or not isinstance(target, str) or kind not in LINK_KINDS:
        return None
    if key != f"{source}{SEP}{target}" or source == target:
        return None
    if source not in kinds or target not in kinds:
        return None
    if not allowed(LINK_KINDS[kind], kinds[source], kinds[target]):
        return None
    return Link(source, target, LINK_KINDS[kind])


def link_ends(key: str) -> tuple[str, str] | None:
    source, sep, target = key.partition(SEP)
    return (source, target) if sep else None


def read_record(section: str, key: str, stored: Any, shown: set[str] | dict) -> Any:
    """Rule 6: a record's value, or None when it is not shown."""
    if not is_section_name(section) or not is_record_key(key):
        return None
    value = load(stored)
    if value is _MISSING or value is None:
        return None
    frozen = freeze(value)
    kind = SECTIONS.get(section)
    if kind is not None:
        try:
            if kind.check(key, frozen) is not None:
                return None
            needed = refers_to(section, key, frozen)
        except Exception:  # noqa: BLE001 - a feature's check meeting a peer's odd value
            return None
        if any(i not in shown for i in needed):
            return None
    return value


def record_refs(section: str, key: str, stored: Any) -> tuple[str, ...]:
    """The elements a stored record needs (for the binding's index)."""
    value = load(stored)
    if value is _MISSING or value is None or section not in SECTIONS:
        return ()
    try:
        return tuple(refers_to(section, key, freeze(value)))
    except Exception:  # noqa: BLE001 - see read_record
        return ()


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 1 << 53


def read_score(key: str, stored: Any, stages: set[str], shown: set[str] | dict) -> Score | None:
    """Rule 6: a score whose stage and touchpoint are shown."""
    value = load(stored)
    if not isinstance(value, dict):
        return None
    stage, wave, metric = value.get("stage"), value.get("wave"), value.get("metric")
    touchpoint, name = value.get("touchpoint"), value.get("name", "")
    number = value.get("value")
    if stage not in stages or not isinstance(wave, str) or metric not in METRICS:
        return None
    if touchpoint is not None and touchpoint not in shown:
        return None
    if isinstance(number, bool) or not isinstance(number, (int, float)) or \
            not math.isfinite(number):
        return None
    if not _count(value.get("n")) or not _count(value.get("skipped", 0)) or \
            not isinstance(name, str):
        return None
    dicts = {k: value.get(k) if isinstance(value.get(k), dict) else {}
             for k in ("distribution", "scale", "source")}
    score = Score(stage, wave, metric, number, value["n"], value.get("skipped", 0), touchpoint,
                  name, dicts["distribution"], dicts["scale"], dicts["source"])
    return score if SEP.join(score.key) == key else None


def score_refs(stored: Any) -> tuple[str, ...]:
    value = load(stored)
    if not isinstance(value, dict):
        return ()
    return tuple(v for v in (value.get("stage"), value.get("touchpoint")) if isinstance(v, str))


def read_waves(view: View, scores: list[Score]) -> tuple[Wave, ...]:
    """Rule 7."""
    listed = load(view.value("waves"))
    waves: dict[str, Wave] = {}
    if isinstance(listed, list):
        for item in listed:
            if isinstance(item, dict) and isinstance(item.get("label"), str) \
                    and isinstance(item.get("date", ""), str) and item["label"] not in waves:
                waves[item["label"]] = Wave(item["label"], item.get("date", ""))
    needed = sorted({s.wave for s in scores} - waves.keys(), key=natural_key)
    return (*waves.values(), *(Wave(label) for label in needed))


# ------------------------------------------------------------ map values
def read_meta(key: str, stored: Any) -> Any:
    """A map property, or _MISSING when the stored one is not valid."""
    if key not in META_KEYS:
        return _MISSING
    value = load(stored)
    if key == "authors":
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    else:
        ok = isinstance(value, str) and len(value) <= MAX_TEXT
    return value if ok else _MISSING


def read_setting(key: str, stored: Any) -> Any:
    value = load(stored)
    if key == "emotion_range" and (isinstance(value, bool) or value not in (2, 3)):
        return _MISSING
    return value if value is not None else _MISSING


def read_extra_value(key: str, stored: Any) -> Any:
    value = load(stored)
    if key in ROOT_KEYS or value is None:
        return _MISSING
    return value


def missing(value: Any) -> bool:
    return value is _MISSING
