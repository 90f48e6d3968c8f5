"""One window per database: a second launch brings the first one to the front.

The first instance listens on a local socket (a named pipe on Windows) named
from a hash of the database's absolute path and the user; a second launch on
the same database connects, sends "raise" and exits without opening the
database. SQLite's exclusive lock remains the last line: even if two
launches race past this, the second cannot open a writer.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

RAISE = b"raise\n"
ACK = b"ok\n"


def server_name(database: Path) -> str:
    """A socket name for ``database``: the same for every spelling of its path."""
    path = os.path.normcase(os.path.abspath(database))
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in the environment
        user = str(os.getuid()) if hasattr(os, "getuid") else ""
    digest = hashlib.sha256(f"{user}\0{path}".encode()).hexdigest()[:24]
    return f"facilitator-{digest}"


def ask_running_instance(database: Path, timeout_ms: int = 1500, patience_ms: int = 0) -> bool:
    """Ask a running window on ``database`` to come to the front; True when one answered.

    ``patience_ms``: keep asking that long while nobody listens yet (a window
    that is starting listens only once it has been painted).
    """
    deadline = time.monotonic() + patience_ms / 1000
    while not _ask_once(database, timeout_ms):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)
    return True


def _ask_once(database: Path, timeout_ms: int) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(server_name(database))
    if not socket.waitForConnected(timeout_ms):
        return False
    if sys.platform == "win32":  # let the first instance take the foreground from us
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(-1)
    socket.write(RAISE)
    socket.flush()
    socket.waitForBytesWritten(timeout_ms)
    reply = b""
    while not reply.endswith(b"\n") and socket.waitForReadyRead(timeout_ms):
        reply += bytes(socket.readAll().data())
    answered = reply == ACK
    socket.disconnectFromServer()
    return answered


class InstanceServer(QObject):
    """Listens for later launches on the same database; ``raise_requested`` when one comes."""

    raise_requested = Signal()

    def __init__(self, database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(database)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening, unless another instance already answers on this name.

        A socket left by a crashed instance is removed and replaced. (On Unix a
        plain listen() would take the name over from a live instance too.)
        """
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(300):
            probe.disconnectFromServer()
            return False
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        if bytes(socket.readLine().data()) == RAISE:
            socket.write(ACK)
            socket.flush()
            self.raise_requested.emit()


def bring_to_front(window: QWidget) -> None:
    """Show ``window`` un-minimised, raised and active (as far as the platform allows)."""
    state = window.windowState()
    if state & Qt.WindowState.WindowMinimized:
        window.setWindowState((state & ~Qt.WindowState.WindowMinimized)
                              | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
