"""All card-to-card links in one item, painted in a few batched calls.

A map with thousands of links has hundreds of long routes crossing any
viewport; one Python paint call per link cannot fill a frame in time. This
layer cuts every route into pieces along a coarse grid and paints only the
pieces in the exposed cells, with one drawLines per colour. It also
answers which link is under the mouse, for selection.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.canvas import style as st
from journeymapper.canvas.items.markers import arrow_head
from journeymapper.canvas.routing import channel_offset
from journeymapper.model.links import Link

Key = tuple[str, str]
CELL = 2000.0
Piece = tuple[float, float, float, float]
CORNER = 9.0


class Route:
    """The drawn shape of one link: segments (corners rounded), arrowhead, bounds."""

    __slots__ = ("link", "points", "lines", "head", "bbox", "cells", "offset")

    def __init__(self, link: Link) -> None:
        self.link = link
        #: the small shift that keeps parallel links apart (fixed per link)
        self.offset = channel_offset(link.source + link.target)
        self.points: list[tuple[float, float]] | None = None
        self.lines: list[Piece] = []
        self.head: QPolygonF | None = None
        self.bbox = QRectF()
        self.cells: list[tuple[int, int]] = []


def rounded_lines(points: list[tuple[float, float]], radius: float = CORNER) -> list[Piece]:
    """The polyline through ``points`` with each corner cut by a short curve,
    as (x1, y1, x2, y2) segments (plain floats: cheap to build for 5,000 links)."""
    out: list[Piece] = []
    cx, cy = points[0]
    for i in range(1, len(points) - 1):
        (x0, y0), (x1, y1), (x2, y2) = points[i - 1], points[i], points[i + 1]
        d0, d1 = math.hypot(x1 - x0, y1 - y0), math.hypot(x2 - x1, y2 - y1)
        r = min(radius, d0 / 2, d1 / 2)
        if r < 0.5:
            out.append((cx, cy, x1, y1))
            cx, cy = x1, y1
            continue
        ax, ay = x1 - (x1 - x0) / d0 * r, y1 - (y1 - y0) / d0 * r
        bx, by = x1 + (x2 - x1) / d1 * r, y1 + (y2 - y1) / d1 * r
        out.append((cx, cy, ax, ay))
        px, py = ax, ay
        for t in (1 / 3, 2 / 3, 1.0):  # quadratic Bézier a -> corner -> b
            u = 1 - t
            qx = u * u * ax + 2 * u * t * x1 + t * t * bx
            qy = u * u * ay + 2 * u * t * y1 + t * t * by
            out.append((px, py, qx, qy))
            px, py = qx, qy
        cx, cy = bx, by
    x, y = points[-1]
    out.append((cx, cy, x, y))
    return out


class LinkLayer(QGraphicsItem):
    """Paints every routed link; see the module docstring."""

    def __init__(self, theme: st.Theme) -> None:
        super().__init__()
        self.theme = theme
        self.routes: dict[Key, Route] = {}
        self.grid: dict[tuple[int, int], dict[Key, list[Piece]]] = defaultdict(dict)
        self.selected: set[Key] = set()
        #: per grid cell, its pieces ready to draw: overlapping lines merged
        self._merged: dict[tuple[int, int], tuple[list[QLineF], list[QLineF]]] = {}
        #: per grid cell, the arrowheads whose tip lies in it
        self._heads: dict[tuple[int, int], dict[Key, QPolygonF]] = defaultdict(dict)
        self._bounds = QRectF()
        self._batch = 0  # inside batch(): one repaint at the end, not one per route
        self.setZValue(5)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_bounds(self, rect: QRectF) -> None:
        if rect != self._bounds:
            self.prepareGeometryChange()
            self._bounds = QRectF(rect)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return self._bounds

    def set_theme(self, theme: st.Theme) -> None:
        self.theme = theme
        self.update()

    # ------------------------------------------------------------ routes
    def add(self, link: Link) -> Route:
        route = Route(link)
        self.routes[(link.source, link.target)] = route
        return route

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Many routes change at once (after a full layout): repaint once."""
        self._batch += 1
        try:
            yield
        finally:
            self._batch -= 1
            if not self._batch:
                self.update()

    def set_route(self, key: Key, points: list[tuple[float, float]] | None) -> None:
        """Give a link its corner points (None: not drawn, e.g. it ends at a header)."""
        route = self.routes[key]
        if points == route.points and (points is not None or not route.lines):
            return  # unchanged: skip the costly rebuild and re-index
        route.points = points
        old = QRectF(route.bbox)
        self._unindex(key, route)
        if points is None:
            route.lines, route.head, route.bbox = [], None, QRectF()
        else:
            route.lines = rounded_lines(points)
            (x0, y0), (x1, y1) = points[-2], points[-1]
            d = math.hypot(x1 - x0, y1 - y0) or 1.0
            route.head = arrow_head(QPointF(x1, y1), QPointF((x1 - x0) / d, (y1 - y0) / d), 9.0)
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            route.bbox = QRectF(min(xs) - 8, min(ys) - 8, max(xs) - min(xs) + 16,
                                max(ys) - min(ys) + 16)
            self._index(key, route)
        if not self._batch:
            self.update(old.united(route.bbox))

    def remove(self, key: Key) -> None:
        route = self.routes.pop(key, None)
        self.selected.discard(key)
        if route is not None:
            self._unindex(key, route)
            self.update(route.bbox)

    def _index(self, key: Key, route: Route) -> None:
        pieces: dict[tuple[int, int], list[Piece]] = defaultdict(list)
        for line in route.lines:
            x1, y1, x2, y2 = line
            cell = (int(x1 // CELL), int(y1 // CELL))
            if cell == (int(x2 // CELL), int(y2 // CELL)):  # most pieces: one cell, as _cut
                if (x1 == x2 and y1 > y2 or y1 == y2 and x1 > x2) \
                        and abs(x2 - x1) + abs(y2 - y1) >= CELL / 4:
                    line = (x2, y2, x1, y1)
                pieces[cell].append(line)
                continue
            for cell, piece in _cut(*line):
                pieces[cell].append(piece)
        route.cells = list(pieces)
        for cell, bits in pieces.items():
            self.grid[cell][key] = bits
            self._merged.pop(cell, None)
        if route.head is not None:
            tip = route.head.at(0)
            self._heads[(int(tip.x() // CELL), int(tip.y() // CELL))][key] = route.head

    def _unindex(self, key: Key, route: Route) -> None:
        for cell in route.cells:
            bucket = self.grid.get(cell)
            if bucket is not None:
                bucket.pop(key, None)
            self._merged.pop(cell, None)
        if route.head is not None:
            tip = route.head.at(0)
            self._heads[(int(tip.x() // CELL), int(tip.y() // CELL))].pop(key, None)
        route.cells = []

    def _cells(self, rect: QRectF):
        for gx in range(int(rect.left() // CELL), int(rect.right() // CELL) + 1):
            for gy in range(int(rect.top() // CELL), int(rect.bottom() // CELL) + 1):
                bucket = self.grid.get((gx, gy))
                if bucket:
                    yield bucket

    def keys_in(self, rect: QRectF) -> set[Key]:
        found: set[Key] = set()
        for bucket in self._cells(rect):
            found.update(bucket)
        return found

    def link_at(self, pos: QPointF, tolerance: float = 5.0) -> Key | None:
        """The link whose line passes within ``tolerance`` of ``pos``."""
        box = QRectF(pos.x() - tolerance, pos.y() - tolerance, 2 * tolerance, 2 * tolerance)
        best, best_d = None, tolerance
        for key in self.keys_in(box):
            for line in self.routes[key].lines:
                d = _distance(pos, *line)
                if d <= best_d:
                    best, best_d = key, d
        return best

    def select(self, keys: set[Key]) -> None:
        changed = self.selected ^ keys
        self.selected = set(keys)
        for key in changed:
            if key in self.routes:
                self.update(self.routes[key].bbox)

    # ------------------------------------------------------------ paint
    def _drawable(self, cell: tuple[int, int]) -> tuple[list[QLineF], list[QLineF]]:
        """A cell's pieces with overlapping straight ones merged (cached until
        a route through the cell changes)."""
        cached = self._merged.get(cell)
        if cached is not None:
            return cached
        columns: dict[float, list[tuple[float, float]]] = defaultdict(list)
        rows: dict[float, list[tuple[float, float]]] = defaultdict(list)
        corners: list[QLineF] = []
        for bits in self.grid.get(cell, {}).values():
            for x1, y1, x2, y2 in bits:
                if x1 == x2:
                    columns[round(x1, 1)].append((min(y1, y2), max(y1, y2)))
                elif y1 == y2:
                    rows[round(y1, 1)].append((min(x1, x2), max(x1, x2)))
                else:
                    corners.append(QLineF(x1, y1, x2, y2))
        straight = [QLineF(x, a, x, b) for x, spans in columns.items() for a, b in _merge(spans)]
        straight += [QLineF(a, y, b, y) for y, spans in rows.items() for a, b in _merge(spans)]
        self._merged[cell] = (straight, corners)
        return straight, corners

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        exposed = visible_rect(p, option.exposedRect)
        straight: list[QLineF] = []
        corners: list[QLineF] = []
        heads: list[QPolygonF] = []
        for gx in range(int(exposed.left() // CELL), int(exposed.right() // CELL) + 1):
            for gy in range(int(exposed.top() // CELL), int(exposed.bottom() // CELL) + 1):
                if (gx, gy) in self.grid:
                    lines, bends = self._drawable((gx, gy))
                    straight += lines
                    corners += bends
                    heads += self._heads.get((gx, gy), {}).values()
        chosen = [self.routes[k] for k in self.selected if k in self.routes]
        self._draw(p, straight, corners, heads, self.theme["link"], 1.6)
        if chosen:
            lines = [QLineF(*ln) for r in chosen for ln in r.lines]
            self._draw(p, [], lines, [r.head for r in chosen if r.head is not None],
                       self.theme["selection"], 2.8)

    @staticmethod
    def _draw(p: QPainter, straight: list[QLineF], corners: list[QLineF],
              heads: list[QPolygonF], colour, width: float) -> None:
        pen = QPen(colour, width)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        p.setPen(pen)
        # axis-aligned lines look the same without antialiasing, at half the cost
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        if straight:
            p.drawLines(straight)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if corners:
            p.drawLines(corners)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        for head in heads:
            p.drawPolygon(head)


def _merge(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Overlapping or touching intervals joined."""
    spans.sort()
    out = [list(spans[0])]
    for a, b in spans[1:]:
        if a <= out[-1][1] + 0.5:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def _cut(x1: float, y1: float, x2: float, y2: float) -> list[tuple[tuple[int, int], Piece]]:
    """A segment split at grid lines (routes are axis-aligned; short corner
    pieces go whole into the cell of their middle)."""
    if abs(x2 - x1) + abs(y2 - y1) < CELL / 4 or (x1 != x2 and y1 != y2):
        return [((int((x1 + x2) / 2 // CELL), int((y1 + y2) / 2 // CELL)), (x1, y1, x2, y2))]
    vertical = x1 == x2
    lo, hi = (y1, y2) if vertical else (x1, x2)
    if lo > hi:
        lo, hi = hi, lo
    fixed = int((x1 if vertical else y1) // CELL)
    out = []
    for g in range(int(lo // CELL), int(hi // CELL) + 1):
        a = g * CELL
        b = a + CELL
        a = lo if lo > a else a
        b = hi if hi < b else b
        if b > a:
            piece = (x1, a, x1, b) if vertical else (a, y1, b, y1)
            out.append(((fixed, g) if vertical else (g, fixed), piece))
    return out


def visible_rect(p: QPainter, exposed: QRectF) -> QRectF:
    """The part of ``exposed`` that reaches the device (a render into an image
    passes the whole item as exposed)."""
    inverse, ok = p.worldTransform().inverted()
    if not ok:
        return exposed
    device = inverse.mapRect(QRectF(p.viewport()))
    return exposed.intersected(device)


def _distance(pos: QPointF, ax: float, ay: float, bx: float, by: float) -> float:
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((pos.x() - ax) * dx + (pos.y() - ay) * dy)
                                             / length2))
    return math.hypot(pos.x() - (ax + t * dx), pos.y() - (ay + t * dy))
