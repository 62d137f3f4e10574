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
from pointscalc.i18n import N_, pick, tr

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
        raise InputError([Problem(str(path), "", tr("cannot be read: {reason}", reason=os_reason(e)))]) from None
    if not stat.S_ISREG(mode):
        raise InputError([Problem(str(path), "", tr("is not a regular file"))])


def read_bytes(path: str | Path) -> bytes:
    """A regular file's bytes (``regular``)."""
    regular(path)
    try:
        return Path(path).read_bytes()
    except OSError as e:
        raise InputError([Problem(str(path), "", tr("cannot be read: {reason}", reason=os_reason(e)))]) from None


def within(d: Decimal) -> Decimal:
    """``d`` if it is finite, with at most ``MAX_INT_DIGITS`` digits before the point and
    ``MAX_PLACES`` after it; otherwise a ``ValueError`` saying what was expected."""
    if not d.is_finite():
        raise ValueError(tr("expected a finite number"))
    if d and d.adjusted() >= MAX_INT_DIGITS:
        raise ValueError(_too_many_digits())
    _, digits, exponent = d.as_tuple()
    assert isinstance(exponent, int)
    if exponent >= -MAX_PLACES:
        return d
    zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    if d and exponent + zeros < -MAX_PLACES:
        raise ValueError(_too_many_places())
    return d.quantize(_FINEST)  # only trailing zeros go: the value is the same


_FINEST = Decimal(1).scaleb(-MAX_PLACES)


def decimal(value: object) -> Decimal:
    """A number as written in a file: ASCII digits, an optional point and exponent, within
    the bounds.  A float (a TOML literal) goes by its shortest text, never its binary value."""
    if isinstance(value, bool):
        raise ValueError(tr("expected a number, not true or false"))
    if isinstance(value, Decimal):
        return within(value)
    if isinstance(value, int):
        return within(Decimal(value))
    text = repr(value) if isinstance(value, float) else str(value).strip()
    written = _NUMBER.fullmatch(text)
    if written is None:
        raise ValueError(tr("expected a finite number") if isinstance(value, float)
                         else tr("expected a number written with the digits 0-9"))
    if written[2] and len(written[2].lstrip("0")) > 6:
        raise ValueError(_too_many_places() if written[1] == "-" else _too_many_digits())
    try:
        return within(Decimal(text))
    except InvalidOperation:
        raise ValueError(tr("expected a number written with the digits 0-9")) from None


def whole(value: object) -> int:
    """A whole number of ASCII digits, with at most ``MAX_INT_DIGITS`` of them."""
    if isinstance(value, bool):
        raise ValueError(tr("expected a whole number, not true or false"))
    if isinstance(value, int):
        within(Decimal(value))
        return value
    text = str(value).strip()
    if not _WHOLE.fullmatch(text):
        raise ValueError(tr("expected a whole number written with the digits 0-9"))
    if len(text.lstrip("+-").lstrip("0")) > MAX_INT_DIGITS:
        raise ValueError(tr("expected a whole number of at most {n} digits", n=MAX_INT_DIGITS))
    return int(text)


def is_count(text: str) -> bool:
    """Text that is a count (ASCII digits only), as opposed to a file's path."""
    return text.strip().isascii() and text.strip().isdigit()


def _digit_run(text: str, name: str, row: int | None) -> None:
    found = _LONG_DIGITS.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        what = tr("a run of more than {run} digits; numbers have at most {n} digits before the point",
                  run=MAX_DIGIT_RUN, n=MAX_INT_DIGITS)
        raise InputError([Problem(name, "", at_line(line, what) if row is None else what, row)])


def _too_many_digits() -> str:
    return tr("expected a number of at most {n} digits before the decimal point", n=MAX_INT_DIGITS)


def _too_many_places() -> str:
    return tr("expected at most {n} decimal places", n=MAX_PLACES)


def at_line(line: int, what: str, column: int | None = None) -> str:
    """``what`` went wrong at a line (and column) of a file, as an editor numbers them."""
    if column is None:
        return tr("line {line}: {what}", line=line, what=what)
    return tr("{what} at line {line}, column {column}", what=what, line=line, column=column)


_JSON_REASONS = (
    N_("Expecting value"), N_("Expecting property name enclosed in double quotes"), N_("Expecting ':' delimiter"),
    N_("Expecting ',' delimiter"), N_("Extra data"), N_("Unterminated string starting at"),
    N_("Invalid control character at"), N_("Invalid control character {char} at"), N_("Invalid \\escape"),
    N_("Invalid \\escape: {char}"), N_("Invalid \\uXXXX escape"),
)
"""What ``json`` says is wrong (the C and the Python decoder), in its own words: the English
message stays as ``json`` wrote it, and the Chinese one is looked up from it."""

_TOML_REASONS = (
    N_("Cannot overwrite a value"), N_("Escaped character is not a Unicode scalar value"),
    N_("Expected '=' after a key in a key/value pair"), N_("Expected ']' at the end of a table declaration"),
    N_("Expected ']]' at the end of an array declaration"), N_("Invalid date or datetime"), N_("Invalid hex value"),
    N_("Invalid initial character for a key part"), N_("Invalid statement"), N_("Invalid value"),
    N_("Unclosed array"), N_("Unclosed inline table"), N_("Unescaped '\\' in a string"),
    N_("Unterminated string"), N_("Expected {char}"), N_("Found invalid character {char}"),
    N_("Cannot declare {key} twice"), N_("Cannot mutate immutable namespace {key}"),
    N_("Cannot redefine namespace {key}"), N_("Duplicate inline table key {key}"), N_("Illegal character {char}"),
)
"""What ``tomllib`` says is wrong, in its own words (Python 3.11 to 3.13)."""


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    return re.compile("".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts)),
                      re.DOTALL)


_REASON_PATTERNS = {t: _pattern(t) for t in (*_JSON_REASONS, *_TOML_REASONS)}


def reason(message: str) -> str:
    """A parser's message in the user's language: as the parser wrote it in English, and from
    the catalogue in Chinese; a message we have no words for stays the parser's in English
    and is called a syntax error in Chinese."""
    for template, pattern in _REASON_PATTERNS.items():
        found = pattern.fullmatch(message)
        if found:
            return tr(template, **found.groupdict())
    return pick(message, "语法错误")


_TOML_WHERE = re.compile(r"(?s)(.*) \((?:at line (\d+), column (\d+)|at end of document)\)")


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
        raise InputError([Problem(name, "", tr("a line longer than {n} characters", n=f"{MAX_LINE:,}"), row)])
    _digit_run(text, name, row)
    try:
        return json.loads(text, parse_float=Decimal, object_pairs_hook=_unique_keys)
    except DuplicateKey as e:
        from pointscalc.reading import field_name

        raise InputError([Problem(name, "", tr("the key {key} is given twice in one object: keep one",
                                               key=field_name(e.args[0])), row)]) from None
    except json.JSONDecodeError as e:
        what = tr("is not valid JSON: {reason}", reason=reason(e.msg))
        raise InputError([Problem(name, "", what if row is not None else at_line(e.lineno, what, e.colno), row)]
                         ) from None
    except RecursionError:
        raise InputError([Problem(name, "", tr("is nested deeper than any applicant or quota file"), row)]) from None


_HEADER = re.compile(r"(\s*\[\[?)([^\]\"']*)(\]\]?\s*(?:#.*)?)")
_KEY = re.compile(r"(\s*)([^\s=\"'#\[{][^=\"'#]*?)(\s*=.*)")


def _quoted(key: str) -> str:
    """A dotted key with each part that is not ASCII quoted (出生日期 → "出生日期")."""
    parts = [p.strip() for p in key.split(".")]
    if all(p.isascii() for p in parts) or not all(p and not any(c.isspace() for c in p) for p in parts):
        return key
    return ".".join(p if p.isascii() else f'"{p}"' for p in parts)


def chinese_keys(text: str) -> str:
    """TOML whose bare keys may be Chinese, as a user writes them (``出生日期 = "1990-03"``,
    ``[[期间]]``), in the TOML 1.0 that ``tomllib`` reads, where a bare key is ASCII and any
    other key is quoted.  Only a key that starts a line or a table header is quoted; it is done
    only to a file that does not parse as written, and no profile field holds text of several
    lines, where a line inside a string could look like a key."""
    out = []
    for line in text.split("\n"):
        header = _HEADER.fullmatch(line)
        key = None if header else _KEY.match(line)
        if header:
            line = header[1] + _quoted(header[2]) + header[3]
        elif key:
            line = key[1] + _quoted(key[2]) + key[3]
        out.append(line)
    return "\n".join(out)


def toml_problem(e: tomllib.TOMLDecodeError, shifted: tuple[str, str] | None = None) -> str:
    """What is wrong with a TOML file, with its line and column, in the user's language
    (``tomllib``'s own words in English).  ``shifted``: the file as written and as read, where
    its Chinese keys were quoted; a column is given in the file as written."""
    found = _TOML_WHERE.fullmatch(str(e))
    if found is None:
        return tr("is not valid TOML: {reason}", reason=reason(str(e)))
    if found[2]:
        column = int(found[3])
        if shifted is not None:
            written, read = (t.split("\n")[int(found[2]) - 1] for t in shifted)
            column = max(1, column - (len(read) - len(written)))
        return tr("is not valid TOML: {reason} (at line {line}, column {column})", reason=reason(found[1]),
                  line=found[2], column=column)
    return tr("is not valid TOML: {reason} (at end of document)", reason=reason(found[1]))


def parse_toml(text: str, name: str) -> Any:
    """TOML with bounded digits and depth; a float is read back by its shortest text
    (``decimal``), never by its binary value.  A file that is not TOML as written is read again
    with its Chinese bare keys quoted (``chinese_keys``); if that fails too, its error is the
    one reported (the file's real mistake, not its Chinese keys), at the column as written."""
    _digit_run(text, name, None)
    text = _LONE_CR.sub("\n", text)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        quoted = chinese_keys(text)
        if quoted != text:
            try:
                return tomllib.loads(quoted)
            except tomllib.TOMLDecodeError as again:
                raise InputError([Problem(name, "", toml_problem(again, (text, quoted)))]) from None
            except RecursionError:
                pass
        raise InputError([Problem(name, "", toml_problem(e))]) from None
    except RecursionError:
        raise InputError([Problem(name, "", tr("is nested deeper than any applicant or quota file"))]) from None
