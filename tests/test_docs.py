"""The documentation is true when run: generated pages match the code, the site builds strictly,
and every command shown in a docs page runs and exits as the page says.

A runnable example is a line in a fenced code block that starts with ``$ pointscalc`` (the
prompt marks it as something to type).  It runs from a scratch folder that sees the
repository's ``examples``, ``tests`` and ``docs``; it must exit 0, or the code the line ends
with (``# exit 1``).  Lines without the prompt are synopses and are not run.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pointscalc.cli import main

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
_FENCE = re.compile(r"^```")
_EXIT = re.compile(r"#\s*exit\s+(\d+)\s*$")


def examples() -> list[tuple[str, int, str, int]]:
    found = []
    for page in PAGES:
        inside = False
        for n, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            if _FENCE.match(line.strip()):
                inside = not inside
                continue
            text = line.strip()
            if inside and text.startswith("$ pointscalc "):
                wanted = _EXIT.search(text)
                command = _EXIT.sub("", text) if wanted else text.split(" #", 1)[0]
                found.append((str(page.relative_to(ROOT)), n, command[2:].strip(), int(wanted[1]) if wanted else 0))
    return found


def test_generated_pages_match_the_code() -> None:
    # In a fresh interpreter, as a developer runs it: nothing another test set up can leak in.
    done = subprocess.run([sys.executable, "-m", "pointscalc.docgen", "--check"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(("page", "line", "command", "code"), examples(),
                         ids=[f"{p}:{n}" for p, n, _, _ in examples()])
def test_every_command_in_the_docs_runs(page: str, line: int, command: str, code: int, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("examples", "tests", "docs", "benchmarks"):
        (tmp_path / name).symlink_to(ROOT / name)
    monkeypatch.chdir(tmp_path)
    args = shlex.split(command)[1:]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == code, f"{page}:{line}: `{command}` exited {result.exit_code}:\n{result.output}"
    assert "Traceback" not in result.output


@pytest.mark.skipif(shutil.which("mkdocs", path=os.path.dirname(sys.executable)) is None,
                    reason="mkdocs is in the test extra; this interpreter's environment lacks it")
def test_the_site_builds_strictly(tmp_path: Path) -> None:
    mkdocs = shutil.which("mkdocs", path=os.path.dirname(sys.executable))
    assert mkdocs is not None
    done = subprocess.run([mkdocs, "build", "--strict", "--site-dir", str(tmp_path / "site")], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-4000:]
