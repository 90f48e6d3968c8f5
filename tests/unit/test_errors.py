"""Unexpected errors are logged to a file and shown as a friendly message, not a traceback."""

from __future__ import annotations

import sys

from facilitator.errors import install_excepthook


def test_unexpected_error_is_logged_and_shown_with_the_log_path(monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    shown = []
    install_excepthook(lambda summary, path: shown.append((summary, path)))
    try:
        raise RuntimeError("kunde inte läsa värdet för Åsa")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)

    ((summary, log_path),) = shown
    assert summary == "RuntimeError: kunde inte läsa värdet för Åsa"
    logged = log_path.read_text(encoding="utf-8")
    assert "Traceback" in logged and "kunde inte läsa värdet för Åsa" in logged
    assert log_path.name == "facilitator.log"


def test_a_failing_error_dialog_does_not_raise_from_the_hook(monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)

    def broken(_summary, _path):
        raise ValueError("dialog failed")

    install_excepthook(broken)
    try:
        raise KeyError("x")
    except KeyError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)  # must not raise
