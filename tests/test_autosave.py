"""Autosave in the window: cards typed on the canvas reach a recovery file
within seconds; saving, undoing to the saved state, Discard and a clean
close remove it; the next start offers what a crashed app left (Recover /
Discard / Later) and re-opens the last map."""

# ruff: noqa: F811 - the window fixtures are shared with test_window by import

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

import pytest
from autosave_child import type_card
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication
from test_recovery_store import write_dead
from test_window import activate, laptop_copy, make_window, settings_dir  # noqa: F401
from ui_support import ScriptedDialogs, temp_settings

from journeymapper.io import jmap
from journeymapper.io.recovery import ENV_DATA_DIR, RecoveryStore, data_dir
from journeymapper.templates import new_from_template
from journeymapper.ui.autosave import AUTOSAVE_DELAY_MS
from journeymapper.ui.startup import start
from journeymapper.ui.window import MainWindow


@pytest.fixture
def data(tmp_path: Path, monkeypatch) -> RecoveryStore:
    """The recovery folder of the windows made in this test."""
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "data"))
    return RecoveryStore.default()


def records(store: RecoveryStore) -> list:
    return store.entries(include_live=True)


def texts(doc) -> set[str]:
    return {e.text for e in doc.elements()}


def type_and_wait(qtbot, window: MainWindow, text: str, stage: int = 0,
                  delay_ms: int = 100) -> None:
    """Type a card on the canvas and wait for its autosave (sooner than the
    app's 2 s, except where the test measures that)."""
    window.autosave.delay_ms = delay_ms
    activate(window)
    window.view.reset_zoom()
    with qtbot.waitSignal(window.autosave.written, timeout=8000):
        type_card(window, stage, text)


def test_a_typed_card_reaches_the_recovery_file_within_seconds(data, qtbot, make_window,
                                                              laptop_copy):
    before = laptop_copy.read_bytes()
    window = make_window()
    assert window.open_path(laptop_copy)
    assert records(data) == [], "an unchanged map needs no recovery file"
    started = time.monotonic()
    type_and_wait(qtbot, window, "Asks the shop assistant", delay_ms=AUTOSAVE_DELAY_MS)
    assert time.monotonic() - started < 5
    [entry] = records(data)
    assert entry.live and entry.meta.original == str(laptop_copy.resolve())
    assert entry.meta.changes == 1 and entry.meta.title == window.document.title
    assert "Asks the shop assistant" in texts(data.load(entry).document)
    assert laptop_copy.read_bytes() == before, "the saved file is not touched"
    assert window.autosave.last_ui_ms < 250

    with qtbot.waitSignal(window.autosave.written, timeout=8000):
        type_card(window, 1, "Reads the reviews")
    [entry] = records(data)
    assert entry.meta.changes == 2 and entry.meta.map_file.endswith(".2.jmap")
    assert len(list(data.folder.glob("*.jmap"))) == 1
    assert {"Asks the shop assistant", "Reads the reviews"} <= texts(data.load(entry).document)

    activate(window)
    qtbot.keyClick(window.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified()
    window.autosave.wait()
    assert records(data) == [], "a normal save removes it"


def test_an_untitled_map_is_autosaved_too(data, qtbot, make_window):
    window = make_window()
    assert window.path is None
    type_and_wait(qtbot, window, "배송 조회를 한다")
    [entry] = records(data)
    assert entry.meta.original is None and entry.name is None
    assert "배송 조회를 한다" in texts(data.load(entry).document)


def test_undo_to_the_saved_state_removes_it_and_redo_writes_it_again(data, qtbot, make_window,
                                                                     laptop_copy):
    window = make_window()
    window.open_path(laptop_copy)
    type_and_wait(qtbot, window, "Compares prices")
    window.undo_stack.undo()
    window.autosave.wait()
    assert records(data) == []
    with qtbot.waitSignal(window.autosave.written, timeout=8000):
        window.undo_stack.redo()
    assert "Compares prices" in texts(data.load(records(data)[0]).document)


@pytest.mark.parametrize("answer, kept", [("discard", False), ("cancel", True)])
def test_close_with_discard_removes_it_cancel_keeps_it(data, qtbot, make_window, laptop_copy,
                                                       answer, kept):
    window = make_window()
    window.open_path(laptop_copy)
    type_and_wait(qtbot, window, "Leaves the shop")
    window.dialogs.script("ask_unsaved", answer)
    assert window.close() is not kept
    if not kept:
        assert records(data) == []
    else:
        assert len(records(data)) == 1


def test_closing_a_clean_map_or_opening_another_leaves_nothing(data, qtbot, make_window,
                                                               laptop_copy, korean_path):
    window = make_window()
    window.open_path(laptop_copy)
    type_and_wait(qtbot, window, "Opens the box")
    window.dialogs.script("ask_unsaved", "discard")
    assert window.open_path(korean_path)
    window.autosave.wait()
    assert records(data) == []
    assert window.close()
    assert records(data) == []


def test_a_failed_autosave_is_said_in_the_status_bar(data, qtbot, make_window, monkeypatch):
    data.folder.parent.mkdir(parents=True)
    data.folder.write_text("a file where the folder should be")
    window = make_window()
    activate(window)
    window.view.reset_zoom()
    type_card(window, 0, "Signs up")
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Autosave failed"),
                    timeout=8000)
    assert window.isWindowModified()


# ------------------------------------------------------------------ the next start
def test_the_next_start_offers_each_map_recover_discard_later(data, qtbot, make_window,
                                                              laptop_copy, laptop_doc):
    saved_bytes = laptop_copy.read_bytes()
    laptop_doc.set_meta("title", "Laptop store after the workshop")
    edited = write_dead(data, laptop_doc, original=str(laptop_copy.resolve()), changes=5)
    untitled = write_dead(data, new_from_template("flywheel", "Flywheel draft"), changes=2)
    broken = write_dead(data, laptop_doc)
    (data.folder / f"{broken}.1.jmap").write_bytes(b"not a map")

    window = make_window()
    window.dialogs.script("recover", {edited: "recover", untitled: "later", broken: "discard"})
    assert start(window) == []
    offered = {entry.id: entry for entry in window.dialogs.offered}
    assert set(offered) == {edited, untitled, broken}
    assert offered[broken].problem is not None and offered[edited].problem is None
    assert offered[edited].meta.changes == 5

    assert window.document.title == "Laptop store after the workshop"
    assert window.path == laptop_copy.resolve()
    assert window.isWindowModified()
    assert window.windowTitle() == "노트북 매장.jmap[*] — journeymapper"
    assert window.statusBar().currentMessage().startswith("Recovered 노트북 매장.jmap")
    assert laptop_copy.read_bytes() == saved_bytes, "the saved file changes only on Save"
    window.autosave.wait()
    assert [e.id for e in data.entries()] == [untitled], "Later keeps it, Discard removes it"
    assert window.autosave.unsaved_changes() == 5

    activate(window)
    qtbot.keyClick(window.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert jmap.load(laptop_copy).document.title == "Laptop store after the workshop"
    window.autosave.wait()
    assert [e.id for e in records(data)] == [untitled]

    later = make_window()
    later.dialogs.script("recover", {untitled: "later"})
    start(later)
    assert [e.id for e in later.dialogs.offered] == [untitled], "offered again at the next start"


def test_several_recovered_maps_open_in_windows_of_their_own(data, qtbot, make_window,
                                                             laptop_doc, korean_doc):
    first = write_dead(data, laptop_doc, changes=1)
    second = write_dead(data, korean_doc, changes=2)
    window = make_window()
    window.dialogs.script("recover", {first: "recover", second: "recover"})
    others = start(window, new_window=make_window)
    assert len(others) == 1
    shown = {window.document.title, others[0].document.title}
    assert shown == {laptop_doc.title, korean_doc.title}
    assert window.isWindowModified() and others[0].isWindowModified()
    window.autosave.wait()
    others[0].autosave.wait()
    assert data.entries() == [], "both are this app's now"


def test_a_map_damaged_on_disk_after_listing_is_said_not_crashed(data, qtbot, make_window,
                                                                 laptop_doc):
    record_id = write_dead(data, laptop_doc)
    window = make_window()

    def damage_then_recover(entries):
        (data.folder / f"{record_id}.1.jmap").write_bytes(b"gone bad")
        return {record_id: "recover"}

    window.dialogs.recover = damage_then_recover
    start(window)
    kind, title, message = window.dialogs.shown[-1]
    assert (kind, title) == ("error", "Could not recover the map")
    assert "\n" not in message and str(data.folder) in message
    assert not window.isWindowModified() and window.path is None


# ------------------------------------------------------------------ the last map
def test_the_last_map_opens_again_unless_turned_off(data, qtbot, make_window, laptop_copy,
                                                    korean_path):
    window = make_window()
    window.open_path(laptop_copy)
    assert window.close()
    again = make_window()
    start(again)
    assert again.path == laptop_copy.resolve()
    assert not again.isWindowModified()

    given = make_window()
    start(given, str(korean_path))
    assert given.path == korean_path.resolve(), "a file on the command line comes first"

    action = again.findChild(type(again.action_save), "action_reopen_last")
    assert action.isChecked() and action in again.menu_file.actions()
    action.trigger()
    assert again.settings.reopen_last is False
    off = make_window()
    start(off)
    assert off.path is None


def test_a_last_map_that_is_gone_is_said_in_the_status_bar(data, qtbot, make_window, laptop_copy):
    window = make_window()
    window.open_path(laptop_copy)
    assert window.close()
    laptop_copy.unlink()
    again = make_window()
    start(again)
    assert again.path is None and again.dialogs.shown == []
    assert again.statusBar().currentMessage() == \
        f"The last map, {laptop_copy.resolve()}, is no longer there"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG folders are Linux's")
def test_the_window_finds_the_folder_the_command_line_finds(tmp_path, monkeypatch, qtbot):
    """Without the override, Qt's AppDataLocation and io.recovery.data_dir agree."""
    app = QApplication.instance()
    names = app.organizationName(), app.applicationName()
    monkeypatch.delenv(ENV_DATA_DIR)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    try:
        from journeymapper.ui.app import make_app

        make_app()
        qt = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        assert Path(qt) == data_dir() == tmp_path / "xdg/journeymapper/journeymapper"
        monkeypatch.delenv("XDG_DATA_HOME")
        qt = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        assert Path(qt) == data_dir() == tmp_path / ".local/share/journeymapper/journeymapper"
    finally:
        app.setOrganizationName(names[0])
        app.setApplicationName(names[1])


def test_a_map_given_at_start_stays_and_a_recovered_one_gets_a_window(data, qtbot, tmp_path,
                                                                       laptop_path, laptop_doc):
    record_id = write_dead(data, laptop_doc)
    window = MainWindow(temp_settings(tmp_path))
    qtbot.addWidget(window, before_close_func=lambda w: w.undo_stack.setClean())
    window.dialogs = ScriptedDialogs(recover=[{record_id: "recover"}])
    given = shutil.copy(laptop_path, tmp_path / "open.jmap")
    made: list[MainWindow] = []

    def new_window() -> MainWindow:
        other = MainWindow(window.settings.qsettings)
        qtbot.addWidget(other, before_close_func=lambda w: w.undo_stack.setClean())
        made.append(other)
        return other

    assert start(window, str(given), new_window=new_window) == made
    assert window.path == given.resolve(), "the map given stays"
    assert made[0].isWindowModified() and made[0].document.title == laptop_doc.title
