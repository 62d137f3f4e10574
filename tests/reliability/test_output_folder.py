"""The output folder is written as a whole: a bad --out is refused before any work, a run
replaces the previous one entirely, and files have normal permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from pointscalc import outdir
from tests.reliability.hostile import assert_clean, invoke, write_round

RUN_FILES = {"errors.csv", "public.csv", "results.csv", "run.json", "summary.csv"}


def _rank(args: list[str], out: str, *extra: str):  # type: ignore[no-untyped-def]
    return invoke("rank", "suzhou", *args, "--out", out, *extra)


@pytest.mark.parametrize(("make", "says"), [
    (lambda t: "", "empty"),
    (lambda t: "/dev/null", "not a folder"),
    (lambda t: str(t / "people.csv" / "out"), "is a file, not a folder"),
    (lambda t: str(t / "people.csv"), "not a folder"),
    (lambda t: (os.symlink(t / "gone", t / "link"), str(t / "link"))[1], "a link to something that does not exist"),
    (lambda t: "/proc/pointscalc-out", "cannot write in /proc"),
])
def test_a_bad_out_is_a_clear_error_before_any_work(tmp_path: Path, make, says: str) -> None:  # type: ignore[no-untyped-def]
    args = write_round(tmp_path)
    before = sorted(os.listdir(tmp_path))
    result = _rank(args, make(tmp_path))
    assert_clean(result, 2, "--out", says)  # a usage error, like any bad option value
    assert "bucket" not in result.output  # no ranking was done
    assert sorted(n for n in os.listdir(tmp_path) if n != "link") == before
    assert Path("").resolve() == Path.cwd()  # and nothing went into the current folder either


def test_a_folder_with_other_files_is_never_replaced(tmp_path: Path) -> None:
    args = write_round(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    (home / "notes.txt").write_text("keep me", encoding="utf-8")
    assert_clean(_rank(args, str(home)), 2, "--out", "notes.txt")
    assert os.listdir(home) == ["notes.txt"]


def test_a_plain_run_after_an_xlsx_run_leaves_no_old_workbook(tmp_path: Path) -> None:
    args = write_round(tmp_path)
    out = tmp_path / "out"
    assert_clean(_rank(args, str(out), "--xlsx"), 0, out=out)
    assert {p.name for p in out.iterdir()} == RUN_FILES | {n.replace(".csv", ".xlsx") for n in RUN_FILES
                                                           if n.endswith(".csv")}
    assert_clean(_rank(args, str(out)), 0, out=out)
    assert {p.name for p in out.iterdir()} == RUN_FILES
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(outdir.STAGING)]


def test_files_and_folder_get_normal_permissions_under_the_umask(tmp_path: Path) -> None:
    args = write_round(tmp_path)
    old = os.umask(0o022)
    try:
        assert_clean(_rank(args, str(tmp_path / "out")), 0)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out").stat().st_mode) == 0o755
    assert {stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "out").iterdir()} == {0o644}


def test_a_link_to_a_folder_is_followed_and_the_link_kept(tmp_path: Path) -> None:
    args = write_round(tmp_path)
    (tmp_path / "real").mkdir()
    os.symlink(tmp_path / "real", tmp_path / "link")
    assert_clean(_rank(args, str(tmp_path / "link")), 0)
    assert (tmp_path / "link").is_symlink()
    assert {p.name for p in (tmp_path / "real").iterdir()} == RUN_FILES


def test_what_a_killed_run_left_is_private_and_cleaned_by_the_next_run(tmp_path: Path) -> None:
    # A kill -9 between writing and the swap leaves the hidden staging folder: it is
    # created 0700 (it holds full IDs and names), and the next run into --out removes it.
    args = write_round(tmp_path)
    staging = Path(outdir.tempfile.mkdtemp(prefix=f"{outdir.STAGING}out-", dir=tmp_path))
    (staging / "results.csv").write_text("leftover", encoding="utf-8")
    assert stat.S_IMODE(staging.stat().st_mode) == 0o700
    assert_clean(_rank(args, str(tmp_path / "out")), 0)
    assert not staging.exists()


def test_a_failed_write_keeps_the_previous_run_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    args = write_round(tmp_path)
    out = tmp_path / "out"
    assert_clean(_rank(args, str(out), "--xlsx"), 0)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    calls = []

    def full_disk(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(outdir.os, "fsync", full_disk)
    result = _rank(args, str(out))
    assert_clean(result, 1, "--out", "no space left on the device", "previous run")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(outdir.STAGING)]


def test_the_swap_without_renameat2_gives_the_same_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Where the C library has no renameat2, two renames do the swap: same end state.
    out = tmp_path / "out"
    outdir.publish(out, {"results.csv": b"old", "public.xlsx": b"old"})

    class NoRenameat2:
        pass

    monkeypatch.setattr(outdir.ctypes, "CDLL", lambda *a, **k: NoRenameat2())
    outdir.publish(out, {"results.csv": b"new"})
    assert {p.name: p.read_bytes() for p in out.iterdir()} == {"results.csv": b"new"}
    assert os.listdir(tmp_path) == ["out"]
