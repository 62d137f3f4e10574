"""The bulk engine: a whole city's applicants scored column by column.

``scoring.assess`` is the reference: it scores one applicant and explains every line.  A
city's annual run scores a million, and only needs each one's verdict, points and rank
values.  Here each rule of a version is evaluated once over all applicants of a chunk:

* a set of months is a bitmap per applicant, one bit per month from the earliest month any
  period starts to the month of ``as_of`` (so ``until(as_of)`` is the bitmap's edge);
  union, intersection and difference are bitwise, a count is a population count;
* points are exact integers over a denominator per item (12 × 10^k for accruals), rounded
  by the scheme's rule in integer arithmetic: no binary float ever holds a point.

Every rule class of ``pointscalc.rules`` has its column-wise evaluation registered here,
next to the others (``PREDICATES``, ``ITEMS``, ``RANK_SOURCES``); ``tests/test_bulk.py``
enumerates the vocabulary and fails for a class without one.  A scheme's own ``Check`` or
``Custom`` function may bring its column-wise form (``columns=``); a version with one that
does not is refused by ``unsupported``, and ranked by the reference engine instead.  The
properties in ``tests/test_bulk.py`` check that both engines give the same points and bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from decimal import (
    ROUND_05UP,
    ROUND_CEILING,
    ROUND_DOWN,
    ROUND_FLOOR,
    ROUND_HALF_DOWN,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    ROUND_UP,
    Decimal,
)
from typing import Any, TypeVar

import attrs
import numpy as np

from pointscalc.columns import Frame
from pointscalc.i18n import tr
from pointscalc.model import Diploma, PeriodKind, Relation
from pointscalc.months import month_of_date
from pointscalc.recognition import Agreement, Recognition
from pointscalc.rules import (
    ADULT_AGE,
    ANYWHERE,
    HIGHEST_DIPLOMA,
    Accrual,
    Accrue,
    AgeBands,
    AllOf,
    AnyOf,
    BelowRetirementAge,
    BornFrom,
    Check,
    Custom,
    EachOfLastYears,
    FactIs,
    FirstMonth,
    Flag,
    HasLevel,
    HasRecord,
    HighestOf,
    HoldsAt,
    HomeInArea,
    InAnyGroup,
    Item,
    LevelTable,
    Min,
    MonthCount,
    MonthsAtLeast,
    MonthsOf,
    Not,
    OverlapDeduction,
    PerMonthDeduction,
    PerRecord,
    RuralOrigin,
    Score,
    SumOf,
    WholeFamily,
    YearsInTiers,
    _attr_matches,
    years_before,
)
from pointscalc.scheme import Scheme, Version

_LOW = np.array([(1 << k) - 1 for k in range(65)], dtype=np.uint64)
"""``_LOW[k]``: the low ``k`` bits set."""

CHUNK = 65536
"""Applicants evaluated at once: bounds the bitmaps a continuous run unpacks (≈ 32 MB)."""


def _rules(obj: Any) -> Iterator[Any]:
    """The rules an item, predicate or condition holds (options, parts, a ``when``), read off
    its fields: a rule added to the vocabulary is walked without a line here."""
    if not attrs.has(type(obj)):
        return
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        for v in value if isinstance(value, tuple) else (value,):
            if isinstance(v, Item) or callable(getattr(v, "test", None)):
                yield v


def missing(rule: Any) -> str | None:
    """Why the rule, or a rule inside it, has no column-wise evaluation; ``None`` if all have."""
    table = ITEMS if isinstance(rule, Item) else PREDICATES
    name = type(rule).__name__
    if type(rule) not in table:
        return tr("{rule}, which has no column-wise evaluation", rule=name)
    if isinstance(rule, (Check, Custom)) and rule.columns is None:
        return tr("a {rule} function with no column-wise form (columns=)", rule=name)
    return next((why for r in _rules(rule) if (why := missing(r)) is not None), None)


def unsupported(scheme: Scheme, version: Version, recognition: Recognition) -> str | None:
    """Why this engine cannot rank the version, or ``None`` if it can."""
    if version.rounding.mode not in _ROUND_UP_WHEN:
        return tr("rounding {mode}", mode=version.rounding.mode)
    if version.ranking is None:
        return tr("no ranking")
    conditions = [*version.preconditions, *(c for ch in version.channels for c in ch.conditions)]
    for key in version.ranking.keys:
        if type(key.source) not in RANK_SOURCES:
            return tr("rank key {key} uses {rule}, which has no column-wise evaluation", key=key.name,
                      rule=type(key.source).__name__)
        if isinstance(key.source, InAnyGroup):
            conditions += key.source.groups
    for c in conditions:
        if (why := missing(c.test)) is not None:
            return tr("condition {key} uses {why}", key=c.key, why=why)
    for it in version.items:
        if (why := missing(it)) is not None:
            return tr("item {key} uses {why}", key=it.key, why=why)
        if isinstance(it, OverlapDeduction) and not all(isinstance(version.item(k), Accrual) for k in it.of):
            return tr("item {key} deducts from an item that is not an Accrual", key=it.key)
    return None


@attrs.frozen
class Scored:
    """One chunk's verdicts and points, row for row with the frame."""

    eligible: np.ndarray
    channel: np.ndarray
    """Settles by a direct channel."""
    total: np.ndarray
    base: np.ndarray
    """In units of 10^-places; meaningful where ``eligible``."""
    values: list[np.ndarray]
    nulls: list[np.ndarray]
    """Rank values (int64) and where each is absent."""
    failed: np.ndarray
    """Bit ``i`` set where precondition ``i`` fails."""


_ROUND_UP_WHEN: dict[str, Callable[[np.ndarray, np.ndarray, int, np.ndarray], np.ndarray]] = {
    # (quotient toward zero, remainder, denominator, sign) -> whether to move one unit away from zero
    ROUND_DOWN: lambda q, r, d, s: np.zeros(len(q), dtype=bool),
    ROUND_UP: lambda q, r, d, s: r > 0,
    ROUND_CEILING: lambda q, r, d, s: (r > 0) & (s > 0),
    ROUND_FLOOR: lambda q, r, d, s: (r > 0) & (s < 0),
    ROUND_HALF_UP: lambda q, r, d, s: 2 * r >= d,
    ROUND_HALF_DOWN: lambda q, r, d, s: 2 * r > d,
    ROUND_HALF_EVEN: lambda q, r, d, s: (2 * r > d) | ((2 * r == d) & (q % 2 == 1)),
    ROUND_05UP: lambda q, r, d, s: (r > 0) & ((q % 10 == 0) | (q % 10 == 5)),
}
"""Every rounding mode of ``decimal``, as Python's decimal module defines it, on exact
integers: ``Rounding.apply`` is the reference."""


def round_units(num: np.ndarray, den: int, places: int, mode: str) -> np.ndarray:
    """num/den rounded to ``places`` decimals by ``mode``, as units of 10^-places."""
    sign = np.sign(num)
    q, r = np.divmod(np.abs(num) * (10**places), den)
    return sign * (q + _ROUND_UP_WHEN[mode](q, r, den, sign))


def _in_turn(groups: list[tuple[Decimal, np.ndarray]], budget: np.ndarray) -> list[tuple[Decimal, np.ndarray]]:
    """Months counted group by group, best rate first, until ``budget`` is spent (a
    ``not_more_than`` limit, or the months full years are paid from)."""
    out = []
    for rate, n in groups:
        take = np.minimum(n, budget)
        budget = budget - take
        out.append((rate, take))
    return out


def _scale(values: list[Decimal]) -> int:
    """The power of ten that makes every value a whole number."""
    return max([0, *(-int(v.as_tuple().exponent) for v in values if v.as_tuple().exponent < 0)])


class Engine:
    """Evaluate one version's rules over one chunk of applicants."""

    def __init__(self, scheme: Scheme, version: Version, as_of: dt.date, recognition: Recognition,
                 frame: Frame, first_month: int):
        self.scheme, self.version, self.as_of, self.recognition, self.f = scheme, version, as_of, recognition, frame
        self.hi = month_of_date(as_of)
        self.lo = min(first_month, self.hi)
        self.width = self.hi - self.lo + 1
        self.words = (self.width + 63) // 64
        self._months: dict[tuple[MonthsOf, bool], np.ndarray] = {}
        f = frame
        self.home = f.cities.index(scheme.city) if scheme.city in f.cities else -1
        self.p_diploma = f.ranks["diploma"][f.p_app] if f.n else np.zeros(0, np.int8)

    # --- months ---------------------------------------------------------------------

    def _bits(self, sel: np.ndarray, start_floor: np.ndarray | int | None = None) -> np.ndarray:
        """The months of the selected periods, per applicant."""
        f = self.f
        out = np.zeros((f.n, self.words), dtype=np.uint64)
        if not sel.any():
            return out
        app = f.p_app[sel]
        s = f.p_start[sel]
        if start_floor is not None:
            s = np.maximum(s, start_floor[sel] if isinstance(start_floor, np.ndarray) else start_floor)
        s = np.clip(s - self.lo, 0, self.width)
        e = np.clip(f.p_end[sel] - self.lo, 0, self.width)
        for w in range(self.words):
            a = np.clip(s - 64 * w, 0, 64)
            b = np.clip(e - 64 * w, 0, 64)
            mask = np.where(b > a, _LOW[b] & ~_LOW[a], np.uint64(0))
            np.bitwise_or.at(out[:, w], app, mask)
        return out

    def _matches(self, m: MonthsOf) -> np.ndarray:
        f = self.f
        ok = np.isin(f.p_kind, [k.rank for k in m.kinds])
        for name, wanted in m.where:
            codes, values = f.p_attr.get(name, (np.full(len(f.p_app), -1), []))
            if wanted is HIGHEST_DIPLOMA:
                ranks = np.array([Diploma(v).rank if v is not None else -1 for v in values] + [-1], dtype=np.int16)
                r = ranks[codes]
                ok &= (r < 0) | (r == self.p_diploma)
                continue
            ok &= _table([_attr_matches(v, wanted) for v in values], _attr_matches(None, wanted))[codes]
        return ok

    def _selects(self, m: MonthsOf) -> np.ndarray:
        f = self.f
        ok = self._matches(m)
        if m.cities is not ANYWHERE:
            wanted = m.cities or {self.scheme.city}
            ok &= np.isin(f.p_city, [i for i, c in enumerate(f.cities) if c in wanted])
            if m.districts is not None:
                ok &= np.isin(f.p_district, [i for i, d in enumerate(f.districts) if d in m.districts])
        return ok

    def _since(self, m: MonthsOf) -> int | None:
        return month_of_date(m.since) if m.since is not None else None

    def own(self, m: MonthsOf) -> np.ndarray:
        return self._bits(self._selects(m), self._since(m))

    def _agreements(self) -> list[tuple[Agreement, list[tuple[int, int]]]]:
        """Each agreement in force, with the (city code, kind rank) pairs it covers here; in
        the order of their keys, as ``MonthsOf.partner_months`` takes them."""
        f = self.f
        by: dict[Agreement, list[tuple[int, int]]] = {}
        for (city, kind), agreement in self.recognition.active.items():
            if city != self.scheme.city and city in f.cities:
                by.setdefault(agreement, []).append((f.cities.index(city), kind.rank))
        return sorted(by.items(), key=lambda kv: kv[0].key)

    def _partner_periods(self, m: MonthsOf) -> np.ndarray:
        """Periods whose months an agreement credits (before any window or cap)."""
        f = self.f
        sel = np.zeros(len(f.p_app), dtype=bool)
        if not m.recognisable:
            return sel
        for _, pairs in self._agreements():
            for city, kind in pairs:
                sel |= (f.p_city == city) & (f.p_kind == kind)
        return sel & self._matches(m)

    def _credited(self, m: MonthsOf, taken: np.ndarray) -> np.ndarray:
        """``own | partner_months``: each agreement in turn credits the months not yet
        taken, from its start where it says so, the latest ``cap_months`` kept."""
        f = self.f
        matches = self._matches(m)
        since = self._since(m)
        for agreement, pairs in self._agreements():
            sel = np.zeros(len(f.p_app), dtype=bool)
            for city, kind in pairs:
                sel |= (f.p_city == city) & (f.p_kind == kind)
            sel &= matches
            if not sel.any():
                continue
            floor = [since] if since is not None else []
            if not agreement.credits_before_start:
                floor.append(month_of_date(agreement.effective))
            credited = self._bits(sel, max(floor) if floor else None) & ~taken
            if agreement.cap_months is not None:
                credited = self.latest(credited, agreement.cap_months)
            taken = taken | credited
        return taken

    def months(self, m: MonthsOf, recognise: bool = True) -> np.ndarray:
        key = (m, recognise)
        found = self._months.get(key)
        if found is None:
            found = self.own(m)
            if recognise and m.recognisable:
                found = self._credited(m, found)
            if m.continuous:
                found = self._run(found, m.max_gap, m.lag)
            self._months[key] = found
        return found

    def latest(self, bits: np.ndarray, n: int) -> np.ndarray:
        """``Months.latest(n)`` on every row: only rows with more than ``n`` months are unpacked."""
        over = np.flatnonzero(self.count(bits) > n)
        if not len(over):
            return bits
        b = self._unpack(bits[over])
        from_end = np.cumsum(b[:, ::-1], axis=1)[:, ::-1]
        out = bits.copy()
        out[over] = self._pack(b & (from_end <= n))
        return out

    def _unpack(self, bits: np.ndarray) -> np.ndarray:
        flat = np.unpackbits(bits.view(np.uint8).reshape(len(bits), -1), axis=1, bitorder="little")
        return flat[:, : self.width].astype(bool)

    def _pack(self, b: np.ndarray) -> np.ndarray:
        padded = np.zeros((len(b), self.words * 64), dtype=bool)
        padded[:, : self.width] = b
        return np.packbits(padded, axis=1, bitorder="little").view(np.uint64).reshape(len(b), self.words)

    def _run(self, bits: np.ndarray, max_gap: int, lag: int) -> np.ndarray:
        """``Months.run_ending_at(as_of month, max_gap, lag)`` on every row.  A set that is
        one unbroken run is kept whole or dropped by its end alone; only the others are
        unpacked month by month."""
        count = self.count(bits)
        first, empty = self.first(bits)
        last = self.last(bits)
        whole = empty | (last - first + 1 == count)
        out = np.where((whole & (self.hi - last <= lag))[:, None], bits, np.uint64(0))
        broken = np.flatnonzero(~whole)
        if len(broken):
            out[broken] = self._run_unpacked(bits[broken], max_gap, lag)
        return out

    def _run_unpacked(self, bits: np.ndarray, max_gap: int, lag: int) -> np.ndarray:
        b = self._unpack(bits)
        idx = np.arange(self.width, dtype=np.int16 if self.width < 32000 else np.int32)
        last_one = np.maximum.accumulate(np.where(b, idx, -1), axis=1)
        zeros = idx - last_one
        trailing = zeros[:, -1]
        breaks = np.zeros_like(b)
        breaks[:, :-1] = ~b[:, :-1] & b[:, 1:] & (zeros[:, :-1] > max_gap)
        cut = np.where(breaks, idx, -1).max(axis=1)
        kept = b & (idx > cut[:, None]) & (trailing <= lag)[:, None]
        return self._pack(kept)

    @staticmethod
    def count(bits: np.ndarray) -> np.ndarray:
        return np.bitwise_count(bits).sum(axis=1, dtype=np.int64)

    def holds_now(self, bits: np.ndarray) -> np.ndarray:
        w, b = divmod(self.width - 1, 64)
        return ((bits[:, w] >> np.uint64(b)) & np.uint64(1)).astype(bool)

    def first(self, bits: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The first month of each set, and where the set is empty."""
        nz = bits != 0
        empty = ~nz.any(axis=1)
        w = nz.argmax(axis=1)
        x = bits[np.arange(len(bits)), w]
        low = x & (~x + np.uint64(1))
        return self.lo + 64 * w + np.bitwise_count(low - np.uint64(1)).astype(np.int64), empty

    def last(self, bits: np.ndarray) -> np.ndarray:
        """The last month of each set (meaningless where it is empty)."""
        nz = bits != 0
        w = nz.shape[1] - 1 - nz[:, ::-1].argmax(axis=1)
        x = bits[np.arange(len(bits)), w]
        for shift in (1, 2, 4, 8, 16, 32):
            x = x | (x >> np.uint64(shift))
        return self.lo + 64 * w + np.bitwise_count(x).astype(np.int64) - 1

    # --- rules: each class's column-wise evaluation is registered below the class ----------

    def test(self, p: Any) -> np.ndarray:
        """One boolean per applicant: the predicate's column-wise evaluation."""
        return PREDICATES[type(p)](self, p)

    def points(self, it: Any) -> tuple[np.ndarray, int]:
        """Exact points as numerators over one denominator."""
        return ITEMS[type(it)](self, it)

    def ymd(self, day: dt.date) -> int:
        return day.year * 10000 + day.month * 100 + day.day

    def age(self, birth: np.ndarray, day: dt.date) -> np.ndarray:
        """Whole years (周岁) on ``day`` of each YYYYMMDD birth date, as ``whole_years_between``."""
        return day.year - birth // 10000 - ((day.month * 100 + day.day) < birth % 10000)

    def per_applicant(self, rows: np.ndarray, owner: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
        """How many of the selected rows (records, family members) each applicant has."""
        w = None if weights is None else weights[rows]
        return np.bincount(owner[rows], weights=w, minlength=self.f.n).astype(np.int64)

    def records(self, p: HasRecord) -> np.ndarray:
        """Which record rows ``HasRecord.matching`` keeps."""
        f = self.f
        ok = (f.r_kind == p.kind.rank) & (f.r_date <= self.ymd(self.as_of))
        start = p.since
        if p.within_years is not None:
            window = years_before(self.as_of, p.within_years)
            start = max(start, window) if start else window
        if start is not None:
            ok &= f.r_date >= self.ymd(start)
        for name, wanted in p.where:
            codes, values = f.r_attr.get(name, (np.full(len(f.r_app), -1), []))
            ok &= _table([_attr_matches(v, wanted) for v in values], _attr_matches(None, wanted))[codes]
        return ok

    def _min(self, m: Min) -> np.ndarray:
        ok = np.ones(self.f.n, dtype=bool)
        for name, level in m.levels:
            ok &= self.f.ranks[name] >= level.rank
        return ok

    def accrual(self, it: Accrual, minus: np.ndarray | None = None) -> tuple[np.ndarray, int]:
        """``Accrual.points_of(groups(minus))``: the months of ``minus`` taken out first."""
        f = self.f
        months = self.months(it.measure)
        if minus is not None:
            months = months & ~minus
        values_of: list[str | None] = [None]
        if it.by is None:
            assert it.rate is not None
            groups = [(it.rate, self.count(months))]
        else:
            credits = self._selects(it.measure) | self._partner_periods(it.measure)
            codes, values = f.p_attr.get(it.by, (np.full(len(f.p_app), -1), []))
            taken = np.zeros_like(months)
            groups = []
            values_of = []
            for value, rate in sorted(it.rates, key=lambda vr: -vr[1]):
                own = self._bits(credits & _table([v == value for v in values], False)[codes])
                share = months & own & ~taken
                taken |= share
                groups.append((rate, self.count(share)))
                values_of.append(value)
        if it.not_more_than is not None:
            limit = self.months(it.not_more_than)
            groups = _in_turn(groups, self.count(limit if minus is None else limit & ~minus))
        if it.accrue is Accrue.FULL_YEARS:
            groups = _in_turn(groups, 12 * (sum(n for _, n in groups) // 12))
        roundings = [it.part_rounding(v) for v in values_of]
        k = _scale([r for r, _ in groups] + ([it.cap] if it.cap is not None else []))
        k = max([k, *(r.places for r in roundings if r is not None)])
        den = 12 * 10**k
        per = 12 if it.accrue is Accrue.MONTHLY else 1
        num = np.zeros(f.n, dtype=np.int64)
        for (r, n), rounding in zip(groups, roundings, strict=True):
            part = int(r.scaleb(k)) * per * n
            if rounding is not None:  # each part rounded on its own, then added (round_each)
                part = round_units(part, den, rounding.places, rounding.mode) * (den // 10**rounding.places)
            num = num + part
        if it.cap is not None:
            num = np.minimum(num, int(it.cap.scaleb(k)) * 12)
        return num, den

    def starting(self, first: np.ndarray) -> np.ndarray:
        """Per applicant, the months from ``first`` on, as a bitmap mask."""
        s = np.clip(first - self.lo, 0, self.width)
        out = np.zeros((self.f.n, self.words), dtype=np.uint64)
        for w in range(self.words):
            a = np.clip(s - 64 * w, 0, 64)
            out[:, w] = ~_LOW[a] & _LOW[64]
        return out

    # --- the whole version ------------------------------------------------------------

    def run(self) -> Scored:
        f, v = self.f, self.version
        failed = np.zeros(f.n, dtype=np.int64)
        for i, c in enumerate(v.preconditions):
            failed |= np.where(self.test(c.test), 0, 1 << i)
        eligible = (failed == 0) & (v.unknown is None)  # a revision with no known values scores nobody
        channel = np.zeros(f.n, dtype=bool)
        for ch in v.channels:
            channel |= np.logical_and.reduce([self.test(c.test) for c in ch.conditions]) if ch.conditions \
                else np.ones(f.n, dtype=bool)
        total = np.zeros(f.n, dtype=np.int64)
        base = np.zeros(f.n, dtype=np.int64)
        self.lines = []
        for it in v.items:
            num, den = self.points(it)
            line = round_units(num, den, v.rounding.places, v.rounding.mode)
            self.lines.append(line)
            total += line
            if v.base_items is not None and it.key in v.base_items:
                base += line
        scored = eligible & bool(v.items)
        values, nulls = [], []
        for key in v.ranking.keys if v.ranking is not None else ():
            value, null = RANK_SOURCES[type(key.source)](self, key.source, total, base)
            null = null | ~scored
            values.append(np.where(null, 0, value).astype(np.int64))
            nulls.append(null)
        return Scored(eligible, channel, total, base, values, nulls, failed)


def _table(flags: list[bool], absent: bool) -> np.ndarray:
    """A lookup by code: one entry per distinct value, and the last for code -1 (absent)."""
    return np.array([*flags, absent], dtype=bool)


# --- The column-wise evaluation of each rule of the vocabulary ----------------------------------

PREDICATES: dict[type, Callable[[Engine, Any], np.ndarray]] = {}
"""Each predicate class's column-wise evaluation: one boolean per applicant of the chunk."""
ITEMS: dict[type, Callable[[Engine, Any], tuple[np.ndarray, int]]] = {}
"""Each item class's: the unrounded points as int64 numerators over one denominator."""
RANK_SOURCES: dict[type, Callable[[Engine, Any, np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]] = {}
"""Each rank source's: values (int64; points in units of the rounding) and where absent."""

_F = TypeVar("_F", bound=Callable[..., Any])


def evaluates(cls: type, table: dict[type, Any]) -> Callable[[_F], _F]:
    def register(fn: _F) -> _F:
        table[cls] = fn
        return fn

    return register


@evaluates(HoldsAt, PREDICATES)
def _holds_at(e: Engine, p: HoldsAt) -> np.ndarray:
    return e.holds_now(e.months(p.measure, recognise=False))


@evaluates(MonthsAtLeast, PREDICATES)
def _months_at_least(e: Engine, p: MonthsAtLeast) -> np.ndarray:
    return e.count(e.months(p.measure)) >= p.months


@evaluates(HasRecord, PREDICATES)
def _has_record(e: Engine, p: HasRecord) -> np.ndarray:
    return e.per_applicant(e.records(p), e.f.r_app) > 0


@evaluates(EachOfLastYears, PREDICATES)
def _each_of_last_years(e: Engine, p: EachOfLastYears) -> np.ndarray:
    f = e.f
    rows = e.records(p.select)
    ok = np.ones(f.n, dtype=bool)
    for year in range(e.as_of.year - p.years, e.as_of.year):
        ok &= e.per_applicant(rows & (f.r_date // 10000 == year), f.r_app) > 0
    return ok


@evaluates(Not, PREDICATES)
def _not(e: Engine, p: Not) -> np.ndarray:
    return ~e.test(p.predicate)


@evaluates(AnyOf, PREDICATES)
def _any_of(e: Engine, p: AnyOf) -> np.ndarray:
    return np.logical_or.reduce([e.test(q) for q in p.predicates]) if p.predicates else np.zeros(e.f.n, dtype=bool)


@evaluates(AllOf, PREDICATES)
def _all_of(e: Engine, p: AllOf) -> np.ndarray:
    return np.logical_and.reduce([e.test(q) for q in p.predicates]) if p.predicates else np.ones(e.f.n, dtype=bool)


@evaluates(FactIs, PREDICATES)
def _fact_is(e: Engine, p: FactIs) -> np.ndarray:
    c = e.f.extra.get(p.name)
    if c is None:
        return np.zeros(e.f.n, dtype=bool)
    return c.mapped(lambda v: v in p.values, False, bool)


@evaluates(HasLevel, PREDICATES)
def _has_level(e: Engine, p: HasLevel) -> np.ndarray:
    return np.logical_or.reduce([e._min(m) for m in p.any_of]) if p.any_of else np.zeros(e.f.n, dtype=bool)


@evaluates(WholeFamily, PREDICATES)
def _whole_family(e: Engine, p: WholeFamily) -> np.ndarray:
    f = e.f
    # A child whose birth is not given counts as minor, as ``is_minor`` is then None.
    minor = (f.f_birth < 0) | (e.age(f.f_birth, e.as_of) < ADULT_AGE)
    close = (f.f_relation == Relation.SPOUSE.rank) | ((f.f_relation == Relation.CHILD.rank) & minor)
    n_close = e.per_applicant(close, f.f_app)
    return (n_close > 0) & (e.per_applicant(close & f.f_moves, f.f_app) == n_close)


@evaluates(BornFrom, PREDICATES)
def _born_from(e: Engine, p: BornFrom) -> np.ndarray:
    return e.f.birth // 10000 >= p.year


@evaluates(RuralOrigin, PREDICATES)
def _rural_origin(e: Engine, p: RuralOrigin) -> np.ndarray:
    return e.f.rural == 1


@evaluates(HomeInArea, PREDICATES)
def _home_in_area(e: Engine, p: HomeInArea) -> np.ndarray:
    f = e.f
    current = (f.p_kind == PeriodKind.RESIDENCE.rank) & (f.p_city == e.home) \
        & (f.p_start <= e.hi) & (f.p_end > e.hi)
    if p.by_fact is None:
        if p.districts is not None:
            current &= np.isin(f.p_district, [i for i, d in enumerate(f.districts) if d in p.districts])
    else:
        fact = f.extra[p.by_fact]
        areas = dict(p.areas)
        # allowed[value code, district code]; the last row is "fact not given": anywhere.
        allowed = np.ones((len(fact.values) + 1, len(f.districts) + 1), dtype=bool)
        for i, v in enumerate(fact.values):
            wanted = areas.get(v) if isinstance(v, str) else None
            if wanted is not None:
                allowed[i, :] = False
                allowed[i, [j for j, d in enumerate(f.districts) if d in wanted]] = True
        current &= allowed[fact.codes[f.p_app], f.p_district]
    codes, values = f.p_attr.get("area", (np.full(len(f.p_app), -1), []))
    floor = Decimal(e.version.param(p.floor))
    k = _scale([floor, *(v for v in values if v is not None)])
    scaled = np.array([int(v.scaleb(k)) if v is not None else 0 for v in values] + [0], dtype=np.int64)
    best = np.full(f.n, -1, dtype=np.int64)
    np.maximum.at(best, f.p_app[current], scaled[codes[current]])
    people = 1 + e.per_applicant(f.f_moves, f.f_app)
    return (best >= 0) & (best >= int(floor.scaleb(k)) * people)


@evaluates(BelowRetirementAge, PREDICATES)
def _below_retirement_age(e: Engine, p: BelowRetirementAge) -> np.ndarray:
    f, v = e.f, e.version
    cadre = f.extra[p.cadre_fact].mapped(bool, False, bool) if p.cadre_fact in f.extra \
        else np.zeros(f.n, dtype=bool)
    female = np.where(cadre, int(v.param(p.female_cadre)), int(v.param(p.female)))
    limit = np.where(f.sex == 1, int(v.param(p.male)), female)
    return (f.sex > 0) & (e.age(f.birth, e.as_of) < limit)


@evaluates(Check, PREDICATES)
def _check(e: Engine, p: Check) -> np.ndarray:
    assert p.columns is not None, "unsupported() refuses a Check without columns="
    return np.asarray(p.columns(e), dtype=bool)


@evaluates(Accrual, ITEMS)
def _accrual(e: Engine, it: Accrual) -> tuple[np.ndarray, int]:
    return e.accrual(it)


@evaluates(LevelTable, ITEMS)
def _level_table(e: Engine, it: LevelTable) -> tuple[np.ndarray, int]:
    k = _scale([r.points for r in it.rows])
    best = np.zeros(e.f.n, dtype=np.int64)
    found = np.zeros(e.f.n, dtype=bool)
    for r in it.rows:
        met = np.logical_or.reduce([e._min(m) for m in r.any_of]) if r.any_of else np.zeros(e.f.n, dtype=bool)
        v = int(r.points.scaleb(k))
        take = met & (~found | (v > best))
        best = np.where(take, v, best)
        found |= met
    return best, 10**k


@evaluates(AgeBands, ITEMS)
def _age_bands(e: Engine, it: AgeBands) -> tuple[np.ndarray, int]:
    age = e.age(e.f.birth, it.reference.of(e.as_of) if it.reference else e.as_of)
    k = _scale([b.points for b in it.bands])
    out = np.zeros(e.f.n, dtype=np.int64)
    done = np.zeros(e.f.n, dtype=bool)
    for b in it.bands:
        hit = ~done & (age >= (b.low if b.low is not None else -(1 << 30))) \
            & (age <= (b.high if b.high is not None else 1 << 30))
        out = np.where(hit, int(b.points.scaleb(k)), out)
        done |= hit
    return out, 10**k


@evaluates(Flag, ITEMS)
def _flag(e: Engine, it: Flag) -> tuple[np.ndarray, int]:
    k = _scale([it.points])
    return np.where(e.test(it.when), int(it.points.scaleb(k)), 0).astype(np.int64), 10**k


@evaluates(PerRecord, ITEMS)
def _per_record(e: Engine, it: PerRecord) -> tuple[np.ndarray, int]:
    f = e.f
    rows = e.records(it.select)
    if it.units is None:
        n = e.per_applicant(rows, f.r_app)
    else:
        codes, values = f.r_attr.get(it.units, (np.full(len(f.r_app), -1), []))
        units = np.array([int(v) if v is not None else 0 for v in values] + [0], dtype=np.int64)[codes]
        n = np.zeros(f.n, dtype=np.int64)
        np.add.at(n, f.r_app[rows], units[rows])
    k = _scale([it.points] + ([it.cap] if it.cap is not None else []))
    num = int(it.points.scaleb(k)) * n
    if it.cap is not None:
        bound = int(it.cap.scaleb(k))
        num = np.clip(num, -bound, bound)
    return num, 10**k


@evaluates(HighestOf, ITEMS)
def _highest_of(e: Engine, it: HighestOf) -> tuple[np.ndarray, int]:
    parts = [e.points(o) for o in it.options]
    den = int(np.lcm.reduce([d for _, d in parts])) if parts else 1
    best = np.zeros(e.f.n, dtype=np.int64)
    for num, d in parts:
        best = np.maximum(best, num * (den // d))
    return best, den


@evaluates(OverlapDeduction, ITEMS)
def _overlap_deduction(e: Engine, it: OverlapDeduction) -> tuple[np.ndarray, int]:
    overlap = e.months(it.inside)
    parts = []
    for key in it.of:
        item = e.version.item(key)
        assert isinstance(item, Accrual), "unsupported() refuses a deduction from anything but an accrual"
        full, den = e.accrual(item)
        without, _ = e.accrual(item, minus=overlap)
        parts.append((without - full, den))
    den = int(np.lcm.reduce([d for _, d in parts])) if parts else 1
    total = sum((num * (den // d) for num, d in parts), np.zeros(e.f.n, dtype=np.int64))
    if it.alongside is not None:
        total = np.where(e.points(e.version.item(it.alongside))[0] == 0, 0, total)
    return total, den


@evaluates(PerMonthDeduction, ITEMS)
def _per_month_deduction(e: Engine, it: PerMonthDeduction) -> tuple[np.ndarray, int]:
    n = e.count(e.months(it.inside) & e.months(it.within))
    total = n * it.per_month.numerator
    if it.alongside is not None:
        total = np.where(e.points(e.version.item(it.alongside))[0] == 0, 0, total)
    return total.astype(np.int64), it.per_month.denominator


@evaluates(SumOf, ITEMS)
def _sum_of(e: Engine, it: SumOf) -> tuple[np.ndarray, int]:
    parts = [e.points(o) for o in it.options]
    k = _scale([it.cap]) if it.cap is not None else 0
    den = int(np.lcm.reduce([d for _, d in parts] + [10**k]))
    total = sum((num * (den // d) for num, d in parts), np.zeros(e.f.n, dtype=np.int64))
    if it.cap is not None:
        total = np.minimum(total, int(it.cap.scaleb(k)) * (den // 10**k))
    return total, den


@evaluates(YearsInTiers, ITEMS)
def _years_in_tiers(e: Engine, it: YearsInTiers) -> tuple[np.ndarray, int]:
    f = e.f
    ok = np.ones(f.n, dtype=bool)
    after = np.zeros((f.n, e.words), dtype=np.uint64) | _LOW[64]
    if it.after is not None:
        first, empty = e.first(e.months(it.after))
        ok = ~empty
        after = e.starting(first + 1)
    k = _scale([t.rate for t in it.tiers] + [t.cap for t in it.tiers if t.cap is not None]
               + ([it.cap] if it.cap is not None else []))
    taken = np.zeros((f.n, e.words), dtype=np.uint64)
    total = np.zeros(f.n, dtype=np.int64)
    for tier in it.tiers:
        months = e.months(tier.measures[0])
        for m in tier.measures[1:]:
            months = months & e.months(m)
        months = months & after & ~taken
        taken |= months
        points = (e.count(months) // 12) * int(tier.rate.scaleb(k))
        if tier.cap is not None:
            points = np.minimum(points, int(tier.cap.scaleb(k)))
        total += points
    if it.cap is not None:
        total = np.minimum(total, int(it.cap.scaleb(k)))
    return np.where(ok, total, 0), 10**k


@evaluates(Custom, ITEMS)
def _custom(e: Engine, it: Custom) -> tuple[np.ndarray, int]:
    assert it.columns is not None, "unsupported() refuses a Custom without columns="
    num, den = it.columns(e)
    return np.asarray(num, dtype=np.int64), int(den)


@evaluates(Score, RANK_SOURCES)
def _score(e: Engine, src: Score, total: np.ndarray, base: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    absent = src.which != "total" and e.version.base_items is None
    return (total if src.which == "total" else base), np.full(e.f.n, absent)


@evaluates(FirstMonth, RANK_SOURCES)
def _first_month(e: Engine, src: FirstMonth, total: np.ndarray, base: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return e.first(e.months(src.measure, recognise=False))


@evaluates(MonthCount, RANK_SOURCES)
def _month_count(e: Engine, src: MonthCount, total: np.ndarray, base: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return e.count(e.months(src.measure)), np.zeros(e.f.n, dtype=bool)


@evaluates(InAnyGroup, RANK_SOURCES)
def _in_any_group(e: Engine, src: InAnyGroup, total: np.ndarray, base: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    met = np.logical_or.reduce([e.test(g.test) for g in src.groups]) if src.groups else np.zeros(e.f.n, dtype=bool)
    return met.astype(np.int64), np.zeros(e.f.n, dtype=bool)


# --- The run: score in chunks, rank, tabulate ----------------------------------------------


@attrs.frozen
class BulkOutcome:
    """What ``run.Outcome`` gives the CLI, built from columns."""

    summaries: list[Any]
    problems: list[Any]
    invalid: list[tuple[str, str]]
    ties: Any
    _columns: dict[str, Any]

    def columns(self) -> dict[str, Any]:
        return self._columns


_JOB: tuple[Any, ...] | None = None
"""What a forked worker scores with: set before the pool forks."""


def _score_chunk(span: tuple[int, int]) -> Scored:
    assert _JOB is not None
    scheme, version, as_of, recognition, frame = _JOB
    part = chunk(frame, *span)
    first = int(part.p_start.min()) if len(part.p_start) else month_of_date(as_of)
    return Engine(scheme, version, as_of, recognition, part, first).run()


def chunk(f: Frame, a: int, b: int) -> Frame:
    """Applicants ``[a, b)`` with their periods, family and records (each sorted by
    applicant, so a slice)."""
    lo, hi = np.searchsorted(f.p_app, [a, b])
    flo, fhi = np.searchsorted(f.f_app, [a, b])
    rlo, rhi = np.searchsorted(f.r_app, [a, b])
    return attrs.evolve(
        f, n=b - a, ids=f.ids[a:b], names=f.names[a:b], buckets=f.buckets[a:b],
        birth=f.birth[a:b], ranks={k: v[a:b] for k, v in f.ranks.items()}, rural=f.rural[a:b],
        extra={k: attrs.evolve(c, codes=c.codes[a:b], bad=c.bad[a:b]) for k, c in f.extra.items()},
        p_app=f.p_app[lo:hi] - a, p_kind=f.p_kind[lo:hi], p_city=f.p_city[lo:hi],
        p_district=f.p_district[lo:hi], p_start=f.p_start[lo:hi], p_end=f.p_end[lo:hi],
        p_attr={k: (c[lo:hi], v) for k, (c, v) in f.p_attr.items()},
        f_app=f.f_app[flo:fhi] - a, f_moves=f.f_moves[flo:fhi], f_relation=f.f_relation[flo:fhi],
        f_birth=f.f_birth[flo:fhi], sex=f.sex[a:b],
        r_app=f.r_app[rlo:rhi] - a, r_kind=f.r_kind[rlo:rhi], r_date=f.r_date[rlo:rhi],
        r_attr={k: (c[rlo:rhi], v) for k, (c, v) in f.r_attr.items()},
    )


def score_frame(scheme: Scheme, version: Version, as_of: dt.date, recognition: Recognition, frame: Frame,
                jobs: int = 1) -> Scored:
    """Every applicant of the frame, chunk by chunk; with ``jobs`` > 1 in forked workers."""
    from pointscalc import workers

    global _JOB
    _JOB = (scheme, version, as_of, recognition, frame)
    spans = [(a, min(a + CHUNK, frame.n)) for a in range(0, frame.n, CHUNK)] or [(0, 0)]
    try:
        if jobs > 1 and len(spans) > 1 and workers.can_fork():
            with workers.pool(jobs) as pool:
                parts = pool.map(_score_chunk, spans)
        else:
            parts = [_score_chunk(s) for s in spans]
    finally:
        _JOB = None
    return Scored(
        *(np.concatenate([getattr(p, name) for p in parts]) for name in ("eligible", "channel", "total", "base")),
        [np.concatenate([p.values[i] for p in parts]) for i in range(len(parts[0].values))],
        [np.concatenate([p.nulls[i] for p in parts]) for i in range(len(parts[0].nulls))],
        np.concatenate([p.failed for p in parts]),
    )


def rank_columns(scheme: Scheme, version: Version, as_of: dt.date, recognition: Recognition,
                 app_path: Any, keyed: dict[str, Any], quotas: Any, *, ties: Any = None, jobs: int = 1,
                 read: Any = None, born_by: dt.date | None = None) -> BulkOutcome:
    """``run.rank_run`` over flat CSV tables or JSON Lines, the same bytes out.  Raises
    ``columns.NotColumnar`` for a file only the reference reader can read faithfully.

    ``read`` is the tables as ``columns.read`` read them for this version's facts, when a
    caller ranks the same pool twice (``compare``); its ``others`` are consumed."""
    from pointscalc import columns, run
    from pointscalc.ranking import BucketSummary, score_index

    assert version.ranking is not None
    setup = run._Setup(scheme, version, as_of, recognition, len(version.ranking.keys),
                       any(f.name == "target_area" for f in version.facts), born_by)
    if read is None:
        read = columns.read(app_path, keyed, version, setup.by_area, setup.born_on_or_before) \
            if app_path.suffix.lower() == ".csv" \
            else columns.read_jsonl(app_path, version, setup.by_area, setup.born_on_or_before)  # JSON Lines
    f = read.frame
    scored = score_frame(scheme, version, as_of, recognition, f, jobs)
    others, problems = run.unique_rows((run._score_item(item, setup) for item in read.others), str(app_path))
    c = candidates(version, f.ids, f.names, f.buckets, scored, list(others.values()))
    places = version.rounding.places
    keys = version.ranking.keys
    width = len(keys)
    key_list, bucket_list, eligible, values, nulls = c.keys, c.buckets, c.eligible, c.values, c.nulls
    n = len(key_list)
    policy = ties or version.ranking.ties
    places_of = run.quotas_for_run(quotas, version, bucket_list.tolist(), eligible.tolist())
    score_at = score_index(keys)
    is_score = [isinstance(k.source, Score) for k in keys]

    buckets = sorted(set(bucket_list) | set(places_of))
    bucket_code = {b: i for i, b in enumerate(buckets)}
    b_code = np.array([bucket_code[b] for b in bucket_list], dtype=np.int64)
    key_order = np.empty(n, dtype=np.int64)
    key_order[np.argsort(key_list.astype(str), kind="stable")] = np.arange(n)
    inel = ~eligible
    sort_keys: list[np.ndarray] = [key_order]
    for j in reversed(range(width)):
        signed = -values[j] if keys[j].descending else values[j]
        sort_keys += [np.where(inel | nulls[j], 0, signed), np.where(inel, False, nulls[j])]
    sort_keys += [inel, b_code]
    order = np.lexsort(sort_keys)

    # Runs of candidates equal on every rank key (within a bucket, among the eligible).
    same = np.zeros(n, dtype=bool)
    if n:
        same[1:] = (b_code[order][1:] == b_code[order][:-1]) & eligible[order][1:] & eligible[order][:-1]
        for j in range(width):
            v = np.where(nulls[j], 0, values[j])[order]
            z = nulls[j][order]
            same[1:] &= (v[1:] == v[:-1]) & (z[1:] == z[:-1])
    run_id = np.cumsum(~same) - 1
    pos = np.arange(n)
    status = np.full(n, 2, dtype=np.int8)  # 0 admitted, 1 waitlisted, 2 ineligible
    rank = np.zeros(n, dtype=np.int64)
    summaries = []
    sorted_b = b_code[order]
    sorted_e = eligible[order]
    for code, bucket in enumerate(buckets):
        lo, hi = np.searchsorted(sorted_b, [code, code + 1])
        block_e = int(sorted_e[lo:hi].sum())
        e_lo, e_hi = lo, lo + block_e
        quota = places_of.get(bucket)
        i = pos[e_lo:e_hi] - e_lo
        starts = np.where(np.r_[True, ~same[e_lo + 1: e_hi]] if block_e else np.zeros(0, bool), i, -1)
        rank[e_lo:e_hi] = np.maximum.accumulate(starts) + 1 if block_e else 0
        inside = i < (quota if quota is not None else n + 1)
        admitted = inside.copy()
        tied = 0
        cutoff: Any = None
        if block_e and (quota is None or quota > 0):
            line = run_id[e_lo + min(quota if quota is not None else block_e, block_e) - 1]
            at_line = run_id[e_lo:e_hi] == line
            if policy.value == "admit_all":
                admitted |= at_line
            tied = int(at_line.sum())
        status[e_lo:e_hi] = np.where(admitted, 0, 1)
        if admitted.any():
            last = order[e_lo + int(np.flatnonzero(admitted)[-1])]
            if not nulls[score_at][last]:
                cutoff = unit_value(int(values[score_at][last]), is_score[score_at], places)
        summaries.append(BucketSummary(bucket, int(hi - lo), block_e, quota, int(admitted.sum()), cutoff, tied))

    results, public = result_columns(c.take(order), status, rank)
    invalid = run.invalid_rows(problems)
    for shown_id, why in invalid:
        for column, cell in zip(results, run.invalid_result(shown_id, why), strict=True):
            column.append(cell)
    bodies = {"results.csv": results, "public.csv": public,
              "summary.csv": run.as_columns(run.summary_rows(summaries), 7),
              "errors.csv": run.as_columns(run.error_rows(problems), 4)}
    return BulkOutcome(summaries, problems, invalid, policy,
                       {name: (header, bodies[name], neutralise) for name, (header, neutralise) in run.HEADERS.items()})


def unit_value(v: int, is_score: bool, places: int) -> Any:
    """A rank value held in integer units, as the reference engine holds it: points as a
    Decimal of ``places`` decimals, anything else (months, a flag) as the integer."""
    return Decimal(v).scaleb(-places) if is_score else v


@attrs.frozen
class Candidates:
    """Every candidate of a run (or of one partition of it), as columns: what ranking and
    the results tables need, and nothing per applicant beyond it."""

    keys: np.ndarray
    buckets: np.ndarray
    names: np.ndarray
    named: np.ndarray
    reasons: np.ndarray
    scores: np.ndarray
    bases: np.ndarray
    """Decimal points, or ``None`` where absent (object arrays)."""
    eligible: np.ndarray
    values: list[np.ndarray]
    nulls: list[np.ndarray]
    """Rank values in integer units (points × 10^places) and where each is absent."""

    def __len__(self) -> int:
        return len(self.keys)

    def take(self, index: np.ndarray) -> Candidates:
        return Candidates(self.keys[index], self.buckets[index], self.names[index], self.named[index],
                          self.reasons[index], self.scores[index], self.bases[index], self.eligible[index],
                          [v[index] for v in self.values], [z[index] for z in self.nulls])

    @staticmethod
    def concat(parts: list[Candidates]) -> Candidates:
        first = parts[0]
        return Candidates(*(np.concatenate([getattr(p, name) for p in parts]) for name in
                            ("keys", "buckets", "names", "named", "reasons", "scores", "bases", "eligible")),
                          [np.concatenate([p.values[j] for p in parts]) for j in range(len(first.values))],
                          [np.concatenate([p.nulls[j] for p in parts]) for j in range(len(first.nulls))])


def _objects(items: list[Any]) -> np.ndarray:
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out


def candidates(version: Version, ids: list[str], names: list[str], buckets: list[str], scored: Scored,
               others: list[Any]) -> Candidates:
    """One row per candidate: the frame's (scored by columns), then the rows the reference
    engine scored (``run.Row``)."""
    places = version.rounding.places
    assert version.ranking is not None
    width = len(version.ranking.keys)
    decimals: dict[int, Decimal] = {}

    def dec(v: int) -> Decimal:
        d = decimals.get(v)
        if d is None:
            d = decimals[v] = Decimal(v).scaleb(-places)
        return d

    n = len(ids)
    scored_rows = scored.eligible & bool(version.items)
    ok = scored.eligible | scored.channel
    from pointscalc.run import failed_reason

    labels = [failed_reason(c) for c in version.preconditions]
    masks, mask_code = np.unique(np.where(ok, -1, scored.failed), return_inverse=True)
    texts = ["" if m < 0 else "; ".join(lab for j, lab in enumerate(labels) if int(m) >> j & 1)
             for m in masks.tolist()]
    reason = np.array(texts, dtype=object)[mask_code] if n else np.zeros(0, dtype=object)
    has_base = version.base_items is not None
    o = others
    score = np.concatenate([_decimals(scored.total, scored_rows, dec), _objects([r.score for r in o])])
    base = np.concatenate([_decimals(scored.base, scored_rows & has_base, dec), _objects([r.base for r in o])])
    values, nulls = [], []
    for j in range(width):
        raw = [r.candidate.values[j] for r in o]
        nulls.append(np.concatenate([scored.nulls[j], np.array([v is None for v in raw], dtype=bool)]))
        values.append(np.concatenate([scored.values[j], np.array(
            [0 if v is None else int(v.scaleb(places)) if isinstance(v, Decimal) else int(v) for v in raw],
            dtype=np.int64)]))
    return Candidates(
        keys=np.concatenate([_objects(ids), _objects([r.candidate.key for r in o])]),
        buckets=np.concatenate([_objects(buckets), _objects([r.candidate.bucket for r in o])]),
        names=np.concatenate([_objects(names), _objects([r.name for r in o])]),
        named=np.concatenate([np.ones(n, dtype=bool), np.array([r.named for r in o], dtype=bool)]),
        reasons=np.concatenate([reason, _objects([r.candidate.reason for r in o])]),
        scores=score, bases=base,
        eligible=np.concatenate([ok, np.array([r.candidate.eligible for r in o], dtype=bool)]),
        values=values, nulls=nulls,
    )


def result_columns(c: Candidates, status: np.ndarray, rank: np.ndarray) -> tuple[list[list[Any]], list[list[Any]]]:
    """results.csv and public.csv as columns, for candidates already in output order;
    ``status`` 0 admitted, 1 waitlisted, 2 ineligible."""
    from pointscalc import idnumber
    from pointscalc.ranking import Status

    n = len(c)
    statuses = np.array([Status.ADMITTED.value, Status.WAITLISTED.value, Status.INELIGIBLE.value], dtype=object)
    shown = np.where(c.named, c.keys, "")
    has_score = np.array([s is not None for s in c.scores.tolist()], dtype=bool)
    has_base = np.array([s is not None for s in c.bases.tolist()], dtype=bool)
    score_text = np.where(has_score, c.scores, "")
    rank_col = np.where(status < 2, rank.astype(object), "")
    results = [shown.tolist(), c.names.tolist(), c.buckets.tolist(), statuses[status].tolist(),
               rank_col.tolist(), score_text.tolist(), np.where(has_base, c.bases, "").tolist(),
               [""] * n, c.reasons.tolist()]
    admitted = np.flatnonzero(status == 0)
    public = [rank[admitted].tolist(), [idnumber.mask_name(x) for x in c.names[admitted].tolist()],
              [idnumber.mask(x) if x else "" for x in shown[admitted].tolist()], score_text[admitted].tolist(),
              c.buckets[admitted].tolist()]
    return results, public


def _decimals(units: np.ndarray, present: np.ndarray, dec: Any) -> np.ndarray:
    """Points as the Decimals the reference engine would hold, ``None`` where absent."""
    distinct, inverse = np.unique(units, return_inverse=True)
    table = np.empty(len(distinct) + 1, dtype=object)
    table[:-1] = [dec(int(v)) for v in distinct.tolist()]
    table[-1] = None
    return table[np.where(present, inverse, len(distinct))]
