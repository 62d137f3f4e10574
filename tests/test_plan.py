"""`pointscalc plan`: trajectories worked out by hand, and the promises a plan keeps.

Suzhou's technician (examples/suzhou-technician.toml), 2020 version, counted by hand from the
计分标准 values in schemes/suzhou.py: age 18–40 → 10; 大专 → 30; 三级 → 50; insurance 5 a month
from 2014-03, cap 500; housing fund 5 per full year from 2016-01.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from pointscalc import fairness, reading, registry
from pointscalc.cli import main
from pointscalc.model import Applicant, Period, PeriodKind, freeze
from pointscalc.months import month_of
from pointscalc.plan import make_plan, plan_json
from pointscalc.scoring import assess

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DAY = dt.date(2021, 6, 30)


def load(scheme: str, path: Path | str, day: dt.date = DAY) -> tuple[object, Applicant]:
    s = registry.load(scheme)
    return s, reading.load_applicant(path, registry.all_facts([s]), day)


def test_suzhou_technician_trajectory_by_hand() -> None:
    s, a = load("suzhou", EXAMPLES / "suzhou-technician.toml")
    plan = make_plan(s, a, DAY)
    totals = {st.occasion.label: st.total for st in plan.standings}
    # 2021-06-30: insured 2014-03..2021-06 = 88 months × 5 = 440; fund 66 months = 5 years × 5 = 25:
    # 10 + 30 + 50 + 440 + 25 = 555, short of 市区's 565.
    assert totals["2021-06-30"] == Decimal("555.00")
    # 2022-06-30: 100 months → 500 (the cap); fund 78 months = 6 years → 30: 620.
    assert totals["2022-06-30"] == Decimal("620.00")
    # 2023-06-30: the fund's 7th year → 35: 625.
    assert totals["2023-06-30"] == Decimal("625.00")
    # Age steps down: 40 on 2030-06-30 (10 points, fund 14 years → 70: 660); 41 on 2031-06-30
    # (0 points, fund 15 years → 75: 655).
    assert totals["2030-06-30"] == Decimal("660.00")
    assert totals["2031-06-30"] == Decimal("655.00")
    assert plan.line.kind == "standard" and plan.lines[0] is not None and plan.lines[0].value == 565
    assert plan.answer.kind == "expected" and plan.answer.occasion is not None
    assert plan.answer.occasion.label == "2022-06-30"


def test_suzhou_steps_cite_their_clause_and_save_a_round() -> None:
    s, a = load("suzhou", EXAMPLES / "suzhou-technician.toml")
    plan = make_plan(s, a, DAY)
    by_key = {r.step.key: r for r in plan.steps}
    # 本科 is the next row of 文化程度 (60 against 大专's 30): +30, counted from the next
    # occasion (2022-06-30) on, since today's standing cannot change.
    bachelor = by_key["education:diploma=bachelor"]
    assert (bachelor.gain, bachelor.gain_at) == (Decimal("30.00"), "2022-06-30")
    assert "基础分·文化程度" in str(bachelor.step.citation)
    # No step may touch age or past months, and no deduction is ever suggested.
    assert not any(k.startswith(("age", "violations")) for k in by_key)


NANJING = """
birth = "1995-04-10"
sex = "male"
[[periods]]
kind = "residence_permit"
city = "南京"
district = "六合区"
start = "2021-03"
[[periods]]
kind = "social_insurance"
scheme = "urban_employee"
city = "南京"
district = "六合区"
start = "2021-05"
"""


def test_nanjing_channel_met_later_by_hand(tmp_path: Path) -> None:
    # 宁政办发〔2021〕5号 (六): a 六合 permit and 6 months of urban employee insurance.  Insured from
    # 2021-05, the months counted on 2021-06-30 are 05 and 06: two.  The sixth is 2021-10, so the
    # channel opens on 2021-10-30, four months on (the same day of the month).
    f = tmp_path / "nj.toml"
    f.write_text(NANJING, encoding="utf-8")
    s, a = load("nanjing", f)
    plan = make_plan(s, a, DAY)
    six = next(w for w in plan.waits if "6+" in w.condition.en)
    assert (six.met_on, six.months) == (dt.date(2021, 10, 30), 4)
    assert plan.answer.kind == "expected" and plan.answer.occasion is not None
    assert plan.answer.occasion.day == dt.date(2021, 10, 30)
    # The points path's 12 cumulative months: 2021-05..2022-04, met on 2022-04-30, ten months on.
    twelve = next(w for w in plan.waits if "12+" in w.condition.en)
    assert (twelve.met_on, twelve.months) == (dt.date(2022, 4, 30), 10)


def test_plan_cli_text_json_and_chinese() -> None:
    runner = CliRunner()
    args = ["plan", "suzhou", str(EXAMPLES / "suzhou-technician.toml"), "--as-of", "2021-06-30"]
    text = runner.invoke(main, args, catch_exceptions=False)
    assert text.exit_code == 0 and "2022-06-30" in text.output
    zh = runner.invoke(main, [*args, "--lang", "zh"], catch_exceptions=False)
    assert zh.exit_code == 0 and "预计可落户时点" in zh.output
    data = json.loads(runner.invoke(main, [*args, "--format", "json"], catch_exceptions=False).output)
    assert data["answer"] == {"kind": "expected", "occasion": "2022-06-30", "earliest": "2022-06-30",
                              "latest": "2022-06-30", "probability": None}
    assert data["trajectory"][0]["score"] == "555.00"


def test_plan_needs_a_profile_and_a_date() -> None:
    result = CliRunner().invoke(main, ["plan", "suzhou"])
    assert result.exit_code == 2 and "PROFILE" in result.output


# --- properties -------------------------------------------------------------------------------

SUZHOU = registry.load("suzhou")
SUBJECT = fairness.Subject.of(SUZHOU, DAY)


def _area(a: Applicant) -> Applicant:
    return attrs.evolve(a, extra=freeze({"target_area": "昆山"}))


@given(fairness.profiles(SUBJECT), st.integers(1, 60))
def test_more_insured_months_never_settle_later(a: Applicant, extra_months: int) -> None:
    a = _area(a)
    first = min((p.start for p in a.periods), default=month_of(2021, 6))
    more = attrs.evolve(a, periods=a.periods + (Period(PeriodKind.SOCIAL_INSURANCE, "苏州", first - extra_months,
                                                        first - 1, None, freeze({"scheme": "urban_employee"})),))
    before = make_plan(SUZHOU, a, DAY, horizon_years=3, with_steps=False).answer
    after = make_plan(SUZHOU, more, DAY, horizon_years=3, with_steps=False).answer
    if before.occasion is not None:
        assert after.occasion is not None and after.occasion.day <= before.occasion.day


@given(fairness.profiles(SUBJECT))
def test_a_suggested_step_never_lowers_the_score(a: Applicant) -> None:
    a = _area(a)
    plan = make_plan(SUZHOU, a, DAY, horizon_years=2)
    version = SUZHOU.version_for(DAY)
    start = month_of(DAY.year, DAY.month) + 1
    for r in plan.steps:
        changed = r.step.change(a, start)
        for s in plan.standings[1:]:
            was = assess(SUZHOU, version, a, s.occasion.day, explain=False)
            now = assess(SUZHOU, version, changed, s.occasion.day, explain=False)
            if was.total is not None and now.total is not None:
                assert now.total >= was.total


@given(fairness.profiles(SUBJECT))
def test_a_profile_on_the_line_today_is_told_now(a: Applicant) -> None:
    a = _area(a)
    today = assess(SUZHOU, SUZHOU.version_for(DAY), a, DAY)
    plan = make_plan(SUZHOU, a, DAY, horizon_years=1, with_steps=False)
    on_line = today.eligible and today.total is not None and today.total >= Decimal(600)
    assert (plan.answer.kind == "now") == (on_line or bool(today.settles_by))
    assert plan_json(plan)["answer"]["kind"] == plan.answer.kind


def test_check_plan_gives_every_city_a_line() -> None:
    # examples/nantong-renter-family.toml settles in Nantong today by residence ((四)).
    args = ["check", str(EXAMPLES / "nantong-renter-family.toml"), "--as-of", "2021-06-30", "--plan"]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0
    row = next(line for line in result.output.splitlines() if line.startswith("南通 (nantong)") and "now" in line)
    assert "now" in row
    data = json.loads(CliRunner().invoke(main, [*args, "--format", "json"], catch_exceptions=False).output)
    nantong = next(p for p in data["plans"] if p["scheme"] == "nantong")
    assert (nantong["answer"], nantong["earliest"]) == ("now", "2021-06-30")


def test_beijing_engineer_by_round_by_hand() -> None:
    # examples/beijing-engineer.toml, Beijing rounds counting data to the end of year Y−2
    # (schemes/beijing.py, from the published lists).  2021 round, version 2020, data to 2019-12-31:
    # employment 2008-07..2019-12 = 138 months × 3/12 = 34.50; residence rented 90 × 0.5/12 = 3.75
    # + owned 2016-01..2019-12 = 48 × 1/12 = 4.00; education 硕士+硕士 26; no study overlap; 职住区域
    # home moved to 昌平 from 2016-01, full years from 2017-01 to 2019-12 = 3 × 2 = 6; tax records of
    # 2018 and 2019 (2020's is after the data day) = 2 × 2 = 4; age 36 → 20.  Total 98.25 < 100.88.
    # 2022 round, version 2022, data to 2020-12-31: 37.50 + 3.75 + 5.00 + 26 + 8 + 6 + 20 = 106.25
    # ≥ 105.42.  2023 round: 40.50 + 3.75 + 6.00 + 26 + 10 + 6 + 20 = 112.25.
    s, a = load("beijing", EXAMPLES / "beijing-engineer.toml")
    plan = make_plan(s, a, DAY)
    totals = {st.occasion.label: st.total for st in plan.standings}
    assert [totals["2021"], totals["2022"], totals["2023"]] == [Decimal("98.25"), Decimal("106.25"),
                                                              Decimal("112.25")]
    assert [ln.value for ln in plan.lines[:3] if ln] == [Decimal("100.88"), Decimal("105.42"), Decimal("109.92")]
    assert plan.answer.kind == "expected" and plan.answer.occasion is not None
    assert plan.answer.occasion.label == "2022"
    # Its 2021 score is below every one of the 6,045 admitted in the 2021 list (cutoff 100.88).
    assert plan.published_rank == (6046, 6045, "2021")
    assert plan.steps and all(str(r.step.citation).startswith(("京政办发", "北京市积分落户管理办法")) for r in plan.steps)
    # Past the last published round the line is a forecast, with an interval.
    projected = [ln for st, ln in zip(plan.standings, plan.lines) if "projected" in st.occasion.label]
    assert projected and all(ln is not None and ln.low is not None and ln.low < ln.value < ln.high
                             for ln in projected)


def test_beijing_precondition_met_in_a_later_round() -> None:
    # examples/beijing-ineligible.toml: insured from 2015-07; 第四条(三) asks 84 months (7 years) of
    # continuous insurance, counted to each round's data day (end of Y−2): 2021 round → 2019-12,
    # 54 months; 2022 → 66; 2023 → 78; 2024 → 90, the first round it is met.
    s, a = load("beijing", EXAMPLES / "beijing-ineligible.toml")
    plan = make_plan(s, a, DAY, with_steps=False)
    eligible = {st.occasion.label: st.eligible for st in plan.standings}
    assert [eligible[r] for r in ("2021", "2022", "2023", "2024")] == [False, False, False, True]


def test_backtest_table_from_the_cli() -> None:
    # Beijing's cutoffs 2018–2024; each round from 2021 on is forecast from the rounds before it.
    # 2021 from 2018–2020 (90.75, 93.58, 97.13): slope (97.13 − 90.75)/2 = 3.19, mean 93.82 at
    # 2019, so 2021 is 93.82 + 2 × 3.19 = 100.20; published 100.88, error +0.68.
    result = CliRunner().invoke(main, ["plan", "beijing", "--backtest"], catch_exceptions=False)
    assert result.exit_code == 0
    row = next(line for line in result.output.splitlines() if "100.88" in line)
    assert "100.20" in row and "+0.68" in row


@pytest.mark.parametrize(("scheme", "profile", "day"), [
    ("beijing", "beijing-engineer.toml", "2021-06-30"),
    ("suzhou", "suzhou-technician.toml", "2021-06-30"),
    ("nanjing", "nanjing-outer-district.toml", "2021-07-15"),
    ("nantong", "nantong-renter-family.toml", "2021-06-30"),
    ("anyang", "migrant-worker.toml", "2019-06-30"),
    ("shaoguan", "migrant-worker.toml", "2019-06-30"),
])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_plan_works_for_every_shipped_scheme(scheme: str, profile: str, day: str, lang: str) -> None:
    args = ["plan", scheme, str(EXAMPLES / profile), "--as-of", day, "--lang", lang]
    text = CliRunner().invoke(main, args, catch_exceptions=False)
    assert text.exit_code == 0, text.output
    data = json.loads(CliRunner().invoke(main, [*args, "--format", "json"], catch_exceptions=False).output)
    assert data["scheme"] == scheme and data["answer"]["kind"] in ("now", "expected", "never", "behind")
    assert data["trajectory"][0]["day"] >= day


def test_plan_under_a_reform() -> None:
    # examples/reforms/suzhou-insurance-rate.toml: 4 points a month instead of 5 (cap 500).
    # 2022-06-30: 100 months × 4 = 400 instead of 500, so 620 − 100 = 520 < 565; 2023-06-30:
    # 112 × 4 = 448, 625 − 500 + 448 = 573 ≥ 565.  The reform delays settling by a year.
    args = ["plan", "suzhou", str(EXAMPLES / "suzhou-technician.toml"), "--as-of", "2021-06-30", "--format", "json",
            "--reform", str(EXAMPLES / "reforms" / "suzhou-insurance-rate.toml")]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    data = json.loads(result.stdout)
    assert [t["score"] for t in data["trajectory"][1:3]] == ["520.00", "573.00"]
    assert data["answer"]["occasion"] == "2023-06-30"


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_plan_draws_a_chart(tmp_path: Path, suffix: str) -> None:
    pytest.importorskip("matplotlib")  # the charts extra; the test extra installs it for CI
    chart = tmp_path / f"plan{suffix}"
    args = ["plan", "beijing", str(EXAMPLES / "beijing-engineer.toml"), "--as-of", "2021-06-30", "--chart", str(chart)]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = chart.read_bytes()
    assert data.startswith(b"\x89PNG") if suffix == ".png" else b"<svg" in data[:500]
    # The same plan draws the same bytes: no date or random id in the file.
    again = tmp_path / f"again{suffix}"
    CliRunner().invoke(main, [*args[:-1], str(again)], catch_exceptions=False)
    assert again.read_bytes() == data


# --- in Chinese ---------------------------------------------------------------------------------


def test_plan_json_and_backtest_in_chinese() -> None:
    """The forecast's model, its note, projected rounds and the backtest's verdicts follow
    --lang; codes (the answer's and the line's kind) and numbers do not."""
    from tests.test_zh import _codes, english

    runner = CliRunner()
    args = ["plan", "beijing", str(EXAMPLES / "beijing-engineer.toml"), "--as-of", "2021-06-30", "--format", "json"]
    en = json.loads(runner.invoke(main, args, catch_exceptions=False).output)
    zh = json.loads(runner.invoke(main, [*args, "--lang", "zh"], catch_exceptions=False).output)
    assert en["note"] == "a forecast is a projection, not a promise" and zh["note"] == "预测仅为推算，并非承诺"
    assert en["line"]["model"].startswith("linear trend over the last 4 published cutoffs")
    assert zh["line"]["model"].startswith("最近 4 次公布分值的线性趋势") and not english(zh["line"]["model"], _codes())
    # Beijing declares rounds to 2024: 2025 on is projected, and says so in each language.
    assert [s["occasion"] for s in en["trajectory"]][-1].endswith(" (projected)")
    assert [s["occasion"] for s in zh["trajectory"]][-1].endswith("（预测）")
    assert (zh["answer"]["kind"], zh["line"]["kind"]) == (en["answer"]["kind"], en["line"]["kind"])
    assert [s["score"] for s in zh["trajectory"]] == [s["score"] for s in en["trajectory"]]
    back = runner.invoke(main, ["plan", "beijing", "--backtest", "--lang", "zh"], catch_exceptions=False).output
    assert "平均绝对误差：0.82" in back and "是" in back and not english(back, _codes())


def test_plan_text_follows_the_language_asked_not_the_one_it_was_made_in() -> None:
    from pointscalc.i18n import using
    from pointscalc.plan import plan_text

    a = reading.load_applicant(EXAMPLES / "beijing-engineer.toml", registry.load("beijing").versions[-1].facts, DAY)
    with using("en"):
        plan = make_plan(registry.load("beijing"), a, DAY, with_steps=False)
    text = plan_text(plan, "zh")
    assert "模型：最近 4 次公布分值的线性趋势" in text and "2021：官方" in text and "（预测）" in text


def test_a_chinese_chart_needs_a_font_that_draws_it(tmp_path: Path) -> None:
    """Without a CJK font (CI has none) a chart asked for in Chinese is labelled in English,
    the same bytes as the English one, rather than drawn in empty boxes."""
    pytest.importorskip("matplotlib")
    from pointscalc import charts

    if charts._cjk_fonts():
        pytest.skip("a CJK font is installed: the chart is labelled in Chinese")
    args = ["plan", "beijing", str(EXAMPLES / "beijing-engineer.toml"), "--as-of", "2021-06-30", "--chart"]
    CliRunner().invoke(main, [*args, str(tmp_path / "en.png")], catch_exceptions=False)
    CliRunner().invoke(main, [*args, str(tmp_path / "zh.png"), "--lang", "zh"], catch_exceptions=False)
    assert (tmp_path / "zh.png").read_bytes() == (tmp_path / "en.png").read_bytes()
