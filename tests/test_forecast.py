"""The cutoff forecast of ``pointscalc plan``: a straight line and a t interval, checked by hand."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pointscalc.forecast import Point, backtest, fit, t_cdf, t_quantile


def test_t_cdf_closed_forms() -> None:
    # df = 1 is the Cauchy distribution: F(1) = 1/2 + atan(1)/π = 0.75.
    assert t_cdf(1.0, 1) == pytest.approx(0.75, abs=1e-12)
    # df = 2: F(t) = 1/2 + t / (2√(t² + 2)); at t = 2 that is 1/2 + 1/√6.
    assert t_cdf(2.0, 2) == pytest.approx(0.5 + 1 / math.sqrt(6), abs=1e-12)
    assert t_cdf(-2.0, 2) == pytest.approx(0.5 - 1 / math.sqrt(6), abs=1e-12)


@pytest.mark.parametrize(("p", "df", "table"), [
    # Printed t tables (two-sided 80%, 90%, 95% columns).
    (0.9, 1, 3.078), (0.9, 5, 1.476), (0.95, 10, 1.812), (0.975, 5, 2.571), (0.975, 30, 2.042),
])
def test_t_quantile_matches_the_printed_tables(p: float, df: int, table: float) -> None:
    assert t_quantile(p, df) == pytest.approx(table, abs=5e-4)


def test_an_exactly_linear_history_is_predicted_exactly() -> None:
    # 90 + 3.5 a year from 2018 to 2023: 2024 is 90 + 6 × 3.5 = 111, with no doubt at all.
    history = [Point(2018 + i, Decimal(90) + Decimal("3.5") * i) for i in range(6)]
    trend = fit(history)
    f = trend.predict(2024)
    assert (f.mean, f.low, f.high) == (Decimal("111.00"), Decimal("111.00"), Decimal("111.00"))
    assert trend.probability_at_most(2024, Decimal("111.00")) == 1.0
    assert trend.probability_at_most(2024, Decimal("110.99")) == 0.0
    assert all(b.error == 0 for b in backtest(history))


def test_three_points_by_hand() -> None:
    # (1, 1), (2, 3), (3, 2): x̄ = 2, ȳ = 2, Sxx = 2, Sxy = 1, so y = 1 + x/2; at x = 4, 3.
    # Residuals −0.5, 1, −0.5: SSE = 1.5 on 1 df, s = √1.5; se(4) = s·√(1 + 1/3 + 4/2) = √5.
    # 80% interval: 3 ± t(0.9, 1)·√5 = 3 ± 3.0777·2.2361 = 3 ± 6.882.
    trend = fit([Point(1, Decimal(1)), Point(2, Decimal(3)), Point(3, Decimal(2))])
    f = trend.predict(4)
    assert f.mean == Decimal("3.00")
    assert (f.low, f.high) == (Decimal("-3.88"), Decimal("9.88"))
    # A score exactly on the line is enough half the time.
    assert trend.probability_at_most(4, Decimal(3)) == pytest.approx(0.5)


def test_a_window_keeps_only_the_last_rounds() -> None:
    # A flat start then a rise of 2 a year: the last three alone predict 10 + 2·… exactly.
    history = [Point(1, Decimal(0)), Point(2, Decimal(0)), Point(3, Decimal(6)), Point(4, Decimal(8)),
               Point(5, Decimal(10))]
    assert fit(history, window=3).predict(6).mean == Decimal("12.00")


def test_too_short_a_history_is_refused() -> None:
    with pytest.raises(ValueError, match="two rounds"):
        fit([Point(2020, Decimal(1))])


@given(st.lists(st.integers(-5000, 5000), min_size=3, max_size=8),
       st.integers(-10**4, 10**4), st.integers(1, 5))
def test_the_chance_grows_with_the_score(values: list[int], offset: int, ahead: int) -> None:
    history = [Point(2000 + i, Decimal(v).scaleb(-2)) for i, v in enumerate(values)]
    trend = fit(history)
    x = 2000 + len(values) - 1 + ahead
    low, high = Decimal(offset).scaleb(-2), Decimal(offset + 100).scaleb(-2)
    p_low, p_high = trend.probability_at_most(x, low), trend.probability_at_most(x, high)
    assert p_low is not None and p_high is not None
    assert 0.0 <= p_low <= p_high <= 1.0
