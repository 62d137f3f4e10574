"""``python -m pointscalc``: the same command line as ``pointscalc``."""

from pointscalc.cli import main

main(prog_name="pointscalc")
