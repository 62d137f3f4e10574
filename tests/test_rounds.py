"""Rounds as offices run them: one mechanism for Beijing's annual rounds, Suzhou's two a
year and Guangzhou's annual rounds, and `--round` on the command line.

Expected values are read off the declarations below and the policy texts:

* Suzhou 2016 measures 第十九条: quotas published before the end of May and of November, in
  two batches a year; 第二十条: ranked in early June and early December.
* Guangzhou 2016: an annual round, ranked by seniority after a 60-point threshold.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from pointscalc import registry
from pointscalc.cli import main
from pointscalc.model import PeriodKind as K
from pointscalc.reading import applicant_from_mapping
from pointscalc.rules import Accrual, Accrue, AgeBands, band, months_of
from pointscalc.scheme import (
    ASSUMED,
    Citation,
    Document,
    Round,
    Scheme,
    SchemeError,
    T,
    Version,
)
from pointscalc.scoring import assess

ROOT = Path(__file__).resolve().parent.parent
DOC = "测试文件"
CITE = Citation(DOC, "第一条")

ITEMS = (
    Accrual(key="insured", label=T("insured", "社保"), measure=months_of(K.SOCIAL_INSURANCE), rate=D(1),
            accrue=Accrue.MONTHLY, citation=CITE, provenance=ASSUMED),
    AgeBands(key="age", label=T("age", "年龄"), bands=(band(None, 40, "10"),), citation=CITE, provenance=ASSUMED),
)
V2016 = Version(label="2016", effective=dt.date(2016, 1, 1), ends=dt.date(2018, 1, 1), documents=(DOC,), items=ITEMS)
V2018 = Version(label="2018", effective=dt.date(2018, 1, 1), ends=None, documents=(DOC,), items=ITEMS)


def half_year(year: int, half: int, version: str) -> Round:
    """Suzhou-style: the first batch counts to the end of May, applications in June; the
    second to the end of November, applications in December (第十九、二十条)."""
    data = dt.date(year, 5, 31) if half == 1 else dt.date(year, 11, 30)
    opens = dt.date(year, 6, 1) if half == 1 else dt.date(year, 12, 1)
    closes = dt.date(year, 6, 11) if half == 1 else dt.date(year, 12, 11)
    return Round(id=f"{year}-H{half}", label=T(f"{year} batch {half}", f"{year}年第{half}批"), version=version,
                 data_day=data, window=(opens, closes), data_day_provenance=ASSUMED,
                 window_provenance=ASSUMED)


def annual(year: int, version: str) -> Round:
    """Guangzhou-style: one round a year, data to the end of the year before."""
    return Round(id=str(year), label=T(f"{year} round", f"{year}年度"), version=version,
                 data_day=dt.date(year - 1, 12, 31), window=(dt.date(year, 3, 1), dt.date(year, 4, 1)),
                 data_day_provenance=ASSUMED, window_provenance=ASSUMED)


def city(rounds: tuple[Round, ...]) -> Scheme:
    return Scheme(key="toy", city="苏州", name=T("toy", "测试"), documents=(Document(DOC, "测试"),),
                  versions=(V2016, V2018), rounds=rounds)


TWICE = city((half_year(2017, 1, "2016"), half_year(2017, 2, "2016"), half_year(2018, 1, "2018")))
YEARLY = city((annual(2017, "2016"), annual(2018, "2018")))
PERSON = applicant_from_mapping({"birth": "1977-06-15", "periods": [
    {"kind": "social_insurance", "city": "苏州", "start": "2015-01", "scheme": "urban_employee"}]}, file="<t>")


def scored(s: Scheme, as_of: dt.date | None, round_id: str | None = None) -> Any:
    when = s.when(as_of, round_id)
    return when, assess(s, s.resolve(when), PERSON, when)


def test_two_rounds_a_year_each_count_to_their_own_day() -> None:
    # 2017-H1 counts 2015-01..2017-05 = 29 months; 2017-H2 2015-01..2017-11 = 35.
    for rid, months in (("2017-H1", 29), ("2017-H2", 35)):
        _, a = scored(TWICE, None, rid)
        assert a.total is not None and a.lines[0].points == months
    # A day in the December window means the second batch of that year.
    when, a = scored(TWICE, dt.date(2017, 12, 5))
    assert when.round is not None and when.round.id == "2017-H2" and when.by_window
    assert a.lines[0].points == 35 and a.as_of == dt.date(2017, 11, 30) and a.rules_day == dt.date(2017, 12, 5)


def test_a_day_outside_every_window_counts_to_itself() -> None:
    # 2017-08-15: no round open; months 2015-01..2017-08 = 32, age on that day 40 → 10.
    when, a = scored(TWICE, dt.date(2017, 8, 15))
    assert when.round is None and a.when is None
    assert a.lines[0].points == 32 and a.lines[1].points == 10


def test_age_counts_to_the_data_day_not_the_window() -> None:
    # Born 1977-06-03: 40 on the data day 2018-05-31 (≤ 40 → 10 points), though 41 on 2018-06-05,
    # the day given inside the window; outside any window (2018-07-01) the day itself counts: 41 → 0.
    person = applicant_from_mapping({"birth": "1977-06-03"}, file="<t>")
    for day, expected in ((dt.date(2018, 6, 5), 10), (dt.date(2018, 7, 1), 0)):
        when = TWICE.when(day)
        assert assess(TWICE, TWICE.resolve(when), person, when).lines[1].points == expected


def test_a_round_applies_its_own_version_whatever_the_day() -> None:
    # The annual 2018 round (window in March 2018) applies version 2018 with data to 2017-12-31.
    when, a = scored(YEARLY, dt.date(2018, 3, 15))
    assert (a.version, a.as_of) == ("2018", dt.date(2017, 12, 31))
    assert a.lines[0].points == 36  # 2015-01..2017-12


def test_a_round_and_a_day_outside_its_window_conflict() -> None:
    with pytest.raises(SchemeError, match="outside round 2018"):
        YEARLY.when(dt.date(2018, 5, 1), "2018")
    with pytest.raises(SchemeError, match="no round '2019'"):
        YEARLY.when(None, "2019")


def test_overlapping_windows_and_unknown_versions_are_structural_problems() -> None:
    bad = city((annual(2018, "2018"), attrs_evolve(annual(2018, "2030"), id="2018b")))
    problems = registry.structural_problems(bad)
    assert "round 2018b: no version '2030'" in problems
    assert any("windows overlap" in p for p in problems)


def attrs_evolve(r: Round, **changes: Any) -> Round:
    import attrs

    return attrs.evolve(r, **changes)


# --- the command line ------------------------------------------------------------------------


def invoke(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_show_beijing_lists_rounds_with_data_day_window_and_cutoff() -> None:
    out = invoke("show", "beijing").output
    rounds = out[out.index("Rounds:"):]
    # FACTS.md cutoff history, data day end of Y−2, windows assumed.
    for rid, data_day, cutoff in (("2018", "2016-12-31", "90.75"), ("2020", "2018-12-31", "97.13"),
                                  ("2021", "2019-12-31", "100.88"), ("2024", "2022-12-31", "114.46")):
        line = next(ln for ln in rounds.splitlines() if ln.startswith(rid + " "))
        assert data_day in line and cutoff in line and f"[{rid}-07-01, {rid}-08-01)" in line


def test_score_round_says_so_and_each_line_says_its_day() -> None:
    engineer = str(ROOT / "examples" / "beijing-engineer.toml")
    result = invoke("score", "beijing", engineer, "--as-of", "2020-07-15")
    assert result.exit_code == 0, result.output
    assert "2020-07-15 is in the application window of round 2020" in result.output
    out = json.loads(invoke("score", "beijing", engineer, "--round", "2020", "--format", "json").output)
    assert (out["round"], out["counted_to"], out["version"]) == ("2020", "2018-12-31", "2020")
    assert {i["counted_to"] for i in out["items"]} == {"2018-12-31"}
    # The 2020 round's published cutoff is the threshold.
    assert out["threshold"]["points"] == "97.13"


def test_round_usage_errors_exit_2() -> None:
    engineer = str(ROOT / "examples" / "beijing-engineer.toml")
    assert invoke("score", "beijing", engineer).exit_code == 2
    assert invoke("score", "beijing", engineer, "--round", "1999").exit_code == 2
    assert invoke("score", "beijing", engineer, "--round", "2021", "--as-of", "2020-07-15").exit_code == 2


def test_score_accepts_a_fact_another_version_reads_and_says_it_is_ignored(tmp_path: Path) -> None:
    # target_area is read from Suzhou's 2020 version on; on 2019-06-30 the 2016 version is in force.
    f = tmp_path / "a.toml"
    f.write_text('birth = "1990-01-01"\n[extra]\ntarget_area = "市区"\n', encoding="utf-8")
    result = invoke("score", "suzhou", str(f), "--as-of", "2019-06-30")
    assert result.exit_code == 0, result.output
    assert "does not read target_area: ignored" in result.output


def test_rank_round_uses_the_rounds_rules_and_says_so(tmp_path: Path) -> None:
    # The published 2021 scores ranked for round 2021 with its quota of 6,000: cutoff 100.88.
    data = ROOT / "tests" / "data" / "beijing-2021-published.csv"
    result = invoke("rank", "beijing", str(data), "--scored", "--round", "2021", "--quota", "6000",
                    "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "round 2021: rules version 2020, data counted to 2019-12-31" in result.output
    assert "100.88" in result.output and "6045" in result.output


def test_the_bulk_engine_takes_every_shipped_version_whole() -> None:
    # Issue 13: rank --engine auto never falls back for a shipped scheme.  Beijing's
    # list-derived rules (per-part rounding, the flat study deduction, 职住区域 in tiers,
    # innovation summed) have column-wise forms; tests/test_engines_agree.py checks they agree.
    from pointscalc import bulk
    from pointscalc.recognition import Recognition

    for name in registry.shipped_names():
        scheme = registry.load(name)
        for v in scheme.versions:
            if v.ranking is None:
                continue
            rec = Recognition.resolve(scheme.city, scheme.agreements, v.effective)
            assert bulk.unsupported(scheme, v, rec) is None, (name, v.label)


def test_check_says_which_round_a_window_day_means() -> None:
    engineer = str(ROOT / "examples" / "beijing-engineer.toml")
    out = json.loads(invoke("check", engineer, "--as-of", "2020-07-15", "--format", "json").output)
    beijing = next(c for c in out["cities"] if c["scheme"] == "beijing")
    assert "application window of round 2020" in beijing["note"]
    # --round 2020 on check: Beijing is assessed for the round whatever --as-of says.
    out = json.loads(invoke("check", engineer, "--as-of", "2021-06-30", "--round", "2020", "--format", "json").output)
    beijing = next(c for c in out["cities"] if c["scheme"] == "beijing")
    assert "round 2020: rules version 2020, data counted to 2018-12-31" in beijing["note"]
    assert invoke("check", engineer, "--as-of", "2021-06-30", "--round", "1999").exit_code == 2


def test_a_child_born_after_the_data_day_is_no_bad_row(tmp_path: Path) -> None:
    # Beijing's 2021 round counts data to 2019-12-31 but takes applications from 2021-07-01: a
    # child born in 2020 exists when the parent applies, so the row is scored, not refused,
    # and both engines agree (a regression: the data day was used as the day of birth checks).
    from click.testing import CliRunner

    from pointscalc.cli import main
    from pointscalc.idnumber import check_digit

    first17 = "11010519850101001"
    pid = first17 + check_digit(first17)
    (tmp_path / "a.csv").write_text(f"id,name\n{pid},张三\n", encoding="utf-8")
    (tmp_path / "p.csv").write_text(
        "id,kind,city,district,start,scheme,tenure\n"
        f"{pid},social_insurance,北京,海淀区,2008-01,urban_employee,\n{pid},residence_permit,北京,,2010-01,,\n"
        f"{pid},residence,北京,海淀区,2008-01,,rented\n", encoding="utf-8")
    (tmp_path / "f.csv").write_text(f"id,relation,birth\n{pid},child,2020-06-01\n", encoding="utf-8")
    outs = []
    for engine in ("applicants", "columns"):
        result = CliRunner().invoke(main, ["rank", "beijing", str(tmp_path / "a.csv"), "--periods", str(tmp_path / "p.csv"),
                                           "--family", str(tmp_path / "f.csv"), "--round", "2021", "--quota", "5",
                                           "--out", str(tmp_path / engine), "--engine", engine])
        assert result.exit_code == 0, result.output
        outs.append((tmp_path / engine / "results.csv").read_text(encoding="utf-8-sig"))
    assert outs[0] == outs[1]
    assert "invalid" not in outs[0] and ",admitted," in outs[0]
