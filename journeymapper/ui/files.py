"""New, Open, Save, Save As, Open Recent, dropped files and the
unsaved-changes question, as a mixin of the main window.

A file that cannot be read leaves the current map as it was and says why in
one line; a partially loaded file opens with a warning listing what was
repaired, and counts as modified so saving it writes the repaired map.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent

from journeymapper.io import jmap
from journeymapper.model.document import JourneyMap
from journeymapper.model.errors import JourneyError
from journeymapper.templates import new_from_template, template_for_language
from journeymapper.ui import language

if TYPE_CHECKING:
    from journeymapper.ui.window import MainWindow

MAP_SUFFIX = ".jmap"
translate = QCoreApplication.translate


class DocumentFiles:
    """File handling for :class:`journeymapper.ui.window.MainWindow`."""

    # ------------------------------------------------------------ state
    def is_dirty(self: MainWindow) -> bool:
        return not self.undo_stack.isClean()

    def display_name(self: MainWindow) -> str:
        return self.path.name if self.path is not None else translate("DocumentFiles", "Untitled")

    def maybe_save(self: MainWindow, action: str) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved changes.

        Returns True when it is fine to go on with ``action`` ("closing",
        "opening", "new": see ``Dialogs.ask_unsaved``). A card still
        being typed is committed first, so it counts as a change."""
        self.scene.editor.finish_editing()
        if not self.is_dirty():
            return True
        answer = self.dialogs.ask_unsaved(self.display_name(), action)
        if answer == "save":
            return self.save()
        return answer == "discard"

    # ------------------------------------------------------------ new / open
    def new_map(self: MainWindow) -> bool:
        """File > New: ask about unsaved changes, then pick a template."""
        if not self.maybe_save("new"):
            return False
        choice = self.dialogs.choose_template()
        if choice is None:
            return False
        name, title = choice
        try:
            doc = new_from_template(name, title)
        except JourneyError as exc:
            self.dialogs.error(translate("DocumentFiles", "Could not create the map"), str(exc))
            return False
        self.set_document(doc, None)
        self.show_start()
        return True

    def open_map(self: MainWindow) -> bool:
        """File > Open: ask about unsaved changes, then choose a file."""
        if not self.maybe_save("opening"):
            return False
        path = self.dialogs.open_path(self.settings.last_folder)
        if not path:
            return False
        return self.open_path(path, ask=False)

    def open_path(self: MainWindow, path: str | Path, ask: bool = True) -> bool:
        """Open ``path``; on failure show why and keep the current map."""
        if ask and not self.maybe_save("opening"):
            return False
        target = Path(path)
        try:
            result = jmap.load(target)
        except JourneyError as exc:
            self.dialogs.error(translate("DocumentFiles", "Could not open the map"), str(exc))
            return False
        except OSError as exc:
            self.dialogs.error(translate("DocumentFiles", "Could not open the map"),
                               f"{target}: {exc.strerror or exc}")
            return False
        self.set_document(result.document, target.resolve(), partial=bool(result.problems))
        self.settings.add_recent(target)
        self.settings.last_folder = str(target.resolve().parent)
        self.show_start()
        if result.problems:
            count = len(result.problems)
            self.dialogs.warning(
                translate("DocumentFiles", "Map partially loaded"),
                translate("DocumentFiles", "{name} was partially loaded: %n problem(s) repaired. "
                          "Saving writes the repaired map.", None, count).format(name=target.name),
                [str(problem) for problem in result.problems])
        elif result.migrated_from is not None:
            self.statusBar().showMessage(
                translate("DocumentFiles", "{name} is in the older format version {version}; "
                          "saving it writes the current format").format(
                              name=target.name, version=result.migrated_from), 8000)
        else:
            self.statusBar().showMessage(
                translate("DocumentFiles", "Opened {path}").format(path=target), 4000)
        return True

    # ------------------------------------------------------------ save
    def save(self: MainWindow) -> bool:
        """File > Save; the card being typed (Ctrl+S before Enter) is saved too."""
        self.scene.editor.finish_editing()
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self: MainWindow) -> bool:
        self.scene.editor.finish_editing()
        if self.path is not None:
            suggestion = str(self.path)
        else:
            safe = "".join(c for c in self.document.title if c not in '\\/:*?"<>|').strip()
            suggestion = str(Path(self.settings.last_folder) / f"{safe or 'journey'}{MAP_SUFFIX}")
        path = self.dialogs.save_path(suggestion)
        if not path:
            return False
        return self.save_to(Path(path))

    def save_to(self: MainWindow, path: Path) -> bool:
        """Write the map atomically (keeping a .bak) and mark it clean."""
        try:
            jmap.save(self.document, path)
        except JourneyError as exc:
            self.dialogs.error(translate("DocumentFiles", "Could not save the map"), str(exc))
            return False
        self.path = path.resolve()
        self.undo_stack.setClean()
        self.settings.add_recent(self.path)
        self.settings.last_folder = str(self.path.parent)
        self.update_title()
        self.statusBar().showMessage(
            translate("DocumentFiles", "Saved {path}").format(path=self.path), 4000)
        return True

    # ------------------------------------------------------------ recent files
    def fill_recent_menu(self: MainWindow) -> None:
        menu = self.menu_recent
        menu.clear()
        recent = self.settings.recent_files()
        for number, path in enumerate(recent, start=1):
            name = Path(path).name.replace("&", "&&")
            action = QAction(translate("DocumentFiles", "&{number} {name}").format(
                number=number % 10, name=name), menu)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))
            menu.addAction(action)
        if not recent:
            empty = menu.addAction(translate("DocumentFiles", "No recent maps"))
            empty.setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction(translate("DocumentFiles", "Clear recent maps"))
        clear.setEnabled(bool(recent))
        clear.triggered.connect(self.settings.clear_recent)

    def open_recent(self: MainWindow, path: str) -> bool:
        if not self.maybe_save("opening"):
            return False
        if not Path(path).is_file():
            self.settings.remove_recent(path)
            self.dialogs.error(translate("DocumentFiles", "Could not open the map"),
                               translate("DocumentFiles", "{path}: no such file (removed from "
                                         "the recent maps)").format(path=path))
            return False
        return self.open_path(path, ask=False)

    def start_document(self: MainWindow) -> JourneyMap:
        """The map a new window starts with: the e-commerce template in the
        interface's language (Korean: ecommerce-ko), unmodified."""
        return new_from_template(template_for_language(language.current(), "ecommerce"))

    # ------------------------------------------------------------ drag and drop
    def _local_paths(self: MainWindow, event: QDragEnterEvent | QDropEvent) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self: MainWindow, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if self._local_paths(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self: MainWindow, event: Any) -> None:  # noqa: N802 - Qt API
        if self._local_paths(event):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self: MainWindow, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        paths = self._local_paths(event)
        if not paths:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        # Open after the drop has finished, so a question does not run inside the drag.
        QTimer.singleShot(0, lambda: self.open_dropped(paths[0]))

    def open_dropped(self: MainWindow, path: str) -> bool:
        """A dropped file: a .jmap opens, anything else goes to ``drop_handlers``."""
        if path.lower().endswith(MAP_SUFFIX):
            return self.open_path(path)
        for handler in self.drop_handlers:
            if handler(path):
                return True
        self.statusBar().showMessage(
            translate("DocumentFiles", "{name}: cannot open this file here (expected a {suffix} "
                      "map)").format(name=Path(path).name, suffix=MAP_SUFFIX), 8000)
        return False

    def eventFilter(self: MainWindow, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """File drags over the map view go to the window, not the canvas."""
        kind = event.type()
        if watched is self.view.viewport():
            if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and \
                    self._local_paths(event):  # type: ignore[arg-type]
                event.acceptProposedAction()  # type: ignore[attr-defined]
                return True
            if kind == QEvent.Type.Drop and self._local_paths(event):  # type: ignore[arg-type]
                self.dropEvent(event)  # type: ignore[arg-type]
                return True
        return super().eventFilter(watched, event)
