"""A scheme rule that raises is a defect of that scheme: named with the rule's key, exit 1,
no traceback, and nothing of the error's own text (which may quote an applicant)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.hostile import SCHEME_AS_OF, assert_clean, invoke, scheme_with_rule, wuxi_jsonl

RAISES = "raise KeyError('王小明 110105198801100001')"


def test_score_reports_the_failing_rule_of_the_scheme(tmp_path: Path) -> None:
    scheme = scheme_with_rule(tmp_path, RAISES)
    profile = tmp_path / "a.jsonl"
    profile.write_text(wuxi_jsonl(tmp_path).read_text(encoding="utf-8").splitlines()[0], encoding="utf-8")
    (tmp_path / "a.json").write_text(profile.read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke("score", str(scheme), str(tmp_path / "a.json"), "--as-of", SCHEME_AS_OF)
    assert_clean(result, 1, "wuxi-example", "'hostile'", "KeyError", "defect of the scheme")
    assert "110105198801100001" not in result.output


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_rank_stops_on_a_failing_rule_and_writes_nothing(tmp_path: Path, jobs: str) -> None:
    scheme = scheme_with_rule(tmp_path, RAISES)
    people = wuxi_jsonl(tmp_path, copies=3)
    result = invoke("rank", str(scheme), str(people), "--as-of", SCHEME_AS_OF, "--quota", "3",
                    "--out", str(tmp_path / "out"), "--jobs", jobs)
    assert_clean(result, 1, "'hostile'", "defect of the scheme")
    assert not (tmp_path / "out").exists()


def test_a_rule_returning_garbage_is_also_the_schemes_defect(tmp_path: Path) -> None:
    scheme = scheme_with_rule(tmp_path, "return 42")
    people = wuxi_jsonl(tmp_path)
    result = invoke("rank", str(scheme), str(people), "--as-of", SCHEME_AS_OF, "--quota", "3",
                    "--out", str(tmp_path / "out"))
    assert_clean(result, 1, "'hostile'", "defect of the scheme")
