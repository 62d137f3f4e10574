"""A scheme loaded from a file by path: examples/my_city.py, the invented 无锡 scheme of
docs/writing-a-scheme.md.  Expected values are derived by hand from that file's table."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from pointscalc import registry
from pointscalc.cli import main
from pointscalc.months import month_of
from pointscalc.scheme import SchemeError
from tests.support import period, points, score

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = str(ROOT / "examples" / "my_city.py")

# An invented applicant, scored as of 2024-06-30 (version 2023, valid [2023-01-01, 2025-01-01)).
APPLICANT_TOML = """\
birth = "1988-03-15"
sex = "female"
qualification = "level3"

[education]
diploma = "bachelor"
degree = "bachelor"

[extra]
talent_card = true

[[periods]]
kind = "social_insurance"
scheme = "urban_employee"
city = "无锡"
district = "新吴区"
start = "2016-02"

[[periods]]
kind = "residence_permit"
city = "无锡"
district = "新吴区"
start = "2016-06"

[[periods]]
kind = "residence"
tenure = "rented"
city = "无锡"
district = "新吴区"
start = "2015-07"
end = "2019-12"

[[periods]]
kind = "residence"
tenure = "owned"
city = "无锡"
district = "梁溪区"
start = "2020-01"

[[periods]]
kind = "housing_fund"
city = "无锡"
start = "2017-01"

[[periods]]
kind = "employment"
city = "无锡"
start = "2021-03"
key_industry = true

[[records]]
kind = "honour"
date = "2022-05-01"
level = "provincial"

[[records]]
kind = "honour"
date = "2023-09-01"
level = "municipal"

[[records]]
kind = "violation"
date = "2023-05-10"
type = "detention"

[[records]]
kind = "violation"
date = "2022-06-01"
type = "credit"
"""

# Hand derivation from examples/my_city.py, version 2023, as of 2024-06-30:
#
#   social_insurance  insured 2016-02..2024-06 = 11 + 7×12 + 6 = 101 months × 3/12 = 25.25
#                     (cap 30 not reached)
#   residence         one continuous run: rented 2015-07..2019-12 = 54 months, owned
#                     2020-01..2024-06 = 54 months, 108 in all, limited to the 101 insured
#                     months with the best-paid (owned) months kept first:
#                     54 × 2/12 + 47 × 1/12 = 9 + 3.91666… = 12.91666… → 12.92
#   housing_fund      2017-01..2024-06 = 90 months = 7 full years × 1 = 7, capped at 5 → 5
#   education         本科 + 学士: 20
#   skill             三级 (level3): 10
#   age               born 1988-03-15, taken on 2024-01-01: 35 → band 18–35: 10
#                     (on 2024-06-30 itself she is 36, which would earn 5)
#   key_industry      2021-03..2024-06 = 10 + 12 + 12 + 6 = 40 months = 3 full years × 2 = 6
#   talent_card       extra fact true: 5
#   honours           best of national 10 / provincial 5: one provincial honour → 5
#                     (the municipal one earns nothing)
#   violations        detention 2023-05-10, after 2023-01-01: −10; the 2022 credit record is
#                     before the document took effect: 0
#
#   total = 25.25 + 12.92 + 5 + 20 + 10 + 10 + 6 + 5 + 5 − 10 = 89.17
#   base  = 25.25 + 12.92 + 5 + 20 + 10 + 10 = 83.17 (the six base items)
EXPECTED = {
    "social_insurance": Decimal("25.25"),
    "residence": Decimal("12.92"),
    "housing_fund": Decimal("5.00"),
    "education": Decimal("20.00"),
    "skill": Decimal("10.00"),
    "age": Decimal("10.00"),
    "key_industry": Decimal("6.00"),
    "talent_card": Decimal("5.00"),
    "honours": Decimal("5.00"),
    "violations": Decimal("-10.00"),
}
TOTAL = Decimal("89.17")
BASE = Decimal("83.17")


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def applicant_data() -> dict:
    return tomllib.loads(APPLICANT_TOML)


# --- through the library -----------------------------------------------------------------------


def test_the_example_loads_by_path() -> None:
    scheme = registry.load(EXAMPLE)
    assert (scheme.key, scheme.city) == ("wuxi-example", "无锡")
    assert [v.label for v in scheme.versions] == ["2023", "2025"]
    assert [v.validity() for v in scheme.versions] == ["[2023-01-01, 2025-01-01)", "[2025-01-01, …)"]


def test_every_number_of_the_example_is_marked_assumed() -> None:
    scheme = registry.load(EXAMPLE)
    for v in scheme.versions:
        marked = [c.provenance for c in v.preconditions]
        marked += [c.provenance for ch in v.channels for c in ch.conditions]
        marked += [it.provenance for it in v.items]
        marked += [p.provenance for p in v.params]
        marked += [v.rounding.provenance, v.threshold.provenance, v.ranking.provenance]
        assert {str(m) for m in marked} == {"assumed"}


def test_the_example_applicant_scores_the_hand_derived_total() -> None:
    a = score(EXAMPLE, applicant_data(), "2024-06-30")
    assert a.version == "2023"
    assert a.eligible and not a.failed
    assert points(a) == EXPECTED
    assert a.total == TOTAL == sum(EXPECTED.values())
    assert a.base == BASE
    assert a.threshold == Decimal(60) and a.meets_threshold is True
    assert a.settles_by == ()  # a 新吴区 permit: not the 江阴/宜兴 channel


def test_ranking_keys_read_total_insured_months_and_first_permit_month() -> None:
    a = score(EXAMPLE, applicant_data(), "2024-06-30")
    # total 89.17; 101 insured months; the permit's first month 2016-06 (ascending key).
    assert a.rank_values == (TOTAL, 101, month_of(2016, 6))


def test_the_county_channel_settles_without_points() -> None:
    # A 江阴市 permit held now and 2023-07..2024-06 = 12 months of urban employee insurance:
    # 第四条 is met; the points path is not (12 of 24 months).
    data = {
        "birth": "1995-01-01",
        "periods": [
            period("residence_permit", "无锡", "2023-07", district="江阴市"),
            period("social_insurance", "无锡", "2023-07", "2024-06", scheme="urban_employee", district="江阴市"),
        ],
    }
    a = score(EXAMPLE, data, "2024-06-30")
    assert [ch.key for ch in a.settles_by] == ["county_cities"]
    assert [c.key for c in a.failed] == ["insured_24_months"]


def test_versions_are_half_open_and_2025_raises_the_insurance_cap() -> None:
    # Insured since 2010-01.  On 2024-12-31 (version 2023): 180 months × 3/12 = 45, cap 30.
    # On 2025-01-01 (version 2025, its first day): 181 months × 3/12 = 45.25, cap 40.
    data = {"birth": "1985-01-01",
            "periods": [period("social_insurance", "无锡", "2010-01", scheme="urban_employee")]}
    last_day = score(EXAMPLE, data, "2024-12-31")
    first_day = score(EXAMPLE, data, "2025-01-01")
    assert (last_day.version, points(last_day)["social_insurance"]) == ("2023", Decimal("30.00"))
    assert (first_day.version, points(first_day)["social_insurance"]) == ("2025", Decimal("40.00"))


def test_a_date_before_every_version_needs_allow_stale() -> None:
    scheme = registry.load(EXAMPLE)
    with pytest.raises(SchemeError, match="--allow-stale"):
        scheme.version_for(dt.date(2022, 6, 30))
    assert scheme.version_for(dt.date(2022, 6, 30), allow_stale=True).label == "2023"


# --- through the command line ----------------------------------------------------------------


def test_cli_scores_the_example_scheme_by_path(tmp_path: Path) -> None:
    who = tmp_path / "applicant.toml"
    who.write_text(APPLICANT_TOML, encoding="utf-8")
    result = invoke("score", EXAMPLE, str(who), "--as-of", "2024-06-30", "--format", "json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert (out["scheme"], out["version"], out["eligible"]) == ("wuxi-example", "2023", True)
    assert {i["key"]: Decimal(i["points"]) for i in out["items"]} == EXPECTED
    assert (out["total"], out["base"]) == (str(TOTAL), str(BASE))
    assert out["threshold"]["reached"] is True
    items = {i["key"]: i for i in out["items"]}
    assert items["residence"]["provenance"] == "assumed"
    assert items["residence"]["citation"] == "无锡积分落户示例办法（虚构） 第五条(二)"


def test_cli_table_output_for_the_example(tmp_path: Path) -> None:
    who = tmp_path / "applicant.toml"
    who.write_text(APPLICANT_TOML, encoding="utf-8")
    result = invoke("score", EXAMPLE, str(who), "--as-of", "2024-06-30")
    assert result.exit_code == 0, result.output
    assert "Total: 89.17" in result.output
    assert "54 months owned × 2/12 + 47 months rented ×" in result.output
    assert "age 35 on 2024-01-01" in result.output


def test_cli_shows_the_example_scheme() -> None:
    result = invoke("show", EXAMPLE)
    assert result.exit_code == 0, result.output
    assert "version 2023 · valid [2023-01-01, 2025-01-01)" in result.output
    assert "version 2025 · valid [2025-01-01, …)" in result.output
    assert "ILLUSTRATION ONLY" in result.output
    assert "key_industry (periods of kind employment)" in result.output


# --- bad scheme files: exit code 2, one line saying what is wrong, no traceback ---------------

BAD_FILES = {
    "syntax_error.py": ("SCHEME = (\n", "line 1"),
    "no_scheme.py": ("X = 1\n", "defines no SCHEME"),
}


def _error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("Error:")]


@pytest.mark.parametrize("name", sorted(BAD_FILES))
@pytest.mark.parametrize("command", ["score", "show"])
def test_a_bad_scheme_file_is_a_usage_error_without_traceback(tmp_path: Path, name: str, command: str) -> None:
    text, expected = BAD_FILES[name]
    bad = tmp_path / name
    bad.write_text(text, encoding="utf-8")
    who = tmp_path / "applicant.toml"
    who.write_text(APPLICANT_TOML, encoding="utf-8")
    args = [command, str(bad)] + ([str(who), "--as-of", "2024-06-30"] if command == "score" else [])
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    errors = _error_lines(result.output)
    assert len(errors) == 1, result.output
    assert str(bad) in errors[0] and expected in errors[0]


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_registry_reports_a_bad_scheme_file_in_one_line(tmp_path: Path, name: str) -> None:
    text, expected = BAD_FILES[name]
    bad = tmp_path / name
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(SchemeError) as info:
        registry.load(str(bad))
    message = str(info.value)
    assert "\n" not in message and expected in message and str(bad) in message
