"""Errors about a user's input: where, which field, and what was expected.

A user's mistake is reported, never shown as a traceback.  Messages never repeat an ID
number or a name: they say what is wrong with the value, not what it was.
"""

from __future__ import annotations

import errno
import re
from decimal import Decimal

import attrs

from pointscalc.i18n import N_, listing, tr


@attrs.frozen
class Problem:
    file: str
    field: str
    message: str
    row: int | None = None
    """The row as a spreadsheet numbers it (the header is row 1; in JSON Lines, the
    line); ``None`` for a single-applicant file."""

    def __str__(self) -> str:
        where = tr("{file}, row {row}", file=self.file, row=self.row) if self.row is not None else self.file
        colon = tr(": ")
        return colon.join([where, self.field, self.message] if self.field else [where, self.message])


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
        return tr("nothing")
    if isinstance(value, bool):
        return tr("true") if value else tr("false")
    if isinstance(value, dict):
        return tr("a table")
    if isinstance(value, list | tuple):
        return tr("a list")
    if isinstance(value, int) and abs(value) < 10**8:
        return repr(str(value))
    if isinstance(value, Decimal) and value.is_finite() and len(value.as_tuple().digits) <= 8:
        return repr(str(value))
    if isinstance(value, int | Decimal):
        return tr("a number of more than 8 digits")
    text = str(value)
    if _SAFE.fullmatch(text.strip()):
        return repr(text.strip())
    if not text.strip():
        return tr("blank text") if text else tr("an empty text")
    kinds = listing(tr(name) for name, test in _KINDS if any(test(c) for c in text))
    if len(text) == 1:
        return tr("a text of 1 character ({kinds})", kinds=kinds)
    return tr("a text of {n} characters ({kinds})", n=len(text), kinds=kinds)


def _cjk(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or "\U00020000" <= c <= "\U0003ffff"


_KINDS = (
    (N_("digits"), lambda c: c.isascii() and c.isdigit()),
    (N_("other digits"), lambda c: c.isdigit() and not c.isascii()),
    (N_("Latin letters"), lambda c: c.isascii() and c.isalpha()),
    (N_("Chinese characters"), _cjk),
    (N_("other letters"), lambda c: c.isalpha() and not c.isascii() and not _cjk(c)),
    (N_("spaces"), str.isspace),
    (N_("other characters"), lambda c: not (c.isalnum() or c.isspace() or _cjk(c))),
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
        return tr("scheme {scheme!r}: its rule {key!r} failed ({kind}); this is a defect of the scheme, not of"
                  " the input", scheme=self.scheme, key=self.key, kind=self.kind)


_OS_REASONS = {
    errno.ENOENT: N_("no such file or folder"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("not permitted"),
    errno.EISDIR: N_("is a folder, not a file"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.ENOSPC: N_("no space left on the device"),
    errno.EROFS: N_("the file system is read-only"),
    errno.EEXIST: N_("already exists"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.ENOTEMPTY: N_("the folder is not empty"),
}


def os_reason(e: OSError) -> str:
    """Why a file could not be read or written, in the user's language; the system's own
    text (English whatever ``--lang`` says) only for a rare error we have no words for."""
    known = _OS_REASONS.get(e.errno) if e.errno is not None else None
    return tr(known) if known else (e.strerror or type(e).__name__)
