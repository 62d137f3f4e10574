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

from pointscalc import i18n
from pointscalc.i18n import N_, tr
from pointscalc.errors import InputError, SchemeDefect, os_reason
from pointscalc.scheme import Scheme, SchemeError


class _Date(click.ParamType):
    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.fail(tr("expected a date YYYY-MM-DD, got {value!r}", value=value), param, ctx)


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
def _chosen_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    """Given on the command or before it (``pointscalc --lang zh rank …``); else what
    POINTSCALC_LANG says, read once before parsing (see ``_Guarded.main``); else English."""
    if value is not None:
        i18n.set_lang(value)
    return i18n.current()


def _lang_option(expose: bool) -> Any:
    return click.option("--lang", type=click.Choice(list(i18n.LANGS)), default=None, is_eager=True,
                        expose_value=expose, callback=_chosen_lang,
                        help="Language of labels, explanations and messages: en or zh (codes, clause numbers"
                             " and file names stay as they are). Default: POINTSCALC_LANG, else en.")


_lang = _lang_option(True)
_lang_only = _lang_option(False)
_round = click.option("--round", "round_id", metavar="ID",
                      help="Assess for one of the scheme's rounds (see `pointscalc show`): its rules version, with"
                           " months, full years and age counted to its data day. An --as-of inside a round's"
                           " application window means that round.")
_stale = click.option("--allow-stale", is_flag=True,
                      help="Apply the nearest version even when --as-of is outside every version's validity.")
_reform = click.option("--reform", "reform_file", type=click.Path(dir_okay=False),
                       help="A reform file (TOML) that changes the scheme's version: a what-if (docs/compare.md).")
_scheduler = click.option("--scheduler", metavar="ADDRESS",
                          help="With --engine dask: the Dask scheduler (tcp://host:8786); default: a local cluster"
                               " of this machine's cores.")
_partitions = click.option("--partitions", type=click.IntRange(1, 1_000_000),
                           help="With --engine dask: partitions the pool is hashed into (default: 4 per worker).")


def _reform_of(scheme: Scheme, reform_file: str | None) -> Any:
    """The reform ``--reform`` names, loaded once (``None`` without it); one that does not
    load is an error, exit 1."""
    if reform_file is None:
        return None
    from pointscalc import reform

    try:
        return reform.load(reform_file, scheme)
    except reform.ReformError as e:
        _fail(str(e))


def _applied(loaded: Any, version: Any) -> tuple[Any, Any]:
    """The version with the reform applied, and the changes; one that does not fit is an
    error, exit 1."""
    from pointscalc import reform

    try:
        return loaded.apply(version)
    except reform.ReformError as e:
        _fail(str(e))


def _reformed(scheme: Scheme, version: Any, reform_file: str | None) -> tuple[Any, Any]:
    """The version a command uses, and the reform (``None`` without --reform)."""
    loaded = _reform_of(scheme, reform_file)
    return (version, None) if loaded is None else (_applied(loaded, version)[0], loaded)


"""Problems printed on the terminal; all of them are in errors.csv."""


def _fail(message: str) -> NoReturn:
    """``message`` as an error, each of its lines (a reform's problems) prefixed; exit 1."""
    click.echo("\n".join(_error(line) for line in message.split("\n")), err=True)
    sys.exit(1)


def _error(message: str) -> str:
    return _folded(tr("error: {message}", message=message))


def _folded(line: str) -> str:
    """A message folded to the terminal's width where a person reads it; one line per
    problem where a program does (stderr piped to a file or a grep)."""
    if not sys.stderr.isatty():
        return line
    from pointscalc.report import wrapped

    return "\n".join(wrapped(line, "    "))


SHOWN_PROBLEMS = 20
"""Problems printed on stderr; the rest are counted (a run lists them all in errors.csv)."""


_PREFIXES = {"error": N_("error: {message}"), "invalid": N_("invalid: {message}")}
_MORE = {
    "problems, not shown; fix these and run again": N_("… and {n} more problems, not shown; fix these and run again"),
    "in errors.csv": N_("… and {n} more in errors.csv"),
    "problems, not shown": N_("… and {n} more problems, not shown"),
}
"""What follows the problems shown, by the English words a caller gives."""


def _echo_problems(prefix: str, problems: list[Any], rest: str) -> None:
    """The first ``SHOWN_PROBLEMS`` problems, then how many more: a million bad rows must not
    become a million lines on a terminal."""
    for p in problems[:SHOWN_PROBLEMS]:
        click.echo(_folded(tr(_PREFIXES[prefix], message=p)), err=True)
    if len(problems) > SHOWN_PROBLEMS:
        more = tr(_MORE[rest], n=f"{len(problems) - SHOWN_PROBLEMS:,}")
        click.echo(tr(_PREFIXES[prefix], message=more), err=True)


def _input_failed(e: InputError) -> NoReturn:
    _echo_problems("error", e.problems, "problems, not shown; fix these and run again")
    sys.exit(1)


def _strict_failed(problems: int) -> NoReturn:
    _fail(tr("{n} problem(s) in the input; --strict: nothing written", n=problems))


INTERRUPTED = 130
"""The exit code of a run ended by Ctrl-C, as a shell reports a command ended by SIGINT."""


class _Guarded(click.Group):
    """Every command behind one net: Ctrl-C ends it in one line, a scheme's failing rule is
    reported as the scheme's defect, and nothing else a user or a file can do prints a
    traceback.  Only the kind of an unexpected error is printed, never its text, which
    may quote an applicant's data; ``POINTSCALC_DEBUG=1`` lets it through for a developer.
    """

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """The language from the start, for errors no command parses (an unknown command):
        ``--lang`` wherever it stands, else ``POINTSCALC_LANG``.  Click's own ``envvar``
        is not used: a subcommand would read the variable again and undo a ``--lang``
        given before it."""
        given = os.environ.get(i18n.ENV) or "en"
        if given not in i18n.LANGS:
            click.echo(_error(tr("{var}={value!r}: expected one of {langs}", var=i18n.ENV, value=given,
                                 langs=i18n.listing(i18n.LANGS))), err=True)
            sys.exit(2)
        argv = list(kwargs.get("args") or (args[0] if args else None) or sys.argv[1:])
        for i, arg in enumerate(argv):
            # Seen before click parses, so that a mistake in parsing is reported in Chinese too.
            if arg == "--lang" and i + 1 < len(argv):
                given = argv[i + 1]
            elif arg.startswith("--lang="):
                given = arg.split("=", 1)[1]
        i18n.set_lang(given if given in i18n.LANGS else "en")
        i18n.localise_help(self)
        return super().main(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        previous = {sig: signal.signal(sig, _stop) for sig in _STOPS}
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo(tr("interrupted: {left}", left=tr(_LEFT)), err=True)
            sys.exit(INTERRUPTED)
        except _Stopped as e:
            click.echo(tr("stopped by {signal}: {left}", signal=signal.Signals(e.signum).name, left=tr(_LEFT)),
                       err=True)
            sys.exit(128 + e.signum)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except SchemeDefect as e:
            _fail(str(e))
        except Exception as e:  # noqa: BLE001 - the last net under every command
            if os.environ.get("POINTSCALC_DEBUG"):
                raise
            _fail(tr("pointscalc stopped on an unexpected {kind}; nothing was written. This is a defect of"
                     " pointscalc: please report the command (without the data)", kind=type(e).__name__))
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


_STOPS = (signal.SIGTERM, signal.SIGHUP)
"""Signals that stop a run as Ctrl-C does: the output folder is cleaned up on the way out."""
_LEFT = N_("stopped before the end; an output folder is never left half-written")


class _Stopped(BaseException):
    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, frame: object) -> NoReturn:
    raise _Stopped(signum)


@click.group(cls=_Guarded, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="pointscalc")
@_lang_only
def main() -> None:
    """Score applicants for points-based household registration (积分落户), every point
    explained and tied to the clause that grants it.

    A SCHEME is a shipped scheme's name (see `pointscalc schemes`) or the path of a
    scheme file (./my_city.py).
    """


@main.command("schemes")
@_lang_only
def list_schemes() -> None:
    """List shipped schemes, their versions, validity and sources."""
    from pointscalc import registry, report

    click.echo(report.schemes_table(registry.all_shipped()), nl=False)


@main.command()
@click.argument("scheme", type=SCHEME)
@click.option("--as-of", "as_of", type=DATE, help="Show only the version in force on this date.")
@_lang
@_stale
@_reform
def show(scheme: Scheme, as_of: dt.date | None, lang: str, allow_stale: bool, reform_file: str | None) -> None:
    """Print a scheme's points table with the clause and provenance of each line.

    With --reform, the reformed version, its changed items marked and every change listed.
    """
    from pointscalc import report

    try:
        versions = [scheme.version_for(as_of, allow_stale)] if as_of else list(scheme.versions)
    except SchemeError as e:
        _fail(str(e))
    loaded = _reform_of(scheme, reform_file)
    if loaded is not None:
        try:
            base = scheme.version_named(loaded.version) if as_of is None else versions[0]
        except SchemeError as e:
            _fail(str(e))
        changed, changes = _applied(loaded, base)
        click.echo(report.reform_text(scheme, changed, changes, loaded, lang), nl=False)
        return
    rounds = report.rounds_text(scheme, lang)
    click.echo("\n".join([*(report.version_text(scheme, v, lang) for v in versions), *([rounds] if rounds else [])]),
               nl=False)


_explored = click.option("--include-explored", is_flag=True,
                         help="Also apply recognition agreements only announced as explored (a what-if).")


_as_of_or_round = click.option(
    "--as-of", "as_of", type=DATE,
    help="The date rules and months are taken at (YYYY-MM-DD); with --round, a day inside its window."
         " Never defaults to today.")


def _when(scheme: Scheme, as_of: dt.date | None, round_id: str | None, allow_stale: bool) -> tuple[Any, Any]:
    """The days and version to assess on, or exit: 2 for a round that does not fit, 1 when no
    version is in force."""
    if as_of is None and round_id is None:
        raise click.UsageError(tr("give --as-of DATE or --round ID"))
    try:
        when = scheme.when(as_of, round_id)
    except SchemeError as e:
        raise click.BadParameter(str(e), param_hint="--round") from None
    try:
        return when, scheme.resolve(when, allow_stale)
    except SchemeError as e:
        _fail(str(e))


@main.command()
@click.argument("scheme", type=SCHEME)
@click.argument("applicant_file", type=click.Path(dir_okay=False))
@_as_of_or_round
@_round
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_lang
@_stale
@_explored
@_reform
def score(scheme: Scheme, applicant_file: str, as_of: dt.date | None, round_id: str | None, fmt: str, lang: str,
          allow_stale: bool, include_explored: bool, reform_file: str | None) -> None:
    """Score one applicant (a TOML or JSON file, see docs/input-format.md).

    A profile describes a person, so a fact that another version of the scheme, or another
    shipped scheme, reads is accepted, and ignored with a note when the version applied does
    not read it."""
    from pointscalc import reading, registry, report
    from pointscalc.scheme import Text
    from pointscalc.scoring import assess

    when, version = _when(scheme, as_of, round_id, allow_stale)
    version, loaded = _reformed(scheme, version, reform_file)
    try:
        facts = registry.all_facts([*registry.all_shipped(), scheme])
    except SchemeError:
        try:  # a scheme file that gives a shipped fact's name another meaning reads its own only
            facts = registry.all_facts([scheme])
        except SchemeError as e:
            _fail(str(e))
    required = {(f.name, f.period_kind) for f in version.facts if f.required}
    facts = [attrs.evolve(f, required=(f.name, f.period_kind) in required) for f in facts]
    try:
        applicant = reading.load_applicant(applicant_file, facts, when.rules_day)
    except InputError as e:
        _input_failed(e)
    assessment = assess(scheme, version, applicant, when, include_explored=include_explored)
    ignored = registry.facts_ignored(applicant, version, facts)
    if ignored:
        names = ", ".join(ignored)
        assessment = attrs.evolve(assessment, notes=(*assessment.notes, Text(
            f"version {version.label} does not read {names}: ignored",
            f"{version.label}版不读取 {names}：已忽略")))
    if fmt == "json":
        doc = report.assessment_json(assessment, lang)
        if loaded is not None:
            doc["reform"] = {"title": loaded.title, "file": loaded.file}
        click.echo(report.dumps(doc), nl=False)
    else:
        if loaded is not None:
            click.echo(tr("What-if: {reform}", reform=loaded.describe()))
        click.echo(report.assessment_text(assessment, scheme, lang), nl=False)


@main.command()
@click.argument("applicant_file", type=click.Path(dir_okay=False))
@_as_of
@click.option("--round", "round_id", metavar="ID",
              help="Assess each scheme that declares round ID for that round (its rules, its data day);"
                   " the others at --as-of.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_lang
@_stale
@_explored
@click.option("--plan", "with_plan", is_flag=True,
              help="Also give, for each city, the earliest day or round to settle and the best step (see `plan`).")
def check(applicant_file: str, as_of: dt.date, round_id: str | None, fmt: str, lang: str, allow_stale: bool,
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
    if round_id is not None and not any(r.id == round_id for s in schemes for r in s.rounds):
        raise click.BadParameter(tr("no shipped scheme declares round {round!r}", round=round_id),
                                 param_hint="--round")
    checks = crosscheck.check_all(schemes, applicant, as_of, allow_stale=allow_stale,
                                  include_explored=include_explored, round_id=round_id)
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
@_lang_only
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
@_reform
@click.option("--pool", "pool_file", type=click.Path(dir_okay=False),
              help="Also check outcomes on a real pool (as for rank): admission rates by group"
                   " (needs --as-of, --quota).")
@click.option("--periods", "periods_file", type=click.Path(dir_okay=False), help="With --pool: its periods table.")
@click.option("--quota", metavar="N|QUOTA_FILE", help="With --pool: places, as for rank.")
@click.option("--by", "by", multiple=True, metavar="COLUMN", help="With --pool: also judge rates by this column.")
@click.option("--min-group", type=click.IntRange(1), default=30, show_default=True,
              help="With --pool: smaller groups are listed but not judged.")
@click.option("--outcomes-only", is_flag=True, help="With --pool: skip the properties, check the outcomes only.")
@_lang_only
def audit(scheme: Scheme, as_of: dt.date | None, examples: int, seed: int | None, only: tuple[str, ...],
          fmt: str, allow_stale: bool, reform_file: str | None, pool_file: str | None, periods_file: str | None,
          quota: str | None, by: tuple[str, ...], min_group: int, outcomes_only: bool) -> None:
    """Put a scheme through the fairness properties (docs/fairness.md); exit 1 on any failure.

    Each failure prints the smallest counterexample Hypothesis found: two applicants, or two
    ranking runs, side by side.  With --pool, the admission rate of each group of a real pool
    (age band, sex, education, province, tenure, years insured, --by) is compared with the
    best-off group's: below four fifths, unexplained by an item or a waiver, is a failure.
    """
    from pointscalc import fairness, report

    if pool_file is not None and (as_of is None or quota is None):
        raise click.UsageError(tr("--pool needs --as-of and --quota"))
    if pool_file is None and (outcomes_only or by or periods_file or quota):
        raise click.UsageError(tr("--periods, --quota, --by and --outcomes-only go with --pool"))

    unknown = [k for k in only if k not in fairness.PROPERTIES]
    if unknown:
        raise click.BadParameter(tr("unknown property {unknown}; one of: {known}", unknown=", ".join(unknown),
                                    known=", ".join(fairness.PROPERTIES)), param_hint="--only")
    keys = only or fairness.DEFAULT
    days: list[tuple[dt.date, Any]] = []
    try:
        if as_of is not None:
            days = [(as_of, scheme.version_for(as_of, allow_stale))]
        else:
            days = [(v.effective, v) for v in scheme.versions]
    except SchemeError as e:
        _fail(str(e))
    loaded = _reform_of(scheme, reform_file)
    if loaded is not None:
        # Without --as-of, only the version the reform is written for is audited.
        days = [(day, _applied(loaded, v)[0]) for day, v in days if as_of is not None or v.label == loaded.version]
        if fmt == "table":
            click.echo(tr("What-if: reform {file}", file=reform_file))
    failed = False
    docs: list[Any] = []
    for day, version in days if not outcomes_only else []:
        subject = fairness.Subject.of(scheme, day, version=version)
        results = fairness.audit(subject, examples, seed, keys)
        failed |= any(r.status in ("fail", "error") for r in results)
        if fmt == "json":
            docs.append(report.audit_json(subject, results, examples, seed))
        else:
            click.echo(report.audit_text(subject, results) + ("\n" if len(days) > 1 else ""), nl=False)
    if pool_file is not None:
        assert as_of is not None and quota is not None
        failed |= _pool_audit(scheme, days[0][1], as_of, pool_file, periods_file, quota, by, min_group, fmt, docs)
    if fmt == "json":
        click.echo(report.dumps(docs), nl=False)
    sys.exit(1 if failed else 0)


def _pool_audit(scheme: Scheme, version: Any, as_of: dt.date, pool_file: str, periods_file: str | None, quota: str,
                by: tuple[str, ...], min_group: int, fmt: str, docs: list[Any]) -> bool:
    """``audit --pool``: print (or add to ``docs``) the rates by group; whether any is flagged."""
    from pathlib import Path

    from pointscalc import compare, outcomes, report, run
    from pointscalc.i18n import tr
    from pointscalc.quotas import QuotaError, read_quotas

    try:
        quotas = read_quotas(quota)
        pool = compare.Pool(Path(pool_file), Path(periods_file) if periods_file else None)
        rows = outcomes.pool_audit(scheme, version, as_of, pool, quotas, by, min_group)
    except (SchemeError, run.RunError, compare.CompareError, QuotaError) as e:
        _fail(str(e))
    except InputError as e:
        _input_failed(e)
    flagged = [r for r in rows if r.verdict == "FLAG"]
    if fmt == "json":
        docs.append({"pool": Path(pool_file).name, "version": version.label, "as_of": as_of.isoformat(),
                     "rule": tr("a group's admission rate below four fifths of the best-off group's is flagged"),
                     "groups": [r.as_json() for r in rows],
                     "flagged": len(flagged)})
        return bool(flagged)
    click.echo("\n" + tr("Outcomes on {pool} · version {version} · as of {as_of}: admission rate by group,"
                         " against the best-off group's", pool=Path(pool_file).name, version=version.label,
                         as_of=as_of))
    # The notes under the table: eight columns and a sentence do not fit beside each other.
    cells = [r.cells(shown=True) for r in rows]
    click.echo(report.fitted([c[:7] for c in cells], outcomes.header()[:7], [False] * 7))
    notes = [line for c in cells if c[7] for line in report.wrapped(f"  {c[0]} {c[1]}{i18n.pick(': ', '：')}{c[7]}",
                                                                    "      ")]
    if notes:
        click.echo("\n" + outcomes.header()[7] + i18n.pick(":", "：") + "\n" + "\n".join(notes))
    click.echo(tr("{n} group(s) below four fifths of the best-off group with nothing to explain it", n=len(flagged)))
    return bool(flagged)


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
@_as_of_or_round
@_round
@click.option("--quota", required=True, metavar="N|QUOTA_FILE",
              help="N: N places in total, for a run with one bucket. QUOTA_FILE: a TOML or CSV file"
                   " (bucket,quota) with every bucket that has eligible applicants, each a number of places"
                   " or 'open'; needed for a scheme with buckets (Suzhou 2020's target areas) and for an"
                   " input with a bucket column. See docs/running-a-round.md.")
@click.option("--out", "out", required=True, metavar="FOLDER",
              help="Folder for the results: replaced whole by this run's files (see docs/running-a-round.md).")
@click.option("--scored", is_flag=True, help="INPUT already has a score column (and tie-break columns): rank it as given.")
@click.option("--periods", "periods_file", type=click.Path(),
              help="A table of periods keyed by applicant ID, for a flat applicants table (with --engine dask,"
                   " also a folder or glob of Parquet files).")
@click.option("--family", "family_file", type=click.Path(dir_okay=False),
              help="A table of family members keyed by applicant ID, for a flat applicants table.")
@click.option("--records", "records_file", type=click.Path(dir_okay=False),
              help="A table of records (honours, tax years, awards, violations) keyed by applicant ID.")
@click.option("--xlsx", is_flag=True,
              help="Also write each output as an XLSX workbook to print and post: Chinese headers"
                   " (公示: 序号, 姓名, 身份证号, 积分, 区域), points as numbers. public.csv has the same Chinese"
                   " header; the other CSVs keep code headers.")
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
@_scheduler
@_partitions
@click.option("--parquet", is_flag=True,
              help="With --engine dask: also write results.parquet and public.parquet (the same cells, as text).")
@click.option("--chart", is_flag=True,
              help="Also draw each bucket's score distribution, cutoff and tie band (needs pointscalc[charts]).")
@_stale
@_explored
@_reform
@click.pass_context
@_lang_only
def rank(ctx: click.Context, scheme: Scheme, input_file: str, as_of: dt.date | None, round_id: str | None,
         quota: str, out: str, scored: bool,
         periods_file: str | None, family_file: str | None,
         records_file: str | None, xlsx: bool, target: int | None, children: bool, strict: bool, ties: str | None,
         jobs: int, engine: str, chart: bool, scheduler: str | None, partitions: int | None,
         parquet: bool, allow_stale: bool, include_explored: bool,
         reform_file: str | None) -> None:
    """Rank a whole city's applicants against quotas and write results.csv, public.csv
    (the 公示 list, masked), summary.csv, errors.csv and run.json (the run record) to
    --out, all or nothing.

    INPUT is JSON Lines of applicants to score, a flat CSV or XLSX table of applicants
    (with --periods), or, with --scored, a table that already has scores.  CSV may be
    UTF-8, UTF-8 with BOM or GB18030.  With --engine dask, INPUT and --periods may also be
    Parquet: one file, a folder or a glob.  See docs/input-format.md and docs/scaling.md.
    """

    from pointscalc import outdir
    from pointscalc.record import RankOptions

    options = RankOptions(scheme=ctx.meta[_SCHEME_GIVEN], input=input_file, as_of=as_of, round=round_id,
                          quota=quota, periods=periods_file, family=family_file, records=records_file,
                          scored=scored, children=children, xlsx=xlsx, target=target,
                          strict=strict, ties=ties, jobs=jobs, engine=engine, allow_stale=allow_stale,
                          include_explored=include_explored, chart=chart, reform=reform_file, parquet=parquet,
                          lang=i18n.current())
    if engine != "dask" and (scheduler or partitions or parquet):
        raise click.UsageError(tr("--scheduler, --partitions and --parquet go with --engine dask"))
    folder = _out_folder(out)
    if engine == "dask":
        outcome = _rank_dask(options, scheme, folder, scheduler=scheduler, partitions=partitions)
        _summary(outcome, out, reform_file, target)
        return
    done = _rank_run(options, scheme)
    outcome = done.outcome
    _echo_problems("invalid", outcome.problems, "in errors.csv" if not strict else "problems, not shown")
    if strict and outcome.problems:
        _strict_failed(len(outcome.problems))
    try:
        outdir.publish(folder, done.files)
    except OSError as e:
        _fail(tr("--out {out}: cannot be written: {reason}; the folder holds the previous run, if any", out=out,
                 reason=os_reason(e)))
    _summary(outcome, out, reform_file, target)


def _out_folder(out: str) -> Any:
    """``--out``, checked before any work: a folder that cannot take a run is a usage error."""
    from pointscalc import outdir

    try:
        return outdir.check(out)
    except outdir.OutError as e:
        raise click.BadParameter(str(e), param_hint="--out") from None


def _summary(outcome: Any, out: str, reform_file: str | None, target: int | None) -> None:
    from tabulate import tabulate

    from pointscalc import run

    click.echo(tabulate(run.summary_rows(outcome.summaries, shown=True), headers=run.summary_header(),
                        disable_numparse=True))
    code = outcome.ties.value
    # The code is what --ties takes; in Chinese the words come first (admit_all: 全部录取).
    click.echo(tr("ties: {ties}; invalid rows: {invalid}; written to {out}", ties=i18n.pick(code, f"{tr(code)}（{code}）"),
                  invalid=len(outcome.invalid), out=out))
    if reform_file is not None:
        click.echo(tr("what-if: ranked under the reform {file}", file=reform_file))
    if target is not None:
        admitted = sum(s.admitted for s in outcome.summaries)
        click.echo(tr("planning target: {target}; admitted: {admitted} ({difference} against the target)",
                      target=target, admitted=admitted, difference=f"{admitted - target:+d}"))


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
    if options.engine == "dask":
        return _dask_done(options, scheme, inputs)
    from pathlib import Path

    from pointscalc import limits, record, registry, run
    from pointscalc.quotas import QuotaError, read_quotas, resolve
    from pointscalc.recognition import Recognition
    from pointscalc.scheme import Ties
    from pointscalc.tables import read_table

    where = {**options.input_files(), **(inputs or {})}
    try:
        quotas = read_quotas(where.get("quota", options.quota))
    except QuotaError as e:
        _fail(str(e))
    try:
        # Each input's hash and rows are taken before the run, so the bytes are not held.
        entries = {role: record.input_entry(path, limits.read_bytes(where[role]))
                   for role, path in options.input_files().items()}
        scheme_file = registry.source(options.scheme)
    except OSError as e:
        _fail(tr("{file}: cannot be read: {reason}", file=e.filename, reason=os_reason(e)))
    except InputError as e:
        _input_failed(e)
    when, version = _when(scheme, options.as_of, options.round, options.allow_stale)
    if version.unknown is not None:
        _fail(tr("scheme {scheme!r} version {version}: {unknown}; nothing to rank", scheme=scheme.key,
                 version=version.label, unknown=version.unknown(i18n.current())))
    said = when.said()
    if said is not None:
        click.echo(said(i18n.current()), err=True)
    as_of = when.data_day
    try:
        version, quotas = _rank_reform(version, _reform_of(scheme, where.get("reform", options.reform)), quotas)
        path = Path(where["input"])
        periods_file, family_file, records_file = where.get("periods"), where.get("family"), where.get("records")
        if options.children and not options.scored:
            raise run.RunError(tr("--children ranks a pre-scored table of children: add --scored"))
        if options.children:
            version = run.children_ranking(version)
        if version.ranking is not None and version.ranking.buckets:
            # A number for a ranking with buckets, or an unknown bucket: said before any work.
            resolve(quotas, {}, [], version.ranking.buckets, default_bucket=run.DEFAULT_BUCKET)
        policy = Ties(options.ties) if options.ties else None
        outcome: run.Outcome | Any = None
        if options.scored:
            table = read_table(path)
            bad = [(p.row or 0, None, [p]) for p in table.problems]
            rows = iter([*bad, *run.scored_rows(table, version, children=options.children, as_of=when.rules_day)])
        else:
            recognition = Recognition.resolve(scheme.city, scheme.agreements, when.rules_day, options.include_explored)
            keyed = {k: Path(f) if f else None for k, f in zip(run.KEYED, (periods_file, family_file, records_file),
                                                                   strict=True)}
            if path.suffix.lower() not in (".csv", ".xlsx") and any(keyed.values()):
                raise run.RunError(tr("--periods, --family and --records go with a flat CSV or XLSX applicants table"))
            outcome = _by_columns(options.engine, scheme, version, as_of, recognition, path, keyed,
                                  quotas, policy, options.jobs, born_by=when.rules_day)
            if outcome is None and path.suffix.lower() in (".csv", ".xlsx"):
                table = read_table(path)
                tables = {k: read_table(f) if f else None for k, f in keyed.items()}
                applicants = run.table_applicants(table, tables["periods"], version, tables["family"],
                                                  tables["records"])
                applicants = iter([*((p.row or 0, table.name, None, [p], None) for p in table.problems),
                                   *applicants])
            elif outcome is None:
                applicants = run.jsonl_applicants(path)
            rows = run.scored_applicants(_progress(applicants), scheme, version, as_of, recognition,
                                         options.jobs, born_by=when.rules_day) if outcome is None else iter(())
        if outcome is None:
            outcome = run.rank_run(scheme, version, rows, quotas, file=str(path), ties=policy)
    except (SchemeError, run.RunError, QuotaError) as e:
        _fail(str(e))
    except InputError as e:
        _input_failed(e)
    except OSError as e:  # the scheme file, gone since it was loaded
        _fail(tr("{file}: cannot be read: {reason}", file=e.filename, reason=os_reason(e)))
    columns = outcome.columns()  # a whole city's tables: built once
    tables = run.output_tables(columns, xlsx=options.xlsx)
    if options.chart:
        tables |= {name: (data, 0) for name, data in _rank_charts(outcome).items()}
    files = {name: data for name, (data, _) in tables.items()}
    files[record.NAME] = record.dumps(record.build(
        options, scheme_key=scheme.key, scheme_file=scheme_file, version=version.label, rules_day=when.rules_day,
        data_day=when.data_day, round_id=when.round.id if when.round is not None else None, quotas=quotas.places,
        default_quota=quotas.total, inputs=entries, outputs=tables, statuses=run.status_counts(columns)))
    return _Done(outcome, files)


def _rank_reform(version: Any, loaded: Any, quotas: Any) -> tuple[Any, Any]:
    """``rank --reform``: the reformed version and quotas (as they are without a reform)."""
    if loaded is None:
        return version, quotas
    from pointscalc import reform

    version = _applied(loaded, version)[0]

    try:
        quotas = loaded.apply_quotas(quotas)
    except reform.ReformError as e:
        _fail(str(e))
    return version, quotas


def _rank_charts(outcome: Any) -> dict[str, bytes]:
    """One score-distribution chart per bucket, as files for the output folder; a missing
    matplotlib is an error before anything is written."""
    from pointscalc import charts

    try:
        return charts.rank_charts(outcome)
    except charts.ChartsMissing as e:
        _fail(str(e))


def _by_columns(engine: str, scheme: Scheme, version: Any, as_of: dt.date, recognition: Any, path: Any,
                keyed: dict[str, Any], quotas: Any, ties: Any, jobs: int, born_by: dt.date | None = None) -> Any:
    """The bulk engine's outcome, or ``None`` where the reference engine must rank: the
    input is not a CSV table, the version uses a rule only the reference knows, or the
    file holds what only the reference reader reads faithfully."""
    from pointscalc import run

    if engine == "applicants" or version.ranking is None:
        return None  # a version that ranks nothing is refused by run.rank_run, with a clear message
    why = None
    jsonl = path.suffix.lower() not in (".csv", ".xlsx")
    if not jsonl and (path.suffix.lower() != ".csv"
                      or any(p is not None and p.suffix.lower() != ".csv" for p in keyed.values())):
        why = tr("only CSV tables and JSON Lines are read by the bulk engine")
    else:
        try:
            from pointscalc import bulk, columns
        except ImportError as e:
            why = tr("{module} is not installed", module=e.name)
        else:
            why = bulk.unsupported(scheme, version, recognition)
            if why is None:
                try:
                    return bulk.rank_columns(scheme, version, as_of, recognition, path, keyed, quotas, born_by=born_by,
                                             ties=ties, jobs=jobs)
                except columns.NotColumnar as e:
                    why = str(e)
    if engine == "columns":
        raise run.RunError(tr("--engine columns: {why}; use --engine auto or applicants", why=why))
    from pointscalc.engines import fallback_note

    click.echo(fallback_note(str(why), path, jobs), err=True)
    return None


def _rank_dask(options: Any, scheme: Scheme, folder: Any, *, scheduler: str | None, partitions: int | None,
               inputs: dict[str, str] | None = None, echo: bool = True) -> Any:
    """``rank --engine dask``: the pool ranked on a Dask cluster (pointscalc.distributed), its
    outputs and run.json built in a staging folder and swapped in at ``folder`` as a whole.
    ``inputs`` as for ``_rank_run``; ``echo`` prints the bad rows."""
    from pathlib import Path

    from pointscalc import outdir, record, registry, run
    from pointscalc.i18n import tr
    from pointscalc.quotas import QuotaError, read_quotas, resolve
    from pointscalc.recognition import Recognition
    from pointscalc.scheme import Ties
    from pointscalc.tables import write_all

    _not_with_dask(options.engine, [
        ("--scored", options.scored), ("--xlsx", options.xlsx), ("--jobs", options.jobs > 1),
        ("--family", options.family), ("--records", options.records), ("--chart", options.chart),
        ("--reform", options.reform), ("--children", options.children)])
    where = {**options.input_files(), **(inputs or {})}
    if Path(where["input"]).suffix.lower() in (".jsonl", ".json", ".xlsx"):
        _fail(tr("--engine dask reads a CSV or Parquet table of applicants (with --periods), not {suffix}",
                 suffix=Path(where["input"]).suffix))
    when, version = _when(scheme, options.as_of, options.round, options.allow_stale)
    try:
        quotas = read_quotas(where.get("quota", options.quota))
        if version.ranking is not None and version.ranking.buckets:
            resolve(quotas, {}, [], version.ranking.buckets, default_bucket=run.DEFAULT_BUCKET)
    except QuotaError as e:
        _fail(str(e))
    try:
        from pointscalc import distributed
    except ImportError as e:
        _fail(tr("--engine dask needs {module}: pip install 'pointscalc[dask]'", module=e.name))
    try:
        distributed.require_ranking(scheme, version)
        entries = _dask_inputs(options, where)
        scheme_file = registry.source(options.scheme)
        client = distributed.client_for(scheduler)
    except (SchemeError, run.RunError) as e:
        _fail(str(e))
    except InputError as e:
        _input_failed(e)
    except OSError as e:
        _fail(f"{e.filename}: cannot be read: {os_reason(e)}")
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        recognition = Recognition.resolve(scheme.city, scheme.agreements, when.rules_day, options.include_explored)
        job = distributed.Job(scheme, version, when.data_day, recognition, partitions or 4 * workers,
                              born_by=when.rules_day, lang=i18n.current())
        outcome = distributed.rank_pool(client, job, where["input"], where.get("periods"), quotas,
                                        ties=Ties(options.ties) if options.ties else None, progress=_say,
                                        form="parquet" if options.parquet else "csv")
        if echo:
            _echo_problems("invalid", outcome.problems,
                           "in errors.csv" if not options.strict else "problems, not shown")
        if options.strict and outcome.problems:
            _fail(f"{len(outcome.problems)} problem(s) in the input; --strict: nothing written")

        def fill(staging: Path) -> None:
            written = outcome.write(staging)
            doc = record.build(
                options, scheme_key=scheme.key, scheme_file=scheme_file, version=version.label,
                rules_day=when.rules_day, data_day=when.data_day,
                round_id=when.round.id if when.round is not None else None, quotas=quotas.places,
                default_quota=quotas.total, inputs=entries, outputs=written.outputs, statuses=written.statuses)
            write_all(staging, {record.NAME: record.dumps(doc)})

        outdir.publish_folder(folder, fill)
        return outcome
    except (SchemeError, run.RunError, QuotaError) as e:
        _fail(str(e))
    except InputError as e:
        _input_failed(e)
    except OSError as e:
        _fail(f"--out: cannot be written: {os_reason(e)}; the folder holds the previous run, if any")
    finally:
        if "outcome" in locals():
            outcome.close()
        distributed.close(client)


def _dask_inputs(options: Any, where: dict[str, str]) -> dict[str, Any]:
    """The run record's entry for each input of a Dask run, by role: a pool given as a
    folder or glob of Parquet files is hashed file by file, its rows taken from their
    metadata; a CSV or TOML file as ``rank`` records it."""
    from pointscalc import distributed, limits, record

    entries = {}
    for role, path in options.input_files().items():
        files = distributed.pool_files(where[role]) if role in ("input", "periods") else [where[role]]
        if files == [where[role]] and not where[role].lower().endswith(".parquet"):
            entries[role] = record.input_entry(path, limits.read_bytes(where[role]))
        else:
            found = distributed.sources(where[role])
            rows = sum(s.rows for s in found)
            entries[role] = {"path": path, "sha256": record.fingerprint(where[role], files), "rows": rows}
    return entries


def _dask_options(engine: str, scheduler: str | None, partitions: int | None, pool: str, *, scored: bool,
                  jobs: int) -> None:
    """``compare``'s options against ``--engine``: a usage error where they do not go together."""
    from pathlib import Path

    from pointscalc.i18n import tr

    if engine != "dask" and (scheduler or partitions):
        raise click.UsageError(tr("--scheduler and --partitions go with --engine dask"))
    if engine != "dask" and Path(pool).is_dir():
        raise click.BadParameter(tr("a folder of Parquet files is read with --engine dask"), param_hint="POOL")
    _not_with_dask(engine, [("--scored", scored), ("--jobs", jobs > 1)])


def _not_with_dask(engine: str, options: list[tuple[str, Any]]) -> None:
    """Options given (true) that a Dask run cannot honour: a usage error, before any work."""
    from pointscalc.i18n import tr

    unusable = [o for o, on in options if on]
    if engine == "dask" and unusable:
        raise click.UsageError(tr("{options} cannot be used with --engine dask", options=i18n.listing(unusable)))


def _fingerprint(path: str) -> str:
    """An input's SHA-256 as the run record keeps it: of one file, or of a Dask run's
    folder or glob of Parquet files."""
    from pointscalc import distributed, record

    return record.fingerprint(path, distributed.pool_files(path))


def _dask_done(options: Any, scheme: Scheme, inputs: dict[str, str] | None) -> _Done:
    """A Dask run as ``_rank_run`` gives one, for ``verify``: run on a new local cluster into
    a private temporary folder, and read back."""
    import shutil
    import tempfile
    from pathlib import Path

    tmp = Path(tempfile.mkdtemp(prefix=".pointscalc-verify-"))
    try:
        outcome = _rank_dask(options, scheme, tmp / "out", scheduler=None, partitions=None, inputs=inputs,
                             echo=False)
        return _Done(outcome, {p.name: p.read_bytes() for p in sorted((tmp / "out").iterdir())})
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


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
            click.echo("\r" + tr("{n} applicants read", n=f"{i:,}"), err=True, nl=False)
        yield item
    click.echo("", err=True)


_ROLES = {"input": "INPUT", "periods": "--periods", "family": "--family", "records": "--records",
          "quota": "--quota", "reform": "--reform"}


@main.command()
@click.argument("out_dir", metavar="OUT_DIR", type=click.Path(file_okay=False))
@click.option("--input", "given", multiple=True, type=click.Path(dir_okay=False), metavar="FILE",
              help="An input file given again, where it is no longer at its recorded path (repeatable);"
                   " it is matched to its role by its SHA-256.")
@_lang_only
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
            raise ValueError(tr("not a run record of format {format}", format=record.FORMAT))
        options = RankOptions.from_json(kept["options"])
        inputs: dict[str, Any] = kept["inputs"]
        recorded_scheme = kept["scheme"].get("sha256")
    except OSError as e:
        _fail(tr("{file}: cannot be read: {reason}; verify needs the folder a run wrote", file=path,
                 reason=os_reason(e)))
    except InputError as e:
        _input_failed(e)
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as e:
        _fail(tr("{file}: not a run record this version of pointscalc reads ({why})", file=path,
                 why=e if isinstance(e, ValueError) else tr("a field is missing or of the wrong kind")))
    if kept.get("tool", {}).get("version") != pointscalc.__version__:
        click.echo(tr("note: recorded by pointscalc {recorded}; this is {running}",
                      recorded=kept.get("tool", {}).get("version"), running=pointscalc.__version__))
    problems: list[str] = []
    hashes: dict[str, str] = {}
    for name in given:
        try:
            hashes[name] = record.sha256(Path(name).read_bytes())
        except OSError as e:
            problems.append(tr("--input {file}: cannot be read: {reason}", file=name, reason=os_reason(e)))
    where: dict[str, str] = {}
    for role, entry in sorted(inputs.items()):
        match = next((n for n, h in hashes.items() if h == entry["sha256"]), None)
        if match is not None:
            where[role] = match
            continue
        try:
            same = _fingerprint(entry["path"]) == entry["sha256"]
        except OSError:
            problems.append(tr("{role} {file}: cannot be read; give it with --input", role=_ROLES.get(role, role),
                               file=entry["path"]))
            continue
        if same:
            where[role] = entry["path"]
        else:
            problems.append(tr("{role} {file}: has changed since the run (its SHA-256 differs)",
                               role=_ROLES.get(role, role), file=entry["path"]))
    problems += [tr("--input {file}: matches no input recorded in {record}", file=n, record=record.NAME) for n in given
                 if n in hashes and n not in where.values()]
    try:
        scheme = registry.load(options.scheme)
        if recorded_scheme is not None and record.sha256(registry.source(options.scheme)[1]) != recorded_scheme:
            problems.append(tr("scheme {scheme}: its file has changed since the run (its SHA-256 differs)",
                               scheme=options.scheme))
    except (SchemeError, OSError) as e:
        problems.append(tr("scheme {scheme}: {problem}", scheme=options.scheme, problem=e))
    if problems:
        for p in problems:
            click.echo(_error(p), err=True)
        _fail(tr("cannot re-run: nothing was compared"))
    with i18n.using(options.lang):
        done = _rank_run(options, scheme, where)
    names = sorted(set(done.files) | {p.name for p in folder.iterdir() if outdir.ours(p.name)})
    differ = 0
    for name in names:
        kept_file = folder / name
        now = done.files.get(name)
        if not kept_file.is_file():
            state = N_("missing from OUT_DIR")
        elif now is None:
            state = N_("not written by the re-run")
        else:
            state = N_("same") if kept_file.read_bytes() == now else N_("differs")
        differ += state != "same"
        click.echo(tr("{state}: {file}", state=tr(state), file=name))
    if differ:
        _fail(tr("{n} file(s) are not what the recorded run writes", n=differ))
    click.echo(tr("verified: all {n} files are the same bytes", n=len(names)))


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
@_reform
def plan(scheme: Scheme, profile: str | None, as_of: dt.date | None, horizon: int, fmt: str, chart: str | None,
         backtest: bool, lang: str, allow_stale: bool, reform_file: str | None) -> None:
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
        raise click.UsageError(tr("plan needs SCHEME, PROFILE and --as-of (or --backtest SCHEME)"))
    try:
        # A profile describes a person, so it may carry facts other cities read (as for check).
        facts = registry.all_facts([*registry.all_shipped(), scheme])
        applicant = reading.load_applicant(profile, facts, as_of)
        loaded = _reform_of(scheme, reform_file)
        if loaded is not None:
            click.echo(tr("What-if: {reform}", reform=loaded.describe()), err=fmt == "json")
        result = planning.make_plan(scheme, applicant, as_of, horizon_years=horizon, allow_stale=allow_stale,
                                    reform=loaded)
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
@_lang_only
def schema() -> None:
    """Print a JSON Schema of the applicant file (TOML or JSON), for editors and other systems.

    It allows every extra fact some shipped scheme reads; the reader still checks what a schema
    cannot (a check digit, a district of a city, a date that exists)."""
    from pointscalc import registry, report
    from pointscalc.schema import applicant_schema

    click.echo(report.dumps(applicant_schema(registry.all_facts(registry.all_shipped()))), nl=False)


@main.command()
@click.argument("scheme", type=SCHEME)
@click.argument("input_file", metavar="POOL", type=click.Path())
@_as_of
@click.option("--quota", required=True, metavar="N|QUOTA_FILE",
              help="Places in a single bucket, or a TOML/CSV file of bucket and quota (as for rank).")
@click.option("--against", "against", metavar="VERSION", help="The alternative: another version of the scheme.")
@_reform
@click.option("--out", "out", required=True, type=click.Path(file_okay=False), help="Directory for the results.")
@click.option("--periods", "periods_file", type=click.Path(),
              help="A table of periods keyed by applicant ID, for a flat applicants table (with --engine dask,"
                   " also a folder or glob of Parquet files).")
@click.option("--scored", is_flag=True, help="POOL already has a score column: rank it as given.")
@click.option("--by", "by", multiple=True, metavar="COLUMN",
              help="Also report admission rates by this column of the pool (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--no-report", is_flag=True, help="Write the tables and JSON without report.html (no matplotlib needed).")
@click.option("--strict", is_flag=True, help="Abort on any bad row, writing nothing.")
@click.option("--ties", type=click.Choice(["admit_all", "strict"]), help="Override the ties policy on both sides.")
@click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes that score applicants (one per core).")
@click.option("--engine", type=click.Choice(["auto", "columns", "applicants", "dask"]), default="auto",
              show_default=True,
              help="As for rank (dask: both sides ranked on a Dask cluster, POOL and --periods CSV or Parquet):"
                   " the outputs are the same bytes.")
@_scheduler
@_partitions
@_stale
@_explored
@_lang_only
def compare(scheme: Scheme, input_file: str, as_of: dt.date, quota: str, against: str | None,
            reform_file: str | None, out: str, periods_file: str | None, scored: bool, by: tuple[str, ...],
            fmt: str, no_report: bool, strict: bool, ties: str | None, jobs: int, engine: str,
            scheduler: str | None, partitions: int | None, allow_stale: bool, include_explored: bool) -> None:
    """Rank the same POOL under two rule sets, the version in force on --as-of (the baseline)
    and an alternative (--against VERSION or --reform FILE), and write who gains, who loses,
    and the admission rate by group: transitions.csv, buckets.csv, changes.csv (masked),
    groups.csv, compare.json and report.html (see docs/compare.md).
    """
    from pathlib import Path

    from pointscalc import charts, outdir, run
    from pointscalc import compare as cmp
    from pointscalc.quotas import QuotaError, read_quotas
    from pointscalc.scheme import Ties

    if (against is None) == (reform_file is None):
        raise click.UsageError(tr("give the alternative: --against VERSION or --reform FILE (one of them)"))
    _dask_options(engine, scheduler, partitions, input_file, scored=scored, jobs=jobs)
    folder = _out_folder(out)
    if not no_report:
        try:
            charts.available()
        except charts.ChartsMissing as e:
            _fail(tr("{problem} (or pass --no-report)", problem=e))
    try:
        base = scheme.version_for(as_of, allow_stale)
        quotas = read_quotas(quota)
        if against is not None:
            other, other_quotas = scheme.version_named(against), quotas
            label = tr("version {version}", version=against)
        else:
            loaded = _reform_of(scheme, reform_file)
            other, other_quotas = _rank_reform(base, loaded, quotas)
            label = tr("{version} + reform: {reform}", version=base.label,
                       reform=loaded.named() or Path(reform_file).name)
        # Both sides read the pool the same way: each version also accepts the other's facts.
        facts = tuple({f.name: f for f in (*other.facts, *base.facts)}.values())
        sides = (cmp.Side("baseline", tr("version {version}", version=base.label), attrs.evolve(base, facts=facts),
                          quotas),
                 cmp.Side("alternative", label, attrs.evolve(other, facts=facts), other_quotas))
        pool = cmp.Pool(Path(input_file), Path(periods_file) if periods_file else None, scored, engine, jobs,
                        include_explored, Ties(ties) if ties else None, scheduler=scheduler, partitions=partitions)
        result = cmp.compare(scheme, *sides, as_of, pool, by=by)
    except (SchemeError, run.RunError, cmp.CompareError, QuotaError) as e:
        _fail(str(e))
    except InputError as e:
        _input_failed(e)
    problems = [str(p) for p in cmp.problems(result)]
    _echo_problems("invalid", problems, "in errors.csv" if not strict else "problems, not shown")
    if strict and problems:
        _strict_failed(len(problems))
    try:
        outdir.publish(folder, cmp.files(result, None if no_report else cmp.report_html(result)))
    except OSError as e:
        _fail(tr("--out {out}: cannot be written: {reason}; the folder holds the previous run, if any", out=out,
                 reason=os_reason(e)))
    if fmt == "json":
        from pointscalc import report

        click.echo(report.dumps(cmp.document(result)), nl=False)
        return
    click.echo(cmp.terminal_text(result, out))
