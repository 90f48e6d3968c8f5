"""Versioned JSON workshop packages: format, export, import and the sample project.

The field tables in :mod:`facilitator.interchange.fields` are the one place the
format is described; export, import and the JSON Schema all follow them.
"""

from facilitator.interchange.errors import PackageError
from facilitator.interchange.fields import FORMAT_NAME, FORMAT_VERSION

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "PackageError"]
