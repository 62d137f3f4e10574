"""Which engine ranks a run, and what the slower one will cost: said before the run, so a
run that falls back to scoring applicant by applicant never slows down silently.

Kept free of numpy and pyarrow, which a fallback may be for.
"""

from __future__ import annotations

from pathlib import Path

from pointscalc.i18n import tr

REFERENCE_SECONDS_PER_APPLICANT = 0.00048
"""The reference engine's measured cost on one core: 300,000 generated Beijing applicants
from CSV tables in 142.7 s (issue 13's table; 100,000 Suzhou from JSON Lines took 41–62 s
in docs/performance.md).  Two workers gave 1.74×, not 2×."""

_SPEEDUP = {1: 1.0, 2: 1.74}


def rows_in(path: Path) -> int | None:
    """Applicants in a CSV table (lines less the header) or JSON Lines file, counted by
    line ends; ``None`` for a spreadsheet or a file that cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".jsonl", ".json", ".ndjson"):
        return None
    try:
        with path.open("rb") as f:
            lines = sum(block.count(b"\n") for block in iter(lambda: f.read(1 << 24), b""))
    except OSError:
        return None
    return max(0, lines - 1) if suffix == ".csv" else lines


def fallback_note(why: str, path: Path, jobs: int) -> str:
    """What ``rank --engine auto`` prints when the bulk engine cannot take the run."""
    n = rows_in(path)
    cost = f"{REFERENCE_SECONDS_PER_APPLICANT * 1e6:.0f}"
    if n is None:
        return tr("engine: {why}; scoring applicant by applicant (--engine applicants), about {cost} µs per"
                  " applicant on one core", why=why, cost=cost)
    seconds = n * REFERENCE_SECONDS_PER_APPLICANT / _SPEEDUP.get(jobs, 0.87 * jobs)
    return tr("engine: {why}; scoring applicant by applicant (--engine applicants): {duration} for {n} applicants"
              " with --jobs {jobs} (measured {cost} µs per applicant on one core)", why=why,
              duration=_duration(seconds), n=f"{n:,}", jobs=jobs, cost=cost)


def _duration(seconds: float) -> str:
    if seconds < 1:
        return tr("under a second")
    if seconds < 60:
        return tr("about {n} s", n=f"{seconds:.0f}")
    if seconds < 3600:
        return tr("about {n} min", n=f"{seconds / 60:.0f}")
    return tr("about {n} h", n=f"{seconds / 3600:.1f}")
