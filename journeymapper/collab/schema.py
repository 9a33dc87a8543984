"""The Y document a shared journey map lives in: its shape, and writing the
map into it.

The root is a ``Y.Map`` named ``journeymap`` (see docs/collaboration.md for
the full schema)::

    journeymap
      format      JSON 1
      meta        Y.Map   key -> JSON          (title, description, ...)
      settings    Y.Map   key -> JSON
      extra       Y.Map   key -> JSON          (root values of a newer writer)
      lanes       Y.Map   lane id -> JSON {"name", "kind"}
      lane_order  Y.Array of lane ids
      stages      Y.Array of stage ids         (the stage order)
      elements    Y.Map   id -> Y.Map {"kind": JSON, "fields": Y.Map, "placement": JSON,
                                       "extra": JSON}
                  fields: free-text fields as Y.Text, the others JSON
      links       Y.Map   "source\\ttarget" -> JSON {"source", "target", "kind"}
      scores      Y.Map   score key joined by "\\t" -> JSON score
      waves       JSON list of {"label", "date"}
      records     Y.Map   "section\tkey" -> JSON  (flat: two people voting at once
                          write two keys; nested maps made at once would clash)

Every plain value is stored as a JSON text (a Yjs number is a float, and a
map must come back exactly as it went in, 3 and 3.0 apart). Reading the
document back, with the repair rules, is :mod:`journeymapper.collab.repair`.
"""

from __future__ import annotations

import json
from difflib import SequenceMatcher
from functools import cache
from typing import Any

from pycrdt import Array, Map, Text

from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import FIELD_INDEX, Element, Kind, Lane, thaw
from journeymapper.model.links import Link
from journeymapper.model.scores import Score, Wave

ROOT = "journeymap"
FORMAT = 1
SEP = "\t"


def dump(value: Any) -> str:
    """A value as the canonical JSON text it is stored as."""
    return json.dumps(thaw(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False)


@cache
def text_fields(kind: Kind) -> frozenset[str]:
    """The free-text fields of a kind (kept as Y.Text so that two people typing
    into one card both keep their letters): those that take any text."""
    probe = "any text\n"
    return frozenset(name for name, spec in FIELD_INDEX[kind].items()
                     if spec.check("") is None and spec.check(probe) is None)


def link_key(source: str, target: str) -> str:
    return f"{source}{SEP}{target}"


def record_key(section: str, key: str) -> str:
    return f"{section}{SEP}{key}"


def score_key(score: Score) -> str:
    return SEP.join(score.key)


def lane_value(lane: Lane) -> str:
    return dump({"name": lane.name, "kind": lane.kind.value})


def link_value(link: Link) -> str:
    return dump({"source": link.source, "target": link.target, "kind": link.kind.value})


def score_value(score: Score) -> str:
    from journeymapper.io.serialize import score_to_dict

    return dump(score_to_dict(score))


def waves_value(waves: tuple[Wave, ...]) -> str:
    return dump([{"label": w.label, "date": w.date} for w in waves])


def placement_value(element: Element) -> str:
    p = element.placement
    assert p is not None
    return dump({"stage": p.stage, "lane": p.lane, "order": p.order, "dx": p.dx, "dy": p.dy})


def element_map(element: Element) -> Map:
    """A new Y.Map holding ``element``."""
    texts = text_fields(element.kind)
    fields = Map({name: Text(value) if name in texts and isinstance(value, str) else dump(value)
                  for name, value in element.fields.items()})
    content: dict[str, Any] = {"kind": dump(element.kind.value), "fields": fields}
    if element.placement is not None:
        content["placement"] = placement_value(element)
    if element.extra:
        content["extra"] = dump(element.extra)
    return Map(content)


def ensure_root(ydoc) -> Map:
    """The root map (created empty when the document has none yet)."""
    return ydoc.get(ROOT, type=Map)


def write_document(root: Map, doc: JourneyMap) -> None:
    """Fill an empty root with the whole of ``doc`` (the host's seed; inside
    one Y transaction)."""
    root["format"] = dump(FORMAT)
    root["meta"] = Map({k: dump(v) for k, v in doc.meta.items()})
    root["settings"] = Map({k: dump(v) for k, v in doc.settings.items()})
    root["extra"] = Map({k: dump(v) for k, v in doc.extra.items()})
    root["lanes"] = Map({lane.id: lane_value(lane) for lane in doc.lanes})
    root["lane_order"] = Array([lane.id for lane in doc.lanes])
    root["stages"] = Array(list(doc.stage_order))
    root["elements"] = Map({e.id: element_map(e) for e in doc.elements()})
    root["links"] = Map({link_key(lk.source, lk.target): link_value(lk) for lk in doc.links()})
    root["scores"] = Map({score_key(s): score_value(s) for s in doc.scores()})
    root["waves"] = waves_value(doc.waves)
    root["records"] = Map({record_key(section, key): dump(value)
                           for section in doc.sections()
                           for key, value in doc.records(section).items()})


CONTAINERS = {"meta": Map, "settings": Map, "extra": Map, "lanes": Map, "lane_order": Array,
              "stages": Array, "elements": Map, "links": Map, "scores": Map, "records": Map}


def container(root: Map, name: str) -> Any:
    """One of the root's containers, made when missing (a peer may have
    joined an empty room) or of the wrong type (never expected: repaired)."""
    value = root.get(name)
    wanted = CONTAINERS[name]
    if not isinstance(value, wanted):
        value = wanted()
        root[name] = value
    return value


def utf8_diff(old: str, new: str) -> tuple[int, int, str]:
    """The smallest single edit that turns ``old`` into ``new``: (start, length
    to delete, text to insert), positions in UTF-8 bytes as Y.Text counts them
    in pycrdt. Found from the common prefix and suffix."""
    start, end = _common_ends(old, new)
    removed = old[start:len(old) - end]
    inserted = new[start:len(new) - end]
    return len(old[:start].encode("utf-8")), len(removed.encode("utf-8")), inserted


def _common_ends(old: str, new: str) -> tuple[int, int]:
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return start, end


MAX_DIFFED = 2000  # a replaced stretch longer than this is written as one edit


def hunks(old: str, new: str) -> list[tuple[int, int, str]]:
    """The stretches of ``old`` to replace to make ``new``, first to last, as
    (start, end, replacement) in characters: one for typing, more when the new
    text keeps parts of the old one between changes (a colleague's letters
    merged into mine stay their letters, not a deletion and a copy)."""
    start, end = _common_ends(old, new)
    removed, inserted = old[start:len(old) - end], new[start:len(new) - end]
    if not removed or not inserted or max(len(removed), len(inserted)) > MAX_DIFFED:
        return [(start, len(old) - end, inserted)] if removed or inserted else []
    matcher = SequenceMatcher(None, removed, inserted, autojunk=False)
    return [(start + i1, start + i2, inserted[j1:j2])
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def text_edits(old: str, new: str) -> list[tuple[int, int, str]]:
    """The :func:`hunks` that turn ``old`` into ``new``, last first, as (start,
    length to delete, text to insert) in UTF-8 bytes, as Y.Text counts them."""
    return [(len(old[:a].encode("utf-8")), len(old[a:b].encode("utf-8")), inserted)
            for a, b, inserted in reversed(hunks(old, new))]


def edit_text(text: Text, old: str, new: str) -> None:
    """Make ``text`` (holding ``old``) hold ``new``, through :func:`text_edits`."""
    for start, length, inserted in text_edits(old, new):
        if length:
            del text[start:start + length]
        if inserted:
            text.insert(start, inserted)
