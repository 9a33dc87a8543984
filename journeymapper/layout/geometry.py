"""Where everything on a journey map goes, in canvas units.

The map is a grid: a persona strip on top (cards whose placement has no
stage), a row of stage headers, then one row per lane with the lane header
on the left and one column per stage. Cards stack top-down in their cell;
the emotion lane places each emotion point at a height given by its score so
the points read as a curve. A lane with no card in any stage is a compact
row (EMPTY_LANE_H) that grows when a card lands in it. When the persona
strip is there, a band of ARC_ROOM between it and the stage headers keeps
the arcs between stages off the persona cards (without a strip the arcs run
above y = 0). ``layout_map`` is O(number of cards).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Element, Kind

Rect = tuple[float, float, float, float]  # x, y, width, height

CARD_W = 200.0
CARD_H = 96.0
GAP = 10.0
PAD = 12.0
COL_W = CARD_W + 2 * PAD
LANE_HEADER_W = 150.0
STAGE_HEADER_H = 76.0
EMOTION_LANE_H = 200.0
EMPTY_LANE_H = CARD_H / 2 + PAD  # a lane with no card in any stage: still a row to click
ARC_ROOM = 64.0  # the band above the stage headers where arcs between stages run
EMOTION_W = 150.0
EMOTION_H = 44.0
STRIP_CARD_W = 280.0

CARD_FONT_PT = 11.0
SMALL_FONT_PT = 10.0  # the smallest text the PDF prints on the map
HEADER_FONT_PT = 15.0
LANE_FONT_PT = 12.0
TITLE_FONT_PT = 20.0


@dataclass
class MapLayout:
    """The rectangles of one map; ``cards`` also holds emotion chips and
    persona strip cards, keyed by element id."""

    stage_headers: dict[str, Rect] = field(default_factory=dict)
    columns: dict[str, Rect] = field(default_factory=dict)
    lane_headers: dict[str, Rect] = field(default_factory=dict)
    lanes: dict[str, Rect] = field(default_factory=dict)
    cards: dict[str, Rect] = field(default_factory=dict)
    emotion_points: dict[str, tuple[float, float]] = field(default_factory=dict)
    strip: Rect | None = None
    header_y: float = 0.0  # top of the stage headers
    width: float = 0.0
    height: float = 0.0

    def cell_rect(self, stage: str, lane: str) -> Rect:
        cx, _, cw, _ = self.columns[stage]
        _, ly, _, lh = self.lanes[lane]
        return (cx, ly, cw, lh)

    def cell_at(self, x: float, y: float) -> tuple[str, str] | None:
        """The (stage, lane) cell under a point, or None outside the grid."""
        stage = next((s for s, (cx, _, cw, _) in self.columns.items() if cx <= x < cx + cw), None)
        lane = next((lane_id for lane_id, (_, ly, _, lh) in self.lanes.items()
                     if ly <= y < ly + lh), None)
        if stage is None or lane is None:
            return None
        return stage, lane


def lane_height(count: int, kind: Kind) -> float:
    """Height of a lane whose fullest cell holds ``count`` cards."""
    if count == 0:
        return EMPTY_LANE_H
    if kind is Kind.EMOTION:
        return EMOTION_LANE_H
    rows = max(1, count)
    return rows * CARD_H + (rows - 1) * GAP + 2 * PAD


def card_rect(column_x: float, lane_y: float, index: int, element: Element) -> Rect:
    """Rectangle of the ``index``-th card of a (non-emotion) cell."""
    p = element.placement
    dx, dy = (p.dx, p.dy) if p is not None else (0.0, 0.0)
    return (column_x + PAD + dx, lane_y + PAD + index * (CARD_H + GAP) + dy, CARD_W, CARD_H)


def emotion_point(column_x: float, lane_y: float, index: int, count: int,
                  score: int, emotion_range: int) -> tuple[float, float]:
    """Centre of an emotion chip: spread across the column, height by score."""
    slot = CARD_W / max(1, count)
    x = column_x + PAD + slot * (index + 0.5)
    half = EMOTION_LANE_H / 2 - EMOTION_H / 2 - PAD / 2
    rng = max(1, emotion_range)
    clamped = max(-rng, min(rng, score))
    y = lane_y + EMOTION_LANE_H / 2 - clamped / rng * half
    return x, y


def emotion_rect(point: tuple[float, float], count: int) -> Rect:
    width = min(EMOTION_W, CARD_W / max(1, count) - 6)
    return (point[0] - width / 2, point[1] - EMOTION_H / 2, width, EMOTION_H)


def empty_persona_lanes(doc: JourneyMap) -> frozenset[str]:
    """Persona lanes with no card in any stage while the personas sit in the
    strip above: a row of nothing a printed map can do without."""
    strip = any(doc.cell(None, lane.id) for lane in doc.lanes)
    if not strip:
        return frozenset()
    return frozenset(lane.id for lane in doc.lanes if lane.kind is Kind.PERSONA
                     and not any(doc.cell(s, lane.id) for s in doc.stage_order))


def layout_map(doc: JourneyMap, collapsed: frozenset[str] = frozenset()) -> MapLayout:
    """Compute the full layout of ``doc``; the lanes in ``collapsed`` (empty
    ones, see :func:`empty_persona_lanes`) take no room."""
    out = MapLayout()
    stages = list(doc.stage_order)
    lanes = list(doc.lanes)

    strip_cards = [e for lane in lanes for e in doc.cell(None, lane.id)]
    y = 0.0
    if strip_cards:
        out.strip = (0.0, 0.0, 0.0, CARD_H + 2 * PAD)
        for i, element in enumerate(strip_cards):
            out.cards[element.id] = (LANE_HEADER_W + PAD + i * (STRIP_CARD_W + GAP), PAD,
                                     STRIP_CARD_W, CARD_H)
        y = CARD_H + 2 * PAD + ARC_ROOM

    header_y = out.header_y = y
    y += STAGE_HEADER_H
    cells = {key: items for key, items in doc.cells()}
    emotion_range = int(doc.settings.get("emotion_range", 2))
    for lane in lanes:
        fullest = max((len(cells.get((s, lane.id), ())) for s in stages), default=0)
        h = 0.0 if lane.id in collapsed and not fullest else lane_height(fullest, lane.kind)
        out.lane_headers[lane.id] = (0.0, y, LANE_HEADER_W, h)
        out.lanes[lane.id] = (0.0, y, 0.0, h)  # width set below
        y += h
    grid_bottom = y

    x = LANE_HEADER_W
    for stage in stages:
        out.stage_headers[stage] = (x, header_y, COL_W, STAGE_HEADER_H)
        out.columns[stage] = (x, header_y, COL_W, grid_bottom - header_y)
        for lane in lanes:
            items = cells.get((stage, lane.id), ())
            _, ly, _, _ = out.lanes[lane.id]
            for i, element in enumerate(items):
                if element.kind is Kind.EMOTION and lane.kind is Kind.EMOTION:
                    point = emotion_point(x, ly, i, len(items), element.fields.get("score", 0),
                                          emotion_range)
                    out.emotion_points[element.id] = point
                    out.cards[element.id] = emotion_rect(point, len(items))
                else:
                    out.cards[element.id] = card_rect(x, ly, i, element)
        x += COL_W

    strip_right = max((r[0] + r[2] + PAD for r in out.cards.values()), default=0.0)
    out.width = max(x, strip_right, LANE_HEADER_W + COL_W)
    out.height = max(grid_bottom, header_y + STAGE_HEADER_H)
    if out.strip is not None:
        out.strip = (0.0, 0.0, out.width, out.strip[3])
    for lane_id, (lx, ly, _, lh) in list(out.lanes.items()):
        out.lanes[lane_id] = (lx, ly, out.width, lh)
    return out



@dataclass(frozen=True)
class StageLinkShape:
    """How a leads-to link between two stage headers is drawn: a straight
    arrow between neighbours (two points) or an arc above the headers (four
    Bezier points); ``loop`` when it goes back. The arrow tip is the last point."""

    loop: bool
    points: tuple[tuple[float, float], ...]
    direction: tuple[float, float]  # unit vector of the arrow at its tip

    @property
    def straight(self) -> bool:
        return len(self.points) == 2


def stage_link_shape(s: Rect, t: Rect, span: int, loop: bool) -> StageLinkShape:
    """The shape of a leads-to link from header ``s`` to header ``t``, ``span``
    columns apart. Longer links land further from the header's centre, so
    their arrowheads stay apart."""
    sx0, sy, sw, sh = s
    tx0, ty, tw, _ = t
    if not loop and abs(sx0 + sw - tx0) < 1.0:
        y = sy + sh / 2
        return StageLinkShape(False, ((sx0 + sw - 6, y), (tx0 + 7, y)), (1.0, 0.0))
    rise = min(ARC_ROOM - 14, 14 + 7 * span)
    top = min(sy, ty)
    s_mid, t_mid = sx0 + sw / 2, tx0 + tw / 2
    forward = t_mid > s_mid
    spread = min(sw / 2 - 16, 10 + 0.03 * abs(t_mid - s_mid))
    start_x = s_mid + (spread if forward else -spread)
    end_x = t_mid + (-spread if forward else spread)
    if s == t:
        start_x, end_x = s_mid + 30, s_mid - 30
    lift = top - rise * 1.3
    return StageLinkShape(loop, ((start_x, top), (start_x, lift), (end_x, lift), (end_x, top + 1)),
                          (0.0, 1.0))


def smooth_segments(points: list[tuple[float, float]],
                    ) -> list[tuple[tuple[float, float], ...]]:
    """A Catmull-Rom spline through ``points`` (sorted by x) as cubic Bezier
    segments (start, control 1, control 2, end): the emotion curve."""
    pts = [points[0], *points, points[-1]] if points else []
    out = []
    for i in range(1, len(pts) - 2):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[i + 1], pts[i + 2]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        out.append((p1, c1, c2, p2))
    return out
