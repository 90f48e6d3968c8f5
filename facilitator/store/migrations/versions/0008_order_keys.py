"""order keys: position is a number between the neighbours' keys

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05

Format 4 of docs/data-model.md (#14): a row moved or inserted gets an order
key between its neighbours' (services/order_keys.py), so ``position`` holds
fractions. On PostgreSQL the columns become double precision. On SQLite
nothing changes: a column of INTEGER affinity keeps 2.5 as a REAL and 2.0 as
the integer 2, and rebuilding ten tables would only drop their search
triggers for nothing.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TABLES = ("focus_area", "key_figure", "section", "work_group", "workshop_role",
          "group_focus_area", "wish", "action", "review", "responsible")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.alter_column(table, "position", type_=sa.Float(), existing_type=sa.Integer(),
                        existing_nullable=False)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:  # keys in list order, 0, 1, 2, …: what the integers were
        op.execute(f"""
            UPDATE {table} AS t SET position = r.n FROM (
                SELECT id, row_number() OVER (ORDER BY position, id) - 1 AS n FROM {table}
            ) AS r WHERE r.id = t.id AND t.position <> r.n""")
        op.alter_column(table, "position", type_=sa.Integer(), existing_type=sa.Float(),
                        existing_nullable=False, postgresql_using="position::integer")
