"""The co-editing binding without a network: a map and its Y document stay
the same; concurrent edits from several laptops converge to byte-identical
maps, repaired the same way on every peer; per-person undo."""

from __future__ import annotations

import random

from collab_support import VOTES, host, join, random_edit, read_back, sync, sync_all, valid
from hypothesis import given, settings
from hypothesis import strategies as st
from pycrdt import Doc, Map

from journeymapper.collab.schema import text_edits, utf8_diff
from journeymapper.collab.textmerge import merge_text
from journeymapper.io.serialize import dumps
from journeymapper.model.elements import Kind
from journeymapper.templates import new_from_template


def test_a_joiner_gets_the_hosts_map_byte_for_byte(laptop_doc, korean_doc):
    for doc in (laptop_doc, korean_doc):
        a = host(doc)
        b = join(a)
        assert b.bytes() == a.bytes()


def test_two_people_typing_into_one_card_both_keep_their_letters(laptop_doc):
    a = host(laptop_doc)
    b = join(a)
    card = next(e for e in laptop_doc.elements() if e.kind is Kind.PAIN_POINT)
    a.doc.set_field(card.id, "text", "결제 slow")
    sync(a, b)
    a.doc.set_field(card.id, "text", "결제 very slow")   # A types in the middle
    b.doc.set_field(card.id, "text", "결제 slow!!")      # B at the end, at the same time
    sync(a, b)
    assert a.doc.element(card.id).text == b.doc.element(card.id).text == "결제 very slow!!"


def test_my_commit_keeps_the_letters_a_colleague_typed_while_my_editor_was_open(laptop_doc):
    a = host(laptop_doc)
    b = join(a)
    card = next(e.id for e in laptop_doc.elements() if e.kind is Kind.PAIN_POINT)
    opened = a.doc.element(card).text              # A opens the inline editor
    b.doc.set_field(card, "text", opened + " (B)")  # B types meanwhile; it reaches A
    sync(a, b)
    typed = "Very " + opened                       # what A's editor holds
    a.doc.set_field(card, "text", merge_text(opened, typed, a.doc.element(card).text))
    sync(a, b)
    assert a.doc.element(card).text == b.doc.element(card).text == "Very " + opened + " (B)"


def test_an_edit_in_two_places_leaves_a_colleagues_letters_between_them_theirs(laptop_doc):
    a = host(laptop_doc)
    b = join(a)
    card = next(e.id for e in laptop_doc.elements() if e.kind is Kind.PAIN_POINT)
    a.doc.set_field(card, "text", "one two three")
    sync(a, b)
    a.doc.set_field(card, "text", "ONE two THREE")   # my edit: two places
    b.doc.set_field(card, "text", "one twxo three")  # theirs, at once, between them
    sync(a, b)
    assert a.doc.element(card).text == b.doc.element(card).text == "ONE twxo THREE"


def test_merge_text_keeps_both_sides_the_same_way_every_time():
    assert merge_text("결제 slow", "결제 very slow", "결제 slow!!") == "결제 very slow!!"
    assert merge_text("abc", "abcX", "abcY") == "abcYX"          # theirs first, always
    assert merge_text("abcdef", "aXf", "abYcdef") == "aYXf"      # their letter outlives my cut
    assert merge_text("same", "mine", "same") == "mine"
    assert merge_text("same", "same", "theirs") == "theirs"
    assert merge_text("😀 a", "😀 ab", "😀😀 a") == "😀😀 ab"


def test_text_edits_change_only_what_changed():
    assert text_edits("abc", "abXc") == [(2, 0, "X")]
    assert text_edits("one two three", "ONE two THREE") == [
        (8, 5, "THREE"), (0, 3, "ONE")]
    assert text_edits("same", "same") == []


def test_a_link_to_a_card_a_colleague_deleted_is_not_shown_until_it_comes_back(laptop_doc):
    a = host(laptop_doc)
    b = join(a)
    pain, touch = next((p.id, t.id) for p in a.doc.elements(Kind.PAIN_POINT)
                       for t in a.doc.elements(Kind.TOUCHPOINT)
                       if a.doc.link_refusal(p.id, t.id) is None)
    removed = b.doc.remove_element(touch)
    a.doc.link(pain, touch)
    sync(a, b)
    assert touch not in a.doc and not a.doc.has_link(pain, touch)
    assert a.bytes() == b.bytes() and valid(a.doc)
    b.doc.restore(removed)  # B's undo brings the touchpoint back: A's link shows again
    sync(a, b)
    assert a.doc.has_link(pain, touch) and b.doc.has_link(pain, touch)
    assert a.bytes() == b.bytes()


def test_a_card_added_to_a_stage_a_colleague_removed_moves_to_the_first_stage(laptop_doc):
    a = host(laptop_doc)
    b = join(a)
    stage = a.doc.stage_order[2]
    lane = a.doc.lane_for_kind(Kind.NOTE) or a.doc.lanes[1]
    with a.doc.transaction():
        for card in [e for ln in a.doc.lanes for e in a.doc.cell(stage, ln.id)]:
            a.doc.remove_element(card.id)
        a.doc.remove_element(stage)
    card = b.doc.add_card(Kind.NOTE, stage, lane.id, "mine")
    sync(a, b)
    for peer in (a, b):
        assert peer.doc.element(card).placement.stage == peer.doc.stage_order[0]
        assert stage not in peer.doc
    assert a.bytes() == b.bytes() and valid(a.doc)


def test_a_card_of_a_removed_stage_follows_the_first_stage_when_i_reorder(laptop_doc):
    """The card sits in the first stage because its own is gone; when I move
    the first stage away, it goes to the new first stage on my laptop too."""
    a = host(laptop_doc)
    b = join(a)
    stage = a.doc.stage_order[2]
    lane = a.doc.lane_for_kind(Kind.NOTE) or a.doc.lanes[1]
    with b.doc.transaction():
        for card in [e for ln in b.doc.lanes for e in b.doc.cell(stage, ln.id)]:
            b.doc.remove_element(card.id)
        b.doc.remove_element(stage)
    card = a.doc.add_card(Kind.NOTE, stage, lane.id, "mine")
    sync(a, b)
    first = a.doc.stage_order[0]
    assert a.doc.element(card).placement.stage == first
    a.doc.move_stage(first, len(a.doc.stage_order) - 1)
    a.settle()
    sync(a, b)
    for peer in (a, b, join(a)):
        assert peer.doc.element(card).placement.stage == a.doc.stage_order[0] != first
    assert a.bytes() == b.bytes() and valid(a.doc)


def test_two_cards_in_one_order_slot_and_a_stage_moved_twice(laptop_doc):
    a = host(laptop_doc)
    b = join(a)
    stage, lane = a.doc.stage_order[0], a.doc.lanes[1].id
    x = a.doc.add_card(Kind.ACTION, stage, lane, "x")
    y = b.doc.add_card(Kind.ACTION, stage, lane, "y")   # the same next order, concurrently
    moving = a.doc.stage_order[1]
    a.doc.move_stage(moving, 3)
    b.doc.move_stage(moving, 0)
    sync(a, b)
    assert a.doc.element(x).placement.order == b.doc.element(y).placement.order
    assert [e.id for e in a.doc.cell(stage, lane)] == [e.id for e in b.doc.cell(stage, lane)]
    assert a.doc.stage_order == b.doc.stage_order
    assert sorted(a.doc.stage_order) == sorted(laptop_doc.stage_order)
    assert a.bytes() == b.bytes() and valid(a.doc)


def test_a_vote_on_a_card_someone_deleted_goes_with_it(laptop_doc):
    a = host(laptop_doc)
    b = join(a)
    card = next(e.id for e in a.doc.elements() if e.kind is Kind.OPPORTUNITY)
    a.doc.put_record(VOTES.name, card, {"n": 1})
    b.doc.remove_element(card)
    sync(a, b)
    assert a.doc.records(VOTES.name) == {} == dict(b.doc.records(VOTES.name))
    assert a.bytes() == b.bytes()


def test_two_people_voting_at_once_change_two_keys(laptop_doc):
    a = host(laptop_doc)
    b = join(a)
    cards = [e.id for e in a.doc.elements() if e.kind is Kind.OPPORTUNITY][:2]
    a.doc.put_record(VOTES.name, cards[0], {"n": 1})
    b.doc.put_record(VOTES.name, cards[1], {"n": 2})
    sync(a, b)
    assert set(a.doc.records(VOTES.name)) == set(cards) == set(b.doc.records(VOTES.name))


def test_garbage_in_the_y_document_never_reaches_the_map(laptop_doc):
    a = host(laptop_doc)
    b = join(a)
    elements = b.binding.root["elements"]
    card = next(e.id for e in b.doc.elements() if e.kind is Kind.PAIN_POINT)
    with b.ydoc.transaction():  # what a broken or hostile Yjs client could write
        elements["bad-1"] = Map({"kind": "\"volcano\""})
        elements["bad-2"] = "not a map"
        elements[card]["fields"]["severity"] = "99"
        elements[card]["placement"] = "{nonsense"
        b.binding.root["links"]["x\ty"] = "{\"source\": 1}"
        b.binding.root["waves"] = "[{\"label\": 3}]"
    sync(a, b)
    for peer in (a, b):
        assert "bad-1" not in peer.doc and "bad-2" not in peer.doc
        assert peer.doc.element(card).fields["severity"] == 3  # the default
        assert valid(peer.doc)
    assert a.bytes() == b.bytes()


def test_utf8_diff_is_the_smallest_single_edit():
    assert utf8_diff("abc", "abXc") == (2, 0, "X")
    assert utf8_diff("결제 slow", "결제 very slow") == (len("결제 ".encode()), 0, "very ")
    assert utf8_diff("😀ab", "😀b") == (4, 1, "")
    assert utf8_diff("same", "same") == (4, 0, "")


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), steps=st.integers(5, 60))
def test_random_concurrent_edits_converge_to_the_same_valid_map(seed, steps):
    rng = random.Random(seed)
    a = host(new_from_template("ecommerce"))
    peers = [a, join(a), join(a)]
    for _ in range(steps):
        peer = rng.choice(peers)
        random_edit(peer.doc, rng)
        peer.settle()
        assert peer.bytes() == read_back(peer)  # my own edits read back as they show
        if rng.random() < 0.3:  # some laptops meet the room, others are off line
            x, y = rng.sample(peers, 2)
            sync(x, y)
            assert x.bytes() == read_back(x) and y.bytes() == read_back(y)
    sync_all(peers)
    first = peers[0].bytes()
    for peer in peers[1:]:
        assert peer.bytes() == first
    assert valid(peers[0].doc)
    fresh = join(peers[1])  # a newcomer reads the same map from the merged document
    assert fresh.bytes() == first


def test_a_fresh_y_document_seeded_twice_is_not_needed(laptop_doc):
    """Only the host seeds: a joiner's empty document takes the room's."""
    a = host(laptop_doc)
    b = join(a)
    assert b.ydoc.get_state() == a.ydoc.get_state()
    assert dumps(b.doc) == dumps(laptop_doc)
    assert Doc().get_update() == b"\x00\x00"
