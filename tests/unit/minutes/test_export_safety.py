"""Writing the file: atomic, clear messages for locked and read-only targets, CLI."""

from __future__ import annotations

import itertools
import os
import stat
from pathlib import Path

import pytest

from facilitator import cli
from facilitator.minutes.export import MinutesError, MinutesOptions, export_minutes
from facilitator.services.core import Store
from tests.unit.minutes.conftest import Built

ORIGINAL = b"the user's previous minutes, byte for byte"


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_read_only_target_is_untouched(store: Store, closing: Built, tmp_path: Path) -> None:
    target = tmp_path / "minnes.docx"
    target.write_bytes(ORIGINAL)
    target.chmod(0o444)
    assert not target.stat().st_mode & stat.S_IWUSR
    with pytest.raises(MinutesError) as info:
        export_minutes(store, closing.workshop_id, target, MinutesOptions())
    assert str(target) in str(info.value) and "skrivskyddad" in str(info.value)
    assert target.read_bytes() == ORIGINAL
    assert _leftovers(tmp_path) == []


def test_locked_target_retries_then_names_the_file(
    store: Store, closing: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "minnes.docx"
    target.write_bytes(ORIGINAL)
    calls: list[str] = []

    def locked(src: str, dst: str) -> None:
        calls.append(str(dst))
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    monkeypatch.setattr("facilitator.atomic.time.sleep", lambda _s: None)
    with pytest.raises(MinutesError) as info:
        export_minutes(store, closing.workshop_id, target, MinutesOptions())
    assert len(calls) > 1  # retried
    assert str(target) in str(info.value) and "öppen i ett annat program" in str(info.value)
    assert target.read_bytes() == ORIGINAL
    assert _leftovers(tmp_path) == []


def test_missing_folder(store: Store, closing: Built, tmp_path: Path) -> None:
    with pytest.raises(MinutesError, match="finns inte"):
        export_minutes(store, closing.workshop_id, tmp_path / "nej" / "m.docx", MinutesOptions())


def test_progress_is_reported_and_ends_at_total(store: Store, closing: Built,
                                                tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_minutes(store, closing.workshop_id, tmp_path / "m.docx", MinutesOptions(),
                   progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] > 0
    assert all(a[0] <= b[0] for a, b in itertools.pairwise(seen))


def test_cli_export_minutes(db_path: Path, store: Store, closing: Built, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    store.close()
    out = tmp_path / "cli.docx"
    code = cli.main(["--db", str(db_path), "export-minutes", closing.workshop_id, str(out),
                     "--anonymise", "--order", "votes", "--votes", "--no-participants"])
    assert code == 0, capsys.readouterr().err
    assert out.exists() and "Sparade" in capsys.readouterr().out
    bad = cli.main(["--db", str(db_path), "export-minutes", closing.workshop_id, str(out),
                    "--template", str(tmp_path / "saknas.dotx")])
    assert bad == 1 and "Mallen" in capsys.readouterr().err


def test_python_docx_is_not_imported_by_the_model_side() -> None:
    import subprocess
    import sys

    code = ("import sys, facilitator.minutes.build, facilitator.minutes.export; "
            "print('docx' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"
