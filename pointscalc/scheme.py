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

from pointscalc.i18n import N_, tr

if TYPE_CHECKING:
    from pointscalc.recognition import Agreement
    from pointscalc.rules import Channel, Condition, Follower, Item, RankSource


class SchemeError(Exception):
    """A scheme that cannot be used as asked: no version for the date, a bad scheme file."""


class Provenance(enum.Enum):
    """How far a number can be trusted (see the sources' FACTS.md)."""

    OFFICIAL = N_("official")
    SECONDARY = N_("secondary")
    WEAK = N_("weak")
    ASSUMED = N_("assumed")

    def __str__(self) -> str:
        """The word in the user's language: provenance is shown to applicants beside a number."""
        return tr(self.value)


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

    def __bool__(self) -> bool:
        """An empty text (no note) is false, as an empty string was before notes had two languages."""
        return bool(self.en or self.zh)

    def said(self) -> str:
        """In the current language (``--lang``), for code that does not carry a ``lang``."""
        from pointscalc.i18n import current

        return self(current())


def T(en: str, zh: str) -> Text:
    return Text(en, zh)


NO_TEXT = Text("", "")
"""No note: false, and empty in both languages."""


def as_text(value: Text | str) -> Text:
    """A note given as plain text (a scheme file of one's own, in one language) is shown as
    written in both; the shipped schemes give both languages."""
    return value if isinstance(value, Text) else Text(value, value)


def as_texts(values: Sequence[Text | str]) -> tuple[Text, ...]:
    return tuple(as_text(v) for v in values)


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
    note: Text = attrs.field(default=NO_TEXT, converter=as_text)
    citation: Citation | None = None


@attrs.frozen
class Fact:
    """A fact a scheme reads beyond the common ones (see ``docs/input-format.md``).

    With ``period_kind`` set, it is an attribute of periods of that kind; otherwise it is
    a top-level ``extra`` fact of the applicant.
    """

    name: str
    description: Text = attrs.field(converter=as_text)
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
        return tr("each item to {places} decimal places ({mode}); total = sum of items", places=self.places,
                  mode=self.mode)


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
    round: str | None = None
    """The round whose published cutoff this is, where it is one: that round counted scores
    to its own data day, which a plain ``--as-of`` does not (scoring says so)."""

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
    reason: Text = attrs.field(converter=as_text)
    citation: Citation
    instead: str | None = None


@attrs.frozen
class Result:
    """What a round's office published: the cutoff score (落户分值) and how many it admitted."""

    cutoff: Decimal = attrs.field(converter=Decimal)
    admitted: int | None
    citation: Citation
    provenance: Provenance
    note: Text = attrs.field(default=NO_TEXT, converter=as_text)
    scores: str | None = None
    """The published list's scores, as a CSV file (a ``score`` column) in the schemes
    package's ``data`` folder, where we ship it: ``pointscalc plan`` places a score in it."""


@attrs.frozen
class Round:
    """One application round (申报年度 or 批次) as an office runs it.

    A round applies one rules version, counts every applicant's data (months, full years,
    age) to one day, takes applications in a half-open window ``[opens, closes)``, and, once
    run, has a published result.  Suzhou runs two a year (2016 measures 第十九、二十条),
    Beijing and Guangzhou one.
    """

    id: str
    """What a user types after ``--round``: ``2020``, ``2016-H2``."""
    label: Text
    version: str
    """The label of the rules version the round applies."""
    data_day: dt.date
    """Months, full years and age are counted to this day (its month included)."""
    window: tuple[dt.date, dt.date] | None
    """Applications are taken from ``window[0]`` up to, not including, ``window[1]``."""
    data_day_provenance: Provenance
    window_provenance: Provenance
    note: Text = attrs.field(default=NO_TEXT, converter=as_text)
    quota: int | None = None
    quota_provenance: Provenance | None = None
    result: Result | None = None

    def open_on(self, day: dt.date) -> bool:
        return self.window is not None and self.window[0] <= day < self.window[1]

    def window_text(self) -> str:
        return f"[{self.window[0]}, {self.window[1]})" if self.window else tr("not known")


@attrs.frozen
class When:
    """The days one assessment is made for: the rules of ``rules_day`` applied to data
    counted to ``data_day``, and the round that joins them, if any."""

    rules_day: dt.date
    data_day: dt.date
    round: Round | None = None
    by_window: bool = False
    """The round was found because ``--as-of`` fell inside its application window."""

    def said(self) -> Text | None:
        """What the output says about how the days were chosen; ``None`` for a plain day."""
        r = self.round
        if r is None:
            return None
        how_en = f"{self.rules_day} is in the application window of round {r.id} {r.window_text()}: " \
            if self.by_window else f"round {r.id}: "
        how_zh = f"{self.rules_day}在{r.id}批次申报期{r.window_text()}内：" if self.by_window else f"{r.id}批次："
        return Text(f"{how_en}rules version {r.version}, data counted to {r.data_day}",
                    f"{how_zh}适用{r.version}版规则，数据计算至{r.data_day}")


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
    notes: tuple[Text, ...] = attrs.field(default=(), converter=as_texts)
    waivers: tuple[Waiver, ...] = ()
    """Fairness properties that do not apply by design, with reason and clause (``pointscalc audit``)."""
    unknown: Text | None = None
    """A revision known to exist whose values are not: says which part cannot be evaluated.
    Such a version has no items or preconditions of its own; the channels still in force
    from earlier versions are evaluated (Nanjing from 2022-08-20)."""

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
    rounds: tuple[Round, ...] = ()
    """Application rounds, oldest first, with their published results where known."""

    def document(self, number: str) -> Document:
        for d in self.documents:
            if d.number == number:
                return d
        raise KeyError(number)

    def version_for(self, as_of: dt.date, allow_stale: bool = False) -> Version:
        """The version in force on ``as_of``, with every channel in force that day.

        Outside every validity this is an error: a scheme past its end date may have
        been replaced by rules we do not have.  ``allow_stale`` takes the nearest one
        instead, for a what-if.  A channel keeps its own dates: one whose text states no
        end stays in force when the points table is revised (see ``Channel.open_ended``).
        """
        for v in self.versions:
            if v.valid_on(as_of):
                return self._with_channels(v, as_of)
        if not allow_stale:
            spans = ", ".join(v.validity() for v in self.versions)
            raise SchemeError(tr("scheme {key!r} has no version in force on {day} (versions: {spans});"
                                 " use --allow-stale to apply the nearest one anyway",
                                 key=self.key, day=str(as_of), spans=spans))
        return min(self.versions, key=lambda v: _distance(v, as_of))

    def _with_channels(self, version: Version, day: dt.date) -> Version:
        """``version`` with the open-ended channels of earlier versions that no later
        version replaces (by key) added after its own."""
        own = {ch.key for ch in version.channels}
        carried = []
        for v in sorted(self.versions, key=lambda v: v.effective, reverse=True):
            if v.effective >= version.effective:
                continue
            for ch in v.channels:
                if ch.open_ended and ch.key not in own and (ch.ends is None or day < ch.ends):
                    carried.append(ch)
                own.add(ch.key)
        return attrs.evolve(version, channels=(*version.channels, *carried)) if carried else version

    def round_named(self, round_id: str) -> Round:
        for r in self.rounds:
            if r.id == round_id:
                return r
        known = ", ".join(r.id for r in self.rounds) or tr("none")
        raise SchemeError(tr("scheme {key!r} has no round {round!r} (rounds: {known})", key=self.key,
                             round=round_id, known=known))

    def when(self, as_of: dt.date | None, round_id: str | None = None) -> When:
        """The days to assess on: a named round; else the round whose application window
        holds ``as_of``; else ``as_of`` itself as both the rules day and the data day."""
        if round_id is not None:
            r = self.round_named(round_id)
            if as_of is not None and r.window is not None and not r.open_on(as_of):
                raise SchemeError(tr("{day} is outside round {round}'s application window {window};"
                                     " give --round alone, or a date inside the window",
                                     day=str(as_of), round=r.id, window=r.window_text()))
            day = as_of or (r.window[0] if r.window else r.data_day)
            return When(day, r.data_day, r)
        if as_of is None:
            raise SchemeError(tr("give --as-of or --round"))
        for r in self.rounds:
            if r.open_on(as_of):
                return When(as_of, r.data_day, r, by_window=True)
        return When(as_of, as_of)

    def resolve(self, when: When, allow_stale: bool = False) -> Version:
        """The version to apply: the round's own, or the one in force on the rules day."""
        if when.round is not None:
            return self._with_channels(self.version_named(when.round.version), when.rules_day)
        return self.version_for(when.rules_day, allow_stale)

    def version_named(self, label: str) -> Version:
        for v in self.versions:
            if v.label == label:
                return v
        raise SchemeError(tr("scheme {key!r} has no version {label!r} (versions: {versions})", key=self.key,
                             label=label, versions=", ".join(v.label for v in self.versions)))


def _distance(v: Version, day: dt.date) -> int:
    if day < v.effective:
        return (v.effective - day).days
    assert v.ends is not None
    return (day - v.ends).days + 1


def sorted_versions(versions: Sequence[Version]) -> tuple[Version, ...]:
    return tuple(sorted(versions, key=lambda v: v.effective))
