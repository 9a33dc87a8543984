"""View > Language: the main window built again in another language.

Qt widgets keep the texts they were given, so a window changes language by
being replaced: a new window in the language now in force takes over the map,
its path and its undo history (a :class:`Handover`), with any unsaved changes,
and the old one closes without asking to save. A mixin of
:class:`journeymapper.ui.window.MainWindow`, as ``DocumentFiles`` is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from journeymapper.commands.base import UndoStack
from journeymapper.model.document import JourneyMap
from journeymapper.ui import language
from journeymapper.ui.dialogs import Dialogs

if TYPE_CHECKING:
    from journeymapper.ui.window import MainWindow


class LanguageSwitch:
    """The language switch of :class:`journeymapper.ui.window.MainWindow`."""

    def set_language(self: MainWindow, code: str) -> MainWindow:
        """View > Language: remember ``code`` and show the window in it. The
        window is built again in the new language and takes over the open map
        with its undo history and unsaved changes; returns the window now
        showing the map (``self`` when the language was already in force)."""
        language.remember(self.settings.qsettings, code)
        if language.current() == code:
            return self
        self.scene.editor.finish_editing()
        language.install(code)
        return self.rebuild()

    def rebuild(self: MainWindow) -> MainWindow:
        """A new window in the language in force, showing this window's map,
        path and undo history; this one closes without asking to save."""
        self.settings.save_window(self)
        handover = Handover(self.document, self.path, self.undo_stack)
        self.undo_stack.cleanChanged.disconnect(self.update_title)
        self.undo_stack.indexChanged.disconnect(self._stack_moved)
        self.history.setStack(None)
        self.handed_over = True
        successor = type(self)(self.settings.qsettings, self._extension_names, handover=handover)
        if not isinstance(self.dialogs, Dialogs):
            successor.dialogs = self.dialogs  # a scripted stand-in (tests) stays in charge
        successor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose,
                               self.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose))
        _ALIVE.append(successor)
        successor.destroyed.connect(lambda *_: _forget(successor))
        autosave = getattr(successor, "autosave", None)
        if autosave is not None and successor.is_dirty():
            autosave.save_now()  # the unsaved work is safe under the new window's record
            autosave.wait()
        if self.isVisible():
            successor.show()
        self.replaced.emit(successor)
        self.close()
        return successor


@dataclass(frozen=True)
class Handover:
    """What a window rebuilt in another language takes over from the old one."""

    document: JourneyMap
    path: Path | None
    undo_stack: UndoStack


#: Windows made by a language switch, kept alive until Qt deletes them.
_ALIVE: list[MainWindow] = []


def _forget(window: MainWindow) -> None:
    if window in _ALIVE:
        _ALIVE.remove(window)
