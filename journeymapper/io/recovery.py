"""Recovery files: what the window autosaves so that a crash loses no work.

Qt-free, shared by the window (which writes them) and ``journeymapper
recover`` (which lists and restores them). They live in the app-data folder
(:func:`data_dir`, ``recovery/`` below it)::

    <id>.json           the record: original path, title, when, unsaved changes,
                        the pid and instance token of the app that wrote it
    <id>.<seq>.jmap     the map itself (a real .jmap), one file per autosave
    <instance>.lock     an OS lock a running journeymapper holds while it runs

Each autosave writes a new map file first and the record naming it (with its
SHA-256) second, both atomically, then removes the previous map file: a crash
at any moment leaves a record that names a complete map. The lock tells a
crashed app's records from those of an app still running: the system drops
it when the process dies, even on ``kill -9``, so a reused pid cannot make a
crashed map look alive (the ``filelock`` package holds it, portably).

Records and maps are untrusted input: a damaged one is reported in one line
(:attr:`Entry.problem`) and never offered as good.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import re
import secrets
import sys
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from journeymapper.i18n import N_, Message
from journeymapper.io import jmap
from journeymapper.io.atomic import atomic_write_bytes
from journeymapper.io.jsontext import show as _show  # a value from a file, shortened for one line
from journeymapper.model.errors import JourneyError

ENV_DATA_DIR = "JOURNEYMAPPER_DATA_DIR"
#: QCoreApplication's organisation and application names (ui/app.py): Qt's
#: AppDataLocation is <platform folder>/<organisation>/<application>.
ORGANIZATION = APPLICATION = "journeymapper"
RECORD_FORMAT = 1
MAX_RECORD_BYTES = 64 * 1024
MAX_TITLE = 10_000
ORPHAN_AGE_S = 24 * 3600   # a map file with no record: a crash during the first autosave
TEMP_AGE_S = 3600          # a temporary file of an interrupted atomic write

_ID = re.compile(r"^[0-9a-f]{8}$")
_TOKEN = re.compile(r"^[0-9a-f]{16}$")
_MAP_FILE = re.compile(r"^([0-9a-f]{8})\.([0-9]{1,12})\.jmap$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


# ------------------------------------------------------------------ where
def data_dir(environ: Mapping[str, str] | None = None, platform: str | None = None,
             home: Path | None = None) -> Path:
    """The app-data folder: ``$JOURNEYMAPPER_DATA_DIR`` when set, else the folder
    Qt's ``QStandardPaths.AppDataLocation`` gives the window: ``$XDG_DATA_HOME``
    (or ``~/.local/share``) on Linux, ``~/Library/Application Support`` on
    macOS, ``%APPDATA%`` on Windows, each followed by journeymapper/journeymapper."""
    env = os.environ if environ is None else environ
    override = env.get(ENV_DATA_DIR, "")
    if override:
        return Path(override).expanduser()
    system = sys.platform if platform is None else platform
    home = Path.home() if home is None else home
    if system == "win32":
        base = Path(env["APPDATA"]) if env.get("APPDATA") else home / "AppData" / "Roaming"
    elif system == "darwin":
        base = home / "Library" / "Application Support"
    else:
        xdg = env.get("XDG_DATA_HOME", "")
        base = Path(xdg) if xdg and os.path.isabs(xdg) else home / ".local" / "share"
    return base / ORGANIZATION / APPLICATION


def recovery_dir(base: Path | None = None) -> Path:
    """Where the recovery files are: ``recovery/`` in ``base`` (default :func:`data_dir`)."""
    return (data_dir() if base is None else base) / "recovery"


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def local_time(iso: str) -> str:
    """'2026-10-05T00:12:00+00:00' -> '2026-10-05 09:12' in the local time zone."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


# ------------------------------------------------------------------ the running app
class Instance:
    """This process's claim on its records: an OS lock on ``<token>.lock``,
    held until the process ends (or :meth:`release`)."""

    def __init__(self, folder: Path) -> None:
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise JourneyError(N_("{folder}: cannot keep recovery files there: {reason}"),
                               folder=folder, reason=exc.strerror or exc) from None
        self.folder = folder
        self.pid = os.getpid()
        self.token = secrets.token_hex(8)
        self.path = folder / f"{self.token}.lock"
        self._lock = FileLock(str(self.path), timeout=0)
        try:
            self._lock.acquire()
        except (Timeout, OSError) as exc:
            raise JourneyError(N_("{folder}: cannot hold the lock of this app: {reason}"),
                               folder=folder, reason=exc) from None

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release(force=True)
            try:
                self.path.unlink()
            except OSError:
                pass


_instances: dict[Path, Instance] = {}


def instance_in(folder: Path) -> Instance:
    """The one :class:`Instance` of this process in ``folder``."""
    key = folder.absolute()
    if key not in _instances:
        _instances[key] = Instance(folder)
    return _instances[key]


@atexit.register
def _release_instances() -> None:
    for inst in _instances.values():
        inst.release()


# ------------------------------------------------------------------ records
class DamagedRecord(JourneyError):
    """A recovery record or map that cannot be used; the message names the file."""


@dataclass(frozen=True)
class RecoveryMeta:
    """The small record beside a recovered map."""

    id: str
    map_file: str
    sha256: str
    size: int
    original: str | None
    title: str
    saved_at: str
    changes: int
    pid: int
    instance: str

    def to_json(self) -> bytes:
        body = {"format": RECORD_FORMAT, **asdict(self)}
        return (json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()

    @classmethod
    def from_json(cls, data: bytes, path: Path) -> RecoveryMeta:
        """Parse and check a record; DamagedRecord names the file and the field."""
        try:
            root = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise DamagedRecord(N_("{file}: not a recovery record: {reason}"), file=path,
                                reason=str(exc).splitlines()[0][:120]) from None
        if not isinstance(root, dict):
            raise DamagedRecord(N_("{file}: not a recovery record: expected an object"),
                                file=path)
        version = root.get("format")
        if _count(version) and version > RECORD_FORMAT:
            raise DamagedRecord(N_("{file}: written by a newer journeymapper (record format "
                                   "{version})"), file=path, version=version)
        if version != RECORD_FORMAT:
            raise DamagedRecord(N_("{file}: not a recovery record: format: expected {expected}, "
                                   "got {value}"), file=path, expected=RECORD_FORMAT,
                                value=_show(version))
        checks: dict[str, tuple[Any, str]] = {
            "id": (lambda v: isinstance(v, str) and _ID.match(v) and v == path.stem,
                   N_("the record's own id ({stem})")),
            "map_file": (lambda v: isinstance(v, str) and _MAP_FILE.match(v)
                         and v.split(".")[0] == path.stem, N_("{stem}.<number>.jmap")),
            "sha256": (lambda v: isinstance(v, str) and _SHA256.match(v), N_("a SHA-256 digest")),
            "size": (_count, N_("a whole number")),
            "original": (lambda v: v is None or (isinstance(v, str) and 0 < len(v) <= 4096),
                         N_("a path or null")),
            "title": (lambda v: isinstance(v, str) and len(v) <= MAX_TITLE, N_("a text")),
            "saved_at": (_is_time, N_("a date and time (ISO 8601)")),
            "changes": (_count, N_("a whole number")),
            "pid": (_count, N_("a whole number")),
            "instance": (lambda v: isinstance(v, str) and _TOKEN.match(v),
                         N_("an instance token")),
        }
        for name, (ok, expected) in checks.items():
            value = root.get(name)
            if not ok(value):
                raise DamagedRecord(
                    N_("{file}: {field}: expected {expected}, got {value}"), file=path,
                    field=name, expected=Message(expected, stem=path.stem),
                    value=_show(value) if name in root else Message(N_("nothing")))
        return cls(**{name: root[name] for name in checks})


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_time(value: Any) -> bool:
    if not isinstance(value, str) or len(value) > 40:
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Entry:
    """One recoverable map as listed: its record, or why it cannot be used."""

    id: str
    path: Path                       # the record file
    meta: RecoveryMeta | None        # None when the record itself is damaged
    problem: Message | None = None   # one line: why it cannot be recovered
    live: bool = False               # written by a journeymapper that is running now

    @property
    def name(self) -> str | None:
        """The saved file's name, or None for a map that was never saved."""
        if self.meta is None or self.meta.original is None:
            return None
        return Path(self.meta.original).name


class RecoveryStore:
    """The recovery files in one folder (see the module docstring)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def default(cls) -> RecoveryStore:
        return cls(recovery_dir())

    def record_path(self, record_id: str) -> Path:
        return self.folder / f"{record_id}.json"

    def new_id(self) -> str:
        while True:
            record_id = secrets.token_hex(4)
            if not self.record_path(record_id).exists():
                return record_id

    # -------------------------------------------------------------- writing
    def write(self, record_id: str, seq: int, data: bytes, *, original: str | None, title: str,
              changes: int, instance: Instance) -> RecoveryMeta:
        """Autosave number ``seq`` of record ``record_id``: the map, then its record."""
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        map_file = f"{record_id}.{seq}.jmap"
        atomic_write_bytes(self.folder / map_file, data)
        meta = RecoveryMeta(record_id, map_file, hashlib.sha256(data).hexdigest(), len(data),
                            original, title[:MAX_TITLE], now_iso(), changes, instance.pid,
                            instance.token)
        atomic_write_bytes(self.record_path(record_id), meta.to_json())
        self._remove_maps(record_id, keep=map_file)
        return meta

    def claim(self, record_id: str, instance: Instance) -> RecoveryMeta:
        """Make a recovered record this app's, so no other start offers it."""
        meta = self.read_meta(record_id)
        meta = replace(meta, pid=instance.pid, instance=instance.token)
        atomic_write_bytes(self.record_path(record_id), meta.to_json())
        return meta

    def remove(self, record_id: str) -> None:
        """Remove a record and its maps (the record first: never one naming a missing map)."""
        try:
            self.record_path(record_id).unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise JourneyError(N_("{file}: cannot remove: {reason}"),
                               file=self.record_path(record_id),
                               reason=exc.strerror or exc) from None
        self._remove_maps(record_id)

    def _remove_maps(self, record_id: str, keep: str = "") -> None:
        for path in self.folder.glob(f"{record_id}.*.jmap"):
            if path.name != keep:
                try:
                    path.unlink()
                except OSError:
                    pass

    # -------------------------------------------------------------- reading
    def read_meta(self, record_id: str) -> RecoveryMeta:
        path = self.record_path(record_id)
        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_RECORD_BYTES + 1)
        except OSError as exc:
            raise DamagedRecord(N_("{file}: cannot be read: {reason}"), file=path,
                                reason=exc.strerror or exc) from None
        if len(data) > MAX_RECORD_BYTES:
            raise DamagedRecord(N_("{file}: not a recovery record: larger than {limit} KiB"),
                                file=path, limit=MAX_RECORD_BYTES // 1024)
        return RecoveryMeta.from_json(data, path)

    def entries(self, include_live: bool = False) -> list[Entry]:
        """Every record in the folder, newest first, damaged ones last; those of
        a journeymapper running now only with ``include_live``."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in sorted(self.folder.glob("*.json")):
            entry = self._entry(path)
            if include_live or not entry.live:
                found.append(entry)
        found.sort(key=lambda e: e.meta.saved_at if e.meta else "", reverse=True)
        found.sort(key=lambda e: e.problem is not None)
        return found

    def entry(self, record_id: str) -> Entry:
        """The entry of ``record_id``; JourneyError when there is no such record."""
        if not _ID.match(record_id) or not self.record_path(record_id).is_file():
            raise JourneyError(N_("{id}: no map to recover has this id (see 'journeymapper "
                                  "recover --list')"), id=record_id)
        return self._entry(self.record_path(record_id))

    def _entry(self, path: Path) -> Entry:
        try:
            meta = self.read_meta(path.stem)
        except DamagedRecord as exc:
            return Entry(path.stem, path, None, exc.message)
        if self.is_live(meta.instance):
            return Entry(meta.id, path, meta, live=True)
        try:
            self._map_bytes(meta)
        except DamagedRecord as exc:
            return Entry(meta.id, path, meta, exc.message)
        return Entry(meta.id, path, meta)

    def _map_bytes(self, meta: RecoveryMeta) -> bytes:
        path = self.folder / meta.map_file
        try:
            with open(path, "rb") as handle:
                data = handle.read(min(meta.size, jmap.MAX_FILE_BYTES) + 1)
        except FileNotFoundError:
            raise DamagedRecord(N_("{file}: the recovered map is missing"),
                                file=path) from None
        except OSError as exc:
            raise DamagedRecord(N_("{file}: cannot be read: {reason}"), file=path,
                                reason=exc.strerror or exc) from None
        if len(data) != meta.size or hashlib.sha256(data).hexdigest() != meta.sha256:
            raise DamagedRecord(N_("{file}: damaged: it is not the map that was autosaved "
                                   "({size} bytes, expected {expected})"), file=path,
                                size=len(data), expected=meta.size)
        return data

    def load(self, entry: Entry) -> jmap.LoadResult:
        """The recovered map of ``entry``; DamagedRecord (one line) when it cannot be."""
        if entry.problem is not None or entry.meta is None:
            raise DamagedRecord(entry.problem or Message(N_("{file}: damaged"), file=entry.path))
        data = self._map_bytes(entry.meta)
        try:
            return jmap.loads(data, name=str(self.folder / entry.meta.map_file))
        except JourneyError as exc:
            raise DamagedRecord(exc.message) from None

    # -------------------------------------------------------------- who is running
    def is_live(self, token: str) -> bool:
        """Is the journeymapper that holds ``token`` running now?"""
        mine = _instances.get(self.folder.absolute())
        if mine is not None and mine.token == token:
            return True
        path = self.folder / f"{token}.lock"
        if not _TOKEN.match(token) or not path.exists():
            return False
        probe = FileLock(str(path), timeout=0)
        try:
            probe.acquire()
        except Timeout:
            return True
        except OSError:
            return False
        probe.release(force=True)
        try:
            path.unlink()
        except OSError:
            pass
        return False

    def clean(self) -> None:
        """Remove what crashed apps left that no record needs: their lock files,
        map files no record names, and old temporary files."""
        if not self.folder.is_dir():
            return
        named: dict[str, str] = {}
        for path in self.folder.glob("*.json"):
            try:
                meta = self.read_meta(path.stem)
            except DamagedRecord:
                continue
            if not self.is_live(meta.instance):
                named[meta.id] = meta.map_file
        now = time.time()
        for path in self.folder.iterdir():
            match = _MAP_FILE.match(path.name)
            if path.suffix == ".lock":
                self.is_live(path.stem)   # a dead app's lock file goes
            elif match and match.group(1) in named and named[match.group(1)] != path.name:
                _unlink(path)
            elif match and not self.record_path(match.group(1)).exists():
                _unlink_if_older(path, now - ORPHAN_AGE_S)
            elif path.name.startswith(".") and path.name.endswith(".tmp"):
                _unlink_if_older(path, now - TEMP_AGE_S)


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _unlink_if_older(path: Path, before: float) -> None:
    try:
        if path.stat().st_mtime < before:
            path.unlink()
    except OSError:
        pass
