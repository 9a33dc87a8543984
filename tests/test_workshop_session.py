"""The workshop across laptops: two windows in one process, in one session
through a real room on loopback. The host facilitates; the guest votes on
their own screen, follows the host's view, sees the timer, is refused by a
lock, and sees their own cards of a silent round while the host sees them
face down."""

# ruff: noqa: F811 - the window fixtures are shared with test_window by import

from __future__ import annotations

from PySide6.QtCore import QPointF
from test_collab_window import in_session, type_card
from test_window import activate, laptop_copy, make_window, settings_dir  # noqa: F401

from journeymapper.model import workshop as ws
from journeymapper.model.elements import Kind
from journeymapper.ui.voting import VoteSettings

WAIT = 10000


def test_a_vote_timer_and_locks_on_every_screen(qtbot, make_window, laptop_copy):
    host, guest = in_session(qtbot, make_window, laptop_copy)
    qtbot.waitUntil(lambda: guest.workshop.session.live and host.workshop.session.live, timeout=WAIT)
    qtbot.waitUntil(lambda: guest.workshop.session.facilitator() == host.workshop.session.me().id,
                    timeout=WAIT)
    assert host.workshop.leading() and not guest.workshop.leading()
    assert not guest.voting.action_start.isEnabled()
    pain = next(e.id for e in host.document.elements() if e.kind is Kind.PAIN_POINT)
    host.dialogs.script("ask_vote", VoteSettings("Fix first?", (Kind.PAIN_POINT,), 2, 1, False, True))
    host.voting.start()
    qtbot.waitUntil(lambda: ws.current_vote(guest.document) is not None, timeout=WAIT)
    assert guest.workshop.shown_vote == ws.current_vote(guest.document).id
    assert guest.voting.dot(pain)  # on the guest's own laptop, as the guest
    qtbot.waitUntil(lambda: ws.counts(host.document, guest.workshop.shown_vote) == {pain: 1},
                    timeout=WAIT)
    vote = ws.current_vote(host.document)
    assert list(ws.voter_names(host.document, vote.id).values()) == ["Minho"]
    assert host.workshop.marks["vote"] == {}  # hidden: the host sees none of the guest's dots
    host.voting.reveal()
    qtbot.waitUntil(lambda: guest.workshop.marks["vote"].get(pain) is not None
                    and guest.workshop.marks["vote"][pain].total == 1, timeout=WAIT)
    # the timer runs on both screens, to the same end
    host.timer.start(120)
    qtbot.waitUntil(lambda: guest.timer.text().startswith(("2:00", "1:5")), timeout=WAIT)
    assert ws.timer(guest.document).ends == ws.timer(host.document).ends
    # the host locks a card: the guest's edit is refused, with the reason
    host.scene.select_ids([pain])
    assert host.workshop.toggle_lock()
    qtbot.waitUntil(lambda: ws.lock_of(guest.document, pain) is not None, timeout=WAIT)
    text = guest.document.element(pain).text
    guest.edit_field(pain, "text", "changed by the guest")
    assert guest.document.element(pain).text == text
    assert "locked" in guest.statusBar().currentMessage()
    assert not guest.workshop.toggle_lock() or ws.lock_of(guest.document, pain) is not None
    host.collab.leave()
    guest.collab.leave()


def test_follow_me_and_a_silent_round_across_laptops(qtbot, make_window, laptop_copy):
    host, guest = in_session(qtbot, make_window, laptop_copy)
    qtbot.waitUntil(lambda: guest.workshop.session.facilitator() == host.workshop.session.me().id,
                    timeout=WAIT)
    host.workshop.action_follow_me.trigger()
    host.view.set_zoom(0.7)
    host.view.centerOn(QPointF(1000, 800))
    host.workshop._send_view()
    target = host.workshop.visible_rect().center()
    qtbot.waitUntil(lambda: abs(guest.workshop.visible_rect().center().x() - target.x()) < 80
                    and abs(guest.workshop.visible_rect().center().y() - target.y()) < 80,
                    timeout=WAIT)
    host.workshop.action_follow_me.trigger()  # off
    # a silent round: the guest's card is the guest's alone until the reveal
    host.workshop.action_round.trigger()
    qtbot.waitUntil(lambda: ws.open_round(guest.document) is not None, timeout=WAIT)
    activate(guest)
    guest.scene.current_cell = (guest.document.stage_order[1],
                                guest.document.lane_for_kind(Kind.ACTION).id)
    card = type_card(qtbot, guest, "My quiet idea")
    assert card in ws.hidden(guest.document) and card not in guest.workshop.marks["hidden"]
    qtbot.waitUntil(lambda: card in host.workshop.marks["hidden"], timeout=WAIT)
    assert host.workshop.refuse_edit(card) is not None  # the host cannot open it either
    host.workshop.action_reveal_round.trigger()
    qtbot.waitUntil(lambda: not ws.hidden(guest.document), timeout=WAIT)
    assert card not in host.workshop.marks["hidden"]
    assert host.document.element(card).text == "My quiet idea"
    host.collab.leave()
    guest.collab.leave()
    assert not guest.workshop.session.live  # back on its own machine



def test_a_kind_change_reaches_the_other_laptop(qtbot, make_window, laptop_copy):
    host, guest = in_session(qtbot, make_window, laptop_copy)
    thought = next(e for e in host.document.elements(Kind.THOUGHT) if not host.document.links_of(e.id))
    host.scene.select_ids([thought.id])
    assert host.capture.change_kind(Kind.OPPORTUNITY)
    qtbot.waitUntil(lambda: guest.document.element(thought.id).kind is Kind.OPPORTUNITY, timeout=WAIT)
    now = guest.document.element(thought.id)
    assert now.text == thought.text and now.fields["votes"] == 0
    assert guest.document.lane(now.placement.lane).kind is Kind.OPPORTUNITY
    assert guest.scene.cards[thought.id].kind is Kind.OPPORTUNITY
    host.collab.leave()
    guest.collab.leave()
