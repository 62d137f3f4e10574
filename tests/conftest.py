"""Hypothesis profiles: ``ci`` is bounded so the suite stays well inside its time budget."""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

# Under test, an unexpected exception escapes the CLI's last net (which would turn it into
# a one-line exit 1), so that no test can pass on a hidden defect.
os.environ.setdefault("POINTSCALC_DEBUG", "1")


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables fold to the terminal's width (100 columns off a terminal): tests that look for a
    phrase read it on one line; tests/test_layout.py checks the folding itself."""
    monkeypatch.setenv("COLUMNS", "400")


@pytest.fixture(autouse=True)
def _english_after() -> object:
    """A command run with --lang zh leaves the language set for the rest of the process (a
    context variable of the one thread tests run in): each test starts in English."""
    yield
    from pointscalc import i18n

    i18n.set_lang("en")
