"""Review marks with their baselines: marking a review, and the map as it was
at the last one.

The baseline of a review (model/reviews.py) is the map's .jmap bytes, made
by io/serialize.py from a snapshot without the reviews section, compressed
with zlib and written as base64 text. Reading it back goes through the
same loader as a file (io/jmap.py: validated, migrated from an older
format version), with the decompressed size bounded by the loader's limit.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import zlib

from journeymapper.i18n import N_
from journeymapper.io.jmap import MAX_FILE_BYTES, loads
from journeymapper.io.serialize import dumps
from journeymapper.model.diff import diff
from journeymapper.model.document import JourneyMap
from journeymapper.model.errors import FileFormatError
from journeymapper.model.reviews import SECTION, Review, last_review, record_value


def encode_baseline(doc: JourneyMap) -> str:
    """The map as it is now, without its reviews, as compressed base64 text."""
    copy = doc.snapshot()
    for key in list(copy.records(SECTION)):
        copy.drop_record(SECTION, key)
    return base64.b64encode(zlib.compress(dumps(copy), 9)).decode("ascii")


def decode_baseline(text: str, name: str = "<baseline>") -> JourneyMap:
    """The map a baseline holds; FileFormatError names ``name`` when it is damaged."""
    try:
        packed = base64.b64decode(text.encode("ascii"), validate=True)
        inflater = zlib.decompressobj()
        data = inflater.decompress(packed, MAX_FILE_BYTES + 1)
    except (ValueError, binascii.Error, zlib.error, UnicodeEncodeError) as exc:
        raise FileFormatError(N_("{file}: the review baseline is damaged ({reason})"),
                              file=name, reason=str(exc) or type(exc).__name__) from None
    if len(data) > MAX_FILE_BYTES or inflater.unconsumed_tail:
        raise FileFormatError(N_("{file}: the review baseline is larger than a map may be"),
                              file=name)
    return loads(data, name=f"{name} (last review)").document


def baseline(doc: JourneyMap, name: str = "<map>") -> tuple[Review, JourneyMap] | None:
    """The last review and the map as it was then, or None when the map has no
    review with a baseline."""
    review = last_review(doc)
    if review is None or review.baseline is None:
        return None
    return review, decode_baseline(review.baseline, name)


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def mark_review(doc: JourneyMap, date: str, by: str = "", note: str = "",
                marked: str | None = None, name: str = "<map>") -> str:
    """Record a review of ``doc`` as it is now (one transaction): the new review
    takes the baseline, the previous one keeps only its summary. Returns the
    new review's key."""
    previous = baseline_or_none(doc, name)
    summary = diff(previous[1], doc).counts() if previous is not None else {}
    key = doc.new_id("review")
    with doc.transaction():
        for review_key, value in list(doc.records(SECTION).items()):
            if value.get("baseline") is not None:
                kept = {k: v for k, v in value.items() if k != "baseline"}
                doc.put_record(SECTION, review_key, kept)
        doc.put_record(SECTION, key, record_value(date, by.strip(), note.strip(),
                                                  marked or now(), summary,
                                                  encode_baseline(doc)))
    return key


def baseline_or_none(doc: JourneyMap, name: str) -> tuple[Review, JourneyMap] | None:
    """:func:`baseline`, but a damaged baseline counts as none (a new mark replaces it)."""
    try:
        return baseline(doc, name)
    except FileFormatError:
        return None
