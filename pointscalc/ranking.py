"""Ranking a bucket of applicants against a quota, by the order a scheme declares.

The order is the scheme's rank keys (score, then tie-breaks such as the base score or the
registration date), with any absent value ranked last.  Applicants equal on every key
share a rank (1, 2, 2, 4).  Who is admitted at the cutoff follows the scheme's ties policy:

* ``admit_all``: everyone equal to the last applicant inside the quota is admitted, so
  the count may pass the quota (Beijing, Guangzhou);
* ``strict``: exactly the quota.  Where applicants are still equal on every declared key
  at the line, the applicant key decides; that is arbitrary but reproducible, and the
  summary reports how many were tied so an office can see it.

Order within equal applicants is by applicant key, so that output never depends on the
order of the input.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from pointscalc.scheme import RankKey, Ties


class Status(enum.Enum):
    ADMITTED = "admitted"
    WAITLISTED = "waitlisted"
    INELIGIBLE = "ineligible"
    INVALID = "invalid"


@attrs.frozen
class Candidate:
    key: str
    """The applicant's unique key in the run (the ID number, or a row key)."""
    bucket: str
    eligible: bool
    values: tuple[Any, ...] = ()
    """One value per rank key, in key order; ``None`` where absent."""
    reason: str = ""


@attrs.frozen
class Placed:
    candidate: Candidate
    status: Status
    rank: int | None


@attrs.frozen
class BucketSummary:
    bucket: str
    applicants: int
    eligible: int
    quota: int | None
    admitted: int
    cutoff: Any
    """The score of the last applicant admitted: the ``total`` key's value, or the first
    key's where the order is not by score (seniority)."""
    tied_at_cutoff: int
    """Eligible applicants equal on every rank key to the last one admitted."""


def order_key(values: Sequence[Any], keys: Sequence[RankKey]) -> tuple[Any, ...]:
    out: list[Any] = []
    for value, key in zip(values, keys, strict=True):
        if value is None:
            out.append((1, 0))
        else:
            out.append((0, -value if key.descending else value))
    return tuple(out)


def score_index(keys: Sequence[RankKey]) -> int:
    return next((i for i, k in enumerate(keys) if k.name == "total"), 0)


def rank_bucket(
    candidates: Iterable[Candidate], keys: Sequence[RankKey], ties: Ties, quota: int | None
) -> tuple[list[Placed], BucketSummary]:
    """Rank one bucket.  ``quota=None`` admits every eligible applicant (an open city)."""
    pool = list(candidates)
    eligible = sorted(
        (c for c in pool if c.eligible), key=lambda c: (order_key(c.values, keys), c.key)
    )
    placed: list[Placed] = []
    rank = 0
    previous: tuple[Any, ...] | None = None
    line: tuple[Any, ...] | None = None
    admitted = 0
    for i, c in enumerate(eligible):
        k = order_key(c.values, keys)
        if k != previous:
            rank = i + 1
            previous = k
        if quota is None or i < quota:
            inside = True
            line = k
        else:
            inside = ties is Ties.ADMIT_ALL and k == line
        admitted += inside
        placed.append(Placed(c, Status.ADMITTED if inside else Status.WAITLISTED, rank))
    last = next((p for p in reversed(placed) if p.status is Status.ADMITTED), None)
    tied = sum(1 for c in eligible if order_key(c.values, keys) == line) if line is not None else 0
    for c in sorted((c for c in pool if not c.eligible), key=lambda c: c.key):
        placed.append(Placed(c, Status.INELIGIBLE, None))
    bucket = pool[0].bucket if pool else ""
    summary = BucketSummary(
        bucket,
        len(pool),
        len(eligible),
        quota,
        admitted,
        last.candidate.values[score_index(keys)] if last is not None and last.candidate.values else None,
        tied,
    )
    return placed, summary


def rank_all(
    candidates: Iterable[Candidate],
    keys: Sequence[RankKey],
    ties: Ties,
    quotas: Mapping[str, int | None],
    default_quota: int | None = None,
) -> tuple[list[Placed], list[BucketSummary]]:
    """Rank every bucket; buckets in sorted order, so outputs are reproducible."""
    by_bucket: dict[str, list[Candidate]] = {}
    for c in candidates:
        by_bucket.setdefault(c.bucket, []).append(c)
    placed: list[Placed] = []
    summaries: list[BucketSummary] = []
    for bucket in sorted(set(by_bucket) | set(quotas)):
        ps, summary = rank_bucket(by_bucket.get(bucket, []), keys, ties, quotas.get(bucket, default_quota))
        summaries.append(attrs.evolve(summary, bucket=bucket))
        placed.extend(ps)
    return placed, summaries


def cutoff_text(value: Any) -> str:
    if value is None:
        return ""
    return str(value) if isinstance(value, (Decimal, int, str)) else repr(value)
