"""The command line on the bundled examples: what the README and docs promise."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from pointscalc.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def score_json(scheme: str, example: str, as_of: str) -> dict:
    result = invoke("score", scheme, str(EXAMPLES / example), "--as-of", as_of, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_beijing_engineer_json() -> None:
    out = score_json("beijing", "beijing-engineer.toml", "2021-06-30")
    assert set(out) >= {"scheme", "version", "as_of", "eligible", "failed", "items", "total"}
    assert (out["scheme"], out["version"], out["as_of"], out["eligible"]) == ("beijing", "2020", "2021-06-30", True)
    items = {i["key"]: i for i in out["items"]}
    assert set(items["employment"]) >= {"key", "points", "citation", "provenance"}
    # Insured 2008-07..2021-06: 156 months × 3/12 = 39.00.
    assert items["employment"]["points"] == "39.00"
    # Rented 2008-07..2015-12 (90 months) × 0.5/12 = 3.75; owned 2016-01..2021-06 (66) × 1/12 = 5.50.
    assert items["residence"]["points"] == "9.25"
    # 硕士研究生 + 硕士学位 26; home moved out of 海淀 to 昌平 since 2017-01: 4 full years × 2 = 8;
    # three qualifying tax years × 2 = 6; age 38 ≤ 45: 20.  39 + 9.25 + 26 + 8 + 6 + 20 = 108.25.
    assert out["total"] == "108.25"
    assert items["employment"]["citation"] == "京政办发〔2016〕39号 第五条(一)"
    assert isinstance(out["total"], str)


def test_beijing_ineligible_example() -> None:
    out = score_json("beijing", "beijing-ineligible.toml", "2021-06-30")
    # Insured since 2015-07: 72 months < 84 required by 第四条(三).
    assert out["eligible"] is False
    assert [f["key"] for f in out["failed"]] == ["insured_7_years"]
    assert "12 more months" in out["failed"][0]["shortfall"]


def test_suzhou_technician_example() -> None:
    out = score_json("suzhou", "suzhou-technician.toml", "2021-06-30")
    # age 31 in 18–40: 10; 大专 30; 三级 50; insured 2014-03..2021-06 = 88 months × 5 = 440;
    # housing fund 2016-01..2021-06 = 66 months = 5 full years × 5 = 25.  Base = total = 555,
    # short of the 市区 standard score 565.
    assert (out["total"], out["base"]) == ("555.00", "555.00")
    assert out["threshold"] == {"label": "2021 settlement standard score of the target area",
                                "points": "565", "reached": False}


def test_nanjing_outer_district_example_settles_by_channel() -> None:
    out = score_json("nanjing", "nanjing-outer-district.toml", "2021-07-15")
    # A 浦口区 permit and 2021-01..2021-06 = 6 months of urban employee insurance: (六) is met.
    assert out["settles_by"] == ["outer_districts"]
    assert out["eligible"] is False  # the points path needs 12 months


def test_table_output_explains_in_chinese() -> None:
    result = invoke("score", "beijing", str(EXAMPLES / "beijing-engineer.toml"), "--as-of", "2021-06-30",
                    "--lang", "zh")
    assert result.exit_code == 0
    assert "结论：可申请积分落户" in result.output
    assert "合法稳定就业" in result.output and "156个月 × 3/12" in result.output
    assert "总积分：108.25" in result.output
    assert "王小明" not in result.output  # the applicant's name is never printed


def test_schemes_lists_every_shipped_scheme() -> None:
    result = invoke("schemes")
    assert result.exit_code == 0
    for key, doc in [("beijing", "京政办发〔2016〕39号"), ("suzhou", "苏府办〔2020〕313号"),
                     ("nanjing", "宁政办发〔2021〕5号")]:
        assert key in result.output and doc in result.output


def test_show_prints_the_table_with_citations() -> None:
    result = invoke("show", "beijing", "--as-of", "2018-01-01")
    assert result.exit_code == 0
    assert "version 2017" in result.output and "version 2020" not in result.output
    assert "第五条(七)" in result.output and "official" in result.output


def test_help_mentions_every_command() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    for command in ("schemes", "show", "score"):
        assert command in result.output
