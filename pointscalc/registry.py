"""Finding schemes: shipped ones by name, any other by the path of its file.

A scheme module exposes one ``SCHEME``.  Shipped schemes are imported only when asked
for, so that scoring one applicant does not pay for every city.
"""

from __future__ import annotations

import importlib
import importlib.util
import itertools
import pkgutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

import schemes as _shipped
from pointscalc import places
from pointscalc.aliases import did_you_mean
from pointscalc.i18n import listing, tr
from pointscalc.rules import OverlapDeduction, PerMonthDeduction
from pointscalc.scheme import Fact, Scheme, SchemeError, Version

if TYPE_CHECKING:
    from pointscalc.lint import Constraint
    from pointscalc.model import Applicant

_INTERNAL = {"jiangsu", "opengroups", "binding"}
"""Modules of the schemes package that hold shared data, not a city."""


def shipped_names() -> list[str]:
    return sorted(
        m.name for m in pkgutil.iter_modules(_shipped.__path__)
        if not m.name.startswith("_") and m.name not in _INTERNAL
    )


def _scheme_of(module: object, origin: str, check: bool = True) -> Scheme:
    scheme = getattr(module, "SCHEME", None)
    if not isinstance(scheme, Scheme):
        raise SchemeError(tr("{origin} defines no SCHEME (a pointscalc.scheme.Scheme)", origin=origin))
    problems = structural_problems(scheme) if check else []
    if problems:
        raise SchemeError(tr("{origin} is not a usable scheme: {problems}", origin=origin,
                              problems=tr("; ").join(problems)))
    return scheme


def structural_problems(scheme: Scheme) -> list[str]:
    """What would make a scheme fail while scoring rather than when loaded: a document
    cited by number but not listed, a reference to an item that does not exist, versions
    whose validity overlaps or runs backwards, a home city we do not know."""
    problems: list[str] = []
    try:
        canonical = places.city(scheme.city)
        if canonical != scheme.city:
            problems.append(tr("city: write {city!r} as {canonical!r}, the name periods are read with", city=scheme.city,
                               canonical=canonical))
    except ValueError as e:
        problems.append(tr("city: {problem}", problem=e))
    listed = {d.number for d in scheme.documents}
    versions = sorted(scheme.versions, key=lambda v: v.effective)
    if not versions:
        problems.append(tr("it has no versions"))
    for v in versions:
        where = tr("version {version}", version=v.label)
        if v.ends is not None and v.ends <= v.effective:
            problems.append(tr("{where}: ends {ends} is not after effective {effective}", where=where, ends=v.ends,
                               effective=v.effective))
        problems += [tr("{where}: document {document!r} is not in SCHEME.documents", where=where, document=d)
                     for d in v.documents if d not in listed]
        keys = [it.key for it in v.items]
        problems += [tr("{where}: item key {key!r} is used twice", where=where, key=k)
                     for k in sorted({k for k in keys if keys.count(k) > 1})]
        known = set(keys)
        for it in v.items:
            if isinstance(it, OverlapDeduction | PerMonthDeduction):
                refs = [*getattr(it, "of", ()), *([it.alongside] if it.alongside else [])]
                problems += [tr("{where}: {key} refers to no item {ref!r}", where=where, key=it.key, ref=r)
                             for r in refs if r not in known]
        problems += [tr("{where}: base item {key!r} does not exist", where=where, key=k)
                     for k in sorted(v.base_items or ()) if k not in known]
    for a, b in itertools.pairwise(versions):
        if a.ends is None or a.ends > b.effective:
            problems.append(tr("versions {a} and {b} overlap: {a_valid} and {b_valid}", a=a.label, b=b.label,
                               a_valid=a.validity(), b_valid=b.validity()))
    labels = {v.label for v in versions}
    ids = [r.id for r in scheme.rounds]
    problems += [tr("round {round!r} is declared twice", round=i) for i in sorted({i for i in ids if ids.count(i) > 1})]
    for r in scheme.rounds:
        if r.version not in labels:
            problems.append(tr("round {round}: no version {version!r}", round=r.id, version=r.version))
        if r.result is not None and r.result.citation.document not in listed:
            problems.append(tr("round {round}: document {document!r} is not in SCHEME.documents", round=r.id,
                               document=r.result.citation.document))
        if r.window is not None and r.window[1] <= r.window[0]:
            problems.append(tr("round {round}: window {window} is empty", round=r.id, window=r.window_text()))
        if r.result is not None and r.result.scores is not None and not published_scores_path(r.result.scores).is_file():
            problems.append(tr("round {round}: its published scores {file!r} are not in schemes/data", round=r.id,
                               file=r.result.scores))
    windows = sorted((r.window, r.id) for r in scheme.rounds if r.window is not None)
    for (wa, a), (wb, b) in itertools.pairwise(windows):
        if wa[1] > wb[0]:
            problems.append(tr("rounds {a} and {b}: application windows overlap", a=a, b=b))
    return problems


def is_path(name_or_path: str) -> bool:
    """A scheme file's path (``./my_city.py``), not a shipped scheme's name."""
    return name_or_path.endswith(".py") or "/" in name_or_path or "\\" in name_or_path


def published_scores_path(name: str) -> Path:
    """Where a round's published list of scores is shipped."""
    return Path(_shipped.__file__).resolve().parent / "data" / name


def load(name_or_path: str, check: bool = True) -> Scheme:
    """A shipped scheme by name (``beijing``), or a scheme file by path (``./my_city.py``).

    ``check=False`` skips the load-time structural checks, for ``lint`` to report them.
    """
    if is_path(name_or_path):
        return load_file(Path(name_or_path), check)
    name = by_city(name_or_path) or name_or_path
    if name not in shipped_names():
        hint = did_you_mean(name_or_path.strip().lower(), shipped_names(), cutoff=0.6)
        raise SchemeError(tr("no scheme named {name!r}{hint}; shipped schemes: {shipped}, also by city (北京,"
                             " Beijing); or give the path of a scheme file", name=name_or_path, hint=hint,
                             shipped=listing(shipped_names())))
    module = importlib.import_module(f"schemes.{name}")
    return _scheme_of(module, f"schemes/{name}.py", check)


def by_city(text: str) -> str | None:
    """The shipped scheme of a city given by name (北京, 北京市, Beijing), if there is one.
    Only a name that is not a scheme's own is looked up, so ``score beijing`` imports one module."""
    if text in shipped_names():
        return text
    try:
        city = places.city(text.strip().lower() if text.isascii() else text.strip())
    except ValueError:
        return None
    return next((n for n in shipped_names() if load(n).city == city), None)


def source(name_or_path: str) -> tuple[str, bytes]:
    """The file a scheme is read from, as a path to record and its bytes: a run record
    keeps its hash, so a changed scheme file is seen when the run is verified."""
    if is_path(name_or_path):
        return name_or_path, Path(name_or_path).read_bytes()
    module = importlib.import_module(f"schemes.{name_or_path}")
    return f"schemes/{name_or_path}.py", Path(str(module.__file__)).read_bytes()


def load_file(path: Path, check: bool = True) -> Scheme:
    if not path.is_file():
        raise SchemeError(tr("scheme file {file!r} does not exist", file=str(path)))
    module_name = f"_pointscalc_scheme_{abs(hash(path.resolve()))}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise SchemeError(tr("{file} cannot be loaded as a Python module", file=path))
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except SyntaxError as e:
        raise SchemeError(tr("{file}, line {line}: {problem}", file=path, line=e.lineno, problem=e.msg)) from None
    except SystemExit:
        raise SchemeError(tr("{file} failed to load: it calls sys.exit", file=path)) from None
    except Exception as e:  # a scheme file is user code: report, don't crash
        raise SchemeError(tr("{file} failed to load: {kind}: {problem}", file=path, kind=type(e).__name__,
                              problem=e)) from None
    return _scheme_of(module, str(path), check)


def all_shipped() -> list[Scheme]:
    return [load(n) for n in shipped_names()]


def binding_for(city: str) -> tuple[Constraint, ...]:
    """The limits a higher-level policy sets on any scheme for ``city``."""
    from schemes.binding import CONSTRAINTS

    try:
        city = places.city(city)
    except ValueError:
        pass
    return CONSTRAINTS.get(city, ())


def all_facts(schemes: list[Scheme]) -> list[Fact]:
    """Every extra fact any version of these schemes reads, none of them required.

    One profile is checked against every city, so it may carry facts that only some
    cities read; a required fact a profile leaves out is reported per city instead.  Two
    schemes giving one name different meanings would make a profile ambiguous: an error.
    """
    seen: dict[tuple[str, object], Fact] = {}
    for s in schemes:
        for v in s.versions:
            for f in v.facts:
                key = (f.name, f.period_kind)
                loose = attrs.evolve(f, required=False)
                other = seen.get(key)
                if other is not None and (other.type, other.choices) != (loose.type, loose.choices):
                    raise SchemeError(tr("fact {fact!r} means different things in two schemes ({scheme} and"
                                         " another): give one of them another name", fact=f.name, scheme=s.key))
                seen.setdefault(key, loose)
    return [seen[k] for k in sorted(seen, key=lambda k: (k[0], str(k[1])))]


def facts_ignored(applicant: Applicant, version: Version, facts: list[Fact]) -> list[str]:
    """The facts of ``facts`` (every version's) an applicant gives that ``version`` does not
    read: accepted, and named in a note rather than refused."""
    read = {f.name for f in version.facts}
    on_periods = {f.name for f in facts if f.period_kind is not None}
    given = {name for name, _ in applicant.extra}
    given |= {name for p in applicant.periods for name, _ in p.attributes if name in on_periods}
    return sorted(given - read)
