"""Platypus flowables of the report: wrapped text without markup, bookmarks,
and the map (a whole page, an overview with its tile grid, or one tile).

User text is never parsed as markup: TextBlock wraps and draws plain
strings, so ``<b>`` or ``&amp;`` in a card print as typed.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from journeymapper.i18n import _, format_number, ngettext
from journeymapper.io.pdf import shapes
from journeymapper.io.pdf.mapdraw import MapPainter
from journeymapper.io.pdf.text import measure_with, single_line, wrap
from journeymapper.io.pdf.tiling import MapPlan, Tile, column_label


@dataclass(frozen=True)
class TextStyle:
    font: str
    size: float
    colour: str = "#1f2328"
    leading: float = 0.0
    align: str = "left"

    @property
    def line_height(self) -> float:
        return self.leading or self.size * 1.28


class TextBlock(Flowable):
    """Plain text wrapped to the available width (see text.wrap); splits between lines."""

    def __init__(self, text: str, style: TextStyle, lines: list[str] | None = None) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.lines = lines
        self._fixed = lines is not None
        self._wrapped_at = -1.0
        self.width = 0.0
        self.height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if not self._fixed and avail_width != self._wrapped_at:
            self.lines = wrap(self.text, max(avail_width - 0.5, 4.0),
                              measure_with(self.style.font, self.style.size))
            self._wrapped_at = avail_width
        assert self.lines is not None
        self.width = avail_width
        self.height = len(self.lines) * self.style.line_height
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        assert self.lines is not None
        fit = int(avail_height // self.style.line_height)
        if fit < 1 or fit >= len(self.lines):
            return []
        return [TextBlock(self.text, self.style, self.lines[:fit]),
                TextBlock(self.text, self.style, self.lines[fit:])]

    def draw(self) -> None:
        c: Canvas = self.canv
        s = self.style
        c.setFont(s.font, s.size)
        c.setFillColor(shapes.colour(s.colour))
        lead = s.line_height
        for i, line in enumerate(self.lines or []):
            y = self.height - (i + 1) * lead + (lead - s.size) / 2 + s.size * 0.2
            if s.align == "center":
                c.drawCentredString(self.width / 2, y, line)
            elif s.align == "right":
                c.drawRightString(self.width, y, line)
            else:
                c.drawString(0, y, line)


class Anchor(Flowable):
    """An invisible mark: a bookmark key and, optionally, outline entries.

    ``entries`` are (title, key, level); keys may be bookmarked later on."""

    def __init__(self, key: str, entries: list[tuple[str, str, int]] | None = None) -> None:
        super().__init__()
        self.key = key
        self.entries = entries or []
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key, fit="XYZ", left=0, top=self.canv._pagesize[1])
        for title, key, level in self.entries:
            self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)


HEADING_H = 30.0


class MapFlowable(Flowable):
    """A map page: a heading line, then the map (or one tile, or the overview)
    drawn as vectors to fill the frame; places the stage bookmarks it holds."""

    def __init__(self, painter: MapPainter, plan: MapPlan, tile: Tile | None,
                 heading: str, fonts: tuple[str, str], stage_keys: dict[str, str]) -> None:
        super().__init__()
        self.painter = painter
        self.plan = plan
        self.tile = tile
        self.heading = heading
        self.fonts = fonts
        self.stage_keys = stage_keys
        self.width = self.height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, avail_height - 1
        return self.width, self.height

    def draw(self) -> None:
        c: Canvas = self.canv
        regular, bold = self.fonts
        area_w, area_h = self.width, self.height - HEADING_H
        c.setFont(bold, 13)
        c.setFillColor(shapes.colour("#1f2328"))
        title = single_line(self.heading, area_w * 0.6, measure_with(bold, 13))
        c.drawString(0, self.height - 15, title)
        c.setFont(regular, 8.5)
        c.setFillColor(shapes.colour("#5f6b7a"))
        c.drawRightString(area_w, self.height - 15, self._subheading())
        if self.tile is None and self.plan.tiled:
            self._overview(c, area_w, area_h)
        else:
            tile = self.tile or self.plan.tiles[0]
            left = 0.0
            if not self.plan.tiled:  # centre a one-page map across the page
                left = max(0.0, (area_w - tile.window[2] * self.plan.scale) / 2)
            self.painter.draw(c, tile.window, self.plan.scale, left, area_h)
            self._bookmark_stages(c, tile, left, area_h, self.plan.scale)
        c.setStrokeColor(shapes.colour("#dde1e6"))
        c.setLineWidth(0.5)
        c.line(0, self.height - 22, area_w, self.height - 22)

    def _subheading(self) -> str:
        t, plan = self.tile, self.plan
        if t is None:
            pages = len(plan.tiles)
            return ngettext("overview: the map on {n} page, {across} across x {down} down",
                            "overview: the map on {n} pages, {across} across x {down} down",
                            pages).format(n=pages, across=plan.columns, down=plan.rows)
        if not plan.tiled:
            return _("the whole map at {percent}% scale").format(
                percent=format_number(plan.scale * 100))
        near = []
        for name, dc, dr in ((_("left"), -1, 0), (_("right"), 1, 0), (_("up"), 0, -1),
                             (_("down"), 0, 1)):
            col, row = t.column + dc, t.row + dr
            if 0 <= col < plan.columns and 0 <= row < plan.rows:
                near.append(f"{name} {column_label(col)}{row + 1}")
        line = _("tile {tile} of {count}").format(tile=t.label, count=len(plan.tiles))
        return line + (f"  |  {', '.join(near)}" if near else "")

    def _bookmark_stages(self, c: Canvas, tile: Tile, left: float, top: float,
                         scale: float) -> None:
        headers = self.painter.layout.stage_headers
        for stage_id, key in self.stage_keys.items():
            x, y, _w, _h = headers[stage_id]
            if self.plan.tile_at(x + 1, y + 1) is not tile:
                continue
            px, py = c.absolutePosition(left + (x - tile.window[0]) * scale,
                                        top - (y - tile.window[1]) * scale)
            c.bookmarkPage(key, fit="XYZ", left=max(0, px - 20), top=py + 40)

    def _overview(self, c: Canvas, area_w: float, area_h: float) -> None:
        """The whole map scaled to fit, with the tile grid over it: a label in
        each tile when there is room, and always column letters along the top
        and row numbers down the left, like an atlas."""
        regular, bold = self.fonts
        edge_left, edge_top = 22.0, 14.0
        x, y, w, h = self.painter.extent
        scale = min((area_w - 2 * edge_left) / w, (area_h - edge_top) / h)
        left = (area_w - w * scale) / 2
        top = area_h - edge_top
        self.painter.draw(c, self.painter.extent, scale, left, top)
        blue = shapes.colour("#2962ff")
        c.setStrokeColor(blue)
        c.setLineWidth(0.6)
        c.setDash(3, 2)
        for tile in self.plan.tiles:
            tx, ty, tw, th = tile.window
            c.rect(left + (tx - x) * scale, top - (ty - y + th) * scale, tw * scale, th * scale,
                   stroke=1, fill=0)
        c.setDash()
        first = self.plan.tiles[0].window
        roomy = first[2] * scale >= 40 and first[3] * scale >= 24
        c.setFont(bold, 8)
        c.setFillColor(blue)
        columns = {t.column: t.window for t in self.plan.tiles if t.row == 0}
        rows = {t.row: t.window for t in self.plan.tiles if t.column == 0}
        col_every = max(1, int(14 // max(first[2] * scale, 0.01)) + 1)
        row_every = max(1, int(10 // max(first[3] * scale, 0.01)) + 1)
        for col, (tx, _y, tw, _h) in columns.items():
            if col % col_every == 0:
                c.drawCentredString(left + (tx - x + tw / 2) * scale, top + 4, column_label(col))
        for row, (_x, ty, _w, th) in rows.items():
            if row % row_every == 0:
                c.drawRightString(left - 4, top - (ty - y + th / 2) * scale - 3, str(row + 1))
        if not roomy:
            return
        for tile in self.plan.tiles:
            tx, ty, _w, _h = tile.window
            px, py = left + (tx - x) * scale, top - (ty - y) * scale
            lw = measure_with(bold, 9)(tile.label) + 8
            c.setFillColor(blue)
            c.roundRect(px + 3, py - 16, lw, 13, 2, stroke=0, fill=1)
            c.setFillColor(shapes.colour("#ffffff"))
            c.setFont(bold, 9)
            c.drawString(px + 7, py - 12.5, tile.label)
