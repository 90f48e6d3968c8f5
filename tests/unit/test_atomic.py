"""Atomic writes: the original survives any failure and no temp file is left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from facilitator import atomic
from facilitator.atomic import TargetFileError, atomic_write_bytes, atomic_write_text


def test_writes_new_and_replaces_existing(tmp_path: Path) -> None:
    target = tmp_path / "Minnesanteckningar Ängsö.docx"
    atomic_write_text(target, "Första versionen, åäö")
    assert target.read_text(encoding="utf-8") == "Första versionen, åäö"
    atomic_write_bytes(target, b"Andra versionen")
    assert target.read_bytes() == b"Andra versionen"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_failed_replace_keeps_original_and_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "Vårmöte.docx"
    target.write_bytes(b"original \xc3\xa5\xc3\xa4\xc3\xb6")
    calls: list[tuple[str, str]] = []

    def locked(src, dst):  # type: ignore[no-untyped-def]
        calls.append((str(src), str(dst)))
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(TargetFileError, match=r"Vårmöte\.docx är öppen i ett annat program"):
        atomic_write_bytes(target, b"nytt", retries=2, delay=0)
    assert len(calls) == 3  # first try and two retries
    assert target.read_bytes() == b"original \xc3\xa5\xc3\xa4\xc3\xb6"
    assert [p.name for p in tmp_path.iterdir()] == ["Vårmöte.docx"]


def test_other_failure_also_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "Höstmöte.json"
    target.write_text("gammalt", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(TargetFileError, match=r"Höstmöte\.json kunde inte sparas: No space left"):
        atomic_write_text(target, "nytt")
    assert target.read_text(encoding="utf-8") == "gammalt"
    assert [p.name for p in tmp_path.iterdir()] == ["Höstmöte.json"]


def test_read_only_target_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "Slutförd.docx"
    target.write_bytes(b"arkiverad")
    target.chmod(0o444)
    with pytest.raises(TargetFileError, match=r"Slutförd\.docx är skrivskyddad"):
        atomic_write_bytes(target, b"nytt")
    assert target.read_bytes() == b"arkiverad"
    assert [p.name for p in tmp_path.iterdir()] == ["Slutförd.docx"]


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "finns inte" / "Åtgärder.docx"
    with pytest.raises(TargetFileError, match="finns inte"):
        atomic_write_bytes(target, b"nytt")
    assert not target.parent.exists()
