"""Exact ranking from counts: every applicant's rank and each bucket's cutoff without
sorting the pool.

Points are exact decimals with few places, held as integer units, and the other rank keys
(a month, a count, a flag) are small integers.  So a bucket's eligible applicants fall into
few distinct *groups*, applicants equal on every rank key.  Counting each group, partition
by partition, and summing the counts gives, for the whole pool:

* an applicant's rank: one more than the applicants in groups ahead of theirs
  (equal applicants share a rank, 1, 2, 2, 4, as ``ranking.rank_bucket`` ranks);
* the line: the group holding the quota's last place; groups ahead are admitted, groups
  behind waitlisted;
* under ``admit_all`` the whole line group is admitted; under ``strict`` only as many as
  the quota leaves, decided by applicant key (``ranking``'s rule), which needs the keys of
  that one group alone.

Pure numpy, so it is tested against ``ranking.rank_bucket`` without a cluster.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs
import numpy as np

from pointscalc.scheme import RankKey, Ties


def group_keys(values: Sequence[np.ndarray], nulls: Sequence[np.ndarray], keys: Sequence[RankKey]) -> np.ndarray:
    """Each row's rank keys as one row of int64, ordered as the ranking orders them
    (lexicographically ascending = best first): per key, absent (1 ranks last), then the
    value, negated where larger is better."""
    n = len(values[0]) if len(values) else 0
    out = np.zeros((n, 2 * len(keys)), dtype=np.int64)
    for j, key in enumerate(keys):
        out[:, 2 * j] = nulls[j]
        out[:, 2 * j + 1] = np.where(nulls[j], 0, -values[j] if key.descending else values[j])
    return out


def _lex(rows: np.ndarray, *minor: np.ndarray) -> np.ndarray:
    """The order that sorts ``rows`` lexicographically (first column first), then by ``minor``."""
    return np.lexsort([*minor, *(rows[:, j] for j in reversed(range(rows.shape[1])))])


def _distinct(rows: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct rows, sorted, and the summed weight of each."""
    if len(rows) == 0:
        return rows.reshape(0, rows.shape[1]), np.zeros(0, dtype=np.int64)
    order = _lex(rows)
    ranked = rows[order]
    starts = np.flatnonzero(np.r_[True, (ranked[1:] != ranked[:-1]).any(axis=1)])
    return ranked[starts], np.add.reduceat(weights[order], starts).astype(np.int64)


@attrs.frozen
class Histogram:
    """Per bucket: the distinct groups of eligible applicants (sorted, best first) with
    their counts, and how many applicants the bucket has, eligible or not."""

    groups: dict[str, tuple[np.ndarray, np.ndarray]]
    applicants: dict[str, int]


def histogram(buckets: np.ndarray, eligible: np.ndarray, grouped: np.ndarray) -> Histogram:
    """One partition's counts."""
    names, code = np.unique(buckets.astype(str), return_inverse=True) if len(buckets) \
        else (np.zeros(0, dtype=str), np.zeros(0, dtype=np.int64))
    code = code.reshape(-1)
    groups = {}
    applicants = {}
    for i, name in enumerate(names.tolist()):
        mine = code == i
        applicants[name] = int(mine.sum())
        rows = grouped[mine & eligible]
        groups[name] = _distinct(rows, np.ones(len(rows), dtype=np.int64))
    return Histogram(groups, applicants)


def merge(parts: Sequence[Histogram], width: int) -> Histogram:
    """The pool's counts: each bucket's groups summed over the partitions."""
    groups: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    applicants: dict[str, int] = {}
    names = sorted({b for h in parts for b in h.applicants})
    for name in names:
        applicants[name] = sum(h.applicants.get(name, 0) for h in parts)
        mine = [h.groups[name] for h in parts if name in h.groups]
        rows = np.concatenate([g for g, _ in mine]) if mine else np.zeros((0, width), dtype=np.int64)
        counts = np.concatenate([c for _, c in mine]) if mine else np.zeros(0, dtype=np.int64)
        groups[name] = _distinct(rows, counts)
    return Histogram(groups, applicants)


@attrs.frozen
class Placement:
    """One bucket placed against its quota."""

    bucket: str
    applicants: int
    quota: int | None
    groups: np.ndarray
    counts: np.ndarray
    line: int
    """The group holding the last place inside the quota; -1 where nobody is admitted."""
    take: int
    """How many of the line group are admitted: all of it, except under ``strict`` where
    the quota falls inside it."""
    tied: int
    """The line group's size: applicants equal on every key to the last one admitted."""

    @property
    def eligible(self) -> int:
        return int(self.counts.sum())

    @property
    def ahead(self) -> np.ndarray:
        """Per group, the eligible applicants in groups ahead of it."""
        return np.cumsum(self.counts) - self.counts

    @property
    def admitted(self) -> int:
        return int(self.ahead[self.line]) + self.take if self.line >= 0 else 0

    def group_of(self, grouped: np.ndarray) -> np.ndarray:
        """The group index of each row (every row's keys are one of the groups)."""
        m, n = len(self.groups), len(grouped)
        if n == 0:
            return np.zeros(0, dtype=np.int64)
        both = np.concatenate([self.groups, grouped])
        order = _lex(both, np.r_[np.zeros(m, np.int8), np.ones(n, np.int8)])  # a group before its equal rows
        at = np.where(order < m, order, -1)
        found = np.empty(n, dtype=np.int64)
        found[order[order >= m] - m] = np.maximum.accumulate(at)[order >= m]
        if (found < 0).any() or (self.groups[found] != grouped).any():
            raise ValueError("a row's rank keys are in no group of the merged counts")
        return found


def place(hist: Histogram, quotas: Mapping[str, int | None], default_quota: int | None, ties: Ties,
          width: int) -> list[Placement]:
    """Every bucket, in sorted order (with the quota file's buckets that have nobody)."""
    out = []
    for bucket in sorted(set(hist.applicants) | set(quotas)):
        groups, counts = hist.groups.get(bucket, (np.zeros((0, width), dtype=np.int64), np.zeros(0, dtype=np.int64)))
        quota = quotas.get(bucket, default_quota)
        total = int(counts.sum())
        line, take, tied = -1, 0, 0
        if total and (quota is None or quota > 0):
            last = total - 1 if quota is None else min(quota, total) - 1
            cum = np.cumsum(counts)
            line = int(np.searchsorted(cum, last, side="right"))
            tied = int(counts[line])
            ahead = int(cum[line]) - tied
            take = tied if ties is Ties.ADMIT_ALL or quota is None else min(quota, total) - ahead
        out.append(Placement(bucket, hist.applicants.get(bucket, 0), quota, groups, counts, line, take, tied))
    return out


def statuses(p: Placement, group: np.ndarray, keys: np.ndarray, admitted_at_line: set[str]) -> tuple[np.ndarray,
                                                                                                       np.ndarray]:
    """Status (0 admitted, 1 waitlisted) and rank of a bucket's eligible rows, given their
    groups; at a line the quota splits, the rows in ``admitted_at_line`` are admitted."""
    rank = p.ahead[group] + 1 if len(group) else np.zeros(0, dtype=np.int64)
    status = np.ones(len(group), dtype=np.int8)
    if p.line >= 0:
        status[group < p.line] = 0
        at_line = group == p.line
        if p.take == p.tied:
            status[at_line] = 0
        else:
            chosen = np.array([k in admitted_at_line for k in keys[at_line].tolist()], dtype=bool)
            status[np.flatnonzero(at_line)[chosen]] = 0
    return status, rank.astype(np.int64)


def split_line(p: Placement, keys_at_line: Sequence[str]) -> set[str]:
    """Under ``strict``, the first ``take`` of the line group by applicant key (code point
    order, as ``ranking`` and the one-machine engine sort keys)."""
    return set(sorted(keys_at_line)[: p.take])
