"""Which unit a project, a merge conflict and a tombstone belong to on the server (#15).

IT sets a project's unit (``facilitator server-set-unit``) and lists who sees what
(``facilitator server-units``) as the database's owner. Merge conflicts and tombstones
name their row only by (table_name, row_id), and a tombstone's row is gone for good, so
``server-init`` installs triggers that write down, when one is made, the project it
belongs to and that project's unit; a project moved to another unit takes its
conflicts and tombstones along. Row-level security then treats them like the project
(server_setup.PROJECT_VISIBLE).

The trigger looks for the project with the rights of whoever writes: a facilitator finds
only projects they may see, so what they write always passes the policy. A tombstone
that already exists in a project they cannot see (a package can name rows of another
unit) is skipped, not refused: the server knows already that the row is gone.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text

from facilitator.messages import tr
from facilitator.store.server import ServerError, open_server_database

TRAIL_FUNCTION = "facilitator_trail_unit"
MOVE_FUNCTION = "facilitator_project_unit_moved"
KNOWN_FUNCTION = "facilitator_tombstone_known"


def project_of(table_name: str, row_id: str) -> str:
    """SQL: the project of the row ``row_id`` of the table named by ``table_name``."""
    from facilitator.store.server_setup import PARENTS

    cases = [f"WHEN 'project' THEN {row_id}"]
    cases += [f"WHEN '{table}' THEN {_climb(table, row_id, 0)}" for table in PARENTS]
    return f"CASE {table_name} {' '.join(cases)} END"


def _climb(table: str, row_id: str, depth: int) -> str:
    from facilitator.store.server_setup import PARENTS

    if table == "project":
        return row_id
    alias = f"r{depth}"
    found = [_climb(parent, f"{alias}.{column}", depth + 1)
             for column, parent in PARENTS[table]]
    project = found[0] if len(found) == 1 else f"coalesce({', '.join(found)})"
    return f"(SELECT {project} FROM {table} {alias} WHERE {alias}.id = {row_id})"


def trail_sql(schema: str, trails: tuple[str, ...]) -> list[str]:
    """Functions and triggers that give conflicts and tombstones their project's unit."""
    path = f"SET search_path = pg_catalog, {schema}"
    statements = [
        f"""CREATE OR REPLACE FUNCTION {KNOWN_FUNCTION}(t text, r text) RETURNS boolean
            LANGUAGE sql STABLE SECURITY DEFINER {path}
            AS $$ SELECT EXISTS (SELECT 1 FROM tombstone WHERE table_name = t AND row_id = r) $$""",
        f"REVOKE ALL ON FUNCTION {KNOWN_FUNCTION}(text, text) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION {KNOWN_FUNCTION}(text, text) TO facilitator_users",
        f"""CREATE OR REPLACE FUNCTION {TRAIL_FUNCTION}() RETURNS trigger
            LANGUAGE plpgsql {path} AS $function$
            BEGIN
            IF TG_TABLE_NAME = 'tombstone' AND NOT EXISTS (SELECT 1 FROM tombstone
                    WHERE table_name = NEW.table_name AND row_id = NEW.row_id)
                    AND {KNOWN_FUNCTION}(NEW.table_name, NEW.row_id) THEN
                RETURN NULL;  -- known already, in a project this login cannot see
            END IF;
            IF NEW.project_id IS NULL THEN
                NEW.project_id := {project_of("NEW.table_name", "NEW.row_id")};
            END IF;
            NEW.unit := (SELECT unit FROM project WHERE id = NEW.project_id);
            RETURN NEW;
            END $function$""",
        f"""CREATE OR REPLACE FUNCTION {MOVE_FUNCTION}() RETURNS trigger
            LANGUAGE plpgsql {path} AS $function$
            BEGIN
            {" ".join(f"UPDATE {t} SET unit = NEW.unit WHERE project_id = NEW.id;"
                      for t in trails)}
            RETURN NULL;
            END $function$""",
        f"DROP TRIGGER IF EXISTS {MOVE_FUNCTION} ON project",
        f"""CREATE TRIGGER {MOVE_FUNCTION} AFTER UPDATE OF unit ON project FOR EACH ROW
            WHEN (OLD.unit IS DISTINCT FROM NEW.unit) EXECUTE FUNCTION {MOVE_FUNCTION}()""",
    ]
    for trail in trails:
        statements += [
            f"DROP TRIGGER IF EXISTS {TRAIL_FUNCTION} ON {trail}",
            f"CREATE TRIGGER {TRAIL_FUNCTION} BEFORE INSERT ON {trail} FOR EACH ROW "
            f"EXECUTE FUNCTION {TRAIL_FUNCTION}()",
            # those made before server-init: the project is found while its rows exist
            f"""UPDATE {trail} t SET project_id = found.project_id
                FROM (SELECT ctid AS place, {project_of('table_name', 'row_id')} AS project_id
                      FROM {trail} WHERE project_id IS NULL) found
                WHERE t.ctid = found.place AND found.project_id IS NOT NULL""",
            f"UPDATE {trail} t SET unit = p.unit FROM project p "
            "WHERE p.id = t.project_id AND t.unit IS DISTINCT FROM p.unit",
        ]
    return statements


@dataclass(frozen=True)
class ProjectUnit:
    id: str
    name: str
    unit: str | None
    in_trash: bool


@dataclass(frozen=True)
class UnitsOverview:
    projects: list[ProjectUnit]
    members: dict[str, list[str]]  # unit → its roles


def _projects(connection: Connection) -> list[ProjectUnit]:
    rows = connection.execute(text(
        "SELECT id, name, unit, deleted_at IS NOT NULL FROM project "
        "ORDER BY unit NULLS FIRST, lower(name), id"))
    return [ProjectUnit(*row) for row in rows]


def _members(connection: Connection) -> dict[str, list[str]]:
    from facilitator.store.server_setup import UNIT_TABLE

    if connection.execute(text("SELECT to_regclass(:t)"), {"t": UNIT_TABLE}).scalar() is None:
        raise ServerError(tr("Run server-init on the server first."))
    members: dict[str, list[str]] = {}
    for role, unit in connection.execute(text(
            f"SELECT role_name, unit FROM {UNIT_TABLE} ORDER BY unit, role_name")):
        members.setdefault(unit, []).append(role)
    return members


def _owner_engine(target: str) -> Engine:
    return open_server_database(target)


def units_overview(target: str) -> UnitsOverview:
    """Every project with its unit, and each unit's roles (run as the database's owner)."""
    engine = _owner_engine(target)
    try:
        with engine.connect() as connection:
            return UnitsOverview(_projects(connection), _members(connection))
    except ServerError:
        raise
    except Exception as exc:  # noqa: BLE001 - a permission error reaches IT as one line
        raise ServerError(tr("The units could not be read (run this as the database's "
                             "owner): {reason}"), reason=_first_line(exc)) from None
    finally:
        engine.dispose()


def set_project_unit(target: str, project: str, unit: str | None) -> ProjectUnit:
    """Put the project named by id or exact name into ``unit`` (None: everyone's).

    Written through the app's own session, so the change is stamped like an edit in the
    window: a laptop that took the project offline before gets the new unit at its next
    sync instead of bringing the old one back.
    """
    from facilitator.services.core import Store
    from facilitator.store.models import Project

    unit = (unit or "").strip() or None
    store = Store(_owner_engine(target))
    try:
        with store.write() as tx:
            connection = tx.session.connection()
            _members(connection)  # server-init first: else no trigger moves the trail
            found = [p for p in _projects(connection) if project in (p.id, p.name)]
            if not found:
                raise ServerError(tr("There is no project with the id or name {project}."),
                                  project=project)
            if len(found) > 1:
                candidates = "; ".join(f"{p.name} ({p.id})" for p in found)
                raise ServerError(tr("Several projects are called {project}: {candidates}. "
                                     "Give the id of the one you mean."),
                                  project=project, candidates=candidates)
            tx.session.get_one(Project, found[0].id).unit = unit
            tx.changed("project", found[0].id)
            return ProjectUnit(found[0].id, found[0].name, unit, found[0].in_trash)
    except ServerError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise ServerError(tr("The project's unit could not be set (run this as the "
                             "database's owner): {reason}"), reason=_first_line(exc)) from None
    finally:
        store.close()


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
