"""The map's card links on a reportlab canvas: the shared router's routes
(journeymapper.layout.routing, the same the canvas draws), with rounded
corners, arrowheads at the card edge, and each link kind in its own style
(layout.palette.LINK_STYLE).

Every route is cut into its straight runs and rounded corners, written once,
up front, as PDF path operators (in map units: the canvas transform places
them): the corners and short runs of a route in one square of a grid as one
string, each long run on its own, kept with every square of a coarser grid
it crosses (see spatial.RunIndex). Drawing a tile then joins
the strings near it, whatever the number of tiles: a 20,000-card map has
links crossing every one of its hundreds of tiles.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from journeymapper.io.pdf import shapes
from journeymapper.io.pdf.spatial import GridIndex, RunIndex
from journeymapper.layout.geometry import Rect
from journeymapper.layout.palette import LINK_ORDER, LINK_STYLE
from journeymapper.layout.routegrid import Point, rounded
from journeymapper.layout.routepoints import Key
from journeymapper.layout.routing import LinkRouter
from journeymapper.model.links import LinkKind

HEAD = 7.0
#: the side of the grid's squares, in map units (a straight run longer is kept on its own)
CELL = 256.0

#: a piece: a straight run (x1, y1, x2, y2) or a corner (a, control 1, control 2, b)
Piece = tuple[float, ...]
Cell = tuple[int, int]


@dataclass(frozen=True)
class Head:
    key: Key
    tip: Point
    back: Point


def pieces_of(points: tuple[Point, ...]) -> list[Piece]:
    """A route as straight runs and rounded corners (the quadratic corners of
    layout.routegrid.rounded as cubic Beziers)."""
    out: list[Piece] = []
    for part in rounded(points):
        if len(part) == 2:
            (ax, ay), (bx, by) = part
            out.append((ax, ay, bx, by))
        else:
            (ax, ay), (cx, cy), (bx, by) = part
            out.append((ax, ay, ax + (cx - ax) * 2 / 3, ay + (cy - ay) * 2 / 3,
                        bx + (cx - bx) * 2 / 3, by + (cy - by) * 2 / 3, bx, by))
    return out


def _cell(x: float, y: float) -> Cell:
    return (int(x // CELL), int(y // CELL))


def _ops(piece: Piece) -> str:
    """A piece's drawing operator, after a current point at its start (y up)."""
    if len(piece) == 4:
        return f"{piece[2]:.1f} {-piece[3]:.1f} l"
    return (f"{piece[2]:.1f} {-piece[3]:.1f} {piece[4]:.1f} {-piece[5]:.1f} "
            f"{piece[6]:.1f} {-piece[7]:.1f} c")


class LinkDrawing:
    """The routed links of one map, written per grid square for drawing windows of it."""

    def __init__(self, router: LinkRouter) -> None:
        self.router = router
        self.points: dict[Key, tuple[Point, ...]] = router.all_points()
        self.kinds: dict[Key, LinkKind] = dict(router.kinds)
        #: square -> kind -> (box x0, y0, x1, y1, operators) of the short pieces
        #: of one route that start in that square, one after another
        self._cells: dict[Cell, dict[LinkKind, list[tuple[float, float, float, float, str]]]] = {}
        #: the long straight runs, each on its own: (kind, operators) by their extent
        self._runs: RunIndex[tuple[LinkKind, str]] = RunIndex(CELL, 8 * CELL)
        self._heads: GridIndex[tuple[LinkKind, Head]] = GridIndex()
        self._spill = 0.0  # how far a group of short pieces reaches out of its square
        for key, points in self.points.items():
            if len(points) < 2:
                continue
            kind = self.kinds[key]
            ops: list[str] = []
            box = [0.0, 0.0, 0.0, 0.0]
            cell: Cell = (0, 0)
            last: tuple[float, ...] = ()
            for piece in pieces_of(points):
                if len(piece) == 4:
                    ax, ay, bx, by = piece
                    if (ax == bx and abs(by - ay) > CELL) or (ay == by and abs(bx - ax) > CELL):
                        code = f"{ax:.1f} {-ay:.1f} m {bx:.1f} {-by:.1f} l"
                        self._runs.insert(ax, ay, bx, by, (kind, code))
                        last = ()
                        continue
                    x0, x1 = (ax, bx) if ax <= bx else (bx, ax)
                    y0, y1 = (ay, by) if ay <= by else (by, ay)
                    op = f"{bx:.1f} {-by:.1f} l"
                else:
                    ax, ay = piece[0], piece[1]
                    xs, ys = piece[0::2], piece[1::2]
                    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
                    op = _ops(piece)
                here = (int(ax // CELL), int(ay // CELL))
                if ops and here == cell and (ax, ay) == last:
                    ops.append(op)
                    if x0 < box[0]:
                        box[0] = x0
                    if y0 < box[1]:
                        box[1] = y0
                    if x1 > box[2]:
                        box[2] = x1
                    if y1 > box[3]:
                        box[3] = y1
                else:
                    if ops:
                        self._keep(cell, kind, box, ops)
                    ops = [f"{ax:.1f} {-ay:.1f} m", op]
                    box, cell = [x0, y0, x1, y1], here
                last = piece[-2:]
            if ops:
                self._keep(cell, kind, box, ops)
            tip, back = points[-1], points[-2]
            self._heads.insert((tip[0], tip[1], 0.0, 0.0), (kind, Head(key, tip, back)))

    def _keep(self, cell: Cell, kind: LinkKind, box: list[float], ops: list[str]) -> None:
        x0, y0, x1, y1 = box
        cx, cy = cell[0] * CELL, cell[1] * CELL
        self._spill = max(self._spill, cx - x0, cy - y0, x1 - cx - CELL, y1 - cy - CELL)
        self._cells.setdefault(cell, {}).setdefault(kind, []).append(
            (x0, y0, x1, y1, " ".join(ops)))

    def _codes(self, window: Rect, margin: float) -> dict[LinkKind, list[str]]:
        """The path operators of every piece that meets ``window``, by kind."""
        wx, wy, ww, wh = window
        x0, y0, x1, y1 = wx - margin, wy - margin, wx + ww + margin, wy + wh + margin
        out: dict[LinkKind, list[str]] = {kind: [] for kind in LINK_ORDER}
        for kind, code in self._runs.query(window, margin):
            out[kind].append(code)
        spill = self._spill
        i0, j0 = _cell(x0 - spill, y0 - spill)
        i1, j1 = _cell(x1 + spill, y1 + spill)
        cells = self._cells
        for i in range(i0, i1 + 1):
            inner_x = x0 <= i * CELL - spill and (i + 1) * CELL + spill <= x1
            for j in range(j0, j1 + 1):
                square = cells.get((i, j))
                if square is None:
                    continue
                inner = inner_x and y0 <= j * CELL - spill and (j + 1) * CELL + spill <= y1
                for kind, groups in square.items():
                    codes = out[kind]
                    if inner:  # the whole square is on the window
                        codes.extend(g[4] for g in groups)
                    else:
                        codes.extend(code for bx0, by0, bx1, by1, code in groups
                                     if bx1 >= x0 and bx0 <= x1 and by1 >= y0 and by0 <= y1)
        return out

    def draw(self, c: Canvas, window: Rect) -> None:
        """Draw the links that meet ``window`` (map units, y down; the canvas
        is set up with y flipped, as MapPainter.draw does)."""
        by_kind = self._codes(window, 2.0)
        heads: dict[LinkKind, list[Head]] = {}
        for kind, head in self._heads.query(window, margin=HEAD):
            heads.setdefault(kind, []).append(head)
        for kind in LINK_ORDER:
            style = LINK_STYLE[kind]
            codes = by_kind.get(kind)
            if codes:
                path = c.beginPath()
                # the operators written up front (reportlab's path keeps its own in _code)
                path._code.extend(codes)
                c.setStrokeColor(shapes.colour(style.colour))
                c.setLineWidth(style.width * 0.8)
                c.setLineCap(0)
                c.setLineJoin(1)
                if style.dash:
                    c.setDash(list(style.dash))
                c.drawPath(path, stroke=1, fill=0)
                c.setDash()
            if heads.get(kind):
                path = c.beginPath()
                for head in heads[kind]:
                    (bx, by), (tx, ty) = head.back, head.tip
                    size = min(HEAD, max(3.5, math.hypot(tx - bx, ty - by)))
                    shapes.arrowhead_path(path, bx, -by, tx, -ty, size)
                c.setFillColor(shapes.colour(style.colour))
                c.drawPath(path, stroke=0, fill=1)


def exit_point(points: tuple[Point, ...], window: Rect, from_end: bool) -> Point | None:
    """Where a route leaves ``window``, walking from its source (or its target
    when ``from_end``): the last point inside, on the window's edge; None when
    it never leaves."""
    pts = list(reversed(points)) if from_end else list(points)
    wx, wy, ww, wh = window
    x1, y1 = wx + ww, wy + wh

    def inside(p: Point) -> bool:
        return wx - 1e-6 <= p[0] <= x1 + 1e-6 and wy - 1e-6 <= p[1] <= y1 + 1e-6

    if not pts or not inside(pts[0]):
        return None
    for a, b in zip(pts, pts[1:]):
        if inside(b):
            continue
        # the segment a-b (axis-aligned) crosses the edge: clip it
        bx = min(max(b[0], wx), x1)
        by = min(max(b[1], wy), y1)
        if a[0] == b[0]:
            return (a[0], by)
        if a[1] == b[1]:
            return (bx, a[1])
        return (bx, by)
    return None
