"""The vocabulary schemes are written in: measures, predicates, conditions, items, channels.

Each is a frozen value a scheme declares next to its clause, and each knows how to
evaluate itself for one applicant through a ``Context`` (see ``pointscalc.scoring``).
Points are computed as exact fractions; the scheme's rounding rule is applied once, to
each line, by the scorer.
"""

from __future__ import annotations

import abc
import datetime as dt
import enum
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from pointscalc.model import (
    Choice,
    FamilyMember,
    InsuranceScheme,
    PeriodKind,
    RecordKind,
    Relation,
    Sex,
    Tenure,
)
from pointscalc.months import (
    Months,
    full_years,
    month_label,
    month_of_date,
    whole_years_between,
)
from pointscalc.i18n import N_, pick, tr, using
from pointscalc.scheme import NO_TEXT, OFFICIAL, Citation, Provenance, Rounding, Text, as_text

if TYPE_CHECKING:
    from pointscalc.model import Period, Record
    from pointscalc.scoring import Context


class _Highest(enum.Enum):
    DIPLOMA = N_("highest diploma")


HIGHEST_DIPLOMA = _Highest.DIPLOMA
"""In a ``where`` filter on study periods: the applicant's own highest diploma."""

ANYWHERE = frozenset({"*"})
"""For ``MonthsOf.cities``: periods in any city count (study abroad, say)."""


def _fmt(value: Fraction | Decimal | int) -> str:
    if isinstance(value, Fraction):
        return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    return str(value)


NO_MONTHS = Months()
_CHOICES: dict[str, type[Choice]] = {"scheme": InsuranceScheme, "tenure": Tenure}

SILENT = Text("", "")
"""The detail of a line scored without explanation (a bulk run)."""


# --- Measures: which months count -----------------------------------------------------


@attrs.frozen(kw_only=True)
class MonthsOf:
    """The months of some kind of period, in some place, that an item or condition reads.

    ``cities=None`` means the scheme's home city; partner cities come from recognition
    agreements, not from here.
    """

    kinds: frozenset[PeriodKind]
    where: tuple[tuple[str, Any], ...] = ()
    """Attribute filters: ``(("scheme", "urban_employee"),)``; a value may be a set."""
    cities: frozenset[str] | None = None
    districts: frozenset[str] | None = None
    """Only periods in these districts of the city (Suzhou's 市区, Beijing's outer districts)."""
    since: dt.date | None = None
    """Months before this date do not count (自本办法施行之日起)."""
    continuous: bool = False
    """Only the unbroken run that reaches ``as_of`` counts (连续)."""
    max_gap: int = 0
    """For a continuous run: a break of up to this many months does not end it."""
    lag: int = 1
    """For a continuous run: how many months before ``as_of`` the run may stop and still
    reach it, since the current month's contribution is often not yet posted."""

    @property
    def recognisable(self) -> bool:
        """Only a home-city measure over the whole city takes partner cities' months."""
        return self.cities is None and self.districts is None

    def matches(self, period: Period, ctx: Context) -> bool:
        """Kind and attribute filters, wherever the period is."""
        if period.kind not in self.kinds:
            return False
        for name, wanted in self.where:
            value = period.attr(name)
            if wanted is HIGHEST_DIPLOMA:
                if value is not None and value != ctx.applicant.education.diploma.code:
                    return False
            elif isinstance(wanted, (set, frozenset, tuple)):
                if value not in wanted:
                    return False
            elif value != wanted:
                return False
        return True

    def selects(self, period: Period, ctx: Context) -> bool:
        """The period counts as the scheme's own (before any recognition)."""
        if self.cities is not ANYWHERE:
            if period.city not in (self.cities or {ctx.scheme.city}):
                return False
            if self.districts is not None and period.district not in self.districts:
                return False
        return self.matches(period, ctx)

    def credits(self, period: Period, ctx: Context) -> bool:
        """The period's months count here: the scheme's own, or a recognised partner's."""
        if self.selects(period, ctx):
            return True
        return (
            self.recognisable
            and period.city != ctx.scheme.city
            and self.matches(period, ctx)
            and ctx.recognition.agreement_for(period.city, period.kind) is not None
        )

    def _window(self, months: Months, ctx: Context) -> Months:
        months = months.until(ctx.as_of)
        return months.clip(start=month_of_date(self.since)) if self.since is not None else months

    def own(self, ctx: Context) -> Months:
        return self._window(
            Months(r for p in ctx.applicant.periods if self.selects(p, ctx) for r in p.months), ctx
        )

    def partner_months(self, ctx: Context) -> dict[str, Months]:
        """Months credited from each partner city under the agreements in force, beyond
        the home city's own."""
        if not self.recognisable:
            return {}
        pieces: dict[Any, list[tuple[str, Months]]] = {}
        for p in ctx.applicant.periods:
            if p.city == ctx.scheme.city or not self.matches(p, ctx):
                continue
            agreement = ctx.recognition.agreement_for(p.city, p.kind)
            if agreement is not None:
                pieces.setdefault(agreement, []).append((p.city, agreement.credit(p.months)))
        if not pieces:
            return {}
        taken = self.own(ctx)
        out: dict[str, Months] = {}
        # By key, not by the order periods were listed: with a cap the order matters.
        for agreement, found in sorted(pieces.items(), key=lambda kv: kv[0].key):
            credited = self._window(Months(r for _, m in found for r in m), ctx) - taken
            if agreement.cap_months is not None:
                credited = credited.latest(agreement.cap_months)
            taken = taken | credited
            for city, m in sorted(found):
                share = credited & m
                if share:
                    out[city] = out.get(city, Months()) | share
                    credited = credited - share
        return out

    def evaluate(self, ctx: Context, recognise: bool = True) -> Months:
        months = self.own(ctx)
        if recognise:
            for extra in self.partner_months(ctx).values():
                months = months | extra
        if self.continuous:
            months = months.run_ending_at(ctx.month, self.max_gap, self.lag)
        return months

    def explain(self, ctx: Context) -> Text | None:
        """Months by city and the agreement used; months not credited, with the reason.

        ``None`` when only the home city's months are involved, or nothing is explained.
        """
        if not self.recognisable or not ctx.explain:
            return None
        final = ctx.months(self)
        home = final & self.own(ctx)
        parts_en = [f"{home.count} {ctx.scheme.city}"]
        parts_zh = [f"{ctx.scheme.city}{home.count}个月"]
        cites: list[str] = []
        for city, months in sorted(self.partner_months(ctx).items()):
            n = (final & months).count
            if n:
                parts_en.append(f"{n} {city}")
                parts_zh.append(f"{city}{n}个月")
            for kind in sorted(self.kinds, key=lambda k: k.rank):
                agreement = ctx.recognition.agreement_for(city, kind)
                if agreement is not None and str(agreement.citation) not in cites:
                    cites.append(str(agreement.citation))
        refused_en, refused_zh = [], []
        others: dict[tuple[str, Any], Months] = {}
        for p in ctx.applicant.periods:
            if p.city != ctx.scheme.city and self.matches(p, ctx) \
                    and ctx.recognition.agreement_for(p.city, p.kind) is None:
                key = (p.city, p.kind)
                others[key] = others.get(key, Months()) | self._window(p.months, ctx)
        for (city, kind), months in sorted(others.items(), key=lambda kv: (kv[0][0], kv[0][1].rank)):
            n = (months - final).count
            if not n:
                continue
            why = ctx.recognition.why_not(city, kind, ctx.as_of)
            refused_en.append(f"{n} {city} not credited: {why.en}")
            refused_zh.append(f"{city}{n}个月不予认可：{why.zh}")
        if len(parts_en) == 1 and not refused_en:
            return None
        en = f"{final.count} months = " + " + ".join(parts_en)
        zh = f"共{final.count}个月 = " + " + ".join(parts_zh)
        if cites:
            en += f" (recognised: {'; '.join(cites)})"
            zh += f"（互认依据：{'；'.join(cites)}）"
        if refused_en:
            en += "; " + "; ".join(refused_en)
            zh += "；" + "；".join(refused_zh)
        return Text(en, zh)

    def describe(self) -> str:
        """The measure as its codes (kinds, filters) with the words around them in the
        current language: ``social_insurance, scheme=urban_employee, continuous``."""
        kinds = "/".join(sorted(k.code for k in self.kinds))
        bits = [kinds]
        bits += [f"{k}={_shown(v)}" for k, v in self.where]
        if self.cities is ANYWHERE:
            bits.append(tr("anywhere"))
        elif self.cities:
            bits.append(tr("in {cities}", cities="/".join(sorted(self.cities))))
        if self.districts:
            bits.append(tr("districts {districts}", districts="/".join(sorted(self.districts))))
        if self.since:
            bits.append(tr("since {day}", day=str(self.since)))
        if self.continuous:
            bits.append(tr("continuous (gaps ≤ {n} months)", n=self.max_gap) if self.max_gap else tr("continuous"))
        return ", ".join(bits)  # codes, joined as codes are (a Chinese comma would make one unbreakable word)


    def named(self) -> Text:
        """The measure in words an applicant reads: "continuous urban employee social insurance"."""
        adj_en, adj_zh = [], []
        for name, v in self.where:
            if name in _CHOICES and isinstance(v, str):
                adj_en.append(v.replace("_", " "))
                adj_zh.append(_choice_zh(name, v))
        kinds = sorted(self.kinds, key=lambda k: k.rank)
        en = " ".join([*adj_en, "/".join(k.code.replace("_", " ") for k in kinds)])
        zh = "".join(adj_zh) + "/".join(k.zh for k in kinds)
        if self.continuous:
            en, zh = "continuous " + en, "连续" + zh
        if self.cities is ANYWHERE:
            en, zh = en + " (anywhere)", zh + "（不限城市）"
        if self.districts:
            places = "/".join(sorted(self.districts))
            en, zh = f"{en} in {places}", f"{places}{zh}"
        return Text(en, zh)


def _shown(value: Any) -> str:
    """A filter's value in a description: a code as a user types it in Chinese (``true``,
    not Python's ``True``), words in the current language (最高学历)."""
    if isinstance(value, _Highest):
        return tr(value.value)
    if isinstance(value, bool):
        return pick(str(value), str(value).lower())
    return str(getattr(value, "value", value))


def _choice_zh(attribute: str | None, value: Any) -> str:
    """A period attribute's value in Chinese (rented → 租赁), where it is one of our choices."""
    enum_of = _CHOICES.get(attribute or "")
    try:
        return enum_of.parse(value).zh if enum_of is not None else str(value)
    except ValueError:
        return str(value)


def months_of(*kinds: PeriodKind, **kwargs: Any) -> MonthsOf:
    where = kwargs.pop("where", {})
    return MonthsOf(kinds=frozenset(kinds), where=tuple(sorted(where.items())), **kwargs)


# --- Predicates: yes-or-no questions about an applicant --------------------------------


@attrs.frozen
class Outcome:
    ok: bool
    detail: Text
    shortfall: Text | None = None
    """What is missing, where it can be said ("2 more months of ...")."""


@attrs.frozen(kw_only=True)
class HoldsAt:
    """A period of this measure covers the month of ``as_of`` (持有居住证)."""

    measure: MonthsOf

    def test(self, ctx: Context) -> Outcome:
        months = ctx.months(self.measure, recognise=False)
        ok = bool(months) and months.last() == ctx.month
        return Outcome(
            ok,
            Text(f"held in {month_label(ctx.month)}", f"{month_label(ctx.month)}时符合")
            if ok
            else Text(f"not held in {month_label(ctx.month)}", f"{month_label(ctx.month)}时不符合"),
        )


@attrs.frozen(kw_only=True)
class MonthsAtLeast:
    """At least ``months`` months of the measure.  Chinese 以上 includes the number itself."""

    measure: MonthsOf
    months: int

    def test(self, ctx: Context) -> Outcome:
        have = ctx.months(self.measure).count
        missing = self.months - have
        detail = Text(f"{have} of {self.months} months", f"{have}/{self.months}个月")
        why = self.measure.explain(ctx)
        if why is not None:
            detail = Text(f"{detail.en}: {why.en}", f"{detail.zh}：{why.zh}")
        if missing <= 0 or not ctx.explain:
            return Outcome(missing <= 0, detail)
        named = self.measure.named()
        return Outcome(False, detail, Text(f"{missing} more month{'s' if missing > 1 else ''} of {named.en}",
                                           f"{named.zh}还差{missing}个月"))


@attrs.frozen(kw_only=True)
class HasRecord:
    """A record of this kind, matching ``where``, dated in ``[since, as_of]``."""

    kind: RecordKind
    where: tuple[tuple[str, Any], ...] = ()
    since: dt.date | None = None
    within_years: int | None = None

    def matching(self, ctx: Context) -> list[Record]:
        start = self.since
        if self.within_years is not None:
            window = years_before(ctx.as_of, self.within_years)
            start = max(start, window) if start else window
        return [
            r
            for r in ctx.applicant.records
            if r.kind is self.kind
            and r.date <= ctx.as_of
            and (start is None or r.date >= start)
            and all(_attr_matches(r.attr(k), v) for k, v in self.where)
        ]

    def test(self, ctx: Context) -> Outcome:
        found = self.matching(ctx)
        return Outcome(
            bool(found),
            Text(f"{len(found)} matching {self.kind.code} record(s)", f"{len(found)}条符合的{self.kind.zh}记录"),
        )


def years_before(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` earlier; 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def record(kind: RecordKind, **kwargs: Any) -> HasRecord:
    where = {k: v for k, v in kwargs.items() if k not in ("since", "within_years")}
    rest = {k: v for k, v in kwargs.items() if k in ("since", "within_years")}
    return HasRecord(kind=kind, where=tuple(sorted(where.items())), **rest)


def _attr_matches(value: Any, wanted: Any) -> bool:
    if isinstance(wanted, (set, frozenset, tuple)):
        return value in wanted
    return bool(value == wanted)


@attrs.frozen(kw_only=True)
class EachOfLastYears:
    """A matching record in each of the last ``years`` calendar years before ``as_of``
    (近3年连续纳税)."""

    select: HasRecord
    years: int

    def test(self, ctx: Context) -> Outcome:
        wanted = set(range(ctx.as_of.year - self.years, ctx.as_of.year))
        have = {r.date.year for r in self.select.matching(ctx)} & wanted
        return Outcome(
            have == wanted,
            Text(f"{len(have)} of the last {self.years} years", f"近{self.years}年中{len(have)}年"),
        )


@attrs.frozen(kw_only=True)
class Not:
    predicate: Any

    def test(self, ctx: Context) -> Outcome:
        inner = self.predicate.test(ctx)
        return Outcome(not inner.ok, inner.detail)


@attrs.frozen(kw_only=True)
class FactIs:
    """An extra fact the scheme declares has one of these values."""

    name: str
    values: frozenset[Any]

    def test(self, ctx: Context) -> Outcome:
        value = ctx.applicant.fact(self.name)
        if value is None:
            return Outcome(False, Text(f"extra.{self.name} not given", f"未填写 extra.{self.name}"))
        return Outcome(value in self.values, Text(f"{self.name} = {value}", f"{self.name} = {value}"))


@attrs.frozen(kw_only=True)
class Check:
    """An escape hatch: a function of the context returning an ``Outcome``.

    ``columns``, if given, answers the same question for a whole chunk of applicants at
    once (``pointscalc.bulk``): a function of the bulk engine returning one boolean per
    applicant.  Without it a bulk run of the version is scored applicant by applicant.
    """

    fn: Callable[[Context], Outcome]
    columns: Callable[[Any], Any] | None = None

    def test(self, ctx: Context) -> Outcome:
        return self.fn(ctx)


@attrs.frozen(kw_only=True)
class HasLevel:
    """Any of these minimum levels: a college graduate (大专 or above), a skilled worker."""

    any_of: tuple[Min, ...]

    def test(self, ctx: Context) -> Outcome:
        ok = any(m.met_by(ctx) for m in self.any_of)
        names = sorted({name for m in self.any_of for name, _ in m.levels})
        facts = Min.facts(ctx)
        have_en = ", ".join(f"{name} {facts[name].zh}" for name in names)
        have_zh = "，".join(f"{_LEVEL_ZH[name]}：{facts[name].zh}" for name in names)
        return Outcome(ok, Text(f"{have_en}; needs {' or '.join(m.describe() for m in self.any_of)}",
                                f"现有{have_zh}；须达到{'或'.join(m.describe() for m in self.any_of)}"))


_LEVEL_ZH = {"diploma": "学历", "degree": "学位", "qualification": "职业资格", "title": "职称"}


ADULT_AGE = 18
"""未成年: under 18 (民法典 第十七条)."""


def is_minor(member: FamilyMember, on: dt.date) -> bool | None:
    return None if member.birth is None else whole_years_between(member.birth, on) < ADULT_AGE


@attrs.frozen(kw_only=True)
class WholeFamily:
    """举家迁徙: a spouse or a minor child, and every spouse and minor child moving too.
    A child whose birth is not given counts as minor, so as not to call a family whole
    that may leave a child behind."""

    def test(self, ctx: Context) -> Outcome:
        close = [m for m in ctx.applicant.family if m.relation is Relation.SPOUSE or (
            m.relation is Relation.CHILD and is_minor(m, ctx.as_of) is not False)]
        moving = sum(m.moves for m in close)
        return Outcome(bool(close) and moving == len(close),
                       Text(f"{moving} of {len(close)} spouse/minor children move",
                            f"配偶及未成年子女{len(close)}人中{moving}人随迁"))


@attrs.frozen(kw_only=True)
class AnyOf:
    """Met when any of the predicates is: one group defined several ways (城镇就业、居住5年以上)."""

    predicates: tuple[Any, ...]

    def test(self, ctx: Context) -> Outcome:
        outcomes = [p.test(ctx) for p in self.predicates]
        return Outcome(any(o.ok for o in outcomes), _joined(outcomes, " or ", "或"))


@attrs.frozen(kw_only=True)
class AllOf:
    """Met when every one of the predicates is."""

    predicates: tuple[Any, ...]

    def test(self, ctx: Context) -> Outcome:
        outcomes = [p.test(ctx) for p in self.predicates]
        return Outcome(all(o.ok for o in outcomes), _joined(outcomes, " and ", "且"))


def _joined(outcomes: list[Outcome], en: str, zh: str) -> Text:
    return Text(en.join(o.detail.en for o in outcomes), zh.join(o.detail.zh for o in outcomes))


@attrs.frozen(kw_only=True)
class BornFrom:
    """Born in ``year`` or later (新生代: born in 1980 or later)."""

    year: int

    def test(self, ctx: Context) -> Outcome:
        born = ctx.applicant.birth.year
        return Outcome(born >= self.year, Text(f"born {born}", f"{born}年出生"))


@attrs.frozen(kw_only=True)
class RuralOrigin:
    """The hukou the applicant holds now is rural (农业户口).  This reads origin, which a
    fair scheme otherwise never does: only a policy that names such a group may use it,
    with a waiver the audit prints."""

    def test(self, ctx: Context) -> Outcome:
        rural = ctx.applicant.origin.rural
        return Outcome(rural is True, Text(f"rural hukou: {rural}", f"农业户口：{rural}"))


@attrs.frozen(kw_only=True)
class HomeInArea:
    """A home held now in the area, with at least the floor area per person for the
    applicant and every family member who moves (人均住房面积不低于…标准).

    The area is ``districts``, or, with ``by_fact``, the districts ``areas`` gives for the
    value of that extra fact (the target area); neither means anywhere in the city.  The
    floor is the version's parameter ``floor``.
    """

    districts: frozenset[str] | None = None
    by_fact: str | None = None
    areas: tuple[tuple[str, frozenset[str]], ...] = ()
    floor: str = "floor_area_per_person"

    def districts_for(self, ctx: Context) -> frozenset[str] | None:
        if self.by_fact is None:
            return self.districts
        return dict(self.areas).get(ctx.applicant.fact(self.by_fact))

    def test(self, ctx: Context) -> Outcome:
        districts = self.districts_for(ctx)
        current = [
            p for p in ctx.applicant.periods
            if p.kind is PeriodKind.RESIDENCE and p.city == ctx.scheme.city
            and (districts is None or p.district in districts)
            and p.start <= ctx.month and (p.end is None or p.end >= ctx.month)
        ]
        if not current:
            return Outcome(False, Text("no current home in the area", "在该区域无现住所"))
        people = 1 + sum(1 for m in ctx.applicant.family if m.moves)
        floor = ctx.version.param(self.floor)
        best = max((p.attr("area") or Decimal(0)) for p in current)
        per_person = best / people
        ok = best >= floor * people
        return Outcome(
            ok,
            Text(f"{best} m² for {people} people = {per_person:.2f} m² each (standard {floor})",
                 f"{best}㎡，{people}人，人均{per_person:.2f}㎡（标准{floor}㎡）"),
            None if ok else Text(f"at least {floor * people} m² needed for {people} people",
                                 f"{people}人需至少{floor * people}㎡"),
        )


@attrs.frozen(kw_only=True)
class BelowRetirementAge:
    """不超过法定退休年龄: younger than the retirement age for the applicant's sex, in whole
    years on ``as_of``.  A woman with the extra fact ``cadre_fact`` retires at the cadres'
    age.  The ages are the version's parameters, since national rules, not the scheme's
    own text, set them.  Without a sex the age is unknown, and the condition is not met."""

    male: str = "retirement_age_male"
    female: str = "retirement_age_female"
    female_cadre: str = "retirement_age_female_cadre"
    cadre_fact: str = "cadre"

    def limit(self, ctx: Context) -> int | None:
        a = ctx.applicant
        if a.sex is None:
            return None
        if a.sex is Sex.MALE:
            return int(ctx.version.param(self.male))
        return int(ctx.version.param(self.female_cadre if a.fact(self.cadre_fact) else self.female))

    def test(self, ctx: Context) -> Outcome:
        limit = self.limit(ctx)
        if limit is None:
            return Outcome(
                False,
                Text("sex not given, so the retirement age is unknown", "未提供性别，无法确定法定退休年龄"),
                Text("give sex or an ID number", "请提供性别或身份证号"),
            )
        age = ctx.applicant.age_on(ctx.as_of)
        return Outcome(age < limit, Text(f"age {age}, retirement at {limit}", f"{age}周岁，退休年龄{limit}"))


Predicate = (HoldsAt | MonthsAtLeast | HasRecord | EachOfLastYears | Not | FactIs | Check | HasLevel | WholeFamily
             | AnyOf | AllOf | BornFrom | RuralOrigin | HomeInArea | BelowRetirementAge)


# --- Conditions and channels -----------------------------------------------------------


@attrs.frozen(kw_only=True)
class Condition:
    """A precondition an applicant must meet, with the clause that imposes it."""

    key: str
    label: Text
    test: Predicate
    citation: Citation
    provenance: Provenance = OFFICIAL
    imposes: frozenset[str] | None = None
    """What the condition asks for, in ``pointscalc lint``'s words (``home_purchase``,
    ``investment``, ``tax``), where that cannot be read off its test: a ``Check`` is a
    function lint cannot look into.  ``frozenset()`` says "none of those"."""

    def check(self, ctx: Context) -> Outcome:
        return self.test.test(ctx)


@attrs.frozen(kw_only=True)
class Follower:
    """A family member who may settle with the applicant (随迁), and on what terms."""

    relation: Relation
    citation: Citation
    minor: bool = False
    """Only while under 18 on ``as_of`` (未成年子女)."""
    unmarried: bool = False
    """Only while unmarried (未婚子女)."""
    together: bool = False
    """Only if living with the applicant (共同居住生活)."""
    provenance: Provenance = OFFICIAL
    note: Text | None = None
    """A term we cannot check from the facts (Beijing: 符合计划生育政策)."""
    elsewhere: Text | None = None
    """Not by this path, but by another policy the text names (Beijing 第九条: a spouse
    applies under the kinship policy): the member does not follow, and is told where to go."""

    def admits(self, member: FamilyMember, as_of: dt.date) -> tuple[bool | None, Text]:
        """Whether the member may follow: ``None`` when it turns on a fact not given."""
        if self.elsewhere is not None:
            return False, self.elsewhere
        unknown: list[Text] = []
        if self.minor:
            minor = is_minor(member, as_of)
            if minor is False:
                return False, Text("18 or over: only minor children follow", "已成年：仅未成年子女可随迁")
            if minor is None:
                unknown.append(Text("if under 18 (birth not given)", "未满18周岁的（未提供出生日期）"))
        if self.unmarried:
            if member.married:
                return False, Text("married: only unmarried children follow", "已婚：仅未婚子女可随迁")
            if member.married is None:
                unknown.append(Text("if unmarried", "未婚的"))
        if self.together:
            if member.lives_with is False:
                return False, Text("does not live with the applicant", "未与申请人共同居住生活")
            if member.lives_with is None:
                unknown.append(Text("if living together", "共同居住生活的"))
        if self.note is not None:
            unknown.append(self.note)
        if unknown:
            return None, Text("may follow " + ", ".join(t.en for t in unknown),
                              "可随迁，条件：" + "、".join(t.zh for t in unknown))
        return True, Text("may follow", "可随迁")


@attrs.frozen(kw_only=True)
class Advice:
    """What a person settling by a channel should know, when ``when`` holds (a renter may
    register in the community collective household)."""

    text: Text
    citation: Citation
    when: Predicate | None = None


@attrs.frozen(kw_only=True)
class Channel:
    """A direct settlement path: meet every condition and settle, no points needed."""

    key: str
    label: Text
    conditions: tuple[Condition, ...]
    citation: Citation
    followers: tuple[Follower, ...] | None = None
    """Family members who may follow by this path; ``None`` where the source does not say."""
    advice: tuple[Advice, ...] = ()
    provenance: Provenance = OFFICIAL
    open_ended: bool = False
    """The text states no end date: the channel stays in force when the version that
    declares it ends (a points table revised), until ``ends`` or until a later version
    declares a channel with the same key."""
    ends: dt.date | None = None
    """Exclusive end of an open-ended channel, where one is known."""


# --- Items: what earns points -----------------------------------------------------------


class Accrue(enum.Enum):
    MONTHLY = "per month"
    YEARLY_PRO_RATA = "per year, accrued monthly"
    FULL_YEARS = "per full year (每满1年)"

    def rate(self, rate: str) -> str:
        """``rate`` points at this pace, in the current language."""
        return tr({Accrue.MONTHLY: N_("{rate} per month"),
                   Accrue.YEARLY_PRO_RATA: N_("{rate} per year, accrued monthly"),
                   Accrue.FULL_YEARS: N_("{rate} per full year (每满1年)")}[self], rate=rate)


@attrs.frozen(kw_only=True)
class Item(abc.ABC):
    key: str
    label: Text
    citation: Citation
    provenance: Provenance
    note: Text = attrs.field(default=NO_TEXT, converter=as_text)

    @abc.abstractmethod
    def evaluate(self, ctx: Context) -> tuple[Fraction, Text]:
        """The unrounded points and the facts they come from."""

    def describe(self) -> str:
        return ""


@attrs.frozen(kw_only=True)
class Accrual(Item):
    """Points for months: per month, per year accrued monthly, or per full year; capped.

    With ``rates`` keyed by the values of attribute ``by`` (a home owned or rented), each
    month earns the best rate that applies to it, and ``not_more_than`` caps the number of
    months counted by another measure (Beijing: residence years ≤ insurance years), the
    best-paid months kept first.  Full years are counted over all the months together and
    paid from the best-paid months: counted per rate, a month that moves to a better rate
    could cost a whole year, and more months could lower the score.
    """

    measure: MonthsOf
    rate: Decimal | None = None
    rates: tuple[tuple[str, Decimal], ...] = ()
    by: str | None = None
    accrue: Accrue = Accrue.MONTHLY
    cap: Decimal | None = None
    not_more_than: MonthsOf | None = None
    round_each: Rounding | None = None
    """Each rate's part is rounded on its own by this rule, then the parts are added
    (Beijing's lists round the owned and the rented part separately)."""
    round_each_by: tuple[tuple[str, Rounding], ...] = ()
    """A part's own rounding where it differs from ``round_each`` (by the value of ``by``)."""

    def part_rounding(self, value: str | None) -> Rounding | None:
        return dict(self.round_each_by).get(value, self.round_each) if value is not None else self.round_each

    def parts(self, groups: list[tuple[str | None, Decimal, int]]) -> list[tuple[str | None, Fraction]]:
        """Each rate's points, rounded on its own where the item says so."""
        if self.accrue is Accrue.FULL_YEARS:
            groups = self.paid(groups)
        out = []
        for value, rate, n in groups:
            part = Fraction(rate) * n if self.accrue is Accrue.MONTHLY else Fraction(rate) * n / 12
            rounding = self.part_rounding(value)
            out.append((value, Fraction(rounding.apply(part)) if rounding is not None else part))
        return out

    def groups(self, ctx: Context, minus: Months = NO_MONTHS) -> list[tuple[str | None, Decimal, int]]:
        """Months counted at each rate, best rate first, after the ``not_more_than`` limit."""
        months = ctx.months(self.measure) - minus
        if self.by is None:
            assert self.rate is not None
            counted = [(None, self.rate, months)]
        else:
            counted = []
            taken = Months()
            for value, rate in sorted(self.rates, key=lambda vr: -vr[1]):
                own = Months(
                    r
                    for p in ctx.applicant.periods
                    if self.measure.credits(p, ctx) and p.attr(self.by) == value
                    for r in p.months
                )
                share = (months & own) - taken
                taken = taken | share
                counted.append((value, rate, share))
        limit = (ctx.months(self.not_more_than) - minus).count if self.not_more_than else None
        out = []
        for value, rate, share in counted:
            n = share.count if limit is None else min(share.count, limit)
            if limit is not None:
                limit -= n
            out.append((value, rate, n))
        return out

    @staticmethod
    def paid(groups: list[tuple[str | None, Decimal, int]]) -> list[tuple[str | None, Decimal, int]]:
        """For full years: the months the years are paid from, best rate first."""
        left = 12 * full_years(sum(n for _, _, n in groups))
        out = []
        for value, rate, n in groups:
            take = min(n, left)
            left -= take
            out.append((value, rate, take))
        return out

    def points_of(self, groups: list[tuple[str | None, Decimal, int]]) -> Fraction:
        total = sum((part for _, part in self.parts(groups)), Fraction(0))
        if self.cap is not None:
            total = min(total, Fraction(self.cap))
        return total

    def evaluate(self, ctx: Context, minus: Months = NO_MONTHS) -> tuple[Fraction, Text]:
        groups = self.groups(ctx, minus)
        points = self.points_of(groups)
        if not ctx.explain:
            return points, SILENT
        total_months = sum(n for _, _, n in groups)
        years = full_years(total_months)
        if self.accrue is Accrue.FULL_YEARS and self.by is None:
            rate = groups[0][1]
            en = [f"{years} full years ({total_months} months) × {rate}"]
            zh = [f"满{years}年（{total_months}个月） × {rate}"]
        else:
            unit = "" if self.accrue is Accrue.MONTHLY else "/12"
            shown = [g for g in (self.paid(groups) if self.accrue is Accrue.FULL_YEARS else groups)
                     if g[2] or self.by is None]
            en = [" + ".join(f"{n} months{f' {v}' if v else ''} × {r}{unit}" for v, r, n in shown) or "0 months"]
            zh = [" + ".join(f"{_choice_zh(self.by, v) if v else ''}{n}个月 × {r}{unit}" for v, r, n in shown) or "0个月"]
            if self.accrue is Accrue.FULL_YEARS and shown:
                en = [f"{years} full years of {total_months} months: {en[0]}"]
                zh = [f"{total_months}个月满{years}年：{zh[0]}"]
            if self.round_each is not None or self.round_each_by:
                rounded = " + ".join(str(self._shown(v, p)) for v, p in self.parts(groups) if p or self.by is None)
                en.append(f"each part rounded: {rounded or 0}")
                zh.append(f"各部分分别取舍：{rounded or 0}")
        if self.not_more_than is not None:
            limit = (ctx.months(self.not_more_than) - minus).count
            if sum(n for _, _, n in groups) < (ctx.months(self.measure) - minus).count:
                with using("en"):
                    by = self.not_more_than.describe()
                en.append(f"(limited to {limit} months by {by})")
                zh.append(f"（以{limit}个月为限）")
        if self.cap is not None and points == Fraction(self.cap):
            en.append(f"capped at {self.cap}")
            zh.append(f"封顶{self.cap}")
        why = self.measure.explain(ctx)
        if why is not None:
            en.append(f"[{why.en}]")
            zh.append(f"［{why.zh}］")
        return points, Text(", ".join(en), "，".join(zh))

    def _shown(self, value: str | None, part: Fraction) -> Decimal | str:
        rounding = self.part_rounding(value)
        return rounding.apply(part) if rounding is not None else _fmt(part)

    def describe(self) -> str:
        if self.by is None:
            rate = self.accrue.rate(str(self.rate))
        else:
            rate = self.accrue.rate(pick("; ", "、").join(f"{self._value(v)} {r}" for v, r in self.rates))
        cap = tr(", cap {cap}", cap=self.cap) if self.cap is not None else ""
        limit = tr(", months ≤ insured months") if self.not_more_than else ""
        parts = ""
        if self.round_each is not None or self.round_each_by:
            each = tr("each part rounded {mode}", mode=self.round_each.mode) if self.round_each else tr("parts")
            own = "".join(tr("; {value} part {mode}", value=self._value(v), mode=r.mode) for v, r in self.round_each_by)
            parts = tr(", {each}{own}, then added", each=each, own=own)
        return tr("{rate}{cap}{limit}{parts}; counts {measure}", rate=rate, cap=cap, limit=limit, parts=parts,
                  measure=self.measure.describe())

    def _value(self, value: str) -> str:
        """A value of ``by`` as the reader calls it: ``owned`` in English, 自有 in Chinese."""
        return pick(value, _choice_zh(self.by, value))


@attrs.frozen
class Min:
    """A requirement of minimum levels: ``Min(diploma=Diploma.BACHELOR, degree=Degree.BACHELOR)``."""

    levels: tuple[tuple[str, Choice], ...]

    def __init__(self, **levels: Choice) -> None:
        self.__attrs_init__(tuple(levels.items()))

    @staticmethod
    def facts(ctx: Context) -> dict[str, Choice]:
        a = ctx.applicant
        return {
            "diploma": a.education.diploma,
            "degree": a.education.degree,
            "qualification": a.qualification,
            "title": a.title,
        }

    def met_by(self, ctx: Context) -> bool:
        facts = self.facts(ctx)
        return all(facts[name] >= level for name, level in self.levels)

    def describe(self) -> str:
        return " + ".join(level.zh for _, level in self.levels)

    def held(self, ctx: Context) -> str:
        """What the applicant holds of the levels this requirement names: the person, not the
        rule (a 研究生 diploma with a 学士 degree meets 本科 + 学士, and says so)."""
        facts = self.facts(ctx)
        return " + ".join(facts[name].zh for name, _ in self.levels)


@attrs.frozen
class Row:
    """One line of a level table: the points and the alternative ways to reach them."""

    label: str
    points: Decimal
    any_of: tuple[Min, ...]


def row(label: str, points: str | Decimal, *any_of: Min) -> Row:
    return Row(label, Decimal(points), any_of)


@attrs.frozen(kw_only=True)
class LevelTable(Item):
    """Highest level only (以最高为准, 不累计)."""

    rows: tuple[Row, ...]

    def evaluate(self, ctx: Context) -> tuple[Fraction, Text]:
        best: tuple[Row, Min] | None = None
        for r in self.rows:
            met = next((req for req in r.any_of if req.met_by(ctx)), None)
            if met is not None and (best is None or r.points > best[0].points):
                best = (r, met)
        if best is None:
            return Fraction(0), Text("no qualifying level", "无")
        r, met = best
        have = met.held(ctx)
        return Fraction(r.points), Text(f"{have} (row: {r.label})", f"{have}（按“{r.label}”一档）")

    def describe(self) -> str:
        rows = pick("; ", "；").join(tr("{label} {points}", label=r.label, points=r.points) for r in self.rows)
        return tr("{rows} (highest only)", rows=rows)


@attrs.frozen
class DayOfYear:
    """A fixed day of the data day's year, ``years`` later or earlier: 1 January of the
    year of application (以申请当年1月1日计算周岁) is ``DayOfYear(1, 1)``."""

    month: int
    day: int
    years: int = 0

    def of(self, data_day: dt.date) -> dt.date:
        return dt.date(data_day.year + self.years, self.month, self.day)

    def describe(self) -> str:
        shift = f" {self.years:+d} years" if self.years else ""
        return f"{self.month:02d}-{self.day:02d} of the data day's year{shift}"


@attrs.frozen
class Band:
    low: int | None
    high: int | None
    """Inclusive, in completed years (周岁)."""
    points: Decimal


def band(low: int | None, high: int | None, points: str) -> Band:
    return Band(low, high, Decimal(points))


@attrs.frozen(kw_only=True)
class AgeBands(Item):
    bands: tuple[Band, ...]
    reference: DayOfYear | None = None
    """The day age is taken on, from the data day; ``None`` takes the data day itself (a
    round's: Beijing counts to the end of year Y−2; else ``--as-of``)."""

    def evaluate(self, ctx: Context) -> tuple[Fraction, Text]:
        day = self.reference.of(ctx.as_of) if self.reference else ctx.as_of
        age = ctx.applicant.age_on(day)
        for b in self.bands:
            if (b.low is None or age >= b.low) and (b.high is None or age <= b.high):
                return Fraction(b.points), Text(f"age {age} on {day}", f"{day}时{age}周岁")
        return Fraction(0), Text(f"age {age} on {day}: no band", f"{day}时{age}周岁，不计分")

    def describe(self) -> str:
        def span(b: Band) -> str:
            if b.low is None:
                return f"≤{b.high}"
            if b.high is None:
                return f"≥{b.low}"
            return f"{b.low}–{b.high}" if b.low != b.high else f"{b.low}"

        return pick("; ", "；").join(tr("{span}: {points}", span=span(b), points=b.points) for b in self.bands)


@attrs.frozen(kw_only=True)
class Flag(Item):
    """A fixed bonus (or deduction) when a predicate holds."""

    when: Predicate
    points: Decimal

    def evaluate(self, ctx: Context) -> tuple[Fraction, Text]:
        outcome = self.when.test(ctx)
        return (Fraction(self.points) if outcome.ok else Fraction(0)), outcome.detail

    def describe(self) -> str:
        return tr("{points} if met", points=self.points)


_UNITS = {"years": N_("year")}
"""A record attribute counted by ``PerRecord.units``, as its description names one unit."""


@attrs.frozen(kw_only=True)
class PerRecord(Item):
    """Points for each matching record (negative for a deduction), bounded by ``cap``.

    ``units`` names a record attribute holding a count (years worked in a post, say);
    without it each record counts once.
    """

    select: HasRecord
    points: Decimal
    units: str | None = None
    cap: Decimal | None = None
    """A bound on the size of the total, whichever its sign."""

    def evaluate(self, ctx: Context) -> tuple[Fraction, Text]:
        found = self.select.matching(ctx)
        n = sum(int(r.attr(self.units, 0)) for r in found) if self.units else len(found)
        total = Fraction(self.points) * n
        if self.cap is not None and abs(total) > self.cap:
            total = Fraction(self.cap) * (1 if total > 0 else -1)
        unit = self.units or "record"
        return total, Text(f"{n} {unit}(s) × {self.points}", f"{n} × {self.points}")

    def describe(self) -> str:
        cap = tr(", bounded by {cap}", cap=self.cap) if self.cap is not None else ""
        if self.units:
            unit = _UNITS.get(self.units, self.units.removesuffix("s"))
            return tr("{points} per {unit}{cap}", points=self.points, unit=tr(unit), cap=cap)
        return tr("{points} per record{cap}", points=self.points, cap=cap)


@attrs.frozen(kw_only=True)
class HighestOf(Item):
    """Several ways to earn points of which only the best counts (只计最高分，不累计)."""

    options: tuple[Item, ...]

    def evaluate(self, ctx: Context) -> tuple[Fraction, Text]:
        best: tuple[Fraction, Text] = (Fraction(0), Text("none", "无"))
        for option in self.options:
            points, detail = option.evaluate(ctx)
            if points > best[0]:
                best = (points, Text(f"{option.label.en}: {detail.en}", f"{option.label.zh}：{detail.zh}"))
        return best

    def describe(self) -> str:
        return tr("best of: {options}", options=_options(self.options))


@attrs.frozen(kw_only=True)
class OverlapDeduction(Item):
    """Take back what other accrual items earned in months inside some periods.

    Beijing: insurance and residence months during the study for the scored degree do not
    add to the education points (不累计).  The deduction is what those items earn on all
    their months less what they earn without the overlap, so caps and limits stay exact.
    """

    of: tuple[str, ...]
    inside: MonthsOf
    alongside: str | None = None
    """The item these months would otherwise add to (education); when it earns nothing,
    nothing is deducted."""

    def evaluate(self, ctx: Context) -> tuple[Fraction, Text]:
        if _earns_nothing(ctx, self.alongside):
            return Fraction(0), Text("no education points to overlap with", "无学历积分，不扣减")
        overlap = ctx.months(self.inside)
        total = Fraction(0)
        parts_en, parts_zh = [], []
        for key in self.of:
            item = ctx.version.item(key)
            assert isinstance(item, Accrual)
            full = item.points_of(item.groups(ctx))
            without = item.points_of(item.groups(ctx, minus=overlap))
            if full != without:
                total -= full - without
                parts_en.append(f"{item.label.en} −{_fmt(full - without)}")
                parts_zh.append(f"{item.label.zh} −{_fmt(full - without)}")
        if not parts_en:
            return Fraction(0), Text("no overlap", "无重叠")
        months = overlap.describe()
        return total, Text(
            f"study {months}: " + ", ".join(parts_en), f"在读{months}：" + "，".join(parts_zh)
        )

    def describe(self) -> str:
        return tr("minus the points of {items} earned during {inside}", items=pick(", ", "、").join(self.of),
                  inside=self.inside.describe())


def _earns_nothing(ctx: Context, key: str | None) -> bool:
    return key is not None and ctx.version.item(key).evaluate(ctx)[0] == 0


@attrs.frozen(kw_only=True)
class PerMonthDeduction(Item):
    """A fixed amount for each month of ``inside`` that is also a month of ``within``.

    Beijing's lists deduct 7/24 point for each study month that overlaps insured months,
    whatever the home's tenure: a flat rate, not what the months actually earned.
    """

    inside: MonthsOf
    within: MonthsOf
    per_month: Fraction = attrs.field(converter=Fraction)
    """Negative for a deduction."""
    alongside: str | None = None
    """The item these months would otherwise add to (education); when it earns nothing,
    nothing is deducted."""

    def evaluate(self, ctx: Context) -> tuple[Fraction, Text]:
        if _earns_nothing(ctx, self.alongside):
            return Fraction(0), Text(f"no {self.alongside} points to overlap with", "无学历积分，不扣减")
        n = (ctx.months(self.inside) & ctx.months(self.within)).count
        if not ctx.explain:
            return self.per_month * n, SILENT
        within = self.within.named()
        return self.per_month * n, Text(f"{n} months of {self.inside.named().en} inside {within.en} × {_fmt(self.per_month)}",
                                        f"{within.zh}中{self.inside.named().zh}{n}个月 × {_fmt(self.per_month)}")

    def describe(self) -> str:
        return tr("{points} per month of {inside} inside {within}", points=_fmt(self.per_month),
                  inside=self.inside.describe(), within=self.within.describe())


@attrs.frozen(kw_only=True)
class SumOf(Item):
    """Several ways to earn points that add up, the sum bounded by ``cap`` (Beijing's
    lists add innovation options up to 12)."""

    options: tuple[Item, ...]
    cap: Decimal | None = None

    def evaluate(self, ctx: Context) -> tuple[Fraction, Text]:
        total = Fraction(0)
        en, zh = [], []
        for option in self.options:
            points, detail = option.evaluate(ctx)
            if points:
                total += points
                en.append(f"{option.label.en} {_fmt(points)} ({detail.en})")
                zh.append(f"{option.label.zh}{_fmt(points)}（{detail.zh}）")
        capped = self.cap is not None and total > self.cap
        if capped:
            total = Fraction(self.cap)
        if not ctx.explain:
            return total, SILENT
        cap_en, cap_zh = (f", capped at {self.cap}", f"，封顶{self.cap}") if capped else ("", "")
        return total, Text((" + ".join(en) or "none") + cap_en, ("＋".join(zh) or "无") + cap_zh)

    def describe(self) -> str:
        cap = tr(", at most {cap}", cap=self.cap) if self.cap is not None else ""
        return tr("sum of: {options}", options=_options(self.options)) + cap


def _options(options: tuple[Item, ...]) -> str:
    """Each option's label and rule, for a ``describe``."""
    return pick("; ", "；").join(tr("{label} ({rule})", label=o.label.said(), rule=o.describe()) for o in options)


@attrs.frozen
class Tier:
    """Months in every one of ``measures``, paid ``rate`` per full year up to ``cap``."""

    label: Text
    measures: tuple[MonthsOf, ...]
    rate: Decimal
    cap: Decimal | None = None


@attrs.frozen(kw_only=True)
class YearsInTiers(Item):
    """Points per full year (每满1年) of months in tiers: a month counts in the first tier
    whose measures all hold it, each tier's full years are counted on its own months and
    paid at its rate up to its cap, and the sum is bounded by ``cap``.  Full years are
    counted to the data day.

    Beijing's 职住区域: job and home moved out of the six central districts, or the home
    only, for someone who lived there first (``after``).
    """

    tiers: tuple[Tier, ...]
    cap: Decimal | None = None
    after: MonthsOf | None = None
    """Only months after the first month of this measure count; without any, nothing does."""
    after_missing: Text = Text("never lived there first", "此前未在该区域居住")

    def evaluate(self, ctx: Context) -> tuple[Fraction, Text]:
        start = None
        if self.after is not None:
            first = ctx.months(self.after).first()
            if first is None:
                return Fraction(0), self.after_missing
            start = first + 1
        taken = Months()
        total = Fraction(0)
        en, zh = [], []
        for tier in self.tiers:
            months = ctx.months(tier.measures[0])
            for m in tier.measures[1:]:
                months = months & ctx.months(m)
            months = months.clip(start=start) - taken
            taken = taken | months
            years = full_years(months.count)
            points = Fraction(tier.rate) * years
            if tier.cap is not None:
                points = min(points, Fraction(tier.cap))
            total += points
            en.append(f"{years} full years {tier.label.en} × {tier.rate}")
            zh.append(f"{tier.label.zh}满{years}年×{tier.rate}")
        if self.cap is not None:
            total = min(total, Fraction(self.cap))
        return total, Text(", ".join(en), "，".join(zh))

    def describe(self) -> str:
        tiers = pick("; ", "；").join(
            tr("{label}: {rate} per full year", label=t.label.said(), rate=t.rate)
            + (tr(", max {cap}", cap=t.cap) if t.cap is not None else "") for t in self.tiers)
        cap = tr("; at most {cap}", cap=self.cap) if self.cap is not None else ""
        return tiers + cap


@attrs.frozen(kw_only=True)
class Custom(Item):
    """An escape hatch for a rule no declarative item expresses; say why in ``note``."""

    fn: Callable[[Context], tuple[Fraction, Text]]
    summary: Text = attrs.field(default=NO_TEXT, converter=as_text)
    columns: Callable[[Any], Any] | None = None
    """The same points for a whole chunk at once (``pointscalc.bulk``): a function of the
    bulk engine returning ``(numerators, denominator)``, int64 numerators per applicant
    over one positive int denominator.  Without it a bulk run is scored applicant by
    applicant, and ``rank`` says so."""

    def evaluate(self, ctx: Context) -> tuple[Fraction, Text]:
        return self.fn(ctx)

    def describe(self) -> str:
        return self.summary.said()


# --- Ranking sources --------------------------------------------------------------------


@attrs.frozen
class Score:
    """``total`` or ``base``."""

    which: str


@attrs.frozen
class FirstMonth:
    """The first month of a measure in the home city itself: earlier ranks first
    (居住登记时间先后).  A date of registration is not a count of years, so recognition
    does not move it."""

    measure: MonthsOf


@attrs.frozen
class MonthCount:
    """A count of months: seniority, as Guangzhou ranks by months of insurance."""

    measure: MonthsOf


@attrs.frozen
class InAnyGroup:
    """1 for an applicant in any of these priority groups, 0 otherwise: ranked first, it
    puts the groups a policy names ahead of everyone else (优先解决)."""

    groups: tuple[Condition, ...]


RankSource = Score | FirstMonth | MonthCount | InAnyGroup
