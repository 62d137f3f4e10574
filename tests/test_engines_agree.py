"""The two engines cannot drift: for every shipped scheme and version, the bulk engine
(``pointscalc.bulk``, column by column) gives each applicant the same points per item, the
same verdicts and the same rank values as the reference (``scoring.assess``).

Applicants come from the fairness audit's generator: families, records, partner-city and
unrecognised months, extra facts.  The reference's own tests derive every figure from the
policy text; what is asserted here is agreement, so any rule the engines read differently
shows.  Variants put the rules no shipped scheme uses yet through the same check: a capped
recognition agreement and every rounding mode of ``decimal``.
"""

from __future__ import annotations

import datetime as dt
import decimal
from decimal import Decimal
from fractions import Fraction

import attrs
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pointscalc import bulk, fairness, registry
from pointscalc.columns import from_applicants
from pointscalc.model import Applicant
from pointscalc.months import month_of_date
from pointscalc.rules import FirstMonth, MonthCount, Score
from pointscalc.scheme import Rounding, Scheme, Version
from pointscalc.scoring import Context, assess

MODES = sorted(getattr(decimal, name) for name in dir(decimal) if name.startswith("ROUND_"))
"""Every rounding mode the decimal module knows, found there rather than listed."""


def cases() -> list[tuple[str, str, dt.date]]:
    """Every shipped scheme and version, on a day inside the version (its middle, or a year
    after it began when it has no end)."""
    out = []
    for scheme in registry.all_shipped():
        for v in scheme.versions:
            day = v.effective + (v.ends - v.effective) / 2 if v.ends else v.effective + dt.timedelta(days=365)
            out.append((scheme.key, v.label, day))
    return out


def columnar(version: Version) -> Version:
    """The version without the scheme functions that bring no column-wise form (Beijing's
    职住区域 until it is declarative): everything else is compared."""
    return attrs.evolve(version, items=tuple(it for it in version.items if bulk.missing(it) is None))


def compare(scheme: Scheme, version: Version, as_of: dt.date, people: list[Applicant]) -> None:
    subject = fairness.Subject.of(scheme, as_of, version=version)
    frame = from_applicants(people, version)
    first = int(frame.p_start.min()) if len(frame.p_start) else month_of_date(as_of)
    engine = bulk.Engine(scheme, version, as_of, subject.recognition, frame, first)
    scored = engine.run()
    unit = Decimal(1).scaleb(-version.rounding.places)
    # Every condition on its own, wherever it stands (a channel, a priority group): an OR
    # of groups or an AND of a channel's conditions would hide one read differently.
    groups = [g for k in (version.ranking.keys if version.ranking else ()) for g in getattr(k.source, "groups", ())]
    conditions = [*version.preconditions, *(c for ch in version.channels for c in ch.conditions), *groups]
    verdicts = [engine.test(c.test) for c in conditions]
    for i, a in enumerate(people):
        ctx = Context(scheme, version, a, as_of, subject.recognition, False)
        for c, verdict in zip(conditions, verdicts, strict=True):
            assert bool(verdict[i]) == c.check(ctx).ok, f"applicant {i} of {scheme.key} {version.label}, {c.key}"
    for i, a in enumerate(people):
        ref = assess(scheme, version, a, as_of, recognition=subject.recognition, explain=False)
        where = f"applicant {i} of {scheme.key} {version.label}"
        assert bool(scored.eligible[i]) == ref.eligible, where
        assert bool(scored.channel[i]) == bool(ref.settles_by), where
        failed = [c.key for j, c in enumerate(version.preconditions) if int(scored.failed[i]) >> j & 1]
        assert failed == [c.key for c in ref.failed], where
        for line, points in zip(ref.lines, engine.lines, strict=True):
            assert int(points[i]) * unit == line.points, f"{where}, item {line.key}"
        if ref.total is not None:
            assert int(scored.total[i]) * unit == ref.total, where
        for j, value in enumerate(ref.rank_values):
            got = None if scored.nulls[j][i] else int(scored.values[j][i])
            if isinstance(version.ranking.keys[j].source, Score) and got is not None:  # type: ignore[union-attr]
                got = got * unit
            assert got == value, f"{where}, rank key {j}"
        if not ref.rank_values and version.ranking is not None:
            assert all(n[i] for n in scored.nulls), where


@pytest.mark.parametrize(("key", "label", "as_of"), cases(), ids=lambda x: str(x))
@settings(max_examples=25)
@given(data=st.data())
def test_both_engines_score_every_shipped_version_alike(key: str, label: str, as_of: dt.date,
                                                          data: st.DataObject) -> None:
    scheme = registry.load(key)
    version = columnar(scheme.version_named(label))
    assert bulk.unsupported(scheme, version, fairness.Subject.of(scheme, as_of, version=version).recognition) \
        in (None, "no ranking")
    people = data.draw(st.lists(fairness.profiles(fairness.Subject.of(scheme, as_of, version=version)),
                                min_size=1, max_size=12))
    compare(scheme, version, as_of, people)


@pytest.mark.parametrize("key", ["suzhou", "nanjing"])
@settings(max_examples=15)
@given(data=st.data(), cap=st.integers(0, 30), mode=st.sampled_from(MODES), places=st.integers(0, 2))
def test_capped_agreements_and_every_rounding_mode(key: str, data: st.DataObject, cap: int, mode: str,
                                                   places: int) -> None:
    # A cap on every agreement (the latest months kept), and the scheme rounded another way.
    base = registry.load(key)
    scheme = attrs.evolve(base, agreements=tuple(attrs.evolve(a, cap_months=cap) for a in base.agreements))
    as_of = dt.date(2021, 6, 30)
    version = attrs.evolve(columnar(scheme.version_for(as_of)),
                           rounding=Rounding(places=places, mode=mode))
    people = data.draw(st.lists(fairness.profiles(fairness.Subject.of(scheme, as_of, version=version)),
                                min_size=1, max_size=10))
    compare(scheme, version, as_of, people)


@given(num=st.integers(-10**9, 10**9), den=st.integers(1, 10**5), places=st.integers(0, 3),
       mode=st.sampled_from(MODES))
def test_integer_rounding_is_decimals(num: int, den: int, places: int, mode: str) -> None:
    # Rounding.apply, through decimal, is the reference for every mode.
    expected = Rounding(places=places, mode=mode).apply(Fraction(num, den))
    got = bulk.round_units(np.array([num], dtype=np.int64), den, places, mode)[0]
    assert Decimal(int(got)).scaleb(-places) == expected


def test_rank_sources_cover_months() -> None:
    # The property above reads rank values of each source a shipped scheme uses; these two
    # must be among them, or it would compare nothing for them.
    used = {type(k.source) for s in registry.all_shipped() for v in s.versions if v.ranking for k in v.ranking.keys}
    assert {Score, FirstMonth} <= used or {Score, MonthCount} <= used
