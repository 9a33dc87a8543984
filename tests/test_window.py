"""The main window end to end: open, edit through the inspector, undo/redo
from the menu, save and reopen, unsaved-changes questions, broken files,
find and the persona filter. Real widgets, real key and mouse events;
only the modal questions are answered by a script."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
)
from ui_support import ScriptedDialogs, temp_settings, type_text

from journeymapper.commands.links import AddLink
from journeymapper.io import jmap
from journeymapper.io.serialize import dumps
from journeymapper.model.elements import Kind
from journeymapper.ui.window import MainWindow


@pytest.fixture
def settings_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "settings"
    folder.mkdir()
    return folder


def shown_window(qtbot, settings_dir: Path, size: tuple[int, int] | None = None) -> MainWindow:
    """A window on the settings in ``settings_dir``, with scripted dialogs, shown
    and active; qtbot closes it clean at the end of the test."""
    window = MainWindow(temp_settings(settings_dir))
    window.dialogs = ScriptedDialogs()
    qtbot.addWidget(window, before_close_func=lambda w: w.undo_stack.setClean())
    if size is not None:
        window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    activate(window)
    return window


@pytest.fixture
def make_window(qtbot, settings_dir):
    """Windows on the temporary settings, with scripted dialogs; closed
    clean at the end of the test."""
    made: list[MainWindow] = []

    def make() -> MainWindow:
        window = shown_window(qtbot, settings_dir)
        made.append(window)
        return window

    yield make
    for window in made:
        window.undo_stack.setClean()
        window.close()


@pytest.fixture
def laptop_copy(tmp_path: Path, laptop_path: Path) -> Path:
    target = tmp_path / "노트북 매장.jmap"
    shutil.copy(laptop_path, target)
    return target


def click_item(qtbot, window: MainWindow, element_id: str) -> None:
    """Click a card or stage header on the canvas, as a user would."""
    item = window.scene.item_for(element_id)
    window.view.center_on_id(element_id)
    local = item.boundingRect().center() if element_id in window.scene.stages else \
        QPointF(item.rect().width() / 2, item.rect().height() - 8)
    pos = window.view.mapFromScene(item.mapToScene(local))
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def activate(window: MainWindow) -> None:
    """Menu shortcuts only reach the active window."""
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)


def shortcut(qtbot, window: MainWindow, key: Qt.Key, mods=Qt.KeyboardModifier.ControlModifier):
    """Press a menu shortcut with the canvas focused."""
    activate(window)
    window.view.setFocus()
    qtbot.keyClick(window.view, key, mods)


def painted_text(window: MainWindow, element_id: str) -> str:
    return " ".join(line.text() for line in window.scene.cards[element_id].block.lines)


def test_opens_the_example_on_the_canvas(make_window, laptop_path):
    window = make_window()
    assert window.open_path(laptop_path)
    assert window.windowTitle() == "laptop-store.jmap[*] — journeymapper"
    assert not window.isWindowModified()
    doc = window.document
    assert set(window.scene.cards) == {e.id for e in doc.elements() if e.kind.value != "stage"}
    assert set(window.scene.stages) == set(doc.stage_order)
    assert window.zoom_label.text().endswith("%")
    assert window.view.zoom() >= 0.45, "the cards' text is readable when a map opens"


def test_inspector_edit_changes_the_card_and_undo_redo_from_the_menu(qtbot, make_window,
                                                                      laptop_copy):
    window = make_window()
    window.open_path(laptop_copy)
    click_item(qtbot, window, "persona-13")  # a long form first
    assert window.inspector.current == "persona-13"
    click_item(qtbot, window, "pain-point-34")
    assert window.scene.selected_ids() == ["pain-point-34"]
    text = window.inspector.findChild(QPlainTextEdit, "field_text")
    assert window.inspector.current == "pain-point-34"
    header = window.inspector.header
    gap = text.mapTo(window.inspector, QPoint(0, 0)).y() - header.mapTo(
        window.inspector, QPoint(0, header.height())).y()
    assert 0 <= gap < 40, "the form starts right under its header"
    links = window.inspector.links
    assert links.text().startswith("Links:\noccurs at → ")
    below = links.mapTo(window.inspector, QPoint(0, 0)).y() - window.inspector.findChild(
        QSpinBox, "field_severity").mapTo(window.inspector, QPoint(0, 0)).y()
    assert below < 250, "no blank space left by a longer form shown before"
    text.setFocus()
    text.selectAll()
    type_text(text, "배송비가 마지막 단계에서야 보인다")
    assert window.document.element("pain-point-34").text == "배송비가 마지막 단계에서야 보인다"
    assert painted_text(window, "pain-point-34") == "배송비가 마지막 단계에서야 보인다"
    assert window.isWindowModified()
    assert window.undo_stack.count() == 1, "typing is one undo step"

    severity = window.inspector.findChild(QSpinBox, "field_severity")
    severity.setFocus()
    qtbot.keyClick(severity, Qt.Key.Key_Up)
    assert window.document.element("pain-point-34").fields["severity"] == 5
    assert window.scene.cards["pain-point-34"].fields["severity"] == 5

    edit_menu = window.menu_edit
    undo = next(a for a in edit_menu.actions() if a is window.action_undo)
    assert undo.isEnabled() and "severity" in undo.text().lower()
    shortcut(qtbot, window, Qt.Key.Key_Z)
    assert window.document.element("pain-point-34").fields["severity"] == 4
    assert severity.value() == 4
    window.action_undo.trigger()
    assert window.document.element("pain-point-34").text == \
        "Shipping cost appears only at the last step"
    assert text.toPlainText() == "Shipping cost appears only at the last step"
    assert painted_text(window, "pain-point-34").startswith("Shipping cost")
    assert not window.isWindowModified(), "back at the saved state"
    shortcut(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
             | Qt.KeyboardModifier.ShiftModifier)
    assert window.document.element("pain-point-34").text == "배송비가 마지막 단계에서야 보인다"
    assert window.isWindowModified()


def test_save_close_reopen_gives_the_same_map(qtbot, make_window, laptop_copy):
    window = make_window()
    window.open_path(laptop_copy)
    click_item(qtbot, window, "pain-point-34")
    text = window.inspector.findChild(QPlainTextEdit, "field_text")
    text.setFocus()
    text.selectAll()
    type_text(text, "Hidden shipping cost 숨은 배송비")
    shortcut(qtbot, window, Qt.Key.Key_S)
    assert not window.isWindowModified()
    assert (laptop_copy.parent / (laptop_copy.name + ".bak")).is_file()
    saved = dumps(window.document)
    assert laptop_copy.read_bytes() == saved
    window.close()
    assert not window.isVisible()

    again = make_window()
    assert again.open_path(laptop_copy)
    assert dumps(again.document) == saved
    assert again.document.element("pain-point-34").text == "Hidden shipping cost 숨은 배송비"
    assert str(laptop_copy.resolve()) == again.settings.recent_files()[0]


def test_close_asks_about_unsaved_changes(qtbot, make_window, laptop_copy):
    window = make_window()
    window.open_path(laptop_copy)
    window.dialogs.script("ask_text", "Onboarding")
    window.map_actions.add_stage.trigger()
    assert "Onboarding" in window.document.stage_names()
    assert window.isWindowModified()

    window.dialogs.script("ask_unsaved", "cancel")
    assert not window.close()
    assert window.isVisible()
    assert window.dialogs.asked[-1] == ("ask_unsaved", ("노트북 매장.jmap", "closing"))

    window.dialogs.script("ask_unsaved", "save")
    assert window.close()
    assert not window.isVisible()
    assert "Onboarding" in jmap.load(laptop_copy).document.stage_names()


def test_close_discard_leaves_the_file_alone(qtbot, make_window, laptop_copy):
    before = laptop_copy.read_bytes()
    window = make_window()
    window.open_path(laptop_copy)
    window.dialogs.script("ask_text", "Onboarding")
    window.map_actions.add_stage.trigger()
    window.dialogs.script("ask_unsaved", "discard")
    assert window.close()
    assert laptop_copy.read_bytes() == before


def test_new_map_asks_first_then_offers_the_templates(qtbot, make_window, laptop_copy):
    window = make_window()
    window.open_path(laptop_copy)
    window.dialogs.script("ask_text", "Onboarding")
    window.map_actions.add_stage.trigger()
    doc = window.document

    window.dialogs.script("ask_unsaved", "cancel")
    shortcut(qtbot, window, Qt.Key.Key_N)
    assert window.document is doc and window.isWindowModified()

    window.dialogs.script("ask_unsaved", "discard")
    window.dialogs.script("choose_template", ("ecommerce-ko", "새벽배송 리뷰"))
    shortcut(qtbot, window, Qt.Key.Key_N)
    assert window.document is not doc
    assert window.document.title == "새벽배송 리뷰"
    assert window.document.stage_names() == ["인식", "고려", "구매", "유지", "옹호"]
    assert window.path is None and not window.isWindowModified()
    assert window.windowTitle() == "Untitled[*] — journeymapper"
    assert window.undo_stack.count() == 0


def test_open_asks_first_and_save_as_when_untitled(qtbot, make_window, laptop_path, tmp_path):
    window = make_window()
    window.dialogs.script("ask_text", "Onboarding")
    window.map_actions.add_stage.trigger()
    target = tmp_path / "새 지도.jmap"
    window.dialogs.script("ask_unsaved", "save")
    window.dialogs.script("save_path", str(target))
    window.dialogs.script("open_path", str(laptop_path))
    shortcut(qtbot, window, Qt.Key.Key_O)
    assert "Onboarding" in jmap.load(target).document.stage_names()
    assert window.path == laptop_path.resolve()
    assert not window.isWindowModified()


def test_a_broken_file_keeps_the_current_map(qtbot, make_window, laptop_path, tmp_path):
    window = make_window()
    window.open_path(laptop_path)
    doc = window.document
    broken = tmp_path / "broken.jmap"
    broken.write_text('{"format_version": 1, "elements": [', encoding="utf-8")
    assert not window.open_path(broken)
    kind, title, message = window.dialogs.shown[-1]
    assert kind == "error"
    assert str(broken) in message and "line 1" in message and "\n" not in message
    assert window.document is doc and window.path == laptop_path.resolve()
    assert set(window.scene.cards) == {e.id for e in doc.elements() if e.kind.value != "stage"}

    assert not window.open_path(tmp_path / "missing.jmap")
    assert "no such file" in window.dialogs.shown[-1][2]
    assert window.document is doc


def test_a_partially_loaded_file_is_listed_and_marked_modified(make_window, laptop_path,
                                                               tmp_path):
    root = json.loads(laptop_path.read_text(encoding="utf-8"))
    root["links"].append({"source": "nobody", "target": "pain-point-34", "kind": "occurs_at"})
    pain = next(e for e in root["elements"] if e["id"] == "pain-point-34")
    pain["fields"]["severity"] = 99
    partial = tmp_path / "partial.jmap"
    partial.write_text(json.dumps(root, ensure_ascii=False), encoding="utf-8")
    window = make_window()
    assert window.open_path(partial)
    kind, title, message = window.dialogs.shown[-1]
    assert kind == "warning" and "partially loaded" in message and "2 problems" in message
    assert any("nobody" in d for d in window.dialogs.details[-1])
    assert window.isWindowModified()
    window.dialogs.script("ask_unsaved", "save")
    assert window.close()
    assert jmap.load(partial).problems == []


def test_find_highlights_and_steps_through_matches(qtbot, make_window, korean_path):
    window = make_window()
    window.open_path(korean_path)
    shortcut(qtbot, window, Qt.Key.Key_F)
    assert window.find_bar.isVisible() and window.find_bar.edit.hasFocus()
    type_text(window.find_bar.edit, "배송")
    matches = window.find_bar.matches
    assert len(matches) >= 3
    assert window.scene.highlighted == set(matches)
    assert all(window.scene.cards[i].highlighted for i in matches if i in window.scene.cards)
    assert window.scene.selected_ids() == [matches[0]]
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert window.scene.selected_ids() == [matches[1]]
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_F3)
    assert window.scene.selected_ids() == [matches[2]]
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.scene.selected_ids() == [matches[1]]
    assert window.inspector.current == matches[1]
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.scene.highlighted == set()


def test_persona_panel_adds_edits_and_filters(qtbot, make_window, laptop_path):
    window = make_window()
    window.open_path(laptop_path)
    panel = window.personas
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    personas = [e for e in window.document.elements() if e.kind.value == "persona"]
    assert len(personas) == 2 and panel.list.count() == 2
    new = panel.current_id()
    assert new in window.scene.cards
    name = panel.form.findChild(QLineEdit, "field_text")
    assert name.hasFocus() and name.selectedText() == "New persona", "ready to type the name"
    type_text(name, "박서연")
    assert window.document.element(new).text == "박서연"
    assert panel.list.currentItem().text() == "박서연"
    assert window.undo_stack.count() == 2, "adding is one step, typing the name another"

    # the new persona walks one card (a link drawn on the canvas)
    window.push(AddLink(window.document, new, "pain-point-34"))
    combo = panel.filter
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert window.scene.persona_filter == "persona-13"
    assert window.scene.cards["pain-point-34"].opacity() < 1
    assert window.scene.cards["pain-point-33"].opacity() == 1
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert window.scene.persona_filter == new
    bright = {i for i, item in window.scene.cards.items() if item.opacity() == 1}
    assert "pain-point-34" in bright and "pain-point-33" in bright
    assert "persona-13" not in bright
    qtbot.keyClick(combo, Qt.Key.Key_Up)
    qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert window.scene.persona_filter is None
    assert all(item.opacity() == 1 for item in window.scene.cards.values())

    for _ in range(3):
        window.action_undo.trigger()
    assert new not in window.document and panel.list.count() == 1
    assert window.undo_stack.index() == 0 and not window.isWindowModified()


def test_recent_files_menu_and_remembered_geometry(qtbot, make_window, laptop_copy,
                                                   korean_path):
    window = make_window()
    window.open_path(laptop_copy)
    window.open_path(korean_path)
    window.fill_recent_menu()
    names = [a.text() for a in window.menu_recent.actions() if a.text()]
    assert names[:2] == ["&1 dawn-delivery-ko.jmap", "&2 노트북 매장.jmap"]
    window.menu_recent.actions()[1].trigger()
    assert window.path == laptop_copy.resolve()
    window.resize(700, 520)  # within the offscreen screen (restoring clamps to it)
    window.close()

    again = make_window()
    assert again.size() == window.size()
    assert again.settings.recent_files()[0] == str(laptop_copy.resolve())
    laptop_copy.unlink()
    assert not again.open_recent(str(laptop_copy.resolve()))
    assert "no such file" in again.dialogs.shown[-1][2]
    assert str(laptop_copy.resolve()) not in again.settings.recent_files()


def drop(window: MainWindow, path: Path) -> None:
    """A file dragged in from outside and dropped on the canvas: DragEnter
    (which makes the canvas the drop target), then Drop."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    viewport = window.view.viewport()
    where = viewport.rect().center()
    enter = QDragEnterEvent(where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(where), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, event)
    assert event.isAccepted()


def test_drop_a_map_or_another_file_on_the_window(qtbot, make_window, korean_path, tmp_path):
    window = make_window()
    drop(window, korean_path)
    qtbot.waitUntil(lambda: window.path == korean_path.resolve())
    assert window.document.title == "신선마켓 새벽배송 고객 여정"

    picture = tmp_path / "사진.png"
    picture.write_bytes(b"\x89PNG")
    handled: list[str] = []
    window.drop_handlers.append(lambda p: p.endswith(".png") and not handled.append(p))
    drop(window, picture)
    qtbot.waitUntil(lambda: handled == [str(picture)])
    other = tmp_path / "notes.docx"
    other.write_text("x", encoding="utf-8")
    drop(window, other)
    qtbot.waitUntil(lambda: "notes.docx" in window.statusBar().currentMessage())
    assert window.path == korean_path.resolve()


def test_extension_points_for_file_actions(qtbot, make_window):
    window = make_window()
    calls: list[str] = []
    imp = window.add_file_action("Import survey…", lambda: calls.append("import"), "Ctrl+I")
    exp = window.add_file_action("Export PDF…", lambda: calls.append("export"),
                                 position="export")
    actions = window.menu_file.actions()
    assert actions.index(window.action_save_as) < actions.index(imp) < actions.index(exp) \
        < actions.index(window.action_quit)
    shortcut(qtbot, window, Qt.Key.Key_I)
    exp.trigger()
    assert calls == ["import", "export"]


def test_map_menu_stage_and_lane_commands(qtbot, make_window, laptop_path):
    window = make_window()
    window.open_path(laptop_path)
    doc = window.document
    actions = window.map_actions
    assert not actions.remove_stage.isEnabled() and not actions.remove_lane.isEnabled()
    click_item(qtbot, window, doc.stage_order[0])
    assert actions.remove_stage.isEnabled() and actions.stage_right.isEnabled()
    assert not actions.stage_left.isEnabled(), "the first stage cannot move left"
    assert not actions.remove_lane.isEnabled()
    click_item(qtbot, window, "pain-point-34")
    assert actions.remove_lane.isEnabled() and actions.stage_left.isEnabled()
    purchase = doc.element("pain-point-34").placement.stage
    window.dialogs.script("ask_text", "Delivery")
    window.map_actions.add_stage.trigger()
    order = list(doc.stage_order)
    new = order[order.index(purchase) + 1]
    assert doc.element(new).text == "Delivery", "a new stage goes after the selected one"
    assert new in window.scene.stages
    window.map_actions.stage_left.trigger()
    assert doc.stage_order.index(new) == order.index(purchase)

    window.dialogs.script("ask_lane", ("Backstage 백스테이지", next(
        k for k in type(doc.lanes[0].kind) if k.value == "note")))
    click_item(qtbot, window, "pain-point-34")
    window.map_actions.add_lane.trigger()
    names = [lane.name for lane in doc.lanes]
    assert names[names.index("Pain points") + 1] == "Backstage 백스테이지"

    click_item(qtbot, window, "pain-point-34")
    window.dialogs.script("confirm", False)
    window.map_actions.remove_lane.trigger()
    assert "Pain points" in [lane.name for lane in doc.lanes]
    window.dialogs.script("confirm", True)
    window.map_actions.remove_lane.trigger()
    assert "Pain points" not in [lane.name for lane in doc.lanes]
    assert "pain-point-34" not in doc and "pain-point-34" not in window.scene.cards
    window.action_undo.trigger()
    assert "pain-point-34" in doc and "pain-point-34" in window.scene.cards


def test_zoom_actions_and_status_messages(qtbot, make_window, laptop_path):
    window = make_window()
    window.open_path(laptop_path)
    shortcut(qtbot, window, Qt.Key.Key_0)
    assert window.zoom_label.text() == "100%"
    window.action_zoom_out.trigger()
    assert window.zoom_label.text() == "80%"
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom_label.text() == "100%"
    window.action_fit.trigger()
    assert window.zoom_label.text() == f"{round(window.view.zoom() * 100)}%"
    # dragging a link between two kinds that cannot link: the canvas says why
    window.scene.message.emit("Cannot link: a note cannot start a link")
    assert window.statusBar().currentMessage() == "Cannot link: a note cannot start a link"


def test_menus_list_every_panel(make_window):
    window = make_window()
    panels = [a.text() for a in window.menu_panels.actions()]
    assert panels[:3] == ["Inspector", "Personas", "History"]
    assert "Scores" in panels, "panels of installed extensions are listed too"
    window.history_dock.toggleViewAction().trigger()
    assert window.history_dock.isHidden() or not window.history_dock.isVisible()
    assert isinstance(window.menu_file, QMenu)


def click_lane(qtbot, window: MainWindow, lane_id: str) -> None:
    item = window.scene.lane_items[lane_id]
    window.view.ensureVisible(item.sceneBoundingRect())
    pos = window.view.mapFromScene(item.mapToScene(item.boundingRect().center()))
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_a_selected_lane_is_renamed_and_retyped_in_the_inspector(qtbot, make_window,
                                                                  korean_path):
    window = make_window()
    window.open_path(korean_path)
    doc = window.document
    lane = next(lane for lane in doc.lanes if lane.name == "생각")
    click_lane(qtbot, window, lane.id)
    assert window.scene.selected_lane() == lane.id
    form = window.inspector.lane_form
    assert window.inspector.lane == lane.id and form.isVisible()
    assert form.name_edit.text() == "생각"
    form.name_edit.setFocus()
    form.name_edit.selectAll()
    type_text(form.name_edit, "고객의 생각")
    assert doc.lane(lane.id).name == "생각", "a lane name is committed with Enter"
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    assert doc.lane(lane.id).name == "고객의 생각"
    assert window.scene.lane_items[lane.id].lane.name == "고객의 생각"
    form.kind_box.setFocus()
    qtbot.keyClick(form.kind_box, Qt.Key.Key_Down)
    assert doc.lane(lane.id).kind.label == form.kind_box.currentText() != "Thought"
    assert window.inspector.lane == lane.id, "the lane stays shown after its kind changed"
    window.action_undo.trigger()
    window.action_undo.trigger()
    assert doc.lane(lane.id) == lane
    click_lane(qtbot, window, lane.id)
    assert form.name_edit.text() == "생각" and form.kind_box.currentText() == "Thought"


def test_a_failed_save_says_why_and_keeps_the_changes(qtbot, make_window, laptop_copy, tmp_path):
    window = make_window()
    window.open_path(laptop_copy)
    window.dialogs.script("ask_text", "Onboarding")
    window.map_actions.add_stage.trigger()
    window.dialogs.script("save_path", str(tmp_path / "no such folder" / "map.jmap"))
    window.action_save_as.trigger()
    kind, _title, message = window.dialogs.shown[-1]
    assert kind == "error" and "no such folder" in message and "does not exist" in message
    assert window.isWindowModified() and window.path == laptop_copy.resolve()
    assert not (tmp_path / "no such folder").exists()


def test_history_panel_lists_steps_and_jumps_back(qtbot, make_window, laptop_path):
    window = make_window()
    window.open_path(laptop_path)
    assert window.view.hasFocus(), "the canvas has the keyboard when a map opens"
    qtbot.keyClick(window.view, Qt.Key.Key_N)  # a new card, typed in place
    assert window.scene.editor.is_editing()
    qtbot.keyClicks(window.view, "Asks a friend")
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert any(e.text == "Asks a friend" for e in window.document.elements())
    window.dialogs.script("ask_text", "Onboarding")
    window.map_actions.add_stage.trigger()
    window.history_dock.show()
    window.history_dock.raise_()
    history = window.history
    model = history.model()
    rows = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert rows[0] == "<opened map>" and len(rows) == 3
    assert rows[2] == "Add stage “Onboarding”"
    rect = history.visualRect(model.index(0, 0))
    qtbot.mouseClick(history.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.undo_stack.index() == 0
    assert not any(e.text == "Asks a friend" for e in window.document.elements())
    assert "Onboarding" not in window.document.stage_names()
    assert not window.isWindowModified()


def test_note_colour_from_the_picker_or_typed(qtbot, make_window, laptop_path):
    window = make_window()
    window.open_path(laptop_path)
    doc = window.document
    stage = doc.stage_order[0]
    note = doc.add_card(Kind.NOTE, stage, doc.lane_for_kind(Kind.ACTION).id, "확인 필요")
    click_item(qtbot, window, note)
    colour = window.inspector.findChild(QLineEdit, "field_colour_text")
    assert colour.text() == "#fff2a8"
    window.dialogs.script("pick_colour", "#a0c4ff")
    picker = colour.parent().findChild(QToolButton)
    qtbot.mouseClick(picker, Qt.MouseButton.LeftButton)
    assert window.dialogs.asked[-1] == ("pick_colour", ("#fff2a8",))
    assert doc.element(note).fields["colour"] == "#a0c4ff" and colour.text() == "#a0c4ff"
    colour.setFocus()
    colour.selectAll()
    qtbot.keyClicks(colour, "blue")
    qtbot.keyClick(colour, Qt.Key.Key_Return)
    assert doc.element(note).fields["colour"] == "#a0c4ff"
    assert "'blue' is not a colour" in window.statusBar().currentMessage()
    colour.selectAll()
    qtbot.keyClicks(colour, "#C8E6C9")
    qtbot.keyClick(colour, Qt.Key.Key_Return)
    assert doc.element(note).fields["colour"] == "#c8e6c9"
    window.action_undo.trigger()
    assert colour.text() == "#a0c4ff"


def test_zoom_to_selection_shows_the_selected_card(qtbot, make_window, laptop_path):
    window = make_window()
    window.open_path(laptop_path)
    window.action_zoom_selection.trigger()
    assert "Select something" in window.statusBar().currentMessage()
    window.action_fit.trigger()
    fitted = window.view.zoom()
    window.scene.select_ids(["pain-point-34"])
    window.action_zoom_selection.trigger()
    assert window.view.zoom() > fitted
    card = window.scene.cards["pain-point-34"].sceneBoundingRect()
    assert window.view.mapToScene(window.view.viewport().rect()).boundingRect().contains(card)
    assert window.zoom_label.text() == f"{round(window.view.zoom() * 100)}%"
