"""The 'render' command: a map as a PNG or SVG picture, without a window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from journeymapper.io import jmap
from journeymapper.model.errors import ExportError


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
    output = Path(args.output)
    if output.is_dir():
        raise ExportError(f"{output}: is a folder; give a file name such as {output / 'map.png'}")
    if output.suffix.lower() not in (".png", ".svg"):
        raise ExportError(f"{output}: expected a .png or .svg file name (such as "
                          f"{output.with_suffix('.png')})")
    result = jmap.load(args.file)
    for problem in result.problems:
        print(f"journeymapper: {args.file}: partially loaded: {problem}", file=sys.stderr)
    from journeymapper.canvas.render import render_map  # Qt only for this command

    width, height = render_map(result.document, args.output, args.width, args.dark)
    print(f"wrote {args.output} ({width}x{height})")
    return 0
