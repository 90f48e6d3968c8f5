"""Full-text search on a PostgreSQL server (#15): the same hits as on SQLite.

Each of the five searchable tables has a GIN index over its own words with
Swedish stemming (migration 0002), so "förening" finds "föreningarna". The
expressions below must stay exactly those of the indexes, or the server reads
every row instead (tests/unit/test_search_server.py compares them). Every
word the user typed becomes a prefix term, all required; the words come from
``search.query_words``, letters and digits only, so nothing typed is query
syntax. Snippets come from ``ts_headline`` with the same marks as SQLite's.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text as sql

CONFIG = "swedish"
ELLIPSIS_OPTION = '"…"'

# kind → (title expression, body expression): migration 0002's INDEXED, in PostgreSQL.
TEXTS: dict[str, tuple[str, str]] = {
    "workshop": ("t.title",
                 "trim(t.venue || ' ' || t.case_reference || chr(10) || t.lead, ' ' || chr(10))"),
    "section": ("t.heading", "t.body"),
    "wish": ("t.text", "t.note"),
    "focus_area": ("t.name", "t.narrative"),
    "person": ("t.name", "trim(t.title || ' ' || translate(t.email, '.@_+-', '     '))"),
}


# What a hit shows where the index cuts the text differently (an e-mail address whole).
SHOWN_BODY = {"person": "trim(t.title || ' ' || t.email)"}


def document(kind: str) -> str:
    title, body = TEXTS[kind]
    return (f"(setweight(to_tsvector('{CONFIG}', coalesce({title}, '')), 'A')"
            f" || setweight(to_tsvector('{CONFIG}', coalesce({body}, '')), 'B'))")


def ts_query(words: list[str]) -> str:
    """``word:*`` terms joined by AND; each word is letters and digits only."""
    return " & ".join(f"'{word}':*" for word in words)


_HITS = "\nUNION ALL\n".join(
    f"SELECT '{kind}' AS kind, t.id AS row_id, {title} AS title, "
    f"coalesce({SHOWN_BODY.get(kind, body)}, '') AS body, "
    f"ts_rank({document(kind)}, q.q) AS rank FROM {kind} AS t, q "
    f"WHERE {document(kind)} @@ q.q AND t.deleted_at IS NULL"
    for kind, (title, body) in TEXTS.items())


def search_sql(places: str) -> str:
    """The query; ``places`` is search._PLACES (the joins to each hit's workshop and
    project, shared with SQLite)."""
    return f"""
WITH q AS (SELECT to_tsquery('{CONFIG}', :query) AS q),
found AS (
  SELECT si.kind, si.row_id, si.title, si.body, si.rank,
         CASE si.kind WHEN 'workshop' THEN si.row_id ELSE w.id END AS workshop_id,
         coalesce(w.project_id, fa.project_id) AS project_id,
         CASE WHEN si.kind IN ('section', 'wish') THEN w.title
              WHEN si.kind IN ('workshop', 'focus_area') THEN p.name
              ELSE '' END AS place
  FROM ({_HITS}) AS si
  {places}
  WHERE g.deleted_at IS NULL
    AND w.deleted_at IS NULL
    AND p.deleted_at IS NULL
    AND (wi.parent_id IS NULL OR NOT EXISTS (
          WITH RECURSIVE up(id, parent_id, deleted_at) AS (
              SELECT id, parent_id, deleted_at FROM wish WHERE id = wi.parent_id
              UNION
              SELECT x.id, x.parent_id, x.deleted_at FROM wish AS x
              JOIN up ON x.id = up.parent_id
          )
          SELECT 1 FROM up WHERE deleted_at IS NOT NULL))
  ORDER BY si.rank DESC, si.row_id
  LIMIT :limit
)
SELECT f.kind, f.row_id, f.title, f.workshop_id, f.project_id, f.place, shown.text,
       ts_headline('{CONFIG}', shown.text, q.q, :options)
FROM found AS f CROSS JOIN q
CROSS JOIN LATERAL (SELECT CASE WHEN to_tsvector('{CONFIG}', coalesce(f.title, '')) @@ q.q
                                  OR f.body = '' THEN coalesce(f.title, '')
                                ELSE f.body END AS text) AS shown
ORDER BY f.rank DESC, f.row_id
"""


def headline_options(mark_start: str, mark_end: str, tokens: int) -> str:
    return (f'StartSel="{mark_start}", StopSel="{mark_end}", MaxWords={tokens}, '
            f"MinWords={max(1, tokens // 3)}, ShortWord=0, MaxFragments=1, "
            f"FragmentDelimiter={ELLIPSIS_OPTION}")


def with_ellipses(source: str, headline: str, marks: tuple[str, str], ellipsis: str) -> str:
    """An ellipsis where the headline cuts the text, as SQLite's snippet() puts them."""
    plain = headline.replace(marks[0], "").replace(marks[1], "")
    if not plain or plain == source:
        return headline
    head = source.startswith(plain[: max(1, len(plain) // 2)].rstrip())
    tail = source.rstrip().endswith(plain.rstrip()[-max(1, len(plain) // 2):])
    return ("" if head else ellipsis) + headline + ("" if tail else ellipsis)


def run(session: Any, words: list[str], limit: int, places: str, marks: tuple[str, str],
        ellipsis: str, tokens: int) -> list[tuple[Any, ...]]:
    rows = session.execute(sql(search_sql(places)), {
        "query": ts_query(words), "limit": limit,
        "options": headline_options(marks[0], marks[1], tokens)}).all()
    return [(kind, row_id, title, with_ellipses(source or "", headline or "", marks, ellipsis),
             workshop_id, project_id, place)
            for kind, row_id, title, workshop_id, project_id, place, source, headline in rows]
