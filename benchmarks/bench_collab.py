"""Co-editing on loopback: a room (server thread or ``journeymapper serve``)
and headless peers (collab.session with an Inbox).

- a remote edit visible on the other peer (median of single text edits),
  against the same edit handed across two bound Y documents in-process;
- 10 laptops (a process each, as real laptops are) x 100 edits each until all
  hold byte-identical maps, against the same 1,000 edits on one map alone;
- joining a room of a generated 5,000-card map (start to map built), against
  reading the same map's .jmap bytes;
- the serve process's memory with a 5,000-card room, against an empty room;
- a real window's event loop while 10 colleagues type (the 99th percentile
  of the gaps between 1 ms ticks), against the same loop idle.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _harness import Row, median_ms  # noqa: E402
from bench_file import generate  # noqa: E402

from journeymapper.collab.address import parse_address  # noqa: E402
from journeymapper.collab.server import RoomServer, ServerThread  # noqa: E402
from journeymapper.collab.session import Inbox, Session  # noqa: E402
from journeymapper.io import jmap  # noqa: E402
from journeymapper.io.serialize import dumps  # noqa: E402
from journeymapper.model.elements import Kind  # noqa: E402
from journeymapper.templates import new_from_template  # noqa: E402


def _peers(server: RoomServer, inbox: Inbox, n: int) -> list[Session]:
    peers = [Session(server.address(), inbox, name=f"p{i}").start() for i in range(n)]
    assert inbox.run_until(lambda: all(p.joined for p in peers), 60)
    return peers


def remote_edit(quick: bool) -> Row:
    from collab_support import host, join, sync

    thread = ServerThread(RoomServer(seed=jmap.load(_laptop()).document)).start()
    inbox = Inbox()
    a, b = _peers(thread.server, inbox, 2)
    card = next(e.id for e in a.doc.elements(Kind.PAIN_POINT))
    times = []
    for n in range(20 if quick else 60):
        text = f"edit {n}"
        start = time.perf_counter()
        a.doc.set_field(card, "text", text)
        assert inbox.run_until(lambda t=text: b.doc.element(card).text == t, 10)
        times.append((time.perf_counter() - start) * 1000)
    for peer in (a, b):
        peer.leave()
    thread.stop()
    x = host(jmap.load(_laptop()).document)
    y = join(x)
    counter = iter(range(10**6))

    def local() -> None:
        x.doc.set_field(card, "text", f"local {next(counter)}")
        sync(x, y)

    baseline = median_ms(local, 20)
    return Row("collab: remote edit visible on the other peer", statistics.median(times), 50,
               "two bound docs in-process", baseline, note=f"p90 {_pct(times, 0.9):.1f} ms")


def ten_peers(quick: bool) -> Row:
    """Ten laptops: ten processes of one peer each, each editing its own card of a
    room seeded with ten; timed from "go" until all ten report the same bytes."""
    seed = new_from_template("ecommerce")
    cards = [seed.add_card(Kind.ACTION, seed.stage_order[0], seed.lanes[1].id, f"peer {n}")
             for n in range(10)]
    thread = ServerThread(RoomServer(seed=seed)).start()
    edits = 30 if quick else 100
    url = thread.server.address().url
    laptops = [subprocess.Popen([sys.executable, __file__, "laptop", url, cards[n], str(edits),
                                 ",".join(cards)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
               for n in range(10)]
    for laptop in laptops:
        assert laptop.stdout.readline().strip() == "ready"
    start = time.perf_counter()
    for laptop in laptops:
        laptop.stdin.write("go\n")
        laptop.stdin.flush()
    results = [laptop.stdout.readline().split() for laptop in laptops]
    took = (time.perf_counter() - start) * 1000
    for laptop in laptops:
        laptop.stdin.close()
        laptop.wait(30)
    thread.stop()
    assert len({digest for digest, _ in results}) == 1, "the laptops did not converge"
    alone = new_from_template("ecommerce")
    ids = [alone.add_card(Kind.ACTION, alone.stage_order[0], alone.lanes[1].id, str(n))
           for n in range(10)]
    baseline = median_ms(lambda: [alone.set_field(c, "text", f"{c} {r}") for r in range(edits)
                                  for c in ids], 3)
    return Row(f"collab: 10 laptops x {edits} edits until converged", took, 5000,
               "the same edits on one map", baseline, note="a process per laptop")


def laptop(url: str, card: str, edits: int, cards: list[str]) -> None:
    """In a process of its own: one peer that edits ``card`` ``edits`` times, as
    fast as it can, then waits until it holds everyone's last edit; prints the
    digest of its map's bytes and how long it took."""
    import hashlib

    inbox = Inbox()
    peer = Session(parse_address(url), inbox, name=card).start()
    assert inbox.run_until(lambda: peer.joined, 60)
    print("ready", flush=True)
    sys.stdin.readline()
    start = time.perf_counter()
    for n in range(edits):
        peer.doc.set_field(card, "text", f"{card} {n}")
        inbox.run_pending()
    last = f" {edits - 1}"
    assert inbox.run_until(lambda: all(peer.doc.element(c).text.endswith(last) for c in cards),
                           60)
    took = time.perf_counter() - start
    print(hashlib.sha256(dumps(peer.doc)).hexdigest(), f"{took:.3f}", flush=True)
    sys.stdin.readline()
    peer.leave()


def join_big(quick: bool) -> list[Row]:
    doc = generate()
    data = dumps(doc)
    thread = ServerThread(RoomServer(seed=doc)).start()
    times = []
    for _ in range(3 if quick else 5):
        inbox = Inbox()
        start = time.perf_counter()
        peer = Session(thread.server.address(), inbox).start()
        assert inbox.run_until(lambda p=peer: p.joined, 60)
        times.append((time.perf_counter() - start) * 1000)
        assert len(peer.doc) == len(doc)
        peer.leave()
    thread.stop()
    baseline = median_ms(lambda: jmap.loads(data), 3)
    return [Row("collab: join a 5,000-card room (map built)", statistics.median(times), 1000,
                "jmap.loads of the map", baseline, note=f"{len(data) / 1e6:.1f} MB as .jmap")]


def server_memory(quick: bool) -> Row:
    folder = Path(tempfile.mkdtemp(prefix="jm-bench-collab-"))
    sizes = {}
    for name, doc in (("big", generate()), ("empty", new_from_template("ecommerce"))):
        path = folder / f"{name}.jmap"
        jmap.save(doc, path)
        process, url = _serve(path)
        address = parse_address(url)
        inbox = Inbox()
        peer = Session(address, inbox).start()
        assert inbox.run_until(lambda p=peer: p.joined, 60)
        time.sleep(0.5)
        sizes[name] = _rss_mb(process.pid)
        peer.leave()
        process.terminate()
        process.wait(20)
    return Row("collab: serve process memory, 5,000-card room", sizes["big"], None,
               "empty room", sizes["empty"], unit="MB")


def colleagues(url: str, seconds: float) -> None:
    """In a process of its own (as on other laptops): 10 peers typing ~10 keys a second each.
    At the lowest priority: on a 2-core machine the colleagues stand for other laptops,
    rather than taking the window's core."""
    os.nice(19)
    inbox = Inbox()
    address = parse_address(url)
    peers = [Session(address, inbox, name=f"colleague {i}").start() for i in range(10)]
    assert inbox.run_until(lambda: all(p.joined for p in peers), 60)
    cards = [e.id for e in peers[0].doc.elements() if e.kind is not Kind.STAGE][:10]
    end = time.monotonic() + seconds
    typed = 0
    while time.monotonic() < end:
        for peer, card in zip(peers, cards):
            text = peer.doc.element(card).text
            peer.doc.set_field(card, "text", (text + "x")[-200:])
            typed += 1
        inbox.run_pending(0.1)
    print(typed, flush=True)
    for peer in peers:
        peer.leave()


def _serve(path: Path, nice: int = 0) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        [sys.executable, "-c", f"import os, sys; os.nice({nice}); "
         "from journeymapper.cli import main; sys.exit(main())",
         "serve", str(path), "--port", "0", "--quiet"],
        stdout=subprocess.PIPE, text=True)
    return process, process.stdout.readline().split(": ", 1)[1].strip()


def window_frames(quick: bool) -> Row:
    from bench_autosave import Ticker
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from journeymapper.ui.window import MainWindow

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="jm-bench-frames-"))
    path = folder / "room.jmap"
    jmap.save(jmap.load(_laptop()).document, path)
    server, url = _serve(path, nice=19)  # the room is on the host's laptop
    window = MainWindow(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    window.show()
    window.collab.join(url)
    deadline = time.monotonic() + 30
    while not (window.collab.session and window.collab.session.joined
               and window.document is window.collab.session.doc) and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    seconds = 3.0 if quick else 6.0
    typing = subprocess.Popen([sys.executable, __file__, "colleagues", url, str(seconds + 2)],
                              stdout=subprocess.PIPE, text=True)
    gaps: list[float] = []
    ticker = Ticker()
    original = ticker.tick

    def tick() -> None:
        before = ticker.last
        original()
        gaps.append(ticker.last - before)

    ticker.timer.timeout.disconnect(original)
    ticker.timer.timeout.connect(tick)
    loop = QEventLoop()

    def measure(ms: int) -> float:
        gaps.clear()
        ticker.start()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        ticker.stop()
        return _pct(gaps, 0.99)

    measure(1500)  # the colleagues join
    busy = measure(int(seconds * 1000))
    typed = typing.communicate(timeout=60)[0].strip()
    idle = measure(int(seconds * 1000))
    window.collab.leave()
    window.undo_stack.setClean()
    window.close()
    server.terminate()
    server.wait(20)
    return Row("collab: window frame (p99 gap) while 10 colleagues type", busy, 16,
               "same loop, idle", idle, note=f"{typed} remote keystrokes")


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _laptop() -> Path:
    return Path(__file__).resolve().parent.parent / "examples" / "laptop-store.jmap"


if __name__ == "__main__" and sys.argv[1:2] == ["colleagues"]:
    colleagues(sys.argv[2], float(sys.argv[3]))
if __name__ == "__main__" and sys.argv[1:2] == ["laptop"]:
    laptop(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5].split(","))


def rows(quick: bool) -> list[Row]:
    return [remote_edit(quick), ten_peers(quick), *join_big(quick), server_memory(quick),
            window_frames(quick)]
