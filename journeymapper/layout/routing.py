"""Where links between cards run: one router for the canvas, `render` and the PDF.

A link leaves its card from a side, runs into the gutter between two columns,
along a lane boundary (the gap between two lanes) to the gutter beside the
other card, and into that card's side, the arrowhead at its edge: through the
gaps around cards, never under one. Links sharing a gutter or a lane boundary
get tracks of their own (interval colouring: as many tracks as links overlap
at one point), and links meeting one side of a card get ports of their own
along it, ordered by where they go so their stubs do not cross. A goal that
measures a stage arrives under the stage's header; cards in the persona strip
leave from their bottom edge.

A route is planned in the map's own terms (which gutter, which boundary,
which track, which port) and its points are worked out from the current
layout only when asked. Plans depend on the order of things along each gap,
never on distances, so when a lane grows and everything below it moves down
every plan stays valid: a viewer only works out again the points of the
links it draws. Stage-to-stage links are arcs above the headers
(:func:`journeymapper.layout.geometry.stage_link_shape`). Plain Python, no Qt.

    router = route_map(doc, layout_map(doc))
    router.points(("pain-point-3", "touchpoint-2"))   # ((x, y), ...), last = arrow tip
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from journeymapper.layout import geometry as g
from journeymapper.layout.geometry import MapLayout, Rect
from journeymapper.model.elements import Kind
from journeymapper.model.links import LinkKind

Point = tuple[float, float]
Key = tuple[str, str]

#: drawn elsewhere: persona walks by the persona filter, stage links as arcs
NOT_ROUTED = frozenset({LinkKind.WALKS, LinkKind.LEADS_TO})

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

STRIP = -1          # the "lane" of the persona strip
HEADER = -2         # the "lane" of the stage headers

# the side of an end a link meets: left, right, bottom (strip cards, headers)
LEFT, RIGHT, BOTTOM = 0, 1, 2


class Place(NamedTuple):
    """Where a link end sits, in the map's terms: its column (None in the
    persona strip), its lane (STRIP, HEADER for a stage header), its index
    in its cell and how many cards the cell holds."""

    column: int | None
    lane: int
    index: int = 0
    count: int = 1


class Grid:
    """The gaps of one layout. Gutter k runs down the left edge of column k
    (k = number of columns: the right edge of the last), lane boundary m
    along the top of lane m (m = number of lanes: the bottom of the last);
    each has a centre line and half its free width."""

    def __init__(self, geo: MapLayout, stages: Sequence[str],
                 lanes: Sequence[tuple[str, Kind]]) -> None:
        self.geo = geo
        self.stages = tuple(stages)
        self.lanes = tuple(lanes)
        columns = [geo.columns[s] for s in stages]
        edges = [c[0] for c in columns]
        if columns:
            edges.append(columns[-1][0] + columns[-1][2])
        self.edges = edges
        self.gutter_x: list[float] = []
        self.gutter_half: list[float] = []
        for k, x in enumerate(edges):
            left = g.PAD if k > 0 else 0.0            # lane headers end at the first column
            right = g.PAD if k < len(columns) else 0.0  # the map ends at the last
            self.gutter_x.append(x + (right - left) / 2)
            self.gutter_half.append((left + right) / 2)
        tops = [geo.lanes[lane][1] for lane, _ in lanes]
        if lanes:
            last = geo.lanes[lanes[-1][0]]
            tops.append(last[1] + last[3])
        self.tops = tops
        margins = [g.PAD / 2 if kind is Kind.EMOTION else g.PAD for _, kind in lanes]
        self.channel_y: list[float] = []
        self.channel_half: list[float] = []
        for m, y in enumerate(tops):
            above = margins[m - 1] if m > 0 else 2.0  # the headers are inset by 2
            below = margins[m] if m < len(lanes) else 0.0
            self.channel_y.append(y + (below - above) / 2)
            self.channel_half.append((above + below) / 2)
        self.strip_y = self.strip_half = 0.0
        if geo.strip is not None:
            low, high = g.PAD + g.CARD_H, geo.strip[1] + geo.strip[3]
            self.strip_y, self.strip_half = (low + high) / 2, (high - low) / 2

    def same_shape(self, stages: Sequence[str], lanes: Sequence[tuple[str, Kind]]) -> bool:
        return self.stages == tuple(stages) and self.lanes == tuple(lanes)

    def lane_at(self, y: float) -> int:
        """The lane index under ``y`` (STRIP/HEADER above the lanes)."""
        if not self.tops or y < self.tops[0]:
            return STRIP if y < self.geo.header_y else HEADER
        return min(len(self.lanes) - 1, bisect_right(self.tops, y) - 1)

    # bands: the map cut into gutters and columns across, boundaries and lanes
    # down (2k: gutter k, 2c + 1: column c; 2m: boundary m, 2l + 1: lane l, -1:
    # everything above the lanes); a viewer indexes routes by band
    def x_bands(self, x0: float, x1: float) -> range:
        """The across bands a span of x meets (generously)."""
        edges = self.edges
        if not edges:
            return range(0)
        lo = max(0, bisect_right(edges, x0 - g.PAD) - 1)
        hi = max(0, bisect_right(edges, x1 + g.PAD) - 1)
        return range(2 * lo, min(2 * hi + 2, 2 * len(edges) - 2) + 1)

    def y_bands(self, y0: float, y1: float) -> range:
        tops = self.tops
        if not tops:
            return range(-1, 0)
        start = -1 if y0 < tops[0] + g.PAD else 2 * max(0, bisect_right(tops, y0 - g.PAD) - 1)
        hi = max(0, bisect_right(tops, y1 + g.PAD) - 1)
        return range(start, min(2 * hi + 2, 2 * len(tops) - 2) + 1)


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


class LinkRouter:
    """The routes of every drawn card link of one map (see the module docstring).

    Tell it where the link ends are (:meth:`place`) and which links there are
    (:meth:`add`, :meth:`remove`), then :meth:`commit`: it plans what changed
    and gives back the links whose plan changed. After the layout moved
    (a lane grew), :meth:`set_grid` the new one: plans stay, points follow.
    ``version`` grows with every change of any route's points.

    A viewer of a big map commits in parts: a link whose end went to another
    cell, and a new one, is planned at the next commit; the links of cards
    that only moved up or down their cell keep their plans (their points
    follow the cards) and wait, as do all links of a router that was just
    made, until commits with a ``budget`` reach them. Tracks are assigned
    again, by the same sweep, once nothing waits: until then the new
    segments keep the track they had. ``settled`` says when all is done; a
    full :meth:`commit` (no budget) gives what a fresh router gives.
    """

    def __init__(self, grid: Grid) -> None:
        self.grid = grid
        self.places: dict[str, Place] = {}
        self.kinds: dict[Key, LinkKind] = {}
        self.plans: dict[Key, Plan] = {}
        self.of_end: dict[str, set[Key]] = defaultdict(set)
        #: per (end id, side): the links meeting it there, in port order
        self.sides: dict[tuple[str, int], list[Key]] = {}
        #: per channel: the spans of the segments in it, {plan: (low, high, segment)}
        #: (a plan runs along a channel at most once)
        self.segments: dict[int, dict[Plan, tuple[float, float, int]]] = defaultdict(dict)
        #: per channel: how many tracks it has
        self.counts: dict[int, int] = {}
        self.version = 0
        #: planned at the next commit / waiting for a commit's budget (soon first)
        self._urgent: set[Key] = set()
        self._soon: dict[Key, None] = {}
        self._later: dict[Key, None] = {}
        self._dirty_sides: set[tuple[str, int]] = set()
        self._dirty_channels: set[int] = set()
        self._old_tracks: dict[Key, list[int]] = {}
        self._cache: dict[Key, tuple[int, tuple[Point, ...] | None]] = {}

    # ------------------------------------------------------------ input
    def set_grid(self, grid: Grid) -> None:
        """The layout moved (same stages and lanes): points follow, plans stay."""
        self.grid = grid
        self.version += 1

    def place(self, places: Mapping[str, Place]) -> None:
        """Where ends are now; links of ends that moved are planned again (at
        once when an end went to another cell, else when a budget reaches them)."""
        current = self.places
        urgent, later = self._urgent, self._later
        of_end = self.of_end
        for element_id, place in places.items():
            old = current.get(element_id)
            if old != place:
                current[element_id] = place
                links = of_end.get(element_id)
                if not links:
                    continue
                if old is None or old.column != place.column or old.lane != place.lane:
                    urgent.update(links)
                else:
                    later.update(dict.fromkeys(links))

    def forget(self, element_id: str) -> None:
        self.places.pop(element_id, None)
        self._urgent.update(self.of_end.get(element_id, ()))

    def prefer(self, keys: Iterable[Key]) -> None:
        """Plan these of the waiting links before the others (the ones on screen)."""
        for key in keys:
            if key in self._later:
                del self._later[key]
                self._soon[key] = None

    @property
    def waiting(self) -> int:
        return len(self._soon) + len(self._later)

    @property
    def settled(self) -> bool:
        return not (self._urgent or self._soon or self._later or self._dirty_sides
                    or self._dirty_channels)

    def wait_all(self) -> None:
        """Let every link wait for a budget (a router just made for a big map)."""
        self._later.update(dict.fromkeys(self._urgent))
        self._urgent = set()

    def add(self, source: str, target: str, kind: LinkKind) -> None:
        if kind in NOT_ROUTED:
            return
        key = (source, target)
        self.kinds[key] = kind
        self.of_end[source].add(key)
        self.of_end[target].add(key)
        self._urgent.add(key)

    def remove(self, key: Key) -> None:
        if self.kinds.pop(key, None) is None:
            return
        for end in key:
            links = self.of_end.get(end)
            if links is not None:
                links.discard(key)
                if not links:
                    del self.of_end[end]
        self._urgent.add(key)

    # ------------------------------------------------------------ planning
    def commit(self, budget: int | None = None) -> set[Key]:
        """Plan the urgent links and up to ``budget`` waiting ones (None: all,
        and every track); returns the links whose plan changed (or went)."""
        if self.settled:
            return set()
        changed, self._urgent = self._urgent, set()
        for waiting in (self._soon, self._later):
            if budget is None:
                changed.update(waiting)
                waiting.clear()
            while waiting and budget is not None and budget > 0:
                key = next(iter(waiting))
                del waiting[key]
                changed.add(key)
                budget -= 1
        sides = self._dirty_sides
        for key in changed:
            self._unplan(key)
        plans = self.plans
        for key in changed:
            plan = self._plan(key)
            if plan is not None:
                plans[key] = plan
                sides.add((key[0], plan.s_side))
                sides.add((key[1], plan.t_side))
        # ports: order each touched side by where its links go
        rekey = set(changed)
        for side_key in sides:
            rekey.update(self._order_side(side_key))
        self._dirty_sides = set()
        for key in rekey:
            plan = plans.get(key)
            if plan is not None:
                plan.straight = self._straightness(plan)
                self._register(plan)
        if not (self._soon or self._later):  # nothing waits: tracks by the sweep
            work = 0
            while self._dirty_channels and (budget is None or work <= 8 * budget):
                channel = self._dirty_channels.pop()
                work += len(self.segments.get(channel, ()))
                self._assign_tracks(channel)
            if not self._dirty_channels:
                self._old_tracks.clear()
        self.version += 1
        return changed

    def _unplan(self, key: Key) -> None:
        plan = self.plans.pop(key, None)
        if plan is None:
            return
        self._old_tracks[key] = plan.tracks
        self._dirty_sides.add((key[0], plan.s_side))
        self._dirty_sides.add((key[1], plan.t_side))
        self._unregister(plan)

    def _plan(self, key: Key) -> Plan | None:
        kind = self.kinds.get(key)
        places = self.places
        s, t = places.get(key[0]), places.get(key[1])
        if kind is None or s is None or t is None or s.lane == HEADER:
            return None
        cs, ct = s.column, t.column
        if t.lane == HEADER:
            if s.lane == STRIP:
                return None
            if ct >= cs:
                return Plan(key, kind, TO_HEADER, RIGHT, BOTTOM, cs + 1)
            return Plan(key, kind, TO_HEADER, LEFT, BOTTOM, cs)
        if s.lane == STRIP or t.lane == STRIP:
            if s.lane == STRIP and t.lane == STRIP:
                return Plan(key, kind, IN_STRIP, BOTTOM, BOTTOM)
            if s.lane == STRIP:
                return Plan(key, kind, FROM_STRIP, BOTTOM, LEFT, kb=ct)
            return Plan(key, kind, TO_STRIP, RIGHT, BOTTOM, cs + 1)
        if cs == ct:
            return Plan(key, kind, CARDS1, RIGHT, RIGHT, cs + 1, -1, cs + 1)
        if cs < ct:
            s_side, t_side, ka, kb = RIGHT, LEFT, cs + 1, ct
        else:
            s_side, t_side, ka, kb = LEFT, RIGHT, cs, ct + 1
        if ka == kb:
            return Plan(key, kind, CARDS1, s_side, t_side, ka, -1, kb)
        return Plan(key, kind, CARDS3, s_side, t_side, ka, self._boundary(s, t), kb)

    @staticmethod
    def _boundary(s: Place, t: Place) -> int:
        """The lane boundary a link between columns apart runs along: between
        the lanes of its ends, or the nearer edge of their one lane."""
        if s.lane != t.lane:
            low, high = (s.lane, t.lane) if s.lane < t.lane else (t.lane, s.lane)
            return (low + 1 + high) // 2
        above = s.index + t.index
        below = (s.count - 1 - s.index) + (t.count - 1 - t.index)
        return s.lane if above <= below else s.lane + 1

    # ------------------------------------------------------------ keys
    def _card_key(self, element_id: str, y: float) -> float:
        """The order key of a y on a card (see BIG)."""
        place = self.places[element_id]
        if place.lane < 0:
            return STRIP_KEY - 1.0 if place.lane == STRIP else -0.5
        return BIG * place.lane + 1.0 + round(y - self.grid.tops[place.lane], 3)

    def _centre_key(self, element_id: str) -> float:
        rect = self.grid.geo.cards.get(element_id)
        if rect is None:
            return -0.5
        return self._card_key(element_id, rect[1] + rect[3] / 2)

    def _centre_x(self, element_id: str) -> float:
        rect = self._rect(element_id)
        return round(rect[0] + rect[2] / 2, 3)

    def _gutter_key(self, k: int) -> float:
        return round(self.grid.gutter_x[k], 3)

    def _approach(self, plan: Plan, end: int) -> float:
        """Where a link goes after leaving ``end``'s side, as the order key
        along that side: its port's place in the order of the side's ports."""
        shape = plan.shape
        if shape == CARDS1:
            return self._centre_key(plan.key[1 - end])
        if shape == CARDS3:
            return BIG * plan.m
        if shape == TO_HEADER:
            return 0.0 if end == 0 else self._gutter_key(plan.ka)
        if shape == FROM_STRIP:
            return self._gutter_key(plan.kb) if end == 0 else STRIP_KEY
        if shape == TO_STRIP:
            return STRIP_KEY if end == 0 else self._gutter_key(plan.ka)
        return self._centre_x(plan.key[1 - end])

    # ------------------------------------------------------------ ports
    def _order_side(self, side_key: tuple[str, int]) -> list[Key]:
        element_id, side = side_key
        members = []
        plans = self.plans
        for key in self.of_end.get(element_id, ()):
            plan = plans.get(key)
            if plan is None:
                continue
            if key[0] == element_id and plan.s_side == side:
                members.append((self._approach(plan, 0), key, 0))
            if key[1] == element_id and plan.t_side == side:
                members.append((self._approach(plan, 1), key, 1))
        members.sort()
        old = self.sides.get(side_key)
        order = [key for _, key, _ in members]
        if members:
            self.sides[side_key] = order
        else:
            self.sides.pop(side_key, None)
        count = len(members)
        changed = []
        for rank, (_, key, end) in enumerate(members):
            ranks = plans[key].ranks
            if ranks[2 * end] != rank or ranks[2 * end + 1] != count:
                ranks[2 * end], ranks[2 * end + 1] = rank, count
                changed.append(key)
        if old is not None and order != old:
            changed.extend(order)
        return changed

    def _straightness(self, plan: Plan) -> int:
        """0, or how a link between facing cards side by side runs straight:
        1 its target's port meets its source's, 2 the other way round, 3 both
        in the middle (each alone on its side)."""
        if plan.shape != CARDS1 or plan.s_side == plan.t_side:
            return 0
        cards = self.grid.geo.cards
        a, b = cards.get(plan.key[0]), cards.get(plan.key[1])
        if a is None or b is None or a[1] != b[1] or a[3] != b[3]:
            return 0
        alone_s, alone_t = plan.ranks[1] == 1, plan.ranks[3] == 1
        if alone_s and alone_t:
            return 3
        return 2 if alone_s else (1 if alone_t else 0)

    # ------------------------------------------------------------ tracks
    def _spans(self, plan: Plan) -> list[tuple[int, float, float]]:
        """Each gap a plan runs along, with the span of its run there."""
        s, t = plan.key
        shape = plan.shape
        if shape == CARDS1:
            a = self._card_key(s, self._port_y(plan, 0))
            b = self._card_key(t, self._port_y(plan, 1))
            if plan.straight and a == b:
                return []  # no run along the gutter: it takes no track
            return [(2 * plan.ka, a, b)]
        if shape == CARDS3:
            m = BIG * plan.m
            return [(2 * plan.ka, self._card_key(s, self._port_y(plan, 0)), m),
                    (2 * plan.m + 1, self._gutter_key(plan.ka), self._gutter_key(plan.kb)),
                    (2 * plan.kb, m, self._card_key(t, self._port_y(plan, 1)))]
        if shape == TO_HEADER:
            return [(2 * plan.ka, 0.0, self._card_key(s, self._port_y(plan, 0))),
                    (1, self._gutter_key(plan.ka), round(self._port_x(plan, 1), 3))]
        if shape == FROM_STRIP:
            return [(STRIP_CHANNEL, round(self._port_x(plan, 0), 3), self._gutter_key(plan.kb)),
                    (2 * plan.kb, STRIP_KEY, self._card_key(t, self._port_y(plan, 1)))]
        if shape == TO_STRIP:
            return [(2 * plan.ka, STRIP_KEY, self._card_key(s, self._port_y(plan, 0))),
                    (STRIP_CHANNEL, self._gutter_key(plan.ka), round(self._port_x(plan, 1), 3))]
        return [(STRIP_CHANNEL, round(self._port_x(plan, 0), 3), round(self._port_x(plan, 1), 3))]

    def _unregister(self, plan: Plan) -> None:
        for channel, _, _ in plan.spans:
            bucket = self.segments.get(channel)
            if bucket is not None:
                bucket.pop(plan, None)
            self._dirty_channels.add(channel)
        plan.spans = []

    def _register(self, plan: Plan) -> None:
        if plan.spans:
            self._unregister(plan)
        spans = self._spans(plan)
        plan.spans = spans
        old = self._old_tracks.get(plan.key)
        if not plan.tracks or len(plan.tracks) != len(spans):  # until the sweep: as before
            plan.tracks = list(old) if old is not None and len(old) == len(spans) \
                else [0] * len(spans)
        segments, dirty = self.segments, self._dirty_channels
        for seg, (channel, a, b) in enumerate(spans):
            segments[channel][plan] = (a, b, seg) if a <= b else (b, a, seg)
            dirty.add(channel)

    def _assign_tracks(self, channel: int) -> None:
        """Left-edge interval colouring: segments in order of their low end,
        each on the lowest track free there (closed spans: touching ones differ)."""
        segments = self.segments.get(channel)
        if not segments:
            self.segments.pop(channel, None)
            self.counts.pop(channel, None)
            return
        order = sorted([(low, high, plan.key, seg, plan)
                        for plan, (low, high, seg) in segments.items()])
        busy: list[tuple[float, int]] = []   # (high, track) of segments still open
        free: list[int] = []
        count = 0
        heappush, heappop = heapq.heappush, heapq.heappop
        for low, high, _, seg, plan in order:
            while busy and busy[0][0] < low:
                heappush(free, heappop(busy)[1])
            if free:
                track = heappop(free)
            else:
                track = count
                count += 1
            plan.tracks[seg] = track
            heappush(busy, (high, track))
        self.counts[channel] = count

    # ------------------------------------------------------------ points
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


CORNER = 9.0  # the radius routes' corners are rounded with, where there is room


def rounded(points: Sequence[Point], radius: float = CORNER
            ) -> list[tuple[Point, Point] | tuple[Point, Point, Point]]:
    """A route as straight runs (a, b) and rounded corners (a, corner, b): a
    quadratic curve from a to b with the corner as its control point. The
    canvas and the PDF draw routes from this, so their corners agree."""
    out: list[tuple[Point, Point] | tuple[Point, Point, Point]] = []
    current = points[0]
    for i in range(1, len(points) - 1):
        (x0, y0), (x1, y1), (x2, y2) = points[i - 1], points[i], points[i + 1]
        d0, d1 = math.hypot(x1 - x0, y1 - y0), math.hypot(x2 - x1, y2 - y1)
        r = min(radius, d0 / 2, d1 / 2)
        if r < 0.5:
            out.append((current, (x1, y1)))
            current = (x1, y1)
            continue
        a = (x1 - (x1 - x0) / d0 * r, y1 - (y1 - y0) / d0 * r)
        b = (x1 + (x2 - x1) / d1 * r, y1 + (y2 - y1) / d1 * r)
        if current != a:
            out.append((current, a))
        out.append((a, (x1, y1), b))
        current = b
    if current != points[-1]:
        out.append((current, points[-1]))
    return out


def tidy(points: list[Point]) -> tuple[Point, ...]:
    """Corner points without repeats and without points in the middle of a straight run."""
    out: list[Point] = []
    for p in points:
        if out and abs(p[0] - out[-1][0]) < 1e-9 and abs(p[1] - out[-1][1]) < 1e-9:
            continue
        if len(out) >= 2:
            (ax, ay), (bx, by) = out[-2], out[-1]
            if (abs(ax - bx) < 1e-9 and abs(bx - p[0]) < 1e-9) or \
                    (abs(ay - by) < 1e-9 and abs(by - p[1]) < 1e-9):
                out[-1] = p
                continue
        out.append(p)
    return tuple(out)


# ------------------------------------------------------------ whole maps
def grid_of(doc, geo: MapLayout) -> Grid:
    """The grid of ``doc`` laid out as ``geo`` (collapsed lanes are no lanes)."""
    return Grid(geo, doc.stage_order, [(lane.id, lane.kind) for lane in doc.lanes
                                       if geo.lanes[lane.id][3] > 0])


def places_of(grid: Grid, cells: Iterable[tuple[tuple[str | None, str], Sequence[str]]],
              headers: bool = True) -> dict[str, Place]:
    """The Place of every card in ``cells`` ((stage, lane), ids in order) and,
    with ``headers``, of every stage header."""
    stage_index = {s: i for i, s in enumerate(grid.stages)}
    lane_index = {lane: i for i, (lane, _) in enumerate(grid.lanes)}
    out: dict[str, Place] = {}
    for (stage, lane), ids in cells:
        if stage is None:
            for element_id in ids:
                out[element_id] = Place(None, STRIP)
            continue
        column, row, count = stage_index.get(stage), lane_index.get(lane), len(ids)
        if column is None or row is None:
            continue
        for i, element_id in enumerate(ids):
            out[element_id] = Place(column, row, i, count)
    if headers:
        for stage, column in stage_index.items():
            out[stage] = Place(column, HEADER)
    return out


def route_map(doc, geo: MapLayout) -> LinkRouter:
    """Every card link of ``doc`` routed on its layout ``geo`` (the PDF's way;
    the canvas keeps a router current as the map changes)."""
    router = LinkRouter(grid_of(doc, geo))
    cells = ((cell, [e.id for e in items]) for cell, items in doc.cells())
    router.place(places_of(router.grid, cells))
    for link in doc.links():
        router.add(link.source, link.target, link.kind)
    router.commit()
    return router


def sketch(grid: Grid, s: Rect, s_column: int | None, t: Rect, t_column: int | None,
           ) -> tuple[Point, ...]:
    """A route for a link whose ends are being dragged: the same shape as a
    planned one, on the middle tracks and ports (None columns: a direct line)."""
    sx, sy, sw, sh = s
    tx, ty, tw, th = t
    if s_column is None or t_column is None:
        start = (sx + sw / 2, sy + sh)
        end = (tx + tw / 2, ty if ty > sy + sh else ty + th)
        mid = (start[1] + end[1]) / 2
        return tidy([start, (start[0], mid), (end[0], mid), end])
    ys, yt = sy + sh / 2, ty + th / 2
    if s_column == t_column:
        x = grid.gutter_x[s_column + 1]
        return tidy([(sx + sw, ys), (x, ys), (x, yt), (tx + tw, yt)])
    if s_column < t_column:
        (start, ka), (end, kb) = ((sx + sw, ys), s_column + 1), ((tx, yt), t_column)
    else:
        (start, ka), (end, kb) = ((sx, ys), s_column), ((tx + tw, yt), t_column + 1)
    xa, xb = grid.gutter_x[ka], grid.gutter_x[kb]
    if ka == kb:
        return tidy([start, (xa, ys), (xa, yt), end])
    ls, lt = grid.lane_at(ys), grid.lane_at(yt)
    m = LinkRouter._boundary(Place(s_column, max(ls, 0)), Place(t_column, max(lt, 0)))
    ym = grid.channel_y[min(m, len(grid.channel_y) - 1)] if grid.channel_y else (ys + yt) / 2
    return tidy([start, (xa, ys), (xa, ym), (xb, ym), (xb, yt), end])
