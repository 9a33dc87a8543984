"""Fitting a map on pages: one page when every text stays legible, else tiles
a reader can use.

The smallest text on a map page is MAP_TEXT_MIN map units, so a scale of at
least MIN_PRINTED_PT / MAP_TEXT_MIN keeps every text at 6 pt or more. Tiles
cut the map between whole stage columns and between cards (at lane
boundaries, or between two rows of cards in a tall lane), never through one,
so each tile holds whole cards; each tile also repeats the stage headers of
its columns and the lane names of its rows. Of the page orientations
allowed, the one that needs the fewest tiles wins, and the scale grows as
long as the count stays. Tiles are labelled like a street atlas: column
letter, row number ("B2").

A poster is the whole map on one page of the size it needs: the smallest of
A3 to A0 that holds it at 6 pt text, else a page cut to the map's size.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from reportlab.lib import pagesizes

from journeymapper.layout import geometry as g
from journeymapper.layout.geometry import MapLayout, Rect
from journeymapper.model.elements import Kind

MIN_PRINTED_PT = 6.0
#: the smallest text the map pages print, in map units (see mapdraw)
MAP_TEXT_MIN = 10.0
MAX_SCALE = 1.25
#: the largest page a PDF viewer is sure to open: 200 inches
MAX_PAGE_PT = 14_400.0
POSTER_SIZES: dict[str, tuple[float, float]] = {
    "A3": pagesizes.A3, "A2": pagesizes.A2, "A1": pagesizes.A1, "A0": pagesizes.A0,
}
MM = 72 / 25.4


def min_scale() -> float:
    return MIN_PRINTED_PT / MAP_TEXT_MIN


def column_label(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA, like spreadsheet columns."""
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        label = chr(ord("A") + rest) + label
    return label


@dataclass(frozen=True)
class Tile:
    """One map page of a tiled map: the map area it shows (``window``, map
    units, with the gaps on both sides of each cut), and whether it repeats
    the lane names on its left and the stage headers on its top."""

    column: int
    row: int
    window: Rect
    lane_strip: bool = False
    header_strip: bool = False

    @cached_property
    def label(self) -> str:
        return f"{column_label(self.column)}{self.row + 1}"


@dataclass
class MapPlan:
    """How the map goes onto pages: a scale (points per map unit), the page
    size of the map pages, and the tiles in reading order."""

    scale: float
    tiles: list[Tile]
    columns: int
    rows: int
    page: tuple[float, float] = (0.0, 0.0)
    #: the cuts: x ranges of the tile columns, y ranges of the tile rows (no gaps)
    x_cuts: list[tuple[float, float]] = field(default_factory=list)
    y_cuts: list[tuple[float, float]] = field(default_factory=list)

    @property
    def tiled(self) -> bool:
        return len(self.tiles) > 1

    @property
    def overview(self) -> bool:
        """Whether an overview page leads the tiles: when they go both across
        and down, or there are more than three."""
        return self.tiled and ((self.columns > 1 and self.rows > 1) or len(self.tiles) > 3)

    def tile(self, column: int, row: int) -> Tile:
        return self.tiles[row * self.columns + column]

    @cached_property
    def _ends(self) -> tuple[list[float], list[float]]:
        """Where the tile columns and rows end (the cuts do not change once planned)."""
        return [end for _, end in self.x_cuts], [end for _, end in self.y_cuts]

    def tile_at(self, x: float, y: float) -> Tile:
        """The tile whose cut holds the map point (x, y) (the nearest at the edges)."""
        x_ends, y_ends = self._ends
        column = min(bisect_right(x_ends, x), len(x_ends) - 1)
        row = min(bisect_right(y_ends, y), len(y_ends) - 1)
        return self.tile(column, row)


# ------------------------------------------------------------ cuts
@dataclass(frozen=True)
class Cut:
    """Where the map may be cut across: at ``at``, with ``above``/``below``
    map units free on each side (the gap the tiles on both sides show)."""

    at: float
    above: float
    below: float


def row_cuts(layout: MapLayout, lanes: Sequence[tuple[str, Kind]]) -> list[Cut]:
    """Every place the map may be cut across: lane boundaries, and the gaps
    between two rows of cards in a lane, top to bottom."""
    out: list[Cut] = []
    previous_margin = 0.0
    between = g.GAP / 2 - 1.5  # short of the cards' borders
    for lane_id, kind in lanes:
        x, y, w, h = layout.lanes[lane_id]
        # as much of the gap as its links' tracks take (layout.routing), not
        # the emotion curve's room
        margin = 3.0 if kind is Kind.EMOTION else g.PAD - 2
        out.append(Cut(y, previous_margin, margin))
        if kind is not Kind.EMOTION and h > g.EMPTY_LANE_H:
            rows = round((h - 2 * g.PAD + g.GAP) / (g.CARD_H + g.GAP))
            for i in range(1, rows):
                out.append(Cut(y + g.PAD + i * (g.CARD_H + g.GAP) - g.GAP / 2, between, between))
        previous_margin = margin
    return out


def column_edges(layout: MapLayout, stages: Sequence[str]) -> list[float]:
    return [layout.columns[s][0] for s in stages] + (
        [layout.columns[stages[-1]][0] + layout.columns[stages[-1]][2]] if stages else [])


def _pack_columns(edges: list[float], right: float, cap: float, strip: Sequence[Rect]
                  ) -> list[tuple[float, float]] | None:
    """Whole columns per tile across, as many as fit ``cap`` map units (the
    first tile holds the lane headers, the others repeat them on their left);
    a cut that would go through a card of the persona strip moves left when
    it can. None when one column does not fit."""
    n = len(edges) - 1
    if n < 1:
        return [(0.0, right)]

    def width(i: int, j: int) -> float:
        left = 0.0 if i == 0 else edges[i] - g.PAD
        end = edges[j] + g.PAD if j < n else max(edges[n], right)
        return end - left + (g.LANE_HEADER_W if i else 0.0)

    def through_strip(x: float) -> bool:
        return any(r[0] < x < r[0] + r[2] for r in strip)

    out = []
    i = 0
    while i < n:
        if width(i, i + 1) > cap:
            return None
        j = i + 1
        while j < n and width(i, j + 1) <= cap:
            j += 1
        k = j
        while i + 1 < k < n and through_strip(edges[k]):
            k -= 1
        if k < n and through_strip(edges[k]):
            k = j  # no clean cut: keep the fullest tile
        out.append((0.0 if i == 0 else edges[i], edges[k] if k < n else max(edges[n], right)))
        i = k
    return out


def _pack_rows(top: float, bottom: float, cuts: list[Cut], cap_first: float, cap: float
               ) -> list[tuple[float, float, float, float]] | None:
    """Rows of tiles down: (start, end, gap above start, gap below end) each,
    as much as fits (the first row holds the headers, the others repeat
    them). None when a piece between two cuts does not fit."""
    out = []
    start, gap_above = top, 0.0
    candidates = [c for c in cuts if c.at > top + 1] + [Cut(bottom, 0.0, 0.0)]
    i = 0
    while start < bottom - 1e-6:
        room = cap_first if not out else cap
        best = None
        while i < len(candidates):
            cut = candidates[i]
            if cut.at + cut.below - (start - gap_above) > room + 1e-6:
                break
            best = i
            i += 1
        if best is None:
            return None
        cut = candidates[best]
        end = cut.at
        out.append((start, end, gap_above, cut.below if end < bottom - 1e-6 else 0.0))
        start, gap_above = end, cut.above
        i = best + 1
    return out


@dataclass
class MapShape:
    """What the planner needs of a laid-out map: its extent, the column edges,
    the places it may be cut across and the persona strip's cards."""

    extent: Rect
    edges: list[float]
    cuts: list[Cut]
    strip: list[Rect]
    header_y: float


def map_shape(layout: MapLayout, stages: Sequence[str], lanes: Sequence[tuple[str, Kind]],
              extent: Rect, strip_cards: Sequence[str] = ()) -> MapShape:
    return MapShape(extent, column_edges(layout, stages), row_cuts(layout, lanes),
                    [layout.cards[c] for c in strip_cards if c in layout.cards], layout.header_y)


def _tiles_at(shape: MapShape, scale: float, area_w: float, area_h: float) -> MapPlan | None:
    x, y, w, h = shape.extent
    columns = _pack_columns(shape.edges, x + w, area_w / scale, shape.strip)
    rows = _pack_rows(y, y + h, shape.cuts, area_h / scale, area_h / scale - g.STAGE_HEADER_H)
    if columns is None or rows is None:
        return None
    tiles = []
    for ri, (a, b, above, below) in enumerate(rows):
        for ci, (c0, c1) in enumerate(columns):
            left = c0 - (g.PAD if ci else 0.0)
            right = c1 + (g.PAD if ci < len(columns) - 1 else 0.0)
            tiles.append(Tile(ci, ri, (left, a - above, right - left, b + below - (a - above)),
                              lane_strip=ci > 0, header_strip=ri > 0))
    return MapPlan(scale, tiles, len(columns), len(rows), x_cuts=columns,
                   y_cuts=[(a, b) for a, b, _, _ in rows])


def plan_map(shape: MapShape, areas: Sequence[tuple[tuple[float, float], tuple[float, float]]],
             one_page: float | None = None) -> MapPlan:
    """Plan the map on the fewest pages: ``areas`` are the allowed (page size,
    drawing area) pairs, in order of preference when they tie. ``one_page``:
    the whole map on the first area's page at that scale (a poster)."""
    if one_page is not None:
        x, y, w, h = shape.extent
        page = areas[0][0]
        return MapPlan(one_page, [Tile(0, 0, shape.extent)], 1, 1, page,
                       x_cuts=[(x, x + w)], y_cuts=[(y, y + h)])
    best: MapPlan | None = None
    small = min_scale()
    for page, (area_w, area_h) in areas:
        plan = _tiles_at(shape, small, area_w, area_h)
        if plan is None:
            continue
        plan = _grow(shape, plan, area_w, area_h)
        plan.page = page
        if best is None or len(plan.tiles) < len(best.tiles) or (
                len(plan.tiles) == len(best.tiles) and plan.scale > best.scale + 1e-6):
            best = plan
    if best is None:  # nothing fits at 6 pt: the first area, a column per tile
        page, (area_w, area_h) = areas[0]
        scale = min(area_w / (g.LANE_HEADER_W + g.COL_W + 2 * g.PAD),
                    area_h / (g.STAGE_HEADER_H + g.EMOTION_LANE_H + 2 * g.PAD))
        best = _tiles_at(shape, scale, area_w, area_h)
        assert best is not None
        best.page = page
    return best


def _grow(shape: MapShape, plan: MapPlan, area_w: float, area_h: float) -> MapPlan:
    """The largest scale (up to MAX_SCALE) that keeps the plan's tile count."""
    count = len(plan.tiles)
    x, y, w, h = shape.extent
    if count == 1:
        scale = min(MAX_SCALE, area_w / max(w, 1.0), area_h / max(h, 1.0))
        return _tiles_at(shape, max(scale, plan.scale), area_w, area_h) or plan
    low, high = plan.scale, MAX_SCALE
    best = plan
    for _ in range(18):
        mid = (low + high) / 2
        trial = _tiles_at(shape, mid, area_w, area_h)
        if trial is not None and len(trial.tiles) <= count:
            best, low = trial, mid
        else:
            high = mid
    return best


# ------------------------------------------------------------ posters
def parse_poster(value: str) -> tuple[float, float] | None:
    """'auto' -> None; 'A1' -> its size; '1189x841' -> a custom size in millimetres.
    Raises ValueError for anything else."""
    text = value.strip()
    if text.lower() == "auto":
        return None
    named = {k.lower(): v for k, v in POSTER_SIZES.items()}.get(text.lower())
    if named is not None:
        return named
    parts = text.lower().removesuffix("mm").split("x")
    if len(parts) != 2:
        raise ValueError(text)
    w, h = (float(p) for p in parts)
    if not (50 <= w <= MAX_PAGE_PT / MM and 50 <= h <= MAX_PAGE_PT / MM):
        raise ValueError(text)
    return (w * MM, h * MM)


def poster_pages(extent: Rect, size: tuple[float, float] | None, chrome: tuple[float, float]
                 ) -> list[tuple[float, float]]:
    """The page sizes to try for a poster: the given size (both ways round),
    or A3 to A0 that hold the map at 6 pt, else a page cut to the map.
    ``chrome`` is the room the page needs around the map (margins, heading)."""
    _, _, w, h = extent
    extra_w, extra_h = chrome
    landscape = w >= h

    def turned(size: tuple[float, float]) -> tuple[float, float]:
        short, long = sorted(size)
        return (long, short) if landscape else (short, long)

    if size is not None:
        return [turned(size), (turned(size)[1], turned(size)[0])]
    small = min_scale()
    for name in ("A3", "A2", "A1", "A0"):
        pw, ph = turned(POSTER_SIZES[name])
        if (pw - extra_w) / w >= small and (ph - extra_h) / h >= small:
            return [(pw, ph)]
    need_w = min(MAX_PAGE_PT, math.ceil(w * small + extra_w))
    need_h = min(MAX_PAGE_PT, math.ceil(h * small + extra_h))
    return [(need_w, need_h)]
