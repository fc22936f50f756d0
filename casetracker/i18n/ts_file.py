"""Reading Qt Linguist .ts files without Qt: for the checks in tests/i18n and for English plurals.

A .ts file is XML: ``<context><name>…</name><message [numerus="yes"]><source>…</source>
[<comment>…</comment>]<translation [type="unfinished|vanished|obsolete"]>…</translation>``,
where a plural message holds one ``<numerusform>`` per plural form of the language.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

# Plural forms per language, as Qt counts them (English: one, other; Russian: one, few, many).
PLURAL_FORMS = {"en": 2, "ru": 3}


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    translations: tuple[str, ...]
    state: str  # "" (finished), "unfinished", "vanished" or "obsolete"

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)


def read(path: Path) -> list[Message]:
    root = ET.parse(path).getroot()
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                texts: tuple[str, ...] = ()
                state = "unfinished"
            else:
                forms = translation.findall("numerusform")
                texts = tuple((f.text or "") for f in forms) if forms else (translation.text or "",)
                state = translation.get("type", "")
            out.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    numerus=message.get("numerus") == "yes",
                    translations=texts,
                    state=state,
                )
            )
    return out


def language(path: Path) -> str:
    return (ET.parse(path).getroot().get("language") or "").split("_")[0]


def english_forms(source: str) -> tuple[str, str]:
    """ "%n day(s)" → ("%n day", "%n days"); a source without "(s)" is its own plural."""
    return source.replace("(s)", ""), source.replace("(s)", "s")


def fill_english_plurals(path: Path) -> int:
    """Give every new plural message of the English catalogue its two forms; returns how many."""
    tree = ET.parse(path)
    filled = 0
    for message in tree.getroot().iter("message"):
        if message.get("numerus") != "yes":
            continue
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if translation.get("type") in ("vanished", "obsolete"):
            continue
        if translation.get("type") != "unfinished" and any(
            (f.text or "").strip() for f in translation.findall("numerusform")
        ):
            continue  # already written (perhaps corrected by hand: "%n record was changed")
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        translation.attrib.pop("type", None)
        for form in english_forms(message.findtext("source") or ""):
            ET.SubElement(translation, "numerusform").text = form
        filled += 1
    write(tree.getroot(), path)
    return filled


def write(root: ET.Element, path: Path) -> None:
    """Write a .ts the way Linguist expects (XML declaration and doctype first)."""
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def unfinished(path: Path) -> list[Message]:
    """The messages still waiting for a translation (what a translator is handed)."""
    return [
        m
        for m in read(path)
        if m.state == "unfinished" or not any(t.strip() for t in m.translations)
    ]


def fill(path: Path, translations: dict[str, dict[str, str | list[str]]]) -> int:
    """Write translations given as {context: {source: text or [plural forms]}}; returns how many.

    Lets a translator (or a script) answer the unfinished messages in bulk without Linguist;
    a source that is not in the catalogue is ignored, so run ``update`` first.
    """
    tree = ET.parse(path)
    filled = 0
    for context in tree.getroot().iter("context"):
        wanted = translations.get(context.findtext("name") or "")
        if not wanted:
            continue
        for message in context.iter("message"):
            text = wanted.get(message.findtext("source") or "")
            if text is None:
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            for child in list(translation):
                translation.remove(child)
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                translation.text = None
                for form in [text] if isinstance(text, str) else text:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = text if isinstance(text, str) else text[0]
            filled += 1
    write(tree.getroot(), path)
    return filled
