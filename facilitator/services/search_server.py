"""Full-text search on a PostgreSQL server (#15): the same hits as on SQLite.

Each of the five searchable tables has a stored ``search_document`` of its
words with Swedish stemming and a GIN index on it (migration 0002), so
"förening" finds "föreningarna". Every
word the user typed becomes a prefix term, all required; the words come from
``search.query_words``, letters and digits only, so nothing typed is query
syntax. Snippets come from ``ts_headline`` with the same marks as SQLite's.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text as sql

CONFIG = "swedish"
ELLIPSIS_OPTION = '"…"'
# Written out in each table's branch, not read from a CTE: the planner then estimates
# how many rows match from the column's statistics and picks hash joins for a common
# word (20,000 matches), not nested loops.
QUERY = f"to_tsquery('{CONFIG}', :query)"

# kind → (title, body as shown in a hit, and the hit's own place: its group, parent
# wish, workshop and project, as far as the row itself knows them).
HITS: dict[str, tuple[str, str, str]] = {
    "workshop": ("t.title",
                 "trim(t.venue || ' ' || t.case_reference || chr(10) || t.lead, ' ' || chr(10))",
                 "NULL, NULL, t.id, t.project_id"),
    "section": ("t.heading", "t.body", "NULL, NULL, t.workshop_id, NULL"),
    "wish": ("t.text", "t.note", "t.group_id, t.parent_id, NULL, NULL"),
    "focus_area": ("t.name", "t.narrative", "NULL, NULL, NULL, t.project_id"),
    "person": ("t.name", "trim(t.title || ' ' || t.email)", "NULL, NULL, NULL, NULL"),
}


def ts_query(words: list[str]) -> str:
    """``word:*`` terms joined by AND; each word is letters and digits only."""
    return " & ".join(f"'{word}':*" for word in words)


def search_sql() -> str:
    """The query. Each table's stored ``search_document`` (migration 0002) is matched
    through its GIN index and ranked without parsing the text again; only the best
    ``:candidates`` are then placed and checked against the trash (a hit carries its own
    group and parent), so a common word among 200,000 wishes does not join 20,000 rows
    (benchmarks/server.py). ``:candidates`` NULL: every match."""
    hits = "\nUNION ALL\n".join(
        f"SELECT '{kind}' AS kind, t.id AS row_id, {title} AS title, "
        f"coalesce({body}, '') AS body, ts_rank(t.search_document, {QUERY}) AS rank, "
        + ", ".join(f"{column}::varchar AS {name}" for column, name in zip(
            place.split(", "), ("group_id", "parent_id", "workshop_id", "project_id"),
            strict=True))
        + f" FROM {kind} AS t WHERE t.search_document @@ {QUERY} AND t.deleted_at IS NULL"
        for kind, (title, body, place) in HITS.items())
    return f"""
WITH q AS (SELECT to_tsquery('{CONFIG}', :query) AS q),
found AS (
  SELECT si.kind, si.row_id, si.title, si.body, si.rank, w.id AS workshop_id,
         coalesce(w.project_id, si.project_id) AS project_id,
         CASE WHEN si.kind IN ('section', 'wish') THEN w.title
              WHEN si.kind IN ('workshop', 'focus_area') THEN p.name
              ELSE '' END AS place
  FROM (SELECT * FROM ({hits}) AS h ORDER BY h.rank DESC, h.row_id
        LIMIT :candidates) AS si
  LEFT JOIN work_group AS g ON g.id = si.group_id
  LEFT JOIN workshop AS w ON w.id = coalesce(si.workshop_id, g.workshop_id)
  LEFT JOIN project AS p ON p.id = coalesce(w.project_id, si.project_id)
  WHERE g.deleted_at IS NULL
    AND w.deleted_at IS NULL
    AND p.deleted_at IS NULL
    AND (si.parent_id IS NULL OR NOT EXISTS (
          WITH RECURSIVE up(id, parent_id, deleted_at) AS (
              SELECT id, parent_id, deleted_at FROM wish WHERE id = si.parent_id
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


def run(session: Any, words: list[str], limit: int, marks: tuple[str, str],
        ellipsis: str, tokens: int) -> list[tuple[Any, ...]]:
    params = {"query": ts_query(words), "limit": limit,
              "options": headline_options(marks[0], marks[1], tokens),
              "candidates": limit * 2 + 20}
    rows = session.execute(sql(search_sql()), params).all()
    if len(rows) < limit:  # fewer matches, or the best were hidden by the trash: all of them
        rows = session.execute(sql(search_sql()), {**params, "candidates": None}).all()
    return [(kind, row_id, title, with_ellipses(source or "", headline or "", marks, ellipsis),
             workshop_id, project_id, place)
            for kind, row_id, title, workshop_id, project_id, place, source, headline in rows]
