"""Score intervals and the tests of a change between waves, checked against
numbers worked out by hand (the working is in the comments) and, for the
Wilson interval, against an independent formula: the roots of the
quadratic it is defined by."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeymapper.layout.badges import Reading
from journeymapper.model import confidence, stats
from journeymapper.model.scores import Score

Z = 1.959964


def csat(satisfied: int, n: int) -> Score:
    return Score("s", "w", "csat", 100 * satisfied / n, n,
                 distribution={"2": n - satisfied, "5": satisfied} if satisfied < n else {"5": n})


def nps(promoters: int, detractors: int, n: int) -> Score:
    split = {"promoters": promoters, "passives": n - promoters - detractors,
             "detractors": detractors}
    return Score("s", "w", "nps", 100 * (promoters - detractors) / n, n,
                 source={"nps_split": split})


def mean_score(metric: str, answers: dict[int, int]) -> Score:
    n = sum(answers.values())
    value = sum(v * c for v, c in answers.items()) / n
    return Score("s", "w", metric, value, n, distribution={str(v): c for v, c in answers.items()})


def test_t_distribution_against_tables_and_closed_forms() -> None:
    # t(0.975, df) from any statistics table
    for df, table in ((1, 12.7062), (2, 4.3027), (5, 2.5706), (9, 2.2622), (29, 2.0452),
                      (120, 1.9799)):
        assert stats.t_quantile(0.975, df) == pytest.approx(table, abs=1e-4)
    assert stats.t_quantile(0.025, 9) == pytest.approx(-2.2622, abs=1e-4)
    # df = 1 is Cauchy: F(t) = 1/2 + atan(t)/pi; df = 2: F(t) = 1/2 + t / (2 sqrt(2 + t^2))
    for t in (-3.0, -0.7, 0.0, 0.4, 1.3, 8.0):
        assert stats.t_cdf(t, 1) == pytest.approx(0.5 + math.atan(t) / math.pi, abs=1e-12)
        assert stats.t_cdf(t, 2) == pytest.approx(0.5 + t / (2 * math.sqrt(2 + t * t)), abs=1e-12)
    assert stats.t_quantile(0.975, 1e7) == pytest.approx(Z, abs=1e-5)
    assert confidence.Z == pytest.approx(Z, abs=1e-6)


def test_csat_wilson_interval_by_hand() -> None:
    # 45 of 60 satisfied: p = .75, z^2 = 3.841459, d = 1 + z^2/60 = 1.064024,
    # centre = (.75 + z^2/120) / d = .734957,
    # half = z sqrt(.75 x .25 / 60 + z^2 / 14400) / d = z x .058239 / d = .107279
    low, high = confidence.wilson(45, 60)
    assert (low, high) == (pytest.approx(0.627679, abs=1e-5), pytest.approx(0.842235, abs=1e-5))
    found = csat(45, 60).interval
    assert found.method == "wilson"
    assert (found.low, found.high) == (pytest.approx(62.7679, abs=1e-3),
                                      pytest.approx(84.2235, abs=1e-3))
    # without a distribution the share comes from the value and n
    assert Score("s", "w", "csat", 75.0, 60).interval == found


def quadratic_wilson(x: int, n: int, z: float = confidence.Z) -> tuple[float, float]:
    """The Wilson bounds as the roots of (p_hat - p)^2 = z^2 p (1 - p) / n,
    i.e. (1 + z^2/n) p^2 - (2 p_hat + z^2/n) p + p_hat^2 = 0."""
    p_hat = x / n
    a = 1 + z * z / n
    b = -(2 * p_hat + z * z / n)
    c = p_hat * p_hat
    root = math.sqrt(max(0.0, b * b - 4 * a * c))
    return (-b - root) / (2 * a), (-b + root) / (2 * a)


@given(st.integers(min_value=1, max_value=5000), st.data())
def test_wilson_matches_the_roots_of_its_quadratic(n: int, data) -> None:
    x = data.draw(st.integers(min_value=0, max_value=n))
    low, high = confidence.wilson(x, n)
    q_low, q_high = quadratic_wilson(x, n)
    assert low == pytest.approx(q_low, abs=1e-9)
    assert high == pytest.approx(q_high, abs=1e-9)
    assert 0.0 <= low <= x / n <= high <= 1.0


def test_nps_adjusted_wald_by_hand() -> None:
    # 50 promoters, 20 detractors of 100: n' = 103, p = 50.75/103 = .492718,
    # d = 20.75/103 = .201456, NPS' = .291262, var = (p + d - (p - d)^2) / 103 = .0059159,
    # half = z x .076915 = .150751 -> [.140511, .442013]
    found = nps(50, 20, 100).interval
    assert found.method == "adjusted-wald"
    assert found.low == pytest.approx(14.0511, abs=1e-3)
    assert found.high == pytest.approx(44.2013, abs=1e-3)
    # the split may come from the distribution instead (0-6 detract, 9-10 promote)
    answers = {0: 5, 6: 15, 7: 10, 8: 20, 9: 25, 10: 25}
    from_answers = mean_score("nps", answers).replace(value=30.0)
    assert from_answers.interval == found
    # never outside -100..+100
    assert nps(3, 0, 3).interval.high == 100.0


def test_ces_t_interval_by_hand() -> None:
    # 1, 1, 2, 2, 3, 7: mean 16/6 = 2.6667; squared deviations 2 x 2.7778 + 2 x .4444
    # + .1111 + 18.7778 = 25.3333, s^2 = 5.06667, se = sqrt(s^2 / 6) = .918937,
    # t(0.975, 5) = 2.570582, half = 2.36219 -> [0.30448, 5.02886]
    found = mean_score("ces", {1: 2, 2: 2, 3: 1, 7: 1}).interval
    assert found.method == "t"
    assert (found.low, found.high) == (pytest.approx(0.30448, abs=1e-4),
                                      pytest.approx(5.02886, abs=1e-4))
    assert mean_score("ces", {4: 1}).interval is None, "one answer has no spread"
    assert Score("s", "w", "ces", 3.0, 40).interval is None, "no distribution, no interval"


def test_csat_change_two_proportion_test_by_hand() -> None:
    # 60/100 -> 75/100: pooled .675, se = sqrt(.675 x .325 x (1/100 + 1/100)) = .066238,
    # z = .15 / .066238 = 2.2646, p = .0235: real
    real = confidence.change(csat(60, 100), csat(75, 100))
    assert real.method == "two-proportion-z"
    assert real.statistic == pytest.approx(2.2646, abs=1e-3)
    assert real.p_value == pytest.approx(0.0235, abs=1e-3)
    assert real.significant and real.delta == pytest.approx(15.0)
    # 60/100 -> 68/100: pooled .64, se = .067882, z = 1.1785, p = .2386: may be noise
    noise = confidence.change(csat(60, 100), csat(68, 100))
    assert noise.statistic == pytest.approx(1.1785, abs=1e-3)
    assert noise.p_value == pytest.approx(0.2386, abs=1e-3)
    assert not noise.significant


def test_nps_difference_with_its_variance_by_hand() -> None:
    # wave 1: 40 P, 30 D of 100 -> NPS' = .097087, var = .0066480
    # wave 2: 55 P, 20 D of 100 -> NPS' = .339806, var = .0060898
    # z = .242719 / sqrt(.0127378) = 2.1506, p = .0315: real
    found = confidence.change(nps(40, 30, 100), nps(55, 20, 100))
    assert found.method == "nps-difference-z"
    assert found.delta == pytest.approx(25.0)
    assert found.statistic == pytest.approx(2.1506, abs=1e-3)
    assert found.p_value == pytest.approx(0.0315, abs=1e-3)
    assert found.significant
    assert not confidence.change(nps(40, 30, 100), nps(45, 28, 100)).significant


def test_ces_change_welch_by_hand() -> None:
    # {1,2,3} x 10 -> {2,3,4} x 10: means 2 and 3, s^2 = 20/29 each, se^2 = 2 x .689655/30
    # = .045977, t = 1 / .214423 = 4.6637; equal n and variance: df = 2 (n - 1) = 58
    found = confidence.change(mean_score("ces", {1: 10, 2: 10, 3: 10}),
                              mean_score("ces", {2: 10, 3: 10, 4: 10}))
    assert found.method == "welch-t"
    assert found.statistic == pytest.approx(4.6637, abs=1e-3)
    assert found.df == pytest.approx(58.0)
    assert found.p_value < 1e-4 and found.significant
    # unequal: {1:3, 2:2} (mean 1.4, s^2 .3, n 5) -> {1:2, 2:2, 3:2} (mean 2, s^2 .8, n 6):
    # e1 = .06, e2 = .13333, se = .439697, t = 1.36458,
    # df = .193333^2 / (.06^2/4 + .13333^2/5) = .037378 / .0044556 = 8.3890
    small = confidence.change(mean_score("ces", {1: 3, 2: 2}), mean_score("ces", {1: 2, 2: 2, 3: 2}))
    assert small.statistic == pytest.approx(1.36458, abs=1e-4)
    assert small.df == pytest.approx(8.389, abs=1e-3)
    assert not small.significant


def test_untestable_and_identical_changes() -> None:
    assert confidence.change(Score("s", "a", "ces", 3.0, 40), Score("s", "b", "ces", 2.0, 40)) is None
    same = confidence.change(csat(30, 30), csat(40, 40))
    assert (same.p_value, same.significant) == (1.0, False)
    flat = confidence.change(mean_score("ces", {3: 5}), mean_score("ces", {2: 5}))
    assert flat.significant, "no spread at all and a different mean: certainly a change"


def test_a_reading_shows_a_trend_only_for_a_real_change() -> None:
    old = csat(60, 100)
    real = Reading(csat(75, 100).replace(wave="w2"), old)
    noise = Reading(csat(68, 100).replace(wave="w2"), old)
    assert (real.trend, real.drift, real.noise) == (1, 1, False)
    assert (noise.trend, noise.drift, noise.noise) == (0, 1, True)
    worse = Reading(csat(45, 100).replace(wave="w2"), old)
    assert worse.trend == -1
    # CES: lower is better, so a real fall is a trend up
    easier = Reading(mean_score("ces", {2: 10, 3: 10, 4: 10}).replace(value=3.0),
                     mean_score("ces", {3: 10, 4: 10, 5: 10}))
    assert easier.trend == 1
