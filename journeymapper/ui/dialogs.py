"""Every question the main window asks the user, in one replaceable object.

The window calls ``self.dialogs.<question>(...)`` and never opens a modal
itself, so tests give it an object with the same methods that answers
from a script instead of blocking on a dialog.
"""

from __future__ import annotations

from typing import Any, Literal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from journeymapper.model.elements import CARD_KINDS, Kind
from journeymapper.ui.template_dialog import TemplateDialog
from journeymapper.words import kind_label

Answer = Literal["save", "discard", "cancel"]
translate = QCoreApplication.translate
#: The question before unsaved changes are lost, by what is about to happen.
UNSAVED_QUESTIONS = {
    "closing": QT_TRANSLATE_NOOP("Dialogs", "Save them before closing?"),
    "opening": QT_TRANSLATE_NOOP("Dialogs", "Save them before opening another map?"),
    "new": QT_TRANSLATE_NOOP("Dialogs", "Save them before starting a new map?"),
}


def map_filter() -> str:
    return translate("Dialogs", "Journey maps (*.jmap);;All files (*)")


class Dialogs:
    """The real, modal dialogs."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def ask_unsaved(self, name: str, action: str) -> Answer:
        """Save / Discard / Cancel before ``action`` ("closing", "opening", "new")
        loses changes."""
        box = QMessageBox(QMessageBox.Icon.Warning, translate("Dialogs", "Unsaved changes"),
                          translate("Dialogs", "“{name}” has unsaved changes.").format(name=name),
                          parent=self.parent)
        box.setInformativeText(translate("Dialogs", UNSAVED_QUESTIONS.get(action,
                                                                          UNSAVED_QUESTIONS["closing"])))
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        pressed = box.exec()
        box.deleteLater()
        if pressed == QMessageBox.StandardButton.Save:
            return "save"
        if pressed == QMessageBox.StandardButton.Discard:
            return "discard"
        return "cancel"

    def open_path(self, folder: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, translate("Dialogs", "Open journey map"),
                                              folder, map_filter())
        return path or None

    def save_path(self, suggestion: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, translate("Dialogs", "Save journey map"),
                                              suggestion, map_filter())
        if path and not path.lower().endswith(".jmap") and "." not in path.rsplit("/", 1)[-1]:
            path += ".jmap"
        return path or None

    def error(self, title: str, message: str) -> None:
        QMessageBox.critical(self.parent, title, message)

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self.parent, "journeymapper", question)
        return answer == QMessageBox.StandardButton.Yes

    def information(self, title: str, message: str) -> None:
        QMessageBox.information(self.parent, title, message)

    def warning(self, title: str, message: str, details: list[str]) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=self.parent)
        shown = details[:12]
        hidden = len(details) - len(shown)
        more = "\n" + translate("Dialogs", "… and %n more", None, hidden) if hidden > 0 else ""
        box.setInformativeText("\n".join(f"• {d}" for d in shown) + more)
        box.setDetailedText("\n".join(details))
        box.exec()
        box.deleteLater()

    def choose_template(self) -> tuple[str, str | None] | None:
        dialog = TemplateDialog(self.parent)
        try:
            return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self.parent, title, label, QLineEdit.EchoMode.Normal,
                                         text)
        value = value.strip()
        return value if ok and value else None

    def ask_lane(self, name: str = "", kind: Kind = Kind.NOTE) -> tuple[str, Kind] | None:
        dialog = LaneDialog(name, kind, self.parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def pick_colour(self, current: str) -> str | None:
        colour = QColorDialog.getColor(QColor(current), self.parent,
                                       translate("Dialogs", "Note colour"))
        return colour.name() if colour.isValid() else None

    def open_file(self, title: str, name_filter: str) -> str | None:
        """A file to read (a list of cards, ...), or None."""
        path, _ = QFileDialog.getOpenFileName(self.parent, title, "", name_filter)
        return path or None

    def ask_vote(self, settings: Any) -> Any:
        """The question and rules of a new dot vote (ui/voting.py VoteSettings), or None."""
        from journeymapper.ui.voting import ask_vote

        return ask_vote(self.parent, settings)

    def ask_choice(self, title: str, label: str, options: list[str], current: int = 0
                   ) -> str | None:
        """One of ``options`` (a lane, a kind), or None when cancelled."""
        value, ok = QInputDialog.getItem(self.parent, title, label, options, current, False)
        return value if ok and value else None
    def ask_review(self, date: str, by: str) -> tuple[str, str, str] | None:
        """Date, who and note of a review mark (Map > Mark review…), or None."""
        from journeymapper.ui.review import ReviewDialog

        dialog = ReviewDialog(date, by, self.parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def recover(self, entries: list[Any]) -> dict[str, str]:
        """Recover / Discard / Later for each map a crash left unsaved (by record id)."""
        from journeymapper.ui.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(entries, self.parent)
        try:
            dialog.exec()
            return dict(dialog.choices())
        finally:
            dialog.deleteLater()


class LaneDialog(QDialog):
    """Name and card kind of a lane (new or edited)."""

    def __init__(self, name: str, kind: Kind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("LaneDialog", "Lane"))
        self.name_edit = QLineEdit(name)
        self.kind_box = QComboBox()
        for card_kind in CARD_KINDS:
            self.kind_box.addItem(kind_label(card_kind), card_kind.value)
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(kind.value)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(translate("LaneDialog", "Name:"), self.name_edit)
        form.addRow(translate("LaneDialog", "New cards are:"), self.kind_box)
        form.addRow(buttons)

    def value(self) -> tuple[str, Kind] | None:
        name = self.name_edit.text().strip()
        if not name:
            return None
        return name, Kind(self.kind_box.currentData())
