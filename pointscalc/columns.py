"""Flat CSV tables read column by column, for the bulk engine of ``pointscalc rank``.

Reading a million applicants one dictionary at a time costs more than scoring them, so
the tables are parsed by Arrow's CSV reader and every column is dictionary-encoded.  Each
*distinct* value is then parsed once, by the very parser the applicant-by-applicant reader
uses (``pointscalc.reading``): the two readers cannot disagree on what a value means.

An applicant whose row or periods hold anything the columns cannot settle (a bad value, a
missing required field, an ID number that fails its check, a duplicate ID, no ID at all) is
handed back whole, as the mapping ``run.table_applicants`` would have built, so that the
reference reader reports it with file, row and field.  A file the columns cannot read
faithfully (blank lines, ragged rows, cells with surrounding spaces, quoted line breaks) is
refused with ``NotColumnar`` and read entirely by the reference reader: only speed is lost.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from pointscalc import places
from pointscalc.errors import InputError, Problem
from pointscalc.model import Choice, Degree, Diploma, PeriodKind, Qualification, Sex, Title
from pointscalc.reading import PERIOD_ATTRIBUTES, _birth, _bool, _choice, _city, _Invalid, _Reader, _text, parse_month
from pointscalc.scheme import Version
from pointscalc.tables import Table, decode

OPEN_END = 1 << 30
"""The exclusive end month of a period still running."""

_WS_ASCII = np.zeros(256, dtype=bool)
_WS_ASCII[[9, 10, 11, 12, 13, 28, 29, 30, 31, 32]] = True
_LEADS = np.zeros(256, dtype=bool)
_LEADS[[0xC2, 0xE1, 0xE2, 0xE3]] = True
_SECONDS = np.zeros(256, dtype=bool)
_SECONDS[[0x80, 0x81, 0x85, 0x9A, 0xA0]] = True
"""Whatever ``str.strip()`` removes beyond ASCII is U+0085, U+00A0, U+1680, U+2000–U+205F
or U+3000: in UTF-8, a lead byte from ``_LEADS`` followed by a byte from ``_SECONDS``."""


def padded(col: pa.Array) -> bool:
    """Whether any cell has something ``str.strip()`` would remove: the reference reader
    strips cells, so such a file goes to it.  The bytes at each end of a cell pick a few
    candidates, and Python decides on those."""
    n = len(col)
    buffer = col.buffers()[2]
    if n == 0 or buffer is None or buffer.size == 0:
        return False
    # Three zero bytes either side: a short cell's neighbours are read as zeros, not wrapped.
    data = np.concatenate([np.zeros(3, np.uint8), np.frombuffer(buffer, dtype=np.uint8), np.zeros(3, np.uint8)])
    offsets = np.frombuffer(col.buffers()[1], dtype=np.int32)[col.offset: col.offset + n + 1]
    start, end = offsets[:-1] + 3, offsets[1:] + 3
    filled = end > start
    two = end - start > 1
    maybe = filled & (_WS_ASCII[data[start]] | _WS_ASCII[data[end - 1]])
    maybe |= two & ((_LEADS[data[start]] & _SECONDS[data[start + 1]])
                    | (_LEADS[data[end - 2]] & _SECONDS[data[end - 1]])
                    | (_LEADS[data[end - 3]] & _SECONDS[data[end - 2]]))
    if not maybe.any():
        return False
    return any(v != v.strip() for v in col.filter(pa.array(maybe)).to_pylist())


class NotColumnar(Exception):
    """The file must be read applicant by applicant; the message says why."""


@attrs.frozen
class RawTable:
    name: str
    header: list[str]
    columns: dict[str, pa.Array]
    """Cells by canonical column name, as text; only non-blank rows."""
    rows: np.ndarray
    """The 1-based data row of each kept row, as ``tables.read_csv`` numbers them."""

    def __len__(self) -> int:
        return len(self.rows)

    def cells(self, i: int) -> dict[str, str]:
        """One row's non-empty cells, as the reference reader builds them."""
        out = {}
        for name, col in self.columns.items():
            value = col[i].as_py()
            if value != "":
                out[name] = value
        return out


def read_raw(path: Path, wanted: dict[str, tuple[str, ...]]) -> RawTable:
    """Parse a CSV with Arrow; the header is checked as the reference reader checks it."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError([Problem(name, "", f"cannot be read: {e.strerror}")]) from None
    data = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    try:
        return _parse(name, data, wanted)
    except _NotUtf8:
        if raw.startswith(b"\xef\xbb\xbf"):
            raise NotColumnar("not valid UTF-8 after its byte-order mark") from None
        return _parse(name, decode(raw, name).encode("utf-8"), wanted)


class _NotUtf8(Exception):
    pass


def _parse(name: str, data: bytes, wanted: dict[str, tuple[str, ...]]) -> RawTable:
    from pointscalc.run import _columns

    end = data.find(b"\n")
    first = data[: end if end >= 0 else len(data)]
    try:
        header_text = first.decode("utf-8")
    except UnicodeDecodeError:
        raise _NotUtf8 from None
    header = [h.strip() for h in next(csv.reader([header_text.rstrip("\r")]), [])]
    if not header or end < 0 or b'"\n' in data or b"\n\n" in data or b"\n\r\n" in data:
        raise NotColumnar("a header only, blank lines or quoted line breaks")
    mapping, problems = _columns(Table(name, header, [], []), wanted)
    if problems:
        raise InputError(problems)
    names = [f"c{i}" for i in range(len(header))]
    try:
        table = pacsv.read_csv(
            pa.BufferReader(data),
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1, block_size=16 << 20),
            parse_options=pacsv.ParseOptions(newlines_in_values=False, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False),
        )
    except pa.ArrowInvalid as e:
        if "UTF8" in str(e) or "utf8" in str(e).lower():
            raise _NotUtf8 from None
        raise NotColumnar(f"Arrow cannot read it faithfully: {e}") from None
    columns: dict[str, pa.Array] = {}
    for n, h in zip(names, header, strict=True):
        col = table[n].combine_chunks() if table.num_rows else pa.array([], pa.string())
        columns[mapping[h]] = col
    return without_blank_rows(name, header, columns, np.arange(1, table.num_rows + 1, dtype=np.int64))


def without_blank_rows(name: str, header: list[str], columns: dict[str, pa.Array], rows: np.ndarray) -> RawTable:
    """The table less its rows with every cell empty, which the reference reader skips."""
    if len(rows):
        filled = np.zeros(len(rows), dtype=bool)
        for col in columns.values():
            filled |= pc.greater(pc.binary_length(col), 0).to_numpy(zero_copy_only=False)
        if not filled.all():
            keep = pa.array(filled)
            columns = {k: pc.filter(v, keep) for k, v in columns.items()}
            rows = rows[filled]
    return RawTable(name, header, columns, rows)


@attrs.frozen
class Coded:
    """A column as codes into the parsed distinct values; code -1 is an empty cell."""

    codes: np.ndarray
    values: list[Any]
    bad: np.ndarray
    """Rows whose value the parser refused."""

    @property
    def present(self) -> np.ndarray:
        return self.codes >= 0

    def mapped(self, fn: Callable[[Any], Any], empty: Any, dtype: Any = np.int64) -> np.ndarray:
        """Per row, ``fn`` of the parsed value (``empty`` for an empty or refused cell)."""
        table = np.array([empty if v is _BAD else fn(v) for v in self.values] + [empty], dtype=dtype)
        return table[self.codes]


_BAD = object()


Encoded = tuple[list[str], np.ndarray]
"""A column's distinct words, and each row's index into them."""


def encode(col: pa.Array) -> Encoded:
    enc = pc.dictionary_encode(col)
    words = enc.dictionary.to_pylist()
    _refuse_padded(words)
    return words, enc.indices.to_numpy(zero_copy_only=False).astype(np.int32)


def coded(col: pa.Array | Encoded | None, n: int, parse: Callable[[str], Any]) -> Coded:
    """Parse each distinct value of a text column once.  An already encoded column may be
    given, to parse it again another way (period attributes, once per period kind)."""
    if col is None:
        return Coded(np.full(n, -1, dtype=np.int64), [], np.zeros(n, dtype=bool))
    words, codes = col if isinstance(col, tuple) else encode(col)
    values: list[Any] = []
    bad_value = np.zeros(len(words) + 1, dtype=bool)
    empty = -1
    for i, w in enumerate(words):
        if w == "":
            empty = i
            values.append(_BAD)
            continue
        try:
            values.append(parse(w))
        except _Invalid:
            values.append(_BAD)
            bad_value[i] = True
    if empty >= 0:
        codes = np.where(codes == empty, np.int32(-1), codes)
    return Coded(codes, values, bad_value[codes])


def _refuse_padded(texts: list[str]) -> None:
    if any(t != t.strip() for t in texts):
        raise NotColumnar("cells with surrounding spaces, which the reference reader strips")


def _rank_of(cls: type[Choice]) -> Callable[[str], int]:
    parse = _choice(cls)
    return lambda text: cls(parse(text)).rank


# --- Applicant rows ---------------------------------------------------------------------

_WEIGHTS = np.array([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2], dtype=np.int64)
_CHECK = np.frombuffer(b"10X98765432", dtype=np.uint8)


def _id_matrix(col: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """ID numbers as an (n, 18) byte matrix, and which rows are 18 ASCII characters."""
    n = len(col)
    fits = pc.and_(pc.equal(pc.binary_length(col), 18), pc.equal(pc.utf8_length(col), 18))
    fits_np = fits.to_numpy(zero_copy_only=False)
    filled = pc.if_else(fits, col, "0" * 18)
    offsets = np.frombuffer(filled.buffers()[1], dtype=np.int32)[filled.offset: filled.offset + n + 1]
    data = np.frombuffer(filled.buffers()[2], dtype=np.uint8)[offsets[0]: offsets[0] + 18 * n]
    return data.reshape(n, 18), fits_np


def _valid_ids(col: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """GB 11643 checks over the column: which IDs pass as written (upper-case X), their
    birth dates as YYYYMMDD, and their sex (1 male, 2 female)."""
    m, ok = _id_matrix(col)
    digits = m[:, :17].astype(np.int64) - 48
    ok &= ((digits >= 0) & (digits <= 9)).all(axis=1)
    ok &= ((m[:, 17] >= 48) & (m[:, 17] <= 57)) | (m[:, 17] == 88)
    ok &= _CHECK[(np.where(ok[:, None], digits, 0) @ _WEIGHTS) % 11] == m[:, 17]
    ymd = digits[:, 6:14] @ (10 ** np.arange(7, -1, -1, dtype=np.int64))
    distinct = np.unique(ymd[ok])
    real = np.array([_is_date(int(v)) for v in distinct], dtype=bool)
    ok[ok] &= real[np.searchsorted(distinct, ymd[ok])] if len(distinct) else True
    sex = np.where(digits[:, 16] % 2 == 1, 1, 2)
    return ok, ymd, sex


def _is_date(ymd: int) -> bool:
    try:
        dt.date(ymd // 10000, ymd // 100 % 100, ymd % 100)
    except ValueError:
        return False
    return True


@attrs.define
class Frame:
    """Clean applicants as columns, their periods sorted by applicant."""

    n: int
    ids: list[str]
    names: list[str]
    buckets: list[str]
    birth: np.ndarray
    """YYYYMMDD."""
    ranks: dict[str, np.ndarray]
    """Diploma, degree, qualification and title, as the rank of the choice."""
    rural: np.ndarray
    """1 rural, 0 not, -1 not given."""
    extra: dict[str, Coded]
    p_app: np.ndarray
    p_kind: np.ndarray
    p_city: np.ndarray
    cities: list[str]
    p_district: np.ndarray
    districts: list[str | None]
    p_start: np.ndarray
    p_end: np.ndarray
    """Exclusive; ``OPEN_END`` while running."""
    p_attr: dict[str, tuple[np.ndarray, list[Any]]]
    """Each period attribute as codes (-1 absent) into its parsed values."""
    f_app: np.ndarray
    f_moves: np.ndarray


@attrs.frozen
class Read:
    frame: Frame
    others: list[tuple[int, str, Any, list[Problem], Any]]
    """Applicants for the reference reader, as ``run.table_applicants`` yields them."""


def read(app_path: Path, periods_path: Path | None, version: Version, by_area: bool) -> Read:
    from pointscalc.run import APPLICANT_COLUMNS, PERIOD_COLUMNS, _with_facts

    # Arrow parses without the GIL: the two tables are read side by side.
    with ThreadPoolExecutor(2) as pool:
        later = pool.submit(read_raw, periods_path, _with_facts(PERIOD_COLUMNS, version, periods=True)) \
            if periods_path else None
        apps = read_raw(app_path, _with_facts(APPLICANT_COLUMNS, version, periods=False))
        per = later.result() if later is not None else None
    return from_raw(apps, per, version, by_area)


def from_raw(apps: RawTable, per: RawTable | None, version: Version, by_area: bool) -> Read:
    """The frame and the applicants left to the reference reader, from tables already
    parsed (one whole file, or one partition of a pool: ``pointscalc.distributed``)."""
    from pointscalc.run import DEFAULT_BUCKET

    if per is not None and "id" not in per.columns:
        raise InputError([Problem(per.name, "id", "a periods table needs the applicant ID column (身份证号)")])
    n = len(apps)
    if n == 0:
        raise NotColumnar("no applicants")
    cols = apps.columns
    reader = _Reader(apps.name, version.facts, None)
    bad = np.zeros(n, dtype=bool)

    id_col = cols.get("id", pa.array([""] * n, pa.string()))
    id_ok, id_ymd, id_sex = _valid_ids(id_col)
    bad |= ~id_ok
    ids_text = id_col.to_pylist()
    _refuse_padded([ids_text[i] for i in np.flatnonzero(~id_ok).tolist()])
    for column in ("name", "bucket"):
        if column in cols and padded(cols[column]):
            raise NotColumnar("cells with surrounding spaces, which the reference reader strips")
    # The reference reader upper-cases a final x: compare IDs as it will key them.
    upper = pc.utf8_upper(id_col)
    counts = pc.value_counts(upper)
    repeated = pc.filter(counts.field("values"), pc.greater(counts.field("counts"), 1))
    if len(repeated):
        bad |= pc.is_in(upper, value_set=repeated).to_numpy(zero_copy_only=False)

    birth = coded(cols.get("birth"), n, _birth)
    bad |= birth.bad
    b_ymd = birth.mapped(lambda v: v[0].year * 10000 + v[0].month * 100 + v[0].day, -1)
    b_known = birth.mapped(lambda v: v[1], True, bool)
    given = b_ymd >= 0
    bad |= given & np.where(b_known, b_ymd != id_ymd, b_ymd // 100 != id_ymd // 100)
    sex = coded(cols.get("sex"), n, _choice(Sex))
    bad |= sex.bad | (sex.present & (sex.mapped(lambda v: 1 if v == "male" else 2, 0) != id_sex))

    ranks = {}
    for column, cls in (("diploma", Diploma), ("degree", Degree), ("qualification", Qualification),
                        ("title", Title)):
        c = coded(cols.get(column), n, _rank_of(cls))
        bad |= c.bad
        ranks[column] = c.mapped(lambda v: v, 0, np.int8)
    for column, parse in (("origin_city", _city), ("origin_province", _text)):
        bad |= coded(cols.get(column), n, parse).bad
    rural_c = coded(cols.get("rural"), n, _bool)
    bad |= rural_c.bad
    rural = rural_c.mapped(lambda v: int(v), -1, np.int8)
    extra: dict[str, Coded] = {}
    for name, fact in reader.extra_facts.items():
        c = coded(cols.get(name), n, reader._fact_parser(fact))
        bad |= c.bad | (~c.present if fact.required else False)
        extra[name] = c

    # Periods, joined to applicants by the ID text as written.
    per_bad_app = np.zeros(n, dtype=bool)
    if per is not None and len(per):
        m = len(per)
        pid = per.columns["id"]
        p_app_all = np.asarray(pc.fill_null(pc.index_in(pid, value_set=id_col), -1)).astype(np.int64)
        orphan = p_app_all < 0
        _refuse_padded(pc.filter(pid, pa.array(orphan)).to_pylist())
        p_bad = np.zeros(m, dtype=bool)
        kind = coded(per.columns.get("kind"), m, _choice(PeriodKind))
        kind_rank = kind.mapped(lambda v: PeriodKind(v).rank, -1, np.int16)
        p_bad |= kind.bad | ~kind.present
        city = coded(per.columns.get("city"), m, _city)
        p_bad |= city.bad | ~city.present
        start = coded(per.columns.get("start"), m, parse_month)
        end = coded(per.columns.get("end"), m, parse_month)
        p_bad |= start.bad | ~start.present | end.bad
        p_start = start.mapped(lambda v: v, 0)
        p_end = np.where(end.present, end.mapped(lambda v: v + 1, 0), OPEN_END)
        p_bad |= end.present & (p_end <= p_start)
        city_names = [v if v is not _BAD else "" for v in city.values]
        d_raw = coded(per.columns.get("district"), m, lambda t: t)
        pairs = np.where(d_raw.present & city.present, city.codes * (len(d_raw.values) + 1) + d_raw.codes, -1)
        distinct_pairs, inverse = np.unique(pairs, return_inverse=True)
        districts: list[str | None] = []
        pair_bad = np.zeros(len(distinct_pairs), dtype=bool)
        for j, key in enumerate(distinct_pairs.tolist()):
            if key < 0:
                districts.append(None)
                continue
            c_name = city_names[key // (len(d_raw.values) + 1)]
            text = d_raw.values[key % (len(d_raw.values) + 1)]
            try:
                districts.append(places.district(c_name, _text(text)) if c_name else None)
            except (ValueError, _Invalid):
                districts.append(None)
                pair_bad[j] = True
        p_bad |= pair_bad[inverse]
        p_attr: dict[str, tuple[np.ndarray, list[Any]]] = {}
        known = {"id", "kind", "city", "district", "start", "end"}
        schemas = {k: _schema(k, reader) for k in PeriodKind}
        attr_names = sorted({a for s in schemas.values() for a in s} | (set(per.columns) - known))
        for attr in attr_names:
            col = per.columns.get(attr)
            if col is not None:
                col = encode(col)
            present = coded(col, m, lambda t: t).present
            codes = np.full(m, -1, dtype=np.int64)
            values: list[Any] = []
            for k, schema in schemas.items():
                of_kind = kind_rank == k.rank
                if attr not in schema:
                    p_bad |= of_kind & present
                    continue
                parse, required = schema[attr]
                if required:
                    p_bad |= of_kind & ~present
                if col is None or not (of_kind & present).any():
                    continue
                c = coded(col, m, parse)
                p_bad |= of_kind & c.bad
                shift = len(values)
                values += [None if v is _BAD else v for v in c.values]
                codes = np.where(of_kind & c.present, c.codes + shift, codes)
            p_attr[attr] = (codes, values)
        per_bad_app[p_app_all[~orphan & p_bad]] = True
    bad |= per_bad_app

    clean = ~bad
    index = np.flatnonzero(clean)
    new_of_old = np.full(n, -1, dtype=np.int64)
    new_of_old[index] = np.arange(len(index))
    names_col = cols.get("name")
    names = names_col.take(pa.array(index)).to_pylist() if names_col is not None else [""] * len(index)
    bucket_col = cols.get("bucket")
    given_bucket = np.array(bucket_col.to_pylist(), dtype=object)[index] if bucket_col is not None \
        else np.full(len(index), "", dtype=object)
    target = extra.get("target_area")
    if by_area and target is not None:
        names_of = np.array([str(v) if v is not _BAD else DEFAULT_BUCKET for v in target.values] + [DEFAULT_BUCKET],
                            dtype=object)
        fallback = names_of[target.codes[index]]
    else:
        fallback = np.full(len(index), DEFAULT_BUCKET, dtype=object)
    buckets = np.where(given_bucket == "", fallback, given_bucket).tolist()
    born = np.where(b_ymd >= 0, b_ymd, id_ymd)

    if per is not None and len(per):
        keep = ~orphan & clean[np.where(orphan, 0, p_app_all)]
        order = np.argsort(new_of_old[p_app_all[keep]], kind="stable")
        sel = np.flatnonzero(keep)[order]
        frame_periods = dict(
            p_app=new_of_old[p_app_all[sel]], p_kind=kind_rank[sel].astype(np.int16),
            p_city=city.codes[sel], cities=city_names,
            p_district=inverse[sel].astype(np.int64), districts=districts,
            p_start=p_start[sel], p_end=p_end[sel],
            p_attr={a: (c[sel], v) for a, (c, v) in p_attr.items()},
        )
    else:
        empty = np.zeros(0, dtype=np.int64)
        frame_periods = dict(p_app=empty, p_kind=empty.astype(np.int16), p_city=empty, cities=[],
                             p_district=empty, districts=[], p_start=empty, p_end=empty, p_attr={})
    frame = Frame(
        n=len(index), ids=[ids_text[i] for i in index.tolist()], names=names,
        buckets=buckets, birth=born[index], ranks={k: v[index] for k, v in ranks.items()},
        rural=rural[index], extra={k: Coded(c.codes[index], c.values, c.bad[index]) for k, c in extra.items()},
        f_app=np.zeros(0, dtype=np.int64), f_moves=np.zeros(0, dtype=bool), **frame_periods,
    )
    others = _others(apps, per, np.flatnonzero(bad), p_app_all if per is not None and len(per) else None, ids_text,
                     set(reader.extra_facts))
    return Read(frame, others)


def _schema(kind: PeriodKind, reader: _Reader) -> dict[str, tuple[Callable[[Any], Any], bool]]:
    schema = dict(PERIOD_ATTRIBUTES[kind])
    for fact in reader.period_facts.get(kind, {}).values():
        schema[fact.name] = (reader._fact_parser(fact), fact.required)
    return schema


def _others(apps: RawTable, per: RawTable | None, bad: np.ndarray, p_app: np.ndarray | None,
            ids_text: list[str], extra_names: set[str]) -> list[tuple[int, str, Any, list[Problem], Any]]:
    """What ``run.table_applicants`` yields for the applicants the columns could not settle,
    and for period rows that belong to no applicant."""
    from pointscalc.run import applicant_data

    out: list[tuple[int, str, Any, list[Problem], Any]] = []
    by_id: dict[str, list[int]] = {}
    if p_app is not None and per is not None:
        for j in np.flatnonzero(np.isin(p_app, bad)).tolist():
            by_id.setdefault(ids_text[int(p_app[j])], []).append(j)
    for i in bad.tolist():
        cells = apps.cells(i)
        data = applicant_data(cells, extra_names)
        own = by_id.get(cells["id"], []) if cells.get("id") else []
        periods = []
        for j in own:
            pc_cells = per.cells(j)  # type: ignore[union-attr]
            pc_cells.pop("id", None)
            periods.append(pc_cells)
        data["periods"] = periods
        where = (per.name, [int(per.rows[j]) for j in own]) if per is not None else None
        out.append((int(apps.rows[i]), apps.name, data, [], where))
    if per is not None and p_app is not None:
        for j in np.flatnonzero(p_app < 0).tolist():
            out.append((int(per.rows[j]), "", None,
                        [Problem(per.name, "id", "no applicant in the applicants table has this ID", int(per.rows[j]))],
                        None))
    return out
