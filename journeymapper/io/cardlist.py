"""A list of cards from a CSV or XLSX file: one card per row, with its stage,
its lane (or kind) and its text.

The file is read as survey exports are (io/survey/reading.py: UTF-8 with or
without a BOM, UTF-16, CP949 from Korean Excel, ``;`` or tab separators,
XLSX), streamed, and checked row by row before anything changes: the first
problem stops the import with one line naming the file, the row, the
column and the value. At most :data:`MAX_CARDS` cards are read.

A first row naming the columns (``stage``, ``lane`` or ``kind``, ``text``,
in any order, in English or Korean, other columns ignored) is a header;
without one the first three columns are stage, lane, text. A stage is
matched by name (ignoring case and spaces around it); a stage the map does
not have is listed in :attr:`CardPlan.new_stages` (the caller adds it at
the end, or refuses). A lane is matched by its name, else by a kind (its
id such as ``pain_point`` or its name such as ``Pain point``), which puts
the card in the first lane of that kind. Plain Python, no Qt.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from journeymapper.i18n import N_
from journeymapper.io.survey.reading import open_survey
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import CARD_KINDS, MAX_TEXT, Element, Kind, Placement
from journeymapper.model.errors import CardListError
from journeymapper.model.ids import id_prefix
from journeymapper.words import KIND_LABELS, KIND_TAGS, LANE_NAMES, kind_label, kind_tag, lane_name

MAX_CARDS = 5000
MAX_STAGE_NAME = 200
HEADERS = {
    "stage": ("stage", "stages", "단계", "스테이지"),
    "lane": ("lane", "kind", "type", "레인", "종류", "유형", "lane/kind"),
    "text": ("text", "card", "content", "내용", "카드", "텍스트"),
}


@dataclass
class CardPlan:
    """What a card list adds: stages the map does not have yet (in the order
    they first appear) and the cards, each (stage id or index into
    ``new_stages``, lane id, kind, text)."""

    file: str
    new_stages: list[str] = field(default_factory=list)
    cards: list[tuple[str | int, str, Kind, str]] = field(default_factory=list)
    #: the row where each new stage first appears (for a refusal naming it)
    new_stage_rows: list[int] = field(default_factory=list)


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _header_columns(row: list[str]) -> dict[str, int] | None:
    folded = [_fold(cell) for cell in row]
    found = {}
    for name, words in HEADERS.items():
        for i, cell in enumerate(folded):
            if cell in words and name not in found:
                found[name] = i
    return found if len(found) >= 2 and "text" in found else None


def _lane_index(doc: JourneyMap) -> dict[str, tuple[str, Kind]]:
    """Folded names a lane column may hold -> (lane id, kind)."""
    out: dict[str, tuple[str, Kind]] = {}
    for kind in CARD_KINDS:
        lane = doc.lane_for_kind(kind)
        if lane is None or kind is Kind.PERSONA:
            continue
        for word in _kind_words(kind):
            out.setdefault(_fold(word), (lane.id, kind))
    for lane in doc.lanes:  # a lane's own name wins over a kind's
        if lane.kind is not Kind.PERSONA:
            out[_fold(lane.name)] = (lane.id, lane.kind)
    return out


def _kind_words(kind: Kind) -> tuple[str, ...]:
    """What a lane column may call a kind: its id, its name, its tag and the
    name of its lane, in English and in the language in force (불편 사항)."""
    english = (KIND_LABELS[kind], KIND_TAGS[kind], LANE_NAMES.get(kind, KIND_LABELS[kind]))
    return (kind.value, kind.value.replace("_", " "), *english, kind_label(kind), kind_tag(kind),
            lane_name(kind))


def _kind_named(text: str) -> Kind | None:
    folded = _fold(text)
    for kind in CARD_KINDS:
        if folded in {_fold(word) for word in _kind_words(kind)}:
            return kind
    return None


def plan_cards(doc: JourneyMap, path: str | os.PathLike[str],
               sheet: str | None = None) -> CardPlan:
    """Read a card list against ``doc`` (nothing changes). Raises CardListError
    (or SurveyError for an unreadable file) naming the first problem."""
    source = open_survey(path, sheet, what=N_("a list of cards"))
    name = Path(path).name
    plan = CardPlan(name)
    stages = {_fold(s.text): s.id for s in doc.stages()}
    new: dict[str, int] = {}
    lanes = _lane_index(doc)
    columns = {"stage": 0, "lane": 1, "text": 2}
    row_number = 0
    first = True
    for block in source.blocks():
        for row in block:
            row_number += 1
            if first:
                first = False
                header = _header_columns(row)
                if header is not None:
                    if "stage" not in header:
                        raise CardListError(N_("{file}: row 1: no stage column; expected a "
                                               "column named stage"), file=name)
                    if "lane" not in header:
                        raise CardListError(N_("{file}: row 1: no lane column; expected a "
                                               "column named lane or kind"), file=name)
                    columns = header
                    continue
            if not any(cell.strip() for cell in row):
                continue
            if len(plan.cards) >= MAX_CARDS:
                raise CardListError(N_("{file}: row {row}: more than {limit} cards; expected "
                                       "at most {limit} in one import"),
                                    file=name, row=row_number, limit=MAX_CARDS)
            plan.cards.append(_card(plan, row, row_number, columns, stages, new, lanes))
    if not plan.cards:
        raise CardListError(N_("{file}: no cards; expected rows of stage, lane, text"),
                            file=name)
    return plan


def _cell(row: list[str], index: int) -> str:
    return row[index].strip() if index < len(row) else ""


def _card(plan: CardPlan, row: list[str], number: int, columns: dict[str, int],
          stages: dict[str, str], new: dict[str, int],
          lanes: dict[str, tuple[str, Kind]]) -> tuple[str | int, str, Kind, str]:
    name = plan.file
    stage_text, lane_text = _cell(row, columns["stage"]), _cell(row, columns["lane"])
    text = row[columns["text"]].strip() if columns["text"] < len(row) else ""
    if not stage_text:
        raise CardListError(N_("{file}: row {row}: stage: empty; expected the name of a stage"),
                            file=name, row=number)
    if len(stage_text) > MAX_STAGE_NAME:
        raise CardListError(N_("{file}: row {row}: stage: a name of {n} characters; expected "
                               "at most {limit}"), file=name, row=number, n=len(stage_text),
                            limit=MAX_STAGE_NAME)
    if not text:
        raise CardListError(N_("{file}: row {row}: text: empty; expected the card's text"),
                            file=name, row=number)
    if len(text) > MAX_TEXT:
        raise CardListError(N_("{file}: row {row}: text: {n} characters; expected at most "
                               "{limit}"), file=name, row=number, n=len(text), limit=MAX_TEXT)
    lane = lanes.get(_fold(lane_text))
    if lane is None:
        kind = _kind_named(lane_text)
        if kind is not None:
            raise CardListError(N_("{file}: row {row}: lane: this map has no lane for "
                                   "{value!r} cards; expected a lane it has (add one first)"),
                                file=name, row=number, value=lane_text[:80])
        names = [ln for ln, (_, k) in lanes.items() if _kind_named(ln) is None]
        shown = ", ".join(names[:12]) + (", …" if len(names) > 12 else "")
        raise CardListError(N_("{file}: row {row}: lane: {value!r} is no lane or card kind "
                               "of this map; expected a lane ({expected}) or a card kind"),
                            file=name, row=number, value=lane_text[:80], expected=shown)
    folded = _fold(stage_text)
    stage: str | int
    if folded in stages:
        stage = stages[folded]
    else:
        if folded not in new:
            new[folded] = len(plan.new_stages)
            plan.new_stages.append(" ".join(stage_text.split()))
            plan.new_stage_rows.append(number)
        stage = new[folded]
    return stage, lane[0], lane[1], text


def card_elements(doc: JourneyMap, plan: CardPlan, stage_ids: list[str]) -> list[Element]:
    """The plan's cards as new elements (fresh ids, at the end of their cells),
    ``stage_ids`` being the ids the new stages get."""
    out = []
    next_order: dict[tuple[str, str], int] = {}
    for stage, lane, kind, text in plan.cards:
        stage_id = stage_ids[stage] if isinstance(stage, int) else stage
        cell = (stage_id, lane)
        if cell not in next_order:
            next_order[cell] = doc.next_order(cell)
        out.append(Element(doc.new_id(id_prefix(kind)), kind, {"text": text},
                           Placement(stage_id, lane, next_order[cell])))
        next_order[cell] += 1
    return out


def apply_plan(doc: JourneyMap, plan: CardPlan) -> list[str]:
    """Add the new stages (at the end) and the cards, in one transaction;
    returns the ids of the cards."""
    with doc.transaction():
        stage_ids = [doc.add_stage(name) for name in plan.new_stages]
        elements = card_elements(doc, plan, stage_ids)
        for element in elements:
            doc.insert_element(element)
    return [e.id for e in elements]
