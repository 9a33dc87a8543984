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
from collections import defaultdict
from collections.abc import Iterable, Mapping
from itertools import islice

from journeymapper.layout.geometry import MapLayout, Rect
from journeymapper.layout.routegrid import (
    HEADER,
    STRIP,
    Grid,
    Place,
    Point,
    grid_of,
    places_of,
    tidy,
)
from journeymapper.layout.routepoints import (
    BIG,
    BOTTOM,
    CARDS1,
    CARDS3,
    FROM_STRIP,
    IN_STRIP,
    LEFT,
    RIGHT,
    STRIP_CHANNEL,
    STRIP_KEY,
    TO_HEADER,
    TO_STRIP,
    Key,
    Plan,
    RoutePoints,
)
from journeymapper.model.links import LinkKind

#: drawn elsewhere: persona walks by the persona filter, stage links as arcs
NOT_ROUTED = frozenset({LinkKind.WALKS, LinkKind.LEADS_TO})


class LinkRouter(RoutePoints):
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
        #: planned links whose ports moved while others wait: spans not yet registered
        self._stale: set[Key] = set()
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
    def preferred(self) -> int:
        """How many of the links preferred (on screen) still wait."""
        return len(self._soon)

    @property
    def settled(self) -> bool:
        return not (self._urgent or self._soon or self._later or self._dirty_sides
                    or self._stale or self._dirty_channels)

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
            elif budget > 0 and waiting:
                # a slice at a time: next(iter()) per key would walk the slots
                # of every key taken before (a dict does not close up), O(n^2)
                taken = list(islice(waiting, budget))
                for key in taken:
                    del waiting[key]
                changed.update(taken)
                budget -= len(taken)
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
        waits = bool(self._soon or self._later)
        stale = self._stale
        for key in rekey:
            plan = plans.get(key)
            if plan is not None:
                plan.straight = self._straightness(plan)
                if waits and key not in changed:
                    # only its port moved: its spans matter to the sweep alone, so
                    # they are brought up to date once, before it (not at every slice)
                    stale.add(key)
                else:
                    self._register(plan)
        moved = bool(rekey)
        if not waits and budget != 0:  # nothing waits: tracks by the sweep
            # (a budget of 0 is a viewer drawing: it leaves the sweep to the next budget)
            count = len(stale) if budget is None else min(len(stale), 4 * budget)
            for key in [stale.pop() for _ in range(count)]:
                plan = plans.get(key)
                if plan is not None:
                    self._register(plan)
            work = 0 if not stale else 8 * budget + 1
            while self._dirty_channels and (budget is None or work <= 8 * budget):
                channel = self._dirty_channels.pop()
                work += len(self.segments.get(channel, ()))
                self._assign_tracks(channel)
                moved = True
            if not (self._dirty_channels or stale):
                self._old_tracks.clear()
        if moved:  # (a commit that changed nothing keeps every cached point)
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
