"""Property: any map the model can build saves, loads and saves to the same bytes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeymapper.io import jmap
from journeymapper.io.serialize import dumps
from journeymapper.model import CARD_KINDS, JourneyMap, Kind, Placement, Score
from journeymapper.model.errors import LinkError

texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@st.composite
def maps(draw) -> JourneyMap:
    doc = JourneyMap.with_default_lanes(draw(texts))
    stages = [doc.add_stage(draw(texts)) for _ in range(draw(st.integers(0, 5)))]
    ids = list(stages)
    for _ in range(draw(st.integers(0, 25))):
        kind = draw(st.sampled_from(CARD_KINDS))
        lane = doc.lane_for_kind(kind) or doc.lanes[0]
        stage = draw(st.sampled_from(stages)) if stages and kind is not Kind.PERSONA else None
        extra = {}
        if kind is Kind.PAIN_POINT:
            extra = {"severity": draw(st.integers(1, 5)), "evidence": draw(st.lists(texts, max_size=2))}
        elif kind is Kind.EMOTION:
            extra = {"score": draw(st.integers(-2, 2))}
        elif kind is Kind.OPPORTUNITY:
            extra = {"votes": draw(st.integers(0, 99)),
                     "status": draw(st.sampled_from(["idea", "planned", "in progress", "done"]))}
        card = doc.add_card(kind, stage, lane.id, draw(texts), **extra)
        if draw(st.booleans()):
            offset = draw(st.floats(-500, 500, allow_nan=False, allow_infinity=False))
            old = doc.element(card).placement
            doc.move_element(card, Placement(old.stage, old.lane, old.order, offset, -offset))
        ids.append(card)
    for _ in range(draw(st.integers(0, 30))):
        if len(ids) < 2:
            break
        a, b = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
        try:
            doc.link(a, b)
        except LinkError:
            pass
    if stages and draw(st.booleans()):
        value = draw(st.floats(-100, 100, allow_nan=False))
        wave = draw(texts.filter(bool))  # a wave has a name
        doc.put_scores([Score(stages[0], wave, "nps", value, draw(st.integers(0, 500)))])
    return doc


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_save_load_save_is_identical(doc):
    first = dumps(doc)
    result = jmap.loads(first)
    assert result.problems == []
    assert dumps(result.document) == first
    again = result.document
    assert again.stage_order == doc.stage_order
    assert sorted(again.links(), key=str) == sorted(doc.links(), key=str)
