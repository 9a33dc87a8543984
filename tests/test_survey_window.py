"""Survey import in the main window: dropping an export opens the dialog,
its import is one undo step of the window, the scores panel shows it."""

from __future__ import annotations

from pathlib import Path

import survey_fixtures as fx
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_support import ScriptedDialogs, temp_settings

from journeymapper.templates import new_from_template
from journeymapper.ui.survey_dialog import SurveyImportDialog
from journeymapper.ui.window import MainWindow


def test_drop_survey_import_undo_and_panel(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "settings"
    folder.mkdir()
    window = MainWindow(temp_settings(folder))
    window.dialogs = ScriptedDialogs()
    qtbot.addWidget(window, before_close_func=lambda w: w.undo_stack.setClean())
    window.set_document(new_from_template("ecommerce-ko"), None)
    window.show()
    texts = [a.text() for a in window.menu_file.actions()]
    assert "Import &survey…" in texts
    assert window.open_dropped(str(fx.google_forms_ko(tmp_path, "cp949", "설문.csv")))
    dialog = window.findChild(SurveyImportDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    assert [[dialog.results_table.item(0, c).text() for c in range(3)]] == [
        ["구매", "CSAT", "57.1%"]]
    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    doc = window.document
    assert window.undo_stack.count() == 1 and not window.undo_stack.isClean()
    assert [(doc.element(s.stage).text, s.metric) for s in doc.scores()] == [("구매", "csat")]
    assert [(c.stage_name, c.metric) for c in window.scores.chart.cells] == [("구매", "csat")]
    window.undo_stack.undo()
    assert doc.scores() == [] and window.scores.chart.cells == []
    # a file that is neither a map nor a survey is not taken
    other = tmp_path / "notes.pdf"
    other.write_bytes(b"%PDF")
    assert not window.open_dropped(str(other))
