"""Atomic file writes: the old file stays intact until the new one is complete
(and one way to say why a file could not be read).

The bytes go to a temporary file in the same folder, are flushed and
fsync'ed, and only then replace the target with ``os.replace``. Any failure
removes the temporary file and leaves the target (and its ``.bak``) as they
were.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from journeymapper.i18n import N_, Message
from journeymapper.model.errors import JourneyError


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


def _temp_beside(path: Path) -> tuple[int, str]:
    return tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")


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
    if target.is_file() and (not target.stat().st_mode & 0o222
                             or not os.access(target, os.W_OK)):
        # os.replace would swap it anyway, since only the folder needs to be writable
        raise JourneyError(N_("{file}: the file is read-only; not overwritten"), file=target)
    try:
        fd, tmp = _temp_beside(target)
    except OSError as exc:
        raise JourneyError(N_("{file}: cannot write in {folder}: {value}"),
                           file=target, folder=folder, value=exc.strerror or exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            try:
                shutil.copymode(target, tmp)
            except OSError:
                pass
            if backup:
                _replace_backup(target)
        else:
            os.chmod(tmp, _default_mode())
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise JourneyError(N_("{file}: could not save: {value}"),
                               file=target, value=exc.strerror or exc) from None
        raise
    _fsync_dir(folder)


def _replace_backup(target: Path) -> None:
    """Copy the current file to ``target.bak`` atomically too."""
    bak = target.with_name(target.name + ".bak")
    fd, tmp = _temp_beside(bak)
    try:
        with os.fdopen(fd, "wb") as out, open(target, "rb") as src:
            shutil.copyfileobj(src, out)
            out.flush()
            os.fsync(out.fileno())
        shutil.copymode(target, tmp)
        os.replace(tmp, bak)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def read_problem(path: str | os.PathLike[str], exc: OSError, what: str) -> Message:
    """One line saying why ``path`` could not be opened for reading as ``what``
    (a message id marked with N_, such as N_("a .jmap file")), worded when shown."""
    if isinstance(exc, FileNotFoundError):
        return Message(N_("{file}: no such file"), file=path)
    if isinstance(exc, IsADirectoryError):
        return Message(N_("{file}: is a folder, not {what}"), file=path, what=Message(what))
    if isinstance(exc, PermissionError):
        return Message(N_("{file}: permission denied"), file=path)
    return Message(N_("{file}: cannot be read: {reason}"), file=path, reason=exc.strerror or exc)
