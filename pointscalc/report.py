"""What a person reads: an assessment or a scheme, as a table or as JSON.

Points leave here as decimal strings, never floats.  Nothing here prints a name or an ID
number: an applicant's own result does not need them, and logs must never hold them.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from decimal import Decimal
from typing import Any

from tabulate import tabulate

from pointscalc import i18n
from pointscalc.i18n import N_, pick, tr
from pointscalc.recognition import Status
from pointscalc.scheme import Scheme, Text, Ties, Version
from pointscalc.scoring import Assessment, ConditionResult, Family, FollowerResult

_WORDS = {
    "en": {
        "as_of": "as of", "version": "version", "eligible": "Eligible for points settlement",
        "yes": "yes", "no": "no", "conditions": "Conditions", "item": "item", "points": "points",
        "facts": "facts used", "clause": "clause", "provenance": "provenance", "total": "Total",
        "base": "Base score (基础分)", "channels": "Direct settlement channels",
        "settles": "settles", "not_met": "not met", "missing": "missing",
        "threshold": "Threshold", "reaches": "reached", "below": "not reached",
        "not_scored": "Not scored.", "verdict": "Verdict",
        "by_channel": "settles directly by", "points_path": "eligible to apply by points",
        "ineligible": "not eligible by any path",
        "family": "Family", "by_points": "by points", "advice": "Note",
        "may": "may follow", "may_not": "does not follow", "depends": "may follow, if",
        "round": "Round", "counted_to": "counted to", "note": "Note",
    },
    "zh": {
        "as_of": "截至", "version": "版本", "eligible": "符合积分落户申请条件",
        "yes": "是", "no": "否", "conditions": "申请条件", "item": "指标", "points": "分值",
        "facts": "计分依据", "clause": "条款", "provenance": "来源可信度", "total": "总积分",
        "base": "基础分", "channels": "直接落户通道", "settles": "可落户", "not_met": "不满足",
        "missing": "尚缺", "threshold": "分数线", "reaches": "已达到", "below": "未达到",
        "not_scored": "未计分。", "verdict": "结论",
        "by_channel": "可直接落户：", "points_path": "可申请积分落户",
        "ineligible": "暂不符合任何落户途径",
        "family": "随迁家属", "by_points": "积分落户", "advice": "提示",
        "may": "可随迁", "may_not": "不可随迁", "depends": "有条件随迁",
        "round": "批次", "counted_to": "计算至", "note": "说明",
    },
}


def terminal_width() -> int:
    """The terminal's width, or 100 columns when output is not a terminal (``COLUMNS`` wins)."""
    return max(40, shutil.get_terminal_size((100, 24)).columns)


def _cell_width(text: object) -> int:
    from wcwidth import wcswidth

    return max((max(wcswidth(line), len(line)) if wcswidth(line) < 0 else wcswidth(line)
                for line in str(text).splitlines() or [""]), default=0)


def fitted(rows: list[list[Any]], headers: list[str], wrap: list[bool], *, under: int | None = None,
           width: int | None = None, least: int = 12, **kwargs: Any) -> str:
    """A table that fits ``width`` (the terminal's): the ``wrap`` columns share what the others
    leave, each at least ``least`` wide.  Where even that is too wide, column ``under`` (a clause)
    moves under the first column of its row instead of standing beside it."""
    width = width or terminal_width()
    rows = [list(r) for r in rows]
    natural = [max([_cell_width(h), *(_cell_width(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    pad = 2 if any(headers) else 0  # tabulate pads each column of a table with headers
    if headers and not pad:  # blank headers still make each column at least tabulate's MIN_PADDING wide
        natural = [max(n, 2) for n in natural]
    fixed = sum(n + pad for n, w in zip(natural, wrap, strict=True) if not w) + 2 * (len(headers) - 1)
    fixed += pad * sum(wrap)
    folding = [i for i, w in enumerate(wrap) if w]
    room = width - fixed
    if under is not None and (room < least * len(folding) or sum(natural[i] for i in folding) > room) \
            and room < least * len(folding) + 8:
        for r in rows:
            r[0] = f"{r[0]}\n  ({r[under]})"
        rows = [r[:under] + r[under + 1:] for r in rows]
        headers = headers[:under] + headers[under + 1:]
        wrap = wrap[:under] + wrap[under + 1:]
        return fitted(rows, headers, wrap, width=width, least=least, **kwargs)
    limits: list[int | None] = [None] * len(headers)
    need = sum(natural[i] for i in folding)
    if folding and need > room:
        width_of = {i: min(natural[i], least) for i in folding}
        spare = max(room, least * len(folding)) - sum(width_of.values())
        while spare > 0:  # the room left goes to the columns that want more, by how much they want
            growing = {i: natural[i] - width_of[i] for i in folding if natural[i] > width_of[i]}
            if not growing:
                break
            total = sum(growing.values())
            given = 0
            for i, want in growing.items():
                extra = min(want, max(1, spare * want // total), spare - given)
                width_of[i] += extra
                given += extra
            spare -= given
            if not given:
                break
        for i, w in width_of.items():
            limits[i] = w
    if i18n.current() == "zh":
        # Chinese is folded here first, between characters but never inside a code (`--as-of`)
        # or a document number; tabulate then only breaks what is still too long.  English keeps
        # tabulate's folding at spaces.
        rows = [[("\n".join(x for line in str(c).splitlines() for x in wrapped(line, width=limits[i]))
                  if limits[i] is not None else c) for i, c in enumerate(r)] for r in rows]
    return tabulate(rows, headers=headers, disable_numparse=True, maxcolwidths=limits,
                    maxheadercolwidths=limits, break_on_hyphens=False, **kwargs)


def fitted_or_listed(rows: list[list[Any]], headers: list[str], wrap: list[bool], width: int | None = None) -> str:
    """A wide table as a table where it fits ``width``; else one block per row, its first cell
    as the heading and every other cell under it as ``header: value`` (8 narrow columns of
    a few letters each are not readable)."""
    width = width or terminal_width()
    table = fitted(rows, headers, wrap, width=width)
    if all(_cell_width(line) <= width for line in table.splitlines()):
        return table
    out: list[str] = []
    for r in rows:
        out.append(str(r[0]))
        for h, cell in zip(headers[1:], r[1:], strict=True):
            if str(cell):
                out += wrapped(f"  {h}{pick(': ', '：')}{cell}", "    ", width=width)
    return "\n".join(out)


def wrapped(text: str, indent: str = "", width: int | None = None) -> list[str]:
    """A line of prose folded to the terminal's width, continuation lines indented."""
    from pointscalc.i18n import fold

    return fold(text, width or terminal_width(), "", indent)


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _condition_json(c: ConditionResult, lang: str) -> dict[str, Any]:
    return {
        "key": c.key,
        "label": c.label(lang),
        "passed": c.passed,
        "detail": c.detail(lang),
        "citation": str(c.citation),
        "provenance": c.provenance.value,
        "shortfall": c.shortfall(lang) if c.shortfall else None,
    }


def _colon(lang: str) -> str:
    """Punctuation of prose: full width in Chinese."""
    return "：" if lang == "zh" else ": "


def _semicolon(lang: str) -> str:
    return "；" if lang == "zh" else "; "


def _aside(text: object, lang: str) -> str:
    """`` (text)`` after a word, or （text） in Chinese."""
    return f"（{text}）" if lang == "zh" else f" ({text})"


def member_label(r: FollowerResult, lang: str) -> str:
    m = r.member
    born = _aside(f"{m.birth:%Y-%m}", lang) if m.birth else ""
    return f"#{r.index + 1} {m.relation.zh if lang == 'zh' else m.relation.code}{born}"


def family_json(f: Family, lang: str) -> dict[str, Any]:
    return {
        "stated": f.stated,
        "members": [
            {
                "index": r.index,
                "number": r.index + 1,
                "relation": r.member.relation.code,
                "birth": r.member.birth.isoformat() if r.member.birth else None,
                "may_follow": r.may_follow,
                "detail": r.detail(lang),
                "citation": str(r.citation) if r.citation else None,
            }
            for r in f.members
        ],
    }


def family_lines(f: Family, lang: str) -> list[str]:
    """One line per family member: whether they may follow by this path, and the clause."""
    out = []
    for r in f.members:
        mark = {True: "✓", False: "✗", None: "?"}[r.may_follow]
        cite = _aside(r.citation, lang) if r.citation else ""
        out += wrapped(f"  {mark} {member_label(r, lang)}{_colon(lang)}{r.detail(lang)}{cite}", "      ")
    return out


def assessment_json(a: Assessment, lang: str = "en") -> dict[str, Any]:
    said = a.when.said() if a.when is not None else None
    return {
        "scheme": a.scheme,
        "version": a.version,
        "as_of": a.rules_day.isoformat(),
        "counted_to": a.as_of.isoformat(),
        "round": a.when.round.id if a.when is not None and a.when.round is not None else None,
        "round_note": said(lang) if said is not None else None,
        "notes": [n(lang) for n in a.notes],
        "eligible": a.eligible,
        "failed": [_condition_json(c, lang) for c in a.failed],
        "settles_by": [ch.key for ch in a.settles_by],
        "conditions": [_condition_json(c, lang) for c in a.conditions],
        "channels": [
            {
                "key": ch.key,
                "label": ch.label(lang),
                "settles": ch.passed,
                "citation": str(ch.citation),
                "conditions": [_condition_json(c, lang) for c in ch.conditions],
                "family": family_json(ch.family, lang),
                "advice": [{"text": t(lang), "citation": str(c)} for t, c in ch.advice],
            }
            for ch in a.channels
        ],
        "family": family_json(a.family, lang),
        "items": [
            {
                "key": ln.key,
                "label": ln.label(lang),
                "points": str(ln.points),
                "detail": ln.detail(lang),
                "counted_to": a.as_of.isoformat(),
                "citation": str(ln.citation),
                "provenance": ln.provenance.value,
                "base": ln.base,
            }
            for ln in a.lines
        ],
        "total": _dec(a.total),
        "base": _dec(a.base),
        "threshold": None
        if a.threshold is None
        else {
            "label": a.threshold_label(lang) if a.threshold_label else None,
            "points": str(a.threshold),
            "reached": a.meets_threshold,
        },
    }


def assessment_text(a: Assessment, scheme: Scheme, lang: str = "en") -> str:
    w = _WORDS[lang]
    colon = _colon(lang)
    out = wrapped(f"{scheme.name(lang)}{_aside(a.scheme, lang)} · {w['version']} {a.version} · {w['as_of']} {a.rules_day}"
                  + (f" · {w['counted_to']} {a.as_of}" if a.as_of != a.rules_day else ""), "  ")
    said = a.when.said() if a.when is not None else None
    def say(line: str) -> None:
        out.extend(wrapped(line, "  "))

    if said is not None:
        say(f"{w['round']}{colon}{said(lang)}")
    for n in a.notes:
        say(f"{w['note']}{colon}{n(lang)}")
    if a.settles_by:
        verdict = w["by_channel"] + ("" if lang == "zh" else " ") \
            + _semicolon(lang).join(ch.label(lang) for ch in a.settles_by)
    elif a.eligible and (a.conditions or a.lines):
        verdict = w["points_path"]
    else:
        verdict = w["ineligible"]
    say(f"{w['verdict']}{colon}{verdict}")
    out.append("")
    if a.conditions:
        out.append(f"{w['eligible']}{colon}{w['yes'] if a.eligible else w['no']}")
        out.append(_conditions_table(a.conditions, lang, a.as_of))
        out.append("")
    for ch in a.channels:
        status = w["settles"] if ch.passed else w["not_met"]
        say(f"{w['channels']}{colon}{ch.label(lang)} — {status}{_aside(ch.citation, lang)}")
        out.append(_conditions_table(ch.conditions, lang, a.as_of))
        for text, cite in ch.advice:
            say(f"{w['advice']}{colon}{text(lang)}{_aside(cite, lang)}")
        if ch.passed and ch.family.members:
            out.append(f"{w['family']}{colon.rstrip()}")
            out += family_lines(ch.family, lang)
        out.append("")
    if a.lines:
        rows = [
            [ln.label(lang), ln.points, f"{ln.detail(lang)}{_counted(a.as_of, lang)}", str(ln.citation),
             str(ln.provenance)]
            for ln in a.lines
        ]
        out.append(fitted(rows, [w["item"], w["points"], w["facts"], w["clause"], w["provenance"]],
                          [True, False, True, True, False], under=3,
                          colalign=("left", "right", "left", "left", "left")))
        out.append("")
        out.append(f"{w['total']}{colon}{a.total}")
        if a.base is not None:
            out.append(f"{w['base']}{colon}{a.base}")
    elif scheme.versions and any(v.items for v in scheme.versions) and a.total is None and not a.notes:
        out.append(w["not_scored"])
    if a.threshold is not None and a.threshold_label is not None:
        reached = w["reaches"] if a.meets_threshold else w["below"]
        say(f"{w['threshold']}{colon}{a.threshold_label(lang)} {a.threshold} — {reached}")
    if a.lines and a.eligible and a.family.members:
        out.append("")
        out.append(f"{w['family']}{_aside(w['by_points'], lang)}{colon.rstrip()}")
        out += family_lines(a.family, lang)
    return "\n".join(out).rstrip() + "\n"


def _counted(day: date, lang: str) -> str:
    """The day a line's facts are counted to, after the line."""
    return f"（{_WORDS[lang]['counted_to']} {day}）" if lang == "zh" else f" [{_WORDS[lang]['counted_to']} {day}]"


def _conditions_table(conditions: tuple[ConditionResult, ...], lang: str, counted_to: date) -> str:
    w = _WORDS[lang]
    rows = []
    for c in conditions:
        detail = c.detail(lang)
        if c.shortfall is not None:
            detail += f"{_semicolon(lang)}{w['missing']}{_colon(lang)}{c.shortfall(lang)}"
        detail += _counted(counted_to, lang)
        rows.append(["✓" if c.passed else "✗", c.label(lang), detail, str(c.citation)])
    return fitted(rows, ["", "", "", ""], [False, True, True, True], tablefmt="plain")


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def schemes_table(schemes: list[Scheme]) -> str:
    rows = []
    for s in schemes:
        for v in s.versions:
            rows.append([s.key, s.city, s.name.zh, v.label, v.validity(), "\n".join(v.documents)])
    return fitted(rows, [tr("scheme"), tr("city"), tr("name"), tr("version"), tr("valid"), tr("sources")],
                  [False, False, True, False, True, True]) + "\n"


def _titled(title: str) -> str:
    """A section title: ``Conditions:`` or ``申请条件：``."""
    return tr("{title}:", title=title)


def _conditions_listed(conditions: Any, lang: str) -> str:
    return fitted([[c.label(lang), str(c.citation), str(c.provenance)] for c in conditions],
                  [tr("condition"), tr("clause"), tr("provenance")], [True, True, False])


def version_text(scheme: Scheme, v: Version, lang: str = "en", marked: frozenset[str] = frozenset()) -> str:
    """The points table back, with the clause and provenance of every line (``show``).

    Items in ``marked`` (changed by a reform) are flagged with ``»``."""
    with i18n.using(lang):
        return _version_text(scheme, v, lang, marked)


def _version_text(scheme: Scheme, v: Version, lang: str, marked: frozenset[str]) -> str:
    out: list[str] = []

    def say(line: str, indent: str = "  ") -> None:
        out.extend(wrapped(line, indent))

    say(tr("{name} ({key}) · version {version} · valid {validity}", name=scheme.name(lang), key=scheme.key,
           version=v.label, validity=v.validity()))
    out.append("")
    for d in v.documents:
        doc = scheme.document(d)
        say(f"  {doc.number}{pick(': ', '：')}{doc.title}", "    ")
    out.append("")
    if v.preconditions:
        out.append(_titled(tr("Conditions")))
        out.append(_conditions_listed(v.preconditions, lang))
        out.append("")
    if v.unknown is not None:
        say(tr("Not known: {what}", what=v.unknown(lang)))
        out.append("")
    for ch in v.channels:
        lasts = ""
        if ch.open_ended:
            lasts = tr("; in force until {day}", day=str(ch.ends)) if ch.ends \
                else tr("; states no end date: stays in force when the version ends")
        say(tr("Channel: {label} ({citation}{lasts})", label=ch.label(lang), citation=str(ch.citation),
               lasts=lasts))
        out.append(_conditions_listed(ch.conditions, lang))
        say(_followers_text(ch.followers, lang))
        out.append("")
    if v.items:
        base = v.base_items or frozenset()
        out.append(fitted(
            [[("» " if it.key in marked else "") + it.label(lang) + (" *" if it.key in base else ""),
              it.describe(), str(it.citation), str(it.provenance)] for it in v.items],
            [tr("item"), tr("rule"), tr("clause"), tr("provenance")], [True, True, True, False], under=2))
        if base:
            out.append(tr("* part of the base score (基础分)"))
        for it in v.items:
            if it.note:
                say(f"  {it.key}{pick(': ', '：')}{it.note(lang)}", "    ")
        out.append("")
    if v.items:
        say(_followers_text(v.followers, lang, by_points=True))
    say(tr("Rounding: {how} [{provenance}]", how=v.rounding.describe(), provenance=str(v.rounding.provenance)))
    if v.ranking is not None:
        keys = i18n.listing(tr("{key} desc", key=k.name) if k.descending else tr("{key} asc", key=k.name)
                            for k in v.ranking.keys)
        say(tr("Ranking: {keys}; ties at the cutoff: {ties} ({citation})", keys=keys,
               ties=tr(_TIES[v.ranking.ties]), citation=str(v.ranking.citation)))
    if v.threshold is not None:
        t = v.threshold
        pts = t.points if isinstance(t.points, Decimal) else i18n.listing(f"{k} {p}" for k, p in t.points)
        say(tr("Threshold: {label}: {points} [{provenance}] ({citation})", label=t.label(lang), points=pts,
               provenance=str(t.provenance), citation=str(t.citation)))
    if v.params:
        out.append("")
        out.append(_titled(tr("Parameters")))
        out.append(fitted(
            [[p.name, _param_value(p.value, lang), str(p.provenance), p.note(lang)] for p in v.params],
            [tr("name"), tr("value"), tr("provenance"), tr("note")], [False, True, False, True]))
    if v.facts:
        out.append("")
        out.append(_titled(tr("Extra facts read")))
        for f in v.facts:
            where = tr("periods of kind {kind}", kind=f.period_kind.code) if f.period_kind is not None else "extra"
            required = tr(", required") if f.required else ""
            say(tr("  {name} ({where}{required}): {description}", name=f.name, where=where, required=required,
                   description=f.description(lang)), "    ")
    for w in v.waivers:
        instead = tr("; checked instead: {property}", property=w.instead) if w.instead else ""
        say(tr("Fairness waiver: {property}: {reason} ({citation}){instead}", property=w.property,
               reason=w.reason(lang), citation=str(w.citation), instead=instead))
    for note in v.notes:
        say(tr("Note: {note}", note=note(lang)))
    return "\n".join(out).rstrip() + "\n"


def _param_value(value: Any, lang: str) -> str:
    """A parameter's value: a word in the reader's language, a number as it is; ``None`` stays
    as the English docs have always printed it."""
    if isinstance(value, Text):
        return value(lang)
    return pick("None", tr("not set")) if value is None else str(value)


_TIES = {Ties.ADMIT_ALL: N_("admit_all"), Ties.STRICT: N_("strict")}
"""How ties at the cutoff are said: the code in English, words in Chinese."""


def rounds_text(scheme: Scheme, lang: str = "en") -> str:
    """The rounds a scheme declares, with data day, window and published result (``show``)."""
    if not scheme.rounds:
        return ""
    with i18n.using(lang):
        rows = []
        for r in scheme.rounds:
            res = r.result
            rows.append([
                r.id, r.version, f"{r.data_day}{_tag(r.data_day_provenance)}",
                f"{r.window_text()}{_tag(r.window_provenance)}",
                "" if r.quota is None else f"{r.quota}{_tag(r.quota_provenance)}",
                "" if res is None else str(res.cutoff),
                "" if res is None or res.admitted is None else str(res.admitted),
                "" if res is None else f"{res.provenance}{pick(': ', '：')}{res.citation}"
                + (f"{pick('; ', '；')}{res.note(lang)}" if res.note else ""),
            ])
        table = fitted_or_listed(rows, [tr("round"), tr("rules"), tr("data counted to"), tr("application window"),
                                        tr("quota"), tr("cutoff"), pick("admitted", "落户人数"), tr("published result")],
                                 [False, False, True, True, True, False, False, True])
        notes = sorted({r.note(lang) for r in scheme.rounds if r.note})
        return "\n".join([_titled(tr("Rounds")), table,
                          *(x for n in notes for x in wrapped(tr("Note: {note}", note=n), "  "))]) + "\n"


def reform_text(scheme: Scheme, v: Version, changes: list[Any], reform: Any, lang: str = "en") -> str:
    """``show --reform``: the reformed table, changed items marked, then every change."""
    from pointscalc.reform import changed_items

    with i18n.using(lang):
        head = "\n".join(wrapped(tr("What-if: {reform}, applied to version {version}", reform=reform.describe(),
                                     version=v.label), "  "))
        body = version_text(scheme, v, lang, frozenset(changed_items(changes)))
        lines = ["", tr("» changed by the reform:")] + [x for c in changes for x in wrapped(f"  {c}", "    ")]
        return head + "\n\n" + body + "\n".join(lines) + "\n"


def _tag(text: object) -> str:
    """`` [text]`` after a value (a provenance, a clause), or ［text］ in Chinese."""
    return pick(f" [{text}]", f"［{text}］")


def _followers_text(followers: Any, lang: str, by_points: bool = False) -> str:
    who = tr("Who may follow by points") if by_points else tr("Who may follow")
    if followers is None:
        return tr("{who}: not stated by the source", who=who)
    if not followers:
        return tr("{who}: nobody", who=who)
    parts = []
    for f in followers:
        terms = [tr(t) for t, on in ((N_("under 18"), f.minor), (N_("unmarried"), f.unmarried),
                                     (N_("living together"), f.together)) if on]
        if f.elsewhere is not None:
            terms = [f.elsewhere(lang)]
        relation = f.relation.zh if lang == "zh" else f.relation.code
        parts.append(relation + (tr(" ({terms})", terms=i18n.listing(terms)) if terms else "") + _tag(f.citation))
    return tr("{who}: {members}", who=who, members=pick("; ", "；").join(parts))


_STATUS = {Status.IN_FORCE: N_("in_force"), Status.EXPLORED: N_("explored")}
"""An agreement's status: the code in English, words in Chinese."""


def agreements_table(schemes: list[Scheme], as_of: date | None, include_explored: bool, lang: str = "en") -> str:
    with i18n.using(lang):
        rows = []
        for s in schemes:
            for a in s.agreements:
                kinds = sorted(a.kinds, key=lambda k: k.code)
                row = [s.key, a.label(lang), i18n.listing(sorted(a.partners)),
                       i18n.listing(k.zh if lang == "zh" else k.code for k in kinds),
                       f"[{a.effective}, {a.ends or '…'})", tr(_STATUS[a.status]), str(a.citation)]
                if as_of is not None:
                    row.append(tr("yes") if a.in_force(as_of, include_explored) else tr("no"))
                rows.append(row)
        headers = [tr("scheme"), tr("agreement"), tr("partners"), tr("period kinds"), tr("valid"), tr("status"),
                   tr("clause")]
        if as_of is not None:
            headers.append(tr("applies on {day}", day=str(as_of)))
        if not rows:
            return tr("no recognition agreements") + "\n"
        wrap = [False, True, True, True, False, False, True, False][:len(headers)]
        return fitted_or_listed(rows, headers, wrap) + "\n"


# --- pointscalc check: one profile, every city ------------------------------------------

_CHECK = {
    "en": {
        "title": "Where can this family settle? · as of", "city": "city", "outcome": "outcome",
        "path": "path / score", "missing": "missing", "family": "family who may follow",
        "direct": "settles directly", "points": "may apply by points", "none": "not eligible",
        "no_rules": "no rules in force", "closest": "closest path", "standard": "standard",
        "short": "short", "reached": "reached", "settles_by": "settles by", "not_stated": "not stated",
        "score": "score", "pts": "points", "may_apply": "may apply by",
    },
    "zh": {
        "title": "可在哪里落户 · 截至", "city": "城市", "outcome": "结论", "path": "途径/积分",
        "missing": "尚缺", "family": "可随迁家属", "direct": "可直接落户", "points": "可申请积分落户",
        "none": "暂不符合", "no_rules": "无现行政策", "closest": "最接近的途径", "standard": "分数线",
        "short": "差", "reached": "已达到", "settles_by": "落户途径", "not_stated": "政策未规定",
        "score": "积分", "pts": "分", "may_apply": "可申请",
    },
}


def _score_text(c: Any, lang: str) -> str:
    w = _CHECK[lang]
    a = c.assessment
    text = f"{w['score']} {a.total}"
    if a.threshold is not None and a.threshold_label is not None:
        label = a.threshold_label(lang)
        if a.meets_threshold:
            text += f"{_semicolon(lang)}{label} {a.threshold}{_colon(lang)}{w['reached']}"
        else:
            text += f"{_semicolon(lang)}{label} {a.threshold}{_colon(lang)}{w['short']} {a.threshold - a.total} {w['pts']}"
    return text


def _failed_text(c: ConditionResult, lang: str) -> str:
    return c.shortfall(lang) if c.shortfall is not None else f"{c.label(lang)}{_colon(lang)}{c.detail(lang)}"


def _family_cell(f: Family, lang: str) -> str:
    w = _CHECK[lang]
    if not f.members:
        return "—"
    if not f.stated:
        return w["not_stated"]
    names = [member_label(r, lang) + ("?" if r.may_follow is None else "") for r in f.followers]
    return ("、" if lang == "zh" else ", ").join(names) or "—"


def check_text(checks: list[Any], as_of: date, lang: str = "en") -> str:
    from pointscalc.crosscheck import Outcome

    w = _CHECK[lang]
    rows = []
    for c in checks:
        city = f"{c.scheme.city} ({c.scheme.key})"
        if c.outcome is Outcome.NO_RULES:
            rows.append([city, w["no_rules"], "", "", ""])
            continue
        opened = c.open_paths
        if c.outcome is Outcome.DIRECT:
            shown = [p for p in opened if p.key != "points"]
            path = _semicolon(lang).join(p.label(lang) for p in shown)
            missing, family = "—", _family_cell(shown[0].family, lang)
        elif c.outcome is Outcome.POINTS:
            path = _score_text(c, lang)
            a = c.assessment
            missing = "—" if a.meets_threshold is not False else f"{a.threshold - a.total} {w['pts']}"
            family = _family_cell(opened[0].family, lang)
        else:
            near = c.closest
            path = f"{w['closest']}{_colon(lang)}{near.label(lang)}" if near else ""
            missing = _semicolon(lang).join(_failed_text(f, lang) for f in near.failed) if near else ""
            family = "—"
        rows.append([city, w[c.outcome.value], path, missing, family])
    out = [f"{w['title']} {as_of}", ""]
    out.append(fitted(rows, [w["city"], w["outcome"], w["path"], w["missing"], w["family"]],
                      [False, True, True, True, True]))
    for c in checks:
        out.append("")
        for line in _check_detail(c, lang).splitlines():
            out += wrapped(line, " " * (len(line) - len(line.lstrip()) + 4))
    return "\n".join(out).rstrip() + "\n"


def _check_detail(c: Any, lang: str) -> str:
    from pointscalc.crosscheck import Outcome

    w = _CHECK[lang]
    key = f"{c.scheme.key}{'，' if lang == 'zh' else ', '}{_WORDS[lang]['version']} {c.version.label}" \
        if c.version else c.scheme.key
    out = [f"{c.scheme.name(lang)}{_aside(key, lang)}{_colon(lang)}{w[c.outcome.value]}"]
    if c.outcome is Outcome.NO_RULES:
        out.append(f"  {c.note(lang)}")
        return "\n".join(out)
    a = c.assessment
    if a.stale is not None:
        out += wrapped(f"  {a.stale(lang)}", "    ")
    if c.outcome is Outcome.POINTS:
        out.append(f"  {_score_text(c, lang)}")
    for p in c.open_paths:
        if c.outcome is Outcome.DIRECT and p.key == "points":
            continue
        channel = next((ch for ch in a.channels if ch.key == p.key), None)
        cite = _aside(channel.citation, lang) if channel else ""
        verb = w["settles_by"] if channel else w["may_apply"]
        out.append(f"  {verb}{_colon(lang)}{p.label(lang)}{cite}")
        for text, where in channel.advice if channel else ():
            out.append(f"    {_WORDS[lang]['advice']}{_colon(lang)}{text(lang)}{_aside(where, lang)}")
        if p.family.members:
            out.append(f"    {_WORDS[lang]['family']}{_colon(lang).rstrip()}")
            out += ["  " + line for line in family_lines(p.family, lang)]
    if not c.open_paths:
        for p in c.paths:
            out.append(f"  ✗ {p.label(lang)}{_colon(lang).rstrip()}")
            for f in p.failed:
                out.append(f"      {_failed_text(f, lang)}{_aside(f.citation, lang)}")
    if c.note:
        out.append(f"  {c.note(lang)}")
    return "\n".join(out)


def check_json(checks: list[Any], as_of: date, lang: str = "en") -> dict[str, Any]:
    return {
        "as_of": as_of.isoformat(),
        "cities": [
            {
                "scheme": c.scheme.key,
                "city": c.scheme.city,
                "version": c.version.label if c.version else None,
                "outcome": c.outcome.value,
                "settles_by": [p.key for p in c.open_paths if p.key != "points"],
                "score": _dec(c.assessment.total) if c.assessment else None,
                "threshold": _dec(c.assessment.threshold) if c.assessment else None,
                "paths": [
                    {
                        "key": p.key,
                        "label": p.label(lang),
                        "open": p.open,
                        "failed": [_condition_json(f, lang) for f in p.failed],
                        "family": family_json(p.family, lang),
                    }
                    for p in c.paths
                ],
                "closest": c.closest.key if c.closest else None,
                "note": c.note(lang) if c.note else None,
                "advice": [
                    {"channel": ch.key, "text": t(lang), "citation": str(where)}
                    for ch in (c.assessment.channels if c.assessment else ()) for t, where in ch.advice
                ],
            }
            for c in checks
        ],
    }


def lint_text(findings: list[Any], checked: list[str]) -> str:
    from pointscalc.i18n import tr

    if not findings:
        return "".join(tr("{scheme}: ok", scheme=key) + "\n" for key in checked)
    return "".join(f"{f}\n" for f in findings)


# --- pointscalc audit -------------------------------------------------------------------
# The audit speaks the current language (``i18n``); JSON keys stay English codes.


def _fact(shown: bool, en: str, zh: str, **fields: Any) -> str:
    """A fact's label: in the user's language for a person to read, in English as a JSON key."""
    from pointscalc.i18n import pick

    return (pick(en, zh) if shown else en).format(**fields)


def _flag(value: bool | None) -> str:
    from pointscalc.i18n import current

    if current() != "zh":
        return str(value)
    return "—" if value is None else "是" if value else "否"


def applicant_facts(a: Any, shown: bool = False) -> list[tuple[str, str]]:
    """A generated applicant as labelled facts, name and ID masked as on a public list."""
    from pointscalc import idnumber
    from pointscalc.i18n import tr
    from pointscalc.months import month_label

    rows = [
        (_fact(shown, "name / ID", "姓名 / 身份证号"),
         f"{idnumber.mask_name(a.name) if a.name else '—'} / {idnumber.mask(a.id) if a.id else '—'}"),
        (_fact(shown, "birth", "出生日期"), a.birth.isoformat()),
        (_fact(shown, "education", "学历 / 学位"), f"{a.education.diploma.code} / {a.education.degree.code}"),
        (_fact(shown, "qualification / title", "职业资格 / 职称"), f"{a.qualification.code} / {a.title.code}"),
        (_fact(shown, "origin", "户籍来源"), f"{a.origin.city or '—'}, rural={_flag(a.origin.rural)}"),
    ]
    for i, m in enumerate(a.family):
        rows.append((_fact(shown, "family #{n}", "家庭成员 #{n}", n=i + 1), tr(
            "{relation} born {birth} married={married} moves={moves} lives_with={lives_with}",
            relation=m.relation.code, birth=m.birth or "?", married=_flag(m.married), moves=_flag(m.moves),
            lives_with=_flag(m.lives_with))))
    for i, r in enumerate(a.records):
        rows.append((_fact(shown, "record #{n}", "记录 #{n}", n=i + 1),
                     f"{r.kind.code} {r.date} " + " ".join(f"{k}={v}" for k, v in r.attributes)))
    for i, p in enumerate(sorted(a.periods, key=lambda p: (p.kind.rank, p.start, p.city))):
        end = month_label(p.end) if p.end is not None else "…"
        attrs_ = " ".join(f"{k}={v}" for k, v in p.attributes)
        rows.append((_fact(shown, "period #{n}", "期间 #{n}", n=i + 1),
                     f"{p.kind.code} {p.city}{p.district or ''} {month_label(p.start)}–{end} {attrs_}".rstrip()))
    for k, v in a.extra:
        rows.append((f"extra.{k}", _flag(v) if isinstance(v, bool) else str(v)))
    return rows


def assessment_facts(x: Assessment, shown: bool = False) -> list[tuple[str, str]]:
    from pointscalc.i18n import current, pick

    rows = [(_fact(shown, "eligible", "符合申请条件"), pick("yes", "是") if x.eligible else pick("no", "否"))]
    rows += [(_fact(shown, "condition {key}", "条件 {key}", key=c.key), "✓" if c.passed else "✗") for c in x.conditions]
    rows += [(_fact(shown, "channel {key}", "渠道 {key}", key=ch.key), "✓" if ch.passed else "✗") for ch in x.channels]
    rows += [(_fact(shown, "item {key}", "指标 {key}", key=ln.key), f"{ln.points}  {ln.detail(current())}")
             for ln in x.lines]
    if x.total is not None:
        rows.append((_fact(shown, "total", "总积分"), str(x.total)))
    if x.rank_values:
        rows.append((_fact(shown, "rank values", "排序值"), ", ".join(str(v) for v in x.rank_values)))
    return rows


def _side_by_side(left: list[tuple[str, str]], right: list[tuple[str, str]], names: tuple[str, str]) -> str:
    order: list[str] = []
    for k, _ in [*left, *right]:
        if k not in order:
            order.append(k)
    lmap, rmap = dict(left), dict(right)
    rows = [["≠" if lmap.get(k) != rmap.get(k) else "", k, lmap.get(k, ""), rmap.get(k, "")] for k in order]
    return tabulate(rows, headers=["", "", *names], disable_numparse=True, maxcolwidths=[None, 32, 50, 50])


def _status_word(status: Any) -> str:
    from pointscalc.i18n import pick

    return pick(status.value, {"admitted": "录取", "waitlisted": "候补", "ineligible": "不符合条件",
                               "invalid": "无效"}.get(status.value, status.value))


def _run_table(one: Any, two: Any) -> str:
    from pointscalc.i18n import pick, tr

    people, quota, run = one
    other = two[2] if two else {}
    extra = [c for c in (two[0] if two else []) if c.key not in run]
    rows = []
    for c in [*sorted(people, key=lambda c: c.key), *extra]:
        values = ", ".join("—" if v is None else str(v) for v in c.values)
        row = [c.key, pick("yes", "是") if c.eligible else pick("no", "否"), values,
               _status_word(run[c.key]) if c.key in run else ""]
        if two:
            row.append(_status_word(other[c.key]) if c.key in other else "")
        rows.append(row)
    headers = [pick("applicant", "申请人"), pick("eligible", "符合申请条件"), pick("rank values", "排序值"),
               tr("run {n} (quota {quota})", n=1, quota=quota)]
    if two:
        headers.append(tr("run {n} (quota {quota})", n=2, quota=two[1]))
    return tabulate(rows, headers=headers, disable_numparse=True)


def counterexample_text(ce: Any, subject: Any) -> str:
    from pointscalc.i18n import pick
    from pointscalc.model import Applicant

    (ln, left), (rn, right) = ce.left, ce.right
    if isinstance(left, Applicant):
        x = subject.assess(left, explain=True)
        facts = applicant_facts(left, shown=True) + assessment_facts(x, shown=True)
        if left is right:
            return _side_by_side(facts, [], (ln, ""))
        y = subject.assess(right, explain=True)
        return _side_by_side(facts, applicant_facts(right, shown=True) + assessment_facts(y, shown=True), (ln, rn))
    if isinstance(left, tuple) and len(left) == 3:
        return _run_table(left, right)
    colon = pick(": ", "：")
    return f"{ln}{colon}{left}\n{rn}{colon}{right}"


_AUDIT_STATUS = {"pass": ("pass", "通过"), "fail": ("FAIL", "不通过"), "waived": ("waived", "豁免"),
                 "n/a": ("n/a", "不适用"), "error": ("ERROR", "出错")}


def audit_text(subject: Any, results: list[Any]) -> str:
    from pointscalc.fairness import PROPERTIES
    from pointscalc.i18n import current, pick, tr

    head = tr("Fairness audit: {scheme} ({key}) · version {version} · as of {day}",
              scheme=subject.scheme.name(current()), key=subject.scheme.key, version=subject.version.label,
              day=subject.as_of)
    rows = []
    for r in results:
        p = PROPERTIES[r.key]
        name = f"{tr(p.title)} [{r.key}]" + (tr(" (in place of {property})", property=r.instead_of)
                                              if r.instead_of else "")
        status = pick(*_AUDIT_STATUS[r.status])
        rows.append([name, status, r.examples if r.status in ("pass", "fail", "error") else "", r.note])
    headers = [pick("property", "性质"), pick("result", "结果"), pick("examples", "样例数"), pick("note", "说明")]
    out = [*wrapped(head, "  "), "", fitted(rows, headers, [True, False, False, True], least=20)]
    for r in results:
        if r.status == "fail" and r.counterexample is not None:
            p = PROPERTIES[r.key]
            out += ["", *wrapped(f"✗ {tr(p.title)} [{r.key}]{pick(': ', '：')}{r.note}", "  "),
                    *wrapped(f"  {tr(p.principle)}", "  "), counterexample_text(r.counterexample, subject)]
    counts = {k: sum(r.status == k for r in results) for k in ("pass", "fail", "error", "waived", "n/a")}
    out += ["", tr("{passed} passed, {failed} failed, {waived} waived, {na} not applicable", passed=counts["pass"],
                   failed=counts["fail"] + counts["error"], waived=counts["waived"], na=counts["n/a"])]
    return "\n".join(out) + "\n"


def audit_json(subject: Any, results: list[Any], examples: int, seed: int | None) -> dict[str, Any]:
    from pointscalc.fairness import PROPERTIES
    from pointscalc.i18n import tr
    from pointscalc.model import Applicant

    def side(name: str, value: Any) -> dict[str, Any]:
        if isinstance(value, Applicant):
            return {"label": name, "profile": dict(applicant_facts(value)),
                    "assessment": dict(assessment_facts(subject.assess(value, explain=True)))}
        if isinstance(value, tuple) and len(value) == 3:
            people, quota, run = value
            return {"label": name, "quota": quota, "applicants": [
                {"key": c.key, "eligible": c.eligible, "values": [None if v is None else str(v) for v in c.values],
                 "status": run[c.key].value} for c in people]}
        return {"label": name, "value": None if value is None else str(value)}

    return {
        "scheme": subject.scheme.key,
        "version": subject.version.label,
        "as_of": subject.as_of.isoformat(),
        "examples": examples,
        "seed": seed,
        "properties": [
            {
                "key": r.key,
                "title": tr(PROPERTIES[r.key].title),
                "principle": tr(PROPERTIES[r.key].principle),
                "status": r.status,
                "examples": r.examples,
                "note": r.note or None,
                "instead_of": r.instead_of,
                "counterexample": None if r.counterexample is None else {
                    "message": r.counterexample.message,
                    "left": side(*r.counterexample.left),
                    "right": side(*r.counterexample.right) if r.counterexample.right[1] is not None
                    and r.counterexample.right[1] is not r.counterexample.left[1] else None,
                },
            }
            for r in results
        ],
        "passed": not any(r.status in ("fail", "error") for r in results),
    }
