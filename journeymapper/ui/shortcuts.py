"""Help > Keyboard Shortcuts and the hint on an empty map.

The cheat sheet is made from the window's own menus when it opens: every
action with a shortcut (or a key named after a tab in its text, for keys
the canvas handles itself) under its menu, then the canvas's own keys
(canvas/editing.py ``CANVAS_KEYS``). So it lists what the menus hold, no
more and no less, in the language they speak.

A map with no card shows a hint in the middle of the canvas: how to type
the first card. A click on it puts it away for good.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QLineEdit, QMenu, QTextBrowser, QVBoxLayout, QWidget

from journeymapper.canvas.decor import Banner
from journeymapper.canvas.editing import CANVAS_KEYS
from journeymapper.model.elements import Kind

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from journeymapper.ui.window import MainWindow

HINT_KEY = "hints/empty_map"


def plain(text: str) -> str:
    """A menu text without its mnemonic, its key hint or a trailing ellipsis."""
    text = text.split("\t", 1)[0].replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.rstrip("…").rstrip(".").strip()


def action_keys(action: QAction) -> str:
    """The keys of an action as the user's platform writes them ('' for none)."""
    keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if not k.isEmpty()]
    if not keys and "\t" in action.text():
        keys = [action.text().split("\t", 1)[1]]
    return ", ".join(dict.fromkeys(keys))


def menu_shortcuts(menu: QMenu, path: str = "") -> list[tuple[str, str, str]]:
    """(menu path, action, keys) for every action of ``menu`` and its sub-menus
    that has keys."""
    out = []
    here = f"{path} › {plain(menu.title())}" if path else plain(menu.title())
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            out += menu_shortcuts(sub, here)
        elif not action.isSeparator():
            keys = action_keys(action)
            if keys:
                out.append((here, plain(action.text()), keys))
    return out


def shortcut_table(window: MainWindow) -> list[tuple[str, str, str]]:
    """Every shortcut of the window: its menus' (in menu order), then the canvas's."""
    rows = []
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            rows += menu_shortcuts(menu)
    canvas = translate("Shortcuts", "Canvas")
    rows += [
        (canvas, translate("Shortcuts", text), translate("Shortcuts", keys)) for keys, text in CANVAS_KEYS
    ]
    return rows


class ShortcutsDialog(QDialog):
    """The cheat sheet, with a filter."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(translate("Shortcuts", "Keyboard shortcuts"))
        self.window_ = window
        self.filter = QLineEdit()
        self.filter.setObjectName("shortcuts_filter")
        self.filter.setPlaceholderText(translate("Shortcuts", "Filter: a word or a key"))
        self.sheet = QTextBrowser()
        self.sheet.setObjectName("shortcuts_sheet")
        column = QVBoxLayout(self)
        column.addWidget(self.filter)
        column.addWidget(self.sheet, 1)
        self.filter.textChanged.connect(self.fill)
        self.resize(620, 680)
        self.fill()

    def rows(self) -> list[tuple[str, str, str]]:
        needle = self.filter.text().strip().casefold()
        return [
            row
            for row in shortcut_table(self.window_)
            if not needle or any(needle in part.casefold() for part in row)
        ]

    def fill(self, *_args: object) -> None:
        parts = ["<table cellspacing='0' cellpadding='4' width='100%'>"]
        group = None
        for menu, name, keys in self.rows():
            if menu != group:
                group = menu
                parts.append(f"<tr><td colspan='2'><br><b>{html.escape(menu)}</b></td></tr>")
            parts.append(
                f"<tr><td>{html.escape(name)}</td>"
                f"<td align='right'><code>{html.escape(keys)}</code></td></tr>"
            )
        parts.append("</table>")
        self.sheet.setHtml("".join(parts))

    def text(self) -> str:
        return self.sheet.toPlainText()


class Help:
    """Help > Keyboard Shortcuts and the empty map's hint, for one window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialog: ShortcutsDialog | None = None
        action = QAction(translate("Shortcuts", "&Keyboard Shortcuts"), window)
        action.setObjectName("action_shortcuts")
        action.setShortcuts([QKeySequence("F1"), QKeySequence("Ctrl+/")])
        action.triggered.connect(lambda _=False: self.show_shortcuts())
        first = window.menu_help.actions()[0] if window.menu_help.actions() else None
        window.menu_help.insertAction(first, action)
        self.action = action
        self.hint = Banner("centre", 24)
        self.hint.on_click = self.dismiss
        window.view.add_decoration(self.hint)
        window.scene.followed.connect(self.update_hint)
        window.document_changed.connect(self.update_hint)

    def show_shortcuts(self) -> ShortcutsDialog:
        if self.dialog is None:
            self.dialog = ShortcutsDialog(self.window)
        self.dialog.filter.clear()
        self.dialog.fill()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    # ------------------------------------------------------------ the hint
    def dismissed(self) -> bool:
        return str(self.window.settings.qsettings.value(HINT_KEY, "")) == "dismissed"

    def dismiss(self) -> None:
        self.window.settings.qsettings.setValue(HINT_KEY, "dismissed")
        self.update_hint()

    def update_hint(self, *_args: object) -> None:
        doc = self.window.document
        empty = doc is not None and not any(e.kind is not Kind.STAGE for e in doc.elements())
        show = empty and not self.dismissed()
        if show:
            if doc.stage_order:
                first = translate("Shortcuts", "Press N to type the first card")
                how = translate(
                    "Shortcuts",
                    "It goes in the marked cell; the arrow keys move the mark, Enter commits, Tab goes on",
                )
            else:
                first = translate("Shortcuts", "Add a stage to start: Ctrl+Shift+T")
                how = translate("Shortcuts", "Then press N to type a card in it")
            self.hint.set_lines(
                [
                    first,
                    how,
                    translate("Shortcuts", "Double-click anywhere to type there · F1: every shortcut"),
                    translate("Shortcuts", "(click this note to put it away)"),
                ]
            )
        if show != self.hint.visible:
            self.hint.visible = show
            if not show:
                self.hint.set_lines([])
            self.window.view.refresh_decoration(self.hint)
            self.window.view.viewport().update()


def install(window: MainWindow) -> None:
    window.help = Help(window)
