"""Every refusal is raised with English source text marked for translation, so it can be
shown in the user's language (facilitator/messages.py); a Swedish sentence or an f-string
in a raise would be shown as it is, whatever the language."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The errors whose message is shown to the user (subclasses of messages.TranslatedError).
SHOWN = {"ServiceError", "ValidationError", "NotFoundError", "StorageError", "PackageError",
         "MinutesError", "TargetFileError", "BackupError", "LowDiskSpaceError",
         "NewerSchemaError", "DamagedDatabaseError", "MigrationError", "DatabaseLockedError"}


def untranslated_in(code: str, name: str) -> list[str]:
    """Where ``code`` builds a shown error from a literal or f-string instead of ``tr("…")``."""
    found = []
    for node in ast.walk(ast.parse(code)):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in SHOWN and node.args
                and isinstance(node.args[0], ast.Constant | ast.JoinedStr | ast.BinOp)):
            found.append(f"{name}:{node.lineno}")
    return found


def test_shown_errors_are_raised_with_marked_source_text() -> None:
    """Write ``raise ValidationError(tr("The {thing} is wrong."), thing=...)``."""
    found = []
    for path in sorted((ROOT / "facilitator").rglob("*.py")):
        found += untranslated_in(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert found == []


def test_the_check_finds_a_sentence_raised_as_it_is() -> None:
    code = ('raise ValidationError(f"Värdet {x} är fel.")\n'
            'raise PackageError(tr("Bad {x}."), x=1)\n'
            'raise MinutesError("Mallen är fel.")\n')
    assert untranslated_in(code, "x.py") == ["x.py:1", "x.py:3"]
