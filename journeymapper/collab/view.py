"""Reading the Y document as plain values: its JSON projection.

Every peer reads the shared map through the repair rules, and the rules read
plain values: what Yjs' ``toJSON`` makes of the document (maps and arrays
as dicts and lists, a ``Y.Text`` as its string). Whole maps are projected
by yrs in one call (``str(map)`` is its JSON), which is what makes joining a
5,000-card room fast: reading the same map key by key through pycrdt's
Python objects takes ten times longer.

:class:`Whole` holds the projection of the whole document (a join, a full
re-read); :class:`Live` projects one entry at a time (a colleague's edit
touches a few). Both give the same values for the same document, whatever a
peer wrote into it, so a peer that joined and a peer that followed every
edit read the same map.
"""

from __future__ import annotations

import math
from typing import Any

import orjson
from pycrdt import Array, Doc, Map
from pycrdt._base import BaseType

ROOT_NAME = "journeymap"


def project(value: Any) -> Any:
    """A value of the Y document as ``toJSON`` gives it (see the module docstring)."""
    if isinstance(value, (Map, Array)):
        try:
            return orjson.loads(str(value))
        except orjson.JSONDecodeError:  # never expected: yrs writes JSON
            return None
    if isinstance(value, Doc):
        return {"guid": str(value.guid)}
    if isinstance(value, BaseType):  # Y.Text and the XML types: their text
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    if isinstance(value, bytes):
        return list(value)
    if isinstance(value, dict):
        return {str(k): project(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [project(v) for v in value]
    return value


class Whole:
    """The projection of the whole root map, read in one call."""

    def __init__(self, data: Any) -> None:
        self.data = data if isinstance(data, dict) else {}
        #: what readers derive from entries, kept for the life of the view
        self.memo: dict[str, Any] = {}

    @classmethod
    def of(cls, root: Map) -> Whole:
        return cls(project(root))

    def value(self, name: str) -> Any:
        """A value of the root (``stages``, ``waves``, a whole container)."""
        return self.data.get(name)

    def entries(self, name: str) -> dict[str, Any]:
        """The entries of one of the root's maps (empty when it is not a map)."""
        found = self.data.get(name)
        return found if isinstance(found, dict) else {}

    def entry(self, name: str, key: str) -> Any:
        return self.entries(name).get(key)

    def whole(self) -> Whole:
        return self


class Live:
    """The root map, projected one entry at a time (a few touched entries)."""

    def __init__(self, root: Map) -> None:
        self.root = root
        self._whole: Whole | None = None
        self.memo: dict[str, Any] = {}

    def _container(self, name: str) -> Any:
        try:
            return self.root.get(name)
        except Exception:  # noqa: BLE001 - a peer's value of an unexpected type
            return None

    def value(self, name: str) -> Any:
        return project(self._container(name))

    def entries(self, name: str) -> dict[str, Any]:
        found = project(self._container(name))
        return found if isinstance(found, dict) else {}

    def entry(self, name: str, key: str) -> Any:
        container = self._container(name)
        if isinstance(container, dict):  # a plain JSON object where a map belongs
            return project(container.get(key))
        if not isinstance(container, Map):
            return None
        try:
            return project(container.get(key))
        except Exception:  # noqa: BLE001
            return None

    def whole(self) -> Whole:
        """The whole document, projected once (for a read of every element)."""
        if self._whole is None:
            self._whole = Whole.of(self.root)
        return self._whole
