"""search index: FTS5 over workshops, sections, wishes, focus areas and people

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

Design
------
``search_index`` is an ordinary FTS5 table (it keeps its own copy of the
indexed text, which ``snippet()`` needs). Its rowid comes from ``search_key``,
a plain table mapping a row's UUID to a stable integer, so triggers find the
index entry of a row through a primary key instead of scanning the index.
(The source tables' own rowids are not stable: VACUUM and Alembic's batch
rebuilds renumber them.)

SQL triggers on the five indexed tables keep the index in step inside the
same transaction as the edit, whoever writes (services, import, merge):

- a live row (``deleted_at IS NULL``) is in the index; a tombstoned or
  hard-deleted row is not, and restoring it puts it back;
- only edits of indexed columns touch the index (``UPDATE OF``), so
  reordering thousands of rows costs nothing here;
- trigger bodies mention only their own row, ``search_key`` and
  ``search_index``: rebuilding another table in batch mode cannot break them.
  A migration that rebuilds one of the five tables drops that table's
  triggers with it and must create them again (tests check they exist).

What is hidden by a parent in the trash (a workshop's sections and wishes, a
group's wishes, a trashed wish's sub-points, a project's workshops and focus
areas) is filtered when searching, by joining the live parents: the index
never has to be rewritten when a whole workshop goes to the trash and back.

GDPR: when a person's name, title or e-mail changes or the row is deleted,
the trigger also runs FTS5 ``optimize``. An FTS5 delete only adds delete
markers; the old terms stay in earlier index segments until they are merged.
Optimize merges every segment into one, so the old words are gone from the
index, and ``secure_delete`` (set on every connection) zeroes the freed pages.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# kind (also the table) → (title expression, body expression, indexed columns)
INDEXED: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "workshop": (
        "{r}.title",
        "trim({r}.venue || ' ' || {r}.case_reference || char(10) || {r}.lead, ' ' || char(10))",
        ("title", "venue", "case_reference", "lead"),
    ),
    "section": ("{r}.heading", "{r}.body", ("heading", "body")),
    "wish": ("{r}.text", "{r}.note", ("text", "note")),
    "focus_area": ("{r}.name", "{r}.narrative", ("name", "narrative")),
    "person": (
        "{r}.name",
        "trim({r}.title || ' ' || {r}.email)",
        ("name", "title", "email"),
    ),
}

# Merge every index segment so deleted terms do not linger (see module docstring).
PURGE = "INSERT INTO search_index(search_index) VALUES ('optimize');"


def _remove() -> str:
    return (
        "DELETE FROM search_index WHERE rowid = "
        "(SELECT id FROM search_key WHERE row_id = OLD.id);\n"
        "    DELETE FROM search_key WHERE row_id = OLD.id;"
    )


def _add(kind: str) -> str:
    title, body, _ = INDEXED[kind]
    return (
        "INSERT OR IGNORE INTO search_key(row_id) SELECT NEW.id WHERE NEW.deleted_at IS NULL;\n"
        "    INSERT INTO search_index(rowid, title, body, kind, row_id)\n"
        f"      SELECT k.id, coalesce({title.format(r='NEW')}, ''), "
        f"coalesce({body.format(r='NEW')}, ''), '{kind}', NEW.id\n"
        "      FROM search_key AS k WHERE k.row_id = NEW.id AND NEW.deleted_at IS NULL;"
    )


def trigger_sql(kind: str) -> list[str]:
    """CREATE TRIGGER statements that keep ``kind``'s rows in the index."""
    _, _, columns = INDEXED[kind]
    watched = ", ".join((*columns, "deleted_at", "id"))
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in (*columns, "deleted_at", "id"))
    personal = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)
    # Person rows carry personal data: purge old terms from the index at once.
    purge = f"\n    {PURGE}" if kind == "person" else ""
    purge_if_changed = (
        f"\n    INSERT INTO search_index(search_index) SELECT 'optimize' WHERE {personal};"
        if kind == "person" else ""
    )
    statements = [
        f"CREATE TRIGGER search_{kind}_ai AFTER INSERT ON {kind} BEGIN\n"
        f"    {_add(kind)}\nEND",
        f"CREATE TRIGGER search_{kind}_au AFTER UPDATE OF {watched} ON {kind}\n"
        f"WHEN {changed} BEGIN\n"
        f"    {_remove()}\n    {_add(kind)}{purge_if_changed}\nEND",
        f"CREATE TRIGGER search_{kind}_ad AFTER DELETE ON {kind} BEGIN\n"
        f"    {_remove()}{purge}\nEND",
    ]
    return statements


def trigger_names(kind: str) -> list[str]:
    return [f"search_{kind}_{suffix}" for suffix in ("ai", "au", "ad")]


# PostgreSQL: no copy of the text elsewhere. Each table has a generated
# ``search_document`` column (Swedish stemming, weights A for the title, B for
# the body) with a GIN index; an erased or changed row takes its words with it.
PG_CONFIG = "swedish"


# kind → (title, body) in PostgreSQL. An e-mail address is cut at its dots and
# @ (PostgreSQL's parser keeps it one token, so "odmark" would not find it).
PG_TEXTS: dict[str, tuple[str, str]] = {
    "workshop": ("{r}.title", "trim({r}.venue || ' ' || {r}.case_reference || chr(10) || "
                 "{r}.lead, ' ' || chr(10))"),
    "section": ("{r}.heading", "{r}.body"),
    "wish": ("{r}.text", "{r}.note"),
    "focus_area": ("{r}.name", "{r}.narrative"),
    "person": ("{r}.name", "trim({r}.title || ' ' || translate({r}.email, '.@_+-', '     '))"),
}


def pg_document(kind: str, row: str = "t") -> str:
    """The tsvector of one row of ``kind``: the search index's expression."""
    title, body = (x.format(r=row) for x in PG_TEXTS[kind])
    return (f"(setweight(to_tsvector('{PG_CONFIG}', coalesce({title}, '')), 'A')"
            f" || setweight(to_tsvector('{PG_CONFIG}', coalesce({body}, '')), 'B'))")


def _upgrade_postgresql() -> None:
    # A stored column, not an expression index: ranking reads it instead of parsing each
    # matching row's text again (services/search_server.py).
    for kind in INDEXED:
        op.execute(f"ALTER TABLE {kind} ADD COLUMN search_document tsvector "
                   f"GENERATED ALWAYS AS ({pg_document(kind, kind)}) STORED")
        op.execute(f"CREATE INDEX search_{kind} ON {kind} USING gin (search_document)")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _upgrade_postgresql()
        return
    op.execute(
        "CREATE TABLE search_key ("
        "id INTEGER PRIMARY KEY, "
        "row_id VARCHAR(36) NOT NULL CONSTRAINT uq_search_key_row_id UNIQUE)"
    )
    # unicode61 without diacritics removal: å, ä and ö are letters of their
    # own in Swedish ("år" is not "ar", "för" is not "for"); case still folds.
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "title, body, kind UNINDEXED, row_id UNINDEXED, "
        "tokenize = 'unicode61 remove_diacritics 0')"
    )
    for kind, (title, body, _) in INDEXED.items():
        op.execute(
            f"INSERT INTO search_key(row_id) SELECT id FROM {kind} WHERE deleted_at IS NULL"
        )
        op.execute(
            "INSERT INTO search_index(rowid, title, body, kind, row_id) "
            f"SELECT k.id, coalesce({title.format(r='t')}, ''), "
            f"coalesce({body.format(r='t')}, ''), '{kind}', t.id "
            f"FROM {kind} AS t JOIN search_key AS k ON k.row_id = t.id "
            "WHERE t.deleted_at IS NULL"
        )
        for statement in trigger_sql(kind):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for kind in INDEXED:
            op.execute(f"DROP INDEX IF EXISTS search_{kind}")
            op.execute(f"ALTER TABLE {kind} DROP COLUMN IF EXISTS search_document")
        return
    for kind in INDEXED:
        for name in trigger_names(kind):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS search_index")
    op.execute("DROP TABLE IF EXISTS search_key")
