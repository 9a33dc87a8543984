"""Stage and lane headers that stay on screen: when the real headers have
scrolled out of sight, the stage names run along the top of the view and the
lane names down its left edge (at every zoom, in every mode), like the
frozen header row and column of a spreadsheet.

The bands are small widgets in the view's margins, outside its viewport
(as a table's header views are): the map scrolls under them without a card
being painted again for them, and a band paints only names. When a band
comes (or goes), the viewport shrinks (or grows) by its size and the map is
scrolled by as much, so nothing on screen jumps. A click on a band selects
that stage or lane; the wheel goes on to the view.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QGraphicsView, QWidget

from journeymapper.canvas import style as st
from journeymapper.canvas.text import elide

if TYPE_CHECKING:
    from journeymapper.canvas.view import MapView


def _clamp(value: float, lo: float, hi: float) -> float:
    return max(lo, min(hi, value))


class Band(QWidget):
    """One band: ``"stage"`` (top), ``"lane"`` (left) or ``"corner"``."""

    def __init__(self, view: MapView, sticky: StickyHeaders, kind: str) -> None:
        super().__init__(view)
        self.view, self.sticky, self.kind = view, sticky, kind
        self.setObjectName(f"sticky_{kind}")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMouseTracking(False)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        scene = self.view.scene()
        if getattr(scene, "live", None) is None:
            p.fillRect(self.rect(), self.palette().window())
            return
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self.kind == "stage":
            self.sticky.paint_stages(p, self.width(), self.height())
        elif self.kind == "lane":
            self.sticky.paint_lanes(p, self.width(), self.height())
        else:
            p.fillRect(self.rect(), scene.theme["lane_header"])

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        target = self.sticky.hit(self.kind, event.position())
        if target is not None:
            self.view.map_scene().select_ids([target[1]])
            self.update()
        event.accept()


class StickyHeaders:
    """The bands of one view (see the module docstring). ``visible`` turns
    them off; ``type_scale`` makes their type larger (presentation mode)."""

    def __init__(self, view: MapView) -> None:
        self.view = view
        self.visible = True
        self.type_scale = 1.0
        self.top = Band(view, self, "stage")
        self.left = Band(view, self, "lane")
        self.corner = Band(view, self, "corner")
        self.margins = (0, 0)  # (left, top) in pixels, as applied
        self._busy = False
        self._held = 0

    @contextmanager
    def held(self) -> Iterator[None]:
        """No change of the bands inside (a fit or a zoom moving the map in
        steps); the caller updates them once it is done."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1

    # ------------------------------------------------------------ geometry
    def sizes(self) -> tuple[int, int, int, int]:
        """(stage band height, lane band width, stage font px, lane font px)."""
        zoom = self.view.zoom() * self.type_scale
        stage_px = round(_clamp(st.HEADER_PX * zoom, 12, 30 * self.type_scale))
        lane_px = round(_clamp(st.LANE_PX * zoom, 11, 24 * self.type_scale))
        band_h = round(stage_px * 1.9 + 6)
        lane_w = round(_clamp(150 * self.view.zoom(), 96, 180 * self.type_scale))
        return band_h, lane_w, stage_px, lane_px

    def shown(self) -> tuple[bool, bool]:
        """Whether the band of stage names and the band of lane names show."""
        return self.margins[1] > 0, self.margins[0] > 0

    def wanted(self) -> tuple[int, int]:
        """(left, top) margins the bands want now: a band shows while the
        real headers it stands for are out of sight."""
        view = self.view
        scene = view.scene()
        if not self.visible or getattr(scene, "live", None) is None \
                or not scene.live.geo.stage_headers:
            return 0, 0
        geo = scene.live.geo
        zoom = max(view.zoom(), 1e-6)
        corner = view.mapToScene(QPoint(0, 0))
        # where the viewport's top left corner would be without the bands
        x = corner.x() - self.margins[0] / zoom
        y = corner.y() - self.margins[1] / zoom
        band_h, lane_w, _, _ = self.sizes()
        top = band_h if y > geo.header_y + 4 else 0
        left = lane_w if x > 4 and geo.lane_headers else 0
        return left, top

    def update(self, dx: int | None = None, dy: int | None = None,
               keep: bool = True) -> None:
        """Show, hide and repaint the bands after a zoom or a change, or after a
        scroll by dx, dy (then only a band whose names moved is painted again).
        With ``keep`` the map stays where it is on screen when a band comes or
        goes; without, the view keeps the scene point at its corner."""
        if self._busy or self._held:
            return
        self._busy = True
        try:
            wanted = self.wanted()
            moved = wanted != self.margins
            if moved:
                self._apply(wanted, keep)
            scrolled = dx is not None and not moved
            self._place(stages=not scrolled or bool(dx), lanes=not scrolled or bool(dy))
        finally:
            self._busy = False

    def _apply(self, margins: tuple[int, int], keep: bool) -> None:
        view = self.view
        (old_left, old_top), (left, top) = self.margins, margins
        anchor = view.resizeAnchor()
        view.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.margins = margins
        view.setViewportMargins(left, top, 0, 0)
        if keep:  # the map stays where it was on screen: what a band covers goes under it
            h, v = view.horizontalScrollBar(), view.verticalScrollBar()
            h.setValue(h.value() + left - old_left)
            v.setValue(v.value() + top - old_top)
        view.setResizeAnchor(anchor)

    def _place(self, stages: bool = True, lanes: bool = True) -> None:
        port = self.view.viewport().geometry()
        left, top = self.margins
        paint = {self.top: stages, self.left: lanes, self.corner: stages or lanes}
        for band, on, rect in (
                (self.top, top > 0, (port.x(), port.y() - top, port.width(), top)),
                (self.left, left > 0, (port.x() - left, port.y(), left, port.height())),
                (self.corner, top > 0 and left > 0, (port.x() - left, port.y() - top, left, top)),
        ):
            if on:
                if band.geometry().getRect() != rect:
                    band.setGeometry(*rect)
                if not band.isVisible():
                    band.show()
                    band.raise_()
                elif paint[band]:
                    band.update()
            elif band.isVisible():
                band.hide()

    # ------------------------------------------------------------ painting
    def paint_stages(self, p: QPainter, width: int, height: int) -> None:
        view = self.view
        scene = view.map_scene()
        theme, geo = scene.theme, scene.live.geo
        _, _, px, _ = self.sizes()
        p.fillRect(QRectF(0, 0, width, height), theme["background"])
        p.fillRect(QRectF(0, height - 2, width, 2), theme.shadow)
        p.setFont(st.font(px, bold=True))
        for stage_id, (x, _, w, _) in geo.stage_headers.items():
            x0 = view.mapFromScene(QPointF(x, 0)).x()
            x1 = view.mapFromScene(QPointF(x + w, 0)).x()
            if x1 < 0 or x0 > width:
                continue
            box = QRectF(x0 + 3, 3, x1 - x0 - 6, height - 8)
            item = scene.stages.get(stage_id)
            selected = item is not None and item.isSelected()
            p.setPen(QPen(theme["selection"], 2.5) if selected else Qt.PenStyle.NoPen)
            p.setBrush(theme["stage_header"])
            p.drawRoundedRect(box, 6, 6)
            name = str(item.fields.get("text", "")) if item is not None else ""
            start = max(box.left(), 4.0)
            room = box.right() - start - 16
            if room > px:
                p.setPen(theme["stage_text"])
                p.drawText(QRectF(start + 8, box.top(), room, box.height()),
                           Qt.AlignmentFlag.AlignVCenter, elide(name, px, True, room))

    def paint_lanes(self, p: QPainter, width: int, height: int) -> None:
        view = self.view
        scene = view.map_scene()
        theme, geo = scene.theme, scene.live.geo
        _, _, px, _ = self.sizes()
        p.fillRect(QRectF(0, 0, width, height), theme["lane_header"])
        p.fillRect(QRectF(width - 2, 0, 2, height), theme.shadow)
        fm = QFontMetricsF(st.font(px, bold=True))
        widest = max((fm.horizontalAdvance(word) for item in scene.lane_items.values()
                      for word in item.lane.name.split()), default=0.0)
        if widest > width - 20:  # no lane name broken inside a word
            px = max(11, int(px * (width - 20) / widest))
        p.setFont(st.font(px, bold=True))
        for lane_id, (_, y, _, h) in geo.lane_headers.items():
            y0 = view.mapFromScene(QPointF(0, y)).y()
            y1 = view.mapFromScene(QPointF(0, y + h)).y()
            if y1 < 0 or y0 > height:
                continue
            item = scene.lane_items.get(lane_id)
            if item is None:
                continue
            p.fillRect(QRectF(width - 7, y0, 4, y1 - y0), theme.kind(item.lane.kind).border)
            p.setPen(QPen(theme["grid"], 1))
            p.drawLine(QPointF(0, y0), QPointF(width, y0))
            if item.isSelected():
                p.setPen(QPen(theme["selection"], 2.5))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(QRectF(1.5, y0 + 1.5, width - 5, y1 - y0 - 3))
            top = max(y0, 0)
            if y1 - top < px * 1.2:
                continue
            p.setPen(theme["text"])
            p.drawText(QRectF(8, top + 4, width - 20, min(y1 - top, px * 3.6)),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                       | Qt.TextFlag.TextWordWrap, item.lane.name)

    # ------------------------------------------------------------ clicks
    def hit(self, kind: str, pos: QPointF) -> tuple[str, str] | None:
        """("stage", id) or ("lane", id) at ``pos`` of the band ``kind``."""
        scene = self.view.scene()
        if getattr(scene, "live", None) is None:
            return None
        geo = scene.live.geo
        if kind == "stage":
            x = self.view.mapToScene(QPoint(int(pos.x()), 0)).x()
            for stage_id, (sx, _, w, _) in geo.stage_headers.items():
                if sx <= x < sx + w:
                    return ("stage", stage_id)
        elif kind == "lane":
            y = self.view.mapToScene(QPoint(0, int(pos.y()))).y()
            for lane_id, (_, ly, _, h) in geo.lane_headers.items():
                if ly <= y < ly + h:
                    return ("lane", lane_id)
        return None
