"""The map's layout, kept current cell by cell as the document changes.

``layout_map`` lays out the whole map (O(cards)); after a card is added,
removed or moved only its old and new cells need laying out again, unless a
lane's height or the persona strip changes. Plain Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable

from journeymapper.layout import geometry as g
from journeymapper.layout.geometry import MapLayout, Rect, layout_map
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Kind

Cell = tuple[str | None, str]


class LiveLayout:
    """``geo`` is a MapLayout equal to ``layout_map(doc)`` after every update."""

    def __init__(self, doc: JourneyMap) -> None:
        self.doc = doc
        self.geo = MapLayout()
        self.counts: dict[Cell, int] = {}
        self.rebuild()

    def rebuild(self) -> None:
        self.geo = layout_map(self.doc)
        self.counts = {cell: len(items) for cell, items in self.doc.cells()}

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

    def update_cells(self, cells: Iterable[Cell], removed: Iterable[str] = ()) -> set[str] | None:
        """Lay out ``cells`` again; return the ids whose rectangle changed,
        or None when the whole map had to be laid out again."""
        for element_id in removed:
            self.geo.cards.pop(element_id, None)
            self.geo.emotion_points.pop(element_id, None)
        cells = set(cells)
        for cell in cells:
            self.counts[cell] = len(self.doc.cell(*cell))
        stages = self.doc.stage_order
        lanes = {lane.id: lane for lane in self.doc.lanes}
        for stage, lane_id in cells:
            lane = lanes.get(lane_id)
            if stage is None or lane is None or stage not in self.geo.columns \
                    or lane_id not in self.geo.lanes:
                self.rebuild()
                return None
            fullest = max((self.counts.get((s, lane_id), 0) for s in stages), default=0)
            if g.lane_height(fullest, lane.kind) != self.geo.lanes[lane_id][3]:
                self.rebuild()
                return None
        changed: set[str] = set()
        emotion_range = int(self.doc.settings.get("emotion_range", 2))
        for stage, lane_id in cells:
            assert stage is not None
            x = self.geo.columns[stage][0]
            ly = self.geo.lanes[lane_id][1]
            items = self.doc.cell(stage, lane_id)
            emotional = lanes[lane_id].kind is Kind.EMOTION
            for i, element in enumerate(items):
                if emotional and element.kind is Kind.EMOTION:
                    point = g.emotion_point(x, ly, i, len(items), element.fields.get("score", 0),
                                            emotion_range)
                    self.geo.emotion_points[element.id] = point
                    rect = g.emotion_rect(point, len(items))
                else:
                    self.geo.emotion_points.pop(element.id, None)
                    rect = g.card_rect(x, ly, i, element)
                if self.geo.cards.get(element.id) != rect:
                    self.geo.cards[element.id] = rect
                    changed.add(element.id)
        return changed
