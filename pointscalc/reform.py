"""Reforms: a scheme's version changed by a TOML file, for what-if runs.

A reform is data, not code, so that an analyst can write one and every key can be checked
when it loads.  It is applied by walking the attrs fields of the version (items,
thresholds, ranking, conditions) rather than by knowing each item class: a rule type
added later can be reformed without a change here.  The rules of the walk, and the file
format, are in ``docs/compare.md``.

Every key is checked: an unknown item or field is an error naming the nearest valid ones,
a value of the wrong kind is an error saying what was expected, and nothing is ignored.
"""

from __future__ import annotations

import enum
import tomllib
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import attrs

from pointscalc.aliases import nearest
from pointscalc.errors import os_reason
from pointscalc.i18n import listing, tr
from pointscalc.quotas import Quotas
from pointscalc.scheme import Scheme, Version

META = ("scheme", "version", "title", "title_zh", "remove_items", "quota", "quotas")
"""Top-level keys that are about the reform itself, not fields of the version."""

FIXED = ("label", "effective", "ends", "documents", "facts", "notes", "waivers", "followers")
"""Version fields a reform may not change: what the version is, and what it reads."""

_MAX_ERRORS = 50


class ReformError(Exception):
    """A reform file that cannot be applied; one message per problem."""

    def __init__(self, file: str, problems: list[str]):
        shown = problems[:_MAX_ERRORS]
        if len(problems) > _MAX_ERRORS:
            shown.append(tr("… {n} more problems", n=len(problems) - _MAX_ERRORS))
        super().__init__("\n".join(f"{file}{tr(': ')}{p}" for p in shown))
        self.problems = problems


@attrs.frozen
class Change:
    """One value the reform changed: where, before and after, as text."""

    path: str
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.path}: {self.old} → {self.new}"


@attrs.frozen
class Reform:
    file: str
    scheme: str
    version: str
    title: str
    body: dict[str, Any]
    """The changes to the version's fields (the file less its META keys)."""
    remove_items: tuple[str, ...] = ()
    quota: int | None = None
    quotas: tuple[tuple[str, int | None], ...] = ()
    title_zh: str = ""
    """The title in Chinese, for ``--lang zh``; the file's own words, so the author gives both."""

    def named(self) -> str:
        """The title in the user's language, where the file gives one in it."""
        from pointscalc.i18n import current

        return self.title_zh if current() == "zh" and self.title_zh else self.title

    def apply(self, version: Version) -> tuple[Version, list[Change]]:
        """The version changed, and each change; ``ReformError`` listing every problem."""
        if version.label != self.version:
            raise ReformError(self.file, [tr("version: the reform is written for version {wanted}, not {given}",
                                             wanted=self.version, given=version.label)])
        problems: list[str] = []
        changes: list[Change] = []
        out = _walk(version, self.body, "", problems, changes, fixed=FIXED)
        out = self._remove(out, problems, changes)
        if problems:
            raise ReformError(self.file, problems)
        return out, changes

    def _remove(self, version: Version, problems: list[str], changes: list[Change]) -> Version:
        keys = [it.key for it in version.items]
        gone = set()
        for key in self.remove_items:
            if key not in keys:
                problems.append(tr("remove_items: no item {key!r}{hint}", key=key, hint=_nearest(key, keys)))
            else:
                gone.add(key)
                changes.append(Change(f"items.{key}", tr("present"), tr("removed")))
        kept = tuple(it for it in version.items if it.key not in gone)
        for it in kept:
            for name in _item_references(it):
                if name in gone:
                    problems.append(tr("remove_items: item {key!r} uses {name!r}; remove or change it too",
                                       key=it.key, name=name))
        base = version.base_items - gone if version.base_items is not None else None
        return attrs.evolve(version, items=kept, base_items=base)

    def apply_quotas(self, quotas: Quotas) -> Quotas:
        """The run's quotas with the reform's changes; a bucket the run does not name is an
        error, since a new bucket's applicants would otherwise be guessed."""
        problems = []
        places = dict(quotas.places)
        total = quotas.total
        if self.quota is not None:
            if quotas.places:
                problems.append(tr("quota: the run's quotas are per bucket; change them under [quotas]"))
            total = self.quota
        for bucket, value in self.quotas:
            if bucket not in quotas.places:
                problems.append(tr("quotas.{bucket}: the run's --quota names no such bucket{hint}", bucket=bucket,
                                   hint=_nearest(bucket, list(quotas.places))))
            places[bucket] = value
        if problems:
            raise ReformError(self.file, problems)
        return attrs.evolve(quotas, places=places, total=total)

    def describe(self) -> str:
        return f"{self.named() or Path(self.file).name} ({self.file})"


def load(path: str | Path, scheme: Scheme) -> Reform:
    """Read and check a reform file against the scheme it names; every problem at once."""
    name = str(path)
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except OSError as e:
        raise ReformError(name, [tr("cannot be read: {reason}", reason=os_reason(e))]) from None
    except UnicodeDecodeError:
        raise ReformError(name, [tr("is not UTF-8 text")]) from None
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as e:
        raise ReformError(name, [tr("is not valid TOML: {problem}", problem=e)]) from None
    problems: list[str] = []
    for key in ("scheme", "version"):
        if not isinstance(data.get(key), str):
            problems.append(tr("{key}: required, a string (the {key} the reform changes)", key=key))
    if problems:
        raise ReformError(name, problems)
    if data["scheme"] != scheme.key:
        raise ReformError(name, [tr("scheme: the reform is for {wanted!r}, not {given!r}", wanted=data["scheme"],
                                    given=scheme.key)])
    labels = [v.label for v in scheme.versions]
    if data["version"] not in labels:
        raise ReformError(name, [tr("version: {scheme} has no version {version!r} (versions: {versions})",
                                    scheme=scheme.key, version=data["version"], versions=listing(labels))])
    title, title_zh = data.get("title", ""), data.get("title_zh", "")
    if not isinstance(title, str):
        problems.append(tr("title: expected a string"))
    if not isinstance(title_zh, str):
        problems.append(tr("title_zh: expected a string"))
    removed = data.get("remove_items", [])
    if not isinstance(removed, list) or not all(isinstance(k, str) for k in removed):
        problems.append(tr("remove_items: expected a list of item keys"))
        removed = []
    quota = data.get("quota")
    if quota is not None and not _is_count(quota):
        problems.append(tr("quota: expected a whole number of places, got {got!r}", got=quota))
    quotas = data.get("quotas", {})
    pairs: list[tuple[str, int | None]] = []
    if not isinstance(quotas, dict):
        problems.append(tr("quotas: expected a table of bucket = places"))
    else:
        for bucket, value in quotas.items():
            if value == "open":
                pairs.append((bucket, None))
            elif _is_count(value):
                pairs.append((bucket, value))
            else:
                problems.append(tr("quotas.{bucket}: expected a whole number of places or \"open\", got {got!r}",
                                   bucket=bucket, got=value))
    if problems:
        raise ReformError(name, problems)
    body = {k: v for k, v in data.items() if k not in META}
    reform = Reform(name, data["scheme"], data["version"], title, body, tuple(removed), quota, tuple(sorted(pairs)),
                    title_zh)
    reform.apply(scheme.version_named(reform.version))
    return reform


def changed_items(changes: list[Change]) -> set[str]:
    return {c.path.split(".")[1] for c in changes if c.path.startswith("items.")}


# --- The walk -------------------------------------------------------------------------------


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _nearest(name: str, valid: list[str]) -> str:
    close = nearest(name, valid, most=3)
    if close:
        return tr("; did you mean {names}?", names=listing(close))
    shown = valid[:15]
    more = tr(", … ({n} more)", n=len(valid) - 15) if len(valid) > 15 else ""
    return tr(" (valid: {names}{more})", names=listing(shown), more=more) if valid else ""


def _identity(obj: Any) -> str | None:
    """What an element of a list is called in a reform: its key, name or label."""
    for field in ("key", "name", "label"):
        value = getattr(obj, field, None)
        if isinstance(value, str):
            return value
    return None


def _text(value: Any) -> str:
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, tuple) and all(_is_pair(v) for v in value):
        return "{" + ", ".join(f"{k} = {v}" for k, v in value) + "}"
    if attrs.has(type(value)):
        return type(value).__name__
    return str(value)


def _is_pair(value: Any) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str) \
        and not attrs.has(type(value[1]))


def _number(value: Any, path: str, problems: list[str]) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, str)):
        problems.append(tr("{path}: expected a number, got {got!r}", path=path, got=value))
        return None
    try:
        d = Decimal(value)
    except InvalidOperation:
        problems.append(tr("{path}: expected a number, got {got!r}", path=path, got=value))
        return None
    if not d.is_finite():
        problems.append(tr("{path}: expected a finite number, got {got!r}", path=path, got=value))
        return None
    return d


def _scalar(current: Any, value: Any, path: str, problems: list[str], hint: Any = None) -> Any:
    """The new value for a field whose current value is a scalar (or ``None``, when the
    declared type says what it may hold).  ``_NO`` where the value is refused."""
    kind = type(current) if current is not None else hint
    if kind is None:
        problems.append(tr("{path}: cannot be set by a reform (it has no value to change)", path=path))
        return _NO
    if isinstance(kind, type) and issubclass(kind, bool):
        if isinstance(value, bool):
            return value
        problems.append(tr("{path}: expected true or false, got {got!r}", path=path, got=value))
    elif isinstance(kind, type) and issubclass(kind, Decimal):
        d = _number(value, path, problems)
        return d if d is not None else _NO
    elif isinstance(kind, type) and issubclass(kind, enum.Enum):
        choices = [str(m.value) for m in kind]
        if isinstance(value, str) and value in choices:
            return kind(value)
        problems.append(tr("{path}: expected one of {choices}, got {got!r}", path=path, choices=listing(choices),
                           got=value))
    elif isinstance(kind, type) and issubclass(kind, int):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        problems.append(tr("{path}: expected a whole number, got {got!r}", path=path, got=value))
    elif isinstance(kind, type) and issubclass(kind, str):
        if isinstance(value, str):
            return value
        problems.append(tr("{path}: expected a string, got {got!r}", path=path, got=value))
    else:
        problems.append(tr("{path}: a {kind} cannot be changed by a reform", path=path,
                           kind=getattr(kind, "__name__", kind)))
    return _NO


_NO = object()


def _optional_hint(cls: type, field: str) -> Any:
    """For a field that is ``None`` now: the one scalar type it is declared to hold."""
    annotation = next((f.type for f in attrs.fields(cls) if f.name == field), None)
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")
    parts = {p.strip() for p in str(text).split("|")} - {"None"}
    simple = {"Decimal": Decimal, "int": int, "str": str, "bool": bool}
    return simple.get(parts.pop()) if len(parts) == 1 and next(iter(parts)) in simple else None


def _walk(obj: Any, changes: Any, path: str, problems: list[str], out: list[Change],
          fixed: tuple[str, ...] = ()) -> Any:
    """``obj`` (an attrs value) with ``changes`` (a TOML table) applied, field by field."""
    if not isinstance(changes, dict):
        problems.append(tr("{path}: expected a table of fields to change, got {got!r}", path=path, got=changes))
        return obj
    names = [f.name for f in attrs.fields(type(obj)) if not f.name.startswith("_") and f.name not in fixed]
    new: dict[str, Any] = {}
    for key, value in changes.items():
        where = f"{path}.{key}" if path else key
        if key in fixed:
            problems.append(tr("{path}: cannot be changed by a reform", path=where))
            continue
        if key not in names:
            problems.append(tr("{path}: {kind} has no field {key!r}{hint}", path=where, kind=type(obj).__name__,
                               key=key, hint=_nearest(key, names)))
            continue
        current = getattr(obj, key)
        result = _value(current, value, where, problems, out, _optional_hint(type(obj), key))
        if result is not _NO and result is not current:
            new[key] = result
    if not new:
        return obj
    try:
        return attrs.evolve(obj, **new)
    except (TypeError, ValueError, InvalidOperation) as e:
        problems.append(tr("{path}: the changed values do not fit together: {problem}", path=path or "version",
                           problem=e))
        return obj


def _value(current: Any, value: Any, path: str, problems: list[str], out: list[Change], hint: Any) -> Any:
    if attrs.has(type(current)):
        return _walk(current, value, path, problems, out)
    if isinstance(current, tuple) and current and all(attrs.has(type(e)) for e in current):
        return _elements(current, value, path, problems, out)
    if isinstance(current, tuple) and current and all(_is_pair(e) for e in current):
        return _pairs(current, value, path, problems, out)
    if isinstance(current, (tuple, frozenset, set, list, dict)) or callable(current):
        problems.append(tr("{path}: a {kind} cannot be changed by a reform", path=path, kind=type(current).__name__))
        return _NO
    result = _scalar(current, value, path, problems, hint)
    if result is not _NO and result != current:
        out.append(Change(path, _text(current) if current is not None else "none", _text(result)))
    return result if result is not _NO and result != current else _NO


def _pairs(current: tuple[tuple[str, Any], ...], value: Any, path: str, problems: list[str],
           out: list[Change]) -> Any:
    """A table keyed by value (rates by tenure, a threshold by area): change existing keys."""
    if not isinstance(value, dict):
        problems.append(tr("{path}: expected a table of {keys}", path=path, keys=listing(k for k, _ in current)))
        return _NO
    keys = [k for k, _ in current]
    table = dict(current)
    for k, v in value.items():
        if k not in table:
            problems.append(tr("{path}: no such entry{hint}", path=f"{path}.{k}", hint=_nearest(k, keys)))
            continue
        new = _scalar(table[k], v, f"{path}.{k}", problems)
        if new is not _NO and new != table[k]:
            out.append(Change(f"{path}.{k}", _text(table[k]), _text(new)))
            table[k] = new
    result = tuple(table.items())
    return result if result != current else _NO


def _elements(current: tuple[Any, ...], value: Any, path: str, problems: list[str], out: list[Change]) -> Any:
    """A list of values (items, rows, bands, rank keys).  A table changes elements by their
    key, name or label (or 1-based position where they have none); a list of names keeps
    and orders elements; a list of tables sets each element from the one at its position."""
    ids = [_identity(e) or str(i) for i, e in enumerate(current, start=1)]
    if isinstance(value, dict):
        items = list(current)
        for k, v in value.items():
            if k not in ids:
                problems.append(tr("{path}: no entry {key!r}{hint}", path=path, key=k, hint=_nearest(k, ids)))
                continue
            i = ids.index(k)
            items[i] = _walk(current[i], v, f"{path}.{k}", problems, out)
        result = tuple(items)
    elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        unknown = [v for v in value if v not in ids]
        for v in unknown:
            problems.append(tr("{path}: no entry {key!r}{hint}", path=path, key=v, hint=_nearest(v, ids)))
        if len(set(value)) != len(value):
            problems.append(tr("{path}: an entry is named twice", path=path))
        if unknown or len(set(value)) != len(value):
            return _NO
        result = tuple(current[ids.index(v)] for v in value)
        if result != current:
            out.append(Change(path, ", ".join(ids), ", ".join(value)))
    elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        items = []
        for i, v in enumerate(value):
            template = current[min(i, len(current) - 1)]
            items.append(_walk(template, v, f"{path}[{i + 1}]", problems, out))
        if len(items) != len(current):
            out.append(Change(path, tr("{n} entries", n=len(current)), tr("{n} entries", n=len(items))))
        result = tuple(items)
    else:
        problems.append(tr("{path}: expected a table by name, a list of names, or a list of tables", path=path))
        return _NO
    return result if result != current else _NO


def _item_references(item: Any) -> list[str]:
    """Keys of other items an item reads (an overlap deduction's ``of`` and ``alongside``)."""
    refs: list[str] = []
    for f in attrs.fields(type(item)):
        if f.name in ("of", "alongside"):
            v = getattr(item, f.name)
            refs += [v] if isinstance(v, str) else list(v or ())
    return refs

