"""Garbage is refused, not scored: implausible areas and years, births before 1900, JSON keys
given twice, XLSX formulas with no value, cells beyond the header, rows with no ID."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pointscalc.cli import main
from tests.reliability.support import Run, an_id, nothing_personal, rank, reported, rows

ID = an_id("32058219900101001")


def errors(run: Run) -> list[tuple[str, str]]:
    return [(e["row"], e["field"]) for e in rows(run.out / "errors.csv")]


def suzhou_tables(tmp: Path, area: str, *, app_id: str = ID) -> list[str]:
    (tmp / "apps.csv").write_text(f"id,name,target_area\n{app_id},王小明,昆山\n", encoding="utf-8")
    (tmp / "periods.csv").write_text(
        "id,kind,city,district,start,scheme,tenure,area\n"
        f"{ID},social_insurance,苏州,,2015-01,urban_employee,,\n{ID},residence_permit,苏州,,2015-01,,,\n"
        f"{ID},residence,苏州,昆山市,2015-01,,owned,{area}\n", encoding="utf-8")
    (tmp / "q.toml").write_text('"昆山" = 1\n', encoding="utf-8")
    return ["suzhou", str(tmp / "apps.csv"), "--periods", str(tmp / "periods.csv"), "--as-of", "2021-06-30",
            "--quota", str(tmp / "q.toml")]


@pytest.mark.parametrize("area", ["-90", "0", "10000.01", "1e6"])
@pytest.mark.parametrize("engine", ["columns", "applicants"])
def test_an_implausible_floor_area_is_refused(tmp_path: Path, area: str, engine: str) -> None:
    # Bounds: more than 0, at most 10,000 m² (reading.AREA says why).
    run = rank(tmp_path, *suzhou_tables(tmp_path, area), "--engine", engine)
    assert run.code == 0, run.text
    # Row 4 as a spreadsheet numbers it: the header is row 1.
    assert errors(run) == [("4", "area")]
    assert "periods.csv, row 4: area: expected more than 0 to 10000" in run.stderr
    assert [r["status"] for r in rows(run.out / "results.csv")] == ["invalid"]
    nothing_personal(run, [ID, "王小明"])


def test_the_largest_plausible_area_is_accepted(tmp_path: Path) -> None:
    run = rank(tmp_path, *suzhou_tables(tmp_path, "10000"))
    assert run.code == 0 and errors(run) == []


@pytest.mark.parametrize("engine", ["columns", "applicants"])
def test_a_row_with_no_id_is_invalid_not_ineligible(tmp_path: Path, engine: str) -> None:
    run = rank(tmp_path, *suzhou_tables(tmp_path, "90", app_id=""), "--engine", engine)
    assert run.code == 0, run.text
    # The applicant row has no ID, so its periods belong to nobody: each is reported too.
    assert ("2", "id") in errors(run)
    reported(run, "apps.csv", 2, "id")
    statuses = [r["status"] for r in rows(run.out / "results.csv")]
    assert "ineligible" not in statuses and statuses[0] == "invalid"
    nothing_personal(run, ["王小明"])


def jsonl(tmp: Path, *lines: str) -> list[str]:
    (tmp / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ["beijing", str(tmp / "in.jsonl"), "--as-of", "2021-06-30", "--quota", "5"]


BJ = an_id("11010519900101001")


@pytest.mark.parametrize("years, ok", [(0, False), (1, True), (50, True), (51, False), (500, False)])
def test_record_years_must_fit_a_working_life(tmp_path: Path, years: int, ok: bool) -> None:
    record = {"kind": "innovation", "date": "2018-12-31", "category": "hitech_enterprise", "years": years}
    run = rank(tmp_path, *jsonl(tmp_path, json.dumps({"id": BJ, "name": "王小明", "records": [record]})))
    assert run.code == 0, run.text
    assert errors(run) == ([] if ok else [("1", "records[0].years")])
    if not ok:
        reported(run, "in.jsonl", 1, "records[0].years")
        nothing_personal(run, [BJ, "王小明"])


@pytest.mark.parametrize("birth", ["0001-01-01", "1899-12-31", "1899-12"])
def test_a_birth_before_1900_is_refused(tmp_path: Path, birth: str) -> None:
    run = rank(tmp_path, *jsonl(tmp_path, json.dumps({"id": BJ, "name": "王小明", "birth": birth})))
    assert ("1", "birth") in errors(run)
    reported(run, "in.jsonl", 1, "birth")
    assert "from 1900 on" in run.stderr
    nothing_personal(run, [BJ, "王小明"])


def test_a_json_lines_key_given_twice_is_an_error(tmp_path: Path) -> None:
    line = f'{{"id": "{BJ}", "name": "王小明", "name": "李雷"}}'
    run = rank(tmp_path, *jsonl(tmp_path, line))
    assert run.code == 0
    assert "in.jsonl, row 1: the key name is given twice" in run.stderr
    assert [r["status"] for r in rows(run.out / "results.csv")] == ["invalid"]
    nothing_personal(run, [BJ, "王小明", "李雷"])


def test_a_profile_key_given_twice_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('{"birth": "1990-01", "education": {"diploma": "bachelor", "diploma": "none"}}',
                                     encoding="utf-8")
    result = CliRunner().invoke(main, ["score", "beijing", str(tmp_path / "a.json"), "--as-of", "2021-06-30"])
    assert result.exit_code == 1
    assert "a.json: the key diploma is given twice" in result.output and "Traceback" not in result.output


def workbook(path: Path, rows_: list[list[object]]) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows_:
        book.active.append(row)
    book.save(path)  # openpyxl computes nothing: a formula is saved with no value


@pytest.mark.parametrize("sheet, says", [
    # A formula openpyxl saved with no value would read as a blank score.
    ([["身份证号", "姓名", "积分"], [BJ, "王小明", "=90+10"], [ID, "李雷", 80]], "formula with no saved value"),
    # A cell beyond the header would be dropped.
    ([["身份证号", "积分"], [BJ, 100, "王小明"], [ID, 80]], "beyond the header"),
])
def test_an_xlsx_cell_that_cannot_be_read_faithfully_is_named(tmp_path: Path, sheet: list[list[object]],
                                                              says: str) -> None:
    workbook(tmp_path / "in.xlsx", sheet)
    run = rank(tmp_path, "beijing", str(tmp_path / "in.xlsx"), "--scored", "--as-of", "2021-06-30", "--quota", "5")
    assert errors(run) == [("2", "column 3 (C)")]
    reported(run, "in.xlsx", 2, "column 3 (C)")
    assert says in run.stderr
    nothing_personal(run, [BJ, "王小明"])


@pytest.mark.parametrize("engine", ["columns", "applicants"])
def test_a_period_row_without_an_id_is_reported_not_dropped(tmp_path: Path, engine: str) -> None:
    args = suzhou_tables(tmp_path, "90", app_id="")
    with (tmp_path / "periods.csv").open("a", encoding="utf-8") as f:
        f.write(",residence_permit,苏州,,2016-01,,,\n")
    run = rank(tmp_path, *args, "--engine", engine)
    assert run.code == 0, run.text
    # Row 5 of the periods (the header is row 1) has no ID: it joins nobody, not even the
    # applicant without one.
    assert ("5", "id") in errors(run) and "periods.csv, row 5: id: is required" in run.stderr
    nothing_personal(run, ["王小明"])


@pytest.mark.parametrize("bucket", [{"a": 1}, "", 3])
def test_a_json_lines_bucket_must_be_a_name(tmp_path: Path, bucket: object) -> None:
    run = rank(tmp_path, *jsonl(tmp_path, json.dumps({"id": BJ, "bucket": bucket})))
    assert errors(run) == [("1", "bucket")]
    reported(run, "in.jsonl", 1, "bucket")
    nothing_personal(run, [BJ])
