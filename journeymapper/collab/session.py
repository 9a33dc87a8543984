"""A peer in a room: the map, its Y document, the network link, presence.

:class:`Session` lives on its owner's thread (the window's Qt thread, or a
test's thread): the map and the Y document are only ever touched there. The
network link (:mod:`journeymapper.collab.client`) works in a thread of its
own and hands everything back through ``deliver(fn)``, which must run ``fn``
on the owner's thread (a queued Qt signal; :class:`Inbox` for code without
an event loop).

**Presence** is Yjs awareness. This peer's state is a JSON object; the
session keeps ``user`` (``{"name", "color"}``, as Yjs editors do),
``selection`` (element ids) and ``editing`` (the card being typed in), and any
feature can add its own keys::

    session.set_local_state("follow", {"view": [x, y, w, h]})   # mine, sent to all
    session.on_presence = lambda states: ...                    # {client id: state}
    session.states()                                            # the others' now

A key set to None is removed. Keys are short names; values JSON.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Any

from pycrdt import Doc

from journeymapper.collab.address import Address
from journeymapper.collab.binding import Binding
from journeymapper.collab.client import CONNECTED, CONNECTING, NetworkLink
from journeymapper.model.document import JourneyMap

log = logging.getLogger(__name__)
Deliver = Callable[[Callable[[], None]], None]


class Inbox:
    """``deliver`` for an owner without an event loop: functions wait here
    until the owner calls :meth:`run_pending` (or :meth:`run_until`)."""

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()

    def __call__(self, fn: Callable[[], None]) -> None:
        self._queue.put(fn)

    def run_pending(self, wait: float = 0.0) -> int:
        """Run what is waiting (waiting up to ``wait`` s for the first); returns how many."""
        done = 0
        try:
            fn = self._queue.get(timeout=wait) if wait > 0 else self._queue.get_nowait()
        except queue.Empty:
            return 0
        while True:
            fn()
            done += 1
            try:
                fn = self._queue.get_nowait()
            except queue.Empty:
                return done

    def run_until(self, condition: Callable[[], bool], timeout: float = 10.0) -> bool:
        end = time.monotonic() + timeout
        while not condition():
            left = end - time.monotonic()
            if left <= 0:
                return False
            self.run_pending(min(left, 0.05))
        return True


class Session:
    """One peer (see the module docstring).

    ``doc``: the map this peer brings (the host's); None to take the room's
    (a joiner, whose map is :attr:`doc` once :attr:`joined`). ``initial``: the
    room's state when the host has it already (its own server). ``pace``: the
    room's changes reach the map at most once per ``pace`` seconds (a window
    asks for once a frame; see NetworkLink). Callbacks,
    on the owner's thread: ``on_joined(doc)``, ``on_status(state, detail)``,
    ``on_presence(states)``."""

    def __init__(self, address: Address, deliver: Deliver, doc: JourneyMap | None = None,
                 name: str = "", colour: str = "#3b82f6", read_only: bool = False,
                 initial: bytes | None = None, pace: float = 0.0) -> None:
        self.address = address
        self.deliver = deliver
        self.read_only = read_only
        self.ydoc = Doc()
        self.doc: JourneyMap | None = doc
        self.binding: Binding | None = None
        self.state = CONNECTING
        self.detail = ""
        self.joined = False
        self.on_joined: Callable[[JourneyMap], None] | None = None
        self.on_status: Callable[[str, str], None] | None = None
        self.on_presence: Callable[[dict[int, dict[str, Any]]], None] | None = None
        self._others: dict[int, dict[str, Any]] = {}
        self._local: dict[str, Any] = {"user": {"name": name, "color": colour}}
        self._remote = False
        self._closed = False
        self._owner = threading.get_ident()
        if initial is not None:
            self.ydoc.apply_update(initial)
        if doc is not None:
            self._bind(doc)
            self.joined = True
        self._subscription = self.ydoc.observe(self._local_update)
        self.link = NetworkLink(address.url, deliver, self._remote_update, self._status,
                                self._presence, initial_update=initial,
                                send_local=not read_only, pace=pace)

    def start(self) -> Session:
        self.link.start()
        self.link.set_presence(self._local)
        return self

    def _bind(self, doc: JourneyMap) -> None:
        self.doc = doc
        self.binding = Binding(doc, self.ydoc, defer=self.deliver)
        self.binding.load(origin="remote")

    # ------------------------------------------------------------ documents
    def _local_update(self, event: Any) -> None:
        if not self._remote and not self._closed:
            self.link.send_update(event.update)

    def _remote_update(self, updates: list[bytes]) -> None:
        """The room's updates, applied in one Y transaction: one change of the map."""
        if self._closed:
            return
        self._remote = True
        try:
            with self.ydoc.transaction():
                for update in updates:
                    try:
                        self.ydoc.apply_update(update)
                    except Exception:  # noqa: BLE001 - the network copy took it already
                        log.exception("could not apply the room's update")
        finally:
            self._remote = False

    def _status(self, state: str, detail: str) -> None:
        if self._closed:
            return
        self.state, self.detail = state, detail
        if state == CONNECTED and not self.joined:
            self.joined = True
            self._bind(JourneyMap())
            if self.on_joined is not None and self.doc is not None:
                self.on_joined(self.doc)
        if self.on_status is not None:
            self.on_status(state, detail)

    @property
    def connected(self) -> bool:
        return self.state == CONNECTED

    # ------------------------------------------------------------ presence
    def set_local_state(self, key: str, value: Any) -> None:
        """Set (or, with None, remove) one key of this peer's presence."""
        if value is None:
            self._local.pop(key, None)
        else:
            self._local[key] = value
        self.link.set_presence(self._local)

    def local_state(self) -> dict[str, Any]:
        return dict(self._local)

    def states(self) -> dict[int, dict[str, Any]]:
        """The others' presence now: ``{client id: state}``."""
        return dict(self._others)

    @property
    def client_id(self) -> int:
        return self.link.client_id

    def _presence(self, states: dict[int, dict[str, Any]]) -> None:
        if self._closed:
            return
        self._others = states
        if self.on_presence is not None:
            self.on_presence(dict(states))

    # ------------------------------------------------------------ leaving
    def go_offline(self) -> None:
        self.link.go_offline()

    def go_online(self) -> None:
        self.link.go_online()

    def leave(self) -> None:
        """Leave the room; the map stays as it is (a local copy)."""
        if self._closed:
            return
        self.link.stop()
        self._closed = True
        if self.binding is not None:
            self.binding.close()
        try:
            self.ydoc.unobserve(self._subscription)
        except Exception:  # noqa: BLE001
            pass
