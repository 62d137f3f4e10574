"""GB 11643 ID numbers: check digit, birth date, sex, masking."""

from __future__ import annotations

import datetime as dt

import pytest

from pointscalc import idnumber

# The standard's worked example, 11010519491231002X: the weighted sum of the first 17
# digits is 167; 167 mod 11 = 2, and code 2 is "X".
EXAMPLE = "11010519491231002X"


def test_check_digit_of_the_standard_example() -> None:
    assert idnumber.check_digit(EXAMPLE[:17]) == "X"
    assert idnumber.validate(EXAMPLE.lower()) == EXAMPLE


def test_birth_and_sex_are_read_from_the_number() -> None:
    # Characters 7–14 are 19491231; the 17th digit, 2, is even: female.
    assert idnumber.birth_date(EXAMPLE) == dt.date(1949, 12, 31)
    assert idnumber.sex(EXAMPLE) == "female"


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("110105194912310021", "check digit"),
        ("11010519491231002", "18 characters"),
        ("11010519491331002X", "birth date"),
        ("1101051949123100AX", "17 digits"),
    ],
)
def test_invalid_numbers_say_why_without_echoing_them(number: str, reason: str) -> None:
    with pytest.raises(idnumber.InvalidId) as e:
        idnumber.validate(number)
    assert reason in str(e.value)
    assert number not in str(e.value)


def test_masks_keep_only_what_a_public_list_shows() -> None:
    assert idnumber.mask("320582199001011234") == "320***********1234"
    assert idnumber.mask_name("张三") == "张*"
    assert idnumber.mask_name("欧阳娜娜") == "欧***"
