"""The server's half of a dialog's work on a thread of its own (#15).

A server that does not answer must never freeze the window: the dialogs that
talk to the organisation's database (Synkronisera, Ta med offline) run that
part on a ``threading.Thread`` and get its answer back on the UI thread
through a Qt signal. What touches the laptop's database stays on the UI
thread: the laptop's store announces its commits to the window's listeners.

A dialog closed while its worker is still at work sets its ``closed`` event;
the late answer is then handed to ``dropped`` instead (to close a server the
work connected to), never to a dialog that may already be deleted.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from sqlalchemy.exc import SQLAlchemyError

from facilitator.messages import TranslatedError, translate_error
from facilitator.store.server import PasswordNeededError


class _Reply(QObject):
    """Carries a worker's answer to the UI thread (made there, its signals are queued)."""

    finished = Signal(object)
    failed = Signal(str)
    password_needed = Signal(str, str, str)  # the account, the server's refusal, the message


# Each reply lives until its answer is handled on the UI thread, the dialog open or not.
PENDING: set[_Reply] = set()


def failure_reason(exc: BaseException) -> str:
    """What went wrong, as the user reads it."""
    if isinstance(exc, TranslatedError):
        return translate_error(exc)
    if isinstance(exc, SQLAlchemyError):  # the connection dropped in the middle
        return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
    return str(exc) or type(exc).__name__


def run_on_worker(work: Callable[[], Any], *, closed: threading.Event,
                  answered: Callable[[Any], None], failed: Callable[[str], None],
                  dropped: Callable[[Any], None], name: str,
                  password_needed: Callable[[str, str], None] | None = None
                  ) -> threading.Thread:
    """Start ``work`` on a thread of its own and return the thread. Once it has ended,
    on the UI thread: ``answered(answer)`` or ``failed(reason)``, or, when the server
    wants a password, ``password_needed(account, refusal)`` (the worker never shows a
    dialog); if ``closed`` was set meanwhile, ``dropped(answer)`` instead (``None``
    when the work failed)."""
    reply = _Reply()
    PENDING.add(reply)

    def handled() -> bool:
        worker.join()  # it ends right after its answer; the reply is dropped here
        PENDING.discard(reply)
        return not closed.is_set()

    def on_finished(answer: Any) -> None:
        (answered if handled() else dropped)(answer)

    def on_failed(reason: str) -> None:
        if handled():
            failed(reason)
        else:
            dropped(None)

    def on_password_needed(account: str, refused: str, message: str) -> None:
        if not handled():
            dropped(None)
        elif password_needed is not None:
            password_needed(account, refused)
        else:
            failed(message)

    def run() -> None:
        try:
            answer = work()
        except PasswordNeededError as exc:
            reply.password_needed.emit(exc.account, exc.refused, failure_reason(exc))
            return
        except Exception as exc:  # noqa: BLE001 - every failure is shown, none lost
            reply.failed.emit(failure_reason(exc))
            return
        reply.finished.emit(answer)

    reply.finished.connect(on_finished)
    reply.failed.connect(on_failed)
    reply.password_needed.connect(on_password_needed)
    worker = threading.Thread(target=run, name=name, daemon=True)
    worker.start()
    return worker
