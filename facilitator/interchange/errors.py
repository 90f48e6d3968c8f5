"""The one error an import raises; its message says in plain words what is wrong."""

from __future__ import annotations

from facilitator.services.core import ServiceError


class PackageError(ServiceError):
    """A package file was refused; nothing was written to the store."""
