"""Small best-effort services of the operating system: a chime, and keeping the screen awake.

Every helper here is a silent no-op where the platform offers nothing, never
blocks the GUI thread, and makes no network call.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QProcess
from PySide6.QtWidgets import QApplication

from facilitator.paths import resource_path

log = logging.getLogger(__name__)

APP_NAME = "Facilitator"


def chime_path() -> Path:
    return resource_path("sounds", "chime.wav")


def _start_detached(program: str, arguments: list[str]) -> bool:
    result = QProcess.startDetached(program, arguments)
    return bool(result[0] if isinstance(result, tuple) else result)


def play_chime(path: Path | None = None) -> str:
    """Play the bundled chime without waiting for it; returns how it was played.

    winsound (asynchronous) on Windows, ``afplay`` on macOS, ``paplay``,
    ``pw-play`` or ``aplay`` on Linux; the system beep when none of these works.
    """
    sound = path or chime_path()
    if sound.exists():
        try:
            if sys.platform == "win32":
                import winsound

                winsound.PlaySound(str(sound), winsound.SND_FILENAME | winsound.SND_ASYNC
                                   | winsound.SND_NODEFAULT)
                return "winsound"
            if sys.platform == "darwin":
                if shutil.which("afplay") and _start_detached("afplay", [str(sound)]):
                    return "afplay"
            else:
                for player, args in (("paplay", []), ("pw-play", []), ("aplay", ["-q"])):
                    if shutil.which(player) and _start_detached(player, [*args, str(sound)]):
                        return player
        except (OSError, RuntimeError) as exc:  # a missing device must not break the timer
            log.info("chime not played: %s", exc)
    QApplication.beep()
    return "beep"


# ----- keeping the display awake ------------------------------------------------
_ES_CONTINUOUS = 0x80000000
_ES_SYSTEM_REQUIRED = 0x00000001
_ES_DISPLAY_REQUIRED = 0x00000002


class SleepInhibitor(QObject):
    """Keeps the screen on and the computer awake while held; released on ``release()``.

    Windows: SetThreadExecutionState (ES_CONTINUOUS | ES_DISPLAY_REQUIRED) on the
    GUI thread. macOS: ``caffeinate -d -w <our pid>``. Linux: the
    org.freedesktop.ScreenSaver Inhibit call over D-Bus, else ``systemd-inhibit``
    around a process that ends with ours. Anything unavailable is skipped quietly;
    the hold also ends on application quit.
    """

    _connections = 0

    def __init__(self, reason: str = "Workshop timer running",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reason = reason
        self.method: str | None = None
        self._process: QProcess | None = None
        self._bus_name = ""
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.release)

    @property
    def held(self) -> bool:
        return self.method is not None

    def acquire(self) -> bool:
        """Hold the screen awake; True if some mechanism took the hold."""
        if self.held:
            return True
        try:
            if sys.platform == "win32":
                self.method = self._acquire_windows()
            elif sys.platform == "darwin":
                self.method = self._acquire_process(
                    "caffeinate", ["-d", "-i", "-w", str(os.getpid())])
            else:
                self.method = self._acquire_dbus() or self._acquire_process(
                    "systemd-inhibit",
                    ["--what=idle:sleep", f"--who={APP_NAME}", f"--why={self.reason}",
                     "--mode=block", "tail", f"--pid={os.getpid()}", "-f", "/dev/null"])
        except (OSError, RuntimeError, AttributeError) as exc:
            log.info("could not keep the screen awake: %s", exc)
            self.method = None
        return self.held

    def release(self) -> None:
        method, self.method = self.method, None
        if method is None:
            return
        try:
            if method == "windows" and sys.platform == "win32":  # only chosen there
                import ctypes

                ctypes.windll.kernel32.SetThreadExecutionState(_ES_CONTINUOUS)
            elif method == "dbus":
                from PySide6.QtDBus import QDBusConnection

                # The screen saver drops an inhibition when its caller leaves the bus.
                QDBusConnection.disconnectFromBus(self._bus_name)
            elif self._process is not None:
                process, self._process = self._process, None
                process.kill()
                process.waitForFinished(1000)
        except (OSError, RuntimeError, AttributeError) as exc:
            log.info("could not release the screen hold: %s", exc)

    # -- mechanisms --
    @staticmethod
    def _acquire_windows() -> str | None:
        import ctypes

        if sys.platform != "win32":  # says so to mypy too: windll exists on Windows only
            return None
        state = _ES_CONTINUOUS | _ES_DISPLAY_REQUIRED | _ES_SYSTEM_REQUIRED
        ok = ctypes.windll.kernel32.SetThreadExecutionState(state)
        return "windows" if ok else None

    def _acquire_process(self, program: str, arguments: list[str]) -> str | None:
        if not shutil.which(program):
            return None
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        process.start(program, arguments)
        if not process.waitForStarted(1000):
            return None
        self._process = process
        process.finished.connect(lambda *_: self._process_ended(process))
        return program

    def _process_ended(self, process: QProcess) -> None:
        """The helper gave up (no logind, no permission): nothing is held any more."""
        if self._process is process:
            self._process = None
            self.method = None
            log.info("screen hold helper ended: %s",
                     bytes(process.readAll().data()).decode(errors="replace").strip())

    def _acquire_dbus(self) -> str | None:
        """org.freedesktop.ScreenSaver.Inhibit on a private bus connection of our own.

        Released by closing that connection, which needs no uint32 cookie (PySide
        cannot marshal one) and cannot be forgotten: it also closes when we exit.
        """
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage
        except ImportError:
            return None
        SleepInhibitor._connections += 1
        self._bus_name = f"facilitator-inhibit-{SleepInhibitor._connections}"
        bus = QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, self._bus_name)
        if not bus.isConnected():
            QDBusConnection.disconnectFromBus(self._bus_name)
            return None
        iface = QDBusInterface("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
                               "org.freedesktop.ScreenSaver", bus)
        reply = iface.call("Inhibit", APP_NAME, self.reason) if iface.isValid() else None
        if reply is None or reply.type() != QDBusMessage.MessageType.ReplyMessage:
            QDBusConnection.disconnectFromBus(self._bus_name)
            return None
        return "dbus"
