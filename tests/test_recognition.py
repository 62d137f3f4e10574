"""Mutual recognition (苏府办〔2020〕313号 (六); 宁政办发〔2021〕5号 (六)): hand cases and properties."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pointscalc import registry
from pointscalc.model import Applicant, PeriodKind
from pointscalc.reading import applicant_from_mapping
from pointscalc.recognition import Recognition
from pointscalc.rules import months_of
from pointscalc.scoring import Context, assess
from schemes import nanjing, suzhou
from tests.strategies import applicants, periods

EMPLOYEE_INSURANCE = months_of(PeriodKind.SOCIAL_INSURANCE, where={"scheme": "urban_employee"})


def insured(city: str, start: str, end: str) -> dict[str, Any]:
    return {"kind": "social_insurance", "scheme": "urban_employee", "city": city, "start": start, "end": end}


def credited(key: str, ps: list[dict[str, Any]], as_of: str, explored: bool = False) -> int:
    """Months of urban employee insurance the scheme credits, partner cities included."""
    day = dt.date.fromisoformat(as_of)
    scheme = registry.load(key)
    version = scheme.version_for(day)
    extra = {"target_area": "市区"} if any(f.name == "target_area" for f in version.facts) else {}
    a = applicant_from_mapping({"birth": "1990-01", "periods": ps, "extra": extra}, file="<test>",
                               facts=version.facts)
    recognition = Recognition.resolve(scheme.city, scheme.agreements, day, explored)
    return Context(scheme, version, a, day, recognition).months(EMPLOYEE_INSURANCE).count


def test_nanjing_and_suzhou_months_add_up_in_suzhou() -> None:
    # 南京 2016-01..2018-12 = 36 months, 苏州 2019-01..2020-12 = 24: 60, after 2020-12-17.
    ps = [insured("南京", "2016-01", "2018-12"), insured("苏州", "2019-01", "2020-12")]
    assert credited("suzhou", ps, "2021-01-31") == 60


def test_a_month_insured_in_both_cities_counts_once() -> None:
    # The same 12 months, 2020-01..2020-12, in both cities: 12, not 24.
    ps = [insured("南京", "2020-01", "2020-12"), insured("苏州", "2020-01", "2020-12")]
    assert credited("suzhou", ps, "2021-01-31") == 12


def test_wuxi_months_in_suzhou_only_when_explored_agreements_are_asked_for() -> None:
    # 苏锡常 recognition is only "探索" in (六): 12 无锡 months count only as a what-if.
    ps = [insured("无锡", "2019-01", "2019-12"), insured("苏州", "2020-01", "2020-12")]
    assert credited("suzhou", ps, "2021-01-31") == 12
    assert credited("suzhou", ps, "2021-01-31", explored=True) == 24


def test_other_jiangsu_cities_count_in_nanjing() -> None:
    # 12 months in 无锡 + 12 in 南京, applying in Nanjing: 24 (宁政办发〔2021〕5号 (六)).
    ps = [insured("无锡", "2019-07", "2020-06"), insured("南京", "2020-07", "2021-06")]
    assert credited("nanjing", ps, "2021-07-15") == 24


@pytest.mark.parametrize("key", ["suzhou", "nanjing"])
def test_shanghai_months_are_not_credited_by_default(key: str) -> None:
    ps = [insured("上海", "2019-07", "2020-06"), insured(registry.load(key).city, "2020-07", "2021-06")]
    assert credited(key, ps, "2021-07-15") == 12


def test_before_the_opinion_nanjing_months_do_not_count_in_suzhou() -> None:
    # 苏府办〔2020〕313号 dates from 2020-12-17: on 2020-06-30 only the 12 苏州 months count.
    ps = [insured("南京", "2018-07", "2019-06"), insured("苏州", "2019-07", "2020-06")]
    assert credited("suzhou", ps, "2020-06-30") == 12


def test_continuity_carries_across_recognised_cities_and_a_gap_stays_a_gap() -> None:
    # Nanjing's points path needs months; its residence item needs a run.  Here: a continuous
    # measure over 苏州 2019-01..2020-06 then 南京 2020-07..2021-06 is one run of 30 months.
    run = months_of(PeriodKind.SOCIAL_INSURANCE, continuous=True)
    scheme = nanjing.SCHEME
    day = dt.date(2021, 6, 30)
    v = scheme.version_for(day)

    def months(ps: list[dict[str, Any]]) -> int:
        a = applicant_from_mapping({"birth": "1990-01", "periods": ps}, file="<t>", facts=v.facts)
        return Context(scheme, v, a, day).months(run).count

    assert months([insured("苏州", "2019-01", "2020-06"), insured("南京", "2020-07", "2021-06")]) == 30
    # A gap of one month (2020-06) breaks it: only the 12 南京 months are continuous.
    assert months([insured("苏州", "2019-01", "2020-05"), insured("南京", "2020-07", "2021-06")]) == 12


def test_the_item_line_explains_by_city_and_agreement() -> None:
    day = dt.date(2021, 1, 31)
    v = suzhou.SCHEME.version_for(day)
    a = applicant_from_mapping(
        {"birth": "1990-01", "extra": {"target_area": "市区"},
         "periods": [insured("南京", "2016-01", "2018-12"), insured("苏州", "2019-01", "2020-12"),
                     insured("上海", "2015-01", "2015-12")]},
        file="<t>", facts=v.facts)
    line = next(ln for ln in assess(suzhou.SCHEME, v, a, day).lines if ln.key == "social_insurance")
    assert "60 months = 24 苏州 + 36 南京 (recognised: 苏府办〔2020〕313号 (六))" in line.detail.en
    assert "12 上海 not credited" in line.detail.en


def test_a_partner_permit_is_not_a_home_permit() -> None:
    # Years are recognised; holding a Suzhou permit today is not holding a Nanjing one.
    day = dt.date(2021, 7, 15)
    v = nanjing.SCHEME.version_for(day)
    a = applicant_from_mapping(
        {"birth": "1990-01", "periods": [{"kind": "residence_permit", "city": "苏州", "start": "2019-01"}]},
        file="<t>", facts=v.facts)
    result = assess(nanjing.SCHEME, v, a, day)
    assert "residence_permit" in {c.key for c in result.failed}


# --- properties ---------------------------------------------------------------------------

CASES = [(suzhou.SCHEME, dt.date(2021, 6, 30), {"target_area": "市区"}), (nanjing.SCHEME, dt.date(2021, 12, 31), {})]
IDS = ["suzhou", "nanjing"]
PAIR = {"苏州": "南京", "南京": "苏州"}


def total(scheme, a: Applicant, day: dt.date, explored: bool = False):  # type: ignore[no-untyped-def]
    return assess(scheme, scheme.version_for(day), a, day, include_explored=explored).total


@pytest.mark.parametrize(("scheme", "day", "extra"), CASES, ids=IDS)
@given(data=st.data())
def test_moving_a_period_between_suzhou_and_nanjing_changes_no_score(scheme, day, extra, data) -> None:  # type: ignore[no-untyped-def]
    kinds = tuple(sorted({k for ag in scheme.agreements if ag.key in ("nanjing", "suzhou") for k in ag.kinds},
                         key=lambda k: k.rank))
    a = data.draw(applicants(scheme.city, extra))
    moved = data.draw(periods(data.draw(st.sampled_from(["苏州", "南京"])), kinds=kinds))
    moved = attrs.evolve(moved, district=None)
    there = attrs.evolve(moved, city=PAIR[moved.city])
    assert total(scheme, attrs.evolve(a, periods=(*a.periods, moved)), day) == \
        total(scheme, attrs.evolve(a, periods=(*a.periods, there)), day)


@pytest.mark.parametrize(("scheme", "day", "extra"), CASES, ids=IDS)
@given(data=st.data())
def test_a_city_outside_every_agreement_never_changes_a_score(scheme, day, extra, data) -> None:  # type: ignore[no-untyped-def]
    a = data.draw(applicants(scheme.city, extra))
    elsewhere = data.draw(periods(data.draw(st.sampled_from(["北京", "广州", "成都"]))))
    assert total(scheme, a, day) == total(scheme, attrs.evolve(a, periods=(*a.periods, elsewhere)), day)


@pytest.mark.parametrize(("scheme", "day", "extra"), CASES, ids=IDS)
@given(data=st.data())
def test_duplicating_a_partner_period_changes_nothing(scheme, day, extra, data) -> None:  # type: ignore[no-untyped-def]
    a = data.draw(applicants(scheme.city, extra))
    p = data.draw(periods(PAIR[scheme.city]))
    once = attrs.evolve(a, periods=(*a.periods, p))
    twice = attrs.evolve(a, periods=(*a.periods, p, p))
    assert total(scheme, once, day) == total(scheme, twice, day)


@pytest.mark.parametrize(("scheme", "day", "extra"), CASES, ids=IDS)
@given(data=st.data())
def test_credited_months_never_exceed_the_calendar(scheme, day, extra, data) -> None:  # type: ignore[no-untyped-def]
    cities = st.sampled_from(["苏州", "南京", "无锡", "上海", "常州"])
    ps = data.draw(st.lists(cities.flatmap(lambda c: periods(c, kinds=(PeriodKind.SOCIAL_INSURANCE,))),
                            min_size=1, max_size=8))
    a = Applicant(birth=dt.date(1990, 1, 1), periods=tuple(ps), extra=tuple(extra.items()))
    recognition = Recognition.resolve(scheme.city, scheme.agreements, day, include_explored=True)
    months = Context(scheme, scheme.version_for(day), a, day, recognition).months(
        months_of(PeriodKind.SOCIAL_INSURANCE)).count
    earliest = min(p.start for p in ps)
    assert months <= max(0, day.year * 12 + day.month - earliest)


@pytest.mark.parametrize(("scheme", "day", "extra"), CASES, ids=IDS)
@given(data=st.data())
def test_switching_an_agreement_off_never_raises_a_score(scheme, day, extra, data) -> None:  # type: ignore[no-untyped-def]
    cities = st.sampled_from(["苏州", "南京", "无锡", "上海", "常州"])
    a = data.draw(applicants(scheme.city, extra))
    others = data.draw(st.lists(cities.flatmap(periods), max_size=5))
    a = attrs.evolve(a, periods=(*a.periods, *others))
    dropped = data.draw(st.sampled_from(scheme.agreements))
    fewer = attrs.evolve(scheme, agreements=tuple(x for x in scheme.agreements if x is not dropped))
    for explored in (False, True):
        assert total(fewer, a, day, explored) <= total(scheme, a, day, explored)


def test_credits_before_start_is_a_parameter_of_the_agreement() -> None:
    # Nanjing 2019-01..2021-01 = 25 months; 苏州 none.  Crediting accumulated years (the text,
    # the default) gives 25; an agreement that only credits months from its own start
    # (2020-12-17, so 2020-12 onward) gives 2020-12 and 2021-01 = 2.
    day = dt.date(2021, 1, 31)
    v = suzhou.SCHEME.version_for(day)
    a = applicant_from_mapping({"birth": "1990-01", "extra": {"target_area": "市区"},
                                "periods": [insured("南京", "2019-01", "2021-01")]}, file="<t>", facts=v.facts)
    strict = attrs.evolve(suzhou.SCHEME, agreements=tuple(
        attrs.evolve(ag, credits_before_start=False) for ag in suzhou.SCHEME.agreements))
    assert Context(suzhou.SCHEME, v, a, day).months(EMPLOYEE_INSURANCE).count == 25
    assert Context(strict, v, a, day).months(EMPLOYEE_INSURANCE).count == 2
