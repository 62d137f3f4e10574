"""Month arithmetic: hand-checked cases and the properties the engine relies on."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from pointscalc.months import Months, full_years, month_of, whole_years_between

ranges = st.lists(
    st.tuples(st.integers(0, 120), st.integers(0, 120)).map(lambda t: (min(t), max(t))),
    max_size=8,
)


def as_set(m: Months) -> set[int]:
    return {x for s, e in m for x in range(s, e)}


def test_union_counts_a_shared_month_once() -> None:
    # 2020-01..2020-12 and 2020-07..2021-06 share 6 months: 12 + 12 - 6 = 18.
    a = Months([(month_of(2020, 1), month_of(2021, 1))])
    b = Months([(month_of(2020, 7), month_of(2021, 7))])
    assert (a | b).count == 18


def test_full_years_truncate() -> None:
    # 每满1年: 23 months are one full year, 24 are two.
    assert (full_years(11), full_years(23), full_years(24)) == (0, 1, 2)


def test_until_keeps_the_month_of_as_of() -> None:
    # An open period from 2021-01, as of 2021-06-15: January to June inclusive, 6 months.
    m = Months([(month_of(2021, 1), 10**9)]).until(dt.date(2021, 6, 15))
    assert m.count == 6


def test_run_ending_at_restarts_after_a_break() -> None:
    # 2019-01..2019-12, break 2020-01..02, 2020-03..2021-06: the run reaching 2021-06 is 16 months.
    m = Months([(month_of(2019, 1), month_of(2020, 1)), (month_of(2020, 3), month_of(2021, 7))])
    assert m.run_ending_at(month_of(2021, 6)).count == 16
    # Allowing gaps of 2 months bridges the break without counting it: 12 + 16 = 28.
    assert m.run_ending_at(month_of(2021, 6), max_gap=2).count == 28


def test_run_may_stop_one_month_early_with_lag() -> None:
    # Insured to 2021-05, applying in 2021-06: with lag 1 the run still reaches as_of.
    m = Months([(month_of(2020, 6), month_of(2021, 6))])
    assert m.run_ending_at(month_of(2021, 6)).count == 0
    assert m.run_ending_at(month_of(2021, 6), lag=1).count == 12


def test_age_in_completed_years() -> None:
    # Born 1976-06-30: 45 on 2021-06-30, still 44 the day before.
    born = dt.date(1976, 6, 30)
    assert whole_years_between(born, dt.date(2021, 6, 29)) == 44
    assert whole_years_between(born, dt.date(2021, 6, 30)) == 45


@given(ranges)
def test_union_is_idempotent_and_order_free(rs: list[tuple[int, int]]) -> None:
    m = Months(rs)
    assert Months(reversed(rs)) == m
    assert m | m == m
    assert Months(rs + rs) == m
    assert m.count == len({x for s, e in rs for x in range(s, e)})


@given(ranges, ranges)
def test_set_operations_agree_with_python_sets(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> None:
    ma, mb = Months(a), Months(b)
    assert as_set(ma & mb) == as_set(ma) & as_set(mb)
    assert as_set(ma - mb) == as_set(ma) - as_set(mb)
    assert as_set(ma | mb) == as_set(ma) | as_set(mb)


@given(ranges, st.integers(0, 130), st.integers(0, 3))
def test_run_is_a_suffix_of_the_covered_months(rs: list[tuple[int, int]], last: int, gap: int) -> None:
    m = Months(rs)
    run = m.run_ending_at(last, max_gap=gap)
    assert as_set(run) <= as_set(m)
    assert all(x <= last for x in as_set(run))
    # Nothing covered between the run's start and `last` is left out of it.
    if run:
        assert as_set(m.clip(run.first(), last + 1)) == as_set(run)
