"""Line ends and odd characters: a file saved with CR-only (old Mac) or CRLF line ends
reads exactly like the LF original, in every reader and both engines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.reliability.hostile import AS_OF, applicant, assert_clean, invoke, write_round

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "beijing-engineer.toml"


def _reend(path: Path, end: str) -> None:
    path.write_bytes(path.read_bytes().replace(b"\n", end.encode()))


def _outputs(folder: Path) -> dict[str, bytes]:
    return {n: (folder / n).read_bytes() for n in ("results.csv", "public.csv", "summary.csv", "errors.csv")}


@pytest.mark.parametrize("end", ["\r", "\r\n"])
@pytest.mark.parametrize("engine", ["auto", "applicants"])
def test_tables_with_other_line_ends_rank_as_the_lf_original(tmp_path: Path, end: str, engine: str) -> None:
    args = write_round(tmp_path)
    reference = invoke("rank", "suzhou", *args, "--out", str(tmp_path / "lf"), "--engine", engine)
    assert_clean(reference, 0)
    _reend(Path(args[0]), end)
    _reend(Path(args[2]), end)
    result = invoke("rank", "suzhou", *args, "--out", str(tmp_path / "other"), "--engine", engine)
    assert_clean(result, 0, out=tmp_path / "other")
    assert _outputs(tmp_path / "other") == _outputs(tmp_path / "lf")


@pytest.mark.parametrize("end", ["\r", "\r\n"])
def test_jsonl_with_other_line_ends_ranks_as_the_lf_original(tmp_path: Path, end: str) -> None:
    args = write_round(tmp_path, jsonl=True)
    assert_clean(invoke("rank", "suzhou", *args, "--out", str(tmp_path / "lf")), 0)
    _reend(Path(args[0]), end)
    result = invoke("rank", "suzhou", *args, "--out", str(tmp_path / "other"))
    assert_clean(result, 0, out=tmp_path / "other")
    assert _outputs(tmp_path / "other") == _outputs(tmp_path / "lf")


@pytest.mark.parametrize("end", ["\r", "\r\n"])
def test_a_toml_profile_with_other_line_ends_scores_as_the_lf_original(tmp_path: Path, end: str) -> None:
    reference = invoke("score", "beijing", str(EXAMPLE), "--as-of", AS_OF, "--format", "json")
    assert reference.exit_code == 0
    path = tmp_path / "a.toml"
    path.write_bytes(EXAMPLE.read_bytes().replace(b"\n", end.encode()))
    result = invoke("score", "beijing", str(path), "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.output == reference.output


def test_a_line_separator_inside_a_jsonl_string_does_not_split_the_line(tmp_path: Path) -> None:
    # U+2028 is legal inside a JSON string; str.splitlines would cut the line there.
    args = write_round(tmp_path, jsonl=True)
    data = applicant(0)
    data["periods"][0]["scheme"] = "urban_employee\u2028"
    people = Path(args[0])
    lines = people.read_text(encoding="utf-8").splitlines(keepends=False)
    lines[0] = json.dumps(data, ensure_ascii=False)
    people.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = invoke("rank", "suzhou", *args, "--out", str(tmp_path / "out"))
    # The value is read whole, and trimmed as white space like any other; split there,
    # the line would be two broken halves, two invalid rows.
    assert_clean(result, 0, out=tmp_path / "out")
    assert "invalid rows: 0" in result.output
