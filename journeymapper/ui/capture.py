"""Fast capture in the window: a card's kind changed from the menu or the
keyboard, cards that take their lane's kind when dropped there (asked
once), a list pasted into a chosen lane, and cards imported from a CSV or
XLSX list (File > Import Cards…; the same as ``journeymapper cards import``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from journeymapper.commands.base import kind_name
from journeymapper.commands.capture import ChangeKind, ChangeKinds, ImportCards
from journeymapper.io.cardlist import plan_cards
from journeymapper.model.elements import CARD_KINDS, Kind
from journeymapper.model.errors import JourneyError

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from journeymapper.ui.window import MainWindow

#: the kinds a card can be changed to, in the order of their Alt+digit keys
KINDS = tuple(k for k in CARD_KINDS if k is not Kind.PERSONA)
FOLLOW_KEY = "workshop/kind_follows_lane"  # "ask" (default), "yes" or "no"
CARD_LIST_FILTER = QT_TRANSLATE_NOOP("Capture", "Card lists (*.csv *.tsv *.txt *.xlsx);;All files (*)")


class Capture:
    """The fast-capture actions of one window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.kind_menu = QMenu(translate("Capture", "Change &Kind"), window)
        self.kind_menu.setObjectName("menu_change_kind")
        self.kind_actions: dict[Kind, QAction] = {}
        for n, kind in enumerate(KINDS, 1):
            action = QAction(kind_name(kind), window)
            action.setObjectName(f"action_kind_{kind.value}")
            action.setShortcut(QKeySequence(f"Alt+{n}"))
            action.triggered.connect(lambda _=False, k=kind: self.change_kind(k))
            self.kind_menu.addAction(action)
            window.addAction(action)  # the keys work with the menu closed
            self.kind_actions[kind] = action
        menu = window.menu_map
        first = menu.actions()[2] if len(menu.actions()) > 2 else None
        menu.insertMenu(first, self.kind_menu)
        self.action_follow = QAction(translate("Capture", "Dropped Cards Take the Lane's Kind"), window)
        self.action_follow.setObjectName("action_kind_follows_lane")
        self.action_follow.setCheckable(True)
        self.action_follow.setChecked(self._follow() == "yes")
        self.action_follow.toggled.connect(
            lambda on: window.settings.qsettings.setValue(FOLLOW_KEY, "yes" if on else "no")
        )
        menu.insertAction(first, self.action_follow)
        window.scene.kind_follows_lane = self.kind_follows_lane
        self.action_paste_list = QAction(translate("Capture", "Paste List into Lane…"), window)
        self.action_paste_list.setObjectName("action_paste_list")
        self.action_paste_list.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.action_paste_list.triggered.connect(lambda _=False: self.paste_list())
        window.menu_edit.insertAction(window.action_find, self.action_paste_list)
        window.menu_edit.insertSeparator(window.action_find)
        window.add_file_action(translate("Capture", "Import &Cards…"), self.import_cards, position="import")
        window.canvas_menu.extras.append(self._canvas_menu)

    # ------------------------------------------------------------ kinds
    def _cards(self) -> list[str]:
        scene, doc = self.window.scene, self.window.document
        return [
            i for i in scene.selected_ids() if i in scene.cards and doc.element(i).kind is not Kind.PERSONA
        ]

    def change_kind(self, kind: Kind) -> bool:
        """The selected cards become ``kind`` (and move to its lane), one step each
        or one for all."""
        window = self.window
        cards = [i for i in self._cards() if window.document.element(i).kind is not kind]
        if not cards:
            if not self._cards():
                window.show_message(translate("Capture", "Select a card to change its kind"))
            return False
        doc = window.document
        if len(cards) == 1:
            return window.push(ChangeKind(doc, cards[0], kind))
        return window.push(ChangeKinds(doc, cards, kind))

    def _follow(self) -> str:
        value = str(self.window.settings.qsettings.value(FOLLOW_KEY, "ask"))
        return value if value in ("ask", "yes", "no") else "ask"

    def kind_follows_lane(self, retyped: dict) -> bool:
        """Cards land in lanes of other kinds: asked once, then remembered
        (Map > Dropped Cards Take the Lane's Kind)."""
        answer = self._follow()
        if answer == "ask":
            kinds = sorted({kind_name(k) for k in retyped.values()})
            yes = bool(
                self.window.dialogs.confirm(
                    translate(
                        "Capture",
                        "Cards dropped into a lane of another kind take its kind ({kinds})?\n\n"
                        "Asked once: Map > Dropped Cards Take the Lane's Kind changes it.",
                    ).format(kinds=", ".join(kinds))
                )
            )
            answer = "yes" if yes else "no"
            self.window.settings.qsettings.setValue(FOLLOW_KEY, answer)
            self.action_follow.blockSignals(True)
            self.action_follow.setChecked(yes)
            self.action_follow.blockSignals(False)
        return answer == "yes"

    # ------------------------------------------------------------ paste a list
    def paste_list(self, lane: str | None = None) -> bool:
        """The clipboard's lines as cards of a chosen lane (asked when not given),
        in the current stage."""
        window = self.window
        doc, scene = window.document, window.scene
        lanes = [ln for ln in doc.lanes if ln.kind is not Kind.PERSONA]
        cell = scene.current_cell or scene.default_cell()
        if not lanes or cell is None:
            window.show_message(translate("Capture", "Add a stage and a lane first"))
            return False
        if lane is None:
            names = [ln.name for ln in lanes]
            current = next((i for i, ln in enumerate(lanes) if ln.id == cell[1]), 0)
            name = window.dialogs.ask_choice(
                translate("Capture", "Paste list into lane"),
                translate("Capture", "One card per line, into the lane:"),
                names,
                current,
            )
            if name is None:
                return False
            lane = lanes[names.index(name)].id
        return scene.editor.paste_text_into(cell[0], lane)

    # ------------------------------------------------------------ import
    def import_cards(self, path: str | None = None) -> bool:
        """Cards from a CSV/XLSX list: nothing changes when a row is wrong; new
        stages are added at the end when the user agrees."""
        window = self.window
        path = path or window.dialogs.open_file(
            translate("Capture", "Import cards"), translate("Capture", CARD_LIST_FILTER)
        )
        if not path:
            return False
        doc = window.document
        try:
            plan = plan_cards(doc, path)
        except JourneyError as exc:
            window.dialogs.error(translate("Capture", "Import cards"), str(exc))
            return False
        n = len(plan.new_stages)
        if n and not window.dialogs.confirm(
            translate(
                "Capture",
                "{file} names %n stage(s) this map does not have: {names}. Add them at the end?",
                None,
                n,
            ).format(file=plan.file, names=", ".join(plan.new_stages[:8]))
        ):
            return False
        command = ImportCards(doc, plan)
        if not window.push(command):
            return False
        window.scene.select_ids(command.ids)
        window.show_message(command.text())
        return True

    # ------------------------------------------------------------ the canvas menu
    def _canvas_menu(self, menu: QMenu, target: tuple[str, Any] | None) -> None:
        if target is None:
            return
        if target[0] == "card" and self._cards():
            menu.addSeparator()
            menu.addMenu(self.kind_menu)
        elif target[0] == "lane" and self.window.document.lane(str(target[1])).kind is not Kind.PERSONA:
            lane = str(target[1])
            action = menu.addAction(translate("Capture", "Paste List into This Lane"))
            action.setObjectName("menu_paste_list")
            action.triggered.connect(lambda _=False: self.paste_list(lane))


def install(window: MainWindow) -> None:
    window.capture = Capture(window)
