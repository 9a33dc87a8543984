"""The shared layout leaves a band for the stage arcs below the persona strip,
and a lane with no cards is a compact row that grows when a card lands in it;
on the canvas the compact row still takes a double-click."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from test_canvas_helpers import assert_agrees, double_click, key, make_board, type_ime

from journeymapper.layout.geometry import (
    ARC_ROOM,
    CARD_H,
    EMPTY_LANE_H,
    lane_height,
    layout_map,
    stage_link_shape,
)
from journeymapper.model import Kind
from journeymapper.model.document import JourneyMap
from journeymapper.model.links import LinkKind


def arc_tops(doc: JourneyMap) -> list[float]:
    """The highest point of every stage link, as the canvas and the PDF draw it."""
    geo = layout_map(doc)
    order = doc.stage_order
    tops = []
    for link in doc.links(LinkKind.LEADS_TO):
        s, t = order.index(link.source), order.index(link.target)
        shape = stage_link_shape(geo.stage_headers[link.source], geo.stage_headers[link.target],
                                 abs(s - t), t <= s)
        tops.append(min(y for _, y in shape.points))
    return tops


def test_stage_arcs_run_between_the_persona_strip_and_the_headers(laptop_doc, korean_doc):
    for doc in (laptop_doc, korean_doc):
        geo = layout_map(doc)
        assert geo.strip is not None
        strip_bottom = geo.strip[1] + geo.strip[3]
        assert geo.header_y == strip_bottom + ARC_ROOM
        assert all(rect[1] == geo.header_y for rect in geo.stage_headers.values())
        tops = arc_tops(doc)
        assert tops and min(tops) > strip_bottom, "no arc reaches the persona cards"


def test_a_map_without_personas_has_no_band(laptop_doc):
    for persona in [e.id for e in laptop_doc.elements(Kind.PERSONA)]:
        laptop_doc.remove_element(persona)
    geo = layout_map(laptop_doc)
    assert geo.strip is None and geo.header_y == 0.0


def test_empty_lanes_are_compact_and_grow_with_their_first_card():
    doc = JourneyMap.with_default_lanes("빈 지도")
    stage = doc.add_stage("인식")
    geo = layout_map(doc)
    assert all(geo.lanes[lane.id][3] == EMPTY_LANE_H for lane in doc.lanes)
    assert EMPTY_LANE_H < CARD_H
    for kind in (Kind.ACTION, Kind.EMOTION, Kind.PERSONA):
        lane = doc.lane_for_kind(kind).id
        doc.add_card(kind, stage, lane, "첫 카드", **({"score": 1} if kind is Kind.EMOTION else {}))
        assert layout_map(doc).lanes[lane][3] == lane_height(1, kind) > EMPTY_LANE_H


def test_double_click_in_a_compact_lane_adds_a_card_and_the_lane_grows(qtbot, laptop_doc):
    view, scene, doc, stack = make_board(qtbot, laptop_doc)
    lane = doc.lane_for_kind(Kind.PERSONA).id  # empty below the headers: the personas are in the strip
    stage = doc.stage_order[2]
    x, y, w, h = scene.live.geo.cell_rect(stage, lane)
    assert h == EMPTY_LANE_H
    double_click(view, QPointF(x + w / 2, y + h / 2))
    assert scene.editor.is_editing()
    type_ime(view, "구매 담당자")
    key(view, Qt.Key.Key_Return)
    assert [e.text for e in doc.cell(stage, lane)] == ["구매 담당자"]
    assert scene.live.geo.lanes[lane][3] == lane_height(1, Kind.PERSONA)
    assert scene.lane_items[lane].h == lane_height(1, Kind.PERSONA)
    assert_agrees(scene, doc)
    stack.undo()
    assert scene.live.geo.lanes[lane][3] == EMPTY_LANE_H
    assert_agrees(scene, doc)
