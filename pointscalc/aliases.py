"""The names a user may give a field or a column: its English code, or the Chinese an office
writes (出生日期, 学历, 险种).

One table serves everything that reads a name: the applicant reader (a profile's keys), the
column tables of a ranking run, the JSON Schema (``pointscalc schema``) and the alias tables
of docs/input-format.md, which a test checks against it.  A misspelt name is answered with
the nearest known ones (``nearest``), English or Chinese.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable

from pointscalc.errors import describe
from pointscalc.i18n import tr

ID = ("身份证号", "身份证号码", "公民身份号码", "证件号码")

FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    # The applicant's top level.
    "": {
        "id": ID,
        "name": ("姓名",),
        "birth": ("出生日期", "出生年月"),
        "sex": ("性别",),
        "education": ("教育", "学历学位"),
        "qualification": ("职业资格", "技能等级"),
        "title": ("职称",),
        "origin": ("户籍",),
        "family": ("家庭成员", "家属"),
        "records": ("记录",),
        "periods": ("期间", "时段"),
        "extra": ("其他事实",),
    },
    "education": {"diploma": ("学历",), "degree": ("学位",)},
    "origin": {"city": ("户籍地", "户籍城市"), "province": ("户籍省份",), "rural": ("农业户口",)},
    "family": {
        "relation": ("关系", "与申请人关系"),
        "birth": ("出生日期", "出生年月"),
        "married": ("已婚", "婚否"),
        "moves": ("随迁",),
        "lives_with": ("共同居住",),
    },
    "records": {
        "kind": ("类型",),
        "date": ("日期",),
        "level": ("级别",),
        "title": ("称号",),
        "qualifying": ("符合条件",),
        "amount": ("金额",),
        "category": ("类别",),
        "years": ("年限",),
        "type": ("违法类型",),
        "city": ("城市",),
    },
    "periods": {
        "kind": ("类型",),
        "city": ("城市",),
        "district": ("区县",),
        "start": ("开始", "起始年月"),
        "end": ("结束", "截止年月"),
        "scheme": ("险种",),
        "tenure": ("住房性质",),
        "area": ("面积",),
        "diploma": ("学历",),
        "sector": ("行业",),
    },
    # Facts a shipped scheme declares (``extra``, or an attribute of a period): the words of the
    # policy texts.  A fact of a scheme file of one's own goes by its name only.
    "facts": {
        "target_area": ("落户区域", "意向落户区域"),
        "hard_sector": ("紧缺艰苦行业",),
        "town": ("建制镇",),
        "vocational_graduate": ("职业院校毕业生",),
        "returnee": ("留学归国人员",),
        "veteran": ("参军进入城镇",),
        "rural_student": ("农村升学学生",),
        "cadre": ("干部",),
    },
}
"""Chinese names of each field, by where it stands: the top level (``""``), ``education``,
``origin``, a member of ``family``, an entry of ``records`` or ``periods``, and the facts
schemes declare."""


def of(scope: str, field: str) -> tuple[str, ...]:
    """The Chinese names of a field of ``scope``, or of a fact a scheme declares (none for a
    fact only a scheme file of one's own reads)."""
    return FIELDS[scope].get(field, FIELDS["facts"].get(field, ()))


@functools.lru_cache(maxsize=256)
def chinese(scope: str, fields: tuple[str, ...]) -> dict[str, str]:
    """The Chinese names of ``fields``, each mapped to its field (shared: not to be changed)."""
    return {name: field for field in fields for name in of(scope, field)}


def columns(scope: str, fields: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """A run's column table (column -> accepted headers) for fields of ``scope``."""
    return {f: (f, *of(scope, f)) for f in fields}


def nearest(word: str, known: Iterable[str], most: int = 2, cutoff: float = 0.5) -> list[str]:
    """The known names closest to a misspelt one, by difflib's ratio: 0.5 lets a two-character
    Chinese name with one character wrong (学力 for 学历) find its field."""
    return difflib.get_close_matches(word, list(dict.fromkeys(known)), n=most, cutoff=cutoff)


def did_you_mean(word: str, known: Iterable[str], cutoff: float = 0.5) -> str:
    """`` (did you mean periods?)``, or nothing when no known name is near."""
    near = nearest(word, known, cutoff=cutoff)
    if not near:
        return ""
    return tr(" (did you mean {names}?)", names=tr(" or ").join(near))


def not_one_of(value: object, choices: str, names: Iterable[str]) -> str:
    """``expected one of …, got …``, and the nearest of ``names`` when one is near.  The value is
    told by its shape (``describe``); the hint shows only our own names."""
    return tr("expected one of {choices}, got {got}{hint}", choices=choices, got=describe(value),
              hint=did_you_mean(str(value).strip(), names))
