"""The main toolbar: the window's own actions with icons and short labels.

Every button is an action that already exists in a menu (File, Edit, View,
Map, and the File actions that features add through
``MainWindow.add_file_action(..., toolbar=True)``), so a button and its menu
entry always do the same thing. Labels sit under the icons, large enough to
read on a projector.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QToolBar, QToolButton

from journeymapper.ui.icons import icon

if TYPE_CHECKING:
    from journeymapper.ui.window import MainWindow

ICON_PX = 28
translate = QCoreApplication.translate


def link_hint() -> str:
    return translate("MainToolBar", "To link two cards, drag from the small handle on a card's "
                     "right edge and drop on the other card (or on a stage header)")


class MainToolBar(QToolBar):
    """New, Open, Save | Undo, Redo | Add card (drop-down of kinds), Add stage,
    Add lane, Link | Fit, Selection, Find | then the File actions features add."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(translate("MainToolBar", "Main toolbar"), window)
        self.setObjectName("main_toolbar")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.setIconSize(QSize(ICON_PX, ICON_PX))
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF(), 10.0))
        self.setFont(font)
        self.window_ = window
        self.icons: dict[QAction, str] = {}
        actions = window.map_actions
        self.action_link = QAction(translate("MainToolBar", "Link"), self)
        self.action_link.setObjectName("action_link_hint")
        self.action_link.setToolTip(link_hint())
        self.action_link.triggered.connect(self._link_hint)
        groups = (
            ((window.action_new, "new", QT_TRANSLATE_NOOP("MainToolBar", "New")),
             (window.action_open, "open", QT_TRANSLATE_NOOP("MainToolBar", "Open")),
             (window.action_save, "save", QT_TRANSLATE_NOOP("MainToolBar", "Save"))),
            ((window.action_undo, "undo", QT_TRANSLATE_NOOP("MainToolBar", "Undo")),
             (window.action_redo, "redo", QT_TRANSLATE_NOOP("MainToolBar", "Redo"))),
            ((actions.add_card, "card", QT_TRANSLATE_NOOP("MainToolBar", "Add card")),
             (actions.add_stage, "stage", QT_TRANSLATE_NOOP("MainToolBar", "Add stage")),
             (actions.add_lane, "lane", QT_TRANSLATE_NOOP("MainToolBar", "Add lane")),
             (self.action_link, "link", QT_TRANSLATE_NOOP("MainToolBar", "Link"))),
            ((window.action_fit, "fit", QT_TRANSLATE_NOOP("MainToolBar", "Fit map")),
             (window.action_zoom_selection, "zoom_selection", QT_TRANSLATE_NOOP("MainToolBar", "Selection")),
             (window.action_find, "find", QT_TRANSLATE_NOOP("MainToolBar", "Find"))),
        )
        for n, group in enumerate(groups):
            if n:
                self.addSeparator()
            for action, name, text in group:
                self._put(action, name, translate("MainToolBar", text))
        self.card_button = self.widgetForAction(actions.add_card)
        assert isinstance(self.card_button, QToolButton)
        self.card_button.setObjectName("button_add_card")
        self.card_button.setMenu(actions.kind_menu)
        self.card_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self._file_separator: QAction | None = None

    def _put(self, action: QAction, name: str, label: str) -> None:
        action.setIconText(label)
        self.icons[action] = name
        action.setIcon(icon(name, self._colour()))
        self.addAction(action)

    def add_file_action(self, action: QAction, name: str, label: str) -> None:
        """A File action added by a feature (import, export), in the last group."""
        if self._file_separator is None:
            self._file_separator = self.addSeparator()
        self._put(action, name, label)

    def button(self, action: QAction) -> QToolButton:
        """The tool button showing ``action`` (tests click it)."""
        widget = self.widgetForAction(action)
        assert isinstance(widget, QToolButton)
        return widget

    def _colour(self):
        return self.palette().color(QPalette.ColorRole.WindowText)

    def refresh_icons(self) -> None:
        """Draw the icons again in the palette's text colour (after a theme switch)."""
        for action, name in self.icons.items():
            action.setIcon(icon(name, self._colour()))

    def _link_hint(self) -> None:
        """Link: from the one selected card, the next click picks the target;
        with no single card selected, say how linking works."""
        scene = self.window_.scene
        cards = [i for i in scene.selected_ids() if i in scene.cards]
        if len(cards) == 1:
            scene.editor.start_link_pick(cards[0])
        else:
            self.window_.show_message(link_hint())
