"""The metric formulas, checked against numbers worked out by hand."""

from __future__ import annotations

from collections import Counter

import pytest

from journeymapper.model import metrics


def dist(*answers: float) -> Counter[float]:
    return Counter(float(a) for a in answers)


def test_csat_is_percent_of_fours_and_fives() -> None:
    # 5,4,4,3,2,5,1: four answers are 4 or 5 out of 7 -> 400/7
    assert metrics.csat(dist(5, 4, 4, 3, 2, 5, 1)) == pytest.approx(57.142857142857)
    assert metrics.csat(dist(1, 2, 3)) == 0.0
    assert metrics.csat(dist(4, 5)) == 100.0


def test_nps_is_promoters_minus_detractors() -> None:
    # 10,9 and 10 promote (3), 8,7 are passive (2), 6 and 0 detract (2): (3-2)/7
    sample = dist(10, 9, 8, 7, 6, 0, 10)
    assert metrics.nps(sample) == pytest.approx(14.285714285714)
    assert metrics.nps_split(sample).as_dict() == {"promoters": 3, "passives": 2, "detractors": 2}
    assert metrics.nps(dist(0, 0)) == -100.0
    assert metrics.nps(dist(9, 10)) == 100.0


def test_ces_and_custom_means() -> None:
    assert metrics.compute("ces", dist(1, 2, 2, 3, 7, 1)) == pytest.approx(16 / 6)
    assert metrics.compute("mean", dist(7.5, 8.5)) == 8.0


def test_no_answers_is_refused() -> None:
    for metric in ("csat", "nps", "ces"):
        with pytest.raises(ZeroDivisionError):
            metrics.compute(metric, Counter())


def test_scales_state_direction_and_bounds() -> None:
    low = metrics.scale_for("ces")
    high = metrics.scale_for("ces", metrics.CES_HIGH_IS_EASY)
    assert (low.better, low.direction) == ("lower", "low-is-easy")
    assert (high.better, high.direction) == ("higher", "high-is-easy")
    assert low.as_dict()["min"] == 1 and low.as_dict()["max"] == 7
    csat = metrics.scale_for("csat")
    assert csat.accepts(5) and not csat.accepts(6) and not csat.accepts(4.5)
    assert metrics.scale_for("nps").accepts(0)
    custom = metrics.scale_for("mean", mean_range=(1, 10))
    assert custom.accepts(7) and not custom.accepts(11)
    with pytest.raises(ValueError):
        metrics.scale_for("mean")
    with pytest.raises(ValueError):
        metrics.scale_for("stars")


def test_format_value() -> None:
    assert metrics.format_value("csat", 400 / 7) == "57.1%"
    assert metrics.format_value("nps", 100 / 7) == "+14.3"
    assert metrics.format_value("nps", -20) == "-20.0"
    assert metrics.format_value("ces", 16 / 6) == "2.67"


def test_values_round_halves_up_as_people_check_them() -> None:
    """5 of 8 satisfied is 62.5%: badges say 63%, not 62% (while 7 of 8 said 88%);
    Python's format rounds halves to even, a spreadsheet and a reader do not."""
    from journeymapper.layout.badges import delta_text
    from journeymapper.layout.palette import score_text
    from journeymapper.model import Score

    assert metrics.fixed(62.5, 0) == "63" and metrics.fixed(87.5, 0) == "88"
    assert metrics.fixed(6.25, 1) == "6.3" and metrics.fixed(18.75, 1) == "18.8"
    assert metrics.fixed(-0.125, 2) == "-0.13" and metrics.fixed(2.675, 2) == "2.68"
    assert metrics.fixed(-0.4, 0, sign=True) == "+0" and metrics.fixed(-0.6, 0, sign=True) == "-1"
    assert metrics.format_value("csat", 100 / 16) == "6.3%"
    assert metrics.format_value("nps", -12.25) == "-12.3"
    assert metrics.format_value("ces", 2.125) == "2.13"
    csat = Score("s", "w", "csat", 62.5, 8)
    assert score_text(csat) == "63%"
    assert score_text(Score("s", "w", "nps", -0.4, 40)) == "+0"
    assert delta_text(csat, 12.5) == "+13 pts"
