"""`pointscalc plan` on one applicant, in a fresh process each time: the wall time an
applicant waits, against `pointscalc score` of the same profile (the floor: the same start-up
and one scoring), measured in the same run.  Usage:

    python benchmarks/plan_bench.py [RUNS]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = [
    ("beijing", "examples/beijing-engineer.toml", "2021-06-30"),
    ("suzhou", "examples/suzhou-technician.toml", "2021-06-30"),
    ("nanjing", "examples/nanjing-outer-district.toml", "2021-07-15"),
]


def wall(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pointscalc", *args], cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    print(f"{'scheme':<10}{'plan median':>14}{'score median':>14}{'ratio':>8}")
    for scheme, profile, day in CASES:
        plan = [wall(["plan", scheme, profile, "--as-of", day]) for _ in range(runs)]
        score = [wall(["score", scheme, profile, "--as-of", day]) for _ in range(runs)]
        p, s = statistics.median(plan), statistics.median(score)
        print(f"{scheme:<10}{p:>13.3f}s{s:>13.3f}s{p / s:>7.1f}×")


if __name__ == "__main__":
    main()
