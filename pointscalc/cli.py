"""The command line: parse, call the library, print.

Exit codes: 0 ok; 1 invalid input or a failed check; 2 usage (a bad option, an unknown
scheme).  A user's mistake is reported in one line per problem, never as a traceback.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any, NoReturn

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
        applicant = reading.load_applicant(applicant_file, version.facts)
    except InputError as e:
        _input_failed(e)
    assessment = assess(scheme, version, applicant, as_of, include_explored=include_explored)
    if fmt == "json":
        click.echo(report.dumps(report.assessment_json(assessment, lang)), nl=False)
    else:
        click.echo(report.assessment_text(assessment, scheme, lang), nl=False)


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
