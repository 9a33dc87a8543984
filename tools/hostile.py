"""Time and peak memory of every hostile file through the command line.

    python tools/hostile.py [--only NAME ...] [--timeout S] [--memory-cap MB]

Writes the cases of tests/hostile_files.py into a temporary folder and runs
each through the commands that read it (one fresh subprocess per case, its
peak memory from /proc/self/status VmHWM). Prints one row per case: the
slowest command, the peak, and what the commands did (exit codes, or
"traceback" / "hang" / "died"). ``--memory-cap`` bounds the address
space of each subprocess, so an unbounded reader fails instead of taking the
machine down.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import hostile_files as hf  # noqa: E402
import survey_fixtures as fx  # noqa: E402


def _capped(megabytes: int):
    def limit() -> None:
        size = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (size, size))
    return limit


def measure(commands: list[list[str]], limit: float, cap: int) -> tuple[str, float, float]:
    """(what each command did, the slowest command's seconds, the peak MB)."""
    try:
        run, = hf.run_cli([commands], limit=limit, timeout=limit * len(commands) + 60,
                          preexec_fn=_capped(cap))
    except subprocess.TimeoutExpired:
        return "timeout", float("nan"), float("nan")
    except RuntimeError as exc:
        last = str(exc).strip().splitlines()[-1] if str(exc).strip() else "killed"
        return f"died: {last[:60]}", float("nan"), float("nan")
    codes = ",".join(str(r["code"]) for r in run.results)
    slowest = max(r["seconds"] for r in run.results)
    return codes, slowest, run.peak_mb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=[], metavar="NAME")
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds a command may run before it counts as a hang")
    parser.add_argument("--memory-cap", type=int, default=3000, metavar="MB")
    parser.add_argument("--heavy", action="store_true",
                        help="also the cases that take long to write (a real 1 GB zip bomb)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="jm-hostile-"))
    try:
        survey = fx.google_forms_en(folder)
        good_map = folder / "shop.jmap"
        shutil.copy(hf.BASE_MAP, good_map)
        rows = []
        groups = [("map", hf.MAP_CASES), ("survey", hf.SURVEY_CASES)]
        if args.heavy:
            groups.append(("survey", hf.HEAVY_SURVEY_CASES))
        for kind, cases in groups:
            for case in cases:
                if args.only and case.name not in args.only:
                    continue
                case_dir = folder / f"{kind}-{case.name}"
                case_dir.mkdir()
                path = case.write(case_dir)
                commands = (hf.map_commands(path, case_dir, survey) if kind == "map"
                            else hf.survey_commands(path, good_map))
                codes, seconds, peak = measure(commands, args.timeout, args.memory_cap)
                rows.append((f"{kind}: {case.name}", codes, seconds, peak))
                print(f"{rows[-1][0]:<34} {codes:<28} {seconds:8.2f} s {peak:8.1f} MB",
                      flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
