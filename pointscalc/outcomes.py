"""Outcomes on a real pool, for ``pointscalc audit --pool``: admission rates by group, with
any group admitted at less than four fifths of the best-off group's rate flagged.

A points scheme scores some facts on purpose (education, years insured, the tenure of a
home), and some versions declare a fairness waiver (age points that fall with age; a
priority group defined by hukou origin).  A gap on such a group is reported as explained,
with the item or waiver that explains it; a gap nothing explains fails the audit.  A group
smaller than ``min_group`` is reported but not judged: its rate says little.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from fractions import Fraction
from typing import Any

import attrs

from pointscalc import compare, i18n
from pointscalc.i18n import N_, tr
from pointscalc.model import PeriodKind
from pointscalc.rules import Min
from pointscalc.quotas import Quotas
from pointscalc.scheme import Scheme, Version

FOUR_FIFTHS = Fraction(4, 5)
WAIVED_BY = {"age_band": ("age_blind",), "province": ("origin_blind", "origin_blind_ranking")}
"""Groups a declared waiver may explain, by the waived property."""
SCORED_AS = {"education": "level:diploma", "years_insured": f"kind:{PeriodKind.SOCIAL_INSURANCE.code}",
             "tenure": "attr:tenure"}
"""Groups a points item explains when it reads this fact."""


def _reads(value: Any, found: set[str], depth: int = 0) -> None:
    """The facts an item reads, found by walking its fields: period kinds, attributes it
    splits by, levels it asks for."""
    if depth > 12:
        return
    if isinstance(value, PeriodKind):
        found.add(f"kind:{value.code}")
    elif isinstance(value, Min):
        found.update(f"level:{name}" for name, _ in value.levels)
    elif attrs.has(type(value)):
        for f in attrs.fields(type(value)):
            v = getattr(value, f.name)
            if f.name == "by" and isinstance(v, str):
                found.add(f"attr:{v}")
            elif f.name == "where" and isinstance(v, tuple):
                found.update(f"attr:{k}" for k, _ in v)
            _reads(v, found, depth + 1)
    elif isinstance(value, (tuple, list, frozenset, set)):
        for v in value:
            _reads(v, found, depth + 1)


def explanations(version: Version, bucket_columns: tuple[str, ...] = ()) -> dict[str, str]:
    """Group -> why a gap on it is by design: the item that scores it, or the waiver."""
    out: dict[str, str] = {}
    for group, fact in SCORED_AS.items():
        items = []
        for it in version.items:
            found: set[str] = set()
            _reads(it, found)
            if fact in found:
                items.append(f"{it.key} ({it.citation})")
        if items:
            out[group] = tr("scored by design: {items}", items=tr("; ").join(items))
    for group, properties in WAIVED_BY.items():
        for w in version.waivers:
            if w.property in properties:
                reason = w.reason(i18n.current()) if callable(w.reason) else w.reason
                out[group] = tr("waiver {property}: {reason} ({clause})", property=w.property, reason=reason,
                                clause=w.citation)
                break
    for column in bucket_columns:
        out[column] = tr("the quota is set per bucket: rates differ with places per applicant")
    return out


@attrs.frozen
class Row:
    group: str
    value: str
    applicants: int
    admitted: int
    rate: Fraction
    ratio: Fraction | None
    verdict: str
    """``ok``, ``FLAG``, ``explained`` or ``too small``."""
    note: str = ""

    def cells(self, *, shown: bool = False) -> list[Any]:
        """The row as JSON keeps it (codes), or ``shown`` on a terminal in the user's language."""
        value, verdict = (compare.pool_groups.shown(self.value), tr(VERDICTS[self.verdict])) if shown \
            else (self.value, self.verdict)
        # A built-in group's name in Chinese (年龄段); in English the code, as --by takes it.
        group = i18n.pick(self.group, compare.pool_groups.title(self.group)) if shown else self.group
        return [group, value, self.applicants, self.admitted, compare.percent(self.rate),
                compare.ratio(self.ratio), verdict, self.note]


    def as_json(self) -> dict[str, Any]:
        """The row for ``audit --format json``: codes, with a band's words and the note in the
        user's language, as compare.json gives them."""
        return {**dict(zip(HEADER, self.cells(), strict=True)), "value": compare.pool_groups.shown(self.value)}


HEADER = ["group", "value", "applicants", "admitted", "rate", "ratio_to_best", "verdict", "note"]
HEADER_ZH = ["群体", "取值", "申请人数", "入围人数", "入围率", "与最高群体之比", "结论", "说明"]
VERDICTS = {"ok": N_("ok"), "FLAG": N_("FLAG"), "explained": N_("explained"), "too small": N_("too small")}
"""Verdict codes (in JSON) and their words on a terminal."""


def header() -> list[str]:
    """The terminal's header: HEADER's codes, or Chinese."""
    return HEADER_ZH if i18n.current() == "zh" else HEADER


def pool_audit(scheme: Scheme, version: Version, as_of: dt.date, pool: compare.Pool,
               quotas: Quotas, by: tuple[str, ...] = (),
               min_group: int = 30) -> list[Row]:
    """Rank the pool and judge each group's admission rate against the best-off group's."""
    side = compare.Side("pool", tr("version {version}", version=version.label), version, quotas)
    ranked = compare._ranked(side, compare.rank_pool(scheme, side, as_of, pool))
    try:
        groups = compare.pool_groups.read(pool.input, pool.periods, as_of, by=by)
    except compare.pool_groups.GroupError as e:
        raise compare.CompareError(str(e)) from None
    counts = compare.group_counts(groups, ranked.ids, [ranked.status == 0, ranked.status <= 1])
    buckets = tuple(b for b in by if b in ("bucket", "target_area", "区域", "学校"))
    why = explanations(version, buckets)
    best: dict[str, Fraction] = {}
    best_eligible: dict[str, Fraction] = {}
    for name, _, total, (admitted, eligible) in counts:
        if total >= min_group:
            best[name] = max(best.get(name, Fraction(0)), Fraction(admitted, total))
            if eligible:
                best_eligible[name] = max(best_eligible.get(name, Fraction(0)), Fraction(admitted, eligible))
    rows = []
    for name, value, total, (admitted, eligible) in counts:
        rate = Fraction(admitted, total)
        top = best.get(name)
        ratio = rate / top if top else None
        if total < min_group:
            verdict, note = "too small", tr("fewer than {n} applicants", n=min_group)
        elif ratio is None or ratio >= FOUR_FIFTHS:
            verdict, note = "ok", ""
        elif name in why:
            verdict, note = "explained", why[name]
        elif not eligible or Fraction(admitted, eligible) >= FOUR_FIFTHS * best_eligible.get(name, Fraction(0)):
            verdict = "explained"
            note = tr("by eligibility: {failed} of {total} fail a condition, most often {condition}; among the"
                      " eligible the rate is not below four fifths", failed=total - eligible, total=total,
                      condition=_most_failed(ranked, groups, name, value))
        else:
            verdict, note = "FLAG", tr("below four fifths of the best-off group, and no waiver or item explains it")
        rows.append(Row(name, value, total, admitted, rate, ratio, verdict, note))
    return rows


def _most_failed(ranked: Any, groups: Any, name: str, value: str) -> str:
    """The condition the group's ineligible applicants fail most often."""
    index = {x: i for i, x in enumerate(groups.ids)}
    labels = groups.labels[name]
    found: Counter[str] = Counter()
    for x, status, reason in zip(ranked.ids, ranked.status.tolist(), ranked.reason, strict=True):
        i = index.get(x)
        if status == 2 and i is not None and labels[i] == value:
            found.update(part for part in reason.split("; ") if part)
    return found.most_common(1)[0][0] if found else tr("none recorded")
