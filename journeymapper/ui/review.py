"""The periodic review in the window: Map > Compare with… (a file, the backup,
the last review, a git revision) with the canvas overlay and the Changes
panel, Map > Mark review…, and the Actions board.

``install(window)`` (listed in ui.window.EXTENSIONS) adds the menu entries,
the two panels and ``window.compare`` (canvas/compare.py CompareController).
Esc on the canvas (when no card is being typed) or in the Changes panel, or
the panel's button, leaves the comparison; so does showing another map.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from journeymapper.canvas.compare import CompareController
from journeymapper.commands.review import MarkReview, SetStatus
from journeymapper.io import jmap
from journeymapper.io.git import git_revision
from journeymapper.io.reviews import baseline
from journeymapper.model.errors import JourneyError
from journeymapper.model.reviews import last_review
from journeymapper.ui.action_board import ActionBoard
from journeymapper.ui.changes_panel import ChangesPanel

if TYPE_CHECKING:
    from journeymapper.model.document import JourneyMap
    from journeymapper.ui.window import MainWindow


translate = QCoreApplication.translate


class ReviewDialog(QDialog):
    """Date, who and a note for Map > Mark review…."""

    def __init__(self, date: str, by: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Review", "Mark review"))
        self.date_edit = QDateEdit(QDate.fromString(date, "yyyy-MM-dd"))
        self.date_edit.setObjectName("review_date")
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        self.by_edit = QLineEdit(by)
        self.by_edit.setObjectName("review_by")
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("review_note")
        self.note_edit.setPlaceholderText(translate("Review", "What was decided, which survey wave came in…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(translate("Review", "Date:"), self.date_edit)
        form.addRow(translate("Review", "Reviewed by:"), self.by_edit)
        form.addRow(translate("Review", "Note:"), self.note_edit)
        form.addRow(buttons)

    def value(self) -> tuple[str, str, str]:
        return (self.date_edit.date().toString("yyyy-MM-dd"), self.by_edit.text().strip(),
                self.note_edit.toPlainText().strip())


class Review(QObject):
    """The review features of one window (see the module docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.compare = CompareController(window.scene, self)
        self.changes = ChangesPanel()
        self.changes_dock = window.add_panel(self.changes, translate("Review", "Changes"), "changes")
        self.board = ActionBoard()
        self.board_dock = window.add_panel(self.board, translate("Review", "Actions"), "actions")
        self.compare.changed.connect(self._diff_changed)
        self.changes.go_to.connect(self.go_to)
        self.changes.leave_requested.connect(self.leave)
        self.board.status_requested.connect(self.set_status)
        self.board.selected.connect(self.show_card)
        window.document_changed.connect(self._document_changed)
        window.view.installEventFilter(self)
        self._build_menu(window.menu_map)

    def _build_menu(self, menu) -> None:
        menu.addSeparator()
        self.menu_compare = menu.addMenu(translate("Review", "Compare &with"))
        self.menu_compare.setObjectName("menu_compare")
        self.compare_file = self._action(self.menu_compare, translate("Review", "&File…"),
                                         self.compare_with_file, "action_compare_file")
        self.compare_backup = self._action(self.menu_compare, translate("Review", "The &backup (.bak)"),
                                           self.compare_with_backup, "action_compare_backup")
        self.compare_review = self._action(self.menu_compare, translate("Review", "The last &review"),
                                           self.compare_with_review, "action_compare_review")
        self.compare_git = self._action(self.menu_compare, translate("Review", "A &git revision…"),
                                        self.compare_with_git, "action_compare_git")
        self.menu_compare.aboutToShow.connect(self.update_enabled)
        self.leave_action = self._action(menu, translate("Review", "&Leave comparison"), self.leave,
                                         "action_leave_comparison")
        self.mark_action = self._action(menu, translate("Review", "Mark re&view…"), self.mark_review,
                                        "action_mark_review")
        self.update_enabled()

    def _action(self, menu, text: str, slot, name: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        return action

    def update_enabled(self) -> None:
        path = self.window.path
        self.compare_backup.setEnabled(path is not None and backup_of(path).is_file())
        self.compare_review.setEnabled(last_review(self.window.document) is not None)
        self.compare_git.setEnabled(path is not None)
        self.leave_action.setEnabled(self.compare.active)

    # ------------------------------------------------------------ comparing
    def enter(self, old: JourneyMap, label: str) -> None:
        self.window.scene.editor.finish_editing()
        self.compare.enter(old, label)
        self.changes_dock.show()
        self.changes_dock.raise_()

    def leave(self) -> None:
        if self.compare.active:
            self.compare.leave()
            self.window.show_message(translate("Review", "Comparison closed"))

    def _open(self, load, what: str) -> None:
        try:
            old, label = load()
        except (JourneyError, OSError) as exc:
            self.window.dialogs.error(translate("Review", "Cannot compare"), str(exc))
            return
        self.enter(old, label)
        self.window.show_message(translate("Review", "Comparing with {what}").format(what=what))

    def compare_with_file(self) -> None:
        folder = str(self.window.path.parent) if self.window.path else ""
        path = self.window.dialogs.open_path(folder)
        if path:
            self._open(lambda: (jmap.load(path).document, Path(path).name), Path(path).name)

    def compare_with_backup(self) -> None:
        if self.window.path is None:
            return
        bak = backup_of(self.window.path)
        self._open(lambda: (jmap.loads(bak.read_bytes(), name=str(bak)).document, bak.name),
                   bak.name)

    def compare_with_review(self) -> None:
        def load():
            found = baseline(self.window.document, str(self.window.path or "map"))
            if found is None:
                raise JourneyError(translate("Review", "This map has no review marked yet."))
            review, old = found
            who = f" ({review.by})" if review.by else ""
            return old, translate("Review", "the review of {date}").format(date=review.date) + who

        self._open(load, translate("Review", "the last review"))

    def compare_with_git(self) -> None:
        path = self.window.path
        if path is None:
            return
        rev = self.window.dialogs.ask_text(translate("Review", "Compare with a git revision"),
                                           translate("Review", "Revision (a commit, branch or tag):"), "HEAD")
        if rev:
            self._open(lambda: (jmap.loads(git_revision(path, rev), name=f"{path.name}@{rev}")
                                .document, f"{path.name}@{rev}"), f"{path.name}@{rev}")

    def _diff_changed(self, diff) -> None:
        self.changes.show_diff(diff, self.compare.label)
        self.update_enabled()

    def _document_changed(self, _doc) -> None:
        self.compare.leave()
        self.update_enabled()

    def go_to(self, element_id: str) -> None:
        """A row of the Changes panel: select the card (or stage) and zoom to it."""
        view, scene = self.window.view, self.window.scene
        rect = self.compare.rect_of(element_id)
        if element_id in scene.cards or element_id in scene.stages:
            scene.select_ids([element_id])
            item = scene.item_for(element_id)
            rect = (item.sceneBoundingRect().x(), item.sceneBoundingRect().y(),
                    item.sceneBoundingRect().width(), item.sceneBoundingRect().height())
        if rect is None:
            return
        box = QRectF(*rect).adjusted(-180, -140, 180, 140)
        view.fit_rect(box)
        if view.zoom() > 1.2:
            view.set_zoom(1.2)
            view.centerOn(QRectF(*rect).center())
        self.window.show_zoom()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (event.type() == QEvent.Type.KeyPress and self.compare.active
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape
                and self.window.scene.focusItem() is None):
            self.leave()
            return True
        return False

    # ------------------------------------------------------------ reviews
    def mark_review(self) -> None:
        doc = self.window.document
        previous = last_review(doc)
        answer = self.window.dialogs.ask_review(dt.date.today().isoformat(),
                                                previous.by if previous else "")
        if answer is None:
            return
        date, by, note = answer
        if self.window.push(MarkReview(doc, date, by, note)):
            self.window.show_message(translate("Review", "Review of {date} marked: Compare with > The last "
                                         "review shows what changes from now on").format(
                                             date=date))
        self.update_enabled()

    # ------------------------------------------------------------ actions
    def set_status(self, element_id: str, status: str) -> None:
        if element_id in self.window.document:
            self.window.push(SetStatus(self.window.document, element_id, status))

    def show_card(self, element_id: str) -> None:
        scene = self.window.scene
        if element_id in scene.cards:
            scene.select_ids([element_id])
            self.window.view.center_on_id(element_id)


def backup_of(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def install(window: MainWindow) -> None:
    window.review = Review(window)
    window.compare = window.review.compare
