"""Error output is bounded: the first problems, then a count of the rest; errors.csv keeps
one line per problem."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from pointscalc.cli import SHOWN_PROBLEMS, main
from tests.reliability.support import an_id, rank

BAD_ROWS = 500


def test_many_bad_rows_print_a_bounded_list_and_a_count(tmp_path: Path) -> None:
    lines = [json.dumps({"id": an_id(f"11010519900101{i:03d}"), "birth": "1990-13"}) for i in range(BAD_ROWS)]
    (tmp_path / "in.jsonl").write_text("\n".join(lines), encoding="utf-8")
    run = rank(tmp_path, "beijing", str(tmp_path / "in.jsonl"), "--as-of", "2021-06-30", "--quota", "5")
    assert run.code == 0
    # Beijing says first which rule keeps it off the bulk engine; then the problems.
    shown = [line for line in run.stderr.splitlines() if line.startswith("invalid:")]
    # Each row has one problem (a 13th month): 20 lines, then one counting the other 480.
    assert len(shown) == SHOWN_PROBLEMS + 1
    assert shown[-1] == f"invalid: … and {BAD_ROWS - SHOWN_PROBLEMS} more in errors.csv"
    assert (run.out / "errors.csv").read_text(encoding="utf-8-sig").count("\n") == BAD_ROWS + 1


def test_strict_says_nothing_was_written_after_a_bounded_list(tmp_path: Path) -> None:
    lines = [json.dumps({"id": an_id(f"11010519900101{i:03d}"), "birth": "1990-13"}) for i in range(50)]
    (tmp_path / "in.jsonl").write_text("\n".join(lines), encoding="utf-8")
    run = rank(tmp_path, "beijing", str(tmp_path / "in.jsonl"), "--as-of", "2021-06-30", "--quota", "5", "--strict")
    assert run.code == 1 and not run.out.exists()
    said = [line for line in run.stderr.splitlines() if not line.startswith("engine:")]  # the engine's own note
    assert len(said) == SHOWN_PROBLEMS + 2
    assert "… and 30 more problems, not shown" in run.stderr and "nothing written" in run.stderr


def test_a_profile_with_many_problems_prints_a_bounded_list(tmp_path: Path) -> None:
    periods = [{"kind": "pension", "city": "北京", "start": "2010-01"}] * 100
    (tmp_path / "a.json").write_text(json.dumps({"birth": "1990-01", "periods": periods}), encoding="utf-8")
    result = CliRunner().invoke(main, ["score", "beijing", str(tmp_path / "a.json"), "--as-of", "2021-06-30"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    # One unknown kind per period: 100 problems, 20 shown.
    assert len(result.output.splitlines()) == SHOWN_PROBLEMS + 1
    assert "… and 80 more problems" in result.output
