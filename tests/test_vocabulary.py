"""Every rule of the vocabulary has a column-wise evaluation in the bulk engine.

The classes are found by introspection of ``pointscalc.rules``, not listed by hand: a rule
added to the vocabulary without its evaluation in ``pointscalc.bulk`` fails here, before a
bulk run could fall back to the slow engine for it.
"""

from __future__ import annotations

import datetime as dt
import inspect
import typing
from decimal import Decimal
from fractions import Fraction

import attrs
import numpy as np
import pytest

from pointscalc import bulk, registry, rules
from pointscalc.recognition import Recognition
from pointscalc.rules import Custom, Flag, Item, Outcome
from pointscalc.scheme import ASSUMED, Citation, Text


def item_classes() -> list[type]:
    return sorted((c for _, c in inspect.getmembers(rules, inspect.isclass)
                   if issubclass(c, Item) and c is not Item and not inspect.isabstract(c)), key=lambda c: c.__name__)


def test_the_vocabulary_is_found() -> None:
    # Guards the introspection itself: a few classes every scheme uses must be among those found.
    assert {rules.Accrual, rules.OverlapDeduction, rules.Custom} <= set(item_classes())
    assert {rules.HoldsAt, rules.Check, rules.BelowRetirementAge} <= set(typing.get_args(rules.Predicate))
    assert {rules.Score, rules.InAnyGroup} <= set(typing.get_args(rules.RankSource))


@pytest.mark.parametrize("cls", item_classes(), ids=lambda c: c.__name__)
def test_every_item_has_a_column_wise_evaluation(cls: type) -> None:
    assert cls in bulk.ITEMS, f"{cls.__name__} has no column-wise evaluation in pointscalc.bulk.ITEMS"


@pytest.mark.parametrize("cls", typing.get_args(rules.Predicate), ids=lambda c: c.__name__)
def test_every_predicate_has_a_column_wise_evaluation(cls: type) -> None:
    assert cls in bulk.PREDICATES, f"{cls.__name__} has no column-wise evaluation in pointscalc.bulk.PREDICATES"


@pytest.mark.parametrize("cls", typing.get_args(rules.RankSource), ids=lambda c: c.__name__)
def test_every_rank_source_has_a_column_wise_evaluation(cls: type) -> None:
    assert cls in bulk.RANK_SOURCES, f"{cls.__name__} has no column-wise evaluation in pointscalc.bulk.RANK_SOURCES"


AS_OF = dt.date(2021, 6, 30)
CITE = Citation("苏府规字〔2020〕6号", "test")


def suzhou_with(*items: Item):  # type: ignore[no-untyped-def]
    scheme = registry.load("suzhou")
    version = scheme.version_for(AS_OF)
    return scheme, attrs.evolve(version, items=(*version.items, *items))


def unsupported(scheme, version) -> str | None:  # type: ignore[no-untyped-def]
    return bulk.unsupported(scheme, version, Recognition.resolve(scheme.city, scheme.agreements, AS_OF))


@attrs.frozen(kw_only=True)
class Unknown(Item):
    def evaluate(self, ctx):  # type: ignore[no-untyped-def]
        return Fraction(1), Text("", "")


@attrs.frozen(kw_only=True)
class Opaque:
    def test(self, ctx):  # type: ignore[no-untyped-def]
        return Outcome(True, Text("", ""))


def test_a_rule_without_an_evaluation_is_named() -> None:
    # A new item class, and a new predicate nested inside a Flag: each is named, with its key.
    scheme, version = suzhou_with(Unknown(key="new", label=Text("new", "新"), citation=CITE, provenance=ASSUMED))
    assert unsupported(scheme, version) == "item new uses Unknown, which has no column-wise evaluation"
    flag = Flag(key="flagged", label=Text("f", "f"), citation=CITE, provenance=ASSUMED, when=Opaque(), points=Decimal(1))
    scheme, version = suzhou_with(flag)
    assert unsupported(scheme, version) == "item flagged uses Opaque, which has no column-wise evaluation"


def test_a_custom_function_may_bring_its_column_wise_form() -> None:
    def one(ctx):  # type: ignore[no-untyped-def]
        return Fraction(1, 3), Text("", "")

    plain = Custom(key="third", label=Text("t", "t"), citation=CITE, provenance=ASSUMED, fn=one)
    scheme, version = suzhou_with(plain)
    assert unsupported(scheme, version) == "item third uses a Custom function with no column-wise form (columns=)"
    columnar = attrs.evolve(plain, columns=lambda engine: (np.ones(engine.f.n, dtype=np.int64), 3))
    scheme, version = suzhou_with(columnar)
    assert unsupported(scheme, version) is None


def test_a_column_wise_form_is_what_the_bulk_engine_uses() -> None:
    # A Check and a Custom, each with a column-wise form, on two applicants by hand: born
    # 1990 and 1970, on 2021-06-30.  The Check "born in the 1980s or later" holds for the
    # first only; the Custom gives 1/3 point to each, which rounds half-up to 0.33.
    from pointscalc import columns
    from pointscalc.model import Applicant
    from pointscalc.rules import Check, Condition

    def young(ctx):  # type: ignore[no-untyped-def]
        return Outcome(ctx.applicant.birth.year >= 1980, Text("", ""))

    check = Check(fn=young, columns=lambda e: e.f.birth // 10000 >= 1980)
    third = Custom(key="third", label=Text("t", "t"), citation=CITE, provenance=ASSUMED,
                   fn=lambda ctx: (Fraction(1, 3), Text("", "")),
                   columns=lambda e: (np.ones(e.f.n, dtype=np.int64), 3))
    scheme = registry.load("suzhou")
    version = attrs.evolve(scheme.version_for(AS_OF), items=(third,), preconditions=(
        Condition(key="young", label=Text("y", "y"), test=check, citation=CITE),))
    people = [Applicant(birth=dt.date(1990, 1, 1)), Applicant(birth=dt.date(1970, 1, 1))]
    frame = columns.from_applicants(people, version)
    engine = bulk.Engine(scheme, version, AS_OF, Recognition.resolve(scheme.city, scheme.agreements, AS_OF),
                         frame, 2021 * 12)
    scored = engine.run()
    assert scored.eligible.tolist() == [True, False]
    assert engine.lines[0].tolist() == [33, 33]
