"""The real recovery dialog: one row per map with its name, when, unsaved
changes and where it was saved; Recover / Discard / Later clicked as a user
does; a damaged map cannot be chosen for Recover; Esc means Later."""

# ruff: noqa: F811 - the dialogs fixture is shared with test_ui_dialogs by import

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QRadioButton, QWidget
from test_recovery_store import write_dead
from test_ui_dialogs import click_button, dialogs, when_modal  # noqa: F401

from journeymapper.io.recovery import RecoveryStore, local_time
from journeymapper.templates import new_from_template
from journeymapper.ui.recovery_dialog import RecoveryDialog


@pytest.fixture
def entries(tmp_path: Path, laptop_doc):
    store = RecoveryStore(tmp_path / "recovery")
    saved = write_dead(store, laptop_doc, original="/maps/노트북 매장.jmap", changes=3)
    untitled = write_dead(store, new_from_template("buyers-journey", "New journey"), changes=1)
    broken = write_dead(store, laptop_doc)
    (store.folder / f"{broken}.1.jmap").unlink()
    found = store.entries()
    assert [e.id for e in found][-1] == broken
    return found, saved, untitled, broken


def radio(dialog: QWidget, record_id: str, choice: str) -> QRadioButton:
    row = dialog.findChild(QWidget, f"recovery_{record_id}")
    return row.findChild(QRadioButton, f"choice_{choice}")


def row_text(dialog: QWidget, record_id: str) -> list[str]:
    row = dialog.findChild(QWidget, f"recovery_{record_id}")
    return [label.text() for label in row.findChildren(QLabel)]


def test_choices_are_clicked_per_map(qtbot, dialogs, entries):
    found, saved, untitled, broken = entries
    seen: dict[str, object] = {}

    def act(modal: QWidget) -> None:
        seen["saved"] = row_text(modal, saved)
        seen["broken"] = row_text(modal, broken)
        seen["recover_broken"] = radio(modal, broken, "recover").isEnabled()
        seen["title"] = modal.windowTitle()
        QTest.mouseClick(radio(modal, untitled, "discard"), Qt.MouseButton.LeftButton)
        QTest.mouseClick(radio(modal, broken, "discard"), Qt.MouseButton.LeftButton)
        click_button("Continue")(modal)

    modals = when_modal(qtbot, act)
    answer = dialogs.recover(found)
    assert modals == ["RecoveryDialog"]
    assert answer == {saved: "recover", untitled: "discard", broken: "discard"}
    when = local_time(found[0].meta.saved_at)
    assert seen["title"] == "Recover unsaved maps"
    name, details, where = seen["saved"]
    assert name == "<b>노트북 매장.jmap</b>" and where == "Saved as /maps/노트북 매장.jmap"
    # "changes" once the English catalogue has the plural, "change(s)" without one
    assert details.startswith(f"Autosaved {when} · 3 unsaved change")
    assert seen["broken"][1].startswith("Cannot be recovered: ")
    assert "the recovered map is missing" in seen["broken"][1]
    assert seen["recover_broken"] is False


def test_escape_means_later_for_every_map(qtbot, dialogs, entries):
    found, saved, untitled, broken = entries
    when_modal(qtbot, lambda modal: QTest.keyClick(modal, Qt.Key.Key_Escape))
    assert dialogs.recover(found) == {saved: "later", untitled: "later", broken: "later"}


def test_the_dialog_as_drawn(qtbot, entries, tmp_path):
    found = entries[0]
    dialog = RecoveryDialog(found)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    image = dialog.grab()
    assert image.width() >= 600 and image.height() >= 300
    image.save(str(tmp_path / "recovery-dialog.png"))
    dialog.close()
