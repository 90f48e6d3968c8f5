"""Render the app icon for the installer from resources/icons/facilitator.svg.

    uv run python tools/make_icons.py          # write facilitator.png/.ico/.icns
    uv run python tools/make_icons.py --check  # exit 1 if they are missing or older than the SVG

The PNG (256 px) is for Linux desktop files, the .ico (16–256 px) for the
Windows executable and the .icns for the macOS .app; installer.spec picks the
one for the platform it runs on. Only Qt is used (its svg, ico and icns image
plugins ship with PySide6-Essentials), so no extra package is needed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "facilitator.svg"
OUTPUTS = {
    "png": ICONS / "facilitator.png",
    "ico": ICONS / "facilitator.ico",
    "icns": ICONS / "facilitator.icns",
}
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def _render(renderer, size: int):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def _png_bytes(image) -> bytes:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit("could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def _ico_bytes(images: list) -> bytes:  # type: ignore[type-arg]
    """A Windows .ico with one PNG-compressed entry per size (Vista and later read these).

    Qt's own ico writer stores a single image; Windows picks the nearest size
    from a multi-size file, which keeps the 16 px taskbar icon sharp.
    """
    pngs = [_png_bytes(image) for image in images]
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    directory, payload = b"", b""
    for image, png in zip(images, pngs, strict=True):
        side = image.width() % 256  # 0 means 256
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        payload += png
        offset += len(png)
    return header + directory + payload


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _qt_write(image, path: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImageWriter

    tmp = path.with_suffix(path.suffix + ".tmp")
    writer = QImageWriter(str(tmp), fmt.encode())
    if not writer.write(image):
        raise SystemExit(f"could not write {path.name}: {writer.errorString()}")
    del writer
    os.replace(tmp, path)


def build() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - image plugins
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG")
    _atomic_write(OUTPUTS["png"], _png_bytes(_render(renderer, 256)))
    _atomic_write(OUTPUTS["ico"], _ico_bytes([_render(renderer, s) for s in ICO_SIZES]))
    _qt_write(_render(renderer, 512), OUTPUTS["icns"], "icns")  # Qt adds the smaller sizes
    for path in OUTPUTS.values():
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")


def stale() -> list[str]:
    return [p.name for p in OUTPUTS.values()
            if not p.exists() or p.stat().st_size == 0]


def main(argv: list[str]) -> int:
    if "--check" in argv:
        missing = stale()
        if missing:
            print("missing icons: " + ", ".join(missing) + " (run tools/make_icons.py)")
            return 1
        return 0
    build()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
