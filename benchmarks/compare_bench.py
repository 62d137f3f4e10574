"""`pointscalc compare` on N synthetic Suzhou applicants (flat CSV tables) against one
`pointscalc rank` of the same pool, measured in the same run: the ratio is the figure.

Prints figures; never passes or fails.  Usage:

    python benchmarks/compare_bench.py 1000000 [--jobs 2] [--repeat 1]

Three commands, each in a fresh process (wall seconds, peak resident memory):

* rank:     rank suzhou POOL --engine columns (the baseline, 2020 rules);
* reform:   compare --reform (insurance 4 a month instead of 5): both sides share one
            reading of the tables;
* versions: compare --against 2016: the versions read different facts, so each side reads
            the tables itself.

Both compares write every output, report.html with its charts included.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
QUOTA = '"市区" = 3000\n"昆山" = 800\n"常熟" = 400\n"张家港" = 400\n"太仓" = 300\n'
REFORM = 'scheme = "suzhou"\nversion = "2020"\ntitle = "insurance 4 a month"\n[items.social_insurance]\nrate = 4\n'

MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(json.dumps([time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))
"""


def timed(cmd: list[str]) -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", MEASURE, *cmd], check=True, capture_output=True, text=True)
    wall, kb = json.loads(out.stdout)
    return wall, kb / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=100_000)
    parser.add_argument("--jobs", default="2")
    parser.add_argument("--repeat", type=int, default=1, help="run each command this many times; the best is shown")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    (OUT / "quota.toml").write_text(QUOTA, encoding="utf-8")
    (OUT / "reform.toml").write_text(REFORM, encoding="utf-8")
    exe = str(Path(sys.executable).parent / "pointscalc")
    data = OUT / f"suzhou-{args.n}.csv"
    if not data.exists():
        subprocess.run([sys.executable, str(HERE / "synth.py"), str(args.n), str(data), "--csv"], check=True)
    periods = OUT / f"suzhou-{args.n}-periods.csv"
    common = [str(data), "--periods", str(periods), "--as-of", "2021-06-30", "--jobs", args.jobs,
              "--quota", str(OUT / "quota.toml")]
    commands = {
        "rank": [exe, "rank", "suzhou", *common, "--engine", "columns", "--out", str(OUT / f"rank-{args.n}")],
        "reform": [exe, "compare", "suzhou", *common, "--reform", str(OUT / "reform.toml"),
                   "--out", str(OUT / f"compare-reform-{args.n}")],
        "versions": [exe, "compare", "suzhou", *common, "--against", "2016",
                     "--out", str(OUT / f"compare-versions-{args.n}")],
    }
    best: dict[str, tuple[float, float]] = {}
    for _ in range(args.repeat):
        for name, cmd in commands.items():
            wall, peak = timed(cmd)
            if name not in best or wall < best[name][0]:
                best[name] = (wall, peak)
    rank_wall = best["rank"][0]
    print(f"n={args.n:,} CSV tables, --jobs {args.jobs}, best of {args.repeat}")
    for name, (wall, peak) in best.items():
        ratio = "" if name == "rank" else f", {wall / rank_wall:.2f}× rank"
        print(f"  {name:8s} {wall:6.1f} s wall, peak {peak:,.0f} MB{ratio}")


if __name__ == "__main__":
    main()
