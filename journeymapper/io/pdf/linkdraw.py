"""The map's card links on a reportlab canvas: the shared router's routes
(journeymapper.layout.routing, the same the canvas draws), with rounded
corners, arrowheads at the card edge, and each link kind in its own style
(layout.palette.LINK_STYLE).

Every route is written once, up front, as one string of PDF path operators
(in map units: the canvas transform places it). A page draws the routes it
is given, or every route, that meet its window: a tile of a big map is
given the links of its own cards (see mappages.TileLinks), so it costs what
those cost, however many tiles the map has and however far its links run.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from journeymapper.io.pdf import shapes
from journeymapper.layout.geometry import Rect
from journeymapper.layout.palette import LINK_ORDER, LINK_STYLE
from journeymapper.layout.routegrid import Point, rounded
from journeymapper.layout.routepoints import Key
from journeymapper.layout.routing import LinkRouter
from journeymapper.model.links import LinkKind

HEAD = 7.0

#: a piece: a straight run (x1, y1, x2, y2) or a corner (a, control 1, control 2, b)
Piece = tuple[float, ...]


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


def _ops(piece: Piece) -> str:
    """A piece's drawing operator, after a current point at its start (y up)."""
    if len(piece) == 4:
        return f"{piece[2]:.1f} {-piece[3]:.1f} l"
    return (f"{piece[2]:.1f} {-piece[3]:.1f} {piece[4]:.1f} {-piece[5]:.1f} "
            f"{piece[6]:.1f} {-piece[7]:.1f} c")


def route_ops(points: tuple[Point, ...]) -> str:
    """A route's path operators (y up), its corners rounded."""
    ops: list[str] = []
    last: tuple[float, ...] = ()
    for piece in pieces_of(points):
        if piece[:2] != last:
            ops.append(f"{piece[0]:.1f} {-piece[1]:.1f} m")
        ops.append(_ops(piece))
        last = piece[-2:]
    return " ".join(ops)


class LinkDrawing:
    """The routed links of one map, each written once, for drawing windows of it."""

    def __init__(self, router: LinkRouter) -> None:
        self.router = router
        self.points: dict[Key, tuple[Point, ...]] = router.all_points()
        self.kinds: dict[Key, LinkKind] = dict(router.kinds)
        #: each route's operators and its bounding box (x0, y0, x1, y1)
        self._codes: dict[Key, str] = {}
        self.boxes: dict[Key, tuple[float, float, float, float]] = {}
        for key, points in self.points.items():
            if len(points) < 2:
                continue
            xs = [p[0] for p in points]
            ys = [p[1] for p in points]
            self.boxes[key] = (min(xs), min(ys), max(xs), max(ys))
            self._codes[key] = route_ops(points)

    def meets(self, key: Key, window: Rect, margin: float = HEAD) -> bool:
        """Whether route ``key`` comes within ``margin`` of ``window``."""
        box = self.boxes.get(key)
        if box is None:
            return False
        wx, wy, ww, wh = window
        return not (box[2] < wx - margin or box[0] > wx + ww + margin
                    or box[3] < wy - margin or box[1] > wy + wh + margin)

    def draw(self, c: Canvas, window: Rect, keys: Iterable[Key] | None = None) -> None:
        """Draw the links among ``keys`` (every link when None) that meet
        ``window`` (map units, y down; the canvas is set up with y flipped, as
        MapPainter.draw does), a path per link kind."""
        codes: dict[LinkKind, list[str]] = {}
        heads: dict[LinkKind, list[Head]] = {}
        for key in self.points if keys is None else keys:
            if not self.meets(key, window):
                continue
            kind = self.kinds[key]
            codes.setdefault(kind, []).append(self._codes[key])
            points = self.points[key]
            heads.setdefault(kind, []).append(Head(key, points[-1], points[-2]))
        for kind in LINK_ORDER:
            if kind not in codes:
                continue
            style = LINK_STYLE[kind]
            path = c.beginPath()
            # the operators written up front (reportlab's path keeps its own in _code)
            path._code.extend(codes[kind])
            c.setStrokeColor(shapes.colour(style.colour))
            c.setLineWidth(style.width * 0.8)
            c.setLineCap(0)
            c.setLineJoin(1)
            if style.dash:
                c.setDash(list(style.dash))
            c.drawPath(path, stroke=1, fill=0)
            c.setDash()
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
