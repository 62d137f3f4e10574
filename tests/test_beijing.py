"""Beijing 积分落户: expected values worked out by hand from the policy, never from the code.

Sources (read when writing these tests; never read at run time):

* 京政办发〔2016〕39号 (2017-01-01 .. 2019-12-31): 第四条 eligibility, 第五条 items;
* FACTS.md: the 2020 revision's values and how scores are computed in practice:
  employment 3/12 a month of continuous insurance; residence 1/12 a month owned,
  0.5/12 rented or dormitory, months ≤ insurance months; study-period months deducted
  as a separate negative item; every item rounded to 2 places (ROUND_HALF_UP), total =
  sum of the rounded items.

Month counts include the month of as_of (2021-06-30 → June 2021 counts).
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest

from pointscalc import registry
from pointscalc.scheme import SchemeError
from tests.support import period, points, score

AS_OF = "2021-06-30"  # 2020 revision
AS_OF_2017 = "2019-06-30"  # 2017 official version
PUBLISHED_2021 = Path(__file__).resolve().parent / "data" / "beijing-2021-published.csv"


# --- building applicants -------------------------------------------------------------------


def insured(start: str, end: str | None = None, district: str = "昌平区") -> dict[str, Any]:
    return period("social_insurance", "北京", start, end, scheme="urban_employee", district=district)


def lived(tenure: str, start: str, end: str | None = None, district: str = "昌平区") -> dict[str, Any]:
    return period("residence", "北京", start, end, tenure=tenure, district=district)


def worked(start: str, end: str | None = None, district: str = "昌平区") -> dict[str, Any]:
    return period("employment", "北京", start, end, district=district)


def studied(diploma: str, start: str, end: str) -> dict[str, Any]:
    return period("study", "北京", start, end, diploma=diploma)


def permit(start: str = "2012-01") -> dict[str, Any]:
    return period("residence_permit", "北京", start)


def person(
    periods: list[dict[str, Any]],
    *,
    birth: str = "1990-01-15",
    sex: str = "male",
    diploma: str = "bachelor",
    degree: str | None = "bachelor",
    records: list[dict[str, Any]] | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    education = {"diploma": diploma} | ({"degree": degree} if degree else {})
    data: dict[str, Any] = {
        "birth": birth,
        "sex": sex,
        "education": education,
        "periods": [permit(), *periods],
        "records": records or [],
    }
    if extra:
        data["extra"] = extra
    return data


def base_2020(tenure: str = "owned", **kw: Any) -> dict[str, Any]:
    """Insured and living in 昌平 since 2013-07: 2013-07..2021-06 = 96 months.

    At 2021-06-30: employment 96 × 3/12 = 24.00; owned 96 × 1/12 = 8.00; 本科+学士 15;
    age 31 ≤ 45: 20 → 67.00 (rented: 96 × 0.5/12 = 4.00 → 63.00).
    """
    return person([insured("2013-07"), lived(tenure, "2013-07")], **kw)


def base_2017(**kw: Any) -> dict[str, Any]:
    """Insured and owning in 昌平 since 2011-07: 2011-07..2019-06 = 96 months.

    At 2019-06-30: employment 24.00; owned 8.00; age 29 ≤ 45: 20 → 52.00 + education.
    """
    return person([insured("2011-07"), lived("owned", "2011-07")], **kw)


def violation(kind: str, date: str, **attrs: Any) -> dict[str, Any]:
    return {"kind": "violation", "type": kind, "date": date, **attrs}


def tax(date: str, qualifying: bool = True) -> dict[str, Any]:
    return {"kind": "tax", "date": date, "qualifying": qualifying}


def failed(a: Any) -> list[str]:
    return [c.key for c in a.failed]


def nonzero(a: Any) -> dict[str, D]:
    return {k: v for k, v in points(a).items() if v != 0}


# --- 1. study deduction (第五条(三) last sentence) ------------------------------------------


def test_study_deduction_takes_back_the_points_of_months_insured_while_studying() -> None:
    # 硕士 studied 2009-09..2012-06; insured and renting since 2010-07 (part-time while studying).
    data = person(
        [studied("master", "2009-09", "2012-06"), insured("2010-07"), lived("rented", "2010-07")],
        birth="1986-05-01", diploma="master", degree="master",
    )
    a = score("beijing", data, AS_OF)
    assert a.eligible
    # employment 2010-07..2021-06 = 132 months × 3/12 = 33.00
    # residence 132 rented × 0.5/12 = 5.50
    # education 硕士学历+硕士学位 = 26
    # overlap 2010-07..2012-06 = 24 months: −(24 × 3/12 + 24 × 0.5/12) = −(6.00 + 1.00) = −7.00
    # age 35: 20
    # total 33 + 5.50 + 26 − 7 + 20 = 77.50
    assert nonzero(a) == {
        "employment": D("33.00"),
        "residence": D("5.50"),
        "education": D("26"),
        "study_overlap": D("-7.00"),
        "age": D("20"),
    }
    assert a.total == D("77.50")

    # Net effect: as if the applicant had only been insured from graduation.  Insured and
    # renting from 2012-07: 108 months → 27.00 + 4.50; 26 + 20 → 77.50, no deduction.
    later = person([studied("master", "2009-09", "2012-06"), insured("2012-07"), lived("rented", "2012-07")],
                   birth="1986-05-01", diploma="master", degree="master")
    b = score("beijing", later, AS_OF)
    assert points(b)["study_overlap"] == D("0")
    assert b.total == D("77.50")


def test_study_deduction_only_for_the_scored_degree() -> None:
    # 本科 2006-09..2010-06, 硕士 2010-09..2013-06; insured and renting since 2009-07.
    # Only the 硕士 study earns education points (最高学历), so only its months are deducted.
    data = person(
        [studied("bachelor", "2006-09", "2010-06"), studied("master", "2010-09", "2013-06"),
         insured("2009-07"), lived("rented", "2009-07")],
        birth="1988-03-01", diploma="master", degree="master",
    )
    a = score("beijing", data, AS_OF)
    # employment 2009-07..2021-06 = 144 × 3/12 = 36.00; residence 144 × 0.5/12 = 6.00
    # overlap with 硕士 study 2010-09..2013-06 = 34 months: −(34 × 3/12 + 34 × 0.5/12)
    #   = −(8.50 + 1.416666…) = −9.916666… → −9.92  (本科 overlap 2009-07..2010-06 not deducted)
    # education 26; age 33: 20 → 36 + 6 + 26 − 9.92 + 20 = 78.08
    assert points(a)["employment"] == D("36.00")
    assert points(a)["residence"] == D("6.00")
    assert points(a)["study_overlap"] == D("-9.92")
    assert a.total == D("78.08")


# --- 2. tenure ------------------------------------------------------------------------------


def test_rented_residence_earns_half_of_owned() -> None:
    owned = score("beijing", base_2020("owned"), AS_OF)
    rented = score("beijing", base_2020("rented"), AS_OF)
    dormitory = score("beijing", base_2020("dormitory"), AS_OF)
    # 96 months owned × 1/12 = 8.00; rented or dormitory × 0.5/12 = 4.00
    assert points(owned)["residence"] == D("8.00")
    assert points(rented)["residence"] == D("4.00")
    assert points(dormitory)["residence"] == D("4.00")
    # totals: 24 + 8 + 15 + 20 = 67.00 and 24 + 4 + 15 + 20 = 63.00, 4.00 apart
    assert owned.total == D("67.00")
    assert rented.total == D("63.00")
    assert owned.total - rented.total == D("4.00")


def test_each_item_is_rounded_half_up_to_two_places() -> None:
    # Insured and renting since 2013-04: 2013-04..2021-06 = 99 months.
    data = person([insured("2013-04"), lived("rented", "2013-04")])
    a = score("beijing", data, AS_OF)
    # employment 99 × 3/12 = 24.75; residence 99 × 0.5/12 = 4.125 → 4.13 (ROUND_HALF_UP, not 4.12)
    # 24.75 + 4.13 + 15 + 20 = 63.88
    assert points(a)["employment"] == D("24.75")
    assert points(a)["residence"] == D("4.13")
    assert a.total == D("63.88")


# --- 3. age, 2020 revision --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "age_points"),
    [
        ("1976-03-15", D("20")),  # 45 on 2021-06-30
        ("1975-07-01", D("20")),  # 45: turns 46 the day after as_of
        ("1975-06-30", D("16")),  # 46 on its birthday
        ("1975-03-15", D("16")),  # 46
        ("1974-03-15", D("12")),  # 47
        ("1973-03-15", D("8")),  # 48
        ("1972-03-15", D("4")),  # 49
        ("1971-03-15", D("0")),  # 50
    ],
)
def test_age_points_2020(birth: str, age_points: D) -> None:
    # 20 up to 45, then 4 fewer for each year over 45 (FACTS.md).  A man is under 60: eligible.
    a = score("beijing", base_2020(birth=birth), AS_OF)
    assert a.eligible
    assert points(a)["age"] == age_points
    # total: employment 24 + owned 8 + 本科+学士 15 + age
    assert a.total == D("47.00") + age_points


def test_age_points_2017_are_all_or_nothing() -> None:
    # 第五条(七) 2016: 年龄不超过45周岁的，加20分 — nothing in between.
    at_45 = score("beijing", base_2017(birth="1974-03-15"), AS_OF_2017)  # 45 on 2019-06-30
    at_46 = score("beijing", base_2017(birth="1973-03-15"), AS_OF_2017)  # 46
    assert points(at_45)["age"] == D("20")
    assert points(at_46)["age"] == D("0")
    # 24 + 8 + 15 + 20 = 67.00; 24 + 8 + 15 + 0 = 47.00
    assert (at_45.total, at_46.total) == (D("67.00"), D("47.00"))


# --- 4. detentions (第五条(九)) ---------------------------------------------------------------


def test_detention_since_2017_deducts_30() -> None:
    a = score("beijing", base_2020(records=[violation("detention", "2018-05-10")]), AS_OF)
    # −30 per 行政拘留 record since 2017-01-01: 67.00 − 30 = 37.00
    assert points(a)["detentions"] == D("-30")
    assert a.total == D("37.00")


def test_detention_before_2017_is_not_counted() -> None:
    a = score("beijing", base_2020(records=[violation("detention", "2016-11-30")]), AS_OF)
    # 自本办法施行之日起 (2017-01-01): a 2016 record does not count → 67.00
    assert points(a)["detentions"] == D("0")
    assert a.total == D("67.00")


def test_detentions_count_per_record_from_the_first_day_in_beijing_only() -> None:
    records = [
        violation("detention", "2016-12-31"),  # the day before the measures: 0
        violation("detention", "2017-01-01", city="北京"),  # the first day: −30
        violation("detention", "2020-08-01"),  # −30
        violation("detention", "2019-04-01", city="上海"),  # 在本市 only: 0
    ]
    a = score("beijing", base_2020(records=records), AS_OF)
    # 2 × −30 = −60 → 67.00 − 60 = 7.00
    assert points(a)["detentions"] == D("-60")
    assert a.total == D("7.00")


def test_tax_violations_deduct_12_each_since_2017() -> None:
    records = [violation("tax", "2016-06-01"), violation("tax", "2018-03-01"), violation("tax", "2020-03-01")]
    a = score("beijing", base_2020(records=records), AS_OF)
    # 第五条(六): −12 per record since 2017-01-01: 2 × −12 = −24 → 67.00 − 24 = 43.00
    assert points(a)["tax_violations"] == D("-24")
    assert a.total == D("43.00")


# --- 5. eligibility: 7 years of continuous insurance (第四条(三)) ------------------------------


def test_83_months_of_insurance_is_not_enough() -> None:
    a = score("beijing", person([insured("2014-08"), lived("owned", "2014-08")]), AS_OF)
    # 2014-08..2021-06 = 83 months < 84
    assert not a.eligible
    assert failed(a) == ["insured_7_years"]
    # still scored: 83 × 3/12 = 20.75; 83 × 1/12 = 6.91666… → 6.92; 15; 20 → 62.67
    assert points(a)["residence"] == D("6.92")
    assert a.total == D("62.67")


def test_84_months_of_insurance_is_enough() -> None:
    a = score("beijing", person([insured("2014-07"), lived("owned", "2014-07")]), AS_OF)
    # 2014-07..2021-06 = 84 months = 7 years
    assert a.eligible
    assert failed(a) == []
    # 84 × 3/12 = 21.00; 84 × 1/12 = 7.00; 15; 20 → 63.00
    assert a.total == D("63.00")


def test_a_two_month_break_restarts_the_continuous_count() -> None:
    # Insured 2010-01..2019-12 (120 months), nothing 2020-01..2020-02, again from 2020-03.
    data = person([insured("2010-01", "2019-12"), insured("2020-03"), lived("rented", "2020-03")])
    a = score("beijing", data, AS_OF)
    # 连续: only 2020-03..2021-06 = 16 months count → not eligible
    assert not a.eligible
    assert failed(a) == ["insured_7_years"]
    # 16 × 3/12 = 4.00; 16 × 0.5/12 = 0.666… → 0.67; 15; 20 → 39.67
    assert points(a)["employment"] == D("4.00")
    assert a.total == D("39.67")

    # Without the break: 2010-01..2021-06 = 138 months → eligible, 138 × 3/12 = 34.50
    unbroken = score("beijing", person([insured("2010-01"), lived("rented", "2020-03")]), AS_OF)
    assert unbroken.eligible
    assert points(unbroken)["employment"] == D("34.50")


def test_other_eligibility_conditions() -> None:
    # 第四条(四): a criminal record excludes.
    criminal = score("beijing", base_2020(records=[violation("criminal", "2015-01-01")]), AS_OF)
    assert failed(criminal) == ["no_criminal_record"]
    # 第四条(一): no residence permit.
    no_permit = base_2020()
    no_permit["periods"] = [p for p in no_permit["periods"] if p["kind"] != "residence_permit"]
    assert failed(score("beijing", no_permit, AS_OF)) == ["residence_permit"]
    # 第四条(二): men retire at 60, women workers at 50, female cadres at 55 (national rules).
    # Ages clear of the exact birthday, where "不超过" could be read either way.
    assert failed(score("beijing", base_2020(birth="1960-03-01"), AS_OF)) == ["below_retirement_age"]  # 61
    assert failed(score("beijing", base_2020(birth="1962-03-01"), AS_OF)) == []  # 59
    woman = base_2020(birth="1970-03-01", sex="female")  # 51
    assert failed(score("beijing", woman, AS_OF)) == ["below_retirement_age"]
    cadre = base_2020(birth="1970-03-01", sex="female", extra={"cadre": True})
    assert failed(score("beijing", cadre, AS_OF)) == []  # 51 < 55


# --- 6. residence months ≤ insurance months (第五条(二) last sentence) -------------------------


def test_residence_months_are_capped_at_insurance_months() -> None:
    # Owned home since 2009-07 (144 months), insured only since 2013-07 (96 months).
    owned = score("beijing", person([insured("2013-07"), lived("owned", "2009-07")]), AS_OF)
    # residence counted as 96 months: 96 × 1/12 = 8.00, not 144 × 1/12 = 12.00
    # total 24 + 8 + 15 + 20 = 67.00
    assert points(owned)["residence"] == D("8.00")
    assert owned.total == D("67.00")

    rented = score("beijing", person([insured("2013-07"), lived("rented", "2009-07")]), AS_OF)
    # 96 × 0.5/12 = 4.00, not 144 × 0.5/12 = 6.00 → 24 + 4 + 15 + 20 = 63.00
    assert points(rented)["residence"] == D("4.00")
    assert rented.total == D("63.00")


# --- 7. the 2017 official version ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("diploma", "degree", "edu"),
    [
        ("junior_college", None, D("10.5")),  # 大学专科（含高职）10.5
        ("bachelor", "bachelor", D("15")),  # 大学本科学历并取得学士学位 15
        ("master", "master", D("26")),  # 研究生学历并取得硕士学位 26
        ("doctor", "doctor", D("37")),  # 研究生学历并取得博士学位 37
    ],
)
def test_education_2017(diploma: str, degree: str | None, edu: D) -> None:
    a = score("beijing", base_2017(diploma=diploma, degree=degree), AS_OF_2017)
    assert a.version == "2017"
    assert points(a)["education"] == edu
    # no study periods given, so no deduction; total 24 + 8 + 20 + education
    assert points(a)["study_overlap"] == D("0")
    assert a.total == D("52.00") + edu


def test_tax_2017_needs_qualifying_tax_in_each_of_the_last_3_years() -> None:
    # 近3年连续纳税 … 加6分: as_of 2019 → 2016, 2017, 2018
    three = [tax("2016-12-31"), tax("2017-12-31"), tax("2018-12-31")]
    a = score("beijing", base_2017(records=three), AS_OF_2017)
    assert points(a)["tax"] == D("6")
    assert a.total == D("73.00")  # 24 + 8 + 15 + 20 + 6

    gap = [tax("2016-12-31"), tax("2018-12-31")]  # 2017 missing: not 连续
    assert points(score("beijing", base_2017(records=gap), AS_OF_2017))["tax"] == D("0")

    low = [tax("2016-12-31"), tax("2017-12-31", qualifying=False), tax("2018-12-31")]
    assert points(score("beijing", base_2017(records=low), AS_OF_2017))["tax"] == D("0")


def test_full_score_under_the_2017_version() -> None:
    # Born 1980-03-10; 本科+学士, studied 2005-09..2009-06 (before any insurance).
    # Insured since 2009-07 in 海淀; rented and worked in 海淀 2009-07..2017-06, then bought in
    # 昌平 and moved job and home there from 2017-07.  Qualifying tax 2016, 2017, 2018.
    data = person(
        [
            studied("bachelor", "2005-09", "2009-06"),
            insured("2009-07", district="海淀区"),
            lived("rented", "2009-07", "2017-06", district="海淀区"),
            lived("owned", "2017-07", district="昌平区"),
            worked("2009-07", "2017-06", district="海淀区"),
            worked("2017-07", district="昌平区"),
        ],
        birth="1980-03-10",
        records=[tax("2016-12-31"), tax("2017-12-31"), tax("2018-12-31")],
    )
    a = score("beijing", data, AS_OF_2017)
    assert a.version == "2017"
    assert a.eligible
    # employment 2009-07..2019-06 = 120 months = 10 years × 3 = 30.00
    # residence rented 96 months (8 years) × 0.5 = 4.00 + owned 24 months (2 years) × 1 = 2.00 = 6.00
    #   (120 months ≤ 120 insured; whole years, so monthly or yearly accrual agree)
    # education 本科+学士 15; no study overlap
    # 职住区域: job and home moved out of 城六区 since 2017-07 (after 2017-01-01):
    #   2017-07..2019-06 = 24 months = 2 full years × 4 = 8 (≤ 12)
    # tax: 2016, 2017, 2018 → 6;  age 39 ≤ 45 → 20
    # total 30 + 6 + 15 + 8 + 6 + 20 = 85.00
    assert nonzero(a) == {
        "employment": D("30.00"),
        "residence": D("6.00"),
        "education": D("15"),
        "job_home_area": D("8"),
        "tax": D("6"),
        "age": D("20"),
    }
    assert a.total == D("85.00")


def test_innovation_2017_counts_only_the_best() -> None:
    # 第五条(五): 高新技术企业 2 a full year, max 6; 科技服务机构 1 a year, max 3; 只计最高分.
    records = [
        {"kind": "innovation", "date": "2018-12-31", "category": "hitech_enterprise", "years": 2},
        {"kind": "innovation", "date": "2018-12-31", "category": "tech_service", "years": 3},
    ]
    a = score("beijing", base_2017(records=records), AS_OF_2017)
    # best of 2 × 2 = 4 and 3 × 1 = 3 → 4; total 52 + 15 + 4 = 71.00
    assert points(a)["innovation"] == D("4")
    assert a.total == D("71.00")

    capped = [{"kind": "innovation", "date": "2018-12-31", "category": "hitech_enterprise", "years": 5}]
    # 5 × 2 = 10, 最高加6分 → 6
    assert points(score("beijing", base_2017(records=capped), AS_OF_2017))["innovation"] == D("6")


def test_honours_add_20_at_provincial_level_or_above() -> None:
    national = [{"kind": "honour", "date": "2019-05-01", "level": "national", "title": "labour_model"}]
    district = [{"kind": "honour", "date": "2019-05-01", "level": "district", "title": "labour_model"}]
    # 第五条(八): 省部级以上劳动模范 +20 → 67 + 20 = 87.00; a district-level one: nothing
    a = score("beijing", base_2020(records=national), AS_OF)
    assert points(a)["honours"] == D("20")
    assert a.total == D("87.00")
    assert points(score("beijing", base_2020(records=district), AS_OF))["honours"] == D("0")


# --- 2020 revision: tax, 职住区域 ----------------------------------------------------------------


def test_tax_2020_two_per_qualifying_year_capped_at_6() -> None:
    # 2 per qualifying year within the last 3 years, cap 6 (FACTS.md).
    # Window: 2018-06-30..2021-06-30.
    two = [tax("2017-12-31"), tax("2019-12-31"), tax("2020-12-31")]  # 2017 is outside
    a = score("beijing", base_2020(records=two), AS_OF)
    assert points(a)["tax"] == D("4")  # 2 × 2
    assert a.total == D("71.00")  # 67 + 4

    four = [tax("2018-07-31"), tax("2019-07-31"), tax("2020-07-31"), tax("2021-05-31")]
    assert points(score("beijing", base_2020(records=four), AS_OF))["tax"] == D("6")  # 8 → cap 6


@pytest.mark.parametrize(
    ("job_moved", "area", "total"), [(False, D("8"), D("73.25")), (True, D("12"), D("77.25"))]
)
def test_job_home_area_2020(job_moved: bool, area: D, total: D) -> None:
    # Rented in 海淀 2013-07..2016-12, owned in 昌平 from 2017-01; insured since 2013-07.
    jobs = [worked("2013-07", "2016-12", district="海淀区"),
            worked("2017-01", district="昌平区" if job_moved else "海淀区")]
    data = person([
        insured("2013-07", district="海淀区"),
        lived("rented", "2013-07", "2016-12", district="海淀区"),
        lived("owned", "2017-01"),
        *jobs,
    ])
    a = score("beijing", data, AS_OF)
    # outside 城六区 2017-01..2021-06 = 54 months = 4 full years
    #   home only: 4 × 2 = 8; job and home: 4 × 3 = 12 (cap 12)
    # employment 96 × 3/12 = 24.00; residence 54 × 1/12 + 42 × 0.5/12 = 4.50 + 1.75 = 6.25
    # total 24 + 6.25 + 15 + 20 + area → 73.25 / 77.25
    assert points(a)["residence"] == D("6.25")
    assert points(a)["job_home_area"] == area
    assert a.total == total


# --- 8. versions --------------------------------------------------------------------------------


def test_no_version_before_2017_raises() -> None:
    with pytest.raises(SchemeError):
        score("beijing", base_2020(), "2016-06-01")
    with pytest.raises(SchemeError):
        score("beijing", base_2020(), "2016-12-31")


def test_version_boundaries() -> None:
    # 第十二条: 2017-01-01 .. 2019-12-31; the 2020 revision from 2020-01-01.
    beijing = registry.load("beijing")
    assert beijing.version_for(dt.date(2017, 1, 1)).label == "2017"
    assert beijing.version_for(dt.date(2019, 12, 31)).label == "2017"
    assert beijing.version_for(dt.date(2020, 1, 1)).label == "2020"


# --- the real 2021 published list ----------------------------------------------------------------


def test_published_2021_list_is_consistent_with_the_policy() -> None:
    with PUBLISHED_2021.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    scores = [D(r["score"]) for r in rows]

    # 6,045 admitted; ranks 1..6045 in order; scores never increase down the list.
    assert len(rows) == 6045
    assert [int(r["rank"]) for r in rows] == list(range(1, 6046))
    assert all(a >= b for a, b in itertools.pairwise(scores))

    # The cutoff 100.88 is the lowest published score; everyone at or above it is admitted,
    # so ties at the line push the count past the ~6,000 quota: the 6,000th is at the cutoff,
    # and fewer than 6,000 are strictly above it.
    cutoff = D("100.88")
    assert min(scores) == cutoff
    assert scores[5999] == cutoff
    assert sum(s > cutoff for s in scores) < 6000

    # Every item is rounded to 2 places, so every total has at most 2 decimals.
    assert all(s.as_tuple().exponent >= -2 for s in scores)  # type: ignore[operator]

    # 第四条(二): nobody past 60 (the highest retirement age) on 2021-06-30, i.e. born after 1961-06.
    assert all(r["birth_month"] > "1961-06" for r in rows)

    # The 2020 version's threshold is this published cutoff.
    assert score("beijing", base_2020(), AS_OF).threshold == cutoff
