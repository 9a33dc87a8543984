"""Routing the scene's links: the shared router kept current as the map changes.

A mixin of MapScene (it uses the scene's ``doc``, ``live`` layout, ``links``
items and ``link_layer``). The router (journeymapper.layout.routing) plans
each link in the map's terms; after a layout change only the links whose
ends changed place in the map's terms (another cell, another index, a cell
that gained or lost a card) are planned again, and the rest follow the new
layout when they are next drawn, so a lane that grows costs the links of the
cells that changed, not every link below it. On a big map the links whose
end went to another cell are planned at once and the others (all of them,
just after the map is opened, those on screen first) in slices of idle time,
so the window never waits for them. While cards are dragged their links
follow the mouse on the middle tracks.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from PySide6.QtCore import QRectF, QTimer

from journeymapper.canvas.items.linklayer import Route
from journeymapper.canvas.items.links import StageLinkItem
from journeymapper.layout import geometry as g
from journeymapper.layout.routegrid import Grid, places_of
from journeymapper.layout.routing import LinkRouter, sketch

#: cards being dragged: their rectangle now and the stage column under them
Moving = dict[str, tuple[g.Rect, str | None]]
SYNC_LINKS = 2000    # maps with no more links are routed in full at every change
SLICE = 250          # links planned per step of a slice of idle time
SLICE_SECONDS = 0.012
REPAINT_SECONDS = 2.0  # while links are planned in idle time, they are painted this often


class LinkRoutingMixin:
    """Keeps the link layer's router current (see the module docstring)."""

    def _grid(self) -> Grid:
        assert self.live is not None and self.doc is not None
        return Grid(self.live.geo, self.doc.stage_order,
                    [(lane.id, lane.kind) for lane in self.doc.lanes])

    def _cells(self) -> Iterable[tuple[tuple[str | None, str], list[str]]]:
        return ((cell, [i for _, i in members]) for cell, members in self.live.members.items())

    def _route_all(self) -> None:
        """After a full layout: a new router when the stages, the lanes or the
        layout itself were made anew; otherwise the same plans on the moved
        layout, and new plans for the links of cells whose cards changed."""
        assert self.live is not None and self.doc is not None
        layer = self.link_layer
        router = layer.router
        grid = self._grid()
        if router is None or router.grid.geo is not self.live.geo \
                or not router.grid.same_shape(grid.stages, grid.lanes):
            router = LinkRouter(grid)
            router.place(places_of(grid, self._cells()))
            self._cell_snapshot = {cell: list(m) for cell, m in self.live.members.items()}
            layer.set_router(router)
            if len(router.kinds) > SYNC_LINKS:
                router.wait_all()
                router.prefer(self._links_on_screen())
        else:
            router.set_grid(grid)
            self._replace_changed_cells()
        for item in self.links.values():  # the arcs between stages follow the headers
            if isinstance(item, StageLinkItem):
                self._route(item)
        self._commit_routes()

    def _replace_changed_cells(self) -> None:
        """Give the router the places of every card in a cell whose members changed."""
        router = self.link_layer.router
        assert router is not None and self.live is not None
        members = self.live.members
        snapshot = self._cell_snapshot
        changed = [cell for cell, m in members.items() if snapshot.get(cell) != m]
        changed += [cell for cell in snapshot if cell not in members]
        if not changed:
            return
        grid = router.grid
        cells = [(cell, [i for _, i in members.get(cell, ())]) for cell in changed]
        router.place(places_of(grid, cells, headers=False))
        for cell in changed:
            if cell in members:
                snapshot[cell] = list(members[cell])
            else:
                snapshot.pop(cell, None)

    def _commit_routes(self) -> None:
        """Plan what must be planned now; on a big map the rest waits for idle time."""
        layer = self.link_layer
        router = layer.router
        assert router is not None
        if len(router.kinds) <= SYNC_LINKS:
            layer.commit(None)
        else:
            layer.commit(0)
            if not router.settled and not getattr(self, "_settling", False):
                self._settling = True
                QTimer.singleShot(0, self, self._settle_routes)
        self.overview.invalidate()

    def _settle_routes(self) -> None:
        """One slice of idle time: plan waiting links, then assign tracks."""
        self._settling = False
        layer = self.link_layer
        router = layer.router
        if router is None or self.live is None:
            return
        start = time.perf_counter()
        if getattr(self, "_links_painting", False):  # the repaint asked for is done:
            self._links_painting = False             # the next one waits from here
            self._links_drawn = start
        preferred = router.preferred
        while not router.settled and time.perf_counter() - start < SLICE_SECONDS:
            layer.commit(SLICE, repaint=False)
        # painted once the links on screen are planned, now and then, and at
        # the end: a repaint after every slice would cost more than the slices
        if router.settled or (preferred and not router.preferred) \
                or start - getattr(self, "_links_drawn", 0.0) > REPAINT_SECONDS:
            self._links_drawn = start
            self._links_painting = True
            layer.update()
            self.overview.invalidate()
        if not router.settled:
            self._settling = True
            QTimer.singleShot(0, self, self._settle_routes)

    def _links_on_screen(self) -> list[tuple[str, str]]:
        """The links with an end near what a view shows (planned first)."""
        seen = QRectF()
        for view in self.views():
            if view.isVisible():
                area = view.mapToScene(view.viewport().rect()).boundingRect()
                seen = seen.united(area.adjusted(-area.width(), -area.height(),
                                                 area.width(), area.height()))
        if seen.isEmpty() or self.live is None:
            return []
        cards = self.live.geo.cards
        out = []
        for key, item in self.links.items():
            if isinstance(item, Route) and any(
                    k in cards and seen.intersects(QRectF(*cards[k])) for k in key):
                out.append(key)
        return out

    def flush_routes(self) -> None:
        """Plan whatever waits (before drawing the whole map at once)."""
        layer = self.link_layer
        if layer.router is not None:
            while not layer.router.settled:
                layer.commit(None)

    def route_links_of(self, ids: Iterable[str], moving: Moving | None = None) -> None:
        """Route the links of cards ``ids`` again. ``moving`` gives cards being
        dragged their rectangle under the mouse and the stage column there
        (None outside the grid), so their links follow the drag."""
        assert self.doc is not None and self.live is not None
        layer = self.link_layer
        if layer.router is None:
            return
        if moving is None:
            layer.set_overrides({})
            layer.router.set_grid(self._grid())
            self._replace_changed_cells()
            self._commit_routes()
            return
        grid = layer.router.grid
        column = {s: i for i, s in enumerate(self.doc.stage_order)}
        overrides = {}
        for element_id in ids:
            for link in self.doc.links_of(element_id):
                key = (link.source, link.target)
                if not isinstance(self.links.get(key), Route):
                    continue
                ends = []
                for end in key:
                    if end in moving:
                        rect, stage = moving[end]
                    else:
                        rect = self.live.rect(end)
                        placement = self.doc.element(end).placement
                        stage = placement.stage if placement is not None else None
                    if rect is None:
                        break
                    ends.append((rect, column.get(stage) if stage is not None else None))
                if len(ends) == 2:
                    overrides[key] = sketch(grid, ends[0][0], ends[0][1], ends[1][0], ends[1][1])
        layer.set_overrides(overrides)

    def _route(self, item: Route | StageLinkItem) -> None:
        """A link was added (or a stage link must be shaped again)."""
        assert self.live is not None and self.doc is not None
        if isinstance(item, StageLinkItem):
            link = item.link
            headers = self.live.geo.stage_headers
            order = self.doc.stage_order
            span = abs(order.index(link.source) - order.index(link.target))
            loop = order.index(link.target) <= order.index(link.source)
            item.set_shape(g.stage_link_shape(headers[link.source], headers[link.target],
                                              span, loop))
            return
        self._commit_routes()

