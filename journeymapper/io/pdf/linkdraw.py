"""The map's card links on a reportlab canvas: the shared router's routes
(journeymapper.layout.routing, the same the canvas draws), with rounded
corners, arrowheads at the card edge, and each link kind in its own style
(layout.palette.LINK_STYLE).

Every route is cut into its straight runs and corners, and each piece is
indexed on its own, so drawing one tile of a big map visits the pieces on
that tile instead of testing every long link against every tile.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from journeymapper.io.pdf import shapes
from journeymapper.io.pdf.spatial import GridIndex
from journeymapper.layout.geometry import Rect
from journeymapper.layout.palette import LINK_ORDER, LINK_STYLE
from journeymapper.layout.routing import Key, LinkRouter, Point, rounded
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
    layout.routing.rounded as cubic Beziers)."""
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


def _bbox(piece: Piece) -> Rect:
    xs, ys = piece[0::2], piece[1::2]
    return (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


class LinkDrawing:
    """The routed links of one map, indexed piece by piece for drawing windows of it."""

    def __init__(self, router: LinkRouter) -> None:
        self.router = router
        self.points: dict[Key, tuple[Point, ...]] = router.all_points()
        self.kinds: dict[Key, LinkKind] = dict(router.kinds)
        self._pieces: GridIndex[tuple[LinkKind, Piece]] = GridIndex()
        self._heads: GridIndex[tuple[LinkKind, Head]] = GridIndex()
        for key, points in self.points.items():
            if len(points) < 2:
                continue
            kind = self.kinds[key]
            for piece in pieces_of(points):
                self._pieces.insert(_bbox(piece), (kind, piece))
            tip, back = points[-1], points[-2]
            self._heads.insert((tip[0], tip[1], 0.0, 0.0), (kind, Head(key, tip, back)))

    def draw(self, c: Canvas, window: Rect) -> None:
        """Draw the links that meet ``window`` (map units, y down; the canvas
        is set up with y flipped, as MapPainter.draw does)."""
        by_kind: dict[LinkKind, list[Piece]] = {}
        for kind, piece in self._pieces.query(window, margin=2.0):
            by_kind.setdefault(kind, []).append(piece)
        heads: dict[LinkKind, list[Head]] = {}
        for kind, head in self._heads.query(window, margin=HEAD):
            heads.setdefault(kind, []).append(head)
        for kind in LINK_ORDER:
            style = LINK_STYLE[kind]
            pieces = by_kind.get(kind)
            if pieces:
                path = c.beginPath()
                last = None
                for piece in pieces:
                    if piece[:2] != last:
                        path.moveTo(piece[0], -piece[1])
                    if len(piece) == 4:
                        path.lineTo(piece[2], -piece[3])
                    else:
                        path.curveTo(piece[2], -piece[3], piece[4], -piece[5], piece[6], -piece[7])
                    last = piece[-2:]
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
