"""Text normalisation shared by every service that stores user text.

Documented normalisation (see docs/package-format.md, "Text normalisation"):
- lone surrogates are removed (they cannot be stored as UTF-8);
- line endings become "\\n": "\\r\\n", "\\r", "\\x0b" (Word's soft line
  break), U+0085 (next line), U+2028 (line separator) and U+2029 (paragraph
  separator, as browsers and e-mail programs paste it);
- C0 controls other than tab and newline, DEL, C1 controls and the
  non-characters U+FFFE/U+FFFF are removed: they are illegal in Word's XML
  or never meant as text, and would otherwise break an export next week;
- invisible characters that only get in the way of search and editing are
  removed: zero-width space U+200B, the byte order mark / zero-width no-break
  space U+FEFF and the soft hyphen U+00AD (Word and web pages paste them;
  Word hyphenates the minutes itself). The zero-width joiner and non-joiner
  (U+200D, U+200C) are KEPT: emoji sequences and some scripts need them;
- Unicode NFC;
- multi-line fields lose leading and trailing blank lines; single-line fields
  also turn runs of newlines, tabs and spaces into one space and are stripped.

Everything else is kept as typed: no-break spaces, typographic quotes and
dashes, right-to-left text and its direction marks, emoji. ``clean_text`` is
idempotent, and it is the one normaliser: the services, the package import
and the paste handlers all use it.
"""

from __future__ import annotations

import re
import unicodedata

_SURROGATES = re.compile("[\ud800-\udfff]")
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x85\u2028\u2029]")
_ILLEGAL = re.compile("[\x00-\x08\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_INVISIBLE = re.compile("[\u00ad\u200b\ufeff]")
_SPACES = re.compile(r"[ \t\n]+")


def clean_text(value: str, *, multiline: bool = True) -> str:
    """Return ``value`` normalised as described in the module docstring."""
    text = _SURROGATES.sub("", value)
    text = _LINE_BREAKS.sub("\n", text)
    text = _ILLEGAL.sub("", text)
    text = _INVISIBLE.sub("", text)
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
