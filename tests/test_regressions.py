"""Faults found in review, each pinned by a case derived by hand."""

from __future__ import annotations

from decimal import Decimal as D

from pointscalc.months import month_of
from tests.support import period, points, score


def test_29_february_as_of_does_not_crash_and_looks_back_to_the_28th() -> None:
    # Beijing 2020 tax: 2 per qualifying record within 3 years.  As of 2024-02-29 the window
    # opens 2021-02-28: records of 2021-03-01 and 2023-12-31 count, 2021-02-27 does not → 4.
    data = {"birth": "1983-01", "sex": "male", "periods": [
        period("social_insurance", "北京", "2010-01", scheme="urban_employee"),
        period("residence_permit", "北京", "2015-01")],
        "records": [{"kind": "tax", "date": d, "qualifying": True}
                    for d in ("2021-02-27", "2021-03-01", "2023-12-31")]}
    assert points(score("beijing", data, "2024-02-29"))["tax"] == D("4.00")


def test_study_deduction_keeps_residence_within_insurance_months() -> None:
    # 2017 version (what the months earned), as of 2019-06-30.  Insured 2006-07..2019-06 (156
    # months); owned home since 2004-07 (180 months); master's study 2006-09..2009-06 (34 months).
    # 第五条(二): residence ≤ insurance, so 156 × 1/12 = 13.00.  第五条(三): outside the study,
    # insurance is 122 months, so residence may count only 122: 122/12 = 10.1666…  Deduction:
    # employment 34 × 3/12 = 8.50, residence 13 − 10.1666… = 2.8333…, together −11.3333… → −11.33.
    # Total 39 + 13 + 26 (硕士+硕士) − 11.33 + 20 (age 36) = 86.67.
    data = {"birth": "1983-01", "sex": "male",
            "education": {"diploma": "master", "degree": "master"},
            "periods": [
                period("social_insurance", "北京", "2006-07", scheme="urban_employee"),
                period("residence_permit", "北京", "2015-01"),
                period("residence", "北京", "2004-07", tenure="owned", district="昌平区"),
                period("study", "北京", "2006-09", "2009-06", diploma="master")]}
    result = score("beijing", data, "2019-06-30")
    assert points(result)["study_overlap"] == D("-11.33")
    assert result.total == D("86.67")
    # 2020 version, as the lists show it: a flat 7/24 per study month inside insured months,
    # 34 × 7/24 = 9.9166… → −9.92; residence 180 insured months ≥ 204 owned → 180/12 = 15.00.
    # Total 45 + 15 + 26 − 9.92 + 20 (age 38) = 96.08.
    result = score("beijing", data, "2021-06-30")
    assert points(result)["study_overlap"] == D("-9.92")
    assert result.total == D("96.08")


def test_suzhou_2020_registration_tie_break_reads_any_area() -> None:
    # An applicant to 昆山 registered there in 2015-03: the registration key is that month,
    # not "absent" (which would rank them last among equals).  Keys: priority, total, base,
    # registered; insured 2016-01..2021-06 = 66 months ≥ 60, so in the 5-year priority group.
    data = {"birth": "1990-01", "extra": {"target_area": "昆山"}, "periods": [
        period("social_insurance", "苏州", "2016-01", scheme="urban_employee", district="昆山市"),
        period("residence_permit", "苏州", "2015-03", district="昆山市"),
        period("residence", "苏州", "2015-03", tenure="owned", area=90, district="昆山市")]}
    result = score("suzhou", data, "2021-06-30")
    assert result.eligible
    assert result.rank_values[0] == 1
    assert result.rank_values[3] == month_of(2015, 3)


def test_beijing_home_without_a_district_is_not_counted_as_moved_out() -> None:
    # Lived in 海淀区 2010–2015, then a home whose district is not given: nothing shows a move
    # out of the six central districts, so 职住区域 earns 0.
    data = {"birth": "1983-01", "sex": "male", "periods": [
        period("social_insurance", "北京", "2010-01", scheme="urban_employee"),
        period("residence_permit", "北京", "2015-01"),
        period("residence", "北京", "2010-01", "2015-12", tenure="rented", district="海淀区"),
        period("residence", "北京", "2016-01", tenure="owned")]}
    assert points(score("beijing", data, "2021-06-30"))["job_home_area"] == D("0.00")


def test_a_threshold_given_as_a_whole_number_is_a_decimal() -> None:
    from pointscalc.scheme import Citation, Provenance, T, Threshold

    t = Threshold(T("x", "x"), 60, Citation("d", "c"), Provenance.ASSUMED)
    assert t.for_value(None) == D(60) and isinstance(t.points, D)


def test_a_scheme_with_broken_references_is_refused_when_loaded(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import click.testing

    from pointscalc.cli import main

    broken = tmp_path / "broken.py"
    broken.write_text(
        "import attrs\n"
        "import datetime as dt\n"
        "from schemes.beijing import SCHEME as B, V2017, V2020\n"
        "SCHEME = attrs.evolve(B, city='Atlantis', versions=(attrs.evolve(V2017, ends=None), V2020))\n",
        encoding="utf-8")
    result = click.testing.CliRunner().invoke(main, ["show", str(broken)])
    assert result.exit_code == 2
    assert "unknown city: expected a prefecture-level city" in result.output
    assert "versions 2017 and 2020 overlap" in result.output
    assert "Traceback" not in result.output


def test_level_facts_show_the_person_not_the_rule() -> None:
    # Issue 16: a 研究生 diploma with a 学士 degree earns the 2020 table's 15-point row
    # (本科学历并学士学位；硕士研究生学历), and the line says what the person holds.
    from tests.support import score

    a = score("beijing", {"birth": "1985-01-01", "sex": "male",
                          "education": {"diploma": "master", "degree": "bachelor"}}, "2021-06-30")
    line = next(ln for ln in a.lines if ln.key == "education")
    assert line.points == 15
    assert line.detail.zh.startswith("硕士研究生 + 学士")
    assert "本科 + 学士" not in line.detail.zh
