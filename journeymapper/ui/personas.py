"""The personas panel: the map's personas, a form to edit the chosen one,
Add / Remove, and a filter that highlights one persona's journey.

Like the inspector it only observes the document; changes leave as signals
(``add_requested``, ``remove_requested(id)``, ``field_edited(id, field,
value, typing)``) and ``filter_changed(id or None)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journeymapper.model import events as ev
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Element, Kind
from journeymapper.ui.fieldform import FieldForm, kind_fields
from journeymapper.ui.observe import follow

ID_ROLE = Qt.ItemDataRole.UserRole
translate = QCoreApplication.translate


def persona_label(element: Element) -> str:
    name = element.text.strip() or translate("PersonasPanel", "(unnamed persona)")
    role, segment = element.fields.get("role", ""), element.fields.get("segment", "")
    if role and segment:
        return translate("PersonasPanel", "{name} — {role}, {segment}").format(
            name=name, role=role, segment=segment)
    if role or segment:
        return translate("PersonasPanel", "{name} — {about}").format(name=name,
                                                                    about=role or segment)
    return name


class PersonasPanel(QWidget):
    """See the module docstring for the signals."""

    add_requested = Signal()
    remove_requested = Signal(str)
    field_edited = Signal(str, str, object, bool)
    filter_changed = Signal(object)

    def __init__(self, pick_colour: Callable[[str], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: JourneyMap | None = None
        self.filter = QComboBox()
        self.filter.setObjectName("persona_filter")
        self.list = QListWidget()
        self.list.setObjectName("persona_list")
        self.add_button = QPushButton(translate("PersonasPanel", "Add persona"))
        self.add_button.setObjectName("persona_add")
        self.remove_button = QPushButton(translate("PersonasPanel", "Remove"))
        self.remove_button.setObjectName("persona_remove")
        self.form = FieldForm(kind_fields(Kind.PERSONA), pick_colour, labels_above=True)
        self.form.setObjectName("persona_form")
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.form)
        filter_row = QFormLayout()
        filter_row.addRow(translate("PersonasPanel", "Highlight:"), self.filter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filter_row)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.scroll, 3)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.add_button.clicked.connect(self.add_requested)
        self.remove_button.clicked.connect(self._remove_current)
        self.filter.activated.connect(lambda _i: self.filter_changed.emit(self.filter_id()))
        self.form.edited.connect(self._on_form_edit)

    # ------------------------------------------------------------ state
    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def filter_id(self) -> str | None:
        return self.filter.currentData()

    def select(self, persona_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == persona_id:
                self.list.setCurrentRow(row)
                return

    def focus_name(self) -> None:
        """Put the cursor in the chosen persona's name, selected, ready to type over."""
        name = self.form.editors.get("text")
        if isinstance(name, QLineEdit):
            name.setFocus()
            name.selectAll()

    def set_document(self, doc: JourneyMap | None) -> None:
        self.document = follow(self.document, doc, self._on_event)
        self._rebuild(keep_filter=False)

    def _personas(self) -> list[Element]:
        doc = self.document
        if doc is None:
            return []
        ordered = [e for lane in doc.lanes for stage in (None, *doc.stage_order)
                   for e in doc.cell(stage, lane.id) if e.kind is Kind.PERSONA]
        return ordered

    def _rebuild(self, keep_filter: bool = True) -> None:
        """Refill the list and the filter from the document, keeping the choices."""
        current, chosen = self.current_id(), self.filter_id() if keep_filter else None
        personas = self._personas()
        with QSignalBlocker(self.list):
            self.list.clear()
            for element in personas:
                item = QListWidgetItem(persona_label(element))
                item.setData(ID_ROLE, element.id)
                self.list.addItem(item)
        with QSignalBlocker(self.filter):
            self.filter.clear()
            self.filter.addItem(translate("PersonasPanel", "All personas (no filter)"), None)
            for element in personas:
                self.filter.addItem(element.text or element.id, element.id)
            index = self.filter.findData(chosen) if chosen else 0
            self.filter.setCurrentIndex(max(0, index))
        if chosen is not None and self.filter.findData(chosen) < 0:
            self.filter_changed.emit(None)
        ids = [e.id for e in personas]
        if current in ids:
            self.select(current)
        elif ids:
            self.list.setCurrentRow(0)
        self._show_current()

    def _show_current(self) -> None:
        doc, persona = self.document, self.current_id()
        has = doc is not None and persona is not None and persona in doc
        self.scroll.setVisible(has)
        self.remove_button.setEnabled(has)
        self.add_button.setEnabled(doc is not None)
        if has:
            self.form.set_values(doc.element(persona).fields)

    # ------------------------------------------------------------ gestures
    def _remove_current(self) -> None:
        persona = self.current_id()
        if persona is not None:
            self.remove_requested.emit(persona)

    def _on_form_edit(self, name: str, value: Any) -> None:
        persona = self.current_id()
        if persona is not None:
            self.field_edited.emit(persona, name, value, self.form.is_typing(name))

    # ------------------------------------------------------------ events
    def _on_event(self, event: Any) -> None:
        doc = self.document
        if doc is None:
            return
        if isinstance(event, ev.ElementAdded):
            if event.element.kind is Kind.PERSONA:
                self._rebuild()
        elif isinstance(event, ev.ElementRemoved):
            if event.element.kind is Kind.PERSONA:
                self._rebuild()
        elif isinstance(event, ev.FieldChanged) and event.element.kind is Kind.PERSONA:
            if event.field in ("text", "role", "segment") and event.id in doc:
                self._relabel(event.id)
            if event.id == self.current_id():
                self.form.set_value(event.field, event.new)
        elif isinstance(event, ev.ElementMoved):
            if event.element.kind is Kind.PERSONA:
                self._rebuild()
        elif isinstance(event, ev.LanesReordered):
            self._rebuild()

    def _relabel(self, persona_id: str) -> None:
        assert self.document is not None
        element = self.document.element(persona_id)
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) == persona_id:
                item.setText(persona_label(element))
        index = self.filter.findData(persona_id)
        if index >= 0:
            self.filter.setItemText(index, element.text or element.id)
