"""Shared by the reliability tests: small valid inputs to break, and the checks every
hostile case must pass (an exit code, no traceback, the file and field named, nothing
personal anywhere but the masked public list)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from pointscalc.cli import main
from pointscalc.fairness import fake_id
from pointscalc.model import Sex

NAMES = ["王小明", "李秀英", "张伟", "刘芳", "陈静", "杨洋"]
IDS = [fake_id(dt.date(1988, 1 + i, 10 + i), Sex.MALE if i % 2 else Sex.FEMALE, i) for i in range(len(NAMES))]
AREAS = ["市区", "昆山"]
DISTRICTS = {"市区": "姑苏区", "昆山": "昆山市"}
AS_OF = "2021-06-30"
QUOTA = '"市区" = 2\n"昆山" = 1\n"常熟" = 1\n"张家港" = 1\n"太仓" = 1\n'


def applicant(i: int) -> dict[str, Any]:
    """A Suzhou applicant: insured since a year that differs per person, so ranks differ."""
    area = AREAS[i % 2]
    return {
        "id": IDS[i], "name": NAMES[i], "birth": f"1988-{1 + i:02d}-{10 + i}",
        "extra": {"target_area": area},
        "periods": [
            {"kind": "social_insurance", "scheme": "urban_employee", "city": "苏州", "start": f"{2010 + i}-03"},
            {"kind": "residence_permit", "city": "苏州", "start": "2015-01"},
            {"kind": "residence", "tenure": "owned", "area": "90.5", "city": "苏州",
             "district": DISTRICTS[area], "start": "2015-01"},
        ],
    }


def jsonl_text() -> str:
    return "".join(json.dumps(applicant(i), ensure_ascii=False) + "\n" for i in range(len(NAMES)))


PERIOD_HEADER = ["id", "kind", "city", "district", "start", "end", "scheme", "tenure", "area"]


def tables_text() -> tuple[str, str]:
    """The same applicants as a flat table and a periods table."""
    apps = ["id,name,birth,target_area"]
    periods = [",".join(PERIOD_HEADER)]
    for i in range(len(NAMES)):
        a = applicant(i)
        apps.append(f"{a['id']},{a['name']},{a['birth']},{a['extra']['target_area']}")
        for p in a["periods"]:
            periods.append(",".join(str(p.get(c, a["id"] if c == "id" else "")) for c in PERIOD_HEADER))
    return "\n".join(apps) + "\n", "\n".join(periods) + "\n"


def write_round(folder: Path, *, jsonl: bool = False) -> list[str]:
    """A valid Suzhou round in ``folder``: the arguments of ``rank`` after the scheme, less --out."""
    (folder / "quota.toml").write_text(QUOTA, encoding="utf-8")
    if jsonl:
        (folder / "people.jsonl").write_text(jsonl_text(), encoding="utf-8")
        return [str(folder / "people.jsonl"), "--as-of", AS_OF, "--quota", str(folder / "quota.toml")]
    apps, periods = tables_text()
    (folder / "people.csv").write_text(apps, encoding="utf-8")
    (folder / "periods.csv").write_text(periods, encoding="utf-8")
    return [str(folder / "people.csv"), "--periods", str(folder / "periods.csv"), "--as-of", AS_OF,
            "--quota", str(folder / "quota.toml")]


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def personal_tokens() -> list[str]:
    return [*IDS, *NAMES]


def assert_clean(result: Result, code: int, *mentions: str, out: Path | None = None) -> None:
    """Exit ``code``; no traceback and no escaped exception; each of ``mentions`` (a file,
    a field) in the messages; no ID or name on either stream or in any file of ``out``
    but the office's full list (results) and the masked public list."""
    text = result.output + (result.stderr if result.stderr_bytes is not None else "")
    assert result.exit_code == code, text
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in text
    assert "defect of pointscalc" not in text, text
    for m in mentions:
        assert m in result.stderr, (m, result.stderr)
    for token in personal_tokens():
        assert token not in text, token
    if out is not None and out.exists():
        for f in out.iterdir():
            if not f.name.startswith(("results.", "public.")):
                data = f.read_bytes()
                assert not any(t.encode() in data for t in personal_tokens()), f.name



EXAMPLE_SCHEME = Path(__file__).resolve().parents[2] / "examples" / "my_city.py"
SCHEME_AS_OF = "2024-06-30"


def scheme_with_rule(folder: Path, body: str) -> Path:
    """The example scheme file (an invented 无锡) with a first condition whose test is a
    ``Check`` running ``body``: a rule a scheme's author wrote, which may be slow or raise."""
    src = EXAMPLE_SCHEME.read_text(encoding="utf-8")
    rule = ("from pointscalc.rules import Check, Outcome\n\n\ndef _hostile(ctx):\n"
            + "".join(f"    {line}\n" for line in body.splitlines()) + "\n\n")
    src = src.replace("ELIGIBILITY = (\n", rule + "ELIGIBILITY = (\n    Condition(key='hostile', label=T('hostile', 'hostile'),"
                      " test=Check(fn=_hostile), citation=art('第三条(一)'), provenance=ASSUMED),\n", 1)
    path = folder / "hostile_city.py"
    path.write_text(src, encoding="utf-8")
    return path


def wuxi_jsonl(folder: Path, copies: int = 1) -> Path:
    """The applicants moved to 无锡, the example scheme's city, ``copies`` times over."""
    lines = []
    for c in range(copies):
        for i in range(len(NAMES)):
            a = applicant(i)
            a.pop("extra")
            a["id"] = fake_id(dt.date.fromisoformat(a["birth"]), Sex.MALE, c * len(NAMES) + i)
            for p in a["periods"]:
                p["city"] = "无锡"
                p.pop("district", None)
            lines.append(json.dumps(a, ensure_ascii=False) + "\n")
    path = folder / "wuxi.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    return path
