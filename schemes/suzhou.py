"""苏州市流动人口积分管理 — Suzhou points-based settlement.

Sources:

* 苏州市流动人口积分管理办法 (2016, in force from 2016-01-15): the official procedure —
  eligibility (第九条), ties (第七条), settlement conditions (第十八条), quota rounds
  (第十九、二十条), followers (第二十二条).  It has no official number in our sources.
* 苏州市流动人口积分管理计分标准: its values are not in our sources; the values below are
  those of a 2019 agency page (FACTS.md, secondary), one of them weak.
* 苏府办〔2020〕313号 (四): one points policy for the whole city, differentiated between
  市区 and the county-level cities, each with its own standard score (FACTS.md, weak).

Score = 基础分 + 附加分 + 扣减分 (第八条).  Ties go to the higher 基础分, then to the earlier
residence registration (第七条).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import attrs

from pointscalc.model import Diploma as Dip
from pointscalc.model import PeriodKind as K
from pointscalc.model import Qualification as Q
from pointscalc.model import RecordKind, Relation
from pointscalc.model import Title as Ti
from pointscalc.recognition import Agreement, Status
from pointscalc.rules import (
    Accrual,
    Accrue,
    AgeBands,
    AllOf,
    AnyOf,
    BornFrom,
    Condition,
    FirstMonth,
    Flag,
    Follower,
    HoldsAt,
    HomeInArea,
    InAnyGroup,
    LevelTable,
    Min,
    MonthsAtLeast,
    PerRecord,
    RuralOrigin,
    Score,
    WholeFamily,
    band,
    months_of,
    record,
    row,
)
from pointscalc.scheme import (
    ASSUMED,
    SECONDARY,
    WEAK,
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

DOC_2016 = "苏州市流动人口积分管理办法(2016)"
STANDARD = "苏州市流动人口积分管理计分标准"
DOC_2020 = "苏府办〔2020〕313号"


def art(clause: str, quote: str = "", doc: str = DOC_2016) -> Citation:
    return Citation(doc, clause, quote)


def standard(item: str) -> Citation:
    return Citation(STANDARD, item)


URBAN_2016 = frozenset({"吴中区", "相城区", "姑苏区", "苏州工业园区", "苏州高新区", "虎丘区"})
"""市区 as 2016 第二条 defines it: 吴中区、相城区、姑苏区、工业园区和高新区 (高新区 is 虎丘区)."""

AREAS_2020: dict[str, frozenset[str]] = {
    "市区": frozenset({"吴江区", "吴中区", "相城区", "姑苏区", "苏州工业园区", "苏州高新区", "虎丘区"}),
    "昆山": frozenset({"昆山市"}),
    "常熟": frozenset({"常熟市"}),
    "张家港": frozenset({"张家港市"}),
    "太仓": frozenset({"太仓市"}),
}
"""Target areas of 苏府办〔2020〕313号 (四): 市辖区 and the county-level cities."""

# --- months --------------------------------------------------------------------------------

INSURED_ANYWHERE = months_of(K.SOCIAL_INSURANCE, where={"scheme": "urban_employee"})
"""Urban employee insurance anywhere in 苏州大市 (FACTS.md)."""
INSURED_URBAN = months_of(K.SOCIAL_INSURANCE, districts=URBAN_2016)
PERMIT_URBAN = months_of(K.RESIDENCE_PERMIT, districts=URBAN_2016)
RESIDED_URBAN = months_of(K.RESIDENCE, districts=URBAN_2016, continuous=True)
PERMIT_CITY = months_of(K.RESIDENCE_PERMIT)
RESIDED_CITY = months_of(K.RESIDENCE, continuous=True)
INSURED_CITY = months_of(K.SOCIAL_INSURANCE)
FUND = months_of(K.HOUSING_FUND)

# --- 第十八条: a home of at least the housing-security floor area per person ----------------

FLOOR_AREA = Param(
    "floor_area_per_person",
    D(18),
    ASSUMED,
    T("人均住房面积不低于市区住房保障准入标准: the standard's figure is not in our sources;"
      " 18 m² is a placeholder to replace",
      "人均住房面积不低于市区住房保障准入标准：我们的资料中没有该标准的数值；18㎡为待替换的暂定值"),
    art("第十八条"),
)


# --- 计分标准 (secondary, 2019) ------------------------------------------------------------

AGE = AgeBands(
    key="age",
    label=T("age", "年龄"),
    bands=(band(18, 40, "10"),),
    citation=standard("基础分·年龄"),
    provenance=SECONDARY,
)

EDUCATION = LevelTable(
    key="education",
    label=T("education", "文化程度"),
    rows=(
        row("大专", "30", Min(diploma=Dip.JUNIOR_COLLEGE)),
        row("本科", "60", Min(diploma=Dip.BACHELOR)),
        row("硕士", "200", Min(diploma=Dip.MASTER)),
        row("博士", "400", Min(diploma=Dip.DOCTOR)),
    ),
    citation=standard("基础分·文化程度"),
    provenance=SECONDARY,
)

SKILL = LevelTable(
    key="skill",
    label=T("skill or title", "技能等级或职称"),
    rows=(
        row("五级/初级工", "10", Min(qualification=Q.LEVEL5)),
        row("四级或初级职称", "30", Min(qualification=Q.LEVEL4), Min(title=Ti.JUNIOR)),
        row("三级或中级职称", "50", Min(qualification=Q.LEVEL3), Min(title=Ti.INTERMEDIATE)),
        row("二级/技师", "100", Min(qualification=Q.LEVEL2)),
        row("一级/高级技师或副高及以上", "300", Min(qualification=Q.LEVEL1), Min(title=Ti.ASSOCIATE_SENIOR)),
    ),
    citation=standard("基础分·技能或职称"),
    provenance=SECONDARY,
)

INSURANCE = Accrual(
    key="social_insurance",
    label=T("urban employee social insurance", "城镇职工社会保险"),
    measure=INSURED_ANYWHERE,
    rate=D(5),
    accrue=Accrue.MONTHLY,
    cap=D(500),
    citation=standard("基础分·社会保险"),
    provenance=WEAK,
    note=T("5 per full month, cap 500: the unit is unclear in the source", "每满1个月5分，上限500分：来源中计分单位不明确"),
)

HOUSING_FUND = Accrual(
    key="housing_fund",
    label=T("housing provident fund", "住房公积金"),
    measure=FUND,
    rate=D(5),
    accrue=Accrue.FULL_YEARS,
    citation=standard("基础分·住房公积金"),
    provenance=ASSUMED,
    note=T("5 per full year is secondary; no cap was found, so none is applied (assumed)",
           "每满1年5分来自二手来源；未找到上限，故不设上限（假定）"),
)

HONOURS = Flag(
    key="honours",
    label=T("awards (附加分)", "表彰奖励（附加分）"),
    when=record(RecordKind.HONOUR, level=frozenset({"national", "provincial", "municipal"})),
    points=D(10),
    citation=standard("附加分·表彰奖励"),
    provenance=ASSUMED,
    note=T("the category is secondary; the value 10 is a placeholder", "该类别来自二手来源；10分为暂定值"),
)

INVENTIONS = PerRecord(
    key="inventions",
    label=T("inventions (附加分)", "发明创造（附加分）"),
    select=record(RecordKind.INNOVATION, category="patent_invention"),
    points=D(10),
    cap=D(30),
    citation=standard("附加分·发明创造"),
    provenance=ASSUMED,
    note=T("the category is secondary; 10 per invention patent, cap 30, are placeholders",
           "该类别来自二手来源；每项发明专利10分、上限30分均为暂定值"),
)

VIOLATIONS = PerRecord(
    key="violations",
    label=T("violations (扣减分)", "违法犯罪（扣减分）"),
    select=record(RecordKind.VIOLATION, type=frozenset({"criminal", "detention"}), within_years=5),
    points=D(-50),
    citation=standard("扣减分·违法犯罪"),
    provenance=ASSUMED,
    note=T("the category is secondary; −50 per record in the last 5 years is a placeholder",
           "该类别来自二手来源；近5年内每条记录扣50分为暂定值"),
)

BASE = frozenset({"age", "education", "skill", "social_insurance", "housing_fund"})

RANKING_2016 = Ranking(
    keys=(
        RankKey("total", Score("total")),
        RankKey("base", Score("base")),
        RankKey("registered", FirstMonth(PERMIT_URBAN), descending=False),
    ),
    ties=Ties.STRICT,
    citation=art("第七条", "在总积分相同的情况下，根据申请人基础分高低情况进行排名；基础分再次相同的，"
                 "根据申请人办理居住登记时间先后顺序进行排名"),
    family_rule=art("第七条", "其未成年子女申请享受相关待遇时，按就高原则，只取夫妻一方的积分，"
                    "在总分相同时，夫妻另一方积分作为排名参考"),
)

FOLLOWERS = (
    Follower(relation=Relation.SPOUSE, citation=art("第二十二条", "其配偶和未成年子女可以随迁")),
    Follower(relation=Relation.CHILD, minor=True, citation=art("第二十二条", "其配偶和未成年子女可以随迁")),
)
"""第二十二条: 获得户籍准入资格的申请人，其配偶和未成年子女可以随迁."""

AGE_WAIVER = Waiver(
    "age_blind",
    T("the base score gives age points to applicants aged 18 to 40 only (基础分·年龄)",
      "基础分只给18至40周岁的申请人年龄积分（基础分·年龄）"),
    standard("基础分·年龄"),
    instead="older_never_gains",
)

V2016 = Version(
    label="2016",
    effective=dt.date(2016, 1, 15),
    ends=dt.date(2020, 12, 17),
    documents=(DOC_2016, STANDARD),
    preconditions=(
        Condition(
            key="insured",
            label=T("insured in 市区", "在市区参加社会保险"),
            test=HoldsAt(measure=INSURED_URBAN),
            citation=art("第九条", "在市区范围内，参加社会保险"),
        ),
        Condition(
            key="residence_permit",
            label=T("holds a residence permit in 市区", "已办理居住证"),
            test=HoldsAt(measure=PERMIT_URBAN),
            citation=art("第九条", "已办理居住证"),
        ),
        Condition(
            key="resided_1_year",
            label=T("1+ year of continuous legal residence in 市区", "连续合法居住一年以上"),
            test=MonthsAtLeast(measure=RESIDED_URBAN, months=12),
            citation=art("第九条", "连续合法居住一年以上（含一年）"),
        ),
        Condition(
            key="stable_home",
            label=T("a stable home meeting the floor-area standard", "合法稳定住所且人均住房面积达标"),
            test=HomeInArea(districts=URBAN_2016),
            citation=art("第十八条", "在市区具有合法稳定住所且人均住房面积不低于市区住房保障准入标准"),
            provenance=ASSUMED,
        ),
    ),
    items=(AGE, EDUCATION, SKILL, INSURANCE, HOUSING_FUND, HONOURS, INVENTIONS, VIOLATIONS),
    rounding=Rounding(places=2, provenance=ASSUMED),
    followers=FOLLOWERS,
    waivers=(AGE_WAIVER,),
    ranking=RANKING_2016,
    base_items=BASE,
    params=(FLOOR_AREA,),
    notes=(
        T("第四十四条: points are valid for the current year only.", "第四十四条：积分仅当年有效。"),
    ),
)

# --- (四) priority groups ------------------------------------------------------------------

FIVE_YEARS = 60


FIVE_YEARS_MET = AnyOf(predicates=(
    MonthsAtLeast(measure=INSURED_CITY, months=FIVE_YEARS),
    MonthsAtLeast(measure=PERMIT_CITY, months=FIVE_YEARS),
    MonthsAtLeast(measure=months_of(K.RESIDENCE), months=FIVE_YEARS),
))
"""5 years employed (insured) or resident (a permit, or living here): 60 months of any."""

NEW_GENERATION = AllOf(predicates=(BornFrom(year=1980), RuralOrigin()))
"""新生代农民工: born in 1980 or later, with a rural hukou.  This reads hukou origin, which a
fair scheme otherwise never does: the policy names this group on purpose."""


PRIORITY = InAnyGroup(groups=(
    Condition(key="five_years", label=T("employed or resident 5+ years", "城镇就业、居住5年以上"),
              test=FIVE_YEARS_MET, citation=Citation(DOC_2020, "(四)", "城镇就业、居住5年以上"),
              provenance=ASSUMED),
    Condition(key="whole_family", label=T("whole family moving", "举家迁徙"),
              test=WholeFamily(), citation=Citation(DOC_2020, "(四)", "举家迁徙的农业转移人口"),
              provenance=ASSUMED),
    Condition(key="new_generation", label=T("new-generation migrant worker", "新生代农民工"),
              test=NEW_GENERATION, citation=Citation(DOC_2020, "(四)", "以及新生代农民工"),
              provenance=ASSUMED),
))
"""(四) 优先解决好城镇就业、居住5年以上和举家迁徙的农业转移人口，以及新生代农民工的落户问题.
The groups are official; ranking them ahead of everyone else, and what counts as each
group (60 months; spouse and minor children; born 1980 or later with a rural hukou), are
our reading: assumed."""

TARGET_AREA = Fact(
    "target_area",
    T("where the applicant settles: 市区, 昆山, 常熟, 张家港 or 太仓 (苏府办〔2020〕313号 (四))",
      "申请落户的区域：市区、昆山、常熟、张家港或太仓（苏府办〔2020〕313号 (四)）"),
    str,
    choices=tuple(AREAS_2020),
    required=True,
)

V2020 = Version(
    label="2020",
    effective=dt.date(2020, 12, 17),
    ends=None,
    documents=(DOC_2016, STANDARD, DOC_2020),
    preconditions=(
        Condition(
            key="insured",
            label=T("insured in Suzhou", "在苏州参加社会保险"),
            test=HoldsAt(measure=INSURED_CITY),
            citation=art("第九条", "参加社会保险"),
        ),
        Condition(
            key="residence_permit",
            label=T("holds a Suzhou residence permit", "已办理居住证"),
            test=HoldsAt(measure=PERMIT_CITY),
            citation=art("第九条", "已办理居住证"),
        ),
        Condition(
            key="resided_1_year",
            label=T("1+ year of continuous legal residence", "连续合法居住一年以上"),
            test=MonthsAtLeast(measure=RESIDED_CITY, months=12),
            citation=art("第九条", "连续合法居住一年以上（含一年）"),
        ),
        Condition(
            key="stable_home",
            label=T("a stable home in the target area meeting the floor-area standard",
                    "在落户区域有合法稳定住所且人均住房面积达标"),
            test=HomeInArea(by_fact="target_area", areas=tuple(sorted(AREAS_2020.items()))),
            citation=art("(四)", "合法稳定住所（含租赁）", doc=DOC_2020),
            provenance=ASSUMED,
        ),
    ),
    items=(AGE, EDUCATION, SKILL, INSURANCE, HOUSING_FUND, HONOURS, INVENTIONS, VIOLATIONS),
    rounding=Rounding(places=2, provenance=ASSUMED),
    followers=FOLLOWERS,
    waivers=(
        AGE_WAIVER,
        Waiver(
            "origin_blind_ranking",
            T("(四) puts new-generation migrant workers first, a group defined by a rural hukou; the points"
              " and eligibility stay origin-blind, and origin_blind checks them",
              "(四) 优先解决新生代农民工落户，该群体以农业户口界定；积分和申请条件仍不看户籍来源，由 origin_blind 检查"),
            Citation(DOC_2020, "(四)", "以及新生代农民工"),
        ),
    ),
    ranking=attrs.evolve(RANKING_2016, keys=(
        RankKey("priority", PRIORITY),
        *RANKING_2016.keys[:2], RankKey("registered", FirstMonth(PERMIT_CITY), descending=False)),
        provenance=ASSUMED, buckets=tuple(AREAS_2020)),
    base_items=BASE,
    threshold=Threshold(
        label=T("2021 settlement standard score of the target area", "2021年落户区域入户分值"),
        points=(("市区", D(565)), ("昆山", D(600)), ("张家港", D(450)), ("常熟", D(450)), ("太仓", D(450))),
        citation=Citation(DOC_2020, "(四)", "区分市辖区和县级市等不同区域"),
        provenance=WEAK,
        by_fact="target_area",
    ),
    facts=(TARGET_AREA,),
    params=(FLOOR_AREA,),
    notes=(
        T("The 2021 计分标准 values were not found; the 2019 values are kept (assumed unchanged).",
          "未找到2021年计分标准的分值；沿用2019年的分值（假定未变）。"),
        T("(四) puts first those employed or resident 5+ years, whole families and new-generation"
          " migrant workers: a ranking matter, for the ranking run.",
          "(四) 优先解决城镇就业、居住5年以上和举家迁徙的农业转移人口以及新生代农民工：属于排名问题，由排名运行处理。"),
    ),
)

# --- (六) mutual recognition ---------------------------------------------------------------

RECOGNISED_KINDS = frozenset({K.SOCIAL_INSURANCE, K.RESIDENCE_PERMIT})
"""居住证年限和社保年限."""

AGREEMENTS = (
    Agreement(
        key="nanjing",
        label=T("Suzhou–Nanjing recognition", "苏州与南京积分落户年限互认"),
        partners=frozenset({"南京"}),
        kinds=RECOGNISED_KINDS,
        effective=dt.date(2020, 12, 17),
        citation=Citation(DOC_2020, "(六)", "实施省内特大城市苏州与南京在积分落户时，实现居住证年限和社保年限积累互认"),
    ),
    Agreement(
        key="wuxi_changzhou",
        label=T("Suzhou–Wuxi–Changzhou recognition (explored)", "苏锡常户籍准入年限同城化积累互认（探索）"),
        partners=frozenset({"无锡", "常州"}),
        kinds=RECOGNISED_KINDS,
        effective=dt.date(2020, 12, 17),
        citation=Citation(DOC_2020, "(六)", "探索苏州与无锡、常州等具备条件的都市圈率先实现户籍准入年限同城化积累互认"),
        status=Status.EXPLORED,
    ),
)


SCHEME = Scheme(
    key="suzhou",
    city="苏州",
    name=T("Suzhou points management for the floating population", "苏州市流动人口积分管理"),
    documents=(
        Document(DOC_2016, "苏州市流动人口积分管理办法", effective=dt.date(2016, 1, 15)),
        Document(STANDARD, "苏州市流动人口积分管理计分标准（2019年机构页面，二手）"),
        Document(DOC_2020, "市政府办公室关于进一步推动非户籍人口在城市落户的实施意见",
                 issued=dt.date(2020, 12, 17), effective=dt.date(2020, 12, 17)),
    ),
    versions=(V2016, V2020),
    agreements=AGREEMENTS,
)
