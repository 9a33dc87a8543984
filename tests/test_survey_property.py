"""Whatever answers a file holds and however it is saved, the imported score
equals the formula applied by hand to the same answers."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeymapper.io.survey import ImportOptions, Mapping, inspect_survey, plan_import
from journeymapper.templates import new_from_template

LABELS = {"매우 만족": 5, "만족": 4, "보통": 3, "불만족": 2, "매우 불만족": 1,
          "Very satisfied": 5, "Dissatisfied": 2}
answer = st.one_of(st.sampled_from(["1", "2", "3", "4", "5", "4,0", " 5 "]),
                   st.sampled_from(sorted(LABELS)), st.sampled_from(["", "", "6", "0", "4.5",
                                                                      "n/a", "so-so"]))
comment = st.text(alphabet="ab, \"\n가나", max_size=12)


def expected(answers: list[str]) -> tuple[float | None, int, int]:
    """CSAT, n and skipped worked out directly from the cells."""
    valid: list[float] = []
    skipped = 0
    for cell in answers:
        text = cell.strip()
        if not text:
            continue
        value = LABELS.get(text)
        if value is None:
            try:
                value = float(text.replace(",", "."))
            except ValueError:
                value = None
        if value is None or value not in (1, 2, 3, 4, 5):
            skipped += 1
        else:
            valid.append(value)
    if not valid:
        return None, 0, skipped
    return 100.0 * sum(v >= 4 for v in valid) / len(valid), len(valid), skipped


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.tuples(answer, comment), min_size=1, max_size=40),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp949", "utf-16"]),
       delimiter=st.sampled_from([",", ";", "\t"]))
def test_csat_matches_the_formula(rows, encoding, delimiter) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(["Timestamp", "구매에 만족하셨나요?", "의견"])
    writer.writerows([f"t{i}", a, c] for i, (a, c) in enumerate(rows))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "answers.csv"
        path.write_bytes(buffer.getvalue().encode(encoding))
        doc = new_from_template("ecommerce-ko")
        inspection = inspect_survey(path)
        assert inspection.layout.name == "google-forms"
        want, n, skipped = expected([a for a, _ in rows])
        mapping = [Mapping(1, doc.stage_by_name("구매").id, "csat")]
        if want is None:
            with pytest.raises(Exception, match="no valid CSAT answers"):
                plan_import(doc, inspection.survey, inspection.layout, mapping, ImportOptions())
            return
        result = plan_import(doc, inspection.survey, inspection.layout, mapping, ImportOptions())
        (score,) = result.scores
        assert result.responses == len(rows)
        assert (score.value, score.n, score.skipped) == (pytest.approx(want), n, skipped)
