"""Bad text: any string goes through service → store → JSON package → minutes without harm.

10,000 generated strings (100 examples × 100 strings; a string goes into a
section's heading and notes, or into a wish) cover every Unicode category
including lone surrogates (Cs), C0/C1 controls, right-to-left text with
direction marks, emoji with ZWJ sequences and what Word, browsers and e-mail
paste; three 2 MB strings (a random mix, one letter repeated, prose) go the
same way. For each: 0 crashes, 0 failed exports, the stored text equals
``clean_text`` of the original (the documented normalisation), the package
round-trips it unchanged into another database, and the .docx opens with
python-docx. BADTEXT_EXAMPLES changes the number of examples (default 100).
"""

from __future__ import annotations

import io
import json
import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.interchange.export import export_package, package_text
from facilitator.interchange.importer import import_package
from facilitator.minutes.export import export_minutes
from facilitator.minutes.model import MinutesOptions
from facilitator.services import groups, projects, sections, wishes, workshops
from facilitator.services.core import MAX_LINE, Store
from facilitator.services.wishes import MAX_WISH
from facilitator.store.migrate import open_database
from facilitator.store.models import SectionKind
from facilitator.text import clean_text, is_xml_safe

BATCH = 100
EXAMPLES = int(__import__("os").environ.get("BADTEXT_EXAMPLES", "100"))
TRIED = {"strings": 0, "exports": 0}

RTL = "".join(chr(c) for c in [*range(0x0600, 0x0660), *range(0x05D0, 0x05EB)]) + \
    "\u200f\u200e\u202b\u202e\u202c\u2066\u2067\u2069\u061c"
EMOJI = ["👩‍👩‍👧‍👦", "🏳️‍🌈", "👨🏽‍💻", "🇸🇪", "🧑‍🤝‍🧑", "❤️‍🔥", "🦆", "1️⃣", "🫶🏾"]
PASTE = ["\xa0", "\xad", "\u200b", "\u200c", "\u200d", "\ufeff", "\r\n", "\r", "\x0b", "\x0c",
         "“", "”", "‘", "’", "–", "—", "…", "\u2028", "\u2029", "\t", "\x85", "•", "\u2060"]
CONTROLS = st.characters(min_codepoint=0, max_codepoint=0x9F)
ANY_CHAR = st.characters(exclude_categories=())  # every category, lone surrogates too

piece = st.one_of(
    st.text(ANY_CHAR, max_size=40),
    st.text(CONTROLS, max_size=10),
    st.text(st.sampled_from(RTL), max_size=30),
    st.sampled_from(EMOJI),
    st.sampled_from(PASTE),
    st.text(st.sampled_from("åäöÅÄÖ *_#>-1.[]()`\\<&\"'\n "), max_size=20),
)
bad_text = st.lists(piece, max_size=6).map("".join)


@pytest.fixture
def stores(tmp_path_factory: pytest.TempPathFactory, _template_db: Path) -> Iterator[
        tuple[Store, Store, Path]]:
    folder = tmp_path_factory.mktemp("badtext")
    opened = []
    for name in ("source.sqlite3", "target.sqlite3"):
        shutil.copyfile(_template_db, folder / name)
        store = Store(open_database(folder / name))
        # Text is the subject here, not durability (test_kill9): skip the fsyncs.
        with store.engine.connect() as connection:
            raw = connection.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA synchronous=OFF")
        opened.append(store)
    yield opened[0], opened[1], folder
    for store in opened:
        store.close()


def _through_the_pipeline(source: Store, target: Store, folder: Path, texts: list[str]) -> None:
    project = projects.create_project(source, "Ängsö")
    workshop = workshops.create_workshop(source, project, "Vårmöte")
    sections.add_section(source, workshop, "Grupparbete", kind=SectionKind.GROUP_WORK)
    group = groups.create_group(source, workshop, name="Grupp 1")
    in_sections, in_wishes = [], []
    for index, text in enumerate(texts):
        if index % 2 == 0:  # a section carries it in a single-line and a multi-line field
            row = sections.add_section(source, workshop, "§" + text[:MAX_LINE - 1], body=text)
            in_sections.append((text, row))
        else:
            in_wishes.append((text, wishes.add_wish(source, group, "•" + text[:MAX_WISH - 1])))
        TRIED["strings"] += 1

    stored_sections = {s.id: s for s in sections.list_sections(source, workshop)}
    stored_wishes = {w.id: w.text for w in wishes.list_wishes(source, group)}
    for text, row in in_sections:
        section = stored_sections[row]
        assert section.body == clean_text(text)
        assert section.heading == clean_text("§" + text[:MAX_LINE - 1], multiline=False)
        assert is_xml_safe(section.body) and is_xml_safe(section.heading)
    for text, row in in_wishes:
        assert stored_wishes[row] == clean_text("•" + text[:MAX_WISH - 1])
        assert is_xml_safe(stored_wishes[row])

    # JSON package: exported as text, read back, imported into another database.
    package = json.loads(package_text(export_package(source, workshop)))
    import_package(target, package)
    assert {s.id: (s.heading, s.body) for s in sections.list_sections(target, workshop)} == {
        s.id: (s.heading, s.body) for s in stored_sections.values()}
    assert {w.id: w.text for w in wishes.list_wishes(target, group)} == stored_wishes

    # Minutes: the export succeeds and the file opens with python-docx.
    from docx import Document

    out = export_minutes(source, workshop, folder / "minutes.docx", MinutesOptions())
    document = Document(io.BytesIO(out.read_bytes()))
    assert any("Vårmöte" in p.text for p in document.paragraphs)
    TRIED["exports"] += 1


@settings(max_examples=EXAMPLES, deadline=None, derandomize=False,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow, HealthCheck.data_too_large])
@given(texts=st.lists(bad_text, min_size=BATCH, max_size=BATCH))
def test_any_text_survives_store_package_and_minutes(stores, texts: list[str]) -> None:
    source, target, folder = stores
    _through_the_pipeline(source, target, folder, texts)


def test_strings_tried_figure() -> None:
    """Runs after the property test in file order; reports the figure of the run."""
    if TRIED["strings"]:
        print(f"\nbad text: {TRIED['strings']} strings through store, package and "
              f"minutes; {TRIED['exports']} exports, 0 failed")
        assert TRIED["strings"] >= EXAMPLES * BATCH
        assert TRIED["exports"] >= EXAMPLES


def test_two_megabyte_strings(stores) -> None:
    source, target, folder = stores
    rng = random.Random(2026)
    alphabet = "abcdeåäö ÅÄÖ\n\n-*_#>" + RTL[:40] + "".join(PASTE) + "\x00\x01\x1b\x7f\x9f" + \
        "\ud800\udfff" + "".join(EMOJI)
    texts = ["".join(rng.choice(alphabet) for _ in range(2_000_000))]
    texts.append("ä" * 2_000_000)
    texts.append(("Önskemål om en ny brygga. " * 80 + "\n\n") * 1000)
    _through_the_pipeline(source, target, folder, texts)


# --- text pasted from Word, a browser or an e-mail ------------------------------------

@pytest.mark.parametrize(("pasted", "multiline", "expected"), [
    # Word: soft line break, soft hyphen, smart quotes, NBSP before "kr"
    ("”Vi vill ha\x0bfler bänkar” – 10\xa0000\xa0kr, fritids\xadhus", True,
     "”Vi vill ha\nfler bänkar” – 10\xa0000\xa0kr, fritidshus"),
    # Windows line endings and a page break
    ("Första stycket\r\n\r\nAndra\x0c stycket\r\n", True, "Första stycket\n\nAndra stycket"),
    # a browser: paragraph / line separators, zero-width spaces, BOM
    ("\ufeffÄngsö\u2029Bryggan\u2028behöver\u200b lagas", True, "Ängsö\nBryggan\nbehöver lagas"),
    # an e-mail client: NEL, CR, and a combining diaeresis (NFD from macOS)
    ("Hälsningar\x85Åsa\rÖberg", True, "Hälsningar\nÅsa\nÖberg"),
    ("Ma\u0308rta Ro\u0308nn", False, "Märta Rönn"),
    # single-line fields: any line break becomes one space
    ("Åsa\u2029Öberg\r\n\tordförande", False, "Åsa Öberg ordförande"),
    # emoji sequences keep their joiners; RTL text and marks are kept
    ("👩‍👩‍👧 och 🏳️‍🌈", True, "👩‍👩‍👧 och 🏳️‍🌈"),
    ("\u200fمرحبا שלום", True, "\u200fمرحبا שלום"),
    # C0 / C1 controls and non-characters are removed
    ("a\x00b\x1bc\x7fd\x9fe\ufffef\uffff", True, "abcdef"),
    ("ensam \ud83d surrogat", True, "ensam  surrogat"),
])
def test_pasted_text_is_cleaned_the_documented_way(pasted: str, multiline: bool,
                                                    expected: str) -> None:
    assert clean_text(pasted, multiline=multiline) == expected


@settings(max_examples=1000, deadline=None)
@given(text=bad_text, multiline=st.booleans())
def test_clean_text_is_idempotent_and_xml_safe(text: str, multiline: bool) -> None:
    once = clean_text(text, multiline=multiline)
    assert clean_text(once, multiline=multiline) == once
    assert is_xml_safe(once)
    once.encode("utf-8")  # storable
