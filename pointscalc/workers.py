"""Forked worker processes that leave Ctrl-C to the parent.

A terminal's Ctrl-C reaches every process of the group.  Workers ignore it, so only the
parent stops, once, with one line; leaving the pool's ``with`` block terminates them, and
no worker prints a traceback.
"""

from __future__ import annotations

import multiprocessing as mp
import signal
from multiprocessing.pool import Pool


_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


def _worker_signals() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for sig in (signal.SIGTERM, signal.SIGHUP):  # the parent's handlers are not for workers
        signal.signal(sig, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _SIGNALS)


def can_fork() -> bool:
    return "fork" in mp.get_all_start_methods()


def pool(jobs: int) -> Pool:
    """``jobs`` forked workers, which inherit the loaded scheme instead of pickling it.

    The signals are blocked while the workers are forked, so that none reaches a worker
    before it has set its own handling; the parent receives any that came meanwhile as
    soon as they are unblocked."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        return mp.get_context("fork").Pool(jobs, initializer=_worker_signals)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
