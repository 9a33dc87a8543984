"""Untrusted JSON bytes -> plain Python values, refusing what would crash later.

``json.loads`` alone reads ``NaN`` and ``Infinity``, turns ``1e999`` into
inf, raises ValueError on an integer of 4,300+ digits, keeps the last of two
equal keys silently, and accepts lone surrogate escapes (``"\\ud800"``) that
no UTF-8 file can hold, so that every later save fails. Here each of these
is a FileFormatError with one line naming the file and the place (the JSON
path, such as ``elements[3].fields.votes``, and the line).
"""

from __future__ import annotations

import json
import re
from typing import Any

from journeymapper.i18n import N_, Message
from journeymapper.model.errors import FileFormatError

#: Digits a whole number may have (any 64-bit integer has at most 20).
MAX_INT_DIGITS = 20
#: A lone surrogate escape is possible only where the text holds ``\uD8..``-``\uDF..``.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")
# A JSON string, or a number / NaN / Infinity token outside strings.
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|-?Infinity|NaN|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?')


class _Bad:
    """What a parse hook returns instead of a value it refuses; found again by path."""

    __slots__ = ("token", "digits")

    def __init__(self, token: str, digits: int = 0) -> None:
        self.token = token
        self.digits = digits


class _DuplicateKey(ValueError):
    """Two equal keys in one JSON object."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook``: json would keep the last of equal keys silently."""
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return out


def parse(data: bytes, name: str) -> dict[str, Any]:
    """The JSON object in ``data`` (UTF-8, a BOM allowed), or FileFormatError."""
    if not data.strip():
        raise FileFormatError(N_("{file}: the file is empty"), file=name)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileFormatError(N_("{file}: saved as UTF-16; expected UTF-8 (save it again as "
                                 "UTF-8)"), file=name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileFormatError(
            N_("{file}: not a .jmap file (not UTF-8 text: byte 0x{value:02x} at offset {start})"),
            file=name, value=data[exc.start], start=exc.start) from None
    if "\x00" in text:
        raise FileFormatError(N_("{file}: not a .jmap file (binary data)"), file=name)
    bad: list[_Bad] = []

    def on_int(token: str) -> int | _Bad:   # one frame per number: they are many
        return int(token) if len(token) <= MAX_INT_DIGITS else _int(token, bad)

    def on_float(token: str) -> float | _Bad:
        value = float(token)
        return value if value - value == 0.0 else _refuse(token, bad)   # not inf, not NaN

    try:
        root = json.loads(text, parse_constant=lambda token: _refuse(token, bad),
                          parse_float=on_float, parse_int=on_int, object_pairs_hook=_unique_keys)
    except _DuplicateKey as exc:
        raise FileFormatError(N_("{file}: not valid JSON: the key {value} appears twice in one "
                                 "object"), file=name, value=show(exc.args[0])) from None
    except RecursionError:
        raise FileFormatError(N_("{file}: nested too deeply to be a journey map"),
                              file=name) from None
    except json.JSONDecodeError as exc:
        raise _syntax_error(text, exc, name) from None
    if bad:
        raise _bad_number(text, root, bad[0], name)
    if _SURROGATE_ESCAPE.search(text):
        _refuse_surrogates(root, name)
    if not isinstance(root, dict):
        raise FileFormatError(N_("{file}: expected a JSON object at the top, got {kind}"),
                              file=name, kind=kind_of(root))
    return root


def _syntax_error(text: str, exc: json.JSONDecodeError, name: str) -> FileFormatError:
    what: str | Message = exc.msg
    if exc.pos >= len(text.rstrip()):
        what = Message(N_("ends too early (truncated?)"))
    closer = text[exc.pos:exc.pos + 1]
    if closer in ("}", "]") and text[:exc.pos].rstrip().endswith(","):
        what = Message(N_("a comma before '{closer}' (trailing commas are not JSON)"),
                       closer=closer)
    return FileFormatError(N_("{file}: not valid JSON at line {lineno}, column {colno}: {what}"),
                           file=name, lineno=exc.lineno, colno=exc.colno, what=what)


def _refuse(token: str, bad: list[_Bad]) -> _Bad:
    found = _Bad(token)
    bad.append(found)
    return found


def _int(token: str, bad: list[_Bad]) -> int | _Bad:
    """``parse_int`` past the quick length test: int() of 4,300+ digits raises, and far
    fewer are nonsense here (1e999 reads as inf in Python: refused as well)."""
    digits = len(token) - (token[0] == "-")
    if digits <= MAX_INT_DIGITS:
        return int(token)
    found = _Bad(token, digits)
    bad.append(found)
    return found


def _bad_number(text: str, root: Any, first: _Bad, name: str) -> FileFormatError:
    path = find_path(root, lambda value: value is first) or "?"
    line, column = _token_place(text, first)
    if first.digits:
        return FileFormatError(
            N_("{file}: {place}: a whole number of {digits:,} digits (line {line}, column "
               "{column}); expected at most {limit} digits"),
            file=name, place=path, line=line, column=column, digits=first.digits,
            limit=MAX_INT_DIGITS)
    return FileFormatError(
        N_("{file}: not valid JSON at line {line}, column {column} ({place}): {token} is not "
           "a finite number"), file=name, line=line, column=column, place=path,
        token=first.token)


def _token_place(text: str, bad: _Bad) -> tuple[int, int]:
    """Line and column of the first number token like ``bad`` outside strings."""
    for found in _TOKEN.finditer(text):
        token = found.group()
        if token.startswith('"'):
            continue
        if token == bad.token:
            start = found.start()
            return text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start)
    return 1, 1


def _refuse_surrogates(root: Any, name: str) -> None:
    found: list[str] = []

    def has_surrogate(value: Any) -> bool:
        if isinstance(value, str) and _SURROGATE.search(value):
            found.append(value)
            return True
        return False

    path = find_path(root, has_surrogate, keys=True)
    if path is not None:
        char = _SURROGATE.search(found[0])
        code = f"\\u{ord(char.group()):04x}" if char else "\\ud800"
        raise FileFormatError(
            N_("{file}: {place}: \"{escape}\" is a lone surrogate, half of a character; "
               "expected text that UTF-8 can hold"), file=name, place=printable(path) or "(root)",
            escape=code)


def printable(text: str) -> str:
    """``text`` with lone surrogates written as escapes, so that it can be printed."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def find_path(root: Any, match: Any, keys: bool = False) -> str | None:
    """The JSON path (``elements[3].fields.text``) of the first value ``match``
    accepts (also the first key, with ``keys``), depth first, without recursion."""
    stack: list[tuple[Any, str]] = [(root, "")]
    while stack:
        value, path = stack.pop()
        if match(value):
            return path
        if isinstance(value, dict):
            children = []
            for key, child in value.items():
                place = f"{path}.{key}" if path else str(key)
                if keys and match(key):
                    return place
                children.append((child, place))
            stack.extend(reversed(children))
        elif isinstance(value, list):
            stack.extend(reversed([(child, f"{path}[{i}]") for i, child in enumerate(value)]))
    return None


def too_deep(value: Any, limit: int) -> bool:
    """Does ``value`` hold lists or objects nested more than ``limit`` levels deep?"""
    if not isinstance(value, (dict, list)):
        return False
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        children = item.values() if isinstance(item, dict) else item
        stack.extend((child, depth + 1) for child in children
                     if isinstance(child, (dict, list)))
    return False


def kind_of(value: Any) -> Message:
    """'a list', 'an object', ... for a JSON value, to be worded when shown."""
    if isinstance(value, bool):
        return Message(N_("true/false"))
    if isinstance(value, (int, float)):
        return Message(N_("a number"))
    return {list: Message(N_("a list")), str: Message(N_("a string")),
            type(None): Message(N_("null")), dict: Message(N_("an object"))
            }.get(type(value), Message(N_("a value")))


def show(value: Any) -> str | Message:
    """A value as it would appear in the file, shortened to one readable piece
    (lists and objects by their kind)."""
    if isinstance(value, (list, dict)):
        return kind_of(value)
    text = json.dumps(value, ensure_ascii=False) if isinstance(
        value, (str, int, float, bool, type(None))) else repr(value)
    if isinstance(value, str) and _SURROGATE.search(text):
        text = printable(text)
    return text if len(text) <= 60 else text[:57] + "..."
