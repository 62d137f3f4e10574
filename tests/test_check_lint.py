"""`pointscalc lint` and `pointscalc check`: hand-built non-compliant variants, and the CLI.

The binding limits come from 安政办〔2018〕19号 二(二): 参加城镇社会保险的年限要求不得超过1年 …
全市均不得将购买房屋、投资纳税等作为落户限制条件，不得采取积分落户方式; and 韶府办〔2017〕37号 二:
对参加城镇社会保险1年以上(含1年)的可在参保地或实际居住地落户 (so no more than a year may be asked).
Each variant below breaks one of them, or one house rule, and must be flagged; the shipped
scheme it was built from must not be.

The `check` cases are derived by hand from the example profiles and the policy clauses
quoted next to them.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner

from pointscalc import registry
from pointscalc.cli import main
from pointscalc.lint import Finding, lint
from pointscalc.model import Diploma, Qualification, RecordKind, Relation, Title
from pointscalc.model import PeriodKind as K
from pointscalc.rules import (
    Accrual,
    Accrue,
    AllOf,
    AnyOf,
    BornFrom,
    Channel,
    Check,
    Condition,
    EachOfLastYears,
    FactIs,
    Flag,
    Follower,
    HasLevel,
    HoldsAt,
    Min,
    MonthsAtLeast,
    Outcome,
    RuralOrigin,
    Score,
    months_of,
    record,
)
from pointscalc.scheme import (
    OFFICIAL,
    Citation,
    Param,
    Ranking,
    RankKey,
    Scheme,
    T,
    Ties,
    Version,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

SHIPPED = {"anyang", "beijing", "nanjing", "nantong", "shaoguan", "suzhou"}

AY_DOC = "安政办〔2018〕19号"
SG_DOC = "韶府办〔2017〕37号"
NT_DOC = "南通2020落户实施意见"


def invoke(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


# --- building variants ---------------------------------------------------------------------


def only_version(s: Scheme) -> Version:
    assert len(s.versions) == 1
    return s.versions[0]


def with_version(s: Scheme, **changes: Any) -> Scheme:
    return attrs.evolve(s, versions=(attrs.evolve(only_version(s), **changes),))


def add_channel(s: Scheme, ch: Channel) -> Scheme:
    v = only_version(s)
    return with_version(s, channels=(*v.channels, ch))


def replace_condition(s: Scheme, channel_key: str, cond_key: str, **changes: Any) -> Scheme:
    v = only_version(s)
    channels = []
    for ch in v.channels:
        if ch.key == channel_key:
            conds = tuple(attrs.evolve(c, **changes) if c.key == cond_key else c for c in ch.conditions)
            assert conds != ch.conditions, f"no condition {cond_key!r} in {channel_key!r}"
            ch = attrs.evolve(ch, conditions=conds)
        channels.append(ch)
    return with_version(s, channels=tuple(channels))


def condition(test: Any, doc: str, clause: str = "二", **kw: Any) -> Condition:
    return Condition(key="extra_condition", label=T("an extra condition", "附加条件"), test=test,
                     citation=Citation(doc, clause), **kw)


def channel_of(cond: Condition, doc: str, clause: str = "二") -> Channel:
    return Channel(key="extra_channel", label=T("an extra channel", "附加途径"), conditions=(cond,),
                   citation=Citation(doc, clause))


def lint_bound(s: Scheme) -> list[Finding]:
    return lint(s, registry.binding_for(s.city))


def messages(findings: list[Finding]) -> str:
    return "\n".join(str(f) for f in findings)


def _true(ctx: Any) -> Outcome:
    return Outcome(True, T("ok", "是"))


@pytest.fixture(scope="module")
def anyang() -> Scheme:
    return registry.load("anyang")


@pytest.fixture(scope="module")
def shaoguan() -> Scheme:
    return registry.load("shaoguan")


@pytest.fixture(scope="module")
def nantong() -> Scheme:
    return registry.load("nantong")


# --- lint: shipped schemes pass ------------------------------------------------------------


def test_lint_cli_passes_every_shipped_scheme() -> None:
    result = invoke("lint")
    assert result.exit_code == 0, result.output
    assert {line.split(":")[0] for line in result.output.splitlines()} == SHIPPED
    assert all(line.endswith(": ok") for line in result.output.splitlines())


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_lint_library_passes_every_shipped_scheme(name: str) -> None:
    s = registry.load(name)
    assert lint_bound(s) == []


def test_anyang_and_shaoguan_are_bound() -> None:
    # 二(二) binds Anyang three ways (no points, ≤ 1 year, no purchase/investment/tax); 韶府办
    # 二 binds Shaoguan's insurance to a year.  No binding for the others.
    ay = registry.binding_for("安阳")
    assert len(ay) == 3 and all(c.citation.clause == "二(二)" for c in ay)
    assert [c.months for c in registry.binding_for("韶关")] == [12]
    assert registry.binding_for("南通") == ()


# --- lint: Anyang 二(二) -------------------------------------------------------------------


def assert_flags_22(findings: list[Finding], *words: str) -> None:
    text = messages(findings)
    hits = [f for f in findings if f"{AY_DOC} 二(二)" in f.message and all(w in f.message for w in words)]
    assert hits, f"no finding naming 二(二) with {words}: {text}"


def test_anyang_variant_with_points_is_flagged(anyang: Scheme) -> None:
    # 二(二) 不得采取积分落户方式: one points item is enough.
    bonus = Flag(key="graduate_bonus", label=T("graduate bonus", "学历加分"),
                 when=HasLevel(any_of=(Min(diploma=Diploma.JUNIOR_COLLEGE),)), points=Decimal(10),
                 citation=Citation(AY_DOC, "二(一)"), provenance=OFFICIAL)
    findings = lint_bound(with_version(anyang, items=(bonus,)))
    assert_flags_22(findings, "points", "graduate_bonus")
    assert len(findings) == 1


def test_anyang_variant_with_a_borrowed_suzhou_item_is_flagged(anyang: Scheme) -> None:
    from schemes import suzhou

    item = next(it for it in suzhou.V2016.items if isinstance(it, Accrual))
    findings = lint_bound(with_version(anyang, items=(item,)))
    assert_flags_22(findings, "points", item.key)
    # It also cites a Suzhou document the Anyang scheme does not list.
    assert any("not in the scheme's documents" in f.message for f in findings)


def test_anyang_variant_with_a_ranking_is_flagged(anyang: Scheme) -> None:
    # Ranking applicants against a quota is points-based settlement too.
    ranking = Ranking(keys=(RankKey("total", Score("total")),), ties=Ties.STRICT, citation=Citation(AY_DOC, "二"))
    assert_flags_22(lint_bound(with_version(anyang, ranking=ranking)), "ranks")


@pytest.mark.parametrize("months", [13, 24])
def test_anyang_insurance_over_a_year_is_flagged(anyang: Scheme, months: int) -> None:
    # 二(二) 参加城镇社会保险的年限要求不得超过1年: 13 or 24 months is more than 12.
    channel = next(ch for ch in only_version(anyang).channels if ch.key == "insured_1_year")
    test = attrs.evolve(channel.conditions[0].test, months=months)
    findings = lint_bound(replace_condition(anyang, "insured_1_year", "urban_insurance_12", test=test))
    assert_flags_22(findings, f"{months} months", "12")
    assert len(findings) == 1
    assert "insured_1_year" in findings[0].where


def test_anyang_insurance_in_a_new_channel_is_flagged(anyang: Scheme) -> None:
    # The limit binds every condition, not only the shipped channel: medical insurance too.
    cond = condition(MonthsAtLeast(measure=months_of(K.MEDICAL_INSURANCE), months=18), AY_DOC)
    assert_flags_22(lint_bound(add_channel(anyang, channel_of(cond, AY_DOC))), "18 months")


def test_anyang_insurance_as_a_precondition_is_flagged(anyang: Scheme) -> None:
    cond = condition(MonthsAtLeast(measure=months_of(K.SOCIAL_INSURANCE), months=36), AY_DOC)
    findings = lint_bound(with_version(anyang, preconditions=(cond,)))
    assert_flags_22(findings, "36 months")


@pytest.mark.parametrize("tenure", ["owned", frozenset({"owned"})], ids=["str", "set"])
def test_anyang_purchased_home_is_flagged(anyang: Scheme, tenure: Any) -> None:
    # 二(二) 全市均不得将购买房屋 … 作为落户限制条件.
    cond = condition(HoldsAt(measure=months_of(K.RESIDENCE, where={"tenure": tenure})), AY_DOC, "二(三)")
    findings = lint_bound(add_channel(anyang, channel_of(cond, AY_DOC, "二(三)")))
    assert_flags_22(findings, "home purchase")
    assert len(findings) == 1


def test_anyang_owned_home_months_are_flagged(anyang: Scheme) -> None:
    cond = condition(MonthsAtLeast(measure=months_of(K.RESIDENCE, where={"tenure": "owned"}), months=6),
                     AY_DOC)
    assert_flags_22(lint_bound(add_channel(anyang, channel_of(cond, AY_DOC))), "home purchase")


def test_anyang_any_home_is_not_a_purchase(anyang: Scheme) -> None:
    # 二(三) itself asks for a home, rental included: owned-or-rented is no purchase condition.
    cond = condition(HoldsAt(measure=months_of(K.RESIDENCE, where={"tenure": frozenset({"owned", "rented"})})),
                     AY_DOC, "二(三)")
    assert lint_bound(add_channel(anyang, channel_of(cond, AY_DOC, "二(三)"))) == []


@pytest.mark.parametrize("test", [
    record(RecordKind.TAX, qualifying=True),
    EachOfLastYears(select=record(RecordKind.TAX, qualifying=True), years=3),
], ids=["tax_record", "tax_3_years"])
def test_anyang_tax_condition_is_flagged(anyang: Scheme, test: Any) -> None:
    # 二(二) 不得将 … 投资纳税等作为落户限制条件.
    cond = condition(test, AY_DOC)
    assert_flags_22(lint_bound(add_channel(anyang, channel_of(cond, AY_DOC))), "tax")


def test_anyang_all_of_asks_what_each_part_asks(anyang: Scheme) -> None:
    # AllOf is met only when every part is: 24 months insured and a permit asks 24 months.
    both = AllOf(predicates=(MonthsAtLeast(measure=months_of(K.SOCIAL_INSURANCE), months=24),
                             HoldsAt(measure=months_of(K.RESIDENCE_PERMIT))))
    assert_flags_22(lint_bound(add_channel(anyang, channel_of(condition(both, AY_DOC), AY_DOC))), "24 months")


def test_anyang_any_of_asks_only_what_every_branch_asks(anyang: Scheme) -> None:
    # AnyOf is met by any branch: 24 months insured *or* a permit asks no insurance at all,
    # while 24 months or 36 months asks at least 24.
    either = AnyOf(predicates=(MonthsAtLeast(measure=months_of(K.SOCIAL_INSURANCE), months=24),
                               HoldsAt(measure=months_of(K.RESIDENCE_PERMIT))))
    assert lint_bound(add_channel(anyang, channel_of(condition(either, AY_DOC), AY_DOC))) == []
    longer = AnyOf(predicates=(MonthsAtLeast(measure=months_of(K.SOCIAL_INSURANCE), months=24),
                               MonthsAtLeast(measure=months_of(K.MEDICAL_INSURANCE), months=36)))
    assert_flags_22(lint_bound(add_channel(anyang, channel_of(condition(longer, AY_DOC), AY_DOC))), "24 months")


INSURED_24 = MonthsAtLeast(measure=months_of(K.SOCIAL_INSURANCE), months=24)
COLLEGE = HasLevel(any_of=(Min(diploma=Diploma.JUNIOR_COLLEGE),))
OWNED_HOME = HoldsAt(measure=months_of(K.RESIDENCE, where={"tenure": "owned"}))
TAX_3_YEARS = EachOfLastYears(select=record(RecordKind.TAX, qualifying=True), years=3)
CLOSED_GROUPS = {
    "diploma": COLLEGE,
    "qualification": HasLevel(any_of=(Min(qualification=Qualification.LEVEL3),)),
    "title": HasLevel(any_of=(Min(title=Title.INTERMEDIATE),)),
    "rural_origin": RuralOrigin(),
    "born_from_1980": BornFrom(year=1980),
    "honour": record(RecordKind.HONOUR, level="provincial"),
}


@pytest.mark.parametrize("group", sorted(CLOSED_GROUPS))
def test_anyang_insurance_or_a_closed_group_is_flagged(anyang: Scheme, group: str) -> None:
    # 二(二) 参加城镇社会保险的年限要求不得超过1年: "24 months OR <group>" still asks 24 months of
    # everyone outside the group (a worker without a diploma), so it breaks the limit.
    either = AnyOf(predicates=(INSURED_24, CLOSED_GROUPS[group]))
    assert_flags_22(lint_bound(add_channel(anyang, channel_of(condition(either, AY_DOC), AY_DOC))), "24 months")


def test_anyang_owned_home_or_graduate_is_flagged(anyang: Scheme) -> None:
    # 二(二) 不得将购买房屋 … 作为落户限制条件: a non-graduate must buy, so it is a purchase condition.
    either = AnyOf(predicates=(OWNED_HOME, COLLEGE))
    assert_flags_22(lint_bound(add_channel(anyang, channel_of(condition(either, AY_DOC), AY_DOC))),
                    "home purchase")


def test_anyang_tax_or_graduate_is_flagged(anyang: Scheme) -> None:
    # 二(二) 不得将 … 投资纳税 … 作为落户限制条件: a non-graduate must pay tax three years running.
    either = AnyOf(predicates=(TAX_3_YEARS, COLLEGE))
    assert_flags_22(lint_bound(add_channel(anyang, channel_of(condition(either, AY_DOC), AY_DOC))), "tax")


def test_shaoguan_insurance_or_a_qualification_is_flagged(shaoguan: Scheme) -> None:
    # 韶府办〔2017〕37号 二 allows at most a year; a skilled-worker branch excuses no one else.
    either = AnyOf(predicates=(INSURED_24, CLOSED_GROUPS["qualification"]))
    findings = lint_bound(add_channel(shaoguan, channel_of(condition(either, SG_DOC), SG_DOC)))
    assert any(f"{SG_DOC} 二" in f.message and "24 months" in f.message for f in findings), messages(findings)


@pytest.mark.parametrize("lenient", [
    # A permit is open to anyone living here: nobody is made to insure for 24 months.
    AnyOf(predicates=(INSURED_24, HoldsAt(measure=months_of(K.RESIDENCE_PERMIT)))),
    # A home of any tenure is open to a renter: owning is not required.
    AnyOf(predicates=(OWNED_HOME, HoldsAt(measure=months_of(K.RESIDENCE, where={"tenure": "rented"})))),
    # A year of insurance or a diploma: what everyone else is asked (12 months) is within the limit.
    AnyOf(predicates=(MonthsAtLeast(measure=months_of(K.SOCIAL_INSURANCE), months=12), COLLEGE)),
    # Two closed groups and nothing else: neither asks insurance, a purchase or tax of anyone.
    AnyOf(predicates=(COLLEGE, RuralOrigin())),
], ids=["permit", "any_tenure", "year_or_diploma", "groups_only"])
def test_anyang_alternatives_anyone_can_meet_stay_clean(anyang: Scheme, lenient: Any) -> None:
    assert lint_bound(add_channel(anyang, channel_of(condition(lenient, AY_DOC), AY_DOC))) == []


def test_anyang_opaque_check_must_declare_what_it_imposes(anyang: Scheme) -> None:
    # A Check is a function lint cannot read: in a city bound by 二(二) it must say what it
    # asks for.  Without ``imposes`` it is flagged; with imposes=frozenset() it is not.
    silent = condition(Check(fn=_true), AY_DOC)
    findings = lint_bound(add_channel(anyang, channel_of(silent, AY_DOC)))
    assert_flags_22(findings, "cannot be read", "imposes")
    assert len(findings) == 1
    declared = attrs.evolve(silent, imposes=frozenset())
    assert lint_bound(add_channel(anyang, channel_of(declared, AY_DOC))) == []


def test_anyang_check_declaring_a_purchase_is_flagged(anyang: Scheme) -> None:
    cond = condition(Check(fn=_true), AY_DOC, imposes=frozenset({"home_purchase"}))
    assert_flags_22(lint_bound(add_channel(anyang, channel_of(cond, AY_DOC))), "home purchase")


def test_anyang_undeclared_fact_test_is_opaque(anyang: Scheme) -> None:
    # An open-group FactIs declares imposes=frozenset() in the shipped scheme; without it,
    # lint cannot tell what the fact stands for.
    cond = condition(FactIs(name="veteran", values=frozenset({True})), AY_DOC)
    assert_flags_22(lint_bound(add_channel(anyang, channel_of(cond, AY_DOC))), "cannot be read")


# --- lint: Shaoguan 二 ---------------------------------------------------------------------


def test_shaoguan_insurance_over_a_year_is_flagged(shaoguan: Scheme) -> None:
    # 二 对参加城镇社会保险1年以上(含1年)的 … 落户: a variant asking 24 months asks more than a year.
    ch = next(c for c in only_version(shaoguan).channels if c.key == "insured_1_year")
    test = attrs.evolve(ch.conditions[0].test, months=24)
    findings = lint_bound(replace_condition(shaoguan, "insured_1_year", "urban_insurance_12", test=test))
    assert len(findings) == 1
    assert f"{SG_DOC} 二" in findings[0].message
    assert "24 months" in findings[0].message


def test_shaoguan_points_and_purchase_are_not_bound(shaoguan: Scheme) -> None:
    # 韶府办 二 sets no limit on purchases: an owned-home condition is no finding there.
    cond = condition(HoldsAt(measure=months_of(K.RESIDENCE, where={"tenure": "owned"})), SG_DOC)
    assert lint_bound(add_channel(shaoguan, channel_of(cond, SG_DOC))) == []


def test_shaoguan_opaque_check_is_flagged(shaoguan: Scheme) -> None:
    # lint.py: "Where a condition is a function lint cannot read, a bound scheme must say what
    # it asks for (Condition.imposes): a silent function would pass any check."  Shaoguan is
    # bound (韶府办 二 caps insurance at a year), and this Check could ask 24 months.
    def two_years(ctx: Any) -> Outcome:
        return Outcome(ctx.months(months_of(K.SOCIAL_INSURANCE)).count >= 24, T("", ""))

    cond = condition(Check(fn=two_years), SG_DOC)
    assert lint_bound(add_channel(shaoguan, channel_of(cond, SG_DOC))) != []
    # Declaring what it asks makes it readable: 24 months breaks the cap, 12 does not.
    declared = attrs.evolve(cond, imposes=frozenset({"insurance_months=24"}))
    assert "allows at most 12" in messages(lint_bound(add_channel(shaoguan, channel_of(declared, SG_DOC))))
    within = attrs.evolve(cond, imposes=frozenset({"insurance_months=12"}))
    assert lint_bound(add_channel(shaoguan, channel_of(within, SG_DOC))) == []


# --- lint: house rules, on any scheme --------------------------------------------------------


def test_unmodified_nantong_is_clean(nantong: Scheme) -> None:
    assert lint(nantong) == []


@pytest.mark.parametrize("clause", ["", "   "], ids=["empty", "blank"])
def test_condition_without_a_clause_is_flagged(nantong: Scheme, clause: str) -> None:
    s = replace_condition(nantong, "residence", "home", citation=Citation(NT_DOC, clause))
    findings = lint(s)
    assert len(findings) == 1
    assert "has no citation" in findings[0].message
    assert "residence" in findings[0].where and "home" in findings[0].where


def test_condition_citing_an_unlisted_document_is_flagged(nantong: Scheme) -> None:
    s = replace_condition(nantong, "residence", "home", citation=Citation("苏政办发〔2019〕90号", "(四)"))
    assert "not in the scheme's documents" in messages(lint(s))


def test_follower_without_a_clause_is_flagged(nantong: Scheme) -> None:
    v = only_version(nantong)
    ch = attrs.evolve(v.channels[0], followers=(Follower(relation=Relation.SPOUSE, citation=Citation(NT_DOC, "")),))
    findings = lint(with_version(nantong, channels=(ch, *v.channels[1:])))
    assert len(findings) == 1 and "has no citation" in findings[0].message


@pytest.mark.parametrize("provenance", [None, "official"])
def test_param_without_a_provenance_is_flagged(nantong: Scheme, provenance: Any) -> None:
    v = only_version(nantong)
    bad = Param("target_by_2020", 1_000_000, provenance)
    findings = lint(with_version(nantong, params=(bad,)))
    assert findings
    assert all("params[" in f.where and f"provenance {provenance!r} is not one of" in f.message
               for f in findings)
    assert any(f.where.endswith("params[target_by_2020]") for f in findings)
    assert lint(with_version(nantong, params=v.params)) == []


def test_param_without_a_provenance_is_flagged_once(nantong: Scheme) -> None:
    findings = lint(with_version(nantong, params=(Param("target_by_2020", 1_000_000, None),)))
    assert len(findings) == 1


def test_condition_with_a_string_provenance_is_flagged(nantong: Scheme) -> None:
    s = replace_condition(nantong, "residence", "home", provenance="assumed")
    assert "provenance 'assumed'" in messages(lint(s))


def two_versions(s: Scheme, ends: dt.date, effective: dt.date) -> Scheme:
    v = only_version(s)
    first = attrs.evolve(v, label="a", effective=dt.date(2020, 4, 24), ends=ends)
    second = attrs.evolve(v, label="b", effective=effective, ends=None)
    return attrs.evolve(s, versions=(first, second))


def test_versions_with_a_gap_are_flagged(nantong: Scheme) -> None:
    s = two_versions(nantong, dt.date(2021, 1, 1), dt.date(2021, 7, 1))
    findings = lint(s)
    assert len(findings) == 1
    assert findings[0].where == "versions"
    assert "gap" in findings[0].message and "2021-01-01" in findings[0].message and "2021-07-01" in findings[0].message


def test_adjacent_versions_are_clean(nantong: Scheme) -> None:
    # ``ends`` is exclusive: a version ending on the day the next starts leaves no gap.
    assert lint(two_versions(nantong, dt.date(2021, 1, 1), dt.date(2021, 1, 1))) == []


def test_overlapping_versions_are_flagged(nantong: Scheme) -> None:
    findings = lint(two_versions(nantong, dt.date(2021, 7, 1), dt.date(2021, 1, 1)))
    assert any(f.where == "structure" and "overlap" in f.message for f in findings)


@pytest.mark.parametrize("where", [{"colour": "red"}, {"town": True}], ids=["colour", "anyang_town"])
def test_condition_reading_an_unknown_period_attribute_is_flagged(nantong: Scheme, where: dict[str, Any]) -> None:
    # No input format gives residence periods a colour, and Nantong does not declare Anyang's
    # ``town``.
    cond = condition(HoldsAt(measure=months_of(K.RESIDENCE, where=where)), NT_DOC, "(四)")
    findings = lint(add_channel(nantong, channel_of(cond, NT_DOC, "(四)")))
    assert len(findings) == 1
    assert repr(next(iter(where))) in findings[0].message
    assert "residence" in findings[0].message


def test_declared_period_attribute_is_clean(anyang: Scheme) -> None:
    # Anyang declares ``town`` on residence periods: reading it is fine there.
    cond = condition(HoldsAt(measure=months_of(K.RESIDENCE, where={"town": True})), AY_DOC, "二(三)")
    assert lint_bound(add_channel(anyang, channel_of(cond, AY_DOC, "二(三)"))) == []


def test_undeclared_fact_is_flagged(nantong: Scheme) -> None:
    cond = condition(FactIs(name="veteran", values=frozenset({True})), NT_DOC, "(四)")
    findings = lint(add_channel(nantong, channel_of(cond, NT_DOC, "(四)")))
    assert len(findings) == 1
    assert "'veteran'" in findings[0].message and "does not declare" in findings[0].message


def test_item_reading_an_unknown_attribute_is_flagged() -> None:
    nanjing = registry.load("nanjing")
    assert lint_bound(nanjing) == []
    v = nanjing.version_named("2021")

    def with_version(s: Scheme, items: tuple[Any, ...]) -> Scheme:  # the 2022 version has no known items
        return attrs.evolve(s, versions=(attrs.evolve(v, items=items), *s.versions[1:]))

    item = Accrual(key="red_homes", label=T("red homes", "红房子"),
                   measure=months_of(K.RESIDENCE, where={"colour": "red"}), rate=Decimal(1),
                   accrue=Accrue.FULL_YEARS, citation=Citation("宁政办发〔2021〕5号", "(四)"), provenance=OFFICIAL)
    findings = lint(with_version(nanjing, items=(*v.items, item)))
    assert len(findings) == 1 and "red_homes" in findings[0].where and "'colour'" in findings[0].message
    by_colour = attrs.evolve(item, measure=months_of(K.RESIDENCE), rate=None,
                             rates=(("red", Decimal(1)),), by="colour")
    findings = lint(with_version(nanjing, items=(*v.items, by_colour)))
    assert len(findings) == 1 and "rates by attribute 'colour'" in findings[0].message


def test_record_attribute_no_input_provides_is_flagged(nantong: Scheme) -> None:
    cond = condition(record(RecordKind.HONOUR, colour="red"), NT_DOC, "(四)")
    findings = lint(add_channel(nantong, channel_of(cond, NT_DOC, "(四)")))
    assert len(findings) == 1 and "'colour'" in findings[0].message and "honour" in findings[0].message


# --- lint CLI on scheme files ----------------------------------------------------------------

VARIANT_FILE = '''
import attrs
from schemes import anyang

_ch = anyang.CITY
_cond = attrs.evolve(_ch.conditions[0], test=attrs.evolve(_ch.conditions[0].test, months={months}))
_channels = tuple(attrs.evolve(_ch, conditions=(_cond,)) if c.key == _ch.key else c
                  for c in anyang.V2018.channels)
SCHEME = attrs.evolve(anyang.SCHEME, versions=(attrs.evolve(anyang.V2018, channels=_channels),))
'''


def test_lint_cli_on_a_failing_scheme_file(tmp_path: Path) -> None:
    path = tmp_path / "anyang_two_years.py"
    path.write_text(VARIANT_FILE.format(months=24), encoding="utf-8")
    result = invoke("lint", str(path))
    assert result.exit_code == 1, result.output
    assert "asks for 24 months of insurance" in result.output
    assert f"{AY_DOC} 二(二)" in result.output
    assert "Traceback" not in result.output


def test_lint_cli_on_a_passing_scheme_file(tmp_path: Path) -> None:
    path = tmp_path / "anyang_same.py"
    path.write_text(VARIANT_FILE.format(months=12), encoding="utf-8")
    result = invoke("lint", str(path))
    assert result.exit_code == 0, result.output
    assert result.output == f"{path}: ok\n"


def test_lint_cli_unknown_scheme_is_a_usage_error() -> None:
    result = invoke("lint", "atlantis")
    assert result.exit_code == 2
    assert "atlantis" in result.output


# --- check ----------------------------------------------------------------------------------

RENTER = str(EXAMPLES / "nantong-renter-family.toml")


def check_json(path: str, as_of: str, *extra: str) -> dict[str, Any]:
    result = invoke("check", path, "--as-of", as_of, "--format", "json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def by_scheme(out: dict[str, Any]) -> dict[str, dict[str, Any]]:
    cities = {c["scheme"]: c for c in out["cities"]}
    assert len(cities) == len(out["cities"])
    return cities


def test_check_table_nantong_renter_settles_directly() -> None:
    # The renter (崇川区, since 2019-05, no job, resident insurance only): 二(四) 有合法稳定住所
    # （含租赁）→ settles in 南通.
    result = invoke("check", RENTER, "--as-of", "2021-06-30")
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if line.startswith("南通"))
    assert "settles directly" in row
    # Shaoguan's trial ended 2020-10-24 (自印发之日起试行，有效期三年; 印发 2017-10-24): no rules on 2021-06-30.
    row = next(line for line in result.output.splitlines() if line.startswith("韶关"))
    assert "no rules in force" in row
    # The (五) advice is printed for the renter.
    assert "社区公共户" in result.output


def test_check_table_in_chinese() -> None:
    result = invoke("check", RENTER, "--as-of", "2021-06-30", "--lang", "zh")
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if line.startswith("南通"))
    assert "可直接落户" in row
    assert "无现行政策" in next(line for line in result.output.splitlines() if line.startswith("韶关"))


def test_check_json_nantong_renter() -> None:
    out = check_json(RENTER, "2021-06-30")
    assert out["as_of"] == "2021-06-30"
    cities = by_scheme(out)
    assert set(cities) == SHIPPED == set(registry.shipped_names())
    nt = cities["nantong"]
    assert (nt["city"], nt["version"], nt["outcome"], nt["settles_by"]) == ("南通", "2020", "direct", ["residence"])
    # Direct outcomes come first.
    assert out["cities"][0]["scheme"] == "nantong"
    # Family under (四): spouse, unmarried child, parent living together follow; the married
    # daughter living apart does not.
    residence = next(p for p in nt["paths"] if p["key"] == "residence")
    assert residence["open"] is True and residence["failed"] == []
    assert [m["may_follow"] for m in residence["family"]["members"]] == [True, True, False, True]
    # The employment path needs urban insurance and a job: both missing.
    employment = next(p for p in nt["paths"] if p["key"] == "employment")
    assert {f["key"] for f in employment["failed"]} == {"employed", "urban_insurance"}
    # Shaoguan: valid [2017-10-24, 2020-10-24) → nothing in force on 2021-06-30.
    sg = cities["shaoguan"]
    assert (sg["outcome"], sg["version"], sg["settles_by"], sg["paths"]) == ("no_rules", None, [], [])
    assert "2020-10-24" in sg["note"]
    # Nobody else settles her: she has no home, job or insurance anywhere else.
    assert {k for k, c in cities.items() if c["outcome"] == "direct"} == {"nantong"}


def test_check_allow_stale_gives_shaoguan_a_real_outcome() -> None:
    out = by_scheme(check_json(RENTER, "2021-06-30", "--allow-stale"))
    sg = out["shaoguan"]
    # The 2017 measures applied as a what-if: she has no home, insurance or job in 韶关, a
    # 高中/中专 diploma and no qualification, so no path opens.
    assert sg["version"] == "2017"
    assert sg["outcome"] == "none"
    assert sg["paths"] and not any(p["open"] for p in sg["paths"])
    assert out["nantong"]["outcome"] == "direct"


def test_check_migrant_worker_settles_in_anyang_town() -> None:
    # A rented room in 林州市 with town = true since 2016-03: 二(三) 建制镇有合法稳定住所（含租赁）
    # → Anyang, directly; his wife and son live with him (共同居住生活的配偶、子女) and follow.
    out = by_scheme(check_json(str(EXAMPLES / "migrant-worker.toml"), "2019-06-30"))
    ay = out["anyang"]
    assert ay["outcome"] == "direct"
    assert "town_residence" in ay["settles_by"]
    town = next(p for p in ay["paths"] if p["key"] == "town_residence")
    assert [m["may_follow"] for m in town["family"]["members"]] == [True, True]
    # Shaoguan on 2019-06-30: insured 2018-08 … 2019-06 = 11 months, short of 1年以上(含1年),
    # no home there, no qualification, 高中 (not 大专): nothing settles him, and the path
    # closest is 1 year of insurance where insured, 1 month short.
    sg = out["shaoguan"]
    assert sg["outcome"] == "none" and sg["settles_by"] == []
    assert sg["closest"] == "insured_1_year"
    closest = next(p for p in sg["paths"] if p["key"] == "insured_1_year")
    assert [f["shortfall"] for f in closest["failed"]] == ["1 more month of urban employee social insurance"]


def test_check_points_city_shows_score_and_threshold() -> None:
    # The Beijing engineer on 2021-06-30 (2020 revision; FACTS.md rates): eligible under 第四条
    # (permit since 2016-10; male, 38; 156 ≥ 84 months of continuous insurance; no crime).
    # Insured 2008-07 … 2021-06 = 156 months × 3/12 = 39.00; rented 90 months × 0.5/12 = 3.75 +
    # owned 66 × 1/12 = 5.50; 硕士 + 硕士学位 26; home moved to 昌平 counted since 2017-01:
    # 54 months = 4 full years × 2 = 8; three tax years × 2 = 6; age 38: 20.  Total 108.25.
    # The standard is the 2021 cutoff 100.88 (FACTS.md).
    out = by_scheme(check_json(str(EXAMPLES / "beijing-engineer.toml"), "2021-06-30"))
    bj = out["beijing"]
    assert bj["outcome"] == "points"
    assert (bj["score"], bj["threshold"]) == ("108.25", "100.88")
    assert bj["settles_by"] == []
    points = next(p for p in bj["paths"] if p["key"] == "points")
    assert points["open"] is True
    # 第九条: the minor child follows only if within the family-planning policy; the spouse
    # does not follow by this rule.
    assert [m["may_follow"] for m in points["family"]["members"]] == [False, None]


def test_check_points_table_shows_score() -> None:
    result = invoke("check", str(EXAMPLES / "beijing-engineer.toml"), "--as-of", "2021-06-30")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("北京"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith(" "))
    row = " ".join(lines[start:end])  # a cell may wrap onto the next lines
    assert "may apply by points" in row and "108.25" in row and "100.88" in row
    assert "cutoff" in row  # the last published cutoff, not called a standard score


def test_check_input_error_names_file_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('birth = "1990-01"\n\n[[perods]]\nkind = "residence"\n', encoding="utf-8")
    result = invoke("check", str(bad), "--as-of", "2021-06-30")
    assert result.exit_code == 1
    assert str(bad) in result.output
    assert "perods" in result.output and "unknown field" in result.output
    assert "Traceback" not in result.output


def test_check_input_error_unknown_fact(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"birth": "1990-01", "extra": {"colour": "red"}}), encoding="utf-8")
    result = invoke("check", str(bad), "--as-of", "2021-06-30")
    assert result.exit_code == 1
    assert str(bad) in result.output and "extra.colour" in result.output
    assert "Traceback" not in result.output


def test_check_reads_facts_of_every_city(tmp_path: Path) -> None:
    # ``check`` reads one profile for every city, so Anyang's extra.veteran and residence
    # ``town`` are accepted, and 二(一) 参军进入城镇 settles a veteran in Anyang.
    profile = tmp_path / "veteran.toml"
    profile.write_text('birth = "1995-02"\n[extra]\nveteran = true\n', encoding="utf-8")
    out = by_scheme(check_json(str(profile), "2019-06-30"))
    assert out["anyang"]["settles_by"] == ["veteran"]
    # 2019-06-30 is inside Shaoguan's trial; 韶府办 二 does not name veterans.
    assert out["shaoguan"]["outcome"] == "none"


# --- Review follow-ups ------------------------------------------------------------------------


def test_a_variant_cannot_escape_its_binding_by_renaming_the_city(anyang: Scheme) -> None:
    # 安阳市 is 安阳: the binding of 二(二) still applies, and the name itself is a finding,
    # since periods are read with the canonical name and would never match 安阳市.
    renamed = attrs.evolve(anyang, city="安阳市")
    assert registry.binding_for(renamed.city) == registry.binding_for("安阳")
    v = only_version(renamed)
    points = attrs.evolve(v, items=(Flag(key="bonus", label=T("bonus", "加分"), when=HoldsAt(
        measure=months_of(K.RESIDENCE)), points=Decimal(5), citation=Citation(AY_DOC, "二"), provenance=OFFICIAL),))
    findings = lint(attrs.evolve(renamed, versions=(points,)), registry.binding_for(renamed.city))
    text = messages(findings)
    assert "write '安阳市' as '安阳'" in text
    assert "不得采取积分落户方式" in text or "二(二)" in text


def test_lint_names_the_file_it_was_given(tmp_path: Path) -> None:
    f = tmp_path / "ay_bad.py"
    f.write_text(
        "import attrs\nfrom schemes.anyang import SCHEME as S\n"
        "SCHEME = attrs.evolve(S, city='安阳市')\n", encoding="utf-8")
    result = invoke("lint", "anyang", str(f))
    assert result.exit_code == 1
    assert "anyang: ok" in result.output
    assert f"{f}: structure: city: write '安阳市' as '安阳'" in result.output


def test_check_refuses_a_person_not_yet_born(tmp_path: Path) -> None:
    f = tmp_path / "baby.toml"
    f.write_text('birth = "2020-01"\n\n[[family]]\nrelation = "child"\nbirth = "2030-01"\n', encoding="utf-8")
    result = invoke("check", str(f), "--as-of", "2019-06-30")
    assert result.exit_code == 1
    assert "birth: 2020-01-01 is after --as-of 2019-06-30" in result.output
    assert "family[0].birth" in result.output and "Traceback" not in result.output


def test_check_speaks_chinese_for_notes() -> None:
    result = invoke("check", str(EXAMPLES / "nantong-renter-family.toml"), "--as-of", "2021-06-30", "--lang", "zh")
    assert "无现行版本" in result.output and "需填写 extra.target_area" in result.output
    assert "no version in force" not in result.output and "needs extra" not in result.output


# --- lint in Chinese --------------------------------------------------------------------------


def test_lint_findings_read_in_chinese(anyang: Scheme) -> None:
    """Every kind of finding the Anyang variants raise, under --lang zh: the message and the
    place it names are Chinese, the codes (keys, kinds) and clauses stay as they are."""
    from pointscalc.i18n import using
    from schemes import suzhou
    from tests.test_zh import _codes, english

    item = next(it for it in suzhou.V2016.items if isinstance(it, Accrual))
    ranking = Ranking(keys=(RankKey("total", Score("total")),), ties=Ties.STRICT, citation=Citation(AY_DOC, "二"))
    variants = [
        with_version(anyang, items=(item,), ranking=ranking),
        add_channel(anyang, channel_of(condition(AllOf(predicates=(INSURED_24, OWNED_HOME, TAX_3_YEARS)), AY_DOC),
                                       AY_DOC)),
        add_channel(anyang, channel_of(condition(Check(fn=_true), AY_DOC), AY_DOC)),
    ]
    with using("zh"):
        text = "\n".join(messages(lint_bound(v)) for v in variants)
    # By hand from 二(二): points, ranking, 24 > 12 months, a purchase and a tax condition, an unreadable
    # function, and the Suzhou document the borrowed item cites.
    for said in ("计算积分", "对申请人排序", "要求 24 个月社会保险", "最多允许 12 个月", "设置了购房条件",
                 "设置了纳税条件", "无法读取（一个 Check(...) 函数）", "不在方案的文件列表中", "渠道 ", "版本 2018"):
        assert said in text, said
    assert not english(text, _codes()), english(text, _codes())
    # The same findings in English, word for word as before.
    with using("en"):
        english_text = "\n".join(messages(lint_bound(v)) for v in variants)
    assert "asks for 24 months of insurance" in english_text and "imposes a home purchase condition" in english_text
