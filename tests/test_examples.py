"""The shipped example surveys import into the shipped reviewed map with the
numbers a person gets by counting the CSV by hand, through the CLI too."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from journeymapper.cli import main
from journeymapper.io import jmap

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
Q3 = EXAMPLES / "surveys" / "laptop-2026-Q3-surveymonkey.csv"
Q2 = EXAMPLES / "surveys" / "laptop-2026-Q2-google-forms.csv"


def by_hand() -> dict[tuple[str, str], float]:
    """Purchase CSAT and Advocacy NPS of wave Q3, counted directly."""
    rows = list(csv.reader(Q3.open(encoding="utf-8")))[2:]   # two header rows
    checkout = [r[6] for r in rows]
    csat = 100 * sum(a in ("Satisfied", "Very satisfied") for a in checkout) / len(checkout)
    recommend = [int(r[9].split(" ")[0]) for r in rows]       # "10 - Extremely likely"
    nps = 100 * (sum(v >= 9 for v in recommend) - sum(v <= 6 for v in recommend)) / len(recommend)
    return {("Purchase", "csat"): csat, ("Advocacy", "nps"): nps}


def test_reviewed_example_holds_the_hand_counted_scores():
    doc = jmap.load(EXAMPLES / "laptop-store-reviewed.jmap", strict=True).document
    names = {s.id: s.text for s in doc.stages()}
    got = {(names[s.stage], s.metric): s.value for s in doc.scores(wave="2026-Q3")}
    for key, value in by_hand().items():
        assert abs(got[key] - value) < 1e-9, key
    assert [w.label for w in doc.waves] == ["2026-Q2", "2026-Q3"]


def test_the_cli_imports_the_example_surveys_the_same_way(tmp_path, capsys):
    out = tmp_path / "review.jmap"
    assert main(["survey", "import", str(EXAMPLES / "laptop-store.jmap"), str(Q2),
                 "--wave", "2026-Q2", "--column", "#3=Purchase:csat",
                 "--column", "How likely are you to recommend Laptop store to a friend or "
                             "colleague?=Advocacy:nps", "-o", str(out)]) == 0
    assert main(["survey", "import", str(out), str(Q3), "--wave", "2026-Q3",
                 "--column", "#7=Purchase:csat", "--column", "#10=advocacy:NPS"]) == 0
    capsys.readouterr()
    assert main(["scores", str(out), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    got = {(s["stage"], s["metric"], s["wave"]): s["value"] for s in listed}
    reviewed = jmap.load(EXAMPLES / "laptop-store-reviewed.jmap").document
    names = {s.id: s.text for s in reviewed.stages()}
    for score in reviewed.scores():
        key = (names[score.stage], score.metric, score.wave)
        if key in got:
            assert got[key] == score.value, key
    assert len(got) == 4
    hand = by_hand()
    assert abs(got[("Purchase", "csat", "2026-Q3")] - hand[("Purchase", "csat")]) < 1e-9
