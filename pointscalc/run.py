"""An annual ranking run: read applicants, score the eligible, rank each bucket against its
quota, and write what an office publishes and keeps.

Outputs are byte-identical whatever the order of the input: rows are keyed by applicant,
buckets and applicants are sorted, and nothing depends on time or the machine.  Bad rows
are collected with file, row and field and listed as invalid; ``strict`` aborts instead.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from pointscalc import aliases, i18n, idnumber, limits, workers
from pointscalc.errors import InputError, Problem, describe
from pointscalc.i18n import tr
from pointscalc.quotas import OPEN, QuotaError, Quotas, resolve
from pointscalc.ranking import (
    BucketSummary,
    Candidate,
    Placed,
    Status,
    cutoff_text,
    rank_all,
    score_index,
)
from pointscalc.reading import (
    _birth,
    _bool,
    _int,
    _Invalid,
    applicant_from_mapping,
    date_problems,
    parse_month,
)
from pointscalc.recognition import Recognition
from pointscalc.rules import Score
from pointscalc.scheme import RankKey, Scheme, Ties, Version
from pointscalc.scoring import assess
from pointscalc.tables import Table, as_columns, column_name, csv_columns, xlsx_bytes

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


def _columns(table: Table, wanted: dict[str, tuple[str, ...]]) -> tuple[dict[str, str], list[Problem]]:
    """Map each header to its canonical column; an unknown header is a problem."""
    from pointscalc.i18n import listing, tr

    mapping: dict[str, str] = {}
    problems: list[Problem] = []
    for i, header in enumerate(table.header, start=1):
        canonical = next((c for c, names in wanted.items() if header in names), None)
        # Named by position: without a header row, the first row's cells are someone's data.
        where = column_name(i)
        if canonical is None:
            # Each column by its code and its first Chinese name: a Chinese sheet is headed in Chinese.
            known = listing(tr("{code} ({name})", code=names[0], name=names[1]) if len(names) > 1 else names[0]
                            for names in wanted.values())
            # A header near a known name is a header, not someone's data: the nearest names may be shown.
            hint = aliases.did_you_mean(header, (n for names in wanted.values() for n in names))
            problems.append(Problem(table.name, where, tr("the header is not a known column{hint}; expected some of"
                                                          " {known} (is the header row missing?)",
                                                          hint=hint, known=known)))
        elif canonical in mapping.values():
            problems.append(Problem(table.name, where, tr("a second column for {column}", column=canonical)))
        else:
            mapping[header] = canonical
    return mapping, problems


def _rank_parser(name: str) -> Callable[[str], Any]:
    """The parsers of the applicant reader, so a score or a month means the same in both."""
    if name in ("total", "base", "other_score"):
        return limits.decimal
    if name == "priority":
        return lambda v: int(_bool(v))
    if name == "registered":
        # A spreadsheet date cell arrives as YYYY-MM-DD: its month is the registration month.
        return lambda v: parse_month(v[:7] if len(v) == 10 else v)
    return _int


def children_ranking(version: Version) -> Version:
    """The version's ranking for children's places: the higher parent's score, then the
    other parent's, then the scheme's own tie-breaks (read from the row's columns)."""
    ranking = version.ranking
    if ranking is None or ranking.family_rule is None:
        raise RunError(tr("version {version} declares no family rule for ranking children", version=version.label))
    other = RankKey("other_score", Score("other"))
    at = score_index(ranking.keys)
    keys = (*ranking.keys[: at + 1], other, *ranking.keys[at + 1 :])
    # Children are ranked per school, from the input: not the scheme's target areas.
    return attrs.evolve(version, ranking=attrs.evolve(ranking, keys=keys, buckets=()))


_ID_LIKE = re.compile(r"[0-9]{14,17}[0-9X]?", re.ASCII)
"""A key of 15 to 18 digits (a final X allowed) is taken as an ID number, and checked."""


def scored_key(cells: dict[str, str], as_of: dt.date | None) -> tuple[str, list[tuple[str, str]]]:
    """A pre-scored row's key, normalised as an ID is (NFKC, x → X), and what is wrong with it.

    The ``id`` column of a published list may hold ID numbers, masked numbers
    (110***********002X) or application numbers: only a key that looks like an ID number
    (digits, 15 or more) is checked as one, and its birth date against a ``birth`` column.
    """
    key = idnumber.normalise(cells.get("id", ""))
    if not _ID_LIKE.fullmatch(key):
        return key, []
    try:
        idnumber.validate(key, as_of)
    except idnumber.InvalidId as e:
        return key, [("id", str(e))]
    if cells.get("birth"):
        try:
            born, day_known = _birth(cells["birth"])
        except _Invalid as e:
            return key, [("birth", str(e))]
        from_id = idnumber.birth_date(key)
        if (born if day_known else born.replace(day=1)) != (from_id if day_known else from_id.replace(day=1)):
            return key, [("birth", tr("does not match the birth date in the ID number"))]
    return key, []


def scored_rows(table: Table, version: Version, *, children: bool = False, as_of: dt.date | None = None
                ) -> Iterator[tuple[int, Row | None, list[Problem]]]:
    """Rows of a pre-scored table: the score (and tie-break columns) are taken as given.

    With ``children``, each row is a child: ``score`` and ``other_score`` are the two
    parents' points, and the higher one counts (see ``children_ranking``)."""
    assert version.ranking is not None
    mapping, header_problems = _columns(table, SCORED_COLUMNS)
    if header_problems:
        raise InputError(header_problems)
    if "score" not in mapping.values():
        raise InputError([Problem(table.name, "score", tr("a pre-scored table needs a score column (积分)"))])
    # For children only the two parents' scores are required: the scheme's further tie-breaks
    # may be absent, and an absent value ranks last among equals.
    needed = ["other_score"] if children else [k.name for k in version.ranking.keys if k.name != "total"]
    missing = [n for n in needed if n not in mapping.values()]
    if missing:
        raise InputError([Problem(table.name, m, tr("this scheme ranks by {column}: the column is required", column=m))
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
                    problems.append(Problem(table.name, column, tr("is required"), n))
                values.append(None)
                continue
            try:
                values.append(_rank_parser(key.name)(text))
            except Exception as e:  # noqa: BLE001 - each parser says what it expected
                problems.append(Problem(table.name, column, str(e).removeprefix("_Invalid: "), n))
                values.append(None)
        key, wrong = scored_key(cells, as_of)
        problems += [Problem(table.name, field, message, n) for field, message in wrong]
        if problems:
            yield n, None, problems
            continue
        at = score_index(version.ranking.keys)
        if children:
            values[at], values[at + 1] = max(values[at], values[at + 1]), min(values[at], values[at + 1])
        score = values[at] if version.ranking.keys[at].name == "total" else None
        base_index = next((i for i, k in enumerate(version.ranking.keys) if k.name == "base"), None)
        key = key or "|".join(f"{c}={v}" for c, v in sorted(cells.items()))
        candidate = Candidate(key, cells.get("bucket") or DEFAULT_BUCKET, True, tuple(values))
        yield n, Row(candidate, cells.get("name", ""), score,
                     values[base_index] if base_index is not None else None,
                     cells.get("published_rank", ""), named="id" in cells and bool(cells["id"])), []


APPLICANT_COLUMNS: dict[str, tuple[str, ...]] = {
    **aliases.columns("", ("id", "name", "birth", "sex")),
    **aliases.columns("education", ("diploma", "degree")),
    **aliases.columns("", ("qualification", "title")),
    "bucket": ("bucket", "区域", "学校"),
    **{f"origin_{f}": (f"origin_{f}", *aliases.of("origin", f)) for f in ("city", "province")},
    **aliases.columns("origin", ("rural",)),
}
"""Headers: the field's name, or its Chinese names (``aliases.FIELDS``), as for a profile."""


def _keyed_columns(scope: str) -> dict[str, tuple[str, ...]]:
    return {"id": APPLICANT_COLUMNS["id"], **aliases.columns(scope, aliases.FIELDS[scope])}


PERIOD_COLUMNS = _keyed_columns("periods")
FAMILY_COLUMNS = _keyed_columns("family")
RECORD_COLUMNS = _keyed_columns("records")
"""The attributes of every record kind (``reading.RECORD_ATTRIBUTES``), as columns."""

KEYED = ("periods", "family", "records")
"""Tables keyed by applicant ID that a flat applicants table may come with."""

_NESTED = {"diploma": "education", "degree": "education", "origin_city": "origin",
           "origin_province": "origin", "rural": "origin"}


def _with_facts(columns: dict[str, tuple[str, ...]], version: Version, periods: bool) -> dict[str, tuple[str, ...]]:
    out = dict(columns)
    for fact in version.facts:
        if (fact.period_kind is not None) == periods:
            out.setdefault(fact.name, (fact.name, *aliases.of("facts", fact.name)))
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
        problems.append(Problem(table.name, "id", tr("a {table} table needs the applicant ID column (身份证号)",
                                                      table=key)))
    by_id: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for n, raw in table.rows:
        cells = {columns[h]: v for h, v in raw.items() if h in columns and v != ""}
        by_id.setdefault(idnumber.normalise(cells.pop("id", "")), []).append((n, cells))
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
        key = idnumber.normalise(cells.get("id", ""))
        where: Where = {}
        for name, t in tables.items():
            own = by_key[name].get(key, []) if key else []
            data[name] = [c for _, c in own]
            where[name] = (t.name, [m for m, _ in own])
        if key:
            known.add(key)
        yield n, table.name, data, [], where or None
    for name, t in tables.items():
        for pid, rows in sorted(by_key[name].items()):
            if pid not in known:
                for n, _ in rows:
                    yield n, "", None, [orphan_period(t.name, n, pid)], None


def orphan_period(file: str, row: int, pid: str) -> Problem:
    """A row of a keyed table (periods, family, records) that belongs to no applicant: its ID
    matches none, or it has none (a row without an ID cannot be joined, even to an applicant
    row without one)."""
    if not pid:
        return Problem(file, "id", tr("is required: the ID of the applicant this row belongs to"), row)
    return Problem(file, "id", tr("no applicant in the applicants table has this ID"), row)


_LINES = re.compile(r"\r\n|\r|\n")
"""Line ends as a spreadsheet or editor counts them (not ``str.splitlines``, which also
splits inside a JSON string at U+2028)."""


def jsonl_applicants(path: Path) -> Source:
    """One applicant per line, in the schema of docs/input-format.md, with an optional
    ``bucket``."""
    name = str(path)
    try:
        text = limits.read_bytes(path).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError([Problem(name, "", tr("is not UTF-8 text"))]) from None
    for n, line in enumerate(_LINES.split(text), start=1):
        if not line.strip():
            continue
        try:
            data = limits.parse_json(line, name, n)
        except InputError as e:
            yield n, name, None, e.problems, None
            continue
        if isinstance(data, dict):
            yield n, name, data, [], None
        else:  # ``None`` would stand for a row with nothing to score and be passed over
            yield n, name, None, [Problem(name, "", tr("expected a table of applicant fields"), n)], None


def _at_table_row(problem: Problem, where: Where | None) -> Problem:
    """A problem in ``periods[i]`` (``family[i]``, ``records[i]``) of a flat input, moved to
    that row of its table."""
    match = re.match(r"(periods|family|records)\[(\d+)\]\.?(.*)", problem.field)
    if where is None or match is None or match[1] not in where:
        return problem
    name, rows = where[match[1]]
    return Problem(name, match[3], problem.message, rows[int(match[2])])


def scored_applicants(source: Source, scheme: Scheme, version: Version, as_of: dt.date,
                      recognition: Recognition, jobs: int = 1, born_by: dt.date | None = None
                      ) -> Iterator[tuple[int, Row | None, list[Problem]]]:
    """Score each applicant; a bad one becomes problems, and the run goes on.

    With ``jobs`` > 1, batches are scored in forked worker processes, which inherit the
    loaded scheme; results come back in input order, so the outputs are the same bytes.
    """
    setup = _Setup(scheme, version, as_of, recognition,
                   len(version.ranking.keys) if version.ranking else 0,
                   any(f.name == "target_area" for f in version.facts), born_by)
    if jobs <= 1 or not workers.can_fork():
        for item in source:
            yield _score_item(item, setup)
        return
    global _SETUP
    _SETUP = setup
    with workers.pool(jobs) as pool:
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
    born_by: dt.date | None = None
    """No one (applicant or family member) may be born after this day: the day of the
    application, the rules day of a round (its data day may lie years before); ``as_of``
    where not given."""

    @property
    def born_on_or_before(self) -> dt.date:
        return self.born_by or self.as_of


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
    if bucket is not None and not (isinstance(bucket, str) and bucket.strip()):
        return n, None, [Problem(name, "bucket", tr("expected the name of a quota bucket, got {got}",
                                                    got=describe(bucket)), n)]
    # Without an ID a row cannot be told from a second copy of itself, nor published.
    no_id = [Problem(name, "id", tr("is required in a ranking run (身份证号)"), n)] \
        if isinstance(data, dict) and data.get("id") in (None, "") else []
    try:
        applicant = applicant_from_mapping(data, file=name, facts=setup.version.facts, row=n)
    except InputError as e:
        return n, None, no_id + [_at_table_row(q, where) for q in e.problems]
    if applicant.id is None:  # then no_id says why
        return n, None, no_id
    if unborn := date_problems(applicant, setup.born_on_or_before, name, n):
        return n, None, unborn
    result = assess(setup.scheme, setup.version, applicant, setup.as_of, score_ineligible=False,
                    recognition=setup.recognition, explain=False)
    if bucket is None and setup.by_area:
        bucket = applicant.fact("target_area")
    reason = "; ".join(failed_reason(c) for c in result.failed)
    candidate = Candidate(applicant.id, str(bucket or DEFAULT_BUCKET),
                          result.eligible or bool(result.settles_by),
                          result.rank_values or (None,) * setup.width,
                          "" if result.eligible or result.settles_by else reason)
    return n, Row(candidate, applicant.name or "", result.total, result.base, named=True), []


def failed_reason(condition: Any) -> str:
    """A failed condition as results.csv gives it, in the run's language: the reason column
    is prose for a reader, as errors.csv's messages are (docs/running-a-round.md)."""
    return f"{condition.label(i18n.current())} ({condition.citation})"


def rank_run(scheme: Scheme, version: Version, source: Iterator[tuple[int, Row | None, list[Problem]]],
             quotas: Quotas, *, file: str, ties: Ties | None = None) -> Outcome:
    if version.ranking is None:
        raise RunError(tr("scheme {scheme!r} version {version} declares no ranking", scheme=scheme.key,
                          version=version.label))
    rows, problems = unique_rows(source, file)
    policy = ties or version.ranking.ties
    candidates = [r.candidate for r in rows.values()]
    places = quotas_for_run(quotas, version, [c.bucket for c in candidates], [c.eligible for c in candidates])
    placed, summaries = rank_all(candidates, version.ranking.keys, policy, places)
    return Outcome(placed, summaries, rows, problems, invalid_rows(problems), policy)


def quotas_for_run(quotas: Quotas, version: Version, buckets: Iterable[str], eligible: Iterable[bool]
                   ) -> dict[str, int | None]:
    """Each bucket's quota, checked against the buckets of this run (``quotas.resolve``)."""
    assert version.ranking is not None
    counts: Counter[str] = Counter()
    present: set[str] = set()
    for bucket, ok in zip(buckets, eligible, strict=True):
        present.add(bucket)
        counts[bucket] += bool(ok)
    try:
        return resolve(quotas, counts, sorted(present), version.ranking.buckets, default_bucket=DEFAULT_BUCKET)
    except QuotaError as e:
        raise RunError(str(e)) from None


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
            problems.append(Problem(file, "id", tr("the same applicant ID appears on more than one row"), n))
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


PUBLIC_HEADER = ["序号", "姓名", "身份证号", "积分", "区域"]
"""The 公示 list's columns: rank, masked name, masked ID number, points, bucket."""

HEADERS = {
    "results.csv": (["id", "name", "bucket", "status", "rank", "score", "base", "published_rank", "reason"],
                    [True, True, True, False, False, False, False, True, True]),
    "public.csv": (PUBLIC_HEADER, [False, True, True, False, True]),
    "summary.csv": (["bucket", "applicants", "eligible", "quota", "admitted", "cutoff", "tied_at_cutoff"],
                    [True, False, False, False, False, False, False]),
    "errors.csv": (["file", "row", "field", "message"], [True, False, True, True]),
}
"""Each output's header, and which of its columns hold user text (neutralised).

public.csv is the 公示 list people read: its header is Chinese whatever the language, as
the notices offices post are.  The others are tables for other systems: code headers
and code values (``admitted``, ``open``) in any language (docs/running-a-round.md)."""


def summary_rows(summaries: list[BucketSummary], *, shown: bool = False) -> list[list[Any]]:
    """summary.csv's rows; ``shown``: for the terminal, an open quota in the user's language."""
    open_quota = i18n.pick(OPEN, "不限") if shown else OPEN
    return [[s.bucket, s.applicants, s.eligible, open_quota if s.quota is None else s.quota, s.admitted,
             cutoff_text(s.cutoff), s.tied_at_cutoff] for s in summaries]


def summary_header() -> list[str]:
    """summary.csv's header as the terminal shows it: its codes, or the workbook's Chinese."""
    return WORKBOOKS["summary.csv"][1] if i18n.current() == "zh" else HEADERS["summary.csv"][0]


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
    return {name: data for name, (data, _) in output_tables(outcome.columns()).items()}


POINTS = "0.00"
WORKBOOKS: dict[str, tuple[str, list[str], list[str | None]]] = {
    "results.csv": ("结果", ["身份证号", "姓名", "区域", "状态", "名次", "积分", "基础分", "公布名次", "原因"],
                    [None, None, None, None, "0", POINTS, POINTS, None, None]),
    "public.csv": ("公示", PUBLIC_HEADER, ["0", None, None, POINTS, None]),
    "summary.csv": ("汇总", ["区域", "申请人数", "符合条件人数", "名额", "入围人数", "分数线", "分数线同分人数"],
                    [None, "0", "0", "0", "0", POINTS, "0"]),
    "errors.csv": ("问题", ["文件", "行", "字段", "说明"], [None, "0", None, None]),
}
"""Each XLSX output's sheet name, Chinese headers (what an office prints and posts) and
number formats; the CSV outputs keep HEADERS (public.csv's is the same Chinese)."""


def output_tables(tables: dict[str, _Table], *, xlsx: bool = False) -> dict[str, tuple[bytes, int]]:
    """Each output file's bytes and its number of data rows, from an outcome's
    ``columns()``; with ``xlsx``, each table also as a workbook."""
    files: dict[str, tuple[bytes, int]] = {}
    for name, (header, columns, neutralise) in tables.items():
        rows = len(columns[0]) if columns else 0
        files[name] = (csv_columns(header, columns, neutralise=neutralise), rows)
        if xlsx:
            title, chinese, formats = WORKBOOKS[name]
            files[name.replace(".csv", ".xlsx")] = (xlsx_bytes(chinese, zip(*columns, strict=True),
                                                               neutralise=neutralise, formats=formats, title=title),
                                                    rows)
    return files


def status_counts(tables: dict[str, _Table]) -> Counter[str]:
    """Applicants by status in results.csv (admitted, waitlisted, ineligible, invalid),
    from an outcome's ``columns()``."""
    header, columns, _ = tables["results.csv"]
    return Counter(columns[header.index("status")])
