"""Document -> deterministic .jmap bytes.

The same document always gives the same bytes: keys sorted, elements,
links and scores in a stable order, one array item per line (so a saved map
diffs cleanly in git), offsets rounded to 1/100 unit, UTF-8 with no escapes.

Saving never fails on text: a lone surrogate that reached the document (a
half character from a clipboard or a spreadsheet's ``_xD800_`` escape) is
written as U+FFFD, the replacement character, since UTF-8 cannot hold it.
A number that JSON cannot hold (NaN, infinity) is a JourneyError naming
where it is, before a byte is written.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from journeymapper.i18n import N_
from journeymapper.io.jsontext import find_path
from journeymapper.io.migrations import FORMAT_VERSION
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Element
from journeymapper.model.errors import JourneyError
from journeymapper.model.scores import Score

_NUM = re.compile(r"(\d+)")
_SURROGATE = re.compile("[\ud800-\udfff]")


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
    fields = dict(element.fields)
    fields.update(element.extra.get("fields", {}))
    out: dict[str, Any] = {"id": element.id, "kind": element.kind.value, "fields": fields}
    p = element.placement
    if p is not None:
        out["placement"] = {"stage": p.stage, "lane": p.lane, "order": p.order,
                            "dx": _offset(p.dx), "dy": _offset(p.dy)}
    for key, value in element.extra.items():
        if key != "fields":
            out.setdefault(key, value)
    return out


def score_to_dict(score: Score) -> dict[str, Any]:
    return {
        "stage": score.stage, "touchpoint": score.touchpoint, "wave": score.wave,
        "metric": score.metric, "name": score.name, "value": score.value, "n": score.n,
        "skipped": score.skipped, "distribution": score.distribution, "scale": score.scale,
        "source": score.source,
    }


def document_to_dict(doc: JourneyMap) -> dict[str, Any]:
    """The plain-JSON form of a document (the root keys of a .jmap)."""
    root: dict[str, Any] = dict(doc.extra)
    root.update({k: doc.meta.get(k, "") for k in doc.meta})
    root["format_version"] = FORMAT_VERSION
    root["settings"] = dict(doc.settings)
    root["lanes"] = [{"id": lane.id, "name": lane.name, "kind": lane.kind.value}
                     for lane in doc.lanes]
    root["stages"] = list(doc.stage_order)
    root["elements"] = [element_to_dict(e)
                        for e in sorted(doc.elements(), key=lambda e: natural_key(e.id))]
    root["links"] = [{"source": link.source, "target": link.target, "kind": link.kind.value}
                     for link in sorted(doc.links(), key=lambda lk: (natural_key(lk.source),
                                                                     natural_key(lk.target)))]
    root["waves"] = [{"label": w.label, "date": w.date} for w in doc.waves]
    root["scores"] = [score_to_dict(s) for s in
                      sorted(doc.scores(), key=lambda s: tuple(natural_key(k) for k in s.key))]
    return root


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(", ", ": "),
                      allow_nan=False)


def dumps(doc: JourneyMap) -> bytes:
    """Serialise ``doc`` to .jmap bytes (deterministic)."""
    root = document_to_dict(doc)
    try:
        text = _text(root)
    except ValueError:  # allow_nan=False: NaN or infinity somewhere
        place = find_path(root, lambda v: isinstance(v, float) and not math.isfinite(v))
        raise JourneyError(N_("cannot save: {place} is not a finite number; expected a finite "
                              "number"), place=place or "?") from None
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text).encode("utf-8")


def _text(root: dict[str, Any]) -> str:
    lines = ["{"]
    keys = sorted(root, key=lambda k: (k != "format_version", k))
    for i, key in enumerate(keys):
        value = root[key]
        comma = "," if i < len(keys) - 1 else ""
        if isinstance(value, list) and value and key in (
                "lanes", "elements", "links", "scores", "waves"):
            lines.append(f"  {json.dumps(key)}: [")
            body = [f"    {_compact(item)}" for item in value]
            lines.append(",\n".join(body))
            lines.append(f"  ]{comma}")
        else:
            lines.append(f"  {json.dumps(key)}: {_compact(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"
