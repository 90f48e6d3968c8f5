"""Text normalisation shared by every service that stores user text.

Documented normalisation (see docs/package-format.md):
- lone surrogates are removed (they cannot be stored as UTF-8);
- Unicode NFC;
- line endings become "\\n"; "\\x0b" (Word's soft line break) becomes "\\n";
- C0 controls other than tab and newline, DEL, C1 controls and the
  non-characters U+FFFE/U+FFFF are removed: they are illegal in Word's XML
  or never meant as text, and would otherwise break an export next week;
- single-line fields also turn newlines and tabs into spaces and are stripped.
"""

from __future__ import annotations

import re
import unicodedata

_SURROGATES = re.compile("[\ud800-\udfff]")
_ILLEGAL = re.compile("[\x00-\x08\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\n]+")


def clean_text(value: str, *, multiline: bool = True) -> str:
    """Return ``value`` normalised as described in the module docstring."""
    text = _SURROGATES.sub("", value)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    text = _ILLEGAL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if multiline:
        return text.strip("\n")
    return _SPACES.sub(" ", text).strip()


def is_xml_safe(value: str) -> bool:
    """True when ``value`` contains nothing Word's XML would refuse."""
    return not (_SURROGATES.search(value) or _ILLEGAL.search(value.replace("\x0b", "")))


# Swedish alphabetical order: a–z, then å, ä, ö (æ and ø sort as ä and ö).
_SWEDISH_LAST = {"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}"}


def sort_key(value: str) -> tuple[str, str]:
    """Key that sorts names the Swedish way: case-insensitive, é with e, å ä ö last.

    SQLite's own ORDER BY compares code points, which puts "Ärla" before "Åsa"
    and "af Klint" after "Östen".
    """
    letters = []
    for char in unicodedata.normalize("NFC", value).casefold():
        last = _SWEDISH_LAST.get(char)
        letters.append(last if last else unicodedata.normalize("NFD", char)[0])
    return "".join(letters), value
