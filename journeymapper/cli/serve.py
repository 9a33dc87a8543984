"""``journeymapper serve``: host a co-editing room from a map, without a window::

    journeymapper serve MAP [--host ADDR] [--port N] [--token T] [--read-only-token T]

Prints the join address (``ws://HOST:PORT/ROOM?token=TOKEN``), the join code
and, with ``--read-only-token``, the viewers' address; then serves until
Ctrl+C (or SIGTERM), writing the merged map back to MAP a moment after
changes stop and keeping the room's update log beside it (``MAP.ylog``), so
a server killed outright resumes where it was when started again on MAP.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
from pathlib import Path

from journeymapper.i18n import N_, _
from journeymapper.model.errors import JourneyError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help=_("host a co-editing session on a map (no window)"),
                       description=_("Host a room that journeymapper windows (and any Yjs "
                                     "client) join to edit MAP together."))
    p.add_argument("map", metavar="MAP", help=_("the .jmap file to share (saved back to it)"))
    p.add_argument("--host", default="127.0.0.1",
                   help=_("the address to listen on (default 127.0.0.1; 0.0.0.0 for the "
                          "whole network)"))
    p.add_argument("--port", type=int, default=8765, help=_("the port (default 8765; 0: any)"))
    p.add_argument("--token", help=_("the editors' token (default: 128 random bits)"))
    p.add_argument("--read-only-token", metavar="T",
                   help=_("a token that joins as a viewer, whose changes are refused"))
    p.add_argument("--save-delay", type=float, default=1.5, metavar="S",
                   help=_("seconds without changes before MAP is written (default 1.5)"))
    p.add_argument("--quiet", action="store_true", help=_("log only warnings"))
    p.set_defaults(func=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    from journeymapper.collab.server import RoomServer

    path = Path(args.map)
    if not path.is_file():
        raise JourneyError(N_("{path}: no such file"), path=path)
    if not 0 <= args.port <= 65535:
        raise JourneyError(N_("--port: expected 0..65535, got {port}"), port=args.port)
    for name, token in (("--token", args.token), ("--read-only-token", args.read_only_token)):
        if token is not None and not token.strip():
            raise JourneyError(N_("{option}: the token is empty"), option=name)
    if args.token and args.read_only_token and args.token == args.read_only_token:
        raise JourneyError(N_("--read-only-token must differ from --token"))
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO,
                        format="%(asctime)s %(levelname)s %(message)s", stream=sys.stderr)
    from journeymapper.io import jmap

    jmap.load(path)  # a map that does not load is said now, in one line
    server = RoomServer(path, host=args.host, port=args.port, token=args.token,
                        read_only_token=args.read_only_token, save_delay=args.save_delay)
    try:
        asyncio.run(_serve(server))
    except OSError as exc:
        raise JourneyError(N_("cannot listen on {host}:{port}: {reason}"), host=args.host,
                           port=args.port, reason=exc.strerror or str(exc)) from None
    return 0


async def _serve(server) -> None:
    from journeymapper.collab.address import lan_address

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # Windows: Ctrl+C raises instead
            pass
    async with server:
        shown = server.host if server.host not in ("0.0.0.0", "::", "") else lan_address()
        print(_("Join address: {url}").format(url=server.address(shown).url), flush=True)
        print(_("Join code:    {code}  (with the address ws://{host}:{port}/)").format(
            code=server.code, host=shown, port=server.port), flush=True)
        if server.credentials.read_only_token:
            print(_("Viewers:      {url}").format(url=server.address(shown, viewer=True).url),
                  flush=True)
        state = _("resumed from {log}") if server.room.resumed else _("seeded from {map}")
        print(state.format(log=server.room.store_path, map=server.path), flush=True)
        await stop.wait()
    print(_("Room closed; {map} is saved").format(map=server.path), flush=True)
