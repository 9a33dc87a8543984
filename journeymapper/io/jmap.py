"""Reading and writing .jmap files.

Files are untrusted input and are read in stages: bytes (a regular file,
size limit) -> JSON (:mod:`journeymapper.io.jsontext`: UTF-8, no NaN, no
huge integers, no lone surrogates, no duplicate keys, no RecursionError) ->
format version and migration -> validated document (:mod:`.jmapbuild`).
Fatal problems raise FileFormatError with one line naming the file and the
place; recoverable ones (a bad link, a field out of range, a text over the
length limit, ...) are repaired, and listed in ``LoadResult.problems`` so the
window can say "partially loaded".
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from journeymapper import collector
from journeymapper.i18n import N_, Message, plural_message
from journeymapper.io import jsontext
from journeymapper.io.atomic import atomic_write_bytes, open_regular
from journeymapper.io.jmapbuild import Builder
from journeymapper.io.migrations import FORMAT_VERSION, migrate
from journeymapper.io.serialize import dumps
from journeymapper.model.document import JourneyMap
from journeymapper.model.errors import FileFormatError
from journeymapper.model.ids import IdAllocator

MAX_FILE_BYTES = 64 * 1024 * 1024
#: a value from a file, shortened for one line (io.recovery words its messages with it)

__all__ = ["FORMAT_VERSION", "LoadResult", "dumps", "load", "loads", "save", "MAX_FILE_BYTES"]


@dataclass
class LoadResult:
    document: JourneyMap
    problems: list[str] = field(default_factory=list)
    migrated_from: int | None = None


def save(doc: JourneyMap, path: str | os.PathLike[str], backup: bool = True) -> None:
    """Serialise fully in memory, then write atomically (keeping one .bak)."""
    atomic_write_bytes(path, dumps(doc), backup=backup)


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a .jmap file: a regular file of at most MAX_FILE_BYTES."""
    target = Path(path)
    with open_regular(target, Message(N_("a .jmap file")), FileFormatError) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > MAX_FILE_BYTES:
            raise FileFormatError(N_("{file}: {size:,} bytes is larger than the {value} MiB a "
                                     "journey map may have"), file=target, size=size,
                                  value=MAX_FILE_BYTES // 2**20)
        try:
            data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise FileFormatError(N_("{file}: cannot be read: {reason}"), file=target,
                                  reason=exc.strerror or str(exc)) from None
    if len(data) > MAX_FILE_BYTES:
        raise FileFormatError(N_("{file}: larger than the {value} MiB a journey map may have"),
                              file=target, value=MAX_FILE_BYTES // 2**20)
    return data


def load(path: str | os.PathLike[str], strict: bool = False,
         ids: IdAllocator | None = None) -> LoadResult:
    """Read a .jmap file. With ``strict`` any problem raises FileFormatError;
    ``ids``: where the document's new ids come from (the process's allocator)."""
    return loads(read_bytes(path), name=str(path), strict=strict, ids=ids)


def loads(data: bytes, name: str = "<map>", strict: bool = False,
          ids: IdAllocator | None = None) -> LoadResult:
    """Parse .jmap bytes; see :func:`load`."""
    with collector.paused():  # tens of thousands of parsed and frozen values, no cycles
        return _loads(data, name, strict, ids)


def _loads(data: bytes, name: str, strict: bool, ids: IdAllocator | None) -> LoadResult:
    root = jsontext.parse(data, name)
    version = root.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise FileFormatError(N_("{file}: format_version: expected an integer, got {value}"),
                              file=name, value=jsontext.show(version))
    if version > FORMAT_VERSION:
        raise FileFormatError(
            N_("{file}: made by a newer journeymapper (format version {version}); this one "
               "reads up to {current}"), file=name, version=version, current=FORMAT_VERSION)
    if version < 0:
        raise FileFormatError(N_("{file}: format_version: expected 0..{current}, got {version}"),
                              file=name, current=FORMAT_VERSION, version=version)
    migrated_from = version if version < FORMAT_VERSION else None
    try:
        root = migrate(root, version)
    except KeyError as missing:
        raise FileFormatError(N_("{file}: no migration from format version {missing}"),
                              file=name, missing=missing.args[0]) from None
    except (TypeError, ValueError, AttributeError, LookupError) as exc:
        raise FileFormatError(N_("{file}: could not migrate from version {version}: {reason}"),
                              file=name, version=version, reason=str(exc)) from None
    builder = Builder(name)
    doc = builder.build(root, ids)
    if strict and builder.problems:
        more = len(builder.problems) - 1
        if more:
            raise FileFormatError(plural_message("{file}: {problem} (and {n} more)",
                                                 "{file}: {problem} (and {n} more)", more,
                                                 file=name, problem=builder.problems[0]))
        raise FileFormatError(N_("{file}: {problem}"), file=name, problem=builder.problems[0])
    return LoadResult(doc, builder.problems, migrated_from)
