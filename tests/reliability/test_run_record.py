"""run.json records a run so that anyone can re-check it, and `pointscalc verify` does:
every output the same bytes (exit 0), or each differing file named (exit 1)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

import pointscalc
from tests.reliability.hostile import AS_OF, NAMES, assert_clean, invoke, write_round

ROOT = Path(__file__).resolve().parents[2]


def _run(tmp_path: Path, *extra: str) -> tuple[list[str], Path]:
    args = write_round(tmp_path)
    out = tmp_path / "out"
    assert_clean(invoke("rank", "suzhou", *args, "--out", str(out), *extra), 0, out=out)
    return args, out


def test_the_record_names_scheme_options_inputs_outputs_and_counts(tmp_path: Path) -> None:
    args, out = _run(tmp_path, "--xlsx")
    kept = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert kept["tool"] == {"name": "pointscalc", "version": pointscalc.__version__}
    assert kept["scheme"]["given"] == "suzhou"
    assert kept["scheme"]["sha256"] == hashlib.sha256((ROOT / "schemes" / "suzhou.py").read_bytes()).hexdigest()
    assert kept["as_of"] == AS_OF and kept["options"]["as_of"] == AS_OF
    assert kept["options"]["xlsx"] is True and kept["options"]["jobs"] == 1
    assert kept["quotas"]["buckets"] == {"市区": 2, "昆山": 1, "常熟": 1, "张家港": 1, "太仓": 1}
    # Inputs: hashed here independently; rows counted by hand (six people, three periods each).
    for role, path, rows in (("input", args[0], 6), ("periods", args[2], 18), ("quota", args[-1], None)):
        assert kept["inputs"][role] == {"path": path, "rows": rows,
                                        "sha256": hashlib.sha256(Path(path).read_bytes()).hexdigest()}
    written = {p.name for p in out.iterdir()} - {"run.json"}
    assert set(kept["outputs"]) == written
    for name in written:
        assert kept["outputs"][name]["sha256"] == hashlib.sha256((out / name).read_bytes()).hexdigest()
    assert kept["outputs"]["results.csv"]["rows"] == 6
    # Quotas 2 in 市区 and 1 in 昆山 admit three of the six; no one is invalid here.
    assert sum(kept["counts"].values()) == 6 and kept["counts"]["admitted"] == 3
    text = (out / "run.json").read_text(encoding="utf-8")
    assert not any(n in text for n in NAMES)


def test_the_same_run_gives_the_same_record_bytes(tmp_path: Path) -> None:
    args, out = _run(tmp_path)
    first = (out / "run.json").read_bytes()
    assert_clean(invoke("rank", "suzhou", *args, "--out", str(out)), 0)
    assert (out / "run.json").read_bytes() == first


def test_verify_confirms_an_untouched_run(tmp_path: Path) -> None:
    _, out = _run(tmp_path, "--xlsx")
    result = invoke("verify", str(out))
    assert_clean(result, 0)
    assert "verified: all 9 files are the same bytes" in result.output


def test_verify_names_a_changed_output(tmp_path: Path) -> None:
    _, out = _run(tmp_path)
    public = out / "public.csv"
    public.write_bytes(public.read_bytes().replace(b"\xe5", b"\xe6", 1))  # one byte of one name
    result = invoke("verify", str(out))
    assert_clean(result, 1, "not what the recorded run writes")
    assert "differs: public.csv" in result.output
    assert "same: results.csv" in result.output


def test_verify_names_a_missing_and_an_extra_output(tmp_path: Path) -> None:
    _, out = _run(tmp_path)
    (out / "summary.csv").unlink()
    shutil.copy(out / "errors.csv", out / "errors.xlsx")
    result = invoke("verify", str(out))
    assert_clean(result, 1)
    assert "missing from OUT_DIR: summary.csv" in result.output
    assert "not written by the re-run: errors.xlsx" in result.output


def test_verify_takes_moved_inputs_given_again(tmp_path: Path) -> None:
    args, out = _run(tmp_path)
    moved = tmp_path / "archive"
    moved.mkdir()
    for path in (args[0], args[2], args[-1]):
        shutil.move(path, moved / Path(path).name)
    assert_clean(invoke("verify", str(out)), 1, "INPUT", "give it with --input")
    result = invoke("verify", str(out), *(f"--input={p}" for p in sorted(moved.iterdir())))
    assert_clean(result, 0)


def test_verify_refuses_a_changed_input(tmp_path: Path) -> None:
    args, out = _run(tmp_path)
    Path(args[-1]).write_text('"市区" = 3\n"昆山" = 1\n"常熟" = 1\n"张家港" = 1\n"太仓" = 1\n', encoding="utf-8")
    result = invoke("verify", str(out))
    assert_clean(result, 1, "--quota", "has changed since the run", "nothing was compared")


def test_verify_refuses_a_given_file_that_is_no_input_of_the_run(tmp_path: Path) -> None:
    _, out = _run(tmp_path)
    (tmp_path / "other.csv").write_text("x\n", encoding="utf-8")
    assert_clean(invoke("verify", str(out), "--input", str(tmp_path / "other.csv")), 1,
                 "other.csv: matches no input")


def test_verify_sees_a_changed_scheme_file(tmp_path: Path) -> None:
    args = write_round(tmp_path)
    scheme = tmp_path / "city.py"
    shutil.copy(ROOT / "schemes" / "suzhou.py", scheme)
    out = tmp_path / "out"
    assert_clean(invoke("rank", str(scheme), *args, "--out", str(out)), 0)
    kept = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert kept["scheme"]["sha256"] == hashlib.sha256(scheme.read_bytes()).hexdigest()
    scheme.write_text(scheme.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert_clean(invoke("verify", str(out)), 1, "its file has changed since the run")


@pytest.mark.parametrize("content", [None, b"", b"{", b"[]", b'{"format": 99}', b'{"format": 1}',
                                     b'{"format": 1, "options": {"colour": 1}}', b"\xff\xfe",
                                     b'{"format": 1, "inputs": {}, "scheme": {}, "options": {"scheme": "suzhou",'
                                     b' "input": "x.csv", "as_of": "2021-06-30", "quota": "1", "jobs": "2"}}'])
def test_verify_of_a_folder_without_a_good_record_is_a_clear_error(tmp_path: Path, content: bytes | None) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    if content is not None:
        (folder / "run.json").write_bytes(content)
    assert_clean(invoke("verify", str(folder)), 1, "run.json")


def test_a_strict_run_that_stops_writes_no_record(tmp_path: Path) -> None:
    args = write_round(tmp_path)
    people = Path(args[0])
    people.write_text(people.read_text(encoding="utf-8").replace("1988-02-11", "1988-02-30"), encoding="utf-8")
    result = invoke("rank", "suzhou", *args, "--out", str(tmp_path / "out"), "--strict")
    assert_clean(result, 1, "--strict")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("data", "rows"), [
    (b"h\n1\n2\n", 2), (b"h\n1\n2", 2), (b"h\n", 0), (b"", 0),
    (b"h\n1\n\n2\n", 2), (b"h\n1\n,,\n2\n", 2), (b"h\n1\n , \n2", 2),  # blank-looking lines are skipped
    (b"h\n1\n,x\n", 2),                                                   # but a line with a value is a row
    (b"h\r\n1\r\n", 1), (b'h\n"a\nb",1\n2,3\n', 2),                       # CRLF; a quoted line break
])
def test_rows_are_counted_as_the_readers_count_them(data: bytes, rows: int) -> None:
    from pointscalc import record

    assert record.rows_of("t.csv", data) == rows
