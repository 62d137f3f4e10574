"""`pointscalc rank` at an older commit against this tree, interleaved on one machine in
one run, and whether both write the same bytes.  Prints figures; never passes or fails.

The older tree is any extracted commit, imported ahead of this one:

    git archive 824e91d | (mkdir -p /tmp/base && tar -x -C /tmp/base)
    python benchmarks/synth.py 100000 /tmp/bench/s100k.csv --csv --seed 1
    python benchmarks/ab_rank.py /tmp/base /tmp/bench/s100k.csv columns 1 5

Arguments: the older tree, the applicants CSV (its periods table beside it, as synth.py
writes them), the engine, --jobs, and how many times each side runs (the median counts).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(json.dumps([time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))
"""
CLI = "from pointscalc.cli import main; main()"
QUOTA = '"市区" = 3000\n"昆山" = 800\n"常熟" = 400\n"张家港" = 400\n"太仓" = 300\n'
COMPARED = ("results.csv", "public.csv", "summary.csv", "errors.csv")


def main() -> None:
    base, data, engine, jobs, reps = sys.argv[1], Path(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5])
    work = Path(tempfile.mkdtemp(prefix="ab-rank-"))
    (work / "quota.toml").write_text(QUOTA, encoding="utf-8")
    args = ["rank", "suzhou", str(data), "--periods", str(data.with_name(data.stem + "-periods.csv")),
            "--as-of", "2021-06-30", "--quota", str(work / "quota.toml"), "--engine", engine, "--jobs", jobs]
    runs: dict[str, list[tuple[float, float]]] = {"older": [], "this": []}
    for _ in range(reps):
        for side in runs:
            env = {k: v for k, v in os.environ.items() if k != "POINTSCALC_DEBUG"}
            if side == "older":
                env["PYTHONPATH"] = base
            out = subprocess.run([sys.executable, "-c", MEASURE, sys.executable, "-c", CLI, *args,
                                  "--out", str(work / side)], env=env, capture_output=True, text=True, check=True)
            wall, kb = json.loads(out.stdout)
            runs[side].append((wall, kb / 1024))
    medians = {}
    for side, v in runs.items():
        walls, peaks = sorted(w for w, _ in v), sorted(p for _, p in v)
        medians[side] = walls[len(walls) // 2]
        print(f"{side:5}: median {medians[side]:.2f} s (min {walls[0]:.2f}), peak {peaks[len(peaks) // 2]:.0f} MB"
              f" over {reps} runs; {data.name}, --engine {engine}, --jobs {jobs}")
    print(f"this / older (median wall): {medians['this'] / medians['older']:.3f}")
    for name in COMPARED:
        same = (work / "older" / name).read_bytes() == (work / "this" / name).read_bytes()
        print(f"{name}: {'same bytes' if same else 'DIFFERENT'}")


if __name__ == "__main__":
    main()
