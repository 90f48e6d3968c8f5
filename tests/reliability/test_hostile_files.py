"""Hostile files: each is refused with a clear Swedish message, 0 writes, under 500 MB.

Packages (plain JSON): invalid or cut-off JSON, not a package, a wrong or future
format version, an absurd number, a file over 50 MB, a zip (or .docx) instead
of a package, millions of tiny JSON containers, deep nesting, a package that
fails on its last row. Word templates (a .docx is a zip): not a zip, member
names with ".." or absolute paths, zip bombs (by ratio and by total size),
an XML entity bomb ("billion laughs") in document.xml and in styles.xml, a
template over 50 MB. Memory is measured with tracemalloc around each refusal.
"""

from __future__ import annotations

import io
import json
import resource
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from facilitator.interchange.errors import PackageError
from facilitator.interchange.export import export_package
from facilitator.interchange.importer import import_package_file
from facilitator.minutes.errors import MinutesError
from facilitator.minutes.export import export_minutes
from facilitator.minutes.model import MinutesOptions
from facilitator.minutes.template import checked_template_bytes, default_template_bytes
from facilitator.services import people, projects, sections, workshops
from facilitator.services.core import Store
from tests.tables import table_names

MB = 1024 * 1024
LIMIT = 500 * MB
REFUSED: list[tuple[str, str, int]] = []  # (case, message, peak bytes)

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>
"""


def _rows(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        tables = table_names(conn)
        return {t: conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar() for t in tables}


def _refused(case: str, error: type[Exception], call: Callable[[], object],
             match: str) -> str:
    tracemalloc.start()
    try:
        with pytest.raises(error, match=match) as info:
            call()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    message = str(info.value)
    assert peak < LIMIT, f"{case}: {peak / MB:.0f} MB"
    assert "Traceback" not in message and len(message) < 400
    REFUSED.append((case, message, peak))
    return message


@pytest.fixture
def filled(store: Store) -> dict[str, str]:
    project = projects.create_project(store, "Ängsö")
    workshop = workshops.create_workshop(store, project, "Vårmöte")
    sections.add_section(store, workshop, "Inledning", "Välkomna!")
    people.set_attendance(store, workshop, people.create_person(store, "Åsa Öberg"), "attended")
    return {"project": project, "workshop": workshop}


# --- packages -----------------------------------------------------------------------

def _zip_bytes(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name), data)
    return out.getvalue()


PACKAGES: dict[str, tuple[bytes, str]] = {
    "invalid JSON": (b'{"format": "facilitator-package", version: 1}', "inte giltig JSON"),
    "cut off": (b'{"format": "facilitator-package", "version": 1, ', "avklippt"),
    "not a package": (b'{"hello": "world"}', "inte ett Facilitator-paket"),
    "a JSON list": (b"[1, 2, 3]", "inte ett Facilitator-paket"),
    "wrong version": (b'{"format": "facilitator-package", "version": "1"}', "ogiltig"),
    "future version": (b'{"format": "facilitator-package", "version": 99}',
                       "formatversion 99.*Uppdatera Facilitator"),
    "absurd number": (b'{"format": "facilitator-package", "version": ' + b"9" * 5000 + b"}",
                      "orimligt tal"),
    "empty": (b"   \n", "tom"),
    "UTF-16": ('{"format": "facilitator-package"}'.encode("utf-16"), "UTF-8"),
    "binary": (bytes(range(256)) * 10, "UTF-8"),
    "deep nesting": (b"[" * 200_000 + b"]" * 200_000, "djupt nästlad"),
    "millions of containers": (b"[" + b"[]," * 2_000_000 + b"[]]", "orimligt många poster"),
    "zip with '..' and absolute paths": (
        _zip_bytes({"../../evil.json": b"{}", "/etc/passwd": b"x", "package.json": b"{}"}),
        "zip-arkiv"),
}


@pytest.mark.parametrize("case", list(PACKAGES))
def test_hostile_package_is_refused_without_writing(store: Store, filled, tmp_path: Path,
                                                    case: str) -> None:
    data, match = PACKAGES[case]
    path = tmp_path / "paket.json"
    path.write_bytes(data)
    before = _rows(store)
    _refused(f"package: {case}", PackageError, lambda: import_package_file(store, path), match)
    assert _rows(store) == before


def test_package_over_50_mb_is_refused_before_reading(store: Store, filled,
                                                      tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as f:  # a sparse file: 60 MB declared by the file system
        f.truncate(60 * MB)
    before = _rows(store)
    _refused("package: 60 MB file", PackageError, lambda: import_package_file(store, path),
             "för stor")
    assert _rows(store) == before


def test_docx_given_as_package_is_refused(store: Store, filled, tmp_path: Path) -> None:
    path = tmp_path / "minnesanteckningar.docx"
    export_minutes(store, filled["workshop"], path, MinutesOptions())
    before = _rows(store)
    _refused("package: a .docx", PackageError, lambda: import_package_file(store, path),
             "zip-arkiv")
    assert _rows(store) == before


def test_package_failing_on_its_last_row_writes_nothing(store: Store, filled,
                                                        tmp_path: Path) -> None:
    package = export_package(store, filled["workshop"])
    package["project"]["name"] = "Ängsö, ändrat"
    package["project"]["workshops"][0]["sections"].append(
        {**package["project"]["workshops"][0]["sections"][0],
         "id": "00000000-0000-4000-8000-000000000001",
         "focus_area_id": "00000000-0000-4000-8000-00000000dead"})
    path = tmp_path / "paket.json"
    path.write_text(json.dumps(package), "utf-8")
    before = _rows(store)
    _refused("package: bad last reference", PackageError,
             lambda: import_package_file(store, path), "Paketet är felaktigt")
    assert _rows(store) == before
    assert projects.list_projects(store)[0].name == "Ängsö"


# --- Word templates -------------------------------------------------------------------

def _docx_with(replace: dict[str, bytes], extra: dict[str, bytes] | None = None) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(default_template_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, replace.get(info.filename, source.read(info)))
        for name, data in (extra or {}).items():
            target.writestr(zipfile.ZipInfo(name), data)
    return out.getvalue()


def _bomb(path: Path, members: int, size: int) -> None:
    """A template whose members unpack to ``members`` × ``size`` zero bytes."""
    chunk = bytes(MB)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", zipfile.ZipFile(
            io.BytesIO(default_template_bytes())).read("[Content_Types].xml"))
        for n in range(members):
            with archive.open(f"word/media/image{n}.png", "w", force_zip64=True) as member:
                for _ in range(size // MB):
                    member.write(chunk)


def _template_case(tmp_path: Path, case: str) -> Path:
    path = tmp_path / "mall.docx"
    if case == "not a zip":
        path.write_bytes(b"Det h\xe4r \xe4r ingen mall.")
    elif case == "'..' in a member name":
        path.write_bytes(_docx_with({}, {"word/../../../evil.xml": b"<a/>"}))
    elif case == "absolute member name":
        path.write_bytes(_docx_with({}, {"/tmp/evil.xml": b"<a/>"}))
    elif case == "Windows drive in a member name":
        path.write_bytes(_docx_with({}, {"C:\\Windows\\evil.xml": b"<a/>"}))
    elif case == "zip bomb (ratio)":
        _bomb(path, 1, 200 * MB)
    elif case == "zip bomb (total)":
        _bomb(path, 260, MB)
    elif case == "entity bomb in document.xml":
        path.write_bytes(_docx_with({"word/document.xml": BILLION_LAUGHS}))
    elif case == "entity bomb in styles.xml":
        path.write_bytes(_docx_with({"word/styles.xml": BILLION_LAUGHS.replace(
            b"w:document", b"w:styles")}))
    elif case == "over 50 MB":
        with path.open("wb") as f:
            f.truncate(51 * MB)
    return path


TEMPLATES = {
    "not a zip": "inte ett Word-dokument",
    "'..' in a member name": "otillåten sökväg",
    "absolute member name": "otillåten sökväg",
    "Windows drive in a member name": "otillåten sökväg",
    "zip bomb (ratio)": "orimligt mycket data",
    "zip bomb (total)": "orimligt mycket data",
    "entity bomb in document.xml": "DOCTYPE eller entiteter",
    "entity bomb in styles.xml": "DOCTYPE eller entiteter",
    "over 50 MB": "för stor",
}


@pytest.mark.parametrize("case", list(TEMPLATES))
def test_hostile_template_is_refused(store: Store, filled, tmp_path: Path, case: str) -> None:
    template = _template_case(tmp_path, case)
    out = tmp_path / "minnesanteckningar.docx"
    before = _rows(store)
    _refused(f"template: {case}", MinutesError,
             lambda: export_minutes(store, filled["workshop"], out,
                                    MinutesOptions(template=template)),
             TEMPLATES[case])
    assert not out.exists()
    assert _rows(store) == before


def test_genuine_template_still_accepted() -> None:
    data = default_template_bytes()
    assert checked_template_bytes(data, "mall.docx")


def test_report_refusals() -> None:
    """Prints the figures of this run (runs last in this file)."""
    if REFUSED:
        worst = max(peak for _, _, peak in REFUSED)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\nhostile files: {len(REFUSED)} refused; peak traced memory "
              f"{worst / MB:.1f} MB; process max RSS {rss:.0f} MB")
        for case, message, peak in REFUSED:
            print(f"  {case}: {peak / MB:.1f} MB: {message}")
