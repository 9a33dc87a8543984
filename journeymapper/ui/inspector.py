"""The inspector: edits the selected element's fields, a selected lane's
name and kind, or the map's own properties when nothing is selected.

It observes the document (refreshing on FieldChanged, MetaChanged, moves,
links, removal) and never writes to it: edits leave as
``field_edited(id, field, value, typing)`` and ``meta_edited(key, value)``, which
the window turns into SetField / SetMeta commands.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journeymapper.i18n import LANGUAGES
from journeymapper.model import events as ev
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import CARD_KINDS, Element, Kind, Lane
from journeymapper.ui.fieldform import Editor, FieldForm, FormField, kind_fields
from journeymapper.ui.observe import follow
from journeymapper.words import kind_label, language_name, link_label, map_language, meta_label

translate = QCoreApplication.translate


def meta_fields() -> list[FormField]:
    """The map properties shown when nothing is selected."""
    return [
        FormField("title", meta_label("title"), Editor("line")),
        FormField("description", meta_label("description"), Editor("text")),
        FormField("authors", meta_label("authors"), Editor("list")),
        FormField("version_note", meta_label("version_note"), Editor("line")),
        FormField("language", meta_label("language"),
                  Editor("choice", options=tuple(LANGUAGES), label_of=language_name)),
    ]


def short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Pages(QWidget):
    """Pages of which one is shown. Unlike QStackedWidget the hidden pages
    take no room, so a one-field form is not as tall as the longest form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: list[QWidget] = []
        self.current: QWidget | None = None
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)

    def addWidget(self, page: QWidget) -> None:  # noqa: N802 - same name as QStackedWidget
        self.pages.append(page)
        self._column.addWidget(page)
        page.setVisible(page is self.current)

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802 - same name as QStackedWidget
        self.current = page
        for other in self.pages:
            other.setVisible(other is page)

    def currentWidget(self) -> QWidget | None:  # noqa: N802 - same name as QStackedWidget
        return self.current


class LaneForm(QWidget):
    """Name and card kind of one lane; ``edited(name | None, kind | None)``
    when the user commits a new name (Enter, leaving the field) or picks a kind."""

    edited = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lane: Lane | None = None
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("lane_name")
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("lane_kind")
        for kind in CARD_KINDS:
            self.kind_box.addItem(kind_label(kind), kind.value)
        form = QFormLayout(self)
        form.addRow(translate("LaneForm", "Name:"), self.name_edit)
        form.addRow(translate("LaneForm", "New cards are:"), self.kind_box)
        self.name_edit.editingFinished.connect(self._name_done)
        self.kind_box.activated.connect(self._kind_chosen)

    def set_lane(self, lane: Lane) -> None:
        self.lane = lane
        with QSignalBlocker(self.name_edit), QSignalBlocker(self.kind_box):
            if self.name_edit.text() != lane.name:
                self.name_edit.setText(lane.name)
            self.kind_box.setCurrentIndex(self.kind_box.findData(lane.kind.value))

    def _name_done(self) -> None:
        name = self.name_edit.text().strip()
        if self.lane is not None and name and name != self.lane.name:
            self.edited.emit(name, None)

    def _kind_chosen(self, index: int) -> None:
        kind = Kind(self.kind_box.itemData(index))
        if self.lane is not None and kind is not self.lane.kind:
            self.edited.emit(None, kind)


class Inspector(QWidget):
    """Shows one element, a lane, or the map; signals: field_edited,
    lane_edited(lane id, name | None, kind | None), meta_edited, problem."""

    field_edited = Signal(str, str, object, bool)
    lane_edited = Signal(str, object, object)
    meta_edited = Signal(str, object)
    problem = Signal(str)

    def __init__(self, pick_colour: Callable[[str], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pick_colour = pick_colour
        self.document: JourneyMap | None = None
        self.current: str | None = None
        self.lane: str | None = None
        #: a card not to show (face down until its round is revealed)
        self.conceal: Callable[[str], bool] = lambda element_id: False
        self.header = QLabel()
        self.header.setObjectName("inspector_header")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.links = QLabel()
        self.links.setObjectName("inspector_links")
        self.links.setWordWrap(True)
        self.links.setTextFormat(Qt.TextFormat.PlainText)
        self.stack = Pages()
        self.meta_fields = meta_fields()
        self.meta_form = self._make_form(self.meta_fields)
        self.meta_form.edited.connect(self.meta_edited)
        self.stack.addWidget(self.meta_form)
        self.lane_form = LaneForm()
        self.lane_form.edited.connect(self._emit_lane_edit)
        self.stack.addWidget(self.lane_form)
        self.forms: dict[Kind, FieldForm] = {}
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.header)
        column.addWidget(self.stack)
        column.addWidget(self.links)
        column.addStretch(1)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.setMinimumWidth(260)

    def _make_form(self, fields: list[FormField]) -> FieldForm:
        form = FieldForm(fields, self._pick_colour)
        form.problem.connect(self.problem)
        return form

    def form_for(self, kind: Kind) -> FieldForm:
        """The form of ``kind``, built the first time it is needed."""
        form = self.forms.get(kind)
        if form is None:
            form = self._make_form(kind_fields(kind))
            form.edited.connect(lambda name, value, f=form: self._emit_edit(f, name, value))
            self.forms[kind] = form
            self.stack.addWidget(form)
        return form

    def _emit_lane_edit(self, name: str | None, kind: Kind | None) -> None:
        if self.lane is not None:
            self.lane_edited.emit(self.lane, name, kind)

    def _emit_edit(self, form: FieldForm, name: str, value: Any) -> None:
        if self.current is not None:
            self.field_edited.emit(self.current, name, value, form.is_typing(name))

    # ------------------------------------------------------------ document
    def set_document(self, doc: JourneyMap | None) -> None:
        self.document = follow(self.document, doc, self._on_event)
        self.show_ids([])

    def show_ids(self, ids: list[str]) -> None:
        """Show the one selected element, the map (none) or a count (several)."""
        doc = self.document
        if len(ids) == 1 and self.conceal(ids[0]):
            self.current, self.lane = None, None
            self.header.setText(translate("Inspector", "Hidden until the round is revealed"))
            self.stack.setVisible(False)
            self.links.clear()
            return
        self.current = ids[0] if len(ids) == 1 and doc is not None and ids[0] in doc else None
        self.lane = None
        if doc is None:
            self.header.setText(translate("Inspector", "No map"))
            self.stack.setVisible(False)
            self.links.clear()
            return
        self.stack.setVisible(len(ids) <= 1)
        if self.current is None:
            self.links.clear()
            if ids:
                count = len(ids)
                self.header.setText(translate("Inspector", "%n element(s) selected", None, count))
                return
            self.header.setText(translate("Inspector", "Map properties"))
            values = {f.name: doc.meta.get(f.name, "") for f in self.meta_fields}
            values["language"] = map_language(doc)
            self.meta_form.set_values(values)
            self._show_page(self.meta_form)
            return
        element = doc.element(self.current)
        form = self.form_for(element.kind)
        if element.kind is Kind.EMOTION:
            rng = int(doc.settings.get("emotion_range", 2))
            form.set_int_range("score", -rng, rng)
        form.set_values(element.fields)
        self._show_page(form)
        self._show_header(element)
        self._show_links(element)

    def _show_page(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(page)

    def show_lane(self, lane_id: str) -> None:
        """Show a lane's name and card kind (a selected lane header)."""
        doc = self.document
        if doc is None or lane_id not in {lane.id for lane in doc.lanes}:
            self.show_ids([])
            return
        self.current, self.lane = None, lane_id
        self.links.clear()
        lane = doc.lane(lane_id)
        self.lane_form.set_lane(lane)
        self.stack.setVisible(True)
        self._show_page(self.lane_form)
        self._show_lane_header(lane)

    def _show_lane_header(self, lane: Lane) -> None:
        assert self.document is not None
        count = self.document.cards_in_lane(lane.id)
        self.header.setText(translate("Inspector", "Lane · %n card(s)", None, count))

    def _show_header(self, element: Element) -> None:
        doc = self.document
        assert doc is not None
        kind = kind_label(element.kind)
        p = element.placement
        if p is not None:
            stage = doc.element(p.stage).text if p.stage else translate("Inspector",
                                                                       "persona strip")
            lane = next((lane.name for lane in doc.lanes if lane.id == p.lane), p.lane)
            text = translate("Inspector", "{kind} · {stage} / {lane}").format(
                kind=kind, stage=stage, lane=lane)
        elif element.kind is Kind.STAGE:
            text = translate("Inspector", "{kind} · stage {number} of {count}").format(
                kind=kind, number=doc.stage_order.index(element.id) + 1,
                count=len(doc.stage_order))
        else:
            text = kind
        self.header.setText(text)

    def _show_links(self, element: Element) -> None:
        doc = self.document
        assert doc is not None
        lines = []
        for link in doc.links_of(element.id):
            outgoing = link.source == element.id
            other = doc.element(link.target if outgoing else link.source)
            label = link_label(link.kind)
            line = translate("Inspector", "{link} → {other}") if outgoing else \
                translate("Inspector", "← {link} {other}")
            lines.append(line.format(link=label, other=short(other.text) or other.id))
        self.links.setText(translate("Inspector", "Links:") + "\n" + "\n".join(lines)
                           if lines else "")

    # ------------------------------------------------------------ events
    def _on_event(self, event: Any) -> None:
        doc = self.document
        if doc is None:
            return
        current = self.current
        if self.lane is not None:
            if isinstance(event, ev.LaneChanged) and event.new.id == self.lane:
                self.lane_form.set_lane(event.new)
            elif isinstance(event, ev.LaneRemoved) and event.lane.id == self.lane:
                self.show_ids([])
            return
        if isinstance(event, ev.MetaChanged):
            if current is None:
                value = map_language(doc) if event.key == "language" else event.new
                self.meta_form.set_value(event.key, value)
        elif current is None:
            return
        elif current not in doc:
            self.show_ids([])
        elif isinstance(event, ev.FieldChanged):
            if event.id == current:
                self.form_for(event.element.kind).set_value(event.field, event.new)
            elif doc.has_link(current, event.id) or doc.has_link(event.id, current):
                self._show_links(doc.element(current))  # a linked element's text changed
        elif isinstance(event, ev.ElementRemoved) and event.id == current:
            self.show_ids([])
        elif isinstance(event, ev.KindChanged) and event.id == current:
            self.show_ids([current])  # another kind: another form
        elif isinstance(event, (ev.Linked, ev.Unlinked)):
            if current in (event.link.source, event.link.target):
                self._show_links(doc.element(current))
        elif isinstance(event, (ev.ElementMoved, ev.StagesReordered, ev.LaneChanged)):
            if current in doc:
                self._show_header(doc.element(current))
