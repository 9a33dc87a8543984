"""The map's layout, kept current cell by cell as the document changes.

``layout_map`` lays out the whole map (O(cards)); after a card is added,
removed or moved only its old and new cells change, and in each only the
cards from the changed position onwards, unless a lane's height or the
persona strip changes. When a lane changes height only the lanes below it
are stacked again. Each cell's members are kept sorted, so no cell is
sorted again. Plain Python, no Qt.
"""

from __future__ import annotations

from bisect import bisect_left, insort

from journeymapper.layout import geometry as g
from journeymapper.layout.geometry import MapLayout, Rect, layout_map
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Kind, Lane, Placement

Cell = tuple[str | None, str]
Member = tuple[int, str]  # (order, id): the order the document sorts a cell by


class LiveLayout:
    """``geo`` equals ``layout_map(doc)`` after every ``apply`` (with no room
    reserved for a card being typed)."""

    def __init__(self, doc: JourneyMap) -> None:
        self.doc = doc
        self.geo = MapLayout()
        self.members: dict[Cell, list[Member]] = {}
        #: a cell keeping room for one more card, the one being typed
        self.reserved: Cell | None = None
        self.rebuild()

    def rebuild(self) -> None:
        self.geo = layout_map(self.doc)
        self.members = {cell: [(e.placement.order, e.id) for e in items]
                        for cell, items in self.doc.cells()}
        if self.reserved is not None:
            self._restack()

    def reserve(self, cell: Cell | None) -> bool:
        """Keep room for one more card in ``cell`` while it is typed (None:
        give the room back). True when lanes moved, so the items must follow."""
        if cell == self.reserved:
            return False
        self.reserved = cell
        before = dict(self.geo.lanes)
        self._restack()
        return self.geo.lanes != before

    def _fullest(self, lane_id: str) -> int:
        """Cards in the lane's fullest cell, counting the room kept for typing."""
        fullest = max((self.count((s, lane_id)) for s in self.doc.stage_order), default=0)
        if self.reserved is not None and self.reserved[1] == lane_id:
            fullest = max(fullest, self.count(self.reserved) + 1)
        return fullest

    def count(self, cell: Cell) -> int:
        return len(self.members.get(cell, ()))

    def rect(self, element_id: str) -> Rect | None:
        return self.geo.cards.get(element_id)

    def column_span(self, stage: str | None) -> tuple[float, float] | None:
        if stage is None or stage not in self.geo.columns:
            return None
        x, _, w, _ = self.geo.columns[stage]
        return (x, x + w)

    def channels(self) -> list[float]:
        """Free horizontal gaps: the boundaries between lanes (sorted)."""
        ys = {ly for _, ly, _, _ in self.geo.lanes.values()}
        ys |= {ly + lh for _, ly, _, lh in self.geo.lanes.values()}
        return sorted(ys)

    # ------------------------------------------------------------ changes
    def apply(self, changes: list[tuple]) -> set[str] | None:
        """The cards of one change set, each changed once: ``("added", id)``,
        ``("removed", id, placement)``, ``("moved", id, old, new)``,
        ``("refresh", id)``. Every cell's members are brought up to date
        first, then each touched cell is laid out once from its first
        change. Returns the ids whose rectangle changed, or None after a
        full layout (see ``_update``)."""
        starts: dict[Cell, int] = {}

        def touch(cell: Cell, index: int) -> None:
            starts[cell] = min(index, starts.get(cell, index))

        for change in changes:
            what, element_id = change[0], change[1]
            if what == "added":
                p = self.doc.element(element_id).placement
                assert p is not None
                touch(p.cell, self._insert(p, element_id))
            elif what == "removed":
                self.geo.cards.pop(element_id, None)
                self.geo.emotion_points.pop(element_id, None)
                touch(change[2].cell, self._remove(change[2], element_id))
            elif what == "moved":
                touch(change[2].cell, self._remove(change[2], element_id))
                touch(change[3].cell, self._insert(change[3], element_id))
            else:
                p = self.doc.element(element_id).placement
                assert p is not None
                touch(p.cell, 0)
        # each change leaves the members before its index alone, so the members before the
        # smallest index any change touched are where they were: lay out from there
        return self._update(starts) if starts else set()

    def _insert(self, p: Placement, element_id: str) -> int:
        members = self.members.setdefault(p.cell, [])
        insort(members, (p.order, element_id))
        return bisect_left(members, (p.order, element_id))

    def _remove(self, p: Placement, element_id: str) -> int:
        members = self.members.get(p.cell, [])
        index = bisect_left(members, (p.order, element_id))
        if index < len(members) and members[index][1] == element_id:
            del members[index]
        return index

    def _update(self, starts: dict[Cell, int]) -> set[str] | None:
        """Lay out each cell from its start index. None when more than those
        cells moved: a lane changed height (the lanes are stacked again, see
        ``_restack``) or the persona strip changed (the whole map is laid out)."""
        lanes = {lane.id: lane for lane in self.doc.lanes}
        resized = False
        for stage, lane_id in starts:
            lane = lanes.get(lane_id)
            if stage is None or lane is None or stage not in self.geo.columns \
                    or lane_id not in self.geo.lanes:
                self.rebuild()
                return None
            fullest = self._fullest(lane_id)
            resized = resized or g.lane_height(fullest, lane.kind) != self.geo.lanes[lane_id][3]
        if resized:
            self._restack()
        changed: set[str] = set()
        for (stage, lane_id), start in starts.items():
            self._lay_out_cell(stage, lanes[lane_id], start, changed)
        return None if resized else changed

    def _lay_out_cell(self, stage: str, lane: Lane, start: int, changed: set[str]) -> None:
        """Place the cards of one cell from index ``start`` on; ``changed`` gets
        the ids whose rectangle moved."""
        x = self.geo.columns[stage][0]
        ly = self.geo.lanes[lane.id][1]
        members = self.members.get((stage, lane.id), [])
        emotional = lane.kind is Kind.EMOTION
        begin = 0 if emotional else start  # chips spread over the column: all move
        emotion_range = int(self.doc.settings.get("emotion_range", 2))
        for i in range(begin, len(members)):
            element = self.doc.element(members[i][1])
            if emotional and element.kind is Kind.EMOTION:
                point = g.emotion_point(x, ly, i, len(members),
                                        element.fields.get("score", 0), emotion_range)
                self.geo.emotion_points[element.id] = point
                rect = g.emotion_rect(point, len(members))
            else:
                self.geo.emotion_points.pop(element.id, None)
                rect = g.card_rect(x, ly, i, element)
            if self.geo.cards.get(element.id) != rect:
                self.geo.cards[element.id] = rect
                changed.add(element.id)

    def _shift(self, lane: Lane, dy: float, moved: set[str]) -> None:
        """Move a lane's cards down by ``dy`` (the lanes above it changed height)."""
        cards, points = self.geo.cards, self.geo.emotion_points
        for stage in self.doc.stage_order:
            for _, element_id in self.members.get((stage, lane.id), ()):
                x, y, w, h = cards[element_id]
                cards[element_id] = (x, y + dy, w, h)
                point = points.get(element_id)
                if point is not None:
                    points[element_id] = (point[0], point[1] + dy)
                moved.add(element_id)

    def _restack(self) -> None:
        """Lanes changed height: stack them again under the stage headers and
        lay out the cells of each lane that moved or resized. Lanes above the
        first change, the strip and the headers keep their place, so this
        costs the cards below rather than a whole layout."""
        geo, stages = self.geo, self.doc.stage_order
        y = geo.header_y + g.STAGE_HEADER_H
        moved: set[str] = set()
        for lane in self.doc.lanes:
            _, ly, lw, lh = geo.lanes[lane.id]
            h = g.lane_height(self._fullest(lane.id), lane.kind)
            if (ly, lh) != (y, h):
                geo.lanes[lane.id] = (0.0, y, lw, h)
                geo.lane_headers[lane.id] = (0.0, y, g.LANE_HEADER_W, h)
                if lh == h:  # only moved: its cards move with it, as they are
                    self._shift(lane, y - ly, moved)
                else:
                    for stage in stages:
                        self._lay_out_cell(stage, lane, 0, moved)
            y += h
        for stage, (cx, cy, cw, _) in list(geo.columns.items()):
            geo.columns[stage] = (cx, cy, cw, y - cy)
        geo.height = max(y, geo.header_y + g.STAGE_HEADER_H)
