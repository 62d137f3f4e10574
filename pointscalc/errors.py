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
    """1-based data row in a table; ``None`` for a single-applicant file."""

    def __str__(self) -> str:
        where = self.file + (f", row {self.row}" if self.row is not None else "")
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class InputError(Exception):
    """One or more problems in a user's input, all reported at once."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
