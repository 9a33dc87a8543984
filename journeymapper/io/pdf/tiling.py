"""Fitting a map on pages: one page when every text stays legible, else tiles.

A map fits on one page when, at the scale that fits it, the smallest text
(layout.geometry.SMALL_FONT_PT) prints at least MIN_PRINTED_PT. Otherwise it
is cut into tiles at the smallest legible scale, each overlapping its
neighbours a little, labelled like a street atlas: column letter, row number
("B2").
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from journeymapper.layout.geometry import SMALL_FONT_PT, Rect

MIN_PRINTED_PT = 6.0
MAX_SCALE = 1.25
OVERLAP = 24.0  # map units repeated on both sides of a cut


@dataclass(frozen=True)
class Tile:
    column: int
    row: int
    window: Rect  # the map area on this tile, in map units

    @property
    def label(self) -> str:
        return f"{column_label(self.column)}{self.row + 1}"


@dataclass
class MapPlan:
    """How the map goes onto pages: a scale (points per map unit) and tiles."""

    scale: float
    tiles: list[Tile]
    columns: int
    rows: int

    @property
    def tiled(self) -> bool:
        return len(self.tiles) > 1

    def tile_at(self, x: float, y: float) -> Tile:
        """The first tile whose window holds the map point (x, y)."""
        for tile in self.tiles:
            wx, wy, ww, wh = tile.window
            if wx <= x < wx + ww and wy <= y < wy + wh:
                return tile
        return self.tiles[0]


def column_label(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA, like spreadsheet columns."""
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        label = chr(ord("A") + rest) + label
    return label


def min_scale() -> float:
    return MIN_PRINTED_PT / SMALL_FONT_PT


def _cuts(start: float, length: float, window: float) -> list[tuple[float, float]]:
    """Windows of ``window`` units covering [start, start + length], overlapping."""
    if length <= window:
        return [(start, length)]
    step = window - OVERLAP
    count = math.ceil((length - window) / step - 1e-9) + 1
    # a fixed step keeps the overlap small, as in an atlas; the last tile
    # may run past the map's edge, which stays blank
    return [(start + i * step, window) for i in range(count)]


def plan_map(extent: Rect, avail_w: float, avail_h: float) -> MapPlan:
    """Plan a map of ``extent`` (map units) on a drawing area of avail_w x avail_h points."""
    x, y, w, h = extent
    w, h = max(w, 1.0), max(h, 1.0)
    fit = min(avail_w / w, avail_h / h)
    if fit >= min_scale():
        scale = min(fit, MAX_SCALE)
        return MapPlan(scale, [Tile(0, 0, (x, y, w, h))], 1, 1)
    # the fewest tiles at the smallest legible scale, then the largest scale
    # that still fits the map on that many tiles (bigger text, same page count)
    small = min_scale()
    across = len(_cuts(x, w, avail_w / small))
    down = len(_cuts(y, h, avail_h / small))
    scale = min(MAX_SCALE,
                across * avail_w / (w + (across - 1) * OVERLAP),
                down * avail_h / (h + (down - 1) * OVERLAP))
    scale = max(small, scale)
    cols = _cuts(x, w, avail_w / scale)
    rows = _cuts(y, h, avail_h / scale)
    tiles = [Tile(ci, ri, (cx, ry, cw, rh))
             for ri, (ry, rh) in enumerate(rows) for ci, (cx, cw) in enumerate(cols)]
    return MapPlan(scale, tiles, len(cols), len(rows))
