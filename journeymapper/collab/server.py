"""A room: one journey map shared over the standard Yjs websocket protocol.

The room is pycrdt-websocket's ``YRoom`` (sync steps 1 and 2, updates and
awareness, relayed to every peer) behind a ``websockets`` server, with:

- **The credential first.** The token (or the join code, or the read-only
  token) is checked in the HTTP handshake, in constant time, before the
  websocket exists: a wrong one gets 403 and no byte of the map.
- **A gate per peer** (:class:`Gate`) that reads every message before the
  room does: a message the Yjs protocol does not allow (garbage, a truncated
  update, an awareness state that is not JSON) or a write from a viewer is
  dropped, logged with the peer's address, and that peer is disconnected;
  websockets refuses a frame over ``max_message`` before reading it. The room
  and the other peers go on.
- **The update log** (pycrdt-store's ``SQLiteYStore``, ``MAP.ylog`` beside the
  map): an update is written to it before the room applies and relays it,
  so whatever a colleague has seen survives a ``kill -9``. Started again on
  the same map, the room resumes from the log; only a room without a log is
  seeded from the file (once, by the host; a joiner never seeds).
- **Saving back**: the room keeps a map of its own (the binding, read-only)
  and writes it to MAP atomically ``save_delay`` seconds after changes stop,
  like jupyter-collaboration's rooms.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import anyio
from pycrdt import (
    Decoder,
    Doc,
    YMessageType,
    YSyncMessageType,
    create_awareness_message,
    create_update_message,
    get_state,
    merge_updates,
)
from pycrdt.store import SQLiteYStore, YDocNotFound
from pycrdt.websocket import YRoom
from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from journeymapper.collab.address import Address, new_code, new_token, same_secret
from journeymapper.collab.binding import Binding
from journeymapper.io import jmap
from journeymapper.model.document import JourneyMap

log = logging.getLogger(__name__)

MAX_MESSAGE = 16 * 1024 * 1024       # one websocket message from a peer
MAX_ROOM_BYTES = 512 * 1024 * 1024   # all the updates a room accepts
MAX_AWARENESS_STATE = 64 * 1024      # one peer's presence, as JSON
MAX_PEERS = 100
MAX_WRONG_CODES = 20                 # then join codes are no longer accepted
EMPTY_UPDATE = b"\x00\x00"
UPDATE_PREFIX = bytes([YMessageType.SYNC, YSyncMessageType.SYNC_UPDATE])
EDITOR, VIEWER = "editor", "viewer"


def log_path_for(map_path: Path) -> Path:
    """Where a map's room keeps its update log: ``journey.jmap`` -> ``journey.jmap.ylog``."""
    return map_path.with_name(map_path.name + ".ylog")


class RoomStore(SQLiteYStore):
    """The update log: pycrdt-store's SQLite store in WAL mode, so a commit
    is on disk for any later reader (and survives the process) without an
    fsync per keystroke."""

    async def _init_db(self) -> None:
        await super()._init_db()
        cursor = await self._db.cursor()
        await cursor.execute("PRAGMA journal_mode=WAL")
        await cursor.execute("PRAGMA synchronous=NORMAL")


class Refused(Exception):
    """A peer's message that the gate drops (the peer is disconnected)."""


@dataclass
class Credentials:
    token: str = field(default_factory=new_token)
    read_only_token: str | None = None
    code: str = field(default_factory=new_code)
    wrong_codes: int = 0

    def role(self, query: dict[str, list[str]]) -> str | None:
        token = (query.get("token") or [""])[0]
        code = (query.get("code") or [""])[0]
        if same_secret(token, self.token):
            return EDITOR
        if same_secret(token, self.read_only_token):
            return VIEWER
        if code and self.wrong_codes < MAX_WRONG_CODES:
            from journeymapper.collab.address import normal_code

            if same_secret(normal_code(code), self.code):
                return EDITOR
            self.wrong_codes += 1
        return None


class MapRoom(YRoom):
    """The room of one map (see the module docstring)."""

    def __init__(self, name: str, path: Path | None, seed: JourneyMap | None,
                 store_path: Path | None, save_delay: float = 1.5) -> None:
        super().__init__(ready=True, ydoc=Doc(), log=log)
        self.name = name
        self.path = path
        self.store_path = store_path
        self.save_delay = save_delay
        self.store: RoomStore | None = None
        self.doc = JourneyMap()
        self.binding: Binding | None = None
        self._seed = seed
        self.accepted_bytes = 0
        self.resumed = False
        self._save_task: asyncio.Task | None = None
        self._dirty = False
        self.saves = 0
        self.on_saved: Callable[[], None] | None = None

    async def open(self, task_group: Any) -> None:
        """Resume from the update log, or seed from the map (once)."""
        loop = asyncio.get_running_loop()
        if self.store_path is not None:
            self.store = RoomStore(self.name, log=log)
            self.store.db_path = str(self.store_path)
            await task_group.start(self.store.start)
            try:
                await self.store.apply_updates(self.ydoc)
                self.resumed = True
            except YDocNotFound:
                self.resumed = False
        if self.resumed:
            self.binding = Binding(self.doc, self.ydoc, defer=loop.call_soon)
            self.binding.load()
            log.info("room %s resumed from %s", self.name, self.store_path)
        else:
            self.doc = self._seed if self._seed is not None else \
                jmap.load(self.path).document if self.path is not None else JourneyMap()
            self.binding = Binding(self.doc, self.ydoc, defer=loop.call_soon)
            self.binding.seed()
            if self.store is not None:
                await self.store.write(self.ydoc.get_update())
            log.info("room %s seeded from %s", self.name, self.path or "the window's map")
        self._seed = None
        self.doc.changes.connect(self._changed)
        if self.resumed:  # the file may be behind the log (killed before a save)
            self._changed(None)

    # ------------------------------------------------------------ persistence
    async def persist(self, update: bytes) -> None:
        """Write an update to the log before the room applies and relays it."""
        if self.accepted_bytes + len(update) > MAX_ROOM_BYTES:
            raise Refused(f"the room is full ({MAX_ROOM_BYTES // 2**20} MiB of changes)")
        self.accepted_bytes += len(update)
        if self.store is not None:
            await self.store.write(update)

    def _changed(self, _changes: Any) -> None:
        if self.path is None:
            return
        self._dirty = True
        if self._save_task is not None and not self._save_task.done():
            self._save_task.cancel()
        self._save_task = asyncio.get_running_loop().create_task(self._save_later())

    async def _save_later(self) -> None:
        try:
            await asyncio.sleep(self.save_delay)
        except asyncio.CancelledError:
            return
        await self.save_now()

    async def save_now(self) -> None:
        """Write the merged map to its file (atomically, keeping a .bak)."""
        if self.path is None or not self._dirty:
            return
        self._dirty = False
        snapshot = self.doc.snapshot()
        try:
            await anyio.to_thread.run_sync(jmap.save, snapshot, self.path)
        except Exception as exc:  # noqa: BLE001 - said in the log; the room goes on
            self._dirty = True
            log.error("room %s: could not save %s: %s", self.name, self.path, exc)
            return
        self.saves += 1
        log.info("room %s: saved %s", self.name, self.path)
        if self.on_saved is not None:
            self.on_saved()

    async def close(self) -> None:
        if self._save_task is not None and not self._save_task.done():
            self._save_task.cancel()
        await self.save_now()
        if self.binding is not None:
            self.binding.close()


class Gate:
    """One peer's connection as the room sees it (a pycrdt Channel): every
    message is checked before the room reads it (see the module docstring)."""

    def __init__(self, websocket: ServerConnection, room: MapRoom, role: str) -> None:
        self.websocket = websocket
        self.room = room
        self.role = role
        self.peer = _peer(websocket)
        self.awareness_ids: set[int] = set()
        self._path = room.name
        self._outgoing: list[bytes] = []
        self._flushing = False

    @property
    def path(self) -> str:
        return self._path

    def __aiter__(self) -> Gate:
        return self

    async def __anext__(self) -> bytes:
        while True:
            try:
                message = await self.websocket.recv()
            except ConnectionClosed as closed:
                if closed.rcvd is not None and closed.rcvd.code == 1009 or \
                        closed.sent is not None and closed.sent.code == 1009:
                    log.warning("peer %s: a message over %d bytes; disconnected", self.peer,
                                MAX_MESSAGE)
                raise StopAsyncIteration from None
            try:
                await self._check(message)
            except Refused as why:
                log.warning("peer %s: %s; disconnected", self.peer, why)
                await self.websocket.close(1008, "refused")
                raise StopAsyncIteration from None
            return message  # type: ignore[return-value]

    async def recv(self) -> bytes:
        return await self.__anext__()

    async def send(self, message: bytes) -> None:
        """Send a message to this peer. The room's updates are coalesced: those
        that queue up while the room is busy go out merged, as one message (ten
        colleagues typing at once cost each peer one message per turn of the
        room's loop, not one per keystroke each)."""
        if message[:2] != UPDATE_PREFIX:
            await self._send(message)
            return
        self._outgoing.append(message)
        if self._flushing:
            return
        self._flushing = True
        try:
            await asyncio.sleep(0)  # the updates the loop has ready join this one
            while self._outgoing:
                batch, self._outgoing = self._outgoing, []
                if len(batch) == 1:
                    await self._send(batch[0])
                    continue
                try:
                    merged = merge_updates(*(_payload(m[2:]) for m in batch))
                except Exception:  # noqa: BLE001 - the room's own updates: never expected
                    log.exception("could not merge updates for peer %s", self.peer)
                    for m in batch:
                        await self._send(m)
                    continue
                await self._send(create_update_message(merged))
        finally:
            self._flushing = False

    async def _send(self, message: bytes) -> None:
        try:
            await self.websocket.send(message)
        except ConnectionClosed:
            pass

    async def _check(self, message: Any) -> None:
        if not isinstance(message, bytes) or len(message) < 2:
            raise Refused("not a Yjs message (expected binary sync or awareness)")
        kind = message[0]
        if kind == YMessageType.SYNC:
            step = message[1]
            payload = _payload(message[2:])
            if step == YSyncMessageType.SYNC_STEP1:
                _check_state_vector(payload)
                return
            if step not in (YSyncMessageType.SYNC_STEP2, YSyncMessageType.SYNC_UPDATE):
                raise Refused(f"unknown sync message {step}")
            if payload == EMPTY_UPDATE:
                return
            if self.role != EDITOR:
                raise Refused("a viewer sent changes (read-only token)")
            try:
                get_state(payload)
            except Exception:  # noqa: BLE001 - any decoding failure: not an update
                raise Refused("an update that does not decode (truncated or garbage)") from None
            await self.room.persist(payload)
        elif kind == YMessageType.AWARENESS:
            self.awareness_ids |= _check_awareness(_payload(message[1:]))
        else:
            raise Refused(f"unknown message type {kind}")


def _payload(data: bytes) -> bytes:
    try:
        decoder = Decoder(data)
        payload = decoder.read_message()
    except Exception:  # noqa: BLE001 - a length prefix running past the end
        raise Refused("a message whose length does not match") from None
    if payload is None or decoder.length != 0:
        raise Refused("a message whose length does not match")
    return payload


def _check_state_vector(data: bytes) -> None:
    try:
        decoder = Decoder(data)
        for _ in range(decoder.read_var_uint()):
            decoder.read_var_uint()
            decoder.read_var_uint()
    except Exception:  # noqa: BLE001
        raise Refused("a state vector that does not decode") from None
    if decoder.length != 0:
        raise Refused("a state vector with bytes after it")


def _check_awareness(data: bytes) -> set[int]:
    ids = set()
    try:
        decoder = Decoder(data)
        count = decoder.read_var_uint()
        if count > 1000:
            raise Refused("an awareness update for too many clients")
        for _ in range(count):
            ids.add(decoder.read_var_uint())
            decoder.read_var_uint()
            state = decoder.read_message()
            if state is None or len(state) > MAX_AWARENESS_STATE:
                raise Refused("an awareness state over the limit")
            value = json.loads(state.decode("utf-8")) if state else None
            if value is not None and not isinstance(value, dict):
                raise Refused("an awareness state that is not an object")
    except Refused:
        raise
    except Exception:  # noqa: BLE001 - bad varints, bad UTF-8, bad JSON
        raise Refused("an awareness update that does not decode") from None
    return ids


def _peer(websocket: ServerConnection) -> str:
    address = websocket.remote_address
    if isinstance(address, tuple) and len(address) >= 2:
        return f"{address[0]}:{address[1]}"
    return str(address)


class RoomServer:
    """Hosts one map as a room on ``host:port`` (port 0: the OS picks one).

    ``path``: the map file (seeded from, saved back to, its log beside it);
    ``seed``: a map to seed from instead of reading ``path`` (the window's).
    Run it with ``async with server:`` on an asyncio loop, or in a thread of
    its own with :class:`ServerThread`."""

    def __init__(self, path: Path | None = None, seed: JourneyMap | None = None,
                 host: str = "127.0.0.1", port: int = 0, token: str | None = None,
                 read_only_token: str | None = None, room: str = "",
                 store_path: Path | None = None, save_delay: float = 1.5,
                 max_message: int = MAX_MESSAGE) -> None:
        self.path = Path(path) if path is not None else None
        self.host = host
        self.port = port
        self.credentials = Credentials(token or new_token(), read_only_token)
        name = room or (self.path.stem if self.path is not None else "journey")
        self.room_name = "".join(c if c.isalnum() or c in "-_" else "-" for c in name)[:64] or \
            "journey"
        if store_path is None and self.path is not None:
            store_path = log_path_for(self.path)
        self.room = MapRoom(self.room_name, self.path, seed, store_path, save_delay)
        self.max_message = max_message
        self.refused = 0
        self._server: Any = None
        self._stack: Any = None

    # ------------------------------------------------------------ addresses
    def address(self, host: str | None = None, viewer: bool = False) -> Address:
        token = self.credentials.read_only_token if viewer else self.credentials.token
        return Address(host or self.host, self.port, self.room_name, token or "")

    @property
    def code(self) -> str:
        return self.credentials.code

    # ------------------------------------------------------------ life
    async def __aenter__(self) -> RoomServer:
        from contextlib import AsyncExitStack

        self._stack = AsyncExitStack()
        await self._stack.__aenter__()
        task_group = await self._stack.enter_async_context(anyio.create_task_group())
        await self.room.open(task_group)
        await task_group.start(self.room.start)
        self._server = await serve(self._serve, self.host, self.port,
                                   process_request=self._check_request,
                                   max_size=self.max_message, max_queue=16,
                                   compression=None, logger=log)
        socket = next(iter(self._server.sockets))
        self.port = socket.getsockname()[1]
        log.info("room %s open at %s", self.room_name, self.address().shown())
        return self

    async def __aexit__(self, *exc: Any) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        await self.room.close()
        try:
            await self.room.stop()
        except RuntimeError:
            pass
        if self.room.store is not None:
            try:
                await self.room.store.stop()
            except RuntimeError:
                pass
        await self._stack.__aexit__(*exc)

    def _check_request(self, connection: ServerConnection, request: Any) -> Any:
        query = parse_qs(urlsplit(request.path).query)
        role = self.credentials.role(query)
        if role is None:
            self.refused += 1
            log.warning("peer %s: wrong token; refused", _peer(connection))
            return connection.respond(HTTPStatus.FORBIDDEN, "wrong token\n")
        if len(self.room.clients) >= MAX_PEERS:
            return connection.respond(HTTPStatus.SERVICE_UNAVAILABLE, "the room is full\n")
        connection.journeymapper_role = role  # type: ignore[attr-defined]
        return None

    async def _serve(self, websocket: ServerConnection) -> None:
        role = getattr(websocket, "journeymapper_role", VIEWER)
        gate = Gate(websocket, self.room, role)
        log.info("peer %s joined as %s", gate.peer, role)
        try:
            await self._send_presence(gate)
            await self.room.serve(gate)
        except Exception:  # noqa: BLE001 - one peer never takes the room down
            log.exception("peer %s: connection failed", gate.peer)
        finally:
            if gate.awareness_ids:
                self.room.awareness.remove_awareness_states(sorted(gate.awareness_ids), "local")
            log.info("peer %s left", gate.peer)


    async def _send_presence(self, gate: Gate) -> None:
        """A newcomer hears of everyone already here (the room relays changes only)."""
        awareness = self.room.awareness
        present = [i for i, state in awareness.states.items() if state]
        if present:
            update = awareness.encode_awareness_update(present)
            await gate.send(create_awareness_message(update))


class ServerThread:
    """A :class:`RoomServer` on an asyncio loop in a thread of its own (the
    window's Host session, tests, benchmarks)."""

    def __init__(self, server: RoomServer) -> None:
        self.server = server
        self.loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="journeymapper-room", daemon=True)

    def start(self, timeout: float = 30.0) -> ServerThread:
        self._thread.start()
        if not self._ready.wait(timeout):
            raise TimeoutError("the room did not start")
        if self._error is not None:
            raise self._error
        return self

    def _run(self) -> None:
        asyncio.run(self._main())

    async def _main(self) -> None:
        self.loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        try:
            async with self.server:
                self._ready.set()
                await self._stop.wait()
        except BaseException as exc:  # noqa: BLE001 - handed to start()
            self._error = exc
            self._ready.set()

    def call(self, fn: Callable[[], Any], timeout: float = 30.0) -> Any:
        """Run ``fn`` on the room's loop and wait for its result (an awaitable is awaited)."""
        assert self.loop is not None

        async def run() -> Any:
            result = fn()
            if asyncio.iscoroutine(result):
                result = await result
            return result

        return asyncio.run_coroutine_threadsafe(run(), self.loop).result(timeout)

    def stop(self, timeout: float = 30.0) -> None:
        if self.loop is not None and self._stop is not None and self._thread.is_alive():
            self.loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(timeout)
