"""The canvas, `render` (which draws the canvas's scene) and the PDF draw the
same routes: the polylines of every link are equal, and stay so while the
map is edited."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_routing import busy_map, maps  # noqa: E402

from journeymapper.canvas.scene import MapScene  # noqa: E402
from journeymapper.commands import AddCard, MoveCards  # noqa: E402
from journeymapper.io.pdf.mapdraw import MapFonts, MapPainter  # noqa: E402
from journeymapper.model import Kind  # noqa: E402


def keep_every_lane(doc) -> None:
    """A card in each empty persona lane, so the PDF lays out every lane the
    canvas does (it leaves an empty persona lane out when the strip is there)."""
    for lane in doc.lanes:
        if lane.kind is Kind.PERSONA and not any(doc.cell(s, lane.id) for s in doc.stage_order):
            doc.add_card(Kind.NOTE, doc.stage_order[0], lane.id, "a note")


def canvas_routes(doc, stack=None) -> tuple[MapScene, dict]:
    scene = MapScene()
    scene.set_document(doc, stack or QUndoStack())
    scene.flush_routes()
    return scene, {k: item.points for k, item in scene.links.items() if hasattr(item, "points")}


def pdf_routes(doc) -> dict:
    painter = MapPainter(doc, MapFonts("Helvetica", "Helvetica-Bold"))
    return dict(painter.links.points)


@pytest.mark.parametrize("name", ["laptop", "korean", "busy", "random-300"])
def test_the_canvas_and_the_pdf_draw_the_same_polylines(qtbot, name):
    doc = maps()[name]
    keep_every_lane(doc)
    scene, canvas = canvas_routes(doc)
    try:
        pdf = pdf_routes(doc)
        assert canvas and canvas == pdf
        arcs = [item for item in scene.links.values() if not hasattr(item, "points")]
        assert all(item.head is not None for item in arcs)  # the stage links are shaped too
    finally:
        scene.clear_document()


def test_they_stay_the_same_while_the_map_is_edited(qtbot):
    doc = busy_map()
    keep_every_lane(doc)
    stack = QUndoStack()
    scene, _ = canvas_routes(doc, stack)
    try:
        lane = doc.lane_for_kind(Kind.TOUCHPOINT).id
        card = doc.cell(doc.stage_order[1], lane)[0]
        target = doc.stage_order[4]
        stack.push(MoveCards(doc, {card.id: card.placement.moved(
            stage=target, order=doc.next_order((target, lane)))}))
        for _ in range(3):  # the lane grows: everything below moves
            stack.push(AddCard(doc, Kind.TOUCHPOINT, doc.stage_order[2], lane, "one more"))
        scene.flush_routes()
        now = {k: item.points for k, item in scene.links.items() if hasattr(item, "points")}
        assert now == pdf_routes(doc)
        while stack.canUndo():
            stack.undo()
        scene.flush_routes()
        now = {k: item.points for k, item in scene.links.items() if hasattr(item, "points")}
        assert now == pdf_routes(doc)
    finally:
        scene.clear_document()
