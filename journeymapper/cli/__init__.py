"""The journeymapper command line: the app's capabilities without a window.

Exit codes: 0 ok, 1 bad input (one line on stderr, no traceback), 2 usage.
Each module in COMMAND_MODULES has ``register(subparsers)``, which adds its
sub-commands with ``set_defaults(func=handler)``; a handler returns the exit
code and raises JourneyError for bad input.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from journeymapper import __version__
from journeymapper.model.errors import JourneyError

COMMAND_MODULES = (
    "journeymapper.cli.core",
    "journeymapper.cli.export",
    "journeymapper.cli.survey",
    "journeymapper.cli.waves",
    "journeymapper.cli.render",
    "journeymapper.cli.recover",
    "journeymapper.cli.cards",
)


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name one existing file (an output that would overwrite
    the input being read)."""
    try:
        return os.path.exists(a) and os.path.exists(b) and os.path.samefile(a, b)
    except OSError:
        return False


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="journeymapper",
        usage="journeymapper [-h] [--version] [FILE | COMMAND ...]",
        description="Customer journey maps: open the app on FILE, or run a command.",
        epilog="Run 'journeymapper [FILE]' (no command) to open the window.",
    )
    parser.add_argument("--version", action="version", version=f"journeymapper {__version__}",
                        help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", prog="journeymapper")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _open_window(path: str | None) -> int:
    if path is not None and not os.path.exists(path):
        raise JourneyError(f"{path}: no such file")
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        raise JourneyError("no display to open the window on (DISPLAY and WAYLAND_DISPLAY are "
                           "unset); the commands work without one: see 'journeymapper --help'")
    from journeymapper.ui.app import run  # Qt is imported only for the window

    return run(path)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    commands = set(parser._subparsers._group_actions[0].choices) if parser._subparsers else set()
    try:
        if not args_list or (not args_list[0].startswith("-") and args_list[0] not in commands):
            if len(args_list) > 1:
                parser.error(f"unknown command {args_list[0]!r} "
                             f"(commands: {', '.join(sorted(commands))})")
            return _open_window(args_list[0] if args_list else None)
        args = parser.parse_args(args_list)
        if getattr(args, "func", None) is None:
            parser.print_help()
            return 2
        return int(args.func(args))
    except JourneyError as exc:
        print(f"journeymapper: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("journeymapper: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
