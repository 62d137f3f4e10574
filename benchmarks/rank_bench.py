"""`pointscalc rank` on N synthetic Suzhou applicants, end to end, and the I/O floor.

Prints figures; never passes or fails.  Each measurement runs in a child process, so its
peak memory (ru_maxrss) is its own.  Usage:

    python benchmarks/rank_bench.py 100000 [1000000 ...]
    JOBS=2 python benchmarks/rank_bench.py 100000      # rank --jobs 2
    FORMAT=csv SCHEMES=suzhou,nanjing,beijing JOBS=2 python benchmarks/rank_bench.py 100000 1000000
                                  # flat CSV tables (periods, family, records), --engine auto;
                                  # ENGINE=columns insists on the columns engine

With FORMAT=csv it prints scheme, applicants, wall, floor, ratio and peak memory, the floor
being pyarrow reading the same four tables and writing a results CSV of the same shape.

Peak memory is the largest single process: with --jobs, each worker is its own process,
so the machine holds the main process plus that many workers.

The floor is the time to read the same JSON Lines (json.loads per line) and write a
results file of the same shape: what no ranking run can beat in this format.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
QUOTA = '"市区" = 3000\n"昆山" = 800\n"常熟" = 400\n"张家港" = 400\n"太仓" = 300\n'

FLOOR = """
import csv, json, sys
rows = []
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        rows.append((d["id"], d["name"], d["extra"]["target_area"]))
with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    for r in rows:
        w.writerow([*r, "admitted", 1, "100.00", "100.00", "", ""])
"""


MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(json.dumps([time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))
"""


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one command, measured in a fresh parent so
    that no other child's peak is mixed in."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *cmd], check=True, capture_output=True, text=True)
    wall, kb = json.loads(out.stdout)
    return wall, kb / 1024


FLOOR_ARROW = """
import sys
import pyarrow as pa, pyarrow.csv as pacsv
stem = sys.argv[1].removesuffix(".csv")
tables = [pacsv.read_csv(f"{stem}{k}.csv", convert_options=pacsv.ConvertOptions(strings_can_be_null=False))
          for k in ("", "-periods", "-family", "-records")]
apps = tables[0]
n = apps.num_rows
out = pa.table({"id": apps["id"], "name": apps["name"], "bucket": pa.array(["市区"] * n),
                "status": pa.array(["admitted"] * n), "rank": pa.array(range(1, n + 1)),
                "score": pa.array(["100.00"] * n), "base": pa.array(["100.00"] * n),
                "published_rank": pa.array([""] * n), "reason": pa.array([""] * n)})
pacsv.write_csv(out, sys.argv[2])
"""
"""The floor: pyarrow reads the same four tables and writes a results CSV of the same shape."""


def main_csv() -> None:
    exe = str(Path(sys.executable).parent / "pointscalc")
    jobs = os.environ.get("JOBS", "1")
    engine = os.environ.get("ENGINE", "auto")
    rows = []
    for scheme in os.environ.get("SCHEMES", "suzhou").split(","):
        for n in [int(a) for a in sys.argv[1:]] or [100_000]:
            data = OUT / f"{scheme}-{n}.csv"
            stem = OUT / f"{scheme}-{n}"
            if not data.exists():
                subprocess.run([sys.executable, str(HERE / "synth.py"), str(n), str(data), "--csv",
                                "--scheme", scheme], check=True)
            keyed = [a for k in ("periods", "family", "records") for a in (f"--{k}", f"{stem}-{k}.csv")]
            quota = ["--quota", str(OUT / "quota.toml")] if scheme == "suzhou" else ["--quota", str(n // 10)]
            wall, peak = timed([exe, "rank", scheme, str(data), *keyed, "--as-of", "2021-06-30", "--jobs", jobs,
                                "--engine", engine, *quota, "--out", str(OUT / f"rank-{scheme}-{n}")])
            floor_wall, _ = timed([sys.executable, "-c", FLOOR_ARROW, str(data), str(OUT / f"floor-{scheme}-{n}.csv")])
            rows.append((scheme, n, wall, floor_wall, peak))
            print(f"{scheme:8} {n:>10,} {wall:8.1f} s {floor_wall:6.1f} s {wall / floor_wall:6.1f}× {peak:8.0f} MiB",
                  flush=True)
    print(f"\n--jobs {jobs}, --engine {engine}; floor: pyarrow reads the four tables and writes results.csv\n")
    print("| scheme | applicants | wall | floor | ratio | peak memory |")
    print("|---|---|---|---|---|---|")
    for scheme, n, wall, floor_wall, peak in rows:
        print(f"| {scheme} | {n:,} | {wall:.1f} s | {floor_wall:.1f} s | {wall / floor_wall:.1f}× | {peak:,.0f} MiB |")


def main() -> None:
    OUT.mkdir(exist_ok=True)
    (OUT / "quota.toml").write_text(QUOTA, encoding="utf-8")
    if os.environ.get("FORMAT") == "csv":
        main_csv()
        return
    (OUT / "quota.toml").write_text(QUOTA, encoding="utf-8")
    exe = str(Path(sys.executable).parent / "pointscalc")
    for n in [int(a) for a in sys.argv[1:]] or [100_000]:
        data = OUT / f"suzhou-{n}.jsonl"
        if not data.exists():
            subprocess.run([sys.executable, str(HERE / "synth.py"), str(n), str(data)], check=True)
        size = data.stat().st_size / 1e6
        jobs = os.environ.get("JOBS", "1")
        wall, peak = timed([exe, "rank", "suzhou", str(data), "--as-of", "2021-06-30", "--jobs", jobs,
                            "--quota", str(OUT / "quota.toml"), "--out", str(OUT / f"rank-{n}")])
        floor_wall, floor_peak = timed([sys.executable, "-c", FLOOR, str(data), str(OUT / f"floor-{n}.csv")])
        summary = (OUT / f"rank-{n}" / "summary.csv").read_text(encoding="utf-8-sig").strip().splitlines()
        print(f"n={n:,} input {size:.0f} MB, --jobs {jobs}")
        print(f"  rank end to end: {wall:.1f} s wall, peak {peak:.0f} MB, {wall / n * 1e6:.0f} µs/applicant")
        print(f"  floor (read JSONL + write CSV): {floor_wall:.1f} s wall, peak {floor_peak:.0f} MB")
        print("  " + json.dumps(summary[1:3], ensure_ascii=False))


if __name__ == "__main__":
    main()
