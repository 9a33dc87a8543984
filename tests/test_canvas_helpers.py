"""Helpers for driving the map view with real mouse and keyboard events."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from journeymapper.canvas.items.cards import BaseCardItem
from journeymapper.layout.geometry import layout_map
from journeymapper.model.elements import Kind
from journeymapper.model.links import LinkKind


def make_board(qtbot, doc, size=(1500, 950)):
    """A shown MapView on ``doc`` at 100%; returns (view, scene, doc, undo stack).
    Removals are confirmed without asking."""
    from journeymapper.canvas import MapScene, MapView
    from journeymapper.commands import UndoStack

    stack = UndoStack()
    scene = MapScene()
    scene.set_document(doc, stack)
    view = MapView(scene)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.setFocus()
    view.reset_zoom()
    scene.confirm = lambda text: True
    return view, scene, doc, stack


def centre(item) -> QPointF:
    """Scene point at the middle of an item's body."""
    if isinstance(item, BaseCardItem):
        return item.mapToScene(item.rect().center())
    return item.sceneBoundingRect().center()


def vp(view, point: QPointF) -> QPoint:
    view.ensureVisible(point.x() - 5, point.y() - 5, 10, 10, 80, 80)
    return view.mapFromScene(point)


def click(view, point: QPointF, mods=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, mods, vp(view, point))


def double_click(view, point: QPointF) -> None:
    pos = vp(view, point)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     pos)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, pos)


def drag(view, start: QPointF, end: QPointF, steps: int = 8, release: bool = True) -> None:
    """Press at ``start``, move in steps, release at ``end`` (scene points)."""
    a = vp(view, start)
    b = view.mapFromScene(end)
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for i in range(1, steps + 1):
        QTest.mouseMove(view.viewport(), a + (b - a) * i / steps)
    if release:
        QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.NoModifier, b)


def type_ime(view, text: str) -> None:
    """Type like an input method does: a composing (pre-edit) string, then the commit."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    for n in range(1, len(text) + 1):
        QApplication.sendEvent(view, QInputMethodEvent(text[:n], []))
    commit = QInputMethodEvent("", [])
    commit.setCommitString(text)
    QApplication.sendEvent(view, commit)


def key(view, k, mods=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press on the view, the widget that has keyboard focus."""
    QTest.keyClick(view, k, mods)


def assert_agrees(scene, doc) -> None:
    """Every element has exactly one item at its layout position, and vice versa."""
    geo = layout_map(doc)
    cards = {e.id for e in doc.elements() if e.kind is not Kind.STAGE}
    assert set(scene.cards) == cards
    on_scene = [i for i in scene.items() if isinstance(i, BaseCardItem)]
    assert len(on_scene) == len(cards)
    for element_id, item in scene.cards.items():
        x, y, w, h = geo.cards[element_id]
        got = (item.scenePos().x(), item.scenePos().y(), item.w, item.h)
        assert got == pytest.approx((x, y, w, h)), element_id
    assert set(scene.stages) == set(doc.stage_order)
    for stage_id, item in scene.stages.items():
        assert (item.pos().x(), item.pos().y()) == pytest.approx(geo.stage_headers[stage_id][:2])
    assert [scene.lane_items[ln.id].lane for ln in doc.lanes] == list(doc.lanes)
    for lane_id, item in scene.lane_items.items():
        got = (item.pos().x(), item.pos().y(), item.w, item.h)
        assert got == pytest.approx(geo.lane_headers[lane_id]), lane_id
    drawn = {(ln.source, ln.target) for ln in doc.links() if ln.kind is not LinkKind.WALKS}
    assert set(scene.links) == drawn


def assert_one_step(scene, doc, stack, before: bytes) -> None:
    """The gesture was one undo step; undo restores the file bytes exactly,
    redo repeats it, and the scene agrees with the model throughout."""
    from journeymapper.io.serialize import dumps

    assert stack.count() == 1
    assert_agrees(scene, doc)
    after = dumps(doc)
    stack.undo()
    assert dumps(doc) == before
    assert_agrees(scene, doc)
    stack.redo()
    assert dumps(doc) == after
    assert_agrees(scene, doc)
    stack.undo()
