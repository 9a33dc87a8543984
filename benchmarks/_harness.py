"""Tiny benchmark harness: median timings, a baseline measured in the same
run, and a table printer. Each benchmarks/bench_*.py exposes
``rows(quick: bool) -> list[Row]``; benchmarks/run.py collects them."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Row:
    name: str
    value: float            # measured, in `unit`
    budget: float | None    # the budget, in `unit` (None: no budget, informative)
    baseline_name: str = ""
    baseline: float | None = None  # the baseline, measured in the same run, in `unit`
    unit: str = "ms"
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.value / self.baseline

    @property
    def ok(self) -> bool | None:
        return None if self.budget is None else self.value <= self.budget


def median_ms(fn: Callable[[], object], repeat: int = 5, setup: Callable[[], object] | None = None,
              warmup: int = 1) -> float:
    """Median wall time of ``fn`` in milliseconds (``setup`` runs untimed before each)."""
    for _ in range(warmup):
        if setup:
            setup()
        fn()
    times = []
    for _ in range(repeat):
        if setup:
            setup()
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def print_table(rows: list[Row]) -> bool:
    """Print the table; return True when every budgeted row is within budget."""
    head = ("benchmark", "median", "budget", "ok", "baseline", "ratio")
    lines = []
    for r in rows:
        lines.append((
            r.name,
            f"{r.value:,.1f} {r.unit}",
            "-" if r.budget is None else f"<= {r.budget:,.0f} {r.unit}",
            "-" if r.ok is None else ("yes" if r.ok else "NO"),
            f"{r.baseline_name} {r.baseline:,.1f} {r.unit}" if r.baseline is not None else "-",
            "-" if r.ratio is None else f"{r.ratio:.2f}x",
        ))
    widths = [max(len(h), *(len(line[i]) for line in lines)) if lines else len(h)
              for i, h in enumerate(head)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    print(fmt.format(*head))
    print("  ".join("-" * w for w in widths))
    for line, r in zip(lines, rows):
        print(fmt.format(*line) + (f"  {r.note}" if r.note else ""))
    return all(r.ok is not False for r in rows)
