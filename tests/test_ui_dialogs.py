"""The real modal dialogs of ui/dialogs.py, answered by clicking their
buttons while they run (the window tests use a scripted stand-in)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QWidget,
)
from ui_support import type_text

from journeymapper.model.elements import Kind
from journeymapper.ui.dialogs import Dialogs, LaneDialog
from journeymapper.ui.template_dialog import TemplateDialog


@pytest.fixture
def dialogs(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    return Dialogs(parent)


def when_modal(qtbot, act: Callable[[QWidget], None]) -> list[str]:
    """Run ``act`` on the modal dialog as soon as it is open; returns what it saw."""
    seen: list[str] = []

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, poll)
            return
        seen.append(type(modal).__name__)
        act(modal)

    QTimer.singleShot(0, poll)
    return seen


def click_button(text: str) -> Callable[[QWidget], None]:
    def act(modal: QWidget) -> None:
        button = next(b for b in modal.findChildren(QPushButton)
                      if b.text().replace("&", "") == text)
        button.click()

    return act


@pytest.mark.parametrize("button, answer", [("Save", "save"), ("Discard", "discard"),
                                            ("Cancel", "cancel")])
def test_unsaved_changes_question(qtbot, dialogs, button, answer):
    texts: list[str] = []

    def act(modal: QWidget) -> None:
        assert isinstance(modal, QMessageBox)
        texts.append(f"{modal.text()} {modal.informativeText()}")
        click_button(button)(modal)

    seen = when_modal(qtbot, act)
    assert dialogs.ask_unsaved("고객 여정.jmap", "closing") == answer
    assert seen == ["QMessageBox"]
    assert texts == ["“고객 여정.jmap” has unsaved changes. Save them before closing?"]


def test_error_and_partial_load_warning(qtbot, dialogs):
    shown: list[str] = []

    def read_and_close(modal: QWidget) -> None:
        shown.append(modal.text() + "|" + modal.informativeText())
        modal.findChild(QDialogButtonBox).buttons()[0].click()

    when_modal(qtbot, read_and_close)
    dialogs.error("Could not open the map", "/tmp/x.jmap: not valid JSON at line 1, column 2")
    when_modal(qtbot, read_and_close)
    dialogs.warning("Map partially loaded", "x.jmap was partially loaded",
                    [f"links[{i}].source: no element with id 'gone'; link dropped"
                     for i in range(15)])
    assert shown[0] == "/tmp/x.jmap: not valid JSON at line 1, column 2|"
    message, details = shown[1].split("|")
    assert message == "x.jmap was partially loaded"
    assert details.count("•") == 12 and details.endswith("… and 3 more")


def test_template_choice_through_the_real_dialog(qtbot, dialogs):
    def choose(modal: QWidget) -> None:
        assert isinstance(modal, TemplateDialog)
        names = [t.name for t in modal.templates]
        modal.list.setCurrentRow(names.index("flywheel"))
        modal.title_edit.setFocus()
        type_text(modal.title_edit, "플라이휠")
        qtbot.keyClick(modal.title_edit, Qt.Key.Key_Return)

    when_modal(qtbot, choose)
    assert dialogs.choose_template() == ("flywheel", "플라이휠")

    when_modal(qtbot, lambda modal: qtbot.keyClick(modal, Qt.Key.Key_Escape))
    assert dialogs.choose_template() is None


def test_lane_dialog(qtbot, dialogs):
    def fill(modal: QWidget) -> None:
        assert isinstance(modal, LaneDialog)
        modal.name_edit.selectAll()
        type_text(modal.name_edit, "백스테이지")
        modal.kind_box.setCurrentIndex(modal.kind_box.findData(Kind.GOAL.value))
        qtbot.keyClick(modal.name_edit, Qt.Key.Key_Return)

    when_modal(qtbot, fill)
    assert dialogs.ask_lane("New lane", Kind.NOTE) == ("백스테이지", Kind.GOAL)

    def empty(modal: QWidget) -> None:
        modal.name_edit.clear()
        modal.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(qtbot, empty)
    assert dialogs.ask_lane("x", Kind.NOTE) is None, "a lane needs a name"
    leftover = [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QDialog) and w.isVisible()]
    assert leftover == []
