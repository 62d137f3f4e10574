"""南通 settlement without restriction — Nantong: open settlement, no points.

Source: 市政府办公室关于推动非户籍人口在城市落户的实施意见 (南通市人民政府办公室,
2020-04-24; no official number in our copy), 二 调整完善户口迁移政策:

* (四) in the central districts and every town, a legal stable residence (rental
  included) or legal stable employment with urban social insurance settles the applicant,
  with the spouse, unmarried children and parents who live with them;
* (五) a renter may register in the community collective household (社区公共户), or at the
  rented address with the owner's consent; local and non-local migrants face the same
  conditions (本地和外地农业转移人口适用相同的落户条件).

The text states no end date.
"""

from __future__ import annotations

import datetime as dt

from pointscalc.model import PeriodKind as K
from pointscalc.model import Relation
from pointscalc.rules import Advice, Channel, Condition, Follower, HoldsAt, months_of
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

DOC = "南通2020落户实施意见"
"""The text has no official number in our copy; it is named by city, year and title."""


def art(clause: str, quote: str = "") -> Citation:
    return Citation(DOC, clause, quote)


HOME = months_of(K.RESIDENCE)
RENTED = months_of(K.RESIDENCE, where={"tenure": "rented"})
EMPLOYED = months_of(K.EMPLOYMENT)
URBAN_INSURED = months_of(K.SOCIAL_INSURANCE, where={"scheme": "urban_employee"})

FOLLOWERS = (
    Follower(relation=Relation.SPOUSE, together=True,
             citation=art("(四)", "本人及其共同居住生活的配偶、未婚子女、父母等")),
    Follower(relation=Relation.CHILD, unmarried=True, together=True,
             citation=art("(四)", "本人及其共同居住生活的配偶、未婚子女、父母等")),
    Follower(relation=Relation.PARENT, together=True,
             citation=art("(四)", "本人及其共同居住生活的配偶、未婚子女、父母等")),
)

TARGET = Param(
    "target_by_2020",
    1_000_000,
    OFFICIAL,
    T("到2020年末，努力实现累计100万农业转移人口在城镇落户: a cumulative planning figure,"
      " reported by `rank --target`, never a cap",
      "到2020年末，努力实现累计100万农业转移人口在城镇落户：累计规划数，由 `rank --target` 报告，不是名额上限"),
    art("一(三)", "努力实现累计100万农业转移人口在城镇落户"),
)

RESIDENCE = Channel(
    key="residence",
    label=T("legal stable residence (rental included)", "合法稳定住所（含租赁）落户"),
    conditions=(
        Condition(
            key="home",
            label=T("a legal stable home in Nantong now (owned, rented or dormitory)",
                    "在南通有合法稳定住所（含租赁）"),
            test=HoldsAt(measure=HOME),
            citation=art("(四)", "有合法稳定住所（含租赁）"),
        ),
    ),
    citation=art("(四)", "城区和建制镇全面取消落户限制"),
    followers=FOLLOWERS,
    advice=(
        Advice(
            text=T("as a renter: register in the community collective household (社区公共户), or at the"
                   " rented address with the owner's consent",
                   "租房者可在房屋所在地社区公共户落户，或经房屋所有权人同意在房屋所在地落户"),
            citation=art("(五)", "落实租赁房屋常住人口在社区公共户落户政策，经房屋所有权人同意可以在房屋所在地落户"),
            when=HoldsAt(measure=RENTED),
        ),
    ),
)

EMPLOYMENT = Channel(
    key="employment",
    label=T("legal stable employment with urban social insurance", "合法稳定就业（参加城镇社会保险）落户"),
    conditions=(
        Condition(
            key="employed",
            label=T("employed in Nantong now", "在南通合法稳定就业"),
            test=HoldsAt(measure=EMPLOYED),
            citation=art("(四)", "或合法稳定就业"),
        ),
        Condition(
            key="urban_insurance",
            label=T("urban employee insurance in Nantong now", "参加城镇社会保险"),
            test=HoldsAt(measure=URBAN_INSURED),
            citation=art("(四)", "（并参加城镇社会保险）"),
            provenance=ASSUMED,
        ),
    ),
    citation=art("(四)", "城区和建制镇全面取消落户限制"),
    followers=FOLLOWERS,
)

V2020 = Version(
    label="2020",
    effective=dt.date(2020, 4, 24),
    ends=None,
    documents=(DOC,),
    channels=(RESIDENCE, EMPLOYMENT),
    params=(TARGET,),
    notes=(
        T("(四) asks for no minimum period: a home or a job with urban insurance in the month of"
          " --as-of is enough.  Reading “参加城镇社会保险” as urban employee insurance held now is"
          " assumed.",
          "(四) 不要求最低年限：--as-of 所在月份有住所，或有工作并参加城镇社会保险即可。"
          "将“参加城镇社会保险”理解为当前参加城镇职工社会保险，属于假定。"),
        T("(五): the same conditions for local and non-local applicants; no condition here reads"
          " hukou origin, and `pointscalc audit nantong` checks it.",
          "(五)：本地和外地申请人适用相同条件；这里没有任何条件读取户籍来源，由 `pointscalc audit nantong` 检查。"),
    ),
)

SCHEME = Scheme(
    key="nantong",
    city="南通",
    name=T("Nantong open settlement (no points)", "南通市推动非户籍人口在城市落户"),
    documents=(
        Document(DOC, "市政府办公室关于推动非户籍人口在城市落户的实施意见（南通市人民政府办公室）",
                 issued=dt.date(2020, 4, 24), effective=dt.date(2020, 4, 24)),
    ),
    versions=(V2020,),
)
