"""Every table of a test database, on either backend (for snapshots of what was written)."""

from __future__ import annotations

from sqlalchemy import Connection, inspect, text


def table_names(connection: Connection) -> list[str]:
    """SQLite: every table, FTS5's shadow tables (the search index's own copy) included;
    PostgreSQL: the tables of the current schema."""
    if connection.dialect.name == "sqlite":
        return [r[0] for r in connection.execute(text(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"))]
    return sorted(inspect(connection).get_table_names())
