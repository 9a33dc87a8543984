"""The map's gaps, where link ends sit, and a route's shape: what the link
router (:mod:`journeymapper.layout.routing`) plans on and hands out.

A :class:`Grid` is one layout's gutters (down the sides of the stage
columns) and lane boundaries (along the tops of the lanes), each with its
centre line and free width; a :class:`Place` says where a link end sits in
those terms. :func:`rounded` turns a route's corner points into the straight
runs and rounded corners the canvas and the PDF both draw. Plain Python, no Qt.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from journeymapper.layout import geometry as g
from journeymapper.layout.geometry import MapLayout
from journeymapper.model.elements import Kind

Point = tuple[float, float]

STRIP = -1          # the "lane" of the persona strip
HEADER = -2         # the "lane" of the stage headers


class Place(NamedTuple):
    """Where a link end sits, in the map's terms: its column (None in the
    persona strip), its lane (STRIP, HEADER for a stage header), its index
    in its cell and how many cards the cell holds."""

    column: int | None
    lane: int
    index: int = 0
    count: int = 1


class Grid:
    """The gaps of one layout. Gutter k runs down the left edge of column k
    (k = number of columns: the right edge of the last), lane boundary m
    along the top of lane m (m = number of lanes: the bottom of the last);
    each has a centre line and half its free width."""

    def __init__(self, geo: MapLayout, stages: Sequence[str],
                 lanes: Sequence[tuple[str, Kind]]) -> None:
        self.geo = geo
        self.stages = tuple(stages)
        self.lanes = tuple(lanes)
        columns = [geo.columns[s] for s in stages]
        edges = [c[0] for c in columns]
        if columns:
            edges.append(columns[-1][0] + columns[-1][2])
        self.edges = edges
        self.gutter_x: list[float] = []
        self.gutter_half: list[float] = []
        for k, x in enumerate(edges):
            left = g.PAD if k > 0 else 0.0            # lane headers end at the first column
            right = g.PAD if k < len(columns) else 0.0  # the map ends at the last
            self.gutter_x.append(x + (right - left) / 2)
            self.gutter_half.append((left + right) / 2)
        tops = [geo.lanes[lane][1] for lane, _ in lanes]
        if lanes:
            last = geo.lanes[lanes[-1][0]]
            tops.append(last[1] + last[3])
        self.tops = tops
        margins = [g.PAD / 2 if kind is Kind.EMOTION else g.PAD for _, kind in lanes]
        self.channel_y: list[float] = []
        self.channel_half: list[float] = []
        for m, y in enumerate(tops):
            above = margins[m - 1] if m > 0 else 2.0  # the headers are inset by 2
            below = margins[m] if m < len(lanes) else 0.0
            self.channel_y.append(y + (below - above) / 2)
            self.channel_half.append((above + below) / 2)
        self.strip_y = self.strip_half = 0.0
        if geo.strip is not None:
            low, high = g.PAD + g.CARD_H, geo.strip[1] + geo.strip[3]
            self.strip_y, self.strip_half = (low + high) / 2, (high - low) / 2

    def same_shape(self, stages: Sequence[str], lanes: Sequence[tuple[str, Kind]]) -> bool:
        return self.stages == tuple(stages) and self.lanes == tuple(lanes)

    def lane_at(self, y: float) -> int:
        """The lane index under ``y`` (STRIP/HEADER above the lanes)."""
        if not self.tops or y < self.tops[0]:
            return STRIP if y < self.geo.header_y else HEADER
        return min(len(self.lanes) - 1, bisect_right(self.tops, y) - 1)

    # bands: the map cut into gutters and columns across, boundaries and lanes
    # down (2k: gutter k, 2c + 1: column c; 2m: boundary m, 2l + 1: lane l, -1:
    # everything above the lanes); a viewer indexes routes by band
    def x_bands(self, x0: float, x1: float) -> range:
        """The across bands a span of x meets (generously)."""
        edges = self.edges
        if not edges:
            return range(0)
        lo = max(0, bisect_right(edges, x0 - g.PAD) - 1)
        hi = max(0, bisect_right(edges, x1 + g.PAD) - 1)
        return range(2 * lo, min(2 * hi + 2, 2 * len(edges) - 2) + 1)

    def y_bands(self, y0: float, y1: float) -> range:
        tops = self.tops
        if not tops:
            return range(-1, 0)
        start = -1 if y0 < tops[0] + g.PAD else 2 * max(0, bisect_right(tops, y0 - g.PAD) - 1)
        hi = max(0, bisect_right(tops, y1 + g.PAD) - 1)
        return range(start, min(2 * hi + 2, 2 * len(tops) - 2) + 1)



# ------------------------------------------------------------ whole maps
def grid_of(doc, geo: MapLayout) -> Grid:
    """The grid of ``doc`` laid out as ``geo`` (collapsed lanes are no lanes)."""
    return Grid(geo, doc.stage_order, [(lane.id, lane.kind) for lane in doc.lanes
                                       if geo.lanes[lane.id][3] > 0])


def places_of(grid: Grid, cells: Iterable[tuple[tuple[str | None, str], Sequence[str]]],
              headers: bool = True) -> dict[str, Place]:
    """The Place of every card in ``cells`` ((stage, lane), ids in order) and,
    with ``headers``, of every stage header."""
    stage_index = {s: i for i, s in enumerate(grid.stages)}
    lane_index = {lane: i for i, (lane, _) in enumerate(grid.lanes)}
    out: dict[str, Place] = {}
    for (stage, lane), ids in cells:
        if stage is None:
            for element_id in ids:
                out[element_id] = Place(None, STRIP)
            continue
        column, row, count = stage_index.get(stage), lane_index.get(lane), len(ids)
        if column is None or row is None:
            continue
        for i, element_id in enumerate(ids):
            out[element_id] = Place(column, row, i, count)
    if headers:
        for stage, column in stage_index.items():
            out[stage] = Place(column, HEADER)
    return out


CORNER = 9.0  # the radius routes' corners are rounded with, where there is room


def rounded(points: Sequence[Point], radius: float = CORNER
            ) -> list[tuple[Point, Point] | tuple[Point, Point, Point]]:
    """A route as straight runs (a, b) and rounded corners (a, corner, b): a
    quadratic curve from a to b with the corner as its control point. The
    canvas and the PDF draw routes from this, so their corners agree."""
    out: list[tuple[Point, Point] | tuple[Point, Point, Point]] = []
    current = points[0]
    for i in range(1, len(points) - 1):
        (x0, y0), (x1, y1), (x2, y2) = points[i - 1], points[i], points[i + 1]
        d0, d1 = math.hypot(x1 - x0, y1 - y0), math.hypot(x2 - x1, y2 - y1)
        r = min(radius, d0 / 2, d1 / 2)
        if r < 0.5:
            out.append((current, (x1, y1)))
            current = (x1, y1)
            continue
        a = (x1 - (x1 - x0) / d0 * r, y1 - (y1 - y0) / d0 * r)
        b = (x1 + (x2 - x1) / d1 * r, y1 + (y2 - y1) / d1 * r)
        if current != a:
            out.append((current, a))
        out.append((a, (x1, y1), b))
        current = b
    if current != points[-1]:
        out.append((current, points[-1]))
    return out


def tidy(points: list[Point]) -> tuple[Point, ...]:
    """Corner points without repeats and without points in the middle of a straight run."""
    out: list[Point] = []
    for p in points:
        if out and abs(p[0] - out[-1][0]) < 1e-9 and abs(p[1] - out[-1][1]) < 1e-9:
            continue
        if len(out) >= 2:
            (ax, ay), (bx, by) = out[-2], out[-1]
            if (abs(ax - bx) < 1e-9 and abs(bx - p[0]) < 1e-9) or \
                    (abs(ay - by) < 1e-9 and abs(by - p[1]) < 1e-9):
                out[-1] = p
                continue
        out.append(p)
    return tuple(out)
