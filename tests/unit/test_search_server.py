"""Search on a PostgreSQL server (#15): Swedish stemming, and the queries use the indexes.

Runs only when FACILITATOR_TEST_POSTGRES_URL names a server; every test of
tests/unit/test_search.py runs there too (the ``store`` fixture's backends).
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from facilitator.services import groups, projects, search, search_server, wishes, workshops
from facilitator.services.core import Store

pytestmark = pytest.mark.postgres_only


def _group(store: Store) -> str:
    project = projects.create_project(store, "Ängsö byalag")
    workshop = workshops.create_workshop(store, project, "Vårmöte i bygdegården")
    return groups.create_group(store, workshop, name="Grupp ett")


def test_swedish_stemming_finds_other_forms_of_a_word(store: Store) -> None:
    group = _group(store)
    wish = wishes.add_wish(store, group, "Föreningen vill ha fler bänkar")
    other = wishes.add_wish(store, group, "Alla föreningarna i byn samarbetar")
    assert {hit.row_id for hit in search.search(store, "föreningar")} == {wish, other}
    assert {hit.row_id for hit in search.search(store, "förening")} == {wish, other}
    assert search.search(store, "bänk")[0].row_id == wish  # a prefix, as on SQLite


def test_a_wish_search_reads_the_index_not_every_row(store: Store) -> None:
    group = _group(store)
    for n in range(50):
        wishes.add_wish(store, group, f"Bänkar vid ån nummer {n}")
    with store.read() as session:
        session.execute(text("SET LOCAL enable_seqscan = off"))
        plan = "\n".join(session.execute(text(
            "EXPLAIN SELECT id FROM wish WHERE search_document "
            "@@ to_tsquery('swedish', 'bänk:*')")).scalars())
    assert "search_wish" in plan
    assert "search_document" in search_server.search_sql()  # the search reads the column
