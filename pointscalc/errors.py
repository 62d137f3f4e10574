"""Errors about a user's input: where, which field, and what was expected.

A user's mistake is reported, never shown as a traceback.  Messages never repeat an ID
number or a name: they say what is wrong with the value, not what it was.
"""

from __future__ import annotations

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
