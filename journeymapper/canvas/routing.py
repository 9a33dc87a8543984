"""Where a link between two cards runs: orthogonal routes through the gaps
between cards (column gutters and the gaps between lanes), so an arrow never
crosses another card. Plain Python: points in canvas units.
"""

from __future__ import annotations

from collections.abc import Sequence

Rect = tuple[float, float, float, float]
Point = tuple[float, float]
Span = tuple[float, float]  # a column's left and right edge


def route(s: Rect, t: Rect, s_col: Span | None, t_col: Span | None,
          channels_y: Sequence[float], offset: float = 0.0) -> list[Point]:
    """The corner points of a link from card ``s`` to card ``t``.

    ``s_col``/``t_col`` are the columns the cards sit in (None in the persona
    strip), ``channels_y`` the free horizontal gaps (lane boundaries), sorted,
    and ``offset`` a small shift that keeps parallel links apart."""
    sx, sy, sw, sh = s
    tx, ty, tw, th = t
    ys, yt = sy + sh / 2, ty + th / 2
    if s_col is None or t_col is None:
        return _direct(s, t)
    if s_col == t_col:
        x = s_col[1] + offset
        return [(sx + sw, ys), (x, ys), (x, yt), (tx + tw, yt)]
    if s_col[1] <= t_col[0]:
        start, end = (sx + sw, ys), (tx, yt)
        xa, xb = s_col[1] + offset, t_col[0] + offset
    else:
        start, end = (sx, ys), (tx + tw, yt)
        xa, xb = s_col[0] + offset, t_col[1] + offset
    if abs(xa - xb) < 1.0:
        return [start, (xa, ys), (xa, yt), end]
    yh = nearest_channel(channels_y, (ys + yt) / 2) + offset
    return [start, (xa, ys), (xa, yh), (xb, yh), (xb, yt), end]


def nearest_channel(channels_y: Sequence[float], y: float) -> float:
    if not channels_y:
        return y
    return min(channels_y, key=lambda c: (abs(c - y), c))


def _direct(s: Rect, t: Rect) -> list[Point]:
    """From the strip: leave from the bottom edge, arrive at the nearer side."""
    sx, sy, sw, sh = s
    tx, ty, tw, th = t
    start = (sx + sw / 2, sy + sh)
    end = (tx + tw / 2, ty) if ty > sy + sh else (tx + tw / 2, ty + th)
    mid = (start[1] + end[1]) / 2
    return [start, (start[0], mid), (end[0], mid), end]


def channel_offset(key: str, spread: float = 2.5, lanes: int = 5) -> float:
    """A stable small offset for a link, from its key (no Python hash seed)."""
    h = 0
    for ch in key:
        h = (h * 31 + ord(ch)) & 0xFFFFFFFF
    return ((h % lanes) - lanes // 2) * spread
