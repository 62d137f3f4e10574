"""北京市积分落户 — Beijing points-based settlement.

Sources:

* 京政办发〔2016〕39号 北京市积分落户管理办法（试行）, in force 2017-01-01 to 2019-12-31:
  the complete official table (第五条) and eligibility (第四条).
* The 2020 revision, as implemented by public calculators and confirmed by the published
  lists (FACTS.md: secondary).  Its official number and end date are not in our sources.

How published scores are computed in practice (FACTS.md, secondary, and the 2021 list):
points accrue per month (3/12 a month of insurance), every item is rounded to 2
decimals, and the total is the sum of the rounded items.

From 2020 the items follow the published 2020 and 2022 lists, which give every item's
points (FACTS.md, "What Beijing's published lists show"): each residence part rounded on
its own, a flat 7/24 study deduction a month, innovation options added up under 12, and a
round's data counted to the end of year Y−2 (``ROUNDS``).  Each such rule is declared once
below with its evidence, to be replaced there if an official text turns up.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_UP
from decimal import Decimal as D
from fractions import Fraction

import attrs

from pointscalc.model import Degree as Deg
from pointscalc.model import Diploma as Dip
from pointscalc.model import PeriodKind as K
from pointscalc.model import RecordKind, Relation
from pointscalc.rules import (
    Item,
    ANYWHERE,
    HIGHEST_DIPLOMA,
    Accrual,
    Accrue,
    AgeBands,
    BelowRetirementAge,
    Condition,
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
    PerMonthDeduction,
    PerRecord,
    Score,
    SumOf,
    Tier,
    YearsInTiers,
    band,
    months_of,
    record,
    row,
)
from pointscalc.scheme import (
    ASSUMED,
    NO_TEXT,
    OFFICIAL,
    SECONDARY,
    Citation,
    Document,
    Fact,
    Param,
    Provenance,
    Ranking,
    RankKey,
    Result,
    Round,
    Rounding,
    Scheme,
    T,
    Text,
    Threshold,
    Ties,
    Version,
    Waiver,
    WEAK,
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
        T("法定退休年龄 is set by national rules (国发〔1978〕104号), not by this document",
          "法定退休年龄由国家规定（国发〔1978〕104号），不由本办法规定"),
    ),
    Param("retirement_age_female", 50, ASSUMED, T("women workers; 55 for female cadres", "女工人；女干部为55周岁")),
    Param("retirement_age_female_cadre", 55, ASSUMED, T("with extra fact cadre = true", "其他信息 cadre = true 时适用")),
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
    note=T("3 a year is official; accrual by month (3/12 a month) is how scores are computed in practice",
           "每年3分为官方规定；按月累计（每月3/12分）是实际计分的做法"),
)

LISTS = "北京市积分落户公示名单(2020, 2022)"
"""The published lists with every item's points: the evidence for how items are computed
in practice (FACTS.md, "What Beijing's published lists show")."""


def lists(clause: str) -> Citation:
    return Citation(LISTS, clause)


ROUND_ITEM = Rounding(places=2, provenance=SECONDARY)
"""Every item to 2 decimals, half up: every published total is the sum of its items."""


def residence(owned: Rounding | None, provenance: Provenance = SECONDARY, note: Text | None = None) -> Accrual:
    return Accrual(
        key="residence",
        label=T("legal stable residence", "合法稳定住所"),
        measure=RESIDED,
        by="tenure",
        rates=(("owned", D(1)), ("rented", D("0.5")), ("dormitory", D("0.5"))),
        accrue=Accrue.YEARLY_PRO_RATA,
        not_more_than=INSURED,
        round_each=ROUND_ITEM if owned is not None else None,
        round_each_by=(("owned", owned),) if owned is not None else (),
        citation=art(
            "第五条(二)",
            "在自有产权住所每连续居住满1年积1分，在合法租赁住所和单位宿舍每连续居住满1年积0.5分。"
            "当连续居住年限多于缴纳社会保险年限，以连续缴纳社会保险年限作为连续居住年限",
        ),
        provenance=provenance,
        note=note or T("monthly accrual; the owned part (months × 1/12) and the rented or dormitory part"
                       " (months × 0.5/12) are each rounded to 2 decimals, then added: every row of the 2020 and 2022"
                       " lists fits this (secondary).  Where the cap bites, owned months are kept first (assumed)",
                       "按月累计；自有住所部分（月数 × 1/12）与租赁或宿舍部分（月数 × 0.5/12）各自四舍五入到2位小数后相加："
                       "2020年和2022年公示名单的每一行都符合（二手）。受上限限制时，优先保留自有住所月数（假定）"),
    )


RESIDENCE_2016 = residence(
    None,
    note=T("monthly accrual as in practice, rounded once for the line: the lists that show each tenure's part"
           " rounded on its own are of 2020 and 2022, none of 2018 or 2019; where the cap bites, owned months are kept"
           " first (assumed)",
           "按实际做法按月累计，整行只取舍一次：显示各类住所部分分别取舍的是2020年和2022年名单，"
           "2018、2019年名单均无；受上限限制时，优先保留自有住所月数（假定）"),
)
RESIDENCE = residence(ROUND_ITEM)
RESIDENCE_2022 = residence(
    Rounding(places=2, mode=ROUND_UP, provenance=WEAK),
    WEAK,
    T("monthly accrual; the owned part (months × 1/12) is rounded up and the rented or dormitory part (months ×"
      " 0.5/12) half up, each to 2 decimals, then added: fits all but 11 of the 6,006 rows of the 2022 list (weak;"
      " a count by days would explain it too)",
      "按月累计；自有住所部分（月数 × 1/12）向上取、租赁或宿舍部分（月数 × 0.5/12）四舍五入，各取2位小数后相加："
      "2022年名单6006行中除11行外均符合（存疑；按天计算也能解释）"),
)

STUDY_2016 = OverlapDeduction(
    key="study_overlap",
    label=T("insurance and residence during study", "取得学历期间的就业、住所积分"),
    of=("employment", "residence"),
    inside=STUDIED,
    alongside="education",
    citation=art(
        "第五条(三)", "取得学历（学位）期间连续缴纳社会保险年限及连续居住年限的积分与学历（学位）积分不累计"
    ),
    provenance=SECONDARY,
    note=T("what employment and residence earned in the study months, shown as a separate negative line; the"
           " flat 7/24 a month of the 2020 and 2022 lists is not known to apply to 2018 or 2019",
           "学习期间就业、住所所得积分，单列一行扣减；2020年和2022年名单每月固定扣7/24分的做法"
           "是否适用于2018、2019年未知"),
)

STUDY_DEDUCTION = PerMonthDeduction(
    key="study_overlap",
    label=T("insurance and residence during study", "取得学历期间的就业、住所积分"),
    inside=STUDIED,
    within=INSURED,
    per_month=Fraction(-7, 24),
    alongside="education",
    citation=art(
        "第五条(三)", "取得学历（学位）期间连续缴纳社会保险年限及连续居住年限的积分与学历（学位）积分不累计"
    ),
    provenance=SECONDARY,
    note=T("a fixed 7/24 point (0.25 employment + 0.5/12 residence) per study month that overlaps insured"
           " months, whatever the tenure: every non-zero deduction in the 2020 and 2022 lists is round(7m/24) for a"
           " whole m, and none occurs without education points (secondary)",
           "与参保月份重叠的每个学习月固定扣7/24分（就业0.25 + 住所0.5/12），不论住所类型：2020年和2022年名单中"
           "每个非零扣减都等于某个整数 m 的 round(7m/24)，且没有教育积分时从不扣减（二手）"),
)

OUTER = frozenset({"门头沟区", "房山区", "通州区", "顺义区", "昌平区", "大兴区", "怀柔区", "平谷区", "密云区", "延庆区"})
"""The ten districts outside 城六区."""
LIVED_CENTRAL = months_of(K.RESIDENCE, districts=CENTRAL_SIX)
HOME_OUT = months_of(K.RESIDENCE, districts=OUTER, since=SINCE_IN_FORCE)
JOB_OUT = months_of(K.EMPLOYMENT, districts=OUTER, since=SINCE_IN_FORCE)


def job_home_area(both: str, home: str, home_cap: str | None, citation: Citation, provenance: Provenance,
                  note: Text) -> YearsInTiers:
    """职住区域: full years since 2017 living (and working) outside the six central
    districts, for someone who lived there before, counted to the data day."""
    return YearsInTiers(
        key="job_home_area",
        label=T("job and home moved out of the centre", "职住区域"),
        after=LIVED_CENTRAL,
        after_missing=T("never lived in the six central districts", "未曾居住在城六区"),
        tiers=(
            Tier(T("job and home moved", "就业地和居住地均转移"), (HOME_OUT, JOB_OUT), D(both)),
            Tier(T("home only moved", "仅居住地转移"), (HOME_OUT,), D(home), D(home_cap) if home_cap else None),
        ),
        cap=D(12),
        citation=citation,
        provenance=provenance,
        note=note,
    )


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


def innovation_options(national: str, municipal: str, doc: str, provenance: Provenance) -> tuple[Item, ...]:
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

    return (
        award("national_award", "national award", "国家级奖项", national),
        award("municipal_award", "municipal award", "本市市级奖项", municipal),
        per_year("hitech_enterprise", "high-tech enterprise post", "国家高新技术企业任职", "2", "6"),
        per_year("incubator_startup", "incubated start-up", "孵化器、众创空间创业企业", "2", "6"),
        per_year("tech_service", "technology service body", "技术转移、科技服务机构", "1", "3"),
    )


INNOVATION_LABEL = T("innovation and entrepreneurship", "创新创业")

INNOVATION_2016 = HighestOf(
    key="innovation",
    label=INNOVATION_LABEL,
    options=innovation_options("12", "6", DOC_2016, OFFICIAL),
    citation=art("第五条(五)", "上述创新创业各项加分不累计，同时符合多项加分条件的，只计最高分"),
    provenance=OFFICIAL,
)

INNOVATION_2020 = SumOf(
    key="innovation",
    label=INNOVATION_LABEL,
    options=innovation_options("12", "6", DOC_2020, SECONDARY),
    cap=D(12),
    citation=art("第五条(五)", doc=DOC_2020),
    provenance=SECONDARY,
    note=T("options add up under the cap of 12: the 2020 list holds innovation scores of 5, 8, 9, 10 and 11,"
           " which no single option gives (secondary)",
           "各项累加，上限12分：2020年名单中有5、8、9、10、11分的创新创业积分，任何单项都给不出（二手）"),
)


RANKING = Ranking(
    keys=(RankKey("total", Score("total")),),
    ties=Ties.ADMIT_ALL,
    citation=art("第八条", "每年向社会公布积分落户分值"),
    provenance=OFFICIAL,
)

FACTS = (
    Fact("cadre", T("a woman whose retirement age is that of cadres (55), not workers (50)",
                    "按女干部（55周岁）而非女工人（50周岁）退休的女性"), bool),
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
        T("age points fall with age by design (45 and under: 20; fewer above), and eligibility ends at"
          " the statutory retirement age",
          "年龄积分按规定随年龄下降（45周岁及以下20分，以上递减），达到法定退休年龄即不再符合申请条件"),
        art("第五条(七)", "申请人年龄不超过45周岁的，加20分"),
        instead="older_never_gains",
    ),
)

WAIVERS_2020 = (
    *WAIVERS,
    Waiver(
        "monotone_insurance",
        T("the published lists deduct a flat 7/24 point for each study month inside the insured months, more than"
          " the 3/12 a month of insurance earns where no residence point is counted in that month: one more insured"
          " month during study can cost 1/24 point",
          "公示名单对参保期间内的每个学习月固定扣7/24分，多于当月不计住所积分时社保每月所得的3/12分："
          "学习期间多参保一个月可能反而少1/24分"),
        lists("学历（学位）期间扣减"),
        instead="monotone_insurance_outside_study",
    ),
)

LIST_2020 = "2020年积分落户公示名单"
LIST_2021 = "2021年积分落户公示名单"
"""The published lists: the last admitted score is the cutoff (tests/data)."""

# --- Rounds ---------------------------------------------------------------------------------

DATA_YEARS_BEFORE = 2
"""A round of year Y counts data to the end of year Y−2 (secondary): in the 2020 list someone
born 1972-12 has 16 age points and someone born 1973-01 has 20, and 职住区域 is at most 6
(two full years since 2017-01)."""
WINDOW = ((7, 1), (8, 1))
"""Application window of a round of year Y: [Y-07-01, Y-08-01).  Not in our sources (searched
for 北京 积分落户 申报 时间: only page titles, no dates): an assumed placeholder."""
QUOTA = 6000
"""About 6,000 places a year (FACTS.md, secondary)."""

AGE_REFERENCE = Param(
    "age_reference", T("data day", "数据截止日"), SECONDARY,
    T("age, months and full years are counted to the data day: a round's (end of year Y−2), else --as-of;"
      " evidence: the 2020 list's age points change between births 1972-12 (16) and 1973-01 (20)",
      "年龄、月数和满年数均计算至数据截止日：批次的数据截止日（Y−2年末），否则为 --as-of；"
      "依据：2020年名单中年龄积分在1972-12出生（16分）与1973-01出生（20分）之间变化"),
)
ROUND_PARAMS = (
    Param("data_day", T(f"end of year Y−{DATA_YEARS_BEFORE}", f"Y−{DATA_YEARS_BEFORE}年末"), SECONDARY,
          T("the 2020 list: born 1972-12 scores 16 age points, born 1973-01 scores 20; 职住区域 at most 6",
            "2020年名单：1972-12出生者年龄积分16分，1973-01出生者20分；职住区域最多6分")),
    Param("application_window", f"[Y-{WINDOW[0][0]:02d}-{WINDOW[0][1]:02d}, Y-{WINDOW[1][0]:02d}-{WINDOW[1][1]:02d})",
          ASSUMED, T("not in our sources (a search found page titles, no dates): a placeholder",
                     "我们的资料中没有（检索只找到网页标题，没有日期）：暂定值")),
    Param("quota", QUOTA, SECONDARY, T("about 6,000 places a year (FACTS.md); ties at the cutoff push it over",
                                       "每年约6000个名额（FACTS.md）；分数线上同分者全部录取，可能超出")),
)


def beijing_round(year: int, version: str, cutoff: str, admitted: int | None, citation: Citation,
                  provenance: Provenance, note: Text = NO_TEXT, scores: str | None = None) -> Round:
    return Round(
        id=str(year),
        label=T(f"{year} round", f"{year}年度积分落户"),
        version=version,
        data_day=dt.date(year - DATA_YEARS_BEFORE, 12, 31),
        window=(dt.date(year, *WINDOW[0]), dt.date(year, *WINDOW[1])),
        data_day_provenance=SECONDARY,
        window_provenance=ASSUMED,
        note=T("data day: the published lists; window: not in our sources",
               "数据截止日：据公示名单；申报期：我们的资料中没有"),
        quota=QUOTA,
        quota_provenance=SECONDARY,
        result=Result(cutoff, admitted, citation, provenance, note, scores),
    )


CUTOFFS = "北京积分落户历年落户分值(二手)"
"""The cutoff history of FACTS.md: secondary sources and one public calculator's table."""


def history(year: int) -> Citation:
    return Citation(CUTOFFS, f"{year}年落户分值")


NOT_CONFIRMED = T("one public calculator's table, not confirmed", "来自一个公开计算器的表格，未经证实")
PUBLISHED = T("the published list", "公示名单")
ROUNDS = (
    beijing_round(2018, "2017", "90.75", 6019, history(2018), SECONDARY,
                  T("FACTS.md: 6,019 admitted of 124,657 applicants", "FACTS.md：124657名申请人中落户6019人")),
    beijing_round(2019, "2017", "93.58", None, history(2019), SECONDARY, NOT_CONFIRMED),
    beijing_round(2020, "2020", "97.13", 6032, Citation(LIST_2020, "第6032名"), OFFICIAL, PUBLISHED),
    beijing_round(2021, "2020", "100.88", 6045, Citation(LIST_2021, "第6045名"), OFFICIAL, PUBLISHED,
                  scores="beijing-2021-published.csv"),
    beijing_round(2022, "2022", "105.42", None, lists("2022年落户分值"), SECONDARY,
                  T("confirmed by the published list", "已由公示名单证实")),
    beijing_round(2023, "2022", "109.92", None, history(2023), SECONDARY, NOT_CONFIRMED),
    beijing_round(2024, "2022", "114.46", None, history(2024), SECONDARY, NOT_CONFIRMED),
)

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
        RESIDENCE_2016,
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
            note=T("a diploma without its degree earns the row below (本科 alone: 10.5); assumed",
                   "有学历无相应学位者按下一档计分（仅本科学历：10.5分）；假定"),
        ),
        STUDY_2016,
        job_home_area(
            "4", "2", "6",
            art("第五条(四)", "每满1年加2分，最高加6分；……均……转移……每满1年加4分，最高加12分"),
            OFFICIAL,
            T("needs residence (and employment) periods with districts; full years from 2017-01 to the data day",
              "需要填写区的居住（及就业）时段；满年数自2017-01计算至数据截止日"),
        ),
        INNOVATION_2016,
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
        round="2018",
        points=D("90.75"),
        citation=art("第八条", "每年向社会公布积分落户分值"),
        provenance=SECONDARY,
    ),
    facts=FACTS,
    params=RETIREMENT + (AGE_REFERENCE, *ROUND_PARAMS),
)

V2020 = Version(
    label="2020",
    effective=dt.date(2020, 1, 1),
    ends=None,
    documents=(DOC_2016, DOC_2020),
    preconditions=ELIGIBILITY,
    followers=FOLLOWERS,
    waivers=WAIVERS_2020,
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
        job_home_area(
            "3", "2", None,
            art("第五条(四)", doc=DOC_2020),
            SECONDARY,
            T("job and home moved: 3 per full year; home only: 2 per full year; combined cap 12; full years from"
              " 2017-01 to the data day: the 2020 list holds only 0, 2, 3, 4, 5 and 6, at most two full years"
              " to 2018-12-31 (secondary)",
              "就业地和居住地均转移：每满1年3分；仅居住地转移：每满1年2分；合计上限12分；满年数自2017-01计算至"
              "数据截止日：2020年名单中只有0、2、3、4、5、6分，至2018-12-31最多满两年（二手）"),
        ),
        INNOVATION_2020,
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
            note=T("20 up to 45, then 4 fewer for each year over 45, by age on the data day: the 2020 list gives"
                   " 16 to births of 1972-12 and 20 to births of 1973-01 (secondary)",
                   "45周岁及以下20分，超过45周岁每岁减4分，按数据截止日的年龄计算：2020年名单中1972-12出生者16分，"
                   "1973-01出生者20分（二手）"),
        ),
        HONOURS,
        DETENTIONS,
    ),
    rounding=ROUNDING,
    ranking=RANKING,
    threshold=Threshold(
        label=T("2021 published cutoff (落户分值)", "2021年落户分值"),
        round="2021",
        points=D("100.88"),
        citation=Citation(LIST_2021, "第6045名"),
        provenance=OFFICIAL,
    ),
    facts=FACTS,
    params=RETIREMENT
    + (
        AGE_REFERENCE,
        *ROUND_PARAMS,
        Param("validity_end", None, ASSUMED, T("the 2020 revision's end date is not in our sources",
                                               "我们的资料中没有2020年修订版的截止日期")),
    ),
    notes=(T("The official number and text of the 2020 revision are not in our sources.",
             "我们的资料中没有2020年修订版的文号和原文。"),),
)

V2022 = attrs.evolve(
    V2020,
    label="2022",
    effective=dt.date(2022, 1, 1),
    ends=None,
    items=tuple(RESIDENCE_2022 if it.key == "residence" else it for it in V2020.items),
    threshold=Threshold(
        label=T("2022 published cutoff (落户分值)", "2022年落户分值"),
        round="2022",
        points=D("105.42"),
        citation=lists("2022年落户分值"),
        provenance=SECONDARY,
    ),
    notes=(*V2020.notes, T("Not a new text: the 2020 table as the 2022 list shows it applied, with the owned part"
                           " of residence rounded up (weak).",
                           "并非新文件：即2022年名单所示适用的2020年积分表，住所积分的自有部分向上取（存疑）。")),
)
V2020 = attrs.evolve(V2020, ends=dt.date(2022, 1, 1))

SCHEME = Scheme(
    key="beijing",
    city="北京",
    name=T("Beijing points-based settlement", "北京市积分落户"),
    documents=(
        Document(DOC_2016, "北京市积分落户管理办法（试行）", effective=dt.date(2017, 1, 1)),
        Document(DOC_2020, "北京市积分落户管理办法（2020年修订，据公开计算器）", effective=dt.date(2020, 1, 1)),
        Document(LIST_2020, "北京市2020年积分落户公示名单（北京市人力资源和社会保障局）"),
        Document(LIST_2021, "北京市2021年积分落户公示名单（北京市人力资源和社会保障局）"),
        Document(LISTS, "北京市2020年、2022年积分落户公示名单（逐项分值）"),
        Document(CUTOFFS, "北京积分落户历年落户分值（二手来源与公开计算器，FACTS.md）"),
    ),
    versions=(V2017, V2020, V2022),
    rounds=ROUNDS,
)
