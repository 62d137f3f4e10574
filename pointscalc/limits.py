"""Bounds on how input is written, so that no file can exhaust the reader.

These bound the *form* of a value (how many digits, how deep a structure, how long a
cell), never whether it is plausible for its field: that is each field's own check.
A value beyond a bound is a problem of that file, row and field like any other.

The bounds are far above anything a real applicant file holds: an area or a score has a
few digits, a profile nests four levels, a name is a few characters.
"""

from __future__ import annotations

import json
import os
import re
import stat
import tomllib
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from pointscalc.errors import InputError, Problem, os_reason

MAX_INT_DIGITS = 12
"""Digits before the decimal point: 10¹² is more than any count, area or score."""

MAX_PLACES = 6
"""Decimal places (trailing zeros aside): with 12 digits, a value scaled to a whole number
still fits the 64-bit integers of the columns engine."""

MAX_DIGIT_RUN = 200
"""A run of digits longer than this in a TOML or JSON file is refused before parsing: no
field holds one, and Python refuses to convert whole numbers of more than 4,300 digits."""

MAX_CELL = 131_072
"""Characters in one CSV cell: the ``csv`` module's own limit."""

MAX_LINE = 1 << 20
"""Characters in one JSON Lines line."""

_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE]([+-]?)([0-9]+))?", re.ASCII)
_LONE_CR = re.compile(r"\r(?!\n)")
"""A line end of an old Mac editor: TOML allows only LF and CRLF, and a bare CR can stand
nowhere else in a valid file, so it is read as a line end."""
_WHOLE = re.compile(r"[+-]?[0-9]+", re.ASCII)
_LONG_DIGITS = re.compile(r"[0-9]{%d,}" % (MAX_DIGIT_RUN + 1), re.ASCII)


def regular(path: str | Path) -> None:
    """Refuse a device, a FIFO or a folder before reading: ``/dev/zero`` would never end
    and a FIFO may never start."""
    try:
        mode = os.stat(path).st_mode
    except OSError as e:
        raise InputError([Problem(str(path), "", f"cannot be read: {os_reason(e)}")]) from None
    if not stat.S_ISREG(mode):
        raise InputError([Problem(str(path), "", "is not a regular file")])


def read_bytes(path: str | Path) -> bytes:
    """A regular file's bytes (``regular``)."""
    regular(path)
    try:
        return Path(path).read_bytes()
    except OSError as e:
        raise InputError([Problem(str(path), "", f"cannot be read: {os_reason(e)}")]) from None


def within(d: Decimal) -> Decimal:
    """``d`` if it is finite, with at most ``MAX_INT_DIGITS`` digits before the point and
    ``MAX_PLACES`` after it; otherwise a ``ValueError`` saying what was expected."""
    if not d.is_finite():
        raise ValueError("expected a finite number")
    if d and d.adjusted() >= MAX_INT_DIGITS:
        raise ValueError(f"expected a number of at most {MAX_INT_DIGITS} digits before the decimal point")
    _, digits, exponent = d.as_tuple()
    assert isinstance(exponent, int)
    if exponent >= -MAX_PLACES:
        return d
    zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    if d and exponent + zeros < -MAX_PLACES:
        raise ValueError(f"expected at most {MAX_PLACES} decimal places")
    return d.quantize(_FINEST)  # only trailing zeros go: the value is the same


_FINEST = Decimal(1).scaleb(-MAX_PLACES)


def decimal(value: object) -> Decimal:
    """A number as written in a file: ASCII digits, an optional point and exponent, within
    the bounds.  A float (a TOML literal) goes by its shortest text, never its binary value."""
    if isinstance(value, bool):
        raise ValueError("expected a number, not true or false")
    if isinstance(value, Decimal):
        return within(value)
    if isinstance(value, int):
        return within(Decimal(value))
    text = repr(value) if isinstance(value, float) else str(value).strip()
    written = _NUMBER.fullmatch(text)
    if written is None:
        raise ValueError("expected a finite number" if isinstance(value, float)
                         else "expected a number written with the digits 0-9")
    if written[2] and len(written[2].lstrip("0")) > 6:
        raise ValueError(f"expected at most {MAX_PLACES} decimal places" if written[1] == "-"
                         else f"expected a number of at most {MAX_INT_DIGITS} digits before the decimal point")
    try:
        return within(Decimal(text))
    except InvalidOperation:
        raise ValueError("expected a number written with the digits 0-9") from None


def whole(value: object) -> int:
    """A whole number of ASCII digits, with at most ``MAX_INT_DIGITS`` of them."""
    if isinstance(value, bool):
        raise ValueError("expected a whole number, not true or false")
    if isinstance(value, int):
        within(Decimal(value))
        return value
    text = str(value).strip()
    if not _WHOLE.fullmatch(text):
        raise ValueError("expected a whole number written with the digits 0-9")
    if len(text.lstrip("+-").lstrip("0")) > MAX_INT_DIGITS:
        raise ValueError(f"expected a whole number of at most {MAX_INT_DIGITS} digits")
    return int(text)


def is_count(text: str) -> bool:
    """Text that is a count (ASCII digits only), as opposed to a file's path."""
    return text.strip().isascii() and text.strip().isdigit()


def _digit_run(text: str, name: str, row: int | None) -> None:
    found = _LONG_DIGITS.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        where = f"line {line}: " if row is None else ""
        raise InputError([Problem(name, "", f"{where}a run of more than {MAX_DIGIT_RUN} digits; "
                                            f"numbers have at most {MAX_INT_DIGITS} digits before the point", row)])


class DuplicateKey(ValueError):
    """A JSON object with a key given twice: which value was meant cannot be told."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise DuplicateKey(key)
        out[key] = value
    return out


def parse_json(text: str, name: str, row: int | None = None) -> Any:
    """JSON with exact decimals, bounded digits and depth, and no key given twice in one
    object (``json`` would keep the last one silently), as ``InputError`` on any fault."""
    if row is not None and len(text) > MAX_LINE:
        raise InputError([Problem(name, "", f"a line longer than {MAX_LINE:,} characters", row)])
    _digit_run(text, name, row)
    try:
        return json.loads(text, parse_float=Decimal, object_pairs_hook=_unique_keys)
    except DuplicateKey as e:
        from pointscalc.reading import field_name

        raise InputError([Problem(name, "", f"the key {field_name(e.args[0])} is given twice in one object:"
                                            " keep one", row)]) from None
    except json.JSONDecodeError as e:
        where = "" if row is not None else f" at line {e.lineno}, column {e.colno}"
        raise InputError([Problem(name, "", f"is not valid JSON: {e.msg}{where}", row)]) from None
    except RecursionError:
        raise InputError([Problem(name, "", "is nested deeper than any applicant or quota file", row)]) from None


def parse_toml(text: str, name: str) -> Any:
    """TOML with bounded digits and depth; a float is read back by its shortest text
    (``decimal``), never by its binary value."""
    _digit_run(text, name, None)
    try:
        return tomllib.loads(_LONE_CR.sub("\n", text))
    except tomllib.TOMLDecodeError as e:
        raise InputError([Problem(name, "", f"is not valid TOML: {e}")]) from None
    except RecursionError:
        raise InputError([Problem(name, "", "is nested deeper than any applicant or quota file")]) from None
