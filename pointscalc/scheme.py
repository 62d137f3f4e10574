"""A city's scheme: dated versions of rules, each rule tied to the clause that makes it.

Following OpenFisca, a version is valid over a half-open range ``[effective, ends)`` and is
resolved once per run for an explicit ``as_of``; nothing here ever asks for "today".
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from pointscalc.recognition import Agreement
    from pointscalc.rules import Channel, Condition, Follower, Item, RankSource


class SchemeError(Exception):
    """A scheme that cannot be used as asked: no version for the date, a bad scheme file."""


class Provenance(enum.Enum):
    """How far a number can be trusted (see the sources' FACTS.md)."""

    OFFICIAL = "official"
    SECONDARY = "secondary"
    WEAK = "weak"
    ASSUMED = "assumed"

    def __str__(self) -> str:
        return self.value


OFFICIAL = Provenance.OFFICIAL
SECONDARY = Provenance.SECONDARY
WEAK = Provenance.WEAK
ASSUMED = Provenance.ASSUMED


@attrs.frozen
class Text:
    """A label in both languages, so that output can follow ``--lang``."""

    en: str
    zh: str

    def __call__(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def __str__(self) -> str:
        return self.en


def T(en: str, zh: str) -> Text:
    return Text(en, zh)


@attrs.frozen
class Document:
    """A policy text, named by its official number where it has one."""

    number: str
    """Official number (文号), e.g. 京政办发〔2016〕39号, or the title where there is none."""
    title: str
    issued: dt.date | None = None
    effective: dt.date | None = None


@attrs.frozen
class Citation:
    document: str
    """The document's official number (or short title where it has none)."""
    clause: str
    """The clause as the document numbers it: 第五条(一), (六), 二(二)."""
    quote: str = ""
    """A short quote of the Chinese text, so the reader can check the rule against it."""

    def __str__(self) -> str:
        return f"{self.document} {self.clause}"


@attrs.frozen
class Param:
    """A named number a version depends on that is not itself an item: an age reference
    date, a retirement age, a floor-area standard.  Listed on the scheme's doc page."""

    name: str
    value: Any
    provenance: Provenance
    note: str = ""
    citation: Citation | None = None


@attrs.frozen
class Fact:
    """A fact a scheme reads beyond the common ones (see ``docs/input-format.md``).

    With ``period_kind`` set, it is an attribute of periods of that kind; otherwise it is
    a top-level ``extra`` fact of the applicant.
    """

    name: str
    description: str
    type: type = str
    choices: tuple[str, ...] = ()
    period_kind: Any = None
    required: bool = False


@attrs.frozen
class Rounding:
    """Every item line is rounded, then the total is the sum of the rounded lines.

    That is how published lists add up (Beijing publishes 2-decimal items), and it keeps
    "the lines sum to the total" exact.
    """

    places: int = 2
    mode: str = ROUND_HALF_UP
    provenance: Provenance = ASSUMED

    def apply(self, value: Fraction | Decimal) -> Decimal:
        """Round an exact value once.

        A fraction is divided out at 60 significant digits first: a rational whose exact
        decimal is a tie (…5) has a short expansion and is divided exactly, and one that is
        not a tie lies far further than 10⁻⁶⁰ from one, so the rounding is exact.
        """
        if isinstance(value, Fraction):
            with localcontext(prec=60):
                value = Decimal(value.numerator) / Decimal(value.denominator)
        return value.quantize(Decimal(1).scaleb(-self.places), rounding=self.mode)

    def describe(self) -> str:
        return f"each item to {self.places} decimal places ({self.mode}); total = sum of items"


class Ties(enum.Enum):
    """What happens to applicants tied with the last one inside the quota."""

    ADMIT_ALL = "admit_all"
    """Everyone tied at the cutoff is admitted (Beijing, Guangzhou)."""
    STRICT = "strict"
    """Exactly the quota, after every tie-break (Suzhou)."""


@attrs.frozen
class RankKey:
    name: str
    source: RankSource
    descending: bool = True


@attrs.frozen
class Ranking:
    """How a scheme orders applicants against a quota; used by ``pointscalc rank``."""

    keys: tuple[RankKey, ...]
    ties: Ties
    citation: Citation
    provenance: Provenance = OFFICIAL
    family_rule: Citation | None = None
    """Where a scheme ranks children by their parents' points: the higher parent's score
    counts and the other parent's breaks ties (Suzhou 第七条).  ``None`` if it does not."""
    buckets: tuple[str, ...] = ()
    """The buckets this ranking has quotas for, where the policy names them (Suzhou 2020's
    target areas): a quota file naming another is refused with the nearest of these.
    Empty where the buckets come from the input (schools, or one bucket)."""


@attrs.frozen
class Threshold:
    """A score to reach: a standard score (达标分值) or last year's published cutoff.

    ``by_fact`` names an extra fact whose value picks the score (Suzhou's target area).
    """

    label: Text
    points: Decimal | tuple[tuple[str, Decimal], ...] = attrs.field(converter=lambda p: _points(p))
    citation: Citation
    provenance: Provenance
    by_fact: str | None = None

    def for_value(self, value: str | None) -> Decimal | None:
        if isinstance(self.points, Decimal):
            return self.points
        return dict(self.points).get(value) if value is not None else None


def _points(value: object) -> Decimal | tuple[tuple[str, Decimal], ...]:
    if isinstance(value, (int, str, Decimal)):
        return Decimal(value)
    return tuple((str(k), Decimal(v)) for k, v in value)  # type: ignore[attr-defined]


@attrs.frozen
class Waiver:
    """A fairness property that does not apply to a version, by design of the policy.

    ``instead`` names a weaker property checked in its place (Beijing's age points fall
    with age: "age never matters" is waived, "older never gains" is checked).  The audit
    prints every waiver; none is silent.
    """

    property: str
    reason: str
    citation: Citation
    instead: str | None = None


@attrs.frozen
class Version:
    label: str
    effective: dt.date
    ends: dt.date | None
    """Exclusive: the first day this version no longer applies; ``None`` if open."""
    documents: tuple[str, ...]
    preconditions: tuple[Condition, ...] = ()
    items: tuple[Item, ...] = ()
    channels: tuple[Channel, ...] = ()
    followers: tuple[Follower, ...] | None = None
    """Who may follow an applicant admitted by points; ``None`` where the source does not say."""
    rounding: Rounding = Rounding()
    ranking: Ranking | None = None
    base_items: frozenset[str] | None = None
    """Keys of the items that form the base score (基础分), where a scheme has one."""
    threshold: Threshold | None = None
    facts: tuple[Fact, ...] = ()
    params: tuple[Param, ...] = ()
    notes: tuple[str, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    """Fairness properties that do not apply by design, with reason and clause (``pointscalc audit``)."""

    def valid_on(self, day: dt.date) -> bool:
        return self.effective <= day and (self.ends is None or day < self.ends)

    def validity(self) -> str:
        return f"[{self.effective}, {self.ends or '…'})"

    @property
    def has_points(self) -> bool:
        return bool(self.items)

    def item(self, key: str) -> Item:
        for it in self.items:
            if it.key == key:
                return it
        raise KeyError(key)

    def param(self, name: str) -> Any:
        for p in self.params:
            if p.name == name:
                return p.value
        raise KeyError(name)


@attrs.frozen
class Scheme:
    key: str
    """The name a user types: ``beijing``."""
    city: str
    """The home city, by its Chinese name as in ``pointscalc/data/cities.csv``."""
    name: Text
    documents: tuple[Document, ...]
    versions: tuple[Version, ...]
    agreements: tuple[Agreement, ...] = ()
    """Recognition agreements under which this city credits partner cities' months."""

    def document(self, number: str) -> Document:
        for d in self.documents:
            if d.number == number:
                return d
        raise KeyError(number)

    def version_for(self, as_of: dt.date, allow_stale: bool = False) -> Version:
        """The version in force on ``as_of``.

        Outside every validity this is an error: a scheme past its end date may have
        been replaced by rules we do not have.  ``allow_stale`` takes the nearest one
        instead, for a what-if.
        """
        for v in self.versions:
            if v.valid_on(as_of):
                return v
        if not allow_stale:
            spans = ", ".join(v.validity() for v in self.versions)
            raise SchemeError(
                f"scheme {self.key!r} has no version in force on {as_of} (versions: {spans});"
                " use --allow-stale to apply the nearest one anyway"
            )
        return min(self.versions, key=lambda v: _distance(v, as_of))

    def version_named(self, label: str) -> Version:
        for v in self.versions:
            if v.label == label:
                return v
        raise SchemeError(
            f"scheme {self.key!r} has no version {label!r}"
            f" (versions: {', '.join(v.label for v in self.versions)})"
        )


def _distance(v: Version, day: dt.date) -> int:
    if day < v.effective:
        return (v.effective - day).days
    assert v.ends is not None
    return (day - v.ends).days + 1


def sorted_versions(versions: Sequence[Version]) -> tuple[Version, ...]:
    return tuple(sorted(versions, key=lambda v: v.effective))
