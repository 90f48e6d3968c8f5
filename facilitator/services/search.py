"""Full-text search across workshops, agenda items, wishes, focus areas and people.

The index (``search_index``, SQLite FTS5) is kept in step by SQL triggers
created in migration 0002; this module only reads it. What the user types is
never handed to FTS5 as query syntax: it is cut into words the way the index
tokenizer cuts text, and each word becomes a quoted prefix term, so quotes,
parentheses, AND/OR/NOT/NEAR, ``*``, ``-``, ``:`` or emoji are just text.

Rows hidden by a parent in the trash (a workshop's sections and wishes, a
group's wishes, the sub-points of a trashed wish, a project's workshops and
focus areas) are filtered here, by joining the live parents.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import text as sql

from facilitator.services.core import Store

# Around each match in SearchHit.snippet; clean_text() removes these control
# characters from everything stored, so they can only come from the search.
MARK_START = "\x02"
MARK_END = "\x03"
ELLIPSIS = "…"

KINDS = ("workshop", "section", "wish", "focus_area", "person")

MAX_WORDS = 16
MAX_WORD_LENGTH = 64
SNIPPET_TOKENS = 14
TITLE_WEIGHT = 4.0  # a match in a title or name counts more than one in a body

# Letters and digits: the unicode61 tokenizer's token characters. Everything
# else (punctuation, symbols, emoji, marks, "_", controls) separates words.
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class SearchHit:
    """One search result: where it is and a marked-up piece of its text.

    ``workshop_id`` is set for workshops, sections and wishes; ``project_id``
    for those and for focus areas; people belong to neither. ``snippet`` is
    plain text with MARK_START/MARK_END around each matched word (see
    ``snippet_parts``); ``place`` names the workshop (sections, wishes) or the
    project (workshops, focus areas) the hit belongs to.
    """

    kind: str
    row_id: str
    workshop_id: str | None
    project_id: str | None
    title: str
    snippet: str
    place: str = ""


def query_words(text: object) -> list[str]:
    """The words of ``text`` as the index sees them (NFC, at most MAX_WORDS)."""
    if not isinstance(text, str):
        return []
    text = text.encode("utf-8", "replace").decode("utf-8")  # no lone surrogates
    text = unicodedata.normalize("NFC", text)
    return [w[:MAX_WORD_LENGTH] for w in _WORD.findall(text)][:MAX_WORDS]


def fts_query(text: object) -> str:
    """A safe FTS5 MATCH expression: every word a quoted prefix term, all required.

    Empty when ``text`` has no words.
    """
    return " ".join('"' + word.replace('"', '""') + '"*' for word in query_words(text))


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """Split a marked snippet into (text, is_match) pieces, markers removed."""
    parts: list[tuple[str, bool]] = []
    matched = False
    for piece in re.split(f"([{MARK_START}{MARK_END}])", snippet):
        if piece == MARK_START:
            matched = True
        elif piece == MARK_END:
            matched = False
        elif piece:
            parts.append((piece, matched))
    return parts


# Joins that find each hit's workshop and project; ``si`` is the index row.
_PLACES = """
LEFT JOIN section AS se ON si.kind = 'section' AND se.id = si.row_id
LEFT JOIN wish AS wi ON si.kind = 'wish' AND wi.id = si.row_id
LEFT JOIN work_group AS g ON g.id = wi.group_id
LEFT JOIN focus_area AS fa ON si.kind = 'focus_area' AND fa.id = si.row_id
LEFT JOIN workshop AS w ON w.id = CASE si.kind WHEN 'workshop' THEN si.row_id
                                               WHEN 'section' THEN se.workshop_id
                                               WHEN 'wish' THEN g.workshop_id END
LEFT JOIN project AS p ON p.id = coalesce(w.project_id, fa.project_id)
"""

# ORDER BY the FTS5 ``rank`` column lets FTS5 hand back matches best first, so
# snippets (the costly part) are only made for the rows actually returned.
_SEARCH = f"""
SELECT si.kind, si.row_id, si.title,
       snippet(search_index, -1, :mark_start, :mark_end, :ellipsis, :tokens),
       CASE si.kind WHEN 'workshop' THEN si.row_id ELSE w.id END,
       coalesce(w.project_id, fa.project_id),
       CASE WHEN si.kind IN ('section', 'wish') THEN w.title
            WHEN si.kind IN ('workshop', 'focus_area') THEN p.name
            ELSE '' END
FROM search_index AS si
{_PLACES}
WHERE search_index MATCH :query
  AND si.rank MATCH 'bm25({TITLE_WEIGHT}, 1.0)'
  AND g.deleted_at IS NULL
  AND w.deleted_at IS NULL
  AND p.deleted_at IS NULL
  AND (wi.parent_id IS NULL OR NOT EXISTS (
        WITH RECURSIVE up(id, parent_id, deleted_at) AS (
            SELECT id, parent_id, deleted_at FROM wish WHERE id = wi.parent_id
            UNION
            SELECT x.id, x.parent_id, x.deleted_at FROM wish AS x JOIN up ON x.id = up.parent_id
        )
        SELECT 1 FROM up WHERE deleted_at IS NOT NULL))
ORDER BY si.rank
LIMIT :limit
"""


def search(store: Store, text: str, limit: int = 50) -> list[SearchHit]:
    """The best ``limit`` live matches for ``text``, best first (bm25 rank).

    Never raises on what a user can type; text without words gives [].
    """
    query = fts_query(text)
    if not query or limit <= 0:
        return []
    params = {
        "query": query,
        "limit": int(limit),
        "mark_start": MARK_START,
        "mark_end": MARK_END,
        "ellipsis": ELLIPSIS,
        "tokens": SNIPPET_TOKENS,
    }
    with store.read() as session:
        if session.get_bind().dialect.name == "postgresql":
            from facilitator.services import search_server

            rows = search_server.run(session, query_words(text), int(limit),
                                     (MARK_START, MARK_END), ELLIPSIS, SNIPPET_TOKENS)
        else:
            rows = [tuple(row) for row in session.execute(sql(_SEARCH), params)]
    return [
        SearchHit(kind, row_id, workshop_id, project_id, title or "", snippet or "", place or "")
        for kind, row_id, title, snippet, workshop_id, project_id, place in rows
    ]
