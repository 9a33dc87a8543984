"""The workshop's state in a map, without Qt: records and their checks,
the lock and round rule, kind changes, votes and their ranking, the timer,
sessions, and card lists read from hostile files."""

from __future__ import annotations

import datetime as dt

import pytest

from journeymapper.io import jmap
from journeymapper.io.cardlist import MAX_CARDS, apply_plan, plan_cards
from journeymapper.io.serialize import dumps
from journeymapper.model import events as ev
from journeymapper.model import workshop as ws
from journeymapper.model.analysis import ranked_by_votes, ranked_opportunities
from journeymapper.model.elements import Kind, Placement
from journeymapper.model.errors import CardListError, LinkError, LockedError, ModelError, SurveyError
from journeymapper.model.links import LinkKind
from journeymapper.model.locks import WorkshopRule, moved
from journeymapper.model.session import LocalSession, SessionHub

T0 = dt.datetime(2026, 10, 5, 9, 0, tzinfo=dt.timezone.utc)


class Policy:
    """The rule's questions, answered as a test sets them."""

    def __init__(self, overrides=False, leads=True, me="p-me", live=False) -> None:
        self.overrides, self.leads, self.me, self.live = overrides, leads, me, live

    def overrides_locks(self) -> bool:
        return self.overrides

    def may_lead(self) -> bool:
        return self.leads

    def sees_hidden(self, author: str) -> bool:
        return self.live and author == self.me

    def author(self) -> tuple[str, str]:
        return self.me, "Hana"


def first(doc, kind):
    return next(doc.elements(kind))


# ---------------------------------------------------------------- locks
def test_a_locked_card_refuses_edits_moves_and_removal_and_says_why(laptop_doc):
    doc = laptop_doc
    policy = Policy()
    WorkshopRule(doc, policy).install()
    pain = next(e for e in doc.elements(Kind.PAIN_POINT) if not doc.links_of(e.id)) \
        if any(not doc.links_of(e.id) for e in doc.elements(Kind.PAIN_POINT)) \
        else doc.element(doc.add_card(Kind.PAIN_POINT, doc.stage_order[0],
                                      doc.lane_for_kind(Kind.PAIN_POINT).id, "Slow"))
    doc.put_record(ws.LOCKS, pain.id, {"by": "Hana"})
    before = dumps(doc)
    heard = []
    doc.changes.connect(heard.append)
    with pytest.raises(LockedError, match="is locked by Hana"):
        doc.set_field(pain.id, "text", "changed")
    other = doc.stage_order[-1]
    with pytest.raises(LockedError):
        doc.move_element(pain.id, Placement(other, pain.placement.lane, 9))
    with pytest.raises(LockedError):
        doc.remove_element(pain.id)
    with pytest.raises(LockedError):
        doc.change_kind(pain.id, Kind.NOTE)
    assert dumps(doc) == before and heard == []  # refused changes leave no trace
    # the facilitator may; links and records (votes) are no edits
    policy.overrides = True
    doc.set_field(pain.id, "text", "changed")
    policy.overrides = False
    doc.put_record(ws.DOTS, ws.dot_key("vote-1", "v1", pain.id), 1)
    # an undo puts back what was there, whatever the lock
    with doc.transaction(ev.UNDO):
        doc.set_field(pain.id, "text", pain.text)
    assert doc.element(pain.id).text == pain.text


def test_a_card_may_shift_in_its_cell_around_a_locked_neighbour(laptop_doc):
    doc = laptop_doc
    WorkshopRule(doc, Policy()).install()
    cell = next(c for c, cards in doc.cells() if len(cards) >= 2 and c[0] is not None)
    a, b = doc.cell(*cell)[:2]
    doc.put_record(ws.LOCKS, b.id, {"by": "Hana"})
    doc.move_element(b.id, b.placement.moved(order=b.placement.order + 5))  # order only
    with pytest.raises(LockedError):
        doc.move_element(b.id, b.placement.moved(dx=10.0))


def test_locked_stages_and_lanes_keep_their_place_and_name(laptop_doc):
    doc = laptop_doc
    WorkshopRule(doc, Policy()).install()
    stages = list(doc.stage_order)
    doc.put_record(ws.LOCKS, stages[1], {"by": "Hana"})
    with pytest.raises(LockedError, match="stage “Consideration” is locked"):
        doc.move_stage(stages[1], 3)
    with pytest.raises(LockedError):
        doc.set_field(stages[1], "text", "Compare")
    doc.move_stage(stages[3], 0)  # another stage moves past it: allowed
    lane = doc.lanes[2]
    doc.put_record(ws.LOCKS, lane.id, {"by": "Hana", "lane": True})
    with pytest.raises(LockedError, match=f"lane “{lane.name}” is locked"):
        doc.update_lane(lane.id, name="Renamed")
    order = [ln.id for ln in doc.lanes]
    with pytest.raises(LockedError):
        doc.set_lane_order([order[2], *order[:2], *order[3:]])
    doc.add_card(lane.kind, stages[0], lane.id, "cards still go in")


def test_only_the_facilitator_locks_and_runs_votes_in_a_session(laptop_doc):
    doc = laptop_doc
    WorkshopRule(doc, Policy(leads=False, live=True)).install()
    card = first(doc, Kind.ACTION)
    with pytest.raises(LockedError, match="only the facilitator"):
        doc.put_record(ws.LOCKS, card.id, {"by": "me"})
    vote = ws.Vote("vote-1", "?", (), 3, 1, True, True, T0)
    with pytest.raises(LockedError):
        doc.put_record(ws.VOTES, vote.id, vote.record())
    doc.put_record(ws.DOTS, ws.dot_key("vote-1", "v1", card.id), 1)  # a participant's dot


def test_moved_names_what_left_its_order():
    assert moved(list("abcde"), list("acdbe")) == {"b"}
    assert moved(list("abcde"), list("eabcd")) == {"e"}
    assert moved(list("abc"), list("abc")) == set()


def test_a_lock_goes_with_its_card_and_comes_back_with_it(laptop_doc):
    doc = laptop_doc
    card = first(doc, Kind.THOUGHT)
    doc.put_record(ws.LOCKS, card.id, {"by": "Hana"})
    removed = doc.remove_element(card.id)
    assert ws.lock_of(doc, card.id) is None
    doc.restore(removed)
    assert ws.lock_of(doc, card.id)["by"] == "Hana"


# ---------------------------------------------------------------- rounds
def test_cards_typed_during_a_round_are_hidden_and_refuse_edits_from_others(laptop_doc):
    doc = laptop_doc
    policy = Policy()
    WorkshopRule(doc, policy).install()
    doc.put_record(ws.WORKSHOP, ws.ROUND_KEY, ws.Round(T0, "Hana").record())
    stage, lane = doc.stage_order[0], doc.lane_for_kind(Kind.ACTION).id
    card = doc.add_card(Kind.ACTION, stage, lane, "secret idea")
    assert ws.hidden(doc)[card]["author"] == "p-me"
    with pytest.raises(LockedError, match="hidden until"):
        doc.set_field(card, "text", "peek")
    policy.live = True  # in a session its author sees it, and may edit it
    doc.set_field(card, "text", "better idea")
    # a redo (the card typed again) hides it again; an undo's restore keeps what was
    doc.drop_record(ws.HIDDEN, card)
    with pytest.raises(LockedError, match="only the facilitator can reveal"):
        WorkshopRule(doc, Policy(leads=False)).__call__(_txn(doc, [
            ev.RecordChanged(ws.HIDDEN, card, {"author": "x", "name": "y"}, None)]))


def _txn(doc, events):
    from journeymapper.model.journal import Transaction

    txn = Transaction(ev.LOCAL)
    txn.events = list(events)
    return txn


def test_a_card_added_outside_a_round_stays_visible(laptop_doc):
    doc = laptop_doc
    WorkshopRule(doc, Policy()).install()
    card = doc.add_card(Kind.ACTION, doc.stage_order[0], doc.lane_for_kind(Kind.ACTION).id, "x")
    assert card not in ws.hidden(doc)


# ---------------------------------------------------------------- kinds
def test_change_kind_maps_fields_and_its_event_carries_both(laptop_doc):
    doc = laptop_doc
    note = doc.add_card(Kind.NOTE, doc.stage_order[0], doc.lane_for_kind(Kind.THOUGHT).id,
                        "Coupon idea", author="Ops")
    heard = []
    doc.changes.connect(heard.append)
    new = doc.change_kind(note, Kind.OPPORTUNITY)
    assert new.kind is Kind.OPPORTUNITY and new.text == "Coupon idea"
    assert new.fields["votes"] == 0 and "author" not in new.fields
    (event,) = heard[-1].events
    assert isinstance(event, ev.KindChanged) and event.kinds == (Kind.NOTE, Kind.OPPORTUNITY)
    back = doc.change_kind(note, Kind.NOTE, fields=event.old.fields)
    assert back == event.old


def test_change_kind_refuses_links_the_new_kind_cannot_have(laptop_doc):
    doc = laptop_doc
    link = next(doc.links(LinkKind.OCCURS_AT))
    with pytest.raises(LinkError):
        doc.change_kind(link.source, Kind.OPPORTUNITY)
    with pytest.raises(ModelError):
        doc.change_kind(doc.stage_order[0], Kind.NOTE)


# ---------------------------------------------------------------- votes
def test_vote_records_are_checked_and_counted(laptop_doc):
    doc = laptop_doc
    vote = ws.Vote("vote-1", "Which hurts most?", (Kind.PAIN_POINT,), 3, 2, False, True, T0)
    doc.put_record(ws.VOTES, vote.id, vote.record())
    assert ws.vote(doc, vote.id) == vote
    pains = [e.id for e in doc.elements(Kind.PAIN_POINT)]
    for voter, card, n in (("v1", pains[0], 2), ("v1", pains[1], 1), ("v2", pains[1], 2)):
        doc.put_record(ws.DOTS, ws.dot_key(vote.id, voter, card), n)
    doc.put_record(ws.VOTERS, f"{vote.id}|v1", {"name": "Hana"})
    assert ws.counts(doc, vote.id) == {pains[0]: 2, pains[1]: 3}
    assert ws.ballot(doc, vote.id, "v1") == {pains[0]: 2, pains[1]: 1}
    assert [e.id for e, _ in ranked_by_votes(doc, vote.id)] == [pains[1], pains[0]]
    for bad in ({**vote.record(), "dots": 0}, {**vote.record(), "per_card": 9},
                {**vote.record(), "kinds": ["stage"]}, {**vote.record(), "extra": 1},
                {**vote.record(), "started": "yesterday"}):
        with pytest.raises(ModelError):
            doc.put_record(ws.VOTES, "vote-2", bad)
    with pytest.raises(ModelError):
        doc.put_record(ws.DOTS, "vote-1|v1", 1)
    with pytest.raises(ModelError):
        doc.put_record(ws.DOTS, ws.dot_key(vote.id, "v1", pains[0]), 0)
    # a dot goes with its card
    doc.remove_element(pains[0])
    assert ws.counts(doc, vote.id) == {pains[1]: 3}


def test_a_vote_opens_closes_and_reveals(laptop_doc):
    vote = ws.Vote("vote-1", "", (), 3, 1, True, True, T0, T0 + dt.timedelta(minutes=5))
    assert vote.is_open(T0 + dt.timedelta(minutes=4)) and not vote.is_open(T0 + dt.timedelta(6))
    assert not vote.shows_counts() and vote.takes(Kind.NOTE) and not vote.takes(Kind.STAGE)
    revealed = ws.Vote.from_record(vote.id, {**vote.record(), "state": "revealed",
                                             "revealed": ws.stamp(T0)})
    assert revealed.shows_counts() and not revealed.is_open(T0)


def test_votes_survive_a_save_and_the_ranking_uses_the_votes_field(laptop_doc, tmp_path):
    doc = laptop_doc
    vote = ws.Vote("vote-1", "Fix first?", (Kind.OPPORTUNITY,), 2, 1, False, False, T0)
    doc.put_record(ws.VOTES, vote.id, vote.record())
    opportunity = first(doc, Kind.OPPORTUNITY)
    doc.put_record(ws.DOTS, ws.dot_key(vote.id, "v1", opportunity.id), 1)
    path = tmp_path / "voted.jmap"
    jmap.save(doc, path)
    again = jmap.load(path, strict=True).document
    assert ws.counts(again, vote.id) == {opportunity.id: 1}
    assert dumps(again) == dumps(doc)
    doc.set_field(opportunity.id, "votes", 99)
    assert ranked_opportunities(doc)[0][0].fields["votes"] >= 0  # the field feeds the ranking


# ---------------------------------------------------------------- the timer
def test_the_timer_counts_pauses_and_extends():
    timer = ws.Timer(300, None, 300.0).started(T0)
    assert timer.remaining(T0 + dt.timedelta(seconds=100)) == pytest.approx(200)
    paused = timer.paused(T0 + dt.timedelta(seconds=100))
    assert not paused.running and paused.remaining(T0 + dt.timedelta(hours=1)) == 200
    resumed = paused.resumed(T0 + dt.timedelta(seconds=500))
    assert resumed.remaining(T0 + dt.timedelta(seconds=600)) == pytest.approx(100)
    more = resumed.extended(T0 + dt.timedelta(seconds=600), 60)
    assert more.remaining(T0 + dt.timedelta(seconds=600)) == pytest.approx(160)
    assert timer.remaining(T0 + dt.timedelta(hours=2)) == 0
    assert ws.Timer.from_record(ws.Timer.problem(timer.record()) or timer.record()) == timer
    assert ws.Timer.problem({"seconds": 0, "state": "running"})


# ---------------------------------------------------------------- sessions
def test_sessions_share_passing_state():
    local = LocalSession("Hana")
    heard = []
    local.watch(lambda *args: heard.append(args))
    local.broadcast("follow", [1, 2, 3, 4])
    assert heard == [("follow", "local", [1, 2, 3, 4])] and local.facilitator() == "local"
    hub = SessionHub()
    lead, member = hub.join("Hana"), hub.join("Minjun")
    got = []
    member.watch(lambda topic, who, value: got.append((topic, who, value)))
    lead.broadcast("follow", [0, 0, 10, 10])
    assert got == [("follow", lead.me().id, [0, 0, 10, 10])]
    assert member.facilitator() == lead.me().id and member.shared("follow")
    lead.leave()
    assert got[-1] == ("follow", lead.me().id, None) and member.facilitator() == member.me().id


# ---------------------------------------------------------------- card lists
def write(path, text: str, encoding: str = "utf-8") -> str:
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_a_card_list_with_a_header_in_korean_excel_cp949(korean_doc, tmp_path):
    doc = korean_doc
    stage = doc.stages()[0].text
    lane = doc.lanes[1]
    path = write(tmp_path / "cards.csv",
                 f"내용,단계,종류\n첫 번째 생각,{stage},{lane.name}\n둘째,새 단계,{lane.name}\n",
                 "cp949")
    plan = plan_cards(doc, path)
    assert plan.new_stages == ["새 단계"] and plan.new_stage_rows == [3]
    ids = apply_plan(doc, plan)
    assert [doc.element(i).text for i in ids] == ["첫 번째 생각", "둘째"]
    assert doc.stages()[-1].text == "새 단계"


def test_a_card_list_without_header_with_a_bom_and_semicolons(laptop_doc, tmp_path):
    doc = laptop_doc
    path = write(tmp_path / "cards.csv",
                 "\ufeffAwareness;pain point;Too many ads\n\n purchase ; Opportunities ;Fast pay\n")
    plan = plan_cards(doc, path)
    assert [(k, t) for _, _, k, t in plan.cards] == [(Kind.PAIN_POINT, "Too many ads"),
                                                    (Kind.OPPORTUNITY, "Fast pay")]
    assert not plan.new_stages


@pytest.mark.parametrize(("content", "message"), [
    ("Awareness,bogus lane,x\n", "row 1: lane: 'bogus lane' is no lane"),
    ("Awareness,note,x\n", "row 1: lane: this map has no lane for 'note' cards"),
    ("stage,lane,text\nAwareness,action,\n", "row 2: text: empty"),
    ("stage,lane,text\n,action,x\n", "row 2: stage: empty"),
    ("text,lane\nx,action\n", "row 1: no stage column"),
    ("", "the file is empty; expected a list of cards"),
    ('Awareness,action,"never closed\n', "unterminated quote"),
])
def test_a_bad_card_list_names_file_row_and_value(laptop_doc, tmp_path, content, message):
    path = write(tmp_path / "bad.csv", content)
    before = dumps(laptop_doc)
    with pytest.raises((CardListError, SurveyError), match=message):
        plan_cards(laptop_doc, path)
    assert dumps(laptop_doc) == before


def test_a_card_list_is_bounded(laptop_doc, tmp_path):
    rows = "".join(f"Awareness,action,card {n}\n" for n in range(MAX_CARDS + 5))
    path = write(tmp_path / "many.csv", rows)
    with pytest.raises(CardListError, match=f"more than {MAX_CARDS} cards"):
        plan_cards(laptop_doc, path)
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(SurveyError, match="binary data"):
        plan_cards(laptop_doc, binary)
