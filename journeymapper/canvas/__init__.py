"""The map canvas: MapScene (items that follow the document's events) and
MapView (zoom, pan, fit). Gestures become undo commands; items never write
the model."""

from __future__ import annotations

from journeymapper.canvas.scene import MapScene
from journeymapper.canvas.view import MapView

__all__ = ["MapScene", "MapView"]
