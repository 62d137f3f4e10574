"""Ranking against quotas: hand-made cases for each declared order and ties policy."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from pointscalc.months import month_of
from pointscalc.ranking import Candidate, Status, rank_all, rank_bucket
from pointscalc.scheme import RankKey, Ties
from pointscalc.scoring import assess
from schemes import suzhou
from tests.support import applicant

SCORE = (RankKey("total", None),)  # type: ignore[arg-type]
SUZHOU = suzhou.RANKING_2016.keys


def cands(*rows: tuple[str, tuple]) -> list[Candidate]:  # type: ignore[type-arg]
    return [Candidate(key, "all", True, values) for key, values in rows]


def statuses(placed) -> dict[str, tuple[str, int | None]]:  # type: ignore[no-untyped-def]
    return {p.candidate.key: (p.status.value, p.rank) for p in placed}


def test_admit_all_takes_everyone_tied_at_the_line() -> None:
    # Quota 2; scores 90, 80, 80, 70: the two 80s tie at the line, so 3 are admitted (Beijing 第八条).
    placed, s = rank_bucket(cands(("a", (D(90),)), ("b", (D(80),)), ("c", (D(80),)), ("d", (D(70),))),
                            SCORE, Ties.ADMIT_ALL, 2)
    assert statuses(placed) == {"a": ("admitted", 1), "b": ("admitted", 2), "c": ("admitted", 2),
                                "d": ("waitlisted", 4)}
    assert (s.admitted, s.cutoff, s.tied_at_cutoff) == (3, D(80), 2)


def test_strict_admits_exactly_the_quota() -> None:
    placed, s = rank_bucket(cands(("a", (D(90),)), ("b", (D(80),)), ("c", (D(80),)), ("d", (D(70),))),
                            SCORE, Ties.STRICT, 2)
    assert [p.candidate.key for p in placed if p.status is Status.ADMITTED] == ["a", "b"]
    assert (s.admitted, s.tied_at_cutoff) == (2, 2)


def test_suzhou_ties_go_to_base_score_then_earlier_registration() -> None:
    # 第七条: equal totals → higher 基础分; equal again → earlier 居住登记.
    # p: 500 total, 450 base, registered 2016-03; q: 500, 480, 2018-01; r: 500, 480, 2015-06;
    # s: 510, 300, 2019-01.  Order: s (510), then the 500s by base: q and r (480) before p (450);
    # q and r by registration: r (2015-06) before q.  Quota 2, strict: s, r.
    placed, _ = rank_bucket(cands(
        ("p", (D(500), D(450), month_of(2016, 3))),
        ("q", (D(500), D(480), month_of(2018, 1))),
        ("r", (D(500), D(480), month_of(2015, 6))),
        ("s", (D(510), D(300), month_of(2019, 1))),
    ), SUZHOU, Ties.STRICT, 2)
    assert [(p.candidate.key, p.status.value, p.rank) for p in placed] == [
        ("s", "admitted", 1), ("r", "admitted", 2), ("q", "waitlisted", 3), ("p", "waitlisted", 4)]


def test_suzhou_rank_values_come_from_the_scheme() -> None:
    # The registration key is the first month of a 市区 residence permit: 2015-06 here.
    day = dt.date(2019, 6, 30)
    # Eligible under 第九条/第十八条: insured, permit and a 90 m² home, all in 姑苏区.
    data = {"birth": "1990-01", "periods": [
        {"kind": "residence_permit", "city": "苏州", "district": "姑苏区", "start": "2015-06"},
        {"kind": "residence", "tenure": "owned", "area": 90, "city": "苏州", "district": "姑苏区",
         "start": "2015-06"},
        {"kind": "social_insurance", "scheme": "urban_employee", "city": "苏州", "district": "姑苏区",
         "start": "2018-07"}]}
    a = applicant(data, "suzhou", day)
    v = suzhou.SCHEME.version_for(day)
    result = assess(suzhou.SCHEME, v, a, day)
    assert result.eligible
    # age 29: 10; 12 months × 5 = 60 → total = base = 70.
    assert result.rank_values == (D("70.00"), D("70.00"), month_of(2015, 6))


def test_seniority_order_ranks_jointly_and_admits_all_still_equal() -> None:
    # Guangzhou 细则第二条 style: months of medical insurance, then months of residence permit;
    # those still equal rank jointly and are all admitted.  Quota 2:
    # a (60, 40), b (60, 30), c (60, 30), d (50, 90) → a 1st; b and c joint 2nd, both admitted.
    keys = (RankKey("medical", None), RankKey("permit", None))  # type: ignore[arg-type]
    placed, s = rank_bucket(cands(("a", (60, 40)), ("b", (60, 30)), ("c", (60, 30)), ("d", (50, 90))),
                            keys, Ties.ADMIT_ALL, 2)
    assert statuses(placed) == {"a": ("admitted", 1), "b": ("admitted", 2), "c": ("admitted", 2),
                                "d": ("waitlisted", 4)}
    assert s.admitted == 3


def test_open_bucket_admits_every_eligible_and_none_else() -> None:
    placed, s = rank_bucket([Candidate("a", "x", True, (D(1),)), Candidate("b", "x", False, (None,))],
                            SCORE, Ties.STRICT, None)
    assert statuses(placed) == {"a": ("admitted", 1), "b": ("ineligible", None)}
    assert (s.applicants, s.eligible, s.admitted) == (2, 1, 1)


def test_absent_values_rank_last() -> None:
    placed, _ = rank_bucket(cands(("a", (None,)), ("b", (D(1),))), SCORE, Ties.STRICT, 1)
    assert [p.candidate.key for p in placed if p.status is Status.ADMITTED] == ["b"]


scores = st.lists(st.tuples(st.integers(0, 20), st.sampled_from(["x", "y"]), st.booleans()), max_size=30)


def population(rows: list[tuple[int, str, bool]]) -> list[Candidate]:
    return [Candidate(f"k{i:03d}", b, ok, (D(s),)) for i, (s, b, ok) in enumerate(rows)]


@given(scores, st.permutations(range(30)), st.integers(0, 10), st.sampled_from(list(Ties)))
def test_input_order_never_matters(rows, perm, quota, ties) -> None:  # type: ignore[no-untyped-def]
    pop = population(rows)
    shuffled = [pop[i] for i in perm if i < len(pop)]
    assert rank_all(pop, SCORE, ties, {}, quota) == rank_all(shuffled, SCORE, ties, {}, quota)


@given(scores, st.integers(0, 10), st.sampled_from(list(Ties)))
def test_quota_and_order_are_respected(rows, quota, ties) -> None:  # type: ignore[no-untyped-def]
    placed, summaries = rank_all(population(rows), SCORE, ties, {}, quota)
    for s in summaries:
        inside = [p for p in placed if p.candidate.bucket == s.bucket]
        admitted = [p.candidate.values[0] for p in inside if p.status is Status.ADMITTED]
        rejected = [p.candidate.values[0] for p in inside if p.status is Status.WAITLISTED]
        if ties is Ties.STRICT:
            assert len(admitted) == min(quota, s.eligible)
        else:
            assert len(admitted) >= min(quota, s.eligible)
            assert len(admitted) - quota <= max(0, s.tied_at_cutoff - 1)
        assert not admitted or not rejected or min(admitted) >= max(rejected)


@given(scores, st.integers(0, 10), st.sampled_from(list(Ties)))
def test_raising_the_quota_never_removes_anyone(rows, quota, ties) -> None:  # type: ignore[no-untyped-def]
    def admitted(q: int) -> set[str]:
        placed, _ = rank_all(population(rows), SCORE, ties, {}, q)
        return {p.candidate.key for p in placed if p.status is Status.ADMITTED}

    assert admitted(quota) <= admitted(quota + 1)


def test_suzhou_2020_priority_groups_rank_first() -> None:
    # 苏府办〔2020〕313号 (四): the 5-year, whole-family and new-generation groups go first.
    # p: 40 months insured, born 1975, urban hukou, no family → in no group.
    # q: 40 months, born 1992, rural hukou → 新生代农民工.
    # r: 40 months, born 1975, spouse and a child of 10 both moving → 举家迁徙.
    # s: 66 months (2016-01..2021-06) → 5 years.
    day = dt.date(2021, 6, 30)
    v = suzhou.SCHEME.version_for(day)

    def person(birth: str, start: str, rural: bool = False, family: list | None = None) -> tuple:  # type: ignore[type-arg]
        data = {"birth": birth, "origin": {"rural": rural}, "family": family or [],
                "extra": {"target_area": "市区"}, "periods": [
                    {"kind": "social_insurance", "scheme": "urban_employee", "city": "苏州", "start": start},
                    {"kind": "residence_permit", "city": "苏州", "start": "2019-01"},
                    {"kind": "residence", "tenure": "rented", "area": 90, "city": "苏州", "district": "姑苏区",
                     "start": "2019-01"}]}
        return assess(suzhou.SCHEME, v, applicant(data, "suzhou", day), day).rank_values

    assert person("1975-01", "2018-03")[0] == 0
    assert person("1992-01", "2018-03", rural=True)[0] == 1
    assert person("1975-01", "2018-03", family=[{"relation": "spouse"},
                                                {"relation": "child", "birth": "2011-01"}])[0] == 1
    assert person("1975-01", "2018-03", family=[{"relation": "spouse", "moves": False}])[0] == 0
    assert person("1975-01", "2016-01")[0] == 1
