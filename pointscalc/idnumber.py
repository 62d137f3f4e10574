"""Resident identity numbers (公民身份号码, GB 11643-1999): checking and masking.

An ID number is personal data. Nothing here logs or echoes one: errors describe what is
wrong with a number without repeating it.
"""

from __future__ import annotations

import datetime as dt

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CODES = "10X98765432"


class InvalidId(ValueError):
    pass


def check_digit(first17: str) -> str:
    """The 18th character of GB 11643: ISO 7064 MOD 11-2 over the first 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CODES[total % 11]


def validate(number: str) -> str:
    """Return the number normalised (upper-case X), or raise ``InvalidId`` saying why."""
    n = number.strip().upper()
    if len(n) != 18:
        raise InvalidId(f"an ID number has 18 characters, this one has {len(n)}")
    if not n[:17].isdigit() or not (n[17].isdigit() or n[17] == "X"):
        raise InvalidId("an ID number is 17 digits followed by a digit or X")
    try:
        birth_date(n)
    except ValueError:
        raise InvalidId("characters 7–14 of an ID number must be a real birth date") from None
    if check_digit(n[:17]) != n[17]:
        raise InvalidId("the check digit (last character) does not match GB 11643")
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
    """张三 → 张*, 欧阳娜娜 → 欧***: only the first character is shown."""
    return name[:1] + "*" * (len(name) - 1) if name else name
