"""Questions the canvas, the CLI and the report ask of a journey map."""

from __future__ import annotations

import math
from dataclasses import dataclass

from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Element, Kind
from journeymapper.model.links import LinkKind
from journeymapper.model.workshop import counts


def stage_of(doc: JourneyMap, element: Element) -> Element | None:
    """The stage a card belongs to (its column), or None for the persona strip."""
    if element.placement is None or element.placement.stage is None:
        return None
    return doc.element(element.placement.stage)


def elements_of_stage(doc: JourneyMap, stage_id: str) -> list[Element]:
    """The cards in a stage's column, lane by lane, in order."""
    return [e for lane in doc.lanes for e in doc.cell(stage_id, lane.id)]


def elements_of_lane(doc: JourneyMap, lane_id: str) -> list[Element]:
    """The cards of a lane, stage by stage, in order (persona strip first)."""
    return [e for stage in (None, *doc.stage_order) for e in doc.cell(stage, lane_id)]


def addressed_by(doc: JourneyMap, pain_id: str) -> list[Element]:
    return [doc.element(link.source) for link in doc.in_links(pain_id, LinkKind.ADDRESSES)]


def addressed_pains(doc: JourneyMap, opportunity_id: str) -> list[Element]:
    return [doc.element(link.target) for link in doc.out_links(opportunity_id, LinkKind.ADDRESSES)]


def touchpoints_of_pain(doc: JourneyMap, pain_id: str) -> list[Element]:
    return [doc.element(link.target) for link in doc.out_links(pain_id, LinkKind.OCCURS_AT)]


def unaddressed_pain_points(doc: JourneyMap) -> list[Element]:
    """Pain points no opportunity addresses, most severe first."""
    pains = [p for p in doc.elements(Kind.PAIN_POINT) if not addressed_by(doc, p.id)]
    return sorted(pains, key=lambda p: (-p.fields["severity"], p.id))


def pain_points_by_severity(doc: JourneyMap) -> list[Element]:
    return sorted(doc.elements(Kind.PAIN_POINT), key=lambda p: (-p.fields["severity"], p.id))


#: an opportunity is a quick win with at least this impact and at most this effort (1-5)
QUICK_WIN_IMPACT = 3
QUICK_WIN_EFFORT = 2


def priority_score(impact: int, effort: int, votes: int, need: int) -> float:
    """How much an opportunity is worth doing next: what it brings (twice its
    impact, plus the summed severity of the pain points it addresses, plus
    log2(1 + votes), so the hundredth vote counts less than the first),
    divided by its effort. See docs/pdf-export.md."""
    return (2 * impact + need + math.log2(1 + max(0, votes))) / max(1, effort)


@dataclass(frozen=True)
class Priority:
    """An opportunity with what its rank is made of."""

    opportunity: Element
    impact: int
    effort: int
    votes: int
    need: int       # summed severity of the pain points it addresses
    score: float

    @property
    def done(self) -> bool:
        return self.opportunity.fields.get("status") == "done"

    @property
    def quick_win(self) -> bool:
        """High impact for little effort, and not done yet."""
        return (not self.done and self.impact >= QUICK_WIN_IMPACT
                and self.effort <= QUICK_WIN_EFFORT)


def opportunity_priorities(doc: JourneyMap) -> list[Priority]:
    """Every opportunity, most worth doing first (by :func:`priority_score`;
    ties: more votes, then id); done ones come last."""
    out = []
    for opp in doc.elements(Kind.OPPORTUNITY):
        f = opp.fields
        need = sum(p.fields["severity"] for p in addressed_pains(doc, opp.id))
        impact, effort, votes = int(f["impact"]), int(f["effort"]), int(f["votes"])
        out.append(Priority(opp, impact, effort, votes, need,
                            priority_score(impact, effort, votes, need)))
    out.sort(key=lambda p: (p.done, -p.score, -p.votes, p.opportunity.id))
    return out


def ranked_opportunities(doc: JourneyMap) -> list[tuple[Element, int]]:
    """Opportunities in priority order (see :func:`opportunity_priorities`),
    each with the summed severity of the pain points it addresses."""
    return [(p.opportunity, p.need) for p in opportunity_priorities(doc)]


def next_due_by_owner(doc: JourneyMap) -> list[tuple[str, Element]]:
    """Per owner, the open opportunity due first (owners without a due date
    are left out), soonest first."""
    first: dict[str, Element] = {}
    for opp in doc.elements(Kind.OPPORTUNITY):
        f = opp.fields
        owner = str(f.get("owner") or "").strip()
        if not owner or not f.get("due") or f.get("status") == "done":
            continue
        if owner not in first or (f["due"], opp.id) < (first[owner].fields["due"],
                                                      first[owner].id):
            first[owner] = opp
    return sorted(first.items(), key=lambda item: (item[1].fields["due"], item[0]))


def persona_elements(doc: JourneyMap, persona_id: str) -> set[str]:
    """Ids a persona walks: linked directly, plus every card in a stage it walks.

    Cards no persona walks belong to every persona."""
    walked = {link.target for link in doc.out_links(persona_id, LinkKind.WALKS)}
    result = {persona_id, *walked}
    claimed = {link.target for link in doc.links(LinkKind.WALKS)}
    for element in doc.elements():
        if element.kind in (Kind.PERSONA, Kind.STAGE) or element.id in claimed:
            continue
        result.add(element.id)
    return result


def stage_loops(doc: JourneyMap) -> list[tuple[str, str]]:
    """leads-to links that go back (to an earlier or the same column): the loops."""
    position = {s: i for i, s in enumerate(doc.stage_order)}
    return [(link.source, link.target) for link in doc.links(LinkKind.LEADS_TO)
            if position[link.target] <= position[link.source]]


def reading_position(doc: JourneyMap) -> dict[str, tuple[int, int, int]]:
    """card id -> (stage column, lane row, order): the order a map is read in."""
    stages = {s: i + 1 for i, s in enumerate(doc.stage_order)}
    lanes = {lane.id: i for i, lane in enumerate(doc.lanes)}
    return {e.id: (stages.get(e.placement.stage, 0), lanes.get(e.placement.lane, 0),
                   e.placement.order)
            for e in doc.elements() if e.placement is not None}


def ranked_by_votes(doc: JourneyMap, vote_id: str) -> list[tuple[Element, int]]:
    """The cards that took dots in a vote, most dots first (ties in reading
    order): the ranked list a reveal shows, the PDF prints and the CLI lists."""
    position = reading_position(doc)
    ranked = [(doc.element(card), n) for card, n in counts(doc, vote_id).items()
              if card in doc and n > 0]
    ranked.sort(key=lambda pair: (-pair[1], position.get(pair[0].id, (0, 0, 0)), pair[0].id))
    return ranked
