"""The network side of a peer: a worker thread with an asyncio loop.

The worker keeps a network copy of the Y document and syncs it with the
room through pycrdt's ``Provider`` (sync steps 1 and 2, then updates) over a
``websockets`` connection, and the peer's presence through pycrdt's
``Awareness``. Updates cross between that copy and the owner's document as
bytes: the owner (the Qt thread, or a test's thread) hands local updates to
:meth:`NetworkLink.send_update`; remote ones come back through ``deliver``,
which must run the given function on the owner's thread. Nothing here
touches the journey map.

When the connection drops the worker tries again (after 0.2 s, then longer,
up to ``max_backoff``); local updates made meanwhile wait in the network
copy and go out with the sync of the next connection, and the room's
changes come in the same way: that is the offline merge.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from pycrdt import (
    Awareness,
    Doc,
    Provider,
    YMessageType,
    create_awareness_message,
    create_sync_message,
    create_update_message,
    merge_updates,
    read_message,
)
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

log = logging.getLogger(__name__)

MAX_INCOMING = 512 * 1024 * 1024  # a whole map arrives in one sync step
BRIDGE = "journeymapper-bridge"

#: states of the link
CONNECTING, CONNECTED, OFFLINE, REFUSED, CLOSED = (
    "connecting", "connected", "offline", "refused", "closed")

Deliver = Callable[[Callable[[], None]], None]


class _Channel:
    """A websocket as pycrdt's Provider reads it: awareness messages are
    taken out on the way (to the link's Awareness), sync messages go on."""

    def __init__(self, websocket: ClientConnection, path: str,
                 on_awareness: Callable[[bytes], None]) -> None:
        self.websocket = websocket
        self._path = path
        self._on_awareness = on_awareness

    @property
    def path(self) -> str:
        return self._path

    def __aiter__(self) -> _Channel:
        return self

    async def __anext__(self) -> bytes:
        while True:
            try:
                message = await self.websocket.recv()
            except ConnectionClosed:
                raise StopAsyncIteration from None
            if not isinstance(message, bytes) or not message:
                continue
            if message[0] == YMessageType.AWARENESS:
                try:
                    self._on_awareness(read_message(message[1:]))
                except Exception:  # noqa: BLE001 - a peer's bad presence is ignored
                    log.debug("awareness update ignored", exc_info=True)
                continue
            return message

    async def recv(self) -> bytes:
        return await self.__anext__()

    async def send(self, message: bytes) -> None:
        try:
            await self.websocket.send(message)
        except ConnectionClosed:
            pass


class _Provider(Provider):
    """pycrdt's Provider, sending this peer's own updates only (``outbox``):
    the room's changes that come in are not echoed back to it. None in the
    outbox ends the sending."""

    def __init__(self, doc: Doc, channel: _Channel, outbox: asyncio.Queue) -> None:
        super().__init__(doc, channel, log=log)
        self.outbox = outbox

    async def _send_updates(self) -> None:
        assert self._events is not None
        self._events.unsubscribe()  # the base's stream of every transaction is not used
        await self._channel.send(create_sync_message(self._doc))
        while True:
            updates = [await self.outbox.get()]
            while not self.outbox.empty():  # what queued up meanwhile goes out merged
                updates.append(self.outbox.get_nowait())
            done = None in updates
            updates = [u for u in updates if u is not None]
            if updates:
                update = updates[0] if len(updates) == 1 else merge_updates(*updates)
                await self._channel.send(create_update_message(update))
            if done:
                return


class NetworkLink:
    """Connects one peer to one room (see the module docstring).

    Callbacks, all run through ``deliver`` on the owner's thread:
    ``on_update(updates)``: remote changes to apply (a list, in order);
    ``on_status(state, detail)``;
    ``on_presence(states)``: ``{client_id: state}`` of the others.

    ``pace``: the owner gets the room's updates at most once per ``pace``
    seconds (a window: once a frame), however many arrive meanwhile."""

    def __init__(self, url: str, deliver: Deliver,
                 on_update: Callable[[list[bytes]], None],
                 on_status: Callable[[str, str], None],
                 on_presence: Callable[[dict[int, dict[str, Any]]], None],
                 initial_update: bytes | None = None, send_local: bool = True,
                 max_backoff: float = 5.0, pace: float = 0.0) -> None:
        self.url = url
        self.deliver = deliver
        self.on_update = on_update
        self.on_status = on_status
        self.on_presence = on_presence
        self.send_local = send_local
        self.max_backoff = max_backoff
        self.pace = pace
        self.state = CONNECTING
        self.client_id = 0
        self._initial = initial_update
        self._loop: asyncio.AbstractEventLoop | None = None
        self._doc: Doc | None = None
        self._awareness: Awareness | None = None
        self._channel: _Channel | None = None
        self._outbox: asyncio.Queue | None = None
        self._local_state: dict[str, Any] = {}
        self._bridging = False
        self._incoming: list[bytes] = []
        self._incoming_lock = threading.Lock()
        self._handing_over = False
        self._handed_over = 0.0
        self._stop: asyncio.Event | None = None
        self._kick: asyncio.Event | None = None
        self._paused = False
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="journeymapper-link", daemon=True)

    # ------------------------------------------------------------ the owner's side
    def start(self) -> NetworkLink:
        self._thread.start()
        self._ready.wait(10)
        return self

    def send_update(self, update: bytes) -> None:
        """A local change (any thread): into the network copy, out to the room."""
        if self.send_local:
            self._soon(self._bridge_in, update)

    def set_presence(self, state: dict[str, Any]) -> None:
        """This peer's awareness state (any thread)."""
        self._soon(self._set_local_state, dict(state))

    def stop(self, timeout: float = 10.0) -> None:
        """Leave the room (a last awareness message says goodbye) and end the thread."""
        self._soon(self._finish)
        self._thread.join(timeout)

    def go_offline(self) -> None:
        """Drop the connection and do not reconnect until :meth:`go_online` (tests,
        and a laptop leaving the network)."""
        self._soon(self._pause, True)

    def go_online(self) -> None:
        self._soon(self._pause, False)

    def _soon(self, fn: Callable[..., Any], *args: Any) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(fn, *args)

    # ------------------------------------------------------------ the worker
    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        finally:
            self._ready.set()

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        self._kick = asyncio.Event()
        self._doc = Doc()
        self.client_id = self._doc.client_id
        if self._initial is not None:
            self._bridge_in(self._initial)
            self._initial = None
        self._doc.observe(self._transaction)
        self._awareness = Awareness(self._doc)
        self._awareness.observe(self._awareness_changed)
        self._ready.set()
        backoff = 0.2
        async with asyncio.TaskGroup() as tasks:
            tasks.create_task(self._awareness.start())
            while not self._stop.is_set():
                if self._paused:
                    self._status(OFFLINE, "")
                    await self._wait_kick()
                    continue
                self._status(CONNECTING, "")
                try:
                    synced = await self._session()
                except InvalidStatus as refused:
                    code = refused.response.status_code
                    detail = "wrong token" if code == HTTPStatus.FORBIDDEN else str(code)
                    self._status(REFUSED, detail)
                    if code == HTTPStatus.FORBIDDEN:
                        break
                    synced = False
                except (OSError, ConnectionClosed, asyncio.TimeoutError) as exc:
                    self._status(OFFLINE, str(exc) or type(exc).__name__)
                    synced = False
                except Exception as exc:  # noqa: BLE001 - the room said something odd
                    log.warning("connection failed: %s", exc, exc_info=True)
                    self._status(OFFLINE, str(exc))
                    synced = False
                if self._stop.is_set():
                    break
                backoff = 0.2 if synced else min(self.max_backoff, backoff * 2)
                if not self._paused:
                    await self._wait_kick(backoff)
            await self._awareness.stop()
        if self.state != REFUSED:  # a refusal stays what the owner last hears
            self._status(CLOSED, "")

    async def _wait_kick(self, timeout: float | None = None) -> None:
        assert self._kick is not None
        self._kick.clear()
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self._kick.wait(), timeout)

    async def _session(self) -> bool:
        """One connection: sync, then follow until it drops. True once synced."""
        assert self._doc is not None and self._stop is not None
        synced = False
        async with connect(self.url, max_size=MAX_INCOMING, compression=None,
                           open_timeout=10, close_timeout=2) as websocket:
            channel = _Channel(websocket, self.url, self._awareness_in)
            outbox: asyncio.Queue = asyncio.Queue()
            self._outbox = outbox
            async with _Provider(self._doc, channel, outbox) as provider:
                self._channel = channel
                try:
                    await self._send_presence()
                    waiter = asyncio.ensure_future(provider.synced.wait())
                    closed = asyncio.ensure_future(websocket.wait_closed())
                    stop = asyncio.ensure_future(self._stopped_or_kicked())
                    done, _ = await asyncio.wait({waiter, closed, stop},
                                                 return_when=asyncio.FIRST_COMPLETED)
                    if waiter in done:
                        synced = True
                        self._status(CONNECTED, "")
                        done, _ = await asyncio.wait({closed, stop},
                                                     return_when=asyncio.FIRST_COMPLETED)
                    for task in (waiter, closed, stop):
                        task.cancel()
                    if stop in done:
                        await self._say_goodbye(channel)
                finally:
                    self._channel = None
                    self._outbox = None
                    outbox.put_nowait(None)
                    self._forget_others()
        return synced

    async def _stopped_or_kicked(self) -> None:
        assert self._stop is not None and self._kick is not None
        self._kick.clear()
        while not (self._stop.is_set() or self._paused):
            await self._wait_kick(1.0)

    def _pause(self, paused: bool) -> None:
        self._paused = paused
        assert self._kick is not None
        self._kick.set()

    def _finish(self) -> None:
        assert self._stop is not None and self._kick is not None
        self._stop.set()
        self._kick.set()

    # ------------------------------------------------------------ documents
    def _bridge_in(self, update: bytes) -> None:
        assert self._doc is not None
        self._bridging = True
        try:
            self._doc.apply_update(update)
        except Exception:  # noqa: BLE001 - our own document's update: never expected
            log.exception("could not take a local update")
        finally:
            self._bridging = False

    def _transaction(self, event: Any) -> None:
        """A transaction of the network copy: a local one goes out to the room,
        the room's goes to the owner (see :meth:`_hand_over`)."""
        update = event.update
        if self._bridging:
            if self._outbox is not None:
                self._outbox.put_nowait(update)
            return
        with self._incoming_lock:
            self._incoming.append(update)
            if self._handing_over:
                return
            self._handing_over = True
        wait = self._handed_over + self.pace - time.monotonic()
        if wait > 0 and self._loop is not None:
            self._loop.call_later(wait, self.deliver, self._hand_over)
        else:
            self.deliver(self._hand_over)

    def _hand_over(self) -> None:
        """On the owner's thread: every update that came in since the last hand-over,
        in one call (ten colleagues typing are one change of the map per batch,
        however busy the owner was)."""
        with self._incoming_lock:
            updates, self._incoming = self._incoming, []
            self._handing_over = False
            self._handed_over = time.monotonic()
        if updates:
            self.on_update(updates)

    # ------------------------------------------------------------ presence
    def _set_local_state(self, state: dict[str, Any]) -> None:
        self._local_state = state
        if self._awareness is not None:
            self._awareness.set_local_state(state)

    def _awareness_changed(self, topic: str, changes: tuple[dict[str, Any], Any]) -> None:
        _, origin = changes
        if topic == "update" and origin == "local" and self._channel is not None:
            asyncio.ensure_future(self._send_presence())
        if topic == "change" and origin != "local":
            self._publish_others()

    async def _send_presence(self) -> None:
        awareness, channel = self._awareness, self._channel
        if awareness is None or channel is None:
            return
        message = create_awareness_message(awareness.encode_awareness_update([self.client_id]))
        await channel.send(message)

    async def _say_goodbye(self, channel: _Channel) -> None:
        awareness = self._awareness
        if awareness is None:
            return
        awareness.set_local_state(None)
        message = create_awareness_message(awareness.encode_awareness_update([self.client_id]))
        with contextlib.suppress(Exception):
            await channel.send(message)
        awareness.set_local_state(self._local_state)

    def _awareness_in(self, update: bytes) -> None:
        if self._awareness is not None:
            self._awareness.apply_awareness_update(update, "remote")

    def _forget_others(self) -> None:
        awareness = self._awareness
        if awareness is None:
            return
        others = [i for i in awareness.states if i != self.client_id]
        if others:
            awareness.remove_awareness_states(others, "offline")
        self._publish_others()

    def _publish_others(self) -> None:
        awareness = self._awareness
        if awareness is None:
            return
        states = {i: dict(s) for i, s in awareness.states.items()
                  if i != self.client_id and isinstance(s, dict) and s}
        self.deliver(lambda: self.on_presence(states))

    def _status(self, state: str, detail: str) -> None:
        if state == self.state and not detail:
            return
        self.state = state
        self.deliver(lambda: self.on_status(state, detail))
