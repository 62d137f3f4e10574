"""What `show`, `recognition` and `score` say in Chinese, checked against the policy texts.

test_zh.py checks that no English is left; these check that what replaced it says the
same thing as the English and the clause (the expected texts are written from the
clauses, not copied from the code), and that English stays as it was.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from pointscalc import i18n, registry
from pointscalc.cli import main
from pointscalc.scheme import ASSUMED, Fact, Param, SchemeError, Text, Waiver
from schemes import beijing

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_a_rule_is_described_in_the_language_asked_for() -> None:
    # 京政办发〔2016〕39号 第五条(一): 每连续缴纳社会保险满1年积3分, accrued by month in practice,
    # counting continuous urban employee insurance. Issue 16 gives both forms.
    rule = beijing.EMPLOYMENT
    with i18n.using("en"):
        assert rule.describe() == "3 per year, accrued monthly; counts social_insurance, scheme=urban_employee, continuous"
    with i18n.using("zh"):
        assert rule.describe() == "每年 3 分，按月累计；计入 social_insurance, scheme=urban_employee, 连续"


def test_a_level_table_keeps_each_rows_points_with_it() -> None:
    # 第五条(三) (2016): 大学专科（含高职）10.5分 … 研究生学历并取得博士学位37分, the highest only.
    education = beijing.V2017.item("education")
    with i18n.using("zh"):
        text = education.describe()
    assert text.startswith("大学专科（含高职）（10.5 分）；大学本科学历并取得学士学位（15 分）")
    assert text.endswith("研究生学历并取得博士学位（37 分）（以最高为准）")


def test_show_in_chinese_says_who_follows_and_how_ties_go() -> None:
    out = run("show", "beijing", "--as-of", "2021-06-30", "--lang", "zh")
    # 第九条: 符合计划生育政策的未成年子女可以随迁落户；配偶、父母按亲属投靠政策办理.
    assert "积分落户随迁人员：子女（未满18周岁）" in out
    assert "配偶（不随积分落户：按本市现行亲属投靠落户政策办理）" in out
    # Beijing admits everyone tied at the published cutoff (第八条 publishes one 落户分值).
    assert "分数线上同分者：全部录取" in out
    assert "申请条件：" in out and "参数：" in out and "申报批次：" in out
    assert "Who may follow" not in out and "Parameters" not in out


def test_show_in_english_is_unchanged() -> None:
    out = run("show", "beijing", "--as-of", "2021-06-30")
    assert "Who may follow by points: child (under 18) [京政办发〔2016〕39号 第九条]" in out
    assert "Ranking: total desc; ties at the cutoff: admit_all (京政办发〔2016〕39号 第八条)" in out
    assert "validity_end                 None" in out


def test_recognition_in_chinese_names_statuses_in_words() -> None:
    out = run("recognition", "--as-of", "2021-06-30", "--include-explored", "--lang", "zh")
    # 苏府办〔2020〕313号 (六): Suzhou–Nanjing in force; Wuxi and Changzhou only 探索.
    nanjing_row = next(line for line in out.splitlines() if "苏州与南京" in line)
    explored_row = next(line for line in out.splitlines() if "苏锡常" in line)
    assert "有效" in nanjing_row and "居住证、社会保险" in nanjing_row and nanjing_row.rstrip().endswith("是")
    assert "探索中，未实施" in explored_row
    assert "in_force" not in out and "explored" not in out


def test_no_agreements_said_in_chinese() -> None:
    assert run("recognition", "beijing", "--lang", "zh") == "无互认协议\n"
    assert run("recognition", "beijing") == "no recognition agreements\n"


def test_a_scheme_files_plain_note_is_shown_as_written() -> None:
    """A scheme of one's own may write its notes in one language: they show in both."""
    p = Param("x", 1, ASSUMED, "only English here")
    assert p.note == Text("only English here", "only English here")
    assert Fact("f", "说明").description.en == "说明"
    assert Waiver("age_blind", "why", beijing.art("第五条(七)")).reason.zh == "why"
    assert not Param("y", 1, ASSUMED).note  # no note is still no note


def test_version_errors_in_chinese() -> None:
    scheme = registry.load("beijing")
    with i18n.using("zh"), pytest.raises(SchemeError) as e:
        scheme.version_for(dt.date(1990, 6, 30))
    assert str(e.value).startswith("方案 'beijing' 在 1990-06-30 没有有效版本")
    with i18n.using("zh"), pytest.raises(SchemeError, match="没有批次 '1999'"):
        scheme.round_named("1999")


def test_score_in_chinese_uses_full_width_punctuation() -> None:
    out = run("score", "suzhou", str(EXAMPLES / "suzhou-technician.toml"), "--as-of", "2021-06-30", "--lang", "zh")
    # 苏州市流动人口积分管理办法 第二十二条: 其配偶和未成年子女可以随迁.
    assert "随迁家属（积分落户）：" in out and "#1 配偶：可随迁（" in out
    assert "结论：" in out and "（计算至 2021-06-30）" in out
    assert "[计算至" not in out and "结论: " not in out


def test_check_in_chinese_uses_full_width_punctuation() -> None:
    out = run("check", str(EXAMPLES / "nantong-renter-family.toml"), "--as-of", "2021-06-30", "--lang", "zh")
    # 南通 (四): a legal stable residence, rental included, settles the renter directly.
    assert "南通市推动非户籍人口在城市落户（nantong，版本 2020）：可直接落户" in out
    assert "落户途径：合法稳定住所（含租赁）落户（南通2020落户实施意见 (四)）" in out
    assert "最接近的途径：" in out and "最接近的途径: " not in out


@pytest.mark.parametrize("width", range(20, 60))
def test_prose_never_breaks_a_document_number(width: int) -> None:
    from pointscalc.report import wrapped

    line = "直接落户通道：放开落户群体：参军进入城镇人员 — 不满足（安政办〔2018〕19号 二(一)）"
    lines = wrapped(line, "  ", width=width)
    assert any("安政办〔2018〕19号" in x for x in lines), lines
    # Nothing is lost or added but the break points and the indent.
    assert "".join(x.strip() for x in lines).replace(" ", "") == line.replace(" ", "")


@pytest.mark.parametrize("width", range(20, 60))
def test_prose_never_breaks_a_command_in_backticks(width: int) -> None:
    from pointscalc.report import wrapped

    line = "说明：(五)：本地和外地申请人适用相同条件；这里没有任何条件读取户籍来源，由 `pointscalc audit nantong` 检查。"
    assert any("`pointscalc audit nantong`" in x for x in wrapped(line, "  ", width=width))
