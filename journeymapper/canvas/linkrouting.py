"""Routing the scene's links: where each link runs after a change.

A mixin of MapScene (it uses the scene's ``doc``, ``live`` layout, ``links``
items and ``link_layer``). After a full layout on a big map the links near
the visible area are routed at once and the rest follow from the event loop
in slices, so a lane that grows does not freeze the window; while cards are
dragged their links follow the mouse.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF, QTimer

from journeymapper.canvas.items.linklayer import Route
from journeymapper.canvas.items.links import StageLinkItem
from journeymapper.canvas.routing import route
from journeymapper.layout import geometry as g

DEFER_ROUTES_ABOVE = 1000  # links; fewer are always routed at once
ROUTE_SLICE = 400
#: cards being dragged: their rectangle now and the stage column under them
Moving = dict[str, tuple[g.Rect, str | None]]


class LinkRoutingMixin:
    """Routes links on the scene's link layer (see the module docstring)."""

    def _route_all(self) -> None:
        """Route every link after a full layout. On a big map shown in a view,
        the links near what is on screen go first and the rest follow from the
        event loop in slices, so a lane that grows does not freeze the window."""
        assert self.live is not None
        seen = QRectF()
        for view in self.views():
            if view.isVisible():
                area = view.mapToScene(view.viewport().rect()).boundingRect()
                seen = seen.united(area.adjusted(-area.width(), -area.height(),
                                                 area.width(), area.height()))
        if len(self.links) < DEFER_ROUTES_ABOVE or seen.isEmpty():
            self._pending_routes = []
            for item in self.links.values():
                self._route(item)
            return
        cards = self.live.geo.cards
        later = []
        for key, item in self.links.items():
            ends = [QRectF(*cards[k]) for k in key if k in cards]
            near = isinstance(item, StageLinkItem) or item.bbox.intersects(seen) or (
                len(ends) == 2 and ends[0].united(ends[1]).intersects(seen))
            if near:
                self._route(item)
            else:
                later.append(key)
        self._pending_routes = later
        if later:
            QTimer.singleShot(0, self._route_some)

    def _route_some(self) -> None:
        batch, self._pending_routes = (self._pending_routes[:ROUTE_SLICE],
                                       self._pending_routes[ROUTE_SLICE:])
        for key in batch:
            item = self.links.get(key)
            if item is not None and self.live is not None:
                self._route(item)
        if self._pending_routes:
            QTimer.singleShot(0, self._route_some)
        else:
            self.overview.invalidate()

    def flush_routes(self) -> None:
        """Route the links still waiting (before drawing the whole map at once)."""
        while self._pending_routes:
            self._route_some()

    def route_links_of(self, ids: Iterable[str], moving: Moving | None = None) -> None:
        """Route the links of cards ``ids`` again. ``moving`` gives cards being
        dragged their rectangle under the mouse and the stage column there
        (None outside the grid), so their links follow the drag."""
        assert self.doc is not None
        keys: set[tuple[str, str]] = set()
        for element_id in ids:
            if element_id in self.doc:
                keys.update((lk.source, lk.target) for lk in self.doc.links_of(element_id))
        for key in keys:
            link_item = self.links.get(key)
            if link_item is not None:
                self._route(link_item, moving)

    def _route(self, item: Route | StageLinkItem, moving: Moving | None = None) -> None:
        assert self.live is not None and self.doc is not None
        link = item.link
        if isinstance(item, StageLinkItem):
            headers = self.live.geo.stage_headers
            order = self.doc.stage_order
            span = abs(order.index(link.source) - order.index(link.target))
            loop = order.index(link.target) <= order.index(link.source)
            item.set_shape(g.stage_link_shape(headers[link.source], headers[link.target],
                                              span, loop))
            return
        key = (link.source, link.target)
        (s_rect, s_stage), (t_rect, t_stage) = (self._link_end(end, moving)
                                                for end in (link.source, link.target))
        if s_rect is None or t_rect is None:
            self.link_layer.set_route(key, None)  # ends at a header (a goal measuring a stage)
            return
        points = route(s_rect, t_rect, self.live.column_span(s_stage),
                       self.live.column_span(t_stage), self.live.channels(), item.offset)
        self.link_layer.set_route(key, points)

    def _link_end(self, element_id: str, moving: Moving | None) -> tuple[g.Rect | None, str | None]:
        """Where a link end is: its card's rectangle and stage column."""
        if moving is not None and element_id in moving:
            return moving[element_id]
        rect = self.live.rect(element_id)
        placement = self.doc.element(element_id).placement
        return rect, placement.stage if placement is not None else None
