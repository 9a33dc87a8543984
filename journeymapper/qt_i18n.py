"""Qt's translation for the window's words, with one helper all widgets share.

``tr(context, text, n)`` is ``QCoreApplication.translate`` with an explicit
context. The source strings are English with Qt's ``%n`` plural form
("%n card(s)"); when no catalogue answers (English, or a language without the
string yet), the English plural is made from the source: "1 card", "6 cards".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(context: str, text: str, n: int = -1) -> str:
    translated = QCoreApplication.translate(context, text, None, n)
    if n >= 0 and "(s)" in translated:
        translated = translated.replace("(s)", "" if n == 1 else "s")
    return translated
