"""Make any string acceptable to python-docx / Word's XML, right before writing it.

SQLite stores control characters, lone surrogates and non-characters happily;
python-docx refuses them ("All strings must be XML compatible"). ``\\x0b``
(Word's soft line break) and ``\\r`` become ``\\n``, which the writer turns
into a line break; a form feed becomes a line break too; the rest is removed.
"""

from __future__ import annotations

import re

_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("\r\n|[\r\x0b\x0c]")


def xml_safe(text: str) -> str:
    """``text`` with XML-illegal characters removed and every line break as ``\\n``."""
    if text.isprintable():
        return text
    return _ILLEGAL.sub("", _BREAKS.sub("\n", text))
