"""What the panels ask the main window for, as commands on its undo stack:
field, lane and map-property edits from the inspector and the personas panel,
adding and removing personas, and the colour picker the forms open.

Panels never write to the model: they emit edits, and these methods check
them and push one command each (typing merges into one undo step). A mixin
of :class:`journeymapper.ui.window.MainWindow`, as ``DocumentFiles`` is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from journeymapper.commands.elements import AddCard, RemoveElements, SetField
from journeymapper.commands.lanes import AddLane, UpdateLane
from journeymapper.commands.meta import MergingSetMeta
from journeymapper.model.elements import Kind, check_field
from journeymapper.words import field_label, in_map_language, kind_label, lane_name, new_persona_name

if TYPE_CHECKING:
    from journeymapper.ui.window import MainWindow

translate = QCoreApplication.translate


class PanelEdits:
    """The panels' edits for :class:`journeymapper.ui.window.MainWindow`
    (its strings keep the ``MainWindow`` context)."""

    def edit_field(self: MainWindow, element_id: str, name: str, value: Any, typing: bool = False) -> None:
        """An edit from a panel: checked first, then pushed as SetField."""
        if element_id not in self.document:
            return
        element = self.document.element(element_id)
        problem = check_field(element.kind, name, value)
        if problem:
            self.statusBar().showMessage(
                translate("MainWindow", "{kind} {field}: {problem}").format(
                    kind=kind_label(element.kind), field=field_label(element.kind, name),
                    problem=problem), 8000)
            return
        if element.fields.get(name) != value:
            self.push(SetField(self.document, element_id, name, value, typing=typing))

    def edit_lane(self: MainWindow, lane_id: str, name: str | None, kind: Kind | None) -> None:
        self.push(UpdateLane(self.document, lane_id, name, kind))
        if self.scene.selected_lane() != lane_id:
            # a new kind can rebuild the lane's header; keep it selected and shown
            self.scene.select_ids([lane_id])

    def edit_meta(self: MainWindow, key: str, value: Any) -> None:
        if self.document.meta.get(key) != value:
            self.push(MergingSetMeta(self.document, key, value))
            if key == "title":
                self.update_title()

    def add_persona(self: MainWindow) -> None:
        """Add a persona to the persona strip (adding a persona lane if the map has none)."""
        doc = self.document
        lane = doc.lane_for_kind(Kind.PERSONA)
        self.undo_stack.beginMacro(translate("MainWindow", "Add persona"))
        try:
            if lane is None:
                with in_map_language(doc):
                    add_lane = AddLane(doc, lane_name(Kind.PERSONA), Kind.PERSONA, 0)
                self.undo_stack.push(add_lane)
                lane_id = add_lane.lane_id
            else:
                lane_id = lane.id
            with in_map_language(doc):
                card = AddCard(doc, Kind.PERSONA, None, lane_id, new_persona_name())
            self.undo_stack.push(card)
        finally:
            self.undo_stack.endMacro()
        self.personas.select(card.element_id)
        self.personas_dock.show()
        self.personas_dock.raise_()
        self.personas.focus_name()

    def remove_persona(self: MainWindow, persona_id: str) -> None:
        if persona_id in self.document:
            self.push(RemoveElements(self.document, [persona_id]))

    def pick_colour(self: MainWindow, current: str) -> str | None:
        return self.dialogs.pick_colour(current)
