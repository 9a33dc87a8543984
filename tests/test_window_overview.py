"""A big map zoomed out to fit is painted as an overview; the cards the
facilitator had selected stay selected through it, so Fit map then
Selection (or zooming back in) finds them again."""

# ruff: noqa: F811 - the window fixtures are shared with test_window by import

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from test_canvas_helpers import centre, click
from test_window import activate, make_window, settings_dir  # noqa: F401

from journeymapper.io import jmap
from journeymapper.model.elements import Kind

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def big_map(tmp_path: Path) -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from bench_file import generate

    path = tmp_path / "big.jmap"
    jmap.save(generate(cards=800, links=400, stages=6), path)
    return path


def test_selection_survives_fit_map_and_zoom_back(qtbot, make_window, big_map):
    window = make_window()
    assert window.open_path(big_map)
    view, scene, doc = window.view, window.scene, window.document
    view.reset_zoom()
    first, second = [e.id for e in doc.elements() if e.kind is Kind.ACTION][:2]
    view.center_on_id(first)
    click(view, centre(scene.cards[first]))
    view.center_on_id(second)
    click(view, centre(scene.cards[second]), CTRL)
    assert scene.selected_ids() == sorted([first, second])

    activate(window)
    qtbot.keyClick(view, Qt.Key.Key_9, CTRL)  # Fit map
    assert scene.overview_on
    assert scene.selected_ids() == sorted([first, second])
    assert "2 elements selected" in inspector_text(window)

    qtbot.keyClick(view, Qt.Key.Key_8, CTRL)  # Zoom to selection
    assert not scene.overview_on
    assert scene.selected_ids() == sorted([first, second])
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(centre(scene.cards[first]))

    qtbot.keyClick(view, Qt.Key.Key_9, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_0, CTRL)  # back to 100%
    assert not scene.overview_on
    assert scene.selected_ids() == sorted([first, second])
    assert all(scene.cards[i].isSelected() for i in (first, second))


def inspector_text(window) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(label.text() for label in window.inspector.findChildren(QLabel)
                    if label.isVisible())


def test_a_click_on_the_overview_clears_the_kept_selection(qtbot, make_window, big_map):
    window = make_window()
    assert window.open_path(big_map)
    view, scene, doc = window.view, window.scene, window.document
    view.reset_zoom()
    card = next(e.id for e in doc.elements() if e.kind is Kind.THOUGHT)
    view.center_on_id(card)
    click(view, centre(scene.cards[card]))
    activate(window)
    qtbot.keyClick(view, Qt.Key.Key_9, CTRL)
    assert scene.overview_on and scene.selected_ids() == [card]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.viewport().rect().center())
    assert scene.selected_ids() == []
    assert not scene.link_layer.selected, "hidden links are not picked by a click"
    assert "Map properties" in inspector_text(window)
    qtbot.keyClick(view, Qt.Key.Key_0, CTRL)
    assert scene.selected_ids() == [] and not scene.cards[card].isSelected()



def test_rubber_band_on_the_overview_selects_the_cards_inside(qtbot, make_window, big_map):
    window = make_window()
    assert window.open_path(big_map)
    view, scene, doc = window.view, window.scene, window.document
    activate(window)
    qtbot.keyClick(view, Qt.Key.Key_9, CTRL)
    assert scene.overview_on
    stage = doc.stage_order[0]
    lane = doc.lane_for_kind(Kind.ACTION).id
    x, y, w, h = scene.live.geo.cell_rect(stage, lane)
    start = view.mapFromScene(QPointF(x + 1, y + 1))
    end = view.mapFromScene(QPointF(x + w - 1, y + h - 1))
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     start)
    for step in range(1, 9):
        QTest.mouseMove(view.viewport(), start + (end - start) * step / 8)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier, end)
    wanted = sorted(e.id for e in doc.cell(stage, lane))
    assert wanted and scene.selected_ids() == wanted
    assert f"{len(wanted)} elements selected" in inspector_text(window)
    fitted = view.zoom()
    qtbot.keyClick(view, Qt.Key.Key_8, CTRL)  # Zoom to selection comes closer to them
    assert view.zoom() > fitted
    assert scene.selected_ids() == wanted
    qtbot.keyClick(view, Qt.Key.Key_0, CTRL)
    assert not scene.overview_on
    assert all(scene.cards[i].isSelected() for i in wanted)
