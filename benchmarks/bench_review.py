"""The periodic review on generated 5,000-card maps: the semantic diff of two
versions (a quarter's edits: 5% of the cards changed, moved, removed or
added), marking a review (the compressed baseline) and reading it back, and
entering a comparison in the real window (diff, overlay, Changes panel, one
frame; the other version already read, as a file it is read like any map)."""

from __future__ import annotations

import os
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _harness import Row, median_ms  # noqa: E402
from bench_file import generate  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from journeymapper.io.reviews import mark_review  # noqa: E402
from journeymapper.io.serialize import dumps  # noqa: E402
from journeymapper.layout.geometry import layout_map  # noqa: E402
from journeymapper.model.diff import diff  # noqa: E402
from journeymapper.model.document import JourneyMap  # noqa: E402
from journeymapper.model.elements import Kind  # noqa: E402


def quarter_of_edits(doc: JourneyMap, share: float = 0.05, seed: int = 11) -> JourneyMap:
    """A copy of ``doc`` after a quarter: ``share`` of the cards each changed,
    moved or removed, and as many new ones."""
    rng = random.Random(seed)
    new = doc.snapshot()
    cards = [e for e in new.elements() if e.kind is not Kind.STAGE]
    picked = rng.sample(cards, int(len(cards) * share))
    stages = list(new.stage_order)
    for i, card in enumerate(picked):
        if i % 3 == 0:
            new.set_field(card.id, "text", card.text + " (revised)")
        elif i % 3 == 1:
            stage = rng.choice([s for s in stages if s != card.placement.stage])
            new.move_element(card.id, card.placement.moved(
                stage=stage, order=new.next_order((stage, card.placement.lane))))
        else:
            new.remove_element(card.id)
    lane = new.lane_for_kind(Kind.PAIN_POINT).id
    for i in range(len(picked) // 3):
        new.add_card(Kind.PAIN_POINT, rng.choice(stages), lane, f"New pain point {i}")
    return new


def enter_comparison_ms(old: JourneyMap, new: JourneyMap, repeat: int) -> tuple[float, float]:
    """Entering a comparison in the window (and leaving it again, untimed); and
    the baseline, laying the shown map out once."""
    from ui_support import ScriptedDialogs, temp_settings

    from journeymapper.ui.window import MainWindow

    window = MainWindow(temp_settings(Path(tempfile.mkdtemp(prefix="jm-bench-settings-"))))
    window.dialogs = ScriptedDialogs()
    window.resize(1600, 1000)
    window.show()
    window.set_document(new, None)
    QApplication.processEvents()
    window.scene.flush_routes()  # the links still being routed after opening: not ours
    window.review.changes_dock.show()
    window.review.changes_dock.raise_()

    def enter() -> None:
        window.review.enter(old, "the last review")
        window.repaint()  # the first frame with the overlay and the panel
        QApplication.processEvents()

    timed = median_ms(enter, repeat, setup=window.review.compare.leave)
    baseline = median_ms(lambda: layout_map(new), repeat)
    window.review.compare.leave()
    window.undo_stack.setClean()
    window.close()
    return timed, baseline


def rows(quick: bool) -> list[Row]:
    repeat = 3 if quick else 7
    app = QApplication.instance() or QApplication([])  # noqa: F841 - keeps Qt alive
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    old = generate()
    new = quarter_of_edits(old)
    # diffing two maps read from files: no element is shared, every one is compared
    from journeymapper.io.jmap import loads

    old_read, new_read = loads(dumps(old)).document, loads(dumps(new)).document
    found = diff(old_read, new_read)
    counts = found.counts()
    diff_ms = median_ms(lambda: diff(old_read, new_read), repeat)
    dumps_ms = median_ms(lambda: dumps(new_read), repeat)
    marked = new_read.snapshot()
    mark_ms = median_ms(lambda: mark_review(marked, "2026-10-05", "bench"), 3)
    from journeymapper.io.reviews import baseline

    data = dumps(new_read)
    read_ms = median_ms(lambda: baseline(marked), 3)
    loads_ms = median_ms(lambda: loads(data), 3)
    enter_ms, layout_ms = enter_comparison_ms(old_read, new_read, 3 if quick else 5)
    note = (f"{counts['added']} added, {counts['removed']} removed, {counts['changed']} "
            f"changed, {counts['moved']} moved")
    return [
        Row("review: diff two 5k-card maps", diff_ms, 300, "serialize.dumps", dumps_ms,
            note=note),
        Row("review: mark a review (5k cards)", mark_ms, None, "serialize.dumps", dumps_ms,
            note="baseline compressed into the map"),
        Row("review: read the last review's map (5k)", read_ms, None, "jmap.loads", loads_ms,
            note="what Compare with > The last review reads first"),
        Row("review: enter comparison in the window (5k)", enter_ms, 500, "layout_map",
            layout_ms, note="diff, overlay, Changes panel, one frame"),
    ]
