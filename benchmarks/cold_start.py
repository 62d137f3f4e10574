"""Cold start of `pointscalc score`: a fresh process per run, as an applicant would use it.

Prints figures; it never passes or fails.  Usage:

    python benchmarks/cold_start.py [RUNS]
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    exe = shutil.which("pointscalc") or str(Path(sys.executable).parent / "pointscalc")
    cmd = [exe, "score", "beijing", str(ROOT / "examples/beijing-engineer.toml"), "--as-of", "2021-06-30"]
    subprocess.run(cmd, check=True, capture_output=True)  # warm the OS file cache once
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    bare = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append(time.perf_counter() - start)
    print(f"pointscalc score (cold process), {runs} runs: median {statistics.median(times) * 1000:.0f} ms,"
          f" min {min(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms")
    print(f"bare python -c pass, {runs} runs: median {statistics.median(bare) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
