"""A JSON Schema of the applicant file, generated from the reader itself.

Editors validate a profile as it is typed, and other systems check what they send, against the
same rules ``pointscalc.reading`` applies: the fields, each period kind's and record kind's
attributes, the closed sets with their Chinese names, and every extra fact some shipped scheme
reads.  The schema is derived from the reader's own tables, so it cannot drift from them; the
reader still has the last word (a check digit, a district of a city, a date that exists).

A field may be named in English or in Chinese (``aliases``): the schema lists both names, and
refuses a field given under two of them, as the reader does.  Titles and descriptions follow
``--lang``; keys and codes stay as they are.
"""

from __future__ import annotations

import inspect
import itertools
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from pointscalc import aliases, i18n, reading
from pointscalc.i18n import N_, tr
from pointscalc.model import Choice, Degree, Diploma, PeriodKind, Qualification, RecordKind, Relation, Sex, Title
from pointscalc.scheme import Fact

DIALECT = "https://json-schema.org/draft/2020-12/schema"
MONTH_PATTERN = r"^\d{4}(-\d{1,2}|年\d{1,2}月)$"


def _month(description: str = N_("YYYY-MM, or YYYY年M月")) -> dict[str, Any]:
    return {"type": "string", "pattern": MONTH_PATTERN, "description": tr(description)}


def _date() -> dict[str, Any]:
    return {"type": "string", "pattern": r"^\d{4}(-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日)$",
            "description": tr("YYYY-MM-DD, or YYYY年M月D日")}


def _number() -> dict[str, Any]:
    return {"type": ["number", "string"], "description": tr("a decimal number, as a number or a string")}


def _whole() -> dict[str, Any]:
    return {"type": ["integer", "string"], "description": tr("a whole number")}


def _boolean() -> dict[str, Any]:
    return {"type": ["boolean", "string"], "description": tr("true or false (是/否, yes/no, 1/0 are accepted)")}


def _text(description: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "string", "minLength": 1}
    if description is not None:
        out["description"] = tr(description)
    return out


def _city() -> dict[str, Any]:
    return _text(N_("a prefecture-level city: 苏州, 苏州市 or unambiguous pinyin"))


def choice(cls: type[Choice]) -> dict[str, Any]:
    names = [alias for m in cls for alias in m.aliases]
    return {"type": "string", "enum": list(dict.fromkeys(names)),
            "description": i18n.pick("; ", "；").join(tr("{code} ({name})", code=m.code, name=m.zh) for m in cls)}


_PLAIN: dict[Callable[..., Any], Callable[[], dict[str, Any]]] = {
    reading._bool: _boolean,
    reading._decimal: _number,
    reading._int: _whole,
    reading._text: _text,
    reading._city: _city,
    reading.parse_date: _date,
    reading.parse_month: _month,
}


def value_schema(parse: Callable[[Any], Any]) -> dict[str, Any]:
    """The schema of what a reader's parser accepts: a plain parser, a closed set, or a list of codes."""
    if parse in _PLAIN:
        return _PLAIN[parse]()
    free = inspect.getclosurevars(parse).nonlocals
    if isinstance(free.get("cls"), type) and issubclass(free["cls"], Choice):
        return choice(free["cls"])
    if isinstance(free.get("codes"), tuple):
        return {"type": "string", "enum": list(free["codes"])}
    if callable(free.get("parse")) and "low" in free and "high" in free:  # reading._within: a plausible range
        inner = value_schema(free["parse"])
        low_key = "exclusiveMinimum" if free.get("low_open") else "minimum"
        why = tr(free["why"]) if free.get("why") else ""
        return {**inner, low_key: int(free["low"]), "maximum": int(free["high"]),
                "description": i18n.pick("; ", "；").join(d for d in (inner.get("description", ""), why) if d)}
    raise ValueError(f"no schema for the parser {parse.__qualname__}")


def _said(text: Any) -> str:
    """A scheme's text in the user's language: a ``Text`` carries both, a plain string one."""
    return text(i18n.current()) if callable(text) else str(text)


def fact_schema(fact: Fact) -> dict[str, Any]:
    base = {bool: _boolean, int: _whole, Decimal: _number}.get(fact.type, _text)()
    out = {**base, "description": _said(fact.description)}
    if fact.choices:
        out["enum"] = list(fact.choices)
    return out


class _Builder:
    """Objects whose fields may also go by their Chinese names.  A field with other names is
    described once, in ``$defs``, and each name refers to it: the schema stays the size it
    would be without them."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def _shared(self, key: str, schema: dict[str, Any]) -> dict[str, Any]:
        name = key
        for n in itertools.count(2):
            if self.defs.setdefault(name, schema) == schema:
                return {"$ref": f"#/$defs/{name}"}
            name = f"{key}.{n}"
        raise AssertionError  # itertools.count never ends

    def object(self, properties: dict[str, Any], required: Sequence[str] = (), scope: str | None = None
               ) -> dict[str, Any]:
        """An object of these fields, each also by its Chinese names in ``scope``: one name per field."""
        props: dict[str, Any] = {}
        rules: list[dict[str, Any]] = []
        plain: list[str] = []
        for field, schema in properties.items():
            names = (field, *aliases.of(scope, field)) if scope is not None else (field,)
            if len(names) == 1:
                props[field] = schema
                if field in required:
                    plain.append(field)
                continue
            shared = self._shared(f"{scope or 'applicant'}.{field}", schema)
            props.update((n, shared) for n in names)
            rules.append({"not": {"anyOf": [{"required": list(pair)} for pair in itertools.combinations(names, 2)]}})
            if field in required:
                rules.append({"anyOf": [{"required": [n]} for n in names]})
        out: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
        if plain:
            out["required"] = plain
        if rules:
            out["allOf"] = rules
        return out


def _attributes(table: dict[Any, dict[str, tuple[Callable[[Any], Any], bool]]], key: Any,
                extra: dict[str, Fact]) -> tuple[dict[str, Any], list[str]]:
    props = {name: value_schema(parse) for name, (parse, _) in table.get(key, {}).items()}
    required = [name for name, (_, needed) in table.get(key, {}).items() if needed]
    for name, fact in extra.items():
        props[name] = fact_schema(fact)
        if fact.required:
            required.append(name)
    return props, required


def _kind(kind: Choice) -> dict[str, Any]:
    return {"enum": list(dict.fromkeys(kind.aliases))}


def applicant_schema(facts: Sequence[Fact] = ()) -> dict[str, Any]:
    """The schema of one applicant; ``facts`` are the extra facts to allow (every scheme's, for
    a profile that ``check`` reads against every city)."""
    build = _Builder()
    period_facts: dict[PeriodKind, dict[str, Fact]] = {}
    for f in facts:
        if f.period_kind is not None:
            period_facts.setdefault(f.period_kind, {})[f.name] = f
    periods = []
    for kind in PeriodKind:
        props, required = _attributes(reading.PERIOD_ATTRIBUTES, kind, period_facts.get(kind, {}))
        common = {"kind": _kind(kind), "city": _city(),
                  "district": _text(N_("a district of the city (checked for the cities pointscalc knows)")),
                  "start": _month(), "end": _month(N_("the last month covered, inclusive"))}
        periods.append(build.object({**common, **props}, ["kind", "city", "start", *required], "periods"))
    records = []
    for rkind in RecordKind:
        props, required = _attributes(reading.RECORD_ATTRIBUTES, rkind, {})
        records.append(build.object({"kind": _kind(rkind), "date": _date(), **props}, ["kind", "date", *required],
                               "records"))
    member = build.object({"relation": choice(Relation), "birth": {"type": "string"}, "married": _boolean(),
                      "moves": _boolean(), "lives_with": _boolean()}, ["relation"], "family")
    extra = {f.name: fact_schema(f) for f in facts if f.period_kind is None}
    top = {
        "id": {"type": "string", "description": tr("resident ID number (18 characters, GB 11643); personal data")},
        "name": {"type": "string", "description": tr("personal data: never scored, never printed")},
        "birth": {"type": "string", "pattern": r"^\d{4}(-\d{1,2}(-\d{1,2})?|年\d{1,2}月(\d{1,2}日)?)$",
                  "description": tr("YYYY-MM-DD, or YYYY-MM when only the month is known; or YYYY年M月D日, YYYY年M月")},
        "sex": choice(Sex),
        "education": build.object({"diploma": choice(Diploma), "degree": choice(Degree)}, scope="education"),
        "qualification": choice(Qualification),
        "title": choice(Title),
        "origin": build.object({"city": _city(), "province": _text(), "rural": _boolean()}, scope="origin"),
        "family": {"type": "array", "items": member},
        "records": {"type": "array", "items": {"oneOf": records}},
        "periods": {"type": "array", "items": {"oneOf": periods}},
        "extra": build.object(extra, scope="facts"),
    }
    missing = set(reading.TOP_LEVEL) - set(top)
    if missing:  # the reader learnt a field this schema does not describe
        raise ValueError(f"the schema does not describe {sorted(missing)}")
    identified = [n for field in ("birth", "id") for n in (field, *aliases.of("", field))]
    body = build.object(top, scope="")
    return {
        "$schema": DIALECT,
        "title": tr("pointscalc applicant"),
        "description": tr("One applicant, as `pointscalc score`, `check` and `plan` read it (docs/input-format.md)."),
        **body,
        "anyOf": [{"required": [n]} for n in identified],
        "$defs": build.defs,
    }
