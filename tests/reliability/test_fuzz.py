"""Mutated inputs, bytes and structure, give only clean outcomes: exit 0 or 1, no
traceback, no exception escaping the CLI (under test, the last net lets any through, see
tests/conftest.py), whatever the mutation."""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path
from typing import Any

from click.testing import Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.reliability.hostile import AS_OF, applicant, invoke, jsonl_text, tables_text, write_round

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "beijing-engineer.toml"

HOSTILE_BYTES = [b"\x00", b"\r", b"\n", b'"', b",", b"[" * 600, b"{" * 600, b"9" * 300, b"1e999999", b"\xff\xfe",
                 "²".encode(), "１２".encode(), b"=cmd|' /C calc'!A0", b"\t", b"\\u0000", b"-", b"nan", b"#"]
HOSTILE_VALUES: list[Any] = [None, [], {}, "", 0, -1, True, 1.5, "1e999999", "9" * 300, "x" * 5000, "²", [[[[[]]]]],
                             {"kind": "residence"}, "2021-13", "0001-01-01", "\u2028", "\x00", 10**40]


@st.composite
def mutated_bytes(draw: st.DrawFn, base: bytes) -> bytes:
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["insert", "delete", "flip", "cut"]))
        if op == "insert":
            data[at:at] = draw(st.sampled_from(HOSTILE_BYTES) | st.binary(min_size=1, max_size=8))
        elif op == "delete":
            del data[at:at + draw(st.integers(1, 40))]
        elif op == "flip" and at < len(data):
            data[at] ^= draw(st.integers(1, 255))
        elif op == "cut":
            del data[at:]
    return bytes(data)


@st.composite
def mutated_structure(draw: st.DrawFn, base: Any) -> Any:
    """``base`` with one node replaced, removed, or joined by an unknown key."""
    doc = json.loads(json.dumps(base))
    paths: list[tuple[Any, Any]] = []

    def walk(node: Any) -> None:
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
        for k, v in items:
            paths.append((node, k))
            walk(v)

    walk(doc)
    for _ in range(draw(st.integers(1, 3))):
        if not paths:
            break
        parent, key = draw(st.sampled_from(paths))
        op = draw(st.sampled_from(["replace", "remove", "unknown"]))
        if op == "replace":
            parent[key] = copy.deepcopy(draw(st.sampled_from(HOSTILE_VALUES)))
        elif op == "remove" and isinstance(parent, dict):
            parent.pop(key, None)
        elif isinstance(parent, dict):
            unknown = draw(st.sampled_from(["perods", "bucket", "", "extra", "名字"]))
            parent[unknown] = copy.deepcopy(draw(st.sampled_from(HOSTILE_VALUES)))
        paths = []
        walk(doc)
    return doc


def assert_clean_outcome(result: Result) -> None:
    assert result.exit_code in (0, 1), (result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


_FUZZ = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@_FUZZ
@given(mutated_bytes(EXAMPLE.read_bytes()))
def test_a_mutated_toml_profile_is_scored_or_refused(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "a.toml").write_bytes(raw)
        assert_clean_outcome(invoke("score", "beijing", str(Path(tmp) / "a.toml"), "--as-of", AS_OF))


@_FUZZ
@given(mutated_structure(applicant(0)), st.booleans())
def test_a_mutated_json_profile_is_scored_or_refused(doc: Any, check: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "a.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        args = ["check"] if check else ["score", "suzhou"]
        assert_clean_outcome(invoke(*args, str(Path(tmp) / "a.json"), "--as-of", AS_OF))


@_FUZZ
@given(mutated_bytes(tables_text()[0].encode()), mutated_bytes(tables_text()[1].encode()),
       st.sampled_from(["auto", "applicants"]))
def test_mutated_csv_tables_are_ranked_or_refused(people: bytes, periods: bytes, engine: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        args = write_round(folder)
        Path(args[0]).write_bytes(people)
        Path(args[2]).write_bytes(periods)
        assert_clean_outcome(invoke("rank", "suzhou", *args, "--out", str(folder / "out"), "--engine", engine))


@_FUZZ
@given(st.one_of(mutated_bytes(jsonl_text().encode()),
                 st.lists(mutated_structure(applicant(0)), min_size=1, max_size=3).map(
                     lambda docs: "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs).encode())))
def test_mutated_json_lines_are_ranked_or_refused(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        args = write_round(folder, jsonl=True)
        Path(args[0]).write_bytes(raw)
        assert_clean_outcome(invoke("rank", "suzhou", *args, "--out", str(folder / "out")))
