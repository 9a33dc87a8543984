"""Run journeymapper's benchmarks and print one table.

    python benchmarks/run.py                 # everything
    python benchmarks/run.py file survey     # some groups
    python benchmarks/run.py --quick         # fewer repetitions

Each row gives the median of several runs, its budget on a 2-core machine
and the ratio to a baseline measured in the same run. Exit 1 when a row is
over budget.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from _harness import print_table  # noqa: E402

GROUPS = ("file", "canvas", "survey", "pdf", "startup", "autosave", "collab", "review", "workshop")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("groups", nargs="*", choices=[*GROUPS, []], metavar="GROUP",
                        help=f"which groups to run ({', '.join(GROUPS)}); default: all")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # windows opened here (and in child processes) keep recovery files in a scratch folder
    os.environ.setdefault("JOURNEYMAPPER_DATA_DIR", tempfile.mkdtemp(prefix="jm-bench-data-"))
    rows = []
    for group in args.groups or GROUPS:
        path = HERE / f"bench_{group}.py"
        if not path.exists():
            continue
        module = importlib.import_module(f"bench_{group}")
        print(f"[{group}] running...", file=sys.stderr, flush=True)
        rows.extend(module.rows(args.quick))
    ok = print_table(rows)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
