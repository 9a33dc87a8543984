"""``journeymapper waves``: list, rename and delete survey waves of a map.

The window does the same from the Scores panel; here it is for scripts
(a wave imported under the wrong label, a test round to drop).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from journeymapper.i18n import N_, _, ngettext
from journeymapper.io import jmap
from journeymapper.model.elements import is_date
from journeymapper.model.errors import JourneyError, ModelError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("waves", help=_("list, rename, re-date or delete a map's survey waves"))
    p.add_argument("map", metavar="MAP", help=_("the .jmap file (saved in place unless -o)"))
    action = p.add_mutually_exclusive_group()
    action.add_argument("--rename", nargs=2, metavar=("OLD", "NEW"), help=_("rename a wave"))
    action.add_argument("--delete", metavar="WAVE", help=_("delete a wave and all its scores"))
    action.add_argument("--date", nargs=2, metavar=("WAVE", "YYYY-MM-DD"),
                        help=_("set the date of a wave"))
    p.add_argument("--json", action="store_true", help=_("list as JSON"))
    p.add_argument("-o", "--output", metavar="OUT",
                   help=_("write the changed map here instead of in place"))
    p.set_defaults(func=cmd_waves)


def cmd_waves(args: argparse.Namespace) -> int:
    doc = jmap.load(args.map, strict=True).document
    labels = [w.label for w in doc.waves]

    def need(label: str) -> None:
        if label not in labels:
            raise JourneyError(N_("{file}: no wave {wave!r}; expected one of {waves}"),
                               file=args.map, wave=label, waves=", ".join(labels) or _("(none)"))

    if args.rename or args.delete or args.date:
        if args.rename:
            old, new = args.rename
            need(old)
            if not new.strip():
                raise JourneyError(N_("{file}: the new wave label is empty"), file=args.map)
            try:
                doc.rename_wave(old, new.strip())
            except ModelError as exc:
                raise JourneyError(N_("{file}: {problem}"), file=args.map,
                                   problem=exc.message) from None
            done = _("renamed wave {old!r} to {new!r}").format(old=old, new=new.strip())
        elif args.delete:
            need(args.delete)
            dropped = len(doc.scores(wave=args.delete))
            doc.set_waves([w for w in doc.waves if w.label != args.delete])
            done = ngettext("deleted wave {wave!r} and its {n} score",
                            "deleted wave {wave!r} and its {n} scores", dropped).format(
                                wave=args.delete, n=dropped)
        else:
            label, date = args.date
            need(label)
            if not is_date(date):
                raise JourneyError(N_("{map}: date {date!r}: expected a real date YYYY-MM-DD"),
                                   map=args.map, date=date)
            doc.set_waves([type(w)(w.label, date) if w.label == label else w for w in doc.waves])
            done = _("wave {wave!r} dated {date}").format(wave=label, date=date)
        target = args.output or args.map
        jmap.save(doc, target, backup=Path(target) == Path(args.map))
        print(f"{target}: {done}")
        return 0

    counts = Counter(s.wave for s in doc.scores())
    rows = [{"label": w.label, "date": w.date, "scores": counts.get(w.label, 0)} for w in doc.waves]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not rows:
        print(_("{file}: no survey waves yet (import some with 'journeymapper survey import')")
              .format(file=args.map))
    else:
        for row in rows:
            count = row["scores"]
            scores = ngettext("{n} score", "{n} scores", count).format(n=count)
            print(f"{row['label']:<16} {row['date'] or '-':<10}  {scores}")
    return 0
