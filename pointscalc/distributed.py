"""Ranking a province or a nation on Dask: ``pointscalc rank --engine dask``.

A pool too large for one machine is read, scored and ranked in partitions on a Dask
cluster (``distributed``; a local cluster of this machine's cores by default).  Nothing is
city-specific here, and nothing is ranked in a new way:

1. **Read.**  Each file of the pool (one CSV, or Parquet files: one file, a folder or a
   glob) is read by one task and split by a hash of the upper-cased applicant ID into the
   run's partitions.  An applicant's rows and periods, and every copy of a repeated ID,
   land in one partition, so duplicates and orphan periods are found as on one machine.
   Every row keeps its file and row number for errors.
2. **Score.**  Each partition is scored by the bulk engine (``columns.from_raw``,
   ``bulk.score_frame``), or by the reference engine where the bulk engine cannot (a rule
   it does not know, a cell only the reference reader reads faithfully), as
   ``rank --engine auto`` does on one machine.
3. **Rank by counts** (``bycounts``): each partition counts its applicants per bucket and
   rank-key group; the counts are merged and every rank, cutoff and tie follows, with no
   sort of the pool.  Under ``strict``, the keys of the one group at a split line are
   gathered to choose by applicant key.
4. **Write.**  Rows are sent to output ranges cut at group boundaries, each range sorted
   and formatted by its own task; the client appends the ranges in order to a temporary
   file per output, renamed into ``--out`` once all are whole.

The outputs are byte for byte those of a one-machine ``rank`` of the same files.  Dask
retries the tasks of a worker that dies; a run that still fails stops with an error and
leaves ``--out`` as it was.

No task raises: each returns its result or a ``Failed`` holding our own problems, or only
the kind of an unexpected error.  Dask logs a failed task with its arguments and the
error's text, and either may quote a cell (a name, an ID number); a task that never fails
leaves nothing of the sort in any worker's log.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import glob
import hashlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pointscalc import bulk, bycounts, columns, i18n, run
from pointscalc.columns import RawTable
from pointscalc.errors import InputError, Problem, SchemeDefect, os_reason
from pointscalc.i18n import tr
from pointscalc.ranking import BucketSummary, Status, score_index
from pointscalc.recognition import Recognition
from pointscalc.rules import Score
from pointscalc.quotas import Quotas
from pointscalc.scheme import Scheme, Ties, Version
from pointscalc.tables import FIRST_ROW, Table, _texts, csv_columns, write_all

ROWS_PER_RANGE = 1 << 18
"""Rows an output task sorts and formats at once: bounds a task's memory, and spreads the
formatting over the workers."""


class DistributedError(run.RunError):
    """Dask is missing, the cluster cannot be reached, or the run failed on it."""


@attrs.frozen
class Job:
    """What every task of a run needs; small, shipped with each task."""

    scheme: Scheme
    version: Version
    as_of: dt.date
    recognition: Recognition
    partitions: int
    born_by: dt.date | None = None
    """As ``run._Setup.born_by``: a round's rules day, where births are checked."""
    lang: str = "en"
    """The user's language: the problems a worker finds are worded in it."""

    @property
    def setup(self) -> Any:
        assert self.version.ranking is not None
        return run._Setup(self.scheme, self.version, self.as_of, self.recognition, len(self.version.ranking.keys),
                          any(f.name == "target_area" for f in self.version.facts), self.born_by)


# --- Tasks that never raise --------------------------------------------------------------------


@attrs.frozen
class Failed:
    """A task's failure, as it may leave the worker: our own problems or message, or only
    the kind of an unexpected error (its text may quote a cell)."""

    kind: str = ""
    problems: tuple[Problem, ...] = ()
    message: str = ""

    def raise_(self) -> NoReturn:
        if self.problems:
            raise InputError(list(self.problems))
        if self.message:
            raise DistributedError(self.message)
        raise DistributedError(_failure(self.kind))


def task(fn: Callable[..., Any]) -> Callable[..., Any]:
    """A task function that returns a ``Failed`` instead of raising, and passes on the
    ``Failed`` of a task it depends on (an argument, or an item of a list argument)."""

    @functools.wraps(fn)
    def guarded(*args: Any) -> Any:
        for a in args:
            for x in a if isinstance(a, list) else [a]:
                if isinstance(x, Failed):
                    return x
        try:
            return fn(*args)
        except InputError as e:
            return Failed(problems=tuple(e.problems))
        except (run.RunError, SchemeDefect) as e:  # ours: they name no applicant's value
            return Failed(message=str(e))
        except Exception as e:  # noqa: BLE001 - its kind only: the text may quote a cell
            return Failed(kind=_kind(e))

    return guarded


def _kind(e: BaseException) -> str:
    """An error's class and the line that raised it: enough for a report of a defect,
    and nothing of the data."""
    import traceback

    frames = traceback.extract_tb(e.__traceback__)
    return f"{type(e).__name__}, {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames \
        else type(e).__name__


def got(value: Any) -> Any:
    """A task's result on the client; its ``Failed`` raised as our error."""
    if isinstance(value, Failed):
        value.raise_()
    return value


# --- Sources ---------------------------------------------------------------------------------


@attrs.frozen
class Source:
    """One file of a table, and the table's rows before it (a Parquet dataset is numbered
    through its files in name order, as one table)."""

    path: str
    name: str
    """The table's name in errors: the file, folder or glob as given."""
    offset: int
    parquet: bool
    rows: int = 0
    """A Parquet file's rows, from its metadata."""


def pool_files(spec: str) -> list[str]:
    """The files of a table given as one file, a folder (its CSV and Parquet files) or a
    glob, in name order."""
    path = Path(spec)
    if path.is_dir():
        return sorted(str(p) for p in path.iterdir() if p.suffix.lower() in (".csv", ".parquet") and p.is_file())
    if not path.is_file() and any(ch in spec for ch in "*?["):
        return sorted(glob.glob(spec))
    return [spec]


def sources(spec: str) -> list[Source]:
    """The files of a table given as one file, a folder or a glob."""
    files = pool_files(spec)
    if not files:
        raise InputError([Problem(spec, "", tr("no .csv or .parquet file here"))])
    kinds = {Path(f).suffix.lower() for f in files}
    if not kinds <= {".csv", ".parquet"} or len(kinds) > 1:
        raise InputError([Problem(spec, "", tr("expected CSV or Parquet files, all of one kind"))])
    if kinds == {".csv"}:
        if len(files) > 1:
            raise InputError([Problem(spec, "", tr("a pool in several files must be Parquet; a CSV pool is one"
                                                   " file"))])
        return [Source(files[0], files[0], 0, False)]
    import pyarrow.parquet as pq

    out, offset = [], 0
    for f in files:
        try:
            rows = pq.ParquetFile(f).metadata.num_rows
        except (OSError, pa.ArrowException) as e:
            raise InputError([_unreadable(f, e)]) from None
        out.append(Source(f, files[0] if len(files) == 1 else spec, offset, True, rows))
        offset += rows
    return out


def _unreadable(file: str, e: Exception) -> Problem:
    """A Parquet file that cannot be read, in our words: Arrow's may quote its contents."""
    if isinstance(e, OSError) and e.errno is not None:
        return Problem(file, "", tr("cannot be read as Parquet: {reason}", reason=os_reason(e)))
    return Problem(file, "", tr("cannot be read as Parquet: not a Parquet file, or a damaged one"))


def _wanted(job: Job, periods: bool) -> dict[str, tuple[str, ...]]:
    return run._with_facts(run.PERIOD_COLUMNS if periods else run.APPLICANT_COLUMNS, job.version, periods=periods)


def _read(source: Source, wanted: dict[str, tuple[str, ...]]) -> tuple[RawTable, list[Problem]]:
    """One file as text columns, with its rows numbered as the one-machine readers number
    them; a CSV the Arrow reader cannot read faithfully is read by the reference reader."""
    if source.parquet:
        import pyarrow.parquet as pq

        try:
            table = pq.read_table(source.path)
        except (OSError, pa.ArrowException) as e:
            raise InputError([_unreadable(source.name, e)]) from None
        header = table.column_names
        mapping, problems = run._columns(Table(source.name, header, [], []), wanted)
        if problems:
            raise InputError(problems)
        cols = {mapping[h]: pc.fill_null(table[h].cast(pa.string()), "").combine_chunks() for h in header}
        # Numbered as a CSV of the same table would be (its header is row 1), across the files.
        rows = np.arange(source.offset + FIRST_ROW, source.offset + table.num_rows + FIRST_ROW, dtype=np.int64)
        return columns.without_blank_rows(source.name, header, cols, rows), []
    try:
        return columns.read_raw(Path(source.path), wanted), []
    except columns.NotColumnar:
        from pointscalc.tables import read_csv

        t = read_csv(source.path)
        mapping, problems = run._columns(t, wanted)
        if problems:
            raise InputError(problems) from None
        names = list(mapping.values())
        cols = {mapping[h]: pa.array([cells[h] for _, cells in t.rows], pa.string()) for h in t.header}
        return columns.RawTable(t.name, names, cols, np.array([n for n, _ in t.rows], dtype=np.int64)), t.problems


_MIX = np.random.default_rng(20210630).integers(1, 1 << 63, size=64, dtype=np.uint64) | np.uint64(1)


def part_of(ids: pa.Array, partitions: int) -> np.ndarray:
    """The partition of each row: a hash of the ID's upper-cased UTF-8 bytes, the same on
    every machine and in every run."""
    up = pc.utf8_upper(ids.cast(pa.string()))
    up = pa.concat_arrays([up]) if up.offset else up
    n = len(up)
    offsets = np.frombuffer(up.buffers()[1], dtype=np.int32)[: n + 1].astype(np.int64)
    data = up.buffers()[2]
    raw = np.frombuffer(data, dtype=np.uint8)[offsets[0]: offsets[-1]] if data is not None else np.zeros(0, np.uint8)
    lengths = np.diff(offsets)
    h = np.zeros(n, dtype=np.uint64)
    if n and len(raw) and (lengths == lengths[0]).all():  # the usual case: every ID 18 characters
        width = int(lengths[0])
        h = (raw.reshape(n, width).astype(np.uint64) * _MIX[np.arange(width) % 64]).sum(axis=1, dtype=np.uint64)
    elif len(raw):
        at = np.arange(len(raw), dtype=np.int64) - np.repeat(offsets[:-1] - offsets[0], lengths)
        weighted = raw.astype(np.uint64) * _MIX[at % 64]
        filled = np.flatnonzero(lengths > 0)
        h[filled] = np.add.reduceat(weighted, (offsets[:-1] - offsets[0])[filled])
    h ^= h >> np.uint64(31)
    h *= np.uint64(0x9E3779B97F4A7C15)
    h ^= h >> np.uint64(29)
    return (h % np.uint64(partitions)).astype(np.int64)


def _split(table: RawTable, partitions: int) -> list[RawTable]:
    where = part_of(table.columns["id"], partitions) if "id" in table.columns \
        else np.zeros(len(table), dtype=np.int64)
    order = np.argsort(where, kind="stable")
    bounds = np.searchsorted(where[order], np.arange(partitions + 1))
    # A take per piece, not a slice: a pickled slice carries its whole parent's buffers.
    return [columns.RawTable(table.name, table.header,
                             {k: v.take(pa.array(order[a:b])) for k, v in table.columns.items()}, table.rows[order[a:b]])
            for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


@task
def read_task(source: Source, job: Job, periods: bool) -> tuple[list[RawTable], list[Problem]]:
    with i18n.using(job.lang):
        table, problems = _read(source, _wanted(job, periods))
        return _split(table, job.partitions), problems


@task
def _piece(read: tuple[list[RawTable], list[Problem]], i: int) -> RawTable:
    return read[0][i]


@task
def _read_problems(read: tuple[list[RawTable], list[Problem]]) -> list[Problem]:
    return read[1]


def _concat(pieces: Sequence[RawTable]) -> RawTable | None:
    if not pieces:
        return None
    first = pieces[0]
    names = list(first.columns)
    for p in pieces[1:]:
        if list(p.columns) != names:
            raise InputError([Problem(p.name, "", tr("its files do not all have the same columns"))])
    cols = {k: pa.concat_arrays([p.columns[k] for p in pieces]) for k in names}
    return columns.RawTable(first.name, first.header, cols, np.concatenate([p.rows for p in pieces]))


# --- Score one partition ---------------------------------------------------------------------


@attrs.frozen(repr=False)
class Part:
    """One partition scored: its candidates, their rank-key groups, its problems and counts."""

    candidates: bulk.Candidates
    grouped: np.ndarray
    problems: list[Problem]
    histogram: bycounts.Histogram

    def __repr__(self) -> str:  # never its rows: a log may print a task's arguments
        return f"Part({len(self.candidates)} candidates)"


@task
def _histogram(part: Part) -> bycounts.Histogram:
    return part.histogram


@task
def _problems(part: Part) -> list[Problem]:
    return part.problems


def _as_table(raw: RawTable) -> Table:
    """A partition as the reference reader's table: canonical headers, stripped cells."""
    names = list(raw.columns)
    texts = {k: v.to_pylist() for k, v in raw.columns.items()}
    rows = [(int(n), {k: texts[k][i].strip() for k in names}) for i, n in enumerate(raw.rows.tolist())]
    return Table(raw.name, names, [r for r in rows if any(r[1].values())], [])


@task
def score_task(apps_pieces: list[RawTable], period_pieces: list[RawTable], job: Job) -> Part:
    with i18n.using(job.lang):
        return _score(apps_pieces, period_pieces, job)


def _score(apps_pieces: list[RawTable], period_pieces: list[RawTable], job: Job) -> Part:
    scheme, version, as_of, recognition = job.scheme, job.version, job.as_of, job.recognition
    assert version.ranking is not None
    setup = job.setup
    apps, per = _concat(apps_pieces), _concat(period_pieces)
    assert apps is not None
    read = None
    if bulk.unsupported(scheme, version, recognition) is None and len(apps):
        try:
            read = columns.from_raw(apps, {"periods": per} if per is not None else {}, version, setup.by_area,
                                    setup.born_on_or_before)
        except columns.NotColumnar:
            read = None
    if read is not None:
        f = read.frame
        scored = bulk.score_frame(scheme, version, as_of, recognition, f)
        items: Iterator[Any] = iter(read.others)
        ids, names, buckets = f.ids, f.names, f.buckets
    else:
        items = run.table_applicants(_as_table(apps), _as_table(per) if per is not None else None, version)
        scored = _nothing(len(version.ranking.keys))
        ids, names, buckets = [], [], []
    others, problems = run.unique_rows((run._score_item(item, setup) for item in items), apps.name)
    c = bulk.candidates(version, ids, names, buckets, scored, list(others.values()))
    grouped = bycounts.group_keys(c.values, c.nulls, version.ranking.keys)
    return Part(c, grouped, problems, bycounts.histogram(c.buckets, c.eligible, grouped))


def _nothing(width: int) -> bulk.Scored:
    none, zero = np.zeros(0, dtype=bool), np.zeros(0, dtype=np.int64)
    return bulk.Scored(none, none, zero, zero, [zero] * width, [none] * width, zero)


# --- Place and write -------------------------------------------------------------------------


@attrs.frozen
class Layout:
    """Where each row goes in the outputs: per bucket, a segment per eligible group then
    one for the ineligible; output ranges are runs of whole segments."""

    placements: dict[str, bycounts.Placement]
    first_segment: dict[str, int]
    range_of: np.ndarray
    """Per segment, its output range."""
    ranges: int
    chosen: dict[str, set[str]]
    """Per bucket with a split line, the keys admitted from it."""


def layout(placements: list[bycounts.Placement], chosen: dict[str, set[str]], rows_per_range: int) -> Layout:
    sizes, first = [], {}
    for p in placements:
        first[p.bucket] = len(sizes)
        sizes += [*p.counts.tolist(), p.applicants - p.eligible]
    cum = np.cumsum(sizes) - np.array(sizes, dtype=np.int64) if sizes else np.zeros(0, dtype=np.int64)
    range_of = (cum // max(1, rows_per_range)).astype(np.int64)
    ranges = int(range_of.max()) + 1 if len(range_of) else 1
    return Layout({p.bucket: p for p in placements}, first, range_of, ranges, chosen)


@attrs.frozen(repr=False)
class Placed:
    """A slice of a partition's rows bound for one output range."""

    candidates: bulk.Candidates
    status: np.ndarray
    rank: np.ndarray
    segment: np.ndarray

    def __repr__(self) -> str:  # never its rows: a log may print a task's arguments
        return f"Placed({len(self.candidates)} rows)"


def _groups(part: Part, lay: Layout) -> tuple[np.ndarray, np.ndarray]:
    """Each row's group in its bucket (-1 where ineligible), and its segment."""
    c = part.candidates
    group = np.full(len(c), -1, dtype=np.int64)
    segment = np.zeros(len(c), dtype=np.int64)
    buckets = c.buckets.astype(str) if len(c) else np.zeros(0, dtype=str)
    for name in np.unique(buckets).tolist():
        p = lay.placements[name]
        mine = buckets == name
        el = np.flatnonzero(mine & c.eligible)
        group[el] = p.group_of(part.grouped[el])
        segment[mine] = lay.first_segment[name] + np.where(group[mine] >= 0, group[mine], len(p.counts))
    return group, segment


@task
def line_keys_task(part: Part, lay: Layout) -> dict[str, list[str]]:
    """The keys of this partition's rows in a group the quota splits."""
    split = [b for b, p in lay.placements.items() if p.line >= 0 and p.take < p.tied]
    if not split:
        return {}
    group, _ = _groups(part, lay)
    c = part.candidates
    return {b: c.keys[(c.buckets == b) & (group == lay.placements[b].line)].tolist() for b in split}


@task
def place_task(part: Part, lay: Layout) -> list[Placed]:
    c = part.candidates
    group, segment = _groups(part, lay)
    status = np.full(len(c), 2, dtype=np.int8)
    rank = np.zeros(len(c), dtype=np.int64)
    for name in np.unique(c.buckets.astype(str)).tolist() if len(c) else []:
        el = np.flatnonzero((c.buckets == name) & (group >= 0))
        status[el], rank[el] = bycounts.statuses(lay.placements[name], group[el], c.keys[el],
                                                 lay.chosen.get(name, set()))
    where = lay.range_of[segment] if len(c) else np.zeros(0, dtype=np.int64)
    out = []
    for r in range(lay.ranges):
        i = np.flatnonzero(where == r)
        out.append(Placed(c.take(i), status[i], rank[i], segment[i]))
    return out


@task
def _whole(done: Range) -> None:
    """Nothing, once a range is made: its ``Failed`` otherwise (``task`` passes it on)."""


@task
def _range_piece(placed: list[Placed], r: int) -> Placed:
    return placed[r]


def _body(header: list[str], cols: list[list[Any]], neutralise: list[bool]) -> bytes:
    """CSV lines without the byte-order mark and header, so that ranges join into one file."""
    whole = csv_columns(header, cols, neutralise=neutralise)
    return whole[len(csv_columns(header, [[] for _ in header], neutralise=neutralise)):]


def _text_table(name: str, cols: list[list[Any]]) -> pa.Table:
    """An output as Parquet holds it: the CSV's very cells, as text columns (points stay
    exact decimals)."""
    header, neutralise = run.HEADERS[name]
    return pa.table({h: pa.array(_texts(c, n), pa.string()) for h, c, n in zip(header, cols, neutralise, strict=True)})


FORMS = ("csv", "parquet", "columns")
"""What an output range is made into: CSV lines; CSV lines and Parquet tables; or, for
``compare``, the results and public tables as columns."""


@attrs.frozen(repr=False)
class Range:
    """One output range, in its form, and what the run record counts of it."""

    results: bytes
    public: bytes
    tables: tuple[Any, Any]
    """results and public as Parquet tables (form ``parquet``)."""
    columns: tuple[list[list[Any]], list[list[Any]]] | None
    """results and public as columns (form ``columns``)."""
    statuses: dict[str, int]
    rows: int
    admitted: int

    def __repr__(self) -> str:  # never its rows: a log may print a task's arguments
        return f"Range({self.rows} rows)"


@task
def range_task(pieces: list[Placed], form: str = "csv") -> Range:
    """One output range, sorted as the one-machine engine sorts (segment, then applicant
    key in code point order), as results.csv and public.csv lines (and Parquet tables),
    or as their columns."""
    c = bulk.Candidates.concat([p.candidates for p in pieces])
    status = np.concatenate([p.status for p in pieces])
    rank = np.concatenate([p.rank for p in pieces])
    segment = np.concatenate([p.segment for p in pieces])
    key_order = np.empty(len(c), dtype=np.int64)
    key_order[np.argsort(c.keys.astype(str), kind="stable")] = np.arange(len(c))
    order = np.lexsort([key_order, segment])
    results, public = bulk.result_columns(c.take(order), status[order], rank[order])
    statuses = dict(Counter(results[run.HEADERS["results.csv"][0].index("status")]))
    if form == "columns":
        return Range(b"", b"", (None, None), (results, public), statuses, len(c), len(public[0]))
    (rh, rn), (ph, pn) = run.HEADERS["results.csv"], run.HEADERS["public.csv"]
    tables = (_text_table("results.csv", results), _text_table("public.csv", public)) if form == "parquet" \
        else (None, None)
    return Range(_body(rh, results, rn), _body(ph, public, pn), tables, None, statuses, len(c), len(public[0]))


class _Sink:
    """What a Parquet writer writes to, handed on piece by piece (``write_all`` writes them)."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.size = 0
        self.closed = False

    def write(self, data: Any) -> int:
        self.parts.append(bytes(data))
        self.size += len(data)
        return len(data)

    def tell(self) -> int:
        return self.size

    def flush(self) -> None:
        pass

    def writable(self) -> bool:
        return True

    def close(self) -> None:
        self.closed = True

    def take(self) -> bytes:
        out, self.parts = b"".join(self.parts), []
        return out


def parquet_stream(name: str, tables: Iterator[pa.Table]) -> Iterator[bytes]:
    """One Parquet file, a row group per table, produced as it is written."""
    import pyarrow.parquet as pq

    sink = _Sink()
    schema = _text_table(name, [[] for _ in run.HEADERS[name][0]]).schema
    writer = pq.ParquetWriter(pa.PythonFile(sink, mode="w"), schema)
    for t in tables:
        if t.num_rows:
            writer.write_table(t)
        yield sink.take()
    writer.close()
    yield sink.take()


# --- The run ---------------------------------------------------------------------------------


def client_for(scheduler: str | None, workers: int | None = None) -> Any:
    """A client of the cluster at ``scheduler``, or of a new local cluster of this
    machine's cores (one single-threaded worker process per core)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DistributedError(tr("--engine dask needs Dask: pip install 'pointscalc[dask]'")) from None
    if scheduler:
        try:
            return Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as e:
            raise DistributedError(tr("--scheduler {address}: cannot reach the Dask scheduler ({kind})",
                                      address=scheduler, kind=type(e).__name__)) from None
    import os
    import warnings

    with warnings.catch_warnings():  # its health page's port taken by another cluster: of no matter here
        warnings.filterwarnings("ignore", "Port .* is already in use", UserWarning)
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=None)
    return Client(cluster)


def close(client: Any) -> None:
    """Close the client, and the local cluster if ``client_for`` started one."""
    cluster = client.cluster
    client.close()
    if cluster is not None:
        cluster.close()


@attrs.frozen
class Written:
    """What the run record keeps of each output written: its SHA-256 and data rows; and
    the applicants of results.csv by status."""

    outputs: dict[str, tuple[str, int]]
    statuses: Counter[str]


class _Hashed:
    """A file's pieces passed on as they are written, hashed on the way."""

    def __init__(self, pieces: Iterator[bytes]) -> None:
        self.pieces = pieces
        self.sha = hashlib.sha256()

    def __iter__(self) -> Iterator[bytes]:
        for piece in self.pieces:
            self.sha.update(piece)
            yield piece


@attrs.frozen
class DistributedOutcome:
    """What the CLI needs of a run; results.csv and public.csv stay on the cluster, range
    by range, until ``write`` streams them into place (or ``columns`` gathers them)."""

    summaries: list[Any]
    problems: list[Problem]
    invalid: list[tuple[str, str]]
    ties: Ties
    ranges: list[Any]
    """Futures of each output range (``Range``), in output order."""
    client: Any
    form: str = "csv"
    """``FORMS``: ``parquet`` also writes results.parquet and public.parquet."""

    def close(self) -> None:
        close(self.client)

    def _ranges(self) -> Iterator[Range]:
        for future in self.ranges:
            yield got(future.result())

    def write(self, directory: Path) -> Written:
        """Every output whole or none: each is written to a temporary file in ``directory``
        and renamed only once all are written; a range lost with a worker is recomputed."""
        head = {name: csv_columns(h, [[] for _ in h], neutralise=n) for name, (h, n) in run.HEADERS.items()}
        invalid = [run.invalid_result(shown, why) for shown, why in self.invalid]
        rh, rn = run.HEADERS["results.csv"]
        invalid_lines = _body(rh, run.as_columns(invalid, len(rh)), rn)
        rows = {"results.csv": len(invalid), "public.csv": 0}
        statuses: Counter[str] = Counter({Status.INVALID.value: len(invalid)} if invalid else {})

        def results() -> Iterator[bytes]:
            yield head["results.csv"]
            for r in self._ranges():
                rows["results.csv"] += r.rows
                rows["public.csv"] += r.admitted
                statuses.update(r.statuses)
                yield r.results
            yield invalid_lines

        def public() -> Iterator[bytes]:
            yield head["public.csv"]
            for r in self._ranges():
                yield r.public

        files: dict[str, Any] = {
            "results.csv": _Hashed(results()), "public.csv": _Hashed(public()),
            "summary.csv": _csv("summary.csv", run.summary_rows(self.summaries)),
            "errors.csv": _csv("errors.csv", run.error_rows(self.problems)),
        }
        if self.form == "parquet":
            files["results.parquet"] = _Hashed(parquet_stream("results.csv", iter(
                [*(r.tables[0] for r in self._ranges()), _text_table("results.csv", run.as_columns(invalid, len(rh)))])))
            files["public.parquet"] = _Hashed(parquet_stream("public.csv", (r.tables[1] for r in self._ranges())))
        try:
            write_all(directory, files)
        except (InputError, run.RunError):
            raise
        except OSError as e:
            raise DistributedError(tr("{folder}: cannot write the outputs: {reason}", folder=directory,
                                      reason=os_reason(e))) from None
        except Exception as e:  # noqa: BLE001 - a lost cluster: its kind only
            raise DistributedError(_failure(type(e).__name__)) from None
        rows |= {"summary.csv": len(self.summaries), "errors.csv": len(self.problems),
                 "results.parquet": rows["results.csv"], "public.parquet": rows["public.csv"]}
        return Written({name: (f.sha.hexdigest() if isinstance(f, _Hashed) else hashlib.sha256(f).hexdigest(),
                               rows[name]) for name, f in files.items()}, statuses)

    def columns(self) -> dict[str, Any]:
        """The four tables as ``run.Outcome.columns`` gives them, gathered from a run of
        form ``columns`` (``compare`` matches applicants on the client)."""
        assert self.form == "columns"
        (rh, rn), (ph, pn) = run.HEADERS["results.csv"], run.HEADERS["public.csv"]
        results: list[list[Any]] = [[] for _ in rh]
        public: list[list[Any]] = [[] for _ in ph]
        with _cluster_errors():
            for r in self._ranges():
                assert r.columns is not None
                for whole, part in zip([*results, *public], [*r.columns[0], *r.columns[1]], strict=True):
                    whole.extend(part)
        for shown, why in self.invalid:
            for column, cell in zip(results, run.invalid_result(shown, why), strict=True):
                column.append(cell)
        (sh, sn), (eh, en) = run.HEADERS["summary.csv"], run.HEADERS["errors.csv"]
        return {"results.csv": (rh, results, rn), "public.csv": (ph, public, pn),
                "summary.csv": (sh, run.as_columns(run.summary_rows(self.summaries), len(sh)), sn),
                "errors.csv": (eh, run.as_columns(run.error_rows(self.problems), len(eh)), en)}


def _csv(name: str, rows: list[list[Any]]) -> bytes:
    header, neutralise = run.HEADERS[name]
    return csv_columns(header, run.as_columns(rows, len(header)), neutralise=neutralise)


def _failure(kind: str) -> str:
    """Only the kind of failure: a message from deep inside (Arrow, numpy) may quote a cell,
    and a cell may be an ID number or a name."""
    return tr("the run failed on the cluster ({kind}); nothing was written", kind=kind)


def require_ranking(scheme: Scheme, version: Version) -> None:
    """An open city's version admits by conditions and declares no ranking: say so, as a
    one-machine ``rank`` does, before any cluster is started."""
    if version.ranking is None:
        raise run.RunError(tr("scheme {scheme!r} version {version} declares no ranking: nothing to rank on a"
                              " cluster", scheme=scheme.key, version=version.label))


@contextlib.contextmanager
def _cluster_errors() -> Iterator[None]:
    """Our errors as they are; anything else (a lost cluster, a task that failed every
    retry) by its kind only, with nothing written."""
    try:
        yield
    except (InputError, run.RunError):
        raise
    except Exception as e:  # noqa: BLE001 - its kind only: the text may quote a cell
        raise DistributedError(_failure(type(e).__name__)) from None


@attrs.frozen
class Read:
    """A pool read on the cluster, split into partitions: futures of each partition's pieces
    of the applicants' and the periods' tables, and the problems the reading found."""

    pieces: list[list[Any]]
    per_pieces: list[list[Any]]
    problems: list[Problem]

    def release(self) -> None:
        """Let the workers drop the read tables once the partitions that use them are scored."""
        self.pieces.clear()
        self.per_pieces.clear()


def read_pool(client: Any, job: Job, apps_spec: str, periods_spec: str | None,
              progress: Callable[[str], None] | None = None) -> Read:
    """Read a pool's files on the cluster, each split by ID into ``job.partitions``; a
    ``compare`` scores both sides from one reading (their versions read the same facts)."""
    with _cluster_errors():
        app_src = sources(apps_spec)
        per_src = sources(periods_spec) if periods_spec else []
        reads = [client.submit(read_task, s, job, False, pure=False) for s in app_src]
        per_reads = [client.submit(read_task, s, job, True, pure=False) for s in per_src]
        problems: list[Problem] = []
        for found in client.gather([client.submit(_read_problems, r) for r in [*reads, *per_reads]]):
            problems += got(found)
        (progress or (lambda _: None))(tr("read {n} files", n=len(reads) + len(per_reads)))
        return Read([[client.submit(_piece, r, i) for r in reads] for i in range(job.partitions)],
                    [[client.submit(_piece, r, i) for r in per_reads] for i in range(job.partitions)], problems)


def rank_pool(client: Any, job: Job, apps_spec: str, periods_spec: str | None, quotas: Quotas,
              *, ties: Ties | None = None, rows_per_range: int = ROWS_PER_RANGE,
              progress: Callable[[str], None] | None = None, form: str = "csv") -> DistributedOutcome:
    """Read, score and rank a pool on the cluster; the outputs are then written by
    ``DistributedOutcome.write`` (or gathered by ``columns``)."""
    require_ranking(job.scheme, job.version)
    return rank_read(client, job, read_pool(client, job, apps_spec, periods_spec, progress), quotas, ties=ties,
                     rows_per_range=rows_per_range, progress=progress, form=form)


def rank_read(client: Any, job: Job, read: Read, quotas: Quotas, *, ties: Ties | None = None,
              rows_per_range: int = ROWS_PER_RANGE, progress: Callable[[str], None] | None = None,
              form: str = "csv", release: bool = True) -> DistributedOutcome:
    """Score and rank a pool read by ``read_pool`` (``job.partitions`` as it was read with);
    with ``release``, the read tables leave memory as the partitions are scored."""
    require_ranking(job.scheme, job.version)
    assert form in FORMS, form
    with _cluster_errors():
        return _rank_read(client, job, read, quotas, ties, rows_per_range, progress or (lambda _: None), form,
                          release)


def _rank_read(client: Any, job: Job, read: Read, quotas: Quotas, ties: Ties | None, rows_per_range: int,
               say: Callable[[str], None], form: str, release: bool) -> DistributedOutcome:
    assert job.version.ranking is not None
    width = 2 * len(job.version.ranking.keys)
    p = job.partitions
    problems = list(read.problems)
    parts = [client.submit(score_task, read.pieces[i], read.per_pieces[i], job) for i in range(p)]
    if release:
        read.release()
    hists = [got(h) for h in client.gather([client.submit(_histogram, x) for x in parts])]
    for chunk in client.gather([client.submit(_problems, x) for x in parts]):
        problems += got(chunk)
    say(tr("scored {n} partitions", n=p))
    policy = ties or job.version.ranking.ties
    merged = bycounts.merge(hists, width)
    # A closed world, as in one machine's run: every bucket with eligible applicants has a quota.
    present = sorted(merged.applicants)
    places = run.quotas_for_run(quotas, job.version, present,
                                [b in merged.groups and int(merged.groups[b][1].sum()) > 0 for b in present])
    placements = bycounts.place(merged, places, None, policy, width)
    lay = layout(placements, {}, rows_per_range)
    if any(q.line >= 0 and q.take < q.tied for q in placements):
        keys: dict[str, list[str]] = {}
        for found in client.gather([client.submit(line_keys_task, x, lay) for x in parts]):
            for b, ks in got(found).items():
                keys.setdefault(b, []).extend(ks)
        lay = attrs.evolve(lay, chosen={b: bycounts.split_line(lay.placements[b], ks) for b, ks in keys.items()})
    placed = [client.submit(place_task, x, lay) for x in parts]
    ranges = [client.submit(range_task, [client.submit(_range_piece, x, r) for x in placed], form)
              for r in range(lay.ranges)]
    # A partition's scores leave a worker's memory once placed, and its places once formatted;
    # Dask keeps what it needs to compute them again if a worker dies.
    del parts, placed
    from distributed import wait

    wait(ranges)
    for checked in client.gather([client.submit(_whole, f) for f in ranges]):
        got(checked)  # raises here, before anything is written, if a range failed
    say(tr("ranked into {n} output ranges", n=lay.ranges))
    keys_ = job.version.ranking.keys
    at = score_index(keys_)
    summaries = []
    for q in placements:
        cutoff = None
        if q.admitted and not q.groups[q.line][2 * at]:
            signed = int(q.groups[q.line][2 * at + 1])
            cutoff = bulk.unit_value(-signed if keys_[at].descending else signed,
                                     isinstance(keys_[at].source, Score), job.version.rounding.places)
        summaries.append(BucketSummary(q.bucket, q.applicants, q.eligible, q.quota, q.admitted, cutoff, q.tied))
    return DistributedOutcome(summaries, problems, run.invalid_rows(problems), policy, ranges, client, form)
