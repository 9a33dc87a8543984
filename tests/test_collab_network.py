"""Co-editing through a real room on loopback (127.0.0.1, port 0): headless
peers converge with random disconnects; wrong tokens, viewers writing,
garbage, a 100 MB message and a truncated update are refused and logged
while the room goes on; a server killed with SIGKILL resumes with every
acknowledged edit."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from collab_support import random_edit, valid
from hypothesis import given, settings
from hypothesis import strategies as st
from pycrdt import Doc, Map, Text, create_sync_message, create_update_message
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from journeymapper.collab.address import Address, parse_address
from journeymapper.collab.server import RoomServer, ServerThread, log_path_for
from journeymapper.collab.session import Inbox, Session
from journeymapper.io import jmap
from journeymapper.io.serialize import dumps
from journeymapper.model.elements import Kind
from journeymapper.templates import new_from_template

LAPTOP = Path(__file__).resolve().parent.parent / "examples" / "laptop-store.jmap"


class Room:
    """A server thread and headless peers sharing one inbox (one owner thread)."""

    def __init__(self, path: Path | None = None, **options) -> None:
        seed = None if path is not None else jmap.load(LAPTOP).document
        self.thread = ServerThread(RoomServer(path, seed=seed, save_delay=0.2,
                                              **options)).start()
        self.server = self.thread.server
        self.inbox = Inbox()
        self.peers: list[Session] = []

    def join(self, name: str = "", viewer: bool = False) -> Session:
        peer = Session(self.server.address(viewer=viewer), self.inbox, name=name,
                       read_only=viewer).start()
        self.peers.append(peer)
        assert self.inbox.run_until(lambda: peer.joined, 20), peer.detail
        return peer

    def until(self, condition, timeout: float = 20.0) -> bool:
        return self.inbox.run_until(condition, timeout)

    def converged(self) -> bool:
        self.inbox.run_pending()
        maps = {dumps(p.doc) for p in self.peers if p.doc is not None}
        return len(maps) == 1

    def close(self) -> None:
        for peer in self.peers:
            peer.leave()
        self.thread.stop()


@pytest.fixture
def room():
    opened = Room(read_only_token="viewers-only")
    yield opened
    opened.close()


def test_a_card_added_on_one_laptop_appears_on_the_other(room):
    a, b = room.join("Hana"), room.join("Minho")
    stage, lane = a.doc.stage_order[0], a.doc.lane_for_kind(Kind.PAIN_POINT).id
    card = a.doc.add_card(Kind.PAIN_POINT, stage, lane, "배송 조회가 느려요")
    assert room.until(lambda: card in b.doc)
    assert b.doc.element(card).text == "배송 조회가 느려요"
    assert room.until(room.converged)
    assert room.until(lambda: any(s.get("user", {}).get("name") == "Hana"
                                  for s in b.states().values()))


def test_an_offline_laptop_keeps_editing_and_merges_on_reconnect(room):
    a, b = room.join(), room.join()
    card = a.doc.add_card(Kind.NOTE, a.doc.stage_order[1], a.doc.lanes[1].id, "shared")
    assert room.until(lambda: card in b.doc)
    b.go_offline()
    assert room.until(lambda: b.state == "offline")
    b.doc.set_field(card, "text", b.doc.element(card).text + " (B, offline)")
    a.doc.set_field(card, "text", "A: " + a.doc.element(card).text)
    added = b.doc.add_card(Kind.NOTE, b.doc.stage_order[0], b.doc.lanes[1].id, "offline idea")
    room.inbox.run_pending(0.3)
    assert added not in a.doc
    b.go_online()
    assert room.until(lambda: room.converged() and added in a.doc)
    assert a.doc.element(card).text.startswith("A: ")
    assert a.doc.element(card).text.endswith("(B, offline)")


@settings(max_examples=4, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_peers_with_random_disconnects_converge_to_the_same_bytes(seed):
    rng = random.Random(seed)
    room = Room()
    try:
        peers = [room.join(f"p{n}") for n in range(3)]
        for _ in range(40):
            peer = rng.choice(peers)
            if rng.random() < 0.1:
                peer.go_offline() if peer.state == "connected" else peer.go_online()
            random_edit(peer.doc, rng)
            room.inbox.run_pending()
        for peer in peers:
            peer.go_online()
        assert room.until(lambda: all(p.connected for p in peers) and room.converged(), 30)
        assert valid(peers[0].doc)
        late = room.join("late")  # a newcomer reads the same map from the room
        assert room.until(room.converged)
        assert dumps(late.doc) == dumps(peers[0].doc)
    finally:
        room.close()


# ------------------------------------------------------------ untrusted peers
async def _raw(url: str, messages: list[bytes], max_size: int | None = 2**20) -> list[bytes]:
    """Send raw messages as a misbehaving client would; return what came back."""
    got: list[bytes] = []
    ws = await connect(url, max_size=max_size, open_timeout=5, close_timeout=1)
    try:
        for message in messages:
            try:
                await asyncio.wait_for(ws.send(message), 20)
            except (ConnectionClosed, OSError, asyncio.TimeoutError):
                break
        try:
            while True:
                got.append(await asyncio.wait_for(ws.recv(), 1.0))
        except (ConnectionClosed, OSError, asyncio.TimeoutError):
            pass
    finally:
        with contextlib.suppress(Exception):
            ws.transport.abort()
    return got


def test_a_wrong_token_is_refused_before_any_map_data(room, caplog):
    wrong = Address(room.server.host, room.server.port, room.server.room_name, "guess")
    with caplog.at_level(logging.WARNING):
        with pytest.raises(InvalidStatus) as refused:
            asyncio.run(_raw(wrong.url, []))
    assert refused.value.response.status_code == 403
    assert b"Purchase" not in refused.value.response.body
    assert "wrong token" in caplog.text
    peer = Session(wrong, room.inbox)
    peer.start()
    assert room.until(lambda: peer.state == "refused")
    peer.leave()
    assert room.join().joined  # the room goes on


def test_a_join_code_lets_you_in_and_guessing_codes_stops_working(room):
    address = parse_address(f"{room.server.host}:{room.server.port}", code=room.server.code)
    peer = Session(address, room.inbox).start()
    room.peers.append(peer)
    assert room.until(lambda: peer.joined)
    room.server.credentials.wrong_codes = 10**6  # after too many wrong codes
    late = Session(address, room.inbox).start()
    assert room.until(lambda: late.state == "refused")
    late.leave()


def test_a_viewer_sees_changes_and_its_writes_are_refused(room, caplog):
    editor, viewer = room.join("editor"), room.join("viewer", viewer=True)
    stage, lane = editor.doc.stage_order[0], editor.doc.lanes[1].id
    card = editor.doc.add_card(Kind.ACTION, stage, lane, "seen by the viewer")
    assert room.until(lambda: card in viewer.doc)
    mine = viewer.doc.add_card(Kind.ACTION, stage, lane, "the viewer's own")
    forged = Doc()
    forged.apply_update(editor.ydoc.get_update())
    with forged.transaction():
        forged.get("journeymap", type=Map)["meta"]["title"] = "\"hijacked\""
    update = forged.get_update(editor.ydoc.get_state())
    with caplog.at_level(logging.WARNING):
        asyncio.run(_raw(room.server.address(viewer=True).url, [create_update_message(update)]))
    assert "viewer sent changes" in caplog.text
    room.inbox.run_pending(0.5)
    assert mine not in editor.doc and editor.doc.title != "hijacked"
    assert room.until(lambda: card in room.join("later").doc)


@pytest.mark.parametrize("garbage", [
    b"\x07\x00garbage",                   # not a Yjs message type
    b"\x00\x02\x05\x01\x02",              # an update whose length runs past the end
    b"\x01\x03\x01\x05",                  # an awareness update that does not decode
    "text frame",                         # not binary at all
])
def test_garbage_is_dropped_the_peer_disconnected_the_room_goes_on(room, caplog, garbage):
    a = room.join()
    with caplog.at_level(logging.WARNING):
        got = asyncio.run(_raw(room.server.address().url, [garbage]))
    assert "disconnected" in caplog.text
    assert len(got) <= 2  # the sync step 1 (and presence) it got before, nothing after
    b = room.join()
    card = a.doc.add_card(Kind.NOTE, a.doc.stage_order[0], a.doc.lanes[1].id, "still here")
    assert room.until(lambda: card in b.doc)


def test_a_truncated_update_is_refused(room, caplog):
    a = room.join()
    doc = Doc()
    doc["x"] = Text("a real update, cut short")
    update = doc.get_update()[:-5]
    with caplog.at_level(logging.WARNING):
        asyncio.run(_raw(room.server.address().url, [create_update_message(update)]))
    assert "does not decode" in caplog.text
    assert "x" not in room.thread.call(lambda: list(room.server.room.ydoc.keys()))
    assert room.join().joined and a.connected


def test_a_100_mb_message_is_refused_without_reading_it(room, caplog):
    a = room.join()
    huge = b"\x00\x02" + b"\xff" * (100 * 1024 * 1024)
    with caplog.at_level(logging.WARNING):
        asyncio.run(_raw(room.server.address().url, [huge], max_size=None))
    assert room.until(lambda: "over" in caplog.text, 10)
    b = room.join()
    card = a.doc.add_card(Kind.NOTE, a.doc.stage_order[0], a.doc.lanes[1].id, "after")
    assert room.until(lambda: card in b.doc)


def test_the_first_sync_message_a_client_gets_is_after_the_token(room):
    got = asyncio.run(_raw(room.server.address().url, [create_sync_message(Doc())]))
    assert got and got[0][0] == 0  # sync step 1 from the room: the protocol, once in


# ------------------------------------------------------------ the file and the log
def test_the_room_saves_the_merged_map_back_and_resumes_from_its_log(tmp_path):
    path = tmp_path / "workshop.jmap"
    jmap.save(new_from_template("ecommerce"), path)
    room = Room(path)
    try:
        a = room.join()
        card = a.doc.add_card(Kind.NOTE, a.doc.stage_order[0], a.doc.lanes[1].id, "kept")
        assert room.until(lambda: room.server.room.saves > 0 and
                          card in jmap.load(path).document, 10)
        assert log_path_for(path).exists()
    finally:
        room.close()
    again = Room(path)
    try:
        assert again.server.room.resumed
        assert card in again.join().doc
    finally:
        again.close()


SERVE = [sys.executable, "-c", "import sys; from journeymapper.cli import main; sys.exit(main())",
         "serve"]


def _start_serve(path: Path, token: str) -> tuple[subprocess.Popen, Address]:
    process = subprocess.Popen([*SERVE, str(path), "--port", "0", "--token", token,
                                "--quiet", "--save-delay", "0.2"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    assert line.startswith("Join address: "), process.stderr.read()
    return process, parse_address(line.split(": ", 1)[1].strip())


def test_a_server_killed_mid_edits_resumes_with_every_acknowledged_edit(tmp_path):
    path = tmp_path / "killed.jmap"
    jmap.save(new_from_template("ecommerce"), path)
    process, address = _start_serve(path, "t" * 24)
    inbox = Inbox()
    writer = Session(address, inbox, name="writer").start()
    watcher = Session(address, inbox, name="watcher").start()
    acknowledged: list[str] = []
    try:
        assert inbox.run_until(lambda: writer.joined and watcher.joined, 20)
        stage, lane = writer.doc.stage_order[0], writer.doc.lanes[1].id
        for n in range(30):
            card = writer.doc.add_card(Kind.ACTION, stage, lane, f"edit {n}")
            inbox.run_pending(0.01)
            if n % 3 == 0:  # a colleague saw it: the room had logged it
                assert inbox.run_until(lambda c=card: c in watcher.doc, 10)
            acknowledged += [c for c in [card] if c in watcher.doc]
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
        writer.leave()
        watcher.leave()  # nobody brings the edits back: only the log has them
        assert acknowledged
        process, address2 = _start_serve(path, "t" * 24)
        late = Session(address2, inbox).start()
        assert inbox.run_until(lambda: late.joined, 20)
        missing = [c for c in acknowledged if c not in late.doc]
        assert not missing
        late.leave()
    finally:
        process.terminate()
        process.wait(10)
    time.sleep(0.1)
    assert all(c in jmap.load(path).document for c in acknowledged)


def test_a_join_address_gives_back_the_rooms_name_in_any_script():
    address = Address("192.168.1.20", 8765, "노트북-매장", "t" * 22)
    again = parse_address(address.url)
    assert again.room == "노트북-매장" and again.url == address.url
