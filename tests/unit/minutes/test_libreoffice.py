"""Render the minutes with LibreOffice: every page header reads "Sid i(n)"."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from facilitator.minutes.export import MinutesOptions, export_minutes
from facilitator.services.core import Store
from tests.unit.minutes.conftest import build_closing_workshop

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
PDFFONTS = shutil.which("pdffonts")

pytestmark = pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None,
    reason="LibreOffice (soffice) or pdftotext is not installed: "
    "apt-get install libreoffice-writer poppler-utils",
)


def to_pdf(docx: Path, workdir: Path) -> Path:
    env = {"HOME": str(workdir), "PATH": "/usr/bin:/bin"}
    subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation=file://{workdir}/lo", "--headless",
         "--convert-to", "pdf", "--outdir", str(workdir), str(docx)],
        check=True, capture_output=True, env=env, timeout=180,
    )
    pdf = workdir / (docx.stem + ".pdf")
    assert pdf.exists()
    return pdf


def pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run([str(PDFTOTEXT), "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def test_every_page_header_shows_page_of_pages(store: Store, tmp_path: Path) -> None:
    built = build_closing_workshop(store, wishes_per_group=150)
    docx = export_minutes(store, built.workshop_id, tmp_path / "minnes.docx",
                          MinutesOptions(show_votes=True))
    pdf = to_pdf(docx, tmp_path)
    pages = pdf_pages(pdf)
    total = len(pages)
    assert total >= 3
    for number, page in enumerate(pages, start=1):
        first_line = next(line for line in page.splitlines() if line.strip())
        assert re.search(rf"Sid {number}\({total}\)\s*$", first_line), (number, first_line)
        assert first_line.startswith("Kommunkansliet – Redovisning av Bygdekraft")
    assert "MINNESANTECKNINGAR" in pages[0]
    assert "Extra önskemål 149" in pages[-1] or "Extra önskemål 149" in "".join(pages)
    if PDFFONTS is not None:
        # The document names Calibri; LibreOffice lays it out with the metric-compatible
        # Carlito (fonts-crosextra-carlito), so pages break as in Word.
        fonts = subprocess.run([PDFFONTS, str(pdf)], check=True, capture_output=True,
                               text=True).stdout
        assert "Carlito" in fonts, fonts
