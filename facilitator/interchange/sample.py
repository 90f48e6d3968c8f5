"""The sample project (Lillsjö, Norrbyns kommun), loaded through the ordinary import."""

from __future__ import annotations

from facilitator.interchange.importer import import_package_file
from facilitator.paths import resource_path
from facilitator.services.core import Store

SAMPLE_FILE = ("samples", "sample-project.json")


def load_sample(store: Store) -> str:
    """Import the bundled sample package (again: creates nothing); returns its project id."""
    return import_package_file(store, resource_path(*SAMPLE_FILE)).project_id
