"""Where dragged cards land: the placements a drop makes (Qt-free).

All dragged cards shift by the same number of columns and lanes as the card
under the mouse; in the drop cell they are inserted at the drop position,
elsewhere they join the end of their cell. Only cards whose order must change to
make room get a new one. Emotions ride along in their own lane; personas in the
strip at the top stay there unless one is the card dragged."""

from __future__ import annotations

from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Kind, Placement

Cell = tuple[str | None, str]


def plan_drop(doc: JourneyMap, dragged: list[str], anchor: str, target: Cell,
              insert_at: int) -> dict[str, Placement]:
    """New placements for every card whose placement the drop changes."""
    stages = list(doc.stage_order)
    lanes = [lane.id for lane in doc.lanes]
    origin = doc.element(anchor).placement
    assert origin is not None
    d_lane = lanes.index(target[1]) - lanes.index(origin.lane)
    d_stage = None
    if origin.stage is not None and target[0] is not None:
        d_stage = stages.index(target[0]) - stages.index(origin.stage)

    def key(i: str) -> tuple[int, int, int]:
        p = doc.element(i).placement
        return (stages.index(p.stage) + 1 if p.stage else 0, lanes.index(p.lane), p.order)

    goes: dict[Cell, list[str]] = {}
    for i in sorted(dict.fromkeys(dragged), key=key):
        element = doc.element(i)
        p = element.placement
        if i != anchor and p.stage is None and target[0] is not None:
            continue  # a persona in the strip stays there unless it is the card dragged
        lane = lanes[max(0, min(len(lanes) - 1, lanes.index(p.lane) + d_lane))]
        if i != anchor and element.kind is Kind.EMOTION:
            lane = p.lane  # emotions keep to their lane: the curve is drawn there
        if i == anchor:
            cell: Cell = target
        elif d_stage is None or p.stage is None:
            cell = (target[0], lane)
        else:
            cell = (stages[max(0, min(len(stages) - 1, stages.index(p.stage) + d_stage))], lane)
        goes.setdefault(cell, []).append(i)
    moving_set = {i for ids in goes.values() for i in ids}
    result: dict[str, Placement] = {}
    for cell, ids in goes.items():
        staying = [e.id for e in doc.cell(*cell) if e.id not in moving_set]
        at = max(0, min(len(staying), insert_at)) if cell == target else len(staying)
        last = -1
        for i in staying[:at] + ids + staying[at:]:
            old = doc.element(i).placement
            # keep an order that is already in sequence; bump the rest
            n = old.order if (i not in moving_set and old.order > last) else last + 1
            last = n
            new = Placement(cell[0], cell[1], n, 0.0, 0.0) if i in moving_set else old.moved(order=n)
            if new != old:
                result[i] = new
    return result
