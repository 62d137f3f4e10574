"""Malformed structure: nesting, wrong shapes, NUL bytes, broken tables.  Each case is
a clear error naming the file (and row where there is one), never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.reliability.hostile import AS_OF, assert_clean, invoke, write_round

DEEP_JSON = "[" * 5000 + "]" * 5000
DEEP_TOML = "a = " + "[" * 500 + "]" * 500 + "\n"


@pytest.mark.parametrize(("name", "text"), [("deep.json", DEEP_JSON), ("deep.toml", DEEP_TOML),
                                            ("obj.json", '{"a":' * 3000 + "1" + "}" * 3000)])
def test_nesting_hundreds_deep_is_refused_for_score_and_check(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert_clean(invoke("score", "beijing", str(tmp_path / name), "--as-of", AS_OF), 1, name, "nested")
    assert_clean(invoke("check", str(tmp_path / name), "--as-of", AS_OF), 1, name, "nested")


def test_a_deep_jsonl_line_is_one_bad_row_and_the_run_goes_on(tmp_path: Path) -> None:
    args = write_round(tmp_path, jsonl=True)
    people = Path(args[0])
    people.write_text(people.read_text(encoding="utf-8") + DEEP_JSON + "\n", encoding="utf-8")
    result = invoke("rank", "suzhou", *args, "--out", str(tmp_path / "out"))
    # Six good lines, then the deep one on line 7.
    assert_clean(result, 0, "people.jsonl, row 7", "nested", out=tmp_path / "out")
    assert "invalid rows: 1" in result.output


def test_a_deep_quota_file_is_refused(tmp_path: Path) -> None:
    args = write_round(tmp_path)
    Path(args[-1]).write_text(DEEP_TOML, encoding="utf-8")
    result = invoke("rank", "suzhou", *args, "--out", str(tmp_path / "out"))
    assert_clean(result, 1, "quota.toml", "nested")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("text", ["[1, 2]", "null", '"text"', "3"])
def test_a_profile_that_is_not_a_table_is_refused(tmp_path: Path, text: str) -> None:
    (tmp_path / "a.json").write_text(text, encoding="utf-8")
    assert_clean(invoke("score", "beijing", str(tmp_path / "a.json"), "--as-of", AS_OF), 1, "a.json",
                 "expected a table of applicant fields")


def test_nul_bytes_in_a_profile_are_an_error_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_bytes(b'birth = "1980-01-01"\x00\n')
    assert_clean(invoke("score", "beijing", str(tmp_path / "a.toml"), "--as-of", AS_OF), 1, "a.toml",
                 "not valid TOML", "line 1")


@pytest.mark.parametrize("engine", ["columns", "auto", "applicants"])
def test_a_nul_byte_in_a_cell_is_a_bad_value_of_that_row_and_field(tmp_path: Path, engine: str) -> None:
    args = write_round(tmp_path)
    people = Path(args[0])
    # Line 3, row 3 in a spreadsheet (the second applicant), gets a NUL inside its target area.
    lines = people.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("昆山", "昆\x00山")
    people.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = invoke("rank", "suzhou", *args, "--out", str(tmp_path / "out"), "--engine", engine)
    if engine == "columns" and result.exit_code == 1:
        assert_clean(result, 1, "--engine columns")  # the fast engine may decline; never crash
        return
    assert_clean(result, 0, "people.csv, row 3", "target_area", out=tmp_path / "out")


def test_a_cell_beyond_the_csv_limit_stops_with_the_row(tmp_path: Path) -> None:
    args = write_round(tmp_path)
    people = Path(args[0])
    lines = people.read_text(encoding="utf-8").splitlines()
    # An unclosed quote on row 4 swallows the rest of the file into one cell.
    lines[3] = lines[3].replace("1988", '"' + "x" * 200_000, 1)
    people.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for engine in ("auto", "applicants"):
        result = invoke("rank", "suzhou", *args, "--out", str(tmp_path / "out"), "--engine", engine)
        assert_clean(result, 1, "people.csv, row 4", "131,072 characters")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("bin.csv", bytes(range(256)) * 4, "neither UTF-8 nor GB18030"),
    ("empty.csv", b"", "is empty"),
    ("zip.xlsx", b"PK\x03\x04 not a zip", "cannot be read as XLSX"),
    ("text.xlsx", "身份证号,积分\n".encode(), "cannot be read as XLSX"),
])
def test_a_table_that_is_not_a_table_is_refused(tmp_path: Path, name: str, data: bytes, expected: str) -> None:
    (tmp_path / name).write_bytes(data)
    result = invoke("rank", "beijing", str(tmp_path / name), "--scored", "--as-of", AS_OF, "--quota", "5",
                    "--out", str(tmp_path / "out"))
    assert_clean(result, 1, name, expected)
    assert not (tmp_path / "out").exists()


def test_jsonl_lines_that_are_not_tables_are_bad_rows(tmp_path: Path) -> None:
    args = write_round(tmp_path, jsonl=True)
    people = Path(args[0])
    people.write_text(people.read_text(encoding="utf-8") + '[1]\n3\nnull\n{"id": \n', encoding="utf-8")
    result = invoke("rank", "suzhou", *args, "--out", str(tmp_path / "out"))
    assert_clean(result, 0, "people.jsonl, row 7", "people.jsonl, row 10", "not valid JSON", out=tmp_path / "out")
    assert "invalid rows: 4" in result.output


@pytest.mark.parametrize("role", ["INPUT", "--periods"])
def test_a_device_or_a_fifo_is_refused_before_reading(tmp_path: Path, role: str) -> None:
    # /dev/zero never ends and a FIFO with no writer never starts: neither may be read.
    args = write_round(tmp_path)
    os.mkfifo(tmp_path / "fifo.csv")
    for special in ("/dev/zero", str(tmp_path / "fifo.csv")):
        changed = [special if (role == "INPUT" and i == 0) or (role == "--periods" and i == 2) else a
                   for i, a in enumerate(args)]
        result = invoke("rank", "suzhou", *changed, "--out", str(tmp_path / "out"))
        assert_clean(result, 1, special, "is not a regular file")
    assert_clean(invoke("score", "beijing", "/dev/zero", "--as-of", AS_OF), 1, "/dev/zero", "not a regular file")
