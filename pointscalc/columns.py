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
import re
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from pointscalc import idnumber, limits, places
from pointscalc.errors import InputError, Problem, os_reason
from pointscalc.i18n import tr
from pointscalc.model import Choice, Degree, Diploma, PeriodKind, Qualification, RecordKind, Relation, Sex, Title
from pointscalc.reading import (
    PERIOD_ATTRIBUTES,
    RECORD_ATTRIBUTES,
    _birth,
    _bool,
    _choice,
    _city,
    _Invalid,
    _Reader,
    _text,
    parse_date,
    parse_month,
)
from pointscalc.scheme import Version
from pointscalc.tables import FIRST_ROW, Table, decode

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


_BOM = b"\xef\xbb\xbf"
_REFUSED = (b'"\n', b"\n\n", b"\n\r\n")
"""Quoted line breaks and blank lines: what only the reference reader reads faithfully."""
_LONE_CR = re.compile(rb"\r(?!\n)")


def read_raw(path: Path, wanted: dict[str, tuple[str, ...]]) -> RawTable:
    """Parse a CSV with Arrow; the header is checked as the reference reader checks it.

    A UTF-8 file is parsed from disk, never held whole as bytes besides its table; any
    other encoding is decoded by the reference's rules first."""
    name = str(path)
    try:
        limits.regular(path)
        with path.open("rb") as f:
            bom = f.read(3) == _BOM
    except OSError as e:
        raise InputError([Problem(name, "", tr("cannot be read: {reason}", reason=os_reason(e)))]) from None
    try:
        return _parse(name, path, wanted)
    except _NotUtf8:
        if bom:
            raise NotColumnar(tr("not valid UTF-8 after its byte-order mark")) from None
        return _parse(name, decode(path.read_bytes(), name).encode("utf-8"), wanted)


class _NotUtf8(Exception):
    pass


def _blocks(source: Path | bytes) -> Iterator[bytes]:
    if isinstance(source, bytes):
        yield source
        return
    with source.open("rb") as f:
        yield from iter(lambda: f.read(16 << 20), b"")


def _first_line(source: Path | bytes) -> tuple[bytes | None, bool]:
    """The header line (without a byte-order mark; ``None`` if the file has no line end), and
    whether the file holds anything in ``_REFUSED``, read a block at a time."""
    head = b""
    first: bytes | None = None
    refused = False
    tail = b""
    for block in _blocks(source):
        if first is None:
            head += block
            end = head.find(b"\n")
            if end >= 0:
                first = head[:end]
            elif len(head) > 1 << 24:
                break
        joined = tail + block
        # A CR with no LF after it ends a line for the reference reader and not for Arrow; the
        # last byte waits for the next block, whose first byte may be its LF.
        refused = refused or any(r in joined for r in _REFUSED) \
            or any(m.start() < len(joined) - 1 for m in _LONE_CR.finditer(joined))
        tail = block[-2:]
    refused = refused or tail.endswith(b"\r")
    if first is not None and first.startswith(_BOM):
        first = first[3:]
    return first, refused


def _parse(name: str, source: Path | bytes, wanted: dict[str, tuple[str, ...]]) -> RawTable:
    from pointscalc.run import _columns

    first, refused = _first_line(source)
    try:
        header_text = first.decode("utf-8") if first is not None else ""
    except UnicodeDecodeError:
        raise _NotUtf8 from None
    header = [h.strip() for h in next(csv.reader([header_text.rstrip("\r")]), [])]
    if not header or first is None or refused:
        raise NotColumnar(tr("a header only, blank lines, quoted line breaks or lines ended by CR alone"))
    mapping, problems = _columns(Table(name, header, [], []), wanted)
    if problems:
        raise InputError(problems)
    names = [f"c{i}" for i in range(len(header))]
    try:
        table = pacsv.read_csv(
            pa.BufferReader(source) if isinstance(source, bytes) else str(source),
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1, block_size=16 << 20),
            parse_options=pacsv.ParseOptions(newlines_in_values=False, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False),
        )
    except pa.ArrowInvalid as e:
        if "UTF8" in str(e) or "utf8" in str(e).lower():
            raise _NotUtf8 from None
        # Arrow's message quotes the row it stopped at: someone's data, so it is not repeated.
        raise NotColumnar(tr("Arrow cannot read it faithfully (rows of another length than the header,"
                             " or quoting it does not follow)")) from None
    columns: dict[str, pa.Array] = {}
    count = table.num_rows
    for n, h in zip(names, header, strict=True):
        # One column at a time, dropped from the table once whole: at most one column twice in memory.
        col = table[n].combine_chunks() if count else pa.array([], pa.string())
        # Bytes bound characters from above and are read off the offsets, not scanned: a long
        # Chinese cell within the limit only goes to the reference reader, which takes it.
        if count and pc.max(pc.binary_length(col)).as_py() > limits.MAX_CELL:
            raise NotColumnar(tr("a cell that may be longer than the CSV reader's limit"))
        columns[mapping[h]] = col
        table = table.drop_columns([n])
    return without_blank_rows(name, header, columns, np.arange(FIRST_ROW, count + FIRST_ROW, dtype=np.int64))


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

    def mapped(self, fn: Callable[[Any], Any], empty: Any, dtype: Any = np.int32) -> np.ndarray:
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
        raise NotColumnar(_padded_why())


def _padded_why() -> str:
    return tr("cells with surrounding spaces, which the reference reader strips")


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


def normalised_ids(col: pa.Array) -> pa.Array:
    """IDs in the form ``idnumber.normalise`` gives: the few cells that are not ASCII (full-width
    digits) go through it one by one; for the rest, normalising is upper-casing a final x."""
    ascii_ = pc.string_is_ascii(col)
    if not pc.all(ascii_).as_py():
        texts = col.to_pylist()
        for i in np.flatnonzero(~ascii_.to_numpy(zero_copy_only=False)).tolist():
            texts[i] = idnumber.normalise(texts[i])
        col = pa.array(texts, pa.string())
    return pc.replace_substring(col, "x", "X")


_PROVINCE = np.zeros(100, dtype=bool)
_PROVINCE[[int(c) for c in idnumber.provinces()]] = True


def _valid_ids(col: pa.Array, as_of: dt.date | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``idnumber.validate`` over a normalised column: which IDs pass, their birth dates as
    YYYYMMDD, and their sex (1 male, 2 female)."""
    m, ok = _id_matrix(col)
    digits = m[:, :17].astype(np.int64) - 48
    ok &= ((digits >= 0) & (digits <= 9)).all(axis=1)
    ok &= ((m[:, 17] >= 48) & (m[:, 17] <= 57)) | (m[:, 17] == 88)
    ok &= _CHECK[(np.where(ok[:, None], digits, 0) @ _WEIGHTS) % 11] == m[:, 17]
    ok &= _PROVINCE[np.where(ok, digits[:, 0] * 10 + digits[:, 1], 0)]
    ymd = digits[:, 6:14] @ (10 ** np.arange(7, -1, -1, dtype=np.int64))
    latest = as_of.year * 10000 + as_of.month * 100 + as_of.day if as_of is not None else 99991231
    ok &= (ymd >= 19000101) & (ymd <= latest)
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
    f_relation: np.ndarray
    """The rank of each family member's ``Relation``."""
    f_birth: np.ndarray
    """YYYYMMDD, -1 where not given."""
    sex: np.ndarray
    """1 male, 2 female, 0 not known."""
    r_app: np.ndarray
    """Records, sorted by applicant as periods are."""
    r_kind: np.ndarray
    r_date: np.ndarray
    """YYYYMMDD."""
    r_attr: dict[str, tuple[np.ndarray, list[Any]]]


NO_FAMILY = dict(f_app=np.zeros(0, dtype=np.int64), f_moves=np.zeros(0, dtype=bool),
                 f_relation=np.zeros(0, dtype=np.int8), f_birth=np.zeros(0, dtype=np.int64))
NO_RECORDS = dict(r_app=np.zeros(0, dtype=np.int64), r_kind=np.zeros(0, dtype=np.int16),
                  r_date=np.zeros(0, dtype=np.int64), r_attr={})


@attrs.frozen
class Read:
    frame: Frame
    others: list[tuple[int, str, Any, list[Problem], Any]]
    """Applicants for the reference reader, as ``run.table_applicants`` yields them."""
    tables: tuple[RawTable, RawTable | None] | None = None
    """The applicants and periods tables as parsed, for a caller that reads more of them
    (``compare``'s groups)."""


def read(app_path: Path, keyed: dict[str, Path | None], version: Version, by_area: bool,
         as_of: dt.date | None = None) -> Read:
    """The applicants table and its keyed tables (``periods``, ``family``, ``records``)."""
    from pointscalc.run import APPLICANT_COLUMNS, _with_facts, keyed_columns

    # Arrow parses without the GIL: the keyed tables are read while the applicants are checked.
    pool = ThreadPoolExecutor(max(1, sum(1 for p in keyed.values() if p)))
    try:
        later = {k: pool.submit(read_raw, p, keyed_columns(k, version)) for k, p in keyed.items() if p}
        apps = read_raw(app_path, _with_facts(APPLICANT_COLUMNS, version, periods=False))
        raws = {k: f.result() for k, f in later.items()}
    finally:
        # Even when one table fails, the others are waited for here: a process that exits
        # while Arrow still reads in a thread may abort (seen with pyarrow 26).
        pool.shutdown(wait=True, cancel_futures=True)
    return from_raw(apps, raws, version, by_area, as_of)


def from_raw(apps: RawTable, raws: dict[str, RawTable], version: Version, by_area: bool,
             as_of: dt.date | None = None) -> Read:
    """The frame and the applicants left to the reference reader, from tables already
    parsed (whole files, or one partition of a pool: ``pointscalc.distributed``)."""
    from pointscalc.run import DEFAULT_BUCKET

    n = len(apps)
    if n == 0:
        raise NotColumnar(tr("no applicants"))
    cols = apps.columns
    reader = _Reader(apps.name, version.facts, None)
    bad = np.zeros(n, dtype=bool)

    raw_ids = cols.get("id", pa.array([""] * n, pa.string()))
    # Checked, compared and joined as the reference reader keys them: one person, one key.
    id_col = normalised_ids(raw_ids)
    id_ok, id_ymd, id_sex = _valid_ids(id_col, as_of)
    bad |= ~id_ok
    ids_text = id_col.to_pylist()
    _refuse_padded(pc.filter(raw_ids, pa.array(~id_ok)).to_pylist())
    for column in ("name", "bucket"):
        if column in cols and padded(cols[column]):
            raise NotColumnar(_padded_why())
    counts = pc.value_counts(id_col)
    repeated = pc.filter(counts.field("values"), pc.greater(counts.field("counts"), 1))
    if len(repeated):
        bad |= pc.is_in(id_col, value_set=repeated).to_numpy(zero_copy_only=False)

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
    for k, t in raws.items():
        if "id" not in t.columns:
            raise InputError([Problem(t.name, "id", tr("a {key} table needs the applicant ID column (身份证号)", key=k))])
    per = raws.get("periods")

    # Periods, family and records, joined to applicants by the ID text as written.
    owners = {k: _owners(t, id_col) if len(t) else np.zeros(0, dtype=np.int64) for k, t in raws.items()}
    per_bad_app = np.zeros(n, dtype=bool)
    if per is not None and len(per):
        m = len(per)
        p_app_all = owners["periods"]
        orphan = p_app_all < 0
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
        p_attr, attr_bad = _attributes(per, kind_rank, {k.rank: _schema(k, reader) for k in PeriodKind},
                                       {"id", "kind", "city", "district", "start", "end"})
        p_bad |= attr_bad
        per_bad_app[p_app_all[~orphan & p_bad]] = True
    bad |= per_bad_app
    family, f_bad = _family(raws.get("family"))
    if as_of is not None and len(f_bad):  # a member not yet born: the reference refuses the applicant
        f_bad |= family["f_birth"] > _ymd(as_of)
    records, r_bad = _records(raws.get("records"))
    f_app_all = owners.get("family", np.zeros(0, dtype=np.int64))
    r_app_all = owners.get("records", np.zeros(0, dtype=np.int64))
    for owner, row_bad in ((f_app_all, f_bad), (r_app_all, r_bad)):
        bad[owner[(owner >= 0) & row_bad]] = True
    others = _others(apps, {k: (t, owners[k]) for k, t in raws.items()}, np.flatnonzero(bad), ids_text,
                     set(reader.extra_facts))
    del raws  # the keyed tables' text, but the periods (compare's groups read them), is freed here

    clean = ~bad
    index = np.flatnonzero(clean)
    new_of_old = np.full(n, -1, dtype=np.int32)
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

    if "periods" in owners and len(owners["periods"]):
        sel = _kept(p_app_all, clean, new_of_old)
        frame_periods = dict(
            p_app=new_of_old[p_app_all[sel]], p_kind=kind_rank[sel].astype(np.int16),
            p_city=city.codes[sel], cities=city_names,
            p_district=inverse[sel].astype(np.int32), districts=districts,
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
        sex=np.where(sex.present, sex.mapped(lambda v: 1 if v == "male" else 2, 0), id_sex)[index].astype(np.int8),
        **_sliced(family, f_app_all, clean, new_of_old), **_sliced(records, r_app_all, clean, new_of_old),
        **frame_periods,
    )
    return Read(frame, others, (apps, per))


def _owners(table: RawTable, id_col: pa.Array) -> np.ndarray:
    """Each row's applicant, joined by the ID normalised as the reference reader keys it; -1
    for none (a row with no ID joins nobody, not even an applicant without one)."""
    raw = table.columns["id"]
    key = normalised_ids(raw)
    owner = np.asarray(pc.fill_null(pc.index_in(key, value_set=id_col), -1)).astype(np.int32)
    owner[pc.equal(key, "").to_numpy(zero_copy_only=False)] = -1
    _refuse_padded(pc.filter(raw, pa.array(owner < 0)).to_pylist())
    return owner


def _kept(owner: np.ndarray, clean: np.ndarray, new_of_old: np.ndarray) -> np.ndarray:
    """The rows of clean applicants, ordered by applicant (stable, so in file order within one)."""
    keep = (owner >= 0) & clean[np.where(owner < 0, 0, owner)]
    order = np.argsort(new_of_old[owner[keep]], kind="stable")
    return np.flatnonzero(keep)[order]


def _sliced(columns: dict[str, Any], owner: np.ndarray, clean: np.ndarray, new_of_old: np.ndarray) -> dict[str, Any]:
    """A keyed table's frame columns (``f_*`` or ``r_*``), kept for clean applicants only."""
    sel = _kept(owner, clean, new_of_old)
    out: dict[str, Any] = {}
    for name, col in columns.items():
        if isinstance(col, dict):
            out[name] = {a: (c[sel], v) for a, (c, v) in col.items()}
        elif name.endswith("_app"):
            out[name] = new_of_old[owner[sel]]
        else:
            out[name] = col[sel]
    return out


def _attributes(table: RawTable, kind_rank: np.ndarray, schemas: dict[int, dict[str, tuple[Callable[[Any], Any], bool]]],
                known: set[str]) -> tuple[dict[str, tuple[np.ndarray, list[Any]]], np.ndarray]:
    """The attributes of each row by its kind's schema (periods, records): codes into parsed
    values, and the rows with a refused value, a missing required one, or one its kind has not."""
    m = len(table)
    bad = np.zeros(m, dtype=bool)
    out: dict[str, tuple[np.ndarray, list[Any]]] = {}
    for attr in sorted({a for s in schemas.values() for a in s} | (set(table.columns) - known)):
        col = table.columns.get(attr)
        enc = encode(col) if col is not None else None
        present = coded(enc, m, lambda t: t).present
        codes = np.full(m, -1, dtype=np.int32)
        values: list[Any] = []
        for rank, schema in schemas.items():
            of_kind = kind_rank == rank
            if attr not in schema:
                bad |= of_kind & present
                continue
            parse, required = schema[attr]
            if required:
                bad |= of_kind & ~present
            if enc is None or not (of_kind & present).any():
                continue
            c = coded(enc, m, parse)
            bad |= of_kind & c.bad
            shift = len(values)
            values += [None if v is _BAD else v for v in c.values]
            codes = np.where(of_kind & c.present, c.codes + shift, codes)
        out[attr] = (codes, values)
    return out, bad


def _family(table: RawTable | None) -> tuple[dict[str, Any], np.ndarray]:
    """Family members as frame columns, and the rows the reference reader would refuse
    (``reading._Reader._member``)."""
    if table is None or not len(table):
        return NO_FAMILY, np.zeros(0, dtype=bool)
    m = len(table)
    cols = table.columns
    relation = coded(cols.get("relation"), m, _choice(Relation))
    birth = coded(cols.get("birth"), m, _birth)
    flags = {name: coded(cols.get(name), m, _bool) for name in ("married", "moves", "lives_with")}
    bad = relation.bad | ~relation.present | birth.bad
    for c in flags.values():
        bad |= c.bad
    return (dict(f_app=np.zeros(m, dtype=np.int64), f_moves=flags["moves"].mapped(bool, True, bool),
                 f_relation=relation.mapped(lambda v: Relation(v).rank, -1, np.int8),
                 f_birth=birth.mapped(lambda v: _ymd(v[0]), -1)), bad)


def _records(table: RawTable | None) -> tuple[dict[str, Any], np.ndarray]:
    """Records as frame columns, and the rows the reference reader would refuse
    (``reading._Reader._record``)."""
    if table is None or not len(table):
        return NO_RECORDS, np.zeros(0, dtype=bool)
    m = len(table)
    kind = coded(table.columns.get("kind"), m, _choice(RecordKind))
    date = coded(table.columns.get("date"), m, parse_date)
    kind_rank = kind.mapped(lambda v: RecordKind(v).rank, -1, np.int16)
    attrs_, bad = _attributes(table, kind_rank, {k.rank: RECORD_ATTRIBUTES[k] for k in RecordKind}, {"id", "kind", "date"})
    bad |= kind.bad | ~kind.present | date.bad | ~date.present
    return dict(r_app=np.zeros(m, dtype=np.int64), r_kind=kind_rank, r_date=date.mapped(_ymd, -1), r_attr=attrs_), bad


def _schema(kind: PeriodKind, reader: _Reader) -> dict[str, tuple[Callable[[Any], Any], bool]]:
    schema = dict(PERIOD_ATTRIBUTES[kind])
    for fact in reader.period_facts.get(kind, {}).values():
        schema[fact.name] = (reader._fact_parser(fact), fact.required)
    return schema


def _others(apps: RawTable, keyed: dict[str, tuple[RawTable, np.ndarray]], bad: np.ndarray,
            ids_text: list[str], extra_names: set[str]) -> list[tuple[int, str, Any, list[Problem], Any]]:
    """What ``run.table_applicants`` yields for the applicants the columns could not settle,
    and for keyed rows that belong to no applicant."""
    from pointscalc.run import applicant_data, orphan_period

    out: list[tuple[int, str, Any, list[Problem], Any]] = []
    by_id: dict[str, dict[str, list[int]]] = {k: {} for k in keyed}
    for k, (_, owner) in keyed.items():
        for j in np.flatnonzero(np.isin(owner, bad)).tolist():
            by_id[k].setdefault(ids_text[int(owner[j])], []).append(j)
    for i in bad.tolist():
        cells = apps.cells(i)
        data = applicant_data(cells, extra_names)
        where = {}
        for k, (table, _) in keyed.items():
            own = by_id[k].get(ids_text[i], []) if ids_text[i] else []
            rows = []
            for j in own:
                row = table.cells(j)
                row.pop("id", None)
                rows.append(row)
            data[k] = rows
            where[k] = (table.name, [int(table.rows[j]) for j in own])
        out.append((int(apps.rows[i]), apps.name, data, [], where or None))
    for table, owner in keyed.values():
        for j in np.flatnonzero(owner < 0).tolist():
            out.append((int(table.rows[j]), "", None, [orphan_period(table.name, int(table.rows[j]),
                                                                     table.cells(j).get("id", ""))], None))
    return out


def _codes(values: list[Any]) -> tuple[np.ndarray, list[Any]]:
    """Values as codes into their distinct values (in order of first appearance), -1 for None."""
    index: dict[Any, int] = {}
    codes = np.array([-1 if v is None else index.setdefault(v, len(index)) for v in values], dtype=np.int64)
    return codes, list(index)


def _ymd(day: dt.date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def from_applicants(applicants: list[Any], version: Version) -> Frame:
    """Applicants already read (``model.Applicant``) as columns: what a JSON Lines input or a
    test population hands the bulk engine.  Nothing is parsed again, so both engines read
    the very same facts."""
    from pointscalc.model import Sex

    n = len(applicants)
    periods = [(i, p) for i, a in enumerate(applicants) for p in a.periods]
    members = [(i, m) for i, a in enumerate(applicants) for m in a.family]
    records = [(i, r) for i, a in enumerate(applicants) for r in a.records]
    p_city, cities = _codes([p.city for _, p in periods])
    p_district, districts = _codes([p.district for _, p in periods])
    p_names = sorted({k for _, p in periods for k, _ in p.attributes})
    r_names = sorted({k for _, r in records for k, _ in r.attributes})
    facts = [f.name for f in version.facts if f.period_kind is None]
    extra = {}
    for name in facts:
        codes, values = _codes([a.fact(name) for a in applicants])
        extra[name] = Coded(codes, values, np.zeros(n, dtype=bool))
    i64 = np.int64
    return Frame(
        n=n, ids=[a.id or "" for a in applicants], names=[a.name or "" for a in applicants],
        buckets=["" for _ in applicants],
        birth=np.array([_ymd(a.birth) for a in applicants], dtype=i64),
        ranks={"diploma": np.array([a.education.diploma.rank for a in applicants], dtype=np.int8),
               "degree": np.array([a.education.degree.rank for a in applicants], dtype=np.int8),
               "qualification": np.array([a.qualification.rank for a in applicants], dtype=np.int8),
               "title": np.array([a.title.rank for a in applicants], dtype=np.int8)},
        rural=np.array([-1 if a.origin.rural is None else int(a.origin.rural) for a in applicants], dtype=np.int8),
        extra=extra,
        p_app=np.array([i for i, _ in periods], dtype=i64),
        p_kind=np.array([p.kind.rank for _, p in periods], dtype=np.int16),
        p_city=p_city, cities=cities,
        p_district=np.where(p_district < 0, len(districts), p_district), districts=[*districts, None],
        p_start=np.array([p.start for _, p in periods], dtype=i64),
        p_end=np.array([OPEN_END if p.end is None else p.end + 1 for _, p in periods], dtype=i64),
        p_attr={k: _codes([p.attr(k) for _, p in periods]) for k in p_names},
        f_app=np.array([i for i, _ in members], dtype=i64),
        f_moves=np.array([m.moves for _, m in members], dtype=bool),
        f_relation=np.array([m.relation.rank for _, m in members], dtype=np.int8),
        f_birth=np.array([-1 if m.birth is None else _ymd(m.birth) for _, m in members], dtype=i64),
        sex=np.array([0 if a.sex is None else 1 if a.sex is Sex.MALE else 2 for a in applicants], dtype=np.int8),
        r_app=np.array([i for i, _ in records], dtype=i64),
        r_kind=np.array([r.kind.rank for _, r in records], dtype=np.int16),
        r_date=np.array([_ymd(r.date) for _, r in records], dtype=i64),
        r_attr={k: _codes([r.attr(k) for _, r in records]) for k in r_names},
    )


def read_jsonl(path: Path, version: Version, by_area: bool, as_of: dt.date | None = None) -> Read:
    """Applicants from JSON Lines, each line read by the reference reader itself
    (``run.jsonl_applicants``, ``reading.applicant_from_mapping``), then held as columns.

    A line the reader refuses, an applicant without an ID, and every copy of a repeated ID
    are handed back whole, so the reference reports them with the same file, line and field."""
    from pointscalc.reading import applicant_from_mapping, date_problems
    from pointscalc.run import DEFAULT_BUCKET, jsonl_applicants

    good: list[tuple[Any, Any, tuple[int, str, Any, list[Problem], Any]]] = []
    others: list[tuple[int, str, Any, list[Problem], Any]] = []
    for item in jsonl_applicants(path):
        n, name, data, problems, _ = item
        if data is None or not isinstance(data, dict):
            others.append(item)
            continue
        given = data.get("bucket")
        try:
            applicant = applicant_from_mapping({k: v for k, v in data.items() if k != "bucket"}, file=name,
                                               facts=version.facts, row=n)
        except InputError:
            others.append(item)
            continue
        if applicant.id is None or (given is not None and not (isinstance(given, str) and given.strip())) \
                or (as_of is not None and date_problems(applicant, as_of, name, n)):
            others.append(item)  # the reference reader says what is wrong, at its line
            continue
        bucket = given if given is not None else applicant.fact("target_area") if by_area else None
        good.append((applicant, str(bucket or DEFAULT_BUCKET), item))
    seen: dict[str, int] = {}
    for applicant, _, _ in good:
        seen[applicant.id] = seen.get(applicant.id, 0) + 1
    kept = [(a, b) for a, b, _ in good if seen[a.id] == 1]
    others += [item for a, _, item in good if seen[a.id] > 1]
    if not kept:
        raise NotColumnar(tr("no applicants the columns can take"))
    frame = from_applicants([a for a, _ in kept], version)
    frame.buckets = [b for _, b in kept]
    return Read(frame, others)
