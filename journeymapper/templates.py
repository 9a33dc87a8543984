"""Map templates: stage models shipped in resources/templates/*.json.

A template names its stages in order, its lanes (name, card kind), any
loops (a later stage that leads back to an earlier one, as in a flywheel)
and the language it is written in, which becomes the new map's language
(``ecommerce-ko`` makes a Korean map, labelled in Korean in the PDF).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from journeymapper.i18n import N_, normalise
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Kind
from journeymapper.model.errors import JourneyError
from journeymapper.model.ids import IdAllocator
from journeymapper.model.links import LinkKind
from journeymapper.resources import resource


@dataclass(frozen=True)
class Template:
    name: str
    title: str
    description: str
    stages: tuple[str, ...]
    lanes: tuple[tuple[str, str], ...]
    loops: tuple[tuple[str, str], ...]
    language: str = "en"


def list_templates() -> list[Template]:
    folder = resource("templates")
    return [_read(path.stem) for path in sorted(folder.glob("*.json"))]


def _read(name: str) -> Template:
    path = resource("templates", f"{name}.json")
    if not path.is_file():
        names = ", ".join(t.name for t in list_templates())
        raise JourneyError(N_("no template named {name!r} (templates: {names})"), name=name,
                           names=names)
    raw = json.loads(path.read_text(encoding="utf-8"))
    return Template(raw["name"], raw["title"], raw["description"], tuple(raw["stages"]),
                    tuple((n, k) for n, k in raw["lanes"]), tuple((a, b) for a, b in raw["loops"]),
                    normalise(raw.get("language", "en")))


def template_for_language(code: str, name: str = "ecommerce") -> str:
    """``name``, or its version in language ``code`` when one ships (ecommerce -> ecommerce-ko)."""
    localised = f"{name}-{code}"
    return localised if code != "en" and resource("templates", f"{localised}.json").is_file() \
        else name


def new_from_template(name: str, title: str | None = None,
                      ids: IdAllocator | None = None) -> JourneyMap:
    """A new map with the template's stages, lanes and stage-to-stage links
    (``ids``: where its ids come from; the process's allocator by default)."""
    template = _read(name)
    doc = JourneyMap(title or template.title, ids)
    doc.set_meta("description", template.description)
    doc.set_meta("language", template.language)
    for lane_name, kind in template.lanes:
        doc.add_lane(lane_name, Kind(kind))
    ids = [doc.add_stage(stage) for stage in template.stages]
    for a, b in zip(ids, ids[1:]):
        doc.link(a, b, LinkKind.LEADS_TO)
    by_name = dict(zip(template.stages, ids))
    for a, b in template.loops:
        doc.link(by_name[a], by_name[b], LinkKind.LEADS_TO)
    return doc
