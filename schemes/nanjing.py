"""南京市积分落户 and the four outer districts' open channel — Nanjing.

Sources:

* 宁政办发〔2021〕5号 (2021-02-09): (四) revise the points policy, with more weight on
  social-insurance and residence years and a negative list; (六) 浦口、六合、溧水、高淳:
  a residence permit there plus 6 months of urban employee insurance settles.
* The conditions before and after 2021 come from news summaries (FACTS.md, secondary).
  The points table's values are not in any of our sources: every value below is
  ``assumed`` and listed in docs/schemes/nanjing.md, to be replaced from the official table.

A further revision took effect on 2022-08-20 whose values we do not have: the 2021 points
version ends there, and the 2022 version says so instead of guessing.  The four districts'
channel (六) states no end date, so it stays in force across the revision.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from pointscalc.model import Diploma as Dip
from pointscalc.model import PeriodKind as K
from pointscalc.model import RecordKind
from pointscalc.recognition import Agreement, Status
from pointscalc.rules import (
    Accrual,
    Accrue,
    Channel,
    Condition,
    HoldsAt,
    LevelTable,
    Min,
    MonthCount,
    MonthsAtLeast,
    Not,
    PerRecord,
    Score,
    months_of,
    record,
    row,
)
from pointscalc.scheme import (
    ASSUMED,
    SECONDARY,
    Citation,
    Document,
    Fact,
    Ranking,
    RankKey,
    Rounding,
    Scheme,
    T,
    Threshold,
    Ties,
    Version,
)
from schemes.jiangsu import JIANGSU, YANGTZE_DELTA_OUTSIDE_JIANGSU

DOC = "宁政办发〔2021〕5号"
NEWS = "南京积分落户2021年调整(新闻综述)"


def art(clause: str, quote: str = "", doc: str = DOC) -> Citation:
    return Citation(doc, clause, quote)


OUTER_FOUR = frozenset({"浦口区", "六合区", "溧水区", "高淳区"})
"""(六) 全面放宽浦口、六合、溧水、高淳区城镇地区落户限制."""

EMPLOYEE_INSURED = months_of(K.SOCIAL_INSURANCE, where={"scheme": "urban_employee"})
PERMIT = months_of(K.RESIDENCE_PERMIT)
PERMIT_OUTER = months_of(K.RESIDENCE_PERMIT, districts=OUTER_FOUR)
HOME = months_of(K.RESIDENCE)

FOUR_DISTRICTS = Channel(
    key="outer_districts",
    label=T("four outer districts: permit + 6 months' insurance", "浦口、六合、溧水、高淳区落户"),
    conditions=(
        Condition(
            key="permit_outer",
            label=T("holds a residence permit of 浦口, 六合, 溧水 or 高淳",
                    "持有浦口、六合、溧水、高淳区居住证"),
            test=HoldsAt(measure=PERMIT_OUTER),
            citation=art("(六)", "对持有上述四区居住证"),
        ),
        Condition(
            key="employee_insurance_6",
            label=T("6+ months of urban employee social insurance", "缴纳城镇职工社会保险6个月以上"),
            test=MonthsAtLeast(measure=EMPLOYEE_INSURED, months=6),
            citation=art("(六)", "缴纳城镇职工社会保险6个月以上的人员，即可办理落户"),
        ),
    ),
    citation=art("(六)", "即可办理落户"),
    open_ended=True,
)

ELIGIBILITY = (
    Condition(
        key="residence_permit",
        label=T("holds a Nanjing residence permit", "持有南京居住证"),
        test=HoldsAt(measure=PERMIT),
        citation=Citation(NEWS, "申请条件"),
        provenance=SECONDARY,
    ),
    Condition(
        key="stable_home",
        label=T("a legal stable home in Nanjing", "在南京有合法稳定住所"),
        test=HoldsAt(measure=HOME),
        citation=Citation(NEWS, "申请条件"),
        provenance=SECONDARY,
    ),
    Condition(
        key="insured_12_months",
        label=T("12+ cumulative months of urban employee insurance", "累计缴纳城镇职工社保12个月以上"),
        test=MonthsAtLeast(measure=EMPLOYEE_INSURED, months=12),
        citation=Citation(NEWS, "社保由连续24个月改为累计12个月"),
        provenance=SECONDARY,
    ),
    Condition(
        key="no_serious_crime",
        label=T("no serious criminal record", "无严重刑事犯罪记录"),
        test=Not(predicate=record(RecordKind.VIOLATION, type="criminal")),
        citation=art("(四)", "做好负面清单管理"),
        provenance=SECONDARY,
    ),
)

ITEMS = (
    Accrual(
        key="social_insurance",
        label=T("urban employee social insurance", "社会保险"),
        measure=EMPLOYEE_INSURED,
        rate=D(10),
        accrue=Accrue.FULL_YEARS,
        citation=art("(四)", "加大社保和居住年限分值比重"),
        provenance=ASSUMED,
        note=T("10 per full year is a placeholder; the official table is not in our sources",
               "每满1年10分为暂定值；我们的资料中没有官方分值表"),
    ),
    Accrual(
        key="residence",
        label=T("legal stable residence", "合法稳定住所"),
        measure=HOME,
        by="tenure",
        rates=(("owned", D(10)), ("rented", D(5)), ("dormitory", D(5))),
        accrue=Accrue.FULL_YEARS,
        citation=art("(四)", "加大社保和居住年限分值比重"),
        provenance=ASSUMED,
        note=T("10 (owned) and 5 (rented, dormitory) per full year are placeholders",
               "每满1年10分（自有）和5分（租赁、宿舍）均为暂定值"),
    ),
    LevelTable(
        key="education",
        label=T("education", "学历"),
        rows=(
            row("大专", "10", Min(diploma=Dip.JUNIOR_COLLEGE)),
            row("本科", "20", Min(diploma=Dip.BACHELOR)),
            row("硕士研究生", "30", Min(diploma=Dip.MASTER)),
            row("博士研究生", "40", Min(diploma=Dip.DOCTOR)),
        ),
        citation=art("(四)", "确定重点人群积分指标精准化"),
        provenance=ASSUMED,
        note=T("all four values are placeholders", "四档分值均为暂定值"),
    ),
    Accrual(
        key="hard_sector",
        label=T("labour contract in a hard sector", "紧缺艰苦行业劳动合同"),
        measure=months_of(K.EMPLOYMENT, where={"hard_sector": True}),
        rate=D(5),
        accrue=Accrue.FULL_YEARS,
        citation=art("(四)", "深入调研南京城市发展中紧缺、艰苦行业人员的落户需求"),
        provenance=ASSUMED,
        note=T("sanitation, household services, security, property management, elderly care"
               " (news); 5 per full year is a placeholder",
               "环卫、家政、保安、物业、养老（据新闻）；每满1年5分为暂定值"),
    ),
    PerRecord(
        key="violations",
        label=T("negative list", "负面清单"),
        select=record(RecordKind.VIOLATION, type=frozenset({"detention", "credit"}), within_years=5),
        points=D(-20),
        citation=art("(四)", "做好负面清单管理"),
        provenance=ASSUMED,
        note=T("−20 per detention or 失信 record in the last 5 years is a placeholder",
               "近5年内每条拘留或失信记录扣20分为暂定值"),
    ),
)

V2021 = Version(
    label="2021",
    effective=dt.date(2021, 2, 9),
    ends=dt.date(2022, 8, 20),
    documents=(DOC, NEWS),
    preconditions=ELIGIBILITY,
    items=ITEMS,
    channels=(FOUR_DISTRICTS,),
    rounding=Rounding(places=2, provenance=ASSUMED),
    ranking=Ranking(
        keys=(RankKey("total", Score("total")), RankKey("insured", MonthCount(EMPLOYEE_INSURED))),
        ties=Ties.STRICT,
        citation=art("(四)"),
        provenance=ASSUMED,
    ),
    threshold=Threshold(
        label=T("minimum score to apply", "申请最低积分"),
        points=D(100),
        citation=Citation(NEWS, "累计积分达到100分"),
        provenance=SECONDARY,
    ),
    facts=(
        Fact(
            "hard_sector",
            T("employment period under a labour contract in sanitation, household services,"
              " security, property management or elderly care (紧缺艰苦行业)",
              "在环卫、家政、保安、物业或养老行业签订劳动合同的就业时段（紧缺艰苦行业）"),
            bool,
            period_kind=K.EMPLOYMENT,
        ),
    ),
    notes=(
        T("Before 2021 (secondary): 2 years' continuous insurance and 100 points; 2021 made it"
          " 12 cumulative months.",
          "2021年以前（二手）：连续参保2年且积分100分；2021年改为累计参保12个月。"),
        T("The 2022-08-20 revision's values were not found; this version ends there.",
          "未找到2022-08-20修订的分值；本版本至该日止。"),
    ),
)

REVISION_2022 = "南京积分落户2022年8月20日修订"

V2022 = Version(
    label="2022",
    effective=dt.date(2022, 8, 20),
    ends=None,
    documents=(REVISION_2022,),
    unknown=T(
        "the points table and its conditions were revised on 2022-08-20 and the new values are not in our"
        " sources: the points path is not evaluated; the four outer districts' channel (宁政办发〔2021〕5号 (六),"
        " no end date) still is",
        "2022年8月20日起积分办法已修订，新分值未掌握：不评估积分落户；四区落户渠道（宁政办发〔2021〕5号（六），"
        "未规定截止日期）照常评估",
    ),
    notes=(T("A revision is known to have taken effect on 2022-08-20 (FACTS.md); its values were not found.",
             "已知有一次修订于2022-08-20生效（FACTS.md）；其分值未找到。"),),
)

# --- (六) recognition of years elsewhere --------------------------------------------------

RECOGNISED_KINDS = frozenset({K.SOCIAL_INSURANCE, K.RESIDENCE, K.RESIDENCE_PERMIT})
"""居住和社保缴纳年限: residence, shown by a home or a residence permit, and insurance."""

AGREEMENTS = (
    Agreement(
        key="suzhou",
        label=T("Nanjing–Suzhou recognition", "与苏州积分落户年限累计互认"),
        partners=frozenset({"苏州"}),
        kinds=RECOGNISED_KINDS,
        effective=dt.date(2021, 2, 9),
        citation=art("(六)", "实现与苏州在积分落户时，居住和社保缴纳年限累计互认"),
    ),
    Agreement(
        key="jiangsu",
        label=T("years in other Jiangsu cities", "省内其他城市居住和社保年限累计认可"),
        partners=frozenset(JIANGSU) - {"南京", "苏州"},
        kinds=RECOGNISED_KINDS,
        effective=dt.date(2021, 2, 9),
        citation=art("(六)", "在省内其他城市的居住和社保缴纳年限，申请落户时纳入我市累计认可"),
    ),
    Agreement(
        key="yangtze_delta",
        label=T("Yangtze River Delta cities outside Jiangsu (explored)", "长三角省外城市年限互认（探索）"),
        partners=frozenset(YANGTZE_DELTA_OUTSIDE_JIANGSU),
        kinds=RECOGNISED_KINDS,
        effective=dt.date(2021, 2, 9),
        citation=art("(六)", "探索与长三角城市群中具备条件的省外城市实施户籍准入年限同城化累计互认"),
        status=Status.EXPLORED,
        provenance=SECONDARY,
    ),
)

SCHEME = Scheme(
    key="nanjing",
    city="南京",
    name=T("Nanjing points-based settlement and outer-district channel", "南京市积分落户及四区落户"),
    documents=(
        Document(DOC, "市政府办公厅关于进一步推动非户籍人口在城市落户的实施意见",
                 issued=dt.date(2021, 2, 9), effective=dt.date(2021, 2, 9)),
        Document(NEWS, "南京积分落户政策2021年调整的新闻综述（二手）"),
        Document(REVISION_2022, "南京积分落户办法2022年8月20日修订（已知存在，分值未掌握）",
                 effective=dt.date(2022, 8, 20)),
    ),
    versions=(V2021, V2022),
    agreements=AGREEMENTS,
)
