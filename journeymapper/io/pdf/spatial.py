"""A coarse grid index of rectangles, so drawing one tile of a big map only
visits the cards (and stretches of the emotion curve) that lie on that tile."""

from __future__ import annotations

from typing import Generic, TypeVar

from journeymapper.layout.geometry import Rect

T = TypeVar("T")
BIN = 512.0


class GridIndex(Generic[T]):
    """Items with a bounding rect; ``query(window)`` yields those whose rect
    meets the window, in insertion order, each once."""

    def __init__(self) -> None:
        self._items: list[tuple[Rect, T]] = []
        self._bins: dict[tuple[int, int], list[int]] = {}

    def __len__(self) -> int:
        return len(self._items)

    def insert(self, rect: Rect, item: T) -> None:
        index = len(self._items)
        self._items.append((rect, item))
        x, y, w, h = rect
        i, j = int(x // BIN), int(y // BIN)
        if i == int((x + w) // BIN) and j == int((y + h) // BIN):  # the usual case
            self._bins.setdefault((i, j), []).append(index)
            return
        for key in self._keys(rect):
            self._bins.setdefault(key, []).append(index)

    @staticmethod
    def _keys(rect: Rect) -> list[tuple[int, int]]:
        x, y, w, h = rect
        x0, x1 = int(x // BIN), int((x + w) // BIN)
        y0, y1 = int(y // BIN), int((y + h) // BIN)
        return [(i, j) for i in range(x0, x1 + 1) for j in range(y0, y1 + 1)]

    def query(self, window: Rect, margin: float = 4.0) -> list[T]:
        """The items whose rect meets ``window`` grown by ``margin`` on every
        side (a negative margin: those that reach more than that far into it)."""
        x, y, w, h = window
        found: set[int] = set()
        for key in self._keys((x - margin, y - margin, w + 2 * margin, h + 2 * margin)):
            found.update(self._bins.get(key, ()))
        out = []
        for index in sorted(found):
            (rx, ry, rw, rh), item = self._items[index]
            if not (rx + rw < x - margin or rx > x + w + margin
                    or ry + rh < y - margin or ry > y + h + margin):
                out.append(item)
        return out
