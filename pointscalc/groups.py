"""Who an applicant is, for outcomes by group: age band, sex, education, province of origin,
tenure of the home, years insured, and any column of the pool the user names.

The ranking outcome carries none of this, so it is read from the pool itself.  A CSV table
is read by columns with Arrow (a million applicants in seconds); an XLSX table or JSON Lines
is read row by row.  A value that cannot be read falls in the group ``not given``: the
ranking run lists that row as invalid anyway, and a group is a statistic, never a score.

No label names a person: the province comes from the ID number's first two digits and is
the only thing taken from it besides birth date and sex.
"""

from __future__ import annotations

import datetime as dt
import csv
import json
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from pointscalc import i18n
from pointscalc.i18n import N_, listing, tr
from pointscalc.model import Diploma, PeriodKind, Sex, Tenure
from pointscalc.tables import decode, file_bytes, read_table

PROVINCES = {
    "11": "北京", "12": "天津", "13": "河北", "14": "山西", "15": "内蒙古", "21": "辽宁", "22": "吉林",
    "23": "黑龙江", "31": "上海", "32": "江苏", "33": "浙江", "34": "安徽", "35": "福建", "36": "江西",
    "37": "山东", "41": "河南", "42": "湖北", "43": "湖南", "44": "广东", "45": "广西", "46": "海南",
    "50": "重庆", "51": "四川", "52": "贵州", "53": "云南", "54": "西藏", "61": "陕西", "62": "甘肃",
    "63": "青海", "64": "宁夏", "65": "新疆", "71": "台湾", "81": "香港", "82": "澳门",
}
"""Province by the first two digits of an ID number (GB/T 2260)."""

NOT_GIVEN = N_("not given")
NO_HOME = N_("no home on record")
AGE_BANDS = ((0, 24, N_("under 25")), (25, 34, "25–34"), (35, 44, "35–44"), (45, 200, N_("45 and over")))
INSURED_BANDS = ((0, 0, N_("under 1 year")), (1, 4, N_("1–4 years")), (5, 9, N_("5–9 years")),
                 (10, 10**6, N_("10 years and over")))
_WORDS = frozenset({NOT_GIVEN, NO_HOME, *(label for _, _, label in (*AGE_BANDS, *INSURED_BANDS))})
"""Group values that are words: groups.csv keeps them as they are (codes of a machine
table); what people read shows them in their language (``shown``)."""


def shown(value: str) -> str:
    """A group's value as a reader sees it: a band, ``not given`` or a built-in group's
    code (``bachelor``, ``female``) in the user's language; anything else (a province, a
    ``--by`` column's value) as it is."""
    if value in _WORDS:
        return tr(value)
    if i18n.current() == "zh" and value in _CHOICE_ZH:
        return _CHOICE_ZH[value]
    return value


_CHOICE_ZH = {m.code: m.zh for kind in (Sex, Diploma, Tenure) for m in kind}
"""The built-in groups' codes and their Chinese (the codes are distinct across the three)."""


BUILT_IN = ("age_band", "sex", "education", "province", "tenure", "years_insured")
"""The groups every comparison reports, where the pool holds what they need."""
_TITLES = {"age_band": N_("age band"), "sex": N_("sex"), "education": N_("education"), "province": N_("province"),
           "tenure": N_("tenure"), "years_insured": N_("years insured")}


def title(group: str) -> str:
    """A group's name as a heading: a built-in group's in the user's language, a ``--by``
    column's as the pool names it."""
    return tr(_TITLES[group]) if group in _TITLES else group.replace("_", " ")

_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "身份证号", "身份证号码", "证件号码", "申请编号", "编号"),
    "name": ("name", "姓名"),
    "birth": ("birth", "birth_month", "出生日期", "出生年月"),
    "sex": ("sex", "性别"),
    "diploma": ("diploma", "学历"),
    "insured": ("insured", "社保月数", "参保月数"),
    "kind": ("kind", "类型"),
    "start": ("start", "开始", "起始年月"),
    "end": ("end", "结束", "截止年月"),
    "tenure": ("tenure", "住房性质"),
}


ORDER = {"age_band": [label for _, _, label in AGE_BANDS], "years_insured": [label for _, _, label in INSURED_BANDS]}


def sort_key(group: str, value: str) -> tuple[int, str]:
    """Bands in their natural order, other values as text; ``not given`` last."""
    order = ORDER.get(group, [])
    if value == NOT_GIVEN:
        return (len(order) + 1, value)
    return (order.index(value), value) if value in order else (len(order), value)


def _spellings(column: str) -> list[str]:
    """A column's name as a user may write it: as given, then its other headers (区域 for
    bucket, and so on), from the readers' own lists."""
    from pointscalc.run import APPLICANT_COLUMNS, SCORED_COLUMNS

    out = [column]
    for table in (APPLICANT_COLUMNS, SCORED_COLUMNS, _ALIASES):
        for canonical, aliases in table.items():
            if column == canonical or column in aliases:
                out += [canonical, *aliases]
    return list(dict.fromkeys(out))


class GroupError(Exception):
    """A group the pool cannot give: a ``--by`` column it does not have."""


@attrs.frozen
class Groups:
    ids: list[str]
    """Each applicant's ID number, to match outcomes: never written out."""
    labels: dict[str, np.ndarray]
    """Group name -> each applicant's label (object array, row for row with ``ids``)."""
    missing: tuple[str, ...]
    """Built-in groups the pool cannot give (a pre-scored table has no periods)."""


def _band(value: int, bands: tuple[tuple[int, int, str], ...]) -> str:
    return next((label for lo, hi, label in bands if lo <= value <= hi), NOT_GIVEN)


def _canonical(header: list[str]) -> dict[str, str]:
    """Header -> our name for it, for the columns groups read; others keep their header."""
    out = {}
    for h in header:
        out[h] = next((c for c, aliases in _ALIASES.items() if h in aliases), h)
    return out


def _month(text: str) -> int | None:
    """YYYY-MM or YYYY-MM-DD as a month count; ``None`` where unreadable."""
    try:
        y, m = int(text[:4]), int(text[5:7])
    except (ValueError, IndexError):
        return None
    if len(text) not in (7, 10) or text[4] != "-" or not 1 <= m <= 12:
        return None
    return y * 12 + m - 1


def _parse_or(parse: Callable[[str], Any], empty: str = NOT_GIVEN) -> Callable[[str], str]:
    def go(text: str) -> str:
        if not text:
            return empty
        try:
            return str(parse(text))
        except (ValueError, KeyError):
            return NOT_GIVEN
    return go


def _age(birth: str, as_of: dt.date) -> str:
    m = _month(birth)
    if m is None:
        return NOT_GIVEN
    y, mo = divmod(m, 12)
    day = int(birth[8:10]) if len(birth) == 10 and birth[8:10].isdigit() else 1
    age = as_of.year - y - ((as_of.month, as_of.day) < (mo + 1, day))
    return _band(age, AGE_BANDS)


def _id_sex(digit: str) -> str:
    """From the 17th character of an ID number: odd for men, even for women."""
    return ("male" if int(digit) % 2 else "female") if len(digit) == 1 and digit.isdigit() else NOT_GIVEN


_KINDS = {alias for k in PeriodKind for alias in k.aliases}
_EDUCATION = _parse_or(lambda t: Diploma.parse(t).code)
_SEX = _parse_or(lambda t: Sex.parse(t).code)
_TENURE = _parse_or(lambda t: Tenure.parse(t).code, NO_HOME)


def _mapped(values: Iterable[str], fn: Callable[[str], Any], dtype: Any = object) -> np.ndarray:
    """``fn`` over each distinct value once (a cell's surrounding spaces stripped, as the
    reference reader strips them)."""
    arr = pa.array(list(values) if not isinstance(values, pa.Array) else values, pa.string()).fill_null("")
    enc = pc.dictionary_encode(arr)
    table = np.array([fn(w.strip()) for w in enc.dictionary.to_pylist()], dtype=dtype)
    return table[enc.indices.to_numpy(zero_copy_only=False)] if len(table) else np.zeros(0, dtype=dtype)


# --- Reading the pool ---------------------------------------------------------------------


def _csv_columns(path: Path, wanted: set[str]) -> tuple[dict[str, pa.Array], int]:
    """A CSV table's columns as text, by our name for each header; only those ``wanted``."""
    name = str(path)
    raw = file_bytes(path)
    data = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    for attempt in range(2):
        end = data.find(b"\n")
        try:
            header = next(csv.reader([data[: end if end >= 0 else len(data)].decode("utf-8").rstrip("\r")]), [])
            names = _canonical([h.strip() for h in header])
            keep = [h for h in header if names[h.strip()] in wanted]
            table = pacsv.read_csv(
                pa.BufferReader(data), read_options=pacsv.ReadOptions(block_size=16 << 20),
                convert_options=pacsv.ConvertOptions(include_columns=keep, column_types={h: pa.string() for h in keep},
                                                     strings_can_be_null=False),
                parse_options=pacsv.ParseOptions(newlines_in_values=b'"\n' in data or b'\n"' in data))
        except (UnicodeDecodeError, pa.ArrowInvalid):
            if attempt:
                return _rows_columns(path)
            data = decode(raw, name).encode("utf-8")
            continue
        cols = {names[h.strip()]: table.column(h).combine_chunks().fill_null("") for h in keep}
        for name in ("id", "birth"):  # read whole; other columns are stripped value by value
            if name in cols:
                cols[name] = pc.utf8_trim_whitespace(cols[name])
        return cols, table.num_rows
    raise AssertionError("unreachable")


def _parquet(path: Path) -> bool:
    """A table given as Parquet: a file, a folder or a glob of files (``compare --engine dask``)."""
    from pointscalc.distributed import pool_files

    files = pool_files(str(path))
    return bool(files) and all(f.lower().endswith(".parquet") for f in files)


def _parquet_columns(path: Path, wanted: set[str]) -> tuple[dict[str, pa.Array], int]:
    """A Parquet table's columns as text, by our name for each header, as ``_csv_columns``
    reads a CSV's."""
    from pointscalc.distributed import sources

    import pyarrow.parquet as pq

    parts = [pq.read_table(s.path) for s in sources(str(path))]
    header = parts[0].column_names
    names = _canonical([h.strip() for h in header])
    keep = [h for h in header if names[h.strip()] in wanted]
    cols = {names[h.strip()]: pa.chunked_array([c for t in parts for c in t[h].cast(pa.string()).chunks],
                                               pa.string()).combine_chunks().fill_null("") for h in keep}
    for name in ("id", "birth"):
        if name in cols:
            cols[name] = pc.utf8_trim_whitespace(cols[name])
    return cols, sum(t.num_rows for t in parts)


def _rows_columns(path: Path) -> tuple[dict[str, pa.Array], int]:
    """Any table the row reader reads (XLSX, or a CSV Arrow refuses), as columns."""
    table = read_table(path)
    names = _canonical(table.header)
    rows = [cells for _, cells in table.rows]
    return {names[h]: pa.array([r.get(h, "") for r in rows], pa.string()) for h in table.header}, len(rows)


def _jsonl_columns(path: Path) -> tuple[dict[str, pa.Array], dict[str, pa.Array] | None, int]:
    """Applicants and their periods from JSON Lines, as the two tables would hold them."""
    apps: dict[str, list[str]] = {k: [] for k in ("id", "birth", "sex", "diploma")}
    extra: dict[str, list[str]] = {}
    per: dict[str, list[str]] = {k: [] for k in ("id", "kind", "start", "end", "tenure")}
    n = 0
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        text = ""  # the ranking run reports the file; groups stay empty
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            d = json.loads(line, parse_float=Decimal)
        except json.JSONDecodeError:
            continue
        if not isinstance(d, dict):
            continue
        ident = str(d.get("id", ""))
        edu = d.get("education") if isinstance(d.get("education"), dict) else {}
        for k, v in (("id", ident), ("birth", d.get("birth", "")), ("sex", d.get("sex", "")),
                     ("diploma", edu.get("diploma", ""))):
            apps[k].append(str(v))
        flat = {**{k: v for k, v in d.items() if isinstance(v, (str, int, bool))},
                **(d.get("extra") if isinstance(d.get("extra"), dict) else {})}
        for k in set(extra) | set(flat):
            extra.setdefault(k, [""] * n).append(str(flat.get(k, "")))
        for p in d.get("periods") or []:
            if isinstance(p, dict):
                per["id"].append(ident)
                for k in ("kind", "start", "end", "tenure"):
                    per[k].append(str(p.get(k, "")))
        n += 1
    cols = {k: pa.array(v, pa.string()) for k, v in {**extra, **apps}.items()}
    return cols, {k: pa.array(v, pa.string()) for k, v in per.items()}, n


def _months(text: pa.Array, open_end: int) -> np.ndarray:
    """Month counts of YYYY-MM cells; ``open_end`` where empty, -1 where unreadable."""
    return _mapped(text, lambda t: open_end if t == "" else _month(t) if _month(t) is not None else -1, np.int64)


def _period_groups(ids: pa.Array, per: dict[str, pa.Array], as_of: dt.date) -> tuple[np.ndarray, np.ndarray]:
    """Each applicant's tenure on ``as_of`` and years insured up to it (overlaps counted once)."""
    n = len(ids)
    now = as_of.year * 12 + as_of.month - 1
    app = pc.index_in(per["id"], value_set=ids).fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
    kind = _mapped(per.get("kind", pa.array([""] * len(app), pa.string())),
                   lambda t: PeriodKind.parse(t).rank if t and t in _KINDS else -1, np.int8)
    start = _months(per.get("start", pa.array([""] * len(app), pa.string())), -1)
    end = np.minimum(_months(per.get("end", pa.array([""] * len(app), pa.string())), now), now) + 1
    ok = (app >= 0) & (start >= 0) & (end > 0)
    tenure = np.full(n, NO_HOME, dtype=object)
    home = ok & (kind == PeriodKind.RESIDENCE.rank) & (start <= now) & (end > now)
    if "tenure" in per and home.any():
        t = _mapped(per["tenure"], _TENURE)
        order = np.lexsort((start[home], app[home]))
        tenure[app[home][order]] = t[home][order]  # the latest home of several
    ins = ok & (kind == PeriodKind.SOCIAL_INSURANCE.rank) & (start < end)
    a, s, e = app[ins], start[ins], end[ins]
    order = np.lexsort((s, a))
    a, s, e = a[order], s[order], e[order]
    months = np.zeros(n, dtype=np.int64)
    if len(a):  # periods sorted by start: each adds what reaches past the furthest end before it
        big = np.int64(1 << 32)
        reach = np.maximum.accumulate(a * big + e) - a * big  # furthest end so far, per applicant
        before = np.r_[0, reach[:-1]]
        before = np.where(np.r_[True, a[1:] != a[:-1]], s, before)
        months = np.bincount(a, np.maximum(0, e - np.maximum(s, before)), minlength=n).astype(np.int64)
    return tenure, _banded(months // 12, INSURED_BANDS)


def _banded(values: np.ndarray, bands: tuple[tuple[int, int, str], ...]) -> np.ndarray:
    labels = np.array([label for _, _, label in bands] + [NOT_GIVEN], dtype=object)
    at = np.searchsorted(np.array([lo for lo, _, _ in bands]), values, side="right") - 1
    return labels[np.where((at >= 0) & (values >= 0), at, len(bands))]


def read(input_file: Path, periods_file: Path | None, as_of: dt.date, *, by: tuple[str, ...] = ()) -> Groups:
    """The groups of every applicant of the pool, by ID number."""
    per: dict[str, pa.Array] | None = None
    wanted = {"id", "birth", "sex", "diploma", "insured", *(x for b in by for x in _spellings(b))}
    if _parquet(input_file):
        apps, n = _parquet_columns(input_file, wanted)
    elif input_file.suffix.lower() == ".csv":
        apps, n = _csv_columns(input_file, wanted)
    elif input_file.suffix.lower() == ".xlsx":
        apps, n = _rows_columns(input_file)
    else:
        apps, per, n = _jsonl_columns(input_file)
    if periods_file is not None:
        wanted_periods = {"id", "kind", "start", "end", "tenure"}
        per, _ = _parquet_columns(periods_file, wanted_periods) if _parquet(periods_file) \
            else _csv_columns(periods_file, wanted_periods) if periods_file.suffix.lower() == ".csv" \
            else _rows_columns(periods_file)
    return from_columns(apps, per, n, as_of, by=by)


def from_columns(apps: dict[str, pa.Array], per: dict[str, pa.Array] | None, n: int, as_of: dt.date, *,
                 by: tuple[str, ...] = ()) -> Groups:
    """The groups from the pool's columns (by our name for each), already read: the
    applicants table's, and the periods table's if there is one."""
    apps = {k: v.fill_null("") for k, v in apps.items()}
    per = {k: v.fill_null("") for k, v in per.items()} if per is not None else None
    personal = [b for b in by if {"id", "name"} & set(_spellings(b))]
    if personal:
        raise GroupError(tr("--by {columns}: ID numbers and names are personal data, not groups",
                            columns=", ".join(personal)))
    found = {b: next((x for x in _spellings(b) if x in apps), None) for b in by}
    unknown = [b for b, x in found.items() if x is None]
    if unknown:
        raise GroupError(tr("--by {columns}: the pool has no such column (columns: {have})",
                            columns=", ".join(unknown), have=listing(sorted(apps))))
    empty = pa.array([""] * n, pa.string())
    ids = apps.get("id", empty)
    ids_list = ids.to_pylist()
    # Birth date and sex as written, or else as the ID number gives them.
    from_id = pc.binary_join_element_wise(pc.utf8_slice_codeunits(ids, 6, 10), pc.utf8_slice_codeunits(ids, 10, 12),
                                          pc.utf8_slice_codeunits(ids, 12, 14), "-")
    given = apps.get("birth", empty)
    birth = pc.if_else(pc.equal(given, ""), from_id, given)
    sex = np.where(_mapped(apps.get("sex", empty), _SEX) == NOT_GIVEN,
                   _mapped(pc.utf8_slice_codeunits(ids, 16, 17), _id_sex), _mapped(apps.get("sex", empty), _SEX))
    labels: dict[str, np.ndarray] = {
        "age_band": _mapped(birth, lambda b: _age(b, as_of)),
        "sex": sex,
        "education": _mapped(apps.get("diploma", empty), _EDUCATION),
        "province": _mapped(pc.utf8_slice_codeunits(ids, 0, 2), lambda c: PROVINCES.get(c, NOT_GIVEN)),
    }
    missing: list[str] = []
    if per is not None and "id" in per:
        labels["tenure"], labels["years_insured"] = _period_groups(ids, per, as_of)
    elif "insured" in apps:
        labels["years_insured"] = _mapped(apps["insured"], lambda t: _band(int(t) // 12, INSURED_BANDS)
                                          if t.isdigit() else NOT_GIVEN)
        missing.append("tenure")
    else:
        missing += ["tenure", "years_insured"]
    for column in by:
        labels[column] = _mapped(apps[str(found[column])], lambda t: t or NOT_GIVEN)
    return Groups(ids_list, labels, tuple(missing))
