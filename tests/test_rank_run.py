"""`pointscalc rank`: real published data, encodings, bad rows, safety and determinism."""

from __future__ import annotations

import csv
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


SCORED = "身份证号,姓名,积分\n11010519491231002X,张三,101.5\n320582199001011237,李四,99\n"


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
    assert public == [{"rank": "1", "name": "张*", "id": "110***********002X", "score": "101.5", "bucket": "all"}]


def test_a_formula_in_a_name_is_neutralised(tmp_path: Path) -> None:
    (tmp_path / "in.csv").write_text('姓名,积分\n"=HYPERLINK(""x"")",100\n', encoding="utf-8")
    code, _ = rank("beijing", str(tmp_path / "in.csv"), "--as-of", "2021-06-30", "--quota", "5", "--scored",
                   "--out", str(tmp_path / "out"))
    assert code == 0
    assert read(tmp_path / "out" / "results.csv")[0]["name"] == "'=HYPERLINK(\"x\")"
    assert tables.safe("-12") == "'-12" and tables.safe("张三") == "张三"


BAD = ("身份证号,积分\n"
       "11010519491231002X,100\n"      # good
       "320582199001011237,abc\n"      # not a number
       "110105199001010010,90\n"       # an ID ...
       "110105199001010010,80\n"       # ... given twice: both rows are refused
       "110105194912310037\n")         # too few cells


def test_bad_rows_are_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "in.csv").write_text(BAD, encoding="utf-8")
    code, out = rank("beijing", str(tmp_path / "in.csv"), "--as-of", "2021-06-30", "--quota", "5", "--scored",
                     "--out", str(tmp_path / "out"))
    assert code == 0
    errors = read(tmp_path / "out" / "errors.csv")
    assert {(e["row"], e["field"]) for e in errors} == {("2", "score"), ("3", "id"), ("4", "id"), ("5", "")}
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

    monkeypatch.setattr(tables.os, "fsync", failing_fsync)
    with pytest.raises(OSError):
        tables.write_all(tmp_path, {"a.csv": b"1", "b.csv": b"2", "c.csv": b"3", "d.csv": b"4"})
    assert list(tmp_path.iterdir()) == []


def test_unknown_column_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "in.csv").write_text("积分,colour\n1,red\n", encoding="utf-8")
    code, out = rank("beijing", str(tmp_path / "in.csv"), "--as-of", "2021-06-30", "--quota", "5", "--scored",
                     "--out", str(tmp_path / "out"))
    assert code == 1
    assert "colour: unknown column" in out
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
    assert outputs[0] == outputs[1]
