"""The main window: the map view in the middle, the inspector, personas and
undo history as docks, the menus, the find bar and the status bar. What the
File menu does is in ui/files.py (``DocumentFiles``), what the panels ask for
in ui/panel_edits.py (``PanelEdits``), View > Language in ui/language_switch.py
(``LanguageSwitch``): mixins of :class:`MainWindow`.

Extension points for other features (see docs/architecture.md):
``menu_file`` with :meth:`MainWindow.add_file_action`, :meth:`add_panel`,
``drop_handlers``, and the public ``document``, ``undo_stack``, ``scene``,
``view`` and ``path`` attributes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QSettings, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QUndoCommand,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from journeymapper.canvas.scene import MapScene
from journeymapper.canvas.view import MapView
from journeymapper.commands.base import UndoStack
from journeymapper.model.document import JourneyMap
from journeymapper.model.errors import JourneyError
from journeymapper.ui import heap, language, theme
from journeymapper.ui.canvas_menu import CanvasMenu
from journeymapper.ui.dialogs import Dialogs
from journeymapper.ui.files import DocumentFiles
from journeymapper.ui.find import FindBar
from journeymapper.ui.inspector import Inspector
from journeymapper.ui.language_switch import Handover, LanguageSwitch
from journeymapper.ui.map_actions import MapActions
from journeymapper.ui.panel_edits import PanelEdits
from journeymapper.ui.personas import PersonasPanel
from journeymapper.ui.scores_panel import ScoresPanel
from journeymapper.ui.settings import AppSettings
from journeymapper.ui.toolbar import MainToolBar

translate = QCoreApplication.translate
DropHandler = Callable[[str], bool]
#: Modules whose ``install(window)`` adds their actions, panels and drop handlers.
EXTENSIONS: tuple[str, ...] = (
    "journeymapper.ui.survey_dialog",
    "journeymapper.ui.export_action",
    "journeymapper.ui.autosave",
    "journeymapper.ui.startup",
    "journeymapper.ui.session_ui",
    "journeymapper.ui.workshop",
    "journeymapper.ui.presentation",
    "journeymapper.ui.capture",
    "journeymapper.ui.shortcuts",
    "journeymapper.ui.review",
)
DOCK_WIDTH = 340
READABLE_ZOOM = 0.6  # below this the cards' text is not drawn


class MainWindow(DocumentFiles, PanelEdits, LanguageSwitch, QMainWindow):
    """One map in one window. Public: ``document``, ``path``, ``undo_stack``,
    ``scene``, ``view``, ``menu_file``, ``drop_handlers``, ``dialogs``.
    Signals: ``document_changed(doc)`` after another map is shown, ``closed()``
    once the window has agreed to close, ``replaced(window)`` when View >
    Language rebuilt the window."""

    document_changed = Signal(object)
    closed = Signal()
    replaced = Signal(object)

    def __init__(self, settings: QSettings | None = None,
                 extensions: Iterable[str] = EXTENSIONS, parent: QWidget | None = None,
                 handover: Handover | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.settings = AppSettings(settings)
        language.ensure_installed(self.settings.qsettings)
        self.dialogs: Any = Dialogs(self)
        self.undo_stack = handover.undo_stack if handover is not None else UndoStack()
        self.undo_stack.setParent(self)
        self.handed_over = False
        self._extension_names = tuple(extensions)
        self.document: JourneyMap = JourneyMap()
        self.path: Path | None = None
        self.drop_handlers: list[DropHandler] = []
        self._document_panels: list[Any] = []
        self.dark = theme.system_is_dark()
        self._shown = False
        #: a word after the map's name in the title (a session says it is in one)
        self.title_note = ""

        self.scene = MapScene(self)
        self.view = MapView(self.scene)
        self.view.setObjectName("map_view")
        self.scene.set_dark(self.dark)
        self.find_bar = FindBar()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.find_bar)
        column.addWidget(self.view, 1)
        self.setCentralWidget(central)

        self.inspector = Inspector(self.pick_colour)
        self.personas = PersonasPanel(self.pick_colour)
        self.history = QUndoView(self.undo_stack)
        self.history.setObjectName("history")
        self.history.setEmptyLabel(translate("MainWindow", "<opened map>"))
        self.history_dock: QDockWidget | None = None
        self.inspector_dock = self.add_panel(self.inspector, translate("MainWindow", "Inspector"),
                                             "inspector")
        self.personas_dock = self.add_panel(self.personas, translate("MainWindow", "Personas"),
                                            "personas")
        self.history_dock = self.add_panel(self.history, translate("MainWindow", "History"), "history")
        self.tabifyDockWidget(self.personas_dock, self.history_dock)
        self._document_panels.append(self.find_bar)
        self.resizeDocks([self.inspector_dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        self.resizeDocks([self.inspector_dock, self.personas_dock], [3, 2],
                         Qt.Orientation.Vertical)

        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoom_label")
        self.statusBar().addPermanentWidget(self.zoom_label)
        self._build_menus()
        self.toolbar = MainToolBar(self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.menu_view.insertAction(self.action_full_screen, self.toolbar.toggleViewAction())
        self.canvas_menu = CanvasMenu(self)
        self._connect()
        self.scores = ScoresPanel(self.push)
        self.scores_dock = self.add_panel(self.scores, translate("MainWindow", "Scores"), "scores")
        self.extensions = [importlib.import_module(name) for name in extensions]
        for module in self.extensions:
            module.install(self)
        self.personas_dock.raise_()

        self.setAcceptDrops(True)
        self.view.viewport().installEventFilter(self)
        self.resize(1280, 800)
        self.settings.restore_window(self)
        if handover is None:
            self.set_document(self.start_document(), None)
        else:
            self.set_document(handover.document, handover.path, keep_history=True)

    # ------------------------------------------------------------ extension points
    def add_file_action(self, text: str, slot: Callable[[], object],
                        shortcut: str | QKeySequence | None = None,
                        position: Literal["import", "export"] = "import",
                        toolbar: tuple[str, str] | None = None) -> QAction:
        """Add an action to the File menu's import or export group; with
        ``toolbar=(icon name, label)`` (see ui.icons) also to the toolbar."""
        anchor = self._import_end if position == "import" else self._export_end
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: self._run_file_action(slot))
        self.menu_file.insertAction(anchor, action)
        if toolbar is not None:
            self.toolbar.add_file_action(action, *toolbar)
        return action

    def _run_file_action(self, slot: Callable[[], object]) -> None:
        """Commit the card being typed first: an export or import sees the map as shown."""
        self.scene.editor.finish_editing()
        slot()

    def add_panel(self, widget: QWidget, title: str, name: str,
                  area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
                  ) -> QDockWidget:
        """Put ``widget`` in a dock (remembered in the window state as ``name``)
        and list it in View > Panels. Panels added after the built-in ones
        share the tabs of the History panel. A widget with
        ``set_document(doc | None)`` is told about every map the window shows."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{name}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        if self.history_dock is not None and area == self.dockWidgetArea(self.history_dock):
            self.tabifyDockWidget(self.history_dock, dock)
        if callable(getattr(widget, "set_document", None)):
            self._document_panels.append(widget)
        menu = getattr(self, "menu_panels", None)
        if menu is not None:
            menu.addAction(dock.toggleViewAction())
        return dock

    # ------------------------------------------------------------ menus
    def _action(self, menu: Any, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | str | QKeySequence.StandardKey | None = None,
                name: str = "") -> QAction:
        action = QAction(text, self)
        if name:
            action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        key = QKeySequence.StandardKey
        self.menu_file = bar.addMenu(translate("MainWindow", "&File"))
        f = self.menu_file
        self.action_new = self._action(f, translate("MainWindow", "&New…"), self.new_map, key.New,
                                       "action_new")
        self.action_open = self._action(f, translate("MainWindow", "&Open…"), self.open_map,
                                        key.Open, "action_open")
        self.menu_recent = f.addMenu(translate("MainWindow", "Open &Recent"))
        self.menu_recent.aboutToShow.connect(self.fill_recent_menu)
        f.addSeparator()
        self.action_save = self._action(f, translate("MainWindow", "&Save"), self.save, key.Save,
                                        "action_save")
        self.action_save_as = self._action(f, translate("MainWindow", "Save &As…"), self.save_as,
                                           key.SaveAs, "action_save_as")
        f.addSeparator()
        # Import actions are inserted before _import_end, export actions before _export_end.
        self._import_end = f.addSeparator()
        self._export_end = f.addSeparator()
        self.action_quit = self._action(f, translate("MainWindow", "&Quit"), self.close, key.Quit,
                                        "action_quit")

        self.menu_edit = bar.addMenu(translate("MainWindow", "&Edit"))
        e = self.menu_edit
        self.action_undo = self.undo_stack.createUndoAction(self, translate("MainWindow", "&Undo"))
        self.action_undo.setShortcut(key.Undo)
        self.action_redo = self.undo_stack.createRedoAction(self, translate("MainWindow", "&Redo"))
        redo_keys = QKeySequence.keyBindings(key.Redo)
        if QKeySequence("Ctrl+Y") not in redo_keys:
            redo_keys.append(QKeySequence("Ctrl+Y"))
        self.action_redo.setShortcuts(redo_keys)
        e.addAction(self.action_undo)
        e.addAction(self.action_redo)
        e.addSeparator()
        # The canvas handles these keys itself (and leaves them to its inline
        # editor while one is open), so the menu only shows them.
        scene = self.scene
        for text, slot, keys, name in (
            (QT_TRANSLATE_NOOP("MainWindow", "Cu&t"), scene.editor.cut_selection, key.Cut, "action_cut"),
            (QT_TRANSLATE_NOOP("MainWindow", "&Copy"), scene.editor.copy_selection, key.Copy,
             "action_copy"),
            (QT_TRANSLATE_NOOP("MainWindow", "&Paste"), scene.editor.paste, key.Paste, "action_paste"),
            (QT_TRANSLATE_NOOP("MainWindow", "D&uplicate"), scene.editor.duplicate_selection, "Ctrl+D",
             "action_duplicate"),
            (QT_TRANSLATE_NOOP("MainWindow", "&Delete"), scene.editor.delete_selection, key.Delete,
             "action_delete"),
            (QT_TRANSLATE_NOOP("MainWindow", "Select &all"), scene.editor.select_all, key.SelectAll,
             "action_select_all"),
        ):
            hint = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
            label = translate("MainWindow", text)
            self._action(e, f"{label}\t{hint}", slot, None, name)
        e.addSeparator()
        self.action_find = self._action(e, translate("MainWindow", "&Find…"),
                                        self.find_bar.open_bar, key.Find, "action_find")
        self.action_find_next = self._action(e, translate("MainWindow", "Find &next"),
                                             self.find_next, key.FindNext, "action_find_next")
        self.action_find_previous = self._action(e, translate("MainWindow", "Find &previous"),
                                                 self.find_previous, key.FindPrevious,
                                                 "action_find_previous")

        self.menu_view = bar.addMenu(translate("MainWindow", "&View"))
        v = self.menu_view
        self.action_zoom_in = self._action(v, translate("MainWindow", "Zoom &in"), self.zoom_in,
                                           key.ZoomIn, "action_zoom_in")
        self.action_zoom_out = self._action(v, translate("MainWindow", "Zoom &out"),
                                            self.zoom_out, key.ZoomOut, "action_zoom_out")
        self.action_reset_zoom = self._action(v, translate("MainWindow", "&Actual size (100%)"),
                                              self.reset_zoom, "Ctrl+0", "action_reset_zoom")
        self.action_fit = self._action(v, translate("MainWindow", "&Fit map"), self.fit_map,
                                       "Ctrl+9", "action_fit")
        self.action_zoom_selection = self._action(v, translate("MainWindow", "Zoom to &selection"),
                                                  self.zoom_to_selection, "Ctrl+8",
                                                  "action_zoom_selection")
        v.addSeparator()
        self.menu_panels = v.addMenu(translate("MainWindow", "&Panels"))
        for dock in (self.inspector_dock, self.personas_dock, self.history_dock):
            self.menu_panels.addAction(dock.toggleViewAction())
        self.menu_language = v.addMenu(translate("MainWindow", "&Language"))
        self.menu_language.setObjectName("menu_language")
        self.language_actions = language.build_menu(self.menu_language, self.set_language)
        self.action_full_screen = self._action(v, translate("MainWindow", "F&ull screen"),
                                               self.toggle_full_screen, key.FullScreen,
                                               "action_full_screen")

        self.menu_map = bar.addMenu(translate("MainWindow", "&Map"))
        self.map_actions = MapActions(self, self.menu_map)

        self.menu_help = bar.addMenu(translate("MainWindow", "&Help"))
        self._action(self.menu_help, translate("MainWindow", "&About journeymapper"),
                     self.about)

    def _connect(self) -> None:
        # Bound methods only: Qt drops them when the window goes, lambdas would outlive it.
        self.undo_stack.cleanChanged.connect(self.update_title)
        self.undo_stack.indexChanged.connect(self._stack_moved)
        self.scene.selection_ids_changed.connect(self._selection_changed)
        self.inspector.lane_edited.connect(self.edit_lane)
        self.scene.message.connect(self.show_message)
        self.inspector.field_edited.connect(self.edit_field)
        self.inspector.meta_edited.connect(self.edit_meta)
        self.inspector.problem.connect(self.show_message)
        self.personas.field_edited.connect(self.edit_field)
        self.personas.form.problem.connect(self.show_message)
        self.personas.add_requested.connect(self.add_persona)
        self.personas.remove_requested.connect(self.remove_persona)
        self.personas.filter_changed.connect(self.scene.set_persona_filter)
        self.find_bar.highlight.connect(self.scene.highlight_ids)
        self.find_bar.go_to.connect(self._go_to_match)
        self.find_bar.closed.connect(self.view.setFocus)
        self.view.zoom_changed.connect(self.show_zoom)
        self.view.context_menu_requested.connect(self.canvas_menu.popup)
        self.scene.confirm = self.confirm
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.styleHints().colorSchemeChanged.connect(self._scheme_changed)

    def show_message(self, text: str) -> None:
        """A passing message in the status bar (refused links, bad values, ...)."""
        self.statusBar().showMessage(text, 8000)

    def confirm(self, question: str) -> bool:
        return bool(self.dialogs.confirm(question))

    # ------------------------------------------------------------ document
    def set_document(self, doc: JourneyMap, path: Path | None, partial: bool = False,
                     keep_history: bool = False) -> None:
        """Show ``doc``; a fresh undo history, clean unless ``partial``
        (``keep_history``: the undo stack's commands are ``doc``'s already)."""
        for panel in self._document_panels:
            panel.set_document(None)
        self.scene.clear_document()
        if not keep_history:
            self.undo_stack.clear()
        self.document = doc
        self.path = path
        self.scene.set_document(doc, self.undo_stack)
        for panel in self._document_panels:
            panel.set_document(doc)
        if partial:
            self.undo_stack.resetClean()
        self.update_title()
        self.show_zoom()
        self.map_actions.update_enabled()
        self.document_changed.emit(doc)
        heap.settle()

    def update_title(self, *_changed: object) -> None:
        self.setWindowTitle(translate("MainWindow", "{name}[*] — journeymapper")
                            .format(name=self.display_name() + self.title_note))
        self.setWindowModified(self.is_dirty())

    def push(self, command: QUndoCommand) -> bool:
        """Run ``command`` through the undo stack; a refused change becomes a
        status message instead of an error."""
        try:
            self.undo_stack.push(command)
        except JourneyError as exc:
            self.statusBar().showMessage(str(exc), 8000)
            return False
        return True

    def _stack_moved(self, _index: int) -> None:
        self.update_title()
        self.map_actions.update_enabled()

    def _selection_changed(self, ids: list[str]) -> None:
        lane = self.scene.selected_lane() if not ids else None
        if lane is not None:
            self.inspector.show_lane(lane)
        else:
            self.inspector.show_ids(ids)
        self.map_actions.update_enabled()

    # ------------------------------------------------------------ find
    def find_next(self) -> None:
        if not self.find_bar.isVisible():
            self.find_bar.open_bar()
        else:
            self.find_bar.find_next()

    def find_previous(self) -> None:
        if not self.find_bar.isVisible():
            self.find_bar.open_bar()
        else:
            self.find_bar.find_previous()

    def _go_to_match(self, element_id: str) -> None:
        self.scene.select_ids([element_id])
        self.view.center_on_id(element_id)

    # ------------------------------------------------------------ view
    def zoom_in(self) -> None:
        self.view.zoom_in()
        self.show_zoom()

    def zoom_out(self) -> None:
        self.view.zoom_out()
        self.show_zoom()

    def reset_zoom(self) -> None:
        self.view.reset_zoom()
        self.show_zoom()

    def fit_map(self) -> None:
        self.view.fit_map()
        self.show_zoom()

    def show_start(self) -> None:
        """A freshly opened map: all of it when its text stays readable,
        else readable from the top-left corner (the stages and persona)."""
        self.view.fit_map()
        if self.view.zoom() < READABLE_ZOOM:
            self.view.set_zoom(READABLE_ZOOM)
            rect = self.scene.map_rect()
            self.view.centerOn(rect.left() + self.view.viewport().width() / READABLE_ZOOM / 2,
                               rect.top() + self.view.viewport().height() / READABLE_ZOOM / 2)
        self.show_zoom()

    def zoom_to_selection(self) -> None:
        if not self.scene.selected_ids():
            self.statusBar().showMessage(
                translate("MainWindow", "Select something to zoom to"), 4000)
            return
        self.view.zoom_to_selection()
        self.show_zoom()

    def zoom_percent(self) -> int:
        return round(self.view.zoom() * 100)

    def show_zoom(self, *_zoom: object) -> None:
        self.zoom_label.setText(translate("MainWindow", "{percent}%").format(
            percent=QLocale().toString(self.zoom_percent())))

    def toggle_full_screen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    def _scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        """The system switched between light and dark: so do the widgets and the map."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.dark = theme.apply_theme(app, scheme == Qt.ColorScheme.Dark)
            self.scene.set_dark(self.dark)
            self.toolbar.refresh_icons()

    def about(self) -> None:
        from journeymapper import __version__

        self.dialogs.information(
            translate("MainWindow", "About journeymapper"),
            translate(
                "MainWindow", "journeymapper {version}\nCustomer journey maps for workshops, "
                "survey reviews and stakeholder reports.").format(version=__version__))

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            self.show_start()
            self.view.setFocus()  # keyboard first: N adds a card straight away

    # ------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if not self.handed_over and not self.maybe_save("closing"):
            event.ignore()
            return
        self.settings.save_window(self)
        self.closed.emit()
        for panel in self._document_panels:
            panel.set_document(None)
        self.scene.clear_document()
        if not self.handed_over:  # the commands go with the window
            self.undo_stack.clear()
        event.accept()

