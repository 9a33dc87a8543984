"""The 'render' command: a map as a PNG or SVG picture, without a window."""

from __future__ import annotations

import argparse
import sys

from journeymapper.io import jmap


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("render", help="draw a map as a PNG or SVG picture")
    p.add_argument("file", metavar="MAP", help="the .jmap file")
    p.add_argument("-o", "--output", required=True, metavar="OUT",
                   help="the .png or .svg file to write")
    p.add_argument("--width", type=int, default=2400, metavar="PX",
                   help="width in pixels (default 2400)")
    p.add_argument("--dark", action="store_true", help="use the dark palette")
    p.set_defaults(func=cmd_render)


def cmd_render(args: argparse.Namespace) -> int:
    result = jmap.load(args.file)
    for problem in result.problems:
        print(f"journeymapper: {args.file}: partially loaded: {problem}", file=sys.stderr)
    from journeymapper.canvas.render import render_map  # Qt only for this command

    width, height = render_map(result.document, args.output, args.width, args.dark)
    print(f"wrote {args.output} ({width}x{height})")
    return 0
