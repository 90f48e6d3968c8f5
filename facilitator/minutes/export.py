"""The minutes export: store → MinutesDocument → .docx bytes → atomic write.

Public API (used by the CLI and the window):
``MinutesOptions``, ``export_minutes``, ``build_outline``, ``MinutesError``.
Qt-free (the window runs it between repaints, see ui/export_dialog.py);
python-docx is imported only here, when an export actually runs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from facilitator.messages import tr
from facilitator.minutes.build import build_minutes
from facilitator.minutes.errors import MinutesError
from facilitator.minutes.model import MinutesDocument, MinutesOptions
from facilitator.services.core import Store

__all__ = [
    "MinutesError", "MinutesOptions", "build_outline", "export_minutes", "render_docx",
    "write_docx",
]


def export_minutes(
    store: Store,
    workshop_id: str,
    out: Path,
    options: MinutesOptions,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write the workshop's minutes to ``out`` (.docx) atomically; returns the path.

    Raises MinutesError (a ServiceError) with a message naming the file when the
    template is unusable or the target is locked or read-only; the original file
    is then untouched and no temp file is left behind.
    """
    model = build_minutes(store, workshop_id, options)
    return write_docx(model, Path(out), options.template, progress)


def write_docx(
    model: MinutesDocument,
    out: Path,
    template: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Render ``model`` and write it to ``out`` atomically (see ``export_minutes``)."""
    from facilitator.atomic import TargetFileError, atomic_write_bytes

    data = render_docx(model, template, progress)
    try:
        return atomic_write_bytes(out, data)
    except TargetFileError as exc:
        raise MinutesError(exc.message, **exc.params) from exc


def render_docx(
    model: MinutesDocument,
    template: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """The .docx bytes of ``model`` on ``template`` (the default template when None)."""
    from facilitator.minutes.docx_writer import DocxWriter
    from facilitator.minutes.template import default_template_bytes, open_template, read_template

    if template is not None:
        document = open_template(read_template(Path(template)), Path(template).name)
    else:
        document = open_template(default_template_bytes(), "minutes-default.docx")
    try:
        return DocxWriter(document, model).write(progress)
    except MinutesError:
        raise
    except (ValueError, KeyError, TypeError) as exc:
        raise MinutesError(tr("The minutes could not be made: {reason}"), reason=exc) from exc


def build_outline(store: Store, workshop_id: str, options: MinutesOptions) -> list[tuple[int, str]]:
    """(heading level, text) of the minutes for an outline preview; level 0 is the title."""
    return build_minutes(store, workshop_id, options).outline()
