"""Office-ready workbooks: Chinese headers, a bold header row kept in view, column widths,
points as numbers shown with two decimals; the CSVs keep their English headers."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl

from pointscalc import tables
from tests.reliability.support import Run, an_id, rank

ONE, TWO, THREE = an_id("11010519900101001"), an_id("11010519900101002"), an_id("11010519900101003")


def run_with_workbooks(tmp: Path, out: str = "out") -> Run:
    (tmp / "in.csv").write_text(f"身份证号,姓名,积分\n{ONE},王小明,101.5\n{TWO},李,99\n{THREE},欧阳娜娜,98.25\n",
                                encoding="utf-8")
    return rank(tmp, "beijing", str(tmp / "in.csv"), "--scored", "--as-of", "2021-06-30", "--quota", "2",
                "--xlsx", out=out)


def test_the_public_list_is_a_workbook_an_office_can_post(tmp_path: Path) -> None:
    run = run_with_workbooks(tmp_path)
    assert run.code == 0, run.text
    sheet = openpyxl.load_workbook(run.out / "public.xlsx").active
    assert sheet.title == "公示" and sheet.freeze_panes == "A2"
    rows = list(sheet.iter_rows())
    assert [c.value for c in rows[0]] == ["序号", "姓名", "身份证号", "积分", "区域"]
    assert all(c.font.b for c in rows[0])
    # Two places, ranked by score: 101.5 then 99; names and IDs masked, 李 wholly.
    assert [[c.value for c in r] for r in rows[1:]] == [
        [1, "王**", ONE[:3] + "*" * 11 + ONE[-4:], 101.5, "all"], [2, "*", TWO[:3] + "*" * 11 + TWO[-4:], 99, "all"]]
    assert rows[1][3].number_format == "0.00" and rows[1][0].data_type == "n"
    # The ID column is as wide as an 18-character ID, plus a margin.
    assert sheet.column_dimensions["C"].width == 20


def test_the_cutoff_is_a_number_in_the_summary_workbook(tmp_path: Path) -> None:
    run = run_with_workbooks(tmp_path)
    sheet = openpyxl.load_workbook(run.out / "summary.xlsx").active
    header, row = [[c for c in r] for r in sheet.iter_rows()]
    assert [c.value for c in header] == ["区域", "申请人数", "符合条件人数", "名额", "入围人数", "分数线", "分数线同分人数"]
    assert [c.value for c in row] == ["all", 3, 3, 2, 2, 99, 1]
    assert row[5].data_type == "n" and row[5].number_format == "0.00"


def test_csv_outputs_keep_their_code_headers_and_the_public_list_is_chinese(tmp_path: Path) -> None:
    """The machine tables keep code headers; public.csv is the 公示 list, headed as the
    workbook is (docs/running-a-round.md)."""
    run = run_with_workbooks(tmp_path)
    first = {name: (run.out / name).read_text(encoding="utf-8-sig").splitlines()[0]
             for name in ("results.csv", "public.csv", "summary.csv", "errors.csv")}
    assert first == {"results.csv": "id,name,bucket,status,rank,score,base,published_rank,reason",
                     "public.csv": "序号,姓名,身份证号,积分,区域",
                     "summary.csv": "bucket,applicants,eligible,quota,admitted,cutoff,tied_at_cutoff",
                     "errors.csv": "file,row,field,message"}


def test_workbooks_are_the_same_bytes_run_after_run(tmp_path: Path) -> None:
    a, b = run_with_workbooks(tmp_path, "a"), run_with_workbooks(tmp_path, "b")
    for name in ("results.xlsx", "public.xlsx", "summary.xlsx", "errors.xlsx"):
        assert (a.out / name).read_bytes() == (b.out / name).read_bytes(), name


def test_user_text_that_looks_like_a_number_stays_text() -> None:
    # Only computed columns become numbers: a name column holding "1.5" is the user's text.
    data = tables.xlsx_bytes(["name", "score"], [["1.5", "1.5"]], neutralise=[True, False], formats=[None, "0.00"])
    import io

    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert [c.value for c in list(sheet.iter_rows())[1]] == ["1.5", Decimal("1.5")]
