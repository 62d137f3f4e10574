"""Hypothesis strategies for applicants of a given city: valid facts, realistic periods."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from pointscalc import fairness, places
from pointscalc.model import (
    Applicant,
    Degree,
    Diploma,
    Education,
    Origin,
    Period,
    PeriodKind,
    Qualification,
    Record,
    Sex,
    Title,
    freeze,
)
from pointscalc.months import month_of

FIRST = month_of(2000, 1)
LAST = month_of(2021, 12)

ATTRS = {
    PeriodKind.SOCIAL_INSURANCE: st.fixed_dictionaries({"scheme": st.sampled_from(["urban_employee", "resident"])}),
    PeriodKind.RESIDENCE: st.fixed_dictionaries(
        {"tenure": st.sampled_from(["owned", "rented", "dormitory"]), "area": st.sampled_from([30, 60, 90, 140])}
    ),
    PeriodKind.STUDY: st.fixed_dictionaries({"diploma": st.sampled_from([d.code for d in Diploma])}),
}


@st.composite
def periods(draw: st.DrawFn, city: str, kinds: tuple[PeriodKind, ...] | None = None) -> Period:
    kind = draw(st.sampled_from(kinds or tuple(PeriodKind)))
    start = draw(st.integers(FIRST, LAST))
    end = draw(st.none() | st.integers(start, LAST))
    districts = places.districts().get(city, ())
    district = draw(st.none() | st.sampled_from(districts)) if districts else None
    attrs = draw(ATTRS.get(kind, st.just({})))
    return Period(kind, city, start, end, district, freeze(attrs))


def records() -> st.SearchStrategy[Record]:
    return fairness.records(dt.date(2021, 12, 31))


def id_number(birth: dt.date, sex: Sex, serial: int) -> str:
    return fairness.fake_id(birth, sex, serial)


@st.composite
def applicants(draw: st.DrawFn, city: str, extra: dict[str, object] | None = None) -> Applicant:
    birth = draw(st.dates(dt.date(1960, 1, 1), dt.date(2000, 12, 31)))
    sex = draw(st.sampled_from(list(Sex)))
    return Applicant(
        birth=birth,
        id=id_number(birth, sex, draw(st.integers(0, 499))),
        name=draw(st.sampled_from(["张三", "李四", "王五", None])),
        sex=sex,
        education=Education(draw(st.sampled_from(list(Diploma))), draw(st.sampled_from(list(Degree)))),
        qualification=draw(st.sampled_from(list(Qualification))),
        title=draw(st.sampled_from(list(Title))),
        origin=Origin(draw(st.sampled_from(["商丘", "南京", "苏州", None])), None, draw(st.none() | st.booleans())),
        records=tuple(draw(st.lists(records(), max_size=3))),
        periods=tuple(draw(st.lists(periods(city), max_size=10))),
        extra=freeze(extra or {}),
    )
