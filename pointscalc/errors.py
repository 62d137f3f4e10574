"""Errors about a user's input: where, which field, and what was expected.

A user's mistake is reported, never shown as a traceback.  Messages never repeat an ID
number or a name: they say what is wrong with the value, not what it was.
"""

from __future__ import annotations

import re
from decimal import Decimal

import attrs


@attrs.frozen
class Problem:
    file: str
    field: str
    message: str
    row: int | None = None
    """The row as a spreadsheet numbers it (the header is row 1; in JSON Lines, the
    line); ``None`` for a single-applicant file."""

    def __str__(self) -> str:
        where = self.file + (f", row {self.row}" if self.row is not None else "")
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class InputError(Exception):
    """One or more problems in a user's input, all reported at once."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


_SAFE = re.compile(r"-?\d{1,6}(\.\d{1,4})?|\d{4}-\d{1,2}(-\d{1,2})?", re.ASCII)
"""What may be shown as it is: a short number or a date. Neither can be a name or an ID
number (15 or 18 characters), whatever column it stood in."""


def describe(value: object) -> str:
    """A value as a message may show it: itself where it cannot be personal, else its shape.

    With columns swapped or no header row, any cell may hold a name or an ID number, so a
    message about a cell says how long it is and what kind of characters it holds.
    """
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, int) and abs(value) < 10**8:
        return repr(str(value))
    if isinstance(value, Decimal) and value.is_finite() and len(value.as_tuple().digits) <= 8:
        return repr(str(value))
    if isinstance(value, int | Decimal):
        return "a number of more than 8 digits"
    text = str(value)
    if _SAFE.fullmatch(text.strip()):
        return repr(text.strip())
    if not text.strip():
        return "blank text" if text else "an empty text"
    kinds = [name for name, test in _KINDS if any(test(c) for c in text)]
    return f"a text of {len(text)} character{'s' if len(text) != 1 else ''} ({', '.join(kinds)})"


def _cjk(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or "\U00020000" <= c <= "\U0003ffff"


_KINDS = (
    ("digits", lambda c: c.isascii() and c.isdigit()),
    ("other digits", lambda c: c.isdigit() and not c.isascii()),
    ("Latin letters", lambda c: c.isascii() and c.isalpha()),
    ("Chinese characters", _cjk),
    ("other letters", lambda c: c.isalpha() and not c.isascii() and not _cjk(c)),
    ("spaces", str.isspace),
    ("other characters", lambda c: not (c.isalnum() or c.isspace() or _cjk(c))),
)


class SchemeDefect(Exception):
    """A scheme's own rule raised: the scheme is at fault, not the applicant.

    The message names the scheme and the rule's key and the kind of error, never the
    error's text, which may quote an applicant's facts.
    """

    def __init__(self, scheme: str, key: str, kind: str):
        super().__init__(scheme, key, kind)
        self.scheme, self.key, self.kind = scheme, key, kind

    def __str__(self) -> str:
        return (f"scheme {self.scheme!r}: its rule {self.key!r} failed ({self.kind}); "
                "this is a defect of the scheme, not of the input")
