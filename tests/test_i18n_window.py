"""The window in Korean: View > Language switches menus, the inspector, the
dialogs and the canvas tags, keeps the open map with its unsaved changes and
undo history, and is remembered; a map's own language is a map property."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel
from test_window import shown_window

from journeymapper.canvas.items.cards import CardItem
from journeymapper.io import jmap
from journeymapper.model.elements import Kind
from journeymapper.ui import language
from journeymapper.ui.dialogs import LaneDialog
from journeymapper.ui.template_dialog import TemplateDialog
from journeymapper.ui.window import MainWindow

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def window(qtbot, tmp_path: Path, laptop_path: Path) -> MainWindow:
    folder = tmp_path / "settings"
    folder.mkdir()
    win = shown_window(qtbot, folder, (1400, 900))
    win.set_document(jmap.load(laptop_path).document, laptop_path)
    return win


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def switch(qtbot, window: MainWindow, code: str) -> MainWindow:
    """Choose ``code`` in View > Language, as a user does; the rebuilt window."""
    seen: list[MainWindow] = []
    window.replaced.connect(seen.append)
    window.menu_language.findChild(type(window.language_actions[code]),
                                   f"action_language_{code}").trigger()
    assert seen, "the window was not rebuilt"
    successor = seen[0]
    qtbot.addWidget(successor, before_close_func=lambda w: w.undo_stack.setClean())
    qtbot.waitExposed(successor)
    return successor


def pain_point_tags(window: MainWindow) -> set[str]:
    doc = window.document
    return {item.tag for item_id, item in window.scene.cards.items()
            if isinstance(item, CardItem) and doc.element(item_id).kind is Kind.PAIN_POINT}


def test_switching_to_korean_changes_menus_inspector_dialogs_and_tags(qtbot, window):
    assert menu_titles(window)[:3] == ["&File", "&Edit", "&View"]
    assert pain_point_tags(window) == {"PAIN POINT"}
    korean = switch(qtbot, window, "ko")
    assert not window.isVisible() and korean.isVisible()
    assert menu_titles(korean)[:6] == ["파일(&F)", "편집(&E)", "보기(&V)", "지도(&M)", "워크숍(&W)",
                                       "도움말(&H)"]
    assert korean.menu_language.title() == "언어(&L)"
    assert korean.language_actions["ko"].isChecked()
    # the inspector: map properties with nothing selected, Korean field labels for a card
    korean.scene.select_ids([])
    assert korean.inspector.header.text() == "지도 속성"
    pain = next(e.id for e in korean.document.elements() if e.kind is Kind.PAIN_POINT)
    korean.scene.select_ids([pain])
    assert korean.inspector.header.text().startswith("불편 사항 · ")
    labels = {w.text() for w in korean.inspector.form_for(Kind.PAIN_POINT).findChildren(QLabel)}
    assert {"심각도:", "근거:"} <= labels
    # the canvas: card tags in Korean
    assert pain_point_tags(korean) == {"불편 사항"}
    # a dialog, and Qt's own buttons (qtbase_ko)
    dialog = LaneDialog("", Kind.NOTE, korean)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "레인"
    kinds = dialog.findChild(QComboBox)
    assert [kinds.itemText(i) for i in range(3)] == ["페르소나", "접점", "행동"]
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "취소"
    template = TemplateDialog(korean)
    qtbot.addWidget(template)
    assert template.windowTitle() == "새 여정 지도"
    # and back
    english = switch(qtbot, korean, "en")
    assert menu_titles(english)[:3] == ["&File", "&Edit", "&View"]
    assert pain_point_tags(english) == {"PAIN POINT"}


def test_the_open_map_its_unsaved_changes_and_undo_survive_the_switch(qtbot, window, laptop_path):
    doc = window.document
    stage = doc.stage_order[0]
    window.edit_field(stage, "text", "Discovery")
    assert window.is_dirty()
    korean = switch(qtbot, window, "ko")
    assert korean.document is doc and korean.path == window.path
    assert korean.is_dirty() and korean.windowTitle().startswith("laptop-store.jmap")
    qtbot.waitUntil(lambda: korean.autosave.on_disk)  # the unsaved work has a recovery file
    assert korean.scene.item_for(stage).fields["text"] == "Discovery"
    assert korean.action_undo.text().startswith("실행 취소(&U)")
    korean.action_undo.trigger()
    assert doc.element(stage).text == "Awareness" and not korean.is_dirty()
    korean.action_redo.trigger()
    assert doc.element(stage).text == "Discovery"


def test_the_choice_is_remembered_and_the_system_locale_is_followed(qtbot, window, tmp_path):
    settings = window.settings.qsettings
    assert language.chosen(settings) is None
    korean = switch(qtbot, window, "ko")
    assert language.chosen(korean.settings.qsettings) == "ko"
    # a fresh start: the remembered choice wins over the system's English
    code = ("from PySide6.QtWidgets import QApplication; app = QApplication([]); "
            "from PySide6.QtCore import QSettings; from journeymapper.ui import language; "
            f"s = QSettings({str(settings.fileName())!r}, QSettings.Format.IniFormat); "
            "print(language.chosen(s), language.system_language())")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANGUAGE": "en", "LANG": "C.UTF-8"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=60)
    assert out.stdout.split() == ["ko", "en"], out.stderr
    env.update(LANGUAGE="", LANG="ko_KR.UTF-8")
    out = subprocess.run([sys.executable, "-c", code.replace(str(settings.fileName()),
                                                             str(tmp_path / "none.ini"))],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert out.stdout.split() == ["None", "ko"], out.stderr


def test_a_new_window_in_korean_starts_on_the_korean_template(qtbot, window):
    korean = switch(qtbot, window, "ko")
    korean.dialogs.script("ask_unsaved", "discard")
    korean.dialogs.script("choose_template", ("ecommerce-ko", None))
    assert korean.new_map()
    doc = korean.document
    assert doc.meta["language"] == "ko" and doc.title == "이커머스 고객 여정"
    assert korean.start_document().meta["language"] == "ko"


def test_the_map_language_is_a_map_property(qtbot, window):
    window.scene.select_ids([])
    window.inspector.show_ids([])
    box = window.inspector.meta_form.editors["language"]
    assert isinstance(box, QComboBox)
    assert [box.itemText(i) for i in range(box.count())] == ["English", "한국어"]
    assert box.currentData() == "en"
    box.setFocus()
    box.activated.emit(box.findData("ko"))
    assert window.document.meta["language"] == "ko"
    window.undo_stack.undo()
    assert window.document.meta.get("language", "en") == "en"
    assert box.currentData() == "en"


def test_the_export_dialog_says_which_language_labels_the_report(qtbot, window, korean_doc):
    from journeymapper.ui.export_dialog import ExportDialog

    dialog = ExportDialog(korean_doc, None, window, window.settings.qsettings)
    qtbot.addWidget(dialog)
    assert "한국어" in dialog.language_note.text()


def test_numbers_in_the_korean_window_are_formatted_by_its_locale(qtbot, window):
    korean = switch(qtbot, window, "ko")
    korean.view.reset_zoom()
    korean.show_zoom()
    assert korean.zoom_label.text() == "100%"
    assert korean.locale().name() == "ko_KR"


@pytest.mark.parametrize("code", ["en", "ko"])
def test_every_menu_entry_has_a_text_in_each_language(qtbot, window, code):
    shown = switch(qtbot, window, code) if code != "en" else window
    for menu_action in shown.menuBar().actions():
        for action in menu_action.menu().actions():
            if not action.isSeparator():
                assert action.text().strip(), f"an empty entry in {menu_action.text()}"
