"""All card-to-card links in one item, painted in a few batched calls.

The routes come from the shared router (journeymapper.layout.routing), so
the canvas, `render` and the PDF draw the same lines. A map with thousands
of links has hundreds of routes crossing any viewport; one Python paint call
per link cannot fill a frame in time, so this layer indexes routes by the
bands of the map's grid they pass (gutters and columns across, lane
boundaries and lanes down: they stay right while lanes grow), works out the
points of only the routes in the exposed bands, and paints them with a few
drawLines per link style. It also answers which link is under the mouse.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.canvas import style as st
from journeymapper.canvas.items.markers import arrow_head
from journeymapper.layout.palette import LINK_STYLE
from journeymapper.layout.routegrid import Point, rounded
from journeymapper.layout.routing import NOT_ROUTED, LinkRouter
from journeymapper.model.links import Link, LinkKind

Key = tuple[str, str]
Piece = tuple[float, float, float, float]
Groups = dict[LinkKind, tuple[list[QLineF], list[QLineF], list[QPolygonF]]]
CELL = 1024.0  # the paint cache's grid
HEAD = 8.0


class Route:
    """A drawn card link: its points (from the router, or from a drag in
    progress), its segments with rounded corners, and its arrowhead."""

    __slots__ = ("link", "_layer", "_version", "_points", "_lines", "_qt", "box", "starts")

    def __init__(self, link: Link, layer: LinkLayer) -> None:
        self.link = link
        self._layer = layer
        self._version = -1
        self._points: tuple[Point, ...] | None = None
        self._lines: list[Piece] = []
        #: ready to paint: straight QLineFs, corner QLineFs, the arrowhead
        self._qt: tuple[list[QLineF], list[QLineF], QPolygonF | None] | None = None
        #: the box around its points (x0, y0, x1, y1), None when not drawn
        self.box: tuple[float, float, float, float] | None = None
        #: where each corner line and the arrowhead (last) start, as plain tuples
        self.starts: list[Point] = []

    @property
    def key(self) -> Key:
        return (self.link.source, self.link.target)

    def _fresh(self) -> None:
        version = self._layer.version
        if version == self._version:
            return
        points = self._layer.points_of(self.key)
        if points != self._points or self._qt is None:
            self._points = points
            self._lines = rounded_lines(list(points)) if points else []
            self._qt = None
            if points:
                xs, ys = [p[0] for p in points], [p[1] for p in points]
                self.box = (min(xs), min(ys), max(xs), max(ys))
            else:
                self.box = None
        self._version = version

    @property
    def points(self) -> tuple[Point, ...] | None:
        """The corner points, source edge first, arrow tip last (None: not drawn)."""
        self._fresh()
        return self._points

    @property
    def lines(self) -> list[Piece]:
        """The drawn segments (x1, y1, x2, y2), corners cut by short curves."""
        self._fresh()
        return self._lines

    @property
    def bbox(self) -> QRectF:
        points = self.points
        if not points:
            return QRectF()
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return QRectF(min(xs) - 8, min(ys) - 8, max(xs) - min(xs) + 16, max(ys) - min(ys) + 16)

    def drawable(self) -> tuple[list[Piece], list[QLineF], QPolygonF | None]:
        """Its straight runs (as plain tuples: the layer clips them to what it
        paints), its corners as QLineFs and its arrowhead."""
        self._fresh()
        if self._qt is None:
            straight, corners, starts = [], [], []
            for piece in self._lines:
                x1, y1, x2, y2 = piece
                if x1 == x2 or y1 == y2:
                    straight.append(piece)
                else:
                    corners.append(QLineF(x1, y1, x2, y2))
                    starts.append((x1, y1))
            head = None
            if self._points and len(self._points) >= 2:
                (x0, y0), (x1, y1) = self._points[-2], self._points[-1]
                d = math.hypot(x1 - x0, y1 - y0) or 1.0
                head = arrow_head(QPointF(x1, y1), QPointF((x1 - x0) / d, (y1 - y0) / d),
                                  min(HEAD, max(4.0, d)))
                starts.append((x1, y1))  # the arrowhead's tip
            self._qt = (straight, corners, head)
            self.starts = starts
        return self._qt


def rounded_lines(points: list[Point]) -> list[Piece]:
    """The route's runs and rounded corners (layout.routegrid.rounded) as
    (x1, y1, x2, y2) segments, each corner in three (plain floats: cheap to
    build for many links)."""
    out: list[Piece] = []
    for part in rounded(points):
        if len(part) == 2:
            (ax, ay), (bx, by) = part
            out.append((ax, ay, bx, by))
            continue
        (ax, ay), (cx, cy), (bx, by) = part
        px, py = ax, ay
        for t in (1 / 3, 2 / 3, 1.0):  # the quadratic Bezier a -> corner -> b
            u = 1 - t
            qx = u * u * ax + 2 * u * t * cx + t * t * bx
            qy = u * u * ay + 2 * u * t * cy + t * t * by
            out.append((px, py, qx, qy))
            px, py = qx, qy
    return out


class LinkLayer(QGraphicsItem):
    """Paints every routed link; see the module docstring."""

    def __init__(self, theme: st.Theme) -> None:
        super().__init__()
        self.theme = theme
        self.routes: dict[Key, Route] = {}
        self.router: LinkRouter | None = None
        self.selected: set[Key] = set()
        #: routes of links whose cards are being dragged, in place of the router's
        self.overrides: dict[Key, tuple[Point, ...]] = {}
        self._overrides_version = 0
        #: per grid cell, what it paints (clipped to it), for one router version and
        #: one set of dragged links: {kind: (straight, corners, heads)}
        self._painted: dict[tuple[int, int], Groups] = {}
        self._painted_for: tuple[int, frozenset[Key]] = (-1, frozenset())
        #: per link, the cells of _painted it is drawn in
        self._cells_of: dict[Key, set[tuple[int, int]]] = defaultdict(set)
        self._bands: dict[tuple[int, int], set[Key]] = defaultdict(set)
        self._bands_of: dict[Key, set[tuple[int, int]]] = {}
        self._bounds = QRectF()
        self._batch = 0
        self.setZValue(5)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    @property
    def version(self) -> int:
        """Grows whenever any drawn point may have changed."""
        router = 0 if self.router is None else self.router.version
        return router * 1_000_003 + self._overrides_version

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
        route = Route(link, self)
        key = (link.source, link.target)
        self.routes[key] = route
        if self.router is not None:
            self.router.add(link.source, link.target, link.kind)
        return route

    def remove(self, key: Key) -> None:
        self._forget_cells((key,))
        route = self.routes.pop(key, None)
        self.selected.discard(key)
        self.overrides.pop(key, None)
        if route is not None and self.router is not None:
            self.router.remove(key)
        self._unindex(key)
        self.update()

    def set_router(self, router: LinkRouter | None) -> None:
        """Routes now come from ``router`` (it is told about every link here)."""
        self.router = router
        self._bands.clear()
        self._bands_of.clear()
        self._clear_cells()
        if router is not None:
            for link in (r.link for r in self.routes.values()):
                router.add(link.source, link.target, link.kind)
        self.update()

    def commit(self, budget: int | None = 0, repaint: bool = True) -> None:
        """Let the router plan what changed (urgent links, and ``budget`` of
        the waiting ones; None: all) and index the plans that did (and with
        ``repaint``, paint them; else the caller says when)."""
        if self.router is None:
            return
        changed = self.router.commit(budget)
        if not changed:
            return
        for key in changed:
            self._unindex(key)
            if key in self.routes and key in self.router.plans:
                bands = self.router.bands(key)
                self._bands_of[key] = bands
                for band in bands:
                    self._bands[band].add(key)
        if repaint and not self._batch:
            self.update()

    def _unindex(self, key: Key) -> None:
        for band in self._bands_of.pop(key, ()):
            bucket = self._bands.get(band)
            if bucket is not None:
                bucket.discard(key)

    def points_of(self, key: Key) -> tuple[Point, ...] | None:
        override = self.overrides.get(key)
        if override is not None:
            return override
        if self.router is None:
            return None
        self.commit(0)
        return self.router.points(key)

    def set_overrides(self, routes: dict[Key, tuple[Point, ...]]) -> None:
        """Links following cards being dragged (an empty dict: back to the router's)."""
        if not routes and not self.overrides:
            return
        self.overrides = dict(routes)
        self._overrides_version += 1
        self.update()

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

    def keys_in(self, rect: QRectF) -> set[Key]:
        """The links whose routes may pass ``rect`` (a superset)."""
        found: set[Key] = set(self.overrides)
        if self.router is None:
            return found
        self.commit(0)
        grid = self.router.grid
        bands = self._bands
        for xb in grid.x_bands(rect.left(), rect.right()):
            for yb in grid.y_bands(rect.top(), rect.bottom()):
                bucket = bands.get((xb, yb))
                if bucket:
                    found.update(bucket)
        return found

    def link_at(self, pos: QPointF, tolerance: float = 5.0) -> Key | None:
        """The link whose line passes within ``tolerance`` of ``pos``."""
        box = QRectF(pos.x() - tolerance, pos.y() - tolerance, 2 * tolerance, 2 * tolerance)
        best, best_d = None, tolerance
        for key in sorted(self.keys_in(box)):
            route = self.routes.get(key)
            if route is None:
                continue
            for line in route.lines:
                d = _distance(pos, *line)
                if d <= best_d:
                    best, best_d = key, d
        return best

    def select(self, keys: set[Key]) -> None:
        if keys != self.selected:
            # a selected link is drawn over the others, not in the cells: the
            # cells it leaves or joins are drawn again
            self._forget_cells(keys ^ self.selected)
            self.selected = set(keys)
            self.update()

    # ------------------------------------------------------------ paint
    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        exposed = visible_rect(p, option.exposedRect)
        if self.router is not None:
            self.commit(0)
            now = (self.router.version, frozenset(self.overrides))
            if now != self._painted_for:
                self._clear_cells()
                self._painted_for = now
        groups: Groups = {}
        for gx in range(int(exposed.left() // CELL), int(exposed.right() // CELL) + 1):
            for gy in range(int(exposed.top() // CELL), int(exposed.bottom() // CELL) + 1):
                for kind, (straight, corners, heads) in self._cell(gx, gy).items():
                    group = groups.get(kind)
                    if group is None:
                        group = groups[kind] = ([], [], [])
                    group[0].extend(straight)
                    group[1].extend(corners)
                    group[2].extend(heads)
        for key in self.overrides:  # dragged: drawn whole, as they follow the mouse
            route = self.routes.get(key)
            if route is not None and key not in self.selected:
                self._add(groups, route, None)
        dark = self.theme.dark
        for kind in sorted(groups, key=lambda k: k.value):
            link_style = LINK_STYLE.get(kind)
            if link_style is not None:
                straight, corners, heads = groups[kind]
                if link_style.dash:  # a dashed run costs its dashes: draw what shows
                    straight = _dash_clipped(straight, exposed, sum(link_style.dash))
                self._draw(p, straight, corners, heads, QColor(link_style.colour_for(dark)),
                           link_style.width, link_style.dash)
        chosen = [self.routes[k] for k in self.selected if k in self.routes]
        if chosen:
            picked: Groups = {}
            for route in chosen:
                self._add(picked, route, None)
            for straight, corners, heads in picked.values():
                self._draw(p, straight, corners, heads, self.theme["selection"], 2.8, ())

    def _clear_cells(self) -> None:
        self._painted.clear()
        self._cells_of.clear()

    def _forget_cells(self, keys: Iterable[Key]) -> None:
        """Draw again the cells of the paint cache these links were drawn in
        and the cells they pass now."""
        painted, cells_of = self._painted, self._cells_of
        if not painted:
            return
        for key in keys:
            for cell in cells_of.pop(key, ()):
                painted.pop(cell, None)
            route = self.routes.get(key)
            if route is None:
                continue
            route._fresh()
            box = route.box
            if box is not None:
                for gx in range(int(box[0] // CELL), int(box[2] // CELL) + 1):
                    for gy in range(int(box[1] // CELL), int(box[3] // CELL) + 1):
                        painted.pop((gx, gy), None)

    def _cell(self, gx: int, gy: int) -> Groups:
        """What grid cell (gx, gy) paints: the parts of the routes in it, their
        straight runs clipped to it (a long dashed run costs what shows)."""
        cached = self._painted.get((gx, gy))
        if cached is not None:
            return cached
        rect = QRectF(gx * CELL, gy * CELL, CELL, CELL)
        groups: Groups = {}
        skip = self.selected | set(self.overrides)
        cells_of = self._cells_of
        for key in sorted(self.keys_in(rect) - skip):
            route = self.routes.get(key)
            if route is not None and self._add(groups, route, (gx * CELL, gy * CELL)):
                cells_of[key].add((gx, gy))
        for kind, (straight, corners, heads) in groups.items():
            groups[kind] = (_merged(straight), corners, heads)
        self._painted[(gx, gy)] = groups
        return groups

    @staticmethod
    def _add(groups: Groups, route: Route, cell: tuple[float, float] | None) -> bool:
        """Add a route to ``groups``: whole, or the part of it in ``cell``
        (False: it does not pass the cell)."""
        if cell is not None:  # most routes the index gives a cell pass beside it
            route._fresh()
            box, (x0, y0) = route.box, cell
            if box is None or box[2] < x0 or box[0] >= x0 + CELL or box[3] < y0 \
                    or box[1] >= y0 + CELL:
                return False
        straight, corners, head = route.drawable()
        group = groups.get(route.link.kind)
        if group is None:
            group = groups[route.link.kind] = ([], [], [])
        if cell is None:
            group[0].extend(QLineF(*piece) for piece in straight)
            group[1].extend(corners)
            if head is not None:
                group[2].append(head)
            return True
        x0, y0 = cell
        x1, y1 = x0 + CELL, y0 + CELL
        for ax, ay, bx, by in straight:
            lx, hx = (ax, bx) if ax <= bx else (bx, ax)
            ly, hy = (ay, by) if ay <= by else (by, ay)
            if hx < x0 or lx >= x1 or hy < y0 or ly >= y1:
                continue
            group[0].append(QLineF(max(lx, x0), max(ly, y0), min(hx, x1), min(hy, y1)))
        starts = route.starts
        for line, (x, y) in zip(corners, starts):
            if x0 <= x < x1 and y0 <= y < y1:
                group[1].append(line)
        if head is not None:
            x, y = starts[-1]
            if x0 <= x < x1 and y0 <= y < y1:
                group[2].append(head)
        return True

    @staticmethod
    def _draw(p: QPainter, straight: list[QLineF], corners: list[QLineF],
              heads: list[QPolygonF], colour: QColor, width: float,
              dash: tuple[float, ...]) -> None:
        pen = QPen(colour, width)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        if dash:
            pen.setDashPattern([d / width for d in dash])
        p.setPen(pen)
        # axis-aligned lines look the same without antialiasing, at half the cost
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        if straight:
            p.drawLines(straight)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if corners:
            p.drawLines(corners)
        if heads:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            for head in heads:
                p.drawPolygon(head)


def _merged(lines: list[QLineF]) -> list[QLineF]:
    """Axis-aligned lines with the ones that lie along each other joined (in a
    gap holding more links than it has room for, tracks share places)."""
    columns: dict[float, list[tuple[float, float]]] = defaultdict(list)
    rows: dict[float, list[tuple[float, float]]] = defaultdict(list)
    for line in lines:
        x1, y1, x2, y2 = line.x1(), line.y1(), line.x2(), line.y2()
        if x1 == x2:
            columns[round(x1, 2)].append((min(y1, y2), max(y1, y2)))
        else:
            rows[round(y1, 2)].append((min(x1, x2), max(x1, x2)))
    out = [QLineF(x, a, x, b) for x, spans in columns.items() for a, b in _joined(spans)]
    out += [QLineF(a, y, b, y) for y, spans in rows.items() for a, b in _joined(spans)]
    return out


def _dash_clipped(lines: list[QLineF], rect: QRectF, period: float) -> list[QLineF]:
    """Axis-aligned dashed lines cut to ``rect``: a line's start moves by whole
    dash periods only, so its dashes stay where they were as the view scrolls."""
    margin = 4.0
    left, top = rect.left() - margin, rect.top() - margin
    right, bottom = rect.right() + margin, rect.bottom() + margin
    out = []
    for line in lines:
        x1, y1, x2, y2 = line.x1(), line.y1(), line.x2(), line.y2()
        if x1 == x2:
            a, b, low, high = y1, y2, top, bottom
            if not left <= x1 <= right:
                continue
        else:
            a, b, low, high = x1, x2, left, right
            if not top <= y1 <= bottom:
                continue
        if max(a, b) < low or min(a, b) > high:
            continue
        if a <= b:
            a, b = (a + (low - a) // period * period if a < low else a), min(b, high)
        else:
            a, b = (a - (a - high) // period * period if a > high else a), max(b, low)
        out.append(QLineF(x1, a, x2, b) if x1 == x2 else QLineF(a, y1, b, y2))
    return out


def _joined(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    spans.sort()
    out = [list(spans[0])]
    for a, b in spans[1:]:
        if a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def drawn(link: Link) -> bool:
    """Whether the layer draws a link (persona walks and stage links it does not)."""
    return link.kind not in NOT_ROUTED


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
