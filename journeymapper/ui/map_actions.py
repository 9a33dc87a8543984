"""The Map menu: stages, lanes and cards, each change through a command.

Stage actions work on the selected stage (or the stage of the selected
card); lane actions on the selected lane header (or the lane of the
selected card). When nothing fits,
the action says in the status bar what to select instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from journeymapper.commands.elements import AddStage, MoveStage, RemoveStage, SetField
from journeymapper.commands.lanes import AddLane, MoveLane, RemoveLane, UpdateLane
from journeymapper.model.elements import CARD_KINDS, Kind
from journeymapper.words import in_map_language, kind_label, new_lane_name, new_stage_name

if TYPE_CHECKING:
    from journeymapper.ui.window import MainWindow

translate = QCoreApplication.translate


class MapActions:
    """Builds the Map menu of ``window`` and carries out its actions."""

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        self.window = window
        self.menu = menu
        add = self._add
        self.add_card = add(translate("MapActions", "Add &card\tN"), self.do_add_card)
        self.add_card.setIconText(translate("MapActions", "Add card"))
        self.kind_menu = menu.addMenu(translate("MapActions", "Add card of &kind"))
        self.kind_actions: dict[Kind, QAction] = {}
        for kind in CARD_KINDS:
            action = self.kind_menu.addAction(kind_label(kind))
            action.setObjectName(f"action_add_{kind.value}")
            action.triggered.connect(lambda _=False, k=kind: self.do_add_card_of_kind(k))
            self.kind_actions[kind] = action
        menu.addSeparator()
        self.add_stage = add(translate("MapActions", "Add &stage…"), self.do_add_stage,
                             "Ctrl+Shift+T")
        self.add_stage.setIconText(translate("MapActions", "Add stage"))
        self.rename_stage = add(translate("MapActions", "&Rename stage…"), self.do_rename_stage)
        self.stage_left = add(translate("MapActions", "Move stage &left"),
                              lambda: self.do_move_stage(-1))
        self.stage_right = add(translate("MapActions", "Move stage r&ight"),
                               lambda: self.do_move_stage(1))
        self.remove_stage = add(translate("MapActions", "Remove stage"), self.do_remove_stage)
        menu.addSeparator()
        self.add_lane = add(translate("MapActions", "Add &lane…"), self.do_add_lane,
                            "Ctrl+Shift+L")
        self.add_lane.setIconText(translate("MapActions", "Add lane"))
        self.edit_lane = add(translate("MapActions", "&Edit lane…"), self.do_edit_lane)
        self.lane_up = add(translate("MapActions", "Move lane &up"), lambda: self.do_move_lane(-1))
        self.lane_down = add(translate("MapActions", "Move lane &down"),
                             lambda: self.do_move_lane(1))
        self.remove_lane = add(translate("MapActions", "Remove lane"), self.do_remove_lane)
        menu.addSeparator()
        self.properties = add(translate("MapActions", "Map &properties"), self.do_properties)

    def _add(self, text: str, slot: Callable[[], object], shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        self.menu.addAction(action)
        return action

    def update_enabled(self) -> None:
        """Enable the stage and lane actions that fit the current selection."""
        doc = self.window.document
        stage, lane = self.selected_stage(), self.selected_lane()
        position = doc.stage_order.index(stage) if stage is not None else -1
        for action in (self.rename_stage, self.remove_stage):
            action.setEnabled(stage is not None)
        self.stage_left.setEnabled(position > 0)
        self.stage_right.setEnabled(0 <= position < len(doc.stage_order) - 1)
        lane_ids = [item.id for item in doc.lanes]
        row = lane_ids.index(lane) if lane in lane_ids else -1
        for action in (self.edit_lane, self.remove_lane):
            action.setEnabled(row >= 0)
        self.lane_up.setEnabled(row > 0)
        self.lane_down.setEnabled(0 <= row < len(lane_ids) - 1)

    # ------------------------------------------------------------ what is selected
    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 5000)

    def selected_stage(self) -> str | None:
        """The selected stage, or the stage column of the selected card."""
        doc = self.window.document
        for element_id in self.window.scene.selected_ids():
            if element_id not in doc:
                continue
            element = doc.element(element_id)
            if element.kind is Kind.STAGE:
                return element.id
            if element.placement is not None and element.placement.stage is not None:
                return element.placement.stage
        return None

    def selected_cell(self) -> tuple[str | None, str] | None:
        """The cell of the first selected card."""
        doc = self.window.document
        for element_id in self.window.scene.selected_ids():
            if element_id in doc and doc.element(element_id).placement is not None:
                return doc.element(element_id).placement.cell
        return None

    # ------------------------------------------------------------ cards
    def do_add_card(self) -> None:
        """A new card in the current cell, typed in place on the canvas."""
        if not self.window.scene.editor.new_card():
            self._say(translate("MapActions", "Add a stage first: cards sit in a stage column"))
            return
        self.window.view.setFocus()

    def do_add_card_of_kind(self, kind: Kind) -> None:
        """A new card of ``kind`` typed in place: in the selected stage (or the
        current cell's), in the current lane when it holds that kind, else in
        the lane of that kind. A persona goes to the persona strip."""
        window = self.window
        if kind is Kind.PERSONA:
            window.add_persona()
            return
        doc, scene = window.document, window.scene
        cell = scene.current_cell or scene.default_cell()
        if cell is None or cell[0] not in doc.stage_order or cell[1] not in scene.lane_items:
            self._say(translate("MapActions", "Add a stage first: cards sit in a stage column"))
            return
        stage, lane = self.selected_stage() or cell[0], cell[1]
        if doc.lane(lane).kind is not kind:
            home = doc.lane_for_kind(kind)
            lane = home.id if home is not None else lane
        scene.editor.start_new_card(stage, lane, kind)
        window.view.setFocus()

    # ------------------------------------------------------------ stages
    def do_add_stage(self, before: bool = False) -> None:
        """Ask a name and add a stage after (or ``before``) the selected one;
        at the end when none is selected."""
        doc = self.window.document
        with in_map_language(doc):
            suggestion = new_stage_name()
        name = self.window.dialogs.ask_text(translate("MapActions", "Add stage"),
                                            translate("MapActions", "Name of the new stage:"),
                                            suggestion)
        if not name:
            return
        here = self.selected_stage()
        index = None
        if here is not None:
            index = doc.stage_order.index(here) + (0 if before else 1)
        command = AddStage(doc, name, index)
        self.window.push(command)
        self.window.scene.select_ids([command.element_id])
        self.window.view.center_on_id(command.element_id)

    def _need_stage(self) -> str | None:
        stage = self.selected_stage()
        if stage is None:
            self._say(translate("MapActions", "Select a stage (or a card in its column) first"))
        return stage

    def do_rename_stage(self) -> None:
        stage = self._need_stage()
        if stage is None:
            return
        doc = self.window.document
        old = doc.element(stage).text
        name = self.window.dialogs.ask_text(translate("MapActions", "Rename stage"),
                                            translate("MapActions", "Stage name:"), old)
        if name and name != old:
            self.window.push(SetField(doc, stage, "text", name))

    def do_move_stage(self, delta: int) -> None:
        stage = self._need_stage()
        if stage is None:
            return
        doc = self.window.document
        index = doc.stage_order.index(stage) + delta
        if 0 <= index < len(doc.stage_order):
            self.window.push(MoveStage(doc, stage, index))

    def do_remove_stage(self) -> None:
        stage = self._need_stage()
        if stage is None:
            return
        doc = self.window.document
        held = doc.cards_in_stage(stage)
        question = translate("MapActions", "Remove stage '{name}' and its %n card(s)?", None, held)
        self._remove_with_cards(question.format(name=doc.element(stage).text), held,
                                lambda: RemoveStage(doc, stage))

    def _remove_with_cards(self, question: str, held: int,
                           make: Callable[[], RemoveStage | RemoveLane]) -> None:
        """Remove a stage or lane, asking ``question`` first when cards go with it."""
        if held and not self.window.dialogs.confirm(question):
            return
        command = make()
        self.window.push(command)
        count = command.card_count
        self._say(translate("MapActions", "{done} with %n card(s); Ctrl+Z brings it back", None,
                            count).format(done=command.text()))

    # ------------------------------------------------------------ lanes
    def selected_lane(self) -> str | None:
        """The selected lane header, or the lane of the selected card."""
        lane = self.window.scene.selected_lane()
        if lane is not None:
            return lane
        cell = self.selected_cell()
        return cell[1] if cell is not None else None

    def _need_lane(self) -> str | None:
        lane = self.selected_lane()
        if lane is None:
            self._say(translate("MapActions", "Select a lane (its header, or a card in it) first"))
        return lane

    def do_add_lane(self, above: bool = False) -> None:
        """Ask a name and kind and add a lane below (or ``above``) the selected
        one; at the bottom when none is selected."""
        with in_map_language(self.window.document):
            suggestion = new_lane_name()
        answer = self.window.dialogs.ask_lane(suggestion, Kind.NOTE)
        if answer is None:
            return
        doc, here = self.window.document, self.selected_lane()
        index = None
        if here is not None:
            index = [lane.id for lane in doc.lanes].index(here) + (0 if above else 1)
        self.window.push(AddLane(doc, answer[0], answer[1], index))

    def do_edit_lane(self) -> None:
        lane_id = self._need_lane()
        if lane_id is None:
            return
        doc = self.window.document
        lane = doc.lane(lane_id)
        answer = self.window.dialogs.ask_lane(lane.name, lane.kind)
        if answer is None or answer == (lane.name, lane.kind):
            return
        name, kind = answer
        self.window.push(UpdateLane(doc, lane_id, name, kind if kind is not lane.kind else None))

    def do_move_lane(self, delta: int) -> None:
        lane_id = self._need_lane()
        if lane_id is None:
            return
        doc = self.window.document
        ids = [lane.id for lane in doc.lanes]
        index = ids.index(lane_id) + delta
        if 0 <= index < len(ids):
            self.window.push(MoveLane(doc, lane_id, index))

    def do_remove_lane(self) -> None:
        lane_id = self._need_lane()
        if lane_id is None:
            return
        doc = self.window.document
        held = doc.cards_in_lane(lane_id)
        question = translate("MapActions", "Remove lane '{name}' and its %n card(s)?", None, held)
        self._remove_with_cards(question.format(name=doc.lane(lane_id).name), held,
                                lambda: RemoveLane(doc, lane_id))

    # ------------------------------------------------------------ map
    def do_properties(self) -> None:
        """Show the map's own properties (title, description, ...) in the inspector."""
        self.window.scene.select_ids([])
        self.window.inspector.show_ids([])
        self.window.inspector_dock.show()
        self.window.inspector_dock.raise_()
