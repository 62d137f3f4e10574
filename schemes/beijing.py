"""北京市积分落户 — Beijing points-based settlement.

Sources:

* 京政办发〔2016〕39号 北京市积分落户管理办法（试行）, in force 2017-01-01 to 2019-12-31:
  the complete official table (第五条) and eligibility (第四条).
* The 2020 revision, as implemented by public calculators and confirmed by the published
  lists (FACTS.md: secondary).  Its official number and end date are not in our sources.

How published scores are computed in practice (FACTS.md, secondary, and the 2021 list):
points accrue per month (3/12 a month of insurance), every item is rounded to 2
decimals, and the total is the sum of the rounded items.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from fractions import Fraction

from pointscalc.model import Degree as Deg
from pointscalc.model import Diploma as Dip
from pointscalc.model import PeriodKind as K
from pointscalc.model import RecordKind, Relation
from pointscalc.months import Months, full_years, month_of
from pointscalc.rules import (
    ANYWHERE,
    HIGHEST_DIPLOMA,
    Accrual,
    Accrue,
    AgeBands,
    BelowRetirementAge,
    Condition,
    Custom,
    EachOfLastYears,
    Flag,
    Follower,
    HighestOf,
    HoldsAt,
    LevelTable,
    Min,
    MonthsAtLeast,
    Not,
    OverlapDeduction,
    PerRecord,
    Score,
    band,
    months_of,
    record,
    row,
)
from pointscalc.scheme import (
    ASSUMED,
    OFFICIAL,
    SECONDARY,
    Citation,
    Document,
    Fact,
    Param,
    Provenance,
    Ranking,
    RankKey,
    Rounding,
    Scheme,
    T,
    Text,
    Threshold,
    Ties,
    Version,
    Waiver,
)

DOC_2016 = "京政办发〔2016〕39号"
DOC_2020 = "北京市积分落户管理办法(2020年修订)"


def art(clause: str, quote: str = "", doc: str = DOC_2016) -> Citation:
    return Citation(doc, clause, quote)


CENTRAL_SIX = frozenset({"东城区", "西城区", "朝阳区", "海淀区", "丰台区", "石景山区"})
"""城六区, 第五条(四)."""
SINCE_IN_FORCE = dt.date(2017, 1, 1)
"""自本办法施行之日起: 职住区域, tax-violation and detention records count from here."""

# --- What counts as which months ---------------------------------------------------------

INSURED = months_of(K.SOCIAL_INSURANCE, where={"scheme": "urban_employee"}, continuous=True)
"""在京连续缴纳社会保险 (第四条(三), 第五条(一))."""
RESIDED = months_of(K.RESIDENCE, continuous=True)
"""连续居住 in an owned home, a legal rental or an employer's dormitory (第五条(二))."""
STUDIED = months_of(K.STUDY, cities=ANYWHERE, where={"diploma": HIGHEST_DIPLOMA})
"""取得学历（学位）期间: the study for the diploma that earns education points."""
PERMIT = months_of(K.RESIDENCE_PERMIT)


# --- 第四条 eligibility ---------------------------------------------------------------------

RETIREMENT = (
    Param(
        "retirement_age_male",
        60,
        ASSUMED,
        "法定退休年龄 is set by national rules (国发〔1978〕104号), not by this document",
    ),
    Param("retirement_age_female", 50, ASSUMED, "women workers; 55 for female cadres"),
    Param("retirement_age_female_cadre", 55, ASSUMED, "with extra fact cadre = true"),
)


ELIGIBILITY = (
    Condition(
        key="residence_permit",
        label=T("holds a Beijing residence permit", "持有本市居住证"),
        test=HoldsAt(measure=PERMIT),
        citation=art("第四条(一)", "持有本市居住证"),
    ),
    Condition(
        key="below_retirement_age",
        label=T("not over the statutory retirement age", "不超过法定退休年龄"),
        test=BelowRetirementAge(),
        citation=art("第四条(二)", "不超过法定退休年龄"),
        provenance=ASSUMED,
    ),
    Condition(
        key="insured_7_years",
        label=T("7+ years of continuous social insurance in Beijing", "在京连续缴纳社会保险7年及以上"),
        test=MonthsAtLeast(measure=INSURED, months=84),
        citation=art("第四条(三)", "在京连续缴纳社会保险7年及以上"),
    ),
    Condition(
        key="no_criminal_record",
        label=T("no criminal record", "无刑事犯罪记录"),
        test=Not(predicate=record(RecordKind.VIOLATION, type="criminal")),
        citation=art("第四条(四)", "无刑事犯罪记录"),
    ),
)

# --- 第五条 items common to both versions -----------------------------------------------

EMPLOYMENT = Accrual(
    key="employment",
    label=T("legal stable employment", "合法稳定就业"),
    measure=INSURED,
    rate=D(3),
    accrue=Accrue.YEARLY_PRO_RATA,
    citation=art("第五条(一)", "每连续缴纳社会保险满1年积3分"),
    provenance=SECONDARY,
    note="3 a year is official; accrual by month (3/12 a month) is how scores are computed in practice",
)

RESIDENCE = Accrual(
    key="residence",
    label=T("legal stable residence", "合法稳定住所"),
    measure=RESIDED,
    by="tenure",
    rates=(("owned", D(1)), ("rented", D("0.5")), ("dormitory", D("0.5"))),
    accrue=Accrue.YEARLY_PRO_RATA,
    not_more_than=INSURED,
    citation=art(
        "第五条(二)",
        "在自有产权住所每连续居住满1年积1分，在合法租赁住所和单位宿舍每连续居住满1年积0.5分。"
        "当连续居住年限多于缴纳社会保险年限，以连续缴纳社会保险年限作为连续居住年限",
    ),
    provenance=SECONDARY,
    note="monthly accrual as in practice; where the cap bites, owned months are kept first (assumed)",
)

STUDY_DEDUCTION = OverlapDeduction(
    key="study_overlap",
    label=T("insurance and residence during study", "取得学历期间的就业、住所积分"),
    of=("employment", "residence"),
    inside=STUDIED,
    alongside="education",
    citation=art(
        "第五条(三)", "取得学历（学位）期间连续缴纳社会保险年限及连续居住年限的积分与学历（学位）积分不累计"
    ),
    provenance=SECONDARY,
    note="shown as a separate negative line, as the published lists do",
)


def _job_home_moved(per_year_both: int, per_year_home: int, home_cap: int, cap: int):  # type: ignore[no-untyped-def]
    """职住区域: years since 2017 living (and working) outside the six central districts,
    for someone who lived there before."""

    def fn(ctx) -> tuple[Fraction, Text]:  # type: ignore[no-untyped-def]
        a = ctx.applicant
        since = month_of(SINCE_IN_FORCE.year, SINCE_IN_FORCE.month)

        def months(kind: K, central: bool) -> Months:
            return Months(
                r
                for p in a.periods
                if p.kind is kind and p.city == ctx.scheme.city and p.district is not None
                and (p.district in CENTRAL_SIX) is central
                for r in p.months
            ).until(ctx.as_of)

        lived_central = months(K.RESIDENCE, True)
        if not lived_central:
            return Fraction(0), T("never lived in the six central districts", "未曾居住在城六区")
        first_central = lived_central.first()
        assert first_central is not None
        after = Months(((max(since, first_central + 1), 10**9),))
        home_out = months(K.RESIDENCE, False) & after
        both = home_out & months(K.EMPLOYMENT, False)
        home_only = home_out - both
        yb, yh = full_years(both.count), full_years(home_only.count)
        points = min(cap, yb * per_year_both + min(home_cap, yh * per_year_home))
        return Fraction(points), T(
            f"{yb} full years job and home moved × {per_year_both}, {yh} home only × {per_year_home}",
            f"就业地和居住地均转移满{yb}年×{per_year_both}，仅居住地转移满{yh}年×{per_year_home}",
        )

    return fn


AGE_2016 = AgeBands(
    key="age",
    label=T("age", "年龄"),
    bands=(band(None, 45, "20"),),
    citation=art("第五条(七)", "申请人年龄不超过45周岁的，加20分"),
    provenance=OFFICIAL,
)

HONOURS = Flag(
    key="honours",
    label=T("honours", "荣誉表彰"),
    when=record(
        RecordKind.HONOUR,
        title=frozenset({"labour_model", "moral_model", "brave_citizen"}),
        level=frozenset({"national", "provincial"}),
    ),
    points=D(20),
    citation=art("第五条(八)", "省部级以上劳动模范；全国道德模范或首都道德模范；全国见义勇为英雄模范或首都见义勇为好市民"),
    provenance=OFFICIAL,
)

TAX_VIOLATIONS = PerRecord(
    key="tax_violations",
    label=T("tax violations", "涉税违法行为记录"),
    select=record(RecordKind.VIOLATION, type="tax", since=SINCE_IN_FORCE),
    points=D(-12),
    citation=art("第五条(六)", "有涉税违法行为记录的……每条记录减12分"),
    provenance=OFFICIAL,
)

DETENTIONS = PerRecord(
    key="detentions",
    label=T("administrative detentions", "行政拘留记录"),
    select=record(
        RecordKind.VIOLATION, type="detention", city=frozenset({"北京", None}), since=SINCE_IN_FORCE
    ),
    points=D(-30),
    citation=art("第五条(九)", "在本市因违反有关法律被公安机关处以行政拘留处罚的，每条行政拘留记录减30分"),
    provenance=OFFICIAL,
)


def innovation(national: str, municipal: str, doc: str, provenance: Provenance) -> HighestOf:
    def per_year(key: str, en: str, zh: str, rate: str, cap: str) -> PerRecord:
        return PerRecord(
            key=key,
            label=T(en, zh),
            select=record(RecordKind.INNOVATION, category=key),
            points=D(rate),
            units="years",
            cap=D(cap),
            citation=art("第五条(五)", doc=doc),
            provenance=provenance,
        )

    def award(key: str, en: str, zh: str, points: str) -> Flag:
        return Flag(
            key=key,
            label=T(en, zh),
            when=record(RecordKind.INNOVATION, category=key),
            points=D(points),
            citation=art("第五条(五)", doc=doc),
            provenance=provenance,
        )

    return HighestOf(
        key="innovation",
        label=T("innovation and entrepreneurship", "创新创业"),
        options=(
            award("national_award", "national award", "国家级奖项", national),
            award("municipal_award", "municipal award", "本市市级奖项", municipal),
            per_year("hitech_enterprise", "high-tech enterprise post", "国家高新技术企业任职", "2", "6"),
            per_year("incubator_startup", "incubated start-up", "孵化器、众创空间创业企业", "2", "6"),
            per_year("tech_service", "technology service body", "技术转移、科技服务机构", "1", "3"),
        ),
        citation=art("第五条(五)", "上述创新创业各项加分不累计，同时符合多项加分条件的，只计最高分", doc=doc),
        provenance=provenance,
    )


RANKING = Ranking(
    keys=(RankKey("total", Score("total")),),
    ties=Ties.ADMIT_ALL,
    citation=art("第八条", "每年向社会公布积分落户分值"),
    provenance=OFFICIAL,
)

FACTS = (
    Fact("cadre", "a woman whose retirement age is that of cadres (55), not workers (50)", bool),
)

ROUNDING = Rounding(places=2, provenance=SECONDARY)

FOLLOWERS = (
    Follower(
        relation=Relation.CHILD,
        minor=True,
        citation=art("第九条", "其符合计划生育政策的未成年子女可以随迁落户；其配偶、父母申请落户按照本市现行亲属投靠落户政策办理"),
        note=T("if born within the family-planning policy", "符合计划生育政策的"),
    ),
    *(
        Follower(
            relation=r,
            citation=art("第九条", "其配偶、父母申请落户按照本市现行亲属投靠落户政策办理"),
            elsewhere=T("not by points: applies under Beijing's kinship (亲属投靠) policy",
                        "不随积分落户：按本市现行亲属投靠落户政策办理"),
        )
        for r in (Relation.SPOUSE, Relation.PARENT)
    ),
)
"""第九条: minor children follow.  A spouse or parents apply under the kinship (亲属投靠)
policy, which is not a points rule and not modelled: they are shown as not following by
points, and told so."""

WAIVERS = (
    Waiver(
        "age_blind",
        "age points fall with age by design (45 and under: 20; fewer above), and eligibility ends at"
        " the statutory retirement age",
        art("第五条(七)", "申请人年龄不超过45周岁的，加20分"),
        instead="older_never_gains",
    ),
)

LIST_2021 = "2021年积分落户公示名单"
"""The published 2021 list: its last admitted score is the cutoff (tests/data)."""

V2017 = Version(
    label="2017",
    effective=dt.date(2017, 1, 1),
    ends=dt.date(2020, 1, 1),
    documents=(DOC_2016,),
    preconditions=ELIGIBILITY,
    followers=FOLLOWERS,
    waivers=WAIVERS,
    items=(
        EMPLOYMENT,
        RESIDENCE,
        LevelTable(
            key="education",
            label=T("education", "教育背景"),
            rows=(
                row("大学专科（含高职）", "10.5", Min(diploma=Dip.JUNIOR_COLLEGE)),
                row("大学本科学历并取得学士学位", "15", Min(diploma=Dip.BACHELOR, degree=Deg.BACHELOR)),
                row("研究生学历并取得硕士学位", "26", Min(diploma=Dip.MASTER, degree=Deg.MASTER)),
                row("研究生学历并取得博士学位", "37", Min(diploma=Dip.DOCTOR, degree=Deg.DOCTOR)),
            ),
            citation=art(
                "第五条(三)",
                "大学专科（含高职）10.5分，大学本科学历并取得学士学位15分，研究生学历并取得硕士学位26分，"
                "研究生学历并取得博士学位37分",
            ),
            provenance=OFFICIAL,
            note="a diploma without its degree earns the row below (本科 alone: 10.5); assumed",
        ),
        STUDY_DEDUCTION,
        Custom(
            key="job_home_area",
            label=T("job and home moved out of the centre", "职住区域"),
            fn=_job_home_moved(per_year_both=4, per_year_home=2, home_cap=6, cap=12),
            summary="home moved: 2 per full year, max 6; job and home moved: 4 per full year, max 12",
            citation=art("第五条(四)", "每满1年加2分，最高加6分；……均……转移……每满1年加4分，最高加12分"),
            provenance=OFFICIAL,
            note="needs residence (and employment) periods with districts; counted from 2017-01-01",
        ),
        innovation("12", "6", DOC_2016, OFFICIAL),
        Flag(
            key="tax",
            label=T("tax paid", "纳税"),
            when=EachOfLastYears(select=record(RecordKind.TAX, qualifying=True), years=3),
            points=D(6),
            citation=art("第五条(六)", "近3年连续纳税，且满足以下条件之一的，加6分"),
            provenance=OFFICIAL,
        ),
        TAX_VIOLATIONS,
        AGE_2016,
        HONOURS,
        DETENTIONS,
    ),
    rounding=ROUNDING,
    ranking=RANKING,
    threshold=Threshold(
        label=T("2018 published cutoff (落户分值)", "2018年落户分值"),
        points=D("90.75"),
        citation=art("第八条", "每年向社会公布积分落户分值"),
        provenance=SECONDARY,
    ),
    facts=FACTS,
    params=RETIREMENT
    + (
        Param("age_reference", "as_of", ASSUMED, "age is taken on the as_of date"),
    ),
)

V2020 = Version(
    label="2020",
    effective=dt.date(2020, 1, 1),
    ends=None,
    documents=(DOC_2016, DOC_2020),
    preconditions=ELIGIBILITY,
    followers=FOLLOWERS,
    waivers=WAIVERS,
    items=(
        EMPLOYMENT,
        RESIDENCE,
        LevelTable(
            key="education",
            label=T("education", "教育背景"),
            rows=(
                row("大专；本科学历或学士学位", "10.5",
                    Min(diploma=Dip.JUNIOR_COLLEGE), Min(degree=Deg.BACHELOR)),
                row("本科学历并学士学位；硕士研究生学历", "15",
                    Min(diploma=Dip.BACHELOR, degree=Deg.BACHELOR), Min(diploma=Dip.MASTER)),
                row("硕士研究生学历并硕士学位；博士学历或博士学位", "26",
                    Min(diploma=Dip.MASTER, degree=Deg.MASTER), Min(diploma=Dip.DOCTOR),
                    Min(degree=Deg.DOCTOR)),
                row("博士研究生学历并博士学位", "37", Min(diploma=Dip.DOCTOR, degree=Deg.DOCTOR)),
            ),
            citation=art("第五条(三)", doc=DOC_2020),
            provenance=SECONDARY,
        ),
        STUDY_DEDUCTION,
        Custom(
            key="job_home_area",
            label=T("job and home moved out of the centre", "职住区域"),
            fn=_job_home_moved(per_year_both=3, per_year_home=2, home_cap=12, cap=12),
            summary="job and home moved: 3 per full year; home only: 2 per full year; combined cap 12",
            citation=art("第五条(四)", doc=DOC_2020),
            provenance=SECONDARY,
        ),
        innovation("12", "6", DOC_2020, SECONDARY),
        PerRecord(
            key="tax",
            label=T("tax paid", "纳税"),
            select=record(RecordKind.TAX, qualifying=True, within_years=3),
            points=D(2),
            cap=D(6),
            citation=art("第五条(六)", doc=DOC_2020),
            provenance=SECONDARY,
        ),
        TAX_VIOLATIONS,
        AgeBands(
            key="age",
            label=T("age", "年龄"),
            bands=(
                band(None, 45, "20"),
                band(46, 46, "16"),
                band(47, 47, "12"),
                band(48, 48, "8"),
                band(49, 49, "4"),
            ),
            citation=art("第五条(七)", doc=DOC_2020),
            provenance=SECONDARY,
            note="20 up to 45, then 4 fewer for each year over 45",
        ),
        HONOURS,
        DETENTIONS,
    ),
    rounding=ROUNDING,
    ranking=RANKING,
    threshold=Threshold(
        label=T("2021 published cutoff (落户分值)", "2021年落户分值"),
        points=D("100.88"),
        citation=Citation(LIST_2021, "第6045名"),
        provenance=OFFICIAL,
    ),
    facts=FACTS,
    params=RETIREMENT
    + (
        Param(
            "age_reference",
            "as_of",
            ASSUMED,
            "age is taken on the as_of date; one published 2020 score (born 1969-11, age 4 points)"
            " suggests an earlier reference day, not confirmed",
        ),
        Param("validity_end", None, ASSUMED, "the 2020 revision's end date is not in our sources"),
    ),
    notes=("The official number and text of the 2020 revision are not in our sources.",),
)

SCHEME = Scheme(
    key="beijing",
    city="北京",
    name=T("Beijing points-based settlement", "北京市积分落户"),
    documents=(
        Document(DOC_2016, "北京市积分落户管理办法（试行）", effective=dt.date(2017, 1, 1)),
        Document(DOC_2020, "北京市积分落户管理办法（2020年修订，据公开计算器）", effective=dt.date(2020, 1, 1)),
        Document(LIST_2021, "北京市2021年积分落户公示名单（北京市人力资源和社会保障局）"),
    ),
    versions=(V2017, V2020),
)
