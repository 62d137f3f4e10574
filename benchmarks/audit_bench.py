"""Wall time of the default fairness battery (`pointscalc audit`) on each shipped scheme.

    .venv/bin/python benchmarks/audit_bench.py [EXAMPLES]

Runs the command itself, once per scheme, at the date each scheme is documented at, and
prints seconds per scheme and whether the audit passed.  Figures, not a test.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

DAYS = {
    "beijing": "2021-06-30",
    "suzhou": "2021-06-30",
    "nanjing": "2021-06-30",
    "nantong": "2021-06-30",
    "anyang": "2021-06-30",
    "shaoguan": "2019-06-30",
}


def main() -> None:
    examples = sys.argv[1] if len(sys.argv) > 1 else "100"
    exe = Path(sys.executable).with_name("pointscalc")
    print(f"default battery, --examples {examples}")
    print(f"{'scheme':10} {'as of':12} {'seconds':>8}  result")
    for key, day in DAYS.items():
        t = time.perf_counter()
        done = subprocess.run([str(exe), "audit", key, "--as-of", day, "--examples", examples],
                              capture_output=True, text=True)
        took = time.perf_counter() - t
        result = {0: "passed", 1: "FAILED"}.get(done.returncode, f"exit {done.returncode}")
        print(f"{key:10} {day:12} {took:8.1f}  {result}")
    t = time.perf_counter()
    subprocess.run([str(exe), "audit", "suzhou", "--examples", examples], capture_output=True)
    print(f"suzhou, every version (no --as-of): {time.perf_counter() - t:.1f} s")


if __name__ == "__main__":
    main()
