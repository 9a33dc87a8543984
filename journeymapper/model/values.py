"""A map's values beside its journey: properties (title, description, ...),
settings, root values a newer version wrote, and the keyed records of
features (see :mod:`journeymapper.model.records`).

Every change is recorded in the document's journal (MetaChanged,
SettingChanged, ExtraChanged, RecordChanged), so it joins the document's
transactions. The document checks what needs its elements (a record that
refers to a card) before it hands a change over.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from journeymapper.i18n import N_
from journeymapper.model import events as ev
from journeymapper.model.elements import freeze, text_list_problem, text_problem
from journeymapper.model.errors import ModelError
from journeymapper.model.journal import Journal
from journeymapper.model.records import SECTIONS, is_record_key, is_section_name, refers_to

META_KEYS = ("title", "description", "authors", "created", "version_note", "language")
DEFAULT_SETTINGS: dict[str, Any] = {"emotion_range": 2}
#: the root keys of a .jmap the document itself writes (an unknown value cannot take one)
ROOT_KEYS = frozenset({"format_version", "settings", "lanes", "stages", "elements", "links",
                       "waves", "scores", "records", *META_KEYS})


class MapValues:
    """Properties, settings, unknown root values and records of one map."""

    def __init__(self, journal: Journal, title: str) -> None:
        self._journal = journal
        self._meta: dict[str, Any] = {
            "title": title, "description": "", "authors": (), "created": "", "version_note": "",
        }
        self._settings: dict[str, Any] = dict(DEFAULT_SETTINGS)
        self._extra: dict[str, Any] = {}
        self._records: dict[str, dict[str, Any]] = {}

    def copy(self, journal: Journal) -> MapValues:
        values = MapValues(journal, "")
        values._meta = dict(self._meta)
        values._settings = dict(self._settings)
        values._extra = dict(self._extra)
        values._records = {name: dict(items) for name, items in self._records.items()}
        return values

    # ------------------------------------------------------------ properties
    @property
    def meta(self) -> Mapping[str, Any]:
        return MappingProxyType(self._meta)

    def set_meta(self, key: str, value: Any) -> None:
        if key not in META_KEYS:
            raise ModelError(N_("unknown map property {key!r}"), key=key)
        if value is None:  # unset (the undo of a first "language")
            if key in self._meta:
                old = self._meta[key]
                with self._journal.transaction():
                    del self._meta[key]
                    self._journal.record(ev.MetaChanged(key, old, None),
                                         lambda: self._meta.__setitem__(key, old))
            return
        problem = text_list_problem(value) if key == "authors" else text_problem(value)
        if problem:
            raise ModelError(N_("{key}: {problem}"), key=key, problem=problem)
        self._set_in(self._meta, key, freeze(value), ev.MetaChanged)

    @property
    def settings(self) -> Mapping[str, Any]:
        return MappingProxyType(self._settings)

    def set_setting(self, key: str, value: Any) -> None:
        if key == "emotion_range" and (isinstance(value, bool) or value not in (2, 3)):
            raise ModelError(N_("emotion_range: expected 2 or 3, got {value!r}"), value=value)
        self._set_in(self._settings, key, freeze(value), ev.SettingChanged)

    @property
    def extra(self) -> Mapping[str, Any]:
        return MappingProxyType(self._extra)

    def set_extra(self, key: str, value: Any) -> None:
        if key in ROOT_KEYS:
            raise ModelError(N_("{key!r} is not an unknown root value"), key=key)
        self._set_in(self._extra, key, freeze(value), ev.ExtraChanged)

    def _set_in(self, store: dict[str, Any], key: str, value: Any, event: type) -> None:
        missing = key not in store
        old = store.get(key)
        if not missing and old == value:
            return

        def revert() -> None:
            if missing:
                store.pop(key, None)
            else:
                store[key] = old

        with self._journal.transaction():
            store[key] = value
            self._journal.record(event(key, old, value), revert)

    # ------------------------------------------------------------ records
    def sections(self) -> tuple[str, ...]:
        return tuple(sorted(name for name, items in self._records.items() if items))

    def records(self, section: str) -> Mapping[str, Any]:
        return MappingProxyType(self._records.get(section, {}))

    def record(self, section: str, key: str) -> Any:
        return self._records.get(section, {}).get(key)

    def put_record(self, section: str, key: str, value: Any) -> None:
        if not is_section_name(section):
            raise ModelError(N_("{section!r} is not a section name"), section=section)
        if not is_record_key(key):
            raise ModelError(N_("{section}: {key!r} is not a record key"), section=section,
                             key=key)
        if value is None:
            raise ModelError(N_("{section}[{key!r}]: a record needs a value"), section=section,
                             key=key)
        value = freeze(value)
        kind = SECTIONS.get(section)
        items = self._records.get(section, {})
        if kind is not None:
            problem = kind.check(key, value)
            if problem:
                raise ModelError(N_("{section}[{key!r}]: {problem}"), section=section, key=key,
                                 problem=problem)
            if key not in items and len(items) >= kind.limit:
                raise ModelError(N_("{section}: at most {limit} records"), section=section,
                                 limit=kind.limit)
        self._set_record(section, key, value)

    def drop_record(self, section: str, key: str) -> None:
        if self.record(section, key) is not None:
            self._set_record(section, key, None)

    def _set_record(self, section: str, key: str, value: Any) -> None:
        items = self._records.setdefault(section, {})
        old = items.get(key)
        if old == value:
            return

        def put(v: Any) -> None:
            if v is None:
                items.pop(key, None)
            else:
                items[key] = v

        with self._journal.transaction():
            put(value)
            self._journal.record(ev.RecordChanged(section, key, old, value), lambda: put(old))

    def referring_to(self, element_id: str) -> Iterator[tuple[str, str, Any]]:
        """The records (section, key, value) that need ``element_id``."""
        for section, items in self._records.items():
            if section not in SECTIONS:
                continue
            for key, value in list(items.items()):
                if element_id in refers_to(section, key, value):
                    yield section, key, value
