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

    for name in _CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = lookup  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = plural  # type: ignore[attr-defined]
