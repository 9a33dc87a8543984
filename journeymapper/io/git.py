"""A map as it was at a git revision (``diff --git REV``, Compare with > A git revision)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from journeymapper.i18n import N_
from journeymapper.io.jmap import MAX_FILE_BYTES
from journeymapper.model.errors import JourneyError

GIT_TIMEOUT = 30


def git_revision(path: Path, rev: str) -> bytes:
    """The bytes of ``path`` at git revision ``rev`` (its repository found from the file)."""
    if not rev.strip() or rev.startswith("-") or "\n" in rev:
        raise JourneyError(N_("--git {rev!r}: expected a revision (a commit, branch or tag)"),
                           rev=rev)
    folder = path.resolve().parent
    spec = f"{rev}:./{path.name}"
    try:
        done = subprocess.run(["git", "-C", str(folder), "show", spec], capture_output=True,
                              timeout=GIT_TIMEOUT, check=False)
    except FileNotFoundError:
        raise JourneyError(N_("--git: git is not installed")) from None
    except subprocess.TimeoutExpired:
        raise JourneyError(N_("--git {rev}: git did not answer in {seconds} s"), rev=rev,
                           seconds=GIT_TIMEOUT) from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise JourneyError(N_("{file}: no version at git revision {rev!r} ({reason})"),
                           file=path, rev=rev, reason=reason[-1] if reason else "git failed")
    if len(done.stdout) > MAX_FILE_BYTES:
        raise JourneyError(N_("{file}@{rev}: larger than a map may be"), file=path, rev=rev)
    return done.stdout
