"""One profile against every city: where, and by which path, can this family settle?

Each scheme is assessed on its own terms; this module only sorts the answers.  A city
settles the applicant directly when any channel's conditions all hold; otherwise the
points path is open when its preconditions hold (with the score against the city's
standard or last cutoff, where we know one); otherwise nothing is open, and the path
that comes closest says what is missing.
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from pointscalc.model import Applicant
from pointscalc.scheme import Scheme, SchemeError, Text, Version
from pointscalc.scoring import Assessment, ConditionResult, Family, assess


class Outcome(enum.Enum):
    DIRECT = "direct"
    POINTS = "points"
    NONE = "none"
    NO_RULES = "no_rules"


@attrs.frozen
class Path:
    """A way in: the points path or a channel, with what it lacks."""

    key: str
    """``points`` or the channel's key."""
    label: Text
    open: bool
    failed: tuple[ConditionResult, ...]
    family: Family


@attrs.frozen
class CityCheck:
    scheme: Scheme
    version: Version | None
    outcome: Outcome
    assessment: Assessment | None
    paths: tuple[Path, ...]
    note: Text | None = None
    """Why there is no assessment (no version in force), or a fact the city needs that the
    profile leaves out."""

    @property
    def open_paths(self) -> tuple[Path, ...]:
        return tuple(p for p in self.paths if p.open)

    @property
    def closest(self) -> Path | None:
        """The path with the fewest unmet conditions, first declared first."""
        shut = [p for p in self.paths if not p.open]
        return min(shut, key=lambda p: len(p.failed)) if shut and not self.open_paths else None


POINTS_LABEL = Text("points", "积分落户")


def _paths(a: Assessment, v: Version) -> tuple[Path, ...]:
    paths = [
        Path(ch.key, ch.label, ch.passed, tuple(c for c in ch.conditions if not c.passed), ch.family)
        for ch in a.channels
    ]
    if v.items:
        paths.insert(0, Path("points", POINTS_LABEL, a.eligible, a.failed, a.family))
    return tuple(paths)


def check_one(scheme: Scheme, applicant: Applicant, as_of: dt.date, *, allow_stale: bool = False,
              include_explored: bool = False, round_id: str | None = None) -> CityCheck:
    """One city: for ``round_id`` where the scheme declares it, else at ``as_of`` (a day
    inside a round's window means that round)."""
    declared = round_id is not None and any(r.id == round_id for r in scheme.rounds)
    try:
        when = scheme.when(None if declared else as_of, round_id if declared else None)
        version = scheme.resolve(when, allow_stale)
    except SchemeError:
        spans = ", ".join(v.validity() for v in scheme.versions)
        return CityCheck(scheme, None, Outcome.NO_RULES, None, (), Text(
            f"no version in force on {as_of} (versions: {spans}); --allow-stale applies the nearest",
            f"{as_of}无现行版本（版本：{spans}）；--allow-stale 可按最近的版本试算"))
    a = assess(scheme, version, applicant, when, include_explored=include_explored)
    paths = _paths(a, version)
    if a.settles_by:
        outcome = Outcome.DIRECT
    elif version.items and a.eligible:
        outcome = Outcome.POINTS
    else:
        outcome = Outcome.NONE
    missing = [f.name for f in version.facts if f.required and f.period_kind is None and applicant.fact(f.name) is None]
    fields = ", ".join(f"extra.{m}" for m in missing)
    notes = [Text(f"needs {fields} for the full answer", f"需填写 {fields} 才能完整判断")] if missing else []
    said = a.when.said() if a.when is not None else None
    notes += [*([said] if said is not None else []), *a.notes]
    note = Text("; ".join(n.en for n in notes), "；".join(n.zh for n in notes)) if notes else None
    return CityCheck(scheme, version, outcome, a, paths, note)


def check_all(schemes: list[Scheme], applicant: Applicant, as_of: dt.date, *, allow_stale: bool = False,
              include_explored: bool = False, round_id: str | None = None) -> list[CityCheck]:
    """Every scheme, in a fixed order: direct first, then points, then the rest, by key."""
    order = {Outcome.DIRECT: 0, Outcome.POINTS: 1, Outcome.NONE: 2, Outcome.NO_RULES: 3}
    found = [check_one(s, applicant, as_of, allow_stale=allow_stale, include_explored=include_explored,
                       round_id=round_id) for s in schemes]
    return sorted(found, key=lambda c: (order[c.outcome], c.scheme.key))
