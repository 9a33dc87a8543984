"""The canvas's right-click menu: what it offers depends on what is under
the mouse (a card, a stage header, a lane header, a link, an empty cell).

Right-click selects the thing under the mouse first (as a left click
would), so every entry works on the selection through the same scene
methods, Map menu actions and undo commands as the keyboard and menus.
``build(scene_pos)`` makes the menu without showing it (tests trigger its
actions); ``popup`` shows it. Features add entries through ``extras``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, QPointF
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu

from journeymapper.canvas.items.cards import BaseCardItem
from journeymapper.canvas.items.headers import LaneHeaderItem, StageHeaderItem
from journeymapper.canvas.items.links import StageLinkItem
from journeymapper.commands import MIME_TYPE, RemoveLink
from journeymapper.model.elements import CARD_KINDS, Kind
from journeymapper.words import kind_label

if TYPE_CHECKING:
    from journeymapper.ui.window import MainWindow

translate = QCoreApplication.translate
Target = tuple[str, object]
#: The first entry of an empty cell's menu, by the kind its lane holds.
ADD_HERE: dict[Kind, str] = {
    Kind.PERSONA: QT_TRANSLATE_NOOP("CanvasMenu", "Add persona here"),
    Kind.TOUCHPOINT: QT_TRANSLATE_NOOP("CanvasMenu", "Add touchpoint here"),
    Kind.ACTION: QT_TRANSLATE_NOOP("CanvasMenu", "Add action here"),
    Kind.THOUGHT: QT_TRANSLATE_NOOP("CanvasMenu", "Add thought here"),
    Kind.EMOTION: QT_TRANSLATE_NOOP("CanvasMenu", "Add emotion here"),
    Kind.PAIN_POINT: QT_TRANSLATE_NOOP("CanvasMenu", "Add pain point here"),
    Kind.OPPORTUNITY: QT_TRANSLATE_NOOP("CanvasMenu", "Add opportunity here"),
    Kind.GOAL: QT_TRANSLATE_NOOP("CanvasMenu", "Add goal / KPI here"),
    Kind.NOTE: QT_TRANSLATE_NOOP("CanvasMenu", "Add note here"),
}  # ("card", id) ("stage", id) ("lane", id) ("link", key) ("cell", cell)


class CanvasMenu:
    """Builds and shows the canvas context menu of ``window``."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        #: features add their entries: ``extra(menu, target)`` after the menu is built
        self.extras: list[Callable[[QMenu, Target | None], None]] = []

    # ------------------------------------------------------------ what is there
    def target_at(self, pos: QPointF) -> Target | None:
        """The thing under scene point ``pos``, or None for the empty canvas."""
        scene = self.window.scene
        if scene.live is None:
            return None
        item = scene.editor.gestures.hit(pos)
        if isinstance(item, BaseCardItem):
            return ("card", item.element_id)
        if isinstance(item, StageHeaderItem):
            return ("stage", item.element_id)
        if isinstance(item, LaneHeaderItem):
            return ("lane", item.lane_id)
        if isinstance(item, StageLinkItem):
            return ("link", (item.link.source, item.link.target))
        key = scene.link_layer.link_at(pos, 5.0 / max(0.05, self.window.view.zoom()))
        if key is not None:
            return ("link", key)
        cell = scene.live.geo.cell_at(pos.x(), pos.y())
        return ("cell", cell) if cell is not None else None

    def _select(self, target: Target | None) -> None:
        """Select what was right-clicked, unless it is already part of the selection."""
        scene = self.window.scene
        if target is None:
            return
        what, value = target
        if what in ("card", "stage", "lane"):
            item = scene.item_for(str(value))
            if item is not None and not item.isSelected():
                scene.select_ids([str(value)])
        elif what == "link":
            scene.clearSelection()
            item = scene.links.get(value)
            if isinstance(item, StageLinkItem):
                item.setSelected(True)
            else:
                scene.link_layer.select({value})
        elif what == "cell":
            scene.clearSelection()
            scene.current_cell = value

    # ------------------------------------------------------------ the menu
    def build(self, pos: QPointF) -> QMenu:
        """The menu for scene point ``pos`` (the thing there is selected first).
        The caller owns the menu (``deleteLater`` it)."""
        window = self.window
        window.scene.editor.finish_editing()
        target = self.target_at(pos)
        self._select(target)
        menu = QMenu(window)
        menu.setObjectName("canvas_menu")
        what = target[0] if target else None
        if what == "card":
            self._card_menu(menu, str(target[1]))
        elif what == "stage":
            self._stage_menu(menu, str(target[1]))
        elif what == "lane":
            self._lane_menu(menu, str(target[1]))
        elif what == "link":
            self._link_menu(menu, target[1])
        elif what == "cell":
            self._cell_menu(menu, target[1])
        else:
            self._map_menu(menu)
        for extra in self.extras:
            extra(menu, target)
        window.map_actions.update_enabled()
        return menu

    def popup(self, pos: QPointF, global_pos: QPoint) -> None:
        """Build the menu for ``pos`` and show it at ``global_pos`` until it closes."""
        menu = self.build(pos)
        menu.exec(global_pos)
        menu.deleteLater()

    @staticmethod
    def _add(menu: QMenu, text: str, slot: Callable[[], object], name: str,
             enabled: bool = True) -> QAction:
        action = menu.addAction(text)
        action.setObjectName(name)
        action.setEnabled(enabled)
        action.triggered.connect(lambda _=False: slot())
        return action

    def _card_menu(self, menu: QMenu, card: str) -> None:
        window, scene = self.window, self.window.scene
        add = self._add
        add(menu, translate("CanvasMenu", "Edit text"), lambda: window.view.start_editing(card),
            "menu_edit_text")
        menu.addSeparator()
        add(menu, translate("CanvasMenu", "Duplicate"), scene.editor.duplicate_selection,
            "menu_duplicate")
        add(menu, translate("CanvasMenu", "Copy"), scene.editor.copy_selection, "menu_copy")
        add(menu, translate("CanvasMenu", "Cut"), scene.editor.cut_selection, "menu_cut")
        add(menu, translate("CanvasMenu", "Delete"), scene.editor.delete_selection, "menu_delete")
        menu.addSeparator()
        add(menu, translate("CanvasMenu", "Link to…"), lambda: scene.editor.start_link_pick(card),
            "menu_link_to")
        add(menu, translate("CanvasMenu", "Show in inspector"), lambda: self._inspect(card),
            "menu_inspector")

    def _inspect(self, card: str) -> None:
        window = self.window
        window.scene.select_ids([card])
        window.inspector_dock.show()
        window.inspector_dock.raise_()

    def _stage_menu(self, menu: QMenu, stage: str) -> None:
        actions = self.window.map_actions
        order = self.window.document.stage_order
        self._header_menu(menu, stage, "stage", order.index(stage), len(order), (
            (QT_TRANSLATE_NOOP("CanvasMenu", "Add stage before…"),
             lambda: actions.do_add_stage(before=True), "before"),
            (QT_TRANSLATE_NOOP("CanvasMenu", "Add stage after…"), actions.do_add_stage, "after"),
            (QT_TRANSLATE_NOOP("CanvasMenu", "Move left"), lambda: actions.do_move_stage(-1),
             "left"),
            (QT_TRANSLATE_NOOP("CanvasMenu", "Move right"), lambda: actions.do_move_stage(1),
             "right"),
            (QT_TRANSLATE_NOOP("CanvasMenu", "Remove stage"), actions.do_remove_stage, "remove")))

    def _lane_menu(self, menu: QMenu, lane: str) -> None:
        actions = self.window.map_actions
        ids = [item.id for item in self.window.document.lanes]
        self._header_menu(menu, lane, "lane", ids.index(lane), len(ids), (
            (QT_TRANSLATE_NOOP("CanvasMenu", "Add lane above…"),
             lambda: actions.do_add_lane(above=True), "above"),
            (QT_TRANSLATE_NOOP("CanvasMenu", "Add lane below…"), actions.do_add_lane, "below"),
            (QT_TRANSLATE_NOOP("CanvasMenu", "Move up"), lambda: actions.do_move_lane(-1), "up"),
            (QT_TRANSLATE_NOOP("CanvasMenu", "Move down"), lambda: actions.do_move_lane(1),
             "down"),
            (QT_TRANSLATE_NOOP("CanvasMenu", "Remove lane"), actions.do_remove_lane, "remove")))
        self._add(menu, translate("CanvasMenu", "Edit lane…"), actions.do_edit_lane,
                  "menu_edit_lane")

    def _header_menu(self, menu: QMenu, header: str, noun: str, index: int, count: int,
                     entries: tuple[tuple[str, Callable[[], object], str], ...]) -> None:
        """Rename, add two ways, move back / forward (disabled at the ends), remove."""
        window = self.window
        self._add(menu, translate("CanvasMenu", "Rename"), lambda: window.view.start_editing(header),
                  f"menu_rename_{noun}")
        enabled = (True, True, index > 0, index < count - 1, True)
        for n, ((text, slot, name), on) in enumerate(zip(entries, enabled)):
            if n in (0, 4):
                menu.addSeparator()
            self._add(menu, translate("CanvasMenu", text), slot, f"menu_{noun}_{name}", on)

    def _link_menu(self, menu: QMenu, key: object) -> None:
        source, target = key  # type: ignore[misc]
        window = self.window
        self._add(menu, translate("CanvasMenu", "Delete link"),
                  lambda: window.push(RemoveLink(window.document, source, target)),
                  "menu_delete_link")

    def _cell_menu(self, menu: QMenu, cell: object) -> None:
        stage, lane = cell  # type: ignore[misc]
        window, scene = self.window, self.window.scene
        lane_kind = window.document.lane(lane).kind
        self._add(menu, translate("CanvasMenu", ADD_HERE[lane_kind]),
                  lambda: self._new_card(stage, lane, None), "menu_add_here")
        kinds = menu.addMenu(translate("CanvasMenu", "Add card of kind"))
        kinds.setObjectName("menu_kinds")
        for kind in CARD_KINDS:
            if kind is Kind.PERSONA:
                continue  # personas live in the strip above the stages
            self._add(kinds, kind_label(kind), lambda k=kind: self._new_card(stage, lane, k),
                      f"menu_add_{kind.value}")
        menu.addSeparator()
        data = QGuiApplication.clipboard().mimeData()
        can_paste = data is not None and (data.hasFormat(MIME_TYPE) or data.hasText())
        self._add(menu, translate("CanvasMenu", "Paste"), scene.editor.paste, "menu_paste", can_paste)

    def _new_card(self, stage: str, lane: str, kind: Kind | None) -> None:
        self.window.scene.editor.start_new_card(stage, lane, kind)
        self.window.view.setFocus()

    def _map_menu(self, menu: QMenu) -> None:
        """Outside the grid (the persona strip, the margins): map-wide additions."""
        window = self.window
        self._add(menu, translate("CanvasMenu", "Add persona"), window.add_persona,
                  "menu_add_persona")
        for action in (window.map_actions.add_stage, window.map_actions.add_lane,
                       window.action_fit):
            menu.addAction(action)
