"""Format migrations: a chain of small functions, one version step each.

``MIGRATIONS[n]`` turns a version-n document (a plain dict) into version
n + 1. To change the format: bump FORMAT_VERSION, register the step from the
previous version here, and add a test that loads a file of the old version.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Migration = Callable[[dict[str, Any]], dict[str, Any]]

FORMAT_VERSION = 1
MIGRATIONS: dict[int, Migration] = {}


def register(from_version: int) -> Callable[[Migration], Migration]:
    """Decorator: the function migrates ``from_version`` -> ``from_version + 1``."""

    def wrap(fn: Migration) -> Migration:
        if from_version in MIGRATIONS:
            raise ValueError(f"a migration from version {from_version} exists already")
        MIGRATIONS[from_version] = fn
        return fn

    return wrap


def migrate(data: dict[str, Any], version: int, target: int = FORMAT_VERSION,
            registry: dict[int, Migration] | None = None) -> dict[str, Any]:
    """Run every step from ``version`` up to ``target``; raise KeyError naming
    the first missing step."""
    steps = MIGRATIONS if registry is None else registry
    while version < target:
        if version not in steps:
            raise KeyError(version)
        data = steps[version](data)
        version += 1
        data["format_version"] = version
    return data
