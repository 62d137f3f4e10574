"""The fairness audit (pointscalc.fairness): it passes on every shipped scheme, and it
finds each planted unfairness with a shrunk counterexample.

The planted variants are built from the shipped schemes with one unfair change each, so
a pass on the original and a failure on the variant isolate that change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import settings

from pointscalc import fairness, registry
from pointscalc.cli import main
from pointscalc.model import Applicant, PeriodKind
from pointscalc.ranking import Candidate, Placed, Status
from pointscalc.rules import Custom, months_of
from pointscalc.scheme import OFFICIAL, Citation, T, Ties
from pointscalc.scoring import Context

AS_OF = {
    "beijing": dt.date(2021, 6, 30),
    "suzhou": dt.date(2021, 6, 30),
    "nanjing": dt.date(2021, 6, 30),
    "nantong": dt.date(2021, 6, 30),
    "anyang": dt.date(2021, 6, 30),
    "shaoguan": dt.date(2019, 6, 30),
}
EXAMPLES = min(settings.default.max_examples, 40)
"""Bounded by the Hypothesis profile: the CI profile keeps the whole battery to seconds."""


def subject_of(scheme: Any, key: str, ranker: Any = None) -> fairness.Subject:
    s = fairness.Subject.of(scheme, AS_OF[key])
    return attrs.evolve(s, ranker=ranker) if ranker is not None else s


def with_item(key: str, item: Any) -> Any:
    """The shipped scheme with one more item in the version in force on AS_OF[key]."""
    scheme = registry.load(key)
    v = scheme.version_for(AS_OF[key])
    changed = attrs.evolve(v, items=(*v.items, item))
    return attrs.evolve(scheme, versions=tuple(changed if x is v else x for x in scheme.versions))


def failure(subject: fairness.Subject, key: str, examples: int = 200) -> fairness.Result:
    r = fairness.run_property(fairness.PROPERTIES[key], subject, examples)
    assert r.status == "fail", f"{key} should fail, got {r.status}: {r.note}"
    assert r.counterexample is not None
    return r


CITE = Citation("苏州市流动人口积分管理办法(2016)", "第九条")


@pytest.mark.parametrize("key", sorted(AS_OF))
def test_the_audit_passes_on_every_shipped_scheme(key: str) -> None:
    results = fairness.audit(subject_of(registry.load(key), key), examples=EXAMPLES)
    bad = [(r.key, r.status, r.note) for r in results if r.status in ("fail", "error")]
    assert not bad
    # Every property of the default battery is reported, none silently dropped.
    assert {r.key for r in results} >= set(fairness.DEFAULT)


def test_waivers_are_printed_with_reason_and_clause() -> None:
    results = fairness.audit(subject_of(registry.load("beijing"), "beijing"), examples=5)
    waived = [r for r in results if r.status == "waived"]
    assert [r.key for r in waived] == ["monotone_insurance", "age_blind"]
    assert "7/24" in waived[0].note and "第五条(七)" in waived[1].note
    # The weaker property runs in its place, and says so.
    instead = [r for r in results if r.instead_of == "age_blind"]
    assert [r.key for r in instead] == ["older_never_gains"] and instead[0].status == "pass"
    instead = [r for r in results if r.instead_of == "monotone_insurance"]
    assert [r.key for r in instead] == ["monotone_insurance_outside_study"] and instead[0].status == "pass"


# --- Planted unfairness: each must be found, with the smallest example ----------------------


def _local_bonus(ctx: Context) -> tuple[Fraction, Any]:
    local = ctx.applicant.origin.city == ctx.scheme.city
    return (Fraction(10) if local else Fraction(0)), T(f"local: {local}", "")


def test_a_bonus_for_local_hukou_is_found() -> None:
    unfair = with_item("suzhou", Custom(key="local_bonus", label=T("local hukou bonus", "本地户籍加分"),
                                        fn=_local_bonus, citation=CITE, provenance=OFFICIAL))
    r = failure(subject_of(unfair, "suzhou"), "origin_blind")
    a, b = r.counterexample.left[1], r.counterexample.right[1]
    assert isinstance(a, Applicant) and isinstance(b, Applicant)
    # Shrunk: the two differ in origin only, and exactly one of them is local.
    assert attrs.evolve(a, origin=b.origin) == b
    assert (a.origin.city == "苏州") != (b.origin.city == "苏州")


INSURED = months_of(PeriodKind.SOCIAL_INSURANCE)


def _cliff(ctx: Context) -> tuple[Fraction, Any]:
    """A bonus of 1000 that vanishes at the 13th month: more than any months can earn
    elsewhere in the table, so the total falls."""
    n = ctx.months(INSURED).count
    return Fraction(1000 if 1 <= n <= 12 else 0), T(f"{n} months", "")


def test_a_cliff_at_the_13th_month_is_found() -> None:
    unfair = with_item("suzhou", Custom(key="cliff", label=T("insurance with a cliff", "社保"),
                                        fn=_cliff, citation=CITE, provenance=OFFICIAL))
    r = failure(subject_of(unfair, "suzhou"), "monotone_insurance")
    fewer, more = r.counterexample.left[1], r.counterexample.right[1]
    s = subject_of(unfair, "suzhou")
    before = s.assess(fewer).total
    after = s.assess(more).total
    assert before is not None and after is not None and after < before
    # The pair differs by one added period, and the extra months cross 12.
    assert len(more.periods) == len(fewer.periods) + 1
    ctx_months = [Context(s.scheme, s.version, x, s.as_of).months(INSURED).count for x in (fewer, more)]
    assert ctx_months[0] <= 12 < ctx_months[1]


def _by_input_order(people: Sequence[Candidate], keys: Any, ties: Ties, quota: int | None) -> tuple[list[Placed], None]:
    """Strict quota by score alone, ties left in input order: the bug a stable sort hides."""
    eligible = sorted((c for c in people if c.eligible), key=lambda c: -(c.values[0] or Decimal(-1)))
    placed = [Placed(c, Status.ADMITTED if quota is None or i < quota else Status.WAITLISTED, i + 1)
              for i, c in enumerate(eligible)]
    placed += [Placed(c, Status.INELIGIBLE, None) for c in people if not c.eligible]
    return placed, None


def test_a_ranking_that_depends_on_input_order_is_found() -> None:
    r = failure(subject_of(registry.load("beijing"), "beijing", ranker=_by_input_order), "rank_permutation")
    (people, quota, one), (shuffled, _, two) = r.counterexample.left[1], r.counterexample.right[1]
    assert sorted(c.key for c in people) == sorted(c.key for c in shuffled)
    assert one != two
    # Shrunk to the heart of it: two eligible applicants tied on score, one place.
    eligible = [c for c in people if c.eligible]
    assert len(eligible) == 2 and eligible[0].values[0] == eligible[1].values[0] and quota == 1


def test_the_shipped_ranking_does_not_depend_on_input_order() -> None:
    r = fairness.run_property(fairness.PROPERTIES["rank_permutation"], subject_of(registry.load("beijing"), "beijing"), 200)
    assert r.status == "pass"


def test_a_recognised_nanjing_month_worth_less_is_found() -> None:
    suzhou = registry.load("suzhou")
    capped = tuple(attrs.evolve(a, cap_months=3) if "南京" in a.partners else a for a in suzhou.agreements)
    unfair = attrs.evolve(suzhou, agreements=capped)
    r = failure(subject_of(unfair, "suzhou"), "recognition")
    home, there = r.counterexample.left[1], r.counterexample.right[1]
    # The two differ in one period's city only: 苏州 against 南京.
    assert {p.city for p in set(there.periods) - set(home.periods)} == {"南京"}
    assert {p.city for p in set(home.periods) - set(there.periods)} == {"苏州"}
    s = subject_of(unfair, "suzhou")
    assert s.assess(home).total != s.assess(there).total or s.assess(home).eligible != s.assess(there).eligible


def test_a_version_gap_is_found() -> None:
    suzhou = registry.load("suzhou")
    v2016, v2020 = suzhou.versions
    gapped = attrs.evolve(suzhou, versions=(attrs.evolve(v2016, ends=dt.date(2020, 6, 1)), v2020))
    r = failure(fairness.Subject.of(gapped, dt.date(2021, 6, 30)), "versions")
    assert "0 versions" in r.note or "none" in r.note


# --- The command ----------------------------------------------------------------------------


def test_audit_command_passes_and_prints_every_property() -> None:
    result = CliRunner().invoke(main, ["audit", "nantong", "--as-of", "2021-06-30", "--examples", "10"])
    assert result.exit_code == 0, result.output
    assert "origin_blind" in result.output and "n/a" in result.output  # no ranking in an open city
    assert "0 failed" in result.output and "not applicable" in result.output


def test_audit_command_fails_on_a_planted_variant_with_a_side_by_side_counterexample(tmp_path: Any) -> None:
    f = tmp_path / "unfair.py"
    f.write_text(
        "import attrs\nfrom fractions import Fraction\n"
        "from schemes.suzhou import SCHEME as S, V2020\n"
        "from pointscalc.rules import Custom\nfrom pointscalc.scheme import T, OFFICIAL\n"
        "def local(ctx):\n"
        "    return (Fraction(10) if ctx.applicant.origin.city == '苏州' else Fraction(0)), T('', '')\n"
        "item = Custom(key='local_bonus', label=T('local', '本地'), fn=local, citation=V2020.items[0].citation,"
        " provenance=OFFICIAL)\n"
        "SCHEME = attrs.evolve(S, versions=(S.versions[0], attrs.evolve(V2020, items=(*V2020.items, item))))\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["audit", str(f), "--as-of", "2021-06-30", "--only", "origin_blind",
                                       "--examples", "200"])
    assert result.exit_code == 1, result.output
    assert "FAIL" in result.output
    # Side by side, the differing row marked.
    assert "≠" in result.output and "origin" in result.output
    # Generated people are still shown masked.
    assert not any(area + "1" in result.output or area + "2" in result.output for area in fairness.AREAS)


def test_audit_json_and_bad_property() -> None:
    import json

    result = CliRunner().invoke(main, ["audit", "anyang", "--as-of", "2021-06-30", "--examples", "5", "--format", "json"])
    assert result.exit_code == 0
    doc = json.loads(result.output)
    assert doc[0]["scheme"] == "anyang" and doc[0]["passed"] is True
    assert {p["key"] for p in doc[0]["properties"]} >= set(fairness.DEFAULT)
    bad = CliRunner().invoke(main, ["audit", "anyang", "--only", "nonsense"])
    assert bad.exit_code == 2


# --- In Chinese -----------------------------------------------------------------------------


def _zh_audit(subject: fairness.Subject, key: str) -> str:
    from pointscalc import report
    from pointscalc.i18n import using

    with using("zh"):
        return report.audit_text(subject, [failure(subject, key)])


def test_a_counterexample_reads_in_chinese() -> None:
    """A failure under --lang zh: the verdict, the message, the principle and the two profiles
    side by side are Chinese; codes (keys, kinds, clause numbers) stay."""
    from tests.test_zh import _codes, english

    unfair = with_item("suzhou", Custom(key="local_bonus", label=T("local hukou bonus", "本地户籍加分"),
                                        fn=_local_bonus, citation=CITE, provenance=OFFICIAL))
    text = _zh_audit(subject_of(unfair, "suzhou"), "origin_blind")
    # The catalogue's words for what origin_blind promises and for how it broke.
    for said in ("户籍来源不影响结果 [origin_blind]", "不通过", "只改变户籍来源，结果就变了", "本地与外地申请人条件相同",
                 "户籍来源", "指标 local_bonus", "0 项通过，1 项未通过"):
        assert said in text, said
    assert "≠" in text
    assert not english(text, _codes()), english(text, _codes())


def test_a_ranking_counterexample_reads_in_chinese() -> None:
    from tests.test_zh import _codes, english

    text = _zh_audit(subject_of(registry.load("beijing"), "beijing", ranker=_by_input_order), "rank_permutation")
    for said in ("同样的申请人换个顺序，结果就不同", "申请人", "第 1 次排名（名额 1）", "第 2 次排名（名额 1）", "录取", "候补"):
        assert said in text, said
    assert not english(text, _codes()), english(text, _codes())


def test_a_waiver_written_in_both_languages_is_shown_in_the_users() -> None:
    """A scheme may write a waiver's reason as a Text: the audit shows the user's language,
    with the clause in the language's brackets."""
    from pointscalc.i18n import using

    beijing = registry.load("beijing")
    v = beijing.version_for(AS_OF["beijing"])
    w = next(w for w in v.waivers if w.property == "age_blind")
    both = attrs.evolve(w, reason=T(w.reason, "年龄分按设计随年龄下降"))
    changed = attrs.evolve(v, waivers=tuple(both if x is w else x for x in v.waivers))
    subject = fairness.Subject.of(beijing, AS_OF["beijing"], version=changed)
    with using("zh"):
        zh = fairness.audit(subject, examples=5, keys=("age_blind",))[0]
    with using("en"):
        en = fairness.audit(subject, examples=5, keys=("age_blind",))[0]
    assert zh.note == f"年龄分按设计随年龄下降（{w.citation}）"
    assert en.note == f"{w.reason} ({w.citation})"
