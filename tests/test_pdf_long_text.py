"""The PDF lays out any text the model accepts: fields at their longest
(10,000 characters, with spaces or without one) wrap, split across pages
and come out whole in the tables, in bounded time."""

from __future__ import annotations

import io
import re
import time

import pytest
from pypdf import PdfReader

from journeymapper.io.pdf import ExportOptions, build_pdf
from journeymapper.model import Kind
from journeymapper.model.elements import MAX_TEXT

OPTIONS = ExportOptions(exported="2026-11-22")


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def longest(seed: str, spaces: bool) -> str:
    """A text of MAX_TEXT characters, words of seven letters or one long word."""
    if spaces:
        word = (seed * 7)[:7] + " "
        return (word * (MAX_TEXT // len(word) + 1))[:MAX_TEXT].strip()
    return (seed * MAX_TEXT)[:MAX_TEXT]


#: one letter per field, found nowhere else in the report
SEEDS = {"title": "\u00e9", "owner": "\u00f8", "evidence": "\u00e6", "card": "\u00fe",
         "stage": "\u00f0", "lane": "\u00df", "goals": "\u00e5", "authors": "\u00e7",
         "description": "\u00f1", "metric": "\u00b5", "quote": "\u00fc"}


def fill(doc, spaces: bool) -> dict[str, str]:
    """Every long-text field of the laptop map at its longest; what went where."""
    texts = {name: longest(seed, spaces) for name, seed in SEEDS.items()}
    doc.set_meta("title", texts["title"])
    doc.set_meta("description", texts["description"])
    doc.set_meta("authors", [texts["authors"]])
    opportunity = next(doc.elements(Kind.OPPORTUNITY)).id
    doc.set_field(opportunity, "owner", texts["owner"])
    pain = next(doc.elements(Kind.PAIN_POINT)).id
    doc.set_field(pain, "evidence", [texts["evidence"], "a short one"])
    doc.set_field(pain, "text", texts["card"])
    doc.set_field(doc.stage_order[1], "text", texts["stage"])
    doc.update_lane(doc.lane_for_kind(Kind.ACTION).id, name=texts["lane"])
    persona = next(doc.elements(Kind.PERSONA)).id
    for field in ("goals", "motivations", "frustrations", "behaviours"):
        doc.set_field(persona, field, texts["goals"])
    doc.set_field(persona, "quote", texts["quote"])
    goal = next(doc.elements(Kind.GOAL)).id
    doc.set_field(goal, "metric", texts["metric"])
    return texts


@pytest.mark.parametrize("spaces", [True, False], ids=["words", "one-word"])
def test_the_longest_texts_wrap_split_and_come_out_whole(laptop_doc, spaces):
    texts = fill(laptop_doc, spaces)
    start = time.perf_counter()
    data, result = build_pdf(laptop_doc, OPTIONS)
    elapsed = time.perf_counter() - start
    assert elapsed < 30, f"{elapsed:.1f} s"  # it took 28 s for the title alone (40 s+ unbroken)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == result.pages
    pages = [p.extract_text() or "" for p in reader.pages]
    # the tables print these in full (page headers and footers interrupt them,
    # but every letter is there): the owner and the evidence (opportunities,
    # pain points), the card and its stage (pain points, stage details), the
    # goal's metric, the persona's goals, the description (cover)
    for name in ("owner", "evidence", "card", "stage", "metric", "goals", "description"):
        seed = SEEDS[name]
        assert sum(p.count(seed) for p in pages) >= texts[name].count(seed), name
    # a text longer than a page is split across pages: no page holds all of it
    seed = SEEDS["owner"]
    assert max(p.count(seed) for p in pages) < texts["owner"].count(seed)


def test_a_stage_of_hundreds_of_cards_lists_each_once_in_order_under_its_heading(laptop_doc):
    """A stage table many pages long (laid out a page at a time) has every
    card once and in order, rows of several lines whole or continued on the
    next page, and the stage's name and the column heads on every page."""
    stage = laptop_doc.stage_order[1]
    name = laptop_doc.element(stage).text
    lane = laptop_doc.lane_for_kind(Kind.ACTION).id
    for i in range(400):
        words = " ".join(["wordy"] * (60 if i % 37 == 0 else 3))
        laptop_doc.add_card(Kind.ACTION, stage, lane, f"Row{i:03d}end {words}")
    reader = PdfReader(io.BytesIO(build_pdf(laptop_doc, OPTIONS)[0]))
    top = [item for item in reader.outline if not isinstance(item, list)]
    start = reader.get_destination_page_number(next(i for i in top if i.title == "Stage details"))
    pages = [p.extract_text() for p in reader.pages[start:]]
    table = [text for text in pages if "Row" in text and "end wordy" in text]
    assert len(table) >= 10
    for text in table[1:]:
        assert re.match(rf"\s*{re.escape(name)}\s+Lane\s+Card\s+Details\s", text), text[:80]
    found = re.findall(r"Row(\d{3})end", "\n".join(table))
    assert found == [f"{i:03d}" for i in range(400)]
