"""The report says what the review says: since the last review (done since,
overdue), the 95% intervals and whether each change is real."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from test_pdf import OPTIONS, read, scored

from journeymapper.io.pdf import build_pdf
from journeymapper.io.pdf.review_section import review_facts
from journeymapper.io.reviews import mark_review
from journeymapper.model import Kind


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in read(data).pages)


def test_the_report_lists_done_since_the_review_and_overdue(laptop_doc) -> None:
    doc = laptop_doc
    mark_review(doc, "2026-10-05", "Hana Lee", "Q3 survey in")
    started = next(e for e in doc.elements(Kind.OPPORTUNITY) if e.fields["status"] == "in progress")
    doc.set_field(started.id, "status", "done")
    late = next(e for e in doc.elements(Kind.OPPORTUNITY) if e.fields["status"] == "planned")
    doc.set_field(late.id, "due", "2026-01-20")
    facts = review_facts(doc, dt.date(2026, 2, 1))
    assert [a.id for a in facts.done] == [started.id]
    assert late.id in [a.id for a in facts.overdue]
    assert facts.changes.counts()["changed"] == 2
    text = " ".join(text_of(build_pdf(doc, replace(OPTIONS, exported="2026-02-01"))[0]).split())
    assert "Since the last review" in text and "Hana Lee" in text and "Q3 survey in" in text
    assert "Done since the last review" in text and "Overdue actions" in text
    assert " ".join(started.text.split()[:4]) in text
    assert "12 days late" in text, "overdue on the report's date, 2026-02-01"


def test_a_map_without_a_review_still_lists_what_is_overdue(laptop_doc) -> None:
    facts = review_facts(laptop_doc, dt.date(2027, 6, 1))
    assert facts.review is None and facts.overdue
    later = text_of(build_pdf(laptop_doc, replace(OPTIONS, exported="2027-06-01"))[0])
    assert "No review has been marked on this map yet" in " ".join(later.split())
    earlier = text_of(build_pdf(laptop_doc, OPTIONS)[0])
    assert "Since the last review" not in earlier, "nothing overdue on 2026-11-22, no review"


def test_score_table_prints_intervals_and_whether_a_change_is_real(laptop_doc) -> None:
    doc = scored(laptop_doc)
    text = " ".join(text_of(build_pdf(doc, OPTIONS)[0]).split())
    assert "95% interval" in text
    assert "[63%, 78%]" in text, "CSAT 71% of 140: Wilson interval"
    assert "may be noise (95%)" in text
