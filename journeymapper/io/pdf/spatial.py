"""A coarse grid index of rectangles, so drawing one tile of a big map only
visits what lies on that tile instead of every card and link."""

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


class RunIndex(Generic[T]):
    """Long horizontal and vertical runs, ``query(window)`` yielding those that
    meet the window. A run is kept in the squares of a grid it crosses, ``along``
    long in its direction and ``across`` wide: with the runs that start in a
    square, or among those that come into it from before. A run many pages
    long costs a few entries, and a window visits only the runs near it, each
    once: those that come into its first square, and those that start in any."""

    def __init__(self, across: float, along: float) -> None:
        self.across, self.along = across, along
        # (vertical?, square across, square along) -> [(at, start, end, item)]
        self._starts: dict[tuple[bool, int, int], list[tuple[float, float, float, T]]] = {}
        self._through: dict[tuple[bool, int, int], list[tuple[float, float, float, T]]] = {}
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def insert(self, x0: float, y0: float, x1: float, y1: float, item: T) -> None:
        """A run from (x0, y0) to (x1, y1), with x0 == x1 or y0 == y1."""
        vertical = x0 == x1
        at, a, b = (x0, min(y0, y1), max(y0, y1)) if vertical else (y0, min(x0, x1), max(x0, x1))
        i, first, last = int(at // self.across), int(a // self.along), int(b // self.along)
        entry = (at, a, b, item)
        self._starts.setdefault((vertical, i, first), []).append(entry)
        through = self._through
        for j in range(first + 1, last + 1):
            key = (vertical, i, j)
            if key in through:
                through[key].append(entry)
            else:
                through[key] = [entry]
        self._count += 1

    def query(self, window: Rect, margin: float = 0.0) -> list[T]:
        wx, wy, ww, wh = window
        x0, y0, x1, y1 = wx - margin, wy - margin, wx + ww + margin, wy + wh + margin
        out: list[T] = []
        add = out.append
        starts, through, across, along = self._starts, self._through, self.across, self.along
        for vertical, (lo, hi, a0, a1) in ((True, (x0, x1, y0, y1)), (False, (y0, y1, x0, x1))):
            j0, j1 = int(a0 // along), int(a1 // along)
            for i in range(int(lo // across), int(hi // across) + 1):
                # runs from before the window's first square: they reach a1
                for at, _a, b, item in through.get((vertical, i, j0), ()):
                    if lo <= at <= hi and b >= a0:
                        add(item)
                for at, a, b, item in starts.get((vertical, i, j0), ()):
                    if lo <= at <= hi and a <= a1 and b >= a0:
                        add(item)
                for j in range(j0 + 1, j1 + 1):  # runs starting further on: past a0
                    for at, a, _b, item in starts.get((vertical, i, j), ()):
                        if lo <= at <= hi and a <= a1:
                            add(item)
        return out
