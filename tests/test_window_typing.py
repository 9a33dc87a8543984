"""A card still being typed when the facilitator saves, closes or opens
another map is part of the map: it is committed first, never dropped."""

# ruff: noqa: F811 - the window fixtures are shared with test_window by import

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_canvas_helpers import centre, click, key
from test_window import activate, laptop_copy, make_window, settings_dir  # noqa: F401

from journeymapper.io import jmap
from journeymapper.model.elements import Kind


def start_typing(window, text: str) -> None:
    """Select the first action card, press N and type ``text`` without Enter."""
    doc = window.document
    card = doc.cell(doc.stage_order[0], doc.lane_for_kind(Kind.ACTION).id)[0]
    window.view.center_on_id(card.id)
    click(window.view, centre(window.scene.cards[card.id]))
    key(window.view, Qt.Key.Key_N)
    QTest.keyClicks(window.view, text)
    assert window.scene.editor.is_editing()


def texts_in(path: Path) -> list[str]:
    return [e.text for e in jmap.load(path, strict=True).document.elements()]


def test_ctrl_s_while_typing_saves_the_card(qtbot, make_window, laptop_copy):
    window = make_window()
    assert window.open_path(laptop_copy)
    start_typing(window, "Asks the shop assistant")
    activate(window)
    qtbot.keyClick(window.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.scene.editor.is_editing()
    assert "Asks the shop assistant" in texts_in(laptop_copy)
    assert not window.isWindowModified()


def test_closing_while_typing_asks_and_saves_the_card(qtbot, make_window, laptop_copy):
    window = make_window()
    assert window.open_path(laptop_copy)
    start_typing(window, "Compares warranties")
    window.dialogs.script("ask_unsaved", "save")
    assert window.close()
    assert [name for name, _ in window.dialogs.asked] == ["ask_unsaved"]
    assert "Compares warranties" in texts_in(laptop_copy)


def test_opening_another_map_while_typing_asks_first(qtbot, make_window, laptop_copy,
                                                     korean_path):
    window = make_window()
    assert window.open_path(laptop_copy)
    start_typing(window, "Reads the small print")
    window.dialogs.script("ask_unsaved", "cancel")
    assert not window.open_path(korean_path)
    assert window.path == laptop_copy.resolve()
    assert any(e.text == "Reads the small print" for e in window.document.elements())
    assert window.isWindowModified()
