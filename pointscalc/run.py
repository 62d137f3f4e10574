"""An annual ranking run: read applicants, score the eligible, rank each bucket against its
quota, and write what an office publishes and keeps.

Outputs are byte-identical whatever the order of the input: rows are keyed by applicant,
buckets and applicants are sorted, and nothing depends on time or the machine.  Bad rows
are collected with file, row and field and listed as invalid; ``strict`` aborts instead.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import attrs

from pointscalc import idnumber
from pointscalc.errors import InputError, Problem
from pointscalc.ranking import BucketSummary, Candidate, Placed, Status, cutoff_text, rank_all
from pointscalc.reading import applicant_from_mapping, parse_month
from pointscalc.recognition import Recognition
from pointscalc.scheme import Scheme, Ties, Version
from pointscalc.scoring import assess
from pointscalc.tables import Table, csv_bytes, read_csv, write_all

# Canonical column -> accepted headers (English and the Chinese an office would use).
SCORED_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "身份证号", "身份证号码", "证件号码", "申请编号", "编号"),
    "name": ("name", "姓名"),
    "score": ("score", "total", "积分", "总积分", "分值", "得分"),
    "base": ("base", "基础分"),
    "bucket": ("bucket", "区域", "落户区域", "学校", "target_area"),
    "birth": ("birth", "birth_month", "出生年月", "出生日期"),
    "published_rank": ("published_rank", "rank", "名次", "排名", "序号"),
    "registered": ("registered", "居住登记时间", "办理居住登记时间"),
    "insured": ("insured", "社保月数", "参保月数"),
}

DEFAULT_BUCKET = "all"


class RunError(Exception):
    """A run that cannot go ahead: a quota file that cannot be read, a scheme with no ranking."""


@attrs.frozen
class Row:
    candidate: Candidate
    name: str
    score: Decimal | None
    base: Decimal | None
    published_rank: str = ""
    named: bool = True
    """The key is the applicant's own ID; otherwise it stands for an anonymous row."""


@attrs.frozen
class Outcome:
    placed: list[Placed]
    summaries: list[BucketSummary]
    rows: dict[str, Row]
    problems: list[Problem]
    invalid: list[tuple[str, str]]
    """(applicant ID where known, reasons) for each row left out of the ranking, sorted so
    that results.csv does not depend on where a bad row stood; errors.csv gives the row."""
    ties: Ties


def read_quotas(spec: str) -> tuple[dict[str, int | None], int | None]:
    """``--quota 6000`` (one bucket), or a TOML or CSV file of ``bucket, quota``.

    In a file, an empty quota means an open bucket: every eligible applicant is admitted.
    """
    if spec.strip().isdigit():
        return {}, int(spec)
    path = Path(spec)
    if not path.is_file():
        raise RunError(f"--quota: expected a whole number or a quota file, and {spec!r} is neither")
    quotas: dict[str, int | None] = {}
    if path.suffix.lower() == ".toml":
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise RunError(f"{spec}: not a valid TOML quota file: {e}") from None
        for bucket, value in data.items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise RunError(f"{spec}: {bucket}: expected a whole number of places, got {value!r}")
            quotas[str(bucket)] = value
        return quotas, None
    table = read_csv(path)
    for n, row in table.rows:
        bucket, value = row.get("bucket", ""), row.get("quota", "")
        if not bucket:
            raise RunError(f"{spec}, row {n}: bucket: is required (columns: bucket, quota)")
        if value and not value.isdigit():
            raise RunError(f"{spec}, row {n}: quota: expected a whole number or empty, got {value!r}")
        quotas[bucket] = int(value) if value else None
    return quotas, None


def _columns(table: Table, wanted: dict[str, tuple[str, ...]]) -> tuple[dict[str, str], list[Problem]]:
    """Map each header to its canonical column; an unknown header is a problem."""
    mapping: dict[str, str] = {}
    problems: list[Problem] = []
    for header in table.header:
        canonical = next((c for c, aliases in wanted.items() if header in aliases), None)
        if canonical is None:
            known = ", ".join(a for aliases in wanted.values() for a in aliases[:1])
            problems.append(Problem(table.name, header, f"unknown column; expected some of {known}"))
        elif canonical in mapping.values():
            problems.append(Problem(table.name, header, f"a second column for {canonical}"))
        else:
            mapping[header] = canonical
    return mapping, problems


def _decimal(value: str) -> Decimal:
    try:
        d = Decimal(value)
    except InvalidOperation:
        raise ValueError(f"expected a number, got {value!r}") from None
    if not d.is_finite():
        raise ValueError(f"expected a number, got {value!r}")
    return d


def _rank_parser(name: str) -> Callable[[str], Any]:
    if name in ("total", "base"):
        return _decimal
    if name == "registered":
        return lambda v: parse_month(v)
    return int


def scored_rows(table: Table, version: Version) -> Iterator[tuple[int, Row | None, list[Problem]]]:
    """Rows of a pre-scored table: the score (and tie-break columns) are taken as given."""
    assert version.ranking is not None
    mapping, header_problems = _columns(table, SCORED_COLUMNS)
    if header_problems:
        raise InputError(header_problems)
    if "score" not in mapping.values():
        raise InputError([Problem(table.name, "score", "a pre-scored table needs a score column (积分)")])
    needed = [k.name for k in version.ranking.keys if k.name != "total"]
    missing = [n for n in needed if n not in mapping.values()]
    if missing:
        raise InputError([Problem(table.name, m, f"this scheme ranks by {m}: the column is required")
                          for m in missing])
    for n, raw in table.rows:
        cells = {mapping[h]: v for h, v in raw.items()}
        problems: list[Problem] = []
        values: list[Any] = []
        for key in version.ranking.keys:
            column = "score" if key.name == "total" else key.name
            text = cells.get(column, "")
            if not text:
                problems.append(Problem(table.name, column, "is required", n))
                values.append(None)
                continue
            try:
                values.append(_rank_parser(key.name)(text))
            except Exception as e:  # noqa: BLE001 - each parser says what it expected
                problems.append(Problem(table.name, column, str(e).removeprefix("_Invalid: "), n))
                values.append(None)
        if problems:
            yield n, None, problems
            continue
        score = values[0] if version.ranking.keys[0].name == "total" else None
        base_index = next((i for i, k in enumerate(version.ranking.keys) if k.name == "base"), None)
        key = cells.get("id") or "|".join(f"{c}={v}" for c, v in sorted(cells.items()))
        candidate = Candidate(key, cells.get("bucket") or DEFAULT_BUCKET, True, tuple(values))
        yield n, Row(candidate, cells.get("name", ""), score,
                     values[base_index] if base_index is not None else None,
                     cells.get("published_rank", ""), named="id" in cells and bool(cells["id"])), []


def scored_applicants(path: Path, scheme: Scheme, version: Version, as_of: dt.date,
                      recognition: Recognition) -> Iterator[tuple[int, Row | None, list[Problem]]]:
    """JSON Lines of applicants, scored here: one applicant per line, in the schema of
    docs/input-format.md, with an optional ``bucket``."""
    name = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as e:
        raise InputError([Problem(name, "", f"cannot be read: {e.strerror}")]) from None
    except UnicodeDecodeError:
        raise InputError([Problem(name, "", "is not UTF-8 text")]) from None
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line, parse_float=Decimal)
        except json.JSONDecodeError as e:
            yield n, None, [Problem(name, "", f"is not valid JSON: {e.msg}", n)]
            continue
        bucket = data.pop("bucket", None) if isinstance(data, dict) else None
        try:
            applicant = applicant_from_mapping(data, file=name, facts=version.facts, row=n)
        except InputError as e:
            yield n, None, e.problems
            continue
        result = assess(scheme, version, applicant, as_of, score_ineligible=False, recognition=recognition,
                        explain=False)
        values = result.rank_values
        settles = bool(result.settles_by)
        key = applicant.id or f"row-{n:08d}"
        reason = "; ".join(f"{c.label.en} ({c.citation})" for c in result.failed)
        if bucket is None and any(f.name == "target_area" for f in version.facts):
            bucket = applicant.fact("target_area")
        candidate = Candidate(key, str(bucket or DEFAULT_BUCKET), result.eligible or settles,
                              values or tuple(None for _ in (version.ranking.keys if version.ranking else ())),
                              "" if result.eligible else reason)
        yield n, Row(candidate, applicant.name or "", result.total, result.base, named=applicant.id is not None), []


def rank_run(scheme: Scheme, version: Version, source: Iterator[tuple[int, Row | None, list[Problem]]],
             quotas: dict[str, int | None], default_quota: int | None, *, file: str,
             ties: Ties | None = None) -> Outcome:
    if version.ranking is None:
        raise RunError(f"scheme {scheme.key!r} version {version.label} declares no ranking")
    problems: list[Problem] = []
    good: list[tuple[int, Row]] = []
    for n, row, row_problems in source:
        problems.extend(row_problems)
        if row is not None:
            good.append((n, row))
    named = Counter(r.candidate.key for _, r in good if r.named)
    rows: dict[str, Row] = {}
    for n, row in good:
        key = row.candidate.key
        if row.named and named[key] > 1:
            problems.append(Problem(file, "id", "the same applicant ID appears on more than one row", n))
            continue
        copies = 1
        while key in rows:  # identical anonymous rows cannot be told apart: keep each
            copies += 1
            key = f"{row.candidate.key}#{copies}"
        rows[key] = attrs.evolve(row, candidate=attrs.evolve(row.candidate, key=key))
    by_row: dict[tuple[str, int], list[Problem]] = {}
    for q in problems:
        by_row.setdefault((q.file, q.row or 0), []).append(q)
    invalid = sorted(
        ("", "; ".join(f"{q.field}: {q.message}" if q.field else q.message for q in qs))
        for qs in by_row.values()
    )
    policy = ties or version.ranking.ties
    placed, summaries = rank_all((r.candidate for r in rows.values()), version.ranking.keys, policy,
                                 quotas, default_quota)
    return Outcome(placed, summaries, rows, problems, invalid, policy)


def outputs(outcome: Outcome) -> dict[str, bytes]:
    """results.csv, public.csv, summary.csv, errors.csv, as bytes."""
    results = []
    public = []
    for p in outcome.placed:
        row = outcome.rows[p.candidate.key]
        shown_id = row.candidate.key if row.named else ""
        results.append([shown_id, row.name, p.candidate.bucket, p.status.value, p.rank or "",
                        row.score if row.score is not None else "", row.base if row.base is not None else "",
                        row.published_rank, p.candidate.reason])
        if p.status is Status.ADMITTED:
            public.append([p.rank, idnumber.mask_name(row.name), idnumber.mask(shown_id) if shown_id else "",
                           row.score if row.score is not None else "", p.candidate.bucket])
    for shown, reason in outcome.invalid:
        results.append([shown, "", "", Status.INVALID.value, "", "", "", "", reason])
    summary = [[s.bucket, s.applicants, s.eligible, "" if s.quota is None else s.quota, s.admitted,
                cutoff_text(s.cutoff), s.tied_at_cutoff] for s in outcome.summaries]
    errors = [[q.file, q.row or "", q.field, q.message]
              for q in sorted(outcome.problems, key=lambda q: (q.file, q.row or 0, q.field))]
    return {
        "results.csv": csv_bytes(
            ["id", "name", "bucket", "status", "rank", "score", "base", "published_rank", "reason"], results,
            neutralise=[True, True, True, False, False, False, False, True, True]),
        "public.csv": csv_bytes(["rank", "name", "id", "score", "bucket"], public,
                                neutralise=[False, True, True, False, True]),
        "summary.csv": csv_bytes(
            ["bucket", "applicants", "eligible", "quota", "admitted", "cutoff", "tied_at_cutoff"], summary,
            neutralise=[True, False, False, False, False, False, False]),
        "errors.csv": csv_bytes(["file", "row", "field", "message"], errors,
                                neutralise=[True, False, True, True]),
    }


def write(outcome: Outcome, directory: Path) -> None:
    write_all(directory, outputs(outcome))
