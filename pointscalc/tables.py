"""Reading and writing tables: what an office exchanges with spreadsheets.

Input CSV may be UTF-8, UTF-8 with a byte-order mark, or GB18030 (what a Chinese Excel
saves).  The encoding is decided from the bytes, never guessed from the locale: a BOM
means UTF-8; otherwise strict UTF-8 is tried, then strict GB18030.  Chinese text in
GB18030 is almost never valid UTF-8, so the order is safe.

Output cells that a spreadsheet would read as a formula (starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) are neutralised with a leading apostrophe, so a
name cannot inject one.  The output folder is
written whole by ``outdir``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from pointscalc import limits
from pointscalc.errors import InputError, Problem, os_reason
from pointscalc.i18n import N_, tr

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def file_bytes(path: str | Path) -> bytes:
    """A file's bytes, or an ``InputError`` saying why it cannot be read."""
    try:
        return Path(path).read_bytes()
    except OSError as e:
        raise InputError([Problem(str(path), "", tr("cannot be read: {reason}", reason=os_reason(e)))]) from None


def decode(raw: bytes, name: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError([Problem(name, "", tr("is neither UTF-8 nor GB18030 text"))]) from None


FIRST_ROW = 2
"""The row number of a table's first data row, as a spreadsheet shows it: the header is
row 1.  Every message and errors.csv give rows by these numbers."""


@attrs.frozen
class Table:
    name: str
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]
    """(row number as a spreadsheet shows it, cells by header) for each well-formed row."""
    problems: list[Problem]
    """Rows whose cell count does not match the header."""


def read_csv(path: str | Path) -> Table:
    name = str(path)
    raw = limits.read_bytes(path)
    reader = csv.reader(io.StringIO(decode(raw, name), newline=""))
    rows: list[tuple[int, dict[str, str]]] = []
    problems: list[Problem] = []
    i = 0  # the last row read whole: a broken row is the next one
    try:
        header = [h.strip() for h in next(reader)]
        i = FIRST_ROW - 1
        for i, cells in enumerate(reader, start=FIRST_ROW):
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                problems.append(Problem(name, "", tr("has {cells} cells, the header has {header}", cells=len(cells),
                                                   header=len(header)), i))
                continue
            rows.append((i, {h: c.strip() for h, c in zip(header, cells, strict=True)}))
    except StopIteration:
        raise InputError([Problem(name, "", tr("is empty: expected a header row"))]) from None
    except csv.Error as e:
        # The reader cannot go on past a broken row: the file is refused whole, at that row.
        what = tr("a cell longer than {n} characters", n=f"{limits.MAX_CELL:,}") if "field limit" in str(e) \
            else tr("a row the CSV reader cannot read")
        raise InputError([Problem(name, "", tr("{what}; the file is not read further", what=what), i + 1)]) from None
    return Table(name, header, rows, problems)


def read_table(path: str | Path) -> Table:
    """A CSV or an XLSX (its first sheet), by the file's suffix."""
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return read_csv(path)
    if suffix == ".xlsx":
        return read_xlsx(path)
    raise InputError([Problem(str(path), "", tr("expected a .csv or .xlsx table"))])


def _cell_text(value: object) -> str:
    """A spreadsheet cell as the text a user typed: a number without float noise, a date
    as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def column_name(i: int) -> str:
    """Column ``i`` (1-based) as a spreadsheet shows it: 3 → "column 3 (C)" (第 3 列（C）)."""
    letters = ""
    n = i
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return tr("column {i} ({letters})", i=i, letters=letters)


_XLSX_FAULTS = {
    zipfile.BadZipFile: N_("it is not a zip archive, which an XLSX file is"),
    KeyError: N_("a part of the workbook is missing"),
}
"""Why openpyxl could not open a workbook, by the kind of its error: its own message may
quote the file's content."""


def read_xlsx(path: str | Path) -> Table:
    """The first sheet, as the values Excel last saved.  The workbook is opened a second
    time with formulas, to find a formula with no saved value (a sheet written by a program
    that does not compute): openpyxl reads it as a blank, which must not pass as one."""
    import openpyxl

    name = str(path)
    limits.regular(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        formulas = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as e:
        why = os_reason(e) if isinstance(e, OSError) else tr(_XLSX_FAULTS.get(type(e), N_("it is malformed")))
        raise InputError([Problem(name, "", tr("cannot be read as XLSX: {reason}", reason=why))]) from None
    problems: list[Problem] = []
    try:
        lines = book.worksheets[0].iter_rows(values_only=True)
        kinds = formulas.worksheets[0].iter_rows()
        first = next(lines, None)
        next(kinds, None)
        if first is None:
            raise InputError([Problem(name, "", tr("is empty: expected a header row"))])
        header = [_cell_text(h) for h in first]
        while header and not header[-1]:
            header.pop()
        rows: list[tuple[int, dict[str, str]]] = []
        for i, (cells, typed) in enumerate(zip(lines, kinds, strict=False), start=FIRST_ROW):
            texts = [_cell_text(c) for c in cells]
            wrong = [Problem(name, column_name(j), tr("holds a formula with no saved value: open the file in Excel"
                                                      " and save it, or paste the column as values"), i)
                     for j, (value, cell) in enumerate(zip(cells, typed, strict=False), start=1)
                     if value is None and getattr(cell, "data_type", None) == "f"]
            wrong += [Problem(name, column_name(j), tr("has a value beyond the header's last column"), i)
                      for j, t in enumerate(texts[len(header):], start=len(header) + 1) if t][:1]
            if wrong:
                problems += wrong
                continue
            texts = texts[: len(header)]
            if any(texts):
                texts += [""] * (len(header) - len(texts))
                rows.append((i, dict(zip(header, texts, strict=True))))
    finally:
        book.close()
        formulas.close()
    return Table(name, header, rows, problems)


def safe(cell: object) -> str:
    text = "" if cell is None else str(cell)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]], *, neutralise: Sequence[bool]) -> bytes:
    """CSV in UTF-8 with a BOM (so Excel opens Chinese correctly), with ``\\n`` line ends.

    ``neutralise`` marks the columns that hold user text; numbers the run computed are
    written as they are, so a deduction of -12 stays a number.
    """
    return csv_columns(header, as_columns(list(rows), len(header)), neutralise=neutralise)


def as_columns(rows: Sequence[Sequence[object]], width: int) -> list[list[object]]:
    """A table's rows as its columns (``width`` of them, even with no rows)."""
    return [list(c) for c in zip(*rows, strict=True)] if rows else [[] for _ in range(width)]


_FORMULA_AFTER = tuple("\x00" + c for c in _FORMULA_START)


def _texts(col: Sequence[object], neutralise: bool) -> list[str]:
    """A column's cells as text: ``safe`` for user text.  A column of plain text with no
    formula-like cell (the usual case) is found by searching it whole, not cell by cell."""
    try:
        whole = "\x00".join(col)  # type: ignore[arg-type]
    except TypeError:  # not all text
        if neutralise:
            return [safe(c) for c in col]
        seen: dict[object, str] = {}
        return [seen[c] if c in seen else seen.setdefault(c, "" if c is None else str(c)) for c in col]
    if neutralise and (whole.startswith(_FORMULA_START) or any(f in whole for f in _FORMULA_AFTER)):
        return [safe(c) for c in col]
    return list(col)  # type: ignore[arg-type]


def _special(text: str) -> bool:
    return "," in text or '"' in text or "\n" in text or "\r" in text


def csv_columns(header: Sequence[str], columns: Sequence[Sequence[object]], *, neutralise: Sequence[bool]) -> bytes:
    """``csv_bytes`` of a table given column by column, as a whole city's run holds it.

    A line is the cells joined by commas; only a row with a cell that holds a comma, quote
    or line break goes through the ``csv`` writer, which quotes it.  Either way the bytes
    are the writer's.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    texts = [_texts(col, n) for col, n in zip(columns, neutralise, strict=True)]
    if len(texts) < 2:  # a lone empty cell is written as ""
        for row in zip(*texts, strict=True):
            writer.writerow(row)
        return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")
    quoted: set[int] = set()
    for col in texts:
        if _special("\x00".join(col)):
            quoted.update(i for i, t in enumerate(col) if _special(t))
    parts = [b"\xef\xbb\xbf", out.getvalue().encode("utf-8")]
    rows = len(texts[0])
    for lo in range(0, rows, _BLOCK):  # a block at a time, so that a million lines are never all text at once
        hi = min(lo + _BLOCK, rows)
        lines = list(map(",".join, zip(*(col[lo:hi] for col in texts), strict=True)))
        for i in sorted(q for q in quoted if lo <= q < hi):
            one = io.StringIO()
            csv.writer(one, lineterminator="\n").writerow([col[i] for col in texts])
            lines[i - lo] = one.getvalue()[:-1]
        parts.append(("\n".join(lines) + "\n").encode("utf-8"))
    return b"".join(parts)


_BLOCK = 65536


_EPOCH = (1980, 1, 1, 0, 0, 0)


_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_MAX_WIDTH = 60


def xlsx_bytes(header: Sequence[str], rows: Iterable[Sequence[object]], *, neutralise: Sequence[bool],
               formats: Sequence[str | None] | None = None, title: str = "results") -> bytes:
    """The same table as an XLSX sheet an office can print: a bold header row that stays in
    view, columns as wide as their text, and, where ``formats`` gives a number format
    ("0.00"), the column's numbers as numbers (a cutoff the run wrote as text included).
    User text is neutralised as in CSV.  Zip timestamps and document dates are fixed, so
    the same table gives the same bytes."""
    import openpyxl
    import wcwidth
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    formats = formats or [None] * len(header)
    body = [[_xlsx_value(c, n, f) for c, n, f in zip(row, neutralise, formats, strict=True)] for row in rows]
    book = openpyxl.Workbook(write_only=True)
    book.properties.created = book.properties.modified = dt.datetime(2000, 1, 1)
    sheet = book.create_sheet(title)
    sheet.freeze_panes = "A2"
    for j, name in enumerate(header):
        widest = max([_width(str(name), wcwidth.wcswidth), *(_width(str(r[j]), wcwidth.wcswidth) for r in body)])
        sheet.column_dimensions[get_column_letter(j + 1)].width = min(max(widest, 4) + 2, _MAX_WIDTH)
    bold = Font(bold=True)
    cells = []
    for name in header:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)
    # One styled cell per formatted column, given each row's value in turn: a write-only
    # sheet writes a row as it is appended, and styling a new cell per number costs a third.
    styled: list[Any] = []
    for fmt in formats:
        cell = WriteOnlyCell(sheet) if fmt is not None else None
        if cell is not None:
            cell.number_format = fmt
        styled.append(cell)
    for row in body:
        out: list[object] = []
        for value, cell in zip(row, styled, strict=True):
            if cell is not None and isinstance(value, (int, Decimal)):
                cell.value = value
                out.append(cell)
            else:
                out.append(value)
        sheet.append(out)
    raw = io.BytesIO()
    book.save(raw)
    fixed = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps the save time as "modified", whatever the properties say.
                data = _MODIFIED.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", data)
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=_EPOCH), data, compress_type=zipfile.ZIP_DEFLATED)
    return fixed.getvalue()


def _width(text: str, wcswidth: Any) -> int:
    """Columns a text takes on screen: its length for ASCII, else wcwidth's count (a Chinese
    character takes two)."""
    return len(text) if text.isascii() else max(wcswidth(text), len(text))


def _xlsx_value(cell: object, neutralise: bool, fmt: str | None) -> object:
    if neutralise:
        return safe(cell)
    if isinstance(cell, (int, Decimal)):
        return cell
    if fmt is not None and isinstance(cell, str) and _NUMBER.fullmatch(cell):
        return Decimal(cell)
    return "" if cell is None else str(cell)


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def write_all(directory: Path, files: dict[str, bytes | Iterable[bytes]]) -> None:
    """Write every file, or none: each goes to a temporary file first, and the renames
    happen only once all are written.  A file may be given as its pieces, produced while
    it is written (a pool's results, range by range)."""
    directory.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[str, Path]] = []
    try:
        for name, data in files.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=directory)
            staged.append((tmp, directory / name))
            with os.fdopen(fd, "wb") as f:
                for piece in [data] if isinstance(data, bytes) else data:
                    f.write(piece)
                f.flush()
                os.fsync(f.fileno())
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    for tmp, final in staged:
        os.replace(tmp, final)
