"""The commands in Chinese: what rank, verify and compare print and write under --lang zh,
and what stays the same in any language.

Expected texts are the Chinese of docs/running-a-round.md ("Which outputs follow --lang")
and the workbook headers the --xlsx help states (序号, 姓名, 身份证号, 积分, 区域; 区域,
申请人数, 符合条件人数, 名额, 入围人数, 分数线, 分数线同分人数), written here by hand.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pointscalc import i18n, report
from pointscalc.cli import INTERRUPTED, main
from pointscalc.idnumber import check_digit
from tests.test_compare import A, AS_OF, B, pool
from tests.test_zh import english, _codes

ID = "11010519491231002X"  # GB 11643's example: its check digit is X
OTHER = "11010519491231003" + check_digit("11010519491231003")  # the same region and birth, serial 003


def invoke(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), env=env, prog_name="pointscalc", catch_exceptions=False)


def rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def scored(tmp_path: Path) -> str:
    """Two people and a second row for the first: the repeated ID is a bad row."""
    path = tmp_path / "in.csv"
    path.write_text(f"身份证号,姓名,积分\n{ID},王小明,100\n{OTHER},李雷,90\n{ID},王小明,80\n", encoding="utf-8")
    return str(path)


def rank(tmp_path: Path, out: str, *lang: str):  # type: ignore[no-untyped-def]
    return invoke("rank", "beijing", scored(tmp_path), "--scored", "--as-of", "2021-06-30", "--quota", "1",
                  "--out", str(tmp_path / out), *lang)


def test_rank_speaks_chinese_and_verify_re_runs_in_the_recorded_language(tmp_path: Path) -> None:
    done = rank(tmp_path, "zh", "--lang", "zh")
    assert done.exit_code == 0, done.output
    header, first = done.stdout.splitlines()[:3:2]
    assert header.split() == ["区域", "申请人数", "符合条件人数", "名额", "入围人数", "分数线", "分数线同分人数"]
    # Both rows of the repeated ID are left out: one applicant, eligible, admitted to the one place.
    assert first.split()[:5] == ["all", "1", "1", "1", "1"]
    assert done.stdout.splitlines()[-1] == f"同分处理：全部录取（admit_all）；无效行：2；已写入 {tmp_path / 'zh'}"
    assert done.stderr.startswith("无效：")
    out = tmp_path / "zh"
    # errors.csv: code header, the message in Chinese (the third row repeats the first's ID).
    assert rows(out / "errors.csv") == [["file", "row", "field", "message"],
                                        [str(tmp_path / "in.csv"), "2", "id", "同一申请人身份证号出现在多行"],
                                        [str(tmp_path / "in.csv"), "4", "id", "同一申请人身份证号出现在多行"]]
    assert json.loads((out / "run.json").read_text(encoding="utf-8"))["options"]["lang"] == "zh"
    # verify in English re-runs in Chinese: every byte the same.
    checked = invoke("verify", str(out))
    assert checked.exit_code == 0, checked.output
    assert checked.stdout.splitlines()[-1] == "verified: all 5 files are the same bytes"
    assert invoke("verify", str(out), "--lang", "zh").stdout.splitlines()[-1] == "已核验：全部 5 个文件逐字节相同"


def test_the_machine_tables_and_the_public_list_are_the_same_in_any_language(tmp_path: Path) -> None:
    assert rank(tmp_path, "en").exit_code == 0
    assert rank(tmp_path, "zh", "--lang", "zh").exit_code == 0
    en, zh = tmp_path / "en", tmp_path / "zh"
    for name in ("public.csv", "summary.csv"):
        assert (en / name).read_bytes() == (zh / name).read_bytes(), name
    assert rows(en / "public.csv")[0] == ["序号", "姓名", "身份证号", "积分", "区域"]
    # results.csv: the same but for the prose of its reason column.
    a, b = rows(en / "results.csv"), rows(zh / "results.csv")
    assert [r[:-1] for r in a] == [r[:-1] for r in b]
    assert a[-1][-1] != b[-1][-1] and "同一申请人身份证号出现在多行" in b[-1][-1]
    assert rows(en / "errors.csv")[1][3] == "the same applicant ID appears on more than one row"
    # Each record names its language; one written before the option existed means English.
    assert json.loads((en / "run.json").read_text(encoding="utf-8"))["options"]["lang"] == "en"


def test_compare_prints_chinese_and_writes_codes(tmp_path: Path) -> None:
    apps, periods = pool(tmp_path)
    out = tmp_path / "cmp"
    done = invoke("compare", "suzhou", apps, "--periods", periods, "--as-of", AS_OF, "--quota", "1",
                  "--against", "2016", "--out", str(out), "--lang", "zh")
    assert done.exit_code == 0, done.output
    lines = done.stdout.splitlines()
    assert lines[0] == "之前：2016 版；之后：2016 版"
    assert lines[1].split()[:3] == ["区域", "名额（前）", "名额（后）"]
    # B admitted on both sides, A waitlisted on both, C ineligible on both (tests/test_compare.py).
    moves = lines[lines.index("") + 3: lines.index("") + 6]
    assert [m.split() for m in moves] == [["入围", "入围", "1"], ["候补", "候补", "1"],
                                          ["不符合条件", "不符合条件", "1"]]
    assert lines[-1] == f"入围 1 → 1；新入围 0，不再入围 0；状态或名次变化 0 人；已写入 {out}"
    assert not english(done.stdout, _codes())
    # The tables keep codes; compare.json's group words follow the language, groups.csv's do not.
    assert rows(out / "transitions.csv")[1] == ["admitted", "admitted", "1"]
    groups = {r[1] for r in rows(out / "groups.csv")[1:]}
    assert {"25–34", "35–44"} <= groups  # A and B were born in 1990, C in 1985: 30 and 35 in 2020
    doc = json.loads((out / "compare.json").read_text(encoding="utf-8"))
    assert doc["baseline"] == "2016 版"
    insured = {g["value"] for g in doc["groups"] if g["group"] == "years_insured"}
    assert insured == {"1–4 年", "10 年及以上"}  # full years: A 4 (48 months), B 4 (58), C 10 (126)
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<html lang='zh'>" in html and "各群体的入围率" in html and "<th>申请人数</th>" in html
    # Its prose, without the markup, the style sheet and the embedded charts, is Chinese.
    text = re.sub(r"<[^>]*>", "\n", re.sub(r"<style>.*?</style>|<img [^>]*>", "", html, flags=re.S))
    assert not english(text, _codes())


def test_the_last_net_and_an_interrupt_in_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> str:
        raise RuntimeError("a message that may quote someone's data")

    monkeypatch.delenv("POINTSCALC_DEBUG")
    monkeypatch.setattr(report, "schemes_table", broken)
    done = invoke("schemes", "--lang", "zh")
    assert done.exit_code == 1
    assert done.stderr == ("错误：pointscalc 因意外的 RuntimeError 而停止；未写入任何文件。这是 pointscalc 的缺陷："
                           "请报告所用的命令（不要附上数据）\n")

    def interrupted(*args: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(report, "schemes_table", interrupted)
    done = invoke("schemes", env={"POINTSCALC_LANG": "zh"})
    assert done.exit_code == INTERRUPTED
    assert done.stderr == "已中断：未运行完毕即停止；输出文件夹不会留下写了一半的内容\n"


def test_a_reform_with_two_problems_gives_two_error_lines(tmp_path: Path) -> None:
    path = tmp_path / "reform.toml"
    path.write_text('scheme = "suzhou"\nversion = "2016"\nquota = -1\nremove_items = "age"\n', encoding="utf-8")
    for lang, prefix in (("en", "error: "), ("zh", "错误：")):
        done = invoke("show", "suzhou", "--reform", str(path), "--lang", lang)
        assert done.exit_code == 1
        lines = done.stderr.splitlines()
        assert len(lines) == 2 and all(line.startswith(prefix + str(path)) for line in lines), lines
    assert "remove_items：应为积分项目键的列表" in done.stderr


def test_an_unknown_scheme_in_chinese() -> None:
    done = invoke("score", "beijng", "x.toml", "--as-of", "2021-06-30", "--lang", "zh")
    assert done.exit_code == 2
    assert "没有名为 'beijng' 的方案（是否想写 beijing？）" in done.stderr
    assert "anyang、beijing、nanjing" in done.stderr
    assert not english(done.stderr, _codes())


def test_a_chinese_message_is_also_what_a_library_caller_asks_for() -> None:
    from pointscalc import registry
    from pointscalc.scheme import SchemeError

    for lang, text in (("en", "no scheme named 'x'"), ("zh", "没有名为 'x' 的方案")):
        with i18n.using(lang), pytest.raises(SchemeError, match=text):
            registry.load("x")


def test_ids_and_names_stay_out_of_chinese_messages(tmp_path: Path) -> None:
    done = rank(tmp_path, "zh", "--lang", "zh")
    said = done.stdout + done.stderr + (tmp_path / "zh" / "errors.csv").read_text(encoding="utf-8")
    for secret in (ID, OTHER, "王小明", "李雷", A, B):
        assert secret not in said


def test_every_engine_writes_the_same_bytes_in_chinese(tmp_path: Path) -> None:
    """The reasons of results.csv and the messages of errors.csv are made in the run's
    language by each engine, and in forked workers: the outputs stay the same bytes."""
    apps, periods = pool(tmp_path)
    lines = Path(apps).read_text(encoding="utf-8").splitlines()
    Path(apps).write_text("\n".join([*lines, ",某某,1990-01-01,bachelor"]) + "\n", encoding="utf-8")  # no ID
    outputs = []
    for engine in ("applicants", "columns"):
        for jobs in ("1", "2"):
            out = tmp_path / f"{engine}-{jobs}"
            done = invoke("rank", "suzhou", apps, "--periods", periods, "--as-of", AS_OF, "--quota", "1", "--out",
                          str(out), "--engine", engine, "--jobs", jobs, "--lang", "zh")
            assert done.exit_code == 0, done.output
            outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.name != "run.json"})
    assert all(o == outputs[0] for o in outputs[1:])
    results = rows(tmp_path / "applicants-1" / "results.csv")
    # C has no residence permit (tests/test_compare.py): the condition is named in Chinese.
    [c] = [r for r in results if r[3] == "ineligible"]
    assert c[-1] and not english(c[-1], _codes())
    assert rows(tmp_path / "applicants-1" / "errors.csv")[1][2:] == ["id", "排名运行中必填（身份证号）"]
