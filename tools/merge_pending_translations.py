"""Fill Swedish translations from resources/translations/pending/*.json into the .ts file.

Each JSON file maps English source text to Swedish. Run
``uv run python tools/translations.py`` first (so the .ts knows the new
strings), then this, then translations.py again to rebuild the .qm.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "facilitator_sv.ts"
PENDING = ROOT / "resources" / "translations" / "pending"


def main() -> int:
    swedish: dict[str, str] = {}
    for path in sorted(PENDING.glob("*.json")):
        swedish.update(json.loads(path.read_text(encoding="utf-8")))
    tree = ET.parse(TS)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if translation is None or source not in swedish:
            continue
        if translation.get("type") == "unfinished" or not (translation.text or "").strip():
            translation.text = swedish[source]
            translation.attrib.pop("type", None)
            filled += 1
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    print(f"filled {filled} translation(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
