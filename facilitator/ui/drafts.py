"""Keep half-typed text and the evening's screen durable within a second.

The capture line, the notes and the walk-in field tell the keeper what is
typed and not yet committed; the window tells it the page shown, the timer
and the projector panel. The keeper writes it all to the recovery file 300 ms
after the last change (one atomic write, never per keystroke, so typing stays
as fast as without drafts) and hands it back on the next start.

There is one keeper per window session (``install``); widgets reach it with
``keeper()``, which is an in-memory keeper when none is installed (tests, a
database that is not a file).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from facilitator.errors import log
from facilitator.recovery import RecoveryFile

WRITE_DELAY_MS = 300  # + the write itself: durable well within the 1 s promised


class DraftKeeper(QObject):
    """Drafts by key ("wish:<group>", "note:<section>", …), the view and the timer."""

    restored = Signal(int)  # how many drafts were put back in their fields so far

    def __init__(self, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._file = RecoveryFile(path)
        saved = self._file.read()
        self._drafts: dict[str, str] = {
            str(k): str(v) for k, v in dict(saved.get("drafts") or {}).items() if v}
        self._view: dict[str, Any] = dict(saved.get("view") or {})
        self._timer_state: dict[str, Any] = dict(saved.get("timer") or {})
        self._handed_back: set[str] = set()
        self._write = QTimer(self)
        self._write.setSingleShot(True)
        self._write.setInterval(WRITE_DELAY_MS)
        self._write.timeout.connect(self.flush)

    # ----- drafts ------------------------------------------------------------
    def draft(self, key: str) -> str | None:
        return self._drafts.get(key)

    def set_draft(self, key: str, text: str) -> None:
        """``text`` is typed in ``key``'s field and not committed; empty text drops it."""
        if not text.strip():
            self.clear_draft(key)
        elif self._drafts.get(key) != text:
            self._drafts[key] = text
            self._write.start()

    def clear_draft(self, key: str) -> None:
        if self._drafts.pop(key, None) is not None:
            self._write.start()

    def take_for(self, key: str, shown: str = "") -> str | None:
        """The draft to put back into ``key``'s field, if it differs from what is shown."""
        text = self._drafts.get(key)
        if text is not None and text == shown:
            self.clear_draft(key)  # it was committed after all
        if text is None or text == shown:
            return None
        if key not in self._handed_back:  # a field rebuilt later gets it back quietly
            self._handed_back.add(key)
            self.restored.emit(len(self._handed_back))
        return text

    def forget_mentions(self, name: str) -> int:
        """Drop every draft that contains ``name`` (a GDPR erasure); returns how many."""
        needle = name.casefold().strip()
        doomed = [k for k, v in self._drafts.items() if needle and needle in v.casefold()]
        for key in doomed:
            del self._drafts[key]
        if doomed:
            self.flush()
        return len(doomed)

    # ----- the screen ----------------------------------------------------------
    def view(self) -> dict[str, Any]:
        return dict(self._view)

    def set_view(self, **values: Any) -> None:
        if any(self._view.get(k) != v for k, v in values.items()):
            self._view.update(values)
            self._write.start()

    def timer_state(self) -> dict[str, Any]:
        return dict(self._timer_state)

    def set_timer_state(self, state: dict[str, Any]) -> None:
        if state != self._timer_state:
            self._timer_state = dict(state)
            self._write.start()

    # ----- the file ------------------------------------------------------------
    def flush(self) -> None:
        self._write.stop()
        try:
            self._file.write({"drafts": self._drafts, "view": self._view,
                              "timer": self._timer_state})
        except OSError:
            # A full disk must not break typing; the text is still in its field.
            log.warning("The recovery file could not be written", exc_info=True)


_current: DraftKeeper | None = None


def install(keeper: DraftKeeper | None) -> None:
    global _current
    _current = keeper


def keeper() -> DraftKeeper:
    global _current
    if _current is None:
        _current = DraftKeeper(None)
    return _current
