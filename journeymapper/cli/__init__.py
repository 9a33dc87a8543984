"""The journeymapper command line: the app's capabilities without a window.

Exit codes: 0 ok, 1 bad input (one line on stderr, no traceback), 2 usage.
Each module in COMMAND_MODULES has ``register(subparsers)``, which adds its
sub-commands with ``set_defaults(func=handler)``; a handler returns the exit
code and raises JourneyError for bad input.

Output and errors speak the language of ``LANGUAGE`` / ``LC_ALL`` /
``LC_MESSAGES`` / ``LANG`` (``LANG=ko_KR.UTF-8``: Korean), help texts and
argparse's own words included; what a command writes about a map (a PDF, a
picture) is labelled in the map's language.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from journeymapper import __version__, i18n
from journeymapper.i18n import N_, _
from journeymapper.model.errors import JourneyError

#: every sub-command and the module that registers it (``register(subparsers)``),
#: in the order of the help; opening the window needs only the names, so the
#: command modules (the PDF's reportlab among them) are imported for a command only
COMMANDS = {
    "templates": "journeymapper.cli.core", "new": "journeymapper.cli.core",
    "validate": "journeymapper.cli.core", "info": "journeymapper.cli.core",
    "upgrade": "journeymapper.cli.core",
    "export": "journeymapper.cli.export",
    "survey": "journeymapper.cli.survey", "scores": "journeymapper.cli.survey",
    "waves": "journeymapper.cli.waves",
    "render": "journeymapper.cli.render",
    "recover": "journeymapper.cli.recover",
    "serve": "journeymapper.cli.serve",
    "cards": "journeymapper.cli.cards", "votes": "journeymapper.cli.cards",
    "diff": "journeymapper.cli.review", "git-diff": "journeymapper.cli.review",
    "actions": "journeymapper.cli.review", "review": "journeymapper.cli.review",
}
COMMAND_MODULES = tuple(dict.fromkeys(COMMANDS.values()))


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name one existing file (an output that would overwrite
    the input being read)."""
    try:
        return os.path.exists(a) and os.path.exists(b) and os.path.samefile(a, b)
    except OSError:
        return False


#: argparse's own words (usage, errors), translated in our catalogue: argparse
#: looks them up through its module's ``_`` and ``ngettext``, which main() points
#: at journeymapper's catalogue.
ARGPARSE_WORDS = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"), N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"), N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("expected one argument"), N_("argument %(argument_name)s: %(message)s"),
    N_("invalid %(type)s value: %(value)r"), N_("not allowed with argument %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("expected at least one argument"),
)


def _argparse_in_our_language() -> None:
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="journeymapper",
        usage=_("journeymapper [-h] [--version] [FILE | COMMAND ...]"),
        description=_("Customer journey maps: open the app on FILE, or run a command."),
        epilog=_("Run 'journeymapper [FILE]' (no command) to open the window."),
    )
    parser.add_argument("--version", action="version", version=f"journeymapper {__version__}",
                        help=_("print the version and exit"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", prog="journeymapper")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _open_window(path: str | None) -> int:
    if path is not None and not os.path.exists(path):
        raise JourneyError(N_("{file}: no such file"), file=path)
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        raise JourneyError(N_("no display to open the window on (DISPLAY and WAYLAND_DISPLAY are "
                              "unset); the commands work without one: see 'journeymapper --help'"))
    from journeymapper.ui.app import run  # Qt is imported only for the window

    return run(path)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    i18n.set_language(i18n.language_from_environment())
    _argparse_in_our_language()
    commands = set(COMMANDS)
    try:
        if not args_list or (not args_list[0].startswith("-") and args_list[0] not in commands):
            if len(args_list) > 1:
                build_parser().error(_("unknown command {command!r} (commands: {commands})").format(
                    command=args_list[0], commands=", ".join(sorted(commands))))
            return _open_window(args_list[0] if args_list else None)
        parser = build_parser()
        args = parser.parse_args(args_list)
        if getattr(args, "func", None) is None:
            parser.print_help()
            return 2
        return int(args.func(args))
    except JourneyError as exc:
        print(_("journeymapper: {message}").format(message=exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(_("journeymapper: interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
