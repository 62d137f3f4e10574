"""`pointscalc schema`: the JSON Schema accepts what the reader accepts and refuses what it refuses."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from pointscalc.cli import main

ROOT = Path(__file__).resolve().parent.parent
PROFILES = sorted(p for p in (ROOT / "examples").glob("*.toml"))


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    result = CliRunner().invoke(main, ["schema"], catch_exceptions=False)
    assert result.exit_code == 0
    schema = json.loads(result.output)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.name)
def test_every_example_profile_is_valid(validator: jsonschema.Draft202012Validator, path: Path) -> None:
    validator.validate(tomllib.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize(("profile", "where"), [
    ({"birth": "1990-01-01", "perods": []}, "perods"),                       # a misspelt field
    ({"birth": "1990-01-01", "sex": "unknown"}, "sex"),                      # not a choice
    ({"birth": "1990-01-01", "periods": [{"kind": "residence", "city": "苏州", "start": "2020-01"}]},
     "tenure"),                                                                # residence needs a tenure
    ({"birth": "1990-01-01", "periods": [{"kind": "study", "city": "北京", "start": "2020-01",
                                          "tenure": "owned"}]}, "tenure"),      # not an attribute of study
    ({"sex": "male"}, "birth"),                                                # neither birth nor id
    ({"birth": "1990-01-01", "extra": {"no_such_fact": True}}, "no_such_fact"),
])
def test_what_the_reader_refuses_the_schema_refuses(validator: jsonschema.Draft202012Validator,
                                                     profile: dict[str, object], where: str) -> None:
    errors = list(validator.iter_errors(profile))
    assert errors, f"the schema accepted {profile}"


def test_chinese_names_of_choices_are_accepted(validator: jsonschema.Draft202012Validator) -> None:
    # docs/input-format.md: "Enumerated values may be given by their English code or their Chinese name."
    validator.validate({"birth": "1990-01", "sex": "女", "education": {"diploma": "本科", "degree": "学士"},
                        "periods": [{"kind": "居住", "tenure": "租赁", "city": "苏州", "start": "2020-01"}]})


def test_python_dash_m_runs_the_same_command_line() -> None:
    result = subprocess.run([sys.executable, "-m", "pointscalc", "schemes"], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0 and "beijing" in result.stdout


def test_shell_completion_offers_scheme_names() -> None:
    env = {"_POINTSCALC_COMPLETE": "bash_complete", "COMP_WORDS": "pointscalc score su", "COMP_CWORD": "2"}
    result = subprocess.run([sys.executable, "-c", "from pointscalc.cli import main; main(prog_name='pointscalc')"],
                            capture_output=True, text=True, env={**__import__("os").environ, **env}, timeout=60,
                            check=False)
    assert "plain,suzhou" in result.stdout.splitlines()


@pytest.mark.parametrize("name", ["北京", "北京市", "Beijing", "beijing"])
def test_a_scheme_is_found_by_its_city(name: str) -> None:
    # Issue 16: scheme names by city, in Chinese or English, as a user would type them.
    result = CliRunner().invoke(main, ["show", name, "--as-of", "2021-06-30"], catch_exceptions=False)
    assert result.exit_code == 0 and "(beijing)" in result.output


def test_an_unknown_scheme_suggests_the_nearest() -> None:
    result = CliRunner().invoke(main, ["show", "beijng"])
    assert result.exit_code == 2 and "(did you mean beijing?)" in result.output
