"""Find on the map: a bar that highlights every element whose text matches
and steps through them in reading order.

Matching ignores case and Unicode normalisation (NFC + casefold), so
"CHECKOUT" finds "checkout" and Korean typed with a decomposed input method
finds the same text stored composed.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from journeymapper.model import events as ev
from journeymapper.model import workshop as ws
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Element
from journeymapper.ui.observe import follow

translate = QCoreApplication.translate


def fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _texts(element: Element) -> list[str]:
    out: list[str] = []
    for value in element.fields.values():
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, list):
            out.extend(v for v in value if isinstance(v, str))
    return out


def reading_order(doc: JourneyMap) -> list[str]:
    """Ids in the order a reader meets them: the persona strip, then each
    stage column (header, then lanes top-down, cards in cell order)."""
    order = [e.id for lane in doc.lanes for e in doc.cell(None, lane.id)]
    for stage in doc.stage_order:
        order.append(stage)
        order.extend(e.id for lane in doc.lanes for e in doc.cell(stage, lane.id))
    return order


def find_matches(doc: JourneyMap, query: str) -> list[str]:
    """Ids of the elements with a text field containing ``query``, in reading
    order (not the cards face down until their silent round is revealed)."""
    needle = fold(query.strip())
    if not needle:
        return []
    hidden = ws.hidden(doc)
    return [i for i in reading_order(doc)
            if i not in hidden and any(needle in fold(t) for t in _texts(doc.element(i)))]


class FindBar(QWidget):
    """The find bar. ``go_to(id)`` is emitted for the current match,
    ``highlight(ids)`` for all matches (empty when the bar closes)."""

    go_to = Signal(str)
    highlight = Signal(list)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find_bar")
        self.document: JourneyMap | None = None
        self.matches: list[str] = []
        self.index = -1
        self.edit = QLineEdit()
        self.edit.setObjectName("find_text")
        self.edit.setPlaceholderText(translate("FindBar", "Find on the map"))
        self.edit.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setObjectName("find_count")
        self.count.setMinimumWidth(90)
        prev_button, next_button, close_button = QToolButton(), QToolButton(), QToolButton()
        prev_button.setText("▲")
        prev_button.setToolTip(translate("FindBar", "Previous match (Shift+F3)"))
        next_button.setText("▼")
        next_button.setToolTip(translate("FindBar", "Next match (Enter, F3)"))
        close_button.setText("✕")
        close_button.setToolTip(translate("FindBar", "Close (Esc)"))
        close_button.setObjectName("find_close")
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(QLabel(translate("FindBar", "Find:")))
        row.addWidget(self.edit, 1)
        row.addWidget(self.count)
        row.addWidget(prev_button)
        row.addWidget(next_button)
        row.addWidget(close_button)
        self.edit.textChanged.connect(self.search)
        self.edit.installEventFilter(self)
        prev_button.clicked.connect(self.find_previous)
        next_button.clicked.connect(self.find_next)
        close_button.clicked.connect(self.close_bar)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(150)
        self._refresh.timeout.connect(self._research)
        self.hide()

    def set_document(self, doc: JourneyMap | None) -> None:
        self.document = follow(self.document, doc, self._on_event)
        self.matches, self.index = [], -1
        if self.isVisible():
            self.search(self.edit.text())

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        if self.edit.text():
            self.search(self.edit.text())

    def close_bar(self) -> None:
        self.hide()
        self.highlight.emit([])
        self.closed.emit()

    # ------------------------------------------------------------ searching
    def search(self, text: str) -> None:
        """Find ``text`` and go to the first match."""
        self.matches = find_matches(self.document, text) if self.document else []
        self.index = -1
        self.highlight.emit(list(self.matches))
        if self.matches:
            self.step(1)
        else:
            self._show_count(text)

    def _research(self) -> None:
        """Matches after the map changed, keeping the current match when it still matches."""
        if not self.isVisible() or self.document is None:
            return
        current = self.matches[self.index] if 0 <= self.index < len(self.matches) else None
        self.matches = find_matches(self.document, self.edit.text())
        self.index = self.matches.index(current) if current in self.matches else -1
        self.highlight.emit(list(self.matches))
        self._show_count(self.edit.text())

    def step(self, delta: int) -> None:
        if not self.matches:
            return
        self.index = (self.index + delta) % len(self.matches) if self.index >= 0 else (
            0 if delta > 0 else len(self.matches) - 1)
        self._show_count(self.edit.text())
        self.go_to.emit(self.matches[self.index])

    def find_next(self) -> None:
        self.step(1)

    def find_previous(self) -> None:
        self.step(-1)

    def _show_count(self, text: str) -> None:
        if not text.strip():
            self.count.setText("")
        elif not self.matches:
            self.count.setText(translate("FindBar", "no matches"))
        else:
            self.count.setText(translate("FindBar", "{number} of {count}").format(
                number=max(self.index, 0) + 1, count=len(self.matches)))

    def _on_event(self, event: Any) -> None:
        if self.isVisible() and isinstance(event, (ev.FieldChanged, ev.ElementAdded,
                                                   ev.ElementRemoved, ev.StagesReordered,
                                                   ev.ElementMoved, ev.LanesReordered)):
            self._refresh.start()

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt API
        if watched is self.edit and isinstance(event, QKeyEvent) and \
                event.type() == QKeyEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.step(-1 if shift else 1)
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)

