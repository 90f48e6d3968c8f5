"""Swedish is the default UI language: every visible string must have Swedish."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("translations", ROOT / "tools" / "translations.py")
assert spec is not None and spec.loader is not None
translations = importlib.util.module_from_spec(spec)
spec.loader.exec_module(translations)


def test_every_visible_string_has_a_swedish_translation():
    missing = translations.check()
    assert missing == [], f"strings without Swedish (run tools/translations.py): {missing}"


def test_untranslated_detects_an_unfinished_message(tmp_path):
    ts = tmp_path / "x.ts"
    ts.write_text(
        "<TS><context><name>C</name>"
        "<message><source>Open</source><translation>Öppna</translation></message>"
        "<message><source>Close</source><translation type='unfinished'></translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    assert translations.untranslated(ts) == ["Close"]


def test_built_qm_is_shipped():
    assert translations.QM.exists(), "run tools/translations.py to build the .qm"
    assert translations.QM.stat().st_size > 1000


@pytest.mark.parametrize(
    ("source", "swedish"),
    [("&File", "&Arkiv"), ("Export &minutes…", "Exportera &minnesanteckningar…")],
)
def test_key_menu_texts_are_swedish(source, swedish):
    root = ET.parse(translations.TS).getroot()
    found = {m.findtext("source"): m.findtext("translation") for m in root.iter("message")}
    assert found[source] == swedish


def _hidden_translations() -> list[str]:
    """Functions that translate a text they were given, under a name lupdate does not know.

    pyside6-lupdate finds literal texts in ``self.tr("…")``, ``tr("…")`` and
    ``translate("Context", "…")`` calls. A wrapper named anything else hides
    every text passed to it, and those texts stay English in the Swedish UI.
    """
    import ast

    hidden = []
    for path in sorted((ROOT / "facilitator").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef) or function.name == "tr":
                continue
            if path.name == "messages.py" and function.name == "translate_error":
                continue  # error texts, marked with tr("…") where they are raised
            for call in ast.walk(function):
                if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                        and call.func.attr == "translate" and len(call.args) >= 2
                        and not isinstance(call.args[1], ast.Constant)):
                    hidden.append(f"{path.relative_to(ROOT)}: {function.name}()")
    return hidden


def test_no_translation_wrapper_hides_texts_from_lupdate():
    assert _hidden_translations() == []


def test_no_text_to_translate_hides_inside_an_f_string():
    """lupdate does not look inside f-strings: a ``self.tr("…")`` there stays English."""
    import ast

    hidden = []
    for path in sorted((ROOT / "facilitator").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                hidden += [f"{path.relative_to(ROOT)}:{call.lineno}" for call in ast.walk(node)
                           if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute
                                                                         | ast.Name)
                           and getattr(call.func, "attr", getattr(call.func, "id", "")) == "tr"]
    assert hidden == []
