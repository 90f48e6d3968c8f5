"""Projects: create, rename, trash and restore (the navigator's listing is in overview)."""

from __future__ import annotations

from facilitator.messages import tr
from facilitator.services.core import (
    Store,
    get_any,
    get_live,
    optional_body,
    required_line,
    tombstone,
    unchanged_fields,
)
from facilitator.services.overview import ProjectSummary as ProjectSummary
from facilitator.services.overview import WorkshopSummary as WorkshopSummary
from facilitator.services.overview import list_projects as list_projects
from facilitator.store.models import Project


def create_project(store: Store, name: str, description: str = "") -> str:
    with store.write() as tx:
        project = Project(
            name=required_line(name, tr("The project's name"), 300),
            description=optional_body(description, tr("Project description")),
        )
        if store.on_server:  # a facilitator's new project is their unit's, not everyone's
            from facilitator.store.server_setup import my_units

            project.unit = next(iter(my_units(tx.session.connection())), None)
        tx.session.add(project)
        tx.session.flush()
        tx.changed("project", project.id)
        return project.id


def project_name(store: Store, project_id: str) -> str:
    with store.read() as session:
        return get_live(session, Project, project_id, tr("The project")).name


def rename_project(store: Store, project_id: str, name: str, *,
                   expected: str | None = None) -> str:
    """Rename; returns the previous name (for undo). ``expected``: the name the user
    saw; refused if another user renamed it since."""
    with store.write() as tx:
        project = get_live(tx.session, Project, project_id, tr("The project"))
        if expected is not None:
            unchanged_fields(project, {"name": expected}, tr("The project's name"))
        old = project.name
        project.name = required_line(name, tr("The project's name"), 300)
        tx.changed("project", project.id)
        return old


def update_project_description(store: Store, project_id: str, description: str, *,
                               expected: str | None = None) -> str:
    with store.write() as tx:
        project = get_live(tx.session, Project, project_id, tr("The project"))
        if expected is not None:
            unchanged_fields(project, {"description": expected}, tr("Project description"))
        old = project.description
        project.description = optional_body(description, tr("Project description"))
        tx.changed("project", project.id)
        return old


def delete_project(store: Store, project_id: str) -> None:
    """Move a project (and so its workshops) to the trash."""
    with store.write() as tx:
        project = get_live(tx.session, Project, project_id, tr("The project"))
        tombstone(project)
        tx.changed("project", project.id)


def restore_project(store: Store, project_id: str) -> None:
    with store.write() as tx:
        project = get_any(tx.session, Project, project_id, tr("The project"))
        project.deleted_at = None
        tx.changed("project", project.id)
