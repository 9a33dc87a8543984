"""Headless rendering of a map to PNG or SVG, drawing the same MapScene the
window shows (no window needed; Qt's offscreen platform is used when there
is no display). Files are written atomically."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QUndoStack

from journeymapper.canvas import style as st
from journeymapper.canvas.items.links import StageLinkItem
from journeymapper.canvas.scene import MapScene
from journeymapper.canvas.text import elide
from journeymapper.i18n import N_, _
from journeymapper.io.atomic import atomic_write_bytes
from journeymapper.model.document import JourneyMap
from journeymapper.model.errors import ExportError
from journeymapper.words import in_map_language

MIN_WIDTH, MAX_WIDTH = 200, 16_384
#: no side of a PNG grows past this (image viewers and QImage's own limits)
MAX_SIDE = 16_384
MAX_PIXELS = 300_000_000
TITLE_H = 92.0
BORDER = 32.0


def ensure_app() -> None:
    """A QApplication for drawing; offscreen when there is no display."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QApplication([])


def content_rect(scene: MapScene) -> QRectF:
    """The grid, the persona strip and the stage arcs above the headers."""
    assert scene.live is not None
    geo = scene.live.geo
    rect = QRectF(0, 0, geo.width, geo.height)
    for item in scene.links.values():
        if isinstance(item, StageLinkItem):
            rect = rect.united(item.sceneBoundingRect())
    return rect


def draw_map(painter: QPainter, scene: MapScene, doc: JourneyMap, target: QRectF) -> None:
    """Title band and map, scaled to fill ``target`` (same aspect ratio as page_rect)."""
    source = content_rect(scene)
    page = page_size(source)
    scale = target.width() / page.width()
    painter.fillRect(target, scene.theme["background"])
    painter.save()
    painter.translate(target.topLeft())
    painter.scale(scale, scale)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setPen(scene.theme["text"])
    painter.setFont(st.font(30, bold=True))
    width = page.width() - 2 * BORDER
    painter.drawText(QPointF(BORDER, BORDER + 30), elide(doc.title, 30, True, width))
    description = str(doc.meta.get("description", ""))
    if description:
        painter.setPen(scene.theme["muted"])
        painter.setFont(st.font(15))
        painter.drawText(QPointF(BORDER, BORDER + 58), elide(description, 15, False, width))
    painter.restore()
    map_target = QRectF(target.x() + BORDER * scale, target.y() + (BORDER + TITLE_H) * scale,
                        source.width() * scale, source.height() * scale)
    scene.render(painter, map_target, source, Qt.AspectRatioMode.IgnoreAspectRatio)


def page_size(source: QRectF) -> QSize:
    return QSize(round(source.width() + 2 * BORDER), round(source.height() + TITLE_H + 2 * BORDER))


def fit_size(page: QSize, width: int) -> tuple[int, int, bool]:
    """The picture's size for ``width``: the page's shape, no side past
    MAX_SIDE (True when it had to be made smaller)."""
    height = max(1, round(width * page.height() / page.width()))
    if max(width, height) <= MAX_SIDE:
        return width, height, False
    factor = MAX_SIDE / max(width, height)
    return max(1, round(width * factor)), max(1, round(height * factor)), True


def render_map(doc: JourneyMap, path: str | os.PathLike[str], width: int = 2400,
               dark: bool = False) -> tuple[int, int]:
    """Write ``doc`` to a .png or .svg file ``width`` pixels wide (a tall map's
    PNG is made narrower so no side passes MAX_SIDE), labelled in the map's
    language (card tags, statuses); returns its size."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise ExportError(N_("{file}: expected a .png or .svg file name, got {suffix!r}"),
                          file=target, suffix=suffix or "none")
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        raise ExportError(N_("--width: expected {lo}..{hi} pixels, got {width}"), lo=MIN_WIDTH,
                          hi=MAX_WIDTH, width=width)
    ensure_app()
    with in_map_language(doc):
        data, width, height = _draw(doc, width, dark, suffix, target)
    atomic_write_bytes(target, data)
    return width, height


def _draw(doc: JourneyMap, width: int, dark: bool, suffix: str,
          target: Path) -> tuple[bytes, int, int]:
    """The picture's bytes, width and height in pixels."""
    scene = MapScene()
    try:
        scene.set_document(doc, QUndoStack())
        scene.set_dark(dark)
        scene.flush_routes()
        page = page_size(content_rect(scene))
        if suffix == ".png":
            width, height, _capped = fit_size(page, width)
        else:
            height = max(1, round(width * page.height() / page.width()))
        if suffix == ".png":
            return _png(scene, doc, width, height, target), width, height
        return _svg(scene, doc, width, height), width, height
    finally:
        scene.clear_document()


def _png(scene: MapScene, doc: JourneyMap, width: int, height: int, target: Path) -> bytes:
    if width * height > MAX_PIXELS:
        raise ExportError(N_("{file}: {width}x{height} pixels is too large for a PNG; use a "
                             "smaller --width or write an .svg"), file=target, width=width,
                          height=height)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise ExportError(N_("{file}: not enough memory for a {width}x{height} image"),
                          file=target, width=width, height=height)
    image.fill(QColor(scene.theme["background"]))
    painter = QPainter(image)
    draw_map(painter, scene, doc, QRectF(0, 0, width, height))
    painter.end()
    return _bytes(lambda buffer: image.save(buffer, "PNG"), target)


def _svg(scene: MapScene, doc: JourneyMap, width: int, height: int) -> bytes:
    from PySide6.QtSvg import QSvgGenerator

    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRect(0, 0, width, height))
    generator.setTitle(doc.title)
    generator.setDescription(_("Journey map drawn by journeymapper"))
    painter = QPainter(generator)
    draw_map(painter, scene, doc, QRectF(0, 0, width, height))
    painter.end()
    buffer.close()
    return bytes(array.data())


def _bytes(write, target: Path) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not write(buffer):
        raise ExportError(N_("{file}: the image could not be encoded"), file=target)
    buffer.close()
    return bytes(array.data())
