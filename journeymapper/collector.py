"""Python's cycle collector paused while a big, cycle-free structure is built.

Loading a map, counting a survey block and building a PDF each allocate
hundreds of thousands of containers that form next to no reference cycles;
the collector would walk them again and again as they pile up (a sixth of a
PDF build, a fifth of a load). :func:`paused` switches it off for the block
and back on after, as it was. Plain Python, no Qt.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block (restored after, also on error)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
