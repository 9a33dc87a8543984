"""Where the shipped resources (templates, schema, icons) live.

In a source checkout and an editable install they are the top-level
``resources/`` folder; an installed wheel carries them as the package
``journeymapper._resources``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    import importlib.util

    spec = importlib.util.find_spec("journeymapper._resources")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("journeymapper's resources are missing from this installation")
    return Path(next(iter(spec.submodule_search_locations)))


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
