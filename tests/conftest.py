"""Shared fixtures: offscreen Qt, a private data folder, a migrated store per test."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from facilitator.services.core import Store
from facilitator.store.migrate import open_database


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> Path:
    """Never touch the real user folders: data, logs and settings go to a temp folder."""
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def _no_drafts_between_tests() -> Iterator[None]:
    """Each test starts with no draft keeper; one a test installs ends with it."""
    yield
    import sys

    drafts = sys.modules.get("facilitator.ui.drafts")
    if drafts is not None:
        drafts.install(None)


@pytest.fixture(autouse=True)
def _errors_in_swedish() -> Iterator[None]:
    """Error messages in the app's default language, Swedish, also where no window is open
    (the services' own tests); a test in English uses the ``english`` fixture."""
    from facilitator import messages

    messages.use_language("sv")
    yield
    messages.use_language(None)


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database migrated to head once per run; each test gets a copy."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    open_database(path).dispose()
    return path


@pytest.fixture
def db_path(tmp_path: Path, _template_db: Path) -> Path:
    target = tmp_path / "facilitator.sqlite3"
    shutil.copyfile(_template_db, target)
    target.chmod(0o600)
    return target


# The store's tests run on SQLite and, when this names a server, on PostgreSQL too
# (.ci/run starts a throwaway cluster: tools/pg_cluster.sh).
POSTGRES_URL = os.environ.get("FACILITATOR_TEST_POSTGRES_URL", "")
BACKENDS = ["sqlite", "postgresql"] if POSTGRES_URL else ["sqlite"]
NO_SERVER = "FACILITATOR_TEST_POSTGRES_URL names no server"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test of the store, services, search, erasure and merge that takes ``store``
    runs once per backend. Window tests and tests that work on the database file
    (``db_path``: backups, copies to a second laptop) stay on SQLite."""
    path = str(metafunc.definition.path)
    if metafunc.definition.get_closest_marker("postgres_only") is not None:
        if "store" in metafunc.fixturenames:
            metafunc.parametrize("backend", ["postgresql"] if POSTGRES_URL else [
                pytest.param("postgresql", marks=pytest.mark.skip(reason=NO_SERVER))],
                indirect=True)
        return
    if "store" in metafunc.fixturenames and "db_path" not in metafunc.fixturenames \
            and f"{os.sep}gui{os.sep}" not in path \
            and metafunc.definition.get_closest_marker("sqlite_only") is None:
        metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def _postgres_template() -> Iterator[str]:
    """A server database migrated to head once per run; each test gets a copy."""
    from tests.postgres import create_template, drop_database

    name = create_template(POSTGRES_URL)
    yield name
    drop_database(POSTGRES_URL, name)


@pytest.fixture
def server_database(request: pytest.FixtureRequest) -> Iterator[str]:
    """The address of a fresh, migrated database on the test server (skips without one)."""
    if not POSTGRES_URL:
        pytest.skip(NO_SERVER)
    from tests.postgres import fresh_database

    with fresh_database(POSTGRES_URL, request.getfixturevalue("_postgres_template")) as url:
        yield url


@pytest.fixture
def store(request: pytest.FixtureRequest, backend: str) -> Iterator[Store]:
    if backend == "postgresql":
        from facilitator.store.server import make_server_engine

        s = Store(make_server_engine(request.getfixturevalue("server_database")))
        yield s
        s.close()
        return
    s = Store(open_database(request.getfixturevalue("db_path")))
    yield s
    s.close()


@pytest.fixture
def laptops(db_path: Path, tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    """Two laptops' databases (#14): A is ``db_path``; B a copy of the empty template, so
    each gets its own device id at its first write."""
    other = tmp_path / "b.sqlite3"
    shutil.copyfile(db_path, other)
    a, b = Store(open_database(db_path)), Store(open_database(other))
    try:
        yield a, b
    finally:
        a.close()
        b.close()


@pytest.fixture
def colleagues(server_database: str) -> Iterator[tuple[Store, Store]]:
    """Two users' stores on one server database (#15); skips without a test server."""
    from facilitator.store.server import make_server_engine

    first, second = (Store(make_server_engine(server_database)) for _ in range(2))
    try:
        yield first, second
    finally:
        first.close()
        second.close()


@pytest.fixture
def server(server_database: str) -> Iterator[Store]:
    """A store on the test server's fresh database (#15); skips without a test server."""
    from facilitator.store.server import open_server_database

    store = Store(open_server_database(server_database))
    yield store
    store.close()


@pytest.fixture
def memory_keyring() -> Iterator[object]:
    """A real keyring backend in memory, and no password in the session (#15)."""
    from tests.passwords import keyring_in_memory

    with keyring_in_memory() as backend:
        yield backend


@pytest.fixture
def pw_address(server_database: str) -> str:
    """The test database's address for the role that must give a password (#15)."""
    from tests.passwords import password_login, server_asks_for_password

    address = password_login(server_database)
    if not server_asks_for_password(address):
        pytest.skip("this server trusts pw_only: start it with tools/pg_cluster.sh")
    return address
