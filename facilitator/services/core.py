"""The unit of work every service runs in, validation, and change reporting.

Services are the only writers. Each opens one short transaction with
``store.write()``, records what it changed, and the store announces the change
to its subscribers (the GUI's change bus) after the commit has returned.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import Connection, Engine, event, select
from sqlalchemy.exc import OperationalError

from facilitator.messages import Source, TranslatedError, tr
from facilitator.services.order_keys import append_key
from facilitator.store.stamping import Stamper, WrittenSinceError
from facilitator.store.vocabulary import utcnow
from facilitator.text import clean_text

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement
    from sqlalchemy.orm import InstrumentedAttribute, Session, sessionmaker

    from facilitator.store.models import Base, Tracked
    from facilitator.store.server_changes import ChangeListener

T = TypeVar("T", bound="Base")
E = TypeVar("E", bound=enum.Enum)


MAX_LINE = 500
MAX_BODY = 5_000_000


class ServiceError(TranslatedError):
    """An operation the user asked for could not be done; the message says why.

    ``message`` is English source text marked with ``tr`` and ``params`` fill its
    ``{placeholders}``; it is translated where it is shown (facilitator.messages).
    """


class ValidationError(ServiceError):
    """The input was not acceptable."""


class NotFoundError(ServiceError):
    """The thing to change does not exist (or is in the trash)."""


class ChangedSinceError(ServiceError):
    """An edit refused: another user (or a package) wrote the value since it was read."""


def unchanged_since(current: object, expected: object, what: Source) -> None:
    """Optimistic concurrency (#15): refuse to store over a value someone else changed
    after the user read it (``expected``: what the user's edit started from; None: no
    check). The page shows the new value; the user's text stays where it was typed."""
    if expected is not None and current != expected:
        raise ChangedSinceError(tr(
            "someone else changed {what} meanwhile. Your text was not stored over theirs; "
            "it is still where you typed it, so you can compare and store it again."),
            what=what)


def _as_shown(value: object) -> object:
    return "" if value is None else value  # a field shows a missing text as empty


def _quoted(value: object) -> str | None:
    """A colleague's value as the message quotes it; None for a choice (an enum, a
    yes/no), whose stored name would not be the word the form shows."""
    if value is None or value == "":
        return ""
    if isinstance(value, enum.Enum | bool):
        return None
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = " ".join(str(value).split())
    return text if len(text) <= 80 else text[:79] + "…"


def _changed_meanwhile(what: Source) -> ChangedSinceError:
    """The refusal that names the field (or list) but not the colleague's value."""
    return ChangedSinceError(tr(
        "Someone else changed “{what}” meanwhile, so your change was not stored "
        "over theirs. Compare, and make your change again if it should stand."),
        what=what)


def unchanged_fields(row: object, expected: Mapping[str, object] | None, what: Source) -> None:
    """Optimistic concurrency (#15) for a form: refuse the edit if any field in
    ``expected`` (the values the form showed when the user began) now holds
    something else, and say what it holds. A field left out of ``expected`` is not
    checked."""
    for name, value in (expected or {}).items():
        current = getattr(row, name)
        if _as_shown(current) == _as_shown(value):
            continue
        theirs = _quoted(current)
        if theirs is None:
            raise _changed_meanwhile(what)
        raise ChangedSinceError(tr(
            "Someone else changed “{what}” to “{theirs}” meanwhile, so your change was "
            "not stored over theirs. Make your change again if it should stand."),
            what=what, theirs=theirs)


def unchanged_list(current: Sequence[object], shown: Sequence[object] | None,
                   what: Source) -> None:
    """Optimistic concurrency (#15) for a list edited as a whole (roles, key figures): a
    list the user's edit was made from (``shown``) that changed since is refused, so a
    colleague's added entry is never dropped by a write of the older list."""
    if shown is not None and list(current) != list(shown):
        raise _changed_meanwhile(what)


class StorageError(ServiceError):
    """The database refused the write (disk full, locked, read-only)."""


@dataclass(frozen=True)
class Change:
    """What one committed operation changed: entity kinds and row ids."""

    kinds: frozenset[str]
    ids: frozenset[str]
    by_others: bool = False  # committed by another user of the server, not by this window


@dataclass
class WriteTx:
    session: Session
    kinds: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    stamper: Stamper | None = None

    def changed(self, kind: str, *ids: str) -> None:
        self.kinds.add(kind)
        self.ids.update(ids)

    def stamp(self) -> str:
        """A new version stamp, for a Core write that bypasses the ORM's stamping."""
        assert self.stamper is not None
        return self.stamper.tick(self.session.connection())


Listener = Callable[[Change], None]


class Store:
    """Sessions over one engine, and the announcement of committed changes.

    The ORM (SQLAlchemy's and our models' mapping, ~0.15 s) is loaded by the
    first session, not by the store: the window is drawn from Core reads
    (``connect``) before it, see ``facilitator.services.overview``.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._maker: sessionmaker[Session] | None = None
        self.stamper = Stamper(self.database)
        self._listeners: list[Listener] = []
        self.last_commit: dt.datetime | None = None
        # Names of people erased again when the database was opened (a restored backup).
        self.erased_again: list[str] = []
        self._origin = ""  # on a server: this store's name in the change notifications
        self._listener: ChangeListener | None = None

    @property
    def database(self) -> Path | None:
        """The database file, or None for an in-memory database or a server's."""
        if self.engine.dialect.name != "sqlite":
            return None
        name = self.engine.url.database
        return Path(name) if name and name != ":memory:" else None

    @property
    def on_server(self) -> bool:
        """Whether the store is a shared database on a server (PostgreSQL)."""
        return self.engine.dialect.name == "postgresql"

    @property
    def orm_loaded(self) -> bool:
        return self._maker is not None

    def load_orm(self) -> None:
        """Load and configure the ORM now (the window asks just after its first paint)."""
        if self._maker is None:
            from sqlalchemy.orm import configure_mappers, sessionmaker

            import facilitator.store.models  # noqa: F401 - every mapped class, before any query

            configure_mappers()
            self._maker = sessionmaker(self.engine, expire_on_commit=False)
            event.listen(self._maker, "before_flush", self.stamper.before_flush)

    def _sessions(self) -> Session:
        self.load_orm()
        assert self._maker is not None
        return self._maker()

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions() as session:
            try:
                yield session
            except OperationalError as exc:
                raise _read_error(exc) from exc

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A Core connection for reads that must not wait for the ORM."""
        try:
            # Opening can fail too: a new connection after the pool was emptied.
            with self.engine.connect() as connection:
                yield connection
        except OperationalError as exc:
            raise _read_error(exc) from exc

    def listen_for_others(self) -> None:
        """On a server: announce other users' commits to this store's listeners too."""
        if not self.on_server or self._listener is not None:
            return
        from facilitator.store.server_changes import ChangeListener, new_origin

        self._origin = new_origin()
        conninfo = self.engine.url.set(drivername="postgresql").render_as_string(
            hide_password=False)
        self._listener = ChangeListener(conninfo, self._origin, self._announce_other)
        self._listener.start()

    def _announce_other(self, kinds: frozenset[str], ids: frozenset[str]) -> None:
        change = Change(kinds, ids, by_others=True)
        for listener in list(self._listeners):
            listener(change)

    def _notify_others(self, session: Session, tx: WriteTx) -> None:
        from sqlalchemy import text

        from facilitator.store.server_changes import CHANNEL, payloads

        for payload in payloads(self._origin or "cli", tx.kinds, tx.ids):
            session.execute(text("SELECT pg_notify(:channel, :payload)"),
                            {"channel": CHANNEL, "payload": payload})

    @contextmanager
    def write(self) -> Iterator[WriteTx]:
        with self._sessions() as session:
            tx = WriteTx(session, stamper=self.stamper)
            try:
                yield tx
                if tx.kinds and self.on_server:  # delivered to the others at the commit
                    self._notify_others(session, tx)
                session.commit()
            except OperationalError as exc:
                self._rolled_back(session)
                raise _storage_error(exc) from exc
            except WrittenSinceError:
                self._rolled_back(session)
                raise ChangedSinceError(tr(
                    "someone else has changed it since (on another computer, or in an "
                    "imported package); undoing would overwrite their edit")) from None
            except BaseException:
                self._rolled_back(session)
                raise
            self.stamper.committed(session)
        self.last_commit = dt.datetime.now()
        if tx.kinds:
            change = Change(frozenset(tx.kinds), frozenset(tx.ids))
            for listener in list(self._listeners):
                listener(change)

    def _rolled_back(self, session: Session) -> None:
        session.rollback()
        self.stamper.forget()
        self.stamper.rolled_back(session)

    def close(self) -> None:
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
        self.engine.dispose()


def _read_error(exc: OperationalError) -> StorageError:
    text = str(exc.orig) if exc.orig is not None else str(exc)
    return StorageError(tr("The database could not be read: {reason}"), reason=text)


def _storage_error(exc: OperationalError) -> StorageError:
    text = str(exc.orig) if exc.orig is not None else str(exc)
    if "full" in text:
        return StorageError(tr("The disk is full: the change could not be saved. Free some "
                               "space and try again."))
    if "locked" in text:
        return StorageError(tr("The database is used by another program: the change could "
                               "not be saved."))
    if "readonly" in text:
        return StorageError(tr("The database is read-only: the change could not be saved."))
    return StorageError(tr("The change could not be saved: {reason}"), reason=text)


def not_found(label: Source, row_id: object) -> NotFoundError:
    return NotFoundError(tr("{label} does not exist (id {row_id!r})."), label=label,
                         row_id=row_id)


def get_live(session: Session, model: type[T], row_id: str, label: Source) -> T:
    """The row with ``row_id`` that is not in the trash, or NotFoundError."""
    row = session.get(model, row_id) if isinstance(row_id, str) else None
    if row is None or getattr(row, "deleted_at", None) is not None:
        raise not_found(label, row_id)
    return row


def get_any(session: Session, model: type[T], row_id: str, label: Source) -> T:
    """The row with ``row_id``, in the trash or not, or NotFoundError."""
    row = session.get(model, row_id) if isinstance(row_id, str) else None
    if row is None:
        raise not_found(label, row_id)
    return row


def required_line(value: object, label: Source, max_length: int = MAX_LINE) -> str:
    text = optional_line(value, label, max_length)
    if not text:
        raise ValidationError(tr("{label} must not be empty."), label=label)
    return text


def optional_line(value: object, label: Source, max_length: int = MAX_LINE) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(tr("{label} must be text."), label=label)
    text = clean_text(value, multiline=False)
    if len(text) > max_length:
        raise ValidationError(tr("{label} is too long ({length} characters, at most {maximum})."),
                              label=label, length=len(text), maximum=max_length)
    return text


def required_body(value: object, label: Source, max_length: int = MAX_BODY) -> str:
    text = optional_body(value, label, max_length)
    if not text.strip():
        raise ValidationError(tr("{label} must not be empty."), label=label)
    return text


def optional_body(value: object, label: Source, max_length: int = MAX_BODY) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(tr("{label} must be text."), label=label)
    text = clean_text(value, multiline=True)
    if len(text) > max_length:
        raise ValidationError(tr("{label} is too long ({length} characters, at most {maximum})."),
                              label=label, length=len(text), maximum=max_length)
    return text


def choice(value: object, allowed: type[E], label: Source) -> E:
    """Coerce ``value`` to the enum ``allowed`` or raise a ValidationError."""
    try:
        return allowed(value)
    except ValueError:
        options = ", ".join(m.value for m in allowed)
        raise ValidationError(tr("{label}: unknown value {value!r} (allowed: {options})."),
                              label=label, value=value, options=options) from None


def tombstone(row: Tracked) -> None:
    row.deleted_at = utcnow()


def next_position(session: Session, column: InstrumentedAttribute[float],
                  *criteria: ColumnElement[bool]) -> float:
    """One past the highest order key among the live siblings matching ``criteria``."""
    model = column.class_
    return append_key(session.scalars(
        select(column).where(*criteria, model.deleted_at.is_(None))
    ).all())
