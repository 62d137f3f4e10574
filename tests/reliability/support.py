"""What every reliability case asserts: an exit code, no traceback, where the problem is, and
nothing personal anywhere but the masked public list."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

import attrs
from click.testing import CliRunner

from pointscalc.cli import main
from pointscalc.idnumber import check_digit


def an_id(first17: str) -> str:
    """A valid GB 11643 number: the check digit worked out by ISO 7064 MOD 11-2."""
    return first17 + check_digit(first17)


@attrs.frozen
class Run:
    code: int
    stdout: str
    stderr: str
    out: Path

    @property
    def text(self) -> str:
        return self.stdout + self.stderr

    def files(self, *, public_too: bool = False) -> dict[str, str]:
        """Every file written to --out (as text), the public lists left out unless asked."""
        if not self.out.exists():
            return {}
        return {p.name: _text(p) for p in sorted(self.out.iterdir())
                if public_too or not p.name.startswith("public.")}


def _text(path: Path) -> str:
    if path.suffix == ".xlsx":
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True)
        return "\n".join(",".join("" if c is None else str(c) for c in row)
                         for sheet in book.worksheets for row in sheet.iter_rows(values_only=True))
    return path.read_text(encoding="utf-8-sig")


def rows(path: Path) -> list[dict[str, str]]:
    """A CSV output as dictionaries by its header."""
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def rank(tmp: Path, *args: str, out: str = "out") -> Run:
    result = CliRunner().invoke(main, ["rank", *args, "--out", str(tmp / out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert "Traceback" not in result.stdout + result.stderr
    return Run(result.exit_code, result.stdout, result.stderr, tmp / out)


def refused(run: Run, *must: str) -> None:
    """Exit 1, nothing written, and the message names what it must (file, field, bucket)."""
    assert run.code == 1, run.text
    assert not run.out.exists()
    for word in must:
        assert word in run.stderr, (word, run.stderr)


def reported(run: Run, file: str, row: int, field: str) -> None:
    """The run went on (exit 0) and told, on stderr, the file, row and field of the problem."""
    assert run.code == 0, run.text
    assert f"{file}, row {row}: {field}:" in run.stderr, run.stderr


def nothing_personal(run: Run, secrets: Iterable[str]) -> None:
    """No ID number or name on stdout, stderr or any file but the masked public list.

    ``secrets`` are those of rows the run refused (results.csv lists an admitted applicant's
    own ID and name for the office: that is its purpose).  An ID is also looked for by its
    first 14 characters: a message must not give region and birth date either."""
    secrets = list(secrets)
    streams = {"stdout": run.stdout, "stderr": run.stderr, **run.files()}
    for name, text in streams.items():
        for secret in secrets:
            needles = [secret, secret[:14]] if len(secret) >= 15 else [secret]
            for needle in needles:
                assert needle not in text, (name, needle)
