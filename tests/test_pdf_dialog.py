"""File > Export PDF: the dialog driven with mouse and keyboard, the export
on its worker thread, progress, the result line and the viewer hand-off."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_pdf import map_page_index, scored  # noqa: E402
from ui_support import temp_settings, type_text  # noqa: E402

from journeymapper.ui.export_dialog import ExportDialog  # noqa: E402


@pytest.fixture
def make_dialog(qtbot, tmp_path):
    opened: list[Path] = []

    def make(doc, map_path=None):
        dialog = ExportDialog(doc, map_path, settings=temp_settings(tmp_path / "settings"),
                              opener=opened.append)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.opened = opened
        return dialog

    return make


def set_output(dialog, path: Path) -> None:
    edit = dialog.output_edit
    QTest.mouseDClick(edit, Qt.MouseButton.LeftButton)
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    type_text(edit, str(path))


def choose(combo, text: str) -> None:
    combo.setFocus()
    QTest.keyClicks(combo, text)
    assert combo.currentText() == text


def tick(qtbot, check) -> None:
    """Click a check box on its indicator, where a user aims."""
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))


def export_and_wait(qtbot, dialog) -> None:
    seen: list[tuple[int, int]] = []
    dialog.progress.valueChanged.connect(lambda v: seen.append((v, dialog.progress.maximum())))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.page_combo.isEnabled()  # inputs locked while it writes
    qtbot.waitUntil(lambda: dialog.thread is None, timeout=20000)
    dialog.seen = seen


def test_export_with_chosen_options_and_open_when_done(qtbot, make_dialog, laptop_doc, tmp_path):
    dialog = make_dialog(laptop_doc, tmp_path / "laptop.jmap")
    assert dialog.output_edit.text() == str(tmp_path / "laptop.pdf")
    assert "Set in" in dialog.font_note.text()
    choose(dialog.page_combo, "A2")
    choose(dialog.orientation_combo, "portrait")
    tick(qtbot, dialog.map_only_check)
    assert dialog.map_only_check.isChecked()
    export_and_wait(qtbot, dialog)
    target = tmp_path / "laptop.pdf"
    assert "Wrote 1 page to" in dialog.status.text() and str(target) in dialog.status.text()
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (1191, 1684)
    assert dialog.opened == [target]
    assert dialog.seen and dialog.seen[-1][0] == dialog.seen[-1][1]  # progress reached the end
    assert dialog.export_button.isEnabled() and dialog.page_combo.isEnabled()


def test_no_viewer_when_unticked_and_choices_are_remembered(qtbot, make_dialog, korean_doc,
                                                             tmp_path):
    dialog = make_dialog(korean_doc)
    set_output(dialog, tmp_path / "새벽배송")
    choose(dialog.page_combo, "A3")
    tick(qtbot, dialog.open_check)
    assert not dialog.open_check.isChecked()
    export_and_wait(qtbot, dialog)
    target = tmp_path / "새벽배송.pdf"
    assert target.exists() and dialog.opened == []
    assert "신선마켓" in PdfReader(target).pages[0].extract_text()
    again = make_dialog(korean_doc)
    assert again.page_combo.currentText() == "A3" and not again.open_check.isChecked()


def test_wave_choice_reaches_the_badges(qtbot, make_dialog, laptop_doc, tmp_path):
    doc = scored(laptop_doc)
    dialog = make_dialog(doc, tmp_path / "scored.jmap")
    assert dialog.wave_combo.isEnabled()
    choose(dialog.page_combo, "A2")
    choose(dialog.orientation_combo, "portrait")
    choose(dialog.wave_combo, "2026-Q2")
    export_and_wait(qtbot, dialog)
    reader = PdfReader(tmp_path / "scored.pdf")
    badge_page = reader.pages[map_page_index(reader)].extract_text()
    assert "CSAT 62%" in badge_page and "CSAT 71%" not in badge_page


def test_a_poster_page_of_the_size_chosen(qtbot, make_dialog, laptop_doc, tmp_path):
    dialog = make_dialog(laptop_doc, tmp_path / "poster.jmap")
    dialog.poster_combo.setFocus()
    QTest.keyClick(dialog.poster_combo, Qt.Key.Key_End)  # the last choice: A0
    QTest.keyClick(dialog.poster_combo, Qt.Key.Key_Up)
    assert dialog.poster_combo.currentText() == "One poster page, A1"
    tick(qtbot, dialog.map_only_check)
    export_and_wait(qtbot, dialog)
    reader = PdfReader(tmp_path / "poster.pdf")
    assert len(reader.pages) == 1 and "the map on one page" in dialog.status.text()
    box = reader.pages[0].mediabox
    assert sorted((round(float(box.width)), round(float(box.height)))) == [1684, 2384]
    again = make_dialog(laptop_doc)
    assert again.poster_combo.currentText() == "One poster page, A1"


def test_a_font_without_hangul_is_refused_before_export(qtbot, make_dialog, korean_doc, tmp_path):
    from journeymapper.io.pdf.fonts import _font_index

    latin = _font_index().get("dejavusans.ttf")
    if latin is None:
        pytest.skip("DejaVu Sans is not installed")
    dialog = make_dialog(korean_doc)
    dialog.font_edit.setFocus()
    type_text(dialog.font_edit, str(latin))
    QTest.keyClick(dialog.font_edit, Qt.Key.Key_Return)  # Return: Export is refused
    assert dialog.thread is None and dialog.result is None
    assert "lacks" in dialog.font_note.text()
    assert not dialog.export_button.isEnabled()
    dialog.font_edit.selectAll()
    QTest.keyClick(dialog.font_edit, Qt.Key.Key_Delete)
    # the font is re-checked once typing pauses
    qtbot.waitUntil(dialog.export_button.isEnabled, timeout=3000)
    assert "Set in" in dialog.font_note.text()


def test_a_failed_export_says_why_and_writes_nothing(qtbot, make_dialog, laptop_doc, tmp_path):
    dialog = make_dialog(laptop_doc)
    set_output(dialog, tmp_path / "missing-folder" / "out.pdf")
    export_and_wait(qtbot, dialog)
    assert "Not exported" in dialog.status.text() and "does not exist" in dialog.status.text()
    assert not (tmp_path / "missing-folder").exists()
    assert dialog.opened == [] and dialog.export_button.isEnabled()


def test_editing_during_export_does_not_change_the_pdf(qtbot, make_dialog, laptop_doc, tmp_path):
    dialog = make_dialog(laptop_doc, tmp_path / "snap.jmap")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    laptop_doc.set_meta("title", "Changed while exporting")
    qtbot.waitUntil(lambda: dialog.thread is None, timeout=20000)
    assert PdfReader(tmp_path / "snap.pdf").metadata.title == "Laptop store: the price-sensitive buyer"


def test_file_menu_shortcut_opens_the_dialog_on_the_window_map(qtbot, tmp_path, laptop_path):
    import shutil

    from journeymapper.io import jmap
    from journeymapper.ui.window import MainWindow

    copy = tmp_path / "노트북 매장.jmap"
    shutil.copy(laptop_path, copy)
    (tmp_path / "settings").mkdir()
    window = MainWindow(temp_settings(tmp_path / "settings"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    window.set_document(jmap.load(copy).document, copy)
    texts = [a.text() for a in window.menu_file.actions()]
    assert "Export &PDF…" in texts
    QTest.keyClick(window, Qt.Key.Key_E,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.findChild(ExportDialog) is not None, timeout=3000)
    dialog = window.findChild(ExportDialog)
    assert dialog.isVisible() and dialog.output_edit.text() == str(copy.with_suffix(".pdf"))
    tick(qtbot, dialog.open_check)  # no system viewer in a test
    export_and_wait(qtbot, dialog)
    reader = PdfReader(copy.with_suffix(".pdf"))
    assert reader.metadata.title == window.document.title
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Close),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(ExportDialog) is None, timeout=3000)
    window.undo_stack.setClean()


def test_a_window_starts_without_the_pdf_package(tmp_path):
    """File > Export PDF… is on the menu of a window that has not imported
    reportlab: the dialog's module loads when it first opens (above), so the
    window starts a quarter of a second sooner."""
    import subprocess

    code = ("import sys; sys.path.insert(0, 'tests'); from pathlib import Path; "
            "from PySide6.QtWidgets import QApplication; app = QApplication([]); "
            "from ui_support import temp_settings; from journeymapper.ui.window import MainWindow; "
            "w = MainWindow(temp_settings(Path(sys.argv[1]))); "
            "print([a.text() for a in w.menu_file.actions()].count('Export &PDF…'), "
            "'reportlab' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                          text=True, timeout=120, cwd=Path(__file__).resolve().parent.parent,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.stdout.split() == ["1", "False"], done.stderr


def test_the_window_stays_responsive_while_a_big_map_exports(qtbot, make_dialog, tmp_path):
    from PySide6.QtCore import QTimer

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from bench_file import generate

    dialog = make_dialog(generate(cards=2000, links=1500), tmp_path / "big.jmap")
    tick(qtbot, dialog.open_check)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(dialog.progress.value()) if dialog.thread else None)
    timer.start()
    export_and_wait(qtbot, dialog)
    timer.stop()
    assert len(ticks) >= 5  # the event loop kept running during the export
    assert len(set(ticks)) >= 2  # and the progress bar moved
    assert "Wrote" in dialog.status.text() and (tmp_path / "big.pdf").exists()
