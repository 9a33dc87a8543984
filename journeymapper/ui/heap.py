"""Keeping Python's cycle collector out of the way of the canvas.

A window with a big map holds hundreds of thousands of long-lived objects
(elements, items, routes). Python's full collection walks all of them, and
the garbage an autosave or an import makes sets one off every few seconds:
a pause of a few hundred milliseconds on a 5,000-card map. Once a map is
shown, :func:`settle` collects what is already garbage and freezes the rest
(``gc.freeze``): later full collections walk only what is new. The next
switch unfreezes first, so the map being replaced can be freed.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Call after a map is shown: free what is garbage, freeze what is alive."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
