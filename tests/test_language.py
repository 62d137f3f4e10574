"""How the language is chosen: ``--lang`` on the command, else ``POINTSCALC_LANG``, else
English; a choice never outlives the command that made it."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from pointscalc import i18n
from pointscalc.cli import main
from pointscalc.zh import HELP
from tests.test_zh import _codes, english

EXAMPLE = str(Path(__file__).resolve().parent.parent / "examples" / "beijing-engineer.toml")
SCORE = ["score", "beijing", EXAMPLE, "--as-of", "2021-06-30"]


def run(args: list[str], env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, args, env=env or {}, prog_name="pointscalc", catch_exceptions=False)


def test_the_environment_gives_the_default() -> None:
    # 总积分 is the Chinese header of the total line (report's word table); "Total" the English.
    zh = run(SCORE, env={i18n.ENV: "zh"})
    assert zh.exit_code == 0 and "总积分" in zh.stdout and "Total" not in zh.stdout


def test_the_option_wins_over_the_environment() -> None:
    en = run([*SCORE, "--lang", "en"], env={i18n.ENV: "zh"})
    assert en.exit_code == 0 and "Total" in en.stdout and "总积分" not in en.stdout


def test_an_unknown_language_is_a_usage_error() -> None:
    bad = run(SCORE, env={i18n.ENV: "fr"})
    assert bad.exit_code == 2 and "POINTSCALC_LANG" in bad.stderr and "'fr'" in bad.stderr
    assert run([*SCORE, "--lang", "fr"]).exit_code == 2


def test_a_parse_error_is_reported_in_the_language_asked_for() -> None:
    # The option is read before click parses, so even a misspelt option is explained in Chinese.
    r = run(["score", "beijing", "--lang", "zh", "--nosuch"])
    assert r.exit_code == 2 and "没有选项" in r.stderr and "No such option" not in r.stderr
    r = run(["nosuch"], env={i18n.ENV: "zh"})
    assert r.exit_code == 2 and "没有命令" in r.stderr


def test_the_option_before_the_command_wins_over_the_environment() -> None:
    before = run(["--lang", "en", *SCORE], env={i18n.ENV: "zh"})
    assert before.exit_code == 0 and "Total" in before.stdout and "总积分" not in before.stdout
    zh = run(["--lang", "zh", *SCORE], env={i18n.ENV: "en"})
    assert zh.exit_code == 0 and "总积分" in zh.stdout


def test_a_choice_does_not_outlive_its_command() -> None:
    assert run([*SCORE, "--lang", "zh"]).exit_code == 0
    again = run(SCORE)
    assert "Total" in again.stdout and "总积分" not in again.stdout
    r = run(["score", "beijing", "--nosuch"])
    assert "No such option" in r.stderr


def test_using_restores_the_language() -> None:
    with i18n.using("zh"):
        assert i18n.tr("official") == "官方"
        with i18n.using("en"):
            assert i18n.tr("official") == "official"
        assert i18n.tr("official") == "官方"
    assert i18n.current() == "en"


def _helped() -> list[tuple[str, Any]]:
    import click

    out: list[tuple[str, Any]] = []
    stack: list[tuple[str, Any]] = [("pointscalc", main)]
    while stack:
        path, cmd = stack.pop()
        out.append((path, cmd))
        if isinstance(cmd, click.Group):
            stack.extend((f"{path} {name}", c) for name, c in cmd.commands.items())
    return out


def test_every_help_text_has_its_chinese_form() -> None:
    missing = []
    for path, cmd in _helped():
        for obj in (cmd, *cmd.params):
            english = obj.__dict__.get("_english_help", getattr(obj, "help", None))
            if english and inspect.cleandoc(english) not in HELP:
                missing.append(f"{path} {getattr(obj, 'name', '')}: {english[:60]!r}")
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("path", [p for p, _ in _helped()])
def test_help_in_chinese(path: str) -> None:
    words = path.split()[1:]
    r = run([*words, "--help"], env={i18n.ENV: "zh"})
    assert r.exit_code == 0 and "用法" in r.stdout
    assert not english(r.stdout, _codes()), english(r.stdout, _codes())
    # and back: the English help is whole again for the next command
    assert "Usage:" in run([*words, "--help"]).stdout


def test_chinese_help_never_breaks_a_command_in_backticks() -> None:
    from pointscalc.i18n import fold

    # The --round help: at every width, `pointscalc show` stands whole on one line.
    english = next(p.__dict__.get("_english_help", p.help) for p in main.commands["score"].params if p.name == "round_id")
    text = HELP[inspect.cleandoc(english)]
    for width in range(20, 80):
        lines = fold(text, width)
        assert any("`pointscalc show`" in line for line in lines), (width, lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_a_quota_file_that_is_not_there_is_said_so(tmp_path: Path) -> None:
    from pointscalc.quotas import QuotaError, read_quotas

    with pytest.raises(QuotaError, match="no such file"):
        read_quotas(str(tmp_path / "quota-2021.toml"))
    with i18n.using("zh"), pytest.raises(QuotaError, match="文件不存在"):
        read_quotas(str(tmp_path / "名额.csv"))
    with pytest.raises(QuotaError, match="neither"):
        read_quotas("6,000")


def test_a_group_value_reads_in_chinese_and_stays_a_code_in_english() -> None:
    from pointscalc import groups

    # 本科 and 女 are the words of the policy tables and ID cards for these codes.
    with i18n.using("zh"):
        assert (groups.shown("bachelor"), groups.shown("female"), groups.shown("江苏")) == ("本科", "女", "江苏")
    assert groups.shown("bachelor") == "bachelor"


def test_rules_applied_past_their_end_are_said_to_be_a_what_if() -> None:
    # Shaoguan's 2017 notice (韶府办〔2017〕37号) is modelled as valid until 2020-10-24 (show
    # shaoguan); on 2023-06-30 it applies only under --allow-stale, and both commands say so.
    migrant = str(Path(EXAMPLE).parent / "migrant-worker.toml")
    for args in (["score", "shaoguan", migrant], ["check", migrant]):
        r = run([*args, "--as-of", "2023-06-30", "--allow-stale"])
        assert r.exit_code == 0 and "not in force on 2023-06-30" in r.stdout and "what-if" in r.stdout, args
        zh = run([*args, "--as-of", "2023-06-30", "--allow-stale", "--lang", "zh"])
        assert "仅为假设推演" in zh.stdout.replace("\n", "").replace(" ", ""), args
    assert "what-if" not in run(["score", "shaoguan", migrant, "--as-of", "2019-06-30"]).stdout


@pytest.mark.parametrize(("body", "where"), [
    # Counted by hand: line 2 of each file, the column in the file as the user wrote it.
    ('姓名 = "张三"\n出生日期 = "1990-03\n', "line 2, column 16"),  # the line end inside the open string
    ('姓名 = "张三"\n性别 = 女\n', "line 2, column 6"),  # 女, a value without quotes
])
def test_a_toml_mistake_in_a_file_with_chinese_keys_is_placed_where_it_is(tmp_path: Path, body: str,
                                                                          where: str) -> None:
    path = tmp_path / "p.toml"
    path.write_text(body, encoding="utf-8")
    r = run(["score", "beijing", str(path), "--as-of", "2021-06-30"])
    assert r.exit_code == 1 and where in r.stderr, r.stderr


def test_a_cutoff_of_another_data_day_is_said_to_be_one() -> None:
    # Beijing's 2021 cutoff (100.88) ranked scores counted to 2019-12-31 (the 2021 round's
    # data day, as `pointscalc show beijing` lists the rounds); a score counted to 2021-06-30
    # is not that comparison, and the output says how to make it.
    r = run(SCORE)
    assert "counted to 2019-12-31" in r.stdout and "--round 2021" in r.stdout
    assert "counted to 2019-12-31; this score" not in run(["score", "beijing", EXAMPLE, "--round", "2021"]).stdout
