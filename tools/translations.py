"""Keep the Qt Linguist translations in step with the code.

    uv run python tools/translations.py          # lupdate the .ts files, then lrelease .qm
    uv run python tools/translations.py --check  # exit 1 if a visible string lacks Swedish

Source strings in the code are English (``self.tr("…")``); Swedish, the
default UI language, lives in resources/translations/facilitator_sv.ts and is
edited with Qt Linguist (``uv run pyside6-linguist``) or any XML editor.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "facilitator_sv.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"{name} not found; run through `uv run`.")
    return found


def sources() -> list[str]:
    return sorted(str(p) for p in (ROOT / "facilitator").rglob("*.py"))


def lupdate(ts: Path) -> None:
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
         "-source-language", "en", "-target-language", "sv", "-ts", str(ts)],
        check=True, capture_output=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    # Written beside and renamed over: a running program (or test run) maps the .qm file,
    # and rewriting it in place kills that program with SIGBUS.
    fresh = qm.with_suffix(".qm.new")
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(fresh)],
                   check=True, capture_output=True)
    fresh.replace(qm)


def untranslated(ts: Path) -> list[str]:
    """Source texts whose Swedish translation is missing or unfinished."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            missing.append(source)
            continue
        text = translation.text or "".join(translation.itertext())
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text.strip():
            missing.append(source)
    return missing


def check() -> list[str]:
    """Run lupdate on a copy of the .ts and report strings without Swedish."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / TS.name
        shutil.copyfile(TS, copy)
        lupdate(copy)
        return untranslated(copy)


def main(argv: list[str]) -> int:
    if "--check" in argv:
        missing = check()
        for text in missing:
            print(f"no Swedish translation: {text!r}")
        return 1 if missing else 0
    lupdate(TS)
    lrelease(TS, QM)
    missing = untranslated(TS)
    print(f"{TS.name}: {len(missing)} string(s) need Swedish")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
