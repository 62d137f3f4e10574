"""Building applicants the way a user writes them, so tests exercise the real reader."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from pointscalc import registry
from pointscalc.model import Applicant
from pointscalc.reading import applicant_from_mapping
from pointscalc.scoring import Assessment, assess


def applicant(data: dict[str, Any], scheme: str, as_of: dt.date) -> Applicant:
    version = registry.load(scheme).version_for(as_of)
    return applicant_from_mapping(data, file="<test>", facts=version.facts)


def score(scheme: str, data: dict[str, Any], as_of: str | dt.date) -> Assessment:
    day = dt.date.fromisoformat(as_of) if isinstance(as_of, str) else as_of
    s = registry.load(scheme)
    version = s.version_for(day)
    return assess(s, version, applicant_from_mapping(data, file="<test>", facts=version.facts), day)


def points(a: Assessment) -> dict[str, Decimal]:
    return {ln.key: ln.points for ln in a.lines}


def period(kind: str, city: str, start: str, end: str | None = None, **attrs: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": kind, "city": city, "start": start, **attrs}
    if end is not None:
        out["end"] = end
    return out
