"""Output that fits the terminal: every table and line of score, check and plan folds to the
width (issue 16), in English and in Chinese, where a Chinese character takes two columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from wcwidth import wcswidth

from pointscalc.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
COMMANDS = [
    ["score", "beijing", str(EXAMPLES / "beijing-engineer.toml"), "--round", "2021"],
    ["score", "suzhou", str(EXAMPLES / "suzhou-technician.toml"), "--as-of", "2021-06-30"],
    ["check", str(EXAMPLES / "migrant-worker.toml"), "--as-of", "2019-06-30"],
    # A conditions table (blank headers) whose mark column tabulate widens to 2: it was 101 wide at 100.
    ["score", "anyang", str(EXAMPLES / "beijing-engineer.toml"), "--as-of", "2019-06-30"],
    # show: conditions, items, parameters, rounds and notes (issue 16: rows of 175–320 characters).
    ["show", "beijing"],
    ["show", "suzhou"],
    ["show", "nanjing"],
    ["show", "anyang"],
    ["show", "beijing", "--reform", str(EXAMPLES / "reforms" / "beijing-tax-cap.toml")],
    ["recognition", "--as-of", "2021-06-30", "--include-explored"],
    ["schemes"],
    ["plan", "beijing", str(EXAMPLES / "beijing-engineer.toml"), "--as-of", "2021-06-30"],
    ["plan", "beijing", "--backtest"],
    ["audit", "suzhou", "--as-of", "2021-06-30", "--examples", "3"],
]


@pytest.mark.parametrize("width", [80, 100, 120])
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: "-".join(a[:2]))
def test_output_fits_the_width(monkeypatch: pytest.MonkeyPatch, args: list[str], lang: str, width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    result = CliRunner().invoke(main, [*args, "--lang", lang], catch_exceptions=False)
    assert result.exit_code == 0
    widest = max(result.output.splitlines(), key=wcswidth)
    assert wcswidth(widest) <= width, widest


def test_a_narrow_terminal_puts_the_clause_under_the_item(monkeypatch: pytest.MonkeyPatch) -> None:
    # At 60 columns the items table cannot hold a clause column beside the facts: the clause
    # goes on its own line under the item's name.
    monkeypatch.setenv("COLUMNS", "60")
    result = CliRunner().invoke(main, COMMANDS[0], catch_exceptions=False)
    head = next(line for line in result.output.splitlines() if line.startswith("item"))
    assert "clause" not in head
    assert "(京政办发〔2016〕39号" in result.output
