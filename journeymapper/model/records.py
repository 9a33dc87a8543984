"""Keyed records: the state a feature keeps in a map beside its elements.

Dot votes, locks, review marks and the like are not elements of the
journey, but they belong to the map: they are saved in it, undone with it,
shared in a session and shown by every window. A feature keeps them as
*records*: in a named section, one immutable JSON-like value per key::

    doc.put_record("locks", "pain-point-7", {"by": "Hana"})
    doc.records("locks")          # read-only {key: value}
    doc.drop_record("locks", "pain-point-7")

Each change records one ``RecordChanged(section, key, old, new)`` (None for
absent), so records join transactions, undo and change sets like any other
change, and a co-editing peer can mirror them key by key (two people
voting at once change two keys, not one value).

A feature registers its section once, at import (:func:`register`), with
the check every value must pass and, when its records point at elements,
which ones: removing an element then removes the records that need it, and
restoring it brings them back. A section nobody registered (written by a
newer version) is kept as it was and saved again unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

Check = Callable[[str, Any], "str | None"]
RefersTo = Callable[[str, Any], Iterable[str]]


def _nothing(key: str, value: Any) -> Iterable[str]:
    return ()


@dataclass(frozen=True)
class Section:
    """A registered section: ``check(key, value)`` says why a record is not
    allowed (None when it is); ``refers_to(key, value)`` names the elements a
    record needs (removed with them). Both get the value frozen (read-only
    mappings, tuples for lists), as the document keeps it."""

    name: str
    check: Check
    refers_to: RefersTo = field(default=_nothing)
    #: the most records the section may hold (a file or a peer cannot blow it up)
    limit: int = 100_000


SECTIONS: dict[str, Section] = {}


def register(section: Section) -> Section:
    """Make a section known (its module calls this once, at import)."""
    SECTIONS[section.name] = section
    return section


def is_section_name(name: Any) -> bool:
    return isinstance(name, str) and 0 < len(name) <= 64 and name.replace("_", "").isalnum()


def is_record_key(key: Any) -> bool:
    return isinstance(key, str) and 0 < len(key) <= 256


def refers_to(section: str, key: str, value: Any) -> tuple[str, ...]:
    """The elements a record needs (none for a section nobody registered)."""
    kind = SECTIONS.get(section)
    return tuple(kind.refers_to(key, value)) if kind is not None else ()
