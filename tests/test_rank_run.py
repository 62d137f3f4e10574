"""`pointscalc rank`: real published data, encodings, bad rows, safety and determinism."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import random
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from pointscalc import tables
from pointscalc.cli import main
from pointscalc.model import Sex

DATA = Path(__file__).resolve().parent / "data"
BEIJING_2021 = DATA / "beijing-2021-published.csv"


def rank(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["rank", *args], catch_exceptions=False)
    return result.exit_code, result.output


def read(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_real_beijing_2021_list_gives_the_real_outcome(tmp_path: Path) -> None:
    # Beijing admits everyone at or above the cutoff (第八条): the published list has 6,045
    # names for about 6,000 places, the last 108 all at 100.88 (counted in the file).
    code, out = rank("beijing", str(BEIJING_2021), "--as-of", "2021-06-30", "--quota", "6000", "--scored",
                     "--out", str(tmp_path))
    assert code == 0, out
    summary = read(tmp_path / "summary.csv")
    assert summary == [{"bucket": "all", "applicants": "6045", "eligible": "6045", "quota": "6000",
                        "admitted": "6045", "cutoff": "100.88", "tied_at_cutoff": "108"}]
    results = read(tmp_path / "results.csv")
    # Our rank agrees with the published one wherever the published score differs from the previous.
    assert all(r["status"] == "admitted" for r in results)
    assert len(read(tmp_path / "public.csv")) == 6045


def test_real_list_under_a_strict_quota_admits_exactly_6000(tmp_path: Path) -> None:
    code, _ = rank("beijing", str(BEIJING_2021), "--as-of", "2021-06-30", "--quota", "6000", "--scored",
                   "--ties", "strict", "--out", str(tmp_path))
    assert code == 0
    assert read(tmp_path / "summary.csv")[0]["admitted"] == "6000"


SCORED = "身份证号,姓名,积分\n11010519491231002X,张三,101.5\n320582199001011236,李四,99\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_every_csv_encoding_gives_the_same_results(tmp_path: Path, encoding: str) -> None:
    reference = tmp_path / "ref"
    (tmp_path / "ref.csv").write_text(SCORED, encoding="utf-8")
    rank("beijing", str(tmp_path / "ref.csv"), "--as-of", "2021-06-30", "--quota", "1", "--scored",
         "--out", str(reference))
    (tmp_path / "in.csv").write_bytes(SCORED.encode(encoding))
    code, _ = rank("beijing", str(tmp_path / "in.csv"), "--as-of", "2021-06-30", "--quota", "1", "--scored",
                   "--out", str(tmp_path / "out"))
    assert code == 0
    for name in ("results.csv", "public.csv", "summary.csv"):
        assert (tmp_path / "out" / name).read_bytes() == (reference / name).read_bytes()
    public = read(tmp_path / "out" / "public.csv")
    assert public == [{"序号": "1", "姓名": "张*", "身份证号": "110***********002X", "积分": "101.5", "区域": "all"}]


def test_a_formula_in_a_name_is_neutralised(tmp_path: Path) -> None:
    (tmp_path / "in.csv").write_text('姓名,积分\n"=HYPERLINK(""x"")",100\n', encoding="utf-8")
    code, _ = rank("beijing", str(tmp_path / "in.csv"), "--as-of", "2021-06-30", "--quota", "5", "--scored",
                   "--out", str(tmp_path / "out"))
    assert code == 0
    assert read(tmp_path / "out" / "results.csv")[0]["name"] == "'=HYPERLINK(\"x\")"
    assert tables.safe("-12") == "'-12" and tables.safe("张三") == "张三"


BAD = ("身份证号,积分\n"
       "11010519491231002X,100\n"      # good
       "320582199001011236,abc\n"      # not a number
       "110105199001010010,90\n"       # an ID ...
       "110105199001010010,80\n"       # ... given twice: both rows are refused
       "110105194912310037\n")         # too few cells


def test_bad_rows_are_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "in.csv").write_text(BAD, encoding="utf-8")
    code, out = rank("beijing", str(tmp_path / "in.csv"), "--as-of", "2021-06-30", "--quota", "5", "--scored",
                     "--out", str(tmp_path / "out"))
    assert code == 0
    errors = read(tmp_path / "out" / "errors.csv")
    assert {(e["row"], e["field"]) for e in errors} == {("3", "score"), ("4", "id"), ("5", "id"), ("6", "")}
    assert "expected a number" in out and "more than one row" in out
    results = read(tmp_path / "out" / "results.csv")
    assert [r["status"] for r in results].count("admitted") == 1
    assert [r["status"] for r in results].count("invalid") == 4


def test_strict_aborts_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "in.csv").write_text(BAD, encoding="utf-8")
    code, out = rank("beijing", str(tmp_path / "in.csv"), "--as-of", "2021-06-30", "--quota", "5", "--scored",
                     "--strict", "--out", str(tmp_path / "out"))
    assert code == 1
    assert "nothing written" in out
    assert not (tmp_path / "out").exists()


def test_a_failed_write_leaves_no_partial_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def failing_fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:
            raise OSError("disk full")

    from pointscalc import outdir

    monkeypatch.setattr(outdir.os, "fsync", failing_fsync)
    with pytest.raises(OSError):
        outdir.publish(tmp_path / "out", {"a.csv": b"1", "b.csv": b"2", "c.csv": b"3", "d.csv": b"4"})
    assert list(tmp_path.iterdir()) == []


def test_unknown_column_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "in.csv").write_text("积分,colour\n1,red\n", encoding="utf-8")
    code, out = rank("beijing", str(tmp_path / "in.csv"), "--as-of", "2021-06-30", "--quota", "5", "--scored",
                     "--out", str(tmp_path / "out"))
    assert code == 1
    assert "column 2 (B): the header is not a known column" in out and "colour" not in out
    assert not (tmp_path / "out").exists()


def test_suzhou_ranks_each_target_area_against_its_own_quota(tmp_path: Path) -> None:
    # Two applicants per area, identical but for insurance months; quota 1 in 市区, 1 in 昆山.
    def person(pid: str, area: str, start: str) -> dict:
        district = "姑苏区" if area == "市区" else "昆山市"
        return {"id": pid, "birth": "1990-01", "extra": {"target_area": area}, "periods": [
            {"kind": "social_insurance", "scheme": "urban_employee", "city": "苏州", "start": start},
            {"kind": "residence_permit", "city": "苏州", "start": "2015-01"},
            {"kind": "residence", "tenure": "owned", "area": 90, "city": "苏州", "district": district,
             "start": "2015-01"}]}

    # Valid GB 11643 numbers for men born 1990-01-01, as the birth field says.
    people = [person("110105199001010010", "市区", "2016-01"), person("110105199001010029", "市区", "2018-01"),
              person("110105199001010037", "昆山", "2017-01"), person("110105199001010045", "昆山", "2019-01")]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in people),
                                       encoding="utf-8")
    (tmp_path / "quota.toml").write_text('"市区" = 1\n"昆山" = 1\n', encoding="utf-8")
    code, out = rank("suzhou", str(tmp_path / "in.jsonl"), "--as-of", "2021-06-30", "--quota",
                     str(tmp_path / "quota.toml"), "--out", str(tmp_path / "out"))
    assert code == 0, out
    admitted = {r["id"] for r in read(tmp_path / "out" / "results.csv") if r["status"] == "admitted"}
    # The longer-insured applicant of each area wins: 2016-01 in 市区, 2017-01 in 昆山.
    assert admitted == {"110105199001010010", "110105199001010037"}
    summary = {r["bucket"]: r for r in read(tmp_path / "out" / "summary.csv")}
    # 市区: insured 2016-01..2021-06 = 66 months × 5 = 330, + age 31: 10 → 340.
    assert summary["市区"]["cutoff"] == "340.00"


@settings(max_examples=10, deadline=None)
@given(st.randoms(use_true_random=False))
def test_shuffled_input_gives_byte_identical_outputs(tmp_path_factory: pytest.TempPathFactory,
                                                     rnd: random.Random) -> None:
    tmp = tmp_path_factory.mktemp("shuffle")
    lines = BEIJING_2021.read_text(encoding="utf-8").splitlines()
    header, body = lines[0], lines[1:400]
    shuffled = body[:]
    rnd.shuffle(shuffled)
    outputs = []
    for i, rows in enumerate((body, shuffled)):
        (tmp / f"in{i}.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
        code, _ = rank("beijing", str(tmp / f"in{i}.csv"), "--as-of", "2021-06-30", "--quota", "150",
                       "--scored", "--out", str(tmp / f"out{i}"))
        assert code == 0
        outputs.append({n: (tmp / f"out{i}" / n).read_bytes() for n in os.listdir(tmp / f"out{i}")})
    # run.json differs as it should: another input file, with another hash.
    records = [json.loads(o.pop("run.json")) for o in outputs]
    assert outputs[0] == outputs[1]
    assert records[0]["outputs"] == records[1]["outputs"]


def test_xlsx_written_by_a_spreadsheet_library_ranks_like_csv(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for line in SCORED.strip().splitlines():
        sheet.append([float(c) if c.replace(".", "").isdigit() and len(c) < 10 else c for c in line.split(",")])
    book.save(tmp_path / "in.xlsx")
    (tmp_path / "in.csv").write_text(SCORED, encoding="utf-8")
    for name in ("in.xlsx", "in.csv"):
        code, out = rank("beijing", str(tmp_path / name), "--as-of", "2021-06-30", "--quota", "1", "--scored",
                         "--out", str(tmp_path / name.replace(".", "-")))
        assert code == 0, out
    for name in ("results.csv", "public.csv", "summary.csv"):
        assert (tmp_path / "in-xlsx" / name).read_bytes() == (tmp_path / "in-csv" / name).read_bytes()
    # 101.5 arrives from the sheet as a float and must leave as 101.5, not 101.50000000000001.
    assert read(tmp_path / "in-xlsx" / "public.csv")[0]["积分"] == "101.5"


def test_xlsx_output_is_neutralised_and_reproducible(tmp_path: Path) -> None:
    import openpyxl

    (tmp_path / "in.csv").write_text('姓名,积分\n"@SUM(A1)",100\n', encoding="utf-8")
    for out in ("a", "b"):
        code, _ = rank("beijing", str(tmp_path / "in.csv"), "--as-of", "2021-06-30", "--quota", "5", "--scored",
                       "--xlsx", "--out", str(tmp_path / out))
        assert code == 0
    assert (tmp_path / "a" / "results.xlsx").read_bytes() == (tmp_path / "b" / "results.xlsx").read_bytes()
    sheet = openpyxl.load_workbook(tmp_path / "a" / "results.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("身份证号", "姓名", "区域", "状态")  # workbooks are for people: Chinese headers
    assert rows[1][1] == "'@SUM(A1)"


APPLICANTS = ("身份证号,姓名,出生日期,学历,target_area\n"
              "110105199001010010,张三,1990-01-01,本科,市区\n"
              "110105199001010029,李四,1990-01-01,大专,市区\n")
PERIODS = ("身份证号,类型,城市,区县,开始,结束,险种,住房性质,面积\n"
           "110105199001010010,social_insurance,苏州,姑苏区,2016-01,,urban_employee,,\n"
           "110105199001010010,residence_permit,苏州,姑苏区,2015-01,,,,\n"
           "110105199001010010,residence,苏州,姑苏区,2015-01,,,owned,90\n"
           "110105199001010029,social_insurance,苏州,姑苏区,2016-01,,urban_employee,,\n"
           "110105199001010029,residence_permit,苏州,姑苏区,2015-01,,,,\n"
           "110105199001010029,residence,苏州,姑苏区,2015-13,,,rented,90\n"
           "999999199001010029,residence,苏州,姑苏区,2015-01,,,rented,90\n")


def test_flat_tables_with_a_periods_table(tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_text(APPLICANTS, encoding="utf-8")
    (tmp_path / "periods.csv").write_text(PERIODS, encoding="utf-8")
    (tmp_path / "quota.csv").write_text("区域,名额\n市区,5\n", encoding="utf-8")
    code, out = rank("suzhou", str(tmp_path / "people.csv"), "--periods", str(tmp_path / "periods.csv"),
                     "--as-of", "2021-06-30", "--quota", str(tmp_path / "quota.csv"), "--out", str(tmp_path / "out"))
    assert code == 0, out
    results = {r["id"]: r for r in read(tmp_path / "out" / "results.csv")}
    # 张三: age 31: 10; 本科 60; insured 2016-01..2021-06 = 66 months × 5 = 330 → 400.
    assert (results["110105199001010010"]["status"], results["110105199001010010"]["score"]) == ("admitted",
                                                                                                  "400.00")
    errors = read(tmp_path / "out" / "errors.csv")
    # The bad month is reported at its own row of the periods table, not the applicant's.
    assert {(Path(e["file"]).name, e["row"], e["field"]) for e in errors} == {
        ("periods.csv", "7", "start"), ("periods.csv", "8", "id")}


def test_children_rank_by_the_higher_parent_then_the_other(tmp_path: Path) -> None:
    # 苏州 第七条: the higher parent's points count; equal, the other parent's decide.
    # A: parents 300 and 200 → (300, 200); B: 150 and 300 → (300, 150); C: 250 and 250.
    # One place at the school: A wins over B on the other parent's 200 > 150.
    (tmp_path / "kids.csv").write_text("id,学校,积分,另一方积分\nA,实验小学,300,200\nB,实验小学,150,300\n"
                                       "C,实验小学,250,250\n", encoding="utf-8")
    (tmp_path / "schools.csv").write_text("学校,名额\n实验小学,1\n", encoding="utf-8")
    code, out = rank("suzhou", str(tmp_path / "kids.csv"), "--scored", "--children", "--as-of", "2021-06-30",
                     "--quota", str(tmp_path / "schools.csv"), "--out", str(tmp_path / "out"))
    assert code == 0, out
    order = [(r["id"], r["status"], r["rank"]) for r in read(tmp_path / "out" / "results.csv")]
    assert order == [("A", "admitted", "1"), ("B", "waitlisted", "2"), ("C", "waitlisted", "3")]


def test_open_bucket_and_planning_target(tmp_path: Path) -> None:
    # A quota file with an open bucket: every eligible applicant is admitted, and the
    # count is compared with the planning target (韶府办〔2017〕37号 二: dynamic targets).
    (tmp_path / "in.csv").write_text(SCORED, encoding="utf-8")
    (tmp_path / "q.csv").write_text("bucket,quota\nall,open\n", encoding="utf-8")
    code, out = rank("beijing", str(tmp_path / "in.csv"), "--scored", "--as-of", "2021-06-30",
                     "--quota", str(tmp_path / "q.csv"), "--target", "5", "--out", str(tmp_path / "out"))
    assert code == 0
    assert read(tmp_path / "out" / "summary.csv")[0]["admitted"] == "2"
    assert "planning target: 5; admitted: 2 (-3 against the target)" in out


def test_jobs_give_byte_identical_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Scoring in worker processes must change nothing but the time: same rows, same order,
    # same bad rows reported.  Small batches make several workers share the run.
    from pointscalc import fairness, run

    monkeypatch.setattr(run, "_BATCH", 7)
    rows = []
    for i in range(60):
        start = f"{2010 + i % 9}-{1 + i % 12:02d}"
        rows.append({"id": fairness.fake_id(dt.date(1990, 1, 1), Sex.MALE, i), "birth": "1990-01",
                     "extra": {"target_area": ["市区", "昆山"][i % 2]}, "periods": [
                         {"kind": "social_insurance", "scheme": "urban_employee", "city": "苏州", "start": start},
                         {"kind": "residence_permit", "city": "苏州", "start": "2015-01"},
                         {"kind": "residence", "tenure": "owned", "area": 90, "city": "苏州",
                          "district": "姑苏区" if i % 2 == 0 else "昆山市", "start": "2015-01"}]})
    rows[5]["birth"] = "1990-13"  # one bad row: reported the same way by both runs
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    (tmp_path / "quota.toml").write_text('"市区" = 10\n"昆山" = 10\n', encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        code, out = rank("suzhou", str(tmp_path / "in.jsonl"), "--as-of", "2021-06-30", "--quota",
                         str(tmp_path / "quota.toml"), "--out", str(tmp_path / jobs), "--jobs", jobs)
        assert code == 0, out
        outputs.append({n: (tmp_path / jobs / n).read_bytes() for n in os.listdir(tmp_path / jobs)})
    records = [json.loads(o.pop("run.json")) for o in outputs]
    assert outputs[0] == outputs[1]
    assert [r["options"].pop("jobs") for r in records] == [1, 2]  # the record differs only there
    assert records[0] == records[1]
    assert b"1990-13" in outputs[0]["errors.csv"]
    assert outputs[0]["results.csv"].count(b"admitted") == 20


def test_xlsx_bytes_do_not_depend_on_the_time_of_saving() -> None:
    # openpyxl stamps docProps/core.xml with the save time; two saves a second apart must
    # still give the same bytes (the earlier test only failed when a second ticked over).
    import time

    first = tables.xlsx_bytes(["a"], [["x"]], neutralise=[True])
    time.sleep(1.05)
    assert tables.xlsx_bytes(["a"], [["x"]], neutralise=[True]) == first
