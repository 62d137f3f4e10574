"""The bulk engine (``rank --engine columns``) against the reference (``--engine applicants``).

The reference scores applicant by applicant through ``scoring.assess``; its own tests derive
every figure from the policy text.  The bulk engine is a second implementation for speed,
so what is asserted here is that the two give the same bytes in every output, for generated
applicants with bad values mixed in: any rule, reading or ranking difference shows.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyarrow as pa
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from pointscalc.cli import main
from pointscalc.columns import padded
from pointscalc.idnumber import check_digit
from pointscalc.tables import csv_bytes, safe

AREAS = {"市区": ["姑苏区", "吴中区", "吴江区", "苏州工业园区"], "昆山": ["昆山市"], "太仓": ["太仓市"]}
OUTPUTS = ("results.csv", "public.csv", "summary.csv", "errors.csv")


def month(m: int) -> str:
    return f"{m // 12:04d}-{m % 12 + 1:02d}"


AS_OF = 2021 * 12 + 5  # 2021-06


@st.composite
def period(draw: st.DrawFn, district: str) -> dict[str, str]:
    kind = draw(st.sampled_from(["social_insurance", "residence_permit", "residence", "housing_fund",
                                 "social_insurance"]))
    start = AS_OF - draw(st.integers(-3, 90))
    end = draw(st.one_of(st.just(""), st.integers(start - 2, AS_OF + 2).map(month)))
    city = draw(st.sampled_from(["苏州", "苏州", "苏州", "南京", "无锡"]))
    row = {"kind": kind, "city": city, "district": district if city == "苏州" and draw(st.booleans()) else "",
           "start": month(start), "end": end, "scheme": "", "tenure": "", "area": ""}
    if kind == "social_insurance":
        row["scheme"] = draw(st.sampled_from(["urban_employee", "urban_employee", "resident", "城镇职工"]))
    if kind == "residence":
        row["tenure"] = draw(st.sampled_from(["owned", "rented", "租赁"]))
        row["area"] = draw(st.sampled_from(["", "12", "17.5", "60", "90"]))
    return row


BAD = [("diploma", "博士后"), ("birth", "1959-05-05"), ("sex", "female"), ("start", "2021-13"), ("kind", "pension"), ("birth", "1990-02-30"),
       ("target_area", ""), ("tenure", "owned"), ("district", "朝阳区"), ("end", "1999-01")]


@st.composite
def applicant(draw: st.DrawFn, serial: int) -> tuple[dict[str, str], list[dict[str, str]]]:
    year = draw(st.integers(1960, 2002))
    birth = f"{year:04d}{draw(st.integers(1, 12)):02d}{draw(st.integers(1, 28)):02d}"
    first17 = f"320102{birth}{serial:03d}"
    area = draw(st.sampled_from(sorted(AREAS)))
    district = draw(st.sampled_from(AREAS[area]))
    row = {"id": first17 + check_digit(first17), "name": draw(st.sampled_from(["张三", "李四", "=HYPERLINK(1)", ""])),
           "birth": draw(st.sampled_from(["", f"{birth[:4]}-{birth[4:6]}-{birth[6:]}", f"{birth[:4]}-{birth[4:6]}"])),
           "sex": draw(st.sampled_from(["", "", "male"])),
           "diploma": draw(st.sampled_from(["", "secondary", "本科", "master", "junior_college"])),
           "qualification": draw(st.sampled_from(["", "level4", "三级", "none"])),
           "target_area": area}
    periods = draw(st.lists(period(district), max_size=4))
    if draw(st.integers(0, 3)):  # most hold what eligibility asks, so most are scored and ranked
        since = month(AS_OF - draw(st.integers(12, 120)))
        periods += [
            {"kind": "social_insurance", "city": "苏州", "district": district, "start": since, "end": "",
             "scheme": "urban_employee", "tenure": "", "area": ""},
            {"kind": "residence_permit", "city": "苏州", "district": district, "start": since, "end": "",
             "scheme": "", "tenure": "", "area": ""},
            {"kind": "residence", "city": "苏州", "district": district, "start": since, "end": "", "scheme": "",
             "tenure": draw(st.sampled_from(["owned", "rented"])), "area": draw(st.sampled_from(["60", "90"]))},
        ]
    if draw(st.integers(0, 9)) == 0:  # one bad value somewhere, as an office's data has
        field, value = draw(st.sampled_from(BAD))
        target = row if field in row else (periods[0] if periods else row)
        if field in target:
            target[field] = value
    return row, periods


FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def written_as(number: str) -> st.SearchStrategy[str]:
    """The same ID as an office's data may write it: as is, full-width, or with a small x."""
    return st.sampled_from([number, number, number.translate(FULL_WIDTH), number.lower()])


FAMILY_HEADER = ["id", "relation", "birth", "married", "moves", "lives_with"]
RECORD_HEADER = ["id", "kind", "date", "level", "title", "qualifying", "category", "years", "type", "city"]


@st.composite
def member(draw: st.DrawFn) -> dict[str, str]:
    return {"relation": draw(st.sampled_from(["spouse", "child", "child", "parent", "子女", "", "cousin"])),
            "birth": draw(st.sampled_from(["", "2010-05-01", "2001-07", "1960-01-01", "2008-02-30"])),
            "married": draw(st.sampled_from(["", "false", "true"])),
            "moves": draw(st.sampled_from(["", "true", "false", "否", "maybe"])),
            "lives_with": draw(st.sampled_from(["", "", "true"]))}


@st.composite
def record_row(draw: st.DrawFn) -> dict[str, str]:
    kind = draw(st.sampled_from(["honour", "innovation", "innovation", "violation", "tax", "prize"]))
    row = {"kind": kind, "date": draw(st.sampled_from(["2017-03-01", "2020-12-31", "2021-06-30", "2021-07-01",
                                                        "2014-01-01", "2019-02-29"]))}
    if kind == "honour":
        row["level"] = draw(st.sampled_from(["national", "municipal", "district", ""]))
    elif kind == "innovation":
        row["category"] = draw(st.sampled_from(["patent_invention", "patent_invention", "national_award", ""]))
        row["years"] = draw(st.sampled_from(["", "2", "x"]))
    elif kind == "violation":
        row["type"] = draw(st.sampled_from(["criminal", "detention", "credit"]))
        row["city"] = draw(st.sampled_from(["", "苏州", "北京"]))
    elif kind == "tax":
        row["qualifying"] = draw(st.sampled_from(["true", "false"]))
    if draw(st.integers(0, 15)) == 0:
        row["level"] = "national"  # an attribute its kind does not have
    return row


def keyed(rows: list[dict[str, str]], owner: str, draw: st.DrawFn) -> list[dict[str, str]]:
    return [{"id": owner, **r} for r in rows]


@st.composite
def population(draw: st.DrawFn) -> dict[str, list[dict[str, str]]]:
    people = [draw(applicant(i)) for i in range(draw(st.integers(1, 30)))]
    tables: dict[str, list[dict[str, str]]] = {"apps": [], "periods": [], "family": [], "records": []}
    for row, own in people:
        tables["apps"].append(row)
        written = draw(written_as(row["id"]))  # the keyed tables may write the ID another way
        tables["periods"] += keyed(own, written, draw)
        tables["family"] += keyed(draw(st.lists(member(), max_size=5)), written, draw)
        tables["records"] += keyed(draw(st.lists(record_row(), max_size=4)), written, draw)
    if len(tables["apps"]) > 2 and draw(st.booleans()):
        # a repeated ID, in any written form
        tables["apps"].append({**tables["apps"][0], "id": draw(written_as(tables["apps"][0]["id"]))})
    stranger = "320102199001011234"  # no such applicant
    if draw(st.booleans()):
        tables["periods"].append({"id": stranger, "kind": "residence_permit", "city": "苏州", "district": "",
                                  "start": "2020-01", "end": "", "scheme": "", "tenure": "", "area": ""})
    if draw(st.booleans()):
        tables["family"].append({"id": stranger, "relation": "spouse"})
        tables["records"].append({"id": stranger, "kind": "tax", "date": "2020-01-01", "qualifying": "true"})
    for name in ("periods", "family", "records"):
        order = draw(st.permutations(range(len(tables[name]))))
        tables[name] = [tables[name][i] for i in order]
    return tables


def write(path: Path, rows: list[dict[str, str]], header: list[str]) -> None:
    out = io.StringIO()
    w = csv.DictWriter(out, header, lineterminator="\n", restval="")
    w.writeheader()
    w.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def quota_file(tmp: Path, places: str) -> str:
    """The same number of places in each of Suzhou's five target areas (a quota per bucket)."""
    path = tmp / "quota.toml"
    path.write_text("".join(f'"{a}" = {places}\n' for a in ("市区", "昆山", "常熟", "张家港", "太仓")), encoding="utf-8")
    return str(path)


def run_both(tmp: Path, *extra: str) -> dict[str, tuple[bytes, bytes]]:
    keyed_files = [a for name in ("family", "records") if (tmp / f"{name}.csv").exists()
                   for a in (f"--{name}", str(tmp / f"{name}.csv"))]
    outs = {}
    for engine in ("applicants", "columns"):
        result = CliRunner().invoke(main, ["rank", "suzhou", str(tmp / "apps.csv"), "--periods", str(tmp / "periods.csv"),
                                           *keyed_files, "--as-of", "2021-06-30", "--out", str(tmp / engine),
                                           "--engine", engine, *extra])
        assert result.exit_code == 0, result.output
        outs[engine] = {name: (tmp / engine / name).read_bytes() for name in OUTPUTS}
    return {name: (outs["applicants"][name], outs["columns"][name]) for name in OUTPUTS}


APP_HEADER = ["id", "name", "birth", "sex", "diploma", "qualification", "target_area"]
PERIOD_HEADER = ["id", "kind", "city", "district", "start", "end", "scheme", "tenure", "area"]


@settings(max_examples=40)
@given(pop=population(), quota=st.sampled_from(["0", "1", "3", "1000"]), ties=st.sampled_from(["strict", "admit_all"]))
def test_both_engines_write_the_same_bytes(tmp_path_factory: pytest.TempPathFactory,
                                           pop: dict[str, list[dict[str, str]]], quota: str, ties: str) -> None:
    tmp = tmp_path_factory.mktemp("bulk")
    for name, header in (("apps", APP_HEADER), ("periods", PERIOD_HEADER), ("family", FAMILY_HEADER),
                         ("records", RECORD_HEADER)):
        write(tmp / f"{name}.csv", pop[name], header)
    for name, (reference, bulk) in run_both(tmp, "--quota", quota_file(tmp, quota), "--ties", ties).items():
        assert bulk == reference, name


def test_a_realistic_run_admits_and_waitlists_the_same(tmp_path: Path) -> None:
    # Four applicants by hand, one area, quota 2: the bulk engine must not merely agree on
    # empty outputs.  All four hold a permit, insurance and a 90 m² home since 2018-01
    # (42 months to 2021-06 → 210 insurance points); the bachelor (60) and the master (200)
    # are admitted, the secondary-school pair (0) waitlisted.
    apps, periods = [], []
    for i, diploma in enumerate(["secondary", "bachelor", "master", "secondary"]):
        first17 = f"32010219900101{i:03d}"
        apps.append({"id": first17 + check_digit(first17), "name": f"申请人{i}", "birth": "", "sex": "",
                     "diploma": diploma,
                     "qualification": "", "target_area": "市区"})
        for kind, extra in (("social_insurance", {"scheme": "urban_employee"}), ("residence_permit", {}),
                            ("residence", {"tenure": "rented", "area": "90"})):
            periods.append({"id": apps[-1]["id"], "kind": kind, "city": "苏州", "district": "姑苏区",
                            "start": "2018-01", "end": "", "scheme": "", "tenure": "", "area": "", **extra})
    write(tmp_path / "apps.csv", apps, APP_HEADER)
    write(tmp_path / "periods.csv", periods, PERIOD_HEADER)
    outs = run_both(tmp_path, "--quota", quota_file(tmp_path, "2"))
    for name, (reference, bulk) in outs.items():
        assert bulk == reference, name
    results = list(csv.DictReader(io.StringIO(outs["results.csv"][1].decode("utf-8-sig"))))
    assert [r["status"] for r in results] == ["admitted", "admitted", "waitlisted", "waitlisted"]
    # age 10 + insurance 42 × 5 = 210, + education: master 200, bachelor 60.
    assert [r["score"] for r in results] == ["420.00", "280.00", "220.00", "220.00"]


def test_padded_cells_go_to_the_reference_reader(tmp_path: Path) -> None:
    # The reference strips cells; the columns refuse a file with padded cells, so auto falls
    # back (same bytes) and --engine columns says why.
    first17 = "32010219900101001"
    apps = [{"id": first17 + check_digit(first17), "name": "张三", "birth": "", "sex": "", "diploma": " bachelor",
             "qualification": "", "target_area": "市区"}]
    write(tmp_path / "apps.csv", apps, APP_HEADER)
    write(tmp_path / "periods.csv", [], PERIOD_HEADER)
    base = ["rank", "suzhou", str(tmp_path / "apps.csv"), "--periods", str(tmp_path / "periods.csv"),
            "--as-of", "2021-06-30", "--quota", quota_file(tmp_path, "5")]
    auto = CliRunner().invoke(main, [*base, "--out", str(tmp_path / "auto")])
    reference = CliRunner().invoke(main, [*base, "--out", str(tmp_path / "ref"), "--engine", "applicants"])
    assert auto.exit_code == reference.exit_code == 0
    for name in OUTPUTS:
        assert (tmp_path / "auto" / name).read_bytes() == (tmp_path / "ref" / name).read_bytes()
    forced = CliRunner().invoke(main, [*base, "--out", str(tmp_path / "forced"), "--engine", "columns"])
    assert forced.exit_code == 1
    assert "surrounding spaces" in forced.output
    assert not (tmp_path / "forced").exists()


CUSTOM_SCHEME = """
import attrs
from decimal import Decimal
from fractions import Fraction
from pointscalc.rules import Custom
from pointscalc.scheme import ASSUMED, T, Text
from schemes.beijing import SCHEME as BEIJING, art

def one(ctx):
    return Fraction(1), Text("one point", "一分")

LAST = BEIJING.versions[-1]
BONUS = Custom(key="bonus", label=T("a bonus", "加分"), fn=one, citation=art("第五条(八)"), provenance=ASSUMED)
SCHEME = attrs.evolve(BEIJING, key="beijing-bonus",
                      versions=(*BEIJING.versions[:-1], attrs.evolve(LAST, items=(*LAST.items, BONUS))))
"""


def custom_scheme(tmp_path: Path) -> str:
    """Beijing with one more item, a Custom function with no column-wise form."""
    path = tmp_path / "beijing_bonus.py"
    path.write_text(CUSTOM_SCHEME, encoding="utf-8")
    return str(path)


def test_a_scheme_with_a_function_rule_is_refused_by_the_columns(tmp_path: Path) -> None:
    # A Custom function with no column-wise form (in version 2022, in force on 2023-06-30):
    # only the reference engine can run it, and --engine columns says which item and why.
    (tmp_path / "a.csv").write_text("id,name\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["rank", custom_scheme(tmp_path), str(tmp_path / "a.csv"), "--as-of",
                                       "2023-06-30", "--quota", "5", "--out", str(tmp_path / "o"), "--engine",
                                       "columns"])
    assert result.exit_code == 1
    assert "item bonus uses a Custom function with no column-wise form" in result.output


@pytest.mark.parametrize("text", [" a", "a ", "\u3000张三", "张三\u3000", "a\u00a0", "\u2003a", "a\u205f",
                                  "\u1680", "\x1ca", "a\x85", "\t", "a\r"])
def test_padded_finds_what_strip_removes(text: str) -> None:
    assert text != text.strip()
    assert padded(pa.array(["张三", text, "李四"]))
    assert padded(pa.array(["x", text])[1:])


@pytest.mark.parametrize("text", ["张三", "昆山市", "太仓市", "a b", "", "〇", "\u3001"])
def test_padded_leaves_what_strip_keeps(text: str) -> None:
    assert text == text.strip()
    assert not padded(pa.array(["张三", text, "李四"]))


CELLS = st.one_of(st.none(), st.integers(-5, 5), st.text(alphabet=',"\n\r =+-@\t\'张a', max_size=5))


@given(rows=st.lists(st.lists(CELLS, min_size=3, max_size=3), max_size=8),
       neutralise=st.lists(st.booleans(), min_size=3, max_size=3))
def test_csv_bytes_are_the_csv_writers(rows: list[list[object]], neutralise: list[bool]) -> None:
    # The fast writer joins most lines itself; the csv module is the reference for every byte.
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["a", "b", "c"])
    for row in rows:
        writer.writerow([safe(c) if n else ("" if c is None else str(c)) for c, n in zip(row, neutralise, strict=True)])
    assert csv_bytes(["a", "b", "c"], rows, neutralise=neutralise) == b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def test_auto_says_which_item_forces_the_slower_engine_and_for_how_long(tmp_path: Path) -> None:
    # 5,000 rows at the measured 480 µs each on one core: about 2 s; the note names the item.
    from pointscalc.engines import REFERENCE_SECONDS_PER_APPLICANT

    (tmp_path / "a.csv").write_text("id,name\n" + "x,y\n" * 5000, encoding="utf-8")
    result = CliRunner().invoke(main, ["rank", custom_scheme(tmp_path), str(tmp_path / "a.csv"), "--as-of",
                                       "2023-06-30", "--quota", "5", "--out", str(tmp_path / "o")])
    assert result.exit_code == 0
    note = next(line for line in result.output.splitlines() if line.startswith("engine:"))
    assert "item bonus uses a Custom function with no column-wise form" in note
    assert f"about {round(5000 * REFERENCE_SECONDS_PER_APPLICANT)} s for 5,000 applicants with --jobs 1" in note


def test_family_and_records_tables_count_in_a_bulk_run(tmp_path: Path) -> None:
    # The four applicants of the realistic run above (each a 90 m² rented home in 姑苏区):
    # - the master (220 + 200 = 420) declares 5 family members moving: 6 people need
    #   6 × 18 = 108 m² (第十八条, the floor parameter), more than 90, so not eligible;
    # - the bachelor (280) has 4 invention patents: 4 × 10 = 40, capped at 30 → 310;
    # - a secondary-school applicant (220) has a detention in 2020, within 5 years: −50 → 170;
    #   and a spouse who does not move and a minor child who does: 2 people, 36 m², still eligible.
    apps, periods = [], []
    for i, diploma in enumerate(["secondary", "bachelor", "master", "secondary"]):
        first17 = f"32010219900101{i:03d}"
        apps.append({"id": first17 + check_digit(first17), "name": f"申请人{i}", "birth": "", "sex": "",
                     "diploma": diploma, "qualification": "", "target_area": "市区"})
        for kind, extra in (("social_insurance", {"scheme": "urban_employee"}), ("residence_permit", {}),
                            ("residence", {"tenure": "rented", "area": "90"})):
            periods.append({"id": apps[-1]["id"], "kind": kind, "city": "苏州", "district": "姑苏区",
                            "start": "2018-01", "end": "", **extra})
    ids = [a["id"] for a in apps]
    family = [{"id": ids[2], "relation": "child", "birth": "2015-01-01"} for _ in range(5)]
    family += [{"id": ids[3], "relation": "spouse", "moves": "false"}, {"id": ids[3], "relation": "子女",
                                                                       "birth": "2012-03-04", "moves": "是"}]
    records = [{"id": ids[1], "kind": "innovation", "date": "2019-05-01", "category": "patent_invention"}] * 4
    records += [{"id": ids[3], "kind": "violation", "date": "2020-08-01", "type": "detention"}]
    write(tmp_path / "apps.csv", apps, APP_HEADER)
    write(tmp_path / "periods.csv", periods, PERIOD_HEADER)
    write(tmp_path / "family.csv", family, FAMILY_HEADER)
    write(tmp_path / "records.csv", records, RECORD_HEADER)
    outs = run_both(tmp_path, "--quota", quota_file(tmp_path, "2"))
    for name, (reference, bulk) in outs.items():
        assert bulk == reference, name
    results = {r["name"]: r for r in csv.DictReader(io.StringIO(outs["results.csv"][1].decode("utf-8-sig")))}
    assert {n: (r["status"], r["score"]) for n, r in results.items()} == {
        "申请人0": ("admitted", "220.00"), "申请人1": ("admitted", "310.00"),
        "申请人2": ("ineligible", ""), "申请人3": ("waitlisted", "170.00")}


@pytest.mark.parametrize("scheme", ["suzhou", "nanjing"])
def test_json_lines_are_ranked_by_the_bulk_engine_with_the_same_bytes(tmp_path: Path, scheme: str) -> None:
    # 300 generated applicants (benchmarks/synth.py: families, records, partner-city months),
    # then a line with a bad ID, a line that is not JSON and a repeated applicant: each must be
    # reported at its own line, as the reference reports it.
    import importlib.util
    import json
    import random

    spec = importlib.util.spec_from_file_location("synth", Path(__file__).parent.parent / "benchmarks" / "synth.py")
    assert spec is not None and spec.loader is not None
    synth = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synth)
    rnd = random.Random(7)
    lines = [json.dumps(synth.applicant(rnd, i, 2021 * 12 + 5, scheme), ensure_ascii=False) for i in range(300)]
    lines += ['{"id": "bad"}', "not json", lines[0]]
    (tmp_path / "apps.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    outs = {}
    for engine in ("applicants", "columns"):
        result = CliRunner().invoke(main, ["rank", scheme, str(tmp_path / "apps.jsonl"), "--as-of", "2021-06-30",
                                           "--quota", quota_file(tmp_path, "50") if scheme == "suzhou" else "50",
                                           "--out", str(tmp_path / engine), "--engine", engine])
        assert result.exit_code == 0, result.output
        outs[engine] = {name: (tmp_path / engine / name).read_bytes() for name in OUTPUTS}
    assert outs["columns"] == outs["applicants"]
    errors = outs["columns"]["errors.csv"].decode("utf-8-sig")
    assert "apps.jsonl,302,,is not valid JSON" in errors
    assert "apps.jsonl,303,id,the same applicant ID appears on more than one row" in errors
    assert b",admitted," in outs["columns"]["results.csv"]


def test_a_bad_family_or_record_row_is_reported_at_its_own_row(tmp_path: Path) -> None:
    # Row 3 of family.csv (as a spreadsheet numbers it: the header is row 1) has a relation no
    # reader knows; row 2 of records.csv a tax record with a `level` (an honour's attribute).  Both engines name the file, row and field, and
    # leave the applicant out as invalid; a JSON Lines input cannot take a --family table.
    first17 = "32010219900101001"
    pid = first17 + check_digit(first17)
    write(tmp_path / "apps.csv", [{"id": pid, "name": "张三", "target_area": "市区"}], APP_HEADER)
    write(tmp_path / "periods.csv", [], PERIOD_HEADER)
    write(tmp_path / "family.csv", [{"id": pid, "relation": "spouse"}, {"id": pid, "relation": "cousin"}],
          FAMILY_HEADER)
    write(tmp_path / "records.csv", [{"id": pid, "kind": "tax", "date": "2020-01-01", "qualifying": "true",
                                      "level": "national"}], RECORD_HEADER)
    outs = run_both(tmp_path, "--quota", quota_file(tmp_path, "1"))
    assert outs["errors.csv"][0] == outs["errors.csv"][1]
    errors = outs["errors.csv"][1].decode("utf-8-sig")
    assert f'{tmp_path / "family.csv"},3,relation,"expected one of' in errors
    assert f'{tmp_path / "records.csv"},2,level,"unknown field for a tax record' in errors
    assert "张三" not in errors and pid not in errors
    (tmp_path / "a.jsonl").write_text("{}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["rank", "suzhou", str(tmp_path / "a.jsonl"), "--family",
                                       str(tmp_path / "family.csv"), "--as-of", "2021-06-30", "--quota",
                                       quota_file(tmp_path, "1"),
                                       "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "go with a flat CSV or XLSX applicants table" in result.output
