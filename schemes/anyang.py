"""安阳市推动非户籍人口在城市落户实施方案 — Anyang: open settlement, no points.

Source: 安政办〔2018〕19号 (2018-03-12), 二 进一步拓宽落户通道:

* 二(一) lifts every restriction for college graduates, skilled workers, vocational-school
  graduates, rural students and veterans entering towns, and returnees from study abroad;
  it puts first those employed and living in towns 5+ years and whole families.
* 二(二) the social-insurance requirement may not exceed 1 year; nowhere in the city may a
  house purchase, investment or tax payment be a condition, nor may settlement be by points.
* 二(三) in the county-seat and other towns, anyone with a legal stable residence (rental
  included) settles, with the spouse, children and parents who live with them.

The plan states no end date; its targets run to 2020 (一(三)), so the version is open and
a later plan may have replaced it.  `pointscalc lint anyang` checks this module against
二(二), declared in ``schemes/binding.py``.
"""

from __future__ import annotations

import datetime as dt

from pointscalc.model import PeriodKind as K
from pointscalc.model import Relation
from pointscalc.rules import (
    Channel,
    Condition,
    Follower,
    HoldsAt,
    MonthsAtLeast,
    WholeFamily,
    months_of,
)
from pointscalc.scheme import (
    ASSUMED,
    OFFICIAL,
    Citation,
    Document,
    Fact,
    Param,
    Scheme,
    T,
    Version,
)
from schemes import opengroups

DOC = "安政办〔2018〕19号"


def art(clause: str, quote: str = "") -> Citation:
    return Citation(DOC, clause, quote)


URBAN_INSURED = months_of(K.SOCIAL_INSURANCE, where={"scheme": "urban_employee"})
HOME = months_of(K.RESIDENCE)
EMPLOYED = months_of(K.EMPLOYMENT)
TOWN_HOME = months_of(K.RESIDENCE, where={"town": True})

TOWN = Fact(
    "town",
    T("the home is in a county-seat town or another 建制镇, not the central city (安政办〔2018〕19号 二(三))",
      "住所在县政府驻地镇或其他建制镇，而非中心城区（安政办〔2018〕19号 二(三)）"),
    bool,
    period_kind=K.RESIDENCE,
)

INSURANCE_MONTHS = Param(
    "insurance_months_required",
    12,
    ASSUMED,
    T("二(二) caps the requirement at 1 year (不得超过1年) but the city's own figure is not in our"
      " sources: the cap is used, so anyone settling under it settles here too",
      "二(二) 规定年限要求不得超过1年，但我们的资料中没有本市的具体数值：按上限取值，"
      "因此按任何不超过1年的要求可落户者在此也可落户"),
    art("二(二)", "参加城镇社会保险的年限要求不得超过1年"),
)

TARGET = Param(
    "yearly_target",
    100_000,
    OFFICIAL,
    T("年均转户约10万人: a planning figure for 2016–2020, reported by `rank --target`, not a cap",
      "年均转户约10万人：2016–2020年的规划数，由 `rank --target` 报告，不是名额上限"),
    art("一(三)", "年均转户约10万人"),
)

HOUSEHOLD = tuple(
    Follower(relation=r, together=True,
             citation=art("二(三)", "及其共同居住生活的配偶、子女、父母等，均可根据本人意愿在当地申请登记常住户口"))
    for r in (Relation.SPOUSE, Relation.CHILD, Relation.PARENT)
)

CITY = Channel(
    key="insured_1_year",
    label=T("1 year of urban social insurance", "参加城镇社会保险满1年"),
    conditions=(
        Condition(
            key="urban_insurance_12",
            label=T("12+ months of urban employee insurance in Anyang", "在安阳参加城镇职工社会保险12个月以上"),
            test=MonthsAtLeast(measure=URBAN_INSURED, months=INSURANCE_MONTHS.value),
            citation=art("二(二)", "参加城镇社会保险的年限要求不得超过1年"),
            provenance=ASSUMED,
        ),
    ),
    citation=art("二(二)", "调整完善户口迁移政策"),
)

TOWNS = Channel(
    key="town_residence",
    label=T("legal stable residence in a town", "建制镇合法稳定住所落户"),
    conditions=(
        Condition(
            key="town_home",
            label=T("a home in a town of Anyang (rental included)", "在县政府驻地镇或其他建制镇有合法稳定住所（含租赁）"),
            test=HoldsAt(measure=TOWN_HOME),
            citation=art("二(三)", "县政府驻地镇和其他建制镇有合法稳定住所（含租赁）人员"),
        ),
    ),
    citation=art("二(三)", "全面放开建制镇落户限制"),
    followers=HOUSEHOLD,
)

FIVE_YEARS = Channel(
    key="five_years_in_town",
    label=T("employed and living in Anyang 5+ years", "在城镇就业居住5年以上"),
    conditions=(
        Condition(
            key="employed_60",
            label=T("60+ months employed in Anyang", "在安阳就业60个月以上"),
            test=MonthsAtLeast(measure=EMPLOYED, months=60),
            citation=art("二(一)", "在城镇就业居住5年以上"),
            provenance=ASSUMED,
        ),
        Condition(
            key="resided_60",
            label=T("60+ months living in Anyang", "在安阳居住60个月以上"),
            test=MonthsAtLeast(measure=HOME, months=60),
            citation=art("二(一)", "在城镇就业居住5年以上"),
            provenance=ASSUMED,
        ),
    ),
    citation=art("二(一)", "以…在城镇就业居住5年以上和举家迁徙的农业转移人口…为重点"),
    provenance=ASSUMED,
)

WHOLE_FAMILY = Channel(
    key="whole_family",
    label=T("whole family moving, with a job and a home in Anyang", "举家迁徙"),
    conditions=(
        Condition(
            key="family_moves",
            label=T("spouse and minor children all move", "配偶及未成年子女全部随迁"),
            test=WholeFamily(),
            citation=art("二(一)", "举家迁徙的农业转移人口"),
            provenance=ASSUMED,
        ),
        Condition(
            key="home",
            label=T("a home in Anyang now", "在安阳有现住所"),
            test=HoldsAt(measure=HOME),
            citation=art("二(一)", "促进有能力在城镇稳定就业和生活的农业转移人口举家进城落户"),
            provenance=ASSUMED,
        ),
        Condition(
            key="employed",
            label=T("employed in Anyang now", "在安阳稳定就业"),
            test=HoldsAt(measure=EMPLOYED),
            citation=art("二(一)", "有能力在城镇稳定就业和生活的农业转移人口"),
            provenance=ASSUMED,
        ),
    ),
    citation=art("二(一)", "举家迁徙的农业转移人口"),
    followers=tuple(
        Follower(relation=r, citation=art("二(一)", "举家进城落户"), provenance=ASSUMED)
        for r in (Relation.SPOUSE, Relation.CHILD)
    ),
    provenance=ASSUMED,
)

V2018 = Version(
    label="2018",
    effective=dt.date(2018, 3, 12),
    ends=None,
    documents=(DOC,),
    channels=(
        CITY,
        TOWNS,
        *opengroups.channels(
            ("college_graduate", "skilled_worker", "vocational_graduate", "rural_student", "veteran", "returnee"),
            lambda words: art("二(一)", f"全面放开对…{words}…的落户限制"),
        ),
        FIVE_YEARS,
        WHOLE_FAMILY,
    ),
    facts=(TOWN, *opengroups.FACTS),
    params=(INSURANCE_MONTHS, TARGET),
    notes=(
        T("二(二): no points-based settlement, and no house purchase, investment or tax condition,"
          " anywhere in the city; checked by `pointscalc lint anyang`.",
          "二(二)：全市不实行积分落户，也不以购房、投资、纳税为落户条件；由 `pointscalc lint anyang` 检查。"),
        T("二(一) names those employed and living in towns 5+ years and whole families as the focus"
          " (重点); modelling them as direct paths is our reading (assumed).",
          "二(一) 以在城镇就业居住5年以上和举家迁徙的农业转移人口为重点；将其作为直接落户渠道是我们的理解（假定）。"),
        T("二(一)'s new-generation migrant workers and the rural college students' 来去自由 rule are"
          " not modelled: both turn on a rural hukou origin.",
          "二(一) 中的新生代农民工和农村籍大学生“来去自由”规定未建模：两者都取决于农业户籍来源。"),
    ),
)

SCHEME = Scheme(
    key="anyang",
    city="安阳",
    name=T("Anyang open settlement (no points)", "安阳市推动非户籍人口在城市落户"),
    documents=(
        Document(DOC, "安阳市人民政府办公室关于印发推动非户籍人口在城市落户实施方案的通知",
                 issued=dt.date(2018, 3, 12), effective=dt.date(2018, 3, 12)),
    ),
    versions=(V2018,),
)
