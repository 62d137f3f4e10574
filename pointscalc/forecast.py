"""Forecasting a published cutoff (落户分值) from its history: a straight line and its doubt.

An applicant asks in which round their score will reach the line.  The line moves: Beijing's
rose every year from 2018 (90.75) to 2024 (114.46) by 2.8 to 4.6 points.  The model here is
the simplest one that says so honestly:

* a least-squares straight line through the last ``window`` published cutoffs, by round
  number (fitted in exact fractions, so an exactly linear history is predicted exactly);
* a prediction interval from its residuals, with Student's t on ``n − 2`` degrees of freedom:
  ``s · √(1 + 1/n + (x − x̄)² / Sxx)``, which widens the further ahead the round;
* the probability that the cutoff is at most a given score, under that t distribution.

It knows nothing of quotas or applicant numbers; ``backtest`` says how well it would have done
on each published round from the rounds before it, and ``docs/plan.md`` prints that table.
Forecasts are projections, never data: the caller always prints the model and the provenance
of the history it used.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import attrs

from pointscalc.i18n import tr

@attrs.frozen
class Point:
    x: int
    """The round, as a number on a line with a step of one per round (the year, for annual rounds)."""
    cutoff: Decimal


@attrs.frozen
class Forecast:
    x: int
    mean: Decimal
    low: Decimal | None
    high: Decimal | None
    """The interval at the trend's ``level``; ``None`` when there are too few points for one."""


@attrs.frozen
class Trend:
    points: tuple[Point, ...]
    slope: Fraction
    intercept: Fraction
    s: float
    """Residual standard deviation (0 for an exactly linear history)."""
    level: float

    @property
    def n(self) -> int:
        return len(self.points)

    @property
    def df(self) -> int:
        return self.n - 2

    def describe(self) -> str:
        """The model in the user's language: a forecast is printed with what made it."""
        return tr("linear trend over the last {n} published cutoffs; {level:.0%} interval from its residuals or"
                  " its backtest errors, whichever is wider (Student's t, {df} df)", n=self.n, level=self.level,
                  df=self.df)

    def mean(self, x: int) -> Fraction:
        return self.intercept + self.slope * x

    def _se(self, x: int) -> float | None:
        if self.df < 1:
            return None
        xs = [p.x for p in self.points]
        mean_x = sum(xs) / self.n
        sxx = sum((v - mean_x) ** 2 for v in xs)
        return self.s * math.sqrt(1 + 1 / self.n + (x - mean_x) ** 2 / sxx)

    def predict(self, x: int) -> Forecast:
        mean = self.mean(x)
        se = self._se(x)
        if se is None:
            return Forecast(x, _two(mean), None, None)
        half = t_quantile(0.5 + self.level / 2, self.df) * se
        return Forecast(x, _two(mean), _two(Fraction(float(mean) - half)), _two(Fraction(float(mean) + half)))

    def probability_at_most(self, x: int, score: Decimal) -> float | None:
        """P(cutoff of round ``x`` ≤ ``score``) under the model: the chance the score is enough."""
        se = self._se(x)
        if se is None:
            return None
        gap = float(Fraction(score) - self.mean(x))
        if se == 0:
            return 1.0 if gap >= 0 else 0.0
        return t_cdf(gap / se, self.df)


def _two(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def fit(points: Sequence[Point], window: int | None = None, level: float = 0.8) -> Trend:
    """The least-squares line through the last ``window`` points (all of them by default)."""
    chosen = tuple(sorted(points, key=lambda p: p.x))
    if window is not None:
        chosen = chosen[-window:]
    if len(chosen) < 2 or len({p.x for p in chosen}) < 2:
        raise ValueError("a trend needs at least two rounds with published cutoffs")
    n = len(chosen)
    mean_x = Fraction(sum(p.x for p in chosen), n)
    mean_y = sum((Fraction(p.cutoff) for p in chosen), Fraction(0)) / n
    sxx = sum(((p.x - mean_x) ** 2 for p in chosen), Fraction(0))
    sxy = sum(((p.x - mean_x) * (Fraction(p.cutoff) - mean_y) for p in chosen), Fraction(0))
    slope = sxy / sxx
    intercept = mean_y - slope * mean_x
    sse = sum(((Fraction(p.cutoff) - intercept - slope * p.x) ** 2 for p in chosen), Fraction(0))
    s = math.sqrt(sse / (n - 2)) if n > 2 else 0.0
    return Trend(chosen, slope, intercept, s, level)


@attrs.frozen
class Backtest:
    x: int
    actual: Decimal
    forecast: Forecast
    used: int
    """How many earlier rounds the line was fitted on."""

    @property
    def error(self) -> Decimal:
        return self.actual - self.forecast.mean

    @property
    def inside(self) -> bool | None:
        if self.forecast.low is None or self.forecast.high is None:
            return None
        return self.forecast.low <= self.actual <= self.forecast.high


def backtest(points: Sequence[Point], window: int | None = None, level: float = 0.8,
             least: int = 3) -> list[Backtest]:
    """Each round forecast from the rounds before it (at least ``least`` of them)."""
    ordered = sorted(points, key=lambda p: p.x)
    out = []
    for i in range(least, len(ordered)):
        trend = fit(ordered[:i], window, level)
        out.append(Backtest(ordered[i].x, ordered[i].cutoff, trend.predict(ordered[i].x), trend.n))
    return out


# --- Student's t, for integer degrees of freedom -------------------------------------------


def t_cdf(t: float, df: int) -> float:
    """P(T ≤ t) for Student's t with ``df`` degrees of freedom, by the closed form for whole
    degrees of freedom (Abramowitz and Stegun 26.7.3 and 26.7.4), in θ = atan(t / √df)."""
    if df < 1:
        raise ValueError("degrees of freedom must be at least 1")
    theta = math.atan(abs(t) / math.sqrt(df))
    c2 = math.cos(theta) ** 2
    if df % 2 == 1:
        total, term = 0.0, 1.0
        if df > 1:
            total = term = math.cos(theta)
            for k in range(3, df - 1, 2):
                term *= c2 * (k - 1) / k
                total += term
        inside = 2 / math.pi * (theta + math.sin(theta) * total)
    else:
        total = term = 1.0
        for k in range(2, df - 1, 2):
            term *= c2 * (k - 1) / k
            total += term
        inside = math.sin(theta) * total
    half = inside / 2
    return 0.5 + half if t >= 0 else 0.5 - half


def t_quantile(p: float, df: int) -> float:
    """The ``p`` quantile of Student's t, by bisection on ``t_cdf``."""
    if not 0 < p < 1:
        raise ValueError("p must lie strictly between 0 and 1")
    lo, hi = -1e6, 1e6
    for _ in range(200):
        mid = (lo + hi) / 2
        if t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2
