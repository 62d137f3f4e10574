"""Beijing's published lists, reproduced row by row.

``tests/data/beijing-2020-published.csv`` is the 2020 admitted list with every item's
published points.  From each row an applicant is rebuilt by hand from the rules as the
lists show them (FACTS.md, "What Beijing's published lists show"), never from the code:

* employment 3/12 a month of continuous insurance, so the item × 4 is the insured months,
  a run ending in the data month (2018-12: the 2020 round counts to the end of 2018);
* residence: owned months × 1/12 and rented months × 0.5/12, each part rounded half up to
  2 decimals, then added, owned + rented ≤ insured months;
* study deduction: 7/24 point per study month inside the insured months, rounded;
* 职住区域: 3 per full year with job and home outside the six central districts, 2 per
  full year with the home only, counted from 2017-01 to 2018-12 after living centrally;
* tax 2 per qualifying year in the last 3; innovation options add up under 12; honours 20;
* age on 2018-12-31: up to 45 → 20, 46 → 16, 47 → 12, 48 → 8, 49 → 4, older → 0.

Every row is then scored for the 2020 round through the library and must give back its
published items and total.
"""

from __future__ import annotations

import csv
import datetime as dt
from decimal import ROUND_HALF_UP
from decimal import Decimal as D
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from pointscalc import registry
from pointscalc.months import month_label, month_of
from pointscalc.reading import applicant_from_mapping
from pointscalc.scoring import assess
from tests.support import period, points

DATA = Path(__file__).resolve().parent / "data"
LIST_2020 = DATA / "beijing-2020-published.csv"
LIST_2021 = DATA / "beijing-2021-published.csv"

DATA_MONTH = month_of(2018, 12)
"""The 2020 round counts to 2018-12-31 (end of year Y−2)."""
SINCE = month_of(2017, 1)
CENTRAL, OUTER = "海淀区", "昌平区"

COLUMNS = {  # published column → our item key
    "employment": "employment",
    "residence": "residence",
    "education": "education",
    "study_deduction": "study_overlap",
    "job_home_area": "job_home_area",
    "innovation": "innovation",
    "tax": "tax",
    "age": "age",
    "honours": "honours",
}


def half_up(x: Fraction) -> D:
    """x to 2 decimals, half up, computed independently of the scheme's Rounding."""
    hundredths = x * 100
    whole = hundredths.numerator // hundredths.denominator
    if hundredths - whole >= Fraction(1, 2):
        whole += 1
    return D(whole).scaleb(-2)


@cache
def owned_part(a: int) -> D:
    return half_up(Fraction(a, 12))


@cache
def rented_part(b: int) -> D:
    return half_up(Fraction(b, 24))


def split_residence(value: D, insured: int) -> tuple[int, int]:
    """Owned and rented months whose separately rounded parts add up to ``value``.

    Not unique (one more owned month and two fewer rented ones often give the same sum):
    the test takes the fewest owned months, scanning owned = 0, 1, 2, … and, for each,
    the rented count near value × 24.
    """
    for a in range(insured + 1):
        rest = value - owned_part(a)
        if rest < 0:
            break
        near = int(rest * 24)
        for b in (near - 1, near, near + 1):
            if 0 <= b and a + b <= insured and rented_part(b) == rest:
                return a, b
    raise AssertionError(f"no owned/rented split gives residence {value} within {insured} months")


def study_months(deduction: D) -> int:
    """The fewest whole months m with round(7m/24) equal to the published deduction."""
    m = 0
    while half_up(Fraction(7 * m, 24)) < -deduction:
        m += 1
    assert half_up(Fraction(7 * m, 24)) == -deduction, deduction
    return m


YEARS_MOVED = {0: (0, 0), 2: (0, 1), 3: (1, 0), 4: (0, 2), 5: (1, 1), 6: (2, 0)}
"""职住区域 points → (full years job and home moved, full years home only): 3b + 2h with
b + h ≤ 2 has exactly one solution for each value the list holds."""

EDUCATION = {
    D("0"): ("secondary", None),
    D("10.5"): ("junior_college", None),
    D("15"): ("bachelor", "bachelor"),
    D("26"): ("master", "master"),
    D("37"): ("doctor", "doctor"),
}


def innovation_records(value: int) -> list[dict[str, Any]]:
    """Options adding up to ``value``: high-tech posts (2 a year, max 6), then incubated
    start-ups (2 a year, max 6), then technology service (1 a year, max 3)."""
    out = []
    left = value
    for category, rate, most in (("hitech_enterprise", 2, 3), ("incubator_startup", 2, 3), ("tech_service", 1, 3)):
        years = min(most, left // rate)
        if years:
            out.append({"kind": "innovation", "date": "2018-06-30", "category": category, "years": years})
            left -= years * rate
    assert left == 0, value
    return out


def m(index: int) -> str:
    return month_label(index)


def rebuild(row: dict[str, str]) -> dict[str, Any]:
    insured = int(D(row["employment"]) * 4)
    first = DATA_MONTH - insured + 1
    owned, rented = split_residence(D(row["residence"]), insured)
    both, home = YEARS_MOVED[int(row["job_home_area"])]
    diploma, degree = EDUCATION[D(row["education"])]
    study = study_months(D(row["study_deduction"]))
    periods = [
        period("residence_permit", "北京", "2010-01"),
        period("social_insurance", "北京", m(first), scheme="urban_employee"),
    ]
    # One home a month, ending in the data month: owned months, then rented ones, after any
    # months without points that are needed to have lived centrally before 2017-01.
    length = max(owned + rented, DATA_MONTH - SINCE + 2)
    start = DATA_MONTH - length + 1
    moved_until = SINCE + 12 * (both + home)

    def home_at(month: int) -> tuple[str | None, str]:
        offset = month - (DATA_MONTH - owned - rented + 1)
        tenure = None if offset < 0 else "owned" if offset < owned else "rented"
        return tenure, OUTER if SINCE <= month < moved_until else CENTRAL

    run_start, current = start, home_at(start)
    for month in range(start + 1, DATA_MONTH + 2):
        here = home_at(month) if month <= DATA_MONTH else None
        if here != current:
            tenure, district = current
            extra = {"tenure": tenure} if tenure else {}
            periods.append(period("residence", "北京", m(run_start), m(month - 1), district=district, **extra))
            run_start, current = month, here  # type: ignore[assignment]
    if both:
        periods.append(period("employment", "北京", m(SINCE), m(SINCE + 12 * both - 1), district=OUTER))
    if study:
        periods.append(period("study", "北京", m(first), m(first + study - 1), diploma=diploma))
    records = [{"kind": "tax", "date": f"{2018 - i}-06-30", "qualifying": True} for i in range(int(row["tax"]) // 2)]
    records += innovation_records(int(row["innovation"]))
    if int(row["honours"]):
        records.append({"kind": "honour", "date": "2018-01-01", "title": "labour_model", "level": "national"})
    education = {"diploma": diploma} | ({"degree": degree} if degree else {})
    return {"birth": row["birth_month"], "sex": "male", "education": education, "periods": periods,
            "records": records}


def published(row: dict[str, str]) -> dict[str, D]:
    return {key: D(row[col]) for col, key in COLUMNS.items()}


def test_every_row_of_the_2020_list_is_reproduced_item_by_item() -> None:
    scheme = registry.load("beijing")
    when = scheme.when(None, "2020")
    version = scheme.resolve(when)
    assert (when.data_day, version.label) == (dt.date(2018, 12, 31), "2020")
    with LIST_2020.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 6032
    wrong = []
    for row in rows:
        applicant = applicant_from_mapping(rebuild(row), file="<2020 list>", facts=version.facts)
        a = assess(scheme, version, applicant, when, recognition=None, explain=False)
        got = points(a)
        want = published(row)
        mismatched = {k: (got.get(k), v) for k, v in want.items() if got.get(k) != v}
        if mismatched or a.total != D(row["score"]):
            wrong.append((row["rank"], mismatched, a.total, row["score"]))
        assert a.eligible, row["rank"]
    assert wrong == [], f"{len(wrong)} rows differ, first: {wrong[:5]}"


@given(st.dates(dt.date(2020, 7, 1), dt.date(2020, 7, 31)))
def test_age_in_the_2020_round_is_counted_to_the_end_of_2018_whatever_day_of_the_window(day: dt.date) -> None:
    # FACTS.md: in the 2020 round, born 1972-12 → 46 on 2018-12-31 → 16; born 1973-01 → 45 → 20.
    # The window [2020-07-01, 2020-08-01) is the module's assumed one.
    scheme = registry.load("beijing")
    when = scheme.when(day)
    assert when.round is not None and when.round.id == "2020" and when.by_window
    version = scheme.resolve(when)
    for birth, expected in (("1972-12", D(16)), ("1973-01", D(20))):
        a = assess(scheme, version, applicant_from_mapping({"birth": birth}, file="<t>"), when)
        assert points(a)["age"] == expected, (birth, day)


def test_the_2022_version_rounds_an_owned_month_up_and_a_rented_one_half_up() -> None:
    # Data day 2020-12-31: rented 2018-12..2020-11 (24 months) × 0.5/12 = 1.00; owned 2020-12 (1)
    # × 1/12 = 0.0833… → up 0.09 (2022) where half up gives 0.08 (2020).  Insured since 2010-01.
    scheme = registry.load("beijing")
    data = {"birth": "1980-01", "periods": [
        period("social_insurance", "北京", "2010-01", scheme="urban_employee"),
        period("residence", "北京", "2018-12", "2020-11", tenure="rented"),
        period("residence", "北京", "2020-12", tenure="owned")]}
    applicant = applicant_from_mapping(data, file="<t>")
    day = dt.date(2020, 12, 31)
    for label, expected in (("2020", D("1.08")), ("2022", D("1.09"))):
        got = points(assess(scheme, scheme.version_named(label), applicant, day))
        assert got["residence"] == expected, label


def test_the_2021_list_ranks_to_its_published_cutoff_and_count() -> None:
    # The round's declared quota (about 6,000) and admit-all ties, applied to the published
    # 2021 scores: the last admitted score and the count must be the round's published result.
    from pointscalc import run
    from pointscalc.quotas import Quotas
    from pointscalc.tables import read_table

    scheme = registry.load("beijing")
    r = scheme.round_named("2021")
    assert r.quota == 6000 and r.result is not None
    version = scheme.resolve(scheme.when(None, "2021"))
    table = read_table(LIST_2021)
    outcome = run.rank_run(scheme, version, run.scored_rows(table, version, children=False),
                           Quotas("--quota", {}, r.quota), file=str(LIST_2021))
    (summary,) = outcome.summaries
    assert (summary.cutoff, summary.admitted) == (r.result.cutoff, r.result.admitted) == (D("100.88"), 6045)


def test_half_up_helper_rounds_ties_up() -> None:
    # The test's own rounding, checked against Decimal's, so the reconstruction is not off by its helper.
    for n in range(0, 600):
        x = Fraction(n, 24)
        assert half_up(x) == (D(n) / D(24)).quantize(D("0.01"), rounding=ROUND_HALF_UP)
