"""Quotas are a closed world: a hole, a typo or a missing header stops the run (exit 1,
nothing written); a bucket is open only where the file says ``open``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.reliability.support import Run, an_id, nothing_personal, rank, refused

# Two pre-scored applicants in two buckets: the smallest run where a hole can admit a bucket.
SCORED = "身份证号,姓名,积分,区域\n" + f"{an_id('11010519900101001')},王小明,101.5,东城\n" \
         + f"{an_id('11010519900101002')},李,99,西城\n"


def scored(tmp: Path, quota: str, *extra: str) -> Run:
    (tmp / "in.csv").write_text(SCORED, encoding="utf-8")
    return rank(tmp, "beijing", str(tmp / "in.csv"), "--scored", "--as-of", "2021-06-30", "--quota", quota, *extra)


def quota(tmp: Path, name: str, text: str) -> str:
    (tmp / name).write_text(text, encoding="utf-8")
    return str(tmp / name)


@pytest.mark.parametrize("text, words", [
    ("bucket,quota\n东城,1\n", ["q.csv", "西城", "no quota"]),           # a bucket left out
    ("bucket,quota\n东城,1\n西城,\n", ["q.csv", "quota", "empty"]),      # an empty value is not "open"
    ("bucket,quota\n东城,1\n东城,2\n西城,1\n", ["q.csv", "东城", "twice"]),  # repeated: no silent winner
    ("", ["q.csv", "empty"]),                                              # empty file
    ("bucket,quota\n", ["q.csv", "no buckets"]),                           # a header only
    ("bucket,places\n东城,1\n西城,1\n", ["q.csv", "column 2", "bucket,quota"]),  # undocumented header
    ("东城,1\n西城,1\n", ["q.csv", "column 1", "header row missing"]),     # no header row at all
    ("bucket,quota\n东城,-1\n西城,1\n", ["q.csv", "quota", "whole number"]),
    ("bucket,quota\n东城,1.5\n西城,1\n", ["q.csv", "quota", "whole number"]),
    ("bucket,quota\n东城,1\n西城,1\n东域,1\n", ["q.csv", "东域", "did you mean 东城"]),  # unknown: nearest named
])
def test_a_csv_quota_file_that_leaves_a_hole_stops_the_run(tmp_path: Path, text: str, words: list[str]) -> None:
    run = scored(tmp_path, quota(tmp_path, "q.csv", text))
    refused(run, *words)
    nothing_personal(run, ["王小明", an_id("11010519900101001")])


@pytest.mark.parametrize("text, words", [
    ('"东城" = 1\n', ["q.toml", "西城", "no quota"]),
    ('"东城" = 1\n"西城" = ""\n', ["q.toml", "西城", "empty"]),
    ('"东城" = 1\n"西城" = "lots"\n', ["q.toml", "西城", "whole number"]),
    ('"东城" = 1\n"西城" = -3\n', ["q.toml", "西城", "whole number"]),
    ('"东城" = 1\n"西城" = true\n', ["q.toml", "西城", "whole number"]),
    ('"东城" = 1\n"西城" = 1\n"东城" = 2\n', ["q.toml", "not valid TOML"]),  # TOML refuses a repeated key
    ("", ["q.toml", "empty"]),
    ('"东城" = 1\n"西城" = {a = 1}\n', ["q.toml", "西城", "table"]),
])
def test_a_toml_quota_file_that_leaves_a_hole_stops_the_run(tmp_path: Path, text: str, words: list[str]) -> None:
    refused(scored(tmp_path, quota(tmp_path, "q.toml", text)), *words)


def test_open_is_said_explicitly_and_admits_every_eligible_applicant(tmp_path: Path) -> None:
    # 东城 has one place and one applicant; 西城 is open: both admitted (counted by hand).
    run = scored(tmp_path, quota(tmp_path, "q.toml", '"东城" = 1\n"西城" = "open"\n'))
    assert run.code == 0, run.text
    summary = (run.out / "summary.csv").read_text(encoding="utf-8-sig").splitlines()
    assert summary[1:] == ["东城,1,1,1,1,101.5,1", "西城,1,1,open,1,99,1"]


def test_the_documented_chinese_headers_are_accepted(tmp_path: Path) -> None:
    run = scored(tmp_path, quota(tmp_path, "q.csv", "区域,名额\n东城,0\n西城,open\n"))
    assert run.code == 0, run.text
    # 东城 has no places: its one applicant waits; 西城 open: admitted.
    public = (run.out / "public.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(public) == 2 and public[1].endswith(",西城")


def test_a_number_is_refused_when_the_input_has_buckets(tmp_path: Path) -> None:
    run = scored(tmp_path, "3")
    refused(run, "--quota 3", "places in total", "quota file")


def test_a_number_is_places_in_total_for_one_bucket(tmp_path: Path) -> None:
    (tmp_path / "in.csv").write_text("积分\n100\n99\n98\n", encoding="utf-8")
    run = rank(tmp_path, "beijing", str(tmp_path / "in.csv"), "--scored", "--as-of", "2021-06-30", "--quota", "2")
    assert run.code == 0, run.text
    # Three applicants, two places in total (Beijing admits ties, and there are none).
    assert (run.out / "summary.csv").read_text(encoding="utf-8-sig").splitlines()[1] == "all,3,3,2,2,99,1"


# Eligible in 昆山 (as in tests/test_rank_run.py): insured, a permit and a home there since 2015.
SUZHOU = {"birth": "1990-01", "extra": {"target_area": "昆山"}, "periods": [
    {"kind": "social_insurance", "scheme": "urban_employee", "city": "苏州", "start": "2015-01"},
    {"kind": "residence_permit", "city": "苏州", "start": "2015-01"},
    {"kind": "residence", "tenure": "owned", "area": 90, "city": "苏州", "district": "昆山市", "start": "2015-01"}]}


def suzhou(tmp: Path, quota_spec: str) -> Run:
    (tmp / "in.jsonl").write_text(json.dumps({"id": an_id("32058219900101001"), **SUZHOU}, ensure_ascii=False),
                                  encoding="utf-8")
    return rank(tmp, "suzhou", str(tmp / "in.jsonl"), "--as-of", "2021-06-30", "--quota", quota_spec)


def test_a_number_is_refused_for_a_scheme_with_buckets_before_any_work(tmp_path: Path) -> None:
    refused(suzhou(tmp_path, "3"), "--quota 3", "市区, 昆山", "quota file")


@pytest.mark.parametrize("typo, near", [("昆山市", "昆山"), ("市區", "市区"), ("張家港", "张家港")])
def test_a_misspelt_area_names_the_nearest_known_one(tmp_path: Path, typo: str, near: str) -> None:
    # The scheme declares its target areas (苏府办〔2020〕313号 (四)): a typo is not a new bucket.
    refused(suzhou(tmp_path, quota(tmp_path, "q.toml", f'"昆山" = 1\n"{typo}" = 1\n')),
            "q.toml", typo, f"did you mean {near}")


def test_an_area_left_out_stops_the_run_even_for_a_scheme_with_buckets(tmp_path: Path) -> None:
    refused(suzhou(tmp_path, quota(tmp_path, "q.toml", '"市区" = 1\n')), "q.toml", "昆山", "no quota")


def test_the_columns_engine_applies_the_same_closed_world(tmp_path: Path) -> None:
    (tmp_path / "apps.csv").write_text(f"id,birth,target_area\n{an_id('32058219900101001')},1990-01,昆山\n",
                                       encoding="utf-8")
    first = an_id("32058219900101001")
    (tmp_path / "periods.csv").write_text(
        "id,kind,city,district,start,scheme,tenure,area\n"
        f"{first},social_insurance,苏州,,2015-01,urban_employee,,\n{first},residence_permit,苏州,,2015-01,,,\n"
        f"{first},residence,苏州,昆山市,2015-01,,owned,90\n", encoding="utf-8")
    q = quota(tmp_path, "q.toml", '"市区" = 1\n')
    for engine in ("columns", "applicants"):
        run = rank(tmp_path, "suzhou", str(tmp_path / "apps.csv"), "--periods", str(tmp_path / "periods.csv"),
                   "--as-of", "2021-06-30", "--quota", q, "--engine", engine, out=engine)
        refused(run, "q.toml", "昆山", "no quota")


def test_a_bucket_with_no_eligible_applicant_needs_no_quota(tmp_path: Path) -> None:
    # No permit, insurance or home: not eligible, so 昆山 has nobody to admit.
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": an_id("32058219900101001"), **SUZHOU, "periods": []},
                                                  ensure_ascii=False), encoding="utf-8")
    run = rank(tmp_path, "suzhou", str(tmp_path / "in.jsonl"), "--as-of", "2021-06-30",
               "--quota", quota(tmp_path, "q.toml", '"市区" = 1\n'))
    assert run.code == 0, run.text
    # Nobody to admit in 昆山: 0 places there, not an open bucket.
    summary = (run.out / "summary.csv").read_text(encoding="utf-8-sig").splitlines()
    assert summary[1:] == ["市区,0,0,1,0,,0", "昆山,1,0,0,0,,0"]


def test_a_bucket_column_holding_ids_is_not_echoed_in_the_quota_error(tmp_path: Path) -> None:
    # Columns swapped: the ID went into the bucket column.  The bucket has no quota, and the
    # message says so without repeating it.
    secret = an_id("11010519900101003")
    (tmp_path / "in.csv").write_text(f"身份证号,积分,区域\nA1,100,{secret}\n", encoding="utf-8")
    run = rank(tmp_path, "beijing", str(tmp_path / "in.csv"), "--scored", "--as-of", "2021-06-30",
               "--quota", quota(tmp_path, "q.csv", "bucket,quota\nall,1\n"))
    refused(run, "q.csv", "a text of 18 characters (digits)")
    nothing_personal(run, [secret])
