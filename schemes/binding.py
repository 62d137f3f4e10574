"""Limits a higher-level policy sets on a city's rules, declared by city for `pointscalc lint`.

They are kept apart from the city modules on purpose: a limit binds whatever scheme is
written for the city, so a variant cannot escape it by leaving it out.  Each cites the
clause that imposes it.
"""

from __future__ import annotations

from pointscalc.lint import DEMANDS, Constraint, Forbids, MaxInsuranceMonths, NoPoints
from pointscalc.scheme import Citation

_ANYANG = "安政办〔2018〕19号"

CONSTRAINTS: dict[str, tuple[Constraint, ...]] = {
    "安阳": (
        NoPoints(citation=Citation(_ANYANG, "二(二)", "不得采取积分落户方式")),
        MaxInsuranceMonths(months=12, citation=Citation(_ANYANG, "二(二)", "参加城镇社会保险的年限要求不得超过1年")),
        Forbids(imposes=DEMANDS, citation=Citation(_ANYANG, "二(二)", "全市均不得将购买房屋、投资纳税等作为落户限制条件")),
    ),
    "韶关": (
        MaxInsuranceMonths(
            months=12,
            citation=Citation("韶府办〔2017〕37号", "二", "对参加城镇社会保险1年以上(含1年)的可在参保地或实际居住地落户"),
        ),
    ),
}
