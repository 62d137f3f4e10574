"""Suzhou (苏州市流动人口积分管理办法 2016; 苏府办〔2020〕313号): hand-derived cases.

Every expected value below is worked out by hand from the policy text
(/work/shared/sources/suzhou-2016-points-measures.txt, suzhou-2020-opinions.txt), from the
secondary 2019 计分标准 values in FACTS.md, or, where neither gives a number, from the
placeholder the scheme module documents as ``assumed`` (floor area 18 m² per person;
附加分 honours +10, inventions +10 each cap 30; 扣减分 −50 per criminal/detention record in
the last 5 years).  The derivation is written above each assertion.

Values used (FACTS.md, "Older 计分标准 values", secondary):
  age 18–40: 10; education highest only 大专 30 / 本科 60 / 硕士 200 / 博士 400;
  skill or title highest only 五级 10, 四级/初级职称 30, 三级/中级职称 50, 二级 100,
  一级/副高及以上 300; urban employee insurance 5 per full month, cap 500;
  housing fund 5 per full year.
Base score (基础分, 第八条) = age + education + skill + social_insurance + housing_fund.
Months count up to and including the month of ``as_of``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from pointscalc.errors import InputError
from tests.support import period, points, score

CITY = "苏州"

# 2016 version is in force on [2016-01-15, 2020-12-17); 2020-06-30 lies inside it.
AS_OF_2016 = "2020-06-30"
# 2020 version is in force from 2020-12-17; 2021-06-30 lies inside it.
AS_OF_2020 = "2021-06-30"


def insured(start: str, end: str | None = None, district: str = "苏州工业园区",
            scheme: str = "urban_employee") -> dict[str, Any]:
    return period("social_insurance", CITY, start, end, district=district, scheme=scheme)


def permit(start: str, end: str | None = None, district: str = "苏州工业园区") -> dict[str, Any]:
    return period("residence_permit", CITY, start, end, district=district)


def home(start: str, end: str | None = None, district: str = "吴中区", tenure: str = "rented",
         area: int | str | None = 60) -> dict[str, Any]:
    attrs: dict[str, Any] = {"district": district, "tenure": tenure}
    if area is not None:
        attrs["area"] = area
    return period("residence", CITY, start, end, **attrs)


def fund(start: str, end: str | None = None) -> dict[str, Any]:
    return period("housing_fund", CITY, start, end)


def person(**overrides: Any) -> dict[str, Any]:
    """An applicant eligible under 第九条 and 第十八条 in 2016 市区 on 2020-06-30.

    Born 1990-01-01 (30 on 2020-06-30); 本科; no skill; insured, permit and home in 市区
    since 2016-07 (48 months to 2020-06); a 60 m² home, no family moving.
    """
    data: dict[str, Any] = {
        "birth": "1990-01-01",
        "education": {"diploma": "bachelor"},
        "periods": [
            insured("2016-07"),
            permit("2016-07"),
            home("2016-07"),
        ],
    }
    data.update(overrides)
    return data


def failed_keys(a: Any) -> set[str]:
    return {c.key for c in a.failed}


# --- (a) a full 2016-version total, base score separated --------------------------------


def test_2016_full_total_with_base_score_separated() -> None:
    data = person(
        qualification="level3",
        periods=[
            insured("2016-07"),
            permit("2016-07"),
            home("2016-07"),
            fund("2017-07"),
        ],
        records=[{"kind": "honour", "date": "2019-05-01", "level": "municipal"}],
    )
    a = score("suzhou", data, AS_OF_2016)
    assert a.version == "2016"
    assert a.eligible, failed_keys(a)
    p = points(a)

    # age: born 1990-01-01, on 2020-06-30 she is 30 (周岁) → band 18–40 → 10.
    assert p["age"] == Decimal("10")
    # education: 本科 → 60 (highest only).
    assert p["education"] == Decimal("60")
    # skill: 三级 (level3) → 50.
    assert p["skill"] == Decimal("50")
    # social insurance: 2016-07 … 2020-06 = 6 (2016) + 36 (2017–2019) + 6 (2020) = 48 full
    # months × 5 = 240, under the cap of 500.
    assert p["social_insurance"] == Decimal("240")
    # housing fund: 2017-07 … 2020-06 = 36 months = 3 full years × 5 = 15.
    assert p["housing_fund"] == Decimal("15")
    # 附加分: one municipal honour → +10 (assumed placeholder value).
    assert p["honours"] == Decimal("10")
    # no invention patents, no violations.
    assert p["inventions"] == Decimal("0")
    assert p["violations"] == Decimal("0")

    # 基础分 = 10 + 60 + 50 + 240 + 15 = 375.
    assert a.base == Decimal("375")
    # base lines are exactly age, education, skill, social_insurance, housing_fund.
    assert {ln.key for ln in a.lines if ln.base} == {
        "age", "education", "skill", "social_insurance", "housing_fund"}
    # 总积分 = 基础分 375 + 附加分 10 + 扣减分 0 = 385.
    assert a.total == Decimal("385")
    # 2016 version has no published standard score.
    assert a.threshold is None


def test_2016_additional_and_deducted_points_stay_out_of_base() -> None:
    data = person(
        records=[
            # four invention patents
            {"kind": "innovation", "date": "2018-01-10", "category": "patent_invention"},
            {"kind": "innovation", "date": "2018-06-10", "category": "patent_invention"},
            {"kind": "innovation", "date": "2019-01-10", "category": "patent_invention"},
            {"kind": "innovation", "date": "2019-06-10", "category": "patent_invention"},
            # a utility-model patent is not an invention patent
            {"kind": "innovation", "date": "2019-07-10", "category": "patent_utility"},
            # a detention 2 years before as_of: inside the 5-year window
            {"kind": "violation", "date": "2018-03-01", "type": "detention"},
            # a criminal record 6 years before as_of (2014-05-01 < 2015-06-30): outside it
            {"kind": "violation", "date": "2014-05-01", "type": "criminal"},
            # a 失信 record: not a 违法犯罪 record of the criminal/detention kinds
            {"kind": "violation", "date": "2019-03-01", "type": "credit"},
        ],
    )
    a = score("suzhou", data, AS_OF_2016)
    p = points(a)
    # inventions: 4 invention patents × 10 = 40, capped at 30 (assumed values).
    assert p["inventions"] == Decimal("30")
    # violations: only the 2018 detention is criminal/detention within 5 years → 1 × −50.
    assert p["violations"] == Decimal("-50")
    # 基础分: age 10 + 本科 60 + skill 0 + insurance 48 × 5 = 240 + fund 0 = 310.
    assert a.base == Decimal("310")
    # total = 310 + 30 (附加分) − 50 (扣减分) = 290.
    assert a.total == Decimal("290")


# --- (b) social insurance cap -----------------------------------------------------------


def test_2016_social_insurance_capped_at_500() -> None:
    # 2010-07 … 2020-06 = 10 years = 120 months × 5 = 600 → cap 500.
    data = person(periods=[insured("2010-07"), permit("2016-07"), home("2016-07")])
    assert points(score("suzhou", data, AS_OF_2016))["social_insurance"] == Decimal("500")


def test_2016_social_insurance_just_below_cap() -> None:
    # 2012-04 … 2020-06 = 9 (2012) + 84 (2013–2019) + 6 (2020) = 99 months × 5 = 495 < 500.
    data = person(periods=[insured("2012-04"), permit("2016-07"), home("2016-07")])
    assert points(score("suzhou", data, AS_OF_2016))["social_insurance"] == Decimal("495")


def test_2016_resident_insurance_earns_no_points() -> None:
    # Only urban employee (城镇职工) insurance is scored: 48 months of 城乡居民 → 0.
    data = person(periods=[insured("2016-07", scheme="resident"), permit("2016-07"), home("2016-07")])
    assert points(score("suzhou", data, AS_OF_2016))["social_insurance"] == Decimal("0")


# --- (c) skill or title: highest only ---------------------------------------------------


def test_skill_or_title_highest_only() -> None:
    # 三级 (50) and 副高 (300): highest only → 300, not 350.
    data = person(qualification="level3", title="associate_senior")
    assert points(score("suzhou", data, AS_OF_2016))["skill"] == Decimal("300")


def test_skill_or_title_same_level_not_doubled() -> None:
    # 三级 (50) and 中级职称 (50) are the same row → 50, not 100.
    data = person(qualification="level3", title="intermediate")
    assert points(score("suzhou", data, AS_OF_2016))["skill"] == Decimal("50")


def test_education_highest_only() -> None:
    # 硕士 → 200, not 200 + 60 for the 本科 below it.
    data = person(education={"diploma": "master", "degree": "master"})
    assert points(score("suzhou", data, AS_OF_2016))["education"] == Decimal("200")


def test_age_band_bounds() -> None:
    # 18–40 inclusive: born 1979-07-01 is 40 on 2020-06-30 → 10;
    # born 1979-06-30 turned 41 on 2020-06-30 → 0.
    assert points(score("suzhou", person(birth="1979-07-01"), AS_OF_2016))["age"] == Decimal("10")
    assert points(score("suzhou", person(birth="1979-06-30"), AS_OF_2016))["age"] == Decimal("0")


# --- (d) 第九条 eligibility ---------------------------------------------------------------


def test_no_residence_permit_is_ineligible() -> None:
    # 第九条: 已办理居住证 is required; everything else is met.
    data = person(periods=[insured("2016-07"), home("2016-07")])
    a = score("suzhou", data, AS_OF_2016)
    assert not a.eligible
    assert failed_keys(a) == {"residence_permit"}


def test_permit_outside_2016_shiqu_is_not_a_shiqu_permit() -> None:
    # 第二条: 市区 = 吴中、相城、姑苏、工业园区、高新区; 吴江区 is not 市区 in 2016.
    data = person(periods=[insured("2016-07"), permit("2016-07", district="吴江区"), home("2016-07")])
    a = score("suzhou", data, AS_OF_2016)
    assert failed_keys(a) == {"residence_permit"}


def test_eleven_months_continuous_residence_fails() -> None:
    # 第九条: 连续合法居住一年以上（含一年）. 2019-08 … 2020-06 = 5 + 6 = 11 months < 12.
    data = person(periods=[insured("2016-07"), permit("2016-07"), home("2019-08")])
    a = score("suzhou", data, AS_OF_2016)
    assert not a.eligible
    assert failed_keys(a) == {"resided_1_year"}


def test_twelve_months_continuous_residence_passes() -> None:
    # 2019-07 … 2020-06 = 6 + 6 = 12 months: 一年以上（含一年） is met.
    data = person(periods=[insured("2016-07"), permit("2016-07"), home("2019-07")])
    a = score("suzhou", data, AS_OF_2016)
    assert a.eligible
    assert failed_keys(a) == set()


def test_broken_residence_is_not_continuous() -> None:
    # 2018-01 … 2018-12 (12 months), a break, then 2019-08 … 2020-06 (11 months): 23 months in
    # all, but the continuous run up to as_of is only 11 → fails 连续居住一年.
    data = person(periods=[
        insured("2016-07"), permit("2016-07"),
        home("2018-01", "2018-12"), home("2019-08"),
    ])
    a = score("suzhou", data, AS_OF_2016)
    assert failed_keys(a) == {"resided_1_year"}


def test_not_insured_in_shiqu_is_ineligible() -> None:
    # 第九条: 在市区范围内参加社会保险. Insured only in 昆山市 (not 市区 in 2016).
    data = person(periods=[insured("2016-07", district="昆山市"), permit("2016-07"), home("2016-07")])
    a = score("suzhou", data, AS_OF_2016)
    assert failed_keys(a) == {"insured"}


# --- (e) 2020 version: standard score by target area ------------------------------------


def person_2020(target_area: str, district: str) -> dict[str, Any]:
    """Total 580 on 2021-06-30 (2020 version), home, insurance and permit in ``district``."""
    return {
        "birth": "1990-01-01",
        "education": {"diploma": "bachelor"},
        "qualification": "level3",
        "extra": {"target_area": target_area},
        "periods": [
            insured("2014-03", district=district),
            permit("2014-03", district=district),
            home("2014-03", district=district, area=90),
            fund("2017-07"),
        ],
    }


# The points of person_2020, by hand:
#   age: born 1990-01-01, 31 on 2021-06-30 → 10
#   本科 → 60; 三级 → 50
#   insurance 2014-03 … 2021-06 = 10 (2014) + 72 (2015–2020) + 6 (2021) = 88 months × 5 = 440
#   fund 2017-07 … 2021-06 = 48 months = 4 full years × 5 = 20
#   total = 10 + 60 + 50 + 440 + 20 = 580
TOTAL_2020 = Decimal("580")


def test_2020_shiqu_standard_565_is_met() -> None:
    a = score("suzhou", person_2020("市区", "吴中区"), AS_OF_2020)
    assert a.version == "2020"
    assert a.eligible, failed_keys(a)
    assert a.total == TOTAL_2020
    # 市区 standard score 565 (FACTS.md, weak); 580 ≥ 565.
    assert a.threshold == Decimal("565")
    assert a.meets_threshold is True


def test_2020_kunshan_standard_600_is_not_met() -> None:
    a = score("suzhou", person_2020("昆山", "昆山市"), AS_OF_2020)
    assert a.eligible, failed_keys(a)
    # same points: insurance counts anywhere in 苏州大市.
    assert a.total == TOTAL_2020
    # 昆山 standard score 600; 580 < 600.
    assert a.threshold == Decimal("600")
    assert a.meets_threshold is False


def test_2020_county_cities_standard_450() -> None:
    # 张家港、常熟、太仓 450; 580 ≥ 450.
    for area, district in (("张家港", "张家港市"), ("常熟", "常熟市"), ("太仓", "太仓市")):
        a = score("suzhou", person_2020(area, district), AS_OF_2020)
        assert a.threshold == Decimal("450"), area
        assert a.meets_threshold is True, area


def test_2020_wujiang_is_part_of_shiqu() -> None:
    # 苏府办〔2020〕313号 / FACTS.md: 市区 now includes 吴江; a home there meets stable_home
    # for target area 市区.
    a = score("suzhou", person_2020("市区", "吴江区"), AS_OF_2020)
    assert a.eligible, failed_keys(a)


def test_2020_home_outside_target_area_fails_stable_home() -> None:
    # Target 昆山 but the only home is in 吴中区 (市区): no stable home in the target area.
    data = person_2020("昆山", "吴中区")
    a = score("suzhou", data, AS_OF_2020)
    assert failed_keys(a) == {"stable_home"}


def test_2020_missing_target_area_is_an_input_error() -> None:
    data = person_2020("市区", "吴中区")
    del data["extra"]
    with pytest.raises(InputError):
        score("suzhou", data, AS_OF_2020)


def test_2020_unknown_target_area_is_an_input_error() -> None:
    # 吴江 is a district of 市区, not a target area of its own.
    with pytest.raises(InputError):
        score("suzhou", person_2020("吴江", "吴江区"), AS_OF_2020)


def test_version_switch_on_2020_12_17() -> None:
    # 2016 version ends (exclusive) on 2020-12-17, when 苏府办〔2020〕313号 takes effect.
    data = person_2020("市区", "吴中区")
    del data["extra"]
    # 2020-12-16: still 2016, which reads no target_area.
    assert score("suzhou", data, "2020-12-16").version == "2016"
    # 2020-12-17: 2020, where target_area is required.
    with pytest.raises(InputError):
        score("suzhou", data, "2020-12-17")


# --- (f) 第十八条 floor area per person ----------------------------------------------------


def family(n: int, moves: bool = True) -> list[dict[str, Any]]:
    members = [{"relation": "spouse", "moves": moves}]
    members += [{"relation": "child", "birth": "2015-01", "moves": moves} for _ in range(n - 1)]
    return members[:n]


def test_floor_area_three_people_passes() -> None:
    # 60 m², applicant + spouse + child moving = 3 people → 60 / 3 = 20 m² ≥ 18 (assumed).
    data = person(family=family(2))
    a = score("suzhou", data, AS_OF_2016)
    assert a.eligible
    assert failed_keys(a) == set()


def test_floor_area_four_people_fails() -> None:
    # 60 m², applicant + spouse + 2 children = 4 people → 60 / 4 = 15 m² < 18.
    data = person(family=family(3))
    a = score("suzhou", data, AS_OF_2016)
    assert not a.eligible
    assert failed_keys(a) == {"stable_home"}


def test_floor_area_exactly_at_standard_passes() -> None:
    # 不低于: 54 m² / 3 people = 18 m², equal to the standard → passes.
    data = person(family=family(2), periods=[insured("2016-07"), permit("2016-07"), home("2016-07", area=54)])
    assert failed_keys(score("suzhou", data, AS_OF_2016)) == set()


def test_floor_area_counts_only_those_who_move() -> None:
    # 60 m²: spouse + 2 children, one child not moving → applicant + 2 = 3 people → 20 ≥ 18.
    members = family(3)
    members[2]["moves"] = False
    data = person(family=members)
    assert failed_keys(score("suzhou", data, AS_OF_2016)) == set()
