"""`rank --engine dask` on a local cluster of this machine, against the in-process engine.

Prints figures; never passes or fails.  Usage:

    python benchmarks/dask_bench.py gen 1000000 10000000   # pools straight to Parquet parts
    python benchmarks/dask_bench.py run 1000000 [10000000] # measure
    INPROCESS=0 python benchmarks/dask_bench.py run 10000000   # skip the in-process run
    INPROCESS=all python benchmarks/dask_bench.py run 1000000 2000000   # in-process at every size

Environment: ``WORKERS`` (2), ``PARTITIONS`` (``rank``'s default: 4 per worker), and
``MAX_GIB`` (18): the dask run is stopped, and says so, when the client and its workers
together hold more than this (sampled every second), so that a shared machine is never
driven out of memory.

``gen N`` writes ``benchmarks/out/pool-N/{apps,periods}/part-KKKK.parquet`` (500,000
applicants a part, two processes), from ``synth.py``'s Suzhou applicants with IDs made
unique up to 10^7 (province 32, then four digits counting thousands).  Part K is seeded by K alone, so a
smaller pool is the first parts of a larger one, and is linked to them when they exist.
Nothing of it goes into git.

``run N`` measures, each in a fresh child process:

* **dask**: ``rank --engine dask`` over the Parquet folders, on a new local cluster of
  ``WORKERS`` (default 2) single-threaded worker processes: wall time, the client's peak
  memory (it holds the scheduler) and each worker's peak (``ru_maxrss``, read on the worker
  at the end);
* **in-process**: ``rank --engine columns --jobs 2`` over the same pool as CSV tables
  (written from the Parquet parts once), the one-machine engine, at the smallest N only
  (the baseline of the run; ``INPROCESS=all`` for every N); and ``cmp`` of the two runs'
  outputs;
* **floor**: pyarrow reads the Parquet pool and writes a CSV of as many rows.

The scaling ratios: dask wall at N over dask wall at the smallest N, against N's ratio;
and dask wall at N against the in-process baseline's wall scaled linearly to N.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
PART = 500_000
QUOTA = '"市区" = 30000\n"昆山" = 8000\n"常熟" = 4000\n"张家港" = 4000\n"太仓" = 3000\n'


def _part(args: tuple[int, int, int, str]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    sys.path.insert(0, str(HERE))
    import synth

    from pointscalc.idnumber import check_digit

    k, lo, hi, folder = args
    rnd = random.Random(2021 * 1_000_003 + k)
    as_of = 2021 * 12 + 5
    apps: dict[str, list[str]] = {c: [] for c in synth.APP_COLUMNS}
    per: dict[str, list[str]] = {c: [] for c in synth.PERIOD_COLUMNS if c != "hard_sector"}  # Nanjing's only
    for serial in range(lo, hi):
        a = synth.applicant(rnd, serial, as_of)
        first17 = f"32{serial // 1000 % 10_000:04d}{a['birth'].replace('-', '')}{serial % 1000:03d}"  # Jiangsu
        a["id"] = first17 + check_digit(first17)
        flat = {**a, **a["education"], **a["extra"]}  # as synth.py flattens its CSV rows
        for c in apps:
            apps[c].append(str(flat.get(c, "")))
        for p in a["periods"]:
            per["id"].append(a["id"])
            for c in list(per)[1:]:
                per[c].append(str(p.get(c, "")))
    for name, cols in (("apps", apps), ("periods", per)):
        pq.write_table(pa.table({c: pa.array(v, pa.string()) for c, v in cols.items()}),
                       Path(folder) / name / f"part-{k:04d}.parquet")


def generate(n: int) -> Path:
    folder = OUT / f"pool-{n}"
    if (folder / "done").exists():
        return folder
    # Part k depends on k alone: a larger pool's first parts are this pool, if written.
    for larger in sorted(OUT.glob("pool-*")):
        parts = [larger / name / f"part-{k:04d}.parquet" for name in ("apps", "periods") for k in range(-(-n // PART))]
        if larger != folder and n % PART == 0 and all(p.exists() for p in parts) \
                and int(larger.name.removeprefix("pool-")) > n:
            for part in parts:
                (folder / part.parent.name).mkdir(parents=True, exist_ok=True)
                (folder / part.parent.name / part.name).symlink_to(part)
            (folder / "done").write_text(f"the first parts of {larger.name}\n")
            return folder
    for name in ("apps", "periods"):
        (folder / name).mkdir(parents=True, exist_ok=True)
    jobs = [(k, lo, min(lo + PART, n), str(folder)) for k, lo in enumerate(range(0, n, PART))]
    start = time.perf_counter()
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_part, jobs))
    (folder / "done").write_text(f"{time.perf_counter() - start:.1f} s\n")
    return folder


def as_csv(folder: Path) -> tuple[Path, Path]:
    """The pool as the two CSV tables the in-process engine reads (once)."""
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    out = folder / "apps.csv", folder / "periods.csv"
    if not out[1].exists():
        for name, path in zip(("apps", "periods"), out, strict=True):
            files = sorted((folder / name).glob("*.parquet"))
            schema = pq.read_schema(files[0])
            with open(str(path) + ".tmp", "wb") as f:
                f.write((",".join(schema.names) + "\n").encode("utf-8"))
                with pacsv.CSVWriter(f, schema, write_options=pacsv.WriteOptions(
                        include_header=False, quoting_style="none")) as w:
                    for part in files:
                        w.write_table(pq.read_table(part))
            os.replace(str(path) + ".tmp", path)
    return out


DASK = """
import json, os, resource, sys, threading, time
from pathlib import Path
import psutil
from click.testing import CliRunner
from distributed import Client, LocalCluster
from pointscalc.cli import main
folder, quota, out, workers, partitions, max_gib = sys.argv[1:7]
me = psutil.Process()
top = [0]

def watch():
    while True:
        total = 0
        for p in [me, *me.children(recursive=True)]:
            try:
                total += p.memory_info().rss
            except psutil.Error:
                pass
        top[0] = max(top[0], total)
        if total > float(max_gib) * 2**30:
            print(json.dumps(["stopped", total / 2**30]), flush=True)
            for p in me.children(recursive=True):
                p.kill()
            os._exit(3)
        time.sleep(1)

threading.Thread(target=watch, daemon=True).start()
with LocalCluster(n_workers=int(workers), threads_per_worker=1, processes=True, dashboard_address=None) as c:
    start = time.perf_counter()
    r = CliRunner().invoke(main, ["rank", "suzhou", folder + "/apps", "--periods", folder + "/periods",
                                  "--as-of", "2021-06-30", "--quota", quota, "--out", out, "--engine", "dask",
                                  "--scheduler", c.scheduler_address,
                                  *(["--partitions", partitions] if partitions != "0" else [])])
    wall = time.perf_counter() - start
    assert r.exit_code == 0, r.output
    with Client(c.scheduler_address) as client:
        peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
print(json.dumps([wall, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, sorted(peaks.values()), top[0]]))
"""

MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(json.dumps([time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))
"""

FLOOR = """
import sys, pyarrow as pa, pyarrow.csv as pacsv, pyarrow.parquet as pq
folder, out = sys.argv[1:3]
apps = pq.read_table(folder + "/apps")
periods = pq.read_table(folder + "/periods")
n = apps.num_rows
rows = pa.table({"id": apps["id"], "name": apps["name"], "bucket": apps["target_area"],
                 "status": pa.array(["admitted"] * n), "rank": pa.array(["1"] * n), "score": pa.array(["100.00"] * n),
                 "base": pa.array(["100.00"] * n), "published_rank": pa.array([""] * n), "reason": pa.array([""] * n)})
pacsv.write_csv(rows, out, write_options=pacsv.WriteOptions(quoting_style="none"))
"""


def timed(cmd: list[str]) -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", MEASURE, *cmd], check=True, capture_output=True, text=True)
    wall, kb = json.loads(out.stdout)
    return wall, kb / 1024


def run(ns: list[int]) -> None:
    exe = str(Path(sys.executable).parent / "pointscalc")
    workers = os.environ.get("WORKERS", "2")
    partitions = os.environ.get("PARTITIONS", "0")
    max_gib = os.environ.get("MAX_GIB", "18")
    inprocess = os.environ.get("INPROCESS", "first")
    (OUT / "quota-dask.toml").write_text(QUOTA, encoding="utf-8")
    quota = str(OUT / "quota-dask.toml")
    first: tuple[int, float] | None = None
    baseline: tuple[int, float] | None = None
    for n in ns:
        folder = generate(n)
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", DASK, str(folder), quota, str(OUT / f"dask-{n}"), workers,
                              partitions, max_gib], capture_output=True, text=True)
        last = json.loads(out.stdout.strip().splitlines()[-1]) if out.stdout.strip() else None
        print(f"n={n:,} Parquet pool, {len(list((folder / 'apps').glob('*.parquet')))} files; "
              f"{workers} workers of 1 thread, partitions {partitions if partitions != '0' else 'default'}")
        if out.returncode or last is None or last[0] == "stopped":
            why = f"over {max_gib} GiB ({last[1]:.1f} GiB)" if last and last[0] == "stopped" \
                else out.stderr.strip().splitlines()[-1:] or f"exit {out.returncode}"
            print(f"  dask: STOPPED after {time.perf_counter() - start:.0f} s: {why}")
            continue
        wall, client_kb, peaks, together = last
        floor, _ = timed([sys.executable, "-c", FLOOR, str(folder), str(OUT / f"floor-dask-{n}.csv")])
        print(f"  dask: {wall:.1f} s wall, {wall / n * 1e6:.1f} µs/applicant; peak client {client_kb / 1024:.0f} MiB, "
              f"workers {', '.join(f'{p / 1024:.0f}' for p in peaks)} MiB; all processes together "
              f"{together / 2**30:.1f} GiB at most")
        print(f"  floor (pyarrow reads the pool, writes a results-sized CSV): {floor:.1f} s ({wall / floor:.1f}×)")
        if first is None:
            first = (n, wall)
        else:
            print(f"  dask time ×{wall / first[1]:.2f} for ×{n / first[0]:.0f} applicants")
        if baseline is not None:
            scaled = baseline[1] * n / baseline[0]
            print(f"  against the in-process baseline scaled to {n:,} ({scaled:.0f} s at its per-applicant"
                  f" cost): in-process / dask = {scaled / wall:.2f}")
        if inprocess == "all" or (inprocess == "first" and baseline is None):
            apps, periods = as_csv(folder)
            one, peak = timed([exe, "rank", "suzhou", str(apps), "--periods", str(periods), "--as-of", "2021-06-30",
                               "--quota", quota, "--out", str(OUT / f"inprocess-{n}"), "--engine", "columns",
                               "--jobs", "2"])
            baseline = baseline or (n, one)
            same = all((OUT / f"dask-{n}" / f).read_bytes() == (OUT / f"inprocess-{n}" / f).read_bytes()
                       for f in ("results.csv", "public.csv", "summary.csv"))
            print(f"  in-process (--engine columns --jobs 2, CSV): {one:.1f} s, peak {peak:.0f} MiB; "
                  f"in-process / dask = {one / wall:.2f}; results, public, summary identical: {same}")


def main() -> None:
    OUT.mkdir(exist_ok=True)
    what, *ns = sys.argv[1:]
    if what == "gen":
        for n in map(int, ns):
            start = time.perf_counter()
            generate(n)
            print(f"n={n:,}: generated in {time.perf_counter() - start:.0f} s")
    else:
        run([int(n) for n in ns])


if __name__ == "__main__":
    main()
