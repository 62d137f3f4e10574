"""Interrupted runs: Ctrl-C (SIGINT to the whole process group, as a terminal sends it)
and SIGTERM end a run with one line and exit 130 or 143, workers included, and leave
--out holding exactly one complete run: the previous one.

A slowed writer (POINTSCALC_TEST_SLOW_SWAP, read only between the last file written and
the swap) and a slow scheme rule give the signal a moment to land in."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pointscalc import outdir
from tests.reliability.hostile import (
    SCHEME_AS_OF,
    assert_clean,
    invoke,
    personal_tokens,
    scheme_with_rule,
    write_round,
    wuxi_jsonl,
)

CLI = [sys.executable, "-c", "from pointscalc.cli import main; main()"]


def _start(args: list[str], **env: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([*CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, env={**os.environ, **env})


def _wait_for(check, seconds: float = 30) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < end, "the run never reached the point to interrupt"
        time.sleep(0.02)


def _staged(parent: Path) -> bool:
    return any((p / "run.json").exists() for p in parent.glob(f"{outdir.STAGING}*"))


def _stopped(proc: subprocess.Popen[bytes], sig: int) -> tuple[int, str]:
    os.killpg(proc.pid, sig)  # the whole group, as a terminal's Ctrl-C
    _, err = proc.communicate(timeout=60)
    return proc.returncode, err.decode("utf-8")


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_before_the_swap_leaves_the_previous_run_whole(tmp_path: Path, sig: int, code: int) -> None:
    args = write_round(tmp_path)
    out = tmp_path / "out"
    assert_clean(invoke("rank", "suzhou", *args, "--out", str(out)), 0)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    # The new run also writes workbooks: had it got through, the folder would differ.
    proc = _start(["rank", "suzhou", *args, "--out", str(out), "--xlsx"], POINTSCALC_TEST_SLOW_SWAP="30")
    _wait_for(lambda: _staged(tmp_path))
    returncode, err = _stopped(proc, sig)
    assert returncode == code, err
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(os.listdir(tmp_path)) == sorted(["out", "people.csv", "periods.csv", "quota.toml"])


def test_ctrl_c_with_two_workers_ends_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    # A rule that sleeps 5 ms per applicant: 600 applicants keep two workers busy ~1.5 s.
    scheme = scheme_with_rule(tmp_path, "import time\ntime.sleep(0.005)\nreturn Outcome(True, T('ok', 'ok'))")
    people = wuxi_jsonl(tmp_path, copies=100)
    proc = _start(["rank", str(scheme), str(people), "--as-of", SCHEME_AS_OF, "--quota", "3",
                   "--out", str(tmp_path / "out"), "--jobs", "2"])
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    _wait_for(lambda: len(children.read_text().split()) >= 2)  # both workers are scoring
    returncode, err = _stopped(proc, signal.SIGINT)
    assert returncode == 130, err
    # Beijing's run first says which rule keeps it off the bulk engine; then the one line.
    assert [line for line in err.splitlines() if not line.startswith("engine:")] == [
        "interrupted: stopped before the end; an output folder is never left half-written"]
    assert not (tmp_path / "out").exists()
    assert not list(tmp_path.glob(f"{outdir.STAGING}*"))
    assert not any(t in err for t in personal_tokens())


def test_a_kill_9_leaves_a_private_staging_folder_the_next_run_removes(tmp_path: Path) -> None:
    args = write_round(tmp_path)
    proc = _start(["rank", "suzhou", *args, "--out", str(tmp_path / "out")], POINTSCALC_TEST_SLOW_SWAP="30")
    _wait_for(lambda: _staged(tmp_path))
    returncode, _ = _stopped(proc, signal.SIGKILL)
    assert returncode == -signal.SIGKILL
    (left,) = tmp_path.glob(f"{outdir.STAGING}*")
    assert left.stat().st_mode & 0o077 == 0  # nobody but the owner can read the IDs in it
    assert not (tmp_path / "out").exists()
    assert_clean(invoke("rank", "suzhou", *args, "--out", str(tmp_path / "out")), 0)
    assert not left.exists()
