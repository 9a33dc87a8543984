"""The inline text editor: a QGraphicsTextItem laid over a card or header,
so typing (including Korean through an input method) happens in place.

Enter commits, Shift+Enter adds a line, Esc cancels, Tab / Shift+Tab commit
and ask for the next / previous cell. Clicking elsewhere commits; switching
to another window does not (the typing waits for you to come back).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPen, QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsTextItem,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from journeymapper.canvas import style as st
from journeymapper.collab.schema import hunks


class InlineEditor(QGraphicsTextItem):
    """Calls ``on_done(text, how)`` once: how is 'enter', 'tab', 'backtab',
    'focus' (committed) or 'cancel'."""

    def __init__(self, rect: QRectF, text: str, px: int, theme: st.Theme,
                 on_done: Callable[[str, str], None], multiline: bool = True) -> None:
        super().__init__()
        self.box = QRectF(0, 0, rect.width(), rect.height())
        self.theme = theme
        self.on_done = on_done
        self.multiline = multiline
        self.done = False
        self.setFont(st.font(px))
        self.setDefaultTextColor(theme.card_text)
        self.setPlainText(text)
        option = self.document().defaultTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        self.document().setDocumentMargin(6)
        self.setTextWidth(rect.width())
        self.setPos(rect.topLeft())
        self.setZValue(100)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setTabChangesFocus(True)  # Tab reaches keyPressEvent instead of the text
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.document().contentsChanged.connect(self._grow)
        self._grow()

    def begin(self) -> None:
        """Take keyboard focus with all the text selected."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        cursor = self.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def text(self) -> str:
        return self.toPlainText()

    def rebase(self, text: str) -> None:
        """Show ``text`` (my typing with a colleague's merged in) by editing only
        what differs, so my cursor and selection stay where I was typing. The
        editor's own undo starts afresh: Ctrl+Z here never takes out their letters."""
        old = self.toPlainText()
        if text == old:
            return
        document = self.document()
        cursor = QTextCursor(document)
        for start, end, inserted in reversed(hunks(old, text)):
            cursor.setPosition(_utf16(old, start))
            cursor.setPosition(_utf16(old, end), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(inserted)
        document.setUndoRedoEnabled(False)
        document.setUndoRedoEnabled(True)

    def _grow(self) -> None:
        height = max(self.box.height(), self.document().size().height())
        if height != self.box.height():
            self.prepareGeometryChange()
            self.box.setHeight(height)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return super().boundingRect().united(self.box)

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(QPen(self.theme["selection"], 2))
        p.setBrush(self.theme["lane_band"])
        p.drawRoundedRect(self.boundingRect().adjusted(1, 1, -1, -1), 6, 6)
        plain = QStyleOptionGraphicsItem(option)  # no dashed focus frame over ours
        plain.state &= ~(QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_Selected)
        super().paint(p, plain, widget)

    def finish(self, how: str) -> None:
        if self.done:
            return
        self.done = True
        self.on_done(self.text(), how)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Escape:
            self.finish("cancel")
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                self.multiline and mods & Qt.KeyboardModifier.ShiftModifier):
            self.finish("enter")
        elif key == Qt.Key.Key_Backtab or (key == Qt.Key.Key_Tab
                                           and mods & Qt.KeyboardModifier.ShiftModifier):
            self.finish("backtab")
        elif key == Qt.Key.Key_Tab:
            self.finish("tab")
        else:
            super().keyPressEvent(event)
        event.accept()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().focusOutEvent(event)
        # a menu, or another window coming to the front, leaves the typing open
        if event.reason() not in (Qt.FocusReason.PopupFocusReason,
                                  Qt.FocusReason.ActiveWindowFocusReason):
            self.finish("focus")


def _utf16(text: str, index: int) -> int:
    """A position in ``text`` as QTextDocument counts it (UTF-16 code units)."""
    return len(text[:index].encode("utf-16-le")) // 2
