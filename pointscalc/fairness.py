"""Fairness properties any scheme can be put through, and the audit that runs them.

The policies promise fairness in plain words: the same conditions for local and non-local
applicants (南通 (五)), equal treatment of old and new residents (安阳 二, 同城同待遇), more
weight on insurance and residence years (苏州 (四), 南京 (四)), recognised years as good as
local ones (苏州/南京 (六)).  Each promise becomes a property: a statement about two
applicants (or two runs) that must hold for every pair Hypothesis can generate.  When one
fails, Hypothesis shrinks the pair to the smallest it can find, and that pair is the
counterexample an analyst reads.

Use it from the command line (``pointscalc audit``) or from pytest::

    from hypothesis import given
    from pointscalc import fairness, registry

    subject = fairness.Subject.of(registry.load("suzhou"), date(2021, 6, 30))

    @given(fairness.PROPERTIES["anonymity"].cases(subject))
    def test_anonymity(case):
        fairness.PROPERTIES["anonymity"].check(subject, case)

A scheme may waive a property (``Version.waivers``) with its reason and clause, and name a
weaker property to check in its place; the audit prints every waiver.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings, target
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

from pointscalc import idnumber, places
from pointscalc.i18n import N_, current, listing, pick, tr
from pointscalc.model import (
    Applicant,
    Degree,
    Diploma,
    Education,
    FamilyMember,
    Origin,
    Period,
    PeriodKind,
    Qualification,
    Record,
    RecordKind,
    Relation,
    Sex,
    Title,
    freeze,
)
from pointscalc.months import month_of_date
from pointscalc.ranking import Candidate, Placed, Status, order_key, rank_bucket
from pointscalc.reading import PERIOD_ATTRIBUTES
from pointscalc.recognition import Recognition
from pointscalc.rules import (
    Accrual,
    AgeBands,
    FirstMonth,
    Flag,
    HighestOf,
    InAnyGroup,
    Item,
    LevelTable,
    MonthCount,
    OverlapDeduction,
    PerMonthDeduction,
    PerRecord,
    Score,
    SumOf,
    YearsInTiers,
)
from pointscalc.scheme import Scheme, Text, Ties, Version, Waiver
from pointscalc.scoring import Assessment, assess

# --- What is audited ------------------------------------------------------------------------

__all__ = ["Waiver"]  # re-exported: a scheme declares waivers without importing Hypothesis

Ranker = Callable[[Sequence[Candidate], Sequence[Any], Ties, int | None], tuple[list[Placed], Any]]


@attrs.frozen
class Subject:
    """One version of one scheme at one date, with the ranking function under audit."""

    scheme: Scheme
    version: Version
    as_of: dt.date
    recognition: Recognition
    ranker: Ranker = rank_bucket

    @classmethod
    def of(cls, scheme: Scheme, as_of: dt.date, *, version: Version | None = None,
           allow_stale: bool = False, ranker: Ranker = rank_bucket) -> Subject:
        v = version or scheme.version_for(as_of, allow_stale)
        return cls(scheme, v, as_of, Recognition.resolve(scheme.city, scheme.agreements, as_of), ranker)

    def assess(self, a: Applicant, explain: bool = False) -> Assessment:
        return assess(self.scheme, self.version, a, self.as_of, recognition=self.recognition, explain=explain)

    @property
    def partners(self) -> list[tuple[str, frozenset[PeriodKind]]]:
        """Partner cities credited on ``as_of``, with the kinds each agreement covers."""
        out = []
        for agreement in self.scheme.agreements:
            if agreement.in_force(self.as_of, False):
                out += [(city, agreement.kinds) for city in sorted(agreement.partners)]
        return out


class Counterexample(AssertionError):
    """Two applicants, or two runs, that break a property: shown side by side."""

    def __init__(self, message: str, left: tuple[str, Any], right: tuple[str, Any]):
        super().__init__(message)
        self.message = message
        self.left = left
        self.right = right


# --- Strategies: realistic applicants of a scheme's city --------------------------------

OTHER_CITY = "上海"
"""A city no shipped agreement covers: its months must never count."""

SCORES = [Decimal(x) for x in ("80", "95.5", "100", "100.88", "101.25", "120")]


def _attribute_values(kind: PeriodKind, subject: Subject) -> st.SearchStrategy[dict[str, Any]]:
    fields: dict[str, st.SearchStrategy[Any]] = {}
    for name in PERIOD_ATTRIBUTES[kind]:
        if name == "scheme":
            fields[name] = st.sampled_from(["urban_employee", "urban_employee", "resident"])
        elif name == "tenure":
            fields[name] = st.sampled_from(["owned", "rented", "dormitory"])
        elif name == "area":
            fields[name] = st.sampled_from([Decimal(x) for x in (20, 45, 60, 90, 140)])
        elif name == "diploma":
            fields[name] = st.sampled_from([d.code for d in Diploma if d is not Diploma.NONE])
    for fact in subject.version.facts:
        if fact.period_kind is kind:
            fields[fact.name] = _fact_values(fact)
    return st.fixed_dictionaries({}, optional=fields)


def _fact_values(fact: Any) -> st.SearchStrategy[Any]:
    if fact.choices:
        return st.sampled_from(list(fact.choices))
    if fact.type is bool:
        return st.booleans()
    if fact.type is int:
        return st.integers(0, 10)
    if fact.type is Decimal:
        return st.sampled_from([Decimal(x) for x in (0, 1, 10, 100)])
    return st.sampled_from(["a", "b"])


def periods(subject: Subject, kinds: Sequence[PeriodKind] | None = None,
            cities: Sequence[str] | None = None, ended: bool = False) -> st.SearchStrategy[Period]:
    """A period in the home city (most often), a partner city, or a city with no agreement.

    A third of them run on to ``as_of``, so that "held now" and continuous runs happen;
    ``ended`` gives only periods over before the month of ``as_of``.
    """
    last = month_of_date(subject.as_of)
    first = last - 20 * 12
    home = subject.scheme.city
    pool = list(cities) if cities is not None else [home, home, home, *sorted({c for c, _ in subject.partners}), OTHER_CITY]

    @st.composite
    def one(draw: st.DrawFn) -> Period:
        kind = draw(st.sampled_from(list(kinds or PeriodKind)))
        city = draw(st.sampled_from(pool))
        end_cap = last - 1 if ended else last
        # Recent and short spans as often as long ones: policy thresholds sit at 6, 12, 24
        # months, and a cliff at a year is found only near a year.
        start = draw(st.integers(max(first, end_cap - 36), end_cap) | st.integers(first, end_cap))
        running = not ended and draw(st.integers(0, 3)) == 0
        length = draw(st.integers(0, 12) | st.integers(0, 36) | st.integers(0, 240))
        end = None if running else min(start + length, end_cap)
        districts = places.districts().get(city, ())
        district = draw(st.none() | st.sampled_from(districts)) if districts and not ended else None
        attributes = draw(_attribute_values(kind, subject))
        return Period(kind, city, start, end, district, freeze(attributes))

    return one()


@st.composite
def records(draw: st.DrawFn, as_of: dt.date) -> Record:
    """A record of any kind dated in the ten years before ``as_of``."""
    kind = draw(st.sampled_from(list(RecordKind)))
    day = draw(st.dates(as_of - dt.timedelta(days=3650), as_of))
    attrs_ = {
        RecordKind.HONOUR: {"level": draw(st.sampled_from(["national", "provincial", "municipal", "district"])),
                            "title": draw(st.sampled_from(["labour_model", "other"]))},
        RecordKind.TAX: {"qualifying": draw(st.booleans())},
        RecordKind.INNOVATION: {"category": draw(st.sampled_from(["national_award", "hitech_enterprise",
                                                                  "patent_invention"])),
                                "years": draw(st.integers(1, 5))},
        RecordKind.VIOLATION: {"type": draw(st.sampled_from(["criminal", "detention", "tax", "credit"]))},
    }[kind]
    return Record(kind, day, freeze(attrs_))


@st.composite
def _member(draw: st.DrawFn, as_of: dt.date) -> FamilyMember:
    relation = draw(st.sampled_from(list(Relation)))
    born = draw(st.none() | st.dates(as_of - dt.timedelta(days=365 * 70), as_of))
    return FamilyMember(relation, born, draw(st.none() | st.booleans()), draw(st.booleans()),
                        draw(st.none() | st.booleans()))


AREAS = ("110105", "320505", "320106", "410502", "440203", "310115")
"""Area codes of 北京朝阳, 苏州虎丘, 南京鼓楼, 安阳文峰, 韶关武江 and 上海浦东: an ID number's first
six digits say where it was issued, so anonymity must vary them too."""


def fake_id(birth: dt.date, sex: Sex, serial: int, area: str = AREAS[0]) -> str:
    """A valid GB 11643 number for a generated person: odd 17th digit for men."""
    first17 = f"{area}{birth:%Y%m%d}{(serial * 2 + (sex is Sex.MALE)) % 1000:03d}"
    return first17 + idnumber.check_digit(first17)


def origins(subject: Subject) -> st.SearchStrategy[Origin]:
    cities = [subject.scheme.city, OTHER_CITY, "商丘", "南京", "苏州"]
    return st.builds(Origin, st.none() | st.sampled_from(cities), st.none(), st.none() | st.booleans())


def profiles(subject: Subject, max_periods: int = 8) -> st.SearchStrategy[Applicant]:
    """Adults of 18 to 65 on ``as_of`` with any education, family, records, periods and the
    version's extra facts: the applicants a scheme must treat fairly."""

    @st.composite
    def one(draw: st.DrawFn) -> Applicant:
        age_days = draw(st.integers(18 * 366, 65 * 365))
        birth = subject.as_of - dt.timedelta(days=age_days)
        sex = draw(st.sampled_from(list(Sex)))
        extra = {f.name: draw(_fact_values(f)) for f in subject.version.facts
                 if f.period_kind is None and (f.required or draw(st.booleans()))}
        return Applicant(
            birth=birth,
            id=fake_id(birth, sex, draw(st.integers(0, 499)), draw(st.sampled_from(AREAS))),
            name=draw(st.sampled_from(["张三", "李四", "王五"])),
            sex=sex,
            education=Education(draw(st.sampled_from(list(Diploma))), draw(st.sampled_from(list(Degree)))),
            qualification=draw(st.sampled_from(list(Qualification))),
            title=draw(st.sampled_from(list(Title))),
            origin=draw(origins(subject)),
            family=tuple(draw(st.lists(_member(subject.as_of), max_size=3))),
            records=tuple(draw(st.lists(records(subject.as_of), max_size=3))),
            periods=tuple(draw(st.lists(periods(subject), max_size=max_periods))),
            extra=freeze(extra),
        )

    return one()


# --- Comparing assessments --------------------------------------------------------------


def outcome(a: Assessment, ranking: bool = True) -> tuple[Any, ...]:
    """Everything a decision turns on: eligibility, each condition and channel, each
    line's points, the total and base, and (with ``ranking``) the rank values."""
    return (
        a.eligible,
        tuple(c.passed for c in a.conditions),
        tuple(ch.passed for ch in a.channels),
        tuple((ln.key, ln.points) for ln in a.lines),
        a.total,
        a.base,
        a.rank_values if ranking else (),
    )


def _pair(message: str, a: Applicant, b: Applicant, left: str = "A", right: str = "B") -> Counterexample:
    return Counterexample(message, (left, a), (right, b))


def _same(subject: Subject, a: Applicant, b: Applicant, what: str, ranking: bool = True) -> None:
    if outcome(subject.assess(a), ranking) != outcome(subject.assess(b), ranking):
        raise _pair(what, a, b)


def _no_worse(subject: Subject, a: Applicant, b: Applicant, what: str) -> None:
    """``b`` has more than ``a``: it must score no lower, lose no eligibility, and close
    no channel that ``a`` opened."""
    x, y = subject.assess(a), subject.assess(b)
    if x.total is not None and y.total is not None:
        # Steer the search toward the largest fall (a search heuristic only: no point is a float).
        target(float(x.total - y.total), label="fall in score")
    worse = (
        (x.total is not None and y.total is not None and y.total < x.total)
        or (x.eligible and not y.eligible)
        or any(cx.passed and not cy.passed for cx, cy in zip(x.channels, y.channels, strict=True))
    )
    if worse:
        raise _pair(what, a, b, pick("fewer", "较少"), pick("more", "较多"))


# --- The properties ---------------------------------------------------------------------


@attrs.frozen
class Property:
    key: str
    """A code: what ``--only`` takes, the same in any language."""
    title: str
    principle: str
    """The promise in plain words, and the clause that makes it.  Title and principle are
    English catalogue templates: show them through ``i18n.tr``."""
    cases: Callable[[Subject], st.SearchStrategy[Any]]
    check: Callable[[Subject, Any], None]
    applies: Callable[[Subject], str | None] = lambda s: None
    """``None`` when the property applies; otherwise why not (no ranking, no agreement)."""


def _with_period(kinds: Sequence[PeriodKind]) -> Callable[[Subject], st.SearchStrategy[Any]]:
    """A profile that already has some months of the kind (thresholds sit near the months
    people have), and one more period of it at home."""

    def cases(s: Subject) -> st.SearchStrategy[Any]:
        @st.composite
        def one(draw: st.DrawFn) -> tuple[Applicant, Period]:
            a = draw(profiles(s, max_periods=4))
            own = draw(st.lists(periods(s, kinds, cities=[s.scheme.city]), min_size=1, max_size=2))
            a = attrs.evolve(a, periods=(*a.periods, *own))
            ended = [p for p in own if p.end is not None and p.end < month_of_date(s.as_of)]
            if ended and draw(st.booleans()):
                # One to three more months right after a period: the 13th month after 12.
                p = draw(st.sampled_from(ended))
                return a, attrs.evolve(p, start=p.end + 1, end=p.end + draw(st.integers(1, 3)))  # type: ignore[operator]
            return a, draw(periods(s, kinds, cities=[s.scheme.city]))

        return one()

    return cases


_FURTHER = {"insurance": N_("a further insurance period lowered the score or closed a path"),
            "residence": N_("a further residence period lowered the score or closed a path")}


def _monotone(kind_name: str) -> Callable[[Subject, Any], None]:
    def check(subject: Subject, case: Any) -> None:
        a, extra = case
        b = attrs.evolve(a, periods=(*a.periods, extra))
        _no_worse(subject, a, b, tr(_FURTHER[kind_name]))

    return check


def _monotone_outside_study(subject: Subject, case: Any) -> None:
    a, extra = case
    _monotone("insurance")(subject, (attrs.evolve(a, periods=tuple(p for p in a.periods
                                                                    if p.kind is not PeriodKind.STUDY)), extra))


def _anonymity(subject: Subject, case: Any) -> None:
    a, (name, serial, area) = case
    sex = a.sex or Sex.MALE
    b = attrs.evolve(a, name=name, id=fake_id(a.birth, sex, serial, area))
    _same(subject, a, b, tr("changing only the name and ID number changed the result"))


def _origin(ranking: bool) -> Callable[[Subject, Any], None]:
    def check(subject: Subject, case: Any) -> None:
        a, origin = case
        b = attrs.evolve(a, origin=origin)
        if ranking:
            if subject.assess(a).rank_values != subject.assess(b).rank_values:
                raise _pair(tr("changing only the hukou origin changed the ranking order"), a, b)
        else:
            _same(subject, a, b, tr("changing only the hukou origin changed the result"), ranking=False)

    return check


def _recognised(subject: Subject, case: Any) -> None:
    a, p, city = case
    there = attrs.evolve(p, city=city, district=None)
    here = attrs.evolve(p, city=subject.scheme.city, district=None)
    x = attrs.evolve(a, periods=(*a.periods, there))
    y = attrs.evolve(a, periods=(*a.periods, here))
    _same(subject, y, x, tr("a period in recognised {city} counted differently from the same period at home",
                            city=city), ranking=False)


def _recognition_cases(s: Subject) -> st.SearchStrategy[Any]:
    @st.composite
    def one(draw: st.DrawFn) -> tuple[Applicant, Period, str]:
        city, kinds = draw(st.sampled_from(s.partners))
        p = draw(periods(s, sorted(kinds, key=lambda k: k.rank), cities=[city], ended=True))
        return draw(profiles(s, max_periods=5)), p, city

    return one()


def _split_duplicate(subject: Subject, case: Any) -> None:
    a, index, at, duplicate = case
    if not a.periods:
        return
    p = a.periods[index % len(a.periods)]
    rest = tuple(q for i, q in enumerate(a.periods) if i != index % len(a.periods))
    if duplicate:
        b = attrs.evolve(a, periods=(*a.periods, p))
        what = tr("listing a period twice changed the result")
    else:
        end = p.end if p.end is not None else month_of_date(subject.as_of) + 12
        if end <= p.start:
            return
        cut = p.start + at % (end - p.start)
        b = attrs.evolve(a, periods=(*rest, attrs.evolve(p, end=cut), attrs.evolve(p, start=cut + 1)))
        what = tr("splitting a period in two changed the result")
    _same(subject, a, b, what)


def item_bounds(item: Item) -> tuple[Decimal | None, Decimal | None]:
    """The least and most an item can give, read off its declaration."""
    if isinstance(item, Accrual):
        return Decimal(0), item.cap
    if isinstance(item, LevelTable):
        return Decimal(0), max((r.points for r in item.rows), default=Decimal(0))
    if isinstance(item, AgeBands):
        pts = [b.points for b in item.bands] + [Decimal(0)]
        return min(pts), max(pts)
    if isinstance(item, Flag):
        return min(Decimal(0), item.points), max(Decimal(0), item.points)
    if isinstance(item, PerRecord):
        cap = item.cap
        return (Decimal(0), cap) if item.points >= 0 else ((-cap if cap is not None else None), Decimal(0))
    if isinstance(item, HighestOf):
        highs = [item_bounds(o)[1] for o in item.options]
        return Decimal(0), None if None in highs else max(h for h in highs if h is not None)
    if isinstance(item, SumOf):
        highs = [item_bounds(o)[1] for o in item.options]
        if item.cap is not None or None in highs:
            return Decimal(0), item.cap
        return Decimal(0), sum((h for h in highs if h is not None), Decimal(0))
    if isinstance(item, YearsInTiers):
        return Decimal(0), item.cap
    if isinstance(item, OverlapDeduction | PerMonthDeduction):
        return None, Decimal(0)
    return None, None  # a Custom item declares no range


def _bounds(subject: Subject, a: Applicant) -> None:
    x = subject.assess(a)
    for ln in x.lines:
        low, high = item_bounds(subject.version.item(ln.key))
        if (low is not None and ln.points < low) or (high is not None and ln.points > high):
            raise Counterexample(tr("item {key} gave {points}, outside [{low}, {high}]", key=ln.key, points=ln.points,
                                    low=low, high=high), ("A", a), ("A", a))
    if x.total is not None and x.total != sum((ln.points for ln in x.lines), Decimal(0)):
        raise Counterexample(tr("the lines do not sum to the total"), ("A", a), ("A", a))
    if x.base is not None and x.base != sum((ln.points for ln in x.lines if ln.base), Decimal(0)):
        raise Counterexample(tr("the base lines do not sum to the base score"), ("A", a), ("A", a))


def _age(subject: Subject, case: Any) -> None:
    a, years = case
    b = attrs.evolve(a, birth=_years_earlier(a.birth, years))
    _same(subject, a, b, tr("being {years} years older changed the result", years=years), ranking=False)


def _older(subject: Subject, case: Any) -> None:
    a, years = case
    b = attrs.evolve(a, birth=_years_earlier(a.birth, years))
    x, y = subject.assess(a), subject.assess(b)
    if x.total is not None and y.total is not None and y.total > x.total:
        raise _pair(tr("being {years} years older raised the score", years=years), a, b, *_ages())
    if y.eligible and not x.eligible:
        raise _pair(tr("being {years} years older made the applicant eligible", years=years), a, b, *_ages())


def _ages() -> tuple[str, str]:
    return pick("younger", "较年轻"), pick("older", "较年长")


def _years_earlier(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _age_cases(s: Subject) -> st.SearchStrategy[Any]:
    return st.tuples(profiles(s), st.integers(1, 20))


# --- Ranking properties: over generated populations -------------------------------------


def _values(key: Any) -> st.SearchStrategy[Any]:
    src = key.source
    if isinstance(src, Score):
        return st.none() | st.sampled_from(SCORES) if src.which == "base" else st.sampled_from(SCORES)
    if isinstance(src, FirstMonth):
        return st.none() | st.integers(month_of_date(dt.date(2015, 1, 1)), month_of_date(dt.date(2015, 4, 1)))
    if isinstance(src, MonthCount):
        return st.integers(0, 4)
    if isinstance(src, InAnyGroup):
        return st.integers(0, 1)
    return st.integers(0, 3)


def populations(s: Subject, max_size: int = 10) -> st.SearchStrategy[tuple[list[Candidate], int]]:
    """Candidates with few distinct values, so that ties at the line are common, and a quota."""
    keys = s.version.ranking.keys  # type: ignore[union-attr]

    @st.composite
    def one(draw: st.DrawFn) -> tuple[list[Candidate], int]:
        n = draw(st.integers(0, max_size))
        people = [
            Candidate(f"a{i:03d}", "", draw(st.integers(0, 5)) > 0, tuple(draw(_values(k)) for k in keys))
            for i in range(n)
        ]
        return people, draw(st.integers(0, max_size))

    return one()


def _run(s: Subject, people: Sequence[Candidate], quota: int) -> dict[str, Status]:
    r = s.version.ranking
    assert r is not None
    placed, _ = s.ranker(list(people), r.keys, r.ties, quota)
    return {p.candidate.key: p.status for p in placed}


def _admitted(run: dict[str, Status]) -> set[str]:
    return {k for k, v in run.items() if v is Status.ADMITTED}


def _runs(message: str, a: Any, b: Any) -> Counterexample:
    return Counterexample(message, (tr("run {n}", n=1), a), (tr("run {n}", n=2), b))


def _rank_permutation(s: Subject, case: Any) -> None:
    (people, quota), seed = case
    shuffled = list(people)
    random.Random(seed).shuffle(shuffled)
    one, two = _run(s, people, quota), _run(s, shuffled, quota)
    if one != two:
        raise _runs(tr("the same applicants in another order got different results"),
                    (people, quota, one), (shuffled, quota, two))


def _ranked(s: Subject, people: Sequence[Candidate], quota: int) -> tuple[Any, dict[str, Status], list[Any]]:
    """The run, and the order keys of those admitted."""
    r = s.version.ranking
    assert r is not None
    run = _run(s, people, quota)
    return r, run, [order_key(c.values, r.keys) for c in people if run[c.key] is Status.ADMITTED]


def _rank_quota(s: Subject, case: Any) -> None:
    people, quota = case
    r, run, admitted = _ranked(s, people, quota)
    if len(admitted) <= quota:
        return
    if r.ties is Ties.STRICT or quota == 0:
        raise _runs(tr("{n} admitted against a quota of {quota}", n=len(admitted), quota=quota), (people, quota, run),
                    None)
    line = sorted(order_key(c.values, r.keys) for c in people if c.eligible)[quota - 1]
    if any(k > line for k in admitted):
        raise _runs(tr("{n} admitted against a quota of {quota}, beyond those tied at the line", n=len(admitted),
                       quota=quota), (people, quota, run), None)


def _rank_order(s: Subject, case: Any) -> None:
    people, quota = case
    r, run, admitted = _ranked(s, people, quota)
    for c in people:
        if c.eligible and run[c.key] is not Status.ADMITTED and admitted and order_key(c.values, r.keys) < max(admitted):
            raise _runs(tr("{key} was not admitted but ranks above an admitted applicant", key=c.key),
                        (people, quota, run), None)


def _rank_raise_quota(s: Subject, case: Any) -> None:
    (people, quota), more = case
    one, two = _run(s, people, quota), _run(s, people, quota + more)
    lost = _admitted(one) - _admitted(two)
    if lost:
        raise _runs(tr("raising the quota from {quota} to {more} removed {lost}", quota=quota, more=quota + more,
                       lost=sorted(lost)),
                    (people, quota, one), (people, quota + more, two))


def _rank_add_below(s: Subject, case: Any) -> None:
    (people, quota), values = case
    r, one, admitted = _ranked(s, people, quota)
    newcomer = Candidate("z999", "", True, values)
    if not admitted or order_key(values, r.keys) <= max(admitted):
        return
    two = _run(s, [*people, newcomer], quota)
    lost = _admitted(one) - _admitted(two)
    if lost:
        raise _runs(tr("adding an applicant ranked below the cutoff removed {lost}", lost=sorted(lost)),
                    (people, quota, one), ([*people, newcomer], quota, two))


def _needs_ranking(s: Subject) -> str | None:
    return None if s.version.ranking is not None else tr("the version ranks no one (no quota)")


def _with_keys(s: Subject) -> st.SearchStrategy[Any]:
    keys = s.version.ranking.keys  # type: ignore[union-attr]
    return st.tuples(populations(s), st.tuples(*(_values(k) for k in keys)))


# --- Versions -----------------------------------------------------------------------------


def _versions(s: Subject, day: dt.date) -> None:
    valid = [v.label for v in s.scheme.versions if v.valid_on(day)]
    first = min(v.effective for v in s.scheme.versions)
    ends = [v.ends for v in s.scheme.versions]
    last = None if None in ends else max(e for e in ends if e is not None)
    inside = day >= first and (last is None or day < last)
    if inside and len(valid) != 1:
        raise Counterexample(tr("on {day}, {n} versions are in force ({which})", day=day, n=len(valid),
                                which=listing(valid) or pick("none", "无")),
                             (pick("day", "日期"), day), (pick("versions", "版本"), valid))
    for v in s.scheme.versions:
        before = v.effective - dt.timedelta(days=1)
        if v.valid_on(before) or not v.valid_on(v.effective):
            raise Counterexample(tr("version {label} does not switch on exactly at {day}", label=v.label,
                                    day=v.effective),
                                 (pick("day", "日期"), v.effective), (pick("version", "版本"), v.label))


def _version_days(s: Subject) -> st.SearchStrategy[dt.date]:
    first = min(v.effective for v in s.scheme.versions)
    ends = [v.ends for v in s.scheme.versions if v.ends is not None]
    last = max([*ends, first]) + dt.timedelta(days=400)
    edges = [v.effective for v in s.scheme.versions] + ends
    near = [d + dt.timedelta(days=k) for d in edges for k in (-1, 0, 1)]
    return st.sampled_from(sorted(set(near))) | st.dates(first - dt.timedelta(days=30), last)


PROPERTIES: dict[str, Property] = {
    p.key: p
    for p in (
        Property(
            "monotone_insurance", N_("More insurance months never hurt"),
            N_("More weight on social-insurance years (苏府办〔2020〕313号 (四); 宁政办发〔2021〕5号 (四)): a further"
               " insurance period never lowers a score, costs eligibility or closes a channel."),
            _with_period([PeriodKind.SOCIAL_INSURANCE, PeriodKind.MEDICAL_INSURANCE]), _monotone("insurance"),
        ),
        Property(
            "monotone_insurance_outside_study", N_("More insurance months never hurt, for someone who never studied"),
            N_("As monotone_insurance, for applicants with no study period: in place of it where a scheme deducts a"
               " flat amount per study month (Beijing's lists)."),
            _with_period([PeriodKind.SOCIAL_INSURANCE, PeriodKind.MEDICAL_INSURANCE]), _monotone_outside_study,
        ),
        Property(
            "monotone_residence", N_("More residence months never hurt"),
            N_("More weight on residence years (same clauses): a further residence or residence-permit period"
               " never lowers a score, costs eligibility or closes a channel."),
            _with_period([PeriodKind.RESIDENCE, PeriodKind.RESIDENCE_PERMIT]), _monotone("residence"),
        ),
        Property(
            "anonymity", N_("Name and ID never matter"),
            N_("Equal treatment (安政办〔2018〕19号 二 同城同待遇): the name and ID number change nothing."),
            lambda s: st.tuples(profiles(s), st.tuples(st.sampled_from(["赵六", "钱七", "孙八"]), st.integers(0, 499),
                                                       st.sampled_from(AREAS))),
            _anonymity,
        ),
        Property(
            "origin_blind", N_("Hukou origin never matters"),
            N_("The same conditions for local and non-local applicants (南通2020落户实施意见 (五)); old and new"
               " residents alike (安政办〔2018〕19号 二): origin, local or not, rural or urban, changes no"
               " condition, channel or point."),
            lambda s: st.tuples(profiles(s), origins(s)), _origin(False),
        ),
        Property(
            "origin_blind_ranking", N_("Hukou origin never moves a rank"),
            N_("As origin_blind, for the values a ranking reads."),
            lambda s: st.tuples(profiles(s), origins(s)), _origin(True), _needs_ranking,
        ),
        Property(
            "recognition", N_("A recognised month counts as a home month"),
            N_("Recognised years as good as local ones (苏府办〔2020〕313号 (六); 宁政办发〔2021〕5号 (六)): a past"
               " period in a partner city under an agreement in force counts exactly as the same period at home."),
            _recognition_cases, _recognised,
            lambda s: None if s.partners else tr("no recognition agreement is in force on {day}", day=s.as_of),
        ),
        Property(
            "split_duplicate", N_("Listing a period twice, or in two pieces, changes nothing"),
            N_("Months are a union: the same month is never counted twice, nor lost at a split."),
            lambda s: st.tuples(profiles(s), st.integers(0, 7), st.integers(0, 300), st.booleans()),
            _split_duplicate,
        ),
        Property(
            "bounds", N_("Items within their caps; lines sum to the total"),
            N_("Every item gives no more than its table allows, and the published total is the sum of the lines."),
            lambda s: profiles(s), _bounds, lambda s: None if s.version.items else tr("the version scores no points"),
        ),
        Property(
            "age_blind", N_("Age never matters"),
            N_("Equal treatment: being older or younger changes nothing, unless the policy scores age."),
            _age_cases, _age,
        ),
        Property(
            "older_never_gains", N_("Being older never helps"),
            N_("Where a policy scores age, points fall with age and never rise."),
            _age_cases, _older,
        ),
        Property(
            "rank_permutation", N_("Input order never matters"),
            N_("A ranking is a function of the applicants, not of the order of the file."),
            lambda s: st.tuples(populations(s), st.integers(0, 2**32 - 1)), _rank_permutation, _needs_ranking,
        ),
        Property(
            "rank_quota", N_("The quota holds, apart from the declared ties policy"),
            N_("No more are admitted than the quota, except those tied at the line where the scheme admits all tied."),
            populations, _rank_quota, _needs_ranking,
        ),
        Property(
            "rank_order", N_("No one rejected outranks anyone admitted"),
            N_("Admission follows the published order."),
            populations, _rank_order, _needs_ranking,
        ),
        Property(
            "rank_raise_quota", N_("A larger quota never removes anyone"),
            N_("Raising the quota only admits more."),
            lambda s: st.tuples(populations(s), st.integers(1, 5)), _rank_raise_quota, _needs_ranking,
        ),
        Property(
            "rank_add_below", N_("A newcomer below the line removes no one"),
            N_("Adding an applicant ranked below the cutoff never removes an admitted one."),
            _with_keys, _rank_add_below, _needs_ranking,
        ),
        Property(
            "versions", N_("Versions switch exactly at their dates"),
            N_("Each version applies from its effective date, with no gap or overlap between versions."),
            _version_days, _versions,
        ),
    )
}

DEFAULT = tuple(k for k in PROPERTIES if k not in ("older_never_gains", "monotone_insurance_outside_study"))
"""The default battery; ``older_never_gains`` and ``monotone_insurance_outside_study`` run only
in place of a waived property."""


# --- Running the battery ----------------------------------------------------------------


STATUSES = ("pass", "fail", "waived", "n/a", "error")
"""A property's result, as a code (JSON and tests read it)."""


def said(text: str | Text) -> str:
    """A scheme's text (a waiver's reason) in the user's language, whether written in both or one."""
    return text(current()) if isinstance(text, Text) else str(text)


@attrs.frozen
class Result:
    key: str
    status: str
    """One of ``STATUSES``."""
    examples: int
    note: str = ""
    counterexample: Counterexample | None = None
    instead_of: str | None = None


def run_property(prop: Property, subject: Subject, examples: int = 100, seed: int | None = None) -> Result:
    """Run one property with Hypothesis; a failure comes back shrunk, never raised."""
    why = prop.applies(subject)
    if why is not None:
        return Result(prop.key, "n/a", 0, why)
    state: dict[str, Any] = {"calls": 0, "first": None, "last": None}

    def body(case: Any) -> None:
        state["calls"] += 1
        try:
            prop.check(subject, case)
        except Counterexample as e:
            state["last"] = e
            state["first"] = state["first"] or state["calls"]
            raise

    test = settings(
        max_examples=examples, database=None, deadline=None, derandomize=seed is None,
        suppress_health_check=list(HealthCheck), print_blob=False, report_multiple_bugs=False,
    )(given(prop.cases(subject))(body))
    if seed is not None:
        test = hypothesis_seed(seed)(test)
    try:
        test()
    except Counterexample:
        return Result(prop.key, "fail", state["first"] or state["calls"], state["last"].message, state["last"])
    except Exception as e:  # a property that cannot run on this scheme: report, never crash
        return Result(prop.key, "error", state["calls"], f"{type(e).__name__}: {e}")
    return Result(prop.key, "pass", state["calls"])


def audit(subject: Subject, examples: int = 100, seed: int | None = None,
          keys: Sequence[str] = DEFAULT) -> list[Result]:
    """The battery, in order: waived properties are listed with their waiver, and the
    property named ``instead`` runs in their place."""
    waivers = {w.property: w for w in subject.version.waivers}
    out: list[Result] = []
    for key in keys:
        w = waivers.get(key)
        if w is None:
            out.append(run_property(PROPERTIES[key], subject, examples, seed))
            continue
        out.append(Result(key, "waived", 0, f"{said(w.reason)}{pick(' (', '（')}{w.citation}{pick(')', '）')}"))
        if w.instead is not None:
            r = run_property(PROPERTIES[w.instead], subject, examples, seed)
            out.append(attrs.evolve(r, instead_of=key))
    return out

