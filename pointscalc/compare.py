"""Two rule sets on one pool: who gains, who loses, and by group (``pointscalc compare``).

The pool is ranked twice, under the baseline and under the alternative (another version
of the scheme, or a reform of the baseline), with the same inputs and run options as
``pointscalc rank``.  Applicants are matched by ID number, so every row must have one.
The outputs are tables an office can keep and a report anyone can read; none of them
holds an unmasked ID number or name.

Rates are exact fractions until they are printed: a rate as a percentage to one decimal,
a ratio to two, both rounded half-up.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import numpy as np

from pointscalc import groups as pool_groups
from pointscalc import idnumber, run
from pointscalc.errors import Problem
from pointscalc.ranking import Status, cutoff_text
from pointscalc.recognition import Recognition
from pointscalc.scheme import Scheme, Ties, Version
from pointscalc.tables import as_columns, csv_columns, read_table

STATUSES = [s.value for s in Status]
"""Order of statuses in every table: admitted, waitlisted, ineligible, invalid."""


class CompareError(Exception):
    """A comparison that cannot be made as asked."""


@attrs.frozen
class Pool:
    """The inputs and run options of ``rank``, shared by both sides."""

    input: Path
    periods: Path | None = None
    scored: bool = False
    engine: str = "auto"
    jobs: int = 1
    include_explored: bool = False
    ties: Ties | None = None


@attrs.frozen
class Side:
    name: str
    """``baseline`` or ``alternative``."""
    label: str
    """What the rules are, for a reader: "version 2016", "2020 + reform: raise the tax cap"."""
    version: Version
    quotas: dict[str, int | None]
    default_quota: int | None


def rank_pool(scheme: Scheme, side: Side, as_of: dt.date, pool: Pool) -> Any:
    """One ranking run, as ``pointscalc rank`` makes it (the integrator will give both one
    home); an outcome with ``summaries``, ``problems``, ``invalid`` and ``columns()``."""
    from pointscalc.cli import _by_columns

    version = side.version
    if pool.scored:
        table = read_table(pool.input)
        bad = [(p.row or 0, None, [p]) for p in table.problems]
        rows = iter([*bad, *run.scored_rows(table, version)])
    else:
        recognition = Recognition.resolve(scheme.city, scheme.agreements, as_of, pool.include_explored)
        outcome = _by_columns(pool.engine, scheme, version, as_of, recognition, pool.input,
                              str(pool.periods) if pool.periods else None, side.quotas, side.default_quota,
                              pool.ties, pool.jobs)
        if outcome is not None:
            return outcome
        if pool.input.suffix.lower() in (".csv", ".xlsx"):
            table = read_table(pool.input)
            periods = read_table(pool.periods) if pool.periods else None
            applicants = iter([*((p.row or 0, table.name, None, [p], None) for p in table.problems),
                               *run.table_applicants(table, periods, version)])
        else:
            applicants = run.jsonl_applicants(pool.input)
        rows = run.scored_applicants(applicants, scheme, version, as_of, recognition, pool.jobs)
    return run.rank_run(scheme, version, rows, side.quotas, side.default_quota, file=str(pool.input),
                        ties=pool.ties)


@attrs.frozen
class Ranked:
    """One side's outcome as columns, by applicant."""

    side: Side
    summaries: list[Any]
    invalid: int
    problems: list[Problem]
    ids: list[str]
    buckets: list[str]
    status: np.ndarray
    """Index into ``STATUSES``."""
    rank: list[Any]
    score: list[Any]
    reason: list[str]
    """Why an ineligible applicant is ineligible: the conditions failed, with clauses."""


def _ranked(side: Side, outcome: Any) -> Ranked:
    header, cols, _ = outcome.columns()["results.csv"]
    c = dict(zip(header, cols, strict=True))
    code = {s: i for i, s in enumerate(STATUSES)}
    status = np.array([code[s] for s in c["status"]], dtype=np.int8)
    named = [i for i, (x, s) in enumerate(zip(c["id"], status.tolist(), strict=True))
             if x or s == code["invalid"]]
    if len(named) != len(status):
        raise CompareError(f"{len(status) - len(named)} row(s) have no ID number: compare matches applicants"
                           " by ID, so every row needs one")
    keep = np.array([x != "" for x in c["id"]], dtype=bool)
    pick = np.flatnonzero(keep)
    take = pick.tolist()
    return Ranked(side, outcome.summaries, int((~keep).sum()), list(outcome.problems), [c["id"][i] for i in take],
                  [c["bucket"][i] for i in take], status[pick], [c["rank"][i] for i in take],
                  [c["score"][i] for i in take], [c["reason"][i] for i in take])


@attrs.frozen
class Comparison:
    scheme: Scheme
    as_of: dt.date
    pool: Pool
    before: Ranked
    after: Ranked
    ids: list[str]
    """Every applicant valid on at least one side, sorted."""
    status: tuple[np.ndarray, np.ndarray]
    rank: tuple[list[Any], list[Any]]
    score: tuple[list[Any], list[Any]]
    bucket: tuple[list[str], list[str]]
    groups: pool_groups.Groups | None

    # --- tables -----------------------------------------------------------------------

    def transitions(self) -> list[list[Any]]:
        """Count of applicants for each (status before, status after)."""
        a, b = self.status
        counts = Counter(zip(a.tolist(), b.tolist(), strict=True))
        return [[STATUSES[i], STATUSES[j], counts[(i, j)]] for i in range(4) for j in range(4) if counts[(i, j)]]

    def buckets(self) -> list[list[Any]]:
        before = {s.bucket: s for s in self.before.summaries}
        after = {s.bucket: s for s in self.after.summaries}

        def cell(s: Any, name: str) -> Any:
            if s is None:
                return ""
            value = getattr(s, name)
            return "open" if name == "quota" and value is None else cutoff_text(value) if name == "cutoff" \
                else value

        out = []
        for bucket in sorted(set(before) | set(after)):
            x, y = before.get(bucket), after.get(bucket)
            out.append([bucket, cell(x, "quota"), cell(y, "quota"), cell(x, "eligible"), cell(y, "eligible"),
                        cell(x, "admitted"), cell(y, "admitted"), cell(x, "cutoff"), cell(y, "cutoff"),
                        cell(x, "tied_at_cutoff"), cell(y, "tied_at_cutoff")])
        return out

    def changed(self) -> np.ndarray:
        """Applicants whose status or rank changed."""
        a, b = self.status
        ranks = np.array([x != y for x, y in zip(*self.rank, strict=True)], dtype=bool)
        return (a != b) | ranks

    def changes(self) -> list[list[Any]]:
        """Every applicant whose status or rank changed, masked, by bucket and new rank."""
        rows = []
        for i in np.flatnonzero(self.changed()).tolist():
            rows.append([idnumber.mask(self.ids[i]), self.bucket[0][i], self.bucket[1][i],
                         STATUSES[self.status[0][i]], STATUSES[self.status[1][i]],
                         self.rank[0][i], self.rank[1][i], self.score[0][i], self.score[1][i]])
        rows.sort(key=lambda r: (r[2], STATUSES.index(r[4]), r[6] if isinstance(r[6], int) else 1 << 62,
                                 r[1], r[5] if isinstance(r[5], int) else 1 << 62))
        return rows

    def group_rates(self) -> list[GroupRate]:
        """Admission rate by group, before and after; a group's applicants are those valid
        on at least one side."""
        if self.groups is None:
            return []
        out = []
        for name, value, total, (before, after) in group_counts(self.groups, self.ids,
                                                                 [s == 0 for s in self.status]):
            out.append((name, value, total, before, after))
        best: dict[str, tuple[Fraction, Fraction]] = {}
        for name, _, total, before, after in out:
            b = best.get(name, (Fraction(0), Fraction(0)))
            best[name] = (max(b[0], Fraction(before, total)), max(b[1], Fraction(after, total)))
        return [GroupRate(name, value, total, before, after, Fraction(before, total), Fraction(after, total),
                          Fraction(before, total) / best[name][0] if best[name][0] else None,
                          Fraction(after, total) / best[name][1] if best[name][1] else None)
                for name, value, total, before, after in out]

    def summary(self) -> dict[str, Any]:
        changed = self.changed()
        a, b = self.status
        return {
            "applicants": len(self.ids),
            "admitted_before": int((a == 0).sum()),
            "admitted_after": int((b == 0).sum()),
            "newly_admitted": int(((a != 0) & (b == 0)).sum()),
            "no_longer_admitted": int(((a == 0) & (b != 0)).sum()),
            "status_changed": int((a != b).sum()),
            "rank_changed": int(changed.sum()),
        }


def group_counts(groups: pool_groups.Groups, ids: list[str], admitted: list[np.ndarray]
                 ) -> list[tuple[str, str, int, list[int]]]:
    """For each group and value: its applicants among ``ids``, and how many of them each
    ``admitted`` mask admits.  Values in their natural order (bands, then text)."""
    index = {x: i for i, x in enumerate(groups.ids)}
    at = np.array([index.get(x, -1) for x in ids], dtype=np.int64)
    found = at >= 0
    out = []
    for name, labels in groups.labels.items():
        values, inverse = np.unique(labels[at[found]].astype(str), return_inverse=True)
        total = np.bincount(inverse, minlength=len(values))
        ins = [np.bincount(inverse, weights=adm[found], minlength=len(values)).astype(np.int64) for adm in admitted]
        for j, value in sorted(enumerate(values.tolist()), key=lambda jv: pool_groups.sort_key(name, jv[1])):
            out.append((name, value, int(total[j]), [int(side[j]) for side in ins]))
    return out


@attrs.frozen
class GroupRate:
    group: str
    value: str
    applicants: int
    admitted_before: int
    admitted_after: int
    rate_before: Fraction
    rate_after: Fraction
    ratio_before: Fraction | None
    """This group's rate over the best-off group's; ``None`` where nobody is admitted."""
    ratio_after: Fraction | None

    def row(self) -> list[Any]:
        return [self.group, self.value, self.applicants, self.admitted_before, percent(self.rate_before),
                self.admitted_after, percent(self.rate_after), points(self.rate_after - self.rate_before),
                ratio(self.ratio_before), ratio(self.ratio_after)]


def _round(x: Fraction, places: int) -> Decimal:
    q = Decimal(x.numerator) / Decimal(x.denominator) if x.denominator != 1 else Decimal(x.numerator)
    return q.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def percent(x: Fraction) -> str:
    return f"{_round(x * 100, 1)}%"


def points(x: Fraction) -> str:
    """A change of rate in percentage points, signed."""
    d = _round(x * 100, 1)
    return f"{'+' if d > 0 else ''}{d} pp" if d else "0.0 pp"


def ratio(x: Fraction | None) -> str:
    return "" if x is None else str(_round(x, 2))


def compare(scheme: Scheme, before: Side, after: Side, as_of: dt.date, pool: Pool,
            by: tuple[str, ...] = (), with_groups: bool = True) -> Comparison:
    """Rank the pool on both sides and match applicants by ID number."""
    x = _ranked(before, rank_pool(scheme, before, as_of, pool))
    y = _ranked(after, rank_pool(scheme, after, as_of, pool))
    ids = sorted(set(x.ids) | set(y.ids))
    where = [{k: i for i, k in enumerate(r.ids)} for r in (x, y)]
    invalid = STATUSES.index("invalid")

    def spread(r: Ranked, at: dict[str, int]) -> tuple[np.ndarray, list[Any], list[Any], list[str]]:
        idx = np.array([at.get(k, -1) for k in ids], dtype=np.int64)
        status = np.where(idx >= 0, r.status[np.maximum(idx, 0)] if len(r.status) else invalid, invalid)
        pick = idx.tolist()
        return (status.astype(np.int8), [r.rank[i] if i >= 0 else "" for i in pick],
                [r.score[i] if i >= 0 else "" for i in pick], [r.buckets[i] if i >= 0 else "" for i in pick])

    sa, ra, ca, ba = spread(x, where[0])
    sb, rb, cb, bb = spread(y, where[1])
    try:
        grouped = pool_groups.read(pool.input, pool.periods, as_of, by=by) if with_groups else None
    except pool_groups.GroupError as e:
        raise CompareError(str(e)) from None
    return Comparison(scheme, as_of, pool, x, y, ids, (sa, sb), (ra, rb), (ca, cb), (ba, bb), grouped)


# --- Outputs --------------------------------------------------------------------------------

TRANSITIONS = ["before", "after", "applicants"]
BUCKETS = ["bucket", "quota_before", "quota_after", "eligible_before", "eligible_after", "admitted_before",
           "admitted_after", "cutoff_before", "cutoff_after", "tied_before", "tied_after"]
CHANGES = ["id", "bucket_before", "bucket_after", "status_before", "status_after", "rank_before", "rank_after",
           "score_before", "score_after"]
GROUPS = ["group", "value", "applicants", "admitted_before", "rate_before", "admitted_after", "rate_after",
          "change", "ratio_to_best_before", "ratio_to_best_after"]


def document(c: Comparison) -> dict[str, Any]:
    """Everything but the per-applicant changes, for ``--format json`` and compare.json."""

    def named(header: list[str], rows: list[list[Any]]) -> list[dict[str, Any]]:
        return [dict(zip(header, (str(v) if isinstance(v, Decimal) else v for v in r), strict=True))
                for r in rows]

    return {
        "scheme": c.scheme.key,
        "as_of": c.as_of.isoformat(),
        "pool": c.pool.input.name,
        "baseline": c.before.side.label,
        "alternative": c.after.side.label,
        "summary": c.summary(),
        "invalid_rows": {"baseline": c.before.invalid, "alternative": c.after.invalid},
        "transitions": named(TRANSITIONS, c.transitions()),
        "buckets": named(BUCKETS, c.buckets()),
        "groups": named(GROUPS, [g.row() for g in c.group_rates()]),
        "groups_not_in_pool": list(c.groups.missing) if c.groups else [],
        "changes_file": "changes.csv",
    }


def files(c: Comparison, report_html: bytes | None) -> dict[str, bytes]:
    """The output folder: tables (CSV), compare.json and report.html."""
    from pointscalc.report import dumps

    out = {
        "transitions.csv": csv_columns(TRANSITIONS, as_columns(c.transitions(), 3), neutralise=[False] * 3),
        "buckets.csv": csv_columns(BUCKETS, as_columns(c.buckets(), len(BUCKETS)),
                                   neutralise=[True] + [False] * (len(BUCKETS) - 1)),
        "changes.csv": csv_columns(CHANGES, as_columns(c.changes(), len(CHANGES)),
                                   neutralise=[False, True, True] + [False] * 6),
        "groups.csv": csv_columns(GROUPS, as_columns([g.row() for g in c.group_rates()], len(GROUPS)),
                                  neutralise=[False, True] + [False] * 8),
        "compare.json": dumps(document(c)).encode("utf-8"),
    }
    if report_html is not None:
        out["report.html"] = report_html
    return out





# --- report.html ----------------------------------------------------------------------------


def _table(header: list[str], rows: list[list[Any]]) -> str:
    from html import escape

    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _scores_by_bucket(c: Comparison, side: int) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for bucket, status, score in zip(c.bucket[side], c.status[side].tolist(), c.score[side], strict=True):
        if status in (0, 1):
            out.setdefault(bucket, []).append(score)
    return out


FOUR_FIFTHS = Fraction(4, 5)


def report_html(c: Comparison) -> bytes:
    """One self-contained page: charts embedded as PNG, no ID number or name anywhere."""
    import base64
    from html import escape

    from pointscalc import charts

    names = (c.before.side.label, c.after.side.label)
    s = c.summary()
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{escape(c.scheme.name.en)}: {escape(names[0])} against {escape(names[1])}</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;"
        "text-align:right}td:first-child,th:first-child{text-align:left}th{background:#f3f3f3}"
        ".bar{display:inline-block;height:.8em;background:#2b7bba}.bar.before{background:#999}"
        ".flag{color:#b00020;font-weight:bold}figure{margin:1em 0}figcaption{font-weight:bold}</style>",
        "</head><body>",
        f"<h1>{escape(c.scheme.name.en)} ({escape(c.scheme.name.zh)}): what changes</h1>",
        f"<p>The same pool of <b>{s['applicants']:,}</b> applicants ({escape(c.pool.input.name)}), taken as of"
        f" {c.as_of}, ranked twice: under <b>{escape(names[0])}</b> (before) and under"
        f" <b>{escape(names[1])}</b> (after).</p>",
        f"<p>Admitted before: <b>{s['admitted_before']:,}</b>; after: <b>{s['admitted_after']:,}</b>."
        f" Newly admitted: <b>{s['newly_admitted']:,}</b>; no longer admitted:"
        f" <b>{s['no_longer_admitted']:,}</b>. Applicants whose status changed: {s['status_changed']:,};"
        f" whose status or rank changed: {s['rank_changed']:,} (listed, with masked ID numbers, in"
        " changes.csv beside this page).</p>",
        "<h2>Places and cutoffs, by bucket</h2>",
        "<p>A bucket is what the quota is set for (a target area, a school). The cutoff is the score of the"
        " last applicant admitted.</p>",
        _table(BUCKETS, c.buckets()),
        "<h2>Score distributions</h2>",
        "<p>Each chart counts the eligible applicants of one bucket by score: grey before, blue after. A dashed"
        " line marks each cutoff: applicants above it were admitted under those rules (at it, the ties policy"
        " decides), unless the"
        " scheme ranks a priority group ahead of the score (Suzhou since 2020), whose members may be admitted"
        " below it.</p>",
    ]
    before, after = _scores_by_bucket(c, 0), _scores_by_bucket(c, 1)
    cuts = {r[0]: (r[7], r[8]) for r in c.buckets()}
    for bucket in sorted(set(before) | set(after)):
        fig = charts.before_after(bucket, before.get(bucket, []), after.get(bucket, []), *cuts.get(bucket, ("", "")),
                                  names=names)
        data = base64.b64encode(charts.png(fig)).decode("ascii")
        parts.append(f"<figure><figcaption>{escape(bucket)}</figcaption>"
                     f"<img alt='score distribution of {escape(bucket)}, before and after'"
                     f" src='data:image/png;base64,{data}'></figure>")
    parts += [
        "<h2>Who moved</h2>",
        "<p>Each row counts the applicants who had the first status before and the second after.</p>",
        _table(TRANSITIONS, c.transitions()),
        "<h2>Admission rate by group</h2>",
        "<p>For each group: its applicants, the share admitted before and after, the change in percentage"
        " points, and its rate as a ratio to the best-off group's. A ratio below 0.80 (four fifths) is"
        " marked <span class='flag'>▲</span>.</p>",
    ]
    if c.groups is not None and c.groups.missing:
        parts.append(f"<p>Not in this pool: {escape(', '.join(c.groups.missing))}.</p>")
    by_group: dict[str, list[GroupRate]] = {}
    for g in c.group_rates():
        by_group.setdefault(g.group, []).append(g)
    for group, rows in by_group.items():
        parts.append(f"<h3>{escape(group.replace('_', ' '))}</h3>")
        body = []
        for g in rows:
            flags = ["▲" if r is not None and r < FOUR_FIFTHS else "" for r in (g.ratio_before, g.ratio_after)]
            body.append(
                f"<tr><td>{escape(g.value)}</td><td>{g.applicants:,}</td>"
                f"<td>{percent(g.rate_before)} <span class='bar before' style='width:"
                f"{_round(g.rate_before * 8, 2)}em'></span></td>"
                f"<td>{percent(g.rate_after)} <span class='bar' style='width:{_round(g.rate_after * 8, 2)}em'>"
                f"</span></td><td>{points(g.rate_after - g.rate_before)}</td>"
                f"<td>{ratio(g.ratio_before)} <span class='flag'>{flags[0]}</span></td>"
                f"<td>{ratio(g.ratio_after)} <span class='flag'>{flags[1]}</span></td></tr>")
        parts.append("<table><thead><tr><th>group</th><th>applicants</th><th>rate before</th><th>rate after</th>"
                     "<th>change</th><th>ratio to best, before</th><th>ratio to best, after</th></tr></thead>"
                     f"<tbody>{''.join(body)}</tbody></table>")
    parts.append("<p>This page names no applicant: it holds counts, rates and charts only.</p></body></html>\n")
    return "\n".join(parts).encode("utf-8")
