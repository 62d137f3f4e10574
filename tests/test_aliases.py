"""Chinese where a user types it (issue 16): field names of a profile and headers of a table,
one table of aliases shared by the reader, the column tables, the schema and the docs; and
"did you mean" for a misspelt field, column or bucket, in both languages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result

from pointscalc import aliases, run
from pointscalc.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "input-format.md"
WHERE = {"": "top level", "education": "`education`", "origin": "`origin`", "family": "`family[]`",
         "records": "`records[]`", "periods": "`periods[]`", "facts": "a scheme's fact"}


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _doc_table() -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## Field names in Chinese", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| where")]


def test_the_docs_table_is_the_alias_table() -> None:
    wanted = [f"| {WHERE[scope]} | `{field}` | {', '.join(names)} |"
              for scope, fields in aliases.FIELDS.items() for field, names in fields.items()]
    assert _doc_table() == wanted


def test_every_column_header_is_in_the_docs() -> None:
    text = DOC.read_text(encoding="utf-8")
    tables = (run.SCORED_COLUMNS, run.APPLICANT_COLUMNS, run.PERIOD_COLUMNS, run.FAMILY_COLUMNS, run.RECORD_COLUMNS)
    missing = {h for t in tables for names in t.values() for h in names if h not in text}
    assert not missing


@pytest.mark.parametrize("scope", list(aliases.FIELDS))
def test_no_name_stands_for_two_fields(scope: str) -> None:
    names = [n for field, more in aliases.FIELDS[scope].items() for n in (field, *more)]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("table", ["APPLICANT_COLUMNS", "PERIOD_COLUMNS", "FAMILY_COLUMNS", "RECORD_COLUMNS",
                                   "SCORED_COLUMNS"])
def test_no_header_stands_for_two_columns(table: str) -> None:
    headers = [h for names in getattr(run, table).values() for h in names]
    assert len(headers) == len(set(headers))


def test_columns_take_the_names_a_profile_takes() -> None:
    # The column 学历 of an applicants table is the field 学历 of a profile's [教育].
    assert run.APPLICANT_COLUMNS["diploma"] == ("diploma", "学历")
    assert run.PERIOD_COLUMNS["start"] == ("start", "开始", "起始年月")


def _score(profile: Path, *extra: str) -> Result:
    return invoke("score", "suzhou", str(profile), "--as-of", "2021-06-30", "--format", "json", *extra)


def test_a_profile_in_chinese_scores_as_the_same_profile_in_english() -> None:
    # tests/data/suzhou-technician-zh.toml is the example written by hand with Chinese keys; the
    # README's table gives the English one 555.00, and both must give the same document.
    chinese = _score(ROOT / "tests/data/suzhou-technician-zh.toml")
    english = _score(ROOT / "examples/suzhou-technician.toml")
    assert chinese.exit_code == 0, chinese.output
    assert chinese.output == english.output
    assert '"total": "555.00"' in chinese.output


def test_chinese_keys_in_json(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"出生年月": "1990-03", "性别": "男",
                                "期间": [{"类型": "社保", "险种": "职工", "城市": "北京", "开始": "2010-01"}]},
                               ensure_ascii=False), encoding="utf-8")
    result = invoke("score", "beijing", str(path), "--as-of", "2021-06-30")
    assert result.exit_code == 0, result.output


def _profile(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_field_under_two_names_is_refused(tmp_path: Path) -> None:
    path = _profile(tmp_path, 'birth = "1990-03"\n出生日期 = "1990-04"\n')
    result = invoke("score", "beijing", str(path), "--as-of", "2021-06-30")
    assert result.exit_code == 1
    assert "birth: is given twice, as birth and as 出生日期: keep one" in result.output


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "perods: unknown field for an applicant (did you mean periods"),
    ("zh", "perods：申请人没有此字段（是否想写 periods"),
])
def test_a_misspelt_field_is_answered_with_the_nearest(tmp_path: Path, lang: str, expected: str) -> None:
    path = _profile(tmp_path, 'birth = "1990-03"\nperods = []\n')
    result = invoke("score", "beijing", str(path), "--as-of", "2021-06-30", "--lang", lang)
    assert result.exit_code == 1
    assert expected in result.output


def test_a_misspelt_chinese_field_is_answered_but_not_repeated(tmp_path: Path) -> None:
    # 学力 for 学历: the key is not ours, so it may be someone's name and is told by its shape.
    path = _profile(tmp_path, 'birth = "1990-03"\n[教育]\n学力 = "本科"\n')
    result = invoke("score", "beijing", str(path), "--as-of", "2021-06-30")
    assert result.exit_code == 1
    assert "(did you mean 学历" in result.output
    assert "学力" not in result.output


def test_a_misspelt_column_is_answered_with_the_nearest(tmp_path: Path) -> None:
    pool = tmp_path / "pool.csv"
    pool.write_text("id,naem,出生日起\n", encoding="utf-8")
    result = invoke("rank", "suzhou", str(pool), "--as-of", "2020-06-30", "--quota", "1", "--out", str(tmp_path / "o"))
    assert result.exit_code == 1
    assert "column 2 (B): the header is not a known column (did you mean name?)" in result.output
    assert "column 3 (C): the header is not a known column (did you mean 出生日期" in result.output


def test_a_table_headed_in_chinese_runs(tmp_path: Path) -> None:
    # Two applicants by hand: 110105194912310021 breaks its check digit (test_input_errors), so
    # row 3 is invalid; row 2 is Beijing's example ID 11010519491231002X.
    pool = tmp_path / "pool.csv"
    pool.write_text("身份证号,姓名,学历\n11010519491231002X,甲,本科\n110105194912310021,乙,本科\n", encoding="utf-8")
    out = tmp_path / "o"
    result = invoke("rank", "suzhou", str(pool), "--as-of", "2020-06-30", "--quota", "1", "--out", str(out))
    assert result.exit_code == 0, result.output
    errors = (out / "errors.csv").read_text(encoding="utf-8-sig")
    assert re.search(r"pool\.csv,3,id,the check digit", errors)


@pytest.mark.parametrize("word", ["open", "开放"])
def test_a_quota_opens_in_either_language(tmp_path: Path, word: str) -> None:
    from pointscalc.quotas import read_quotas

    path = tmp_path / "q.toml"
    path.write_text(f'"市区" = "{word}"\n"昆山" = 3\n', encoding="utf-8")
    assert read_quotas(str(path)).places == {"市区": None, "昆山": 3}


def test_a_broken_toml_is_told_in_chinese_with_its_line_and_column(tmp_path: Path) -> None:
    path = _profile(tmp_path, "birth = \n")
    en = invoke("score", "beijing", str(path), "--as-of", "2021-06-30")
    zh = invoke("score", "beijing", str(path), "--as-of", "2021-06-30", "--lang", "zh")
    # tomllib's own words in English, unchanged; the position is column 9 of line 1 (after "birth = ").
    assert "is not valid TOML: Invalid value (at line 1, column 9)" in en.output
    assert "不是有效的 TOML：无效的值（第 1 行第 9 列）" in zh.output


def test_a_broken_json_is_told_in_chinese_with_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text('{"birth": "1990-01",\n}', encoding="utf-8")
    zh = invoke("score", "beijing", str(path), "--as-of", "2021-06-30", "--lang", "zh")
    # The closing brace on line 2, column 1, where json expects the next key.
    assert zh.exit_code == 1
    assert "不是有效的 JSON：此处应有用双引号括起的键名（第 2 行第 1 列）" in zh.output


def test_a_key_in_a_string_is_not_quoted(tmp_path: Path) -> None:
    # Only a key that starts a line is quoted: a value that looks like one stays as written.
    path = _profile(tmp_path, 'name = "出生日期 = x"\n出生日期 = "1990-03"\n')
    result = invoke("score", "beijing", str(path), "--as-of", "2021-06-30")
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    result = invoke("schema")
    return jsonschema.Draft202012Validator(json.loads(result.output))


def test_the_schema_takes_the_chinese_profile(validator: jsonschema.Draft202012Validator) -> None:
    import tomllib

    from pointscalc.limits import chinese_keys

    text = (ROOT / "tests/data/suzhou-technician-zh.toml").read_text(encoding="utf-8")
    validator.validate(tomllib.loads(chinese_keys(text)))


@pytest.mark.parametrize("profile", [
    {"birth": "1990-01", "出生日期": "1990-01"},                                    # one field, two names
    {"性别": "男"},                                                                # neither birth nor id
    {"出生日期": "1990-01", "期间": [{"类型": "居住", "城市": "苏州", "开始": "2020-01"}]},  # no tenure
    {"出生日期": "1990-01", "教育": {"学力": "本科"}},                                 # not a field
])
def test_the_schema_refuses_what_the_reader_refuses(validator: jsonschema.Draft202012Validator,
                                                    profile: dict[str, object]) -> None:
    assert list(validator.iter_errors(profile))


def test_the_schema_speaks_chinese() -> None:
    zh = json.loads(invoke("schema", "--lang", "zh").output)
    en = json.loads(invoke("schema").output)
    assert zh["title"] == "pointscalc 申请人文件"
    assert zh["properties"].keys() == en["properties"].keys()  # keys are codes, the same in any language
    assert zh["$defs"]["applicant.birth"]["description"] == "YYYY-MM-DD，或只知道月份时写 YYYY-MM；也可写 YYYY年M月D日、YYYY年M月"


@pytest.mark.parametrize(("written", "iso"), [
    ("1990年3月5日", "1990-03-05"), ("1990年03月", "1990-03"), ("2014年3月", "2014-03"),
])
def test_a_date_written_the_chinese_way(tmp_path: Path, validator: jsonschema.Draft202012Validator,
                                        written: str, iso: str) -> None:
    # The same profile with its dates written both ways scores to the same document.
    def profile(birth: str, start: str) -> dict[str, object]:
        return {"birth": birth, "sex": "male",
                "periods": [{"kind": "social_insurance", "scheme": "urban_employee", "city": "北京", "start": start}]}

    outputs = []
    for birth, start in ((written, "2010年1月"), (iso, "2010-01")):
        path = tmp_path / "p.json"
        path.write_text(json.dumps(profile(birth, start), ensure_ascii=False), encoding="utf-8")
        validator.validate(profile(birth, start))
        result = invoke("score", "beijing", str(path), "--as-of", "2021-06-30", "--format", "json")
        assert result.exit_code == 0, result.output
        outputs.append(result.output)
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("written", ["1990年13月", "1990年2月30日", "1990年3月5", "1990-3月"])
def test_a_chinese_date_that_is_no_date_is_refused(tmp_path: Path, written: str) -> None:
    path = _profile(tmp_path, f'birth = "{written}"\n')
    result = invoke("score", "beijing", str(path), "--as-of", "2021-06-30")
    assert result.exit_code == 1
    assert "birth: expected a " in result.output and "from 1900 on, got" in result.output


def test_a_quota_header_near_a_known_one_is_answered(tmp_path: Path) -> None:
    from pointscalc.quotas import QuotaError, read_quotas

    path = tmp_path / "q.csv"
    path.write_text("区域,名额数\n市区,1\n", encoding="utf-8")
    with pytest.raises(QuotaError, match=r"column 2 of the header row is not a quota column \(did you mean 名额\?\)"):
        read_quotas(str(path))


@pytest.mark.parametrize(("cls", "word", "code"), [
    ("Relation", "妻子", "spouse"), ("Relation", "儿子", "child"), ("Relation", "母亲", "parent"),
    ("Sex", "女性", "female"),
])
def test_family_words_an_office_writes(cls: str, word: str, code: str) -> None:
    from pointscalc import model

    assert getattr(model, cls).parse(word).code == code


def test_a_misspelt_choice_is_answered_with_the_nearest(tmp_path: Path) -> None:
    path = _profile(tmp_path, 'birth = "1990-03"\n[[periods]]\nkind = "socal_insurance"\ncity = "北京"\nstart = "2010-01"\n')
    result = invoke("score", "beijing", str(path), "--as-of", "2021-06-30")
    assert result.exit_code == 1
    assert "periods[0].kind: expected one of social_insurance (社会保险)" in result.output
    assert "(did you mean social_insurance or medical_insurance?)" in result.output
    assert "socal" not in result.output  # the value itself is told by its shape


def test_a_fact_described_in_both_languages_is_described_in_the_users() -> None:
    from pointscalc.i18n import using
    from pointscalc.scheme import Fact, Text
    from pointscalc.schema import fact_schema

    fact = Fact("town", Text("the home is in a town", "住所在建制镇"), bool)  # type: ignore[arg-type]
    with using("zh"):
        assert fact_schema(fact)["description"] == "住所在建制镇"
    assert fact_schema(fact)["description"] == "the home is in a town"
