"""The report's dot votes: for each revealed vote, its question, when it
was revealed, who voted (unless it was anonymous) and the cards ranked by
their dots. A vote not revealed yet is left out: its dots are not public."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, Spacer

from journeymapper.i18n import _, ngettext
from journeymapper.io.pdf.flowables import TextBlock
from journeymapper.io.pdf.sections import facts_table, heading
from journeymapper.io.pdf.styles import Styles, data_table
from journeymapper.model import analysis
from journeymapper.model import workshop as ws
from journeymapper.model.document import JourneyMap
from journeymapper.words import kind_label


def vote_texts(doc: JourneyMap) -> list[str]:
    """What the section may print (so the report's font covers it)."""
    texts = [v.question for v in ws.votes(doc)]
    texts += [value["name"] for value in doc.records(ws.VOTERS).values()]
    return texts


def _when(moment) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment is not None else ""


def vote_section(doc: JourneyMap, st: Styles, width: float) -> list[Flowable]:
    revealed = [v for v in ws.votes(doc) if v.revealed is not None]
    if not revealed:
        return []
    out: list[Flowable] = [Spacer(1, 22), CondPageBreak(200),
                           *heading(_("Dot votes"), "votes", st)]
    for vote in revealed:
        voters = ws.voters_of(doc, vote.id)
        if vote.anonymous:
            who = ngettext("{n} voter (anonymous)", "{n} voters (anonymous)",
                           len(voters)).format(n=len(voters))
        else:
            names = ws.voter_names(doc, vote.id)
            who = ", ".join(sorted({names.get(v, _("(no name)")) for v in voters}))
        kinds = ", ".join(kind_label(k) for k in vote.kinds) or _("any card")
        rules = ngettext("{n} dot per person", "{n} dots per person", vote.dots).format(
            n=vote.dots) + "; " + _("at most {n} on one card").format(n=vote.per_card)
        out += [TextBlock(vote.question or _("Dot vote"), st.h2), Spacer(1, 4),
                facts_table([(_("Revealed"), _when(vote.revealed)), (_("Started"),
                             _when(vote.started)), (_("Voted"), who), (_("Cards"), kinds),
                             (_("Rules"), rules)], st, width), Spacer(1, 6)]
        ranking = analysis.ranked_by_votes(doc, vote.id)
        if not ranking:
            out += [TextBlock(_("No dots were placed."), st.note), Spacer(1, 12)]
            continue
        rows = []
        for rank, (element, n) in enumerate(ranking, 1):
            stage = analysis.stage_of(doc, element)
            rows.append([str(rank), element.text, kind_label(element.kind),
                         stage.text if stage else "", str(n)])
        fractions = (0.07, 0.53, 0.14, 0.16, 0.1)
        out += [data_table([_("Rank"), _("Card"), _("Kind"), _("Stage"), _("Dots")], rows,
                           [f * width for f in fractions], st, numeric=(0, 4)),
                Spacer(1, 14)]
    return out
