"""The journey document: rules, events and queries (no Qt)."""

from __future__ import annotations

import pytest

from journeymapper.model import JourneyMap, Kind, LinkKind, Placement, Score, Wave
from journeymapper.model import events as ev
from journeymapper.model.analysis import (
    persona_elements,
    ranked_opportunities,
    stage_loops,
    unaddressed_pain_points,
)
from journeymapper.model.errors import (
    DuplicateIdError,
    FieldError,
    LayoutError,
    LinkError,
    UnknownElementError,
)


@pytest.fixture
def doc() -> JourneyMap:
    return JourneyMap.with_default_lanes("Test")


def lane(doc: JourneyMap, kind: Kind) -> str:
    found = doc.lane_for_kind(kind)
    assert found is not None
    return found.id


class Recorder:
    """Every change set the document delivers, and their events in order."""

    def __init__(self, doc: JourneyMap) -> None:
        self.sets: list[ev.ChangeSet] = []
        doc.changes.connect(self.sets.append)

    @property
    def events(self) -> list[object]:
        return [e for change_set in self.sets for e in change_set.events]


def test_default_lanes_are_the_documented_set(doc):
    assert [ln.kind for ln in doc.lanes] == [
        Kind.PERSONA, Kind.ACTION, Kind.THOUGHT, Kind.EMOTION, Kind.TOUCHPOINT,
        Kind.PAIN_POINT, Kind.OPPORTUNITY]


def test_cards_stack_in_their_cell_in_order(doc):
    s = doc.add_stage("Awareness")
    a = doc.add_card(Kind.ACTION, s, lane(doc, Kind.ACTION), "first")
    b = doc.add_card(Kind.ACTION, s, lane(doc, Kind.ACTION), "second")
    assert [e.id for e in doc.cell(s, lane(doc, Kind.ACTION))] == [a, b]
    assert doc.element(b).placement.order == 1


def test_field_rules_name_the_element_and_value(doc):
    s = doc.add_stage("Purchase")
    p = doc.add_card(Kind.PAIN_POINT, s, lane(doc, Kind.PAIN_POINT), "Coupon rejected")
    with pytest.raises(FieldError, match=rf"{p}\.severity: expected an integer 1..5, got 9"):
        doc.set_field(p, "severity", 9)
    with pytest.raises(FieldError, match="has no field 'colour'"):
        doc.set_field(p, "colour", "#ffffff")
    with pytest.raises(FieldError, match="expected one of idea, planned"):
        o = doc.add_card(Kind.OPPORTUNITY, s, lane(doc, Kind.OPPORTUNITY), "x")
        doc.set_field(o, "status", "someday")


def test_links_follow_the_rules_and_explain_refusals(doc):
    s1, s2 = doc.add_stage("Awareness"), doc.add_stage("Consideration")
    tp = doc.add_card(Kind.TOUCHPOINT, s1, lane(doc, Kind.TOUCHPOINT), "Search")
    pain = doc.add_card(Kind.PAIN_POINT, s1, lane(doc, Kind.PAIN_POINT), "Ads too pricey")
    opp = doc.add_card(Kind.OPPORTUNITY, s1, lane(doc, Kind.OPPORTUNITY), "Budget filter")
    assert doc.link(pain, tp).kind is LinkKind.OCCURS_AT
    # dragged the other way round: the model turns it into opportunity -> pain point
    link = doc.link(pain, opp)
    assert (link.source, link.target, link.kind) == (opp, pain, LinkKind.ADDRESSES)
    assert doc.link(s2, s1).kind is LinkKind.LEADS_TO  # a loop back is allowed
    with pytest.raises(LinkError, match=rf"{opp} -> {tp}: an opportunity cannot link to a touchpoint"):
        doc.link(opp, tp)
    with pytest.raises(LinkError, match="already linked"):
        doc.link(pain, tp)
    with pytest.raises(LinkError, match="itself"):
        doc.link(tp, tp)
    with pytest.raises(LinkError, match="missing-id does not exist"):
        doc.link(tp, "missing-id")


def test_one_event_per_real_change(doc):
    s = doc.add_stage("Awareness")
    a = doc.add_card(Kind.ACTION, s, lane(doc, Kind.ACTION), "search")
    rec = Recorder(doc)
    doc.set_field(a, "text", "search")          # unchanged: no event
    doc.set_field(a, "text", "search again")
    edited = doc.element(a)
    old = edited.placement
    new = Placement(s, lane(doc, Kind.THOUGHT), 0)
    doc.move_element(a, new)
    doc.move_element(a, new)                    # unchanged: no event
    assert rec.events == [
        ev.FieldChanged(a, "text", "search", "search again", edited),
        ev.ElementMoved(a, old, new, doc.element(a)),
    ]
    assert [cs.origin for cs in rec.sets] == ["local", "local"]


def test_remove_emits_unlinks_first_and_stage_with_cards_is_refused(doc):
    s = doc.add_stage("Purchase")
    tp = doc.add_card(Kind.TOUCHPOINT, s, lane(doc, Kind.TOUCHPOINT), "Checkout")
    pain = doc.add_card(Kind.PAIN_POINT, s, lane(doc, Kind.PAIN_POINT), "Shipping hidden")
    doc.link(pain, tp)
    rec = Recorder(doc)
    removed = doc.remove_element(tp)
    assert len(rec.sets) == 1  # one change set for the element and all it took along
    assert isinstance(rec.events[0], ev.Unlinked)
    assert rec.events[-1] == ev.ElementRemoved(removed.element)
    with pytest.raises(LayoutError, match="still holds 1 card"):
        doc.remove_element(s)
    with pytest.raises(UnknownElementError):
        doc.element(tp)


def test_insert_element_restores_exactly(doc):
    s1, s2, s3 = (doc.add_stage(n) for n in ("A", "B", "C"))
    removed = doc.remove_element(s2)
    doc.insert_element(removed.element, 1)
    assert doc.stage_order == (s1, s2, s3)
    with pytest.raises(DuplicateIdError):
        doc.insert_element(removed.element, 0)


def test_stage_and_lane_structure(doc):
    s1, s2, s3 = (doc.add_stage(n) for n in ("A", "B", "C"))
    rec = Recorder(doc)
    doc.move_stage(s3, 0)
    assert doc.stage_order == (s3, s1, s2)
    assert rec.events == [ev.StagesReordered((s1, s2, s3), (s3, s1, s2))]
    extra = doc.add_lane("Backstage", Kind.NOTE, index=1)
    assert doc.lanes[1] == extra
    doc.update_lane(extra.id, name="Backstage processes")
    assert doc.lane(extra.id).name == "Backstage processes"
    doc.add_card(Kind.NOTE, s1, extra.id, "CRM sync nightly")
    with pytest.raises(LayoutError, match="still holds 1 card"):
        doc.remove_lane(extra.id)
    order = [ln.id for ln in doc.lanes][::-1]
    doc.set_lane_order(order)
    assert [ln.id for ln in doc.lanes] == order
    with pytest.raises(LayoutError):
        doc.set_stage_order([s1, s2])


def test_queries_for_report_and_canvas(doc):
    s1, s2 = doc.add_stage("Consideration"), doc.add_stage("Purchase")
    tp = doc.add_card(Kind.TOUCHPOINT, s2, lane(doc, Kind.TOUCHPOINT), "Checkout")
    p_low = doc.add_card(Kind.PAIN_POINT, s1, lane(doc, Kind.PAIN_POINT), "Specs", severity=2)
    p_high = doc.add_card(Kind.PAIN_POINT, s2, lane(doc, Kind.PAIN_POINT), "Coupon", severity=5)
    p_mid = doc.add_card(Kind.PAIN_POINT, s2, lane(doc, Kind.PAIN_POINT), "Shipping", severity=4)
    o1 = doc.add_card(Kind.OPPORTUNITY, s2, lane(doc, Kind.OPPORTUNITY), "Auto coupon")
    o2 = doc.add_card(Kind.OPPORTUNITY, s1, lane(doc, Kind.OPPORTUNITY), "Compare tool", votes=3)
    doc.link(p_high, tp)
    doc.link(o1, p_high)
    doc.link(o2, p_low)
    doc.link(s2, s1)
    assert [p.id for p in unaddressed_pain_points(doc)] == [p_mid]
    assert [(o.id, w) for o, w in ranked_opportunities(doc)] == [(o1, 5), (o2, 2)]
    assert stage_loops(doc) == [(s2, s1)]


def test_persona_filter_sets(doc):
    s = doc.add_stage("A")
    persona_lane = lane(doc, Kind.PERSONA)
    daniel = doc.add_card(Kind.PERSONA, None, persona_lane, "Daniel")
    minji = doc.add_card(Kind.PERSONA, None, persona_lane, "Minji")
    shared = doc.add_card(Kind.ACTION, s, lane(doc, Kind.ACTION), "shared")
    his = doc.add_card(Kind.ACTION, s, lane(doc, Kind.ACTION), "his")
    doc.link(daniel, his)
    assert persona_elements(doc, daniel) == {daniel, shared, his}
    assert persona_elements(doc, minji) == {minji, shared}


def test_scores_replace_by_key_and_waves_rename(doc):
    s = doc.add_stage("Purchase")
    first = Score(s, "2026-Q2", "csat", 70.0, 40)
    assert doc.put_scores([first], [Wave("2026-Q2", "2026-06-30")]) == []
    second = Score(s, "2026-Q2", "csat", 75.0, 44)
    assert doc.put_scores([second]) == [first]
    doc.put_scores([Score(s, "2026-Q3", "nps", 12.0, 25)])
    assert [w.label for w in doc.waves] == ["2026-Q2", "2026-Q3"]
    doc.rename_wave("2026-Q3", "2026-09")
    assert [x.wave for x in doc.scores(stage=s)] == ["2026-Q2", "2026-09"]
    assert doc.scores(wave="2026-09")[0].low_confidence
    doc.set_waves([Wave("2026-Q2", "2026-06-30")])
    assert [x.metric for x in doc.scores()] == ["csat"]
