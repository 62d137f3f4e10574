"""Quotas as a closed world: every bucket with eligible applicants has a stated quota.

A hole in a quota file must never admit a whole bucket: an office that forgets a line, or
misspells 昆山 as 昆山市, gets an error naming the bucket, not a list with everyone on it.
A bucket is open (every eligible applicant admitted) only where the file says ``open``.

``--quota N`` is N places in total, so it only makes sense for a run with one bucket: it is
refused for a scheme whose ranking declares buckets, and for an input that has buckets.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs

from pointscalc import limits
from pointscalc.aliases import did_you_mean, nearest
from pointscalc.errors import InputError, describe
from pointscalc.i18n import N_, listing, pick, tr
from pointscalc.tables import Table, read_csv

OPEN = "open"
"""The value that opens a bucket, in TOML (``"市区" = "open"``) and CSV."""
OPEN_ALIASES = (OPEN, "开放")
"""``open``, or 开放 as a Chinese office writes it."""

BUCKET_HEADERS = ("bucket", "区域", "落户区域", "学校", "target_area")
QUOTA_HEADERS = ("quota", "名额", "指标")


class QuotaError(Exception):
    """A quota that cannot be used: the run stops and writes nothing."""


@attrs.frozen
class Quotas:
    source: str
    """``--quota`` for a number, or the quota file's path: named in every message."""
    places: dict[str, int | None]
    """Places by bucket; ``None`` where the file says ``open``."""
    total: int | None = None
    """``--quota N``: N places in total, for a run with one bucket."""


def read_quotas(spec: str) -> Quotas:
    """``--quota 6000``, or a TOML or CSV quota file (docs/running-a-round.md#quotas)."""
    text = spec.strip()
    if text.isascii() and text.isdigit():
        return Quotas("--quota", {}, _whole(text, "--quota"))
    path = Path(spec)
    if path.suffix.lower() in (".toml", ".csv") and not path.is_file():
        # A file name the user meant as a file: say that it is not there, not what --quota takes.
        raise QuotaError(tr("--quota {file}: no such file", file=spec))
    if not path.is_file():
        raise QuotaError(tr("--quota: expected a whole number of places or the path of a quota file (.toml or .csv),"
                            " and this is neither"))
    if path.suffix.lower() == ".toml":
        return Quotas(spec, _from_toml(path, spec))
    if path.suffix.lower() == ".csv":
        try:
            table = read_csv(path)
        except InputError as e:
            raise QuotaError(str(e.problems[0])) from None
        return Quotas(spec, _from_csv(table, spec))
    raise QuotaError(_at(spec, tr("expected a quota file ending in .toml or .csv")))


def _whole(value: object, where: str) -> int:
    try:
        return limits.whole(value)
    except ValueError as e:
        raise QuotaError(_at(where, str(e))) from None


def _places(value: object, where: str) -> int | None:
    if isinstance(value, str) and value.strip().lower() in OPEN_ALIASES:
        return None
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return _whole(value.strip(), _at(where, tr("quota")))
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return _whole(value, _at(where, tr("quota")))
    if value == "" or value is None:
        raise QuotaError(_at(where, tr("quota"), tr("is empty; write a whole number of places, or {open} for a bucket"
                                                     " that admits every eligible applicant", open=_open())))
    raise QuotaError(_at(where, tr("quota"), tr("expected a whole number of places (0 or more) or {open}, got {got}",
                                                open=_open(), got=describe(value))))


def _from_toml(path: Path, spec: str) -> dict[str, int | None]:
    try:
        data = limits.parse_toml(path.read_bytes().decode("utf-8-sig"), spec)
    except UnicodeDecodeError:
        raise QuotaError(_at(spec, tr("is not UTF-8 text"))) from None
    except InputError as e:
        raise QuotaError(str(e.problems[0])) from None
    if not data:
        raise QuotaError(_at(spec, tr("is empty; expected one line per bucket, such as {example}",
                                      example='"市区" = 3000')))
    out: dict[str, int | None] = {}
    for bucket, value in data.items():
        name = bucket.strip()
        if not name:
            raise QuotaError(_at(spec, tr("a bucket has an empty name")))
        if name in out:
            raise QuotaError(_at(spec, _bucket(name), tr("is given twice")))
        if isinstance(value, dict | list):
            raise QuotaError(_at(spec, _bucket(name), tr("expected a whole number of places or {open}, got {got}",
                                                         open=_open(), got=describe(value))))
        out[name] = _places(value, _at(spec, _bucket(name)))
    return out


def _from_csv(table: Table, spec: str) -> dict[str, int | None]:
    if table.problems:
        raise QuotaError(str(table.problems[0]))
    columns: dict[str, str] = {}
    for i, header in enumerate(table.header, start=1):
        if header in BUCKET_HEADERS and "bucket" not in columns:
            columns["bucket"] = header
        elif header in QUOTA_HEADERS and "quota" not in columns:
            columns["quota"] = header
        else:
            raise QuotaError(_at(spec, tr("column {i} of the header row is not a quota column{hint}: expected the"
                                          " header bucket,quota (or {buckets} and {quotas}); is the header row"
                                          " missing?", i=i, hint=did_you_mean(header, BUCKET_HEADERS + QUOTA_HEADERS),
                                          buckets="/".join(BUCKET_HEADERS[1:4]), quotas="/".join(QUOTA_HEADERS[1:]))))
    missing = [c for c in ("bucket", "quota") if c not in columns]
    if missing:
        raise QuotaError(_at(spec, tr("the header row has no {columns} column: expected the header bucket,quota",
                                      columns=tr(" and no ").join(tr(c) for c in missing))))
    if not table.rows:
        raise QuotaError(_at(spec, tr("has a header and no buckets; expected one row per bucket")))
    out: dict[str, int | None] = {}
    for n, row in table.rows:
        bucket = row[columns["bucket"]]
        where = tr("{file}, row {row}", file=spec, row=n)
        if not bucket:
            raise QuotaError(_at(where, tr("bucket"), tr("is empty")))
        if bucket in out:
            raise QuotaError(_at(where, _bucket(bucket), tr("is given twice")))
        out[bucket] = _places(row[columns["quota"]], where)
    return out


def resolve(quotas: Quotas, eligible: Mapping[str, int], present: Sequence[str], declared: Sequence[str],
            *, default_bucket: str) -> dict[str, int | None]:
    """The quota of each bucket for a run (``None`` where open), or ``QuotaError``.

    ``eligible`` counts eligible applicants by bucket; ``present`` is every bucket in the
    input; ``declared`` the buckets the scheme's ranking knows (empty where it declares
    none: then the known buckets are those of the input).
    """
    if quotas.total is not None:
        if declared:
            raise QuotaError(tr("--quota {n}: a number is places in total, and this ranking has a quota per bucket"
                                " ({buckets}); pass a quota file instead, one line per bucket, such as {example}",
                                n=quotas.total, buckets=_listing(declared), example=f'"{declared[0]}" = {quotas.total}'))
        others = sorted(b for b in present if b != default_bucket)
        if others:
            raise QuotaError(tr("--quota {n}: a number is places in total, and the input has buckets ({buckets});"
                                " pass a quota file instead, one line per bucket", n=quotas.total,
                                buckets=_listing(others)))
        return {default_bucket: quotas.total}
    known = list(declared) or sorted(set(present))
    for bucket in sorted(quotas.places):
        if bucket not in known:
            near = nearest(bucket, known, most=3)
            hint = tr("did you mean {names}?", names=tr(" or ").join(map(_shown, near))) if near \
                else tr("known buckets: {buckets}", buckets=_listing(known))
            whose = tr("not a bucket of this scheme's ranking") if declared else tr("not a bucket of the input")
            raise QuotaError(_at(quotas.source, _bucket(bucket), tr("{what}; {hint}", what=whose, hint=hint)))
    uncovered = sorted(b for b, n in eligible.items() if n and b not in quotas.places)
    if uncovered:
        template = N_("no quota for {buckets}, which has eligible applicants; give each bucket a number of places,"
                      " or {open} to admit every eligible applicant") if len(uncovered) == 1 else \
            N_("no quota for {buckets}, which have eligible applicants; give each bucket a number of places,"
               " or {open} to admit every eligible applicant")
        raise QuotaError(_at(quotas.source, tr(template, buckets=_listing(uncovered), open=_open())))
    # A bucket with nobody eligible and no quota has nothing to admit: 0 places, not open.
    return {**{b: 0 for b in present}, **quotas.places}


def _shown(name: str) -> str:
    """A bucket name for a message.  One with a run of six digits may be an ID number in a
    swapped column: it is described, not shown."""
    return describe(name) if _DIGITS.search(name) else name


def _listing(names: Sequence[str], most: int = 8) -> str:
    shown = listing(_shown(n) for n in names[:most])
    return shown + (tr(" and {n} more", n=len(names) - most) if len(names) > most else "")


def _open() -> str:
    """The word that opens a bucket, as the user's language writes it (both are accepted)."""
    return pick(OPEN, OPEN_ALIASES[1])


def _bucket(name: str) -> str:
    return tr("bucket {name}", name=_shown(name))


def _at(*parts: str) -> str:
    """A message's parts, from where to what, joined as the language joins them (``a: b``)."""
    return tr(": ").join(parts)


_DIGITS = re.compile(r"[0-9０-９]{6}")
