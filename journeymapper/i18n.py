"""The words a user reads, in their language, without Qt.

Everything outside the window's widgets (model words, error messages, CLI
output, PDF and render text) is written in the code as an English message
id, marked for extraction, and translated when it is shown::

    _("Pain point")                                  # translated now
    N_("Pain point")                                 # marked only; _() it when shown
    ngettext("{n} card", "{n} cards", n).format(n=n) # plurals: never add an "s" by hand
    Message(N_("{file}: no such file"), file=path)   # lazy: worded when str() is called

Arguments are filled in after translating, never inside an f-string, so a
translator sees the whole sentence. Errors keep their template and
parameters (:class:`Message`) and are worded at the boundary (the CLI's
``main``, the window's status bar), in the language in force there.

The language: :func:`set_language` for the process (the window's choice,
the CLI's ``LANG``), :func:`using_language` for one piece of work in this
thread or task (a PDF labelled in the map's language). Catalogues are
gettext ``.mo`` files in ``resources/i18n/<lang>/LC_MESSAGES/``; a missing
catalogue means English, never an error.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import gettext
import math
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any

DOMAIN = "journeymapper"
#: The languages the interface speaks, with their own names (for a menu).
LANGUAGES: dict[str, str] = {"en": "English", "ko": "한국어"}
DEFAULT = "en"

_process_language = DEFAULT
_scoped: contextvars.ContextVar[str | None] = contextvars.ContextVar("journeymapper_language",
                                                                     default=None)


def normalise(code: str | None) -> str:
    """'ko_KR.UTF-8', 'ko-KR', 'KO' -> 'ko'; anything unknown -> 'en'."""
    if not code:
        return DEFAULT
    base = code.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].strip().lower()
    return base if base in LANGUAGES else DEFAULT


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language gettext would pick: LANGUAGE, then LC_ALL, LC_MESSAGES, LANG."""
    env = os.environ if environ is None else environ
    for key in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(key, "")
        if not value:
            continue
        for part in value.split(":"):
            if part in ("C", "POSIX") or part.startswith(("C.", "POSIX.")):
                return DEFAULT
            if normalise(part) != DEFAULT or part.lower().startswith("en"):
                return normalise(part)
        return DEFAULT
    return DEFAULT


def language() -> str:
    """The language in force here (a :func:`using_language` scope, else the process's)."""
    return _scoped.get() or _process_language


def set_language(code: str | None) -> str:
    """Set the process's language; returns the normalised code."""
    global _process_language
    _process_language = normalise(code)
    return _process_language


@contextmanager
def using_language(code: str | None) -> Iterator[str]:
    """Translate in ``code`` inside the block (this thread / task only)."""
    token = _scoped.set(normalise(code))
    try:
        yield language()
    finally:
        _scoped.reset(token)


@cache
def catalogue(code: str) -> gettext.NullTranslations:
    """The gettext catalogue of a language (English: none, the ids are English)."""
    if code == DEFAULT:
        return gettext.NullTranslations()
    from journeymapper.resources import resource

    try:
        return gettext.translation(DOMAIN, localedir=str(resource("i18n")), languages=[code])
    except OSError:
        return gettext.NullTranslations()


def _(message: str) -> str:
    """``message`` in the language in force."""
    return catalogue(language()).gettext(message)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark ``message`` for extraction without translating it (yet)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, in the language in force."""
    return catalogue(language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the language in force, told apart from the same English
    text elsewhere by ``context`` (``pgettext("decimal separator", ".")``)."""
    return catalogue(language()).pgettext(context, message)


class Lazy:
    """A part of a message worded when it is shown: ``str()`` calls ``make``.

    For parameters that are neither a plain value nor one :class:`Message`
    (a list of kind names joined in the language in force)."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], str]) -> None:
        self.make = make

    def __str__(self) -> str:
        return self.make()

    def __repr__(self) -> str:
        return f"Lazy({self.make!r})"


class Message:
    """A message worded when it is shown: an English template (the message id,
    marked with N_ where it is written) and its parameters.

    Parameters that are Messages themselves are worded too, so a sentence can
    be built of parts and still be translated whole at the boundary.
    """

    __slots__ = ("template", "plural", "n", "params")

    def __init__(self, template: str | Message, /, plural: str | None = None, n: int | None = None,
                 **params: Any) -> None:
        if isinstance(template, Message):  # an already made message: the same, more parameters
            plural, n = template.plural, template.n
            params = {**template.params, **params}
            template = template.template
        self.template = template
        self.plural = plural
        self.n = n
        self.params = params

    @property
    def code(self) -> str:
        """What identifies the message whatever the language: its English template."""
        return self.template

    def __str__(self) -> str:
        if self.plural is not None:
            text = ngettext(self.template, self.plural, int(self.n or 0))
            params = {"n": self.n, **self.params}
        else:
            text = _(self.template)
            params = self.params if self.n is None else {"n": self.n, **self.params}
        if not params:
            return text
        worded = {k: (str(v) if isinstance(v, (Message, Lazy)) else v) for k, v in params.items()}
        try:
            return text.format(**worded)
        except (KeyError, IndexError, ValueError):  # a broken translation: fall back to English
            template = self.template if self.plural is None or self.n == 1 else self.plural
            return template.format(**worded)

    def __repr__(self) -> str:
        return f"Message({self.template!r}, {self.params!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Message):
            return (self.template, self.plural, self.n, self.params) == \
                (other.template, other.plural, other.n, other.params)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.template, self.plural, self.n))


def plural_message(singular: str, plural: str, n: int, /, **params: Any) -> Message:
    """A lazy plural message; ``{n}`` in the templates is the count."""
    return Message(singular, plural=plural, n=n, **params)


# ---------------------------------------------------------------- numbers and dates
MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
          N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
          N_("December"))


def format_number(value: float, decimals: int = 0, sign: bool = False) -> str:
    """``value`` with ``decimals`` digits and thousands grouped, as written in
    the language in force (1,234.5); ``sign`` puts + before a positive number.
    Halves round away from zero (62.5 -> 63) and -0 is printed 0."""
    if not math.isfinite(value):
        return str(value)
    exact = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    if exact == 0:
        exact = abs(exact)
    text = f"{abs(exact):,f}"
    whole, _dot, part = text.partition(".")
    text = whole.replace(",", pgettext("thousands separator", ","))
    if part:
        text += pgettext("decimal separator", ".") + part
    if exact < 0:
        return "-" + text
    return "+" + text if sign and exact > 0 else text


def format_date(value: dt.date | str) -> str:
    """A calendar date as written in the language in force: '5 October 2026',
    '2026년 10월 5일'. Text that is not an ISO date is returned as it is."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            return value
    # Translators: {month} (the month's number) may stand for {month_name}: "{year}년 {month}월 {day}일"
    return _("{day} {month_name} {year}").format(
        day=value.day, month=value.month, month_name=_(MONTHS[value.month - 1]), year=value.year)
