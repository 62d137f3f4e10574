"""The facts about a person, as an applicant declares them.

These classes hold facts, never points: a scheme decides what a fact is worth.  Facts that
a fair scheme must not score (name, ID number, hukou origin) live here too, so that the
fairness checks can vary them and show that nothing changes.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from pointscalc.aliases import not_one_of
from pointscalc.i18n import listing, tr
from pointscalc.months import Month, Months, whole_years_between


class Choice(enum.Enum):
    """A closed set whose members are named in English and may be given in Chinese.

    A member's value is ``(code, zh, *aliases)``; its rank, for ordered sets, is its
    position in the class body.
    """

    def __new__(cls, code: str, zh: str, *aliases: str) -> Choice:
        obj = object.__new__(cls)
        obj._value_ = code
        obj.zh = zh  # type: ignore[attr-defined]
        obj.aliases = (code, zh, *aliases)  # type: ignore[attr-defined]
        obj.rank = len(cls.__members__)  # type: ignore[attr-defined]
        return obj

    zh: str
    aliases: tuple[str, ...]
    rank: int

    @property
    def code(self) -> str:
        return str(self.value)

    @classmethod
    def parse(cls, text: object) -> Choice:
        """Accept the English code or a Chinese name; raise ``ValueError`` listing the choices."""
        if isinstance(text, cls):
            return text
        wanted = str(text).strip()
        for member in cls:
            if wanted in member.aliases or wanted.lower() == member.code:
                return member
        raise ValueError(not_one_of(wanted, cls.choices(), (a for m in cls for a in m.aliases)))

    @classmethod
    def choices(cls) -> str:
        """Each code with its Chinese name, as a message lists them."""
        return listing(tr("{code} ({name})", code=m.code, name=m.zh) for m in cls)

    def __lt__(self, other: Choice) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: Choice) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: Choice) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: Choice) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.rank >= other.rank

    def __str__(self) -> str:
        return self.code


class Diploma(Choice):
    """学历: the diploma, kept apart from the degree because Beijing scores the pair."""

    NONE = ("none", "无")
    SECONDARY = ("secondary", "高中/中专", "高中", "中专", "中职", "技校")
    JUNIOR_COLLEGE = ("junior_college", "大专", "大学专科", "专科", "高职")
    BACHELOR = ("bachelor", "本科", "大学本科")
    MASTER = ("master", "硕士研究生", "研究生", "硕士")
    DOCTOR = ("doctor", "博士研究生", "博士")


class Degree(Choice):
    """学位."""

    NONE = ("none", "无")
    BACHELOR = ("bachelor", "学士", "学士学位")
    MASTER = ("master", "硕士", "硕士学位")
    DOCTOR = ("doctor", "博士", "博士学位")


class Qualification(Choice):
    """职业资格 / 职业技能等级, 五级 (lowest) to 一级 (highest)."""

    NONE = ("none", "无")
    LEVEL5 = ("level5", "五级", "初级工", "五级/初级工")
    LEVEL4 = ("level4", "四级", "中级工", "四级/中级工")
    LEVEL3 = ("level3", "三级", "高级工", "三级/高级工")
    LEVEL2 = ("level2", "二级", "技师", "二级/技师")
    LEVEL1 = ("level1", "一级", "高级技师", "一级/高级技师")


class Title(Choice):
    """专业技术职称."""

    NONE = ("none", "无")
    JUNIOR = ("junior", "初级", "初级职称")
    INTERMEDIATE = ("intermediate", "中级", "中级职称")
    ASSOCIATE_SENIOR = ("associate_senior", "副高", "副高级", "副高级职称")
    SENIOR = ("senior", "正高", "正高级", "正高级职称")


class Sex(Choice):
    MALE = ("male", "男", "m", "男性")
    FEMALE = ("female", "女", "f", "女性")


class PeriodKind(Choice):
    SOCIAL_INSURANCE = ("social_insurance", "社会保险", "社保")
    MEDICAL_INSURANCE = ("medical_insurance", "医疗保险", "医保")
    RESIDENCE_PERMIT = ("residence_permit", "居住证")
    RESIDENCE = ("residence", "居住", "住所")
    EMPLOYMENT = ("employment", "就业")
    HOUSING_FUND = ("housing_fund", "住房公积金", "公积金")
    STUDY = ("study", "学习", "在读")


class InsuranceScheme(Choice):
    URBAN_EMPLOYEE = ("urban_employee", "城镇职工", "职工")
    RESIDENT = ("resident", "城乡居民", "居民")


class Tenure(Choice):
    OWNED = ("owned", "自有", "自有住房", "自购")
    RENTED = ("rented", "租赁", "租房", "合法租赁")
    DORMITORY = ("dormitory", "单位宿舍", "宿舍")


class RecordKind(Choice):
    HONOUR = ("honour", "荣誉表彰", "honor")
    TAX = ("tax", "纳税")
    INNOVATION = ("innovation", "创新创业")
    VIOLATION = ("violation", "违法", "违法记录")


class Relation(Choice):
    SPOUSE = ("spouse", "配偶", "妻子", "丈夫")
    CHILD = ("child", "子女", "儿子", "女儿")
    PARENT = ("parent", "父母", "父亲", "母亲")


Attributes = tuple[tuple[str, Any], ...]


def freeze(mapping: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> Attributes:
    """Attributes are kept sorted, so that equal facts compare equal whatever their order."""
    items = mapping.items() if isinstance(mapping, Mapping) else mapping
    return tuple(sorted(items))


def _lookup(attributes: Attributes, name: str, default: Any = None) -> Any:
    for key, value in attributes:
        if key == name:
            return value
    return default


@attrs.frozen
class Education:
    diploma: Diploma = Diploma.NONE
    """Highest diploma (学历)."""
    degree: Degree = Degree.NONE
    """Highest degree (学位), which need not match the diploma."""


@attrs.frozen
class Origin:
    """Where the applicant's hukou is now: recorded for statistics, never scored by a fair scheme."""

    city: str | None = None
    province: str | None = None
    rural: bool | None = None


@attrs.frozen
class FamilyMember:
    relation: Relation
    birth: dt.date | None = None
    married: bool | None = None
    """For children: several cities let only unmarried children follow."""
    moves: bool = True
    """Whether this person means to move their hukou with the applicant (随迁)."""
    lives_with: bool | None = None
    """Whether they live with the applicant (共同居住生活), which Nantong and Anyang's towns
    ask of followers; ``None`` when not said."""


@attrs.frozen
class Record:
    """A dated fact that earns or costs points: an honour, a tax year, an award, a violation."""

    kind: RecordKind
    date: dt.date
    attributes: Attributes = ()

    def attr(self, name: str, default: Any = None) -> Any:
        return _lookup(self.attributes, name, default)


@attrs.frozen
class Period:
    """A span of months in one place: insured, holding a permit, living, working or studying."""

    kind: PeriodKind
    city: str
    start: Month
    end: Month | None = None
    """The last month covered, inclusive; ``None`` while the period is still running."""
    district: str | None = None
    attributes: Attributes = ()

    def attr(self, name: str, default: Any = None) -> Any:
        return _lookup(self.attributes, name, default)

    @property
    def months(self) -> Months:
        end = self.end + 1 if self.end is not None else 10**9
        return Months(((self.start, end),))


@attrs.frozen
class Applicant:
    birth: dt.date
    id: str | None = None
    """Resident ID number: personal data, never logged, masked on public lists."""
    name: str | None = None
    """Never scored."""
    birth_day_known: bool = True
    """False when only the birth month was given; the day is then taken as the 1st."""
    sex: Sex | None = None
    education: Education = Education()
    qualification: Qualification = Qualification.NONE
    title: Title = Title.NONE
    origin: Origin = Origin()
    family: tuple[FamilyMember, ...] = ()
    records: tuple[Record, ...] = ()
    periods: tuple[Period, ...] = ()
    extra: Attributes = ()
    """Facts that a scheme declares and reads beyond the common ones."""

    def fact(self, name: str, default: Any = None) -> Any:
        return _lookup(self.extra, name, default)

    def age_on(self, day: dt.date) -> int:
        return whole_years_between(self.birth, day)

    def periods_of(self, kind: PeriodKind) -> tuple[Period, ...]:
        return tuple(p for p in self.periods if p.kind is kind)
