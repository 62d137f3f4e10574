"""韶关市推动非户籍人口在城市落户实施办法（试行） — Shaoguan: open settlement, no points.

Source: 韶府办〔2017〕37号 (signed 2017-10-23, printed 2017-10-24), 二 进一步拓宽落户渠道, one paragraph:

* a legal stable residence (rental included) plus social and medical insurance settles;
* 1+ year of urban social insurance settles, where insured or where actually living;
* college graduates, skilled workers, vocational-school graduates and returnees from study
  abroad face no restriction;
* the city's settlement target is managed dynamically by the public-service capacity: a
  planning figure (一: about 60,000 in 2016–2020), not a cap.

The measures were a trial for three years (本实施办法自印发之日起试行，有效期三年), so the
measures apply from the day they were printed (自印发之日起, 2017-10-24) and the version
ends on 2020-10-24; use ``--allow-stale`` for a what-if after that.
"""

from __future__ import annotations

import datetime as dt

from pointscalc.model import PeriodKind as K
from pointscalc.rules import (
    ANYWHERE,
    Channel,
    Condition,
    HoldsAt,
    MonthsAtLeast,
    months_of,
)
from pointscalc.scheme import (
    ASSUMED,
    OFFICIAL,
    Citation,
    Document,
    Param,
    Scheme,
    T,
    Version,
)
from schemes import opengroups

DOC = "韶府办〔2017〕37号"


def art(clause: str, quote: str = "") -> Citation:
    return Citation(DOC, clause, quote)


HOME = months_of(K.RESIDENCE)
INSURED = months_of(K.SOCIAL_INSURANCE)
MEDICAL = months_of(K.MEDICAL_INSURANCE)
URBAN_INSURED = months_of(K.SOCIAL_INSURANCE, where={"scheme": "urban_employee"})
URBAN_INSURED_ANYWHERE = months_of(K.SOCIAL_INSURANCE, where={"scheme": "urban_employee"}, cities=ANYWHERE)

TARGET = Param(
    "target_2016_2020",
    60_000,
    OFFICIAL,
    T("“十三五”期间…6万左右: a planning figure over five years, managed dynamically (二);"
      " reported by `rank --target`, never a cap",
      "“十三五”期间…6万左右：五年规划数，动态管理（二）；由 `rank --target` 报告，不是名额上限"),
    art("一", "“十三五”期间，全市努力实现6万左右非户籍人口在城市落户"),
)

RESIDENCE = Channel(
    key="residence_insured",
    label=T("stable residence + social and medical insurance", "合法稳定住所且参加社保、医保"),
    conditions=(
        Condition(
            key="home",
            label=T("a legal stable home in Shaoguan now (rental included)", "在韶关有合法稳定住所（含租赁）"),
            test=HoldsAt(measure=HOME),
            citation=art("二", "允许在我市有合法稳定住所(含租赁)"),
        ),
        Condition(
            key="social_insurance",
            label=T("insured (social insurance) in Shaoguan now", "在韶关参加社会保险"),
            test=HoldsAt(measure=INSURED),
            citation=art("二", "且购买了社保、医保的人员在我市落户"),
            provenance=ASSUMED,
        ),
        Condition(
            key="medical_insurance",
            label=T("medical insurance in Shaoguan now", "在韶关参加医疗保险"),
            test=HoldsAt(measure=MEDICAL),
            citation=art("二", "且购买了社保、医保的人员在我市落户"),
            provenance=ASSUMED,
        ),
    ),
    citation=art("二", "允许在我市有合法稳定住所(含租赁)且购买了社保、医保的人员在我市落户"),
)

WHERE_INSURED = Channel(
    key="insured_1_year",
    label=T("1+ year of urban social insurance, where insured", "参加城镇社会保险1年以上，在参保地落户"),
    conditions=(
        Condition(
            key="urban_insurance_12",
            label=T("12+ months of urban employee insurance in Shaoguan", "在韶关参加城镇社会保险12个月以上"),
            test=MonthsAtLeast(measure=URBAN_INSURED, months=12),
            citation=art("二", "对参加城镇社会保险1年以上(含1年)的可在参保地或实际居住地落户"),
        ),
    ),
    citation=art("二", "可在参保地…落户"),
)

WHERE_LIVING = Channel(
    key="insured_1_year_living",
    label=T("1+ year of urban social insurance, where living", "参加城镇社会保险1年以上，在实际居住地落户"),
    conditions=(
        Condition(
            key="urban_insurance_12_anywhere",
            label=T("12+ months of urban employee insurance, anywhere", "参加城镇社会保险12个月以上（不限参保地）"),
            test=MonthsAtLeast(measure=URBAN_INSURED_ANYWHERE, months=12),
            citation=art("二", "对参加城镇社会保险1年以上(含1年)的可在参保地或实际居住地落户"),
            provenance=ASSUMED,
        ),
        Condition(
            key="lives_here",
            label=T("actually living in Shaoguan now", "实际居住地在韶关"),
            test=HoldsAt(measure=HOME),
            citation=art("二", "或实际居住地落户"),
        ),
    ),
    citation=art("二", "可在…实际居住地落户"),
    provenance=ASSUMED,
)

V2017 = Version(
    label="2017",
    effective=dt.date(2017, 10, 24),
    ends=dt.date(2020, 10, 24),
    documents=(DOC,),
    channels=(
        RESIDENCE,
        WHERE_INSURED,
        WHERE_LIVING,
        *opengroups.channels(
            ("college_graduate", "skilled_worker", "vocational_graduate", "returnee"),
            lambda words: art("二", f"全面放开对…{words}…的落户限制"),
        ),
    ),
    facts=(opengroups.VOCATIONAL, opengroups.RETURNEE),
    params=(TARGET,),
    notes=(
        T("“购买了社保、医保” is read as insured in Shaoguan in the month of --as-of (assumed).",
          "“购买了社保、医保”理解为 --as-of 所在月份在韶关参保（假定）。"),
        T("“在参保地或实际居住地落户” is read as two paths: insured in Shaoguan, or insured anywhere"
          " and living in Shaoguan; the second reading is assumed.",
          "“在参保地或实际居住地落户”理解为两条渠道：在韶关参保；或在任何地方参保且实际居住在韶关。后一种理解为假定。"),
        T("The text names no family members who may follow: output says so.", "原文未规定可随迁的家属：输出中会说明。"),
        T("The rural college students' 来去自由 rule is not modelled: it turns on a rural hukou origin.",
          "农村籍大学生“来去自由”规定未建模：它取决于农业户籍来源。"),
    ),
)

SCHEME = Scheme(
    key="shaoguan",
    city="韶关",
    name=T("Shaoguan open settlement (no points)", "韶关市推动非户籍人口在城市落户"),
    documents=(
        Document(DOC, "韶关市推动非户籍人口在城市落户实施办法（试行）",
                 issued=dt.date(2017, 10, 23), effective=dt.date(2017, 10, 24)),
    ),
    versions=(V2017,),
)
