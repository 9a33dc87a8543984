"""The link router's geometry (layout.routing): routes run through the gaps
around cards and never under one, links sharing a gap keep apart, arrows end
at the card's edge; and the canvas, the PDF and a fresh router agree."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from journeymapper.layout import geometry as g
from journeymapper.layout import routing
from journeymapper.layout.geometry import layout_map
from journeymapper.layout.palette import LINK_STYLE
from journeymapper.layout.routegrid import grid_of, places_of
from journeymapper.layout.routing import LinkRouter, route_map
from journeymapper.model import JourneyMap, Kind
from journeymapper.model.links import LinkKind

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from bench_file import generate  # noqa: E402

Segment = tuple[tuple[float, float], tuple[float, float]]


def segments(points) -> list[Segment]:
    return list(zip(points, points[1:]))


def crosses(segment: Segment, rect, inset: float = 0.5) -> bool:
    """Whether an axis-aligned segment passes through a rectangle's inside."""
    (ax, ay), (bx, by) = segment
    x, y, w, h = rect
    x0, x1 = sorted((ax, bx))
    y0, y1 = sorted((ay, by))
    return x0 < x + w - inset and x1 > x + inset and y0 < y + h - inset and y1 > y + inset


def busy_map() -> JourneyMap:
    """A workshop map with every kind of drawn link, goals on stages, a card
    in the persona strip, and cards several deep in their cells."""
    doc = JourneyMap.with_default_lanes("Busy")
    stages = [doc.add_stage(f"Stage {i}") for i in range(5)]
    lane = {k: doc.lane_for_kind(k).id for k in (Kind.ACTION, Kind.TOUCHPOINT, Kind.PAIN_POINT,
                                                 Kind.OPPORTUNITY, Kind.THOUGHT, Kind.PERSONA)}
    cards: dict[Kind, list[str]] = {}
    for i, stage in enumerate(stages):
        for kind in (Kind.ACTION, Kind.TOUCHPOINT, Kind.PAIN_POINT, Kind.OPPORTUNITY,
                     Kind.THOUGHT):
            for n in range(1 + (i + n_kind(kind)) % 3):
                cards.setdefault(kind, []).append(
                    doc.add_card(kind, stage, lane[kind], f"{kind.value} {i}.{n}"))
    goal = doc.add_card(Kind.GOAL, stages[2], lane[Kind.OPPORTUNITY], "NPS 40")
    strip = doc.add_card(Kind.ACTION, None, lane[Kind.PERSONA], "In the strip")
    actions, touch = cards[Kind.ACTION], cards[Kind.TOUCHPOINT]
    pains, opps, thoughts = cards[Kind.PAIN_POINT], cards[Kind.OPPORTUNITY], cards[Kind.THOUGHT]
    for a, b in zip(actions, actions[1:]):
        doc.link(a, b, LinkKind.NEXT)
    for i, a in enumerate(actions):
        doc.link(a, touch[(i * 3) % len(touch)], LinkKind.USES)
    for i, p in enumerate(pains):
        doc.link(p, touch[(i * 5 + 1) % len(touch)], LinkKind.OCCURS_AT)
        doc.link(opps[(i * 2) % len(opps)], p, LinkKind.ADDRESSES)
        doc.link(thoughts[i % len(thoughts)], p, LinkKind.EVIDENCES)
    doc.link(goal, stages[0], LinkKind.MEASURES)
    doc.link(goal, stages[4], LinkKind.MEASURES)
    doc.link(goal, touch[0], LinkKind.MEASURES)
    doc.link(strip, touch[-1], LinkKind.USES)
    doc.link(strip, actions[3], LinkKind.NEXT)
    return doc


def n_kind(kind: Kind) -> int:
    return list(Kind).index(kind)


def maps() -> dict[str, JourneyMap]:
    from journeymapper.io import jmap

    examples = Path(__file__).resolve().parent.parent / "examples"
    return {"laptop": jmap.load(examples / "laptop-store.jmap").document,
            "korean": jmap.load(examples / "dawn-delivery-ko.jmap").document,
            "busy": busy_map(),
            "random-300": generate(cards=300, links=300, stages=12)}


@pytest.mark.parametrize("name", ["laptop", "korean", "busy", "random-300"])
def test_no_route_runs_under_a_card(name):
    doc = maps()[name]
    geo = layout_map(doc)
    router = route_map(doc, geo)
    points = router.all_points()
    assert len(points) == sum(1 for ln in doc.links()
                              if ln.kind not in routing.NOT_ROUTED), "every card link is drawn"
    rects = list(geo.cards.items()) + list(geo.stage_headers.items())
    strip = {e.id for lane in doc.lanes for e in doc.cell(None, lane.id)}
    for key, route in points.items():
        for segment in segments(route):
            for element_id, rect in rects:
                if element_id in geo.stage_headers and strip & set(key):
                    continue  # from the persona strip, a link passes the header row
                if element_id in geo.stage_headers:
                    rect = (rect[0] + 2, rect[1] + 2, rect[2] - 4, rect[3] - 4)  # as drawn
                assert not crosses(segment, rect), (key, segment, element_id)


@pytest.mark.parametrize("name", ["laptop", "korean", "busy"])
def test_links_sharing_a_gap_keep_apart_and_arrows_end_at_the_edge(name):
    doc = maps()[name]
    geo = layout_map(doc)
    router = route_map(doc, geo)
    points = router.all_points()
    runs: dict[tuple[str, float], list[tuple[float, float, tuple]]] = {}
    for key, route in points.items():
        for (ax, ay), (bx, by) in segments(route):
            if ax == bx:
                runs.setdefault(("x", round(ax, 6)), []).append((min(ay, by), max(ay, by), key))
            else:
                runs.setdefault(("y", round(ay, 6)), []).append((min(ax, bx), max(ax, bx), key))
    assert max(router.counts.values()) <= routing.LinkRouter.track_places(g.PAD), \
        "these maps fit their gaps (a gap with more links than places shares them)"
    for line, spans in runs.items():
        spans.sort()
        reach, owner = -1e18, None  # how far down the line the runs so far go, and whose
        for start, end, key in spans:
            assert owner in (None, key) or start >= reach - 1e-6, (line, owner, key)
            if end > reach:
                reach, owner = end, key
    for (source, target), route in points.items():
        x, y = route[-1]
        rect = geo.cards.get(target) or geo.stage_headers[target]
        on_side = x in (rect[0], rect[0] + rect[2]) and rect[1] < y < rect[1] + rect[3]
        under = abs(y - (rect[1] + rect[3] - (2 if target in geo.stage_headers else 0))) < 1e-6
        assert on_side or under, (source, target)
        assert doc.links_of(target) and router.kinds[(source, target)] in LINK_STYLE
    # two links into one card side arrive apart
    tips = [route[-1] for route in points.values()]
    assert len(set(tips)) == len(tips)


def test_facing_cards_side_by_side_are_joined_straight():
    doc = JourneyMap.with_default_lanes("Straight")
    s1, s2 = doc.add_stage("A"), doc.add_stage("B")
    lane = doc.lane_for_kind(Kind.ACTION).id
    a = doc.add_card(Kind.ACTION, s1, lane, "first")
    b = doc.add_card(Kind.ACTION, s2, lane, "then")
    doc.link(a, b, LinkKind.NEXT)
    route = route_map(doc, layout_map(doc)).points((a, b))
    assert len(route) == 2 and route[0][1] == route[1][1]


def test_a_router_kept_current_agrees_with_a_fresh_one():
    """Moves, new links and removed ones: after the waiting work is done, the
    routes are the ones a router made from scratch gives."""
    from journeymapper.canvas.livelayout import LiveLayout
    from journeymapper.layout.routegrid import places_of

    doc = busy_map()
    live = LiveLayout(doc)
    grid = grid_of(doc, live.geo)

    def cells():
        return ((cell, [i for _, i in members]) for cell, members in live.members.items())

    router = LinkRouter(grid)
    router.place(places_of(grid, cells()))
    for link in doc.links():
        router.add(link.source, link.target, link.kind)
    router.commit()
    lane = doc.lane_for_kind(Kind.PAIN_POINT).id
    pain = doc.cell(doc.stage_order[0], lane)[0]
    target = doc.stage_order[3]
    new = pain.placement.moved(stage=target, order=doc.next_order((target, lane)))
    old = pain.placement
    doc.move_element(pain.id, new)
    live.apply([("moved", pain.id, old, new)])
    victim = next(iter(doc.links(LinkKind.USES)))
    doc.unlink(victim.source, victim.target)
    router.remove((victim.source, victim.target))
    actions = list(doc.elements(Kind.ACTION))
    made = doc.link(actions[0].id, doc.cell(target, doc.lane_for_kind(Kind.TOUCHPOINT).id)[0].id)
    router.add(made.source, made.target, made.kind)
    router.set_grid(grid_of(doc, live.geo))
    router.place(places_of(router.grid, cells()))
    router.commit(0)  # what a viewer does at once: the rest waits
    while not router.settled:
        router.commit(5)
    fresh = route_map(doc, layout_map(doc))
    assert router.all_points() == fresh.all_points()


def test_a_router_planned_in_slices_agrees_with_a_fresh_one_and_drawing_changes_nothing():
    """A big map's viewer plans in slices while it draws: a drawing commit (a
    budget of 0) leaves every cached point as it was, and once settled the
    routes are a fresh router's."""
    doc = generate(cards=600, links=600, stages=6)
    geo = layout_map(doc)
    fresh = route_map(doc, geo)
    router = LinkRouter(grid_of(doc, geo))
    router.place(places_of(router.grid, ((c, [e.id for e in items])
                                         for c, items in doc.cells())))
    for link in doc.links():
        router.add(link.source, link.target, link.kind)
    router.wait_all()
    router.prefer(list(router.kinds)[:40])
    router.commit(0)
    slices = 0
    while not router.settled:
        router.commit(25)
        version = router.version
        router.commit(0)
        assert router.version == version, "a drawing commit changed the routes"
        slices += 1
    assert slices >= len(router.kinds) // 25
    assert router.all_points() == fresh.all_points()
