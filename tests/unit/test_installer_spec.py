"""installer.spec ships everything the frozen program opens by path.

The real proof is tools/smoke_frozen.sh on a built bundle (run by .ci/run);
these checks are cheap and catch a resource or migration left out of the spec.
"""

from __future__ import annotations

import ast
import re
import struct
from pathlib import Path

from facilitator.store import migrate

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "installer.spec"


def _spec_functions() -> dict:  # type: ignore[type-arg]
    """The spec's helper functions (tree, _not_shipped), run without PyInstaller."""
    module = ast.parse(SPEC.read_text(encoding="utf-8"))
    wanted = [node for node in module.body
              if isinstance(node, ast.FunctionDef) and node.name in ("tree", "_not_shipped")]
    namespace: dict = {"Path": Path, "root": ROOT}  # type: ignore[type-arg]
    exec(compile(ast.Module(wanted, []), str(SPEC), "exec"), namespace)
    return namespace


def _shipped() -> dict[str, str]:
    """bundle path → source path for the resources and migrations the spec collects."""
    ns = _spec_functions()
    pairs = [*ns["tree"](ROOT / "resources", "resources", ns["_not_shipped"]),
             *ns["tree"](ROOT / "facilitator" / "store" / "migrations",
                         "facilitator/store/migrations")]
    return {f"{folder}/{Path(source).name}": source for source, folder in pairs}


def test_spec_collects_resources_migrations_and_schema() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert 'tree(root / "resources", "resources"' in text
    assert '"facilitator" / "store" / "migrations"' in text
    assert '"schema.json"' in text
    assert 'name="facilitator"' in text and "console=False" in text
    shipped = _shipped()
    for needed in ("resources/templates/minutes-default.docx",
                   "resources/translations/facilitator_sv.qm",
                   "resources/icons/facilitator.svg",
                   "resources/samples/sample-project.json",
                   "facilitator/store/migrations/env.py",
                   "facilitator/store/migrations/script.py.mako"):
        assert needed in shipped, needed
    for version in (ROOT / "facilitator" / "store" / "migrations" / "versions").glob("*.py"):
        assert f"facilitator/store/migrations/versions/{version.name}" in shipped
    assert not [p for p in shipped if p.endswith(".ts") or "/pending/" in p or
                "__pycache__" in p]


def test_every_resource_file_is_shipped() -> None:
    shipped = set(_shipped().values())
    for path in (ROOT / "resources").rglob("*"):
        rel = path.relative_to(ROOT / "resources").as_posix()
        if path.is_file() and not rel.endswith(".ts") and not rel.startswith(
                "translations/pending/") and "__pycache__" not in path.parts:
            assert str(path) in shipped, rel


def test_spec_keeps_the_qt_modules_the_app_needs() -> None:
    text = SPEC.read_text(encoding="utf-8")
    excluded = re.search(r"excludes = \[(.*?)\n\]", text, re.S)
    assert excluded is not None
    for needed in ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtNetwork", "QtDBus"):
        assert f'"{needed}"' not in excluded.group(1), needed


def test_icons_for_every_platform_exist() -> None:
    icons = ROOT / "resources" / "icons"
    png = (icons / "facilitator.png").read_bytes()
    assert png.startswith(b"\x89PNG")
    ico = (icons / "facilitator.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 4
    assert (icons / "facilitator.icns").read_bytes().startswith(b"icns")


def test_version_comes_from_the_package() -> None:
    from facilitator import __version__

    text = SPEC.read_text(encoding="utf-8")
    assert "__version__" in text
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", __version__)


def test_reading_the_migration_scripts_agrees_with_alembic() -> None:
    """migrate reads revisions as text at start-up (no Alembic import): same answer."""
    assert migrate.head_revision() == migrate.alembic_head_revision()
    assert migrate.known_revisions() == migrate.alembic_known_revisions()


def test_an_unreadable_history_falls_back_to_alembic(tmp_path: Path) -> None:
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "a.py").write_text('revision = "a"\ndown_revision = None\n', encoding="utf-8")
    (versions / "b.py").write_text('revision = "b"\ndown_revision = ("a", "c")\n',
                                   encoding="utf-8")
    assert migrate._read_history(versions) is None
    (versions / "b.py").write_text('revision: str = "b"\ndown_revision = "a"\n',
                                   encoding="utf-8")
    assert migrate._read_history(versions) == {"a": None, "b": "a"}


def test_spec_takes_the_modules_imported_by_name() -> None:
    # The workshop tabs are imported by module name when first shown; PyInstaller's
    # scan cannot see that, and a frozen app would fail when a tab is opened.
    text = SPEC.read_text(encoding="utf-8")
    assert 'collect_submodules("facilitator"' in text
    tabs = (ROOT / "facilitator" / "ui" / "main_window.py").read_text(encoding="utf-8")
    assert 'views = "facilitator.ui.views."' in tabs
