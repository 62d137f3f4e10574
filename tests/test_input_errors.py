"""Bad input: each case reports file, field and what was expected, exits 1, and never
shows a traceback or echoes an ID number."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from pointscalc.cli import main

GOOD: dict[str, Any] = {
    "birth": "1985-06",
    "sex": "male",
    "periods": [
        {"kind": "social_insurance", "scheme": "urban_employee", "city": "北京", "start": "2010-01"},
        {"kind": "residence_permit", "city": "北京", "start": "2015-01"},
    ],
}


def run(tmp_path: Path, data: Any, *extra: str, scheme: str = "beijing", suffix: str = ".json") -> Result:
    path = tmp_path / f"applicant{suffix}"
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return CliRunner().invoke(main, ["score", scheme, str(path), "--as-of", "2021-06-30", *extra])


def with_period(**changes: Any) -> dict[str, Any]:
    period = {**GOOD["periods"][0], **changes}
    return {**GOOD, "periods": [period, GOOD["periods"][1]]}


def assert_reported(result: Result, field: str, expected: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "applicant.json" in result.output
    assert field in result.output
    assert expected in result.output


def test_the_good_input_scores(tmp_path: Path) -> None:
    assert run(tmp_path, GOOD).exit_code == 0


def test_malformed_date(tmp_path: Path) -> None:
    result = run(tmp_path, with_period(start="2010-13"))
    assert_reported(result, "periods[0].start", "expected a month YYYY-MM")


def test_period_ending_before_it_starts(tmp_path: Path) -> None:
    result = run(tmp_path, with_period(start="2012-05", end="2011-04"))
    assert_reported(result, "periods[0].end", "is before start")


def test_unknown_period_kind(tmp_path: Path) -> None:
    result = run(tmp_path, with_period(kind="pension"))
    assert_reported(result, "periods[0].kind", "expected one of social_insurance")


def test_unknown_city(tmp_path: Path) -> None:
    result = run(tmp_path, with_period(city="Atlantis"))
    assert_reported(result, "periods[0].city", "unknown city: expected a prefecture-level city")
    assert "Atlantis" not in result.output  # a cell may be someone's name: its shape is told instead


def test_ambiguous_pinyin_city_is_not_guessed(tmp_path: Path) -> None:
    result = run(tmp_path, with_period(city="suzhou"))
    assert_reported(result, "periods[0].city", "苏州, 宿州")


def test_wrong_id_check_digit(tmp_path: Path) -> None:
    # 11010519491231002X is valid; changing its check character to 1 breaks it.
    result = run(tmp_path, {**GOOD, "id": "110105194912310021", "birth": "1949-12-31", "sex": "female"})
    assert_reported(result, "id", "check digit")
    assert "110105194912310021" not in result.output


def test_missing_required_field(tmp_path: Path) -> None:
    period = dict(GOOD["periods"][0])
    del period["scheme"]
    result = run(tmp_path, {**GOOD, "periods": [period]})
    assert_reported(result, "periods[0].scheme", "is required")


def test_unknown_field(tmp_path: Path) -> None:
    result = run(tmp_path, {**GOOD, "perods": []})
    assert_reported(result, "perods", "unknown field")


def test_unknown_extra_fact(tmp_path: Path) -> None:
    result = run(tmp_path, {**GOOD, "extra": {"favourite_colour": "red"}})
    assert_reported(result, "extra.favourite_colour", "unknown")


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    result = run(tmp_path, {**with_period(city="Atlantis", start="x"), "sex": "robot"})
    assert_reported(result, "periods[0].city", "unknown city")
    assert "periods[0].start" in result.output
    assert "sex" in result.output


def test_birth_that_contradicts_the_id(tmp_path: Path) -> None:
    result = run(tmp_path, {**GOOD, "id": "11010519491231002X", "birth": "1950-01", "sex": "female"})
    assert_reported(result, "birth", "does not match")


def test_invalid_toml(tmp_path: Path) -> None:
    result = run(tmp_path, "birth = \n", suffix=".toml")
    assert result.exit_code == 1
    assert "not valid TOML" in result.output
    assert "Traceback" not in result.output


def test_missing_file_is_reported(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["score", "beijing", str(tmp_path / "none.toml"), "--as-of", "2021-06-30"])
    assert result.exit_code == 1
    assert "cannot be read" in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["score", "atlantis", "x.toml", "--as-of", "2021-06-30"],
        ["score", "beijing", "x.toml", "--as-of", "30/06/2021"],
        ["score", "beijing", "x.toml"],
        ["show", "atlantis"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_as_of_outside_every_version_is_refused_unless_stale_allowed(tmp_path: Path) -> None:
    # Beijing's first version starts 2017-01-01: 2016 has no rules we know.
    path = tmp_path / "a.json"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    refused = CliRunner().invoke(main, ["score", "beijing", str(path), "--as-of", "2016-06-01"])
    assert refused.exit_code == 1
    assert "no version in force on 2016-06-01" in refused.output
    allowed = CliRunner().invoke(main, ["score", "beijing", str(path), "--as-of", "2016-06-01", "--allow-stale"])
    assert allowed.exit_code == 0
    assert "version 2017" in allowed.output
