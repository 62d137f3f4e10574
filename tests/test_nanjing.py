"""Nanjing (宁政办发〔2021〕5号 and the 2021 points rules): hand-derived cases.

Every expected value is derived by hand from /work/shared/sources/nanjing-2021-opinions.txt
(the four outer districts' channel, (六)), FACTS.md (12 cumulative months of insurance
since 2021, minimum score 100, both secondary) or, where no source has a number, from the
placeholder values the scheme module documents as ``assumed``:
  social insurance 10 per full year; residence owned 10 / rented 5 per full year;
  education 大专 10, 本科 20, 硕士 30, 博士 40 (highest only); hard sector 5 per full year;
  −20 per detention or 失信 record in the last 5 years.
In Chinese legal usage 以上 includes the number itself.  Months count up to and including
the month of ``as_of``.  The version is in force on [2021-02-09, 2022-08-20).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pointscalc.scheme import SchemeError
from tests.support import period, points, score

CITY = "南京"


def insured(start: str, end: str | None = None, scheme: str = "urban_employee",
            city: str = CITY, district: str | None = None) -> dict[str, Any]:
    attrs: dict[str, Any] = {"scheme": scheme}
    if district is not None:
        attrs["district"] = district
    return period("social_insurance", city, start, end, **attrs)


def permit(start: str, district: str, end: str | None = None) -> dict[str, Any]:
    return period("residence_permit", CITY, start, end, district=district)


def home(start: str, end: str | None = None, tenure: str = "rented", district: str = "鼓楼区") -> dict[str, Any]:
    return period("residence", CITY, start, end, district=district, tenure=tenure)


def channel(a: Any, key: str = "outer_districts") -> Any:
    return next(ch for ch in a.channels if ch.key == key)


def failed_in(ch: Any) -> set[str]:
    return {c.key for c in ch.conditions if not c.passed}


def failed_keys(a: Any) -> set[str]:
    return {c.key for c in a.failed}


# --- outer districts channel, (六) -------------------------------------------------------

CHANNEL_AS_OF = "2021-06-30"


def worker(permit_district: str, insurance: dict[str, Any]) -> dict[str, Any]:
    return {
        "birth": "1997-11-02",
        "periods": [permit("2021-01", permit_district), insurance, home("2021-01", district=permit_district)],
    }


def test_outer_district_channel_exactly_six_months_passes() -> None:
    # (六): 持有浦口区居住证 + 缴纳城镇职工社会保险6个月以上. 2021-01 … 2021-06 = 6 months;
    # 以上 includes 6 → passes.
    a = score("nanjing", worker("浦口区", insured("2021-01", "2021-06", district="浦口区")), CHANNEL_AS_OF)
    ch = channel(a)
    assert ch.passed
    assert failed_in(ch) == set()
    assert "outer_districts" in {c.key for c in a.settles_by}


@pytest.mark.parametrize("district", ["六合区", "溧水区", "高淳区"])
def test_outer_district_channel_other_three_districts(district: str) -> None:
    # (六) names 浦口、六合、溧水、高淳: each district's permit + 6 months passes.
    a = score("nanjing", worker(district, insured("2021-01", "2021-06")), CHANNEL_AS_OF)
    assert channel(a).passed


def test_outer_district_channel_five_months_fails() -> None:
    # 2021-02 … 2021-06 = 5 months < 6.
    a = score("nanjing", worker("浦口区", insured("2021-02", "2021-06")), CHANNEL_AS_OF)
    ch = channel(a)
    assert not ch.passed
    assert failed_in(ch) == {"employee_insurance_6"}


def test_outer_district_channel_resident_insurance_fails() -> None:
    # (六) asks for 城镇职工社会保险: 6 months of 城乡居民 insurance do not count.
    a = score("nanjing", worker("浦口区", insured("2021-01", "2021-06", scheme="resident")), CHANNEL_AS_OF)
    ch = channel(a)
    assert not ch.passed
    assert failed_in(ch) == {"employee_insurance_6"}


def test_outer_district_channel_inner_district_permit_fails() -> None:
    # 玄武区 is not one of 浦口、六合、溧水、高淳: the permit condition fails, 6 months do not help.
    a = score("nanjing", worker("玄武区", insured("2021-01", "2021-06")), CHANNEL_AS_OF)
    ch = channel(a)
    assert not ch.passed
    assert failed_in(ch) == {"permit_outer"}


def test_outer_district_channel_expired_permit_fails() -> None:
    # 持有 (holds): a 浦口区 permit that ended 2021-05 is not held in 2021-06.
    data = worker("浦口区", insured("2021-01", "2021-06"))
    data["periods"][0] = permit("2021-01", "浦口区", end="2021-05")
    ch = channel(score("nanjing", data, CHANNEL_AS_OF))
    assert failed_in(ch) == {"permit_outer"}


# --- points path eligibility -------------------------------------------------------------

ELIG_AS_OF = "2021-12-31"


def resident(*insurance: dict[str, Any], records: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "birth": "1990-05-01",
        "periods": [permit("2021-01", "鼓楼区"), home("2021-01"), *insurance],
    }
    if records:
        data["records"] = records
    return data


def test_points_eligibility_eleven_months_fails() -> None:
    # 累计缴纳城镇职工社保12个月: 2021-02 … 2021-12 = 11 months < 12.
    a = score("nanjing", resident(insured("2021-02")), ELIG_AS_OF)
    assert not a.eligible
    assert failed_keys(a) == {"insured_12_months"}


def test_points_eligibility_twelve_months_passes() -> None:
    # 2021-01 … 2021-12 = 12 months ≥ 12.
    a = score("nanjing", resident(insured("2021-01")), ELIG_AS_OF)
    assert a.eligible
    assert failed_keys(a) == set()


def test_points_eligibility_months_are_cumulative_not_continuous() -> None:
    # 2021 changed 连续24个月 to 累计12个月: 2020-01 … 2020-06 (6) + 2021-07 … 2021-12 (6) = 12.
    a = score("nanjing", resident(insured("2020-01", "2020-06"), insured("2021-07")), ELIG_AS_OF)
    assert failed_keys(a) == set()


def test_points_eligibility_suzhou_months_are_recognised() -> None:
    # (六) 实现与苏州在积分落户时…社保缴纳年限累计互认: 6 months in 苏州 (2020-07 … 2020-12)
    # + 6 in 南京 (2021-07 … 2021-12) = 12 cumulative months.
    a = score("nanjing", resident(insured("2020-07", "2020-12", city="苏州"), insured("2021-07")), ELIG_AS_OF)
    assert failed_keys(a) == set()


def test_points_eligibility_criminal_record_fails() -> None:
    # 无严重刑事犯罪记录 (secondary): a criminal record bars the points path.
    a = score("nanjing", resident(insured("2021-01"),
                                  records=[{"kind": "violation", "date": "2019-01-01", "type": "criminal"}]),
              ELIG_AS_OF)
    assert failed_keys(a) == {"no_serious_crime"}


# --- a full points total under the assumed table -----------------------------------------


def test_full_points_total_assumed_table() -> None:
    data = {
        "birth": "1988-03-15",
        "education": {"diploma": "bachelor", "degree": "bachelor"},
        "periods": [
            permit("2017-01", "鼓楼区"),
            insured("2017-01"),
            home("2017-07", "2019-06", tenure="rented"),
            home("2019-07", tenure="owned", district="江宁区"),
            # an ordinary job, then a hard-sector contract (property management)
            period("employment", CITY, "2017-01", "2019-06", district="鼓楼区"),
            period("employment", CITY, "2019-07", district="江宁区", hard_sector=True),
        ],
        "records": [
            {"kind": "violation", "date": "2020-03-01", "type": "detention"},
            {"kind": "violation", "date": "2016-01-01", "type": "credit"},
        ],
    }
    a = score("nanjing", data, "2022-06-30")
    assert a.version == "2021"
    assert a.eligible, failed_keys(a)
    p = points(a)

    # insurance: 2017-01 … 2022-06 = 60 (2017–2021) + 6 = 66 months → 5 full years (每满1年,
    # 66 // 12 = 5) × 10 = 50.
    assert p["social_insurance"] == Decimal("50")
    # residence: rented 2017-07 … 2019-06 = 24 months = 2 full years × 5 = 10;
    # owned 2019-07 … 2022-06 = 36 months = 3 full years × 10 = 30; 10 + 30 = 40.
    assert p["residence"] == Decimal("40")
    # education: 本科 → 20.
    assert p["education"] == Decimal("20")
    # hard sector: only the contract from 2019-07 … 2022-06 = 36 months = 3 full years × 5 = 15.
    assert p["hard_sector"] == Decimal("15")
    # negative list: the 2020-03-01 detention is within 5 years (from 2017-06-30) → −20;
    # the 2016-01-01 失信 record is older than 5 years → 0. Total −20.
    assert p["violations"] == Decimal("-20")
    # total = 50 + 40 + 20 + 15 − 20 = 105.
    assert a.total == Decimal("105")
    # minimum score 100 (secondary): 105 ≥ 100.
    assert a.threshold == Decimal("100")
    assert a.meets_threshold is True


def test_full_years_truncate() -> None:
    # 每满1年: insurance 2020-01 … 2021-12 = 24 months → 2 years × 10 = 20;
    # 2020-02 … 2021-12 = 23 months → 1 year × 10 = 10.
    assert points(score("nanjing", resident(insured("2020-01")), ELIG_AS_OF))["social_insurance"] == Decimal("20")
    assert points(score("nanjing", resident(insured("2020-02")), ELIG_AS_OF))["social_insurance"] == Decimal("10")


# --- validity of the version -------------------------------------------------------------


def test_after_the_2022_revision_the_points_path_is_not_evaluated_and_says_why() -> None:
    # FACTS.md: a revision took effect on 2022-08-20 whose values we do not have.  The points
    # path is not guessed: no lines, not eligible, and a note names the part with no values.
    a = score("nanjing", resident(insured("2021-01")), "2022-09-01")
    assert a.version == "2022" and a.lines == () and a.total is None and not a.eligible
    assert len(a.notes) == 1 and "2022-08-20" in a.notes[0].en and "not evaluated" in a.notes[0].en


def test_version_bounds() -> None:
    data = resident(insured("2021-01"))
    # last day of the 2021 table: 2022-08-19; 2022-08-20 is the first day of the revision.
    assert score("nanjing", data, "2022-08-19").version == "2021"
    assert score("nanjing", data, "2022-08-20").version == "2022"
    # before 宁政办发〔2021〕5号 (2021-02-09): not covered.
    with pytest.raises(SchemeError):
        score("nanjing", data, "2021-02-08")
    assert score("nanjing", data, "2021-02-09").version == "2021"


def liuhe_worker() -> dict[str, Any]:
    # A 六合 residence permit since 2023-06; urban employee insurance 2023-09 .. 2024-02 (6 months).
    return {"birth": "1995-03-01", "periods": [permit("2023-06", "六合区"),
                                                insured("2023-09", "2024-02", district="六合区")]}


def test_a_liuhe_permit_holder_settles_by_the_four_districts_channel_in_2024() -> None:
    # (六) states no end date, so the channel outlives the points table revised on 2022-08-20:
    # 六合 permit held in 2024-03, 6 months of urban employee insurance (以上 includes 6).
    a = score("nanjing", liuhe_worker(), "2024-03-01")
    assert a.version == "2022"
    assert [ch.key for ch in a.settles_by] == ["outer_districts"]


@pytest.mark.parametrize("day", ["2022-08-20", "2022-08-21", "2023-01-01", "2024-03-01", "2031-12-31"])
def test_check_reports_nanjings_channel_outcome_on_any_date_after_the_revision(day: str) -> None:
    import datetime as dt

    from pointscalc import crosscheck, registry
    from pointscalc.reading import applicant_from_mapping

    as_of = dt.date.fromisoformat(day)
    data = {"birth": "1995-03-01", "periods": [permit("2022-01", "六合区"),
                                                insured("2022-01", district="六合区")]}
    applicant = applicant_from_mapping(data, file="<t>", facts=registry.all_facts(registry.all_shipped()))
    c = crosscheck.check_one(registry.load("nanjing"), applicant, as_of)
    # From 2022-01, insured ≥ 6 months by 2022-08 and the 六合 permit held: settles directly.
    assert c.outcome is crosscheck.Outcome.DIRECT
    assert [p.key for p in c.open_paths] == ["outer_districts"]
    assert c.note is not None and "not evaluated" in c.note.en


# --- full years over mixed tenure -----------------------------------------------------------


def test_mixed_tenure_full_years_are_counted_together_and_paid_best_first() -> None:
    # Owned 2017-01 … 2019-06 = 30 months, rented 2019-07 … 2020-12 = 18 months: 48 months
    # = 4 full years (每满1年), paid from the best months: 30 owned × 10/12 = 25, then
    # 18 rented × 5/12 = 7.5 → 32.5.  (Counted per tenure it would be 2 × 10 + 1 × 5 = 25.)
    data = {"birth": "1988-03", "periods": [home("2017-01", "2019-06", tenure="owned"),
                                             home("2019-07", "2020-12", tenure="rented")]}
    assert points(score("nanjing", data, "2021-06-30"))["residence"] == Decimal("32.50")


def test_a_better_tenure_over_the_same_months_never_costs_a_year() -> None:
    # The audit's counterexample (monotone_residence): a dormitory 2018-06 … 2021-06 = 37
    # months = 3 full years × 5 = 15.  A rented home over 2018-08 … 2021-06 adds no month and
    # pays the same 5: still 3 full years of 37 months → 15, not 2 rented years + 0 = 10.
    dorm = home("2018-06", tenure="dormitory")
    alone = score("nanjing", {"birth": "2003-06", "periods": [dorm]}, "2021-06-30")
    both = score("nanjing", {"birth": "2003-06", "periods": [dorm, home("2018-08", tenure="rented")]}, "2021-06-30")
    assert points(alone)["residence"] == points(both)["residence"] == Decimal("15.00")
    # Owning 6 of 24 rented months (2019-07 … 2021-06): 2 full years, paid 6 × 10/12 + 18 × 5/12
    # = 5 + 7.5 = 12.5, more than the 2 × 5 = 10 of renting alone.
    rented = home("2019-07", tenure="rented")
    owned = home("2019-07", "2019-12", tenure="owned")
    assert points(score("nanjing", {"birth": "1990-01", "periods": [rented]}, "2021-06-30"))["residence"] == Decimal("10.00")
    assert points(score("nanjing", {"birth": "1990-01", "periods": [rented, owned]}, "2021-06-30"))["residence"] == Decimal("12.50")


def test_rank_after_the_revision_refuses_with_the_reason(tmp_path: Path) -> None:
    # No points values are known from 2022-08-20: a ranking run would rank by guesses.
    from click.testing import CliRunner

    from pointscalc.cli import main

    applicants = tmp_path / "a.jsonl"
    applicants.write_text('{"birth": "1990-01-01"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["rank", "nanjing", str(applicants), "--as-of", "2024-01-01", "--quota", "3",
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "revised on 2022-08-20" in result.output and "nothing to rank" in result.output
    assert not (tmp_path / "out").exists()
