"""Every example profile scores, or checks, without error under every scheme it names (the
README's table of examples), and the example scheme file loads and lints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pointscalc.cli import main

ROOT = Path(__file__).resolve().parent.parent
ROWS = re.findall(r"^\| `(examples/[\w.-]+\.toml)` \| (`check`|\w+) \| (\d{4}-\d{2}-\d{2}) \|",
                  (ROOT / "README.md").read_text(encoding="utf-8"), flags=re.M)


def test_the_readme_lists_every_example_profile() -> None:
    listed = {path for path, _, _ in ROWS}
    assert listed == {f"examples/{p.name}" for p in (ROOT / "examples").glob("*.toml")}


@pytest.mark.parametrize(("path", "how", "day"), ROWS, ids=[p for p, _, _ in ROWS])
def test_each_example_runs_as_the_readme_says(path: str, how: str, day: str) -> None:
    args = ["check", str(ROOT / path), "--as-of", day] if how == "`check`" \
        else ["score", how, str(ROOT / path), "--as-of", day]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output


def test_the_migrant_worker_scores_under_shaoguan() -> None:
    # Issue 16: examples/migrant-worker.toml carries Anyang's `town`; Shaoguan does not read it,
    # says so, and scores the rest (韶府办〔2017〕37号 二: one month of insurance short).
    result = CliRunner().invoke(main, ["score", "shaoguan", str(ROOT / "examples" / "migrant-worker.toml"),
                                       "--as-of", "2019-06-30"])
    assert result.exit_code == 0, result.output
    assert "does not read town: ignored" in result.output
