"""Reforms: a version changed by a TOML file, checked key by key (docs/compare.md).

Expected points are derived by hand from the policy tables the schemes cite (see the
comments); the reform's new numbers are the test's own.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from pointscalc import registry, reform
from pointscalc.cli import main

ROOT = Path(__file__).resolve().parent.parent
ENGINEER = str(ROOT / "examples" / "beijing-engineer.toml")


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def write(tmp_path: Path, text: str, name: str = "reform.toml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


TAX_12 = """
scheme = "beijing"
version = "2020"
title = "4 points a tax year, cap 12"

[items.tax]
points = 4
cap = 12
"""


def test_reform_changes_the_tax_line_of_the_engineer(tmp_path: Path) -> None:
    # Unreformed (tests/test_cli.py): total 108.25 with three qualifying tax years × 2 = 6.
    # Reformed: 3 × 4 = 12, under the new cap 12; total 108.25 − 6 + 12 = 114.25.
    result = invoke("score", "beijing", ENGINEER, "--as-of", "2021-06-30", "--format", "json",
                    "--reform", write(tmp_path, TAX_12))
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    items = {i["key"]: i["points"] for i in out["items"]}
    assert items["tax"] == "12.00"
    assert out["total"] == "114.25"
    assert out["reform"]["title"] == "4 points a tax year, cap 12"


def test_reform_records_each_change_and_leaves_the_scheme_alone(tmp_path: Path) -> None:
    scheme = registry.load("beijing")
    loaded = reform.load(write(tmp_path, TAX_12), scheme)
    version, changes = loaded.apply(scheme.version_named("2020"))
    assert [str(c) for c in changes] == ["items.tax.points: 2 → 4", "items.tax.cap: 6 → 12"]
    assert version.item("tax").cap == Decimal(12)
    assert scheme.version_named("2020").item("tax").cap == Decimal(6)


def test_nested_field_and_keyed_table(tmp_path: Path) -> None:
    # A field inside a field (the tax item's record filter) and a rate by tenure.
    text = """
scheme = "beijing"
version = "2020"
[items.tax.select]
within_years = 6
[items.residence.rates]
owned = 1.5
"""
    scheme = registry.load("beijing")
    version, changes = reform.load(write(tmp_path, text), scheme).apply(scheme.version_named("2020"))
    assert version.item("tax").select.within_years == 6
    assert dict(version.item("residence").rates)["owned"] == Decimal("1.5")
    assert {c.path for c in changes} == {"items.tax.select.within_years", "items.residence.rates.owned"}


def test_show_marks_the_changed_line(tmp_path: Path) -> None:
    result = invoke("show", "beijing", "--reform", write(tmp_path, TAX_12))
    assert result.exit_code == 0, result.output
    assert "» tax paid" in result.output
    assert "» legal stable employment" not in result.output
    assert "items.tax.cap: 6 → 12" in result.output


@pytest.mark.parametrize(("body", "message"), [
    ("[items.taxx]\ncap = 12\n", "items: no entry 'taxx'; did you mean tax?"),
    ("[items.tax]\ncpa = 12\n", "items.tax.cpa: PerRecord has no field 'cpa'; did you mean cap?"),
    ("[items.tax]\ncap = \"lots\"\n", "items.tax.cap: expected a number, got 'lots'"),
    ("[items.tax]\ncap = true\n", "items.tax.cap: expected a number, got True"),
    ("[ranking]\nties = \"some\"\n", "ranking.ties: expected one of admit_all, strict, got 'some'"),
    ("[items.residence.rates]\nrentd = 1\n", "items.residence.rates.rentd: no such entry; did you mean rented?"),
    ("remove_items = [\"honors\"]\n", "remove_items: no item 'honors'; did you mean honours?"),
    ("remove_items = [\"education\"]\n", "item 'study_overlap' uses 'education'"),
    ("[items.age]\nlabel = 3\n", "items.age.label: expected a table of fields to change, got 3"),
    ("label = \"2099\"\n", "label: cannot be changed by a reform"),
    ("[items.employment.measure]\nkinds = 1\n", "items.employment.measure.kinds: a frozenset cannot be changed"),
    ("quota = -3\n", "quota: expected a whole number of places"),
])
def test_a_bad_reform_is_a_clear_error(tmp_path: Path, body: str, message: str) -> None:
    path = write(tmp_path, f"scheme = \"beijing\"\nversion = \"2020\"\n{body}")
    result = invoke("score", "beijing", ENGINEER, "--as-of", "2021-06-30", "--reform", path)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    path = write(tmp_path, "scheme = \"beijing\"\nversion = \"2020\"\n[items.tax]\ncpa = 1\npoints = \"x\"\n")
    result = invoke("show", "beijing", "--reform", path)
    assert result.exit_code == 1
    assert result.output.count("error:") == 2


@pytest.mark.parametrize(("body", "scheme", "as_of", "message"), [
    ("scheme = \"suzhou\"\nversion = \"2020\"\n", "beijing", "2021-06-30", "the reform is for 'suzhou', not 'beijing'"),
    ("scheme = \"beijing\"\nversion = \"2019\"\n", "beijing", "2021-06-30", "beijing has no version '2019'"),
    # Written for 2020, asked for a date on which 2017 is in force.
    ("scheme = \"beijing\"\nversion = \"2020\"\n", "beijing", "2018-06-30",
     "the reform is written for version 2020, not 2017"),
    ("version = \"2020\"\n", "beijing", "2021-06-30", "scheme: required"),
    ("scheme = \"beijing\"\nversion = \"2020\"\n[items\n", "beijing", "2021-06-30", "is not valid TOML"),
])
def test_a_reform_that_does_not_fit_is_an_error(tmp_path: Path, body: str, scheme: str, as_of: str,
                                                message: str) -> None:
    result = invoke("score", scheme, ENGINEER, "--as-of", as_of, "--reform", write(tmp_path, body))
    assert result.exit_code == 1
    assert message in result.output


def test_audit_takes_a_reform_and_checks_it_first(tmp_path: Path) -> None:
    good = write(tmp_path, "scheme = \"beijing\"\nversion = \"2020\"\n[items.employment]\nrate = 4\n")
    bad = write(tmp_path, "scheme = \"beijing\"\nversion = \"2020\"\n[items.employment]\nrat = 4\n", "bad.toml")
    args = ("audit", "beijing", "--as-of", "2021-06-30", "--examples", "3", "--only", "monotone_insurance")
    ok = invoke(*args, "--reform", good)
    assert ok.exit_code == 0, ok.output
    assert "1 passed" in ok.output
    refused = invoke(*args, "--reform", bad)
    assert refused.exit_code == 1
    every_version = invoke("audit", "beijing", "--examples", "3", "--only", "monotone_insurance", "--reform", bad)
    assert every_version.exit_code == 1
    assert "did you mean rate, rates?" in refused.output


def test_a_parameter_is_reformed_too(tmp_path: Path) -> None:
    # Suzhou 2020's stable-home condition reads the floor-area parameter (18 m² a person,
    # assumed).  A 90 m² home for one person meets 18; with the parameter at 100 it does not.
    data = ('birth = "1990-01-01"\nextra = {target_area = "市区"}\n[education]\ndiploma = "bachelor"\n'
            + "".join(f'[[periods]]\nkind = "{k}"\ncity = "苏州"\ndistrict = "吴中区"\nstart = "2014-03"\n{x}'
                      for k, x in (("social_insurance", 'scheme = "urban_employee"\n'), ("residence_permit", ""),
                                   ("residence", 'tenure = "rented"\narea = 90\n'))))
    applicant = tmp_path / "a.toml"
    applicant.write_text(data, encoding="utf-8")
    reformed = write(tmp_path, 'scheme = "suzhou"\nversion = "2020"\n[params.floor_area_per_person]\nvalue = 100\n')
    args = ("score", "suzhou", str(applicant), "--as-of", "2021-06-30", "--format", "json")
    assert json.loads(invoke(*args).output)["eligible"] is True
    out = json.loads(invoke(*args, "--reform", reformed).output)
    assert out["eligible"] is False
    assert [c["key"] for c in out["failed"]] == ["stable_home"]
