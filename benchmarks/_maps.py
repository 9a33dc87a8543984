"""Generated maps for the benchmarks, kept between runs, and the process's
memory now. A 50,000-card map takes a minute to make card by card, so each
size is made once and saved in the temporary folder (a .jmap, loaded in a
few seconds the next time)."""

from __future__ import annotations

import os
import resource
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_file import generate  # noqa: E402

from journeymapper.io import jmap  # noqa: E402
from journeymapper.io.serialize import dumps  # noqa: E402
from journeymapper.model import JourneyMap  # noqa: E402


def cached_map(cards: int, links: int | None = None, stages: int = 12) -> JourneyMap:
    """``bench_file.generate(cards, links, stages)``, from the temporary folder when made before."""
    links = cards if links is None else links
    path = Path(tempfile.gettempdir()) / f"journeymapper-bench-{cards}-{links}-{stages}.jmap"
    if not path.exists():
        doc = generate(cards=cards, links=links, stages=stages)
        path.write_bytes(dumps(doc))
        return doc
    return jmap.load(path).document


def rss_mb() -> float:
    """Resident memory now (Linux), else the peak so far."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / (2**20 if sys.platform == "darwin" else 2**10)
