"""Limits on how a value is written: digits, exponents, decimal places, digit runs, and
how many error lines a run prints.  Expected bounds come from pointscalc.limits's stated
rules (12 digits before the point, 6 places after), checked here on hand-picked values."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from pointscalc import limits
from tests.reliability.hostile import AS_OF, IDS, applicant, assert_clean, invoke, write_round


@pytest.mark.parametrize(("text", "expected"), [
    ("90.5", Decimal("90.5")),
    ("999999999999", Decimal("999999999999")),          # 12 digits: the largest allowed
    ("0.000001", Decimal("0.000001")),                  # 6 places
    ("12.1000000000", Decimal("12.100000")),            # trailing zeros are not places
    ("0.00000000", Decimal("0.000000")),
    ("1e3", Decimal("1000")),
    (" -3 ", Decimal("-3")),
])
def test_numbers_within_the_bounds_keep_their_value(text: str, expected: Decimal) -> None:
    assert limits.decimal(text) == expected


@pytest.mark.parametrize(("text", "says"), [
    ("1000000000000", "12 digits"),        # 13 digits
    ("9" * 5000, "12 digits"),
    ("1e999999", "12 digits"),
    ("1e999999999", "12 digits"),
    ("0.0000001", "6 decimal places"),
    ("90.1234567890123456789012", "6 decimal places"),
    ("1e-999999999", "6 decimal places"),
    ("١٢", "digits 0-9"),                  # Arabic-Indic digits: Decimal would accept them
    ("１２", "digits 0-9"),                  # full-width
    ("1_000", "digits 0-9"),
    ("nan", "digits 0-9"),
    ("Infinity", "digits 0-9"),
])
def test_numbers_beyond_the_bounds_say_what_was_expected(text: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        limits.decimal(text)


@pytest.mark.parametrize("text", ["²", "1.5", "1" * 13, "", "0x10", "+"])
def test_whole_numbers_are_ascii_digits_of_bounded_length(text: str) -> None:
    with pytest.raises(ValueError):
        limits.whole(text)


def _profile(tmp_path: Path, name: str, text: str) -> str:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return str(tmp_path / name)


def test_a_5000_digit_integer_in_a_profile_is_refused_before_parsing(tmp_path: Path) -> None:
    json_path = _profile(tmp_path, "a.json", '{"birth": "1980-01-01", "qualification": ' + "9" * 5000 + "}")
    toml_path = _profile(tmp_path, "a.toml", 'birth = "1980-01-01"\nqualification = ' + "9" * 5000 + "\n")
    assert_clean(invoke("score", "beijing", json_path, "--as-of", AS_OF), 1, "a.json", "line 1", "200 digits")
    assert_clean(invoke("score", "beijing", toml_path, "--as-of", AS_OF), 1, "a.toml", "line 2", "200 digits")
    assert_clean(invoke("check", json_path, "--as-of", AS_OF), 1, "a.json", "200 digits")


@pytest.mark.parametrize("area", ["1e999999", "1e999999999", "90.1234567890123456789012", "9" * 300])
def test_an_absurdly_written_area_is_an_error_of_that_field(tmp_path: Path, area: str) -> None:
    data = applicant(0)
    data["periods"][2]["area"] = area
    path = _profile(tmp_path, "a.json", json.dumps(data, ensure_ascii=False))
    result = invoke("score", "suzhou", path, "--as-of", AS_OF)
    # A run of 300 digits is stopped before parsing; the others reach the field.
    assert_clean(result, 1, "a.json", *(["200 digits"] if len(area) == 300 else ["periods[2].area"]))


@pytest.mark.parametrize("engine", ["columns", "applicants"])
@pytest.mark.parametrize("area", ["1e999999", "90.1234567890123456789012", "9" * 5000])
def test_an_absurd_area_in_a_periods_table_is_a_bad_row_in_both_engines(tmp_path: Path, engine: str,
                                                                       area: str) -> None:
    args = write_round(tmp_path)
    periods = Path(args[2])
    lines = periods.read_text(encoding="utf-8").splitlines()
    # Line 4 of the periods table (row 4 in a spreadsheet, under the header) is the first
    # applicant's home, their third period.
    assert lines[3].endswith(",owned,90.5")
    lines[3] = lines[3].removesuffix("90.5") + area
    periods.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = invoke("rank", "suzhou", *args, "--out", str(tmp_path / "out"), "--engine", engine)
    assert_clean(result, 0, "periods.csv, row 4: area: expected", out=tmp_path / "out")
    assert "invalid rows: 1" in result.output


@pytest.mark.parametrize(("score", "says"), [("1e999999999", "12 digits"), ("9" * 5000, "12 digits"),
                                             ("101.1234567890123456789012", "6 decimal places")])
def test_an_absurd_score_in_a_scored_table_is_a_bad_row(tmp_path: Path, score: str, says: str) -> None:
    (tmp_path / "s.csv").write_text(f"身份证号,姓名,积分\n{IDS[0]},王小明,{score}\n{IDS[1]},李秀英,99\n",
                                    encoding="utf-8")
    result = invoke("rank", "beijing", str(tmp_path / "s.csv"), "--scored", "--as-of", AS_OF, "--quota", "1",
                    "--out", str(tmp_path / "out"))
    assert_clean(result, 0, "s.csv, row 2: score:", says, out=tmp_path / "out")


@pytest.mark.parametrize("quota", ["9" * 5000, "²", "１"])
def test_a_quota_number_beyond_the_bounds_is_refused(tmp_path: Path, quota: str) -> None:
    (tmp_path / "s.csv").write_text(f"身份证号,积分\n{IDS[0]},99\n", encoding="utf-8")
    result = invoke("rank", "beijing", str(tmp_path / "s.csv"), "--scored", "--as-of", AS_OF, "--quota", quota,
                    "--out", str(tmp_path / "out"))
    assert_clean(result, 1, "--quota")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("name", "text", "says"), [
    ("q.toml", '"市区" = ' + "9" * 5000 + "\n", "200 digits"),
    ("q.toml", '"市区" = 99999999999999\n', "12 digits"),
    ("q.csv", "bucket,quota\n市区,²\n", "q.csv, row 2: quota"),
])
def test_a_quota_file_number_beyond_the_bounds_is_refused(tmp_path: Path, name: str, text: str, says: str) -> None:
    args = write_round(tmp_path)
    (tmp_path / name).write_text(text, encoding="utf-8")
    args[-1] = str(tmp_path / name)
    result = invoke("rank", "suzhou", *args, "--out", str(tmp_path / "out"))
    assert_clean(result, 1, name, says)


def test_error_lines_are_bounded_and_the_rest_counted(tmp_path: Path) -> None:
    # 1,000 periods with a bad month: one profile, 1,000 problems; 20 are printed.
    data = applicant(0)
    data["periods"] = [{"kind": "residence_permit", "city": "苏州", "start": "2015-13"}] * 1000
    path = _profile(tmp_path, "a.json", json.dumps(data, ensure_ascii=False))
    result = invoke("score", "suzhou", path, "--as-of", AS_OF)
    assert_clean(result, 1, "a.json", "and 980 more problems")
    assert result.stderr.count("\n") == 21


def test_a_jsonl_line_beyond_the_line_limit_is_one_bad_row(tmp_path: Path) -> None:
    args = write_round(tmp_path, jsonl=True)
    people = Path(args[0])
    people.write_text(people.read_text(encoding="utf-8") + '{"name": "' + "x" * (limits.MAX_LINE + 1) + '"}\n',
                      encoding="utf-8")
    result = invoke("rank", "suzhou", *args, "--out", str(tmp_path / "out"))
    assert_clean(result, 0, "people.jsonl, row 7", "longer than", out=tmp_path / "out")
