"""Atomic file writes, and opening a user's file for reading safely.

Writing: the bytes go to a temporary file beside the target, named
``.NAME.<12 hex digits>.tmp`` (so a person who finds one knows whose it is),
are flushed and fsync'ed, and only then replace the target with
``os.replace``. Any failure removes the temporary file and leaves the target
(and its ``.bak``) as they were. A save that is killed outright (power cut,
``kill -9``) cannot remove its temporary file; the next save of the same file
does. The writer holds an exclusive ``flock`` on its temporary file until the
rename, so a file of that pattern whose lock can be taken belongs to a save
that is no longer running (the kernel drops the lock with the process), and
only such files are removed; a save in progress in another process keeps its
file.

Reading: :func:`open_regular` refuses what is not a regular file (a named
pipe would block the reader forever, a device would never end) before
reading a byte, and :func:`read_problem` says in one line why a file could
not be opened.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import stat
import time
from pathlib import Path
from typing import BinaryIO

from journeymapper.i18n import N_, Message
from journeymapper.model.errors import JourneyError

try:  # POSIX: advisory locks tell a running save from an interrupted one
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

#: Leftovers of saves by older versions (tempfile.mkstemp names, no lock) are
#: removed once they are this old.
UNLOCKED_STALE_SECONDS = 60.0
#: Where locks do not work (some network file systems, Windows), an unlocked
#: leftover is removed once it is this old.
NO_LOCKS_STALE_SECONDS = 3600.0
_TOKEN_BYTES = 6
_NEW_TOKEN = r"[0-9a-f]{12}"
_OLD_TOKEN = r"[a-z0-9_]{8}"
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _default_mode() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# ---------------------------------------------------------------- temporary files
def temp_pattern(path: Path) -> re.Pattern[str]:
    """Names of the temporary files that saves of ``path`` (and of its .bak) make."""
    name = re.escape(path.name)
    return re.compile(rf"^\.{name}(?:\.bak)?\.(?:(?P<new>{_NEW_TOKEN})|{_OLD_TOKEN})\.tmp$")


def _lock(fd: int) -> bool | None:
    """Take an exclusive lock without waiting: True taken, False held by another
    process, None when this file system (or platform) has no locks."""
    if fcntl is None:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return None
    return True


def _is_same(fd: int, path: str) -> bool:
    """Is ``path`` still the file open as ``fd`` (not removed, not replaced)?"""
    try:
        here, there = os.fstat(fd), os.lstat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _new_temp(path: Path) -> tuple[int, str]:
    """Create and lock a fresh temporary file beside ``path``."""
    for _ in range(100):
        tmp = str(path.with_name(f".{path.name}.{secrets.token_hex(_TOKEN_BYTES)}.tmp"))
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _CLOEXEC | _BINARY, 0o600)
        # a cleaner that took the lock first has removed the file: start again
        if _lock(fd) is not False and _is_same(fd, tmp):
            return fd, tmp
        os.close(fd)
    raise FileExistsError(f"no free temporary name beside {path}")


def clean_stale_temps(path: str | os.PathLike[str], now: float | None = None) -> list[str]:
    """Remove the temporary files that interrupted saves of ``path`` left beside it.

    Only names of the save pattern for this file are looked at, and only files
    no running save holds; returns the names removed."""
    target = Path(path)
    pattern = temp_pattern(target)
    folder = target.parent if str(target.parent) else Path(".")
    removed: list[str] = []
    try:
        entries = [e for e in os.scandir(folder) if pattern.match(e.name)]
    except OSError:
        return removed
    moment = time.time() if now is None else now
    for entry in entries:
        try:
            if entry.is_file(follow_symlinks=False) and _remove_if_stale(
                    entry.path, pattern.match(entry.name).group("new") is not None, moment):
                removed.append(entry.name)
        except OSError:
            continue
    return removed


def _remove_if_stale(path: str, locked_kind: bool, now: float) -> bool:
    fd = os.open(path, os.O_RDONLY | _NONBLOCK | _NOFOLLOW | _CLOEXEC | _BINARY)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return False
        locked = _lock(fd)
        if locked is False:
            return False                       # a save is writing it right now
        age = now - info.st_mtime
        if locked is None and age < NO_LOCKS_STALE_SECONDS:
            return False
        if not locked_kind and age < UNLOCKED_STALE_SECONDS:
            return False                       # an older version's save may be running
        if not _is_same(fd, path):
            return False
        os.unlink(path)                        # still holding the lock: no writer can start
        return True
    finally:
        os.close(fd)


# ---------------------------------------------------------------- writing
def _refuse_special(target: Path) -> None:
    """Refuse to replace a named pipe or device (reading it for the .bak would block)."""
    try:
        info = os.stat(target)
    except OSError:
        return
    what = _special_kind(info.st_mode)
    if what is not None:
        raise JourneyError(N_("{file}: not a regular file ({what}); not overwritten"),
                           file=target, what=what)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, backup: bool = False) -> None:
    """Write ``data`` to ``path`` atomically; keep the previous file as
    ``path.bak`` when ``backup`` is true. Raises JourneyError on failure."""
    target = Path(path)
    if target.is_symlink():
        # write the file the link points to; replacing the link would cut it off
        target = Path(os.path.realpath(target))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise JourneyError(N_("{file}: folder {folder} does not exist"), file=target, folder=folder)
    if target.is_dir():
        raise JourneyError(N_("{file}: is a folder; expected a file name"), file=target)
    _refuse_special(target)
    if target.is_file() and (not target.stat().st_mode & 0o222
                             or not os.access(target, os.W_OK)):
        # os.replace would swap it anyway, since only the folder needs to be writable
        raise JourneyError(N_("{file}: the file is read-only; not overwritten"), file=target)
    clean_stale_temps(target)
    try:
        fd, tmp = _new_temp(target)
    except OSError as exc:
        raise JourneyError(N_("{file}: cannot write in {folder}: {value}"),
                           file=target, folder=folder, value=exc.strerror or exc) from None
    try:
        _write_all(fd, data)
        if target.exists():
            try:
                shutil.copymode(target, tmp)
            except OSError:
                pass
            if backup:
                _replace_backup(target)
        else:
            os.chmod(tmp, _default_mode())
        _replace(fd, tmp, target)
    except BaseException as exc:
        _discard(fd, tmp)
        if isinstance(exc, OSError):
            raise JourneyError(N_("{file}: could not save: {value}"),
                               file=target, value=exc.strerror or exc) from None
        raise
    os.close(fd)
    _fsync_dir(folder)


def _write_all(fd: int, data: bytes) -> None:
    with open(fd, "wb", closefd=False) as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _replace(fd: int, tmp: str, target: Path) -> None:
    """Rename while still holding the lock (so no cleaner takes a finished file);
    Windows cannot rename an open file, and has no such cleaner race."""
    if fcntl is None:  # pragma: no cover - Windows
        os.close(fd)
    os.replace(tmp, target)


def _discard(fd: int, tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass
    try:
        os.close(fd)
    except OSError:
        pass


def _replace_backup(target: Path) -> None:
    """Copy the current file to ``target.bak`` atomically too."""
    bak = target.with_name(target.name + ".bak")
    fd, tmp = _new_temp(bak)
    try:
        with open(fd, "wb", closefd=False) as out, open(target, "rb") as src:
            shutil.copyfileobj(src, out)
            out.flush()
            os.fsync(out.fileno())
        shutil.copymode(target, tmp)
        _replace(fd, tmp, bak)
    except BaseException:
        _discard(fd, tmp)
        raise
    os.close(fd)


# ---------------------------------------------------------------- reading
def _special_kind(mode: int) -> Message | None:
    """What a non-regular, non-folder file is, in a few words (None: regular or folder)."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return Message(N_("a named pipe"))
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Message(N_("a device"))
    if stat.S_ISSOCK(mode):
        return Message(N_("a socket"))
    return Message(N_("not a file"))


def _worded(what: str | Message) -> Message:
    return what if isinstance(what, Message) else Message(what)


def _not_regular(path: str | os.PathLike[str], mode: int, what: str | Message) -> Message | None:
    if stat.S_ISDIR(mode):
        return Message(N_("{file}: is a folder, not {what}"), file=path, what=_worded(what))
    kind = _special_kind(mode)
    if kind is None:
        return None
    return Message(N_("{file}: not a regular file ({kind}); expected {what}"), file=path,
                   kind=kind, what=_worded(what))


def open_regular(path: str | os.PathLike[str], what: str | Message,
                 error: type[JourneyError] = JourneyError) -> BinaryIO:
    """Open a regular file for reading in binary mode, or raise ``error`` with one
    line: missing, a folder, a named pipe, a device, unreadable.

    The file is checked before it is opened (os.stat) and again once it is
    (os.fstat: the name may have changed in between), and opened with
    O_NONBLOCK, so a named pipe never blocks the caller."""
    try:
        problem = _not_regular(path, os.stat(path).st_mode, what)
        if problem is not None:
            raise error(problem)
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _CLOEXEC | _BINARY)
    except OSError as exc:
        raise error(read_problem(path, exc, what)) from None
    try:
        problem = _not_regular(path, os.fstat(fd).st_mode, what)
    except OSError as exc:
        os.close(fd)
        raise error(read_problem(path, exc, what)) from None
    if problem is not None:
        os.close(fd)
        raise error(problem)
    if _NONBLOCK and fcntl is not None:
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
        fcntl.fcntl(fd, fcntl.F_SETFL, flags & ~_NONBLOCK)
    return os.fdopen(fd, "rb")


def read_problem(path: str | os.PathLike[str], exc: OSError, what: str | Message) -> Message:
    """One line saying why ``path`` could not be opened for reading as ``what``
    (a message id marked with N_, such as N_("a .jmap file"), or a Message),
    worded when shown."""
    if isinstance(exc, FileNotFoundError):
        return Message(N_("{file}: no such file"), file=path)
    if isinstance(exc, IsADirectoryError):
        return Message(N_("{file}: is a folder, not {what}"), file=path, what=_worded(what))
    if isinstance(exc, PermissionError):
        return Message(N_("{file}: permission denied"), file=path)
    return Message(N_("{file}: cannot be read: {reason}"), file=path,
                   reason=exc.strerror or str(exc))
