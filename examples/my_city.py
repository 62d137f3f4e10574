"""ILLUSTRATION ONLY — an invented points scheme for 无锡, the worked example of
docs/writing-a-scheme.md.

This is NOT 无锡's policy.  The document, its clauses and every number below are invented
to show the scheme vocabulary, and each is marked ``ASSUMED``.  A real scheme cites a
real document by its official number (文号) and quotes the clause next to each number.

Load it by path:

    pointscalc show examples/my_city.py
    pointscalc score examples/my_city.py applicant.toml --as-of 2024-06-30

Layout, top to bottom like a policy table: the document, the measures of months, the
conditions (第三条), the direct channel (第四条), the items (第五条), then the versions and
``SCHEME``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import attrs

from pointscalc.model import Degree as Deg
from pointscalc.model import Diploma as Dip
from pointscalc.model import PeriodKind as K
from pointscalc.model import Qualification as Q
from pointscalc.model import RecordKind, Relation
from pointscalc.model import Title as Ti
from pointscalc.rules import (
    Accrual,
    Accrue,
    AgeBands,
    Channel,
    Condition,
    DayOfYear,
    FactIs,
    FirstMonth,
    Flag,
    Follower,
    HighestOf,
    HoldsAt,
    LevelTable,
    Min,
    MonthCount,
    MonthsAtLeast,
    Not,
    PerRecord,
    Score,
    band,
    months_of,
    record,
    row,
)
from pointscalc.scheme import (
    ASSUMED,
    Citation,
    Document,
    Fact,
    Param,
    Ranking,
    RankKey,
    Rounding,
    Scheme,
    T,
    Threshold,
    Ties,
    Version,
    Waiver,
)

DOC = "无锡积分落户示例办法（虚构）"
"""An invented document.  A real scheme uses the official number, e.g. 京政办发〔2016〕39号."""


def art(clause: str, quote: str = "") -> Citation:
    return Citation(DOC, clause, quote)


COUNTY_CITIES = frozenset({"江阴市", "宜兴市"})
"""The county-level cities of 无锡 (pointscalc/data/districts.csv), for the channel of 第四条."""
SINCE_IN_FORCE = dt.date(2023, 1, 1)
"""自本办法施行之日起: violations count from here."""

# --- What counts as which months -------------------------------------------------------------

INSURED = months_of(K.SOCIAL_INSURANCE, where={"scheme": "urban_employee"})
"""城镇职工社会保险, cumulative, anywhere in 无锡."""
RESIDED = months_of(K.RESIDENCE, continuous=True)
"""连续居住: only the unbroken run reaching --as-of counts."""
PERMIT = months_of(K.RESIDENCE_PERMIT)
PERMIT_COUNTY = months_of(K.RESIDENCE_PERMIT, districts=COUNTY_CITIES)
FUND = months_of(K.HOUSING_FUND)
KEY_INDUSTRY = months_of(K.EMPLOYMENT, where={"key_industry": True})

# --- 第三条 conditions of the points path ----------------------------------------------------

ELIGIBILITY = (
    Condition(
        key="residence_permit",
        label=T("holds a Wuxi residence permit", "持有本市居住证"),
        test=HoldsAt(measure=PERMIT),
        citation=art("第三条(一)", "持有本市居住证"),
        provenance=ASSUMED,
    ),
    Condition(
        key="insured_24_months",
        label=T("24+ months of urban employee insurance", "累计缴纳城镇职工社会保险24个月以上"),
        test=MonthsAtLeast(measure=INSURED, months=24),  # ASSUMED: 24
        citation=art("第三条(二)", "累计缴纳城镇职工社会保险24个月以上"),
        provenance=ASSUMED,
    ),
    Condition(
        key="no_criminal_record",
        label=T("no criminal record", "无刑事犯罪记录"),
        test=Not(predicate=record(RecordKind.VIOLATION, type="criminal")),
        citation=art("第三条(三)", "无刑事犯罪记录"),
        provenance=ASSUMED,
    ),
)

# --- 第四条 a direct channel: no points needed ------------------------------------------------

COUNTY_CHANNEL = Channel(
    key="county_cities",
    label=T("江阴 or 宜兴: permit + 12 months' insurance", "江阴、宜兴落户"),
    conditions=(
        Condition(
            key="permit_county",
            label=T("holds a residence permit of 江阴 or 宜兴", "持有江阴、宜兴居住证"),
            test=HoldsAt(measure=PERMIT_COUNTY),
            citation=art("第四条", "持有江阴市、宜兴市居住证"),
            provenance=ASSUMED,
        ),
        Condition(
            key="insured_12_months",
            label=T("12+ months of urban employee insurance", "缴纳城镇职工社会保险12个月以上"),
            test=MonthsAtLeast(measure=INSURED, months=12),  # ASSUMED: 12
            citation=art("第四条", "缴纳城镇职工社会保险12个月以上的，即可办理落户"),
            provenance=ASSUMED,
        ),
    ),
    citation=art("第四条", "即可办理落户"),
    followers=(
        Follower(relation=Relation.SPOUSE, citation=art("第四条"), provenance=ASSUMED),
        Follower(relation=Relation.CHILD, minor=True, citation=art("第四条"), provenance=ASSUMED),
    ),
    provenance=ASSUMED,
)

# --- 第五条 the points table (every number ASSUMED) ------------------------------------------

INSURANCE = Accrual(
    key="social_insurance",
    label=T("urban employee social insurance", "社会保险"),
    measure=INSURED,
    rate=D(3),  # ASSUMED: 3 a year
    accrue=Accrue.YEARLY_PRO_RATA,
    cap=D(30),  # ASSUMED: cap 30
    citation=art("第五条(一)", "每缴纳满1年积3分，按月折算，最高30分"),
    provenance=ASSUMED,
    note=T("按月折算: 3/12 a month", "按月折算：每月3/12分"),
)

RESIDENCE = Accrual(
    key="residence",
    label=T("legal stable residence", "合法稳定住所"),
    measure=RESIDED,
    by="tenure",
    rates=(("owned", D(2)), ("rented", D(1)), ("dormitory", D(1))),  # ASSUMED: 2, 1, 1 a year
    accrue=Accrue.YEARLY_PRO_RATA,
    not_more_than=INSURED,
    citation=art("第五条(二)", "自有住房每连续居住满1年积2分，租赁住房和单位宿舍积1分；居住年限不超过社保年限"),
    provenance=ASSUMED,
    note=T("monthly accrual; where the insurance limit bites, owned months are kept first",
           "按月累计；受参保年限限制时，优先保留自有住房月数"),
)

EDUCATION = LevelTable(
    key="education",
    label=T("education", "学历"),
    rows=(  # ASSUMED: 10, 20, 30, 40
        row("大专", "10", Min(diploma=Dip.JUNIOR_COLLEGE)),
        row("本科并学士学位", "20", Min(diploma=Dip.BACHELOR, degree=Deg.BACHELOR)),
        row("硕士研究生", "30", Min(diploma=Dip.MASTER)),
        row("博士研究生", "40", Min(diploma=Dip.DOCTOR)),
    ),
    citation=art("第五条(三)", "以最高学历计分，不累计"),
    provenance=ASSUMED,
    note=T("本科 without the 学士 degree earns the 大专 row", "有本科学历无学士学位者按大专计分"),
)

SKILL = LevelTable(
    key="skill",
    label=T("skill or title", "技能等级或职称"),
    rows=(  # ASSUMED: 5, 10, 15, 20
        row("四级或初级职称", "5", Min(qualification=Q.LEVEL4), Min(title=Ti.JUNIOR)),
        row("三级或中级职称", "10", Min(qualification=Q.LEVEL3), Min(title=Ti.INTERMEDIATE)),
        row("二级", "15", Min(qualification=Q.LEVEL2)),
        row("一级或副高及以上", "20", Min(qualification=Q.LEVEL1), Min(title=Ti.ASSOCIATE_SENIOR)),
    ),
    citation=art("第五条(四)", "技能等级与职称按最高一项计分"),
    provenance=ASSUMED,
)


AGE = AgeBands(
    key="age",
    label=T("age", "年龄"),
    bands=(band(18, 35, "10"), band(36, 45, "5")),  # ASSUMED: 18–35: 10; 36–45: 5
    reference=DayOfYear(1, 1),  # 1 January of the application year (an invented rule)
    citation=art("第五条(五)", "以申请当年1月1日计算周岁"),
    provenance=ASSUMED,
)

FUND_YEARS = Accrual(
    key="housing_fund",
    label=T("housing provident fund", "住房公积金"),
    measure=FUND,
    rate=D(1),  # ASSUMED: 1 per full year
    accrue=Accrue.FULL_YEARS,
    cap=D(5),  # ASSUMED: cap 5
    citation=art("第五条(六)", "每缴存满1年积1分，最高5分"),
    provenance=ASSUMED,
)

KEY_INDUSTRY_YEARS = Accrual(
    key="key_industry",
    label=T("work in a key industry", "重点产业就业"),
    measure=KEY_INDUSTRY,
    rate=D(2),  # ASSUMED: 2 per full year
    accrue=Accrue.FULL_YEARS,
    cap=D(10),  # ASSUMED: cap 10
    citation=art("第五条(七)", "在重点产业企业就业每满1年积2分，最高10分"),
    provenance=ASSUMED,
    note=T("reads employment periods marked key_industry = true (a scheme fact)",
           "读取标记 key_industry = true 的就业时段（本方案的其他信息）"),
)

TALENT_CARD = Flag(
    key="talent_card",
    label=T("talent card holder", "人才卡"),
    when=FactIs(name="talent_card", values=frozenset({True})),
    points=D(5),  # ASSUMED: 5
    citation=art("第五条(八)", "持有本市人才卡的，加5分"),
    provenance=ASSUMED,
)

HONOURS = HighestOf(
    key="honours",
    label=T("honours", "荣誉表彰"),
    options=(
        Flag(
            key="national_honour",
            label=T("national honour", "国家级表彰"),
            when=record(RecordKind.HONOUR, level="national"),
            points=D(10),  # ASSUMED: 10
            citation=art("第五条(九)"),
            provenance=ASSUMED,
        ),
        Flag(
            key="provincial_honour",
            label=T("provincial honour", "省级表彰"),
            when=record(RecordKind.HONOUR, level="provincial"),
            points=D(5),  # ASSUMED: 5
            citation=art("第五条(九)"),
            provenance=ASSUMED,
        ),
    ),
    citation=art("第五条(九)", "获国家级表彰加10分，省级表彰加5分，只计最高一项"),
    provenance=ASSUMED,
)

VIOLATIONS = PerRecord(
    key="violations",
    label=T("detentions and dishonesty records", "行政拘留、失信记录"),
    select=record(RecordKind.VIOLATION, type=frozenset({"detention", "credit"}), since=SINCE_IN_FORCE),
    points=D(-10),  # ASSUMED: −10 a record
    citation=art("第五条(十)", "自本办法施行之日起，每条记录减10分"),
    provenance=ASSUMED,
)

ITEMS_2023 = (
    INSURANCE, RESIDENCE, FUND_YEARS, EDUCATION, SKILL, AGE,
    KEY_INDUSTRY_YEARS, TALENT_CARD, HONOURS, VIOLATIONS,
)  # fmt: skip

FACTS = (
    Fact("talent_card", T("holds a Wuxi talent card (人才卡)", "持有无锡人才卡"), bool),
    Fact("key_industry", T("an employment period in a key-industry enterprise (重点产业)", "在重点产业企业就业的时段"), bool,
         period_kind=K.EMPLOYMENT),
)

V2023 = Version(
    label="2023",
    effective=dt.date(2023, 1, 1),
    ends=dt.date(2025, 1, 1),  # exclusive: 2024-12-31 is the last day
    documents=(DOC,),
    preconditions=ELIGIBILITY,
    items=ITEMS_2023,
    channels=(COUNTY_CHANNEL,),
    rounding=Rounding(places=2, provenance=ASSUMED),
    ranking=Ranking(
        keys=(
            RankKey("total", Score("total")),
            RankKey("insured", MonthCount(INSURED)),
            RankKey("registered", FirstMonth(PERMIT), descending=False),
        ),
        ties=Ties.STRICT,
        citation=art("第六条", "总积分相同的，依次按社保缴纳月数、居住证办理时间先后排序"),
        provenance=ASSUMED,
    ),
    base_items=frozenset({"social_insurance", "residence", "housing_fund", "education", "skill", "age"}),
    threshold=Threshold(
        label=T("standard score (达标分值)", "达标分值"),
        points=D(60),  # ASSUMED: 60
        citation=art("第七条", "总积分达到60分的，可以申请"),
        provenance=ASSUMED,
    ),
    facts=FACTS,
    params=(
        Param("age_reference", T("1 January of the as_of year", "--as-of 当年1月1日"), ASSUMED,
              "AgeBands.reference = DayOfYear(1, 1)", art("第五条(五)")),
    ),
    # Notes, like labels, may be given in both languages; a plain string is shown as written.
    notes=(T("ILLUSTRATION ONLY: an invented scheme, not 无锡's policy; every number is assumed.",
             "仅为示例：虚构的方案，并非无锡的政策；所有数值均为假定。"),),
    # The age points fall with age on purpose: say so, with the clause, for `pointscalc audit`.
    waivers=(Waiver("age_blind", T("age points fall with age by design (18–35: 10; 36–45: 5)",
                                   "年龄积分按规定随年龄下降（18–35周岁10分；36–45周岁5分）"),
                    art("第五条(五)"), instead="older_never_gains"),),
)

# --- A numeric change is a new version: same items, one value replaced -----------------------

V2025 = attrs.evolve(
    V2023,
    label="2025",
    effective=dt.date(2025, 1, 1),
    ends=None,
    items=tuple(
        attrs.evolve(it, cap=D(40), citation=art("第五条(一)", "最高40分（2025年修订）"))  # ASSUMED: cap 40
        if it.key == "social_insurance" else it
        for it in ITEMS_2023
    ),
    notes=V2023.notes + (T("2025: the insurance cap rises from 30 to 40 (invented).", "2025年：社会保险积分上限由30分提高到40分（虚构）。"),),
)

SCHEME = Scheme(
    key="wuxi-example",
    city="无锡",
    name=T("Wuxi points scheme (invented example)", "无锡积分落户（虚构示例）"),
    documents=(Document(DOC, "无锡积分落户示例办法（虚构，仅供说明）", effective=dt.date(2023, 1, 1)),),
    versions=(V2023, V2025),
)
