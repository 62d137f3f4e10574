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

import copy
import datetime as dt
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pointscalc import groups as pool_groups
from pointscalc import i18n, idnumber, run
from pointscalc.errors import Problem
from pointscalc.i18n import N_, tr
from pointscalc.ranking import Status, cutoff_text
from pointscalc.recognition import Recognition
from pointscalc.quotas import Quotas
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
    family: Path | None = None
    records: Path | None = None
    scheduler: str | None = None
    """With ``engine`` dask: the scheduler's address; ``None`` for a local cluster."""
    partitions: int | None = None
    """With ``engine`` dask: partitions the pool is hashed into; ``None`` for 4 per worker."""

    def keyed(self) -> dict[str, Path | None]:
        """The tables keyed by applicant ID, by role, as ``rank`` passes them."""
        return {"periods": self.periods, "family": self.family, "records": self.records}


@attrs.frozen
class Side:
    name: str
    """``baseline`` or ``alternative``."""
    label: str
    """What the rules are, for a reader: "version 2016", "2020 + reform: raise the tax cap"."""
    version: Version
    quotas: Quotas


def rank_pool(scheme: Scheme, side: Side, as_of: dt.date, pool: Pool) -> Any:
    """One ranking run, as ``pointscalc rank`` makes it (the integrator will give both one
    home); an outcome with ``summaries``, ``problems``, ``invalid`` and ``columns()``."""
    from pointscalc.cli import _by_columns

    version = side.version
    if pool.scored:
        table = read_table(pool.input)
        bad = [(p.row or 0, None, [p]) for p in table.problems]
        rows = iter([*bad, *run.scored_rows(table, version, as_of=as_of)])
    else:
        recognition = Recognition.resolve(scheme.city, scheme.agreements, as_of, pool.include_explored)
        outcome = _by_columns(pool.engine, scheme, version, as_of, recognition, pool.input, pool.keyed(),
                              side.quotas, pool.ties, pool.jobs)
        if outcome is not None:
            return outcome
        if pool.input.suffix.lower() in (".csv", ".xlsx"):
            table = read_table(pool.input)
            tables = {k: read_table(f) if f else None for k, f in pool.keyed().items()}
            applicants = iter([*((p.row or 0, table.name, None, [p], None) for p in table.problems),
                               *run.table_applicants(table, tables["periods"], version, tables["family"],
                                                     tables["records"])])
        else:
            applicants = run.jsonl_applicants(pool.input)
        rows = run.scored_applicants(applicants, scheme, version, as_of, recognition, pool.jobs)
    return run.rank_run(scheme, version, rows, side.quotas, file=str(pool.input), ties=pool.ties)


def _on_cluster(scheme: Scheme, sides: tuple[Side, Side], as_of: dt.date, pool: Pool) -> list[Any]:
    """Both sides ranked on a Dask cluster (``--engine dask``) from one reading of the pool;
    each outcome's tables gathered as ``rank_pool`` gives them."""
    from pointscalc import bulk, distributed, i18n

    for side in sides:
        distributed.require_ranking(scheme, side.version)
    recognition = Recognition.resolve(scheme.city, scheme.agreements, as_of, pool.include_explored)
    for table in (pool.input, pool.periods):  # a pool that is not there is said before a cluster starts
        if table is not None:
            distributed.sources(str(table))
    client = distributed.client_for(pool.scheduler)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        jobs = [distributed.Job(scheme, side.version, as_of, recognition, pool.partitions or 4 * workers,
                                lang=i18n.current()) for side in sides]
        # One reading for both sides: their versions read the same facts (see ``compare``).
        read = distributed.read_pool(client, jobs[0], str(pool.input), str(pool.periods) if pool.periods else None)
        out = []
        for k, (side, job) in enumerate(zip(sides, jobs, strict=True)):
            ranked = distributed.rank_read(client, job, read, side.quotas, ties=pool.ties, form="columns",
                                           release=k == len(sides) - 1)
            out.append(bulk.BulkOutcome(ranked.summaries, ranked.problems, ranked.invalid, ranked.ties,
                                        ranked.columns()))
        return out
    finally:
        distributed.close(client)


def _by_columns_once(scheme: Scheme, sides: tuple[Side, Side], as_of: dt.date, pool: Pool
                     ) -> tuple[Any, Any, Any] | None:
    """Both sides by the columns engine from one reading of the tables, where both versions
    read the same facts and the engine takes them, and the tables as read; ``None`` where
    ``rank_pool`` must rank each side (it then says why, if ``--engine columns`` was asked
    for)."""
    if pool.engine == "applicants" or pool.scored or pool.input.suffix.lower() != ".csv" \
            or sides[0].version.facts != sides[1].version.facts:
        return None
    try:
        from pointscalc import bulk, columns
    except ImportError:
        return None
    recognition = Recognition.resolve(scheme.city, scheme.agreements, as_of, pool.include_explored)
    if any(bulk.unsupported(scheme, s.version, recognition) for s in sides):
        return None
    version = sides[0].version
    try:
        read = columns.read(pool.input, pool.keyed(), version, any(f.name == "target_area" for f in version.facts),
                            as_of)
        x, y = (bulk.rank_columns(scheme, s.version, as_of, recognition, pool.input, pool.keyed(), s.quotas,
                                  ties=pool.ties, jobs=pool.jobs,
                                  read=attrs.evolve(read, others=copy.deepcopy(read.others)))
                for s in sides)
        return x, y, read.tables
    except columns.NotColumnar:
        return None


@attrs.frozen
class Ranked:
    """One side's outcome as columns, by applicant."""

    side: Side
    summaries: list[Any]
    invalid: int
    problems: list[Problem]
    ids: list[str]
    buckets: np.ndarray
    status: np.ndarray
    """Index into ``STATUSES``."""
    rank: np.ndarray
    score: np.ndarray
    reason: np.ndarray
    """Why an ineligible applicant is ineligible: the conditions failed, with clauses."""


def _ranked(side: Side, outcome: Any) -> Ranked:
    header, cols, _ = outcome.columns()["results.csv"]
    c = dict(zip(header, cols, strict=True))
    code = {s: i for i, s in enumerate(STATUSES)}
    enc = pc.dictionary_encode(pa.array(c["status"], pa.string()))
    status = np.array([code[s] for s in enc.dictionary.to_pylist()] + [0], dtype=np.int8)[
        enc.indices.to_numpy(zero_copy_only=False)] if len(c["status"]) else np.zeros(0, dtype=np.int8)
    ids = pa.array(c["id"], pa.string())
    keep = pc.not_equal(ids, "").to_numpy(zero_copy_only=False)
    anonymous = int((~keep & (status != code["invalid"])).sum())
    if anonymous:
        raise CompareError(tr("{n} row(s) have no ID number: compare matches applicants by ID, so every row needs"
                              " one", n=anonymous))
    pick = np.flatnonzero(keep)
    return Ranked(side, outcome.summaries, int((~keep).sum()), list(outcome.problems),
                  pc.filter(ids, pa.array(keep)).to_pylist(), _objects(c["bucket"])[pick], status[pick],
                  _objects(c["rank"])[pick], _objects(c["score"])[pick], _objects(c["reason"])[pick])


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
    rank: tuple[np.ndarray, np.ndarray]
    """Ranks as integers, 0 where there is none (ineligible, invalid)."""
    score: tuple[np.ndarray, np.ndarray]
    bucket: tuple[np.ndarray, np.ndarray]
    groups: pool_groups.Groups | None
    changed: np.ndarray
    """Applicants whose status or rank changed."""
    rates: list[GroupRate]
    """Admission rate by group, before and after."""

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

    def changes(self) -> list[list[Any]]:
        """Every applicant whose status or rank changed, masked, by bucket and new rank."""
        return [list(r) for r in zip(*self.change_columns(), strict=True)]

    def change_columns(self) -> list[list[Any]]:
        """``changes`` column by column, as changes.csv is written."""
        at = np.flatnonzero(self.changed)
        (sa, sb), (ra, rb), (ba, bb) = self.status, self.rank, self.bucket
        far = np.int64(1 << 62)
        order = at[np.lexsort((np.where(ra[at] > 0, ra[at], far), ba[at].astype(str),
                               np.where(rb[at] > 0, rb[at], far), sb[at], bb[at].astype(str)))]
        names = np.array(STATUSES, dtype=object)

        def shown(r: np.ndarray) -> list[Any]:
            return np.where(r[order] > 0, r[order].astype(object), "").tolist()

        ids = pc.take(pa.array(self.ids, pa.string()), pa.array(order, pa.int64()))
        return [masked(ids), ba[order].tolist(), bb[order].tolist(), names[sa[order]].tolist(),
                names[sb[order]].tolist(), shown(ra), shown(rb), self.score[0][order].tolist(),
                self.score[1][order].tolist()]

    def group_rates(self) -> list[GroupRate]:
        return self.rates

    def summary(self) -> dict[str, Any]:
        changed = self.changed
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
    at = pc.index_in(pa.array(ids, pa.string()), value_set=pa.array(groups.ids, pa.string())).fill_null(-1) \
        .to_numpy(zero_copy_only=False).astype(np.int64)
    found = at >= 0
    out = []
    for name, labels in groups.labels.items():
        enc = pc.dictionary_encode(pa.array(labels, pa.string()))
        values = enc.dictionary.to_pylist()
        codes = enc.indices.to_numpy(zero_copy_only=False)[at[found]]
        total = np.bincount(codes, minlength=len(values))
        ins = [np.bincount(codes, weights=adm[found], minlength=len(values)).astype(np.int64) for adm in admitted]
        for j, value in sorted(enumerate(values), key=lambda jv: pool_groups.sort_key(name, jv[1])):
            if total[j]:
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

    def row(self, *, shown: bool = False) -> list[Any]:
        """groups.csv's row; ``shown``: a band's words in the user's language (compare.json)."""
        value = pool_groups.shown(self.value) if shown else self.value
        return [self.group, value, self.applicants, self.admitted_before, percent(self.rate_before),
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
    if pool.engine == "dask":
        x, y = (_ranked(s, o) for s, o in zip((before, after), _on_cluster(scheme, (before, after), as_of, pool),
                                              strict=True))
        tables = None
    else:
        shared = _by_columns_once(scheme, (before, after), as_of, pool)
        x = _ranked(before, shared[0] if shared else rank_pool(scheme, before, as_of, pool))
        y = _ranked(after, shared[1] if shared else rank_pool(scheme, after, as_of, pool))
        tables = shared[2] if shared else None
    both = pa.concat_arrays([pa.array(x.ids, pa.string()), pa.array(y.ids, pa.string())])
    unique = pc.unique(both)
    ids_pa = pc.take(unique, pc.sort_indices(unique))
    ids = ids_pa.to_pylist()
    invalid = STATUSES.index("invalid")

    def spread(r: Ranked) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        idx = pc.index_in(ids_pa, value_set=pa.array(r.ids, pa.string())).fill_null(-1).to_numpy(
            zero_copy_only=False).astype(np.int64)
        here = idx >= 0
        pick = np.maximum(idx, 0)
        status = np.where(here, r.status[pick] if len(r.status) else invalid, invalid).astype(np.int8)
        ranks = np.where(r.rank == "", 0, r.rank).astype(np.int64)
        rank = np.where(here, ranks[pick] if len(ranks) else 0, 0)
        score = r.score[pick] if len(r.score) else np.empty(len(ids), dtype=object)
        bucket = r.buckets[pick] if len(r.buckets) else np.empty(len(ids), dtype=object)
        return status, rank, np.where(here, score, ""), np.where(here, bucket, "")

    sa, ra, ca, ba = spread(x)
    sb, rb, cb, bb = spread(y)
    try:
        if not with_groups:
            grouped = None
        elif tables is not None:  # the tables as the ranking read them: no second reading
            apps, per = tables
            grouped = pool_groups.from_columns(apps.columns, per.columns if per is not None else None, len(apps),
                                               as_of, by=by)
        else:
            grouped = pool_groups.read(pool.input, pool.periods, as_of, by=by)
    except pool_groups.GroupError as e:
        raise CompareError(str(e)) from None
    changed = (sa != sb) | (ra != rb)
    rates = _rates(grouped, ids, (sa, sb)) if grouped is not None else []
    return Comparison(scheme, as_of, pool, x, y, ids, (sa, sb), (ra, rb), (ca, cb), (ba, bb), grouped,
                      changed, rates)


def masked(ids: pa.Array) -> list[str]:
    """``idnumber.mask`` of each ID, by columns for the 18-character ones (all valid ones)."""
    full = pc.equal(pc.utf8_length(ids), 18)
    fast = pc.binary_join_element_wise(pc.utf8_slice_codeunits(ids, 0, 3), pc.utf8_slice_codeunits(ids, 14, 18),
                                       "*" * 11)
    out = pc.if_else(full, fast, ids).to_pylist()
    for i in np.flatnonzero(~full.to_numpy(zero_copy_only=False)).tolist():
        out[i] = idnumber.mask(out[i])
    return out


def _objects(values: list[Any]) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def _rates(groups: pool_groups.Groups, ids: list[str], status: tuple[np.ndarray, np.ndarray]) -> list[GroupRate]:
    """Admission rate by group, before and after; a group's applicants are those valid on
    at least one side."""
    out = [(name, value, total, before, after)
           for name, value, total, (before, after) in group_counts(groups, ids, [s == 0 for s in status])]
    best: dict[str, tuple[Fraction, Fraction]] = {}
    for name, _, total, before, after in out:
        b = best.get(name, (Fraction(0), Fraction(0)))
        best[name] = (max(b[0], Fraction(before, total)), max(b[1], Fraction(after, total)))
    return [GroupRate(name, value, total, before, after, Fraction(before, total), Fraction(after, total),
                      Fraction(before, total) / best[name][0] if best[name][0] else None,
                      Fraction(after, total) / best[name][1] if best[name][1] else None)
            for name, value, total, before, after in out]


# --- Outputs --------------------------------------------------------------------------------

TRANSITIONS = ["before", "after", "applicants"]
BUCKETS = ["bucket", "quota_before", "quota_after", "eligible_before", "eligible_after", "admitted_before",
           "admitted_after", "cutoff_before", "cutoff_after", "tied_before", "tied_after"]
CHANGES = ["id", "bucket_before", "bucket_after", "status_before", "status_after", "rank_before", "rank_after",
           "score_before", "score_after"]
GROUPS = ["group", "value", "applicants", "admitted_before", "rate_before", "admitted_after", "rate_after",
          "change", "ratio_to_best_before", "ratio_to_best_after"]


BUCKETS_ZH = ["区域", "名额（前）", "名额（后）", "符合条件（前）", "符合条件（后）", "入围（前）", "入围（后）",
              "分数线（前）", "分数线（后）", "同分（前）", "同分（后）"]
TRANSITIONS_ZH = ["之前", "之后", "申请人数"]
"""The terminal's headers in Chinese; the files keep the codes of BUCKETS and TRANSITIONS."""
STATUS_WORDS = {"admitted": N_("admitted"), "waitlisted": N_("waitlisted"), "ineligible": N_("ineligible"),
                "invalid": N_("invalid")}


def shown_buckets(c: Comparison) -> list[list[Any]]:
    """``buckets`` as people read them: an open quota in the user's language."""
    return [[i18n.pick(v, "不限") if v == "open" and 1 <= j <= 2 else v for j, v in enumerate(r)]
            for r in c.buckets()]


def shown_transitions(c: Comparison) -> list[list[Any]]:
    """``transitions`` as people read them: statuses in the user's language."""
    return [[tr(STATUS_WORDS[a]), tr(STATUS_WORDS[b]), n] for a, b, n in c.transitions()]


def terminal_text(c: Comparison, out: str) -> str:
    """What ``compare`` prints: the two rule sets, places and cutoffs by bucket, who moved,
    and the counts, in the user's language (the files keep codes)."""
    from pointscalc.report import fitted, fitted_or_listed, wrapped

    zh = i18n.current() == "zh"
    s = c.summary()
    buckets = BUCKETS_ZH if zh else BUCKETS
    return "\n".join([
        *wrapped(tr("before: {before}; after: {after}", before=c.before.side.label, after=c.after.side.label), "  "),
        fitted_or_listed(shown_buckets(c), buckets, [False] * len(buckets)),
        "",
        fitted(shown_transitions(c), TRANSITIONS_ZH if zh else TRANSITIONS, [False, False, False]),
        "",
        *wrapped(tr("admitted {before} → {after}; newly admitted {newly}, no longer admitted {no_longer}; status or rank"
           " changed for {changed}; written to {out}", before=s["admitted_before"], after=s["admitted_after"],
           newly=s["newly_admitted"], no_longer=s["no_longer_admitted"], changed=s["rank_changed"], out=out),
                  "  "),
    ])


def problems(c: Comparison) -> list[Problem]:
    """The bad rows of both sides, each once (most are bad whatever the rules)."""
    return sorted(set(c.before.problems) | set(c.after.problems), key=lambda q: (q.file, q.row or 0, q.field,
                                                                                   q.message))


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
        "groups": named(GROUPS, [g.row(shown=True) for g in c.group_rates()]),
        "groups_not_in_pool": list(c.groups.missing) if c.groups else [],
        "changes_file": "changes.csv",
        "errors_file": "errors.csv",
    }


def files(c: Comparison, report_html: bytes | None) -> dict[str, bytes]:
    """The output folder: tables (CSV), compare.json and report.html."""
    from pointscalc.report import dumps

    out = {
        "transitions.csv": csv_columns(TRANSITIONS, as_columns(c.transitions(), 3), neutralise=[False] * 3),
        "buckets.csv": csv_columns(BUCKETS, as_columns(c.buckets(), len(BUCKETS)),
                                   neutralise=[True] + [False] * (len(BUCKETS) - 1)),
        "changes.csv": csv_columns(CHANGES, c.change_columns(),
                                   neutralise=[False, True, True] + [False] * 6),
        "groups.csv": csv_columns(GROUPS, as_columns([g.row() for g in c.group_rates()], len(GROUPS)),
                                  neutralise=[False, True] + [False] * 8),
        "compare.json": dumps(document(c)).encode("utf-8"),
    }
    header, neutralise = run.HEADERS["errors.csv"]
    out["errors.csv"] = csv_columns(header, as_columns(run.error_rows(problems(c)), len(header)),
                                    neutralise=neutralise)
    if report_html is not None:
        out["report.html"] = report_html
    return out





# --- report.html ----------------------------------------------------------------------------


def _table(header: list[str], rows: list[list[Any]]) -> str:
    from html import escape

    head = "".join(f"<th>{escape(h.replace('_', ' '))}</th>" for h in header)
    return _html_table(head, rows)


def _html_table(head: str, rows: list[list[Any]]) -> str:
    from html import escape

    body = "".join("<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in r) + "</tr>" for r in rows)
    return f"<div class='wide'><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"


def _scores_by_bucket(c: Comparison, side: int) -> dict[str, np.ndarray]:
    """Each bucket's eligible applicants' scores, as floats for a chart (never for points)."""
    eligible = c.status[side] <= 1
    buckets, scores = c.bucket[side][eligible], c.score[side][eligible]
    values = np.array([float(v) for v in scores.tolist()], dtype=float)
    codes = pc.dictionary_encode(pa.array(buckets.tolist(), pa.string()))
    names = codes.dictionary.to_pylist()
    index = codes.indices.to_numpy(zero_copy_only=False)
    return {name: values[index == i] for i, name in enumerate(names)}


FOUR_FIFTHS = Fraction(4, 5)


def _shown_table(codes: list[str], chinese: list[str], rows: list[list[Any]]) -> str:
    """A table of the report: headed by the CSV's codes in English, in Chinese for --lang zh."""
    from html import escape

    if i18n.current() != "zh":
        return _table(codes, rows)
    return _html_table("".join(f"<th>{escape(h)}</th>" for h in chinese), rows)


def report_html(c: Comparison) -> bytes:
    """One self-contained page: charts embedded as PNG, no ID number or name anywhere; its
    prose in the user's language, its tables' headers the codes of the CSV files beside it."""
    import base64
    from html import escape

    from pointscalc import charts

    lang = i18n.current()
    names = (c.before.side.label, c.after.side.label)
    s = c.summary()

    def b(value: Any) -> str:
        return f"<b>{escape(value) if isinstance(value, str) else f'{value:,}'}</b>"

    parts = [
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>",
        "<title>" + escape(tr("{scheme}: {before} against {after}", scheme=c.scheme.name(lang), before=names[0],
                              after=names[1])) + "</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;"
        "text-align:right}td:first-child,th:first-child{text-align:left}th{background:#f3f3f3}"
        ".bar{display:inline-block;height:.8em;background:#2b7bba}.bar.before{background:#999}"
        ".flag{color:#b00020;font-weight:bold}figure{margin:1em 0}figcaption{font-weight:bold}"
        ".wide{overflow-x:auto}th{font-weight:normal;font-size:.9em}</style>",
        "</head><body>",
        "<h1>" + escape(tr("{scheme} ({scheme_zh}): what changes", scheme=c.scheme.name.en,
                           scheme_zh=c.scheme.name.zh) if lang != "zh"
                        else tr("{scheme}: what changes", scheme=c.scheme.name.zh)) + "</h1>",
        "<p>" + tr("The same pool of {n} applicants ({pool}), taken as of {as_of}, ranked twice: under {before}"
                   " (before) and under {after} (after).", n=b(s["applicants"]), pool=escape(c.pool.input.name),
                   as_of=c.as_of, before=b(names[0]), after=b(names[1])) + "</p>",
        "<p>" + tr("Admitted before: {before}; after: {after}. Newly admitted: {newly}; no longer admitted:"
                   " {no_longer}. Applicants whose status changed: {status}; whose status or rank changed:"
                   " {changed} (listed, with masked ID numbers, in changes.csv beside this page).",
                   before=b(s["admitted_before"]), after=b(s["admitted_after"]), newly=b(s["newly_admitted"]),
                   no_longer=b(s["no_longer_admitted"]), status=f"{s['status_changed']:,}",
                   changed=f"{s['rank_changed']:,}") + "</p>",
        "<h2>" + tr("Places and cutoffs, by bucket") + "</h2>",
        "<p>" + tr("A bucket is what the quota is set for (a target area, a school). The cutoff is the score of the"
                   " last applicant admitted.") + "</p>",
        _shown_table(BUCKETS, BUCKETS_ZH, shown_buckets(c)),
        "<h2>" + tr("Score distributions") + "</h2>",
        "<p>" + tr("Each chart counts the eligible applicants of one bucket by score: grey before, blue after. A"
                   " dashed line marks each cutoff: applicants above it were admitted under those rules (at it, the"
                   " ties policy decides), unless the scheme ranks a priority group ahead of the score (Suzhou"
                   " since 2020), whose members may be admitted below it.") + "</p>",
    ]
    before, after = _scores_by_bucket(c, 0), _scores_by_bucket(c, 1)
    cuts = {r[0]: (r[7], r[8]) for r in c.buckets()}
    for bucket in sorted(set(before) | set(after)):
        fig = charts.before_after(bucket, before.get(bucket, []), after.get(bucket, []), *cuts.get(bucket, ("", "")),
                                  names=names)
        data = base64.b64encode(charts.png(fig)).decode("ascii")
        alt = escape(tr("score distribution of {bucket}, before and after", bucket=bucket))
        parts.append(f"<figure><figcaption>{escape(bucket)}</figcaption>"
                     f"<img alt='{alt}' src='data:image/png;base64,{data}'></figure>")
    parts += [
        "<h2>" + tr("Who moved") + "</h2>",
        "<p>" + tr("Each row counts the applicants who had the first status before and the second after.") + "</p>",
        _shown_table(TRANSITIONS, TRANSITIONS_ZH, shown_transitions(c)),
        "<h2>" + tr("Admission rate by group") + "</h2>",
        "<p>" + tr("For each group: its applicants, the share admitted before and after, the change in percentage"
                   " points, and its rate as a ratio to the best-off group's. A ratio below 0.80 (four fifths) is"
                   " marked {mark}.", mark="<span class='flag'>▲</span>") + "</p>",
    ]
    if c.groups is not None and c.groups.missing:
        parts.append("<p>" + escape(tr("Not in this pool: {groups}.", groups=i18n.listing(c.groups.missing)))
                     + "</p>")
    by_group: dict[str, list[GroupRate]] = {}
    for g in c.group_rates():
        by_group.setdefault(g.group, []).append(g)
    heads = [tr("applicants"), tr("rate before"), tr("rate after"), tr("change"), tr("ratio to best, before"),
             tr("ratio to best, after")]
    for group, rows in by_group.items():
        parts.append(f"<h3>{escape(pool_groups.title(group))}</h3>")
        body = []
        for g in rows:
            flags = ["▲" if r is not None and r < FOUR_FIFTHS else "" for r in (g.ratio_before, g.ratio_after)]
            body.append(
                f"<tr><td>{escape(pool_groups.shown(g.value))}</td><td>{g.applicants:,}</td>"
                f"<td>{percent(g.rate_before)} <span class='bar before' style='width:"
                f"{_round(g.rate_before * 8, 2)}em'></span></td>"
                f"<td>{percent(g.rate_after)} <span class='bar' style='width:{_round(g.rate_after * 8, 2)}em'>"
                f"</span></td><td>{points(g.rate_after - g.rate_before)}</td>"
                f"<td>{ratio(g.ratio_before)} <span class='flag'>{flags[0]}</span></td>"
                f"<td>{ratio(g.ratio_after)} <span class='flag'>{flags[1]}</span></td></tr>")
        parts.append(f"<table><thead><tr><th>{escape(pool_groups.title(group))}</th>"
                     + "".join(f"<th>{escape(h)}</th>" for h in heads) + "</tr></thead>"
                     f"<tbody>{''.join(body)}</tbody></table>")
    parts.append("<p>" + tr("This page names no applicant: it holds counts, rates and charts only.")
                 + "</p></body></html>\n")
    return "\n".join(parts).encode("utf-8")
