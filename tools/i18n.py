"""Refresh, compile and check journeymapper's translation catalogues.

    python tools/i18n.py update      # extract every marked string into the catalogues
    python tools/i18n.py compile     # .po -> .mo, .ts -> .qm (what the app loads)
    python tools/i18n.py check       # what is untranslated, stale or broken (exit 1 if any)
    python tools/i18n.py add LANG    # start the catalogues of a new language

Two catalogues per language, both in resources/i18n/ (see docs/i18n.md):

- the window's strings (``QCoreApplication.translate("Context", ...)``):
  ``journeymapper_<lang>.ts``, extracted with ``pyside6-lupdate`` and compiled
  with ``pyside6-lrelease`` to ``.qm``; ``journeymapper_en.ts`` holds only the
  English plural forms ("%n card(s)" -> "1 card", "6 cards");
- everything outside Qt (``_``, ``N_``, ``ngettext``, ``pgettext``, ``Message``,
  ``plural_message``): ``<lang>/LC_MESSAGES/journeymapper.po``, extracted and
  compiled to ``.mo`` with Babel, the same as
  ``pybabel extract -k N_ -k ngettext:1,2 -k Message -k plural_message:1,2``.

lupdate's Python reader takes the fourth argument of ``translate`` for an
encoding unless it is a number, so ``translate("C", "%n card(s)", None, n)``
comes out without its plural flag; ``update`` therefore merges lupdate's
extraction itself: a message is plural when its text holds ``%n``, and the
translations already made are kept (messages no longer in the code are dropped).
Both tools read the whole package, so a string marked either way is found.
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "journeymapper"
FOLDER = ROOT / "resources" / "i18n"
DOMAIN = "journeymapper"
#: Languages with catalogues (English is the source language: Qt plural forms only).
LANGUAGES = ("ko",)
KEYWORDS = {
    "_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2),
    "Message": None, "plural_message": (1, 2),
}
QT_LOCALES = {"en": "en_GB", "ko": "ko_KR"}

Key = tuple[str, str, str]  # context, source, comment
#: Helpers around QCoreApplication.translate that lupdate cannot see through.
WRAPPERS = ("tr", "tr_n", "qt_tr", "self.tr")


# ---------------------------------------------------------------- gettext
def po_path(lang: str) -> Path:
    return FOLDER / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract_gettext():
    """A Babel catalogue of every gettext-marked message in the package."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    template = Catalog(project="journeymapper", domain=DOMAIN)
    for filename, lineno, message, comments, context in extract_from_dir(
            str(PACKAGE), keywords=KEYWORDS, comment_tags=("Translators:",),
            strip_comment_tags=True):
        template.add(message, None, [(f"journeymapper/{filename}", lineno)],
                     auto_comments=comments, context=context)
    return template


def read_po(lang: str):
    from babel.messages.pofile import read_po as babel_read

    with po_path(lang).open("rb") as f:
        return babel_read(f, locale=lang, domain=DOMAIN)


def write_po(catalog, path: Path) -> None:
    from babel.messages.pofile import write_po as babel_write

    buffer = io.BytesIO()
    babel_write(buffer, catalog, width=100, include_lineno=False, ignore_obsolete=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def update_gettext(lang: str) -> tuple[int, int]:
    """Merge a fresh extraction into the language's .po; returns (new, dropped)."""
    from babel.messages.catalog import Catalog

    template = extract_gettext()
    if po_path(lang).exists():
        catalog = read_po(lang)
    else:
        catalog = Catalog(locale=lang, domain=DOMAIN, project="journeymapper")
    before = {m.id for m in catalog if m.id}
    created, revised = catalog.creation_date, catalog.revision_date
    catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
    after = {m.id for m in catalog if m.id}
    catalog.creation_date, catalog.revision_date = created, revised
    write_po(catalog, po_path(lang))
    return len(after - before), len(before - after)


def compile_gettext(lang: str) -> bytes:
    """The .mo bytes of a language's .po."""
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, read_po(lang), use_fuzzy=False)
    return buffer.getvalue()


def mo_path(lang: str) -> Path:
    return po_path(lang).with_suffix(".mo")


# ---------------------------------------------------------------- Qt
def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease next to this Python, else on PATH."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if found:
        return found
    import PySide6

    bundled = Path(PySide6.__file__).parent / name.removeprefix("pyside6-")
    if bundled.exists():
        return str(bundled)
    raise SystemExit(f"{name} not found (it ships with PySide6-Essentials)")


def ts_path(lang: str) -> Path:
    return FOLDER / f"{DOMAIN}_{lang}.ts"


def qm_path(lang: str) -> Path:
    return ts_path(lang).with_suffix(".qm")


@dataclass
class QtMessage:
    context: str
    source: str
    comment: str = ""
    translations: list[str] = field(default_factory=list)
    finished: bool = False

    @property
    def key(self) -> Key:
        return (self.context, self.source, self.comment)

    @property
    def numerus(self) -> bool:
        return "%n" in self.source


def extract_qt() -> list[QtMessage]:
    """Every QCoreApplication.translate / QT_TRANSLATE_NOOP message of the package."""
    sources = sorted(str(p) for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "extract.ts"
        listing = Path(folder) / "sources.lst"
        listing.write_text("\n".join(sources), encoding="utf-8")
        done = subprocess.run([tool("pyside6-lupdate"), "-silent", "-locations", "none",
                               "-no-obsolete", f"@{listing}", "-ts", str(out)],
                              capture_output=True, text=True)
        if done.returncode != 0 or not out.exists():
            raise SystemExit(f"pyside6-lupdate failed: {done.stderr.strip()}")
        return read_ts(out)


def qt_calls() -> list[tuple[str, int, Key]]:
    """Every translate / QT_TRANSLATE_NOOP call with literal text, read with Python's own
    parser: (file, line, key). lupdate skips a call it cannot read (a count written as
    ``len(x)`` or ``self.n``); comparing with this list catches it."""
    import ast

    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in WRAPPERS and node.args and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str):
                out.append((str(path.relative_to(ROOT)), node.lineno, ("", "", name)))
                continue
            if name not in ("translate", "QT_TRANSLATE_NOOP") or len(node.args) < 2:
                continue
            literal = [a.value if isinstance(a, ast.Constant) else None for a in node.args[:3]]
            if not all(isinstance(v, str) for v in literal[:2]):
                continue
            comment = literal[2] if len(literal) > 2 and isinstance(literal[2], str) else ""
            out.append((str(path.relative_to(ROOT)), node.lineno,
                        (literal[0], literal[1], comment)))
    return out


def misplaced_plurals() -> list[str]:
    """``ngettext(N_(...), N_(...), n)``: Babel reads only literal texts there, so
    the two forms would become two unrelated messages and the plural never be found."""
    import ast

    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in (
                    "ngettext", "plural_message") and node.args and isinstance(
                    node.args[0], ast.Call):
                out.append(f"{path.relative_to(ROOT)}:{node.lineno}: write the plural's texts "
                           "as plain strings (no N_ inside ngettext / plural_message)")
    return out


def read_ts(path: Path) -> list[QtMessage]:
    out = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms: list[str] = []
            finished = False
            if translation is not None:
                numerus = translation.findall("numerusform")
                forms = [f.text or "" for f in numerus] if numerus else [translation.text or ""]
                finished = translation.get("type") not in ("unfinished", "vanished", "obsolete")
            out.append(QtMessage(name, message.findtext("source") or "",
                                 message.findtext("comment") or "", forms, finished))
    return out


def plural_count(lang: str) -> int:
    return {"ko": 1, "ja": 1, "zh": 1}.get(lang, 2)


def write_ts(lang: str, messages: list[QtMessage], path: Path) -> None:
    root = ET.Element("TS", version="2.1", language=QT_LOCALES.get(lang, lang))
    if lang == "en":
        root.set("sourcelanguage", "en")
    by_context: dict[str, list[QtMessage]] = {}
    for message in messages:
        by_context.setdefault(message.context, []).append(message)
    for name in sorted(by_context):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for m in sorted(by_context[name], key=lambda m: (m.source, m.comment)):
            element = ET.SubElement(context, "message")
            if m.numerus:
                element.set("numerus", "yes")
            ET.SubElement(element, "source").text = m.source
            if m.comment:
                ET.SubElement(element, "comment").text = m.comment
            translation = ET.SubElement(element, "translation")
            if not m.finished:
                translation.set("type", "unfinished")
            if m.numerus:
                forms = (m.translations + [""] * plural_count(lang))[:plural_count(lang)]
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = m.translations[0] if m.translations else ""
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def merged_qt(lang: str, extracted: list[QtMessage]) -> list[QtMessage]:
    """The extraction with the translations ``lang``'s .ts already has."""
    known = {m.key: m for m in read_ts(ts_path(lang))} if ts_path(lang).exists() else {}
    out = []
    for m in extracted:
        if lang == "en" and not m.numerus:
            continue  # English needs only its plural forms
        old = known.get(m.key)
        kept = old is not None and old.finished and len(old.translations) == (
            plural_count(lang) if m.numerus else 1)
        out.append(QtMessage(m.context, m.source, m.comment,
                             list(old.translations) if old is not None else [], kept))
    return out


def update_qt(lang: str, extracted: list[QtMessage]) -> tuple[int, int]:
    before = {m.key for m in read_ts(ts_path(lang))} if ts_path(lang).exists() else set()
    merged = merged_qt(lang, extracted)
    write_ts(lang, merged, ts_path(lang))
    after = {m.key for m in merged}
    return len(after - before), len(before - after)


def compile_qt(lang: str, target: Path) -> None:
    done = subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts_path(lang)), "-qm",
                           str(target)], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"pyside6-lrelease failed: {done.stderr.strip()}")


# ---------------------------------------------------------------- checks
_BRACES = re.compile(r"(?<!\{)\{([^{}]*)\}(?!\})")


def placeholders(text: str) -> list[str]:
    """The {name} fields and %n / %1 markers a translation must keep."""
    fields = sorted(m.group(1) for m in _BRACES.finditer(text))
    return fields + sorted(re.findall(r"%(?:n|\d)", text))


def accelerators(text: str) -> int:
    return len(re.findall(r"&[^&\s]", text.replace("&&", "")))


def problems() -> list[str]:
    """Everything that keeps the catalogues from being complete and current."""
    out: list[str] = misplaced_plurals()
    template = extract_gettext()
    wanted = {(m.context, m.id) for m in template if m.id}
    qt_extracted = extract_qt()
    qt_wanted = {m.key for m in qt_extracted}
    for lang in LANGUAGES:
        catalog = read_po(lang)
        have = {(m.context, m.id) for m in catalog if m.id}
        for _context, msgid in sorted(wanted - have, key=str):
            out.append(f"{lang}.po: not extracted yet: {msgid!r}")
        for _context, msgid in sorted(have - wanted, key=str):
            out.append(f"{lang}.po: no longer in the code: {msgid!r}")
        for m in catalog:
            if not m.id:
                continue
            ids = m.id if isinstance(m.id, (list, tuple)) else (m.id,)
            strings = m.string if isinstance(m.string, (list, tuple)) else (m.string,)
            if m.fuzzy:
                out.append(f"{lang}.po: fuzzy: {ids[0]!r}")
            if not all(strings):
                out.append(f"{lang}.po: untranslated: {ids[0]!r}")
                continue
            expected = set(placeholders(ids[-1] if len(ids) > 1 else ids[0]))
            # a translator comment may name fields a translation can use instead
            free = set(placeholders(" ".join(m.auto_comments)))
            for s in strings:
                got = set(placeholders(s))
                if got - expected - free or expected - got - free:
                    out.append(f"{lang}.po: {ids[0]!r}: placeholders {sorted(got)} "
                               f"differ from {sorted(expected)}")
        if not mo_path(lang).exists() or mo_path(lang).read_bytes() != compile_gettext(lang):
            out.append(f"{lang}: {mo_path(lang).name} is not compiled from the .po "
                       "(run: python tools/i18n.py compile)")
    for lang in ("en", *LANGUAGES):
        messages = read_ts(ts_path(lang)) if ts_path(lang).exists() else []
        have_qt = {m.key for m in messages}
        expected_qt = {m.key for m in qt_extracted if lang != "en" or m.numerus}
        for key in sorted(expected_qt - have_qt):
            out.append(f"{ts_path(lang).name}: not extracted yet: {key[0]}: {key[1]!r}")
        for key in sorted(have_qt - expected_qt):
            out.append(f"{ts_path(lang).name}: no longer in the code: {key[0]}: {key[1]!r}")
        for m in messages:
            label = f"{ts_path(lang).name}: {m.context}: {m.source!r}"
            if not m.finished or not all(m.translations):
                out.append(f"{label}: unfinished")
                continue
            for form in m.translations:
                if placeholders(form) != placeholders(m.source) and not (
                        m.numerus and placeholders(form.replace("%n", "")) ==
                        placeholders(m.source.replace("%n", ""))):
                    out.append(f"{label}: placeholders {placeholders(form)} differ")
                if accelerators(form) > 1:
                    out.append(f"{label}: more than one & shortcut in {form!r}")
        with tempfile.TemporaryDirectory() as folder:
            fresh = Path(folder) / "fresh.qm"
            if ts_path(lang).exists():
                compile_qt(lang, fresh)
            if not qm_path(lang).exists() or not fresh.exists() or \
                    fresh.read_bytes() != qm_path(lang).read_bytes():
                out.append(f"{lang}: {qm_path(lang).name} is not compiled from the .ts "
                           "(run: python tools/i18n.py compile)")
    for filename, line, key in qt_calls():
        if key[0] == "" and key[2] in WRAPPERS:
            out.append(f"{filename}:{line}: pyside6-lupdate does not read {key[2]}(...); write "
                       "translate(\"Context\", \"text\") (translate = QCoreApplication.translate)")
        elif key not in qt_wanted:
            out.append(f"{filename}:{line}: pyside6-lupdate cannot read this call of "
                       f"translate({key[0]!r}, {key[1]!r}, ...); give a count as a plain name "
                       "(n = len(items); translate(..., None, n))")
    return out


# ---------------------------------------------------------------- commands
def cmd_update(langs: tuple[str, ...]) -> int:
    extracted = extract_qt()
    for lang in langs:
        new, dropped = update_gettext(lang)
        print(f"{po_path(lang).relative_to(ROOT)}: {new} new, {dropped} dropped")
    for lang in ("en", *langs):
        new, dropped = update_qt(lang, extracted)
        print(f"{ts_path(lang).relative_to(ROOT)}: {new} new, {dropped} dropped")
    return 0


def cmd_compile(langs: tuple[str, ...]) -> int:
    for lang in langs:
        mo_path(lang).write_bytes(compile_gettext(lang))
        print(f"wrote {mo_path(lang).relative_to(ROOT)}")
    for lang in ("en", *langs):
        compile_qt(lang, qm_path(lang))
        print(f"wrote {qm_path(lang).relative_to(ROOT)}")
    return 0


def cmd_check() -> int:
    found = problems()
    for line in found:
        print(line)
    print(f"{len(found)} problem(s)" if found else "catalogues complete and compiled")
    return 1 if found else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("update", "compile", "check", "add"))
    parser.add_argument("language", nargs="?", help="for 'add': the new language's code (de, ja)")
    args = parser.parse_args(argv)
    if args.command == "add":
        if not args.language or not re.fullmatch(r"[a-z]{2,3}", args.language):
            parser.error("add: give a language code such as de or ja")
        return cmd_update((args.language,))
    if args.command == "update":
        return cmd_update(LANGUAGES)
    if args.command == "compile":
        return cmd_compile(LANGUAGES)
    return cmd_check()


if __name__ == "__main__":
    sys.exit(main())
