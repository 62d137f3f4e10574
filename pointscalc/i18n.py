"""The user's language: chosen once by the command line, followed by every message.

A message is written in English at the place that raises or prints it, as ``tr("expected a
date, got {got}", got=…)``; the English template is also the key of its Chinese form in
:mod:`pointscalc.zh`.  This is gettext's model (the source text is the key, the language
is looked up when the message is made) without compiled catalogues: the catalogue is a
Python mapping a test keeps complete, so a message can never reach a Chinese user in
English unnoticed.

Labels that belong to a scheme (an item's name, a condition, a note) are not here: a
scheme carries both languages itself (:class:`pointscalc.scheme.Text`).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

LANGS = ("en", "zh")
ENV = "POINTSCALC_LANG"
"""The environment variable that gives the default of ``--lang``."""

_current: ContextVar[str] = ContextVar("pointscalc_lang", default="en")


def current() -> str:
    return _current.get()


def set_lang(lang: str) -> None:
    """Chosen by ``--lang`` before anything else is parsed, so that even an error about
    another option is in the user's language."""
    if lang not in LANGS:
        raise ValueError(lang)
    _current.set(lang)
    if lang == "zh":
        _speak_click()


@contextlib.contextmanager
def using(lang: str) -> Iterator[None]:
    """A language for one block (tests, and library callers who pass ``lang``)."""
    token = _current.set(lang)
    try:
        yield
    finally:
        _current.reset(token)


def tr(english: str, /, **fields: Any) -> str:
    """``english`` in the current language, with ``fields`` filled in."""
    text = english
    if _current.get() == "zh":
        from pointscalc.zh import MESSAGES

        text = MESSAGES.get(english, english)
    return text.format(**fields) if fields else text


def N_(english: str) -> str:
    """Marks a message chosen at run time (a list of words, an enum's value) so that the
    catalogue test finds it; :func:`tr` translates it where it is shown."""
    return english


def pick(en: str, zh: str) -> str:
    """One of two texts written side by side, for a word too small to be a template."""
    return zh if _current.get() == "zh" else en


def listing(items: Any) -> str:
    """Items joined as the language joins a list: ``a, b`` or ``a、b``."""
    return ("、" if _current.get() == "zh" else ", ").join(str(i) for i in items)


_CLICK_MODULES = ("core", "exceptions", "types", "parser", "decorators", "formatting", "termui", "shell_completion")


def _speak_click() -> None:
    """Click's own messages ("Missing argument", "No such option") through our catalogue.

    Click marks each message for gettext by calling the ``_`` its modules import from
    :mod:`gettext`; installing a lookup in its place is how a program without compiled
    catalogues translates them.  A message missing from the catalogue stays English.
    """
    import importlib

    from pointscalc.zh import CLICK

    def lookup(message: str) -> str:
        return CLICK.get(message, message) if _current.get() == "zh" else message

    def plural(singular: str, many: str, n: int) -> str:
        return lookup(singular if n == 1 else many)

    formatting = importlib.import_module("click.formatting")
    english_wrap = formatting.__dict__.setdefault("_english_wrap_text", formatting.wrap_text)

    def wrap(*args: Any, **kwargs: Any) -> str:
        return (wrap_help if _current.get() == "zh" else english_wrap)(*args, **kwargs)

    formatting.wrap_text = wrap  # type: ignore[attr-defined]
    for name in _CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = lookup  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = plural  # type: ignore[attr-defined]


def _first_clause(text: str) -> str:
    cut = re.split("[。：，；\n]", text, maxsplit=1)[0]
    return cut[:cut.rindex("（")] if cut.count("（") > cut.count("）") else cut


def localise_help(command: Any) -> None:
    """Each command's and option's help in the current language.

    Click reads ``help`` when it prints, so the texts are swapped in place before parsing
    (the English kept beside them, to swap back: a test process runs many commands).  A
    command's summary in the list of commands is the first clause of its help.
    """
    import inspect

    import click

    from pointscalc.zh import HELP

    zh = _current.get() == "zh"
    stack = [command]
    while stack:
        cmd = stack.pop()
        # --help is made once, when first asked for, in the language of that moment.
        made = getattr(cmd, "_help_option", None)
        for obj in (cmd, *cmd.params, *([made] if made is not None else [])):
            english = obj.__dict__.setdefault("_english_help", getattr(obj, "help", None))
            if not english:
                continue
            chinese = HELP.get(inspect.cleandoc(english)) if zh else None
            obj.help = chinese or english
            if obj is cmd:
                short = obj.__dict__.setdefault("_english_short", obj.short_help)
                obj.short_help = _first_clause(chinese) if chinese else short
        if isinstance(cmd, click.Group):
            stack.extend(cmd.commands.values())


_OPENING = "（「『《〈【“‘"
_CLOSING = "，。、；：！？）」』》〉】”’"


def _wide(c: str) -> bool:
    return "\u2e80" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or "\uff00" <= c <= "\uffef" or c in _OPENING + _CLOSING


_UNBROKEN = re.compile(r"[\u4e00-\u9fff]{1,8}〔\d{4}〕\d+号|`[^`\n]+`")
"""An official document number (安政办〔2018〕19号) or a command in backticks
(`pointscalc audit nantong`): one word, never broken."""


def _pieces(text: str) -> list[str]:
    """Where a line may break: at a space, and beside a Chinese character, never inside a
    Latin word (a code, a file name) or what ``_UNBROKEN`` keeps whole, and never before a
    closing mark or after an opening one."""
    whole = {i for m in _UNBROKEN.finditer(text) for i in range(m.start() + 1, m.end())}
    out: list[str] = []
    for i, c in enumerate(text):
        joined = bool(out) and (i in whole or not (
            c == " " or out[-1].endswith(" ")
            or ((_wide(c) or _wide(out[-1][-1])) and c not in _CLOSING and out[-1][-1] not in _OPENING)))
        if joined:
            out[-1] += c
        else:
            out.append(c)
    return out


def _columns(text: str) -> int:
    from wcwidth import wcwidth

    return sum(max(wcwidth(c), 0) for c in text)


def fold(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """One paragraph folded to ``width`` display columns (a Chinese character takes two),
    continuation lines begun with ``rest``: the one folding of prose, help and tables' notes."""
    lines: list[str] = []
    current, used = first, _columns(first)
    for piece in _pieces(text):
        w = _columns(piece)
        if used + w > width and current.strip():
            lines.append(current.rstrip())
            piece = piece.lstrip()
            current, used = rest + piece, _columns(rest) + _columns(piece)
        else:
            current, used = current + piece, used + w
    lines.append(current.rstrip())
    return lines


def _join(lines: list[str]) -> str:
    """Lines of one paragraph as one: a space between Latin words, none between Chinese."""
    out = ""
    for line in (ln.strip() for ln in lines):
        if out and line and not (_wide(out[-1]) or _wide(line[0])):
            out += " "
        out += line
    return out


def wrap_help(text: str, width: int = 78, initial_indent: str = "", subsequent_indent: str = "",
              preserve_paragraphs: bool = False) -> str:
    """Click's ``wrap_text`` for Chinese: click's own wraps by spaces, which Chinese has none
    of, so a long sentence was cut at the width wherever it fell, inside a file name too."""
    if not preserve_paragraphs:
        return "\n".join(fold(_join(text.splitlines()), width, initial_indent, subsequent_indent))
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text.strip("\n")):
        lines = para.splitlines()
        if lines and lines[0].strip() == "\b":
            out.append("\n".join(lines[1:]))
            continue
        indent = " " * (len(lines[0]) - len(lines[0].lstrip())) if lines else ""
        out.append("\n".join(fold(_join(lines), width, initial_indent + indent, subsequent_indent + indent)))
    return "\n\n".join(out)
