"""Databases on the test server (FACILITATOR_TEST_POSTGRES_URL): a migrated template
once per run, and a fresh copy of it per test (CREATE DATABASE … TEMPLATE is fast)."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from sqlalchemy import make_url

_numbers = itertools.count()


def _url(base: str, database: str) -> str:
    return make_url(base).set(database=database).render_as_string(hide_password=False)


def _admin(base: str) -> psycopg.Connection:
    return psycopg.connect(_url(base, "postgres"), autocommit=True)


def drop_database(base: str, name: str) -> None:
    with _admin(base) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def create_template(base: str) -> str:
    from facilitator.store.server import open_server_database

    name = f"facilitator_template_{os.getpid()}"
    drop_database(base, name)
    with _admin(base) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    open_server_database(_url(base, name)).dispose()
    return name


@contextmanager
def fresh_database(base: str, template: str) -> Iterator[str]:
    name = f"facilitator_test_{os.getpid()}_{next(_numbers)}"
    with _admin(base) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        yield _url(base, name)
    finally:
        drop_database(base, name)
