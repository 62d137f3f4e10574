"""Checking a scheme against the policy that binds it, and against our own house rules.

A city does not write its rules on a blank page: 安政办〔2018〕19号 二(二) forbids points and
any purchase, investment or tax condition anywhere in Anyang, and caps the insurance a
city may ask for at a year.  Those limits are declared as data (``schemes/binding.py``,
by city) in the words below, and ``lint`` reads every condition of every version to find
what it asks for.  Where a condition is a function lint cannot read, a bound scheme must
say what it asks for (``Condition.imposes``): a silent function would pass any check.

The house rules hold for every scheme: every rule cites a clause, every number carries
its provenance, versions neither overlap nor leave gaps, and nothing reads a fact that no
input format provides.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from pointscalc.i18n import pick, tr
from pointscalc.model import PeriodKind, RecordKind
from pointscalc.reading import PERIOD_ATTRIBUTES, RECORD_ATTRIBUTES
from pointscalc.rules import (
    Accrual,
    AllOf,
    AnyOf,
    BornFrom,
    Channel,
    Check,
    Condition,
    EachOfLastYears,
    FactIs,
    Follower,
    HasLevel,
    HasRecord,
    HoldsAt,
    Item,
    MonthsAtLeast,
    MonthsOf,
    Not,
    RuralOrigin,
    WholeFamily,
)
from pointscalc.scheme import Citation, Provenance, Scheme, Threshold, Version

HOME_PURCHASE = "home_purchase"
INVESTMENT = "investment"
TAX = "tax"
DEMANDS = frozenset({HOME_PURCHASE, INVESTMENT, TAX})
"""What ``Condition.imposes`` and ``Forbids`` may name.  ``Condition.imposes`` may also say
``insurance_months=N`` for a function that asks for N months of insurance."""
_DEMAND_WORDS = {HOME_PURCHASE: ("home purchase", "购房"), INVESTMENT: ("investment", "投资"), TAX: ("tax", "纳税")}

INSURANCE_KINDS = frozenset({PeriodKind.SOCIAL_INSURANCE, PeriodKind.MEDICAL_INSURANCE})


# --- Binding constraints: declared as data by city -------------------------------------


@attrs.frozen(kw_only=True)
class NoPoints:
    """The binding policy forbids points-based settlement (不得采取积分落户方式)."""

    citation: Citation
    since: dt.date | None = None

    def findings(self, v: Version) -> Iterator[tuple[str, str]]:
        if v.items:
            keys = ", ".join(it.key for it in v.items)
            yield pick("items", "积分指标"), tr("scores points ({keys}), which {citation} forbids", keys=keys,
                                               citation=self.citation)
        if v.ranking is not None:
            yield pick("ranking", "排序规则"), tr("ranks applicants, which {citation} forbids", citation=self.citation)


@attrs.frozen(kw_only=True)
class MaxInsuranceMonths:
    """No condition may ask for more months of insurance than this (不得超过1年)."""

    months: int
    citation: Citation
    since: dt.date | None = None

    def findings(self, v: Version) -> Iterator[tuple[str, str]]:
        for where, cond in conditions(v):
            d = demand(cond)
            if d.insurance_months is not None and d.insurance_months > self.months:
                yield where, tr("asks for {n} months of insurance; {citation} allows at most {most}",
                                n=d.insurance_months, citation=self.citation, most=self.months)
            if d.opaque:
                yield where, _opaque(d, self.citation)


@attrs.frozen(kw_only=True)
class Forbids:
    """No condition may ask for these (购买房屋、投资纳税)."""

    imposes: frozenset[str]
    citation: Citation
    since: dt.date | None = None

    def findings(self, v: Version) -> Iterator[tuple[str, str]]:
        for where, cond in conditions(v):
            d = demand(cond)
            for what in sorted(d.imposes & self.imposes):
                what_ = pick(*_DEMAND_WORDS[what]) if what in _DEMAND_WORDS else what.replace("_", " ")
                yield where, tr("imposes a {what} condition, which {citation} forbids", what=what_,
                                citation=self.citation)
            if d.opaque:
                yield where, _opaque(d, self.citation)


def _opaque(d: Demand, citation: Citation) -> str:
    return tr("cannot be read ({why}); {citation} limits what it may ask, so declare imposes=frozenset({{...}})"
              " on the condition", why=d.opaque, citation=citation)


Constraint = NoPoints | MaxInsuranceMonths | Forbids


# --- What a condition asks for ----------------------------------------------------------


@attrs.frozen
class Demand:
    insurance_months: int | None = None
    imposes: frozenset[str] = frozenset()
    opaque: str = ""
    """Why lint could not read the condition, if it could not."""


def _owned_home(m: MonthsOf) -> bool:
    return PeriodKind.RESIDENCE in m.kinds and any(
        name == "tenure" and (v == "owned" or (isinstance(v, (set, frozenset, tuple)) and set(v) <= {"owned"}))
        for name, v in m.where
    )


def _read(p: Any) -> Demand:
    if isinstance(p, (MonthsAtLeast, HoldsAt)):
        months = p.months if isinstance(p, MonthsAtLeast) else 1
        return Demand(
            months if p.measure.kinds & INSURANCE_KINDS else None,
            frozenset({HOME_PURCHASE}) if _owned_home(p.measure) else frozenset(),
        )
    if isinstance(p, HasRecord):
        return Demand(None, frozenset({TAX}) if p.kind is RecordKind.TAX else frozenset())
    if isinstance(p, EachOfLastYears):
        return _read(p.select)
    if isinstance(p, Not):
        if isinstance(p.predicate, Not):
            return _read(p.predicate.predicate)
        return Demand(opaque=_read(p.predicate).opaque)
    if isinstance(p, AllOf):
        parts = [_read(q) for q in p.predicates]
        months = [d.insurance_months for d in parts if d.insurance_months is not None]
        return Demand(max(months, default=None), frozenset().union(*(d.imposes for d in parts)),
                      _joined(d.opaque for d in parts if d.opaque))
    if isinstance(p, AnyOf):
        # Met by any branch, so it asks what every branch asks of a person outside the closed
        # groups: a branch only a group can take (a diploma) excuses nobody else.
        open_ = [q for q in p.predicates if not closed_group(q)]
        parts = [_read(q) for q in (open_ or p.predicates)]
        months = [d.insurance_months for d in parts]
        return Demand(None if None in months else min(m for m in months if m is not None),
                      frozenset.intersection(*(d.imposes for d in parts)) if parts else frozenset(),
                      _joined(d.opaque for d in map(_read, p.predicates) if d.opaque))
    if isinstance(p, Check):
        return Demand(opaque=tr("a Check function"))
    if isinstance(p, FactIs):
        return Demand(opaque=tr("it reads the scheme's own fact {name!r}", name=p.name))
    return Demand()


def _joined(reasons: Iterable[str]) -> str:
    return pick("; ", "；").join(reasons)


_GROUP_RECORDS = frozenset({RecordKind.HONOUR, RecordKind.INNOVATION})
"""Records only some people can hold (an honour, an award).  A tax record is not one: paying
tax is the very condition 二(二) forbids, so a tax branch is asked of everyone who takes it."""


def closed_group(p: Any) -> bool:
    """Whether only a closed group can meet the predicate: a diploma, a qualification or
    title, an origin, a birth cohort, a family situation, a scheme's own group fact, an
    honour.  Such a branch of an ``AnyOf`` does not excuse what the other branches ask of
    everyone else; a branch anyone can meet by living or working here (a residence permit,
    a home of any tenure, months of insurance) does."""
    if isinstance(p, (HasLevel, RuralOrigin, BornFrom, WholeFamily, FactIs)):
        return True
    if isinstance(p, HasRecord):
        return p.kind in _GROUP_RECORDS
    if isinstance(p, EachOfLastYears):
        return closed_group(p.select)
    if isinstance(p, AllOf):
        return any(closed_group(q) for q in p.predicates)
    if isinstance(p, AnyOf):
        return all(closed_group(q) for q in p.predicates)
    return False


def demand(cond: Condition) -> Demand:
    """What the condition asks for: read off its test, plus what it declares."""
    d = _read(cond.test)
    if cond.imposes is None:
        return d
    months = [int(t.split("=", 1)[1]) for t in cond.imposes if t.startswith("insurance_months=")]
    declared = frozenset(t for t in cond.imposes if not t.startswith("insurance_months="))
    asked = max([m for m in (d.insurance_months, *months) if m is not None], default=None)
    return Demand(asked, d.imposes | declared, "")


def conditions(v: Version) -> Iterator[tuple[str, Condition]]:
    for c in v.preconditions:
        yield tr("condition {key}", key=c.key), c
    for ch in v.channels:
        for c in ch.conditions:
            yield tr("channel {channel}, condition {key}", channel=ch.key, key=c.key), c


# --- Findings ---------------------------------------------------------------------------


@attrs.frozen
class Finding:
    scheme: str
    where: str
    message: str

    def __str__(self) -> str:
        return pick(": ", "：").join((self.scheme, self.where, self.message))


def _walk(obj: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Every value inside a version, with a readable path: the rules are trees of frozen
    attrs values, tuples and sets; functions are leaves lint cannot open."""
    yield path, obj
    if attrs.has(type(obj)) and not isinstance(obj, (Citation, Provenance)):
        for f in attrs.fields(type(obj)):
            yield from _walk(getattr(obj, f.name), f"{path}.{f.name}" if path else f.name)
    elif isinstance(obj, (tuple, list, frozenset, set)):
        for i, x in enumerate(obj if isinstance(obj, (tuple, list)) else sorted(obj, key=repr)):
            key = getattr(x, "key", None) or getattr(x, "name", None)
            yield from _walk(x, f"{path}[{key if isinstance(key, str) else i}]")


_CITED = (Condition, Channel, Threshold)
"""Rule-bearing values that must cite a clause (items are checked through ``Item``)."""


def _house_rules(scheme: Scheme, v: Version) -> Iterator[tuple[str, str]]:
    listed = {d.number for d in scheme.documents}
    extra = {f.name for f in v.facts if f.period_kind is None}
    period_facts: dict[PeriodKind, set[str]] = {k: set(a) for k, a in PERIOD_ATTRIBUTES.items()}
    for f in v.facts:
        if f.period_kind is not None:
            period_facts.setdefault(f.period_kind, set()).add(f.name)
    for path, obj in _walk(v, ""):
        if isinstance(obj, (Item, *_CITED, Follower)):
            c = getattr(obj, "citation", None)
            if not isinstance(c, Citation) or not c.document.strip() or not c.clause.strip():
                yield path, tr("has no citation (a document number and a clause)")
            elif c.document not in listed:
                yield path, tr("cites {document!r}, which is not in the scheme's documents", document=c.document)
        if hasattr(obj, "provenance") and attrs.has(type(obj)) and not isinstance(obj.provenance, Provenance):
            yield path, tr("provenance {value!r} is not one of official, secondary, weak, assumed",
                           value=obj.provenance)
        if isinstance(obj, MonthsOf):
            for kind in sorted(obj.kinds, key=lambda k: k.rank):
                for name, _ in obj.where:
                    if name not in period_facts.get(kind, set()):
                        yield path, tr("reads attribute {name!r} of {kind} periods, which no input format provides"
                                       " and the version does not declare", name=name, kind=kind.code)
        if isinstance(obj, HasRecord):
            for name, _ in obj.where:
                if name not in RECORD_ATTRIBUTES[obj.kind]:
                    yield path, tr("reads attribute {name!r} of {kind} records, which no input format provides",
                                   name=name, kind=obj.kind.code)
        if isinstance(obj, FactIs) and obj.name not in extra:
            yield path, tr("reads fact {name!r}, which the version does not declare", name=obj.name)
        if isinstance(obj, Threshold) and obj.by_fact is not None and obj.by_fact not in extra:
            yield path, tr("picks its score by fact {name!r}, which the version does not declare", name=obj.by_fact)
        if isinstance(obj, Accrual) and obj.by is not None:
            for kind in obj.measure.kinds:
                if obj.by not in period_facts.get(kind, set()):
                    yield path, tr("rates by attribute {name!r} of {kind} periods, which no input format provides",
                                   name=obj.by, kind=kind.code)
    if not isinstance(v.rounding.provenance, Provenance):
        yield pick("rounding", "取舍规则"), tr("has no provenance")


def lint(scheme: Scheme, constraints: tuple[Constraint, ...] = ()) -> list[Finding]:
    """Every finding for the scheme; an empty list means it passes."""
    from pointscalc.registry import structural_problems

    out = [Finding(scheme.key, pick("structure", "结构"), p) for p in structural_problems(scheme)]
    versions = sorted(scheme.versions, key=lambda v: v.effective)
    for a, b in itertools.pairwise(versions):
        if a.ends is not None and a.ends < b.effective:
            out.append(Finding(scheme.key, pick("versions", "版本"), tr(
                "gap between {a} {a_valid} and {b} {b_valid}: no rules from {ends} to {starts}", a=a.label,
                a_valid=a.validity(), b=b.label, b_valid=b.validity(), ends=a.ends, starts=b.effective)))
    comma = pick(", ", "，")
    for v in versions:
        here = tr("version {label}", label=v.label)
        out += [Finding(scheme.key, f"{here}{comma}{w}" if w else here, m) for w, m in _house_rules(scheme, v)]
        for c in constraints:
            if c.since is None or v.ends is None or v.ends > c.since:
                out += [Finding(scheme.key, f"{here}{comma}{w}", m) for w, m in c.findings(v)]
    for a in scheme.agreements:
        if not a.citation.document or a.citation.document not in {d.number for d in scheme.documents}:
            out.append(Finding(scheme.key, tr("agreement {key}", key=a.key),
                               tr("cites {document!r}, not a listed document", document=a.citation.document)))
    return list(dict.fromkeys(out))  # two limits may find the same unreadable condition
