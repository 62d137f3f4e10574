"""No ID number or name in any message: errors name the field and what was expected, and
describe a value by its shape. Every name on the public list is masked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pointscalc import idnumber
from pointscalc.errors import describe
from tests.reliability.support import an_id, nothing_personal, rank, refused, rows

ID = an_id("32058219900101001")
NAME = "王小明"
PERIODS = [{"kind": "social_insurance", "scheme": "urban_employee", "city": "北京", "start": "2010-01"}]


def test_describe_shows_only_what_cannot_be_personal() -> None:
    assert describe("2021-06") == "'2021-06'" and describe("42") == "'42'"
    assert describe(NAME) == "a text of 3 characters (Chinese characters)"
    assert describe(ID) == "a text of 18 characters (digits)"
    assert describe("x" * 3_000_000) == "a text of 3000000 characters (Latin letters)"


def test_every_name_on_a_public_list_is_masked_whatever_its_length() -> None:
    assert [idnumber.mask_name(n) for n in ("李", "张三", "欧阳娜娜", "")] == ["*", "张*", "欧***", ""]


def test_a_one_character_name_is_not_published(tmp_path: Path) -> None:
    (tmp_path / "in.csv").write_text(f"身份证号,姓名,积分\n{ID},李,100\n", encoding="utf-8")
    run = rank(tmp_path, "beijing", str(tmp_path / "in.csv"), "--scored", "--as-of", "2021-06-30", "--quota", "1",
               "--xlsx")
    assert run.code == 0, run.text
    assert rows(run.out / "public.csv")[0]["姓名"] == "*"


@pytest.mark.parametrize("field, value, where", [
    ("id", NAME, "id"),                                           # columns swapped: a name where the ID goes
    ("name", 12345, "name"),
    ("birth", ID, "birth"),                                       # an ID where the birth date goes
    ("sex", NAME, "sex"),
    ("education", {"diploma": NAME}, "education.diploma"),
    ("origin", {"city": NAME}, "origin.city"),
    ("origin", {"rural": ID}, "origin.rural"),
    (ID, "x", "<a key: a text of 18 characters (digits)>"),       # an ID written as a key
])
def test_a_bad_field_in_json_lines_is_told_by_its_shape(tmp_path: Path, field: str, value: object,
                                                        where: str) -> None:
    applicant = {"id": an_id("11010519900101002"), "name": "李雷", "periods": PERIODS, field: value}
    (tmp_path / "in.jsonl").write_text(json.dumps(applicant, ensure_ascii=False) + "\n", encoding="utf-8")
    run = rank(tmp_path, "beijing", str(tmp_path / "in.jsonl"), "--as-of", "2021-06-30", "--quota", "1")
    assert run.code == 0, run.text
    assert f"in.jsonl, row 1: {where}" in run.stderr
    nothing_personal(run, [NAME, ID, "李雷", an_id("11010519900101002")])


def test_a_bad_period_city_in_a_table_is_told_by_its_shape(tmp_path: Path) -> None:
    (tmp_path / "apps.csv").write_text(f"id,name,target_area\n{ID},{NAME},昆山\n", encoding="utf-8")
    # The periods table's columns are swapped: the name sits in the city column.
    (tmp_path / "periods.csv").write_text(f"id,kind,city,start,scheme\n{ID},social_insurance,{NAME},2015-01,"
                                          "urban_employee\n", encoding="utf-8")
    (tmp_path / "q.toml").write_text('"昆山" = 1\n', encoding="utf-8")
    for engine in ("columns", "applicants"):
        run = rank(tmp_path, "suzhou", str(tmp_path / "apps.csv"), "--periods", str(tmp_path / "periods.csv"),
                   "--as-of", "2021-06-30", "--quota", str(tmp_path / "q.toml"), "--engine", engine, out=engine)
        assert run.code == 0, run.text
        assert "periods.csv, row 2: city: unknown city" in run.stderr
        nothing_personal(run, [NAME, ID])


@pytest.mark.parametrize("header_row", [False, True])
def test_a_table_without_its_header_row_names_column_positions(tmp_path: Path, header_row: bool) -> None:
    # Without a header row, the first applicant's ID and name are read as headers.
    body = f"{ID},{NAME},100\n{an_id('11010519900101002')},李雷,90\n"
    (tmp_path / "in.csv").write_text(("身份证号,姓名,积分\n" if header_row else "") + body, encoding="utf-8")
    run = rank(tmp_path, "beijing", str(tmp_path / "in.csv"), "--scored", "--as-of", "2021-06-30", "--quota", "1")
    if header_row:
        assert run.code == 0, run.text
        return
    refused(run, "in.csv", "column 1 (A)", "column 2 (B)", "header row missing")
    nothing_personal(run, [NAME, ID])


def test_a_score_column_holding_names_is_told_by_its_shape(tmp_path: Path) -> None:
    (tmp_path / "in.csv").write_text(f"身份证号,积分,姓名\n{ID},{NAME},100\n", encoding="utf-8")
    run = rank(tmp_path, "beijing", str(tmp_path / "in.csv"), "--scored", "--as-of", "2021-06-30", "--quota", "1")
    assert run.code == 0, run.text
    assert "row 2: score: expected a number written with the digits 0-9" in run.stderr
    nothing_personal(run, [NAME, ID])


def test_a_long_bad_value_is_never_echoed(tmp_path: Path) -> None:
    long = "9" * 100_000  # below the csv module's field limit; longer lines are bounded by the readers
    (tmp_path / "in.csv").write_text(f"身份证号,积分\n{ID},{long}x\n", encoding="utf-8")
    run = rank(tmp_path, "beijing", str(tmp_path / "in.csv"), "--scored", "--as-of", "2021-06-30", "--quota", "1")
    assert run.code == 0
    assert len(run.stderr) < 500 and (run.out / "errors.csv").stat().st_size < 500
    nothing_personal(run, [ID])


def test_the_columns_engine_does_not_repeat_what_arrow_quotes(tmp_path: Path) -> None:
    # A row with a stray quote: Arrow's own message quotes the row; ours does not.
    (tmp_path / "apps.csv").write_text(f'id,name,target_area\n{ID},"{NAME},昆山\n', encoding="utf-8")
    (tmp_path / "q.toml").write_text('"昆山" = 1\n', encoding="utf-8")
    run = rank(tmp_path, "suzhou", str(tmp_path / "apps.csv"), "--as-of", "2021-06-30",
               "--quota", str(tmp_path / "q.toml"), "--engine", "columns")
    assert run.code == 1
    nothing_personal(run, [NAME, ID])


def test_numbers_are_shown_when_short_and_described_when_they_could_be_an_id() -> None:
    from decimal import Decimal

    assert describe(Decimal("1E+6")) == "'1E+6'" and describe(-90) == "'-90'"
    assert describe(int(ID)) == "a number of more than 8 digits"
    assert describe(10**5000) == "a number of more than 8 digits"  # never str() of a huge int
