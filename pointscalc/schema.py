"""A JSON Schema of the applicant file, generated from the reader itself.

Editors validate a profile as it is typed, and other systems check what they send, against the
same rules ``pointscalc.reading`` applies: the fields, each period kind's and record kind's
attributes, the closed sets with their Chinese names, and every extra fact some shipped scheme
reads.  The schema is derived from the reader's own tables, so it cannot drift from them; the
reader still has the last word (a check digit, a district of a city, a date that exists).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from pointscalc import reading
from pointscalc.model import Choice, Degree, Diploma, PeriodKind, Qualification, RecordKind, Relation, Sex, Title
from pointscalc.scheme import Fact

DIALECT = "https://json-schema.org/draft/2020-12/schema"
MONTH = {"type": "string", "pattern": r"^\d{4}-\d{1,2}$", "description": "YYYY-MM"}
DATE = {"type": "string", "pattern": r"^\d{4}-\d{1,2}-\d{1,2}$", "description": "YYYY-MM-DD"}
NUMBER = {"type": ["number", "string"], "description": "a decimal number, as a number or a string"}
WHOLE = {"type": ["integer", "string"], "description": "a whole number"}
BOOLEAN = {"type": ["boolean", "string"], "description": "true or false (是/否, yes/no, 1/0 are accepted)"}
TEXT = {"type": "string", "minLength": 1}


def choice(cls: type[Choice]) -> dict[str, Any]:
    names = [alias for m in cls for alias in m.aliases]
    return {"type": "string", "enum": list(dict.fromkeys(names)),
            "description": "; ".join(f"{m.code} ({m.zh})" for m in cls)}


_PLAIN: dict[Callable[..., Any], dict[str, Any]] = {
    reading._bool: BOOLEAN,
    reading._decimal: NUMBER,
    reading._int: WHOLE,
    reading._text: TEXT,
    reading._city: {**TEXT, "description": "a prefecture-level city: 苏州, 苏州市 or unambiguous pinyin"},
    reading.parse_date: DATE,
    reading.parse_month: MONTH,
}


def value_schema(parse: Callable[[Any], Any]) -> dict[str, Any]:
    """The schema of what a reader's parser accepts: a plain parser, a closed set, or a list of codes."""
    if parse in _PLAIN:
        return dict(_PLAIN[parse])
    free = inspect.getclosurevars(parse).nonlocals
    if isinstance(free.get("cls"), type) and issubclass(free["cls"], Choice):
        return choice(free["cls"])
    if isinstance(free.get("codes"), tuple):
        return {"type": "string", "enum": list(free["codes"])}
    if callable(free.get("parse")) and "low" in free and "high" in free:  # reading._within: a plausible range
        inner = value_schema(free["parse"])
        low_key = "exclusiveMinimum" if free.get("low_open") else "minimum"
        return {**inner, low_key: int(free["low"]), "maximum": int(free["high"]),
                "description": f"{inner.get('description', '')}; {free.get('why', '')}".strip("; ")}
    raise ValueError(f"no schema for the parser {parse.__qualname__}")


def fact_schema(fact: Fact) -> dict[str, Any]:
    base = {bool: BOOLEAN, int: WHOLE, Decimal: NUMBER}.get(fact.type, TEXT)
    out = {**base, "description": fact.description.said()}
    if fact.choices:
        out["enum"] = list(fact.choices)
    return out


def _object(properties: dict[str, Any], required: Sequence[str] = ()) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        out["required"] = list(required)
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
    period_facts: dict[PeriodKind, dict[str, Fact]] = {}
    for f in facts:
        if f.period_kind is not None:
            period_facts.setdefault(f.period_kind, {})[f.name] = f
    periods = []
    for kind in PeriodKind:
        props, required = _attributes(reading.PERIOD_ATTRIBUTES, kind, period_facts.get(kind, {}))
        common = {"kind": _kind(kind), "city": value_schema(reading._city),
                  "district": {**TEXT, "description": "a district of the city (checked for the cities pointscalc knows)"},
                  "start": MONTH, "end": {**MONTH, "description": "the last month covered, inclusive"}}
        periods.append(_object({**common, **props}, ["kind", "city", "start", *required]))
    records = []
    for rkind in RecordKind:
        props, required = _attributes(reading.RECORD_ATTRIBUTES, rkind, {})
        records.append(_object({"kind": _kind(rkind), "date": DATE, **props}, ["kind", "date", *required]))
    member = _object({"relation": choice(Relation), "birth": {"type": "string"}, "married": BOOLEAN,
                      "moves": BOOLEAN, "lives_with": BOOLEAN}, ["relation"])
    extra = {f.name: fact_schema(f) for f in facts if f.period_kind is None}
    top = {
        "id": {"type": "string", "description": "resident ID number (18 characters, GB 11643); personal data"},
        "name": {"type": "string", "description": "personal data: never scored, never printed"},
        "birth": {"type": "string", "pattern": r"^\d{4}-\d{1,2}(-\d{1,2})?$",
                  "description": "YYYY-MM-DD, or YYYY-MM when only the month is known"},
        "sex": choice(Sex),
        "education": _object({"diploma": choice(Diploma), "degree": choice(Degree)}),
        "qualification": choice(Qualification),
        "title": choice(Title),
        "origin": _object({"city": value_schema(reading._city), "province": TEXT, "rural": BOOLEAN}),
        "family": {"type": "array", "items": member},
        "records": {"type": "array", "items": {"oneOf": records}},
        "periods": {"type": "array", "items": {"oneOf": periods}},
        "extra": _object(extra),
    }
    missing = set(reading.TOP_LEVEL) - set(top)
    if missing:  # the reader learnt a field this schema does not describe
        raise ValueError(f"the schema does not describe {sorted(missing)}")
    return {
        "$schema": DIALECT,
        "title": "pointscalc applicant",
        "description": "One applicant, as `pointscalc score`, `check` and `plan` read it (docs/input-format.md).",
        **_object(top),
        "anyOf": [{"required": ["birth"]}, {"required": ["id"]}],
    }
