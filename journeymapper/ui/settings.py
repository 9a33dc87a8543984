"""What the window remembers between runs: recent files, geometry, dock
layout and the last folder, kept in QSettings.

The QSettings object is passed in, so tests give the window a settings file
under a temporary folder and never touch the user's real settings.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

MAX_RECENT = 10
STATE_VERSION = 1


def _as_list(value: object) -> list[str]:
    """QSettings returns one string, a list or None for a stored list."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if isinstance(v, str) and v]
    return []


class AppSettings:
    """A typed view on the app's QSettings."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.qsettings = settings if settings is not None else QSettings()

    # ------------------------------------------------------------ recent files
    def recent_files(self) -> list[str]:
        return _as_list(self.qsettings.value("files/recent"))[:MAX_RECENT]

    def add_recent(self, path: str | os.PathLike[str]) -> list[str]:
        """Put ``path`` first in the recent list (no duplicates, at most MAX_RECENT)."""
        full = str(Path(path).resolve())
        items = [full] + [p for p in self.recent_files() if p != full]
        self._set_recent(items[:MAX_RECENT])
        return self.recent_files()

    def remove_recent(self, path: str) -> None:
        self._set_recent([p for p in self.recent_files() if p != path])

    def clear_recent(self) -> None:
        self._set_recent([])

    def _set_recent(self, items: list[str]) -> None:
        self.qsettings.setValue("files/recent", items)
        self.qsettings.sync()

    # ------------------------------------------------------------ folders
    @property
    def last_folder(self) -> str:
        folder = self.qsettings.value("files/last_folder", "")
        return folder if isinstance(folder, str) and os.path.isdir(folder) else str(Path.home())

    @last_folder.setter
    def last_folder(self, folder: str) -> None:
        self.qsettings.setValue("files/last_folder", folder)

    # ------------------------------------------------------------ start-up
    @property
    def reopen_last(self) -> bool:
        """Open the last map again when the app starts (on unless turned off)."""
        value = self.qsettings.value("start/reopen_last", True)
        return value not in (False, "false", "0", 0)

    @reopen_last.setter
    def reopen_last(self, on: bool) -> None:
        self.qsettings.setValue("start/reopen_last", bool(on))
        self.qsettings.sync()

    @property
    def last_map(self) -> str:
        """The file of the map shown last ('' when it had none)."""
        value = self.qsettings.value("start/last_map", "")
        return value if isinstance(value, str) else ""

    @last_map.setter
    def last_map(self, path: str) -> None:
        self.qsettings.setValue("start/last_map", path)
        self.qsettings.sync()

    # ------------------------------------------------------------ window
    def save_window(self, window: QMainWindow) -> None:
        self.qsettings.setValue("window/geometry", window.saveGeometry())
        self.qsettings.setValue("window/state", window.saveState(STATE_VERSION))
        self.qsettings.sync()

    def restore_window(self, window: QMainWindow) -> bool:
        """Restore geometry and dock layout; False when nothing was stored."""
        geometry = self.qsettings.value("window/geometry")
        state = self.qsettings.value("window/state")
        restored = False
        if isinstance(geometry, (QByteArray, bytes)) and geometry:
            restored = window.restoreGeometry(QByteArray(geometry))
        if isinstance(state, (QByteArray, bytes)) and state:
            window.restoreState(QByteArray(state), STATE_VERSION)
        return restored
