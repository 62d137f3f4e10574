"""compare, rank --reform and rank --chart on small Suzhou pools worked out by hand.

The pool (Suzhou, 2016 version, in force on 2020-06-30; points from the 2019 计分标准 in
FACTS.md, as in tests/test_suzhou.py: age 18–40 10; 大专 30, 本科 60; urban employee
insurance 5 a month; months count up to and including June 2020):

* A, 江苏 ID, born 1990 (30): 本科, insured, permit and home since 2016-07, 48 months:
  10 + 60 + 48 × 5 = 310.
* B, 河南 ID, born 1990 (30): 大专, since 2015-09, 4 + 48 + 6 = 58 months:
  10 + 30 + 58 × 5 = 330.
* C, 河南 ID, born 1985: insured and housed but no residence permit: ineligible (第九条).

One place (``--quota 1``): B is admitted (330 > 310), A waitlisted.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from pointscalc.quotas import Quotas
from pointscalc import compare, registry
from pointscalc.cli import main
from pointscalc.idnumber import check_digit

AS_OF = "2020-06-30"


def ident(region: str, birth: str, serial: int) -> str:
    first17 = f"{region}{birth}{serial:03d}"
    return first17 + check_digit(first17)


A = ident("320102", "19900101", 1)
B = ident("410102", "19900101", 3)
C = ident("410102", "19850101", 5)
PERIOD_HEADER = ["id", "kind", "city", "district", "start", "end", "scheme", "tenure", "area"]


def settled(who: str, start: str, permit: bool = True) -> list[list[str]]:
    rows = [[who, "social_insurance", "苏州", "苏州工业园区", start, "", "urban_employee", "", ""],
            [who, "residence", "苏州", "吴中区", start, "", "", "rented", "60"]]
    if permit:
        rows.append([who, "residence_permit", "苏州", "苏州工业园区", start, "", "", "", ""])
    return rows


def pool(tmp_path: Path) -> tuple[str, str]:
    apps = tmp_path / "pool.csv"
    periods = tmp_path / "pool-periods.csv"
    with apps.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "birth", "diploma"])
        w.writerows([[A, "甲某", "1990-01-01", "bachelor"], [B, "乙某", "1990-01-01", "junior_college"],
                     [C, "丙某", "1985-01-01", "secondary"]])
    with periods.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(PERIOD_HEADER)
        w.writerows(settled(A, "2016-07") + settled(B, "2015-09") + settled(C, "2010-01", permit=False))
    return str(apps), str(periods)


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def reform_file(tmp_path: Path, body: str) -> str:
    path = tmp_path / "reform.toml"
    path.write_text(f"scheme = \"suzhou\"\nversion = \"2016\"\ntitle = \"test\"\n{body}", encoding="utf-8")
    return str(path)


def run_compare(tmp_path: Path, body: str, *extra: str) -> Path:
    apps, periods = pool(tmp_path)
    out = tmp_path / "out"
    result = invoke("compare", "suzhou", apps, "--periods", periods, "--as-of", AS_OF, "--quota", "1",
                    "--reform", reform_file(tmp_path, body), "--out", str(out), *extra)
    assert result.exit_code == 0, result.output
    return out


def table(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_a_lower_insurance_rate_moves_a_over_the_line(tmp_path: Path) -> None:
    # 2 a month instead of 5: A = 10 + 60 + 48 × 2 = 166, B = 10 + 30 + 58 × 2 = 156.
    out = run_compare(tmp_path, "[items.social_insurance]\nrate = 2\n")
    assert table(out / "transitions.csv") == [
        {"before": "admitted", "after": "waitlisted", "applicants": "1"},
        {"before": "waitlisted", "after": "admitted", "applicants": "1"},
        {"before": "ineligible", "after": "ineligible", "applicants": "1"},
    ]
    changes = {r["score_before"]: r for r in table(out / "changes.csv")}
    assert set(changes) == {"310.00", "330.00"}
    assert changes["310.00"]["score_after"] == "166.00"
    assert (changes["310.00"]["status_after"], changes["310.00"]["rank_after"]) == ("admitted", "1")
    assert changes["330.00"]["score_after"] == "156.00"
    [bucket] = table(out / "buckets.csv")
    assert (bucket["cutoff_before"], bucket["cutoff_after"]) == ("330.00", "166.00")


def test_groups_by_province_of_the_id_number(tmp_path: Path) -> None:
    # 江苏 (A): 0 of 1 before, 1 of 1 after; 河南 (B, C): 1 of 2 before (B), 0 of 2 after.
    out = run_compare(tmp_path, "[items.social_insurance]\nrate = 2\n")
    rows = {r["value"]: r for r in table(out / "groups.csv") if r["group"] == "province"}
    assert set(rows) == {"江苏", "河南"}
    assert (rows["江苏"]["rate_before"], rows["江苏"]["rate_after"], rows["江苏"]["change"]) == \
        ("0.0%", "100.0%", "+100.0 pp")
    assert (rows["河南"]["rate_before"], rows["河南"]["rate_after"], rows["河南"]["change"]) == \
        ("50.0%", "0.0%", "-50.0 pp")
    assert (rows["江苏"]["ratio_to_best_before"], rows["江苏"]["ratio_to_best_after"]) == ("0.00", "1.00")
    assert (rows["河南"]["ratio_to_best_before"], rows["河南"]["ratio_to_best_after"]) == ("1.00", "0.00")
    # Ages on 2020-06-30: A and B 30, C 35.
    ages = {r["value"]: r["applicants"] for r in table(out / "groups.csv") if r["group"] == "age_band"}
    assert ages == {"25–34": "2", "35–44": "1"}


def test_removing_an_item(tmp_path: Path) -> None:
    # Without the insurance item: A = 10 + 60 = 70, B = 10 + 30 = 40.
    out = run_compare(tmp_path, "remove_items = [\"social_insurance\"]\n")
    changes = {r["score_before"]: (r["score_after"], r["status_after"]) for r in table(out / "changes.csv")}
    assert changes == {"310.00": ("70.00", "admitted"), "330.00": ("40.00", "waitlisted")}


def test_a_quota_change(tmp_path: Path) -> None:
    # Two places: both admitted, the cutoff falls to A's 310.
    out = run_compare(tmp_path, "quota = 2\n")
    assert table(out / "transitions.csv")[:2] == [
        {"before": "admitted", "after": "admitted", "applicants": "1"},
        {"before": "waitlisted", "after": "admitted", "applicants": "1"},
    ]
    [bucket] = table(out / "buckets.csv")
    assert (bucket["quota_before"], bucket["quota_after"], bucket["cutoff_after"]) == ("1", "2", "310.00")
    # A's status changed; B kept status and rank, so is not listed.
    [change] = table(out / "changes.csv")
    assert (change["status_before"], change["status_after"]) == ("waitlisted", "admitted")


def test_no_file_names_anyone(tmp_path: Path) -> None:
    out = run_compare(tmp_path, "[items.social_insurance]\nrate = 2\n")
    html = (out / "report.html").read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") == 1  # one chart per bucket, before and after on it
    for f in out.iterdir():
        text = f.read_bytes().decode("utf-8")
        for secret in (A, B, C, "甲某", "乙某", "丙某"):
            assert secret not in text, (f.name, "holds personal data")
    assert {r["id"] for r in table(out / "changes.csv")} == {A[:3] + "*" * 11 + A[-4:], B[:3] + "*" * 11 + B[-4:]}


def test_json_summary(tmp_path: Path) -> None:
    apps, periods = pool(tmp_path)
    result = invoke("compare", "suzhou", apps, "--periods", periods, "--as-of", AS_OF, "--quota", "1",
                    "--reform", reform_file(tmp_path, "quota = 2\n"), "--out", str(tmp_path / "o"),
                    "--format", "json", "--no-report")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["summary"] == {"applicants": 3, "admitted_before": 1, "admitted_after": 2, "newly_admitted": 1,
                              "no_longer_admitted": 0, "status_changed": 1, "rank_changed": 1}
    assert not (tmp_path / "o" / "report.html").exists()
    # A report left by an earlier run goes when a later one writes none.
    invoke("compare", "suzhou", apps, "--periods", periods, "--as-of", AS_OF, "--quota", "1",
           "--reform", reform_file(tmp_path, "quota = 2\n"), "--out", str(tmp_path / "o"))
    assert (tmp_path / "o" / "report.html").exists()
    invoke("compare", "suzhou", apps, "--periods", periods, "--as-of", AS_OF, "--quota", "1",
           "--reform", reform_file(tmp_path, "quota = 2\n"), "--out", str(tmp_path / "o"), "--no-report")
    assert not (tmp_path / "o" / "report.html").exists()


def test_compare_needs_one_alternative(tmp_path: Path) -> None:
    apps, periods = pool(tmp_path)
    base = ("compare", "suzhou", apps, "--periods", periods, "--as-of", AS_OF, "--quota", "1", "--out",
            str(tmp_path / "o"))
    assert invoke(*base).exit_code == 2
    assert invoke(*base, "--against", "2020", "--reform", reform_file(tmp_path, "")).exit_code == 2
    unknown = invoke(*base, "--against", "2030")
    assert unknown.exit_code == 1
    assert "no version '2030'" in unknown.output
    by = invoke(*base, "--against", "2016", "--by", "shoe_size")
    assert by.exit_code == 1
    assert "--by shoe_size: the pool has no such column" in by.output
    for personal in ("name", "姓名", "id"):
        refused = invoke(*base, "--against", "2016", "--by", personal)
        assert refused.exit_code == 1
        assert "personal data, not groups" in refused.output


def test_charts_missing_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from pointscalc import charts

    charts._cjk_fonts.cache_clear()
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    apps, periods = pool(tmp_path)
    result = invoke("compare", "suzhou", apps, "--periods", periods, "--as-of", AS_OF, "--quota", "1",
                    "--against", "2016", "--out", str(tmp_path / "o"))
    assert result.exit_code == 1
    assert "pip install 'pointscalc[charts]'" in result.output
    assert not (tmp_path / "o").exists()
    ranked = invoke("rank", "suzhou", apps, "--periods", periods, "--as-of", AS_OF, "--quota", "1",
                    "--out", str(tmp_path / "r"), "--chart")
    assert ranked.exit_code == 1
    assert "pip install 'pointscalc[charts]'" in ranked.output


def test_rank_reform_and_chart(tmp_path: Path) -> None:
    # 本科 at 90 instead of 60: A = 10 + 90 + 240 = 340 > B's 330, so A takes the place.
    apps, periods = pool(tmp_path)
    path = reform_file(tmp_path, "[items.education.rows.\"本科\"]\npoints = 90\n")
    runs = []
    for name in ("r1", "r2"):
        result = invoke("rank", "suzhou", apps, "--periods", periods, "--as-of", AS_OF, "--quota", "1",
                        "--out", str(tmp_path / name), "--reform", path, "--chart")
        assert result.exit_code == 0, result.output
        runs.append(tmp_path / name)
    results = {r["id"]: r for r in table(runs[0] / "results.csv")}
    assert (results[A]["status"], results[A]["score"]) == ("admitted", "340.00")
    assert (results[B]["status"], results[B]["score"]) == ("waitlisted", "330.00")
    chart = (runs[0] / "chart-01-all.png").read_bytes()
    assert chart.startswith(b"\x89PNG")
    assert chart == (runs[1] / "chart-01-all.png").read_bytes()


@st.composite
def pools(draw: st.DrawFn) -> tuple[list[dict], int]:
    n = draw(st.integers(1, 8))
    people = []
    for i in range(n):
        start = draw(st.integers(2010 * 12, 2020 * 12 + 5))
        month = f"{start // 12}-{start % 12 + 1:02d}"
        periods = [{"kind": "social_insurance", "scheme": "urban_employee", "city": "苏州",
                    "district": "苏州工业园区", "start": month},
                   {"kind": "residence", "tenure": draw(st.sampled_from(["owned", "rented"])), "city": "苏州",
                    "district": "吴中区", "area": 60, "start": month}]
        if draw(st.booleans()):
            periods.append({"kind": "residence_permit", "city": "苏州", "district": "苏州工业园区", "start": month})
        people.append({"id": ident(draw(st.sampled_from(["320102", "410102", "510104"])), "19900101", i),
                       "birth": "1990-01-01",
                       "education": {"diploma": draw(st.sampled_from(["secondary", "junior_college", "bachelor"]))},
                       "periods": periods})
    return people, draw(st.integers(0, n))


@settings(max_examples=25)
@given(pools())
def test_a_version_against_itself_changes_nothing(drawn: tuple[list[dict], int]) -> None:
    people, quota = drawn
    scheme = registry.load("suzhou")
    version = scheme.version_named("2016")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pool.jsonl"
        path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in people), encoding="utf-8")
        side = compare.Side("baseline", "2016", version, Quotas("--quota", {}, quota))
        c = compare.compare(scheme, side, attrs_evolve(side), dt.date(2020, 6, 30), compare.Pool(path))
    assert not c.changed.any()
    assert all(before == after for before, after, _ in c.transitions())
    assert sum(n for _, _, n in c.transitions()) + c.before.invalid == len(people)
    assert c.before.invalid == c.after.invalid
    assert all(g.rate_before == g.rate_after for g in c.group_rates())
    assert all(r[5] == r[6] and r[7] == r[8] for r in c.buckets())


def attrs_evolve(side: compare.Side) -> compare.Side:
    import attrs

    return attrs.evolve(side, name="alternative")


def test_audit_pool_flags_an_unexplained_gap(tmp_path: Path) -> None:
    # One place: B (河南) admitted, A (江苏) eligible but waitlisted, C (河南) ineligible.
    # 江苏: 0 of 1 (0%); 河南: 1 of 2 (50%): ratio 0.00 < 4/5, and among the eligible 0 of 1
    # against 1 of 1, so eligibility does not explain it; the 2016 version declares no
    # origin waiver: flagged.  Education gaps are explained by the education item.
    apps, periods = pool(tmp_path)
    result = invoke("audit", "suzhou", "--as-of", AS_OF, "--pool", apps, "--periods", periods, "--quota", "1",
                    "--outcomes-only", "--min-group", "1", "--format", "json")
    assert result.exit_code == 1, result.output
    [doc] = json.loads(result.stdout)
    rows = {(g["group"], g["value"]): g for g in doc["groups"]}
    assert (rows[("province", "江苏")]["rate"], rows[("province", "江苏")]["verdict"]) == ("0.0%", "FLAG")
    assert (rows[("province", "河南")]["rate"], rows[("province", "河南")]["verdict"]) == ("50.0%", "ok")
    assert rows[("education", "bachelor")]["verdict"] == "explained"
    assert rows[("education", "bachelor")]["note"].startswith("scored by design: education")
    assert doc["flagged"] == 1
    # With the default minimum group size (30), three applicants are too few to judge.
    small = invoke("audit", "suzhou", "--as-of", AS_OF, "--pool", apps, "--periods", periods, "--quota", "1",
                   "--outcomes-only")
    assert small.exit_code == 0, small.output
    assert "too small" in small.output


def test_audit_pool_needs_its_options(tmp_path: Path) -> None:
    apps, _ = pool(tmp_path)
    assert invoke("audit", "suzhou", "--pool", apps, "--quota", "1").exit_code == 2
    assert invoke("audit", "suzhou", "--as-of", AS_OF, "--quota", "1").exit_code == 2


def test_groups_read_from_json_lines(tmp_path: Path) -> None:
    # Insured 2010-01..2014-12 and 2012-01..2016-12: the overlap counts once, 2010-01..2016-12
    # = 84 months = 7 years (5–9), not 120.  Rented until 2018-12, owned since 2019-01: on
    # 2021-06-30 the home is owned.  No sex or birth given: the ID says born 1990-01-01 (31,
    # 25–34) and its 17th digit 7 is odd: male.
    who = ident("510104", "19900101", 7)
    person = {"id": who, "periods": [
        {"kind": "social_insurance", "city": "苏州", "start": "2010-01", "end": "2014-12"},
        {"kind": "social_insurance", "city": "苏州", "start": "2012-01", "end": "2016-12"},
        {"kind": "residence", "city": "苏州", "tenure": "rented", "start": "2015-01", "end": "2018-12"},
        {"kind": "residence", "city": "苏州", "tenure": "owned", "start": "2019-01"}]}
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps(person, ensure_ascii=False) + "\n", encoding="utf-8")
    g = compare.pool_groups.read(path, None, dt.date(2021, 6, 30))
    assert {k: v[0] for k, v in g.labels.items()} == {
        "age_band": "25–34", "sex": "male", "education": "not given", "province": "四川",
        "tenure": "owned", "years_insured": "5–9 years"}


def test_the_engines_give_the_same_bytes(tmp_path: Path) -> None:
    # The columns engine reads the tables once for both sides and takes the groups from that
    # reading; the reference engine ranks each side and reads the groups itself.
    outs = []
    for engine in ("columns", "applicants"):
        (tmp_path / engine).mkdir()
        out = run_compare(tmp_path / engine, "[items.social_insurance]\nrate = 2\n", "--engine", engine,
                          "--by", "diploma")
        outs.append({f.name: f.read_bytes() for f in out.iterdir()})
    assert outs[0] == outs[1]
    assert b"diploma,bachelor" in outs[0]["groups.csv"]


def beijing(who: str, start: str, tax_years: range) -> dict:
    return {"id": who, "birth": "1985-03-01", "education": {"diploma": "bachelor", "degree": "bachelor"},
            "periods": [{"kind": "social_insurance", "scheme": "urban_employee", "city": "北京", "district": "海淀区",
                         "start": start},
                        {"kind": "residence_permit", "city": "北京", "start": "2015-01"},
                        {"kind": "residence", "tenure": "rented", "city": "北京", "district": "海淀区", "start": start}],
            "records": [{"kind": "tax", "date": f"{y}-12-31", "qualifying": True} for y in tax_years]}


def test_beijing_tax_cap_reform_tables_json_and_report(tmp_path: Path) -> None:
    # Beijing 2020 on 2021-06-30 (京政办发〔2016〕39号 第五条 and the 2020 revision): both born
    # 1985 (36, age 20), 本科 + 学士 15, insured and renting in 海淀 (no move out of the centre, 0).
    # D: since 2012-07, 108 months: employment 108 × 3/12 = 27.00, residence 108 × 0.5/12 = 4.50;
    #    tax years 2015–2020, of which 2018–2020 fall in the last 3 years: 3 × 2 = 6.  Total 72.50.
    # E: since 2012-01, 114 months: 28.50 + 4.75; tax 2018–2020: 6.  Total 74.25.
    # The shipped reform counts the last 6 years, cap 12: D 6 × 2 = 12, total 78.50; E unchanged.
    d, e = ident("130102", "19850301", 11), ident("370102", "19850301", 13)
    path = tmp_path / "bj.jsonl"
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in
                            (beijing(d, "2012-07", range(2015, 2021)), beijing(e, "2012-01", range(2018, 2021)))),
                    encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("compare", "beijing", str(path), "--as-of", "2021-06-30", "--quota", "1", "--reform",
                    str(Path(__file__).resolve().parent.parent / "examples" / "reforms" / "beijing-tax-cap.toml"),
                    "--out", str(out), "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["alternative"] == "2020 + reform: tax item: last 6 years, cap 12"
    assert doc["buckets"] == [{"bucket": "all", "quota_before": 1, "quota_after": 1, "eligible_before": 2,
                               "eligible_after": 2, "admitted_before": 1, "admitted_after": 1,
                               "cutoff_before": "74.25", "cutoff_after": "78.50", "tied_before": 1,
                               "tied_after": 1}]
    changes = {r["score_before"]: (r["score_after"], r["status_before"], r["status_after"])
               for r in table(out / "changes.csv")}
    assert changes == {"72.50": ("78.50", "waitlisted", "admitted"), "74.25": ("74.25", "admitted", "waitlisted")}
    assert {f.name for f in out.iterdir()} == {"transitions.csv", "buckets.csv", "changes.csv", "groups.csv",
                                               "compare.json", "errors.csv", "report.html"}
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in html and d not in html and e not in html


def test_suzhou_2016_against_2020_reads_the_pool_the_same_way(tmp_path: Path) -> None:
    # The 2020 pool names each applicant's target area; the 2016 version does not read that
    # fact, yet takes it as the bucket, so both sides rank the same buckets.
    apps, periods = pool(tmp_path)
    rows = Path(apps).read_text(encoding="utf-8").splitlines()
    Path(apps).write_text("\n".join([rows[0] + ",target_area", *(r + ",市区" for r in rows[1:])]) + "\n",
                          encoding="utf-8")
    out = tmp_path / "out"
    quota = tmp_path / "quota.toml"
    quota.write_text('"市区" = 1\n', encoding="utf-8")  # 2020 ranks by target area: a quota per bucket
    result = invoke("compare", "suzhou", apps, "--periods", periods, "--as-of", "2021-06-30", "--quota", str(quota),
                    "--against", "2016", "--out", str(out), "--by", "target_area")
    assert result.exit_code == 0, result.output
    [bucket] = table(out / "buckets.csv")
    assert (bucket["bucket"], bucket["eligible_before"], bucket["eligible_after"]) == ("市区", "2", "2")
    assert json.loads((out / "compare.json").read_text(encoding="utf-8"))["alternative"] == "version 2016"
    assert "data:image/png;base64," in (out / "report.html").read_text(encoding="utf-8")


def test_masking_by_columns_is_idnumber_mask() -> None:
    import pyarrow as pa

    from pointscalc.idnumber import mask

    ids = [A, B, "12345", "1234567", "12345678", "", "32010219900101001x", "abcdefghijklmnopqrst"]
    assert compare.masked(pa.array(ids)) == [mask(x) for x in ids]


def test_bad_rows_are_listed_once_as_rank_lists_them(tmp_path: Path) -> None:
    apps, periods = pool(tmp_path)
    bad = ident("320102", "19910101", 21)
    with open(apps, "a", encoding="utf-8", newline="") as f:
        csv.writer(f).writerow([bad, "丁某", "1991-01-01", "phd?"])
    out = tmp_path / "out"
    result = invoke("compare", "suzhou", apps, "--periods", periods, "--as-of", AS_OF, "--quota", "1",
                    "--reform", reform_file(tmp_path, "quota = 2\n"), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "invalid: " in result.output and bad not in result.output
    ranked = invoke("rank", "suzhou", apps, "--periods", periods, "--as-of", AS_OF, "--quota", "1",
                    "--out", str(tmp_path / "r"))
    assert ranked.exit_code == 0, ranked.output
    assert (out / "errors.csv").read_bytes() == (tmp_path / "r" / "errors.csv").read_bytes()
    [row] = table(out / "errors.csv")
    assert row["field"] == "education.diploma"
    assert bad not in (out / "errors.csv").read_text(encoding="utf-8-sig")
