"""Mutual recognition: months from partner cities credited as the home city's own.

Suzhou and Nanjing count each other's social-insurance and residence-permit years
(苏府办〔2020〕313号 (六); 宁政办发〔2021〕5号 (六)); Nanjing also counts the other Jiangsu
cities.  Agreements are data declared by the scheme that credits them.

Choices, stated once:

* recognition widens only the months a rule *counts* in the home city; a condition that
  something is *held now* (a Nanjing residence permit) still needs the home city, and a
  rule limited to some districts counts only those districts;
* a month covered in two cities counts once (the months are a set);
* a run moving from one recognised city to another without a gap is continuous
  (不再从头计算); a gap stays a gap;
* months paid before an agreement took effect are credited when it is in force at
  ``as_of`` ("累计互认" credits the accumulated years); ``credits_before_start=False``
  turns that off for an agreement;
* ``explored`` agreements (announced, not in force) count only when asked for.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

import attrs

from pointscalc.model import PeriodKind
from pointscalc.months import Months, month_of_date
from pointscalc.scheme import Citation, Provenance, Text


class Status(enum.Enum):
    IN_FORCE = "in_force"
    EXPLORED = "explored"
    """Announced as something to explore (探索), not in force: off unless asked for."""


@attrs.frozen(kw_only=True)
class Agreement:
    key: str
    label: Text
    partners: frozenset[str]
    """Cities whose months the home scheme credits."""
    kinds: frozenset[PeriodKind]
    effective: dt.date
    ends: dt.date | None = None
    citation: Citation
    status: Status = Status.IN_FORCE
    provenance: Provenance = Provenance.OFFICIAL
    cap_months: int | None = None
    """At most this many months credited from partners; the latest are kept.  None of the
    shipped agreements has a cap: the texts state none (1:1, uncapped)."""
    credits_before_start: bool = True

    def in_force(self, day: dt.date, include_explored: bool) -> bool:
        if self.status is Status.EXPLORED and not include_explored:
            return False
        return self.effective <= day and (self.ends is None or day < self.ends)

    def why_not(self, day: dt.date, include_explored: bool) -> Text:
        if self.status is Status.EXPLORED and not include_explored:
            return Text(f"{self.citation} is only explored, not in force (--include-explored to count it)",
                        f"{self.citation}仅为探索，未实施（加 --include-explored 可计入）")
        if day < self.effective:
            return Text(f"{self.citation} takes effect on {self.effective}", f"{self.citation}自{self.effective}起施行")
        return Text(f"{self.citation} ended on {self.ends}", f"{self.citation}已于{self.ends}终止")

    def credit(self, months: Months) -> Months:
        if self.credits_before_start:
            return months
        return months.clip(start=month_of_date(self.effective))


def agreements(*groups: Iterable[Agreement]) -> tuple[Agreement, ...]:
    return tuple(a for g in groups for a in g)


@attrs.frozen
class Recognition:
    """The agreements a run applies, resolved once for ``as_of``."""

    home: str
    active: dict[tuple[str, PeriodKind], Agreement]
    inactive: dict[tuple[str, PeriodKind], Agreement]

    @classmethod
    def resolve(cls, home: str, declared: Iterable[Agreement], as_of: dt.date,
                include_explored: bool = False) -> Recognition:
        active: dict[tuple[str, PeriodKind], Agreement] = {}
        inactive: dict[tuple[str, PeriodKind], Agreement] = {}
        for a in declared:
            target = active if a.in_force(as_of, include_explored) else inactive
            for city in a.partners:
                for kind in a.kinds:
                    target.setdefault((city, kind), a)
        for key in active:
            inactive.pop(key, None)
        return cls(home, active, inactive, include_explored)

    include_explored: bool = False

    def agreement_for(self, city: str, kind: PeriodKind) -> Agreement | None:
        return self.active.get((city, kind))

    def why_not(self, city: str, kind: PeriodKind, as_of: dt.date) -> Text:
        agreement = self.inactive.get((city, kind))
        if agreement is not None:
            return agreement.why_not(as_of, self.include_explored)
        return Text(f"no agreement with {self.home} covers {kind.code} months of {city}",
                    f"{city}的{kind.zh}年限与{self.home}无互认协议")


