"""An annual ranking run: read applicants, score the eligible, rank each bucket against its
quota, and write what an office publishes and keeps.

Outputs are byte-identical whatever the order of the input: rows are keyed by applicant,
buckets and applicants are sorted, and nothing depends on time or the machine.  Bad rows
are collected with file, row and field and listed as invalid; ``strict`` aborts instead.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing as mp
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import attrs

from pointscalc import idnumber
from pointscalc.errors import InputError, Problem
from pointscalc.ranking import (
    BucketSummary,
    Candidate,
    Placed,
    Status,
    cutoff_text,
    rank_all,
    score_index,
)
from pointscalc.reading import applicant_from_mapping, parse_month
from pointscalc.recognition import Recognition
from pointscalc.rules import Score
from pointscalc.scheme import RankKey, Scheme, Ties, Version
from pointscalc.scoring import assess
from pointscalc.tables import Table, as_columns, csv_columns, read_csv, write_all, xlsx_bytes

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
    "other_score": ("other_score", "另一方积分", "配偶积分"),
    "priority": ("priority", "优先群体", "优先"),
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

    def columns(self) -> dict[str, _Table]:
        """Each output as header, columns, and which columns hold user text."""
        return {name: (header, as_columns(rows, len(header)), n) for name, (header, rows, n) in _tables(self).items()}


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


def _parse_bool(value: str) -> bool:
    text = value.strip().lower()
    if text in ("true", "yes", "1", "是"):
        return True
    if text in ("false", "no", "0", "否"):
        return False
    raise ValueError(f"expected true or false, got {value!r}")


def _rank_parser(name: str) -> Callable[[str], Any]:
    if name in ("total", "base", "other_score"):
        return _decimal
    if name == "priority":
        return lambda v: int(_parse_bool(v))
    if name == "registered":
        # A spreadsheet date cell arrives as YYYY-MM-DD: its month is the registration month.
        return lambda v: parse_month(v[:7] if len(v) == 10 else v)
    return int


def children_ranking(version: Version) -> Version:
    """The version's ranking for children's places: the higher parent's score, then the
    other parent's, then the scheme's own tie-breaks (read from the row's columns)."""
    ranking = version.ranking
    if ranking is None or ranking.family_rule is None:
        raise RunError(f"version {version.label} declares no family rule for ranking children")
    other = RankKey("other_score", Score("other"))
    at = score_index(ranking.keys)
    keys = (*ranking.keys[: at + 1], other, *ranking.keys[at + 1 :])
    return attrs.evolve(version, ranking=attrs.evolve(ranking, keys=keys))


def scored_rows(table: Table, version: Version, *, children: bool = False
                ) -> Iterator[tuple[int, Row | None, list[Problem]]]:
    """Rows of a pre-scored table: the score (and tie-break columns) are taken as given.

    With ``children``, each row is a child: ``score`` and ``other_score`` are the two
    parents' points, and the higher one counts (see ``children_ranking``)."""
    assert version.ranking is not None
    mapping, header_problems = _columns(table, SCORED_COLUMNS)
    if header_problems:
        raise InputError(header_problems)
    if "score" not in mapping.values():
        raise InputError([Problem(table.name, "score", "a pre-scored table needs a score column (积分)")])
    # For children only the two parents' scores are required: the scheme's further tie-breaks
    # may be absent, and an absent value ranks last among equals.
    needed = ["other_score"] if children else [k.name for k in version.ranking.keys if k.name != "total"]
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
                if column == "score" or column in needed:
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
        at = score_index(version.ranking.keys)
        if children:
            values[at], values[at + 1] = max(values[at], values[at + 1]), min(values[at], values[at + 1])
        score = values[at] if version.ranking.keys[at].name == "total" else None
        base_index = next((i for i, k in enumerate(version.ranking.keys) if k.name == "base"), None)
        key = cells.get("id") or "|".join(f"{c}={v}" for c, v in sorted(cells.items()))
        candidate = Candidate(key, cells.get("bucket") or DEFAULT_BUCKET, True, tuple(values))
        yield n, Row(candidate, cells.get("name", ""), score,
                     values[base_index] if base_index is not None else None,
                     cells.get("published_rank", ""), named="id" in cells and bool(cells["id"])), []


APPLICANT_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "身份证号", "身份证号码", "证件号码"),
    "name": ("name", "姓名"),
    "birth": ("birth", "出生日期", "出生年月"),
    "sex": ("sex", "性别"),
    "diploma": ("diploma", "学历"),
    "degree": ("degree", "学位"),
    "qualification": ("qualification", "职业资格", "技能等级"),
    "title": ("title", "职称"),
    "bucket": ("bucket", "区域", "学校"),
    "origin_city": ("origin_city", "户籍地"),
    "origin_province": ("origin_province", "户籍省份"),
    "rural": ("rural", "农业户口"),
}

PERIOD_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "身份证号", "身份证号码", "证件号码"),
    "kind": ("kind", "类型"),
    "city": ("city", "城市"),
    "district": ("district", "区县"),
    "start": ("start", "开始", "起始年月"),
    "end": ("end", "结束", "截止年月"),
    "scheme": ("scheme", "险种"),
    "tenure": ("tenure", "住房性质"),
    "area": ("area", "面积"),
    "diploma": ("diploma", "学历"),
    "sector": ("sector", "行业"),
}

FAMILY_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": PERIOD_COLUMNS["id"],
    "relation": ("relation", "关系", "与申请人关系"),
    "birth": ("birth", "出生日期", "出生年月"),
    "married": ("married", "已婚", "婚否"),
    "moves": ("moves", "随迁"),
    "lives_with": ("lives_with", "共同居住"),
}

RECORD_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": PERIOD_COLUMNS["id"],
    "kind": ("kind", "类型"),
    "date": ("date", "日期"),
    "level": ("level", "级别"),
    "title": ("title", "称号"),
    "qualifying": ("qualifying", "符合条件"),
    "amount": ("amount", "金额"),
    "category": ("category", "类别"),
    "years": ("years", "年限"),
    "type": ("type", "违法类型"),
    "city": ("city", "城市"),
}
"""The attributes of every record kind (``reading.RECORD_ATTRIBUTES``), as columns."""

KEYED = ("periods", "family", "records")
"""Tables keyed by applicant ID that a flat applicants table may come with."""

_NESTED = {"diploma": "education", "degree": "education", "origin_city": "origin",
           "origin_province": "origin", "rural": "origin"}


def _with_facts(columns: dict[str, tuple[str, ...]], version: Version, periods: bool) -> dict[str, tuple[str, ...]]:
    out = dict(columns)
    for fact in version.facts:
        if (fact.period_kind is not None) == periods:
            out.setdefault(fact.name, (fact.name,))
    return out


Where = dict[str, tuple[str, list[int]]]
"""For each keyed table an applicant's rows came from: its file, and the row of each."""

Source = Iterator[tuple[int, str, Any, list[Problem], "Where | None"]]
"""(row, file, applicant mapping or None, problems, where its periods, family and records came from)."""


def applicant_data(cells: dict[str, str], extra_names: set[str]) -> dict[str, Any]:
    """A flat row's cells as the nested mapping ``applicant_from_mapping`` reads."""
    data: dict[str, Any] = {}
    for column, value in cells.items():
        if column in _NESTED:
            data.setdefault(_NESTED[column], {})[column.removeprefix("origin_")] = value
        elif column in extra_names:
            data.setdefault("extra", {})[column] = value
        else:
            data[column] = value
    return data


def keyed_columns(key: str, version: Version) -> dict[str, tuple[str, ...]]:
    """The columns a keyed table may have: ``periods`` takes the version's period facts."""
    if key == "periods":
        return _with_facts(PERIOD_COLUMNS, version, periods=True)
    return FAMILY_COLUMNS if key == "family" else RECORD_COLUMNS


def _keyed(key: str, table: Table, version: Version
           ) -> tuple[dict[str, list[tuple[int, dict[str, str]]]], list[Problem]]:
    """A table keyed by applicant ID: each ID's rows with their non-empty cells."""
    columns, problems = _columns(table, keyed_columns(key, version))
    if "id" not in columns.values():
        problems.append(Problem(table.name, "id", f"a {key} table needs the applicant ID column (身份证号)"))
    by_id: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for n, raw in table.rows:
        cells = {columns[h]: v for h, v in raw.items() if h in columns and v != ""}
        by_id.setdefault(cells.pop("id", ""), []).append((n, cells))
    return by_id, problems + table.problems


def table_applicants(table: Table, periods: Table | None, version: Version,
                     family: Table | None = None, records: Table | None = None) -> Source:
    """Applicants from a flat table, with their periods, family members and records from
    tables keyed by ID."""
    columns, problems = _columns(table, _with_facts(APPLICANT_COLUMNS, version, periods=False))
    extra_names = {f.name for f in version.facts if f.period_kind is None}
    tables = {k: t for k, t in zip(KEYED, (periods, family, records), strict=True) if t is not None}
    by_key: dict[str, dict[str, list[tuple[int, dict[str, str]]]]] = {}
    for key, t in tables.items():
        by_key[key], found = _keyed(key, t, version)
        problems += found
    if problems:
        raise InputError(problems)
    known: set[str] = set()
    for n, raw in table.rows:
        cells = {columns[h]: v for h, v in raw.items() if v != ""}
        data = applicant_data(cells, extra_names)
        where: Where = {}
        for key, t in tables.items():
            own = by_key[key].get(cells.get("id", ""), []) if cells.get("id") else []
            data[key] = [c for _, c in own]
            where[key] = (t.name, [m for m, _ in own])
        known.add(cells.get("id", ""))
        yield n, table.name, data, [], where or None
    for key, t in tables.items():
        for pid, rows in sorted(by_key[key].items()):
            if pid not in known:
                for n, _ in rows:
                    yield n, "", None, [Problem(t.name, "id", "no applicant in the applicants table has this ID", n)], None


def jsonl_applicants(path: Path) -> Source:
    """One applicant per line, in the schema of docs/input-format.md, with an optional
    ``bucket``."""
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
            yield n, name, json.loads(line, parse_float=Decimal), [], None
        except json.JSONDecodeError as e:
            yield n, name, None, [Problem(name, "", f"is not valid JSON: {e.msg}", n)], None


def _at_table_row(problem: Problem, where: Where | None) -> Problem:
    """A problem in ``periods[i]`` (``family[i]``, ``records[i]``) of a flat input, moved to
    that row of its table."""
    match = re.match(r"(periods|family|records)\[(\d+)\]\.?(.*)", problem.field)
    if where is None or match is None or match[1] not in where:
        return problem
    name, rows = where[match[1]]
    return Problem(name, match[3], problem.message, rows[int(match[2])])


def scored_applicants(source: Source, scheme: Scheme, version: Version, as_of: dt.date,
                      recognition: Recognition, jobs: int = 1) -> Iterator[tuple[int, Row | None, list[Problem]]]:
    """Score each applicant; a bad one becomes problems, and the run goes on.

    With ``jobs`` > 1, batches are scored in forked worker processes, which inherit the
    loaded scheme; results come back in input order, so the outputs are the same bytes.
    """
    setup = _Setup(scheme, version, as_of, recognition,
                   len(version.ranking.keys) if version.ranking else 0,
                   any(f.name == "target_area" for f in version.facts))
    if jobs <= 1 or "fork" not in mp.get_all_start_methods():
        for item in source:
            yield _score_item(item, setup)
        return
    global _SETUP
    _SETUP = setup
    with mp.get_context("fork").Pool(jobs) as pool:
        for batch in pool.imap(_score_batch, _batches(source, _BATCH)):
            yield from batch


@attrs.frozen
class _Setup:
    """What every applicant of a run is scored with, worked out once."""

    scheme: Scheme
    version: Version
    as_of: dt.date
    recognition: Recognition
    width: int
    """Rank keys: an ineligible applicant gets as many empty values."""
    by_area: bool
    """The bucket is the applicant's target area (Suzhou 2020)."""


_BATCH = 2000
_SETUP: _Setup | None = None
"""What a forked worker scores with: set before the pool forks, so workers inherit it."""


def _batches(source: Source, size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in source:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _score_batch(items: list[Any]) -> list[tuple[int, Row | None, list[Problem]]]:
    assert _SETUP is not None
    return [_score_item(item, _SETUP) for item in items]


def _score_item(item: Any, setup: _Setup) -> tuple[int, Row | None, list[Problem]]:
    n, name, data, problems, where = item
    if data is None:
        return n, None, problems
    bucket = data.pop("bucket", None) if isinstance(data, dict) else None
    try:
        applicant = applicant_from_mapping(data, file=name, facts=setup.version.facts, row=n)
    except InputError as e:
        return n, None, [_at_table_row(q, where) for q in e.problems]
    result = assess(setup.scheme, setup.version, applicant, setup.as_of, score_ineligible=False,
                    recognition=setup.recognition, explain=False)
    if bucket is None and setup.by_area:
        bucket = applicant.fact("target_area")
    reason = "; ".join(f"{c.label.en} ({c.citation})" for c in result.failed)
    candidate = Candidate(applicant.id or f"row-{n:08d}", str(bucket or DEFAULT_BUCKET),
                          result.eligible or bool(result.settles_by),
                          result.rank_values or (None,) * setup.width,
                          "" if result.eligible or result.settles_by else reason)
    return n, Row(candidate, applicant.name or "", result.total, result.base, named=applicant.id is not None), []


def rank_run(scheme: Scheme, version: Version, source: Iterator[tuple[int, Row | None, list[Problem]]],
             quotas: dict[str, int | None], default_quota: int | None, *, file: str,
             ties: Ties | None = None) -> Outcome:
    if version.ranking is None:
        raise RunError(f"scheme {scheme.key!r} version {version.label} declares no ranking")
    rows, problems = unique_rows(source, file)
    policy = ties or version.ranking.ties
    placed, summaries = rank_all((r.candidate for r in rows.values()), version.ranking.keys, policy,
                                 quotas, default_quota)
    return Outcome(placed, summaries, rows, problems, invalid_rows(problems), policy)


def unique_rows(source: Iterator[tuple[int, Row | None, list[Problem]]], file: str
                ) -> tuple[dict[str, Row], list[Problem]]:
    """The good rows by key, and every problem: a repeated applicant ID is one."""
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
    return rows, problems


def invalid_rows(problems: list[Problem]) -> list[tuple[str, str]]:
    """One entry per bad row, its reasons joined, sorted so results.csv does not depend on
    where a bad row stood."""
    by_row: dict[tuple[str, int], list[Problem]] = {}
    for q in problems:
        by_row.setdefault((q.file, q.row or 0), []).append(q)
    return sorted(
        ("", "; ".join(f"{q.field}: {q.message}" if q.field else q.message for q in qs))
        for qs in by_row.values()
    )


_Table = tuple[list[str], list[list[Any]], list[bool]]


HEADERS = {
    "results.csv": (["id", "name", "bucket", "status", "rank", "score", "base", "published_rank", "reason"],
                    [True, True, True, False, False, False, False, True, True]),
    "public.csv": (["rank", "name", "id", "score", "bucket"], [False, True, True, False, True]),
    "summary.csv": (["bucket", "applicants", "eligible", "quota", "admitted", "cutoff", "tied_at_cutoff"],
                    [True, False, False, False, False, False, False]),
    "errors.csv": (["file", "row", "field", "message"], [True, False, True, True]),
}
"""Each output's header, and which of its columns hold user text (neutralised)."""


def summary_rows(summaries: list[BucketSummary]) -> list[list[Any]]:
    return [[s.bucket, s.applicants, s.eligible, "" if s.quota is None else s.quota, s.admitted,
             cutoff_text(s.cutoff), s.tied_at_cutoff] for s in summaries]


def error_rows(problems: list[Problem]) -> list[list[Any]]:
    return [[q.file, q.row or "", q.field, q.message]
            for q in sorted(problems, key=lambda q: (q.file, q.row or 0, q.field))]


def invalid_result(shown: str, reason: str) -> list[Any]:
    return [shown, "", "", Status.INVALID.value, "", "", "", "", reason]


def _tables(outcome: Outcome) -> dict[str, _Table]:
    """results, public, summary and errors: header, rows, and which columns hold user text."""
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
    results += [invalid_result(shown, reason) for shown, reason in outcome.invalid]
    bodies = {"results.csv": results, "public.csv": public, "summary.csv": summary_rows(outcome.summaries),
              "errors.csv": error_rows(outcome.problems)}
    return {name: (header, bodies[name], neutralise) for name, (header, neutralise) in HEADERS.items()}


def outputs(outcome: Outcome) -> dict[str, bytes]:
    """results.csv, public.csv, summary.csv, errors.csv, as bytes."""
    return {name: csv_columns(header, columns, neutralise=neutralise)
            for name, (header, columns, neutralise) in outcome.columns().items()}


def write(outcome: Outcome, directory: Path, *, xlsx: bool = False) -> None:
    files = outputs(outcome)
    if xlsx:
        for name, (header, columns, neutralise) in outcome.columns().items():
            files[name.replace(".csv", ".xlsx")] = xlsx_bytes(header, zip(*columns, strict=True),
                                                              neutralise=neutralise)
    write_all(directory, files)
