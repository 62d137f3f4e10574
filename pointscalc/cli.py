"""The command line: parse, call the library, print.

Exit codes: 0 ok; 1 invalid input or a failed check; 2 usage (a bad option, an unknown
scheme).  A user's mistake is reported in one line per problem, never as a traceback.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import sys
from typing import Any, NoReturn

import attrs
import click

from pointscalc.errors import InputError, SchemeDefect
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


_SCHEME_GIVEN = "pointscalc.scheme_given"
"""Where a command finds the scheme as the user named it (for the run record)."""


class _SchemeParam(click.ParamType):
    name = "SCHEME"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Scheme:
        if isinstance(value, Scheme):
            return value
        from pointscalc import registry

        if ctx is not None:
            ctx.meta[_SCHEME_GIVEN] = value

        try:
            return registry.load(value)
        except SchemeError as e:
            self.fail(str(e), param, ctx)


DATE = _Date()
SCHEME = _SchemeParam()

_as_of = click.option("--as-of", "as_of", type=DATE, required=True,
                      help="The date rules and months are taken at (YYYY-MM-DD). Never defaults to today.")
_lang = click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True,
                     help="Language of labels and explanations.")
_stale = click.option("--allow-stale", is_flag=True,
                      help="Apply the nearest version even when --as-of is outside every version's validity.")


_SHOWN = 20
"""Problems printed on the terminal; all of them are in errors.csv."""


def _fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


def _input_failed(e: InputError) -> NoReturn:
    for p in e.problems[:_SHOWN]:
        click.echo(f"error: {p}", err=True)
    if len(e.problems) > _SHOWN:
        click.echo(f"error: … and {len(e.problems) - _SHOWN} more problem(s)", err=True)
    sys.exit(1)


INTERRUPTED = 130
"""The exit code of a run ended by Ctrl-C, as a shell reports a command ended by SIGINT."""


class _Guarded(click.Group):
    """Every command behind one net: Ctrl-C ends it in one line, a scheme's failing rule is
    reported as the scheme's defect, and nothing else a user or a file can do prints a
    traceback.  Only the kind of an unexpected error is printed, never its text, which
    may quote an applicant's data; ``POINTSCALC_DEBUG=1`` lets it through for a developer.
    """

    def invoke(self, ctx: click.Context) -> Any:
        previous = {sig: signal.signal(sig, _stop) for sig in _STOPS}
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo(f"interrupted: {_LEFT}", err=True)
            sys.exit(INTERRUPTED)
        except _Stopped as e:
            click.echo(f"stopped by {signal.Signals(e.signum).name}: {_LEFT}", err=True)
            sys.exit(128 + e.signum)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except SchemeDefect as e:
            _fail(str(e))
        except Exception as e:  # noqa: BLE001 - the last net under every command
            if os.environ.get("POINTSCALC_DEBUG"):
                raise
            _fail(f"pointscalc stopped on an unexpected {type(e).__name__}; nothing was written."
                  " This is a defect of pointscalc: please report the command (without the data)")
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


_STOPS = (signal.SIGTERM, signal.SIGHUP)
"""Signals that stop a run as Ctrl-C does: the output folder is cleaned up on the way out."""
_LEFT = "stopped before the end; an output folder is never left half-written"


class _Stopped(BaseException):
    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, frame: object) -> NoReturn:
    raise _Stopped(signum)


@click.group(cls=_Guarded, context_settings={"help_option_names": ["-h", "--help"]})
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
def check(applicant_file: str, as_of: dt.date, fmt: str, lang: str, allow_stale: bool,
          include_explored: bool) -> None:
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
    if fmt == "json":
        click.echo(report.dumps(report.check_json(checks, as_of, lang)), nl=False)
    else:
        click.echo(report.check_text(checks, as_of, lang), nl=False)


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
@click.argument("input_file", metavar="INPUT", type=click.Path(dir_okay=False))
@_as_of
@click.option("--quota", required=True, metavar="N|QUOTA_FILE",
              help="Places in a single bucket, or a TOML/CSV file of bucket and quota.")
@click.option("--out", "out", required=True, metavar="FOLDER",
              help="Folder for the results: replaced whole by this run's files (see docs/running-a-round.md).")
@click.option("--scored", is_flag=True, help="INPUT already has a score column (and tie-break columns): rank it as given.")
@click.option("--periods", "periods_file", type=click.Path(dir_okay=False),
              help="A table of periods keyed by applicant ID, for a flat applicants table.")
@click.option("--xlsx", is_flag=True, help="Also write each output as XLSX.")
@click.option("--target", type=int, help="A planning target to compare the admitted count with (open cities).")
@click.option("--children", is_flag=True,
              help="With --scored: rank children for school places by their parents' points (score, other_score),"
                   " the scheme's family rule; the bucket is the school.")
@click.option("--strict", is_flag=True, help="Abort on any bad row, writing nothing.")
@click.option("--ties", type=click.Choice(["admit_all", "strict"]), help="Override the scheme's ties policy (a what-if).")
@click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes that score applicants (one per core); the outputs are the same bytes.")
@click.option("--engine", type=click.Choice(["auto", "columns", "applicants"]), default="auto", show_default=True,
              help="columns: score a CSV table column by column (fast); applicants: one by one, the reference;"
                   " auto: columns where the scheme and file allow it. The outputs are the same bytes.")
@_stale
@_explored
@click.pass_context
def rank(ctx: click.Context, scheme: Scheme, input_file: str, as_of: dt.date, quota: str, out: str, scored: bool,
         periods_file: str | None, xlsx: bool, target: int | None, children: bool, strict: bool, ties: str | None,
         jobs: int, engine: str, allow_stale: bool, include_explored: bool) -> None:
    """Rank a whole city's applicants against quotas and write results.csv, public.csv
    (the 公示 list, masked), summary.csv, errors.csv and run.json (the run record) to
    --out, all or nothing.

    INPUT is JSON Lines of applicants to score, a flat CSV or XLSX table of applicants
    (with --periods), or, with --scored, a table that already has scores.  CSV may be
    UTF-8, UTF-8 with BOM or GB18030.  See docs/input-format.md.
    """
    from tabulate import tabulate

    from pointscalc import outdir, run
    from pointscalc.record import RankOptions

    options = RankOptions(scheme=ctx.meta[_SCHEME_GIVEN], input=input_file, as_of=as_of, quota=quota,
                          periods=periods_file, scored=scored, children=children, xlsx=xlsx, target=target,
                          strict=strict, ties=ties, jobs=jobs, engine=engine, allow_stale=allow_stale,
                          include_explored=include_explored)
    try:
        folder = outdir.check(out)
    except outdir.OutError as e:
        raise click.BadParameter(str(e).removeprefix(f"--out {out}: ").removeprefix("--out: "),
                                 param_hint="--out") from None
    done = _rank_run(options, scheme)
    outcome = done.outcome
    for p in outcome.problems[:_SHOWN]:
        click.echo(f"invalid: {p}", err=True)
    if len(outcome.problems) > _SHOWN:
        click.echo(f"invalid: … {len(outcome.problems) - _SHOWN} more in errors.csv", err=True)
    if strict and outcome.problems:
        _fail(f"{len(outcome.problems)} problem(s) in the input; --strict: nothing written")
    try:
        outdir.publish(folder, done.files)
    except OSError as e:
        _fail(f"--out {out}: cannot be written: {e.strerror}; the folder holds the previous run, if any")
    click.echo(tabulate(run.summary_rows(outcome.summaries), headers=["bucket", "applicants", "eligible", "quota", "admitted", "cutoff",
                                       "tied_at_cutoff"], disable_numparse=True))
    click.echo(f"ties: {outcome.ties.value}; invalid rows: {len(outcome.invalid)}; written to {out}")
    if target is not None:
        admitted = sum(s.admitted for s in outcome.summaries)
        click.echo(f"planning target: {target}; admitted: {admitted} ({admitted - target:+d} against the target)")


@attrs.frozen
class _Done:
    outcome: Any
    files: dict[str, bytes]
    """Every output file, run.json included."""


def _rank_run(options: Any, scheme: Scheme, inputs: dict[str, str] | None = None) -> _Done:
    """A whole ranking run in memory: the outcome and every file it writes.  ``rank``
    publishes the files; ``verify`` compares them.  ``inputs`` gives, by role, where to
    read each input file instead of the path in ``options`` (the record keeps the latter).
    """
    from pathlib import Path

    from pointscalc import limits, record, registry, run
    from pointscalc.recognition import Recognition
    from pointscalc.scheme import Ties
    from pointscalc.tables import read_table

    where = {**options.input_files(), **(inputs or {})}
    try:
        version = scheme.version_for(options.as_of, options.allow_stale)
        quotas, default = run.read_quotas(where.get("quota", options.quota))
        # Each input's hash and rows are taken before the run, so the bytes are not held.
        entries = {role: record.input_entry(path, limits.read_bytes(where[role]))
                   for role, path in options.input_files().items()}
        scheme_file = registry.source(options.scheme)
        path = Path(where["input"])
        periods_file = where.get("periods")
        if options.children and not options.scored:
            raise run.RunError("--children ranks a pre-scored table of children: add --scored")
        if options.children:
            version = run.children_ranking(version)
        policy = Ties(options.ties) if options.ties else None
        outcome: run.Outcome | Any = None
        if options.scored:
            table = read_table(path)
            bad = [(p.row or 0, None, [p]) for p in table.problems]
            rows = iter([*bad, *run.scored_rows(table, version, children=options.children)])
        else:
            recognition = Recognition.resolve(scheme.city, scheme.agreements, options.as_of, options.include_explored)
            outcome = _by_columns(options.engine, scheme, version, options.as_of, recognition, path, periods_file,
                                  quotas, default, policy, options.jobs)
            if outcome is None and path.suffix.lower() in (".csv", ".xlsx"):
                table = read_table(path)
                periods = read_table(Path(periods_file)) if periods_file else None
                applicants = run.table_applicants(table, periods, version)
                applicants = iter([*((p.row or 0, table.name, None, [p], None) for p in table.problems),
                                   *applicants])
            elif outcome is None:
                applicants = run.jsonl_applicants(path)
            rows = run.scored_applicants(_progress(applicants), scheme, version, options.as_of, recognition,
                                         options.jobs) if outcome is None else iter(())
        if outcome is None:
            outcome = run.rank_run(scheme, version, rows, quotas, default, file=str(path), ties=policy)
    except (SchemeError, run.RunError) as e:
        _fail(str(e))
    except InputError as e:
        _input_failed(e)
    except OSError as e:  # the scheme file, gone since it was loaded
        _fail(f"{e.filename}: cannot be read: {e.strerror}")
    columns = outcome.columns()  # a whole city's tables: built once
    tables = run.output_tables(columns, xlsx=options.xlsx)
    files = {name: data for name, (data, _) in tables.items()}
    files[record.NAME] = record.dumps(record.build(
        options, scheme_key=scheme.key, scheme_file=scheme_file, version=version.label, quotas=quotas,
        default_quota=default, inputs=entries,
        outputs=tables, statuses=run.status_counts(columns)))
    return _Done(outcome, files)


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


_ROLES = {"input": "INPUT", "periods": "--periods", "quota": "--quota"}


@main.command()
@click.argument("out_dir", metavar="OUT_DIR", type=click.Path(file_okay=False))
@click.option("--input", "given", multiple=True, type=click.Path(dir_okay=False), metavar="FILE",
              help="An input file given again, where it is no longer at its recorded path (repeatable);"
                   " it is matched to its role by its SHA-256.")
def verify(out_dir: str, given: tuple[str, ...]) -> None:
    """Re-run the ranking recorded in OUT_DIR/run.json and check that every output is the
    same bytes.  Exit 0 when all are, 1 naming each file that differs (see
    docs/running-a-round.md).
    """
    from pathlib import Path

    import pointscalc
    from pointscalc import limits, outdir, record, registry
    from pointscalc.record import RankOptions

    folder = Path(out_dir)
    path = folder / record.NAME
    try:
        text = path.read_bytes().decode("utf-8")
        kept = limits.parse_json(text, str(path))
        if not isinstance(kept, dict) or kept.get("format") != record.FORMAT:
            raise ValueError(f"not a run record of format {record.FORMAT}")
        options = RankOptions.from_json(kept["options"])
        inputs: dict[str, Any] = kept["inputs"]
        recorded_scheme = kept["scheme"].get("sha256")
    except OSError as e:
        _fail(f"{path}: cannot be read: {e.strerror}; verify needs the folder a run wrote")
    except InputError as e:
        _input_failed(e)
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as e:
        _fail(f"{path}: not a run record this version of pointscalc reads"
              f" ({e if isinstance(e, ValueError) else 'a field is missing or of the wrong kind'})")
    if kept.get("tool", {}).get("version") != pointscalc.__version__:
        click.echo(f"note: recorded by pointscalc {kept.get('tool', {}).get('version')};"
                   f" this is {pointscalc.__version__}")
    problems: list[str] = []
    hashes: dict[str, str] = {}
    for name in given:
        try:
            hashes[name] = record.sha256(Path(name).read_bytes())
        except OSError as e:
            problems.append(f"--input {name}: cannot be read: {e.strerror}")
    where: dict[str, str] = {}
    for role, entry in sorted(inputs.items()):
        match = next((n for n, h in hashes.items() if h == entry["sha256"]), None)
        if match is not None:
            where[role] = match
            continue
        try:
            same = record.sha256(Path(entry["path"]).read_bytes()) == entry["sha256"]
        except OSError:
            problems.append(f"{_ROLES.get(role, role)} {entry['path']}: cannot be read; give it with --input")
            continue
        if same:
            where[role] = entry["path"]
        else:
            problems.append(f"{_ROLES.get(role, role)} {entry['path']}: has changed since the run"
                            " (its SHA-256 differs)")
    problems += [f"--input {n}: matches no input recorded in {record.NAME}" for n in given
                 if n in hashes and n not in where.values()]
    try:
        scheme = registry.load(options.scheme)
        if recorded_scheme is not None and record.sha256(registry.source(options.scheme)[1]) != recorded_scheme:
            problems.append(f"scheme {options.scheme}: its file has changed since the run (its SHA-256 differs)")
    except (SchemeError, OSError) as e:
        problems.append(f"scheme {options.scheme}: {e}")
    if problems:
        for p in problems:
            click.echo(f"error: {p}", err=True)
        _fail("cannot re-run: nothing was compared")
    done = _rank_run(options, scheme, where)
    names = sorted(set(done.files) | {p.name for p in folder.iterdir() if p.name in outdir.OURS})
    differ = 0
    for name in names:
        kept_file = folder / name
        now = done.files.get(name)
        if not kept_file.is_file():
            state = "missing from OUT_DIR"
        elif now is None:
            state = "not written by the re-run"
        else:
            state = "same" if kept_file.read_bytes() == now else "differs"
        differ += state != "same"
        click.echo(f"{state}: {name}")
    if differ:
        _fail(f"{differ} file(s) are not what the recorded run writes")
    click.echo(f"verified: all {len(names)} files are the same bytes")
