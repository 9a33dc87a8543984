"""Presentation mode (View > Present, F5; Esc leaves): the map alone on
the whole screen, for a room watching a projector.

Menus, toolbars and panels go away (and come back as they were), the
stage and lane names along the edges are set in type for the back of the
room, Page Down / Page Up step from stage to stage (the stage zoomed to
fill the screen, never below a size the room can read, the others dimmed),
Home / End go to the first / last stage, and a ring follows the mouse
pointer. The timer shows large; a revealed vote's ranking shows in a
corner. Typing, voting and the keyboard work as they always do; Esc first
cancels what is being typed or dragged, then leaves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QDockWidget, QToolBar

from journeymapper.canvas.decor import PointerHalo, Spotlight
from journeymapper.canvas.view import MAX_ZOOM
from journeymapper.layout import geometry as g

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from journeymapper.ui.window import MainWindow

READABLE = 1.5  # the least zoom in presentation mode: card text at 21 px
TYPE_SCALE = 1.5  # the names along the edges, larger


class Presentation(QObject):
    """Presentation mode of one window (see the module docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.active = False
        self.stage_index = 0
        self._saved: dict[str, Any] = {}
        self.spotlight = Spotlight()
        self.halo = PointerHalo()
        window.view.add_decoration(self.spotlight)
        window.view.add_decoration(self.halo)
        self.action = QAction(translate("Presentation", "&Present"), window)
        self.action.setObjectName("action_present")
        self.action.setShortcut(QKeySequence("F5"))
        self.action.setCheckable(True)
        self.action.setToolTip(
            translate(
                "Presentation",
                "Full screen for the room: stage by stage with Page Down and Page Up; Esc leaves",
            )
        )
        self.action.triggered.connect(self.set_active)
        window.menu_view.insertAction(window.action_full_screen, self.action)
        self.action_leave = QAction(translate("Presentation", "Leave Presentation\tEsc"), window)
        self.action_leave.setObjectName("action_leave_presentation")
        self.action_leave.triggered.connect(lambda _=False: self.set_active(False))
        self.action_leave.setEnabled(False)
        window.menu_view.insertAction(window.action_full_screen, self.action_leave)
        self.action_sticky = QAction(translate("Presentation", "Keep &Headers on Screen"), window)
        self.action_sticky.setObjectName("action_sticky_headers")
        self.action_sticky.setCheckable(True)
        self.action_sticky.setChecked(
            str(window.settings.qsettings.value("view/sticky_headers", "true")).lower() != "false"
        )
        self.action_sticky.toggled.connect(self.set_sticky)
        window.menu_view.insertAction(window.action_full_screen, self.action_sticky)
        self.set_sticky(self.action_sticky.isChecked())

    # ------------------------------------------------------------ on and off
    def set_sticky(self, on: bool) -> None:
        view = self.window.view
        view.sticky.visible = on
        view.sticky.update()
        self.window.settings.qsettings.setValue("view/sticky_headers", on)

    def set_active(self, on: bool) -> None:
        if on == self.active:
            self.action.setChecked(on)
            return
        if on:
            self.enter()
        else:
            self.leave()

    def enter(self) -> None:
        window, view = self.window, self.window.view
        window.scene.editor.finish_editing()
        self.active = True
        self.action.setChecked(True)
        docks = [d for d in window.findChildren(QDockWidget) if d.isVisible()]
        bars = [b for b in window.findChildren(QToolBar) if b.isVisible()]
        self._saved = {
            "state": window.windowState(),
            "docks": docks,
            "bars": bars,
            "menu": window.menuBar().isVisible(),
            "find": window.find_bar.isVisible(),
            "zoom": view.zoom(),
            "centre": view.mapToScene(view.viewport().rect().center()),
        }
        for widget in (*docks, *bars):
            widget.hide()
        self._saved["scrollbars"] = (view.horizontalScrollBarPolicy(), view.verticalScrollBarPolicy())
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        window.menuBar().hide()
        window.find_bar.hide()
        self.action_leave.setEnabled(True)
        window.setWindowState(window.windowState() | Qt.WindowState.WindowFullScreen)
        view.sticky.type_scale = TYPE_SCALE
        view.sticky.update()
        self.spotlight.visible = True
        self.halo.visible = True
        view.viewport().setMouseTracking(True)
        view.viewport().installEventFilter(self)
        view.installEventFilter(self)
        self._set_presenting(True)
        cell = window.scene.current_cell
        order = window.document.stage_order
        self.stage_index = order.index(cell[0]) if cell and cell[0] in order else 0
        self.go_to_stage(self.stage_index)
        view.setFocus()
        window.show_message(
            translate("Presentation", "Presenting: Page Down / Page Up step through the stages; Esc leaves")
        )

    def leave(self) -> None:
        window, view = self.window, self.window.view
        self.active = False
        self.action.setChecked(False)
        view.viewport().removeEventFilter(self)
        view.removeEventFilter(self)
        self.action_leave.setEnabled(False)
        saved = self._saved
        window.setWindowState(saved.get("state", Qt.WindowState.WindowNoState))
        window.menuBar().setVisible(saved.get("menu", True))
        for widget in (*saved.get("docks", []), *saved.get("bars", [])):
            widget.show()
        if saved.get("find"):
            window.find_bar.show()
        if "scrollbars" in saved:
            view.setHorizontalScrollBarPolicy(saved["scrollbars"][0])
            view.setVerticalScrollBarPolicy(saved["scrollbars"][1])
        view.sticky.type_scale = 1.0
        view.sticky.update()
        self.spotlight.visible = False
        self.halo.visible = False
        self.halo.at = None
        if "zoom" in saved:
            view.set_zoom(saved["zoom"])
            view.centerOn(saved["centre"])
        self._set_presenting(False)
        view.viewport().update()
        view.setFocus()

    def _set_presenting(self, on: bool) -> None:
        workshop = getattr(self.window, "workshop", None)
        if workshop is not None:
            workshop.presenting = on
            workshop.sync()

    # ------------------------------------------------------------ stages
    def go_to_stage(self, index: int) -> None:
        """Show stage ``index`` filling the screen (never below READABLE)."""
        window, view = self.window, self.window.view
        scene = window.scene
        order = window.document.stage_order
        if not order or scene.live is None:
            self.spotlight.stage = None
            return
        self.stage_index = max(0, min(len(order) - 1, index))
        stage = order[self.stage_index]
        x, y, w, h = scene.live.geo.columns[stage]
        lanes_px = 180 * TYPE_SCALE  # the lane names along the left edge, at most
        port = view.viewport().size()
        fit = min((port.width() + view.sticky.margins[0] - lanes_px - 40) / w, (port.height() - 24) / h)
        zoom = max(READABLE, min(MAX_ZOOM, fit))
        view.set_zoom(zoom)
        for _ in range(2):  # the band of lane names comes (or goes) as the map moves
            port = view.viewport().size()
            left = x - 20 / zoom
            top = y - (g.ARC_ROOM * 0.2 if fit >= READABLE else 8 / zoom)
            view.centerOn(QPointF(left + port.width() / zoom / 2, top + port.height() / zoom / 2))
        self.spotlight.stage = stage
        scene.current_cell = (stage, scene.current_cell[1]) if scene.current_cell else scene.default_cell()
        view.viewport().update()

    def stage_rect(self) -> QRectF:
        """The scene rect of the stage shown (for tests and Follow me)."""
        scene = self.window.scene
        if self.spotlight.stage is None or scene.live is None:
            return QRectF()
        return QRectF(*scene.live.geo.columns[self.spotlight.stage])

    # ------------------------------------------------------------ keys and pointer
    def eventFilter(self, watched: Any, event: QEvent) -> bool:  # noqa: N802 - Qt API
        view = self.window.view
        kind = event.type()
        if watched is view.viewport():
            if kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
                self.halo.move_to(view, event.position().toPoint())
            elif kind == QEvent.Type.Leave:
                self.halo.move_to(view, None)
            return False
        if watched is view and kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(event)
        return False

    def _key(self, event: QKeyEvent) -> bool:
        editor = self.window.scene.editor
        if editor.is_editing() or event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False
        key = event.key()
        if key == Qt.Key.Key_Escape:
            if editor.cancel_gesture():
                return True
            self.leave()
            return True
        steps = {Qt.Key.Key_PageDown: 1, Qt.Key.Key_PageUp: -1}
        if key in steps:
            self.go_to_stage(self.stage_index + steps[key])
            return True
        if key == Qt.Key.Key_Home:
            self.go_to_stage(0)
            return True
        if key == Qt.Key.Key_End:
            self.go_to_stage(len(self.window.document.stage_order) - 1)
            return True
        return False


def install(window: MainWindow) -> None:
    window.presentation = Presentation(window)
