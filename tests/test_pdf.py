"""The stakeholder PDF, read back with pypdf: pages, metadata, outline, the
map's text (Korean included), escaping, tiling, scores, empty maps."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from journeymapper.io.pdf import ExportOptions, build_pdf, export_pdf, tiling
from journeymapper.model import JourneyMap, Kind, Score, Wave
from journeymapper.model.errors import ExportError

OPTIONS = ExportOptions(exported="2026-11-22")


def read(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def flat(text: str) -> str:
    """Whitespace-insensitive form: wrapping turns spaces into line breaks."""
    return re.sub(r"\s+", "", text)


def all_text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def outline_titles(reader: PdfReader) -> list[object]:
    def walk(items):
        out = []
        for item in items:
            out.append(walk(item) if isinstance(item, list) else item.title)
        return out

    return walk(reader.outline)


def map_page_index(reader: PdfReader) -> int:
    """The first map page: where the map's bookmark points (the third section:
    cover, summary, map; in any language)."""
    top = [item for item in reader.outline if not isinstance(item, list)]
    return reader.get_destination_page_number(top[2])


def children(reader: PdfReader, title: str) -> list:
    titles = outline_titles(reader)
    return titles[titles.index(title) + 1]


def big_map(cards: int) -> JourneyMap:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from bench_file import generate

    return generate(cards=cards, links=cards, stages=12)


def scored(doc: JourneyMap) -> JourneyMap:
    """Two waves of CSAT and NPS on the first two stages; one low-n score."""
    first, second = doc.stage_order[:2]
    waves = [Wave("2026-Q2", "2026-06-30"), Wave("2026-Q3", "2026-09-30")]
    doc.put_scores([
        Score(first, "2026-Q2", "csat", 62.0, 120, skipped=3),
        Score(first, "2026-Q3", "csat", 71.0, 140, skipped=1),
        Score(first, "2026-Q3", "nps", 22.0, 140,
              distribution={str(k): v for k, v in enumerate([2, 1, 3, 4, 5, 6, 9, 20, 30, 35, 25])}),
        Score(second, "2026-Q2", "csat", 80.0, 50),
        Score(second, "2026-Q3", "csat", 74.0, 12, skipped=4),
    ], waves)
    return doc


def test_report_pages_metadata_and_outline(laptop_doc):
    data, result = build_pdf(laptop_doc, OPTIONS)
    reader = read(data)
    assert len(reader.pages) == result.pages
    # cover + summary + map pages + persona + pains + opportunities + stage details
    assert result.pages >= 2 + result.map_pages + 4
    meta = reader.metadata
    assert meta.title == "Laptop store: the price-sensitive buyer"
    assert meta.author == "CX research, Web team, CRM"
    assert meta.subject.startswith("How a price-sensitive buyer")
    assert meta.creator.startswith("journeymapper")
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    titles = outline_titles(reader)
    top = [t for t in titles if isinstance(t, str)]
    assert top == ["Cover", "Executive summary", "Journey map", "Personas", "Pain points",
                   "Opportunities", "Stage details"]
    map_children = titles[titles.index("Journey map") + 1]
    tiles = [f"Tile A{i + 1}" for i in range(result.map_pages)]
    assert map_children == laptop_doc.stage_names() + tiles
    assert titles[titles.index("Personas") + 1] == ["Daniel Kim"]
    assert titles[-1] == laptop_doc.stage_names()
    last = reader.pages[-1].extract_text()
    # "page N of " is page text; the total is a form drawn on every page
    assert f"page {result.pages} of" in last and str(result.pages) in last.splitlines()
    assert "Laptop store: the price-sensitive buyer" in last


def test_every_card_text_is_in_the_pdf(laptop_doc):
    data, _ = build_pdf(laptop_doc, OPTIONS)
    text = flat(all_text(read(data)))
    for element in laptop_doc.elements():
        assert flat(element.text) in text, element.text


def test_korean_map_prints_its_hangul(korean_doc):
    data, result = build_pdf(korean_doc, OPTIONS)
    assert result.font.complete
    assert result.font.regular != "Helvetica"
    text = flat(all_text(read(data)))
    for element in korean_doc.elements():
        assert flat(element.text) in text, element.text
    assert flat(korean_doc.title) in text
    reader = read(data)
    assert reader.metadata.title == korean_doc.title
    titles = outline_titles(reader)
    top = [t for t in titles if isinstance(t, str)]
    assert children(reader, top[2])[:5] == korean_doc.stage_names()  # cover, summary, map


def test_card_text_is_not_markup():
    doc = JourneyMap.with_default_lanes("Escaping <b>check</b> & co")
    stage = doc.add_stage("Stage <i>one</i>")
    lane = doc.lane_for_kind(Kind.PAIN_POINT).id
    nasty = ['<b>bold?</b> &amp; <a href="http://x.test">link</a>', '<font color="red">red</font>',
             "5 < 6 && 7 > 3", "<para>"]
    for text in nasty:
        doc.add_card(Kind.PAIN_POINT, stage, lane, text, severity=3)
    data, _ = build_pdf(doc, OPTIONS)
    reader = read(data)
    text = flat(all_text(reader))
    for value in nasty + ["Stage <i>one</i>"]:
        assert flat(value) in text
    assert reader.metadata.title == "Escaping <b>check</b> & co"
    for page in reader.pages:
        assert "/Annots" not in page  # no link was injected


def test_long_text_is_elided_on_the_map_and_whole_in_the_tables():
    doc = JourneyMap.with_default_lanes("Long")
    stage = doc.add_stage("Only")
    long_text = " ".join(f"word{i}" for i in range(400))
    doc.add_card(Kind.PAIN_POINT, stage, doc.lane_for_kind(Kind.PAIN_POINT).id, long_text)
    data, result = build_pdf(doc, ExportOptions(page_size="A3", exported="2026-11-22"))
    reader = read(data)
    map_text = reader.pages[map_page_index(reader)].extract_text()
    assert "\u2026" in map_text and "word399" not in map_text
    # whole in the tables: every word, in order (a cell this long goes on in the
    # rows below it, after the row's other cells)
    text = all_text(reader)
    details = text[text.index("Stage details"):]
    places = [re.search(rf"word{i}\b", details).start() for i in range(400)]
    assert places == sorted(places)


def test_a_wide_map_is_tiled_with_labels_and_an_overview():
    doc = JourneyMap.with_default_lanes("Twenty stages")
    lanes = [doc.lane_for_kind(k).id for k in (Kind.ACTION, Kind.TOUCHPOINT, Kind.PAIN_POINT)]
    for i in range(20):
        stage = doc.add_stage(f"Stage {i + 1}")
        for lane in lanes:
            for n in range(3):
                doc.add_card(doc.lane(lane).kind, stage, lane, f"Card {n} in stage {i + 1}")
    data, result = build_pdf(doc, OPTIONS)
    assert result.tiled and result.smallest_pt >= 6  # the smallest text stays >= 6 pt
    reader = read(data)
    first = map_page_index(reader)
    overview = reader.pages[first].extract_text()
    assert "overview" in overview and "Stage 1" in overview and "Actions" in overview
    tiles = [p.extract_text() for p in reader.pages[first + 1:first + result.map_pages]]
    assert "tile A1 of" in tiles[0] and "right B1" in tiles[0]
    assert "tile B1 of" in tiles[1] and "left A1" in tiles[1]
    joined = flat("".join(tiles))
    for i in range(20):
        assert flat(f"Card 2 in stage {i + 1}") in joined
    # the outline: every stage, opening the tile that shows its header, then every tile
    stage_items = reader.outline[3][:20]
    assert [item.title for item in stage_items] == [f"Stage {i + 1}" for i in range(20)]
    for i, item in enumerate(stage_items):
        page = reader.get_destination_page_number(item)
        assert first < page < first + result.map_pages
        assert f"Stage {i + 1}" in reader.pages[page].extract_text()
    tile_items = reader.outline[3][20:]
    assert len(tile_items) == result.map_pages - 1
    for item in tile_items:
        page = reader.get_destination_page_number(item)
        assert f"tile {item.title.split()[-1]} of" in reader.pages[page].extract_text()
    links = reader.pages[first].get("/Annots", [])
    assert len(links) == result.map_pages - 1, "the overview links every tile to its page"


def test_every_tile_names_its_stages_and_lanes_and_holds_whole_cards():
    """Tiles cut between whole stages and between cards; each repeats the
    stage headers of its columns and the lane names of its rows."""
    from journeymapper.io.pdf.mapdraw import MapFonts, MapPainter
    from journeymapper.io.pdf.report import plan_pages

    doc = big_map(300)
    options = ExportOptions(exported="2026-11-22")
    data, result = build_pdf(doc, options)
    reader = read(data)
    first = map_page_index(reader)
    painter = MapPainter(doc, MapFonts(result.font.regular, result.font.bold))
    plan = plan_pages(painter, doc, options)
    assert len(plan.tiles) == result.map_pages - (1 if plan.overview else 0) > 4
    pages = reader.pages[first + (1 if plan.overview else 0):first + result.map_pages]
    layout = painter.layout
    for tile, page in zip(plan.tiles, pages):
        text = page.extract_text()
        wx, wy, ww, wh = tile.window
        stages = [s for s in doc.stages() if wx <= layout.stage_headers[s.id][0] < wx + ww]
        lanes = [ln for ln in doc.lanes if layout.lanes[ln.id][3] > 0
                 and layout.lanes[ln.id][1] < wy + wh
                 and layout.lanes[ln.id][1] + layout.lanes[ln.id][3] > wy + 30]
        assert stages and lanes, tile.label
        assert any(s.text in text for s in stages), tile.label
        assert any(ln.name in text for ln in lanes), tile.label
    for element_id, (x, y, w, h) in layout.cards.items():
        holding = [t for t in plan.tiles if x < t.window[0] + t.window[2]
                   and x + w > t.window[0] and y < t.window[1] + t.window[3]
                   and y + h > t.window[1]]
        assert len(holding) == 1, (element_id, [t.label for t in holding])
        tx, ty, tw, th = holding[0].window
        assert tx <= x and x + w <= tx + tw and ty <= y and y + h <= ty + th, element_id


def test_a_tile_draws_its_own_links_not_those_passing_through():
    """A link between cards on two tiles is drawn on both (to the tile's
    edge, where the list under the map says where it goes), and not on the
    tiles it runs through between them, which show their own cards' links."""
    from journeymapper.io.pdf.linkdraw import route_ops
    from journeymapper.io.pdf.mapdraw import MapFonts, MapPainter
    from journeymapper.io.pdf.report import plan_pages

    doc = big_map(300)
    data, result = build_pdf(doc, OPTIONS)
    reader = read(data)
    painter = MapPainter(doc, MapFonts(result.font.regular, result.font.bold))
    plan = plan_pages(painter, doc, OPTIONS)
    first = map_page_index(reader) + (1 if plan.overview else 0)
    drawing = {t.label: reader.pages[first + i].get_contents().get_data().decode("latin-1")
               for i, t in enumerate(plan.tiles)}

    def tile_of(element_id: str) -> str:
        x, y, w, h = painter.end_rect(element_id)
        return plan.tile_at(x + w / 2, y + h / 2).label

    through = own = 0
    for key, points in painter.links.points.items():
        ends = {tile_of(key[0]), tile_of(key[1])}
        ops = route_ops(points)
        for tile in plan.tiles:
            drawn = ops in drawing[tile.label]
            assert drawn == (tile.label in ends), (key, tile.label, ends)
            through += tile.label not in ends and painter.links.meets(key, tile.window, 0.0)
        own += len(ends) == 1
    assert through > 50 and own > 10


def test_the_laptop_map_takes_at_most_three_a4_pages(laptop_doc):
    _, result = build_pdf(laptop_doc, OPTIONS)
    assert result.map_pages <= 3 and result.smallest_pt >= 6


def test_a_poster_is_one_page_of_the_size_the_map_needs():
    doc = big_map(300)
    data, result = build_pdf(doc, ExportOptions(poster="auto", map_only=True))
    reader = read(data)
    assert len(reader.pages) == result.map_pages == 1 and not result.tiled
    assert result.smallest_pt >= 6
    box = reader.pages[0].mediabox
    size = sorted((round(float(box.width)), round(float(box.height))))
    iso = {name: sorted(round(v) for v in tiling.POSTER_SIZES[name]) for name in tiling.POSTER_SIZES}
    assert size in iso.values() or size[1] > iso["A0"][1]  # larger than A0: cut to the map
    _, a1 = build_pdf(doc, ExportOptions(poster="A1", map_only=True))
    assert sorted(round(v) for v in a1.map_page) == iso["A1"]
    _, custom = build_pdf(doc, ExportOptions(poster="1000x700", map_only=True))
    # a custom size, turned to the map's shape
    assert sorted(round(v) for v in custom.map_page) == [round(700 * tiling.MM),
                                                        round(1000 * tiling.MM)]
    with pytest.raises(ExportError, match="unknown poster size 'B9'"):
        build_pdf(doc, ExportOptions(poster="B9"))


def test_a_larger_page_holds_the_map_on_one_page(laptop_doc):
    _, a4 = build_pdf(laptop_doc, OPTIONS)
    _, a2 = build_pdf(laptop_doc, ExportOptions(page_size="A2", orientation="portrait",
                                                exported="2026-11-22"))
    assert a4.tiled and not a2.tiled and a2.map_pages == 1
    assert a2.smallest_pt >= 6


def test_tiles_cover_the_whole_map():
    from journeymapper.io.pdf.mapdraw import MapFonts, MapPainter
    from journeymapper.io.pdf.report import plan_pages

    doc = big_map(600)
    painter = MapPainter(doc, MapFonts("Helvetica", "Helvetica-Bold"))
    plan = plan_pages(painter, doc, ExportOptions())
    assert plan.tiled
    x, y, w, h = painter.extent
    assert plan.x_cuts[0][0] == x and plan.x_cuts[-1][1] >= x + w
    assert plan.y_cuts[0][0] == y and plan.y_cuts[-1][1] >= y + h
    assert all(a[1] == b[0] for a, b in zip(plan.x_cuts, plan.x_cuts[1:]))
    assert all(a[1] == b[0] for a, b in zip(plan.y_cuts, plan.y_cuts[1:]))
    assert [t.label for t in plan.tiles[:2]] == ["A1", "B1"]


def test_empty_map_exports_a_valid_pdf():
    data, result = build_pdf(JourneyMap("Nothing yet"), OPTIONS)
    reader = read(data)
    assert len(reader.pages) == result.pages >= 2
    assert "This map has no stages yet." in all_text(reader)


def test_scores_table_chart_and_badges(laptop_doc):
    doc = scored(laptop_doc)
    data, result = build_pdf(doc, ExportOptions(page_size="A2", orientation="portrait",
                                                exported="2026-11-22"))
    reader = read(data)
    titles = outline_titles(reader)
    assert "Survey scores" in titles
    text = all_text(reader)
    badge_page = reader.pages[map_page_index(reader)].extract_text()
    assert "CSAT 71%" in badge_page and "n=140" in badge_page
    assert "+9 pts" in badge_page          # change vs 2026-Q2
    assert "n=12*" in badge_page           # low confidence mark
    assert "+9 pts (better)" in text and "-6 pts (worse)" in text
    assert "fewer than 30 valid answers" in text
    assert "CSAT by wave" in text and "NPS by wave" in text
    # 0-10 answers: 9-10 are 60 of 140, 0-6 are 30, the rest passive
    assert "promoters 43%, passives 36%, detractors 21%" in " ".join(text.split())


def test_wave_option_picks_the_badge_wave(laptop_doc):
    doc = scored(laptop_doc)
    data, _ = build_pdf(doc, ExportOptions(page_size="A2", orientation="portrait", wave="2026-Q2"))
    reader = read(data)
    badge_page = reader.pages[map_page_index(reader)].extract_text()
    assert "CSAT 62%" in badge_page and "CSAT 71%" not in badge_page
    with pytest.raises(ExportError, match="unknown wave 'Q9'"):
        build_pdf(doc, ExportOptions(wave="Q9"))


def test_map_only_has_just_the_map(laptop_doc):
    data, result = build_pdf(laptop_doc, ExportOptions(page_size="A2", orientation="portrait",
                                                     map_only=True))
    reader = read(data)
    assert len(reader.pages) == 1
    assert [t for t in outline_titles(reader) if isinstance(t, str)] == ["Journey map"]


def test_failed_export_leaves_the_old_file(tmp_path, laptop_doc, monkeypatch):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old report")
    with pytest.raises(ExportError):
        export_pdf(laptop_doc, target, ExportOptions(font_path=str(tmp_path / "missing.ttf")))
    assert target.read_bytes() == b"old report"

    import journeymapper.io.atomic as atomic

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", broken_fsync)
    with pytest.raises(ExportError, match="No space left"):
        export_pdf(laptop_doc, target, OPTIONS)
    assert target.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_unknown_page_size_is_refused(laptop_doc):
    with pytest.raises(ExportError, match="unknown page size 'B5'"):
        build_pdf(laptop_doc, ExportOptions(page_size="B5"))


def test_a_maximal_unbroken_korean_card_splits_across_table_pages():
    doc = JourneyMap.with_default_lanes("긴 카드")
    stage = doc.add_stage("인식")
    text = "가나다라마바사" * 1400  # 9,800 characters and not one space
    doc.add_card(Kind.PAIN_POINT, stage, doc.lane_for_kind(Kind.PAIN_POINT).id, text)
    data, result = build_pdf(doc, OPTIONS)
    pages = [p.extract_text() for p in read(data).pages]
    assert result.pages == len(pages) > 6
    # printed whole in the pain point table and in the stage details (page
    # headers and footers interrupt it, but every syllable is there, twice)
    assert sum(p.count("가") for p in pages) >= 2 * 1400
    assert max(p.count("가") for p in pages) < 1400  # no page holds it all: it was split


def test_characters_no_font_has_are_reported_not_hidden(monkeypatch, capsys, tmp_path):
    from journeymapper.cli import main
    from journeymapper.io import jmap
    from journeymapper.io.pdf import fonts

    monkeypatch.setattr(fonts, "_font_index", lambda: {})
    doc = JourneyMap.with_default_lanes("Delivery \U0001f69a")
    doc.add_stage("고객")
    path = tmp_path / "emoji.jmap"
    jmap.save(doc, path)
    code = main(["export", str(path), "-o", str(tmp_path / "emoji.pdf")])
    out = capsys.readouterr().out
    assert code == 0
    assert "lacks 1 character: \U0001f69a" in out
    assert "warning: no font found that has every character" in out


def test_stage_link_shapes_follow_the_canvas_rules():
    from journeymapper.layout.geometry import smooth_segments, stage_link_shape

    a, b, e = (150, 0, 224, 76), (374, 0, 224, 76), (1046, 0, 224, 76)
    neighbour = stage_link_shape(a, b, 1, loop=False)
    assert neighbour.straight and not neighbour.loop
    assert neighbour.points[0][0] < 374 < neighbour.points[1][0]
    back = stage_link_shape(e, a, 4, loop=True)
    assert back.loop and not back.straight
    (sx, sy), _, _, (tx, ty) = back.points
    assert a[0] < tx < a[0] + a[2] and ty == 1 and sy == 0
    assert min(p[1] for p in back.points) < -40  # the arc rises above the headers
    segments = smooth_segments([(0, 0), (10, 5), (20, 0)])
    assert len(segments) == 2 and segments[0][0] == (0, 0) and segments[-1][-1] == (20, 0)


@pytest.mark.parametrize("size", ["A4", "A3", "A2", "Letter", "Tabloid"])
@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_every_page_size_and_orientation(laptop_doc, size, orientation):
    from journeymapper.io.pdf import PAGE_SIZES

    data, result = build_pdf(laptop_doc, ExportOptions(page_size=size, orientation=orientation,
                                                       map_only=True))
    reader = read(data)
    box = reader.pages[0].mediabox
    w, h = float(box.width), float(box.height)
    assert sorted((round(w), round(h))) == sorted(round(v) for v in PAGE_SIZES[size])
    assert (w > h) == (orientation == "landscape")
    assert result.smallest_pt >= 6 and len(reader.pages) == result.map_pages


def test_persona_page_holds_every_field(korean_doc):
    data, _ = build_pdf(korean_doc, OPTIONS)
    reader = read(data)
    persona = next(korean_doc.elements(Kind.PERSONA))
    page = reader.get_destination_page_number(reader.outline[5][0])  # Personas > first
    text = flat(reader.pages[page].extract_text())
    for name in ("text", "quote", "role", "segment", "age_group", "goals", "motivations",
                 "frustrations", "behaviours"):
        assert flat(persona.fields[name]) in text, name
