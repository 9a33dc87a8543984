"""The .jmap file: load+validate and save a generated map of 5,000 elements
and 5,000 links, against plain json.loads / json.dumps of the same bytes."""

from __future__ import annotations

import json
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _harness import Row, median_ms  # noqa: E402

from journeymapper.io import jmap  # noqa: E402
from journeymapper.io.serialize import dumps  # noqa: E402
from journeymapper.model import JourneyMap, Kind  # noqa: E402
from journeymapper.model.links import LinkKind  # noqa: E402


def generate(cards: int = 5000, links: int = 5000, stages: int = 12, seed: int = 7) -> JourneyMap:
    """A large but realistic map: cards spread over stages and lanes, links that obey the rules."""
    rng = random.Random(seed)
    doc = JourneyMap.with_default_lanes("Generated benchmark map")
    stage_ids = [doc.add_stage(f"Stage {i + 1}") for i in range(stages)]
    lanes = {lane.kind: lane.id for lane in doc.lanes}
    kinds = [Kind.ACTION, Kind.THOUGHT, Kind.TOUCHPOINT, Kind.PAIN_POINT, Kind.OPPORTUNITY,
             Kind.EMOTION]
    by_kind: dict[Kind, list[str]] = {k: [] for k in kinds}
    count = len(stage_ids)
    while count < cards:
        kind = kinds[count % len(kinds)]
        extra = {"severity": rng.randint(1, 5)} if kind is Kind.PAIN_POINT else {}
        if kind is Kind.EMOTION:
            extra = {"score": rng.randint(-2, 2)}
        by_kind[kind].append(doc.add_card(kind, rng.choice(stage_ids), lanes[kind],
                                          f"{kind.label} {count}: some words of workshop text",
                                          **extra))
        count += 1
    pairs = [(Kind.PAIN_POINT, Kind.TOUCHPOINT), (Kind.OPPORTUNITY, Kind.PAIN_POINT),
             (Kind.ACTION, Kind.TOUCHPOINT), (Kind.ACTION, Kind.ACTION),
             (Kind.THOUGHT, Kind.PAIN_POINT)]
    made = 0
    for a, b in zip(stage_ids, stage_ids[1:]):
        doc.link(a, b, LinkKind.LEADS_TO)
        made += 1
    while made < links:
        s_kind, t_kind = pairs[made % len(pairs)]
        s, t = rng.choice(by_kind[s_kind]), rng.choice(by_kind[t_kind])
        if s != t and not doc.has_link(s, t) and not doc.has_link(t, s):
            doc.link(s, t)
            made += 1
    return doc


def rows(quick: bool) -> list[Row]:
    repeat = 3 if quick else 7
    doc = generate()
    data = dumps(doc)
    folder = Path(tempfile.mkdtemp(prefix="jm-bench-"))
    path = folder / "big.jmap"
    path.write_bytes(data)
    parsed = json.loads(data)

    load_ms = median_ms(lambda: jmap.load(path), repeat)
    json_load_ms = median_ms(lambda: json.loads(path.read_bytes()), repeat)
    dumps_ms = median_ms(lambda: dumps(doc), repeat)
    save_ms = median_ms(lambda: jmap.save(doc, path), repeat)
    json_dump_ms = median_ms(lambda: json.dumps(parsed, ensure_ascii=False), repeat)
    size = f"{len(data) / 1e6:.1f} MB, {len(doc)} elements, {doc.link_count()} links"
    return [
        Row("file: load+validate 5k/5k", load_ms, 300, "json.loads", json_load_ms, note=size),
        Row("file: serialise 5k/5k", dumps_ms, None, "json.dumps", json_dump_ms),
        Row("file: save (atomic, fsync, .bak)", save_ms, 150, "json.dumps", json_dump_ms),
    ]
