"""The groups the State Council opened to settlement everywhere, as Anyang and Shaoguan list them.

国办发〔2016〕72号 asked every city to lift all restrictions for college graduates, skilled
workers, vocational-school graduates and returnees from study abroad; Henan's and
Guangdong's plans passed the list on, and the two city texts repeat it with their own
clause.  The groups and the facts that identify them are shared here, so that a profile
says "veteran" once and both cities read the same fact.
"""

from __future__ import annotations

from collections.abc import Callable

from pointscalc.model import Diploma, Qualification
from pointscalc.rules import Channel, Condition, FactIs, HasLevel, Min, Predicate
from pointscalc.scheme import ASSUMED, OFFICIAL, Citation, Fact, Provenance, T, Text

VOCATIONAL = Fact("vocational_graduate", T("graduated from a vocational school: 中专, 技校, 职高 (职业院校毕业生)",
                                          "职业院校毕业：中专、技校、职高（职业院校毕业生）"), bool)
RETURNEE = Fact("returnee", T("returned from study abroad (留学归国人员)", "留学归国人员"), bool)
VETERAN = Fact("veteran", T("entered a town by joining the army: a veteran (参军进入城镇)", "参军进入城镇人员（退役军人）"), bool)
RURAL_STUDENT = Fact("rural_student", T("a rural student who entered a town by going on to school (农村升学学生)",
                                        "升学进入城镇的农村学生（农村升学学生）"), bool)

FACTS = (VOCATIONAL, RETURNEE, VETERAN, RURAL_STUDENT)


def _flag(fact: Fact) -> FactIs:
    return FactIs(name=fact.name, values=frozenset({True}))


COLLEGE = HasLevel(any_of=(Min(diploma=Diploma.JUNIOR_COLLEGE),))
SKILLED = HasLevel(any_of=(Min(qualification=Qualification.LEVEL5),))

GROUPS: dict[str, tuple[Text, Predicate, Provenance, str]] = {
    "college_graduate": (T("college graduate (大专 or above)", "高校毕业生"), COLLEGE, OFFICIAL,
                         "高校毕业生"),
    "skilled_worker": (T("skilled worker (a vocational qualification, 五级 or above)", "技术工人"), SKILLED,
                       ASSUMED, "技术工人"),
    "vocational_graduate": (T("vocational-school graduate", "职业院校毕业生"), _flag(VOCATIONAL), OFFICIAL,
                            "职业院校毕业生"),
    "returnee": (T("returned from study abroad", "留学归国人员"), _flag(RETURNEE), OFFICIAL, "留学归国人员"),
    "veteran": (T("entered a town by joining the army", "参军进入城镇人员"), _flag(VETERAN), OFFICIAL,
                "参军进入城镇"),
    "rural_student": (T("rural student gone on to school in a town", "农村升学学生"), _flag(RURAL_STUDENT),
                      OFFICIAL, "农村升学学生"),
}
"""Key → label, test, provenance of the test (a skilled worker's level is our reading), and
the words of the text that name the group."""


def channels(keys: tuple[str, ...], cite: Callable[[str], Citation]) -> tuple[Channel, ...]:
    """One channel per open group, each cited to the city's own clause by ``cite(words)``."""
    out = []
    for key in keys:
        label, test, provenance, words = GROUPS[key]
        out.append(Channel(
            key=key,
            label=Text(f"open group: {label.en}", f"放开落户群体：{label.zh}"),
            conditions=(Condition(key=key, label=label, test=test, citation=cite(words),
                                  provenance=provenance, imposes=frozenset()),),
            citation=cite(words),
        ))
    return tuple(out)
