"""A form generated from a list of fields: one editor widget per field.

The form never writes to the model. A user edit emits ``edited(name, value)``
(the owner turns it into a command); a model change comes back through
``set_values`` / ``set_value``, which update widgets with signals blocked and
only when the shown value differs, so typing is never echoed back over the
cursor. ``problem(str)`` reports a value the form refused (e.g. a bad date).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journeymapper.model.elements import CHANNELS, FIELDS, STATUSES, Kind, is_colour, is_date
from journeymapper.words import channel_label, field_label, status_label

translate = QCoreApplication.translate


@dataclass(frozen=True)
class Editor:
    """Which widget edits a field: line, text (multi-line), int, choice, date,
    colour or list; ``lo``/``hi`` bound an int, ``options`` list a choice's
    codes (the stored values) and ``label_of`` says each in the language in force."""

    widget: str
    lo: int = 0
    hi: int = 0
    options: tuple[str, ...] = ()
    label_of: Callable[[str], str] | None = None


_RATING = Editor("int", 1, 5)
EDITORS: dict[str, Editor] = {
    "severity": _RATING,
    "impact": _RATING,
    "effort": _RATING,
    "score": Editor("int", -3, 3),
    "votes": Editor("int", 0, 1_000_000),
    "channel": Editor("choice", options=CHANNELS, label_of=channel_label),
    "status": Editor("choice", options=STATUSES, label_of=status_label),
    "due": Editor("date"),
    "colour": Editor("colour"),
    "evidence": Editor("list"),
    "authors": Editor("list"),
}
_LONG = {"quote", "description", "goals", "motivations", "frustrations", "behaviours", "goal"}


def editor_for(kind: Kind | None, name: str) -> Editor:
    """The editor of a field: from EDITORS, else multi-line for long texts
    (a card's text; a persona's or stage's name is one line)."""
    if name in EDITORS:
        return EDITORS[name]
    if name in _LONG or (name == "text" and kind not in (Kind.PERSONA, Kind.STAGE, Kind.EMOTION)):
        return Editor("text")
    return Editor("line")


@dataclass(frozen=True)
class FormField:
    name: str
    label: str
    editor: Editor


def kind_fields(kind: Kind) -> list[FormField]:
    """The form of an element kind, straight from ``model.elements.FIELDS``."""
    return [FormField(s.name, field_label(kind, s.name), editor_for(kind, s.name))
            for s in FIELDS[kind]]


class FieldForm(QWidget):
    """Editors for ``fields``; see the module docstring for the signals."""

    edited = Signal(str, object)
    problem = Signal(str)

    def __init__(self, fields: list[FormField], pick_colour: Callable[[str], str | None],
                 parent: QWidget | None = None, labels_above: bool = False) -> None:
        super().__init__(parent)
        self.fields = fields
        self._pick_colour = pick_colour
        self.editors: dict[str, QWidget] = {}
        self._setters: dict[str, Callable[[Any], None]] = {}
        form = QFormLayout(self)
        form.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows if labels_above
                              else QFormLayout.RowWrapPolicy.WrapLongRows)
        for spec in fields:
            widget = self._build(spec)
            widget.setObjectName(f"field_{spec.name}")
            self.editors[spec.name] = widget
            form.addRow(translate("FieldForm", "{label}:").format(label=spec.label), widget)

    # ------------------------------------------------------------ model -> widgets
    def set_values(self, values: dict[str, Any]) -> None:
        for name, value in values.items():
            self.set_value(name, value)

    def set_value(self, name: str, value: Any) -> None:
        setter = self._setters.get(name)
        if setter is not None:
            with QSignalBlocker(self.editors[name]):
                setter(value)

    def is_typing(self, name: str) -> bool:
        """True for fields edited by typing, whose consecutive edits merge into one undo step."""
        return any(f.name == name and f.editor.widget in ("line", "text") for f in self.fields)

    def set_int_range(self, name: str, lo: int, hi: int) -> None:
        widget = self.editors.get(name)
        if isinstance(widget, QSpinBox):
            with QSignalBlocker(widget):
                widget.setRange(lo, hi)

    # ------------------------------------------------------------ widgets
    def _build(self, spec: FormField) -> QWidget:
        kind = spec.editor.widget
        builder = {
            "line": self._line, "text": self._text, "int": self._int, "choice": self._choice,
            "date": self._date, "colour": self._colour, "list": self._list,
        }[kind]
        return builder(spec)

    def _emit(self, name: str) -> Callable[[Any], None]:
        return lambda value: self.edited.emit(name, value)

    def _line(self, spec: FormField) -> QWidget:
        edit = QLineEdit()
        edit.textEdited.connect(self._emit(spec.name))

        def setter(value: Any) -> None:
            if edit.text() != value:
                edit.setText(str(value))
                if not edit.hasFocus():
                    edit.setCursorPosition(0)  # a long text reads from its start

        self._setters[spec.name] = setter
        return edit

    def _text(self, spec: FormField) -> QWidget:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
        emit = self._emit(spec.name)
        edit.textChanged.connect(lambda: emit(edit.toPlainText()))

        def setter(value: Any) -> None:
            if edit.toPlainText() != value:
                edit.setPlainText(str(value))

        self._setters[spec.name] = setter
        return edit

    def _int(self, spec: FormField) -> QWidget:
        box = QSpinBox()
        box.setRange(spec.editor.lo, spec.editor.hi)
        box.setKeyboardTracking(False)
        box.valueChanged.connect(self._emit(spec.name))

        def setter(value: Any) -> None:
            if box.value() != value:
                box.setValue(int(value))

        self._setters[spec.name] = setter
        return box

    def _choice(self, spec: FormField) -> QWidget:
        box = QComboBox()
        say = spec.editor.label_of or str
        for code in spec.editor.options:
            box.addItem(say(code), code)
        emit = self._emit(spec.name)
        box.activated.connect(lambda index: emit(box.itemData(index)))
        self._setters[spec.name] = lambda v: box.setCurrentIndex(box.findData(str(v)))
        return box

    def _date(self, spec: FormField) -> QWidget:
        edit = QLineEdit()
        edit.setPlaceholderText(translate("FieldForm", "YYYY-MM-DD (empty: none)"))
        emit = self._emit(spec.name)

        def finished() -> None:
            text = edit.text().strip()
            if text and not is_date(text):
                edit.setStyleSheet("QLineEdit { border: 1px solid #d32f2f; }")
                self.problem.emit(translate(
                    "FieldForm", "{label}: {text!r} is not a date; expected YYYY-MM-DD, "
                    "e.g. 2026-11-30, or empty").format(label=spec.label, text=text))
                return
            edit.setStyleSheet("")
            emit(text)

        edit.editingFinished.connect(finished)

        def setter(value: Any) -> None:
            edit.setStyleSheet("")
            if edit.text() != value:
                edit.setText(str(value))

        self._setters[spec.name] = setter
        return edit

    def _colour(self, spec: FormField) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        edit = QLineEdit()
        edit.setObjectName(f"field_{spec.name}_text")
        edit.setPlaceholderText("#rrggbb")
        swatch = QToolButton()
        swatch.setText("…")
        swatch.setToolTip(translate("FieldForm", "Pick a colour"))
        row.addWidget(edit, 1)
        row.addWidget(swatch)
        emit = self._emit(spec.name)

        def show(value: str) -> None:
            swatch.setStyleSheet(f"QToolButton {{ background: {value}; }}"
                                 if is_colour(value) else "")

        def finished() -> None:
            text = edit.text().strip()
            if not is_colour(text):
                self.problem.emit(translate(
                    "FieldForm", "{label}: {text!r} is not a colour; expected #rrggbb").format(
                        label=spec.label, text=text))
                return
            emit(text.lower())

        def pick() -> None:
            chosen = self._pick_colour(edit.text())
            if chosen:
                edit.setText(chosen)
                show(chosen)
                emit(chosen)

        edit.editingFinished.connect(finished)
        swatch.clicked.connect(pick)

        def setter(value: Any) -> None:
            with QSignalBlocker(edit):
                if edit.text() != value:
                    edit.setText(str(value))
            show(str(value))

        self._setters[spec.name] = setter
        return holder

    def _list(self, spec: FormField) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        items = QListWidget()
        items.setObjectName(f"field_{spec.name}_list")
        items.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed)
        items.setFixedHeight(items.fontMetrics().lineSpacing() * 5 + 12)
        buttons = QHBoxLayout()
        add = QPushButton(translate("FieldForm", "Add"))
        remove = QPushButton(translate("FieldForm", "Remove"))
        add.setObjectName(f"field_{spec.name}_add")
        remove.setObjectName(f"field_{spec.name}_remove")
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        column.addWidget(items)
        column.addLayout(buttons)
        emit = self._emit(spec.name)

        def current() -> list[str]:
            texts = (items.item(i).text().strip() for i in range(items.count()))
            return [t for t in texts if t]

        def new_item(text: str) -> QListWidgetItem:
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            return item

        def on_add() -> None:
            item = new_item("")
            items.addItem(item)
            items.setCurrentItem(item)
            items.editItem(item)

        def on_remove() -> None:
            row = items.currentRow()
            if row >= 0:
                items.takeItem(row)
                emit(current())

        def setter(value: Any) -> None:
            if current() == list(value):
                return
            with QSignalBlocker(items):
                items.clear()
                for text in value:
                    items.addItem(new_item(str(text)))

        items.itemChanged.connect(lambda _item: emit(current()))
        add.clicked.connect(on_add)
        remove.clicked.connect(on_remove)
        self._setters[spec.name] = setter
        return holder

