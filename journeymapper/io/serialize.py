"""Document -> deterministic .jmap bytes.

The same document always gives the same bytes: keys sorted, elements,
links and scores in a stable order, one array item per line (so a saved map
diffs cleanly in git), offsets rounded to 1/100 unit, UTF-8 with no escapes.

Saving never fails on text: a lone surrogate that reached the document (a
half character from a clipboard, or a tool that made one) is written as
U+FFFD, the replacement character, since UTF-8 cannot hold it. A number that
JSON cannot hold (NaN, infinity) is a JourneyError naming where it is, before
a byte is written.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from typing import Any

from journeymapper.i18n import N_
from journeymapper.io.jsontext import find_path
from journeymapper.io.migrations import FORMAT_VERSION
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Element, thaw
from journeymapper.model.errors import JourneyError
from journeymapper.model.links import Link
from journeymapper.model.scores import Score

_NUM = re.compile(r"(\d+)")
_SURROGATE = re.compile("[\ud800-\udfff]")


@lru_cache(maxsize=1 << 16)  # the ids of a map, sorted at every save and autosave
def natural_key(text: str) -> tuple[Any, ...]:
    """'card-9' sorts before 'card-10'."""
    # split() puts the digit runs at the odd places ('²' is isdigit() but no \d)
    return tuple(int(p) if i % 2 else p for i, p in enumerate(_NUM.split(text)))


def _offset(value: float) -> float | int:
    if not math.isfinite(value):
        return float(value)          # refused below with its place, not crashed on here
    rounded = round(float(value), 2)
    return int(rounded) if rounded == int(rounded) else rounded


def element_to_dict(element: Element) -> dict[str, Any]:
    fields = thaw(element.fields)
    fields.update(thaw(element.extra.get("fields", {})))
    out: dict[str, Any] = {"id": element.id, "kind": element.kind.value, "fields": fields}
    p = element.placement
    if p is not None:
        out["placement"] = {"stage": p.stage, "lane": p.lane, "order": p.order,
                            "dx": _offset(p.dx), "dy": _offset(p.dy)}
    for key, value in element.extra.items():
        if key != "fields":
            out.setdefault(key, thaw(value))
    return out


def score_to_dict(score: Score) -> dict[str, Any]:
    return {
        "stage": score.stage, "touchpoint": score.touchpoint, "wave": score.wave,
        "metric": score.metric, "name": score.name, "value": score.value, "n": score.n,
        "skipped": score.skipped, "distribution": thaw(score.distribution),
        "scale": thaw(score.scale), "source": thaw(score.source),
    }


def link_to_dict(link: Link) -> dict[str, Any]:
    return {"source": link.source, "target": link.target, "kind": link.kind.value}


def document_to_dict(doc: JourneyMap, items: bool = False) -> dict[str, Any]:
    """The plain-JSON form of a document (the root keys of a .jmap); with
    ``items`` the elements and links are left as they are (for a LineCache)."""
    root: dict[str, Any] = thaw(doc.extra)
    root.update({k: thaw(doc.meta.get(k, "")) for k in doc.meta})
    root["format_version"] = FORMAT_VERSION
    root["settings"] = thaw(doc.settings)
    root["lanes"] = [{"id": lane.id, "name": lane.name, "kind": lane.kind.value}
                     for lane in doc.lanes]
    root["stages"] = list(doc.stage_order)
    elements = sorted(doc.elements(), key=lambda e: natural_key(e.id))
    links = sorted(doc.links(), key=lambda lk: (natural_key(lk.source), natural_key(lk.target)))
    root["elements"] = elements if items else [element_to_dict(e) for e in elements]
    root["links"] = links if items else [link_to_dict(link) for link in links]
    root["waves"] = [{"label": w.label, "date": w.date} for w in doc.waves]
    root["scores"] = [score_to_dict(s) for s in
                      sorted(doc.scores(), key=lambda s: tuple(natural_key(k) for k in s.key))]
    records = [{"section": section, "key": key, "value": thaw(value)}
               for section in doc.sections()
               for key, value in sorted(doc.records(section).items(),
                                        key=lambda item: natural_key(item[0]))]
    if records:  # a map without records keeps the bytes it always had
        root["records"] = records
    return root


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(", ", ": "),
                      allow_nan=False)


class LineCache:
    """The lines of elements and links from the previous :func:`dumps`, for a
    document serialised again and again (the autosave of successive snapshots,
    which share the elements that did not change): an element that is the
    very object it was last time, or a link equal to one of last time, is not
    serialised again. Only items of the last dump are kept. Use one cache
    from one thread at a time."""

    def __init__(self) -> None:
        self._lines: dict[Any, tuple[Any, str]] = {}
        self._next: dict[Any, tuple[Any, str]] = {}

    def line(self, item: Any) -> str:
        if isinstance(item, Link):
            key: Any = item            # a frozen value: equal links give equal lines
        elif isinstance(item, Element):
            key = id(item)             # elements are immutable; the object is kept below
        else:
            return _compact(item)
        hit = self._lines.get(key)
        if hit is None or (key is not item and hit[0] is not item):
            dictionary = link_to_dict(item) if key is item else element_to_dict(item)
            hit = (item, _compact(dictionary))
        # keyed by the kept item, so the link just made by links() can go at once
        self._next[hit[0] if key is item else key] = hit
        return hit[1]

    def turn(self) -> None:
        """One dump is done: forget the items it did not use."""
        self._lines, self._next = self._next, {}


def dumps(doc: JourneyMap, cache: LineCache | None = None) -> bytes:
    """Serialise ``doc`` to .jmap bytes (deterministic); ``cache`` only saves time."""
    try:
        text = _text(doc, cache)
    except ValueError:  # allow_nan=False: NaN or infinity somewhere
        root = document_to_dict(doc)
        place = find_path(root, lambda v: isinstance(v, float) and not math.isfinite(v))
        raise JourneyError(N_("cannot save: {place} is not a finite number; expected a finite "
                              "number"), place=place or "?") from None
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text).encode("utf-8")


def _text(doc: JourneyMap, cache: LineCache | None) -> str:
    root = document_to_dict(doc, items=cache is not None)
    line = _compact if cache is None else cache.line
    lines = ["{"]
    keys = sorted(root, key=lambda k: (k != "format_version", k))
    for i, key in enumerate(keys):
        value = root[key]
        comma = "," if i < len(keys) - 1 else ""
        if isinstance(value, list) and value and key in (
                "lanes", "elements", "links", "scores", "waves", "records"):
            lines.append(f"  {json.dumps(key)}: [")
            body = [f"    {line(item)}" for item in value]
            lines.append(",\n".join(body))
            lines.append(f"  ]{comma}")
        else:
            lines.append(f"  {json.dumps(key)}: {_compact(value)}{comma}")
    lines.append("}")
    if cache is not None:
        cache.turn()
    return "\n".join(lines) + "\n"
