"""The semantic diff: random edits made through the real model are listed
exactly, a map diffed with itself is empty, and each kind of change shows
where the JSON says it does."""

from __future__ import annotations

import datetime as dt

from conftest import EXAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeymapper.io import jmap
from journeymapper.io.serialize import dumps
from journeymapper.model.diff import diff, out_of_order
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Kind
from journeymapper.model.scores import Score, Wave

TEXT = st.text(alphabet="abcdefgh 인식구매", min_size=1, max_size=12)


def base() -> JourneyMap:
    return jmap.load(EXAMPLES / "laptop-store.jmap", strict=True).document


@st.composite
def edits(draw):
    """A plan of edits on the laptop example, each card touched at most once."""
    doc = base()
    cards = sorted(e.id for e in doc.elements() if e.kind not in (Kind.STAGE, Kind.PERSONA))
    touched = draw(st.lists(st.sampled_from(cards), unique=True, max_size=8))
    plan = []
    for card in touched:
        op = draw(st.sampled_from(["remove", "text", "move", "status"]))
        if op == "status" and doc.element(card).kind is not Kind.OPPORTUNITY:
            op = "text"
        plan.append((op, card, draw(TEXT), draw(st.integers(0, 99)), draw(st.integers(0, 99))))
    adds = draw(st.lists(st.tuples(st.integers(0, 99), st.integers(0, 99), TEXT), max_size=3))
    links = draw(st.lists(st.tuples(st.integers(0, 999), st.integers(0, 999)), max_size=4))
    unlinks = draw(st.lists(st.integers(0, 999), max_size=3))
    stage_ops = draw(st.fixed_dictionaries({
        "add": st.none() | TEXT, "rename": st.none() | st.tuples(st.integers(0, 9), TEXT),
        "swap": st.none() | st.integers(0, 9), "lane": st.none() | st.tuples(st.integers(0, 9), TEXT),
        "score": st.none() | st.tuples(st.integers(0, 9), st.floats(0, 100), st.integers(1, 500)),
    }))
    return plan, adds, links, unlinks, stage_ops


def apply(doc: JourneyMap, plan) -> dict:  # noqa: C901 - one branch per kind of edit
    """Make the edits; return what the diff must list."""
    ops, adds, links, unlinks, stage_ops = plan
    want = {"added": set(), "removed": set(), "changed": {}, "moved": set(), "links_added": set(),
            "links_removed": set(), "stages_added": set(), "stages_renamed": set(),
            "reordered": False, "lanes_renamed": set(), "scores": set(), "status": set()}
    stages = list(doc.stage_order)
    lanes = [ln.id for ln in doc.lanes if ln.kind is not Kind.PERSONA]
    removed = {card for op, card, *_ in ops if op == "remove"}
    for op, card, text, a, b in ops:
        element = doc.element(card)
        if op == "remove":
            doc.remove_element(card)
            want["removed"].add(card)
        elif op == "text":
            new = element.text + " " + text
            doc.set_field(card, "text", new)
            want["changed"][card] = {"text": (element.text, new)}
        elif op == "status":
            statuses = [s for s in ("idea", "planned", "in progress", "done")
                        if s != element.fields["status"]]
            status = statuses[a % len(statuses)]
            doc.set_field(card, "status", status)
            want["changed"][card] = {"status": (element.fields["status"], status)}
            want["status"].add(card)
        else:
            cell = (stages[a % len(stages)], lanes[b % len(lanes)])
            if cell == element.placement.cell:
                cell = (stages[(a + 1) % len(stages)], cell[1])
            doc.move_element(card, element.placement.moved(stage=cell[0], lane=cell[1],
                                                           order=doc.next_order(cell)))
            want["moved"].add(card)
    for a, b, text in adds:
        lane = doc.lanes[1 + b % (len(doc.lanes) - 1)]
        new_id = doc.add_card(lane.kind, stages[a % len(stages)], lane.id, text)
        want["added"].add(new_id)
    alive = sorted(e.id for e in doc.elements() if e.kind is not Kind.STAGE)
    for a, b in links:
        source, target = alive[a % len(alive)], alive[b % len(alive)]
        if doc.link_refusal(source, target) is None:
            link = doc.link(source, target)
            want["links_added"].add((link.source, link.target))
    old_links = sorted((lk.source, lk.target) for lk in doc.links()
                       if (lk.source, lk.target) not in want["links_added"])
    for i in unlinks:
        if old_links:
            key = old_links.pop(i % len(old_links))
            doc.unlink(*key)
            want["links_removed"].add(key)
    if stage_ops["rename"] is not None:
        i, text = stage_ops["rename"]
        stage = stages[i % len(stages)]
        doc.set_field(stage, "text", doc.element(stage).text + text)
        want["stages_renamed"].add(stage)
    if stage_ops["swap"] is not None:
        i = stage_ops["swap"] % (len(stages) - 1)
        doc.move_stage(stages[i], i + 1)
        want["reordered"] = True
    if stage_ops["add"] is not None:
        want["stages_added"].add(doc.add_stage(stage_ops["add"]))
    if stage_ops["lane"] is not None:
        i, text = stage_ops["lane"]
        lane = doc.lanes[i % len(doc.lanes)]
        doc.update_lane(lane.id, name=lane.name + text)
        want["lanes_renamed"].add(lane.id)
    if stage_ops["score"] is not None:
        i, value, n = stage_ops["score"]
        score = Score(stages[i % len(stages)], "2027-Q1", "csat", value, n)
        doc.put_scores([score], [Wave("2027-Q1")])
        want["scores"].add(score.key)
    assert not removed & want["added"]
    return want


def listed(doc_before: JourneyMap, doc: JourneyMap) -> dict:
    d = diff(doc_before, doc)
    return {
        "added": {e.id for e in d.added}, "removed": {e.id for e in d.removed},
        "changed": {c.id: dict(c.fields) for c in d.changed}, "moved": {m.id for m in d.moved},
        "links_added": {(lk.source, lk.target) for lk in d.links_added},
        "links_removed": {(lk.source, lk.target) for lk in d.links_removed},
        "stages_added": {s.id for s in d.stages_added},
        "stages_renamed": {c.id for c in d.stages_renamed},
        "reordered": bool(d.stages_reordered), "lanes_renamed": {c.new.id for c in d.lanes_renamed},
        "scores": {c.score.key for c in d.scores}, "status": {c.id for c in d.status},
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits())
def test_the_diff_lists_exactly_the_edits_made(plan) -> None:
    doc = base()
    before = doc.snapshot()
    reread = jmap.loads(dumps(doc)).document  # equal values, other objects
    want = apply(doc, plan)
    assert listed(before, doc) == want
    assert listed(reread, doc) == want
    assert diff(doc, doc).empty and diff(doc.snapshot(), doc).empty
    assert diff(jmap.loads(dumps(doc)).document, doc).empty, "a saved and re-read map is the same"


def test_a_map_diffed_with_itself_is_empty_and_its_json_has_every_key(laptop_doc) -> None:
    d = diff(laptop_doc, laptop_doc, dt.date(2026, 1, 1))
    assert d.empty
    assert d.as_dict() == {
        "added": [], "removed": [], "changed": [], "moved": [],
        "links": {"added": [], "removed": []},
        "stages": {"added": [], "removed": [], "renamed": [], "changed": [], "reordered": []},
        "lanes": {"added": [], "removed": [], "renamed": [], "changed": [], "reordered": []},
        "scores": [], "opportunities": {"status": [], "done": [], "overdue": []},
    }


def test_removing_a_stage_lists_its_cards_not_their_links_or_scores(laptop_doc) -> None:
    doc = laptop_doc
    doc.put_scores([Score(doc.stage_order[-1], "Q1", "csat", 50.0, 40)], [Wave("Q1")])
    before = doc.snapshot()
    stage = doc.stage_order[-1]
    cards = [e.id for e in doc.elements() if e.placement and e.placement.stage == stage]
    for card in cards:
        doc.remove_element(card)
    doc.remove_element(stage)
    d = diff(before, doc)
    assert {e.id for e in d.removed} == set(cards)
    assert [s.id for s in d.stages_removed] == [stage]
    assert d.links_removed == [] and d.scores == []
    assert d.as_dict()["removed"][0]["stage"] == before.element(stage).text


def test_done_since_and_overdue(laptop_doc) -> None:
    doc = laptop_doc
    before = doc.snapshot()
    opportunities = [e for e in doc.elements(Kind.OPPORTUNITY)]
    planned = next(e for e in opportunities if e.fields["status"] == "planned")
    doc.set_field(planned.id, "status", "done")
    late = next(e for e in opportunities if e.fields["status"] == "in progress")
    doc.set_field(late.id, "due", "2026-01-31")
    d = diff(before, doc, dt.date(2026, 2, 1)).as_dict()["opportunities"]
    assert [o["id"] for o in d["done"]] == [planned.id]
    assert [o["id"] for o in d["status"]] == [planned.id]
    assert d["status"][0]["old"] == "planned" and d["status"][0]["new"] == "done"
    assert late.id in [o["id"] for o in d["overdue"]]
    assert planned.id not in [o["id"] for o in d["overdue"]], "a done action is never overdue"


def test_out_of_order_names_the_fewest_that_moved() -> None:
    assert out_of_order("abcde", "abcde", str) == set()
    assert out_of_order("abcde", "bcdea", str) == {"a"}
    assert out_of_order("abcde", "aebcd", str) == {"e"}
    assert len(out_of_order("abcd", "dcba", str)) == 3
