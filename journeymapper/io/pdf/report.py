"""Assembling the stakeholder report: page setup, sections in order, footer
with page numbers, PDF metadata and the bookmark outline.

Everything is built into memory; the caller writes the bytes atomically.
"""

from __future__ import annotations

import datetime as _dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib import pagesizes
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepInFrame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from journeymapper import __version__, collector, words
from journeymapper.i18n import N_, _, format_date
from journeymapper.io.migrations import FORMAT_VERSION
from journeymapper.io.pdf import sections, shapes
from journeymapper.io.pdf.fastcanvas import FastCanvas
from journeymapper.io.pdf.flowables import Anchor, TextBlock
from journeymapper.io.pdf.fonts import REPORTLAB_LOCK, FontChoice, choose_font, covers
from journeymapper.io.pdf.mapdraw import MapFonts, MapPainter
from journeymapper.io.pdf.mappages import EXITS_H, HEADING_H, MapPage, tile_key
from journeymapper.io.pdf.persona import persona_pages
from journeymapper.io.pdf.review_section import review_section
from journeymapper.io.pdf.scoresection import score_section
from journeymapper.io.pdf.scoring import wave_labels
from journeymapper.io.pdf.styles import Styles
from journeymapper.io.pdf.summary import summary_page
from journeymapper.io.pdf.text import ELLIPSIS, measure_with, single_line
from journeymapper.io.pdf.tiling import (
    MAP_TEXT_MIN,
    MapPlan,
    map_shape,
    parse_poster,
    plan_map,
    poster_pages,
)
from journeymapper.io.pdf.votes import vote_section, vote_texts
from journeymapper.layout.badges import stage_badges
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import CARD_KINDS, Kind
from journeymapper.model.errors import ExportError
from journeymapper.words import in_map_language

PAGE_SIZES: dict[str, tuple[float, float]] = {
    "A4": pagesizes.A4, "A3": pagesizes.A3, "A2": pagesizes.A2,
    "Letter": pagesizes.LETTER, "Tabloid": pagesizes.TABLOID,
}
#: "auto": the text pages landscape, the map pages whichever needs fewer pages
ORIENTATIONS = ("auto", "landscape", "portrait")
MARGIN = 36.0
FOOTER_H = 22.0
#: characters the report itself prints around the map's text
REPORT_CHARS = "\u2026\u201c\u201d\u00b7\u00d7\u00f7\u00b1"
MAX_POSTER_SCALE = 1.0

Progress = Callable[[int, int], None]


@dataclass
class ExportOptions:
    """What the user chose in the dialog or on the command line."""

    page_size: str = "A4"
    orientation: str = "auto"
    map_only: bool = False
    #: the whole map on one page: "auto" (the size it needs), "A3".."A0", or "WxH" in mm
    poster: str | None = None
    wave: str | None = None
    font_path: str | None = None
    preferred_font: str | None = None
    format_version: int = FORMAT_VERSION
    exported: str = field(default_factory=lambda: _dt.date.today().isoformat())

    def page(self) -> tuple[float, float]:
        """The page size of the text pages."""
        return self.pages()[0]

    def pages(self) -> list[tuple[float, float]]:
        """The page sizes the map pages may take, in order of preference."""
        size = {k.lower(): v for k, v in PAGE_SIZES.items()}.get(self.page_size.lower())
        if size is None:
            raise ExportError(N_("unknown page size {size!r} (expected one of {sizes})"),
                              size=self.page_size, sizes=", ".join(PAGE_SIZES))
        if self.orientation not in ORIENTATIONS:
            raise ExportError(N_("unknown orientation {orientation!r} (expected {orientations})"),
                              orientation=self.orientation, orientations=" or ".join(ORIENTATIONS))
        short, long = sorted(size)
        if self.orientation == "portrait":
            return [(short, long)]
        if self.orientation == "landscape":
            return [(long, short)]
        return [(long, short), (short, long)]

    def poster_size(self) -> tuple[float, float] | None:
        """The poster's page size asked for (None: the size the map needs)."""
        assert self.poster is not None
        try:
            return parse_poster(self.poster)
        except ValueError:
            raise ExportError(N_("unknown poster size {size!r} (expected auto, A3, A2, A1, A0 "
                                 "or WIDTHxHEIGHT in millimetres, such as 1189x841)"),
                              size=self.poster) from None


@dataclass
class ExportResult:
    pages: int
    font: FontChoice
    map_pages: int
    tiled: bool
    scale: float
    #: the map pages' size in points, and the smallest text on them
    map_page: tuple[float, float] = (0.0, 0.0)
    smallest_pt: float = 0.0


def document_texts(doc: JourneyMap) -> list[str]:
    """Every text the report may print, for choosing a font that covers it."""
    texts = [REPORT_CHARS, str(doc.meta.get("title", "")), str(doc.meta.get("description", "")),
             str(doc.meta.get("version_note", "")), str(doc.meta.get("created", "")),
             *[str(a) for a in doc.meta.get("authors") or []]]
    texts += [lane.name for lane in doc.lanes]
    for element in doc.elements():
        for value in element.fields.values():
            if isinstance(value, str):
                texts.append(value)
            elif isinstance(value, list):
                texts.extend(str(v) for v in value)
    texts += [w.label for w in doc.waves]
    texts += [s.name for s in doc.scores() if s.name]
    with in_map_language(doc):  # the report's own words, in the map's language
        texts += [words.kind_tag(k) for k in Kind] + [words.lane_name(k) for k in CARD_KINDS]
        texts += [_("CUSTOMER JOURNEY MAP"), _("page {number} of").format(number=""),
                  format_date("2026-12-31")]
    return texts + vote_texts(doc)


TOTAL_FORM = "jm-page-total"


def _numbered_canvas(title: str, font: str) -> type[FastCanvas]:
    """A canvas that prints "page N of M" in every footer. M is a form drawn
    on every page and defined once at the end, when the count is known, so
    pages are written as they come (and bookmarks point at the right ones)."""

    measure = measure_with(font, 8)

    class NumberedCanvas(FastCanvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._shown = 0
            self.showOutline()  # viewers open with the bookmarks shown

        def showPage(self) -> None:  # noqa: N802 (reportlab API)
            self._footer()
            self._shown += 1
            super().showPage()

        def save(self) -> None:
            self.beginForm(TOTAL_FORM)
            self.setFont(font, 8)
            self.setFillColor(shapes.colour("#5f6b7a"))
            self.drawString(0, 0, str(self._shown))
            self.endForm()
            super().save()

        def _footer(self) -> None:
            width = self._pagesize[0]
            y = MARGIN - 14
            self.saveState()
            self.setStrokeColor(shapes.colour("#dde1e6"))
            self.setLineWidth(0.5)
            self.line(MARGIN, y + 11, width - MARGIN, y + 11)
            self.setFont(font, 8)
            self.setFillColor(shapes.colour("#5f6b7a"))
            total_x = width - MARGIN - measure("0000")
            page = _("page {number} of").format(number=self.getPageNumber()) + " "
            self.drawRightString(total_x, y, page)
            room = total_x - measure(page) - MARGIN - 20
            self.drawString(MARGIN, y, single_line(title, room, measure))
            self.translate(total_x, y)
            self.doForm(TOTAL_FORM)
            self.restoreState()

    return NumberedCanvas


class _ReportTemplate(BaseDocTemplate):
    """A one-frame document that reports progress after each flowable."""

    def __init__(self, *args, progress: Progress | None = None, total: int = 0, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._progress = progress
        self._total = max(1, total)
        self._done = 0

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab API)
        self._done += 1
        if self._progress is not None:
            self._progress(min(self._done, self._total), self._total)


def map_flowables(doc: JourneyMap, painter: MapPainter, plan: MapPlan, fonts: FontChoice,
                  ) -> list[Flowable]:
    """The map pages: the whole map, or an overview (when the tiles need one)
    and the tiles; bookmarks for the map, each stage and each tile."""
    stage_keys = {s: f"stage-{s}" for s in doc.stage_order}
    entries = [(doc.element(s).text or words.kind_label(Kind.STAGE), key, 1)
               for s, key in stage_keys.items()]
    if plan.tiled:
        entries += [(_("Tile {tile}").format(tile=t.label), tile_key(t), 1) for t in plan.tiles]
    pair = (fonts.regular, fonts.bold)
    title = _("Journey map: {title}").format(title=doc.title) if doc.title else _("Journey map")
    out: list[Flowable] = [Anchor("map", [(_("Journey map"), "map", 0), *entries])]
    if not doc.stage_order:
        out.append(TextBlock(_("This map has no stages yet."), Styles(*pair).note))
    if not plan.tiled:
        return out + [MapPage(painter, plan, plan.tiles[0], title, pair, stage_keys)]
    if plan.overview:
        out += [MapPage(painter, plan, None, title, pair, {}), PageBreak()]
    for i, tile in enumerate(plan.tiles):
        out.append(MapPage(painter, plan, tile, title, pair, stage_keys))
        if i < len(plan.tiles) - 1:
            out.append(PageBreak())
    return out


def frame_of(page: tuple[float, float]) -> tuple[float, float]:
    """The text frame of a page: its size less the margins and the footer."""
    return page[0] - 2 * MARGIN, page[1] - 2 * MARGIN - FOOTER_H + 10


def plan_pages(painter: MapPainter, doc: JourneyMap, options: ExportOptions) -> MapPlan:
    """How the map goes on pages: tiles on the fewest pages of the allowed
    orientations, or one poster page."""
    lanes = [(lane.id, lane.kind) for lane in doc.lanes
             if painter.layout.lanes[lane.id][3] > 0]
    strip = [e.id for lane in doc.lanes for e in doc.cell(None, lane.id)]
    shape = map_shape(painter.layout, doc.stage_order, lanes, painter.extent, strip)

    def areas(pages: list[tuple[float, float]], reserve: float):
        return [(page, (frame_of(page)[0], frame_of(page)[1] - HEADING_H - 2 - reserve))
                for page in pages]

    if options.poster is not None:
        chrome = (2 * MARGIN, 2 * MARGIN + FOOTER_H - 10 + HEADING_H + 2)
        pages = poster_pages(painter.extent, options.poster_size(), chrome)
        best = None
        for page, (area_w, area_h) in areas(pages, 0.0):
            _x, _y, w, h = painter.extent
            scale = min(MAX_POSTER_SCALE, area_w / max(w, 1.0), area_h / max(h, 1.0))
            if best is None or scale > best[1]:
                best = (page, scale)
        assert best is not None
        plan = plan_map(shape, areas([best[0]], 0.0), one_page=best[1])
        return plan
    pages = options.pages()
    plan = plan_map(shape, areas(pages, 0.0))
    if plan.tiled:  # tiles list where their links go under the map
        plan = plan_map(shape, areas(pages, EXITS_H))
    return plan


def build_pdf(doc: JourneyMap, options: ExportOptions | None = None,
              progress: Progress | None = None) -> tuple[bytes, ExportResult]:
    """The report as PDF bytes, and what went into it. Raises ExportError on bad
    options. Safe to call from worker threads (builds run one at a time)."""
    with REPORTLAB_LOCK, in_map_language(doc), collector.paused():  # in the map's language
        return _build(doc, options or ExportOptions(), progress)


def _build(doc: JourneyMap, options: ExportOptions,
           progress: Progress | None) -> tuple[bytes, ExportResult]:
    text_page = options.page()
    waves = wave_labels(doc, options.wave)
    font = choose_font(document_texts(doc), options.font_path, options.preferred_font)
    mark = ELLIPSIS if ELLIPSIS not in font.missing else "..."
    st = Styles(font.regular, font.bold)
    arrows = ("\u2192", "\u2190") if covers(font, "\u2192") and covers(font, "\u2190") \
        else ("->", "<-")
    painter = MapPainter(doc, MapFonts(font.regular, font.bold, mark, arrows),
                         stage_badges(doc, waves=waves, limit=4))
    plan = plan_pages(painter, doc, options)
    frame_w = frame_of(text_page)[0]
    story: list[Flowable] = []
    if not options.map_only:
        arrow = arrows[0] if arrows[0] != "->" else ">"
        facts = sections.CoverFacts(options.format_version, options.exported, font.name, arrow,
                                    options.wave)
        # the cover is one page: a long title or many stages make it smaller, never two
        # pages (its bookmark stays outside, where the document template sees it)
        anchor, *cover = sections.cover(doc, facts, st, frame_w)
        story += [anchor, KeepInFrame(frame_w, frame_of(text_page)[1] - 12, cover,
                                      mode="shrink")]
        story += [PageBreak(), *summary_page(doc, waves, st, frame_w)]
        story += [NextPageTemplate("map"), PageBreak()]
    story += map_flowables(doc, painter, plan, font)
    if not options.map_only:
        story += [NextPageTemplate("text")]
        story += persona_pages(doc, st, frame_w)
        scores = score_section(doc, waves, st, frame_w)
        if scores:
            story += [PageBreak(), *sections.heading(_("Survey scores"), "scores", st), *scores]
        story += review_section(doc, st, frame_w, options.exported)
        story += sections.pain_section(doc, st, frame_w)
        story += sections.opportunity_section(doc, st, frame_w)
        story += vote_section(doc, st, frame_w)
        story += sections.stage_details(doc, st, frame_w)
    buffer = io.BytesIO()
    authors = ", ".join(doc.meta.get("authors") or [])
    template = _ReportTemplate(
        buffer, pagesize=text_page, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN, bottomMargin=MARGIN + FOOTER_H - 10,
        title=doc.title, author=authors, subject=_subject(doc),
        creator=f"journeymapper {__version__}", keywords=_("customer journey map"),
        progress=progress, total=len(story), initialFontName=font.regular,
    )
    templates = [_page_template("text", text_page), _page_template("map", plan.page)]
    if options.map_only:
        templates.reverse()
    template.addPageTemplates(templates)
    try:
        template.build(story, canvasmaker=_numbered_canvas(doc.title, font.regular))
    except ExportError:
        raise
    except Exception as exc:  # reportlab layout failures carry long internal dumps
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ExportError(N_("could not lay out the report: {reason}"),
                          reason=first[:200]) from exc
    map_pages = len(plan.tiles) + (1 if plan.overview else 0)
    result = ExportResult(template.page, font, map_pages, plan.tiled, plan.scale, plan.page,
                          plan.scale * MAP_TEXT_MIN)
    return buffer.getvalue(), result


def _page_template(name: str, page: tuple[float, float]) -> PageTemplate:
    frame_w, frame_h = frame_of(page)
    frame = Frame(MARGIN, MARGIN + FOOTER_H - 10, frame_w, frame_h, id=f"{name}-body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    return PageTemplate(id=name, frames=[frame], pagesize=page)


def _subject(doc: JourneyMap) -> str:
    description = " ".join(str(doc.meta.get("description", "")).split())
    if description:
        return description[:300]
    return _("Customer journey map: {stages}").format(stages=" > ".join(doc.stage_names()))
