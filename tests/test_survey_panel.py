"""The scores panel: charts follow the document's scores, low-confidence
points are marked, and waves are renamed / deleted through undo steps."""

from __future__ import annotations

from pathlib import Path

import pytest
import survey_fixtures as fx
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest

from journeymapper.commands import UndoStack
from journeymapper.commands.scores import ImportScores
from journeymapper.io.survey import ImportOptions, Mapping, inspect_survey, plan_import
from journeymapper.templates import new_from_template
from journeymapper.ui.scores_panel import ScoresPanel


def import_wave(doc, stack: QUndoStack, path: Path, wave: str, stage: str = "구매") -> None:
    inspection = inspect_survey(path)
    stage_id = doc.stage_by_name(stage).id
    maps = [Mapping(1, stage_id, "csat"), Mapping(2, stage_id, "nps")]
    stack.push(ImportScores(doc, plan_import(doc, inspection.survey, inspection.layout, maps,
                                             ImportOptions(wave=wave))))


@pytest.fixture
def panel_setup(qtbot, tmp_path: Path):
    doc = new_from_template("ecommerce-ko")
    stack = UndoStack()
    panel = ScoresPanel(stack.push)
    qtbot.addWidget(panel)
    panel.set_document(doc)
    panel.resize(700, 600)
    panel.show()
    return doc, stack, panel, fx.google_forms_ko(tmp_path)


def test_charts_follow_imports_and_mark_low_confidence(qtbot, panel_setup) -> None:
    doc, stack, panel, survey = panel_setup
    assert panel.chart.cells == []
    import_wave(doc, stack, survey, "2026-Q1")
    import_wave(doc, stack, survey, "2026-Q2")
    cells = {(c.stage_name, c.metric): c for c in panel.chart.cells}
    assert set(cells) == {("구매", "csat"), ("구매", "nps")}
    points = cells[("구매", "csat")].points
    assert [p.wave for p in points] == ["2026-Q1", "2026-Q2"]
    assert all(p.low_confidence and p.n == 7 for p in points)
    assert points[0].x < points[1].x
    # CSAT 57.1 of 0..100 sits a little above the middle of its plot
    plot = panel.chart.plot_rect(cells[("구매", "csat")].rect)
    assert plot.top() < points[0].y < plot.center().y()
    image = panel.chart.grab().toImage()
    assert image.width() == panel.chart.sizeHint().width()
    # a low-confidence point is drawn hollow: its centre keeps the chart background,
    # its ring has the score's colour
    centre = image.pixelColor(round(points[0].x), round(points[0].y)).name()
    ring = image.pixelColor(round(points[0].x + 4), round(points[0].y)).name()
    assert centre == "#f7f8fa" and ring != "#f7f8fa"
    stack.undo()
    assert [p.wave for p in panel.chart.cells[0].points] == ["2026-Q1"]


def test_ces_is_drawn_with_up_meaning_easier(qtbot, panel_setup, tmp_path: Path) -> None:
    doc, stack, panel, survey = panel_setup
    inspection = inspect_survey(survey)
    stage = doc.stage_by_name("구매").id
    for direction, wave in (("low-is-easy", "A"), ("high-is-easy", "B")):
        result = plan_import(doc, inspection.survey, inspection.layout,
                             [Mapping(3, stage, "ces")],
                             ImportOptions(wave=wave, ces_direction=direction))
        stack.push(ImportScores(doc, result))
    (cell,) = panel.chart.cells
    low_is_easy, high_is_easy = cell.points
    # the same mean 2.67: easy when 1 = very easy (high on the chart), hard otherwise
    assert low_is_easy.y < high_is_easy.y


def test_rename_and_delete_waves_with_undo(qtbot, panel_setup) -> None:
    doc, stack, panel, survey = panel_setup
    import_wave(doc, stack, survey, "W1")
    import_wave(doc, stack, survey, "W2")
    assert [panel.waves.item(i).text() for i in range(panel.waves.count())] == ["W1", "W2"]
    first = panel.waves.visualItemRect(panel.waves.item(0)).center()
    QTest.mouseClick(panel.waves.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert panel.rename_edit.text() == "W1"
    panel.rename_edit.selectAll()
    QTest.keyClicks(panel.rename_edit, "2026-Q1")
    QTest.keyClick(panel.rename_edit, Qt.Key.Key_Return)
    assert [w.label for w in doc.waves] == ["2026-Q1", "W2"]
    assert {s.wave for s in doc.scores()} == {"2026-Q1", "W2"}
    # a label that exists already is refused with a message
    panel.rename_edit.setText("W2")
    QTest.mouseClick(panel.rename_button, Qt.MouseButton.LeftButton)
    assert "exists already" in panel.message.text()
    assert [w.label for w in doc.waves] == ["2026-Q1", "W2"]
    QTest.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert [w.label for w in doc.waves] == ["W2"]
    assert {s.wave for s in doc.scores()} == {"W2"}
    stack.undo()
    stack.undo()
    assert [w.label for w in doc.waves] == ["W1", "W2"]
    assert len(doc.scores()) == 4
