"""The survey import dialog, driven with the mouse and keyboard: suggestions,
fixing them, mapping unknown labels, the preview of scores, one undo step,
cancelling a long read, and refusing a bad file."""

from __future__ import annotations

from pathlib import Path

import pytest
import survey_fixtures as fx
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox

from journeymapper.templates import new_from_template
from journeymapper.ui.survey_dialog import SurveyImportDialog


@pytest.fixture
def setup(qtbot):
    doc = new_from_template("ecommerce-ko")
    stack = QUndoStack()
    dialog = SurveyImportDialog(doc, stack.push)
    qtbot.addWidget(dialog)
    dialog.show()
    return doc, stack, dialog


def load(qtbot, dialog: SurveyImportDialog, path: Path) -> None:
    with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
        assert dialog.load_file(path)


def choose(qtbot, combo: QComboBox, steps: int) -> None:
    """Move a combo box's choice with the keyboard, as a user would."""
    combo.setFocus()
    key = Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up
    for _ in range(abs(steps)):
        qtbot.keyClick(combo, key)


def results(dialog: SurveyImportDialog) -> list[list[str]]:
    table = dialog.results_table
    return [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())]


def test_korean_cp949_suggest_fix_preview_and_import(qtbot, setup, tmp_path: Path) -> None:
    doc, stack, dialog = setup
    load(qtbot, dialog, fx.google_forms_ko(tmp_path, "cp949", "설문.csv"))
    assert "Google Forms" in dialog.file_label.text()
    assert "CP949" in dialog.file_label.text()
    assert dialog.preview_table.rowCount() == 7
    assert dialog.preview_table.item(0, 4).text() == "배송이 빨라서 좋았어요"
    # suggestions: the CSAT header names the stage 구매; NPS and CES need a stage
    metric2, stage2 = dialog.mapping_combos("#2")
    assert (metric2.currentText(), stage2.currentText()) == ("CSAT (1-5)", "구매")
    metric3, stage3 = dialog.mapping_combos("#3")
    metric4, stage4 = dialog.mapping_combos("#4")
    metric5, stage5 = dialog.mapping_combos("#5")
    assert (metric3.currentText(), metric4.currentText()) == ("NPS (0-10)", "CES (1-7)")
    assert stage3.currentText() == "— choose a stage —"
    assert results(dialog) == [["구매", "CSAT", "57.1%", "7", "0"]]
    # fix the suggestions: NPS to 옹호 (5th stage), CES to 구매; no quotes this time
    with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
        choose(qtbot, stage3, 5)
        choose(qtbot, stage4, 3)
        choose(qtbot, metric5, -7)
    assert stage3.currentText() == "옹호" and metric5.currentText() == "— not imported —"
    assert results(dialog) == [["구매", "CSAT", "57.1%", "7", "0"],
                               ["옹호", "NPS", "+14.3", "7", "0"],
                               ["구매", "CES", "2.67", "6", "0"]]
    assert "low confidence" in dialog.results_table.item(0, 5).text()
    # the wave label is typed
    with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
        dialog.wave_edit.selectAll()
        qtbot.keyClicks(dialog.wave_edit, "2026-Q3")
    # and the date of the survey (not today's, the import's)
    date = dialog.date_edit
    with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
        date.setFocus()
        date.setSelectedSection(date.Section.YearSection)
        qtbot.keyClicks(date, "20260930")
    assert date.date().toString("yyyy-MM-dd") == "2026-09-30"
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert stack.count() == 1 and not dialog.isVisible()
    assert [(w.label, w.date) for w in doc.waves] == [("2026-Q3", "2026-09-30")]
    values = {(doc.element(s.stage).text, s.metric): s.value for s in doc.scores()}
    assert values[("구매", "csat")] == pytest.approx(400 / 7)
    assert values[("옹호", "nps")] == pytest.approx(100 / 7)
    stack.undo()
    assert doc.scores() == [] and doc.waves == ()


def test_unknown_label_mapped_by_typing_a_number(qtbot, setup, tmp_path: Path) -> None:
    doc, stack, dialog = setup
    load(qtbot, dialog, fx.surveymonkey(tmp_path))
    metric6, stage6 = dialog.mapping_combos("#6")
    assert metric6.currentText() == "CSAT (1-5)"
    with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
        for combo in (dialog.mapping_combos(f"#{i}")[0] for i in (7, 8, 9, 10)):
            combo.setCurrentIndex(0)
        choose(qtbot, stage6, 3)  # 구매
    assert results(dialog) == [["구매", "CSAT", "60.0%", "5", "1"]]
    assert dialog.labels_table.item(0, 0).text() == "Kinda ok"
    edit = dialog.label_edits["Kinda ok"]
    with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
        edit.setFocus()
        qtbot.keyClicks(edit, "4")
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    # 4 of 6 answers are now 4 or 5
    assert results(dialog) == [["구매", "CSAT", "66.7%", "6", "0"]]
    assert dialog.labels_table.item(0, 1).text() == "mapped"


def test_bad_file_is_refused_with_one_line(qtbot, setup, tmp_path: Path) -> None:
    _doc, stack, dialog = setup
    files = fx.bad_files(tmp_path)
    assert not dialog.load_file(files["binary"])
    assert dialog.error.startswith("junk.csv: not a CSV or XLSX file")
    assert not dialog.import_button.isEnabled()
    assert not dialog.load_file(files["header_only"])
    assert dialog.error == ("header-only.csv: row 2: no responses after the header row; "
                            "expected at least one row of answers")
    assert not dialog.import_button.isEnabled() and stack.count() == 0


def test_large_file_reads_on_a_worker_and_cancels(qtbot, setup, tmp_path: Path) -> None:
    _doc, stack, dialog = setup
    rows = [["Timestamp", "How satisfied were you with 구매?"]]
    rows += [[f"2026-10-{1 + i % 28:02d}", str(1 + i % 5)] for i in range(400_000)]
    path = fx.write_csv(tmp_path / "big.csv", rows)
    progress: list[int] = []
    dialog.progress.valueChanged.connect(progress.append)
    with qtbot.waitSignal(dialog.preview_ready, timeout=30000):
        dialog.load_file(path)
        assert dialog.cancel_button.isVisible()  # the read runs while the window stays live
    assert results(dialog) == [["구매", "CSAT", "40.0%", "400000", "0"]]
    assert progress and max(progress) >= 90
    # a second read, cancelled with the button while it runs
    dialog.start_preview()
    task = dialog.task
    assert task is not None
    with qtbot.waitSignal(task.signals.cancelled, timeout=30000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert "cancelled" in dialog.status.text()
    assert not dialog.import_button.isEnabled() and not dialog.progress.isVisible()
    assert stack.count() == 0


def test_matrix_rows_are_named_in_the_preview_and_the_mapping(qtbot, setup, tmp_path: Path):
    """A matrix question too long to show whole keeps its row label (Browsing, Search,
    Filters) in both tables, so the three columns can be told apart."""
    _doc, _stack, dialog = setup
    load(qtbot, dialog, fx.surveymonkey_matrix(tmp_path))
    headers = [dialog.preview_table.horizontalHeaderItem(c)
               for c in range(dialog.preview_table.columnCount())]
    rows = {dialog.mapping_table.item(r, 0).text().split()[0]: dialog.mapping_table.item(r, 0)
            for r in range(dialog.mapping_table.rowCount())}
    for ref, row in (("#6", "Browsing"), ("#7", "Search"), ("#8", "Filters")):
        header = headers[int(ref[1:]) - 1]
        assert header.text() == f"{ref} {row}"
        assert header.toolTip() == f"{fx.MATRIX_QUESTION} - {row}"
        assert rows[ref].text().endswith(f" - {row}")
        assert rows[ref].toolTip() == f"{fx.MATRIX_QUESTION} - {row}"
