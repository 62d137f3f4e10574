"""Writing a results workbook (``tables.xlsx_bytes``) for N rows: prints the time; never
passes or fails.  Run it with this checkout and with an older one on PYTHONPATH to compare
in the same session (an older xlsx_bytes takes no number formats):

    PYTHONPATH=/tmp/pc-base .venv/bin/python benchmarks/xlsx_bench.py 50000 base
    .venv/bin/python benchmarks/xlsx_bench.py 50000
"""

from __future__ import annotations

import sys
import time
from decimal import Decimal

from pointscalc import tables


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    base = len(sys.argv) > 2 and sys.argv[2] == "base"
    rows = [[f"11010519900101{i % 1000:03d}X", "王小明", "市区", "admitted", i, Decimal("101.25"), Decimal("60.00"),
             "", ""] for i in range(n)]
    extra = {} if base else {"formats": [None, None, None, None, "0", "0.00", "0.00", None, None]}
    start = time.perf_counter()
    data = tables.xlsx_bytes(["h"] * 9, rows, neutralise=[True, True, True, False, False, False, False, True, True],
                             **extra)  # type: ignore[arg-type]
    took = time.perf_counter() - start
    print(f"{'base' if base else 'this checkout'}: {n:,} rows, {took:.1f} s, {len(data) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
