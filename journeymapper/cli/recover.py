"""``journeymapper recover``: the maps a crashed window had not saved.

The window offers them itself at its next start; this lists them and writes
one to a file, for a machine with no display or a script::

    journeymapper recover --list [--json] [--all]
    journeymapper recover ID -o OUT.jmap [--force]
    journeymapper recover --discard ID

They are read from the same folder the window writes (see
journeymapper.io.recovery.data_dir; ``JOURNEYMAPPER_DATA_DIR`` overrides it).
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from journeymapper.i18n import N_, _, ngettext
from journeymapper.io.atomic import atomic_write_bytes
from journeymapper.io.recovery import Entry, RecoveryStore, local_time
from journeymapper.io.serialize import dumps
from journeymapper.model.errors import JourneyError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("recover", help=_("list or restore the maps a crash left unsaved"),
                       description=_("The maps a journeymapper window had not saved when it "
                                     "stopped (a crash, a kill, a power cut)."))
    p.add_argument("id", nargs="?", metavar="ID", help=_("the map to restore (see --list)"))
    p.add_argument("--list", action="store_true", help=_("list the maps that can be recovered"))
    p.add_argument("--json", action="store_true", help=_("with --list: print JSON"))
    p.add_argument("--all", action="store_true",
                   help=_("with --list: also the maps of a journeymapper running now"))
    p.add_argument("-o", "--output", metavar="OUT", help=_("the .jmap file to write"))
    p.add_argument("--force", action="store_true",
                   help=_("overwrite OUT, even when it is the map's saved file (a .bak is kept)"))
    p.add_argument("--discard", metavar="ID", help=_("remove a recovery file"))
    p.set_defaults(func=cmd_recover, parser=p)


def cmd_recover(args: argparse.Namespace) -> int:
    parser: argparse.ArgumentParser = args.parser
    store = RecoveryStore.default()
    if args.list:
        if args.id or args.output or args.discard:
            parser.error(_("--list takes no ID, -o or --discard"))
        return list_entries(store, args.json, args.all)
    if args.discard:
        if args.id or args.output:
            parser.error(_("--discard takes only the ID to remove"))
        return discard(store, args.discard)
    if not args.id:
        parser.error(_("give --list, or an ID and -o OUT.jmap"))
    if not args.output:
        parser.error(_("recover ID needs -o OUT.jmap: the file to write the map to"))
    return restore(store, args.id, Path(args.output), args.force)


def entry_name(entry: Entry) -> str:
    if entry.name is not None:
        return entry.name
    title = entry.meta.title if entry.meta is not None else ""
    return _("Untitled ({title})").format(title=title) if title else _("Untitled")


def changes_text(count: int) -> str:
    return ngettext("{n} unsaved change", "{n} unsaved changes", count).format(n=count)


def list_entries(store: RecoveryStore, as_json: bool, include_live: bool) -> int:
    store.clean()
    entries = store.entries(include_live=include_live)
    if as_json:
        print(json.dumps([_as_dict(e) for e in entries], ensure_ascii=False, indent=2))
        return 0
    if not entries:
        print(_("no maps to recover ({folder})").format(folder=store.folder))
        return 0
    good = [e for e in entries if e.meta is not None and e.problem is None]
    width = max((len(changes_text(e.meta.changes)) for e in good if e.meta), default=0)
    for entry in entries:
        meta = entry.meta
        if meta is None or entry.problem is not None:
            print(_("{id}  cannot be recovered: {problem}").format(id=entry.id,
                                                                   problem=entry.problem))
            continue
        where = meta.original or _("never saved")
        line = f"{entry.id}  {local_time(meta.saved_at)}  " \
               f"{changes_text(meta.changes):<{width}}  {entry_name(entry)}  {where}"
        if entry.live:
            line += "  " + _("(open in a journeymapper running now, pid {pid})").format(
                pid=meta.pid)
        print(line)
    return 0


def _as_dict(entry: Entry) -> dict[str, object]:
    meta = entry.meta
    return {
        "id": entry.id,
        "name": entry.name,
        "title": meta.title if meta else None,
        "original": meta.original if meta else None,
        "saved_at": meta.saved_at if meta else None,
        "changes": meta.changes if meta else None,
        "live": entry.live,
        "damaged": str(entry.problem) if entry.problem is not None else None,
    }


def _same_file(a: Path, b: str) -> bool:
    try:
        if a.exists() and os.path.exists(b):
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.absolute() == Path(b).absolute()


def restore(store: RecoveryStore, record_id: str, out: Path, force: bool) -> int:
    entry = store.entry(record_id)
    if entry.problem is not None or entry.meta is None:
        raise JourneyError(N_("{id}: cannot be recovered: {problem}"), id=record_id,
                           problem=entry.problem)
    meta = entry.meta
    if meta.original and _same_file(out, meta.original) and not force:
        raise JourneyError(N_("{out}: is the saved file of this map; recovering over it would "
                              "replace what was saved (write another file, or add --force)"),
                           out=out)
    if out.exists() and not force:
        raise JourneyError(N_("{out}: exists already (use --force to overwrite)"), out=out)
    result = store.load(entry)
    atomic_write_bytes(out, dumps(result.document), backup=out.is_file())
    print(_("{out}: recovered {name} as autosaved {when} ({changes})").format(
        out=out, name=entry_name(entry), when=local_time(meta.saved_at),
        changes=changes_text(meta.changes)))
    print(_("the recovery file is kept; 'journeymapper recover --discard {id}' removes it")
          .format(id=record_id))
    return 0


def discard(store: RecoveryStore, record_id: str) -> int:
    entry = store.entry(record_id)
    if entry.live and entry.meta is not None:
        raise JourneyError(N_("{id}: belongs to a journeymapper running now (pid {pid}); "
                              "save or close the map there"), id=record_id, pid=entry.meta.pid)
    store.remove(record_id)
    print(_("{id}: recovery file removed").format(id=record_id))
    return 0
