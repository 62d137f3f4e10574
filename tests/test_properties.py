"""Properties every shipped points scheme keeps, over generated applicants."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pointscalc import registry
from pointscalc.model import Applicant, Period, PeriodKind, freeze
from pointscalc.scoring import assess
from tests.strategies import applicants, periods

CASES = [
    ("beijing", dt.date(2021, 6, 30), {}),
    ("beijing", dt.date(2019, 6, 30), {}),
    ("suzhou", dt.date(2021, 6, 30), {"target_area": "市区"}),
    ("suzhou", dt.date(2019, 6, 30), {}),
    ("nanjing", dt.date(2021, 12, 31), {}),
]
IDS = [f"{k}-{d}" for k, d, _ in CASES]


def run(key: str, as_of: dt.date, a: Applicant):  # type: ignore[no-untyped-def]
    scheme = registry.load(key)
    return assess(scheme, scheme.version_for(as_of), a, as_of)


def city_of(key: str) -> str:
    return registry.load(key).city


@pytest.mark.parametrize(("key", "as_of", "extra"), CASES, ids=IDS)
@given(data=st.data())
def test_lines_sum_to_the_total(key: str, as_of: dt.date, extra: dict, data: st.DataObject) -> None:
    a = data.draw(applicants(city_of(key), extra))
    result = run(key, as_of, a)
    assert result.total == sum((ln.points for ln in result.lines), Decimal(0))
    places = {-ln.points.as_tuple().exponent for ln in result.lines}
    assert places <= {registry.load(key).version_for(as_of).rounding.places}
    if result.base is not None:
        assert result.base == sum((ln.points for ln in result.lines if ln.base), Decimal(0))


@pytest.mark.parametrize(("key", "as_of", "extra"), CASES, ids=IDS)
@given(data=st.data())
def test_more_insurance_never_lowers_the_score_or_eligibility(
    key: str, as_of: dt.date, extra: dict, data: st.DataObject
) -> None:
    city = city_of(key)
    a = data.draw(applicants(city, extra))
    waived = registry.load(key).version_for(as_of).waivers
    if any(w.property == "monotone_insurance" and w.instead == "monotone_insurance_outside_study" for w in waived):
        # The waiver's weaker property: Beijing's flat study deduction can cost 1/24 a month.
        a = attrs.evolve(a, periods=tuple(p for p in a.periods if p.kind is not PeriodKind.STUDY))
    more = data.draw(periods(city, kinds=(PeriodKind.SOCIAL_INSURANCE,)))
    before = run(key, as_of, a)
    after = run(key, as_of, attrs.evolve(a, periods=(*a.periods, more)))
    assert after.total is not None and before.total is not None
    assert after.total >= before.total
    assert after.eligible or not before.eligible
    assert {c.key for c in after.settles_by} >= {c.key for c in before.settles_by}


@pytest.mark.parametrize(("key", "as_of", "extra"), CASES, ids=IDS)
@given(data=st.data())
def test_name_and_id_never_change_the_result(key: str, as_of: dt.date, extra: dict, data: st.DataObject) -> None:
    a = data.draw(applicants(city_of(key), extra))
    anonymous = attrs.evolve(a, name=None, id=None)
    assert run(key, as_of, a) == run(key, as_of, anonymous)


@pytest.mark.parametrize(("key", "as_of", "extra"), CASES, ids=IDS)
@given(data=st.data())
def test_period_order_and_duplicates_never_matter(
    key: str, as_of: dt.date, extra: dict, data: st.DataObject
) -> None:
    a = data.draw(applicants(city_of(key), extra))
    shuffled = data.draw(st.permutations(a.periods))
    doubled = attrs.evolve(a, periods=tuple(shuffled) + a.periods)
    assert run(key, as_of, a) == run(key, as_of, doubled)


def test_splitting_a_period_changes_nothing() -> None:
    # 2010-01..2021-06 in one period or in two that meet: the same 138 months.
    whole = Period(PeriodKind.SOCIAL_INSURANCE, "北京", 2010 * 12, 2021 * 12 + 5, None,
                   freeze({"scheme": "urban_employee"}))
    first = attrs.evolve(whole, end=2015 * 12 + 2)
    second = attrs.evolve(whole, start=2015 * 12 + 3)
    permit = Period(PeriodKind.RESIDENCE_PERMIT, "北京", 2015 * 12, None)
    base = Applicant(birth=dt.date(1985, 1, 1), periods=(permit, whole))
    split = attrs.evolve(base, periods=(permit, first, second))
    day = dt.date(2021, 6, 30)
    assert run("beijing", day, base) == run("beijing", day, split)
    assert run("beijing", day, base).lines[0].points == Decimal("34.50")  # 138 × 3/12
