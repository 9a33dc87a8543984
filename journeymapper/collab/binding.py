"""The binding: one journey map kept the same as one Y document.

Local change sets (origins local, undo, redo) become one Y transaction each
(:mod:`journeymapper.collab.writing`), with the origin the binding is given
(:meth:`Binding.writing_as`: the per-person undo tags each command's
changes). Everything else that changes the Y document (a colleague's update,
an undo manager, a reconnect) is read back through the repair rules
(:mod:`journeymapper.collab.repair`) and becomes model changes inside one
``doc.transaction(origin)`` (``remote`` unless :meth:`applying_as` says
otherwise), so the canvas, the panels and autosave follow it as they follow
any change. The binding ignores the change sets it makes itself.

Own writes can reveal what the Y document kept hidden (a card brought back
by an undo makes a colleague's link to it show again): the binding checks
what its own writes touched a moment later, through ``defer`` (the owner's
event loop), never in the middle of another listener's change set.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from pycrdt import Doc, Map

from journeymapper.collab import repair
from journeymapper.collab.reconcile import Reconciler, Touched
from journeymapper.collab.repair import View
from journeymapper.collab.schema import ensure_root, write_document
from journeymapper.collab.view import Live, Whole
from journeymapper.collab.writing import Writer
from journeymapper.model import events as ev
from journeymapper.model.document import JourneyMap

log = logging.getLogger(__name__)
LOCAL_ORIGIN = "journeymapper-local"


class Binding:
    """Keeps ``doc`` and ``ydoc`` the same (see the module docstring).

    ``defer(fn)`` runs ``fn`` soon on the thread that owns both (None: the
    caller runs :meth:`check_pending` itself)."""

    def __init__(self, doc: JourneyMap, ydoc: Doc,
                 defer: Callable[[Callable[[], None]], None] | None = None) -> None:
        self.doc = doc
        self.ydoc = ydoc
        self.root: Map = ensure_root(ydoc)
        self.defer = defer
        self.index = repair_index = Index()
        self.writer = Writer(self.root, repair_index)
        self.reconciler = Reconciler(doc, repair_index)
        self._origin: Any = LOCAL_ORIGIN
        self._model_origin = ev.REMOTE
        self._applying = False
        self._writing = False
        self._pending = Touched()
        self._check_armed = False
        self._closed = False
        #: counts for tests and the status bar
        self.applied = 0
        self.repairs_skipped = 0
        self._subscription = self.root.observe_deep(self._on_y)
        doc.changes.connect(self._on_model)

    # ------------------------------------------------------------ life
    def seed(self) -> None:
        """Write the whole map into the (empty) Y document: the host does this
        once, when a room is made from a file; a joiner never does."""
        with self._write(), self.ydoc.transaction(origin=self._origin):
            write_document(self.root, self.doc)
        self.writer.follow_orders(self.doc)

    def load(self, origin: str = ev.LOAD) -> None:
        """Make the map what the Y document holds (a joiner, after the first sync)."""
        view = Whole.of(self.root)  # the whole document in one read
        self.index.rebuild(view)
        touched = Touched()
        touched.full = True
        self._apply(touched, origin, view)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.doc.changes.disconnect(self._on_model)
        try:
            self.root.unobserve(self._subscription)
        except Exception:  # noqa: BLE001 - the document may be gone already
            pass

    @contextmanager
    def writing_as(self, origin: Any) -> Iterator[None]:
        """Local change sets inside the block are written with ``origin``."""
        previous, self._origin = self._origin, origin
        try:
            yield
        finally:
            self._origin = previous

    @contextmanager
    def applying_as(self, origin: str) -> Iterator[None]:
        """Y changes inside the block reach the map with ``origin`` (undo, redo)."""
        previous, self._model_origin = self._model_origin, origin
        try:
            yield
        finally:
            self._model_origin = previous

    # ------------------------------------------------------------ model -> Y
    @contextmanager
    def _write(self) -> Iterator[None]:
        self._writing = True
        try:
            yield
        finally:
            self._writing = False

    def _on_model(self, changes: ev.ChangeSet) -> None:
        if self._applying or self._closed or changes.origin == ev.LOAD:
            return
        with self._write(), self.ydoc.transaction(origin=self._origin):
            self.writer.write(changes)

    # ------------------------------------------------------------ Y -> model
    def _on_y(self, events: list[Any]) -> None:
        if self._closed:
            return
        try:
            touched = Touched.from_events(events)
            view = Live(self.root)
            self.index.update(view, touched)
            if self._writing:
                own = touched.structural()
                if not own.empty():
                    self._pending.merge(own)
                    self._arm_check()
                return
            self._apply(touched, self._model_origin, view)
        except Exception:  # noqa: BLE001 - a peer's document must never break the window
            log.exception("could not follow a change of the shared map")

    def _apply(self, touched: Touched, origin: str, view: View, own: bool = False) -> None:
        self._applying = True
        try:
            with self.ydoc.transaction(), self.doc.transaction(origin):
                result = self.reconciler.apply(touched, view, own)
            self.writer.follow_orders(self.doc)
        finally:
            self._applying = False
        self.applied += 1
        self.repairs_skipped += result.skipped

    def _arm_check(self) -> None:
        if self._check_armed or self.defer is None:
            return
        self._check_armed = True
        self.defer(self.check_pending)

    def check_pending(self) -> None:
        """Show what the binding's own writes revealed (see the module docstring)."""
        self._check_armed = False
        if self._closed or self._pending.empty():
            return
        touched, self._pending = self._pending, Touched()
        try:
            self._apply(touched, ev.REMOTE, Live(self.root), own=True)
        except Exception:  # noqa: BLE001 - as in _on_y
            log.exception("could not follow a change of the shared map")


class Index:
    """What the binding knows of the Y document without reading all of it:
    which elements are stages, each card's stored stage and lane, and which
    links, records and scores name each element. Kept current from every Y
    transaction (own and others')."""

    def __init__(self) -> None:
        self.stages: set[str] = set()
        self.stage_of: dict[str, Any] = {}
        self.lane_of: dict[str, Any] = {}
        self.links_of: dict[str, set[str]] = {}
        self.records_of: dict[str, set[tuple[str, str]]] = {}
        self.scores_of: dict[str, set[str]] = {}
        self._record_refs: dict[tuple[str, str], tuple[str, ...]] = {}
        self._score_refs: dict[str, tuple[str, ...]] = {}

    def rebuild(self, view: View) -> None:
        self.__init__()  # type: ignore[misc]
        touched = Touched()
        touched.full = True
        self.update(view, touched)

    def update(self, view: View, touched: Touched) -> None:
        if touched.full:
            view = view.whole()
            touched_ids = set(view.entries("elements")) | set(self.stage_of) | self.stages
            link_keys = set(view.entries("links"))
            score_keys = set(view.entries("scores")) | set(self._score_refs)
            record_keys = {ends for ends in map(repair.link_ends, view.entries("records"))
                           if ends} | set(self._record_refs)
        else:
            touched_ids, link_keys = touched.elements, touched.links
            score_keys = touched.scores
            record_keys = set(touched.records)
        for element_id in touched_ids:
            kind, raw, _ = repair.head(view, element_id)
            self.stages.discard(element_id)
            self.stage_of.pop(element_id, None)
            self.lane_of.pop(element_id, None)
            if kind is repair.Kind.STAGE:
                self.stages.add(element_id)
            elif kind is not None:
                raw = raw or {}
                self.stage_of[element_id] = raw.get("stage")
                self.lane_of[element_id] = raw.get("lane")
        for key in link_keys:
            ends = repair.link_ends(key)
            if ends is not None:
                for end in ends:
                    self.links_of.setdefault(end, set()).add(key)
        for section, key in record_keys:
            for ref in self._record_refs.pop((section, key), ()):
                self.records_of.get(ref, set()).discard((section, key))
            refs = repair.record_refs(section, key,
                                      view.entry("records", f"{section}{repair.SEP}{key}"))
            if refs:
                self._record_refs[(section, key)] = refs
                for ref in refs:
                    self.records_of.setdefault(ref, set()).add((section, key))
        for key in score_keys:
            for ref in self._score_refs.pop(key, ()):
                self.scores_of.get(ref, set()).discard(key)
            refs = repair.score_refs(view.entry("scores", key))
            if refs:
                self._score_refs[key] = refs
                for ref in refs:
                    self.scores_of.setdefault(ref, set()).add(key)
