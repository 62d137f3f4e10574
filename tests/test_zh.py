"""Every command, in Chinese: no English prose reaches a user who asked for ``--lang zh``.

What may stay Latin is what a user types or a machine reads: codes (a scheme's key, an
item's key, a field such as ``periods[2].start``, an option such as ``--quota``, a choice
such as ``bachelor``), clause numbers and file names.  Everything else — labels, headers,
statuses, provenance words, notes and every error message — must be Chinese.  A Latin
word outside that list fails the test with the command and the line it stood on.

The catalogue test keeps the other direction: every ``tr("…")`` in the code has a
Chinese form with the same fields, and no entry is left over.
"""

from __future__ import annotations

import ast
import csv
import json
import re
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner

from pointscalc import model, registry
from pointscalc.ranking import Status
from pointscalc.scheme import Provenance, Ties, Version
from pointscalc.cli import main
from pointscalc.idnumber import check_digit
from pointscalc.zh import CLICK, MESSAGES

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

# Names, formats and units a Chinese text uses as they are.
PROPER = {"ID", "CSV", "JSON", "TOML", "HTML", "Parquet", "Dask", "xlsx", "csv", "json", "toml", "html", "parquet",
          "PNG", "png", "UTF", "BOM", "Excel", "pointscalc", "Hypothesis", "hypothesis", "matplotlib", "pyarrow",
          "Ctrl", "SIGTERM", "SIGHUP", "SIGINT", "YYYY", "MM", "DD", "pip", "python", "http", "https", "Python",
          "Material", "mkdocs", "docs", "md", "GiB", "MiB", "KiB", "CPU", "py", "jsonl", "tsv", "sha256", "SHA",
          "MA", "pp", "vs", "id", "true", "false", "null", "NaN", "Lines", "Schema", "charts", "dask",
          "open",  # a quota of no limit, as a quota file writes it
          "Arrow",  # Apache Arrow, the columns engine's reader, named in its fallback note
          "perods"}  # the corpus's misspelt field, echoed as the field's name (a code the user typed)


def _walk(obj: Any, seen: set[int], out: set[str]) -> None:
    if id(obj) in seen or isinstance(obj, (int, float, bytes)) or obj is None:
        return
    seen.add(id(obj))
    if isinstance(obj, str):
        return
    if isinstance(obj, dict):
        for k, v in obj.items():
            if isinstance(k, str):
                out.add(k)
            _walk(v, seen, out)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for v in obj:
            _walk(v, seen, out)
    elif attrs.has(type(obj)):
        for f in attrs.fields(type(obj)):
            v = getattr(obj, f.name)
            if f.name in ("key", "name", "id", "code", "label_code", "city", "version") and isinstance(v, str):
                out.add(v)
            if isinstance(v, tuple) and f.name in ("buckets", "partners"):
                out.update(x for x in v if isinstance(x, str))
            _walk(v, seen, out)


def _command_words(cmd: Any) -> set[str]:
    """Command names and the choices an option takes (``--engine dask``, ``--lang zh``)."""
    import click

    out = {cmd.name or ""}
    for p in cmd.params:
        if isinstance(p.type, click.Choice):
            out.update(str(c) for c in p.type.choices)
    for sub in getattr(cmd, "commands", {}).values():
        out |= _command_words(sub)
    return out


def _codes() -> set[str]:
    """Every word a user may type or a machine reads, from the code itself: scheme keys,
    version labels, round ids, item, condition, channel and parameter keys, fact and field
    names, column names, choices."""
    from pointscalc import outcomes, reading, reform, run

    out: set[str] = set(registry.shipped_names())
    for name in registry.shipped_names():
        scheme = registry.load(name)
        out.update(scheme.key.split("_"))
        _walk(scheme, set(), out)
    for cls in vars(model).values():
        if isinstance(cls, type) and issubclass(cls, model.Choice) and cls is not model.Choice:
            for m in cls:
                out.update(a for a in m.aliases if a.isascii())
    for table in (run.SCORED_COLUMNS, run.APPLICANT_COLUMNS, run.PERIOD_COLUMNS, run.FAMILY_COLUMNS,
                  run.RECORD_COLUMNS):
        for aliases in table.values():
            out.update(a for a in aliases if a.isascii())
    out.update(reading.TOP_LEVEL)
    out.update(_command_words(main))
    out.update(p.value for p in Provenance)
    # Code values of the machine tables a user reads back or types in a quota file.
    out.update([run.DEFAULT_BUCKET, *(s.value for s in Status), *(t.value for t in Ties)])
    out.update(main.commands)  # command names, as typed
    out.update(outcomes.VERDICTS)  # audit --pool's verdicts, codes in its JSON
    # A reform file's keys: its own and the version's fields it changes.
    out.update([*reform.META, *(f.name for f in attrs.fields(Version))])
    words: set[str] = set()
    for code in out:
        words.update(w for w in re.split(r"[^A-Za-z]+", code) if w)
    return words | PROPER


# A Latin word standing alone: not part of a path, an option, a snake_case code, a field path
# (``items[social_insurance]``) or a number, nor a value quoted as the user typed it ('beijng').
WORD = re.compile(r"(?<![\w./\\\-\[@$%{'])[A-Za-z]{2,}(?![\w/\\\-\[\]\('])(?!\.[A-Za-z0-9])(?!://)")


CODE_SPAN = re.compile(r"`[^`\n]+`")
"""Text in backticks is code by our texts' own convention: `pointscalc lint anyang`."""


def english(text: str, codes: set[str]) -> list[str]:
    """Lines of ``text`` holding a Latin word that is not a code."""
    bad = []
    for line in text.splitlines():
        line = CODE_SPAN.sub("", line)
        # An all-capital word is a metavar (SCHEME, OPTIONS) or an acronym, not prose.
        words = [w for w in WORD.findall(line) if w not in codes and not w.isupper()]
        if words:
            bad.append(f"{' '.join(words)!s:40.40}  ← {line.strip()[:160]}")
    return bad


def _ident(region: str, birth: str, serial: int) -> str:
    first17 = f"{region}{birth}{serial:03d}"
    return first17 + check_digit(first17)


def _files(tmp: Path) -> dict[str, str]:
    """A small Suzhou pool (three people, one ineligible) and broken inputs of every kind."""
    a, b, c = _ident("320102", "19900101", 1), _ident("410102", "19900101", 3), _ident("410102", "19850101", 5)
    pool = tmp / "pool.csv"
    with pool.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "birth", "diploma"])
        w.writerows([[a, "甲某", "1990-01-01", "bachelor"], [b, "乙某", "1990-01-01", "junior_college"],
                     [c, "丙某", "1985-01-01", "secondary"], [b[:-1] + "0", "丁某", "199x-01-01", "phd"]])
    periods = tmp / "periods.csv"
    with periods.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "kind", "city", "district", "start", "end", "scheme", "tenure", "area"])
        for who, start, permit in ((a, "2016-07", True), (b, "2015-09", True), (c, "2010-01", False)):
            w.writerow([who, "social_insurance", "苏州", "苏州工业园区", start, "", "urban_employee", "", ""])
            w.writerow([who, "residence", "苏州", "吴中区", start, "", "", "rented", "60"])
            if permit:
                w.writerow([who, "residence_permit", "苏州", "苏州工业园区", start, "", "", "", ""])
    quota = tmp / "quota.toml"
    quota.write_text("\"苏州工业园区\" = 1\n", encoding="utf-8")
    badquota = tmp / "badquota.csv"
    badquota.write_text("区域,名额\n苏州工业园,1x\n", encoding="utf-8")
    badheader = tmp / "badheader.csv"
    badheader.write_text("id,naem,brith\n1,2,3\n", encoding="utf-8")
    badtoml = tmp / "bad.toml"
    badtoml.write_text('birth = "1990-13"\nsex = "m"\nperods = []\n[education]\ndiploma = "doctor"\n', encoding="utf-8")
    broken = tmp / "broken.toml"
    broken.write_text("birth = \n", encoding="utf-8")
    reform = tmp / "reform.toml"
    reform.write_text('scheme = "suzhou"\nversion = "2016"\ntitle = "t"\n[items.nosuch]\npoints = 1\n', encoding="utf-8")
    return {k: str(v) for k, v in locals().items() if isinstance(v, Path) and k != "tmp"}


def _commands(f: dict[str, str], out: Path) -> Iterator[tuple[str, list[str]]]:
    ex = str(EXAMPLES)
    yield "schemes", ["schemes"]
    for name in registry.shipped_names():
        yield f"show {name}", ["show", name]
        yield f"recognition {name}", ["recognition", name, "--as-of", "2021-06-30"]
    yield "show reform", ["show", "beijing", "--reform", f"{ex}/reforms/beijing-tax-cap.toml"]
    yield "score", ["score", "beijing", f"{ex}/beijing-engineer.toml", "--as-of", "2021-06-30"]
    yield "score json", ["score", "beijing", f"{ex}/beijing-engineer.toml", "--as-of", "2021-06-30", "--format", "json"]
    yield "score round", ["score", "beijing", f"{ex}/beijing-engineer.toml", "--round", "2020"]
    yield "score ineligible", ["score", "beijing", f"{ex}/beijing-ineligible.toml", "--as-of", "2021-06-30"]
    yield "score suzhou", ["score", "suzhou", f"{ex}/suzhou-technician.toml", "--as-of", "2021-06-30"]
    yield "score nanjing", ["score", "nanjing", f"{ex}/nanjing-outer-district.toml", "--as-of", "2021-06-30"]
    yield "score shaoguan", ["score", "shaoguan", f"{ex}/migrant-worker.toml", "--as-of", "2019-06-30"]
    yield "check", ["check", f"{ex}/nantong-renter-family.toml", "--as-of", "2021-06-30", "--plan"]
    yield "check migrant", ["check", f"{ex}/migrant-worker.toml", "--as-of", "2019-06-30"]
    yield "plan", ["plan", "beijing", f"{ex}/beijing-engineer.toml", "--as-of", "2021-06-30"]
    yield "plan backtest", ["plan", "beijing", "--backtest"]
    yield "lint", ["lint"]
    yield "audit", ["audit", "suzhou", "--as-of", "2021-06-30", "--examples", "5"]
    yield "recognition", ["recognition"]
    yield "schema", ["schema"]
    yield "rank", ["rank", "suzhou", f["pool"], "--periods", f["periods"], "--as-of", "2020-06-30",
                   "--quota", "1", "--out", str(out / "rank"), "--xlsx"]
    yield "verify", ["verify", str(out / "rank")]
    yield "rank scored", ["rank", "beijing", str(ROOT / "tests/data/beijing-2021-published.csv"), "--scored",
                          "--quota", "6000", "--as-of", "2021-06-30", "--out", str(out / "scored")]
    yield "compare", ["compare", "suzhou", f["pool"], "--periods", f["periods"], "--as-of", "2020-06-30",
                      "--quota", "1", "--against", "2016", "--out", str(out / "cmp"), "--no-report"]
    # Mistakes a user makes, each of which must be explained in Chinese.
    yield "unknown scheme", ["score", "beijng", f"{ex}/beijing-engineer.toml", "--as-of", "2021-06-30"]
    yield "bad date", ["score", "beijing", f"{ex}/beijing-engineer.toml", "--as-of", "2021-02-30"]
    yield "no such file", ["score", "beijing", "nosuch.toml", "--as-of", "2021-06-30"]
    yield "bad profile", ["score", "beijing", f["badtoml"], "--as-of", "2021-06-30"]
    yield "broken toml", ["score", "beijing", f["broken"], "--as-of", "2021-06-30"]
    yield "bad json", ["score", "beijing", str(ROOT / "docs/examples/bad.json"), "--as-of", "2021-06-30"]
    yield "missing option", ["rank", "suzhou", f["pool"], "--as-of", "2020-06-30", "--out", str(out / "x")]
    yield "no such option", ["score", "beijing", "--nosuch"]
    yield "quota file", ["rank", "suzhou", f["pool"], "--periods", f["periods"], "--as-of", "2020-06-30",
                         "--quota", f["quota"], "--out", str(out / "qf")]
    yield "bad quota", ["rank", "suzhou", f["pool"], "--periods", f["periods"], "--as-of", "2020-06-30",
                        "--quota", f["badquota"], "--out", str(out / "bq")]
    yield "bad header", ["rank", "suzhou", f["badheader"], "--as-of", "2020-06-30", "--quota", "1",
                         "--out", str(out / "bh")]
    yield "bad reform", ["show", "suzhou", "--reform", f["reform"]]
    yield "stale", ["score", "beijing", f"{ex}/beijing-engineer.toml", "--as-of", "1990-06-30"]
    yield "bad round", ["score", "beijing", f"{ex}/beijing-engineer.toml", "--round", "1999"]
    # The analysts' commands: an audit of a small pool, plan and check --plan as JSON, lint of one scheme.
    yield "audit pool", ["audit", "suzhou", "--as-of", "2020-06-30", "--pool", f["pool"], "--periods", f["periods"],
                         "--quota", "1", "--min-group", "1", "--outcomes-only"]
    yield "audit pool json", ["audit", "suzhou", "--as-of", "2020-06-30", "--pool", f["pool"], "--periods",
                              f["periods"], "--quota", "1", "--outcomes-only", "--format", "json"]
    yield "plan json", ["plan", "beijing", f"{ex}/beijing-engineer.toml", "--as-of", "2021-06-30", "--format", "json"]
    yield "lint one", ["lint", "anyang"]
    yield "check plan json", ["check", f"{ex}/nantong-renter-family.toml", "--as-of", "2021-06-30", "--plan",
                              "--format", "json"]
    yield "audit beijing", ["audit", "beijing", "--as-of", "2021-06-30", "--examples", "5", "--only", "age_blind",
                            "--only", "bounds", "--only", "rank_quota"]
    yield "audit json", ["audit", "nantong", "--as-of", "2021-06-30", "--examples", "5", "--format", "json",
                         "--only", "anonymity", "--only", "bounds", "--only", "recognition"]
    yield "verify no record", ["verify", str(out / "nosuch")]
    yield "rank strict", ["rank", "suzhou", f["pool"], "--periods", f["periods"], "--as-of", "2020-06-30",
                          "--quota", "1", "--out", str(out / "strict"), "--strict"]
    yield "out is a file", ["rank", "suzhou", f["pool"], "--periods", f["periods"], "--as-of", "2020-06-30",
                            "--quota", "1", "--out", f["quota"]]
    yield "compare no alternative", ["compare", "suzhou", f["pool"], "--periods", f["periods"], "--as-of",
                                     "2020-06-30", "--quota", "1", "--out", str(out / "cmp2"), "--no-report"]
    yield "compare json", ["compare", "suzhou", f["pool"], "--periods", f["periods"], "--as-of", "2020-06-30",
                           "--quota", "1", "--against", "2016", "--out", str(out / "cmp3"), "--no-report",
                           "--format", "json"]
    yield "compare dask options", ["compare", "suzhou", f["pool"], "--periods", f["periods"], "--as-of", "2020-06-30",
                                   "--quota", "1", "--against", "2016", "--out", str(out / "cd"), "--no-report",
                                   "--engine", "dask", "--jobs", "2"]
    # Input in Chinese, and input errors of every kind of file (reading, limits, columns, quotas, tables).
    tmp = out.parent
    yield "score chinese keys", ["score", "suzhou", str(ROOT / "tests/data/suzhou-technician-zh.toml"),
                                 "--as-of", "2021-06-30"]
    zhbad = tmp / "zhbad.toml"
    zhbad.write_text('birth = "1990-03"\n出生日期 = "1990-03"\n[教育]\n学力 = "本科"\n[[期间]]\n类型 = "居住"\n'
                     '城市 = "苏州"\n开始 = "2020-01"\n面积 = 0\n', encoding="utf-8")
    yield "bad chinese keys", ["score", "suzhou", str(zhbad), "--as-of", "2021-06-30"]
    jsonl = tmp / "pool.jsonl"
    jsonl.write_text('{"birth": "1990-01",\n{"id": 12, "birth": true}\n{"birth": "1990-01", "birth": "1990-02"}\n'
                     '[1]\n{"id": "110105194912310021", "periods": {"kind": "x"}}\n{"birth": "1e999999"}\n',
                     encoding="utf-8")
    yield "bad jsonl", ["rank", "suzhou", str(jsonl), "--as-of", "2020-06-30", "--quota", "1",
                        "--out", str(out / "jl")]
    ragged = tmp / "ragged.csv"
    ragged.write_text("身份证号,姓名,学历,性别\n1,2\n11010519491231002X,甲,本科,男,多\n,乙,博士后,x\n", encoding="utf-8")
    yield "bad csv rows", ["rank", "suzhou", str(ragged), "--as-of", "2020-06-30", "--quota", "1",
                           "--out", str(out / "rg")]
    yield "bad csv engine", ["rank", "suzhou", str(ragged), "--as-of", "2020-06-30", "--quota", "1",
                             "--out", str(out / "rc"), "--engine", "columns"]
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "name", "学历"])
    sheet.append(["11010519491231002X", "=A1", None, "beyond"])
    book.save(tmp / "bad.xlsx")
    yield "bad xlsx", ["rank", "suzhou", str(tmp / "bad.xlsx"), "--as-of", "2020-06-30", "--quota", "1",
                       "--out", str(out / "bx")]
    (tmp / "notxlsx.xlsx").write_text("x", encoding="utf-8")
    yield "broken xlsx", ["rank", "suzhou", str(tmp / "notxlsx.xlsx"), "--as-of", "2020-06-30", "--quota", "1",
                          "--out", str(out / "nx")]
    for name, text in (("q1.csv", "bucket\n市区\n"), ("q2.csv", "区域,名额\n"), ("q3.toml", '"市区" = [1]\n'),
                       ("q4.csv", "区域,名额\n市区,\n"), ("q5.toml", "")):
        (tmp / name).write_text(text, encoding="utf-8")
        yield f"bad quota {name}", ["rank", "suzhou", f["pool"], "--periods", f["periods"], "--as-of", "2020-06-30",
                                    "--quota", str(tmp / name), "--out", str(out / name)]
    yield "quota by number with buckets", ["rank", "suzhou", f["pool"], "--periods", f["periods"],
                                           "--as-of", "2021-06-30", "--quota", "5", "--out", str(out / "qn")]
    gbk = tmp / "notext.toml"
    gbk.write_bytes(b"\xff\xfe\x00")
    yield "not utf-8", ["score", "beijing", str(gbk), "--as-of", "2021-06-30"]
    yield "not a profile", ["score", "beijing", str(ragged), "--as-of", "2021-06-30"]
    yield "show scheme file", ["show", f"{ex}/my_city.py"]
    yield "recognition explored", ["recognition", "--as-of", "2021-06-30", "--include-explored"]


def _code_values() -> set[str]:
    """Whole JSON values that are codes (``"answer": "never"``): allowed as a value, not as a
    word of prose."""
    from pointscalc import crosscheck, fairness, outcomes, plan

    return {*(o.value for o in crosscheck.Outcome), *plan.ANSWERS, *plan.LINES, *fairness.STATUSES, *outcomes.VERDICTS,
            *fairness.PROPERTIES}


def _input_codes() -> set[str]:
    """JSON Schema's type names in what `pointscalc schema` prints, and the codes of records'
    attributes (`provincial`, `credit`) in its enums: codes."""
    from pointscalc import reading

    return {"object", "string", "number", "integer", "boolean", "array",
            *(w for code in reading.RECORD_CODES for w in code.split("_"))}


PROPER.update(_input_codes())


def _json_prose(text: str) -> str:
    """The string values of a JSON document, one per line: its keys are codes, and so are some
    whole values."""
    try:
        doc = json.loads(text)
    except ValueError:
        return text
    lines: list[str] = []
    codes = _code_values()

    def walk(x: Any) -> None:
        if isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
        elif isinstance(x, str) and x not in codes:
            lines.append(x)

    walk(doc)
    return "\n".join(lines)


def _outputs(folder: Path) -> Iterator[tuple[str, str]]:
    for p in sorted(folder.rglob("*")):
        if p.name == "errors.csv":  # its header is codes (file,row,field,message); its messages are prose
            yield p.name, p.read_text(encoding="utf-8-sig").split("\n", 1)[1]
        elif p.suffix in (".csv", ".txt", ".md"):
            yield p.name, p.read_text(encoding="utf-8-sig")
        elif p.suffix == ".json" and p.name != "run.json":
            yield p.name, _json_prose(p.read_text(encoding="utf-8"))


MACHINE_TABLES = ("results.csv", "summary.csv", "buckets.csv", "changes.csv", "groups.csv", "transitions.csv")
"""Tables for other systems: code headers and code values (``admitted``), the same in any
language (docs/running-a-round.md); the workbook and public.csv are for people."""


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, int, str]]:
    tmp = tmp_path_factory.mktemp("zh")
    files = _files(tmp)
    out = tmp / "out"
    out.mkdir()
    done = []
    for name, args in _commands(files, out):
        r = CliRunner().invoke(main, [*args, "--lang", "zh"], prog_name="pointscalc", catch_exceptions=False)
        done.append((name, r.exit_code, _json_prose(r.stdout) + "\n" + r.stderr))
    for folder in sorted(p for p in out.iterdir() if p.is_dir()):
        for fname, text in _outputs(folder):
            if fname in MACHINE_TABLES:
                continue
            done.append((f"{folder.name}/{fname}", 0, text))
    return done


def test_every_command_speaks_chinese(runs: list[tuple[str, int, str]]) -> None:
    codes = _codes()
    report = []
    for name, code, text in runs:
        bad = english(text, codes)
        if bad:
            report.append(f"## {name} (exit {code}): {len(bad)} lines\n" + "\n".join(bad[:15]))
    assert not report, "\n".join(report)


def test_the_commands_ran(runs: list[tuple[str, int, str]]) -> None:
    """The corpus exercises what it means to: the good commands succeed, the mistakes are
    reported as mistakes (1) or misuse (2), and nothing crashed."""
    codes = dict((n, c) for n, c, _ in runs)
    for ok in ("schemes", "score", "score json", "check", "plan", "lint", "schema", "rank", "verify", "compare"):
        assert codes[ok] == 0, ok
    for bad in ("bad profile", "broken toml", "bad json", "bad quota", "bad header", "bad reform"):
        assert codes[bad] == 1, bad
    for usage in ("unknown scheme", "bad date", "missing option", "no such option"):
        assert codes[usage] == 2, usage


def test_the_checker_sees_english() -> None:
    """The checker fails what it should: a test that cannot fail proves nothing."""
    codes = _codes()
    assert english("错误：expected a date", codes)
    assert english("版本 2020 · valid 2020-01-01", codes)
    assert not english("错误：pool.csv，第 3 行：periods[2].start：应为日期", codes)
    assert not english("北京 (beijing) · 条款 京政办发〔2020〕9号 --quota bachelor", codes)
    assert not english("错误：没有名为 'beijng' 的方案", codes)
    assert english("错误：'beijng' is not a scheme", codes)
    assert not english("由 `pointscalc lint anyang` 检查", codes)
    assert english("由 `pointscalc lint anyang` checked", codes)


def _templates() -> Iterator[tuple[str, str]]:
    for path in sorted([*(ROOT / "pointscalc").glob("*.py"), *(ROOT / "schemes").glob("*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("tr", "N_")
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                yield f"{path.name}:{node.lineno}", node.args[0].value


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f is not None}


def test_every_message_has_its_chinese_form() -> None:
    used = dict((t, where) for where, t in _templates())
    missing = [f"{where}: {t!r}" for t, where in used.items() if t not in MESSAGES]
    assert not missing, "no Chinese form for:\n" + "\n".join(missing)
    unused = [t for t in MESSAGES if t not in used]
    assert not unused, "catalogue entries nothing uses:\n" + "\n".join(map(repr, unused))


@pytest.mark.parametrize("catalogue", [MESSAGES, CLICK], ids=["ours", "click"])
def test_the_chinese_form_has_the_same_fields(catalogue: dict[str, str]) -> None:
    wrong = [(en, zh) for en, zh in catalogue.items() if _fields(en) != _fields(zh)]
    assert not wrong


def test_no_message_is_in_the_catalogue_twice() -> None:
    """A dict literal keeps the last of two equal keys without a word: two translations of
    one message would silently disagree."""
    tree = ast.parse((ROOT / "pointscalc" / "zh.py").read_text(encoding="utf-8"))
    twice = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            seen: dict[object, int] = {}
            for k in node.keys:
                if isinstance(k, ast.Constant):
                    if k.value in seen:
                        twice.append(f"line {k.lineno} (first at {seen[k.value]}): {k.value!r}")
                    seen.setdefault(k.value, k.lineno)
    assert not twice, "\n".join(twice)
