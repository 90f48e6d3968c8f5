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


def test_the_log_rotates_and_is_opened_only_when_written(tmp_path, monkeypatch):
    from facilitator import errors

    monkeypatch.setattr(errors, "log_dir", lambda: tmp_path)
    monkeypatch.setattr(errors, "LOG_MAX_BYTES", 2_000)
    path = errors.setup_logging()
    try:
        assert errors.setup_logging() == path  # a second call adds no second handler
        assert sum(isinstance(h, errors.RotatingLog) for h in errors.log.handlers) == 1
        assert not path.exists()  # nothing written yet, nothing opened
        for n in range(100):
            errors.log.warning("Rad %d från mötet i Lillsjö: åäö", n)
        assert "Rad 99 från mötet i Lillsjö: åäö" in path.read_text(encoding="utf-8")
        rotated = sorted(p.name for p in tmp_path.glob("facilitator.log.*"))
        assert rotated == ["facilitator.log.1", "facilitator.log.2", "facilitator.log.3"]
        assert all(p.stat().st_size <= 2_100 for p in tmp_path.glob("facilitator.log*"))
    finally:
        for handler in [h for h in errors.log.handlers if isinstance(h, errors.RotatingLog)]:
            errors.log.removeHandler(handler)
            handler.close()


def test_a_log_that_cannot_be_written_never_breaks_the_caller(tmp_path, monkeypatch, capsys):
    from facilitator import errors

    (tmp_path / "facilitator.log").mkdir()  # the log's path is taken by a folder
    monkeypatch.setattr(errors, "log_dir", lambda: tmp_path)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    shown = []
    try:
        install_excepthook(lambda summary, path: shown.append(summary))
        errors.log.warning("Mötet i Lillsjö")  # must not raise
        try:
            raise RuntimeError("fel vid export")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        assert shown == ["RuntimeError: fel vid export"]  # the user is still told
        assert "Logging error" in capsys.readouterr().err
    finally:
        for handler in [h for h in errors.log.handlers if isinstance(h, errors.RotatingLog)]:
            errors.log.removeHandler(handler)
            handler.close()
