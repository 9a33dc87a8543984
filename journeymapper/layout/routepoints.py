"""Where a planned route's points are: worked out from the current layout
only when asked, so a layout that moves (a lane grows) moves every route
without planning any again. The plans themselves (which gutter, boundary,
track and port) are made by :class:`journeymapper.layout.routing.LinkRouter`,
which draws its points from :class:`RoutePoints`. Plain Python, no Qt.
"""

from __future__ import annotations

from journeymapper.layout.geometry import Rect
from journeymapper.layout.routegrid import HEADER, Grid, Place, Point, tidy
from journeymapper.model.links import LinkKind

Key = tuple[str, str]

TRACK_GAP = 5.0     # between neighbouring tracks in a gap, while there is room
#: the closest tracks come when a gap holds more than fits (then tracks share
#: places: more lines than a gap can hold apart cannot be told apart anyway)
MIN_TRACK_GAP = 1.8
TRACK_EDGE = 3.0    # kept free between the outermost track and the cards
PORT_GAP = 12.0     # between neighbouring ports on a card's side
PORT_EDGE = 12.0    # kept free at a side's ends
#: ports on a card's right side sit this far above its middle, on its left
#: side below it, so stubs of two facing cards never run along each other
PHASE = 3.0


# the side of an end a link meets: left, right, bottom (strip cards, headers)
LEFT, RIGHT, BOTTOM = 0, 1, 2


# The shapes a route takes (s: its source, t: its target; X_k a track of
# gutter k, Y_m a track of boundary m, Y_S a track of the strip's gap;
# edge: the side or bottom edge the link meets, port: where along it):
CARDS1 = 0       # columns side by side or the same: s edge, X_ka, t edge
CARDS3 = 1       # further apart: s edge, X_ka, Y_m, X_kb, t edge
TO_HEADER = 2    # a goal to a stage: s edge, X_ka, Y_0, up into the header's bottom
FROM_STRIP = 3   # down from a strip card: Y_S, X_kb, t edge
TO_STRIP = 4     # s edge, X_ka, Y_S, up into the strip card's bottom
IN_STRIP = 5     # strip to strip: Y_S

#: a y's place in the order down the map: BIG * lane + 1 + offset in the lane
#: for a port, BIG * m for boundary m (so the order holds while lanes move)
BIG = 1e7
STRIP_KEY = -1.0

# channels: gutter k is 2k, boundary m is 2m + 1, the strip's gap is -1
STRIP_CHANNEL = -1


class Plan:
    """One link's route in the map's terms; see the shapes above."""

    __slots__ = ("key", "kind", "shape", "s_side", "t_side", "ka", "kb", "m", "ranks",
                 "tracks", "spans", "straight")

    def __init__(self, key: Key, kind: LinkKind, shape: int, s_side: int, t_side: int,
                 ka: int = -1, m: int = -1, kb: int = -1) -> None:
        self.key = key
        self.kind = kind
        self.shape = shape
        self.s_side, self.t_side = s_side, t_side
        self.ka, self.m, self.kb = ka, m, kb
        #: (rank, count) of the source's and the target's port on their side
        self.ranks = [0, 1, 0, 1]
        #: per segment: its channel and span there, and the track it got
        self.spans: list[tuple[int, float, float]] = []
        self.tracks: list[int] = []
        #: facing cards side by side: runs straight (see LinkRouter._straightness)
        self.straight = 0

    def channels(self) -> list[int]:
        shape = self.shape
        if shape == CARDS1:
            return [2 * self.ka]
        if shape == CARDS3:
            return [2 * self.ka, 2 * self.m + 1, 2 * self.kb]
        if shape == TO_HEADER:
            return [2 * self.ka, 1]
        if shape == FROM_STRIP:
            return [STRIP_CHANNEL, 2 * self.kb]
        if shape == TO_STRIP:
            return [2 * self.ka, STRIP_CHANNEL]
        return [STRIP_CHANNEL]


def _lattice(rank: int, count: int, room: float, gap: float) -> float:
    """Like :func:`_spread`, but while they fit every port sits a whole number
    of gaps from the middle (so the two phases of facing sides never meet)."""
    if count <= 1:
        return 0.0
    if gap * (count - 1) <= room:
        return (rank - (count - 1) // 2) * gap
    return _spread(rank, count, room, gap)


def _spread(rank: int, count: int, room: float, gap: float) -> float:
    """The offset from the centre of item ``rank`` of ``count`` spread over
    ``room`` at ``gap`` apart (closer when they do not fit)."""
    if count <= 1:
        return 0.0
    step = min(gap, max(room, 0.0) / (count - 1))
    return (rank - (count - 1) / 2) * step




class RoutePoints:
    """The points of the routes a router planned (see the module docstring).
    A mixin of LinkRouter: it reads the router's grid, places, plans, track
    counts and cache."""

    grid: Grid
    places: dict[str, Place]
    plans: dict[Key, Plan]
    counts: dict[int, int]
    _cache: dict[Key, tuple[int, tuple[Point, ...] | None]]
    version: int

    def _rect(self, element_id: str) -> Rect:
        rect = self.grid.geo.cards.get(element_id)
        if rect is None:
            return self.grid.geo.stage_headers[element_id]
        return rect

    def _port_y(self, plan: Plan, end: int) -> float:
        rect = self._rect(plan.key[end])
        middle = rect[1] + rect[3] / 2
        straight = plan.straight
        if straight:
            if straight == 3:
                return middle
            if straight == end + 1:  # this end is alone on its side: meet the other
                return self._port_y(plan, 1 - end)
        side = plan.s_side if end == 0 else plan.t_side
        phase = -PHASE if side == RIGHT else PHASE
        return middle + phase + _lattice(plan.ranks[2 * end], plan.ranks[2 * end + 1],
                                         rect[3] - 2 * PORT_EDGE, PORT_GAP)

    def _port_x(self, plan: Plan, end: int) -> float:
        rect = self._rect(plan.key[end])
        return rect[0] + rect[2] / 2 + _spread(plan.ranks[2 * end], plan.ranks[2 * end + 1],
                                               rect[2] - 2 * PORT_EDGE, 2 * PORT_GAP)

    def _edge_x(self, plan: Plan, end: int) -> float:
        rect = self._rect(plan.key[end])
        side = plan.s_side if end == 0 else plan.t_side
        return rect[0] + rect[2] if side == RIGHT else rect[0]

    def _edge_y(self, plan: Plan, end: int) -> float:
        """The bottom edge of a strip card, or of a header's box (inset by 2)."""
        element_id = plan.key[end]
        rect = self._rect(element_id)
        return rect[1] + rect[3] - (2.0 if self.places[element_id].lane == HEADER else 0.0)

    @staticmethod
    def track_places(half: float) -> int:
        """How many tracks a gap of half-width ``half`` holds apart (beyond
        that, tracks share places)."""
        return int(max(half - TRACK_EDGE, half / 2) * 2 // MIN_TRACK_GAP) + 1

    def _track(self, plan: Plan, seg: int, channel: int) -> float:
        grid = self.grid
        if channel == STRIP_CHANNEL:
            centre, half = grid.strip_y, grid.strip_half
        elif channel % 2 == 0:
            centre, half = grid.gutter_x[channel // 2], grid.gutter_half[channel // 2]
        else:
            centre, half = grid.channel_y[channel // 2], grid.channel_half[channel // 2]
        tracks = plan.tracks
        track = tracks[seg] if seg < len(tracks) else 0
        room = max(half - TRACK_EDGE, half / 2) * 2
        count = self.counts.get(channel, 1)
        places = self.track_places(half)
        if count > places:
            track, count = track % places, places
        track = min(track, count - 1)  # a track from before the sweep
        return centre + _spread(track, count, room, TRACK_GAP)

    def points(self, key: Key) -> tuple[Point, ...] | None:
        """The corner points of a link's route, from its source's edge to the
        arrow tip at its target's edge; None when it is not drawn."""
        cached = self._cache.get(key)
        if cached is not None and cached[0] == self.version:
            return cached[1]
        plan = self.plans.get(key)
        points = None if plan is None else self._resolve(plan)
        self._cache[key] = (self.version, points)
        return points

    def _resolve(self, plan: Plan) -> tuple[Point, ...]:
        shape = plan.shape
        if shape == CARDS1 or shape == CARDS3 or shape == TO_HEADER or shape == TO_STRIP:
            x0, y0 = self._edge_x(plan, 0), self._port_y(plan, 0)
            xa = self._track(plan, 0, 2 * plan.ka)
            if shape == CARDS1:
                if plan.straight:
                    return ((x0, y0), (self._edge_x(plan, 1), y0))
                y1 = self._port_y(plan, 1)
                return tidy([(x0, y0), (xa, y0), (xa, y1), (self._edge_x(plan, 1), y1)])
            if shape == CARDS3:
                ym = self._track(plan, 1, 2 * plan.m + 1)
                xb = self._track(plan, 2, 2 * plan.kb)
                y1 = self._port_y(plan, 1)
                return tidy([(x0, y0), (xa, y0), (xa, ym), (xb, ym), (xb, y1),
                             (self._edge_x(plan, 1), y1)])
            yc = self._track(plan, 1, 1 if shape == TO_HEADER else STRIP_CHANNEL)
            x1 = self._port_x(plan, 1)
            return tidy([(x0, y0), (xa, y0), (xa, yc), (x1, yc), (x1, self._edge_y(plan, 1))])
        x0, y0 = self._port_x(plan, 0), self._edge_y(plan, 0)
        ys = self._track(plan, 0, STRIP_CHANNEL)
        if shape == FROM_STRIP:
            xb = self._track(plan, 1, 2 * plan.kb)
            y1 = self._port_y(plan, 1)
            return tidy([(x0, y0), (x0, ys), (xb, ys), (xb, y1), (self._edge_x(plan, 1), y1)])
        x1 = self._port_x(plan, 1)
        return tidy([(x0, y0), (x0, ys), (x1, ys), (x1, self._edge_y(plan, 1))])

    def all_points(self) -> dict[Key, tuple[Point, ...]]:
        return {key: pts for key in self.plans if (pts := self.points(key)) is not None}

    # ------------------------------------------------------------ bands
    def bands(self, key: Key) -> set[tuple[int, int]]:
        """The bands (see Grid) a link's route passes, from its plan alone: they
        stay right while the layout moves, until the link is planned again."""
        plan = self.plans.get(key)
        if plan is None:
            return set()
        s, t = self.places[key[0]], self.places[key[1]]

        def column(place: Place, element_id: str) -> range:
            if place.column is None:
                rect = self._rect(element_id)
                return self.grid.x_bands(rect[0], rect[0] + rect[2])
            return range(2 * place.column + 1, 2 * place.column + 2)

        def lane(place: Place) -> range:
            return range(-1, 0) if place.lane < 0 else range(2 * place.lane + 1,
                                                             2 * place.lane + 2)

        def one(band: int) -> range:
            return range(band, band + 1)

        sx, sy, tx, ty = column(s, key[0]), lane(s), column(t, key[1]), lane(t)
        shape = plan.shape
        if shape == CARDS1:
            corners = [(sx, sy), (one(2 * plan.ka), ty), (tx, ty)]
        elif shape == CARDS3:
            m = one(2 * plan.m)
            corners = [(sx, sy), (one(2 * plan.ka), sy), (one(2 * plan.ka), m),
                       (one(2 * plan.kb), m), (one(2 * plan.kb), ty), (tx, ty)]
        elif shape in (TO_HEADER, TO_STRIP):
            c = one(0 if shape == TO_HEADER else -1)
            corners = [(sx, sy), (one(2 * plan.ka), sy), (one(2 * plan.ka), c), (tx, c), (tx, ty)]
        elif shape == FROM_STRIP:
            corners = [(sx, sy), (one(2 * plan.kb), sy), (one(2 * plan.kb), ty), (tx, ty)]
        else:
            corners = [(sx, sy), (tx, ty)]
        out: set[tuple[int, int]] = set()
        for (ax, ay), (bx, by) in zip(corners, corners[1:]):
            for xband in range(min(ax.start, bx.start), max(ax.stop, bx.stop)):
                for yband in range(min(ay.start, by.start), max(ay.stop, by.stop)):
                    out.add((xband, yband))
        return out
