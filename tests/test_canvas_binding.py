"""The Qt binding must not corrupt reference counts: with PySide6 6.12.0 on
Python 3.11 every void call dropped a reference to None, and the canvas
died with 'none_dealloc' after a few thousand paint calls."""

from __future__ import annotations

import gc
import sys

from PySide6.QtGui import QPainterPath


def test_void_qt_calls_keep_none_alive():
    path = QPainterPath()
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(2000):
        path.moveTo(1.0, 1.0)
    gc.collect()
    assert sys.getrefcount(None) >= before - 50
