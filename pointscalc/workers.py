"""Forked worker processes that leave Ctrl-C to the parent.

A terminal's Ctrl-C reaches every process of the group.  Workers ignore it, so only the
parent stops, once, with one line; leaving the pool's ``with`` block terminates them, and
no worker prints a traceback.
"""

from __future__ import annotations

import multiprocessing as mp
import signal
from multiprocessing.pool import Pool


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for sig in (signal.SIGTERM, signal.SIGHUP):  # the parent's handlers are not for workers
        signal.signal(sig, signal.SIG_DFL)


def can_fork() -> bool:
    return "fork" in mp.get_all_start_methods()


def pool(jobs: int) -> Pool:
    """``jobs`` forked workers, which inherit the loaded scheme instead of pickling it."""
    return mp.get_context("fork").Pool(jobs, initializer=_ignore_interrupts)
