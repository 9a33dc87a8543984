"""Drawing a journey map as vector graphics on a reportlab canvas.

Geometry comes from :func:`journeymapper.layout.layout_map` and colours and
markers from :mod:`journeymapper.layout.palette`, so the PDF looks like the
canvas. The painter draws any window of the map (a tile or the whole) at a
scale, skipping what lies outside the window, and leaves text out when it
would be too small to read (the overview of a tiled map).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from journeymapper import words
from journeymapper.i18n import _, format_date
from journeymapper.io.pdf import shapes
from journeymapper.io.pdf.fastcanvas import FastCanvas
from journeymapper.io.pdf.linkdraw import LinkDrawing
from journeymapper.io.pdf.spatial import GridIndex
from journeymapper.io.pdf.text import Measure, fit_lines, measure_with, single_line, wrap
from journeymapper.layout import geometry as g
from journeymapper.layout.badges import Reading, delta_text
from journeymapper.layout.geometry import (
    MapLayout,
    Rect,
    StageLinkShape,
    empty_persona_lanes,
    layout_map,
    smooth_segments,
    stage_link_shape,
)
from journeymapper.layout.palette import KIND_STYLE, palette, persona_initials, readable_on
from journeymapper.layout.routepoints import Key
from journeymapper.layout.routing import route_map
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Element, Kind
from journeymapper.model.links import LinkKind

MIN_TEXT_PT = 2.5         # below this printed size text is left out (overview only)
#: the overview leaves the card links out below this scale (points per map
#: unit): an arrowhead would print under a third of a point, and thousands of
#: links a grey smear over the blocks (and megabytes of drawing on one page)
MIN_LINK_SCALE = 0.05
CARD_PAD = 10.0
TAG_BASELINE = 17.0
BODY_LEADING = 13.5
SMALL = g.SMALL_FONT_PT   # tags, details, footers, badges: the smallest map text
EMOTION_RADIUS = 9.0


@dataclass
class MapFonts:
    regular: str
    bold: str
    mark: str = "\u2026"
    #: out and in, as the font can print them
    arrows: tuple[str, str] = ("->", "<-")


def _frame_fields(element: Element) -> object:
    """What a card's frame shows of its fields (see MapPainter._card_frame)."""
    f = element.fields
    kind = element.kind
    if kind is Kind.PAIN_POINT:
        return f.get("severity", 3)
    if kind is Kind.TOUCHPOINT:
        return f.get("channel", "")
    if kind is Kind.OPPORTUNITY:
        return f.get("status", "")
    if kind is Kind.NOTE:
        return f.get("colour", ""), f.get("author", "")
    return None


class MapPainter:
    """Draws ``doc`` (laid out once) onto canvases; ``badges`` are the score
    readings shown on each stage header."""

    def __init__(self, doc: JourneyMap, fonts: MapFonts,
                 badges: dict[str, list[Reading]] | None = None) -> None:
        self.doc = doc
        self.fonts = fonts
        self.badges = badges or {}
        self.layout: MapLayout = layout_map(doc, empty_persona_lanes(doc))
        self.colours = palette(False)
        self.stage_links = self._stage_link_shapes()
        arcs = any(not shape.straight for shape in self.stage_links)
        top = g.ARC_ROOM if arcs and self.layout.strip is None else 0.0
        #: the drawn area in map units: (x, y, width, height); y may start above 0
        self.extent: Rect = (0.0, -top, self.layout.width, self.layout.height + top)
        self.window: Rect = self.extent
        self.scale = 1.0
        self.schematic = False
        #: what the map pages work out once per plan (see mappages.tile_links)
        self.cache: dict[int, object] = {}
        self._cards: GridIndex[Element] = GridIndex()
        for element in doc.elements():
            rect = self.layout.cards.get(element.id)
            if rect is not None:
                self._cards.insert(rect, element)
        self.router = route_map(doc, self.layout)
        self.links = LinkDrawing(self.router)
        self._curve = self._index_curve()

    def _stage_link_shapes(self) -> list[StageLinkShape]:
        """Leads-to links between stage headers, shaped as the canvas shapes them."""
        headers = self.layout.stage_headers
        order = {stage: i for i, stage in enumerate(self.doc.stage_order)}
        out = []
        for link in self.doc.links(LinkKind.LEADS_TO):
            s, t = order[link.source], order[link.target]
            out.append(stage_link_shape(headers[link.source], headers[link.target], abs(s - t),
                                        t <= s))
        return out

    def _index_curve(self) -> GridIndex[tuple[tuple[float, float], ...]]:
        """The emotion curve of each emotion lane as Bezier segments."""
        by_lane: dict[str, list[tuple[float, float]]] = {}
        for element_id, point in self.layout.emotion_points.items():
            placement = self.doc.element(element_id).placement
            if placement is not None:
                by_lane.setdefault(placement.lane, []).append(point)
        index: GridIndex[tuple[tuple[float, float], ...]] = GridIndex()
        for points in by_lane.values():
            for segment in smooth_segments(sorted(points)):
                xs, ys = [p[0] for p in segment], [p[1] for p in segment]
                index.insert((min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)), segment)
        return index

    # ------------------------------------------------------------ helpers
    def end_rect(self, element_id: str) -> Rect | None:
        """Where a link end is drawn: its card, or its stage's header."""
        rect = self.layout.cards.get(element_id)
        return rect if rect is not None else self.layout.stage_headers.get(element_id)

    def end_text(self, element_id: str, limit: int = 40) -> str:
        """A link end's text, short (for a tile's list of where links go)."""
        text = " ".join(self.doc.element(element_id).text.split())
        return text if len(text) <= limit else text[:limit - 1].rstrip() + self.fonts.mark

    def measure(self, bold: bool, size: float) -> Measure:
        return measure_with(self.fonts.bold if bold else self.fonts.regular, size)

    def visible(self, rect: Rect, margin: float = 4.0) -> bool:
        x, y, w, h = rect
        wx, wy, ww, wh = self.window
        return not (x + w < wx - margin or x > wx + ww + margin
                    or y + h < wy - margin or y > wy + wh + margin)

    def text_ok(self, size: float) -> bool:
        return not self.schematic and size * self.scale >= MIN_TEXT_PT

    def _text(self, c: Canvas, x: float, baseline: float, text: str, size: float,
              fill: str, bold: bool = False, align: str = "left") -> None:
        c.setFont(self.fonts.bold if bold else self.fonts.regular, size)
        c.setFillColor(shapes.colour(fill))
        if align == "center":
            c.drawCentredString(x, -baseline, text)
        elif align == "right":
            c.drawRightString(x, -baseline, text)
        else:
            c.drawString(x, -baseline, text)

    def _box(self, c: Canvas, rect: Rect, fill: str, stroke: str | None = None,
             radius: float = 0.0, width: float = 1.0) -> None:
        x, y, w, h = rect
        c.setFillColor(shapes.colour(fill))
        if stroke:
            c.setStrokeColor(shapes.colour(stroke))
            c.setLineWidth(width)
        if radius:
            shapes.draw_ops(c, shapes.round_rect_ops(x, -(y + h), w, h, radius), stroke=stroke)
        else:
            c.rect(x, -(y + h), w, h, stroke=1 if stroke else 0, fill=1)

    # ------------------------------------------------------------ entry point
    def draw(self, c: Canvas, window: Rect, scale: float, left: float, top: float,
             schematic: bool = False, links: bool = True,
             link_keys: Iterable[Key] | None = None) -> None:
        """Draw the map area ``window`` (map units) with its top-left at PDF point
        (left, top), ``scale`` points per map unit, clipped to the window;
        ``schematic`` leaves every text out (the overview), and the card links
        too below MIN_LINK_SCALE; ``links=False`` every link (the headers and
        lane names a tile repeats); ``link_keys``: only those card links (a
        tile's own), else every one on the window."""
        self.window, self.scale, self.schematic = window, scale, schematic
        card_links = links and not (schematic and scale < MIN_LINK_SCALE)
        wx, wy, ww, wh = window
        c.saveState()
        clip = c.beginPath()
        clip.rect(left, top - wh * scale, ww * scale, wh * scale)
        c.clipPath(clip, stroke=0, fill=0)
        c.translate(left, top)
        c.scale(scale, scale)
        c.translate(-wx, wy)
        self._box(c, self.extent, self.colours["background"])
        self.draw_grid(c)
        self.draw_headers(c)
        self.draw_emotion_curve(c)
        if card_links:
            self.links.draw(c, window, link_keys)
        self.draw_cards(c)
        if links:
            self.draw_stage_links(c)
        c.restoreState()

    # ------------------------------------------------------------ grid
    def draw_grid(self, c: Canvas) -> None:
        lay, col = self.layout, self.colours
        if lay.strip is not None and self.visible(lay.strip):
            self._box(c, lay.strip, "#eef0f4")
            if self.text_ok(g.LANE_FONT_PT):
                self._text(c, g.PAD, g.PAD + 16, _("Personas"), g.LANE_FONT_PT, col["muted"], True)
        top_of_window = self.window[1]
        for i, lane in enumerate(self.doc.lanes):
            band = lay.lanes[lane.id]
            if band[3] <= 0 or not self.visible(band):
                continue
            self._box(c, band, col["lane_band"] if i % 2 == 0 else col["lane_band_alt"])
            header = lay.lane_headers[lane.id]
            self._box(c, header, col["lane_header"])
            hx, hy, hw, hh = header
            style = KIND_STYLE[lane.kind]
            shown = min(hy + hh, self.window[1] + self.window[3]) - max(hy, self.window[1])
            if self.text_ok(g.LANE_FONT_PT) and shown >= 28:
                # the name sits at the top of what this window shows of the lane
                lines, _cut = fit_lines(lane.name, hw - 38, 3, self.measure(True, g.LANE_FONT_PT),
                                        self.fonts.mark)
                top = max(hy, min(top_of_window + 2, hy + hh - 24 - 15 * (len(lines) - 1)))
                shapes.marker(c, style.marker, hx + 16, -(top + 20), 10, style.border)
                for n, line in enumerate(lines):
                    self._text(c, hx + 28, top + 24 + n * 15, line, g.LANE_FONT_PT, col["text"],
                               True)
            if lane.kind is Kind.EMOTION and self.doc.stage_order:
                mid = hy + hh / 2
                c.setStrokeColor(shapes.colour(col["grid"]))
                c.setLineWidth(1)
                c.setDash(4, 4)
                c.line(g.LANE_HEADER_W, -mid, lay.width, -mid)
                c.setDash()
        c.setStrokeColor(shapes.colour(col["grid"]))
        c.setLineWidth(1)
        top = lay.header_y
        for x, y, w, h in lay.columns.values():
            if self.visible((x, y, w, h)):
                c.line(x + w, -y, x + w, -(y + h))
        for x, y, w, h in lay.lanes.values():
            if h > 0 and self.visible((x, y, w, h)):
                c.line(0, -(y + h), w, -(y + h))
        if lay.lanes:
            c.line(g.LANE_HEADER_W, -top, g.LANE_HEADER_W, -lay.height)

    # ------------------------------------------------------------ stage headers
    def draw_headers(self, c: Canvas) -> None:
        col = self.colours
        for stage in self.doc.stages():
            rect = self.layout.stage_headers[stage.id]
            if not self.visible(rect):
                continue
            x, y, w, h = rect
            self._box(c, (x + 2, y + 2, w - 4, h - 4), col["stage_header"], radius=4)
            if not self.text_ok(SMALL):
                continue
            readings = self.badges.get(stage.id, [])
            name_lines = 1 if readings else 2
            lines, _cut = fit_lines(stage.text, w - 2 * CARD_PAD, name_lines,
                                 self.measure(True, g.HEADER_FONT_PT), self.fonts.mark)
            for n, line in enumerate(lines):
                self._text(c, x + CARD_PAD, y + 22 + n * 18, line, g.HEADER_FONT_PT,
                           col["stage_text"], True)
            if readings:
                self.draw_badges(c, rect, readings)
            else:
                sub = stage.fields.get("goal") or stage.fields.get("description") or ""
                if sub and len(lines) < 2:
                    text = single_line(sub, w - 2 * CARD_PAD, self.measure(False, SMALL),
                                       self.fonts.mark)
                    self._text(c, x + CARD_PAD, y + 42, text, SMALL, "#cfd8dc")

    def draw_badges(self, c: Canvas, header: Rect, readings: list[Reading]) -> None:
        """One badge per metric: value, change and n, in the score's colour with
        text that keeps WCAG AA contrast on it; the arrow points up when the
        score got better (by the metric's own direction), as on the canvas."""
        x, y, w, h = header
        gap = 5.0
        count = len(readings)
        bw = (w - 2 * CARD_PAD - gap * (count - 1)) / count
        bh = 36.0
        by = y + h - bh - 7
        for i, reading in enumerate(readings):
            score = reading.score
            bx = x + CARD_PAD + i * (bw + gap)
            ink = readable_on(reading.colour)
            self._box(c, (bx, by, bw, bh), reading.colour, radius=3)
            if reading.low:
                c.setDash(2, 1.5)
                c.setStrokeColor(shapes.colour(ink))
                c.setLineWidth(1.2)
                c.roundRect(bx + 1.5, -(by + bh - 1.5), bw - 3, bh - 3, 2, stroke=1, fill=0)
                c.setDash()
            head = single_line(f"{reading.label} {reading.value}", bw - 6,
                               self.measure(True, SMALL), self.fonts.mark)
            self._text(c, bx + 4, by + 14, head, SMALL, ink, True)
            n_text = f"n={reading.n}" + ("*" if reading.low else "")
            delta = reading.delta
            sub_x = bx + 4
            if delta is not None and delta != 0:
                if reading.trend:
                    shapes.trend_arrow(c, bx + 7, -(by + 26.5), 6.5, reading.trend > 0, ink)
                    sub_x = bx + 13
                n_text = f"{delta_text(score, delta)} {n_text}"
            n_text = single_line(n_text, bx + bw - sub_x - 3, self.measure(False, SMALL),
                                 self.fonts.mark)
            self._text(c, sub_x, by + 30, n_text, SMALL, ink)

    # ------------------------------------------------------------ emotion curve
    def draw_emotion_curve(self, c: Canvas) -> None:
        segments = self._curve.query(self.window)
        if not segments:
            return
        path = c.beginPath()
        last = None
        for p1, c1, c2, p2 in segments:
            if p1 != last:
                path.moveTo(p1[0], -p1[1])
            path.curveTo(c1[0], -c1[1], c2[0], -c2[1], p2[0], -p2[1])
            last = p2
        c.saveState()
        clip = c.beginPath()  # the curve stays inside the emotion lanes' cards area
        for lane in self.doc.lanes:
            if lane.kind is Kind.EMOTION:
                x, y, w, h = self.layout.lanes[lane.id]
                clip.rect(g.LANE_HEADER_W, -(y + h - g.PAD / 2), w, h - g.PAD)
        c.clipPath(clip, stroke=0, fill=0)
        c.setStrokeColor(shapes.colour(self.colours["curve"]))
        c.setLineWidth(2.5)
        c.setLineJoin(1)
        c.setLineCap(1)
        c.drawPath(path, stroke=1, fill=0)
        c.restoreState()

    # ------------------------------------------------------------ links
    def draw_stage_links(self, c: Canvas) -> None:
        """Arrows between neighbouring headers, arcs above them otherwise;
        loops back are dashed in the loop colour (as on the canvas)."""
        for shape in self.stage_links:
            xs = [p[0] for p in shape.points]
            ys = [p[1] for p in shape.points]
            if not self.visible((min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)):
                continue
            colour = self.colours["loop" if shape.loop else "link"]
            pts = [(x, -y) for x, y in shape.points]
            if shape.straight:
                c.setStrokeColor(shapes.colour(colour))
                c.setLineWidth(2.6)
                c.line(*pts[0], *pts[1])
                tip_size = 9.0
            else:
                for width, stroke in ((5.0, self.colours["lane_band"]), (2.6, colour)):
                    c.setStrokeColor(shapes.colour(stroke))
                    c.setLineWidth(width)
                    if shape.loop and stroke == colour:
                        c.setDash(5, 3)
                    c.bezier(*pts[0], *pts[1], *pts[2], *pts[3])
                    c.setDash()
                tip_size = 10.0
            tip = pts[-1]
            dx, dy = shape.direction
            shapes.arrowhead(c, tip[0] - dx, tip[1] + dy, tip[0], tip[1], tip_size, colour)

    # ------------------------------------------------------------ cards
    def draw_cards(self, c: Canvas) -> None:
        cards = self.layout.cards
        emotion_points = self.layout.emotion_points
        if self.schematic:
            self._draw_blocks(c)
            return
        # a card must reach into the window, not only touch it: the windows of
        # neighbouring tiles share a gutter, and a card drawn there is clipped away
        for element in self._cards.query(self.window, margin=-1.0):
            rect = cards[element.id]
            if element.id in emotion_points:
                self.draw_emotion(c, element, rect)
            elif element.kind is Kind.PERSONA and element.placement and element.placement.stage is None:
                self.draw_persona(c, element, rect)
            else:
                self.draw_card(c, element, rect)

    def _draw_blocks(self, c: Canvas) -> None:
        """Every card of the window as a block in its kind's colours, one path a
        kind (the overview: no text, and a few drawing calls for thousands of cards)."""
        cards = self.layout.cards
        by_kind: dict[Kind, list[Rect]] = {}
        for element in self._cards.query(self.window, margin=-1.0):
            by_kind.setdefault(element.kind, []).append(cards[element.id])
        for kind, rects in by_kind.items():
            style = KIND_STYLE[kind]
            path = c.beginPath()
            for x, y, w, h in rects:
                path.rect(x, -(y + h), w, h)
            c.setFillColor(shapes.colour(style.fill))
            c.setStrokeColor(shapes.colour(style.border))
            c.setLineWidth(1.0)
            c.drawPath(path, stroke=1, fill=1)

    def draw_card(self, c: FastCanvas, element: Element, rect: Rect) -> None:
        """A card: its frame, marker, tag and detail (the same for every card
        of a kind, size and detail: one stamp), then its text and footer."""
        x, y, w, h = rect
        show_text = self.text_ok(SMALL)
        frame = c.stamp(("card", element.kind, w, h, show_text, _frame_fields(element)),
                        lambda: self._card_frame(c, element, w, h, show_text))
        c.place(frame, x, -y)
        if not show_text:
            return
        col = self.colours
        footer = self._footer(element)
        room = h - TAG_BASELINE - 8 - (12 if footer else 0)
        max_lines = max(1, int(room // BODY_LEADING))
        lines, _cut = fit_lines(element.text, w - 2 * CARD_PAD - 2, max_lines,
                                self.measure(False, g.CARD_FONT_PT), self.fonts.mark)
        for n, line in enumerate(lines):
            self._text(c, x + CARD_PAD + 2, y + TAG_BASELINE + 15 + n * BODY_LEADING, line,
                       g.CARD_FONT_PT, col["text"])
        if footer:
            text = single_line(footer, w - 2 * CARD_PAD - 2, self.measure(False, SMALL),
                               self.fonts.mark)
            self._text(c, x + CARD_PAD + 2, y + h - 7, text, SMALL, col["muted"])

    def _card_frame(self, c: Canvas, element: Element, w: float, h: float,
                    show_text: bool) -> None:
        """A card's box, side bar, kind marker, tag and detail (channel, status,
        severity dots or author), at the origin."""
        style = KIND_STYLE[element.kind]
        f = element.fields
        fill = f.get("colour", style.fill) if element.kind is Kind.NOTE else style.fill
        self._box(c, (0.0, 0.0, w, h), fill, style.border, radius=5, width=1.0)
        c.setFillColor(shapes.colour(style.border))
        c.rect(0.5, -(h - 5), 3.5, h - 10, stroke=0, fill=1)
        if not show_text:
            return
        shapes.marker(c, style.marker, CARD_PAD + 5, -(TAG_BASELINE - 3), 9, style.accent)
        detail_left = w - CARD_PAD
        if element.kind is Kind.PAIN_POINT:
            detail_left = shapes.severity_dots(c, w - CARD_PAD, -(TAG_BASELINE - 3),
                                               int(f.get("severity", 3)), 5.0, style.border,
                                               "#f3c1c1") - 4
        else:
            detail = {Kind.TOUCHPOINT: words.channel_label(str(f.get("channel", ""))),
                      Kind.OPPORTUNITY: words.status_label(str(f.get("status", ""))),
                      Kind.NOTE: f.get("author", "")}.get(element.kind, "")
            if detail:
                detail = single_line(detail, w * 0.4, self.measure(False, SMALL),
                                     self.fonts.mark)
                self._text(c, w - CARD_PAD, TAG_BASELINE, detail, SMALL,
                           self.colours["muted"], align="right")
                detail_left -= self.measure(False, SMALL)(detail) + 4
        tag = single_line(words.kind_tag(element.kind), detail_left - (CARD_PAD + 14),
                          self.measure(True, SMALL), self.fonts.mark)
        self._text(c, CARD_PAD + 14, TAG_BASELINE, tag, SMALL, style.accent, True)

    def _footer(self, element: Element) -> str:
        f = element.fields
        if element.kind is Kind.OPPORTUNITY:
            parts = [f.get("owner", ""),
                     _("due {date}").format(date=format_date(f["due"])) if f.get("due") else "",
                     words.votes(int(f.get("votes", 0))) if f.get("votes") else ""]
            return " \u00b7 ".join(p for p in parts if p)
        if element.kind is Kind.TOUCHPOINT:
            return f.get("owner", "")
        if element.kind is Kind.GOAL:
            return f.get("metric", "")
        return ""

    def draw_emotion(self, c: Canvas, element: Element, rect: Rect) -> None:
        """A chip with a fixed corner radius (narrow chips stay chips), its score
        and its label: one line when it fits, else the score above the label
        wrapped on two lines, so both show however many share a stage."""
        style = KIND_STYLE[Kind.EMOTION]
        x, y, w, h = rect
        self._box(c, rect, style.fill, style.border, radius=min(EMOTION_RADIUS, w / 3, h / 3),
                  width=1.2)
        score = int(element.fields.get("score", 0))
        _px, py = self.layout.emotion_points[element.id]
        if not self.text_ok(SMALL):
            shapes.marker(c, "dot", x + w / 2, -py, 7, style.border)
            return
        text = " ".join(element.text.split())
        size = SMALL
        regular, bold = self.measure(False, size), self.measure(True, size)
        score_text = f"{score:+d}"
        one_line = f"{score_text} {text}".strip()
        ink = self.colours["text"]
        if w >= 60 and bold(score_text) + regular(f" {text}") + 26 <= w:
            shapes.marker(c, "dot", x + 12, -py, 8, style.border)
            self._text(c, x + 20, py + 3.5, single_line(one_line, w - 24, regular, self.fonts.mark),
                       size, ink)
            return
        room = w - 6
        lines = wrap(text, room, regular) if text else []
        shown = lines[:2]
        if len(lines) > 2:
            shown[-1] = single_line(" ".join(lines[1:]), room, regular, self.fonts.mark)
        block = size * 1.1 * (1 + len(shown))
        top = y + (h - block) / 2 + size
        self._text(c, x + w / 2, top, score_text, size, style.accent, True, "center")
        for n, line in enumerate(shown):
            self._text(c, x + w / 2, top + size * 1.1 * (n + 1), line, size, ink, align="center")

    def draw_persona(self, c: Canvas, element: Element, rect: Rect) -> None:
        style = KIND_STYLE[Kind.PERSONA]
        col = self.colours
        x, y, w, h = rect
        self._box(c, rect, style.fill, style.border, radius=6, width=1.2)
        c.setFillColor(shapes.colour(style.border))
        c.circle(x + 32, -(y + 34), 21, stroke=0, fill=1)
        if not self.text_ok(SMALL):
            return
        f = element.fields
        initials = persona_initials(f)
        self._text(c, x + 32, y + 39, initials or "?", 13.0, "#ffffff", True, "center")
        left = x + 62
        width = w - (left - x) - CARD_PAD
        self._text(c, left, y + 24, single_line(element.text or words.kind_label(Kind.PERSONA),
                                                width,
                   self.measure(True, 13.0), self.fonts.mark), 13.0, col["text"], True)
        info = " \u00b7 ".join(v for v in (f.get("role"), f.get("segment"), f.get("age_group")) if v)
        if info:
            self._text(c, left, y + 39, single_line(info, width, self.measure(False, SMALL),
                       self.fonts.mark), SMALL, col["muted"])
        quote = f.get("quote", "")
        if quote:
            lines, _cut = fit_lines(f"\u201c{quote}\u201d", w - 2 * CARD_PAD, 3,
                                 self.measure(False, SMALL), self.fonts.mark)
            for n, line in enumerate(lines):
                self._text(c, x + CARD_PAD, y + 64 + n * 11.5, line, SMALL, style.accent)
