"""Open cities (Nantong, Anyang, Shaoguan), Nanjing's outer districts, and who may follow.

Every expected value is derived by hand from the policy texts (the clause is quoted next
to each case), never from running the code:

* 南通 2020 实施意见 二(四): 有合法稳定住所（含租赁）或合法稳定就业（并参加城镇社会保险）的，
  本人及其共同居住生活的配偶、未婚子女、父母等，可以在当地申请登记常住户口.
  二(五): 租赁房屋常住人口在社区公共户落户 … 确保本地和外地农业转移人口适用相同的落户条件.
* 安政办〔2018〕19号 二(一): 全面放开对高校毕业生、技术工人、职业院校毕业生、农村升学学生和
  参军进入城镇、留学归国人员的落户限制; 二(二): 参加城镇社会保险的年限要求不得超过1年;
  二(三): 县政府驻地镇和其他建制镇有合法稳定住所（含租赁）人员，及其共同居住生活的配偶、子女、
  父母等，均可 … 申请登记常住户口.
* 韶府办〔2017〕37号 二: 允许在我市有合法稳定住所(含租赁)且购买了社保、医保的人员在我市落户 …
  对参加城镇社会保险1年以上(含1年)的可在参保地或实际居住地落户; 本实施办法自印发之日起试行，
  有效期三年.
* 宁政办发〔2021〕5号 (六): 对持有上述四区（浦口、六合、溧水、高淳）居住证、缴纳城镇职工社会保险
  6个月以上的人员，即可办理落户.
* 苏州市流动人口积分管理办法 第二十二条: 获得户籍准入资格的申请人，其配偶和未成年子女可以随迁.
* 京政办发〔2016〕39号 第九条: 其符合计划生育政策的未成年子女可以随迁落户；其配偶、父母申请落户
  按照本市现行亲属投靠落户政策办理.

Months count up to and including the month of ``as_of``; 以上 includes the number itself.
Versions: nantong [2020-04-24, open), anyang [2018-03-12, open), shaoguan
[2017-10-24, 2020-10-24) (自印发之日起: printed 2017-10-24), nanjing [2021-02-09, 2022-08-20).  未成年 is under 18 (民法典
第十七条: 十八周岁以上的自然人为成年人).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from pointscalc import registry
from pointscalc.model import Relation
from pointscalc.scheme import SchemeError
from pointscalc.scoring import Assessment, ChannelResult, FollowerResult
from tests.support import period, score

# --- helpers ---------------------------------------------------------------------------


def channel(a: Assessment, key: str) -> ChannelResult:
    found = [ch for ch in a.channels if ch.key == key]
    assert len(found) == 1, f"no single channel {key!r} in {[ch.key for ch in a.channels]}"
    return found[0]


def settles_by(a: Assessment) -> set[str]:
    return {ch.key for ch in a.settles_by}


def failed_in(ch: ChannelResult) -> set[str]:
    return {c.key for c in ch.conditions if not c.passed}


def follower(ch: ChannelResult, index: int) -> FollowerResult:
    found = [m for m in ch.family.members if m.index == index]
    assert len(found) == 1
    return found[0]


def may_follow(ch: ChannelResult) -> list[bool | None]:
    """``may_follow`` of each family member, in the order of the profile's family list."""
    return [m.may_follow for m in sorted(ch.family.members, key=lambda m: m.index)]


def home(city: str, start: str, end: str | None = None, tenure: str = "rented", **attrs: Any) -> dict[str, Any]:
    return period("residence", city, start, end, tenure=tenure, **attrs)


def insured(city: str, start: str, end: str | None = None, scheme: str = "urban_employee",
            **attrs: Any) -> dict[str, Any]:
    return period("social_insurance", city, start, end, scheme=scheme, **attrs)


# --- Nantong 二(四)(五) --------------------------------------------------------------------

NANTONG = "南通"
NT_AS_OF = "2021-06-30"

NT_FAMILY = [
    {"relation": "spouse", "lives_with": True},                                         # 0: follows
    {"relation": "child", "birth": "2012-04", "married": False, "lives_with": True},    # 1: follows
    {"relation": "parent", "birth": "1960-02", "lives_with": True},                     # 2: follows
    {"relation": "child", "birth": "2016-05", "married": False, "lives_with": True},    # 3: follows
    {"relation": "child", "birth": "1995-01", "married": True, "lives_with": True},     # 4: married: no
    {"relation": "child", "birth": "2000-03", "married": False, "lives_with": False},   # 5: apart: no
    {"relation": "parent", "birth": "1962-05", "married": True},                        # 6: lives_with unset
]


def nt_renter(**extra: Any) -> dict[str, Any]:
    """Rents in 崇川区 since 2019-05, no job; only resident (城乡居民) insurance."""
    return {
        "birth": "1988-07",
        "education": {"diploma": "secondary"},
        "family": NT_FAMILY,
        "periods": [
            home(NANTONG, "2019-05", district="崇川区"),
            insured(NANTONG, "2019-06", scheme="resident"),
        ],
        **extra,
    }


def test_nantong_renter_without_job_settles_by_residence() -> None:
    # (四) 有合法稳定住所（含租赁）… 可以在当地申请登记常住户口: a rented home held in 2021-06 is
    # enough; no job and no minimum period are asked.
    a = score("nantong", nt_renter(), NT_AS_OF)
    assert settles_by(a) == {"residence"}
    assert channel(a, "residence").passed
    # The other path needs 合法稳定就业（并参加城镇社会保险）: no job, no urban insurance.
    assert failed_in(channel(a, "employment")) == {"employed", "urban_insurance"}
    # Nantong has no points (open city): nothing is scored.
    assert a.lines == () and a.total is None


def test_nantong_renter_family_followers() -> None:
    # (四) 本人及其共同居住生活的配偶、未婚子女、父母等: the co-resident spouse, unmarried children and
    # parent follow; a married child does not (未婚); a child not living with her does not
    # (共同居住生活); a parent whose living arrangement is not given depends on it.  (A parent's
    # own marriage is no bar: 未婚 qualifies 子女 only.)
    ch = channel(score("nantong", nt_renter(), NT_AS_OF), "residence")
    assert ch.family.stated is True
    assert may_follow(ch) == [True, True, True, True, False, False, None]
    assert "married" in follower(ch, 4).detail.en
    assert "live with" in follower(ch, 5).detail.en
    assert "if living together" in follower(ch, 6).detail.en
    # Every member is judged under (四), and the answer cites it.
    assert {str(m.citation) for m in ch.family.members} == {"南通2020落户实施意见 (四)"}
    # Family.followers: those who follow or may follow (True or None).
    assert [m.index for m in ch.family.followers] == [0, 1, 2, 3, 6]


def test_nantong_child_marriage_unknown_depends() -> None:
    # (四) 未婚子女: a co-resident child whose marital status is not given may follow only if
    # unmarried: None, not True.
    data = nt_renter(family=[{"relation": "child", "birth": "1999-01", "lives_with": True}])
    ch = channel(score("nantong", data, NT_AS_OF), "residence")
    assert may_follow(ch) == [None]
    assert "if unmarried" in follower(ch, 0).detail.en


def test_nantong_same_followers_by_employment() -> None:
    # (四) names one household for both paths (住所 or 就业): the same members follow a worker.
    data = {
        "birth": "1990-01",
        "family": NT_FAMILY,
        "periods": [period("employment", NANTONG, "2020-01"), insured(NANTONG, "2020-01")],
    }
    ch = channel(score("nantong", data, NT_AS_OF), "employment")
    assert ch.passed
    assert may_follow(ch) == [True, True, True, True, False, False, None]


def test_nantong_renter_gets_collective_household_advice() -> None:
    # (五) 落实租赁房屋常住人口在社区公共户落户政策，经房屋所有权人同意可以在房屋所在地落户.
    ch = channel(score("nantong", nt_renter(), NT_AS_OF), "residence")
    assert len(ch.advice) == 1
    text, where = ch.advice[0]
    assert "社区公共户" in text.zh
    assert "community collective household" in text.en
    assert str(where) == "南通2020落户实施意见 (五)"


def test_nantong_owner_settles_without_renter_advice() -> None:
    # (四) an owned home is a legal stable residence too; (五) speaks only of 租赁房屋.
    data = {"birth": "1985-02", "periods": [home(NANTONG, "2018-01", tenure="owned", district="崇川区")]}
    a = score("nantong", data, NT_AS_OF)
    assert settles_by(a) == {"residence"}
    assert channel(a, "residence").advice == ()


def test_nantong_former_home_does_not_count() -> None:
    # (四) 有合法稳定住所: the home must be held now; a lease that ended in 2021-05 is not a
    # residence in 2021-06.
    data = {"birth": "1985-02", "periods": [home(NANTONG, "2019-01", "2021-05")]}
    a = score("nantong", data, NT_AS_OF)
    assert settles_by(a) == set()
    assert failed_in(channel(a, "residence")) == {"home"}


def test_nantong_home_in_another_city_does_not_count() -> None:
    # (四) 在当地申请登记常住户口: a rented home in 苏州 is no residence in Nantong.
    data = {"birth": "1985-02", "periods": [home("苏州", "2019-01")]}
    assert settles_by(score("nantong", data, NT_AS_OF)) == set()


def nt_worker(**extra: Any) -> dict[str, Any]:
    """Employed and insured (urban employee) in Nantong since 2021-03, no home."""
    return {
        "birth": "1995-09",
        "periods": [period("employment", NANTONG, "2021-03", district="通州区"),
                    insured(NANTONG, "2021-03", district="通州区")],
        **extra,
    }


def test_nantong_worker_with_urban_insurance_settles_by_employment() -> None:
    # (四) 合法稳定就业（并参加城镇社会保险）: employed now and urban employee insurance now; 4 months
    # are enough, the clause asks no minimum period.  No home, so not by residence.
    a = score("nantong", nt_worker(), NT_AS_OF)
    assert settles_by(a) == {"employment"}
    assert failed_in(channel(a, "residence")) == {"home"}
    assert channel(a, "employment").advice == ()


def test_nantong_employment_needs_both_job_and_insurance() -> None:
    # (四) 就业（并参加城镇社会保险）: both together.  A job without insurance fails, and so does
    # insurance after the job ended (2021-04).
    no_insurance = {"birth": "1995-09", "periods": [period("employment", NANTONG, "2021-03")]}
    a = score("nantong", no_insurance, NT_AS_OF)
    assert settles_by(a) == set()
    assert failed_in(channel(a, "employment")) == {"urban_insurance"}
    job_ended = {"birth": "1995-09", "periods": [period("employment", NANTONG, "2021-01", "2021-04"),
                                                 insured(NANTONG, "2021-01")]}
    a = score("nantong", job_ended, NT_AS_OF)
    assert settles_by(a) == set()
    assert failed_in(channel(a, "employment")) == {"employed"}


def test_nantong_neither_home_nor_job_does_not_settle() -> None:
    # (四): neither 住所 nor 就业 → no channel.  Resident insurance (城乡居民) is not 城镇社会保险, so
    # a job with it does not open the employment path.
    data = {"birth": "1995-09", "periods": [period("employment", NANTONG, "2021-03"),
                                            insured(NANTONG, "2021-03", scheme="resident")]}
    a = score("nantong", data, NT_AS_OF)
    assert settles_by(a) == set()
    assert not any(ch.passed for ch in a.channels)
    assert failed_in(channel(a, "employment")) == {"urban_insurance"}
    assert failed_in(channel(a, "residence")) == {"home"}
    bare = {"birth": "1995-09"}
    assert settles_by(score("nantong", bare, NT_AS_OF)) == set()


ORIGINS = [
    {"city": "南通", "province": "江苏", "rural": True},
    {"city": "南通", "province": "江苏", "rural": False},
    {"city": "商丘", "province": "河南", "rural": True},
    {"city": "商丘", "province": "河南", "rural": False},
    {"rural": True},
]


@pytest.mark.parametrize("profile", [nt_renter, nt_worker, lambda **kw: {"birth": "1995-09", **kw}],
                         ids=["renter", "worker", "neither"])
def test_nantong_same_conditions_for_local_and_nonlocal(profile: Any) -> None:
    # (五) 确保本地和外地农业转移人口适用相同的落户条件: a hukou in 南通 or elsewhere, rural or not,
    # changes no channel result, condition detail or follower.
    baseline = score("nantong", profile(), NT_AS_OF).channels
    for origin in ORIGINS:
        assert score("nantong", profile(origin=origin), NT_AS_OF).channels == baseline, origin


def test_nantong_version_starts_2020_04_24() -> None:
    # The opinions are dated 2020-04-24 and name no end: in force from then on.
    s = registry.load("nantong")
    assert s.version_for(dt.date(2020, 4, 24)).label == "2020"
    assert s.version_for(dt.date(2030, 1, 1)).label == "2020"
    with pytest.raises(SchemeError):
        s.version_for(dt.date(2020, 4, 23))


# --- Anyang 二(一)(二)(三) -----------------------------------------------------------------

ANYANG = "安阳"
AY_AS_OF = "2019-06-30"


def test_anyang_twelve_months_urban_insurance_settles() -> None:
    # 二(二) 参加城镇社会保险的年限要求不得超过1年: 2018-07 … 2019-06 = 12 months = 1 year → settles.
    data = {"birth": "1990-05", "periods": [insured(ANYANG, "2018-07", "2019-06", district="文峰区")]}
    a = score("anyang", data, AY_AS_OF)
    assert settles_by(a) == {"insured_1_year"}
    assert channel(a, "insured_1_year").passed


def test_anyang_eleven_months_falls_one_short() -> None:
    # 2018-08 … 2019-06 = 11 months < 12: one month short.
    data = {"birth": "1990-05", "periods": [insured(ANYANG, "2018-08", "2019-06")]}
    a = score("anyang", data, AY_AS_OF)
    ch = channel(a, "insured_1_year")
    assert not ch.passed
    assert settles_by(a) == set()
    (cond,) = ch.conditions
    assert cond.shortfall is not None
    assert "1 more month" in cond.shortfall.en
    assert "还差1个月" in cond.shortfall.zh


def test_anyang_insurance_counts_cumulative_months() -> None:
    # 二(二) speaks of 年限 (years of insurance), not of an unbroken run: 6 + 6 months with a gap
    # are 12 months.
    data = {"birth": "1990-05", "periods": [insured(ANYANG, "2017-01", "2017-06"),
                                            insured(ANYANG, "2019-01", "2019-06")]}
    assert "insured_1_year" in settles_by(score("anyang", data, AY_AS_OF))


def test_anyang_resident_insurance_is_not_urban() -> None:
    # 二(二) 城镇社会保险: 12 months of 城乡居民 insurance are not urban insurance.
    data = {"birth": "1990-05", "periods": [insured(ANYANG, "2018-07", "2019-06", scheme="resident")]}
    assert settles_by(score("anyang", data, AY_AS_OF)) == set()


@pytest.mark.parametrize("diploma", ["junior_college", "大专", "bachelor", "master", "doctor"])
def test_anyang_college_graduate_settles_without_insurance(diploma: str) -> None:
    # 二(一) 全面放开对高校毕业生 … 的落户限制: 大专 or above, no insurance, no home.
    data = {"birth": "1998-02", "education": {"diploma": diploma}}
    a = score("anyang", data, AY_AS_OF)
    assert settles_by(a) == {"college_graduate"}


def test_anyang_secondary_diploma_is_not_college_graduate() -> None:
    # 高中/中专 is not a 高校毕业生.
    a = score("anyang", {"birth": "1998-02", "education": {"diploma": "secondary"}}, AY_AS_OF)
    assert not channel(a, "college_graduate").passed
    assert settles_by(a) == set()


def test_anyang_veteran_settles() -> None:
    # 二(一) 全面放开对 … 参军进入城镇 … 的落户限制.
    yes = score("anyang", {"birth": "1995-02", "extra": {"veteran": True}}, AY_AS_OF)
    assert settles_by(yes) == {"veteran"}
    no = score("anyang", {"birth": "1995-02", "extra": {"veteran": False}}, AY_AS_OF)
    assert settles_by(no) == set()
    unsaid = score("anyang", {"birth": "1995-02"}, AY_AS_OF)
    assert not channel(unsaid, "veteran").passed


AY_FAMILY = [
    {"relation": "spouse", "lives_with": True},                                        # 0
    {"relation": "child", "birth": "2010-09", "lives_with": True},                     # 1
    {"relation": "child", "birth": "1994-01", "married": True, "lives_with": True},    # 2: 子女, not 未婚子女
    {"relation": "parent", "birth": "1960-01", "lives_with": True},                    # 3
    {"relation": "parent", "birth": "1961-01", "lives_with": False},                   # 4: apart
    {"relation": "child", "birth": "2015-01"},                                         # 5: unsaid
]


def test_anyang_town_residence_settles_with_household() -> None:
    # 二(三) 县政府驻地镇和其他建制镇有合法稳定住所（含租赁）人员，及其共同居住生活的配偶、子女、父母等:
    # a rented home in a town now settles, and the spouse, children (married or not: the
    # clause says 子女, not 未婚子女) and parents who live with the applicant follow.
    data = {"birth": "1986-11", "family": AY_FAMILY,
            "periods": [home(ANYANG, "2019-03", town=True, district="林州市")]}
    a = score("anyang", data, AY_AS_OF)
    ch = channel(a, "town_residence")
    assert ch.passed
    assert "town_residence" in settles_by(a)
    assert may_follow(ch) == [True, True, True, True, False, None]
    assert {str(m.citation) for m in ch.family.members} == {"安政办〔2018〕19号 二(三)"}


@pytest.mark.parametrize("town", [False, None], ids=["town_false", "town_absent"])
def test_anyang_home_outside_towns_is_not_town_residence(town: bool | None) -> None:
    # 二(三) covers only 县政府驻地镇和其他建制镇: a home in the central city does not open it.
    attrs = {} if town is None else {"town": town}
    data = {"birth": "1986-11", "periods": [home(ANYANG, "2019-03", district="文峰区", **attrs)]}
    a = score("anyang", data, AY_AS_OF)
    assert not channel(a, "town_residence").passed
    assert "town_residence" not in settles_by(a)


def test_anyang_town_home_must_be_current() -> None:
    # 二(三) 有合法稳定住所: a town home left in 2019-05 is not held in 2019-06.
    data = {"birth": "1986-11", "periods": [home(ANYANG, "2019-01", "2019-05", town=True)]}
    assert not channel(score("anyang", data, AY_AS_OF), "town_residence").passed


def test_anyang_plan_starts_2018_03_12() -> None:
    s = registry.load("anyang")
    assert s.version_for(dt.date(2018, 3, 12)).label == "2018"
    with pytest.raises(SchemeError):
        s.version_for(dt.date(2018, 3, 11))


# --- Shaoguan 二 ---------------------------------------------------------------------------

SHAOGUAN = "韶关"
SG_AS_OF = "2019-06-30"


def test_shaoguan_rented_home_with_social_and_medical_insurance_settles() -> None:
    # 二 允许在我市有合法稳定住所(含租赁)且购买了社保、医保的人员在我市落户: a rented home, social
    # insurance and medical insurance, all held in 2019-06; 3 months suffice (no period named).
    data = {"birth": "1990-01", "periods": [
        home(SHAOGUAN, "2019-04", district="浈江区"),
        insured(SHAOGUAN, "2019-04"),
        period("medical_insurance", SHAOGUAN, "2019-04"),
    ]}
    a = score("shaoguan", data, SG_AS_OF)
    assert channel(a, "residence_insured").passed
    assert settles_by(a) == {"residence_insured"}


def test_shaoguan_residence_needs_medical_insurance_too() -> None:
    # 购买了社保、医保: both; without medical insurance the path is shut.
    data = {"birth": "1990-01", "periods": [home(SHAOGUAN, "2019-04"), insured(SHAOGUAN, "2019-04")]}
    a = score("shaoguan", data, SG_AS_OF)
    assert failed_in(channel(a, "residence_insured")) == {"medical_insurance"}
    assert settles_by(a) == set()


@pytest.mark.parametrize("as_of", ["2017-10-24", "2020-10-23"])
def test_shaoguan_residence_path_at_both_ends_of_the_trial(as_of: str) -> None:
    # 自印发之日起试行，有效期三年, printed 2017-10-24: 2017-10-24 up to 2020-10-23 inclusive.
    month = as_of[:7]
    data = {"birth": "1990-01", "periods": [home(SHAOGUAN, month), insured(SHAOGUAN, month),
                                            period("medical_insurance", SHAOGUAN, month)]}
    assert settles_by(score("shaoguan", data, as_of)) == {"residence_insured"}


def sg_insured(months_from: str) -> dict[str, Any]:
    """Urban employee insurance in Shaoguan from ``months_from`` to 2019-06; no home, 高中 only,
    no qualification, no open-group facts."""
    return {"birth": "1986-11", "education": {"diploma": "secondary"},
            "periods": [insured(SHAOGUAN, months_from, "2019-06", district="浈江区"),
                        period("employment", SHAOGUAN, months_from)]}


def test_shaoguan_eleven_months_without_home_settles_nowhere() -> None:
    # 二 参加城镇社会保险1年以上(含1年): 2018-08 … 2019-06 = 11 months < 12; no home for the
    # residence path; not a college graduate (高中), no qualification, no other open group.
    a = score("shaoguan", sg_insured("2018-08"), SG_AS_OF)
    assert settles_by(a) == set()
    assert not any(ch.passed for ch in a.channels)
    (cond,) = channel(a, "insured_1_year").conditions
    assert cond.shortfall is not None and "1 more month" in cond.shortfall.en


def test_shaoguan_twelve_months_settles_where_insured() -> None:
    # 1年以上(含1年): 2018-07 … 2019-06 = 12 months → settles where insured (参保地), no home needed.
    a = score("shaoguan", sg_insured("2018-07"), SG_AS_OF)
    assert settles_by(a) == {"insured_1_year"}


def test_shaoguan_insured_elsewhere_settles_where_living() -> None:
    # 可在参保地或实际居住地落户: 12 months insured in 广州 and actually living in Shaoguan now.
    data = {"birth": "1986-11", "periods": [insured("广州", "2018-07", "2019-06"),
                                            home(SHAOGUAN, "2019-01")]}
    a = score("shaoguan", data, SG_AS_OF)
    assert "insured_1_year_living" in settles_by(a)
    assert not channel(a, "insured_1_year").passed


def test_shaoguan_college_graduate_settles() -> None:
    # 二 全面放开对高校毕业生 … 的落户限制.
    a = score("shaoguan", {"birth": "1998-02", "education": {"diploma": "junior_college"}}, SG_AS_OF)
    assert settles_by(a) == {"college_graduate"}


@pytest.mark.parametrize("day", [dt.date(2021, 1, 1), dt.date(2020, 10, 24), dt.date(2017, 10, 23)])
def test_shaoguan_outside_the_trial_has_no_rules(day: dt.date) -> None:
    # 有效期三年 from 2017-10-24: nothing in force on 2020-10-24 or later, nor before the start.
    with pytest.raises(SchemeError):
        registry.load("shaoguan").version_for(day)


def test_shaoguan_expired_trial_applies_with_allow_stale() -> None:
    assert registry.load("shaoguan").version_for(dt.date(2021, 1, 1), allow_stale=True).label == "2017"


def test_shaoguan_source_names_no_followers() -> None:
    # 二 names nobody who follows: the answer says the source does not say.
    data = {"birth": "1998-02", "education": {"diploma": "bachelor"}, "family": [{"relation": "spouse"}]}
    ch = channel(score("shaoguan", data, SG_AS_OF), "college_graduate")
    assert ch.family.stated is False
    assert may_follow(ch) == [None]


# --- Nanjing (六): the four outer districts ----------------------------------------------

NANJING = "南京"
NJ_AS_OF = "2021-06-30"


def nj_worker(district: str, insured_from: str) -> dict[str, Any]:
    return {"birth": "1997-11-02", "periods": [
        period("residence_permit", NANJING, "2021-01", district=district),
        insured(NANJING, insured_from, "2021-06", district=district),
    ]}


@pytest.mark.parametrize("district", ["浦口区", "六合区", "溧水区", "高淳区", "浦口"])
def test_nanjing_outer_district_permit_and_six_months_settles(district: str) -> None:
    # (六) 持有上述四区居住证、缴纳城镇职工社会保险6个月以上: 2021-01 … 2021-06 = 6 months, 以上
    # includes 6.
    a = score("nanjing", nj_worker(district, "2021-01"), NJ_AS_OF)
    assert channel(a, "outer_districts").passed
    assert "outer_districts" in settles_by(a)


def test_nanjing_outer_district_five_months_does_not() -> None:
    # 2021-02 … 2021-06 = 5 months < 6.
    a = score("nanjing", nj_worker("浦口区", "2021-02"), NJ_AS_OF)
    ch = channel(a, "outer_districts")
    assert failed_in(ch) == {"employee_insurance_6"}
    assert "outer_districts" not in settles_by(a)


def test_nanjing_central_district_permit_does_not() -> None:
    # (六) names only 浦口、六合、溧水、高淳: a 鼓楼区 permit does not open the channel.
    a = score("nanjing", nj_worker("鼓楼区", "2021-01"), NJ_AS_OF)
    assert failed_in(channel(a, "outer_districts")) == {"permit_outer"}
    assert "outer_districts" not in settles_by(a)


def test_nanjing_outer_district_needs_employee_insurance() -> None:
    # 城镇职工社会保险: 6 months of resident insurance do not count.
    data = nj_worker("六合区", "2021-01")
    data["periods"][1]["scheme"] = "resident"
    assert failed_in(channel(score("nanjing", data, NJ_AS_OF), "outer_districts")) == {"employee_insurance_6"}


def test_nanjing_outer_district_permit_must_be_held_now() -> None:
    # 持有 … 居住证: a 浦口 permit that ran out in 2021-05 is not held in 2021-06.
    data = nj_worker("浦口区", "2021-01")
    data["periods"][0]["end"] = "2021-05"
    assert failed_in(channel(score("nanjing", data, NJ_AS_OF), "outer_districts")) == {"permit_outer"}


# --- Followers on the points path ---------------------------------------------------------


@pytest.mark.parametrize(("as_of", "extra"), [("2019-06-30", None), ("2021-06-30", {"target_area": "市区"})],
                         ids=["2016", "2020"])
def test_suzhou_spouse_and_minor_children_follow(as_of: str, extra: dict[str, str] | None) -> None:
    # 第二十二条 获得户籍准入资格的申请人，其配偶和未成年子女可以随迁: the spouse and a minor child
    # follow; a child of 18 or over does not; a parent is not named, so does not.
    year = int(as_of[:4])
    data: dict[str, Any] = {
        "birth": "1985-03",
        "family": [
            {"relation": "spouse"},                                              # 0: follows
            {"relation": "child", "birth": f"{year - 10}-01-01"},                # 1: 10 → minor
            {"relation": "child", "birth": f"{year - 18}-07-01"},                # 2: 17 on 06-30 → minor
            {"relation": "child", "birth": f"{year - 18}-06-30"},                # 3: 18 that day → adult
            {"relation": "child", "birth": f"{year - 25}-01-01"},                # 4: adult
            {"relation": "parent", "birth": "1958-01"},                          # 5: not named
        ],
    }
    if extra:
        data["extra"] = extra
    a = score("suzhou", data, as_of)
    assert a.family.stated is True
    assert [m.may_follow for m in a.family.members] == [True, True, True, False, False, False]
    assert {str(m.citation) for m in a.family.members[:5]} == {"苏州市流动人口积分管理办法(2016) 第二十二条"}
    assert a.family.members[5].citation is None
    assert [m.index for m in a.family.followers] == [0, 1, 2]


def test_beijing_minor_child_follows_conditionally_spouse_not() -> None:
    # 第九条 其符合计划生育政策的未成年子女可以随迁落户: a minor child follows only if within the
    # family-planning policy, which no profile field says: None, with the note.  其配偶、父母
    # 申请落户按照本市现行亲属投靠落户政策办理: not followers by this rule.
    data = {
        "birth": "1983-04-12", "sex": "male",
        "family": [
            {"relation": "spouse"},
            {"relation": "child", "birth": "2012-09"},
            {"relation": "child", "birth": "2001-01"},      # 20 in 2021: adult
            {"relation": "parent", "birth": "1955-01"},
        ],
        "periods": [insured("北京", "2008-07", district="海淀区"),
                    period("residence_permit", "北京", "2016-10")],
    }
    a = score("beijing", data, "2021-06-30")
    assert a.family.stated is True
    assert [m.may_follow for m in a.family.members] == [False, None, False, False]
    child = a.family.members[1]
    assert "计划生育" in child.detail.zh
    assert "family-planning" in child.detail.en
    assert str(child.citation) == "京政办发〔2016〕39号 第九条"
    assert [m.member.relation for m in a.family.followers] == [Relation.CHILD]


def test_open_city_has_no_points_path_family() -> None:
    # Nantong has no points path, so nobody follows "by points": the family is judged per
    # channel only.
    a = score("nantong", nt_renter(), NT_AS_OF)
    assert a.family.stated is False and a.family.members == ()


def test_suzhou_child_without_birth_may_follow_if_minor() -> None:
    # 第二十二条 未成年子女: without a birth date, whether the child is under 18 is unknown: None.
    data = {"birth": "1985-03", "family": [{"relation": "child"}]}
    a = score("suzhou", data, "2019-06-30")
    assert [m.may_follow for m in a.family.members] == [None]
    assert "birth not given" in a.family.members[0].detail.en
