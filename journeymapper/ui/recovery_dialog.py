"""After a crash: offer each map the crashed app had not saved, with
Recover / Discard / Later, and open the recovered ones as modified maps.

:func:`offer_recovery` asks through ``window.dialogs.recover(entries)``
(the real one runs :class:`RecoveryDialog`), so tests script the answer.
A recovered map keeps its saved file as its path but opens modified: the
saved file changes only when the user saves. Later keeps the recovery file
for the next start; a damaged one is said in one line and cannot be
recovered.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journeymapper.io.recovery import Entry, local_time
from journeymapper.model.errors import JourneyError

if TYPE_CHECKING:
    from journeymapper.ui.window import MainWindow

Choice = Literal["recover", "discard", "later"]
CHOICES: tuple[Choice, ...] = ("recover", "discard", "later")


translate = QCoreApplication.translate


def entry_name(entry: Entry) -> str:
    """The saved file's name, or 'Untitled' and the map's title."""
    if entry.name is not None:
        return entry.name
    title = entry.meta.title if entry.meta is not None else ""
    if title:
        return translate("RecoveryDialog", "Untitled ({title})").format(title=title)
    return translate("RecoveryDialog", "Untitled")


def entry_details(entry: Entry) -> str:
    """'Autosaved 2026-10-05 09:12 · 3 unsaved changes', or why it cannot be recovered."""
    if entry.problem is not None or entry.meta is None:
        return translate("RecoveryDialog", "Cannot be recovered: {problem}").format(
            problem=str(entry.problem))
    when = local_time(entry.meta.saved_at)
    n = entry.meta.changes
    changes = translate("RecoveryDialog", "%n unsaved change(s)", None, n)
    return translate("RecoveryDialog", "Autosaved {when} · {changes}").format(
        when=when, changes=changes)


class RecoveryDialog(QDialog):
    """One row per map: its name, when it was autosaved, how many changes were
    not saved, where it was saved, and Recover / Discard / Later. Esc means
    Later for all of them."""

    def __init__(self, entries: list[Entry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_dialog")
        self.setWindowTitle(translate("RecoveryDialog", "Recover unsaved maps"))
        self.entries = entries
        self.groups: dict[str, QButtonGroup] = {}
        n = len(entries)
        heading = QLabel(translate("RecoveryDialog", "journeymapper did not close normally. "
                                   "%n map(s) had changes that were not saved:", None, n))
        heading.setWordWrap(True)
        rows = QWidget()
        column = QVBoxLayout(rows)
        for entry in entries:
            column.addWidget(self._row(entry))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(rows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("RecoveryDialog", "Continue"))
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(620, min(130 + 100 * len(entries), 560))

    def _row(self, entry: Entry) -> QWidget:
        frame = QFrame()
        frame.setObjectName(f"recovery_{entry.id}")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        name = QLabel(f"<b>{_escape(entry_name(entry))}</b>")
        details = QLabel(entry_details(entry))
        details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if entry.meta is not None and entry.meta.original:
            where = QLabel(translate("RecoveryDialog", "Saved as {path}").format(
                path=entry.meta.original))
        else:
            where = QLabel(translate("RecoveryDialog", "Never saved"))
        where.setToolTip(where.text())
        text = QVBoxLayout()
        for label in (name, details, where):
            label.setWordWrap(label is not where)
            text.addWidget(label)
        group = QButtonGroup(frame)
        radios = QHBoxLayout()
        damaged = entry.problem is not None
        labels = {"recover": translate("RecoveryDialog", "&Recover"),
                  "discard": translate("RecoveryDialog", "&Discard"),
                  "later": translate("RecoveryDialog", "&Later")}
        for number, choice in enumerate(CHOICES):
            button = QRadioButton(labels[choice])
            button.setObjectName(f"choice_{choice}")
            button.setEnabled(not (damaged and choice == "recover"))
            button.setChecked(choice == ("later" if damaged else "recover"))
            group.addButton(button, number)
            radios.addWidget(button)
        radios.addStretch(1)
        text.addLayout(radios)
        frame.setLayout(text)
        self.groups[entry.id] = group
        return frame

    def choices(self) -> dict[str, Choice]:
        """What was chosen for each map (Later for all when the dialog was closed)."""
        if self.result() != QDialog.DialogCode.Accepted:
            return {entry.id: "later" for entry in self.entries}
        return {record_id: CHOICES[group.checkedId()] for record_id, group in self.groups.items()}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ------------------------------------------------------------------ the offer at start
NewWindow = Callable[[], "MainWindow"]


def offer_recovery(window: MainWindow, new_window: NewWindow | None = None) -> list[MainWindow]:
    """Ask about every map a crashed journeymapper left unsaved; returns the
    windows that now show a recovered map. The first goes into ``window`` when
    it shows an untouched new map, the others into windows from ``new_window``."""
    store = window.autosave.store
    try:
        store.clean()
        entries = store.entries()
    except OSError as exc:
        window.show_message(translate(
            "RecoveryDialog", "Could not look for maps to recover: {reason}").format(
                reason=exc.strerror or exc))
        return []
    if not entries:
        return []
    choices = window.dialogs.recover(entries)
    shown: list[MainWindow] = []
    free = window.path is None and not window.is_dirty()
    for entry in entries:
        choice = choices.get(entry.id, "later")
        if choice == "discard":
            try:
                store.remove(entry.id)
            except JourneyError as exc:
                window.show_message(str(exc))
        elif choice == "recover" and entry.problem is None:
            if free and not shown:
                target = window
            elif new_window is not None:
                target = new_window()
            else:
                continue
            if recover_into(target, entry):
                shown.append(target)
            elif target is not window:
                target.close()
    return shown


def recover_into(window: MainWindow, entry: Entry) -> bool:
    """Show the map of ``entry`` in ``window``, modified, with its saved file as its path."""
    try:
        result = window.autosave.store.load(entry)
    except JourneyError as exc:
        window.dialogs.error(translate("RecoveryDialog", "Could not recover the map"), str(exc))
        return False
    assert entry.meta is not None
    original = Path(entry.meta.original) if entry.meta.original else None
    window.set_document(result.document, original, partial=True)
    window.autosave.adopt(entry)
    window.show_start()
    window.statusBar().showMessage(
        translate("RecoveryDialog", "Recovered {name} as autosaved {when}; save it to keep it"
                  ).format(
            name=entry_name(entry), when=local_time(entry.meta.saved_at)), 15000)
    return True
