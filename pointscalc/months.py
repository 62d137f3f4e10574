"""Month arithmetic: the one place where periods become counts of months.

A month is an integer index, ``year * 12 + (month - 1)``, so that ranges are cheap to
compare and a whole city's run never builds calendar objects.  A set of months is a
``Months`` value: sorted, disjoint, half-open ranges ``[start, end)``.

Rounding, stated once for every scheme:

* a month counts whole or not at all; there are no part months;
* the month that contains ``as_of`` counts (a contribution paid in the month of the
  application is credited), months after it do not;
* ``full_years`` truncates (每满1年: 23 months are 1 full year);
* per-month accrual multiplies exactly in ``Decimal``; the scheme's rounding rule
  applies afterwards, never here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

Month = int
Range = tuple[int, int]


def month_of(year: int, month: int) -> Month:
    return year * 12 + (month - 1)


def month_of_date(day: dt.date) -> Month:
    return day.year * 12 + (day.month - 1)


def month_label(m: Month) -> str:
    return f"{m // 12:04d}-{m % 12 + 1:02d}"


def first_day(m: Month) -> dt.date:
    return dt.date(m // 12, m % 12 + 1, 1)


class Months(tuple[Range, ...]):
    """A normalised set of months, so that the same month is never counted twice."""

    __slots__ = ()

    def __new__(cls, ranges: Iterable[Range] = ()) -> Months:
        return super().__new__(cls, _normalise(ranges))

    @property
    def count(self) -> int:
        return sum(end - start for start, end in self)

    def __or__(self, other: object) -> Months:  # type: ignore[override]
        if not isinstance(other, Months):
            return NotImplemented
        return Months((*self, *other))

    def __and__(self, other: Months) -> Months:
        out: list[Range] = []
        i = j = 0
        while i < len(self) and j < len(other):
            lo = max(self[i][0], other[j][0])
            hi = min(self[i][1], other[j][1])
            if lo < hi:
                out.append((lo, hi))
            if self[i][1] < other[j][1]:
                i += 1
            else:
                j += 1
        return _trusted(out)

    def __sub__(self, other: Months) -> Months:  # type: ignore[override]
        out: list[Range] = []
        j = 0
        for start, end in self:
            cur = start
            while j < len(other) and other[j][1] <= cur:
                j += 1
            k = j
            while k < len(other) and other[k][0] < end:
                if other[k][0] > cur:
                    out.append((cur, other[k][0]))
                cur = max(cur, other[k][1])
                k += 1
            if cur < end:
                out.append((cur, end))
        return _trusted(out)

    def clip(self, start: Month | None = None, end: Month | None = None) -> Months:
        """Keep the months in ``[start, end)``; ``None`` leaves that side open."""
        lo = start if start is not None else -(10**9)
        hi = end if end is not None else 10**9
        return _trusted(
            (max(s, lo), min(e, hi)) for s, e in self if min(e, hi) > max(s, lo)
        )

    def until(self, as_of: dt.date) -> Months:
        """The months up to and including the month that contains ``as_of``."""
        return self.clip(end=month_of_date(as_of) + 1)

    def latest(self, n: int) -> Months:
        """The last ``n`` months of the set (a cap keeps the most recent months)."""
        kept: list[Range] = []
        for start, end in reversed(self):
            if n <= 0:
                break
            take = min(n, end - start)
            kept.append((end - take, end))
            n -= take
        return _trusted(reversed(kept))

    def first(self) -> Month | None:
        return self[0][0] if self else None

    def last(self) -> Month | None:
        return self[-1][1] - 1 if self else None

    def run_ending_at(self, last: Month, max_gap: int = 0, lag: int = 0) -> Months:
        """The continuous run that ends at month ``last``.

        The run may stop up to ``lag`` months before ``last`` (a contribution not yet
        posted).  A break of at most ``max_gap`` months does not end it, though the
        months of a bridged break are still not counted.  A longer break ends the run:
        what lies before it starts again from zero (从头计算).
        """
        kept: list[Range] = []
        edge = last + 1
        allowed = lag
        for start, end in reversed(self.clip(end=last + 1)):
            if edge - end > allowed:
                break
            kept.append((start, end))
            edge = start
            allowed = max_gap
        return _trusted(reversed(kept))

    def describe(self) -> str:
        return ", ".join(
            month_label(s) if e - s == 1 else f"{month_label(s)}–{month_label(e - 1)}"
            for s, e in self
        )


def _trusted(ranges: Iterable[Range]) -> Months:
    """Wrap ranges already sorted and disjoint, skipping the normalising pass."""
    return tuple.__new__(Months, tuple(ranges))


def _normalise(ranges: Iterable[Range]) -> list[Range]:
    out: list[Range] = []
    for start, end in sorted(r for r in ranges if r[1] > r[0]):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def full_years(months: int) -> int:
    """每满1年: whole years only."""
    return months // 12


def accrue(units: int, rate: Decimal) -> Decimal:
    return rate * units


def whole_years_between(born: dt.date, on: dt.date) -> int:
    """Age in completed years (周岁), the way Chinese rules count it."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
