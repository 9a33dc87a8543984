"""What a stakeholder reads first: the executive summary after the cover,
and the fixes of what was seen page by page (emotion chips at any density,
a legend that wraps, readable badges, a --wave cover, headings that repeat,
goals listed as goals, no empty persona lane, counted words, an embedded
fallback font)."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_pdf import map_page_index, scored  # noqa: E402

from journeymapper.io.pdf import ExportOptions, build_pdf  # noqa: E402
from journeymapper.layout.badges import readings  # noqa: E402
from journeymapper.layout.palette import contrast, readable_on, score_colour  # noqa: E402
from journeymapper.model import JourneyMap, Kind, Score, Wave, analysis  # noqa: E402

OPTIONS = ExportOptions(exported="2026-11-22")


def read(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def one_line(text: str) -> str:
    return " ".join(text.split())


def summary_text(reader: PdfReader) -> str:
    top = [item for item in reader.outline if not isinstance(item, list)]
    item = next(i for i in top if i.title == "Executive summary")
    return one_line(reader.pages[reader.get_destination_page_number(item)].extract_text())


def test_the_summary_follows_the_cover_and_says_what_is_wrong(laptop_doc):
    doc = scored(laptop_doc)
    reader = read(build_pdf(doc, OPTIONS)[0])
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top[:3] == ["Cover", "Executive summary", "Journey map"]
    text = summary_text(reader)
    # the worst score first, with its n and how far to trust it
    assert "WORST SCORES Awareness: NPS +22 (n=140, 95% [+8, +34])" in text
    assert "Consideration: CSAT 74% (n=12, 95% [" in text and "], low confidence)" in text
    assert "Awareness: CSAT 71%, +9 pts since 2026-Q2, better (n=140, 95% [" in text
    # the most severe pain point with its evidence, the unaddressed ones
    assert "5/5 Coupon code from an aggregator is rejected at checkout (Purchase; 2 pieces of " \
           "evidence)" in text
    assert "NOT ADDRESSED BY ANY OPPORTUNITY (1) 2/5 Ads push premium models" in text
    # the opportunities by priority, the matrix's quick wins, the owners' next dates
    best = analysis.opportunity_priorities(doc)[0]
    assert f"1. {best.opportunity.text[:30]}" in text and "quick wins" in text
    assert "2026-11-30 E-commerce:" in text
    assert "Priority = (2 × impact + summed severity" in text


def test_priority_uses_impact_effort_votes_and_the_need_it_meets():
    doc = JourneyMap.with_default_lanes("Priorities")
    stage = doc.add_stage("Buy")
    pains = doc.lane_for_kind(Kind.PAIN_POINT).id
    opps = doc.lane_for_kind(Kind.OPPORTUNITY).id
    severe = doc.add_card(Kind.PAIN_POINT, stage, pains, "Severe", severity=5)
    cheap = doc.add_card(Kind.OPPORTUNITY, stage, opps, "Cheap and good", impact=4, effort=1)
    dear = doc.add_card(Kind.OPPORTUNITY, stage, opps, "Dear", impact=5, effort=5, votes=50)
    needed = doc.add_card(Kind.OPPORTUNITY, stage, opps, "Meets the need", impact=3, effort=3)
    done = doc.add_card(Kind.OPPORTUNITY, stage, opps, "Done already", impact=5, effort=1,
                        status="done")
    doc.link(needed, severe)
    ranked = analysis.opportunity_priorities(doc)
    assert [p.opportunity.id for p in ranked] == [cheap, needed, dear, done]
    assert ranked[0].quick_win and not ranked[2].quick_win and not ranked[3].quick_win
    assert ranked[1].need == 5
    assert ranked[0].score == analysis.priority_score(4, 1, 0, 0) == 8.0
    assert [o.id for o, _ in analysis.ranked_opportunities(doc)] == [cheap, needed, dear, done]


def test_emotions_keep_their_shape_and_show_score_and_label_when_many_share_a_stage():
    doc = JourneyMap.with_default_lanes("Feelings")
    stage = doc.add_stage("Wait")
    lane = doc.lane_for_kind(Kind.EMOTION).id
    labels = ["Calm", "Curious", "Bored", "Annoyed", "Angry"]
    for score, label in zip((2, 1, 0, -1, -2), labels):
        doc.add_card(Kind.EMOTION, stage, lane, label, score=score)
    reader = read(build_pdf(doc, ExportOptions(map_only=True))[0])
    text = reader.pages[0].extract_text()
    for label in labels:  # a narrow chip breaks a long word between letters
        assert label in re.sub(r"\s+", "", text), label
    for score in ("+2", "+1", "+0", "-1", "-2"):
        assert score in text


def test_the_cover_legend_wraps_on_a_narrow_page(laptop_doc):
    data, _ = build_pdf(laptop_doc, ExportOptions(page_size="A4", orientation="portrait"))
    reader = read(data)
    cover = one_line(reader.pages[0].extract_text() + reader.pages[1].extract_text())
    for item in ("HOW TO READ THE MAP", "Persona", "then", "is evidence for", "addresses",
                 "emotion curve", "journey loops back"):
        assert item in cover, item
    width = float(reader.pages[0].mediabox.width)
    for page in reader.pages[:2]:  # nothing drawn past the right margin
        xs: list[float] = []

        def seen(text, cm, tm, font, size, xs=xs) -> None:
            if text.strip():
                xs.append(tm[4])

        page.extract_text(visitor_text=seen)
        assert max(xs) < width - 36


def test_badges_read_well_and_their_arrow_means_better(laptop_doc, monkeypatch):
    for value in (0, 25, 50, 62, 75, 100):
        colour = score_colour(Score("s", "w", "csat", value, 100))
        assert contrast(colour, readable_on(colour)) >= 4.5, colour  # WCAG AA
    doc = laptop_doc
    first = doc.stage_order[0]
    # effort scores (1-7, lower is better) from 80 answers each: a real drop
    doc.put_scores([Score(first, "Q1", "ces", 4.0, 80, distribution={"3": 40, "5": 40}),
                    Score(first, "Q2", "ces", 3.2, 80, distribution={"2": 32, "4": 48})],
                   [Wave("Q1", "2026-03-31"), Wave("Q2", "2026-06-30")])
    last = [r for r in readings(doc) if r.score.wave == "Q2"][0]
    assert last.delta < 0 and last.significant and last.trend == 1  # lower is better: up
    from journeymapper.io.pdf import shapes

    arrows = []
    monkeypatch.setattr(shapes, "trend_arrow", lambda c, x, y, s, up, fill: arrows.append(up))
    build_pdf(doc, ExportOptions(page_size="A2", orientation="portrait", map_only=True))
    assert arrows == [True]


def test_a_wave_export_says_scores_as_of_the_wave(laptop_doc):
    doc = scored(laptop_doc)
    cover = one_line(read(build_pdf(doc, ExportOptions(wave="2026-Q2"))[0])
                     .pages[0].extract_text())
    assert "Scores as of 2026-Q2" in cover
    assert "1 survey wave: 2026-Q2" in cover and "2026-Q3" not in cover


def test_stage_tables_repeat_their_heading_and_list_goals_as_goals(laptop_doc):
    stage = laptop_doc.stage_order[0]
    lane = laptop_doc.lane_for_kind(Kind.ACTION).id
    for i in range(60):
        laptop_doc.add_card(Kind.ACTION, stage, lane, f"Step {i} of a long stage")
    reader = read(build_pdf(laptop_doc, OPTIONS)[0])
    details = [i for i, p in enumerate(reader.pages) if "Step 59 of a long stage" in
               p.extract_text() or "Step 0 of a long stage" in p.extract_text()]
    name = laptop_doc.element(stage).text
    pages = sorted(set(details))
    assert len(pages) >= 3  # the map's tile, and the stage table over two pages at least
    for i in pages[-2:]:
        assert reader.pages[i].extract_text().lstrip().startswith(name) or \
            f"\n{name}\n" in reader.pages[i].extract_text()
    text = "\n".join(p.extract_text() for p in reader.pages)
    goal = next(laptop_doc.elements(Kind.GOAL))
    assert re.search(r"GOAL / KPI\s+" + re.escape(goal.text), text)


def test_no_empty_persona_lane_when_the_personas_are_in_the_strip(laptop_doc):
    from journeymapper.io.pdf.mapdraw import MapFonts, MapPainter

    painter = MapPainter(laptop_doc, MapFonts("Helvetica", "Helvetica-Bold"))
    persona_lane = laptop_doc.lane_for_kind(Kind.PERSONA)
    assert painter.layout.lanes[persona_lane.id][3] == 0
    reader = read(build_pdf(laptop_doc, OPTIONS)[0])
    first = map_page_index(reader)
    lanes = reader.pages[first].extract_text()
    assert persona_lane.name not in lanes.replace("Personas", "")


def test_counts_are_worded_for_one_and_for_many():
    doc = JourneyMap.with_default_lanes("Counting")
    doc.add_stage("Only")
    doc.add_card(Kind.OPPORTUNITY, doc.stage_order[0], doc.lane_for_kind(Kind.OPPORTUNITY).id,
                 "One idea")
    cover = one_line(read(build_pdf(doc, OPTIONS)[0]).pages[0].extract_text())
    assert "1 stage; 1 card; 0 pain points; 1 opportunity" in cover
    assert "(s)" not in cover and "(ies)" not in cover


def test_without_a_system_font_the_report_embeds_bitstream_vera(monkeypatch):
    from journeymapper.io.pdf import fonts

    monkeypatch.setattr(fonts, "_font_index", lambda: {})
    data, result = build_pdf(JourneyMap.with_default_lanes("Plain Latin text"), OPTIONS)
    assert result.font.label.startswith("Bitstream Vera") and result.font.complete
    reader = read(data)
    descriptors = [f.get_object() for page in reader.pages
                   for f in page["/Resources"].get("/Font", {}).values()]
    assert descriptors and all("/FontFile2" in f.get_object()["/DescendantFonts"][0]
                               .get_object()["/FontDescriptor"].get_object()
                               for f in descriptors if "/DescendantFonts" in f)
    assert not any(f["/BaseFont"] in ("/Helvetica", "/Helvetica-Bold") for f in descriptors)


def test_the_cover_is_one_page_whatever_its_title_and_page():
    """A reviewed map with a two-line title on A4 landscape, and on Letter portrait:
    the summary is on page 2 (the legend never spills onto a page of its own)."""
    from journeymapper.io import jmap

    path = Path(__file__).resolve().parent.parent / "examples" / "laptop-store-reviewed.jmap"
    doc = jmap.load(path).document
    doc.set_meta("title", doc.title + " with a second line of title to read")
    for options in (OPTIONS, ExportOptions(exported="2026-11-22", page_size="Letter",
                                           orientation="portrait")):
        reader = read(build_pdf(doc, options)[0])
        top = [i for i in reader.outline if not isinstance(i, list)]
        summary = next(i for i in top if i.title == "Executive summary")
        assert reader.get_destination_page_number(summary) == 1
        assert "HOW TO READ THE MAP" in one_line(reader.pages[0].extract_text())
