"""The bulk engine alone, in this process, on a scheme's generated CSV tables: read, score,
rank and format the outputs, with peak memory.  Prints figures; never passes or fails.

With --columnar-only, items that bring no column-wise form are left out (Beijing's 职住区域
`Custom` until it is declarative), to see what the rest of the scheme costs in bulk:

    python benchmarks/bulk_bench.py beijing 1000000 --columnar-only [--jobs 2]

The tables are benchmarks/out/SCHEME-N*.csv, written by `synth.py N … --csv --scheme SCHEME`
(rank_bench.py writes them).
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import time
from pathlib import Path

import attrs

from pointscalc import bulk, registry, run
from pointscalc.recognition import Recognition

OUT = Path(__file__).resolve().parent / "out"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scheme")
    parser.add_argument("n", type=int)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--columnar-only", action="store_true")
    args = parser.parse_args()
    scheme = registry.load(args.scheme)
    as_of = dt.date(2021, 6, 30)
    version = scheme.version_for(as_of)
    left_out = [it.key for it in version.items if bulk.missing(it) is not None]
    if args.columnar_only:
        version = attrs.evolve(version, items=tuple(it for it in version.items if bulk.missing(it) is None))
    recognition = Recognition.resolve(scheme.city, scheme.agreements, as_of)
    why = bulk.unsupported(scheme, version, recognition)
    if why is not None:
        raise SystemExit(f"the bulk engine cannot take it: {why} (try --columnar-only)")
    stem = OUT / f"{args.scheme}-{args.n}"
    keyed = {k: Path(f"{stem}-{k}.csv") for k in ("periods", "family", "records")}
    start = time.perf_counter()
    outcome = bulk.rank_columns(scheme, version, as_of, recognition, Path(f"{stem}.csv"), keyed, {},
                                args.n // 10, jobs=args.jobs)
    run.outputs(outcome)
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    note = f", leaving out {', '.join(left_out)}" if args.columnar_only and left_out else ""
    print(f"{args.scheme} {args.n:,} --jobs {args.jobs}{note}: {wall:.1f} s, peak {peak:,.0f} MiB (this process)")


if __name__ == "__main__":
    main()
