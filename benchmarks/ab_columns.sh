#!/bin/sh
# Same-run A/B of the columns engine: an older commit against this checkout, alternated, so
# both see the same machine load. Prints figures; never passes or fails. Usage:
#   git archive BASE | tar -x -C /tmp/pc-base
#   .venv/bin/python benchmarks/synth.py 200000 benchmarks/out/suzhou-200000.csv --csv
#   (write benchmarks/out/quota.toml as rank_bench.py does) && sh benchmarks/ab_columns.sh
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$HERE/out"
for round in 1 2 3; do
  for side in base head; do
    if [ $side = base ]; then PP=/tmp/pc-base; else PP=$HERE/..; fi
    rm -rf o-$side
    /usr/bin/time -f "$side round $round: %e s wall, %M KB peak" env PYTHONPATH=$PP "$HERE/../.venv/bin/python" -c "from pointscalc.cli import main; main()" rank suzhou suzhou-200000.csv --periods suzhou-200000-periods.csv --as-of 2021-06-30 --engine columns --quota quota.toml --out o-$side >/dev/null
  done
done
cmp o-base/results.csv o-head/results.csv && echo "results.csv identical"
cmp o-base/public.csv o-head/public.csv && echo "public.csv identical"
