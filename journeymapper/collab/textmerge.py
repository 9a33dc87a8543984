"""Two people's changes to one text, merged as Yjs merges them.

When my inline editor is open on a card and a colleague's letters arrive in
that card, the editor shows them (and my commit keeps them): the text I had
when the editor opened is the common ancestor, my editor's text and the
card's new text are the two sides. The merge is made by pycrdt itself, in
three throwaway Y documents: the ancestor, then each side's edits
(:func:`~journeymapper.collab.schema.text_edits`), then one side's update
into the other. So letters typed at once both stay, a stretch both deleted
is deleted once, and concurrent insertions at one place come out in the
same order every time (the sides have fixed client ids: theirs first).
"""

from __future__ import annotations

from pycrdt import Doc, Text

from journeymapper.collab.schema import edit_text

_ANCESTOR, _THEIRS, _MINE = 1, 2, 3


def merge_text(base: str, mine: str, theirs: str) -> str:
    """``base`` changed into ``mine`` here and into ``theirs`` elsewhere: both changes."""
    if mine == base or mine == theirs:
        return theirs
    if theirs == base:
        return mine
    ancestor = Doc(client_id=_ANCESTOR)
    ancestor["text"] = Text(base)
    start = ancestor.get_update()
    sides = []
    for client, text in ((_THEIRS, theirs), (_MINE, mine)):
        side = Doc(client_id=client)
        side.apply_update(start)
        edit_text(side.get("text", type=Text), base, text)
        sides.append(side)
    other, merged = sides
    merged.apply_update(other.get_update(merged.get_state()))
    return str(merged.get("text", type=Text))
