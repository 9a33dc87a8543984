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
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.canvas import style as st
from journeymapper.canvas.items.markers import arrow_head
from journeymapper.layout.palette import LINK_STYLE
from journeymapper.layout.routing import NOT_ROUTED, LinkRouter, Point, rounded
from journeymapper.model.links import Link, LinkKind

Key = tuple[str, str]
Piece = tuple[float, float, float, float]
HEAD = 8.0


class Route:
    """A drawn card link: its points (from the router, or from a drag in
    progress), its segments with rounded corners, and its arrowhead."""

    __slots__ = ("link", "_layer", "_version", "_points", "_lines", "_qt")

    def __init__(self, link: Link, layer: LinkLayer) -> None:
        self.link = link
        self._layer = layer
        self._version = -1
        self._points: tuple[Point, ...] | None = None
        self._lines: list[Piece] = []
        #: ready to paint: straight QLineFs, corner QLineFs, the arrowhead
        self._qt: tuple[list[QLineF], list[QLineF], QPolygonF | None] | None = None

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

    def drawable(self) -> tuple[list[QLineF], list[QLineF], QPolygonF | None]:
        self._fresh()
        if self._qt is None:
            straight, corners = [], []
            for x1, y1, x2, y2 in self._lines:
                (straight if x1 == x2 or y1 == y2 else corners).append(QLineF(x1, y1, x2, y2))
            head = None
            if self._points and len(self._points) >= 2:
                (x0, y0), (x1, y1) = self._points[-2], self._points[-1]
                d = math.hypot(x1 - x0, y1 - y0) or 1.0
                head = arrow_head(QPointF(x1, y1), QPointF((x1 - x0) / d, (y1 - y0) / d),
                                  min(HEAD, max(4.0, d)))
            self._qt = (straight, corners, head)
        return self._qt


def rounded_lines(points: list[Point]) -> list[Piece]:
    """The route's runs and rounded corners (layout.routing.rounded) as
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
        if router is not None:
            for link in (r.link for r in self.routes.values()):
                router.add(link.source, link.target, link.kind)
        self.update()

    def commit(self) -> None:
        """Let the router plan what changed and index the plans that did."""
        if self.router is None:
            return
        changed = self.router.commit()
        if not changed:
            return
        for key in changed:
            self._unindex(key)
            if key in self.routes and key in self.router.plans:
                bands = self.router.bands(key)
                self._bands_of[key] = bands
                for band in bands:
                    self._bands[band].add(key)
        if not self._batch:
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
        self.commit()
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
        self.commit()
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
            self.selected = set(keys)
            self.update()

    # ------------------------------------------------------------ paint
    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        exposed = visible_rect(p, option.exposedRect)
        groups: dict[LinkKind, tuple[list[QLineF], list[QLineF], list[QPolygonF]]] = {}
        chosen: list[Route] = []
        for key in self.keys_in(exposed):
            route = self.routes.get(key)
            if route is None:
                continue
            if key in self.selected:
                chosen.append(route)
                continue
            straight, corners, head = route.drawable()
            group = groups.get(route.link.kind)
            if group is None:
                group = groups[route.link.kind] = ([], [], [])
            group[0].extend(straight)
            group[1].extend(corners)
            if head is not None:
                group[2].append(head)
        dark = self.theme.dark
        for kind in sorted(groups, key=lambda k: k.value):
            link_style = LINK_STYLE.get(kind)
            if link_style is None:
                continue
            straight, corners, heads = groups[kind]
            self._draw(p, straight, corners, heads, QColor(link_style.colour_for(dark)),
                       link_style.width, link_style.dash)
        for route in chosen:
            straight, corners, head = route.drawable()
            self._draw(p, straight, corners, [head] if head is not None else [],
                       self.theme["selection"], 2.8, ())

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
