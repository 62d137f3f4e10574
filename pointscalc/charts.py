"""Charts of ranking outcomes: score distributions with the cutoff and the tie band marked.
(Group rates are bars in the HTML of ``compare``'s report, where the browser draws Chinese.)

matplotlib is an optional extra (``pip install 'pointscalc[charts]'``), imported only when
a chart is asked for.  It draws with the Agg backend, and the files are made reproducible:
PNG without software metadata (and, should SVG be added, a fixed ``svg.hashsalt``).
Scores are converted to binary floats here only to place bars on a picture; no point is
ever computed from them.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import numpy as np

from pointscalc.i18n import N_, tr

HINT = "pip install 'pointscalc[charts]'"


class ChartsMissing(Exception):
    """matplotlib is not installed."""


def _pyplot() -> Any:
    try:
        import matplotlib
    except ImportError:
        raise ChartsMissing(tr("charts need matplotlib, which is not installed: {hint}", hint=HINT)) from None
    matplotlib.use("Agg", force=True)
    matplotlib.rcParams["svg.hashsalt"] = "pointscalc"
    matplotlib.rcParams["font.family"] = ["DejaVu Sans", *_cjk_fonts()]
    import matplotlib.pyplot as plt

    return plt


_CJK = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "SimHei", "Microsoft YaHei", "PingFang SC")
"""Fonts that draw Chinese, used where installed: matplotlib falls back along the list."""


@functools.cache
def _cjk_fonts() -> tuple[str, ...]:
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return tuple(f for f in _CJK if f in installed)


def _drawable(text: str) -> bool:
    """Whether the fonts at hand draw every character: Latin always, Chinese only with a
    CJK font installed (CI has none; a chart then leaves the name to its caption)."""
    return all(ord(ch) < 0x250 for ch in text) or bool(_cjk_fonts())


def available() -> None:
    """Raise ``ChartsMissing`` now, before a run does any work, if charts cannot be drawn."""
    _pyplot()


def png(fig: Any) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=96, metadata={"Software": None}, bbox_inches="tight")
    _pyplot().close(fig)
    return buf.getvalue()


def _floats(scores: Sequence[Any] | np.ndarray) -> np.ndarray:
    if isinstance(scores, np.ndarray) and scores.dtype == float:
        return scores
    return np.array([float(s) for s in scores if s != "" and s is not None], dtype=float)


def _bins(*series: np.ndarray) -> np.ndarray:
    values = np.concatenate([s for s in series if len(s)]) if any(len(s) for s in series) else np.zeros(1)
    lo, hi = float(values.min()), float(values.max())
    if hi <= lo:
        hi = lo + 1
    return np.linspace(lo, hi, 41)


def _say(template: str, **fields: Any) -> str:
    """A label in the user's language where the fonts can draw it, else in English."""
    text = tr(template, **fields)
    return text if _drawable(text) else template.format(**fields)


def _title(bucket: str, what: str) -> str:
    """A chart's title, with the bucket's name where the fonts can draw it."""
    return f"{bucket.replace('$', chr(92) + '$')}: {what}" if _drawable(bucket) else what


def distribution(bucket: str, admitted: Sequence[Any], waitlisted: Sequence[Any], cutoff: Any,
                 tied: int) -> Any:
    """One bucket of a ranking run: admitted and waitlisted scores, the cutoff line and the
    band of applicants tied at it."""
    plt = _pyplot()
    a, w = _floats(admitted), _floats(waitlisted)
    bins = _bins(a, w)
    fig, ax = plt.subplots(figsize=(7, 3.6))
    ax.hist([a, w], bins=bins, stacked=True, color=["#2b7bba", "#bbbbbb"],
            label=[_say(N_("admitted")), _say(N_("waitlisted"))])
    if cutoff not in (None, ""):
        x = float(Decimal(str(cutoff)))
        width = bins[1] - bins[0]
        ax.axvspan(x - width / 2, x + width / 2, color="#f4a261", alpha=0.35,
                   label=_say(N_("tied at the cutoff: {n}"), n=tied))
        ax.axvline(x, color="#d62828", linewidth=1.5, label=_say(N_("cutoff {cutoff}"), cutoff=cutoff))
    ax.set_title(_title(bucket, _say(N_("score distribution"))))
    ax.set_xlabel(_say(N_("score")))
    ax.set_ylabel(_say(N_("applicants")))
    ax.legend(loc="upper right", fontsize=8)
    return fig


def before_after(bucket: str, before: Sequence[Any], after: Sequence[Any], cut_before: Any, cut_after: Any,
                 names: tuple[str, str]) -> Any:
    """One bucket of a comparison: the eligible applicants' scores under each rule set,
    with each cutoff."""
    plt = _pyplot()
    names = tuple(n if _drawable(n) else _say(w) for n, w in zip(names, (N_("before"), N_("after")), strict=True))
    b, a = _floats(before), _floats(after)
    bins = _bins(b, a)
    fig, ax = plt.subplots(figsize=(7, 3.6))
    ax.hist(b, bins=bins, histtype="step", linewidth=1.6, color="#555555", label=names[0])
    ax.hist(a, bins=bins, histtype="step", linewidth=1.6, color="#2b7bba", label=names[1])
    for cut, colour, name in ((cut_before, "#555555", names[0]), (cut_after, "#2b7bba", names[1])):
        if cut not in (None, ""):
            ax.axvline(float(Decimal(str(cut))), color=colour, linestyle="--", linewidth=1.2,
                       label=_say(N_("cutoff, {rules}: {cutoff}"), rules=name, cutoff=cut))
    ax.set_title(_title(bucket, _say(N_("scores of eligible applicants"))))
    ax.set_xlabel(_say(N_("score")))
    ax.set_ylabel(_say(N_("applicants")))
    ax.legend(loc="upper right", fontsize=8)
    return fig


def safe_name(text: str) -> str:
    """A bucket name fit for a file name: letters and digits kept, anything else ``_``."""
    return re.sub(r"[^\w-]", "_", text)[:40] or "_"


def rank_charts(outcome: Any) -> dict[str, bytes]:
    """``rank --chart``: one PNG per bucket, ``chart-NN-BUCKET.png``."""
    available()
    header, cols, _ = outcome.columns()["results.csv"]
    c = dict(zip(header, cols, strict=True))
    by: dict[str, tuple[list[Any], list[Any]]] = {}
    for bucket, status, score in zip(c["bucket"], c["status"], c["score"], strict=True):
        if status in ("admitted", "waitlisted"):
            by.setdefault(bucket, ([], []))[status == "waitlisted"].append(score)
    out = {}
    for i, s in enumerate(outcome.summaries, start=1):
        admitted, waitlisted = by.get(s.bucket, ([], []))
        fig = distribution(s.bucket, admitted, waitlisted, s.cutoff, s.tied_at_cutoff)
        out[f"chart-{i:02d}-{safe_name(s.bucket)}.png"] = png(fig)
    return out
