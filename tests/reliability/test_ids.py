"""IDs are compared as people: normalised (NFKC, x → X) before any check or comparison, in
every input format; an impossible region, birth date or check digit is refused."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pointscalc import idnumber
from tests.reliability.support import an_id, nothing_personal, rank, rows

FULL = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
# 11010519491231002X is the standard's example (check digit X, worked out in tests/test_idnumber.py).
EXAMPLE = "11010519491231002X"


@pytest.mark.parametrize("written", [EXAMPLE.translate(FULL), EXAMPLE.lower(), f" {EXAMPLE}\u3000",
                                     EXAMPLE[:-1] + "ｘ"])
def test_the_same_id_written_another_way_is_the_same_person(written: str) -> None:
    assert idnumber.normalise(written) == EXAMPLE
    assert idnumber.validate(written) == EXAMPLE


@pytest.mark.parametrize("number, reason", [
    ("999999000101010012", "province code"),       # no province 99, and year 0001
    (an_id("99010519900101001"), "province code"),  # a valid check digit does not make a region
    (an_id("11010518990101001"), "before 1900"),
    (an_id("11010520300101001"), "after --as-of"),
    ("١١٠١٠٥١٩٤٩١٢٣١٠٠٢X", "digits 0-9"),        # Arabic-Indic digits: str.isdigit() says yes
])
def test_an_impossible_id_is_refused_saying_why(number: str, reason: str) -> None:
    with pytest.raises(idnumber.InvalidId) as e:
        idnumber.validate(number, dt.date(2021, 6, 30))
    assert reason in str(e.value) and number not in str(e.value)


def test_a_superscript_digit_is_read_as_the_digit_not_a_traceback() -> None:
    # NFKC turns ² into 2: 11010519491231002X with its 17th digit written ².
    assert idnumber.validate(EXAMPLE[:16] + "²" + "X") == EXAMPLE


PERIODS = [{"kind": "social_insurance", "scheme": "urban_employee", "city": "北京", "start": "2010-01"}]


def jsonl(tmp: Path, *ids: str) -> Path:
    lines = [json.dumps({"id": i, "name": f"王小{n}", "periods": PERIODS}, ensure_ascii=False)
             for n, i in enumerate(ids)]
    (tmp / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp / "in.jsonl"


def test_json_lines_find_a_full_width_duplicate(tmp_path: Path) -> None:
    run = rank(tmp_path, "beijing", str(jsonl(tmp_path, EXAMPLE, EXAMPLE.translate(FULL))), "--as-of",
               "2021-06-30", "--quota", "5")
    assert run.code == 0, run.text
    errors = rows(run.out / "errors.csv")
    # Both rows name the same person: both are refused, neither takes a place.
    assert [(e["row"], e["field"]) for e in errors] == [("1", "id"), ("2", "id")]
    assert "more than one row" in run.stderr
    nothing_personal(run, [EXAMPLE, EXAMPLE.translate(FULL), "王小0", "王小1"])


@pytest.mark.parametrize("bad, field, words", [
    ("999999000101010012", "id", "province code"),
    (an_id("11010520300101001"), "id", "after --as-of"),
])
def test_json_lines_refuse_an_impossible_id_without_repeating_it(tmp_path: Path, bad: str, field: str,
                                                                 words: str) -> None:
    run = rank(tmp_path, "beijing", str(jsonl(tmp_path, bad)), "--as-of", "2021-06-30", "--quota", "5")
    assert run.code == 0, run.text
    # The ID alone is reported: no "birth: is required" beside it.
    assert [(e["row"], e["field"]) for e in rows(run.out / "errors.csv")] == [("1", field)]
    assert words in run.stderr and "in.jsonl" in run.stderr
    assert [r["status"] for r in rows(run.out / "results.csv")] == ["invalid"]
    nothing_personal(run, [bad, "王小0"])


def test_scored_tables_compare_x_and_full_width_as_one_person(tmp_path: Path) -> None:
    (tmp_path / "in.csv").write_text(f"身份证号,姓名,积分\n{EXAMPLE},王小明,100\n{EXAMPLE.lower()},王小明,90\n"
                                     f"{an_id('11010519900101001').translate(FULL)},李雷,80\n", encoding="utf-8")
    run = rank(tmp_path, "beijing", str(tmp_path / "in.csv"), "--scored", "--as-of", "2021-06-30", "--quota", "5")
    assert run.code == 0, run.text
    assert [(e["row"], e["field"]) for e in rows(run.out / "errors.csv")] == [("2", "id"), ("3", "id")]
    # The full-width ID is kept in its ASCII form: the public list masks that.
    assert [r["身份证号"] for r in rows(run.out / "public.csv")] == ["110***********0012"[:14] + an_id(
        "11010519900101001")[-4:]]
    nothing_personal(run, [EXAMPLE, EXAMPLE.lower(), "王小明"])


@pytest.mark.parametrize("key, ok", [
    ("110***********002X", True),     # a masked ID, as published: a key, kept as it is
    ("2021-000123", True),            # an application number (申请编号)
    ("A", True),
    ("110105194912310021", False),    # looks like an ID (18 digits): checked as one, check digit wrong
    ("11010519491231002", False),     # 17 digits: an ID with a digit missing
])
def test_a_scored_key_is_checked_as_an_id_only_where_it_looks_like_one(tmp_path: Path, key: str, ok: bool) -> None:
    (tmp_path / "in.csv").write_text(f"id,score\n{key},100\n", encoding="utf-8")
    run = rank(tmp_path, "beijing", str(tmp_path / "in.csv"), "--scored", "--as-of", "2021-06-30", "--quota", "5")
    assert run.code == 0, run.text
    assert [r["status"] for r in rows(run.out / "results.csv")] == (["admitted"] if ok else ["invalid"])
    if not ok:
        nothing_personal(run, [key])


def test_a_scored_birth_column_that_disagrees_with_the_id_is_an_error(tmp_path: Path) -> None:
    # The example was born 1949-12-31; the row says 1950-01.
    (tmp_path / "in.csv").write_text(f"id,birth,score\n{EXAMPLE},1950-01,100\n{an_id('11010519900101001')},"
                                     "1990-01,90\n", encoding="utf-8")
    run = rank(tmp_path, "beijing", str(tmp_path / "in.csv"), "--scored", "--as-of", "2021-06-30", "--quota", "5")
    assert run.code == 0
    assert [(e["row"], e["field"]) for e in rows(run.out / "errors.csv")] == [("2", "birth")]
    nothing_personal(run, [EXAMPLE])


APP_HEADER = "id,name,birth,target_area\n"
PERIOD_HEADER = "id,kind,city,district,start,scheme,tenure,area\n"


def suzhou_periods(written: str) -> str:
    return (f"{written},social_insurance,苏州,,2015-01,urban_employee,,\n{written},residence_permit,苏州,,2015-01,,,\n"
            f"{written},residence,苏州,昆山市,2015-01,,owned,90\n")


@pytest.mark.parametrize("engine", ["columns", "applicants"])
def test_flat_tables_join_and_compare_normalised_ids(tmp_path: Path, engine: str) -> None:
    one, two = an_id("32058219900101001"), an_id("32058219910101003")
    # 'one' appears full-width and in ASCII (a duplicate); 'two' is full-width in the applicants
    # table and ASCII in the periods table: still joined, so scored and admitted.
    (tmp_path / "apps.csv").write_text(APP_HEADER + f"{one},王小明,,昆山\n{one.translate(FULL)},王小明,,昆山\n"
                                       f"{two.translate(FULL)},李雷,,昆山\n", encoding="utf-8")
    (tmp_path / "periods.csv").write_text(PERIOD_HEADER + suzhou_periods(one) + suzhou_periods(two),
                                          encoding="utf-8")
    (tmp_path / "q.toml").write_text('"昆山" = 5\n', encoding="utf-8")
    run = rank(tmp_path, "suzhou", str(tmp_path / "apps.csv"), "--periods", str(tmp_path / "periods.csv"),
               "--as-of", "2021-06-30", "--quota", str(tmp_path / "q.toml"), "--engine", engine)
    assert run.code == 0, run.text
    assert [(e["row"], e["field"]) for e in rows(run.out / "errors.csv")] == [("2", "id"), ("3", "id")]
    results = rows(run.out / "results.csv")
    assert [(r["id"], r["status"]) for r in results if r["id"]] == [(two, "admitted")]
    nothing_personal(run, [one, one.translate(FULL), "王小明"])


def test_both_engines_agree_on_ids_byte_for_byte(tmp_path: Path) -> None:
    one = an_id("32058219900101001")
    (tmp_path / "apps.csv").write_text(APP_HEADER + f"{one.lower()},王小明,,昆山\n{an_id('99058219900101001')},甲,,昆山\n"
                                       f"{an_id('32058220300101001')},乙,,昆山\n", encoding="utf-8")
    (tmp_path / "periods.csv").write_text(PERIOD_HEADER + suzhou_periods(one), encoding="utf-8")
    (tmp_path / "q.toml").write_text('"昆山" = 5\n', encoding="utf-8")
    outs = []
    for engine in ("columns", "applicants"):
        run = rank(tmp_path, "suzhou", str(tmp_path / "apps.csv"), "--periods", str(tmp_path / "periods.csv"),
                   "--as-of", "2021-06-30", "--quota", str(tmp_path / "q.toml"), "--engine", engine, out=engine)
        assert run.code == 0, run.text
        # run.json records the engine asked for; every other file must be the same bytes.
        outs.append({p.name: p.read_bytes() for p in run.out.iterdir() if p.name != "run.json"})
    assert outs[0] == outs[1]
    errors = [line.split(b",")[1:3] for line in outs[0]["errors.csv"].splitlines()[1:]]
    # The bad region, then the birth after --as-of; the small x is fine.
    assert errors == [[b"3", b"id"], [b"4", b"id"]]


@st.composite
def written_forms(draw: st.DrawFn) -> tuple[str, str]:
    """A valid ID, and the same ID with each character in ASCII or full width, any case."""
    born = draw(st.dates(dt.date(1900, 1, 1), dt.date(2021, 6, 30)))
    province = draw(st.sampled_from(sorted(idnumber.provinces())))
    number = an_id(f"{province}0105{born:%Y%m%d}{draw(st.integers(0, 999)):03d}")
    chars = [c.translate(FULL) if draw(st.booleans()) else c for c in number]
    if chars[-1] in "XＸ" and draw(st.booleans()):
        chars[-1] = chars[-1].lower()
    return number, "".join(chars)


@given(written_forms())
def test_any_digit_form_or_letter_case_is_the_same_person(pair: tuple[str, str]) -> None:
    number, written = pair
    assert idnumber.validate(written, dt.date(2021, 6, 30)) == number
    assert idnumber.normalise(written) == idnumber.normalise(number)


@pytest.mark.parametrize("value", [10**19, -1, True, 1.5, [1], {"a": 1}])
def test_an_id_of_the_wrong_type_is_an_error_not_a_traceback(tmp_path: Path, value: object) -> None:
    # (A number too long for json itself to read is the readers' bound, tested with them.)
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": value, "birth": "1990-01"}) + "\n", encoding="utf-8")
    run = rank(tmp_path, "beijing", str(tmp_path / "in.jsonl"), "--as-of", "2021-06-30", "--quota", "1")
    assert run.code == 0 and ("1", "id") in [(e["row"], e["field"]) for e in rows(run.out / "errors.csv")]
