"""Reading and writing .jmap files.

Files are untrusted input and are read in stages: bytes (size limit, UTF-8)
-> JSON (no RecursionError on deep nesting) -> format version and migration
-> validated document. Fatal problems raise FileFormatError with one line
naming the file and the place; recoverable ones (a bad link, a field out of
range, ...) are repaired, and listed in ``LoadResult.problems`` so the
window can say "partially loaded".
"""

from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journeymapper.i18n import N_, Message, _, plural_message
from journeymapper.io.atomic import atomic_write_bytes, read_problem
from journeymapper.io.migrations import FORMAT_VERSION, migrate
from journeymapper.io.serialize import dumps
from journeymapper.model.document import META_KEYS, JourneyMap
from journeymapper.model.elements import FIELD_INDEX, Element, Kind, Placement, default_fields
from journeymapper.model.errors import FileFormatError, ModelError
from journeymapper.model.ids import IdAllocator
from journeymapper.model.links import LinkKind
from journeymapper.model.records import is_record_key, is_section_name
from journeymapper.model.scores import METRICS, Score, Wave
from journeymapper.model.values import ROOT_KEYS

MAX_FILE_BYTES = 64 * 1024 * 1024
KNOWN_ROOT = ROOT_KEYS
KNOWN_ELEMENT = {"id", "kind", "fields", "placement"}

__all__ = ["FORMAT_VERSION", "LoadResult", "dumps", "load", "loads", "save", "MAX_FILE_BYTES"]


@dataclass
class LoadResult:
    document: JourneyMap
    problems: list[str] = field(default_factory=list)
    migrated_from: int | None = None


def save(doc: JourneyMap, path: str | os.PathLike[str], backup: bool = True) -> None:
    """Serialise fully in memory, then write atomically (keeping one .bak)."""
    atomic_write_bytes(path, dumps(doc), backup=backup)


def load(path: str | os.PathLike[str], strict: bool = False,
         ids: IdAllocator | None = None) -> LoadResult:
    """Read a .jmap file. With ``strict`` any problem raises FileFormatError;
    ``ids``: where the document's new ids come from (the process's allocator)."""
    target = Path(path)
    try:
        with open(target, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise FileFormatError(
                    N_("{file}: {size:,} bytes is larger than the {value} MiB a journey map may have"),
                    file=target, size=size, value=MAX_FILE_BYTES // 2 ** 20)
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise FileFormatError(read_problem(target, exc, N_("a .jmap file"))) from None
    if len(data) > MAX_FILE_BYTES:
        raise FileFormatError(N_("{file}: larger than the {value} MiB a journey map may have"),
                              file=target, value=MAX_FILE_BYTES // 2 ** 20)
    return loads(data, name=str(target), strict=strict, ids=ids)


def loads(data: bytes, name: str = "<map>", strict: bool = False,
          ids: IdAllocator | None = None) -> LoadResult:
    """Parse .jmap bytes; see :func:`load`."""
    root = _parse_json(data, name)
    version = root.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise FileFormatError(N_("{file}: format_version: expected an integer, got {value}"),
                              file=name, value=_show(version))
    if version > FORMAT_VERSION:
        raise FileFormatError(
            N_("{file}: made by a newer journeymapper (format version {version}); this one reads up to "
               "{current}"), file=name, version=version, current=FORMAT_VERSION)
    if version < 0:
        raise FileFormatError(N_("{file}: format_version: expected 0..{current}, got {version}"),
                              file=name, current=FORMAT_VERSION, version=version)
    migrated_from = version if version < FORMAT_VERSION else None
    try:
        root = migrate(root, version)
    except KeyError as missing:
        raise FileFormatError(N_("{file}: no migration from format version {missing}"),
                              file=name, missing=missing) from None
    except (TypeError, ValueError, AttributeError) as exc:
        raise FileFormatError(N_("{file}: could not migrate from version {version}: {reason}"),
                              file=name, version=version, reason=exc) from None
    builder = _Builder(name)
    doc = builder.build(root, ids)
    if strict and builder.problems:
        more = len(builder.problems) - 1
        if more:
            raise FileFormatError(plural_message("{file}: {problem} (and {n} more)",
                                                 "{file}: {problem} (and {n} more)", more,
                                                 file=name, problem=builder.problems[0]))
        raise FileFormatError(N_("{file}: {problem}"), file=name, problem=builder.problems[0])
    return LoadResult(doc, builder.problems, migrated_from)


def _parse_json(data: bytes, name: str) -> dict[str, Any]:
    if not data.strip():
        raise FileFormatError(N_("{file}: the file is empty"), file=name)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileFormatError(N_("{file}: saved as UTF-16; expected UTF-8 (save it again as UTF-8)"),
                              file=name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileFormatError(
            N_("{file}: not a .jmap file (not UTF-8 text: byte 0x{value:02x} at offset {start})"),
            file=name, value=data[exc.start], start=exc.start) from None
    if "\x00" in text:
        raise FileFormatError(N_("{file}: not a .jmap file (binary data)"), file=name)
    bad: list[str] = []
    try:
        root = json.loads(text, parse_constant=lambda token: bad.append(token),
                          parse_float=lambda token: _finite(token, bad),
                          object_pairs_hook=_unique_keys)
    except _DuplicateKey as exc:
        raise FileFormatError(N_("{file}: not valid JSON: the key {value} appears twice in one object"),
                              file=name, value=_show(exc.args[0])) from None
    except RecursionError:
        raise FileFormatError(N_("{file}: nested too deeply to be a journey map"), file=name) from None
    except json.JSONDecodeError as exc:
        what = _("ends too early (truncated?)") if exc.pos >= len(text.rstrip()) else exc.msg
        closer = text[exc.pos:exc.pos + 1]
        if closer in ("}", "]") and text[:exc.pos].rstrip().endswith(","):
            what = _("a comma before '{closer}' (trailing commas are not JSON)").format(closer=closer)
        raise FileFormatError(
            N_("{file}: not valid JSON at line {lineno}, column {colno}: {what}"),
            file=name, lineno=exc.lineno, colno=exc.colno, what=what) from None
    if bad:
        line, column, token = _non_finite_place(text)
        raise FileFormatError(N_("{file}: not valid JSON at line {line}, column {column}: {token} is not a "
                                 "finite number"), file=name, line=line, column=column, token=token)
    if not isinstance(root, dict):
        raise FileFormatError(N_("{file}: expected a JSON object at the top, got {kind}"),
                              file=name, kind=_kind(root))
    return root


# A JSON string, or a number / NaN / Infinity token outside strings.
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|-?Infinity|NaN|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?')


class _DuplicateKey(ValueError):
    """Two equal keys in one JSON object."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook``: json would keep the last of equal keys silently."""
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return out


def _finite(token: str, bad: list[str]) -> float:
    """``parse_float`` hook: 1e999 reads as inf in Python; note it as bad."""
    value = float(token)
    if not math.isfinite(value):
        bad.append(token)
    return value


def _non_finite_place(text: str) -> tuple[int, int, str]:
    """Line, column and text of the first NaN / Infinity / overflowing number."""
    for found in _TOKEN.finditer(text):
        token = found.group()
        if token.startswith('"'):
            continue
        if token.lstrip("-") in ("Infinity", "NaN") or not math.isfinite(float(token)):
            start = found.start()
            return text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start), token
    return 1, 1, "a number"


def _kind(value: Any) -> str:
    return {list: "a list", str: "a string", int: "a number", float: "a number",
            bool: "true/false", type(None): "null", dict: "an object"}.get(type(value), "a value")


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if _is_json(value) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _is_json(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool, type(None)))


class _Builder:
    """Builds a document from a validated root dict, collecting problems."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[str] = []

    def fatal(self, template: str, **params: Any) -> FileFormatError:
        """The error that stops the load: ``template`` (marked with N_) at its place."""
        return FileFormatError(N_("{file}: {problem}"), file=self.name,
                               problem=Message(template, **params))

    def array(self, root: dict[str, Any], key: str) -> list[Any]:
        value = root.get(key, [])
        if not isinstance(value, list):
            raise self.fatal(N_("{key}: expected a list, got {kind}"), key=key, kind=_kind(value))
        return value

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
        by_id = self.index_elements(elements)
        self.stages(doc, stages, by_id)
        for index, item in by_id.values():
            if item["kind"] != Kind.STAGE.value:
                self.element(doc, index, item)
        self.links(doc, self.array(root, "links"))
        self.scores(doc, self.array(root, "waves"), self.array(root, "scores"))
        self.records(doc, self.array(root, "records"))
        for key, value in root.items():
            if key not in KNOWN_ROOT:
                doc.set_extra(key, value)

    def meta(self, doc: JourneyMap, root: dict[str, Any]) -> None:
        for key in META_KEYS:
            if key not in root:
                continue
            value = root[key]
            ok = (isinstance(value, list) and all(isinstance(v, str) for v in value)
                  if key == "authors" else isinstance(value, str))
            if ok:
                doc.set_meta(key, value)
            else:
                want = _("a list of texts") if key == "authors" else _("text")
                self.problems.append(_("{key}: expected {want}, got {value}; ignored").format(
                    key=key, want=want, value=_show(value)))
        settings = root.get("settings", {})
        if not isinstance(settings, dict):
            raise self.fatal(N_("settings: expected an object, got {kind}"), kind=_kind(settings))
        rng = settings.get("emotion_range", 2)
        if rng not in (2, 3) or isinstance(rng, bool):
            self.problems.append(_("settings.emotion_range: expected 2 or 3, got {value}; using 2").format(
                value=_show(rng)))
            rng = 2
        for key, value in {**settings, "emotion_range": rng}.items():
            doc.set_setting(key, value)

    def lanes(self, doc: JourneyMap, lanes: list[Any]) -> None:
        for i, item in enumerate(lanes):
            where = f"lanes[{i}]"
            if not isinstance(item, dict):
                raise self.fatal(N_("{where}: expected an object, got {kind}"),
                                 where=where, kind=_kind(item))
            lane_id, lane_name, kind = item.get("id"), item.get("name"), item.get("kind")
            if not isinstance(lane_id, str) or not lane_id:
                raise self.fatal(N_("{where}.id: expected a non-empty text, got {value}"),
                                 where=where, value=_show(lane_id))
            if not isinstance(lane_name, str):
                raise self.fatal(N_("{where}.name: expected text, got {value}"),
                                 where=where, value=_show(lane_name))
            if kind not in {k.value for k in Kind} or kind == Kind.STAGE.value:
                raise self.fatal(N_("{where}.kind: expected a card kind ({items}), got {value}"),
                                 where=where, value=_show(kind),
                                 items=", ".join(k.value for k in Kind if k is not Kind.STAGE))
            try:
                doc.add_lane(lane_name, Kind(kind), lane_id=lane_id)
            except ModelError as exc:
                raise self.fatal(N_("{where}: {reason}"), where=where, reason=exc) from None

    def index_elements(self, elements: list[Any]) -> dict[str, tuple[int, dict[str, Any]]]:
        kinds = {k.value for k in Kind}
        by_id: dict[str, tuple[int, dict[str, Any]]] = {}
        for i, item in enumerate(elements):
            where = f"elements[{i}]"
            if not isinstance(item, dict):
                raise self.fatal(N_("{where}: expected an object, got {kind}"),
                                 where=where, kind=_kind(item))
            element_id = item.get("id")
            if not isinstance(element_id, str) or not element_id:
                raise self.fatal(N_("{where}.id: expected a non-empty text, got {value}"),
                                 where=where, value=_show(element_id))
            if element_id in by_id:
                raise self.fatal(N_("{where}.id: duplicate id {element_id!r} (also elements[{value}])"),
                                 where=where, element_id=element_id, value=by_id[element_id][0])
            if item.get("kind") not in kinds:
                raise self.fatal(N_("{where}.kind: expected one of {items}, got {value}"),
                                 where=where, items=', '.join(sorted(kinds)), value=_show(item.get('kind')))
            if not isinstance(item.get("fields", {}), dict):
                raise self.fatal(N_("{where}.fields: expected an object, got {kind}"),
                                 where=where, kind=_kind(item['fields']))
            by_id[element_id] = (i, item)
        return by_id

    def fields(self, index: int, item: dict[str, Any], kind: Kind) -> tuple[dict, dict]:
        known = FIELD_INDEX[kind]
        values = default_fields(kind)
        unknown: dict[str, Any] = {}
        for key, value in item.get("fields", {}).items():
            spec = known.get(key)
            if spec is None:
                unknown[key] = value
                continue
            problem = spec.check(value)
            if problem:
                self.problems.append(_("elements[{index}].{key}: {problem}; reset to {value}").format(
                    index=index, key=key, problem=problem, value=_show(spec.default)))
                continue
            values[key] = value
        return values, unknown

    def make(self, index: int, item: dict[str, Any], placement: Placement | None) -> Element:
        kind = Kind(item["kind"])
        values, unknown = self.fields(index, item, kind)
        extra = {k: v for k, v in item.items() if k not in KNOWN_ELEMENT}
        if unknown:
            extra["fields"] = unknown
        return Element(item["id"], kind, values, placement, extra)

    def stages(self, doc: JourneyMap, stages: list[Any],
               by_id: dict[str, tuple[int, dict[str, Any]]]) -> None:
        listed: list[str] = []
        for i, stage_id in enumerate(stages):
            entry = by_id.get(stage_id) if isinstance(stage_id, str) else None
            if entry is None or entry[1]["kind"] != Kind.STAGE.value:
                raise self.fatal(N_("stages[{index}]: expected the id of a stage element, got {value}"),
                                 index=i, value=_show(stage_id))
            if stage_id in listed:
                raise self.fatal(N_("stages[{index}]: stage {stage_id!r} is listed twice"),
                                 index=i, stage_id=stage_id)
            listed.append(stage_id)
        for stage_id, (i, item) in by_id.items():
            if item["kind"] == Kind.STAGE.value and stage_id not in listed:
                self.problems.append(_("elements[{index}]: stage {stage_id!r} is missing from 'stages'; "
                                       "added at the end").format(index=i, stage_id=stage_id))
                listed.append(stage_id)
        for stage_id in listed:
            index, item = by_id[stage_id]
            doc.insert_element(self.make(index, item, None))

    def element(self, doc: JourneyMap, index: int, item: dict[str, Any]) -> None:
        where = f"elements[{index}]"
        raw = item.get("placement")
        if not isinstance(raw, dict):
            raise self.fatal(N_("{where}.placement: expected an object, got {kind}"),
                             where=where, kind=_kind(raw))
        stage, lane = raw.get("stage"), raw.get("lane")
        order, dx, dy = raw.get("order", 0), raw.get("dx", 0), raw.get("dy", 0)
        if stage is not None and stage not in doc.stage_order:
            raise self.fatal(N_("{where}.placement.stage: expected a stage id or null, got {value}"),
                             where=where, value=_show(stage))
        if not isinstance(lane, str) or not doc.has_lane(lane):
            raise self.fatal(N_("{where}.placement.lane: expected a lane id, got {value}"),
                             where=where, value=_show(lane))
        if isinstance(order, bool) or not isinstance(order, int):
            raise self.fatal(N_("{where}.placement.order: expected an integer, got {value}"),
                             where=where, value=_show(order))
        for key, value in (("dx", dx), ("dy", dy)):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not (
                    -1e6 <= value <= 1e6):
                raise self.fatal(N_("{where}.placement.{key}: expected a number -1000000..1000000, got "
                                    "{value}"), where=where, key=key, value=_show(value))
        placement = Placement(stage, lane, order, float(dx), float(dy))
        doc.insert_element(self.make(index, item, placement))

    def links(self, doc: JourneyMap, links: list[Any]) -> None:
        kinds = {k.value for k in LinkKind}
        for i, item in enumerate(links):
            where = f"links[{i}]"
            if not isinstance(item, dict):
                raise self.fatal(N_("{where}: expected an object, got {kind}"),
                                 where=where, kind=_kind(item))
            source, target, kind = item.get("source"), item.get("target"), item.get("kind")
            missing = [k for k, v in (("source", source), ("target", target))
                       if not isinstance(v, str) or v not in doc]
            if missing:
                key = missing[0]
                self.problems.append(_("{where}.{key}: no element with id {value}; link dropped").format(
                    where=where, key=key, value=_show(item.get(key))))
                continue
            if kind not in kinds:
                self.problems.append(_("{where}.kind: expected one of {items}, got {value}; link "
                                       "dropped").format(where=where, items=", ".join(sorted(kinds)),
                                                         value=_show(kind)))
                continue
            try:
                doc.link(source, target, LinkKind(kind))
            except ModelError as exc:
                self.problems.append(_("{where}: {reason}; link dropped").format(where=where, reason=exc))

    def records(self, doc: JourneyMap, records: list[Any]) -> None:
        """Feature records (model/records.py); one that its section refuses is dropped."""
        seen: set[tuple[str, str]] = set()
        for i, item in enumerate(records):
            where = f"records[{i}]"
            if not isinstance(item, dict) or set(item) != {"section", "key", "value"}:
                raise self.fatal(f"{where}: expected {{\"section\", \"key\", \"value\"}}, "
                                 f"got {_show(item)}")
            section, key = item["section"], item["key"]
            if not is_section_name(section) or not is_record_key(key):
                raise self.fatal(f"{where}: expected a section name and a key, got "
                                 f"{_show(section)} / {_show(key)}")
            if (section, key) in seen:
                raise self.fatal(f"{where}: {section} {key!r} is listed twice")
            seen.add((section, key))
            try:
                doc.put_record(section, key, item["value"])
            except ModelError as exc:
                self.problems.append(f"{where}: {exc}; record dropped")

    def scores(self, doc: JourneyMap, waves: list[Any], scores: list[Any]) -> None:
        wave_list: list[Wave] = []
        for i, item in enumerate(waves):
            if (not isinstance(item, dict) or not isinstance(item.get("label"), str)
                    or not isinstance(item.get("date", ""), str)):
                raise self.fatal(N_("waves[{index}]: expected {{\"label\": text, \"date\": text}}, got "
                                    "{value}"), index=i, value=_show(item))
            if any(w.label == item["label"] for w in wave_list):
                raise self.fatal(N_("waves[{index}].label: duplicate wave {value!r}"),
                                 index=i, value=item['label'])
            wave_list.append(Wave(item["label"], item.get("date", "")))
        made: list[Score] = []
        for i, item in enumerate(scores):
            score = self.score(doc, i, item, {w.label for w in wave_list})
            if score is not None:
                made.append(score)
        doc.put_scores(made, wave_list)

    def score(self, doc: JourneyMap, i: int, item: Any, waves: set[str]) -> Score | None:
        where = f"scores[{i}]"
        if not isinstance(item, dict):
            raise self.fatal(N_("{where}: expected an object, got {kind}"), where=where, kind=_kind(item))
        checks = (
            ("stage", lambda v: v in doc.stage_order, _("the id of a stage")),
            ("wave", lambda v: v in waves, _("a wave listed in 'waves'")),
            ("metric", lambda v: v in METRICS, _("one of {items}").format(items=", ".join(METRICS))),
            ("value", lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
             _("a number")),
            ("n", lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0,
             _("a whole number >= 0")),
            ("skipped", lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0,
             _("a whole number >= 0")),
        )
        for key, ok, want in checks:
            if not ok(item.get(key)):
                self.problems.append(_("{where}.{key}: expected {want}, got {value}; score dropped").format(
                    where=where, key=key, want=want, value=_show(item.get(key))))
                return None
        problem = _value_problem(item)
        if problem:
            self.problems.append(_("{where}.value: {problem}; score dropped").format(
                where=where, problem=problem))
            return None
        touchpoint = item.get("touchpoint")
        if touchpoint is not None and touchpoint not in doc:
            self.problems.append(_("{where}.touchpoint: no element with id {value}; score dropped").format(
                where=where, value=_show(touchpoint)))
            return None
        dicts = {}
        for key in ("distribution", "scale", "source"):
            value = item.get(key, {})
            dicts[key] = value if isinstance(value, dict) else {}
        return Score(item["stage"], item["wave"], item["metric"], item["value"], item["n"],
                     item["skipped"], touchpoint, str(item.get("name", "")),
                     dicts["distribution"], dicts["scale"], dicts["source"])


def _value_problem(item: dict[str, Any]) -> str:
    """What is wrong with a score's value for its metric ('' if nothing)."""
    value, metric = item["value"], item["metric"]
    scale = item.get("scale") if isinstance(item.get("scale"), dict) else {}
    low, high = scale.get("min"), scale.get("max")
    if metric == "csat":
        want, low, high = _("a percentage 0..100"), 0, 100
    elif metric == "nps":
        want, low, high = _("a number -100..+100"), -100, 100
    elif all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
             for v in (low, high)) and low <= high:
        want = _("a number {low}..{high}").format(low=_show(low), high=_show(high))
    else:
        want, low, high = _("a finite number"), -1e300, 1e300
    try:
        inside = low <= float(value) <= high
    except OverflowError:
        inside = False
    return "" if inside else _("expected {want}, got {value}").format(want=want, value=_show(value))
