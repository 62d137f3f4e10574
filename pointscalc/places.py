"""Cities and districts by their Chinese names, so that "苏州市", "Suzhou" and "苏州" are one place.

A pinyin name shared by two cities (苏州 and 宿州 are both "suzhou") is refused with both
candidates named, never guessed.  The data are in ``pointscalc/data/``.
"""

from __future__ import annotations

import csv
import functools
from importlib import resources

import attrs

from pointscalc.errors import describe
from pointscalc.i18n import listing, tr


@attrs.frozen
class City:
    name: str
    pinyin: str
    province: str
    level: str


def _rows(filename: str) -> list[dict[str, str]]:
    text = resources.files("pointscalc").joinpath("data", filename).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@functools.cache
def cities() -> dict[str, City]:
    return {r["name_zh"]: City(r["name_zh"], r["name_en"], r["province_zh"], r["level"])
            for r in _rows("cities.csv")}


@functools.cache
def districts() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for r in _rows("districts.csv"):
        out.setdefault(r["city_zh"], []).append(r["district_zh"])
    return {k: tuple(v) for k, v in out.items()}


def city(text: str) -> str:
    """The canonical Chinese name of a city, or ``ValueError`` saying what was expected."""
    wanted = text.strip()
    known = cities()
    if wanted in known:
        return wanted
    for suffix in ("市", "地区"):
        if wanted.endswith(suffix) and wanted[: -len(suffix)] in known:
            return wanted[: -len(suffix)]
    matches = [c.name for c in known.values() if c.pinyin == wanted.lower().replace(" ", "")]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise ValueError(tr("this pinyin names several cities ({cities}): give the Chinese name",
                            cities=listing(matches)))
    raise ValueError(tr("unknown city: expected a prefecture-level city by its Chinese name (苏州) or pinyin, got {got}",
                        got=describe(wanted)))


def district(city_name: str, text: str) -> str:
    """The full name of a district of a city whose districts we know (海淀 → 海淀区).

    For other cities the name is kept as given: we cannot check it, and no shipped scheme
    reads their districts.
    """
    wanted = text.strip()
    known = districts().get(city_name)
    if known is None or wanted in known:
        return wanted
    matches = [d for d in known if d.startswith(wanted) or d == "苏州" + wanted]
    if len(matches) == 1:
        return matches[0]
    raise ValueError(tr("unknown district of {city}: expected one of {districts}, got {got}", city=city_name,
                        districts=listing(known), got=describe(wanted)))
