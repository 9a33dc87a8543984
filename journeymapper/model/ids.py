"""The one place ids are made.

An id is ``<prefix>-<tag>-<n>``: the prefix says what it is (``pain-point``,
``stage``, ``lane``), the tag is random per process (40 bits, drawn when
the first id is asked for) and ``n`` counts up in this process. So an id is
never made twice: not after the map is closed and opened again (the next
process has another tag, so a card deleted last month never lends its id
to a new one), and not on two laptops editing one map at the same time.
Ids read from files are kept as they are, whatever their form.
"""

from __future__ import annotations

import itertools
import secrets
import threading

_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford's base 32: no i, l, o, u


def random_tag(length: int = 8) -> str:
    """A random tag of ``length`` base-32 characters (5 bits each)."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


class IdAllocator:
    """Makes ids that are unique across processes (see the module docstring).

    A document asks ``allocate(prefix, taken)`` and gets the next id not in
    ``taken``; the counter never goes back, so an id an undo gave up is not
    handed out again either."""

    def __init__(self, tag: str | None = None) -> None:
        self.tag = tag or random_tag()
        self._counter = itertools.count(1)
        self._lock = threading.Lock()

    def allocate(self, prefix: str, taken=()) -> str:
        while True:
            with self._lock:
                n = next(self._counter)
            candidate = f"{prefix}-{self.tag}-{n}"
            if candidate not in taken:
                return candidate


_process_allocator: IdAllocator | None = None


def process_allocator() -> IdAllocator:
    """The allocator every document of this process shares."""
    global _process_allocator
    if _process_allocator is None:
        _process_allocator = IdAllocator()
    return _process_allocator


def id_prefix(kind) -> str:
    """The id prefix of an element kind (``pain-point``, ``stage``, ...)."""
    return kind.value.replace("_", "-")
