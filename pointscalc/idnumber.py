"""Resident identity numbers (公民身份号码, GB 11643-1999): checking and masking.

An ID number is personal data. Nothing here logs or echoes one: errors describe what is
wrong with a number without repeating it.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata

from pointscalc.i18n import tr

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CODES = "10X98765432"


class InvalidId(ValueError):
    pass


EARLIEST_BIRTH = dt.date(1900, 1, 1)
"""No applicant alive was born before; a year 0001 is a typing or export error."""


def normalise(text: str) -> str:
    """The form IDs are checked and compared in: Unicode NFKC (full-width ０-９ and Ｘ become
    ASCII), spaces stripped, a final x upper-cased.  The same person written two ways is one
    key, so a full-width copy cannot take a second place."""
    return unicodedata.normalize("NFKC", text).strip().replace("x", "X")


@functools.cache
def provinces() -> frozenset[str]:
    """The province codes an ID may start with (data/provinces.csv gives the source)."""
    from pointscalc.places import _rows

    return frozenset(row["code"] for row in _rows("provinces.csv"))


def check_digit(first17: str) -> str:
    """The 18th character of GB 11643: ISO 7064 MOD 11-2 over the first 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CODES[total % 11]


def validate(number: str, as_of: dt.date | None = None) -> str:
    """Return the number normalised, or raise ``InvalidId`` saying why (never repeating it)."""
    n = normalise(number)
    if len(n) != 18:
        raise InvalidId(tr("an ID number has 18 characters, this one has {n}", n=len(n)))
    if not n.isascii() or not n[:17].isdigit() or not (n[17].isdigit() or n[17] == "X"):
        raise InvalidId(tr("an ID number is 17 digits 0-9 followed by a digit or X"))
    if n[:2] not in provinces():
        raise InvalidId(tr("characters 1–2 of an ID number must be a province code (GB/T 2260), and these are not"))
    try:
        born = birth_date(n)
    except ValueError:
        raise InvalidId(tr("characters 7–14 of an ID number must be a real birth date")) from None
    if born < EARLIEST_BIRTH:
        raise InvalidId(tr("characters 7–14 of an ID number give a birth year before 1900"))
    if as_of is not None and born > as_of:
        raise InvalidId(tr("characters 7–14 of an ID number give a birth date after --as-of {as_of}", as_of=as_of))
    if check_digit(n[:17]) != n[17]:
        raise InvalidId(tr("the check digit (last character) does not match GB 11643"))
    return n


def birth_date(number: str) -> dt.date:
    return dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


def sex(number: str) -> str:
    """The 17th digit is odd for men, even for women."""
    return "male" if int(number[16]) % 2 else "female"


def mask(number: str) -> str:
    """The form used on public lists: region prefix and last four kept (320***********1234)."""
    if len(number) <= 7:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]


def mask_name(name: str) -> str:
    """张三 → 张*, 欧阳娜娜 → 欧***, and 李 → *: a one-character name would otherwise be
    published whole."""
    if len(name) <= 1:
        return "*" * len(name)
    return name[:1] + "*" * (len(name) - 1)
