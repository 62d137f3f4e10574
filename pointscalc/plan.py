"""An applicant's plan: in which round the score reaches the line, and which steps bring it closer.

The future is the applicant's present carried forward, and nothing else:

* periods still running go on (insurance, residence, permit, employment); a period with an end
  stays ended; age grows, so points that fall with age fall;
* records do not recur by themselves: a tax year not yet paid is not counted, and "keep paying
  qualifying tax" is offered as a step instead;
* each future occasion is scored by the very rules that ``score`` uses, for that occasion's
  rules day and version.

The line is what the scheme publishes: a forecast of the cutoff from its history where it has
one (``pointscalc.forecast``), its standard score where it has one (Suzhou's areas), or, for a
direct channel, its conditions, met on the first month they all hold.

Steps are derived from the declarative items, not listed per city, so a new scheme gets advice
for free: the next row of a level table, a better-paid value of an accrual's rate attribute, a
home or job moved into the districts an item rewards, records a positive per-record item or flag
counts, and a true flag fact a bonus asks for.  A step starts next month, never earlier: past
months and age cannot be changed.  A step that lowers the score on any occasion, or makes the
applicant ineligible where they were not, is never suggested.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import Any

import attrs

from pointscalc.forecast import Backtest, Forecast, Point, Trend, backtest, fit
from pointscalc.model import Applicant, Choice, Period, Record, freeze
from pointscalc.months import first_day, month_of_date
from pointscalc.rules import (
    Accrual,
    EachOfLastYears,
    FactIs,
    Flag,
    HasRecord,
    Item,
    LevelTable,
    PerRecord,
)
from pointscalc.i18n import pick, tr, using
from pointscalc.scheme import Citation, Provenance, Round, Scheme, SchemeError, Text, Version, When
from pointscalc.scoring import Assessment, assess

HORIZON_YEARS = 10
RETIREMENT_ASSUMED = {"male": 60, "female": 50}
"""法定退休年龄 (国发〔1978〕104号) where a scheme declares none: assumed, as in Beijing's params."""


@attrs.frozen
class Occasion:
    """A day the applicant could apply: a round (declared, or projected past the last one), or
    for a scheme without rounds the same day of a later year."""

    label: str
    day: dt.date
    """The rules day: the round's window opens, or the day itself."""
    x: int = 0
    """The occasion's place on the forecast's axis: the round's number, or the year."""
    when: When | None = None
    """For a round: the rules of ``day`` with data counted to the round's data day."""
    cutoff: Decimal | None = None
    """The round's published cutoff, where it has one."""
    projected: bool = False
    """A round past the last declared one, assumed to come at the same interval."""

    def shown(self) -> str:
        """The label in the user's language; ``label`` itself is the key steps refer to."""
        if self.projected and self.when is not None and self.when.round is not None:
            return tr("{round} (projected)", round=self.when.round.id)
        return self.label


@attrs.frozen
class Standing:
    occasion: Occasion
    version: str | None
    eligible: bool
    total: Decimal | None
    channels: tuple[str, ...]
    """Keys of the direct channels the applicant settles by on this occasion."""
    missing: tuple[Text, ...]
    """What the points path still lacks (its failed conditions), for the table."""


@attrs.frozen
class LinePoint:
    """The line at one occasion: a value, and an interval where it is a forecast."""

    value: Decimal
    low: Decimal | None = None
    high: Decimal | None = None


LINES = ("forecast", "standard", "none")
"""The kinds of line, codes in JSON: a forecast cutoff, a fixed standard score, or none (a
scheme with only direct channels, or no score to reach)."""


@attrs.frozen
class TheLine:
    kind: str
    """One of ``LINES``."""
    label: Text
    history: tuple[tuple[str | None, Provenance], ...] = ()
    """Where the line comes from: (round, provenance) of each cutoff used, or the standard's."""
    trend: Trend | None = None
    fixed: Decimal | None = None

    @property
    def model(self) -> str:
        """The forecast's model, in the language of the moment it is printed."""
        return self.trend.describe() if self.trend is not None else ""

    @property
    def provenance(self) -> str:
        colon = pick(": ", "：")
        return pick("; ", "；").join(f"{r}{colon}{p}" if r is not None else str(p) for r, p in self.history)

    def at(self, occasion: Occasion) -> LinePoint | None:
        if occasion.cutoff is not None:
            return LinePoint(occasion.cutoff)
        if self.trend is not None:
            f: Forecast = self.trend.predict(occasion.x)
            return LinePoint(f.mean, f.low, f.high)
        if self.fixed is not None:
            return LinePoint(self.fixed)
        return None


@attrs.frozen(eq=False)
class Step:
    key: str
    label: Text
    citation: Citation
    takes_effect: Text
    change: Callable[[Applicant, int], Applicant]
    """The applicant with the step taken from month ``start`` on."""


@attrs.frozen
class StepResult:
    step: Step
    gain: Decimal
    """Points it adds on the first occasion it adds any."""
    gain_at: str
    settles: str | None
    """The expected settling occasion with the step taken."""
    rounds_saved: int


ANSWERS = ("now", "expected", "never", "behind")
"""The kinds of answer, codes in JSON: ``never`` is not within the horizon, ``behind`` is a score
falling behind the line."""


@attrs.frozen
class Answer:
    kind: str
    """One of ``ANSWERS``."""
    occasion: Occasion | None = None
    earliest: Occasion | None = None
    latest: Occasion | None = None
    """The likely range: the optimistic and the pessimistic ends of the line's interval."""
    probability: float | None = None


@attrs.frozen
class Wait:
    """A condition not met today, and the first month it is, if within the horizon."""

    path: Text
    condition: Text
    citation: Citation
    met_on: dt.date | None
    months: int | None


@attrs.frozen
class Plan:
    scheme: Scheme
    as_of: dt.date
    horizon: dt.date
    horizon_reason: Text
    line: TheLine
    standings: tuple[Standing, ...]
    lines: tuple[LinePoint | None, ...]
    answer: Answer
    steps: tuple[StepResult, ...]
    waits: tuple[Wait, ...] = ()
    """For each condition not met today, of each path, when it will be."""
    published_rank: tuple[int, int, str] | None = None
    """(place, list size, list name) of today's score in the latest published list."""


# --- occasions ---------------------------------------------------------------------------------


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def retirement_day(scheme: Scheme, version: Version, applicant: Applicant) -> tuple[dt.date | None, Text]:
    """The day the applicant reaches the statutory retirement age, when their sex is known."""
    if applicant.sex is None:
        return None, Text("sex not given, so no retirement limit", "未提供性别，不计退休年龄")
    sex = applicant.sex.code
    names = {"male": "retirement_age_male", "female": "retirement_age_female"}
    if sex == "female" and applicant.fact("cadre"):
        names["female"] = "retirement_age_female_cadre"
    try:
        age = int(version.param(names[sex]))
    except KeyError:
        age = RETIREMENT_ASSUMED[sex]
    return _years_later(applicant.birth, age), Text(f"retirement at {age}", f"{age}周岁退休")


def occasions(scheme: Scheme, as_of: dt.date, until: dt.date) -> list[Occasion]:
    """The rounds still to come (the one open on ``as_of`` first), up to ``until``; for a
    scheme without rounds, today and the same day of each later year."""
    if not scheme.rounds:
        out = [Occasion(str(as_of), as_of, as_of.year)]
        years = 1
        while (day := _years_later(as_of, years)) <= until:
            out.append(Occasion(str(day), day, day.year))
            years += 1
        return out
    found = []
    for i, r in enumerate(_rounds_until(scheme, until)):
        opens, closes = r.window if r.window is not None else (r.data_day, r.data_day + dt.timedelta(days=1))
        if closes <= as_of or opens > until:
            continue
        day = as_of if opens <= as_of else opens
        cutoff = r.result.cutoff if r.result is not None else None
        projected = r not in scheme.rounds
        label = f"{r.id} (projected)" if projected else r.id
        found.append(Occasion(label, day, i, When(day, r.data_day, r), cutoff, projected))
    return found


def _rounds_until(scheme: Scheme, until: dt.date) -> list[Round]:
    """The declared rounds, then rounds projected past the last one at the same interval (a
    year where it cannot be told), each applying the version in force when its window opens."""
    rounds = sorted(scheme.rounds, key=lambda r: r.data_day)
    out = list(rounds)
    step = 12
    if len(rounds) > 1:
        step = max(1, (month_of_date(rounds[-1].data_day) - month_of_date(rounds[-2].data_day)))
    last = rounds[-1]
    k = 1
    while True:
        shift = step * k
        window = None if last.window is None else (_shifted(last.window[0], shift), _shifted(last.window[1], shift))
        opens = window[0] if window is not None else _shifted(last.data_day, shift)
        if opens > until:
            return out
        try:
            version = scheme.version_for(opens).label
        except SchemeError:
            return out
        ident = str(int(last.id) + k * step // 12) if last.id.isdigit() and step % 12 == 0 else f"{last.id}+{k}"
        out.append(attrs.evolve(last, id=ident, version=version, data_day=_shifted(last.data_day, shift),
                                window=window, result=None, label=Text(ident, ident)))
        k += 1


def _shifted(day: dt.date, months: int) -> dt.date:
    return _months_later(day, months)


# --- standings -----------------------------------------------------------------------------------


def _under(reform: Any, version: Version) -> Version:
    """The version as the reform changes it, where the reform is written for it."""
    return reform.apply(version)[0] if reform is not None and version.label == reform.version else version


def standing(scheme: Scheme, applicant: Applicant, occasion: Occasion, allow_stale: bool = False,
             reform: Any = None) -> Standing:
    """One occasion scored; with a ``reform``, the version it changes is taken as changed."""
    when = occasion.when or When(occasion.day, occasion.day)
    try:
        version = scheme.resolve(when, allow_stale)
    except SchemeError:
        return Standing(occasion, None, False, None, (), (Text("no rules in force", "无现行规则"),))
    version = _under(reform, version)
    a: Assessment = assess(scheme, version, applicant, when, explain=False)
    return Standing(occasion, version.label, a.eligible, a.total if a.eligible else None,
                    tuple(ch.key for ch in a.settles_by), tuple(c.label for c in a.failed))


# --- the line ------------------------------------------------------------------------------------


def cutoff_history(scheme: Scheme) -> list[tuple[int, Decimal, str, Provenance]]:
    """Published cutoffs as (round number, cutoff, round, provenance), from the scheme's rounds
    in order: the forecast's axis counts rounds, so two a year and one a year both work."""
    rounds = sorted(scheme.rounds, key=lambda r: r.data_day)
    return [(i, r.result.cutoff, r.id, r.result.provenance) for i, r in enumerate(rounds) if r.result is not None]


WINDOW = 4
"""How many of the latest published cutoffs the trend is fitted on (see docs/plan.md)."""


def cutoff_trend(points: Sequence[Point]) -> Trend:
    """The line through the last ``WINDOW`` cutoffs.  A line through a few rounds fits them
    better than it foresees the next, so its interval is at least as wide as the errors the
    same model made on each published round from the rounds before it."""
    trend = fit(points, window=WINDOW)
    missed = [float(b.error) for b in backtest(points, window=WINDOW)] if len(points) > 3 else []
    if missed:
        trend = attrs.evolve(trend, s=max(trend.s, math.sqrt(sum(e * e for e in missed) / len(missed))))
    return trend


def the_line(scheme: Scheme, version: Version | None, applicant: Applicant) -> TheLine:
    history = cutoff_history(scheme)
    if len(history) >= 3:
        trend = cutoff_trend([Point(x, c) for x, c, _, _ in history])
        used = {p.x for p in trend.points}
        return TheLine("forecast", Text("forecast cutoff (落户分值)", "预测落户分值"),
                       tuple((r, p) for x, _, r, p in history if x in used), trend=trend)
    if version is not None and version.threshold is not None:
        t = version.threshold
        value = t.for_value(applicant.fact(t.by_fact) if t.by_fact else None)
        if value is not None:
            return TheLine("standard", t.label, ((None, t.provenance),), fixed=value)
    return TheLine("none", Text("the conditions of a direct channel", "直接落户条件"))


# --- steps ---------------------------------------------------------------------------------------


def _walk_items(items: Sequence[Item]) -> Iterator[Item]:
    for it in items:
        yield it
        for option in getattr(it, "options", ()):
            yield from _walk_items((option,))


def _current(applicant: Applicant, month: int, accept: Callable[[Period], bool]) -> Period | None:
    for p in applicant.periods:
        if accept(p) and p.start <= month and (p.end is None or p.end >= month):
            return p
    return None


def _switch(applicant: Applicant, old: Period, start: int, **changes: Any) -> Applicant:
    """End ``old`` this month and carry on from ``start`` with ``changes``."""
    new = attrs.evolve(old, start=start, end=None, **changes)
    ended = attrs.evolve(old, end=start - 1)
    periods = tuple(ended if p is old else p for p in applicant.periods) + (new,)
    return attrs.evolve(applicant, periods=periods)


def _level_steps(item: LevelTable, applicant: Applicant) -> Iterator[Step]:
    from pointscalc.rules import Min

    def levels(a: Applicant) -> dict[str, Choice]:
        return {"diploma": a.education.diploma, "degree": a.education.degree,
                "qualification": a.qualification, "title": a.title}

    have = levels(applicant)
    for row in sorted(item.rows, key=lambda r: r.points):
        for need in row.any_of:
            assert isinstance(need, Min)
            raise_to = {name: level for name, level in need.levels if have[name] < level}
            if not raise_to:
                continue

            def change(a: Applicant, start: int, raise_to: dict[str, Choice] = raise_to) -> Applicant:
                edu = attrs.evolve(a.education, **{k: v for k, v in raise_to.items() if k in ("diploma", "degree")})
                rest = {k: v for k, v in raise_to.items() if k in ("qualification", "title")}
                return attrs.evolve(a, education=edu, **rest)

            words = " + ".join(level.zh for level in raise_to.values())
            yield Step(f"{item.key}:{'+'.join(f'{k}={v.code}' for k, v in raise_to.items())}",
                       Text(f"obtain {words} ({row.label})", f"取得{words}（{row.label}）"),
                       item.citation, Text("once obtained", "取得后"), change)


def _rate_steps(item: Accrual, applicant: Applicant, scheme: Scheme, month: int) -> Iterator[Step]:
    if item.by is None or not item.rates:
        return
    best_value, best_rate = max(item.rates, key=lambda vr: vr[1])
    rate_of = dict(item.rates)

    def accept(p: Period) -> bool:
        return p.kind in item.measure.kinds and p.city == scheme.city

    now = _current(applicant, month, accept)
    if now is None or rate_of.get(now.attr(item.by), Decimal(0)) >= best_rate:
        return
    current = now.attr(item.by)

    def change(a: Applicant, start: int) -> Applicant:
        old = _current(a, month, accept)
        if old is None:
            return a
        attributes = freeze({**dict(old.attributes), item.by: best_value})
        return _switch(a, old, start, attributes=attributes)

    yield Step(f"{item.key}:{item.by}={best_value}",
               Text(f"{item.by} {best_value} instead of {current}", f"{_zh(best_value)}代替{_zh(current)}"),
               item.citation, Text("from next month", "自下月起"), change)


def _zh(code: Any) -> str:
    from pointscalc.model import InsuranceScheme, Tenure

    for cls in (Tenure, InsuranceScheme):
        try:
            return cls.parse(code).zh
        except ValueError:
            continue
    return str(code)


def _district_steps(item: Accrual, applicant: Applicant, scheme: Scheme, month: int) -> Iterator[Step]:
    districts = item.measure.districts
    if not districts or item.measure.cities not in (None, frozenset({scheme.city})):
        return

    def accept(p: Period) -> bool:
        return p.kind in item.measure.kinds and p.city == scheme.city

    now = _current(applicant, month, accept)
    if now is None or now.district in districts:
        return
    target = sorted(districts)[0]
    kinds = "/".join(sorted(k.code for k in item.measure.kinds))
    kinds_zh = "/".join(sorted(k.zh for k in item.measure.kinds))

    def change(a: Applicant, start: int) -> Applicant:
        old = _current(a, month, accept)
        return a if old is None else _switch(a, old, start, district=target)

    yield Step(f"{item.key}:district", Text(f"{kinds} in {'/'.join(sorted(districts))}",
                                             f"{kinds_zh}转至{'、'.join(sorted(districts))}"),
               item.citation, Text("from next month", "自下月起"), change)


def _record_of(select: HasRecord, day: dt.date, units: str | None) -> Record:
    attributes: dict[str, Any] = {}
    for name, wanted in select.where:
        if isinstance(wanted, (set, frozenset, tuple)):
            wanted = sorted((w for w in wanted if w is not None), key=str)[0]
        attributes[name] = wanted
    if units:
        attributes[units] = 1
    return Record(select.kind, day, freeze(attributes))


def _record_steps(item: Item, until: dt.date, month: int) -> Iterator[Step]:
    select: HasRecord | None = None
    yearly = False
    units = None
    if isinstance(item, PerRecord) and item.points > 0:
        select, yearly, units = item.select, True, item.units
    elif isinstance(item, Flag) and item.points > 0:
        if isinstance(item.when, EachOfLastYears):
            select, yearly = item.when.select, True
        elif isinstance(item.when, HasRecord):
            select = item.when
    if select is None:
        return

    def change(a: Applicant, start: int) -> Applicant:
        first = first_day(start)
        if yearly:
            days = [dt.date(y, 12, 31) for y in range(first.year, until.year + 1)]
        else:
            days = [first]
        return attrs.evolve(a, records=a.records + tuple(_record_of(select, d, units) for d in days))

    what = select.kind
    a = "an" if what.code.startswith(("a", "e", "i", "o", "u", "hon")) else "a"
    label = Text(f"{item.label.en}: {a} {what.code} record every year", f"{item.label.zh}：每年一条{what.zh}记录") \
        if yearly else Text(f"{item.label.en}: {a} {what.code} record", f"{item.label.zh}：一条{what.zh}记录")
    yield Step(f"{item.key}:record", label, item.citation,
               Text("counted year by year" if yearly else "once awarded", "逐年计入" if yearly else "取得后"), change)


def _fact_steps(item: Item, version: Version) -> Iterator[Step]:
    if not (isinstance(item, Flag) and item.points > 0 and isinstance(item.when, FactIs)):
        return
    fact = next((f for f in version.facts if f.name == item.when.name and f.period_kind is None), None)
    if fact is None or fact.type is not bool or True not in item.when.values:
        return

    def change(a: Applicant, start: int) -> Applicant:
        return attrs.evolve(a, extra=freeze({**dict(a.extra), fact.name: True}))

    yield Step(f"{item.key}:fact", Text(item.label.en, item.label.zh), item.citation,
               Text("once true", "符合后"), change)


def candidate_steps(scheme: Scheme, version: Version, applicant: Applicant, as_of: dt.date,
                    until: dt.date) -> list[Step]:
    month = month_of_date(as_of)
    out: list[Step] = []
    for item in _walk_items(version.items):
        if isinstance(item, LevelTable):
            out += _level_steps(item, applicant)
        if isinstance(item, Accrual):
            out += _rate_steps(item, applicant, scheme, month)
            out += _district_steps(item, applicant, scheme, month)
        out += _record_steps(item, until, month)
        out += _fact_steps(item, version)
    seen: set[str] = set()
    unique = []
    for s in out:
        if s.key not in seen:
            seen.add(s.key)
            unique.append(s)
    return unique


# --- the plan ------------------------------------------------------------------------------------


def _settles(s: Standing, line: LinePoint | None, bound: str) -> bool:
    if s.channels:
        return True
    if s.total is None or line is None:
        return False
    value = {"mean": line.value, "low": line.low or line.value, "high": line.high or line.value}[bound]
    return s.total >= value


def _first(standings: Sequence[Standing], lines: Sequence[LinePoint | None], bound: str) -> int | None:
    return next((i for i, (s, ln) in enumerate(zip(standings, lines, strict=True)) if _settles(s, ln, bound)), None)


def make_plan(scheme: Scheme, applicant: Applicant, as_of: dt.date, *, horizon_years: int = HORIZON_YEARS,
              allow_stale: bool = False, with_steps: bool = True, reform: Any = None) -> Plan:
    """The plan; with ``reform`` (``pointscalc.reform.Reform``), every occasion of the version it
    changes is scored under the change: a what-if."""
    version = _under(reform, scheme.version_for(as_of, allow_stale))
    retire, retire_text = retirement_day(scheme, version, applicant)
    horizon = _years_later(as_of, horizon_years)
    reason = Text(f"{horizon_years} years", f"{horizon_years}年")
    if retire is not None and retire < horizon:
        horizon, reason = retire - dt.timedelta(days=1), retire_text
    found = occasions(scheme, as_of, horizon)
    pending, channel_day = waits(scheme, applicant, as_of, horizon, allow_stale)
    if channel_day is not None:
        # A channel opens on a day of its own, not only on the yearly occasions.
        found = sorted({*found, Occasion(str(channel_day), channel_day, channel_day.year)}, key=lambda o: o.day)
    line = the_line(scheme, version, applicant)
    lines = tuple(line.at(o) for o in found)

    def trajectory(a: Applicant, after: int = 0) -> tuple[Standing, ...]:
        return tuple(standing(scheme, a, o, allow_stale, reform) for o in found[after:])

    standings = trajectory(applicant)
    answer = _answer(standings, lines, line, found)
    steps: list[StepResult] = []
    if with_steps:
        start = month_of_date(as_of) + 1
        base_at = _first(standings, lines, "mean")
        for step in candidate_steps(scheme, version, applicant, as_of, horizon):
            # Today is as it is: a step counts from the next occasion on.
            changed = standings[:1] + trajectory(step.change(applicant, start), 1)
            result = _step_result(step, standings, changed, lines, base_at)
            if result is not None:
                steps.append(result)
        steps.sort(key=lambda r: (-r.rounds_saved, -r.gain, r.step.key))
    return Plan(scheme, as_of, horizon, reason, line, standings, lines, answer, tuple(steps), pending,
                published_rank(scheme, standings[0].total if standings else None))


def published_rank(scheme: Scheme, score: Decimal | None) -> tuple[int, int, str] | None:
    """Where ``score`` would have stood in the latest published list we ship: (place, size,
    round).  A place past the list's size means below its cutoff."""
    import csv

    from pointscalc.registry import published_scores_path

    shipped = [r for r in scheme.rounds if r.result is not None and r.result.scores is not None]
    if score is None or not shipped:
        return None
    latest = max(shipped, key=lambda r: r.data_day)
    assert latest.result is not None and latest.result.scores is not None
    with published_scores_path(latest.result.scores).open(encoding="utf-8-sig", newline="") as f:
        scores = [Decimal(row["score"]) for row in csv.DictReader(f)]
    return 1 + sum(1 for x in scores if x > score), len(scores), latest.id


def _months_later(day: dt.date, months: int) -> dt.date:
    m = month_of_date(day) + months
    year, month = divmod(m, 12)
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def waits(scheme: Scheme, applicant: Applicant, as_of: dt.date, until: dt.date,
          allow_stale: bool = False) -> tuple[tuple[Wait, ...], dt.date | None]:
    """Month by month, when each condition not met today is first met: the line of an open
    city, and what stands between a points applicant and eligibility.  Also the first day a
    direct channel lets the applicant in, if that is not today."""
    version = scheme.version_for(as_of, allow_stale)
    today = assess(scheme, version, applicant, as_of, explain=False)
    pending: dict[tuple[str, str], tuple[Text, Any]] = {}
    if version.items and not today.eligible:
        for c in today.failed:
            pending[("points", c.key)] = (Text("points", "积分落户"), c)
    if not today.settles_by:
        for ch in today.channels:
            for c in ch.conditions:
                if not c.passed:
                    pending[(ch.key, c.key)] = (ch.label, c)
    met: dict[tuple[str, str], tuple[dt.date, int]] = {}
    channel_day: dt.date | None = None
    channels = {k for k in pending if k[0] != "points"}
    k = 0
    while (pending.keys() - met.keys() or (channels and channel_day is None)) \
            and (day := _months_later(as_of, k + 1)) <= until:
        k += 1
        try:
            v = scheme.version_for(day, allow_stale)
        except SchemeError:
            continue
        a = assess(scheme, v, applicant, day, explain=False)
        passed = {("points", c.key) for c in a.conditions if c.passed}
        passed |= {(ch.key, c.key) for ch in a.channels for c in ch.conditions if c.passed}
        for key in pending.keys() & passed - met.keys():
            met[key] = (day, k)
        if channels and channel_day is None and a.settles_by:
            channel_day = day
    out = []
    for key, (path, c) in pending.items():
        day_k = met.get(key)
        out.append(Wait(path, c.label, c.citation, day_k[0] if day_k else None, day_k[1] if day_k else None))
    return tuple(out), channel_day


def _answer(standings: Sequence[Standing], lines: Sequence[LinePoint | None], line: TheLine,
            found: Sequence[Occasion]) -> Answer:
    at = _first(standings, lines, "mean")
    if at == 0:
        return Answer("now", found[0], found[0], found[0], _probability(line, standings[0], found[0]))
    if at is None:
        behind = line.kind == "forecast" and len(standings) > 1 and all(
            s.total is not None for s in standings[-2:]) and _gap(standings[-1], lines[-1]) < _gap(standings[-2], lines[-2])
        return Answer("behind" if behind else "never")
    low, high = _first(standings, lines, "low"), _first(standings, lines, "high")
    return Answer("expected", found[at], found[low] if low is not None else None,
                  found[high] if high is not None else None, _probability(line, standings[at], found[at]))


def _gap(s: Standing, ln: LinePoint | None) -> Decimal:
    return (s.total or Decimal(0)) - (ln.value if ln else Decimal(0))


def _probability(line: TheLine, s: Standing, o: Occasion) -> float | None:
    if line.trend is None or s.total is None or s.channels or o.cutoff is not None:
        return None
    return line.trend.probability_at_most(o.x, s.total)


def _step_result(step: Step, before: Sequence[Standing], after: Sequence[Standing],
                 lines: Sequence[LinePoint | None], base_at: int | None) -> StepResult | None:
    gain, gain_at = Decimal(0), ""
    for b, a in zip(before, after, strict=True):
        if b.eligible and not a.eligible or (b.channels and not a.channels):
            return None
        if b.total is not None and a.total is not None:
            if a.total < b.total:
                return None
            if not gain and a.total > b.total:
                gain, gain_at = a.total - b.total, b.occasion.label
    at = _first(after, lines, "mean")
    if not gain and (at is None or (base_at is not None and at >= base_at)):
        return None
    saved = (base_at if base_at is not None else len(before)) - at if at is not None else 0
    return StepResult(step, gain, gain_at, after[at].occasion.label if at is not None else None, max(saved, 0))


# --- what the applicant reads --------------------------------------------------------------------

_W = {
    "en": {"title": "Plan", "as_of": "as of", "horizon": "horizon", "occasion": "occasion", "version": "version",
           "eligible": "eligible", "score": "score", "line": "line", "settles": "settles", "yes": "yes", "no": "no",
           "now": "Already reaches the line now.", "never": "Not within the horizon.",
           "behind": "The score falls behind the line: not within the horizon.",
           "expected": "Expected to settle", "likely": "likely between", "and": "and",
           "probability": "probability under the model", "steps": "What helps most",
           "gain": "adds", "saves": "saves", "rounds": "round(s)", "takes": "takes effect",
           "waits": "Conditions not met today", "met_in": "met in {n} month(s), on {d}",
           "not_met": "not met within the horizon", "projection":
           "A forecast is a projection, not a promise: model: {model}; history used: {prov}.",
           "rank": "The score of the first round would have ranked {place:,} of {size:,} in the {name} published list.",
           "below": "The score of the first round is below every one of the {size:,} admitted in the {name} published list.",
           "no_steps": "No step derived from the scheme's items raises the score.",
           "line_is": "The line", "by": "by", "now_short": "now", "never_short": "not within the horizon",
           "promise": "a forecast is a projection, not a promise",
           "chart_score": "projected score", "chart_line": "line", "chart_interval": "interval",
           "chart_points": "points"},
    "zh": {"title": "落户规划", "as_of": "截至", "horizon": "规划期至", "occasion": "时点", "version": "版本",
           "eligible": "符合条件", "score": "积分", "line": "分数线", "settles": "可落户", "yes": "是", "no": "否",
           "now": "当前已达到分数线。", "never": "规划期内未能达到。",
           "behind": "积分增长慢于分数线：规划期内未能达到。",
           "expected": "预计可落户时点", "likely": "可能区间", "and": "至",
           "probability": "模型下的概率", "steps": "最有帮助的措施",
           "gain": "加", "saves": "提前", "rounds": "个批次", "takes": "生效",
           "waits": "当前未满足的条件", "met_in": "{n}个月后满足（{d}）",
           "not_met": "规划期内无法满足", "projection":
           "预测仅为推算，并非承诺：模型：{model}；所用历史数据：{prov}。",
           "rank": "按首个批次的积分，在{name}年公示名单中排第{place:,}名（共{size:,}名）。",
           "below": "按首个批次的积分，低于{name}年公示名单全部{size:,}名落户人员。",
           "no_steps": "依本方案各指标，暂无可提高积分的措施。",
           "line_is": "分数线", "by": "途径", "now_short": "现在", "never_short": "规划期内无法落户",
           "promise": "预测仅为推算，并非承诺",
           "chart_score": "预计积分", "chart_line": "分数线", "chart_interval": "区间", "chart_points": "积分"},
}


def _d(value: Decimal | None) -> str:
    return "" if value is None else str(value)


def _line_cell(ln: LinePoint | None) -> str:
    if ln is None:
        return "—"
    if ln.low is None or ln.high is None:
        return str(ln.value)
    return f"{ln.value} ({ln.low}–{ln.high})"


def _paren(x: object) -> str:
    return pick(f" ({x})", f"（{x}）")


def _shown(plan: Plan, label: str | None) -> str | None:
    """An occasion's label (as a step records it) in the user's language."""
    if label is None:
        return None
    return next((s.occasion.shown() for s in plan.standings if s.occasion.label == label), label)


def plan_text(plan: Plan, lang: str = "en") -> str:
    with using(lang):
        return _plan_text(plan, _W[lang], lang)


def _plan_text(plan: Plan, w: dict[str, str], lang: str) -> str:
    from pointscalc.report import fitted, wrapped

    colon, semi = pick(": ", "："), pick("; ", "；")
    out = [*wrapped(f"{plan.scheme.name(lang)} ({plan.scheme.key}) · {w['title']} · {w['as_of']} {plan.as_of}"
                    f" · {w['horizon']} {plan.horizon}{_paren(plan.horizon_reason(lang))}", "  "), ""]
    out += wrapped(f"{w['line_is']}{colon}{plan.line.label(lang)}"
                   + (f" [{plan.line.provenance}]" if plan.line.provenance else ""), "  ")
    rows = []
    for s, ln in zip(plan.standings, plan.lines, strict=True):
        settled = _settles(s, ln, "mean")
        rows.append([s.occasion.shown(), s.version or "—", w["yes"] if s.eligible else w["no"], _d(s.total),
                     _line_cell(ln) if plan.line.kind != "none" else "—",
                     (w["yes"] if settled else w["no"]) + (f" ({', '.join(s.channels)})" if s.channels else "")])
    out.append(fitted(rows, [w["occasion"], w["version"], w["eligible"], w["score"], w["line"], w["settles"]],
                      [False, False, False, False, True, True]))
    out.append("")
    a = plan.answer
    if a.kind in ("now", "never", "behind"):
        out.append(w[a.kind])
    else:
        assert a.occasion is not None
        text = f"{w['expected']}{colon}{a.occasion.shown()}"
        if a.earliest and a.latest and (a.earliest != a.occasion or a.latest != a.occasion):
            text += f"{semi}{w['likely']} {a.earliest.shown()} {w['and']} {a.latest.shown()}"
        out.append(text)
    if a.probability is not None:
        out.append(f"{w['probability']}{colon}{a.probability:.0%}")
    if plan.published_rank is not None:
        place, size, name = plan.published_rank
        out += wrapped(w["rank" if place <= size else "below"].format(place=place, size=size, name=name), "  ")
    if plan.waits:
        out += ["", w["waits"] + colon.rstrip()]
        for x in plan.waits:
            when = w["met_in"].format(n=x.months, d=x.met_on) if x.met_on else w["not_met"]
            out += wrapped(f"  {x.path(lang)} · {x.condition(lang)}{colon}{when}{_paren(x.citation)}", "      ")
    out += ["", w["steps"] + colon.rstrip()]
    if not plan.steps:
        out.append("  " + w["no_steps"])
    for i, r in enumerate(plan.steps, start=1):
        saves = f"{pick(', ', '，')}{w['saves']} {r.rounds_saved} {w['rounds']}" if r.rounds_saved else ""
        gain = f"{w['gain']} {r.gain}{_paren(_shown(plan, r.gain_at))}" if r.gain else ""
        out += wrapped(f"  {i}. {r.step.label(lang)}{colon}{gain}{saves}{semi}{w['takes']}{colon}"
                       f"{r.step.takes_effect(lang)}{_paren(r.step.citation)}", "      ")
    if plan.line.kind == "forecast":
        out += ["", *wrapped(w["projection"].format(model=plan.line.model, prov=plan.line.provenance), "  ")]
    return "\n".join(out) + "\n"


def plan_json(plan: Plan, lang: str = "en") -> dict[str, Any]:
    """Keys and kinds are codes; labels, the model and notes are in ``lang``."""
    def occ(o: Occasion | None) -> str | None:
        return None if o is None else o.shown()

    with using(lang):
        return {
            "scheme": plan.scheme.key,
            "as_of": str(plan.as_of),
            "horizon": str(plan.horizon),
            "horizon_reason": plan.horizon_reason(lang),
            "line": {"kind": plan.line.kind, "label": plan.line.label(lang), "model": plan.line.model or None,
                     "history_provenance": plan.line.provenance or None},
            "trajectory": [
                {"occasion": s.occasion.shown(), "day": str(s.occasion.day), "version": s.version,
                 "eligible": s.eligible, "score": _d(s.total) or None, "channels": list(s.channels),
                 "line": None if ln is None else {"value": str(ln.value), "low": _d(ln.low) or None,
                                                  "high": _d(ln.high) or None},
                 "settles": _settles(s, ln, "mean")}
                for s, ln in zip(plan.standings, plan.lines, strict=True)
            ],
            "answer": {"kind": plan.answer.kind, "occasion": occ(plan.answer.occasion),
                       "earliest": occ(plan.answer.earliest), "latest": occ(plan.answer.latest),
                       "probability": plan.answer.probability},
            "published_rank": None if plan.published_rank is None else dict(
                zip(("place", "size", "list"), plan.published_rank, strict=True)),
            "waits": [{"path": x.path(lang), "condition": x.condition(lang), "citation": str(x.citation),
                       "met_on": None if x.met_on is None else str(x.met_on), "months": x.months} for x in plan.waits],
            "steps": [{"key": r.step.key, "label": r.step.label(lang), "citation": str(r.step.citation),
                       "takes_effect": r.step.takes_effect(lang), "gain": str(r.gain),
                       "gain_at": _shown(plan, r.gain_at or None), "settles": _shown(plan, r.settles),
                       "rounds_saved": r.rounds_saved} for r in plan.steps],
            "note": _W[lang]["promise"] if plan.line.kind == "forecast" else None,
        }


def plan_chart(plan: Plan, path: str, lang: str = "en") -> None:
    """The projected score against the line and its interval, by occasion, with the best steps'
    trajectories dashed.  Needs matplotlib (``pip install 'pointscalc[charts]'``).  Chinese
    labels need a font that draws them; without one the chart is labelled in English."""
    from pointscalc import charts

    try:
        plt = charts._pyplot()
    except charts.ChartsMissing:
        raise SchemeError(tr("--chart needs matplotlib: pip install 'pointscalc[charts]'")) from None
    if lang == "zh" and not charts._drawable("积分"):
        lang = "en"
    with using(lang):
        _draw(plt, plan, path, _W[lang])


def _draw(plt: Any, plan: Plan, path: str, w: dict[str, str]) -> None:
    xs = list(range(len(plan.standings)))
    labels = [s.occasion.label for s in plan.standings]
    fig, ax = plt.subplots(figsize=(8, 4.5))
    scores = [float(s.total) if s.total is not None else float("nan") for s in plan.standings]
    ax.plot(xs, scores, marker="o", label=w["chart_score"])
    if any(ln is not None for ln in plan.lines):
        vals = [float(ln.value) if ln else float("nan") for ln in plan.lines]
        ax.plot(xs, vals, color="black", linestyle="--", label=w["chart_line"])
        if plan.line.kind == "forecast":
            lows = [float(ln.low) if ln and ln.low is not None else float("nan") for ln in plan.lines]
            highs = [float(ln.high) if ln and ln.high is not None else float("nan") for ln in plan.lines]
            ax.fill_between(xs, lows, highs, color="grey", alpha=0.25, label=w["chart_interval"])
    for r in plan.steps[:3]:
        if r.settles is not None and r.settles in labels:
            ax.axvline(labels.index(r.settles), color="green", alpha=0.3)
            ax.annotate(r.step.key, (labels.index(r.settles), ax.get_ylim()[0]), fontsize=7, rotation=90,
                        va="bottom")
    ax.set_xticks(xs, [s.occasion.shown() for s in plan.standings], rotation=45, ha="right", fontsize=7)
    ax.set_ylabel(w["chart_points"])
    ax.legend(fontsize=8)
    fig.tight_layout()
    metadata = {"Software": None} if path.lower().endswith(".png") else {"Date": None}
    fig.savefig(path, metadata=metadata)
    plt.close(fig)


# --- backtest ------------------------------------------------------------------------------------


class NoHistory(SchemeError):
    """A scheme with too few published cutoffs to test a forecast on."""


def backtest_rows(scheme: Scheme) -> list[Backtest]:
    """Each published round from the fourth on, forecast by the very model ``plan`` uses
    (``cutoff_trend``) from the rounds before it."""
    history = cutoff_history(scheme)
    if len(history) < 4:
        raise NoHistory(tr("scheme {scheme!r} has {n} published cutoffs; a backtest needs at least 4",
                           scheme=scheme.key, n=len(history)))
    points = [Point(x, c) for x, c, _, _ in history]
    out = []
    for i in range(3, len(points)):
        trend = cutoff_trend(points[:i])
        out.append(Backtest(points[i].x, points[i].cutoff, trend.predict(points[i].x), trend.n))
    return out


def backtest_text(scheme: Scheme, lang: str = "en") -> str:
    from pointscalc.report import fitted_or_listed, wrapped

    w = _W[lang]
    with using(lang):
        rows = backtest_rows(scheme)
        provenance = {x: str(p) for x, _, _, p in cutoff_history(scheme)}
        ids = [r.id for r in sorted(scheme.rounds, key=lambda r: r.data_day)]
        head = (["round", "published", "forecast", "80% interval", "error", "inside", "rounds used", "provenance"]
                if lang == "en" else ["批次", "公布分值", "预测", "80%区间", "误差", "落在区间内", "所用批次数", "来源"])
        body = [[ids[b.x], b.actual, b.forecast.mean,
                 f"{b.forecast.low}–{b.forecast.high}" if b.forecast.low is not None else "—",
                 f"{b.error:+}", "—" if b.inside is None else (w["yes"] if b.inside else w["no"]), b.used,
                 provenance[b.x]]
                for b in rows]
        mae = sum(abs(b.error) for b in rows) / len(rows)
        note = tr("mean absolute error: {mae:.2f}; model: linear trend over the last {n} rounds, its interval"
                  " widened to its earlier errors; each forecast uses only the rounds before it", mae=mae, n=WINDOW)
        return (fitted_or_listed(body, head, [False] * 7 + [True]) + "\n\n"
                + "\n".join(wrapped(note)) + "\n")


# --- every city at once (pointscalc check --plan) ------------------------------------------------


def plan_all(schemes: Sequence[Scheme], applicant: Applicant, as_of: dt.date, *,
             allow_stale: bool = False) -> list[tuple[Scheme, Plan | None]]:
    out: list[tuple[Scheme, Plan | None]] = []
    for s in schemes:
        try:
            out.append((s, make_plan(s, applicant, as_of, allow_stale=allow_stale)))
        except SchemeError:
            out.append((s, None))
    return out


def _when(p: Plan | None, lang: str) -> str:
    w = _W[lang]
    if p is None:
        return "—"
    a = p.answer
    if a.occasion is None:
        return w["never_short"]
    return w["now_short"] if a.kind == "now" else a.occasion.shown()


def _best(p: Plan | None, lang: str) -> str:
    if p is None or not p.steps:
        return "—"
    r = p.steps[0]
    return f"{r.step.label(lang)} ({r.step.citation})"


def plans_text(plans: Sequence[tuple[Scheme, Plan | None]], lang: str = "en") -> str:
    from tabulate import tabulate

    head = ["city", "earliest", "best step"] if lang == "en" else ["城市", "最早可落户", "最有帮助的措施"]
    with using(lang):
        rows = [[f"{s.city} ({s.key})", _when(p, lang), _best(p, lang)] for s, p in plans]
    title = "Plan by city:" if lang == "en" else "各城市落户规划："
    return f"\n{title}\n" + tabulate(rows, headers=head, disable_numparse=True) + "\n"


def plans_json(plans: Sequence[tuple[Scheme, Plan | None]], lang: str = "en") -> list[dict[str, Any]]:
    with using(lang):
        return [{"scheme": s.key,
                 "earliest": None if p is None or p.answer.occasion is None else p.answer.occasion.shown(),
                 "answer": None if p is None else p.answer.kind,
                 "best_step": None if p is None or not p.steps else {
                     "label": p.steps[0].step.label(lang), "citation": str(p.steps[0].step.citation)}}
                for s, p in plans]
