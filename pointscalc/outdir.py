"""The output folder of a run, written as a whole.

A run builds every file in a fresh hidden folder beside ``--out`` (same parent, so the
swap is one rename on one file system) and swaps it in at the end.  ``--out`` then holds
the previous complete run or the new one, never a mix, never a file left from an older
run.  The hidden folder is readable by its owner only (it holds full ID numbers and names
while it is written); what a ``kill -9`` leaves of it is removed by the next run into the
same ``--out``.  Any interrupt the process can catch removes it at once.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from pointscalc.errors import os_reason
from pointscalc.i18n import tr

STAGING = ".pointscalc-staging-"
"""Prefix of the hidden folder a run is built in; the old run sits under it briefly too."""

OURS = frozenset({
    *(f"{stem}.{ext}" for stem in ("results", "public", "summary", "errors") for ext in ("csv", "xlsx")),
    "run.json",
    "transitions.csv", "buckets.csv", "changes.csv", "groups.csv", "compare.json", "report.html",
})
"""The names a ``rank`` or ``compare`` run writes, besides its charts: a folder holding anything
else is not replaced."""
_CHART = re.compile(r"chart-\d{2}-[^/\\]+\.png")


def ours(name: str) -> bool:
    """Whether a run writes a file of this name (an output table, the record, a chart)."""
    return name in OURS or _CHART.fullmatch(name) is not None


class OutError(Exception):
    """An ``--out`` that cannot receive a run, found before any work; the message says why,
    for a caller that names the option (click's "Invalid value for '--out'")."""


def check(text: str) -> Path:
    """The folder ``--out`` names, or ``OutError`` saying why it cannot take a run.

    A link is followed to the folder it names; an existing folder is replaced only if it
    holds nothing but a previous run's files, so a mistyped ``--out ~`` cannot lose a home
    folder."""
    if not text.strip():
        raise OutError(tr("expected the path of a folder, got an empty one"))
    given = Path(text)
    if given.is_symlink() and not given.exists():
        raise OutError(tr("a link to something that does not exist"))
    out = Path(os.path.realpath(given))
    if out.exists() and not out.is_dir():
        raise OutError(tr("exists and is not a folder"))
    ancestor = out.parent
    while not ancestor.exists():
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise OutError(tr("{path} is a file, not a folder", path=ancestor))
    try:  # the one sure test, also for root and for file systems like /proc
        os.rmdir(tempfile.mkdtemp(prefix=STAGING, dir=ancestor))
    except OSError as e:
        raise OutError(tr("cannot write in {path}: {reason}", path=ancestor, reason=os_reason(e))) from None
    if out.is_dir():
        foreign = sorted(p.name for p in out.iterdir() if not ours(p.name) or not p.is_file())
        if foreign:
            raise OutError(tr("holds {n} file(s) no run writes (such as {example!r}); give a new or empty folder,"
                              " or one a previous run wrote", n=len(foreign), example=foreign[0]))
        if not os.access(out, os.W_OK | os.X_OK):
            raise OutError(tr("cannot write in it"))
    return out


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def publish(out: Path, files: dict[str, bytes]) -> None:
    """Swap a folder holding exactly ``files`` in at ``out`` (a path ``check`` returned)."""

    def fill(staging: Path) -> None:
        for name in sorted(files):
            fd = os.open(staging / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            with os.fdopen(fd, "wb") as f:
                f.write(files[name])
                f.flush()
                os.fsync(f.fileno())

    publish_folder(out, fill)


def publish_folder(out: Path, fill: Callable[[Path], None]) -> None:
    """Swap in at ``out`` a folder that ``fill`` writes (a pool's outputs, streamed range by
    range): built beside ``out``, so ``out`` holds the old run or the new one, never a mix."""
    out.parent.mkdir(parents=True, exist_ok=True)
    clean(out)
    staging = Path(tempfile.mkdtemp(prefix=f"{STAGING}{out.name}-", dir=out.parent))
    try:
        fill(staging)
        _written_hook()
        staging.chmod(0o777 & ~_umask())
        if out.exists():
            _exchange(staging, out)  # staging now holds the previous run
        else:
            os.rename(staging, out)
        _sync(out.parent)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def clean(out: Path) -> None:
    """Remove what an earlier run into ``out`` left when it was killed outright."""
    for p in out.parent.glob(f"{STAGING}{out.name}-*"):
        shutil.rmtree(p, ignore_errors=True)


def _written_hook() -> None:
    """Between the last file written and the swap: a test slows a run here to interrupt it."""
    delay = os.environ.get("POINTSCALC_TEST_SLOW_SWAP")
    if delay:
        import time

        time.sleep(float(delay))


def _sync(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> None:
    """Swap two folders in one step (Linux ``renameat2``); elsewhere, two renames, with
    the previous run kept under the staging name in between."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is not None:
        if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
            return
    old = Path(tempfile.mkdtemp(prefix=f"{STAGING}{b.name}-", dir=b.parent))
    os.rename(b, old / "previous")
    os.rename(a, b)
    os.rename(old, a)
