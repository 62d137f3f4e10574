"""Ranking from counts (``pointscalc.bycounts``) against ``ranking.rank_bucket``, the sorting
reference whose own tests derive every rank from the rules (``tests/test_ranking.py``).

A pool is split into partitions at random; counts per partition are merged, and each
applicant's rank and status, and each bucket's summary, must be what sorting the whole
pool gives.  Small value ranges make ties, also at the cutoff, the usual case.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pointscalc import bycounts
from pointscalc.ranking import Candidate, Status, rank_all
from pointscalc.rules import Score
from pointscalc.scheme import RankKey, Ties

KEYS = (RankKey("total", Score("total")), RankKey("registered", Score("total"), descending=False))


@st.composite
def pool(draw: st.DrawFn) -> list[tuple[Candidate, int]]:
    n = draw(st.integers(0, 40))
    out = []
    for i in range(n):
        eligible = draw(st.integers(0, 4)) > 0
        total = draw(st.one_of(st.integers(0, 4), st.none())) if eligible else None
        reg = draw(st.one_of(st.integers(0, 2), st.none())) if eligible else None
        c = Candidate(f"k{draw(st.integers(0, 10**6)):07d}-{i}", draw(st.sampled_from(["a", "b"])), eligible,
                      (total, reg))
        out.append((c, draw(st.integers(0, 3))))
    return out


@given(members=pool(), quota=st.one_of(st.none(), st.integers(0, 12)), ties=st.sampled_from(list(Ties)),
       extra=st.booleans())
def test_counts_rank_as_sorting_does(members: list[tuple[Candidate, int]], quota: int | None, ties: Ties,
                                     extra: bool) -> None:
    quotas: dict[str, int | None] = {"a": quota, "c": 3} if extra else {}
    placed, summaries = rank_all([c for c, _ in members], KEYS, ties, quotas, quota)
    expected = {p.candidate.key: (p.status, p.rank) for p in placed}

    def columns(cs: list[Candidate]) -> tuple[list[np.ndarray], list[np.ndarray]]:
        values = [np.array([0 if c.values[j] is None else c.values[j] for c in cs], dtype=np.int64) for j in range(2)]
        nulls = [np.array([c.values[j] is None for c in cs], dtype=bool) for j in range(2)]
        return values, nulls

    parts = [[c for c, p in members if p == k] for k in range(4)]
    hists = []
    for part in parts:
        values, nulls = columns(part)
        grouped = bycounts.group_keys(values, nulls, KEYS).reshape(len(part), 4)
        hists.append(bycounts.histogram(np.array([c.bucket for c in part], dtype=object),
                                        np.array([c.eligible for c in part], dtype=bool), grouped))
    merged = bycounts.merge(hists, 4)
    placements = {p.bucket: p for p in bycounts.place(merged, quotas, quota, ties, 4)}

    # The summaries: the same buckets, counts, admitted, cutoff value and ties at the line.
    assert sorted(placements) == [s.bucket for s in summaries]
    for s in summaries:
        p = placements[s.bucket]
        assert (p.applicants, p.eligible, p.quota, p.admitted, p.tied) == \
            (s.applicants, s.eligible, s.quota, s.admitted, s.tied_at_cutoff)
        cutoff = None if p.admitted == 0 or p.groups[p.line][0] else -int(p.groups[p.line][1])
        assert cutoff == s.cutoff

    # Each applicant: the same status and rank, partition by partition.
    at_line: dict[str, list[str]] = {}
    groups_of = []
    for part in parts:
        values, nulls = columns(part)
        grouped = bycounts.group_keys(values, nulls, KEYS).reshape(len(part), 4)
        mine = {}
        for bucket, p in placements.items():
            rows = [i for i, c in enumerate(part) if c.bucket == bucket and c.eligible]
            g = p.group_of(grouped[rows])
            mine[bucket] = (rows, g)
            at_line.setdefault(bucket, []).extend(part[r].key for r, x in zip(rows, g, strict=True) if x == p.line)
        groups_of.append(mine)
    chosen = {b: bycounts.split_line(p, at_line.get(b, [])) for b, p in placements.items()}
    seen = 0
    for part, mine in zip(parts, groups_of, strict=True):
        for bucket, (rows, g) in mine.items():
            keys = np.array([part[r].key for r in rows], dtype=object)
            status, rank = bycounts.statuses(placements[bucket], g, keys, chosen[bucket])
            for r, s, k in zip(rows, status.tolist(), rank.tolist(), strict=True):
                assert expected[part[r].key] == (Status.ADMITTED if s == 0 else Status.WAITLISTED, k)
                seen += 1
    assert seen == sum(1 for c, _ in members if c.eligible)


def test_a_tie_at_the_line_split_across_partitions() -> None:
    # By hand: scores 9, 7, 7, 7, 5 with quota 2, the three 7s in three partitions.  The 9
    # is first; the 7s share rank 2.  admit_all admits all three (4 admitted, 3 tied);
    # strict admits one, the 7 with the smallest key ("b").
    members = [("a", 9, 0), ("c", 7, 1), ("b", 7, 2), ("d", 7, 0), ("e", 5, 1)]
    keys = (KEYS[0],)
    hists = []
    for k in range(3):
        mine = [m for m in members if m[2] == k]
        grouped = bycounts.group_keys([np.array([m[1] for m in mine], dtype=np.int64)],
                                      [np.zeros(len(mine), dtype=bool)], keys)
        hists.append(bycounts.histogram(np.array(["all"] * len(mine), dtype=object), np.ones(len(mine), bool), grouped))
    merged = bycounts.merge(hists, 2)
    (every,) = bycounts.place(merged, {}, 2, Ties.ADMIT_ALL, 2)
    assert (every.admitted, every.tied, every.take) == (4, 3, 3)
    (strict,) = bycounts.place(merged, {}, 2, Ties.STRICT, 2)
    assert (strict.admitted, strict.tied, strict.take) == (2, 3, 1)
    assert bycounts.split_line(strict, ["c", "b", "d"]) == {"b"}
    g = strict.group_of(np.array([[0, -7], [0, -9], [0, -5]], dtype=np.int64))
    status, rank = bycounts.statuses(strict, g, np.array(["c", "a", "e"], dtype=object), {"b"})
    assert status.tolist() == [1, 0, 1]
    assert rank.tolist() == [2, 1, 5]
