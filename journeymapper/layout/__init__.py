"""Geometry and colour decisions shared by the canvas, `render` and the PDF.

Plain Python (no Qt): rectangles are tuples of floats in canvas units
(1 unit = 1 px at 100% zoom, 1 pt in the PDF before scaling).
"""

from __future__ import annotations

from journeymapper.layout.geometry import MapLayout, Rect, layout_map
from journeymapper.layout.palette import (
           KIND_STYLE,
           KindStyle,
           palette,
           score_colour,
           score_fraction,
)

__all__ = ["KIND_STYLE", "KindStyle", "MapLayout", "Rect", "layout_map", "palette",
           "score_colour", "score_fraction"]
