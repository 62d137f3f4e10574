"""Scoring one applicant: eligibility, channels, item lines, total.

``assess`` is the only entry point.  It evaluates each measure of months once per
applicant (items and conditions often read the same one) and rounds each line by the
scheme's rule, so the total is exactly the sum of the lines an applicant sees.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

from pointscalc.errors import SchemeDefect
from pointscalc.model import Applicant, FamilyMember
from pointscalc.months import Month, Months, month_of_date
from pointscalc.recognition import Recognition
from pointscalc.rules import (
    Channel,
    Condition,
    FirstMonth,
    Follower,
    InAnyGroup,
    MonthCount,
    MonthsOf,
    Outcome,
    Score,
)
from pointscalc.scheme import Citation, Provenance, Scheme, Text, Version, When


class Context:
    """What an item sees while scoring one applicant.

    Two days: ``rules_day``, whose rules apply, and ``as_of``, the data day every rule
    counts months, full years, records and age to.  They differ in a round (Beijing's 2020
    round applies the 2020 rules to data counted to 2018-12-31); otherwise both are
    ``--as-of``.
    """

    __slots__ = ("applicant", "as_of", "rules_day", "month", "scheme", "version", "recognition", "explain",
                 "_months")

    def __init__(self, scheme: Scheme, version: Version, applicant: Applicant, as_of: dt.date,
                 recognition: Recognition | None = None, explain: bool = True, rules_day: dt.date | None = None):
        self.scheme = scheme
        self.version = version
        self.applicant = applicant
        self.as_of = as_of
        self.rules_day = rules_day or as_of
        self.month: Month = month_of_date(as_of)
        self.recognition = recognition or Recognition.resolve(scheme.city, scheme.agreements, self.rules_day)
        self.explain = explain
        """Whether items say which facts they used, conditions what is missing, and paths who
        may follow; a bulk run only needs the points and the verdict."""
        self._months: dict[tuple[MonthsOf, bool], Months] = {}

    def months(self, measure: MonthsOf, recognise: bool = True) -> Months:
        """The months a measure counts, partner cities included unless ``recognise`` is off."""
        key = (measure, recognise)
        found = self._months.get(key)
        if found is None:
            found = self._months[key] = measure.evaluate(self, recognise)
        return found


@attrs.frozen
class ConditionResult:
    key: str
    label: Text
    passed: bool
    detail: Text
    citation: Citation
    provenance: Provenance
    shortfall: Text | None = None


@attrs.frozen
class FollowerResult:
    """One family member under one path's rule."""

    index: int
    """Position in the applicant's ``family`` list: members have no names here."""
    member: FamilyMember
    may_follow: bool | None
    """``None`` when it turns on a fact the profile does not give."""
    detail: Text
    citation: Citation | None


@attrs.frozen
class Family:
    """Who may follow by one path.  ``stated`` is False where the source does not say."""

    stated: bool
    members: tuple[FollowerResult, ...]

    @property
    def followers(self) -> tuple[FollowerResult, ...]:
        return tuple(m for m in self.members if m.may_follow is not False)


NO_FAMILY = Family(False, ())


@attrs.frozen
class ChannelResult:
    key: str
    label: Text
    passed: bool
    conditions: tuple[ConditionResult, ...]
    citation: Citation
    family: Family
    advice: tuple[tuple[Text, Citation], ...] = ()


@attrs.frozen
class Line:
    key: str
    label: Text
    points: Decimal
    detail: Text
    citation: Citation
    provenance: Provenance
    base: bool
    """Part of the base score (基础分)."""


@attrs.frozen
class Assessment:
    scheme: str
    version: str
    as_of: dt.date
    """The data day: what every line counted to."""
    eligible: bool
    """All preconditions of the points path are met."""
    conditions: tuple[ConditionResult, ...]
    channels: tuple[ChannelResult, ...]
    lines: tuple[Line, ...]
    total: Decimal | None
    """``None`` when the applicant was not scored (ineligible, and scoring was skipped)."""
    base: Decimal | None
    threshold: Decimal | None = None
    threshold_label: Text | None = None
    rank_values: tuple[object, ...] = ()
    """The values the version's ranking keys read, in key order, for an eligible applicant."""
    family: Family = NO_FAMILY
    """Who may follow an applicant admitted by points (not worked out in a bulk run)."""
    when: When | None = None
    """The rules day, data day and round, where they are not simply ``as_of``."""
    notes: tuple[Text, ...] = ()
    """What the reader must know: a part with no known values, facts the version ignores."""
    stale: Text | None = None
    """Set where the version was applied outside its validity (``--allow-stale``): a what-if.
    It is among ``notes`` too; ``check`` shows this one note of them."""

    @property
    def rules_day(self) -> dt.date:
        return self.when.rules_day if self.when is not None else self.as_of

    @property
    def failed(self) -> tuple[ConditionResult, ...]:
        return tuple(c for c in self.conditions if not c.passed)

    @property
    def settles_by(self) -> tuple[ChannelResult, ...]:
        return tuple(ch for ch in self.channels if ch.passed)

    @property
    def meets_threshold(self) -> bool | None:
        if self.threshold is None or self.total is None:
            return None
        return self.total >= self.threshold


def _condition(cond: Condition, ctx: Context) -> ConditionResult:
    try:
        outcome: Outcome = cond.check(ctx)
        return ConditionResult(
            cond.key,
            cond.label,
            outcome.ok,
            outcome.detail,
            cond.citation,
            cond.provenance,
            outcome.shortfall,
        )
    except Exception as e:  # noqa: BLE001 - any failure of a rule is the scheme's defect
        raise SchemeDefect(ctx.scheme.key, cond.key, type(e).__name__) from e


def family(followers: tuple[Follower, ...] | None, members: tuple[FamilyMember, ...],
           as_of: dt.date) -> Family:
    """Each family member against a path's rule: the first rule for their relation decides."""
    if followers is None:
        return Family(False, tuple(
            FollowerResult(i, m, None, Text("the source does not say who may follow", "政策未规定随迁人员"), None)
            for i, m in enumerate(members)))
    out = []
    for i, m in enumerate(members):
        rule = next((f for f in followers if f.relation is m.relation), None)
        if rule is None:
            allowed = ", ".join(f.relation.code for f in followers) or "nobody"
            out.append(FollowerResult(i, m, False, Text(
                f"not a follower by this path (only: {allowed})",
                f"不属本途径随迁范围（仅{'、'.join(f.relation.zh for f in followers) or '无'}）"), None))
            continue
        ok, detail = rule.admits(m, as_of)
        out.append(FollowerResult(i, m, ok, detail, rule.citation))
    return Family(True, tuple(out))


def _channel(channel: Channel, ctx: Context) -> ChannelResult:
    results = tuple(_condition(c, ctx) for c in channel.conditions)
    passed = all(r.passed for r in results)
    if not ctx.explain:
        return ChannelResult(channel.key, channel.label, passed, results, channel.citation, NO_FAMILY)
    advice = tuple((a.text, a.citation) for a in channel.advice
                   if passed and (a.when is None or a.when.test(ctx).ok))
    return ChannelResult(
        channel.key, channel.label, passed, results, channel.citation,
        family(channel.followers, ctx.applicant.family, ctx.as_of), advice,
    )


def assess(
    scheme: Scheme,
    version: Version,
    applicant: Applicant,
    as_of: dt.date | When,
    *,
    score_ineligible: bool = True,
    include_explored: bool = False,
    recognition: Recognition | None = None,
    explain: bool = True,
) -> Assessment:
    """Check the conditions, try each channel, and score the items.

    A whole city's run passes ``score_ineligible=False``: scoring only the eligible is
    where most of the time goes, and an ineligible applicant's score ranks nothing.  An
    applicant scoring themselves wants to see the points anyway.  A run over many
    applicants resolves ``recognition`` once and passes it in.  ``as_of`` is a day (rules
    and data both) or a ``When`` (a round: the rules of one day, data counted to another).
    """
    when = as_of if isinstance(as_of, When) else None
    rules_day = when.rules_day if when else as_of
    as_of = when.data_day if when else as_of
    assert isinstance(rules_day, dt.date)
    if recognition is None:
        recognition = Recognition.resolve(scheme.city, scheme.agreements, rules_day, include_explored)
    ctx = Context(scheme, version, applicant, as_of, recognition, explain, rules_day)
    conditions = tuple(_condition(c, ctx) for c in version.preconditions)
    eligible = version.unknown is None and all(c.passed for c in conditions)
    channels = tuple(_channel(ch, ctx) for ch in version.channels)
    lines: tuple[Line, ...] = ()
    total = base = None
    if version.items and (eligible or score_ineligible):
        lines = tuple(_line(item, ctx) for item in version.items)
        total = sum((ln.points for ln in lines), Decimal(0))
        if version.base_items is not None:
            base = sum((ln.points for ln in lines if ln.base), Decimal(0))
    threshold = label = unlike = None
    held = when.round if when is not None else None
    if held is not None and held.result is not None:
        threshold = held.result.cutoff
        label = Text(f"round {held.id} published cutoff (落户分值)", f"{held.id}批次落户分值")
    elif version.threshold is not None:
        t = version.threshold
        threshold = t.for_value(applicant.fact(t.by_fact) if t.by_fact else None)
        label = t.label
        other = scheme.round_named(t.round) if t.round else None
        if other is not None and other.data_day != as_of:
            unlike = Text(f"the {other.id} cutoff was reached by scores counted to {other.data_day}; this score counts"
                          f" to {as_of}: for that round's own comparison, score with --round {other.id}",
                          f"{other.id}年落户分值是按计算至 {other.data_day} 的积分划定的；本次积分计算至 {as_of}："
                          f"要按该批次本身比较，请用 --round {other.id} 计分")
    ranked = _rank_values(ctx, total, base) if eligible and total is not None else ()
    stale = _stale(version, rules_day)
    return Assessment(
        scheme.key,
        version.label,
        as_of,
        eligible,
        conditions,
        channels,
        lines,
        total,
        base,
        threshold,
        label,
        ranked,
        family(version.followers, applicant.family, as_of) if version.items and explain else NO_FAMILY,
        when if when is not None and (when.round is not None or when.data_day != when.rules_day) else None,
        tuple(n for n in (version.unknown, stale, unlike) if n is not None),
        stale,
    )


def _stale(version: Version, day: dt.date) -> Text | None:
    """A version applied outside its validity (``--allow-stale``) is said to be a what-if:
    the city's rules of that day are ones we do not have."""
    if version.valid_on(day):
        return None
    return Text(f"version {version.label} is not in force on {day} (valid {version.validity()}): applied because"
                " of --allow-stale, a what-if, not the rules of that day",
                f"{version.label} 版在 {day} 不再有效（有效期 {version.validity()}）：因 --allow-stale 而采用，"
                "仅为假设推演，并非当日规则")


def _line(item, ctx: Context) -> Line:  # type: ignore[no-untyped-def]
    try:
        points, detail = item.evaluate(ctx)
        base_items = ctx.version.base_items
        return Line(
            item.key,
            item.label,
            ctx.version.rounding.apply(points),
            detail,
            item.citation,
            item.provenance,
            base_items is not None and item.key in base_items,
        )
    except Exception as e:  # noqa: BLE001 - any failure of a rule is the scheme's defect
        raise SchemeDefect(ctx.scheme.key, item.key, type(e).__name__) from e


def _rank_values(ctx: Context, total: Decimal | None, base: Decimal | None) -> tuple[object, ...]:
    ranking = ctx.version.ranking
    if ranking is None:
        return ()
    out: list[object] = []
    for key in ranking.keys:
        src = key.source
        if isinstance(src, Score):
            out.append(total if src.which == "total" else base)
        elif isinstance(src, FirstMonth):
            out.append(ctx.months(src.measure, recognise=False).first())
        elif isinstance(src, MonthCount):
            out.append(ctx.months(src.measure).count)
        elif isinstance(src, InAnyGroup):
            out.append(int(any(group.check(ctx).ok for group in src.groups)))
    return tuple(out)


