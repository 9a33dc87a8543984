"""What the app shows when it starts: the file given on the command line;
else any map a crash left unsaved (see ui/recovery_dialog.py); else the last
map, when File > Reopen Last Map at Start is on (it is unless turned off).

A last map that is no longer there is said in the status bar, not a dialog.
The last map is the file the window showed when it closed (none when it
showed an untitled map), or after a crash the last one it opened or saved.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtGui import QAction

from journeymapper.ui.recovery_dialog import NewWindow, offer_recovery

if TYPE_CHECKING:
    from journeymapper.ui.window import MainWindow


translate = QCoreApplication.translate


def start(window: MainWindow, path: str | None = None,
          new_window: NewWindow | None = None) -> list[MainWindow]:
    """Fill a freshly shown window; returns the other windows it opened
    (for recovered maps beyond the first)."""
    if path:
        window.open_path(path, ask=False)
    recovered = offer_recovery(window, new_window)
    if not path and window not in recovered:
        reopen_last(window)
    others = [w for w in recovered if w is not window]
    for number, other in enumerate(others, start=1):
        other.move(window.pos() + QPoint(32 * number, 32 * number))
    return others


def reopen_last(window: MainWindow) -> bool:
    """Open the last map again when the setting is on; False when nothing was opened."""
    settings = window.settings
    last = settings.last_map
    if not settings.reopen_last or not last:
        return False
    if not Path(last).is_file():
        window.show_message(translate("Startup", "The last map, {path}, is no longer there"
                                      ).format(path=last))
        return False
    return window.open_path(last, ask=False)


class LastMap:
    """Keeps ``settings.last_map`` up to date and puts the setting in the File menu."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.action = QAction(translate("Startup", "Reopen Last Map at Start"), window)
        self.action.setObjectName("action_reopen_last")
        self.action.setCheckable(True)
        self.action.setChecked(window.settings.reopen_last)
        self.action.toggled.connect(self._toggled)
        menu = window.menu_file
        actions = menu.actions()
        after = actions.index(window.menu_recent.menuAction()) + 1
        menu.insertAction(actions[after] if after < len(actions) else None, self.action)
        window.document_changed.connect(self._remember)
        window.undo_stack.cleanChanged.connect(self._remember)
        window.closed.connect(self._closed)

    def _toggled(self, on: bool) -> None:
        self.window.settings.reopen_last = on

    def _remember(self, *_args: object) -> None:
        if self.window.path is not None:
            self.window.settings.last_map = str(self.window.path)

    def _closed(self) -> None:
        path = self.window.path
        self.window.settings.last_map = str(path) if path is not None else ""


def install(window: MainWindow) -> None:
    window.startup = LastMap(window)

