"""A package file read and checked before anything is merged: size, archive, UTF-8, JSON,
nesting, header (format, version; older versions upgraded) and the JSON Schema."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from facilitator.interchange.errors import PackageError
from facilitator.interchange.fields import FORMAT_NAME, FORMAT_VERSION, MAX_PACKAGE_BYTES
from facilitator.interchange.schema import validator
from facilitator.interchange.upgrades import UPGRADES
from facilitator.interchange.validation import schema_error
from facilitator.messages import tr


def read_package_file(path: Path) -> Any:
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise PackageError(tr("The file {path} does not exist."), path=path) from None
    except OSError as exc:
        raise PackageError(tr("The file {path} cannot be read: {reason}."), path=path,
                           reason=exc.strerror) from exc
    if path.is_dir():
        raise PackageError(tr("{path} is a folder, not a package file."), path=path)
    if size > MAX_PACKAGE_BYTES:
        raise PackageError(
            tr("The file {path} is too large ({size:.0f} MB): a package may be at most "
               "{maximum} MB. It is probably not a package."),
            path=path, size=size / 1024 / 1024, maximum=MAX_PACKAGE_BYTES // 1024 // 1024)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PackageError(tr("The file {path} cannot be read: {reason}."), path=path,
                           reason=exc.strerror) from exc
    if raw.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        raise PackageError(
            tr("The file {path} is a zip archive (perhaps a Word document), not a "
               "Facilitator package (.json). If the package was zipped: unzip it and "
               "import the .json file."), path=path)
    _check_containers(raw, path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PackageError(
            tr("The file {path} is not a package: it is not UTF-8 text."), path=path
        ) from None
    if not text.strip():
        raise PackageError(tr("The file {path} is empty."), path=path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        # At the very end, or a string never closed on the last line (the error points
        # at where the string began): the file ends in the middle of the package.
        unterminated = exc.msg.startswith("Unterminated string")
        if exc.pos >= len(text.rstrip()) or (
                unterminated and "\n" not in text[exc.pos:].rstrip()):
            raise PackageError(
                tr("The file {path} is cut off: it ends in the middle of the package. It "
                   "was perhaps copied or saved incompletely; export the package again."),
                path=path) from None
        raise PackageError(
            tr("The file {path} is not valid JSON (error on line {line}, column {column})."),
            path=path, line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise PackageError(tr("The file {path} is nested too deeply to be a package."),
                           path=path) from None
    except ValueError:  # e.g. an integer of thousands of digits
        raise PackageError(
            tr("The file {path} is not a valid package: it contains an unreasonable number."),
            path=path) from None


# A real package of 50 MB has well under a million JSON objects and lists (a
# row is an object of a few hundred bytes). Millions of tiny ones ("[[],[],…]")
# would take gigabytes once parsed, so they are refused before parsing.
MAX_CONTAINERS = 1_000_000
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)


def _check_containers(raw: bytes, path: Path) -> None:
    if raw.count(b"{") + raw.count(b"[") <= MAX_CONTAINERS:
        return
    outside = _JSON_STRING.sub(b"", raw)  # brackets inside texts do not count
    if outside.count(b"{") + outside.count(b"[") > MAX_CONTAINERS:
        raise PackageError(
            tr("The file {path} contains an unreasonable number of entries and is not a "
               "package Facilitator can read."), path=path)


def check_header(data: Any) -> dict[str, Any]:
    """Refuse what is not a package, or a package this version cannot read; upgrade older."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise PackageError(
            tr("The file is not a Facilitator package (the field \"format\" is not "
               "\"{name}\")."), name=FORMAT_NAME)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PackageError(tr("The package's format version {version!r} is not valid."),
                           version=version)
    if version > FORMAT_VERSION:
        raise PackageError(
            tr("The package has format version {version}, but this version of Facilitator "
               "can only read version {supported} and older. Update Facilitator and try "
               "again."), version=version, supported=FORMAT_VERSION)
    while version < FORMAT_VERSION:
        data = UPGRADES[version](data)
        version = data["version"]
    _add_focus_choices(data)
    return data


def _add_focus_choices(data: dict[str, Any]) -> None:
    """Packages written before focus choices existed have none: read them as empty lists."""
    project = data.get("project")
    workshops = project.get("workshops") if isinstance(project, dict) else None
    for workshop in workshops if isinstance(workshops, list) else ():
        if isinstance(workshop, dict) and "focus_choices" not in workshop:
            workshop["focus_choices"] = []


def validate(data: Any) -> dict[str, Any]:
    data = check_header(data)
    error = next(iter(validator().iter_errors(data)), None)
    if error is not None:
        raise schema_error(error)
    return data
