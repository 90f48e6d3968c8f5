"""Replace known person names by their role or organisation, for publication.

Every occurrence of a known person's full name (any case, any spacing, also
with a genitive "s": "Anna Eks förslag") is replaced, longest names first, so
free-text fields (moderator, project leader) and Markdown bodies are covered
as well as the structured ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


class Anonymiser:
    """Maps known names to stand-ins; ``apply`` is the identity when disabled."""

    def __init__(self, names: Iterable[tuple[str, str]], enabled: bool = True) -> None:
        self.enabled = enabled
        self.replacements = 0  # names replaced so far, in texts and in structured places
        self.replaced: set[str] = set()  # which names (casefolded)
        self._stand_in: dict[str, str] = {}
        for name, stand_in in names:
            key = _key(name)
            if len(key) >= 2 and key not in self._stand_in:
                self._stand_in[key] = stand_in
        self._pattern: re.Pattern[str] | None = None
        if enabled and self._stand_in:
            alternatives = sorted(self._stand_in, key=len, reverse=True)
            body = "|".join(r"\s+".join(map(re.escape, k.split(" "))) for k in alternatives)
            self._pattern = re.compile(rf"(?<!\w)(?:{body})(?=s?(?!\w))", re.IGNORECASE)

    def apply(self, text: str) -> str:
        if self._pattern is None or not text:
            return text
        return self._pattern.sub(self._replace, text)

    def stand_in(self, name: str) -> str:
        return self._stand_in.get(_key(name), name)

    def _replace(self, match: re.Match[str]) -> str:
        key = _key(match.group(0))
        if key not in self._stand_in:
            return match.group(0)
        self.note(key)
        return self._stand_in[key]

    def note(self, name: str) -> None:
        """Count a replacement made outside ``apply`` (a name in the attendance list…)."""
        self.replacements += 1
        self.replaced.add(_key(name))

    def names(self) -> list[str]:
        return list(self._stand_in)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()
