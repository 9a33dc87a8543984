"""Files, with no Qt: the .jmap format, atomic writes, survey import, PDF export."""

from __future__ import annotations

from journeymapper.io.atomic import atomic_write_bytes
from journeymapper.io.jmap import FORMAT_VERSION, LoadResult, dumps, load, loads, save

__all__ = ["FORMAT_VERSION", "LoadResult", "atomic_write_bytes", "dumps", "load", "loads", "save"]
