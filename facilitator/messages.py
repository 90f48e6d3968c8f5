"""Error messages in every layer: English source text with named placeholders, translated
where they are shown.

A service raises ``ValidationError(tr("Votes must be at least {minimum}."), minimum=0)``:
``tr`` only marks the text for pyside6-lupdate (it files bare ``tr("…")`` calls under the
empty context) and returns it unchanged. ``translate_error`` looks the text up in the
language of the window (QCoreApplication's translators) or of the command line (a translator
loaded by ``use_language``), then fills in the parameters; a parameter that is itself marked
text (the name of a field) is translated too, and one that is an error is rendered the same
way. With no translation loaded the English source is shown.

This module imports no Qt: services and the command line stay Qt-free until a message is
actually shown, and then use whatever QtCore the process has already loaded.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

CONTEXT = ""  # where pyside6-lupdate files bare tr("…") calls

_headless: QTranslator | None = None  # the command line has no QCoreApplication


class Source(str):
    """English text marked for translation: translated when shown, not when raised."""

    __slots__ = ()


def tr(source: str) -> Source:
    """Mark ``source`` for lupdate; it stays English until ``translate_error`` shows it."""
    return Source(source)


class TranslatedError(Exception):
    """An error whose message is English source text with ``{placeholders}`` and ``params``.

    ``str()`` gives the text in the language the process shows (see ``translate_error``),
    so every place that already prints an error shows it translated.
    """

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params

    def __str__(self) -> str:
        return translate_error(self)


class Text(TranslatedError):  # noqa: N818 - a part of a message, not an error of its own
    """A part of a message (never raised), translated together with the message it is in:
    ``PackageError(tr("Invalid at {path}: {what}."), path=p, what=Text(tr("…"), …))``."""


def use_language(language: str | None) -> None:
    """Translate errors into ``language`` without a QCoreApplication (the command line).

    ``None`` or a language without a translation file leaves the English source texts.
    """
    global _headless
    _headless = None
    if language is None or language == "en":
        return
    from PySide6.QtCore import QTranslator

    from facilitator.paths import resource_path

    translator = QTranslator()
    if translator.load(str(resource_path("translations", f"facilitator_{language}.qm"))):
        _headless = translator


def translate_error(exc: BaseException) -> str:
    """The message of ``exc`` in the language shown, with its parameters filled in."""
    message = getattr(exc, "message", None)
    params = getattr(exc, "params", None)
    if not isinstance(message, str) or not isinstance(params, dict):
        return str(exc)
    qt_loaded = "PySide6.QtCore" in sys.modules
    translated: dict[str, str] = {}
    for source in (message, *(v for v in params.values() if isinstance(v, Source))):
        text = _headless.translate(CONTEXT, source) if _headless is not None else ""
        if not text and qt_loaded:
            from PySide6.QtCore import QCoreApplication

            text = QCoreApplication.translate(CONTEXT, source)
        translated[source] = text or source
    if not params:  # also a text built before this scheme, which may hold braces
        return translated[message]
    values = {key: translated[value] if isinstance(value, Source)
              else translate_error(value) if isinstance(value, BaseException)
              else value
              for key, value in params.items()}
    return translated[message].format(**values)
