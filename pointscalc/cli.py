"""The command line: parse, call the library, print.

Exit codes: 0 ok; 1 invalid input or a failed check; 2 usage (a bad option, an unknown
scheme).  A user's mistake is reported in one line per problem, never as a traceback.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any, NoReturn

import attrs
import click

from pointscalc.errors import InputError
from pointscalc.scheme import Scheme, SchemeError


class _Date(click.ParamType):
    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.fail(f"expected a date YYYY-MM-DD, got {value!r}", param, ctx)


class _SchemeParam(click.ParamType):
    name = "SCHEME"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Scheme:
        if isinstance(value, Scheme):
            return value
        from pointscalc import registry

        try:
            return registry.load(value)
        except SchemeError as e:
            self.fail(str(e), param, ctx)

    def shell_complete(self, ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
        """Shipped scheme names; anything that looks like a path completes as a file."""
        from click.shell_completion import CompletionItem

        from pointscalc import registry

        if "/" in incomplete or incomplete.startswith("."):
            return [CompletionItem(incomplete, type="file")]
        return [CompletionItem(n) for n in registry.shipped_names() if n.startswith(incomplete)]


DATE = _Date()
SCHEME = _SchemeParam()

_as_of = click.option("--as-of", "as_of", type=DATE, required=True,
                      help="The date rules and months are taken at (YYYY-MM-DD). Never defaults to today.")
_lang = click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True,
                     help="Language of labels and explanations.")
_stale = click.option("--allow-stale", is_flag=True,
                      help="Apply the nearest version even when --as-of is outside every version's validity.")


def _fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


def _input_failed(e: InputError) -> NoReturn:
    for p in e.problems:
        click.echo(f"error: {p}", err=True)
    sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="pointscalc")
def main() -> None:
    """Score applicants for points-based household registration (积分落户), every point
    explained and tied to the clause that grants it.

    A SCHEME is a shipped scheme's name (see `pointscalc schemes`) or the path of a
    scheme file (./my_city.py).
    """


@main.command("schemes")
def list_schemes() -> None:
    """List shipped schemes, their versions, validity and sources."""
    from pointscalc import registry, report

    click.echo(report.schemes_table(registry.all_shipped()), nl=False)


@main.command()
@click.argument("scheme", type=SCHEME)
@click.option("--as-of", "as_of", type=DATE, help="Show only the version in force on this date.")
@_lang
@_stale
def show(scheme: Scheme, as_of: dt.date | None, lang: str, allow_stale: bool) -> None:
    """Print a scheme's points table with the clause and provenance of each line."""
    from pointscalc import report

    try:
        versions = [scheme.version_for(as_of, allow_stale)] if as_of else list(scheme.versions)
    except SchemeError as e:
        _fail(str(e))
    click.echo("\n".join(report.version_text(scheme, v, lang) for v in versions), nl=False)


_explored = click.option("--include-explored", is_flag=True,
                         help="Also apply recognition agreements only announced as explored (a what-if).")


@main.command()
@click.argument("scheme", type=SCHEME)
@click.argument("applicant_file", type=click.Path(dir_okay=False))
@_as_of
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_lang
@_stale
@_explored
def score(scheme: Scheme, applicant_file: str, as_of: dt.date, fmt: str, lang: str,
          allow_stale: bool, include_explored: bool) -> None:
    """Score one applicant (a TOML or JSON file, see docs/input-format.md)."""
    from pointscalc import reading, report
    from pointscalc.scoring import assess

    try:
        version = scheme.version_for(as_of, allow_stale)
    except SchemeError as e:
        _fail(str(e))
    try:
        applicant = reading.load_applicant(applicant_file, version.facts, as_of)
    except InputError as e:
        _input_failed(e)
    assessment = assess(scheme, version, applicant, as_of, include_explored=include_explored)
    if fmt == "json":
        click.echo(report.dumps(report.assessment_json(assessment, lang)), nl=False)
    else:
        click.echo(report.assessment_text(assessment, scheme, lang), nl=False)


@main.command()
@click.argument("applicant_file", type=click.Path(dir_okay=False))
@_as_of
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_lang
@_stale
@_explored
@click.option("--plan", "with_plan", is_flag=True,
              help="Also give, for each city, the earliest day or round to settle and the best step (see `plan`).")
def check(applicant_file: str, as_of: dt.date, fmt: str, lang: str, allow_stale: bool,
          include_explored: bool, with_plan: bool) -> None:
    """Check one profile against every shipped scheme: where, by which path, and who in the
    family may follow (see docs/check.md)."""
    from pointscalc import crosscheck, reading, registry, report

    schemes = registry.all_shipped()
    try:
        facts = registry.all_facts(schemes)
    except SchemeError as e:
        _fail(str(e))
    try:
        applicant = reading.load_applicant(applicant_file, facts, as_of)
    except InputError as e:
        _input_failed(e)
    checks = crosscheck.check_all(schemes, applicant, as_of, allow_stale=allow_stale,
                                  include_explored=include_explored)
    plans = None
    if with_plan:
        from pointscalc import plan as planning

        plans = planning.plan_all(schemes, applicant, as_of, allow_stale=allow_stale)
    if fmt == "json":
        doc = report.check_json(checks, as_of, lang)
        if plans is not None:
            doc["plans"] = planning.plans_json(plans, lang)
        click.echo(report.dumps(doc), nl=False)
    else:
        click.echo(report.check_text(checks, as_of, lang), nl=False)
        if plans is not None:
            click.echo(planning.plans_text(plans, lang), nl=False)


@main.command()
@click.argument("schemes", nargs=-1)
def lint(schemes: tuple[str, ...]) -> None:
    """Check schemes against the higher-level policy that binds their city and against the
    house rules: citations, provenance, versions, facts.  Exits 1 on any finding.

    With no SCHEME, every shipped scheme is checked.
    """
    from pointscalc import registry, report
    from pointscalc.lint import lint as run_lint

    names = list(schemes) or registry.shipped_names()
    loaded = []
    for name in names:
        try:
            loaded.append((name, registry.load(name, check=False)))
        except SchemeError as e:
            raise click.BadParameter(str(e), param_hint="SCHEME") from None
    findings = []
    for name, scheme in loaded:
        found = [attrs.evolve(f, scheme=name) for f in run_lint(scheme, registry.binding_for(scheme.city))]
        click.echo(report.lint_text(found, [name]), nl=False)
        findings += found
    sys.exit(1 if findings else 0)


@main.command()
@click.argument("scheme", type=SCHEME)
@click.option("--as-of", "as_of", type=DATE,
              help="The date to audit at; default: each version's effective date, every version in turn.")
@click.option("--examples", type=click.IntRange(1, 100_000), default=100, show_default=True,
              help="Examples Hypothesis tries per property.")
@click.option("--seed", type=int, help="Seed for a different search; without it the run is reproducible.")
@click.option("--only", "only", multiple=True, metavar="PROPERTY", help="Run only these properties (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_stale
def audit(scheme: Scheme, as_of: dt.date | None, examples: int, seed: int | None, only: tuple[str, ...],
          fmt: str, allow_stale: bool) -> None:
    """Put a scheme through the fairness properties (docs/fairness.md); exit 1 on any failure.

    Each failure prints the smallest counterexample Hypothesis found: two applicants, or two
    ranking runs, side by side.
    """
    from pointscalc import fairness, report

    unknown = [k for k in only if k not in fairness.PROPERTIES]
    if unknown:
        raise click.BadParameter(f"unknown property {', '.join(unknown)}; one of: {', '.join(fairness.PROPERTIES)}",
                                 param_hint="--only")
    keys = only or fairness.DEFAULT
    days: list[tuple[dt.date, Any]] = []
    try:
        if as_of is not None:
            days = [(as_of, scheme.version_for(as_of, allow_stale))]
        else:
            days = [(v.effective, v) for v in scheme.versions]
    except SchemeError as e:
        _fail(str(e))
    failed = False
    docs = []
    for day, version in days:
        subject = fairness.Subject.of(scheme, day, version=version)
        results = fairness.audit(subject, examples, seed, keys)
        failed |= any(r.status in ("fail", "error") for r in results)
        if fmt == "json":
            docs.append(report.audit_json(subject, results, examples, seed))
        else:
            click.echo(report.audit_text(subject, results) + ("\n" if len(days) > 1 else ""), nl=False)
    if fmt == "json":
        click.echo(report.dumps(docs), nl=False)
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("scheme", type=SCHEME, required=False)
@click.option("--as-of", "as_of", type=DATE, help="Mark which agreements are in force on this date.")
@_explored
@_lang
def recognition(scheme: Scheme | None, as_of: dt.date | None, include_explored: bool, lang: str) -> None:
    """List the agreements under which cities credit each other's months."""
    from pointscalc import registry, report

    chosen = [scheme] if scheme is not None else registry.all_shipped()
    click.echo(report.agreements_table(chosen, as_of, include_explored, lang), nl=False)


@main.command()
@click.argument("scheme", type=SCHEME)
@click.argument("input_file", metavar="INPUT", type=click.Path())
@_as_of
@click.option("--quota", required=True, metavar="N|QUOTA_FILE",
              help="Places in a single bucket, or a TOML/CSV file of bucket and quota.")
@click.option("--out", "out", required=True, type=click.Path(file_okay=False), help="Directory for the results.")
@click.option("--scored", is_flag=True, help="INPUT already has a score column (and tie-break columns): rank it as given.")
@click.option("--periods", "periods_file", type=click.Path(),
              help="A table of periods keyed by applicant ID, for a flat applicants table (with --engine dask,"
                   " also a folder or glob of Parquet files).")
@click.option("--xlsx", is_flag=True, help="Also write each output as XLSX.")
@click.option("--target", type=int, help="A planning target to compare the admitted count with (open cities).")
@click.option("--children", is_flag=True,
              help="With --scored: rank children for school places by their parents' points (score, other_score),"
                   " the scheme's family rule; the bucket is the school.")
@click.option("--strict", is_flag=True, help="Abort on any bad row, writing nothing.")
@click.option("--ties", type=click.Choice(["admit_all", "strict"]), help="Override the scheme's ties policy (a what-if).")
@click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes that score applicants (one per core); the outputs are the same bytes.")
@click.option("--engine", type=click.Choice(["auto", "columns", "applicants", "dask"]), default="auto",
              show_default=True,
              help="columns: score a CSV table column by column (fast); applicants: one by one, the reference;"
                   " auto: columns where the scheme and file allow it; dask: a pool in partitions on a Dask"
                   " cluster (docs/scaling.md). The outputs are the same bytes.")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --engine dask: the Dask scheduler (tcp://host:8786); default: a local cluster of this"
                   " machine's cores.")
@click.option("--partitions", type=click.IntRange(1, 1_000_000),
              help="With --engine dask: partitions the pool is hashed into (default: 4 per worker).")
@click.option("--parquet", is_flag=True,
              help="With --engine dask: also write results.parquet and public.parquet (the same cells, as text).")
@_stale
@_explored
def rank(scheme: Scheme, input_file: str, as_of: dt.date, quota: str, out: str, scored: bool,
         periods_file: str | None, xlsx: bool, target: int | None, children: bool, strict: bool, ties: str | None,
         jobs: int, engine: str, scheduler: str | None, partitions: int | None, parquet: bool, allow_stale: bool,
         include_explored: bool) -> None:
    """Rank a whole city's applicants against quotas and write results.csv, public.csv
    (the 公示 list, masked), summary.csv and errors.csv to --out, all or nothing.

    INPUT is JSON Lines of applicants to score, a flat CSV or XLSX table of applicants
    (with --periods), or, with --scored, a table that already has scores.  CSV may be
    UTF-8, UTF-8 with BOM or GB18030.  With --engine dask, INPUT and --periods may also be
    Parquet: one file, a folder or a glob.  See docs/input-format.md and docs/scaling.md.
    """
    from pathlib import Path

    from tabulate import tabulate

    from pointscalc import run
    from pointscalc.recognition import Recognition
    from pointscalc.scheme import Ties
    from pointscalc.tables import read_table

    if engine != "dask" and (scheduler or partitions or parquet):
        raise click.UsageError("--scheduler, --partitions and --parquet go with --engine dask")
    try:
        version = scheme.version_for(as_of, allow_stale)
        quotas, default = run.read_quotas(quota)
        path = Path(input_file)
        if children and not scored:
            raise run.RunError("--children ranks a pre-scored table of children: add --scored")
        if children:
            version = run.children_ranking(version)
        policy = Ties(ties) if ties else None
        outcome: run.Outcome | Any = None
        if engine == "dask":
            outcome = _by_dask(scheme, version, as_of, include_explored, input_file, periods_file, quotas, default,
                               policy, scheduler=scheduler, partitions=partitions, parquet=parquet, unusable=[
                                   o for o, on in (("--scored", scored), ("--xlsx", xlsx), ("--jobs", jobs > 1)) if on])
        elif scored:
            table = read_table(path)
            bad = [(p.row or 0, None, [p]) for p in table.problems]
            rows = iter([*bad, *run.scored_rows(table, version, children=children)])
        else:
            recognition = Recognition.resolve(scheme.city, scheme.agreements, as_of, include_explored)
            outcome = _by_columns(engine, scheme, version, as_of, recognition, path, periods_file, quotas, default,
                                  policy, jobs)
            if outcome is None and path.suffix.lower() in (".csv", ".xlsx"):
                table = read_table(path)
                periods = read_table(Path(periods_file)) if periods_file else None
                applicants = run.table_applicants(table, periods, version)
                applicants = iter([*((p.row or 0, table.name, None, [p], None) for p in table.problems),
                                   *applicants])
            elif outcome is None:
                applicants = run.jsonl_applicants(path)
            rows = run.scored_applicants(_progress(applicants), scheme, version, as_of, recognition, jobs) \
                if outcome is None else iter(())
        if outcome is None:
            outcome = run.rank_run(scheme, version, rows, quotas, default, file=str(path), ties=policy)
    except (SchemeError, run.RunError) as e:
        _fail(str(e))
    except InputError as e:
        _input_failed(e)
    for p in outcome.problems[:20]:
        click.echo(f"invalid: {p}", err=True)
    if len(outcome.problems) > 20:
        click.echo(f"invalid: … {len(outcome.problems) - 20} more in errors.csv", err=True)
    if strict and outcome.problems:
        _fail(f"{len(outcome.problems)} problem(s) in the input; --strict: nothing written")
    if engine == "dask":
        try:
            outcome.write(Path(out))
        except run.RunError as e:
            _fail(str(e))
        finally:
            outcome.close()
    else:
        run.write(outcome, Path(out), xlsx=xlsx)
    click.echo(tabulate(run.summary_rows(outcome.summaries), headers=["bucket", "applicants", "eligible", "quota", "admitted", "cutoff",
                                       "tied_at_cutoff"], disable_numparse=True))
    click.echo(f"ties: {outcome.ties.value}; invalid rows: {len(outcome.invalid)}; written to {out}")
    if target is not None:
        admitted = sum(s.admitted for s in outcome.summaries)
        click.echo(f"planning target: {target}; admitted: {admitted} ({admitted - target:+d} against the target)")


def _by_columns(engine: str, scheme: Scheme, version: Any, as_of: dt.date, recognition: Any, path: Any,
                periods_file: str | None, quotas: Any, default: int | None, ties: Any, jobs: int) -> Any:
    """The bulk engine's outcome, or ``None`` where the reference engine must rank: the
    input is not a CSV table, the version uses a rule only the reference knows, or the
    file holds what only the reference reader reads faithfully."""
    from pathlib import Path

    from pointscalc import run

    if engine == "applicants":
        return None
    why = None
    if path.suffix.lower() != ".csv":
        why = "only a CSV table is read by columns"
    else:
        try:
            from pointscalc import bulk, columns
        except ImportError as e:
            why = f"{e.name} is not installed"
        else:
            why = bulk.unsupported(scheme, version, recognition)
            if why is None:
                try:
                    return bulk.rank_columns(scheme, version, as_of, recognition, path,
                                             Path(periods_file) if periods_file else None, quotas, default,
                                             ties=ties, jobs=jobs)
                except columns.NotColumnar as e:
                    why = str(e)
    if engine == "columns":
        raise run.RunError(f"--engine columns: {why}; use --engine auto or applicants")
    return None


def _by_dask(scheme: Scheme, version: Any, as_of: dt.date, include_explored: bool, input_file: str,
             periods_file: str | None, quotas: Any, default: int | None, ties: Any, *, scheduler: str | None,
             partitions: int | None, parquet: bool, unusable: list[str]) -> Any:
    """``rank --engine dask``: the pool ranked on a Dask cluster (pointscalc.distributed)."""
    from pathlib import Path

    from pointscalc import run
    from pointscalc.recognition import Recognition

    if unusable:
        raise click.UsageError(f"{', '.join(unusable)} cannot be used with --engine dask")
    if Path(input_file).suffix.lower() in (".jsonl", ".json", ".xlsx"):
        raise run.RunError("--engine dask reads a CSV or Parquet table of applicants (with --periods), not "
                           f"{Path(input_file).suffix}")
    try:
        from pointscalc import distributed
    except ImportError as e:
        raise run.RunError(f"--engine dask needs {e.name}: pip install 'pointscalc[dask]'") from None
    distributed.require_ranking(scheme, version)
    client = distributed.client_for(scheduler)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        recognition = Recognition.resolve(scheme.city, scheme.agreements, as_of, include_explored)
        job = distributed.Job(scheme, version, as_of, recognition, partitions or 4 * workers)
        return distributed.rank_pool(client, job, input_file, periods_file, quotas, default, ties=ties,
                                     progress=_say, parquet=parquet)
    except BaseException:
        distributed.close(client)
        raise


def _say(line: str) -> None:
    """A progress line on stderr, only when stderr is a terminal."""
    if sys.stderr.isatty():
        click.echo(line, err=True)


def _progress(items):  # type: ignore[no-untyped-def]
    """A progress count on stderr, only when stderr is a terminal: a log file stays clean."""
    if not sys.stderr.isatty():
        yield from items
        return
    for i, item in enumerate(items, start=1):
        if i % 10000 == 0:
            click.echo(f"\r{i:,} applicants read", err=True, nl=False)
        yield item
    click.echo("", err=True)


@main.command()
@click.argument("scheme", type=SCHEME)
@click.argument("profile", type=click.Path(dir_okay=False), required=False)
@click.option("--as-of", "as_of", type=DATE, help="Today, for the plan (YYYY-MM-DD). Never defaults to today.")
@click.option("--horizon", type=click.IntRange(1, 50), default=10, show_default=True,
              help="Years ahead to look; never past the statutory retirement age.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--chart", type=click.Path(dir_okay=False),
              help="Draw the projected score against the line to this PNG or SVG file (needs the charts extra).")
@click.option("--backtest", is_flag=True,
              help="Instead of a plan: how the cutoff forecast would have done on each published round.")
@_lang
@_stale
def plan(scheme: Scheme, profile: str | None, as_of: dt.date | None, horizon: int, fmt: str, chart: str | None,
         backtest: bool, lang: str, allow_stale: bool) -> None:
    """In which round PROFILE can expect to settle under SCHEME, and which steps bring it closer
    (see docs/plan.md).  Forecasts are projections, with their model and history stated."""
    from pointscalc import plan as planning
    from pointscalc import reading, registry, report

    if backtest:
        try:
            click.echo(planning.backtest_text(scheme, lang), nl=False)
        except planning.NoHistory as e:
            _fail(str(e))
        return
    if profile is None or as_of is None:
        raise click.UsageError("plan needs SCHEME, PROFILE and --as-of (or --backtest SCHEME)")
    try:
        facts = registry.all_facts([scheme])
        applicant = reading.load_applicant(profile, facts, as_of)
        result = planning.make_plan(scheme, applicant, as_of, horizon_years=horizon, allow_stale=allow_stale)
        if chart:
            planning.plan_chart(result, chart, lang)
    except SchemeError as e:
        _fail(str(e))
    except InputError as e:
        _input_failed(e)
    if fmt == "json":
        click.echo(report.dumps(planning.plan_json(result, lang)), nl=False)
    else:
        click.echo(planning.plan_text(result, lang), nl=False)


@main.command()
def schema() -> None:
    """Print a JSON Schema of the applicant file (TOML or JSON), for editors and other systems.

    It allows every extra fact some shipped scheme reads; the reader still checks what a schema
    cannot (a check digit, a district of a city, a date that exists)."""
    from pointscalc import registry, report
    from pointscalc.schema import applicant_schema

    click.echo(report.dumps(applicant_schema(registry.all_facts(registry.all_shipped()))), nl=False)
