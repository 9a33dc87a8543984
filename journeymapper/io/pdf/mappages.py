"""The map's pages: the whole map on one page, or an overview and tiles.

A tile page repeats the stage headers of its columns on top and the lane
names of its rows on the left, and marks where a link leaves it with a
numbered dot at the tile's edge; the list under the map says where each
goes ("1 -> C3 - Store checkout"). The overview shows the whole map as
blocks with the stage names above it, the lane names beside it and the tile
letters and numbers in the margins (so no label covers a card), each tile a
link to its page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from journeymapper.i18n import _, ngettext
from journeymapper.io.pdf import shapes
from journeymapper.io.pdf.linkdraw import exit_point
from journeymapper.io.pdf.mapdraw import MapPainter
from journeymapper.io.pdf.text import measure_with, single_line
from journeymapper.io.pdf.tiling import MapPlan, Tile, column_label
from journeymapper.layout import geometry as g
from journeymapper.layout.geometry import Rect
from journeymapper.layout.routepoints import Key

HEADING_H = 30.0
#: under a tile: the list of where its links go
EXITS_H = 24.0
EXIT_PT = 7.0
MARK = 4.6         # radius of a link's numbered dot
BLUE = "#2962ff"
MUTED = "#5f6b7a"
INK = "#1f2328"


def tile_key(tile: Tile) -> str:
    return f"tile-{tile.label}"


@dataclass
class Exit:
    """A link leaving a tile: where (map units), which way, and the far end."""

    point: tuple[float, float]
    outgoing: bool
    tile: str
    text: str


@dataclass
class TileLinks:
    """Which links each tile draws, worked out once per plan (by tile label):
    the links with an end on it, and of those the ones whose other end is
    on another tile (with the tiles of both ends), which it lists as exits.
    A link only passing through a tile is drawn on the tiles of its ends."""

    drawn: dict[str, list[Key]]
    crossing: dict[str, list[tuple[Key, tuple[Tile, Tile]]]]


def tile_links(painter: MapPainter, plan: MapPlan) -> TileLinks:
    cached = painter.cache.get(id(plan))
    if isinstance(cached, TileLinks):
        return cached
    drawn: dict[str, list[Key]] = {}
    crossing: dict[str, list[tuple[Key, tuple[Tile, Tile]]]] = {}
    where: dict[str, Tile | None] = {}

    def tile_of(element_id: str) -> Tile | None:
        if element_id not in where:
            r = painter.end_rect(element_id)
            where[element_id] = None if r is None else plan.tile_at(r[0] + r[2] / 2,
                                                                    r[1] + r[3] / 2)
        return where[element_id]

    for key in painter.links.points:
        a, b = tile_of(key[0]), tile_of(key[1])
        if a is None and b is None:  # no end on a page: wherever it runs
            on = [t for t in plan.tiles if painter.links.meets(key, t.window)]
        else:
            on = [t for t in (a, b) if t is not None]
        for tile in dict.fromkeys(on):
            drawn.setdefault(tile.label, []).append(key)
        if a is not None and b is not None and a is not b:
            crossing.setdefault(a.label, []).append((key, (a, b)))
            crossing.setdefault(b.label, []).append((key, (a, b)))
    out = painter.cache[id(plan)] = TileLinks(drawn, crossing)
    return out


class MapPage(Flowable):
    """One map page: a heading, then the map, a tile of it, or the overview."""

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

    # ------------------------------------------------------------ page
    def draw(self) -> None:
        c: Canvas = self.canv
        regular, bold = self.fonts
        area_w, area_h = self.width, self.height - HEADING_H
        c.setFont(bold, 13)
        c.setFillColor(shapes.colour(INK))
        c.drawString(0, self.height - 15, single_line(self.heading, area_w * 0.55,
                                                      measure_with(bold, 13)))
        c.setFont(regular, 8.5)
        c.setFillColor(shapes.colour(MUTED))
        sub = self._subheading()
        c.drawRightString(area_w, self.height - 15, single_line(sub, area_w * 0.43,
                                                                measure_with(regular, 8.5)))
        c.setStrokeColor(shapes.colour("#dde1e6"))
        c.setLineWidth(0.5)
        c.line(0, self.height - 22, area_w, self.height - 22)
        if self.tile is None and self.plan.tiled:
            self._overview(c, area_w, area_h)
        elif not self.plan.tiled:
            self._whole(c, area_w, area_h)
        else:
            self._tile(c, self.tile, area_w, area_h)

    def _subheading(self) -> str:
        t, plan = self.tile, self.plan
        if t is None and plan.tiled:
            pages = len(plan.tiles)
            return ngettext("overview: the map on {n} page, {across} across x {down} down",
                            "overview: the map on {n} pages, {across} across x {down} down",
                            pages).format(n=pages, across=plan.columns, down=plan.rows)
        if not plan.tiled:
            return _("the whole map at {percent}% scale").format(percent=round(plan.scale * 100))
        assert t is not None
        near = []
        for name, dc, dr in ((_("left"), -1, 0), (_("right"), 1, 0), (_("up"), 0, -1),
                             (_("down"), 0, 1)):
            col, row = t.column + dc, t.row + dr
            if 0 <= col < plan.columns and 0 <= row < plan.rows:
                near.append(f"{name} {column_label(col)}{row + 1}")
        line = _("tile {tile} of {count}").format(tile=t.label, count=len(plan.tiles))
        return line + (f"  |  {', '.join(near)}" if near else "")

    # ------------------------------------------------------------ one page
    def _whole(self, c: Canvas, area_w: float, area_h: float) -> None:
        tile = self.plan.tiles[0]
        scale = self.plan.scale
        left = max(0.0, (area_w - tile.window[2] * scale) / 2)
        self.painter.draw(c, tile.window, scale, left, area_h)
        self._bookmark_stages(c, tile.window, left, area_h, scale, tile)

    # ------------------------------------------------------------ a tile
    def _tile(self, c: Canvas, tile: Tile, area_w: float, area_h: float) -> None:
        painter, scale = self.painter, self.plan.scale
        lay = painter.layout
        bx, by, bw, bh = tile.window
        strip_w = g.LANE_HEADER_W * scale if tile.lane_strip else 0.0
        strip_h = g.STAGE_HEADER_H * scale if tile.header_strip else 0.0
        top = area_h
        c.bookmarkPage(tile_key(tile), fit="XYZ", left=0, top=c._pagesize[1])
        if tile.header_strip:  # the stage headers of this tile's columns, again
            painter.draw(c, (bx, lay.header_y, bw, g.STAGE_HEADER_H), scale, strip_w, top,
                         links=False)
        if tile.lane_strip:    # the lane names of this tile's rows, again
            painter.draw(c, (0.0, by, g.LANE_HEADER_W, bh), scale, 0.0, top - strip_h,
                         links=False)
        painter.draw(c, tile.window, scale, strip_w, top - strip_h,
                     link_keys=tile_links(painter, self.plan).drawn.get(tile.label, []))
        self._bookmark_stages(c, tile.window, strip_w, top - strip_h, scale, tile)
        exits = self.exits(tile)
        groups = self._mark_exits(c, exits, tile, strip_w, top - strip_h, scale)
        self._exit_list(c, groups, area_w, area_h - strip_h - bh * scale)

    def exits(self, tile: Tile) -> list[Exit]:
        """Every link with one end on this tile and the other elsewhere."""
        painter = self.painter
        out = []
        for key, tiles in tile_links(painter, self.plan).crossing.get(tile.label, ()):
            points = painter.links.points[key]
            outgoing = tiles[0] is tile
            point = exit_point(points, tile.window, from_end=not outgoing)
            if point is None:
                continue
            far = key[1] if outgoing else key[0]
            out.append(Exit(point, outgoing, tiles[1 if outgoing else 0].label,
                            painter.end_text(far)))
        return out

    def _mark_exits(self, c: Canvas, exits: list[Exit], tile: Tile, left: float, top: float,
                    scale: float) -> list[list[Exit]]:
        """Numbered dots where links leave, one per cluster of nearby exits."""
        wx, wy, _ww, _wh = tile.window
        placed: list[tuple[float, float, list[Exit]]] = []
        near = 2 * MARK + 1
        grid: dict[tuple[int, int], list[int]] = {}  # the dots by square of side ``near``
        for ex in sorted(exits, key=lambda e: (e.point[1], e.point[0], e.tile, e.text)):
            px, py = left + (ex.point[0] - wx) * scale, top - (ex.point[1] - wy) * scale
            i, j = int(px // near), int(py // near)
            close = [n for di in (-1, 0, 1) for dj in (-1, 0, 1)
                     for n in grid.get((i + di, j + dj), ())
                     if math.hypot(px - placed[n][0], py - placed[n][1]) < near]
            if close:  # the first dot placed near it
                placed[min(close)][2].append(ex)
            else:
                grid.setdefault((i, j), []).append(len(placed))
                placed.append((px, py, [ex]))
        regular, bold = self.fonts
        for n, (px, py, _group) in enumerate(placed, start=1):
            c.setFillColor(shapes.colour("#ffffff"))
            c.setStrokeColor(shapes.colour(BLUE))
            c.setLineWidth(0.9)
            shapes.circle(c, px, py, MARK, stroke=1, fill=1)
            c.setFillColor(shapes.colour(BLUE))
            c.setFont(bold, 6 if n < 10 else 5)
            c.drawCentredString(px, py - 2.1, str(n))
        return [group for _, _, group in placed]

    def _exit_list(self, c: Canvas, groups: list[list[Exit]], area_w: float, bottom: float
                   ) -> None:
        """Under the map: where each numbered dot's links go."""
        if not groups:
            return
        regular, bold = self.fonts
        measure = measure_with(regular, EXIT_PT)
        arrow_out, arrow_in = self.painter.fonts.arrows

        def item(n: int, group: list[Exit]) -> str:
            parts = []
            for ex in group[:6]:  # a line holds no more anyway
                arrow = arrow_out if ex.outgoing else arrow_in
                parts.append(f"{arrow} {ex.tile} \u00b7 {ex.text}")
            return f"{n}  " + "; ".join(dict.fromkeys(parts))

        y = min(bottom - 9, EXITS_H - 7)
        x = 0.0
        line = 0
        c.setFont(regular, EXIT_PT)
        c.setFillColor(shapes.colour(MUTED))
        for i, group in enumerate(groups):
            item_text = item(i + 1, group)
            width = min(measure(item_text), area_w * 0.48)
            if x and x + width > area_w:
                line += 1
                x = 0.0
                if line >= 2:
                    rest = len(groups) - i
                    c.drawString(0, y - line * 8,
                                 ngettext("and {n} more link", "and {n} more links",
                                          rest).format(n=rest))
                    return
            c.drawString(x, y - line * 8, single_line(item_text, width, measure))
            x += width + 14

    def _bookmark_stages(self, c: Canvas, window: Rect, left: float, top: float,
                         scale: float, tile: Tile) -> None:
        headers = self.painter.layout.stage_headers
        for stage_id, key in self.stage_keys.items():
            x, y, _w, _h = headers[stage_id]
            if self.plan.tile_at(x + 1, y + _h / 2) is not tile:
                continue
            px, py = c.absolutePosition(left + (x - window[0]) * scale,
                                        top - (y - window[1]) * scale)
            c.bookmarkPage(key, fit="XYZ", left=max(0, px - 20), top=py + 40)

    # ------------------------------------------------------------ overview
    def _overview(self, c: Canvas, area_w: float, area_h: float) -> None:
        """The whole map as blocks, stage names above it, lane names and tile
        numbers to its left, tile letters on top: every label in the margins."""
        regular, bold = self.fonts
        painter, plan = self.painter, self.plan
        x, y, w, h = painter.extent
        letters_h, names_h, numbers_w, lanes_w = 13.0, 11.0, 16.0, 78.0
        band_w = numbers_w + lanes_w
        scale = min((area_w - band_w) / w, (area_h - letters_h - names_h - 4) / h)
        left = band_w + max(0.0, (area_w - band_w - w * scale) / 2)
        top = area_h - letters_h - names_h
        painter.draw(c, painter.extent, scale, left, top, schematic=True)

        def px(mx: float) -> float:
            return left + (mx - x) * scale

        def py(my: float) -> float:
            return top - (my - y) * scale

        lay = painter.layout
        small = measure_with(regular, 6.5)
        c.setFont(regular, 6.5)
        c.setFillColor(shapes.colour(INK))
        for stage in painter.doc.stages():
            sx, _sy, sw, _sh = lay.stage_headers[stage.id]
            room = sw * scale - 2
            if room >= 14:
                c.drawCentredString(px(sx + sw / 2), top + 3,
                                    single_line(stage.text, room, small))
        for lane in painter.doc.lanes:
            _lx, ly, _lw, lh = lay.lanes[lane.id]
            if lh * scale >= 6.5:
                c.drawRightString(left - 3, py(ly + lh / 2) - 2.2,
                                  single_line(lane.name, lanes_w - 6, small))
        blue = shapes.colour(BLUE)
        c.setStrokeColor(blue)
        c.setLineWidth(0.7)
        c.setDash(3, 2)
        for a, _b in plan.x_cuts[1:]:
            c.line(px(a), py(y), px(a), py(y + h))
        for a, _b in plan.y_cuts[1:]:
            c.line(px(x), py(a), px(x + w), py(a))
        c.setDash()
        c.setFont(bold, 9)
        c.setFillColor(blue)
        for ci, (a, b) in enumerate(plan.x_cuts):
            c.drawCentredString(px((a + b) / 2), top + names_h + 2, column_label(ci))
        for ri, (a, b) in enumerate(plan.y_cuts):
            c.drawCentredString(numbers_w / 2, py((a + b) / 2) - 3, str(ri + 1))
        for tile in plan.tiles:  # each tile opens its page
            (a, b), (ya, yb) = plan.x_cuts[tile.column], plan.y_cuts[tile.row]
            x0, x1 = sorted((px(a), px(b)))
            y0, y1 = sorted((py(ya), py(yb)))
            c.linkAbsolute("", tile_key(tile), (*c.absolutePosition(x0, y0),
                                                 *c.absolutePosition(x1, y1)),
                           thickness=0)
