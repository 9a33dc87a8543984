"""Zoom and pan the map view: Ctrl+wheel, pinch, middle button, space-drag,
and the level of detail when zoomed out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QNativeGestureEvent, QPointingDevice, QUndoStack, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from test_canvas_helpers import centre, make_board

from journeymapper.canvas import MapScene, MapView
from journeymapper.io.serialize import dumps


@pytest.fixture
def view(qtbot, laptop_doc):
    return make_board(qtbot, laptop_doc, (900, 600))[0]


def scroll(view) -> tuple[int, int]:
    return view.horizontalScrollBar().value(), view.verticalScrollBar().value()


def test_ctrl_wheel_zooms_and_plain_wheel_scrolls(view):
    pos = QPointF(300, 300)

    def wheel(delta: int, mods) -> None:
        event = QWheelEvent(pos, view.viewport().mapToGlobal(pos), QPoint(), QPoint(0, delta),
                            Qt.MouseButton.NoButton, mods, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(view.viewport(), event)

    wheel(240, Qt.KeyboardModifier.ControlModifier)  # two notches
    assert view.zoom() > 1.3
    wheel(-240, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == pytest.approx(1.0, rel=0.01)
    before = scroll(view)
    wheel(-240, Qt.KeyboardModifier.NoModifier)
    assert scroll(view)[1] > before[1] and view.zoom() == pytest.approx(1.0, rel=0.01)


def test_pinch_zooms(view):
    zooms = []
    view.zoom_changed.connect(zooms.append)
    pos = QPointF(400, 300)
    event = QNativeGestureEvent(Qt.NativeGestureType.ZoomNativeGesture,
                                QPointingDevice.primaryPointingDevice(), 2, pos, pos,
                                view.viewport().mapToGlobal(pos), 0.5, QPointF(), 0)
    QApplication.sendEvent(view.viewport(), event)
    assert view.zoom() == pytest.approx(1.5) and zooms[-1] == pytest.approx(1.5)


def test_middle_button_pans(view):
    before = scroll(view)
    vp = view.viewport()
    QTest.mousePress(vp, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(500, 400))
    QTest.mouseMove(vp, QPoint(400, 300))
    QTest.mouseRelease(vp, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(300, 200))
    after = scroll(view)
    assert after[0] > before[0] and after[1] > before[1]


def test_space_drag_pans_without_moving_cards(view):
    scene = view.map_scene()
    doc_before = dumps(scene.doc)
    card = scene.cards["thought-21"]
    start = view.mapFromScene(centre(card))
    before = scroll(view)
    QTest.keyPress(view, Qt.Key.Key_Space)
    vp = view.viewport()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        QTest.mouseMove(vp, start - QPoint(40 * step, 30 * step))
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start - QPoint(200, 150))
    QTest.keyRelease(view, Qt.Key.Key_Space)
    assert scroll(view) != before
    assert dumps(scene.doc) == doc_before  # nothing moved on the map
    assert view.dragMode() == view.DragMode.RubberBandDrag


def test_zoomed_far_out_a_big_map_paints_an_overview(qtbot):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from bench_file import generate

    scene = MapScene()
    scene.set_document(generate(cards=800, links=400, stages=6), QUndoStack())
    view = MapView(scene)
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.fit_map()
    assert scene.overview_on and scene.overview.isVisible()
    assert not any(item.isVisible() for item in scene.cards.values())
    view.reset_zoom()
    assert not scene.overview_on and all(item.isVisible() for item in scene.cards.values())
    scene.clear_document()


def test_big_map_routes_far_links_after_a_lane_grows(qtbot):
    """A lane that grows moves everything below it: the links keep their plans
    (only those of the cell that changed are planned again) and every route is
    the one a fresh scene draws, at once."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from bench_file import generate

    from journeymapper.model import Kind

    doc = generate(cards=2500, links=2500, stages=8)
    view, scene, _, stack = make_board(qtbot, doc, (1200, 800))
    lane = doc.lane_for_kind(Kind.ACTION).id
    fullest = max(doc.stage_order, key=lambda s: len(doc.cell(s, lane)))
    from journeymapper.commands import AddCard

    router = scene.link_layer.router
    qtbot.waitUntil(lambda: router.settled, timeout=20_000)  # a big map: planned in idle time
    plans = dict(router.plans)
    below = scene.live.geo.lanes[doc.lanes[-1].id][1]
    stack.push(AddCard(doc, Kind.ACTION, fullest, lane, "one more"))  # the lane grows
    assert scene.live.geo.lanes[doc.lanes[-1].id][1] > below, "the lanes below moved down"
    assert scene.link_layer.router is router
    cell = {e.id for e in doc.cell(fullest, lane)}
    qtbot.waitUntil(lambda: router.settled, timeout=20_000)
    replanned = {k for k, plan in router.plans.items() if plans.get(k) is not plan}
    assert replanned and all(k[0] in cell or k[1] in cell for k in replanned)
    fresh = MapScene()
    fresh.set_document(doc, QUndoStack())
    fresh.flush_routes()
    for key, route in fresh.links.items():
        if hasattr(route, "points"):  # card links (stage links are arcs)
            assert scene.links[key].points == route.points, key
    fresh.clear_document()
