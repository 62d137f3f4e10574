"""The run record (``run.json``): what a run read, how, and what it wrote, so that anyone
can re-run it and check the outputs are the same bytes (``pointscalc verify``).

It is built in one place, ``build``, from ``RankOptions`` (every option of ``rank``, so
a new option is recorded by adding a field) and the run's outcome.  It holds no time and
no machine name: the same run gives the same bytes.  It holds no personal data: file
paths, hashes and counts only.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections import Counter
from pathlib import Path
from typing import Any

import attrs

import pointscalc
from pointscalc import i18n, limits
from pointscalc.errors import InputError
from pointscalc.i18n import tr
from pointscalc.tables import decode

NAME = "run.json"
FORMAT = 1
"""Bumped when a field changes meaning; ``verify`` refuses a format it does not know."""


_text = attrs.validators.instance_of(str)
_flag = attrs.validators.instance_of(bool)


def _optional(kind: type) -> Any:
    return attrs.validators.optional(attrs.validators.instance_of(kind))


@attrs.frozen(kw_only=True)
class RankOptions:
    """Every option of ``pointscalc rank``, as given on the command line.  The validators
    matter for a record read back: an edited run.json is refused, not half-run."""

    scheme: str = attrs.field(validator=_text)
    input: str = attrs.field(validator=_text)
    as_of: dt.date | None = attrs.field(validator=_optional(dt.date))
    quota: str = attrs.field(validator=_text)
    round: str | None = attrs.field(default=None, validator=_optional(str))
    periods: str | None = attrs.field(default=None, validator=_optional(str))
    family: str | None = attrs.field(default=None, validator=_optional(str))
    records: str | None = attrs.field(default=None, validator=_optional(str))
    scored: bool = attrs.field(default=False, validator=_flag)
    children: bool = attrs.field(default=False, validator=_flag)
    xlsx: bool = attrs.field(default=False, validator=_flag)
    target: int | None = attrs.field(default=None, validator=_optional(int))
    strict: bool = attrs.field(default=False, validator=_flag)
    ties: str | None = attrs.field(default=None, validator=attrs.validators.in_([None, "admit_all", "strict"]))
    jobs: int = attrs.field(default=1, validator=[attrs.validators.instance_of(int), attrs.validators.ge(1),
                                                  attrs.validators.le(64)])
    engine: str = attrs.field(default="auto", validator=attrs.validators.in_(["auto", "columns", "applicants", "dask"]))
    allow_stale: bool = attrs.field(default=False, validator=_flag)
    include_explored: bool = attrs.field(default=False, validator=_flag)
    chart: bool = attrs.field(default=False, validator=_flag)
    reform: str | None = attrs.field(default=None, validator=_optional(str))
    parquet: bool = attrs.field(default=False, validator=_flag)
    """With ``engine`` dask: results.parquet and public.parquet too."""
    lang: str = attrs.field(default="en", validator=attrs.validators.in_(i18n.LANGS))
    """The language of errors.csv's messages and results.csv's reasons: a re-run must speak it
    to give the same bytes.  A record without it was written in English."""

    def input_files(self) -> dict[str, str]:
        """Each file the run reads, by its role."""
        files = {"input": self.input}
        for role in ("periods", "family", "records"):
            if getattr(self, role):
                files[role] = getattr(self, role)
        if self.reform:
            files["reform"] = self.reform
        if not limits.is_count(self.quota):
            files["quota"] = self.quota
        return files

    def as_json(self) -> dict[str, Any]:
        return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in attrs.asdict(self).items()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RankOptions:
        known = {f.name for f in attrs.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(tr("options unknown to this version of pointscalc: {options}", options=", ".join(unknown)))
        as_of = data.get("as_of")
        return cls(**{**data, "as_of": dt.date.fromisoformat(as_of) if as_of is not None else None})


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: str | Path) -> str:
    """A file's SHA-256, read a piece at a time: a pool's file may not fit in memory."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while piece := f.read(1 << 20):
            h.update(piece)
    return h.hexdigest()


def fingerprint(path: str, files: list[str]) -> str:
    """The SHA-256 of an input given as ``path``: of its bytes where it is one file, else
    of each of its ``files`` (a folder or glob of Parquet files), by name and SHA-256, in
    order; a file renamed, added, removed or changed changes it."""
    if files == [path]:
        return file_sha256(path)
    h = hashlib.sha256()
    for f in files:
        h.update(f"{Path(f).name}\0{file_sha256(f)}\n".encode())
    return h.hexdigest()


def rows_of(name: str, data: bytes) -> int | None:
    """Data rows as the readers count them: records after a table's header and non-blank
    JSON Lines lines; ``None`` for a file that is not a table (a TOML quota file)."""
    suffix = Path(name).suffix.lower()
    if suffix == ".csv":
        if b'"' not in data and b"\r" not in data:
            return _plain_rows(data)
        try:
            return max(0, sum(1 for cells in csv.reader(io.StringIO(decode(data, name), newline=""))
                              if any(c.strip() for c in cells)) - 1)
        except (csv.Error, InputError):  # a file the run refused: its rows are not counted
            return None
    if suffix == ".jsonl":
        return sum(1 for line in data.splitlines() if line.strip())
    if suffix == ".xlsx":
        import zipfile

        import openpyxl

        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except (OSError, zipfile.BadZipFile, KeyError, ValueError):  # the run reports it
            return None
        try:
            return max(0, sum(1 for r in book.worksheets[0].iter_rows(values_only=True) if any(
                c not in (None, "") for c in r)) - 1)
        finally:
            book.close()
    return None


def _plain_rows(data: bytes) -> int:
    """Rows of a CSV with no quotes and no CR: its lines after the header, less those
    that hold only commas and blanks (which the readers skip).  Only the lines starting
    with such a character are looked at one by one, so a million rows take a fraction of
    a second and no copy of the file."""
    import numpy as np

    raw = np.frombuffer(data, np.uint8)
    ends = np.flatnonzero(raw == ord("\n"))
    starts = np.concatenate(([0], ends + 1))
    starts = starts[starts < len(raw)]
    blank_start = np.isin(raw[starts[1:]], np.frombuffer(b"\n\t ,", np.uint8))
    blank = 0
    for s in starts[1:][blank_start].tolist():
        end = data.find(b"\n", s)
        blank += not data[s: end if end >= 0 else len(data)].strip(b" \t,")
    return max(0, len(starts) - 1 - blank)


def input_entry(path: str, data: bytes) -> dict[str, Any]:
    """What the record keeps of an input file: taken when the run reads it, so the bytes
    need not be held to the end of the run."""
    return {"path": path, "sha256": sha256(data), "rows": rows_of(path, data)}


def build(options: RankOptions, *, scheme_key: str, scheme_file: tuple[str, bytes] | None, version: str,
          rules_day: dt.date, data_day: dt.date, round_id: str | None,
          quotas: dict[str, int | None], default_quota: int | None, inputs: dict[str, dict[str, Any]],
          outputs: dict[str, tuple[bytes | str, int]], statuses: Counter[str]) -> dict[str, Any]:
    """The record of one run.  ``inputs`` are ``input_entry`` by role; ``outputs`` are
    (bytes, data rows) by file name, or (SHA-256, data rows) for a file streamed to disk."""
    return {
        "format": FORMAT,
        "tool": {"name": "pointscalc", "version": pointscalc.__version__},
        "scheme": {
            "given": options.scheme,
            "key": scheme_key,
            **({"file": scheme_file[0], "sha256": sha256(scheme_file[1])} if scheme_file else {}),
        },
        "version": version,
        "as_of": options.as_of.isoformat() if options.as_of is not None else None,
        "round": round_id,
        "rules_day": rules_day.isoformat(),
        "data_day": data_day.isoformat(),
        "quotas": {"buckets": dict(sorted(quotas.items())), "total": default_quota},
        "options": options.as_json(),
        "inputs": dict(sorted(inputs.items())),
        "outputs": {name: {"sha256": data if isinstance(data, str) else sha256(data), "rows": rows}
                    for name, (data, rows) in sorted(outputs.items())},
        "counts": dict(sorted(statuses.items())),
    }


def dumps(record: dict[str, Any]) -> bytes:
    return (json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
