"""Turning what a user wrote (a TOML or JSON file, later a table row) into an ``Applicant``.

Every problem is collected with its field path, so that one run reports all of them.  An
unknown field is a problem, not something to skip: a misspelt ``perods`` must not silently
score zero months.  See docs/input-format.md for the schema.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from pointscalc import aliases, idnumber, limits, places
from pointscalc.errors import InputError, Problem, describe
from pointscalc.i18n import N_, listing, tr
from pointscalc.model import (
    Applicant,
    Choice,
    Degree,
    Diploma,
    Education,
    FamilyMember,
    InsuranceScheme,
    Origin,
    Period,
    PeriodKind,
    Qualification,
    Record,
    RecordKind,
    Relation,
    Sex,
    Tenure,
    Title,
    freeze,
)
from pointscalc.months import Month, month_of
from pointscalc.scheme import Fact


class _Invalid(Exception):
    """A single field's problem, turned into a ``Problem`` by the caller that knows the path."""


def _choice(cls: type[Choice]) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        try:
            return cls.parse(value).code
        except ValueError as e:
            raise _Invalid(str(e)) from None

    return parse


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "yes", "1", "是"):
        return True
    if text in ("false", "no", "0", "否"):
        return False
    raise _Invalid(tr("expected true or false, got {got}", got=describe(value)))


def _decimal(value: Any) -> Decimal:
    try:
        return limits.decimal(value)
    except ValueError as e:
        raise _Invalid(str(e)) from None


def _int(value: Any) -> int:
    try:
        return limits.whole(value)
    except ValueError as e:
        raise _Invalid(str(e)) from None


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Invalid(tr("expected a non-empty text, got {got}", got=describe(value)))
    return value.strip()


_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_CHINESE_DATE = re.compile(r"(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?")


def _iso(text: str) -> str:
    """A date as a Chinese form writes it, in the form the parsers read: 1990年3月5日 →
    1990-3-5, 2014年3月 → 2014-3.  Anything else is returned as it is."""
    m = _CHINESE_DATE.fullmatch(text)
    if m is None:
        return text
    return f"{m[1]}-{m[2]}-{m[3]}" if m[3] else f"{m[1]}-{m[2]}"


def parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = _DATE.match(_iso(str(value).strip()))
    if m and int(m[1]) >= 1900:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
    raise _Invalid(tr("expected a date YYYY-MM-DD from 1900 on, got {got}", got=describe(value)))


def parse_month(value: Any) -> Month:
    if isinstance(value, dt.date):
        return month_of(value.year, value.month)
    m = _MONTH.match(_iso(str(value).strip()))
    if m and 1 <= int(m[2]) <= 12 and int(m[1]) >= 1900:
        return month_of(int(m[1]), int(m[2]))
    raise _Invalid(tr("expected a month YYYY-MM from 1900 on, got {got}", got=describe(value)))


def _birth(value: Any) -> tuple[dt.date, bool]:
    """A birth date, or a birth month (the day then taken as the 1st)."""
    if isinstance(value, dt.date):
        if value < idnumber.EARLIEST_BIRTH:
            raise _Invalid(tr("expected a birth date from 1900 on"))
        return parse_date(value), True
    text = _iso(str(value).strip())
    if _MONTH.match(text):
        m = parse_month(value)
        return dt.date(m // 12, m % 12 + 1, 1), False
    try:
        return parse_date(text), True
    except _Invalid:
        raise _Invalid(tr("expected a birth date YYYY-MM-DD or month YYYY-MM from 1900 on, got {got}",
                          got=describe(value))) from None


def _within(parse: Callable[[Any], Any], low: Decimal, high: Decimal, low_open: bool, why: str
            ) -> Callable[[Any], Any]:
    """``parse``, then a plausibility bound: a value outside is a typing or unit error, and
    scoring it would put a wrong number on a published list."""

    def bounded(value: Any) -> Any:
        v = parse(value)
        if v < low or (low_open and v == low) or v > high:
            template = N_("expected more than {low} to {high} ({why}), got {got}") if low_open \
                else N_("expected from {low} to {high} ({why}), got {got}")
            raise _Invalid(tr(template, low=low, high=high, why=tr(why), got=describe(v)))
        return v

    return bounded


AREA = _within(_decimal, Decimal(0), Decimal(10_000), True, N_("m² of floor area"))
"""A home's floor area: more than 0, at most 10,000 m² (ten times a large villa; more is a
unit error, such as cm², or a slip of the keyboard)."""
RECORD_YEARS = _within(_int, Decimal(1), Decimal(50), False, N_("years of a working life"))
"""Years a record counts (years in a post): a working life from 16 to the latest retirement
age, 65, is under 50 years."""

# Attributes each period kind may carry: name -> (parser, required).
PERIOD_ATTRIBUTES: dict[PeriodKind, dict[str, tuple[Callable[[Any], Any], bool]]] = {
    PeriodKind.SOCIAL_INSURANCE: {"scheme": (_choice(InsuranceScheme), True)},
    PeriodKind.MEDICAL_INSURANCE: {"scheme": (_choice(InsuranceScheme), False)},
    PeriodKind.RESIDENCE_PERMIT: {},
    PeriodKind.RESIDENCE: {"tenure": (_choice(Tenure), True), "area": (AREA, False)},
    PeriodKind.EMPLOYMENT: {"sector": (_text, False)},
    PeriodKind.HOUSING_FUND: {},
    PeriodKind.STUDY: {"diploma": (_choice(Diploma), False)},
}


def _one_of(*codes: str) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        text = str(value).strip()
        if text not in codes:
            raise _Invalid(aliases.not_one_of(value, listing(codes), codes))
        return text

    return parse


def _city(value: Any) -> str:
    try:
        return places.city(_text(value))
    except ValueError as e:
        raise _Invalid(str(e)) from None


HONOUR_LEVELS = ("national", "provincial", "municipal", "district")
HONOUR_TITLES = ("labour_model", "moral_model", "brave_citizen", "other")
INNOVATIONS = ("national_award", "municipal_award", "hitech_enterprise", "incubator_startup", "tech_service",
               "patent_invention", "patent_utility")
VIOLATIONS = ("criminal", "detention", "tax", "credit", "other")
RECORD_CODES = (*HONOUR_LEVELS, *HONOUR_TITLES, *INNOVATIONS, *VIOLATIONS)
"""The codes a record's attributes take: codes a user types, in any language."""

RECORD_ATTRIBUTES: dict[RecordKind, dict[str, tuple[Callable[[Any], Any], bool]]] = {
    RecordKind.HONOUR: {"level": (_one_of(*HONOUR_LEVELS), True), "title": (_one_of(*HONOUR_TITLES), False)},
    RecordKind.TAX: {"qualifying": (_bool, True), "amount": (_decimal, False)},
    RecordKind.INNOVATION: {"category": (_one_of(*INNOVATIONS), True), "years": (RECORD_YEARS, False)},
    RecordKind.VIOLATION: {"type": (_one_of(*VIOLATIONS), True), "city": (_city, False)},
}

_FACT_TYPES: dict[type, Callable[[Any], Any]] = {
    bool: _bool,
    int: _int,
    Decimal: _decimal,
    str: _text,
}

TOP_LEVEL = (
    "id", "name", "birth", "sex", "education", "qualification", "title",
    "origin", "family", "records", "periods", "extra",
)  # fmt: skip


_FIELD = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}")
_ALIASES = frozenset(a for scope in aliases.FIELDS.values() for names in scope.values() for a in names)
"""Chinese field names: shown as they are, being ours; any other key not a field name may be
a name or an ID number written where a key belongs."""
_PERIOD_FIELDS = ("kind", "city", "district", "start", "end", *dict.fromkeys(a for s in PERIOD_ATTRIBUTES.values()
                                                                             for a in s))
_RECORD_FIELDS = ("kind", "date", *dict.fromkeys(a for s in RECORD_ATTRIBUTES.values() for a in s))
_CHINESE = {"": aliases.chinese("", TOP_LEVEL), "education": aliases.chinese("education", ("diploma", "degree")),
            "origin": aliases.chinese("origin", ("city", "province", "rural")),
            "family": aliases.chinese("family", ("relation", "birth", "married", "moves", "lives_with")),
            "records": aliases.chinese("records", _RECORD_FIELDS)}
"""The Chinese names of each object's fields, and the field each stands for."""


def field_name(key: object) -> str:
    """A key as a message shows it: a field name is shown; anything else (a name or an ID
    written where a key belongs) only by its shape."""
    text = str(key)
    return text if _FIELD.fullmatch(text) or text in _ALIASES else tr("<a key: {shape}>", shape=describe(text))


class _Reader:
    def __init__(self, file: str, facts: Sequence[Fact], row: int | None):
        self.file = file
        self.row = row
        self.problems: list[Problem] = []
        self.extra_facts = {f.name: f for f in facts if f.period_kind is None}
        self.period_facts: dict[PeriodKind, dict[str, Fact]] = {}
        for f in facts:
            if f.period_kind is not None:
                self.period_facts.setdefault(f.period_kind, {})[f.name] = f
        self.period_names = aliases.chinese("periods", (*_PERIOD_FIELDS, *(f for fs in self.period_facts.values()
                                                                            for f in fs)))
        self.extra_names = aliases.chinese("facts", tuple(self.extra_facts))

    def problem(self, field: str, message: str) -> None:
        self.problems.append(Problem(self.file, field, message, self.row))

    def get(self, data: Mapping[str, Any], key: str, path: str, parse: Callable[[Any], Any],
            required: bool = False, default: Any = None) -> Any:
        field = f"{path}{key}"
        if key not in data or data[key] is None or data[key] == "":
            if required:
                self.problem(field, tr("is required"))
            return default
        try:
            return parse(data[key])
        except _Invalid as e:
            self.problem(field, str(e))
            return default

    def named(self, data: Mapping[str, Any], table: Mapping[str, str], path: str) -> Mapping[str, Any]:
        """``data`` keyed by English names: a key written in Chinese (出生日期) is read as its
        field (birth), by ``table`` (``aliases.chinese``).  A field given under two names is a
        problem: which was meant cannot be told."""
        if table.keys().isdisjoint(data):  # the usual case: English names only
            return data
        out: dict[str, Any] = {}
        given: dict[str, str] = {}
        for key, value in data.items():
            field = table.get(key, key) if isinstance(key, str) else key
            if field in out:
                self.problem(f"{path}{field_name(field)}", tr("is given twice, as {first} and as {second}: keep one",
                                                              first=field_name(given[field]), second=field_name(key)))
                continue
            out[field], given[field] = value, key
        return out

    def unknown(self, data: Mapping[str, Any], allowed: Iterable[str], path: str, what: str,
                scope: str = "") -> None:
        allowed = set(allowed)
        for key in data:
            if key not in allowed:
                hint = aliases.did_you_mean(str(key), [n for f in sorted(allowed) for n in (f, *aliases.of(scope, f))])
                known = listing(tr("{code} ({name})", code=f, name=aliases.of(scope, f)[0]) if aliases.of(scope, f)
                                else f for f in sorted(allowed))
                self.problem(f"{path}{field_name(key)}", tr("unknown field for {what}{hint}; expected one of {known}",
                                                            what=what, hint=hint, known=known))

    def table(self, data: Any, field: str) -> Mapping[str, Any] | None:
        if data is None:
            return None
        if not isinstance(data, Mapping):
            self.problem(field, tr("expected a table of fields"))
            return None
        return data

    def array(self, data: Any, field: str) -> list[Any]:
        if data is None:
            return []
        if not isinstance(data, list):
            self.problem(field, tr("expected a list"))
            return []
        return data

    def applicant(self, data: Mapping[str, Any]) -> Applicant | None:
        data = self.named(data, _CHINESE[""], "")
        self.unknown(data, TOP_LEVEL, "", tr("an applicant"))
        number = self.get(data, "id", "", self._id)
        # An ID given but invalid is problem enough: "birth is required" would only add noise.
        birth_value = self.get(data, "birth", "", _birth, required=data.get("id") in (None, ""))
        sex = self.get(data, "sex", "", _choice(Sex))
        if number is not None:
            id_birth = idnumber.birth_date(number)
            if birth_value is None:
                birth_value = (id_birth, True)
            else:
                born, day_known = birth_value
                same = born == id_birth if day_known else (born.year, born.month) == (id_birth.year, id_birth.month)
                if not same:
                    self.problem("birth", tr("does not match the birth date in the ID number"))
            id_sex = idnumber.sex(number)
            if sex is None:
                sex = id_sex
            elif sex != id_sex:
                self.problem("sex", tr("does not match the sex encoded in the ID number"))
        education = self._education(self.table(data.get("education"), "education") or {})
        origin = self._origin(self.table(data.get("origin"), "origin") or {})
        family = self._each(data, "family", self._member)
        records = self._each(data, "records", self._record)
        periods = self._each(data, "periods", self._period)
        extra = self._extra(self.table(data.get("extra"), "extra") or {})
        name = self.get(data, "name", "", _text)
        qualification = self.get(data, "qualification", "", _choice(Qualification), default="none")
        title = self.get(data, "title", "", _choice(Title), default="none")
        if self.problems or birth_value is None:
            return None
        return Applicant(
            birth=birth_value[0],
            birth_day_known=birth_value[1],
            id=number,
            name=name,
            sex=Sex(sex) if sex else None,
            education=education,
            qualification=Qualification(qualification),
            title=Title(title),
            origin=origin,
            family=family,
            records=records,
            periods=periods,
            extra=extra,
        )

    def _each(self, data: Mapping[str, Any], key: str, read: Callable[[Any, str], Any]) -> tuple[Any, ...]:
        read_all = (read(x, f"{key}[{i}]") for i, x in enumerate(self.array(data.get(key), key)))
        return tuple(x for x in read_all if x is not None)

    @staticmethod
    def _id(value: Any) -> str:
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise _Invalid(tr("expected an ID number as text, got {got}", got=describe(value)))
        if isinstance(value, int) and not 0 <= value < 10**18:  # str() of a huge int would raise
            raise _Invalid(tr("an ID number has 18 characters, this one has more or is negative"))
        try:
            return idnumber.validate(str(value))
        except idnumber.InvalidId as e:
            raise _Invalid(str(e)) from None

    def _education(self, data: Mapping[str, Any]) -> Education:
        data = self.named(data, _CHINESE["education"], "education.")
        self.unknown(data, ("diploma", "degree"), "education.", tr("education"), "education")
        return Education(
            Diploma(self.get(data, "diploma", "education.", _choice(Diploma), default="none")),
            Degree(self.get(data, "degree", "education.", _choice(Degree), default="none")),
        )

    def _origin(self, data: Mapping[str, Any]) -> Origin:
        data = self.named(data, _CHINESE["origin"], "origin.")
        self.unknown(data, ("city", "province", "rural"), "origin.", tr("origin"), "origin")
        return Origin(
            self.get(data, "city", "origin.", _city),
            self.get(data, "province", "origin.", _text),
            self.get(data, "rural", "origin.", _bool),
        )

    def _member(self, data: Any, path: str) -> FamilyMember | None:
        data = self.table(data, path)
        if data is None:
            return None
        p = path + "."
        fields = ("relation", "birth", "married", "moves", "lives_with")
        data = self.named(data, _CHINESE["family"], p)
        self.unknown(data, fields, p, tr("a family member"), "family")
        relation = self.get(data, "relation", p, _choice(Relation), required=True)
        birth = self.get(data, "birth", p, _birth)
        married = self.get(data, "married", p, _bool)
        moves = self.get(data, "moves", p, _bool, default=True)
        lives_with = self.get(data, "lives_with", p, _bool)
        if relation is None:
            return None
        return FamilyMember(Relation(relation), birth[0] if birth else None, married, moves, lives_with)

    def _record(self, data: Any, path: str) -> Record | None:
        data = self.table(data, path)
        if data is None:
            return None
        p = path + "."
        data = self.named(data, _CHINESE["records"], p)
        kind_code = self.get(data, "kind", p, _choice(RecordKind), required=True)
        when = self.get(data, "date", p, parse_date, required=True)
        if kind_code is None:
            return None
        kind = RecordKind(kind_code)
        schema = RECORD_ATTRIBUTES[kind]
        self.unknown(data, ("kind", "date", *schema), p, tr("a {kind} record", kind=kind.code), "records")
        attributes = {
            name: value
            for name, (parse, required) in schema.items()
            if (value := self.get(data, name, p, parse, required=required)) is not None
        }
        if when is None:
            return None
        return Record(kind, when, freeze(attributes))

    def _period(self, data: Any, path: str) -> Period | None:
        data = self.table(data, path)
        if data is None:
            return None
        p = path + "."
        data = self.named(data, self.period_names, p)
        kind_code = self.get(data, "kind", p, _choice(PeriodKind), required=True)
        city = self.get(data, "city", p, _city, required=True)
        start = self.get(data, "start", p, parse_month, required=True)
        end = self.get(data, "end", p, parse_month)
        district = None
        if city is not None and data.get("district"):
            try:
                district = places.district(city, _text(data["district"]))
            except (ValueError, _Invalid) as e:
                self.problem(p + "district", str(e))
        if start is not None and end is not None and end < start:
            self.problem(p + "end", tr("is before start: a period ends in or after the month it starts"))
        if kind_code is None:
            return None
        kind = PeriodKind(kind_code)
        schema = dict(PERIOD_ATTRIBUTES[kind])
        for fact in self.period_facts.get(kind, {}).values():
            schema[fact.name] = (self._fact_parser(fact), fact.required)
        self.unknown(data, ("kind", "city", "district", "start", "end", *schema), p,
                     tr("a {kind} period", kind=kind.code), "periods")
        attributes = {
            name: value
            for name, (parse, required) in schema.items()
            if (value := self.get(data, name, p, parse, required=required)) is not None
        }
        if city is None or start is None:
            return None
        return Period(kind, city, start, end, district, freeze(attributes))

    def _fact_parser(self, fact: Fact) -> Callable[[Any], Any]:
        base = _FACT_TYPES.get(fact.type, _text)
        if not fact.choices:
            return base

        def parse(value: Any) -> Any:
            v = base(value)
            if v not in fact.choices:
                raise _Invalid(aliases.not_one_of(value, listing(fact.choices), fact.choices))
            return v

        return parse

    def _extra(self, data: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
        if data and not self.extra_facts:
            for key in data:
                self.problem(f"extra.{field_name(key)}", tr("unknown fact: this scheme reads no extra facts"))
            return ()
        data = self.named(data, self.extra_names, "extra.")
        self.unknown(data, self.extra_facts, "extra.", tr("this scheme's extra facts"), "facts")
        values = {}
        for name, fact in self.extra_facts.items():
            value = self.get(data, name, "extra.", self._fact_parser(fact), required=fact.required)
            if value is not None:
                values[name] = value
        return freeze(values)


def applicant_from_mapping(data: Any, *, file: str, facts: Sequence[Fact] = (),
                           row: int | None = None) -> Applicant:
    """Build an applicant or raise ``InputError`` with every problem found."""
    reader = _Reader(file, facts, row)
    if not isinstance(data, Mapping):
        raise InputError([Problem(file, "", tr("expected a table of applicant fields"), row)])
    applicant = reader.applicant(data)
    if reader.problems or applicant is None:
        raise InputError(reader.problems or [Problem(file, "", tr("no applicant could be read"), row)])
    return applicant


def load_applicant(path: str | Path, facts: Sequence[Fact] = (), as_of: dt.date | None = None) -> Applicant:
    """Read one applicant from a ``.toml`` or ``.json`` file; with ``as_of``, also refuse
    facts that cannot be true on that date (``date_problems``)."""
    p = Path(path)
    name = str(path)
    raw = limits.read_bytes(p)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError([Problem(name, "", tr("is not UTF-8 text"))]) from None
    suffix = p.suffix.lower()
    if suffix == ".toml":
        data: Any = limits.parse_toml(text, name)
    elif suffix == ".json":
        data = limits.parse_json(text, name)
    else:
        raise InputError([Problem(name, "", tr("expected a .toml or .json file"))])
    applicant = applicant_from_mapping(data, file=name, facts=facts)
    if as_of is not None and (problems := date_problems(applicant, as_of, name)):
        raise InputError(problems)
    return applicant


def date_problems(applicant: Applicant, as_of: dt.date, file: str, row: int | None = None) -> list[Problem]:
    """Facts that cannot be true on ``as_of``: a person not yet born.  A profile scored at a
    past date for a what-if must describe the family as it was then.  A birth date read
    from an ID number is not repeated: it is part of the number."""
    out = []
    if applicant.birth > as_of and applicant.id is not None:
        out.append(Problem(file, "id", tr("gives a birth date after --as-of {as_of}: not yet born", as_of=as_of), row))
    elif applicant.birth > as_of:
        out.append(Problem(file, "birth", tr("{birth} is after --as-of {as_of}: not yet born", birth=applicant.birth,
                                             as_of=as_of), row))
    for i, m in enumerate(applicant.family):
        if m.birth is not None and m.birth > as_of:
            out.append(Problem(file, f"family[{i}].birth", tr("{birth} is after --as-of {as_of}: leave this member out"
                                                              " for that date", birth=m.birth, as_of=as_of), row))
    return out
