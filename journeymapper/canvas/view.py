"""MapView: the window onto a MapScene, with zoom, pan and fit.

Ctrl+wheel, a pinch (QNativeGestureEvent) or Ctrl +/- zoom; Ctrl+0 resets;
space-drag or the middle button pans; dragging on empty canvas draws a
rubber band. Zoomed far out on a big map, the scene paints an overview.
The stage and lane headers stay on screen when they scroll away
(``sticky``, canvas/sticky.py); decorations (canvas/decor.py) are painted
over the map in viewport pixels.

Signals: ``zoom_changed(float)`` with the new scale (1.0 = 100%);
``context_menu_requested(QPointF, QPoint)`` with the scene point and the
screen point of a right-click (or the menu key: the selection's centre),
so the window can offer a menu for what is there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QWidget

from journeymapper.canvas.decor import Decoration
from journeymapper.canvas.scene import MapScene
from journeymapper.canvas.sticky import StickyHeaders

MIN_ZOOM, MAX_ZOOM = 0.01, 4.0
STEP = 1.25
OVERVIEW_BELOW = 0.3


class MapView(QGraphicsView):
    """Shows a MapScene; see the module docstring for the gestures."""

    zoom_changed = Signal(float)
    context_menu_requested = Signal(QPointF, QPoint)

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self._map_scene = scene  # the view does not own its scene in Qt: keep it alive
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlags(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self._space = False
        self._pan_from: QPoint | None = None
        self._band = QRectF()  # the rubber band's last area, for the overview
        self.rubberBandChanged.connect(self._band_moved)
        self.decorations: list[Decoration] = []
        self._painted: dict[int, list[QRect]] = {}  # where fixed decorations were
        self.sticky = StickyHeaders(self)
        scene.followed.connect(self._refresh_fixed)
        scene.selection_ids_changed.connect(self._refresh_fixed)

    def _refresh_fixed(self, *_args: object) -> None:
        for decoration in self.decorations:
            if decoration.fixed:
                self.refresh_decoration(decoration)
        self.sticky.update()

    # ------------------------------------------------------------ decorations
    def add_decoration(self, decoration: Decoration) -> None:
        """Paint ``decoration`` over the map (by its layer, then the last added on top)."""
        if decoration not in self.decorations:
            self.decorations.append(decoration)
            self.decorations.sort(key=lambda d: d.layer)  # stable: equal layers keep their order
            self.refresh_decoration(decoration)

    def remove_decoration(self, decoration: Decoration) -> None:
        if decoration in self.decorations:
            self.refresh_decoration(decoration)
            self.decorations.remove(decoration)
            self._painted.pop(id(decoration), None)

    def refresh_decoration(self, decoration: Decoration, dx: int = 0, dy: int = 0) -> None:
        """Repaint where ``decoration`` was and is (after a change of its own,
        or a scroll by dx, dy that moved the pixels it had painted)."""
        viewport = self.viewport()
        if not isinstance(self.scene(), MapScene):  # the window is going
            return
        if not decoration.fixed:
            viewport.update()
            return
        for rect in self._painted.get(id(decoration), []):
            viewport.update(rect)
            if dx or dy:
                viewport.update(rect.translated(dx, dy))
        now = decoration.rects(self) if decoration.visible else []
        for rect in now:
            viewport.update(rect)
        self._painted[id(decoration)] = now

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 - Qt API
        super().drawForeground(painter, rect)
        if not self.decorations or not isinstance(self.scene(), MapScene):
            return
        painter.save()
        painter.resetTransform()
        for decoration in self.decorations:
            if decoration.visible:
                decoration.paint(painter, self)
        painter.restore()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt API
        super().scrollContentsBy(dx, dy)
        if "sticky" not in self.__dict__:  # still being made
            return
        for decoration in self.decorations:
            if decoration.fixed:
                self.refresh_decoration(decoration, dx, dy)
        self.sticky.update(dx, dy)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if "sticky" in self.__dict__:
            self.sticky.update()

    def map_scene(self) -> MapScene:
        scene = self.scene()
        assert isinstance(scene, MapScene)
        return scene

    # ------------------------------------------------------------ zoom
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        """Scale to ``factor`` (1.0 = 100%), clamped to 1%..400%."""
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        current = self.zoom()
        if abs(factor - current) > 1e-9:
            with self.sticky.held():
                self.scale(factor / current, factor / current)
        self._zoomed()

    def _zoomed(self) -> None:
        self.map_scene().set_overview(self.zoom() < OVERVIEW_BELOW)
        if "sticky" in self.__dict__:
            self.sticky.update()
        self.zoom_changed.emit(self.zoom())

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / STEP)

    def reset_zoom(self) -> None:
        self.set_zoom(1.0)

    def fit_rect(self, rect: QRectF) -> None:
        if rect.isEmpty():
            return
        for _ in range(3):  # again once the headers on screen or the scroll bars came or went
            margins, port = self.sticky.margins, self.viewport().size()
            with self.sticky.held():
                self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
                if self.zoom() > MAX_ZOOM or self.zoom() < MIN_ZOOM:
                    self.set_zoom(self.zoom())
                self._lay_out_bars()
            self.sticky.update(keep=False)
            if self.sticky.margins == margins and self.viewport().size() == port:
                break
        self._zoomed()

    def _lay_out_bars(self) -> None:
        """Show or hide the scroll bars now (Qt does it later, after the event
        loop), so a fit is computed for the viewport it will have."""
        for policy, setter in ((self.horizontalScrollBarPolicy(), self.setHorizontalScrollBarPolicy),
                               (self.verticalScrollBarPolicy(), self.setVerticalScrollBarPolicy)):
            setter(policy)

    def fit_map(self) -> None:
        """The whole map in the window."""
        self.fit_rect(self.map_scene().map_rect())

    def zoom_to_selection(self) -> None:
        rect = QRectF()
        scene = self.map_scene()
        kept = [scene.cards[i] for i in scene.kept_selection if i in scene.cards]
        for item in scene.selectedItems() + kept:
            rect = rect.united(item.sceneBoundingRect())
        if rect.isEmpty():
            return
        self.fit_rect(rect.adjusted(-60, -60, 60, 60))
        if self.zoom() > 1.5:
            self.set_zoom(1.5)
            self.centerOn(rect.center())

    def center_on_id(self, element_id: str) -> bool:
        item = self.map_scene().item_for(element_id)
        if item is None:
            return False
        if self.zoom() < 0.5:
            self.set_zoom(1.0)
        self.centerOn(item.sceneBoundingRect().center())
        return True

    def start_editing(self, element_id: str) -> bool:
        """Show the element and open its inline editor."""
        self.center_on_id(element_id)
        self.setFocus()
        return self.map_scene().editor.start_editing(element_id)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 - Qt API
        painter.fillRect(rect, self.map_scene().theme["background"])
        super().drawBackground(painter, rect)

    # ------------------------------------------------------------ input
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt API
        scene = self.map_scene()
        if scene.editor.is_editing() or scene.doc is None:
            super().contextMenuEvent(event)  # the inline editor's own text menu
            return
        at = event.pos()
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            selected = scene.selectedItems()
            at = self.mapFromScene(selected[0].sceneBoundingRect().center()) if selected \
                else self.viewport().rect().center()
        event.accept()
        self.context_menu_requested.emit(self.mapToScene(at),
                                         self.viewport().mapToGlobal(at))

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt API
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y() or event.pixelDelta().y()
            self.set_zoom(self.zoom() * (1.0015 ** delta))
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if isinstance(event, QNativeGestureEvent) \
                and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self.set_zoom(self.zoom() * (1.0 + event.value()))
            return True
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        scene = self.map_scene()
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if not scene.editor.is_editing():
            if ctrl and event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
                return self.zoom_in()
            if ctrl and event.key() == Qt.Key.Key_Minus:
                return self.zoom_out()
            if ctrl and event.key() == Qt.Key.Key_0:
                return self.reset_zoom()
            if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
                self._space = True
                self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
                return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._space:
            self._space = False
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            self.viewport().unsetCursor()
            return
        super().keyReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if not self._space:
            for decoration in reversed(self.decorations):
                if decoration.visible and decoration.press(self, event):
                    event.accept()
                    return
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if self._space:
            # space held: pan only, never select or drag items
            self.setInteractive(False)
            super().mousePressEvent(event)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if self._pan_from is not None:
            now = event.position().toPoint()
            delta = now - self._pan_from
            self._pan_from = now
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.MiddleButton and self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)
        band, self._band = self._band, QRectF()
        if not band.isEmpty() and self.map_scene().overview_on:
            self.map_scene().select_area(band)
        if not self.isInteractive():
            self.setInteractive(True)

    def _band_moved(self, rect: QRect, start: QPointF, end: QPointF) -> None:
        """Remember the band: the overview's hidden cards are selected by area on release."""
        if not rect.isNull():
            self._band = QRectF(start, end).normalized()
