"""The Participants panel: who is in the session, in their colour, and
whether they are connected."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

translate = QCoreApplication.translate


def swatch(colour: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour) if QColor(colour).isValid() else QColor("#888888"))
    return QIcon(pixmap)


class ParticipantsPanel(QWidget):
    """A list of people: ``show_people(me, others)`` with (name, colour, state) tuples."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("participants")
        self.heading = QLabel(
            translate("ParticipantsPanel", "Not in a session. File > Host session… or Join session…")
        )
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("participants_list")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)

    def show_people(self, heading: str, people: list[tuple[str, str, str]]) -> None:
        """``people``: (name, colour, what) with ``what`` already worded."""
        self.heading.setText(heading)
        self.list.clear()
        for name, colour, what in people:
            item = QListWidgetItem(swatch(colour), f"{name} — {what}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.list.addItem(item)

    def names(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def rows(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]
