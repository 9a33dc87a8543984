"""Copy / paste of cards: a JSON payload of cards and the links among them,
and the command that pastes it with fresh ids.

The payload crosses the system clipboard, so it may come from another
window (another map) or from anywhere at all: :func:`parse_payload` treats it
as untrusted input and :func:`plan_paste` maps its stages and lanes onto the
target map.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QUndoCommand

from journeymapper.commands.base import DocCommand, tr_n
from journeymapper.i18n import N_
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import (
    CARD_KINDS,
    FIELD_INDEX,
    Element,
    Kind,
    Placement,
    check_field,
    thaw,
)
from journeymapper.model.errors import ModelError
from journeymapper.model.ids import id_prefix
from journeymapper.model.links import Link, LinkKind, allowed

MIME_TYPE = "application/x-journeymapper-cards+json"
PAYLOAD_VERSION = 1
MAX_PASTE = 5000


def copy_payload(doc: JourneyMap, ids: Iterable[str]) -> dict[str, Any]:
    """The cards among ``ids`` (stages are skipped) and the links between them."""
    stage_pos = {s: i for i, s in enumerate(doc.stage_order)}
    lanes = {lane.id: lane for lane in doc.lanes}
    cards = [doc.element(i) for i in dict.fromkeys(ids)
             if i in doc and doc.element(i).kind is not Kind.STAGE]
    chosen = {c.id for c in cards}
    out = []
    for c in cards:
        p = c.placement
        assert p is not None
        out.append({"id": c.id, "kind": c.kind.value, "fields": thaw(c.fields),
                    "stage_index": stage_pos.get(p.stage) if p.stage else None,
                    "lane": p.lane, "lane_kind": lanes[p.lane].kind.value, "order": p.order})
    links = [[lk.source, lk.target, lk.kind.value]
             for lk in sorted(doc.links_among(chosen), key=lambda lk: (lk.source, lk.target))]
    return {"journeymapper": PAYLOAD_VERSION, "cards": out, "links": links}


def payload_bytes(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")


def payload_text(doc: JourneyMap, ids: Iterable[str]) -> str:
    """Plain text of the copied cards, one per line, for other applications."""
    lines = []
    for i in ids:
        if i in doc and doc.element(i).kind is not Kind.STAGE:
            e = doc.element(i)
            lines.append(f"[{e.kind.label}] {e.text}")
    return "\n".join(lines)


def parse_payload(data: bytes) -> dict[str, Any]:
    """Validate clipboard bytes; raise ModelError with a one-line reason."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ModelError("clipboard: not journeymapper cards (invalid JSON)") from None
    if not isinstance(raw, dict) or raw.get("journeymapper") != PAYLOAD_VERSION:
        raise ModelError("clipboard: not journeymapper cards (unknown payload version)")
    cards, links = raw.get("cards"), raw.get("links", [])
    if not isinstance(cards, list) or not isinstance(links, list):
        raise ModelError("clipboard: 'cards' and 'links' must be lists")
    if len(cards) > MAX_PASTE:
        raise ModelError(N_("clipboard: {value} cards, at most {MAX_PASTE} can be pasted"),
                         value=len(cards), MAX_PASTE=MAX_PASTE)
    kinds = {k.value for k in CARD_KINDS}
    for n, card in enumerate(cards, 1):
        if not isinstance(card, dict) or card.get("kind") not in kinds:
            raise ModelError(N_("clipboard: card {n}: expected a card kind, got {value!r}"),
                             n=n, value=card.get('kind') if isinstance(card, dict) else card)
        if not isinstance(card.get("fields"), dict) or not isinstance(card.get("id"), str):
            raise ModelError(N_("clipboard: card {n}: needs an id and a fields object"), n=n)
        for name, value in card["fields"].items():
            problem = check_field(Kind(card["kind"]), name, value)
            if problem and name in FIELD_INDEX[Kind(card["kind"])]:
                raise ModelError(N_("clipboard: card {n}: {file}: {problem}"),
                                 n=n, file=name, problem=problem)
        index = card.get("stage_index")
        if index is not None and (isinstance(index, bool) or not isinstance(index, int)):
            raise ModelError(N_("clipboard: card {n}: stage_index: expected an integer"), n=n)
    for n, link in enumerate(links, 1):
        if (not isinstance(link, list) or len(link) != 3 or not all(isinstance(v, str) for v in link)
                or link[2] not in {k.value for k in LinkKind}):
            raise ModelError(N_("clipboard: link {n}: expected [source, target, kind]"), n=n)
    return raw


def plan_paste(doc: JourneyMap, payload: dict[str, Any], stage: str | None,
               lane: str | None = None) -> tuple[list[Element], list[Link]]:
    """New elements (fresh ids, placements in ``doc``) and links for a paste.

    The first pasted column lands in ``stage`` (None: the columns they came
    from); lanes are kept when ``doc`` has the same lane, else the lane for
    the card's kind, else ``lane``. Cards append to the end of their cell."""
    cards = payload["cards"]
    if not cards:
        return [], []
    order = doc.stage_order
    indices = [c["stage_index"] for c in cards if c.get("stage_index") is not None]
    base = min(indices, default=0)
    target = order.index(stage) if stage in order else base
    lanes = {ln.id: ln for ln in doc.lanes}
    next_order: dict[tuple[str | None, str], int] = {}
    id_map: dict[str, str] = {}
    made: list[Element] = []
    for card in cards:
        kind = Kind(card["kind"])
        lane_id = _lane_for(doc, lanes, card, kind, lane)
        stage_id = None
        if card.get("stage_index") is not None:
            if not order:
                raise ModelError("add a stage before pasting cards")
            stage_id = order[max(0, min(len(order) - 1, target + card["stage_index"] - base))]
        cell = (stage_id, lane_id)
        if cell not in next_order:
            next_order[cell] = doc.next_order(cell)
        fields = {k: v for k, v in card["fields"].items() if k in FIELD_INDEX[kind]}
        new_id = doc.new_id(id_prefix(kind))
        id_map[card["id"]] = new_id
        made.append(Element(new_id, kind, fields, Placement(stage_id, lane_id, next_order[cell])))
        next_order[cell] += 1
    kinds = {e.id: e.kind for e in made}
    links = []
    for s, t, k in payload.get("links", []):
        if s in id_map and t in id_map and allowed(LinkKind(k), kinds[id_map[s]], kinds[id_map[t]]):
            links.append(Link(id_map[s], id_map[t], LinkKind(k)))
    return made, links


def _lane_for(doc: JourneyMap, lanes: dict, card: dict, kind: Kind, fallback: str | None) -> str:
    same = lanes.get(card.get("lane"))
    if same is not None and same.kind.value == card.get("lane_kind"):
        return same.id
    by_kind = doc.lane_for_kind(kind)
    if by_kind is not None:
        return by_kind.id
    if fallback in lanes:
        return fallback
    if not lanes:
        raise ModelError("add a lane before pasting cards")
    return next(iter(lanes))


class PasteElements(DocCommand):
    """Insert planned elements and the links among them as one step
    (``verb``: "paste", "duplicate" or "add", for the History)."""

    TEXTS = {
        "paste": QT_TRANSLATE_NOOP("Commands", "Paste %n card(s)"),
        "duplicate": QT_TRANSLATE_NOOP("Commands", "Duplicate %n card(s)"),
        "add": QT_TRANSLATE_NOOP("Commands", "Add %n card(s)"),
    }

    def __init__(self, doc: JourneyMap, elements: list[Element], links: list[Link],
                 verb: str = "paste", parent: QUndoCommand | None = None) -> None:
        super().__init__(doc, tr_n(self.TEXTS.get(verb, self.TEXTS["paste"]), len(elements)),
                         parent)
        self.elements, self.links = elements, links

    @property
    def ids(self) -> list[str]:
        return [e.id for e in self.elements]

    def do(self) -> None:
        for element in self.elements:
            self.doc.insert_element(element)
        for link in self.links:
            self.doc.link(link.source, link.target, link.kind)

    def revert(self) -> None:
        for link in reversed(self.links):
            if self.doc.has_link(link.source, link.target):
                self.doc.unlink(link.source, link.target)
        for element in reversed(self.elements):
            self.doc.remove_element(element.id)
