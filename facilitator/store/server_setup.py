"""Who may see what on the organisation's server (#15): roles, units, row-level security.

``facilitator server-init URL`` is run once by the database's owner (and again
after each update of the program: it also runs the migrations). It makes:

- ``facilitator_users``, a group role without login. Every facilitator's own
  login role is a member; the group may read and write the app's tables, never
  change their structure. The owner is not a member and bypasses the policies,
  so the app's users must never be the tables' owner.
- ``facilitator_unit_member(role_name, unit)``: which units each login belongs
  to. Only the owner can read it; ``facilitator_my_units()`` (SECURITY
  DEFINER) gives a login its own units. It asks for ``session_user``, the role
  that logged in: inside a SECURITY DEFINER function ``current_user`` is the
  function's owner.
- Row-level security on ``project``: a row is visible, and may be written,
  when its ``unit`` is NULL (everyone's) or one of the login's units. Every
  table under a project follows its parent with ``EXISTS (SELECT 1 FROM
  parent WHERE parent.id = row.parent_id)``; the parent's own policy applies
  inside that subquery, so a wish follows its group, which follows its
  workshop, which follows its project. One rule, one place (``FOLLOWS``).
  The people and organisations register is shared: no policy there.
- Merge conflicts and tombstones carry their project's unit (filled by a
  trigger, store/server_units.py) and follow the project's rule (``TRAILS``).

What the chain costs (EXPLAIN ANALYZE, 10,000 wishes in 20 projects of three
units, JIT off as in our engine): one group's wishes 0.05 ms as the owner, 0.2-0.3
ms as a facilitator (a primary-key probe per wish into its group and workshop);
counting every wish 1.2 ms → 2.0 ms (the parents become hashed subplans, each
table read once). ``facilitator_my_units()`` is wrapped in a scalar subquery so
it runs once per statement, not once per row. With JIT on, the planner's high
cost estimate for the per-row subplans made PostgreSQL spend 30 ms compiling
the count: one more reason our connections turn JIT off.

Erasing a person (GDPR) must reach rows in projects the facilitator cannot
see. ``facilitator_erase_elsewhere(person_id)`` (SECURITY DEFINER) does, with
the owner's rights, exactly what services/gdpr.py does in the rows one can
see: removes the rows that exist because of the person, points responsibles
and roles elsewhere, and replaces the person's name, e-mail and phone in the
free texts. It takes only a person id and returns only a count, so it shows
nothing of the other units' projects. Its statements are generated here from
the same models and column lists as the Python erasure.

Everything is idempotent: CREATE … IF NOT EXISTS, CREATE OR REPLACE, and
policies dropped and made again, in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, Engine, text

from facilitator.messages import tr
from facilitator.store.server import ServerError, open_server_database
from facilitator.store.server_units import trail_sql

APP_GROUP = "facilitator_users"
UNIT_TABLE = "facilitator_unit_member"
POLICY = "facilitator_unit"
ERASE_FUNCTION = "facilitator_erase_elsewhere"

PROJECT_VISIBLE = "unit IS NULL OR unit = ANY ((SELECT facilitator_my_units())::text[])"


# Each table under a project: the columns that point to its parent, in the order tried.
PARENTS: dict[str, tuple[tuple[str, str], ...]] = {
    "focus_area": (("project_id", "project"),),
    "workshop": (("project_id", "project"),),
    **{table: (("workshop_id", "workshop"),)
       for table in ("section", "attendance", "work_group", "workshop_role", "key_figure",
                     "review", "focus_choice")},
    **{table: (("group_id", "work_group"),)
       for table in ("wish", "group_member", "group_focus_area")},
    "action": (("workshop_id", "workshop"), ("focus_area_id", "focus_area")),
    "responsible": (("focus_area_id", "focus_area"), ("action_id", "action"),
                    ("review_id", "review")),
}


def _under(parent: str, column: str) -> str:
    return f"EXISTS (SELECT 1 FROM {parent} p WHERE p.id = {{t}}.{column})"


# Each table under a project: who decides whether a row of it is visible.
FOLLOWS: dict[str, str] = {
    table: " OR ".join(_under(parent, column) for column, parent in parents)
    for table, parents in PARENTS.items()}

# Merge conflicts and tombstones name their row by (table_name, row_id), and a
# tombstone's row is gone: they carry the project's unit, written when they are made.
TRAILS = ("merge_conflict", "tombstone")


def policy_sql() -> list[str]:
    """Row-level security on ``project`` and on every table under it."""
    rules = {"project": PROJECT_VISIBLE,
             **{table: rule.format(t=table) for table, rule in FOLLOWS.items()},
             **dict.fromkeys(TRAILS, PROJECT_VISIBLE)}
    statements = []
    for table, rule in rules.items():
        statements += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"DROP POLICY IF EXISTS {POLICY} ON {table}",
            f"CREATE POLICY {POLICY} ON {table} FOR ALL TO PUBLIC "
            f"USING ({rule}) WITH CHECK ({rule})",
        ]
    return statements


def _setup_sql(schema: str) -> list[str]:
    return [
        f"""DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{APP_GROUP}') THEN
                CREATE ROLE {APP_GROUP} NOLOGIN;
            END IF;
        END $$""",
        f"""CREATE TABLE IF NOT EXISTS {UNIT_TABLE} (
            role_name text NOT NULL, unit text NOT NULL, PRIMARY KEY (role_name, unit))""",
        f"REVOKE ALL ON {UNIT_TABLE} FROM PUBLIC",
        f"""CREATE OR REPLACE FUNCTION facilitator_my_units() RETURNS text[]
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, {schema}
            AS $$ SELECT coalesce(array_agg(unit), '{{}}') FROM {UNIT_TABLE}
                  WHERE role_name = session_user $$""",
        "REVOKE ALL ON FUNCTION facilitator_my_units() FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION facilitator_my_units() TO {APP_GROUP}",
        f"GRANT USAGE ON SCHEMA {schema} TO {APP_GROUP}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {APP_GROUP}",
        f"REVOKE ALL ON {UNIT_TABLE} FROM {APP_GROUP}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {APP_GROUP}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {APP_GROUP}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} "
        f"GRANT USAGE, SELECT ON SEQUENCES TO {APP_GROUP}",
        *policy_sql(),
        *trail_sql(schema, TRAILS),
        _erase_function_sql(schema),
        f"REVOKE ALL ON FUNCTION {ERASE_FUNCTION}(text) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION {ERASE_FUNCTION}(text) TO {APP_GROUP}",
    ]


def _erase_function_sql(schema: str) -> str:
    from facilitator.services.gdpr import ERASED, erasable_text_columns, person_row_tables

    # The needles of gdpr._patterns: name, e-mail, a phone number of 5+ digits; the
    # longest first; every character but letters, digits and spaces escaped for ~*.
    body = ["""
        SELECT string_agg(regexp_replace(needle, '([^[:alnum:][:space:]])', '\\\\\\1', 'g'), '|'
                          ORDER BY length(needle) DESC)
          INTO pattern
          FROM (SELECT DISTINCT needle FROM unnest(ARRAY[btrim(who.name), btrim(who.email),
                CASE WHEN length(regexp_replace(who.phone, '[^0-9]', '', 'g')) >= 5
                     THEN btrim(who.phone) END]) AS needle
                WHERE length(needle) >= 2) AS needles;"""]
    for table in person_row_tables():
        body.append(f"DELETE FROM {table} WHERE person_id = who.id;"
                    " GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;")
    body.append(f"""
        UPDATE responsible SET person_id = NULL,
               organisation_id = coalesce(who.organisation_id, organisation_id),
               text = CASE WHEN who.organisation_id IS NULL THEN '{ERASED}' ELSE text END
         WHERE person_id = who.id;
        GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
        UPDATE workshop_role SET person_id = NULL, name = '{ERASED}' WHERE person_id = who.id;
        GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
        IF pattern IS NULL THEN RETURN changed; END IF;""")
    for table, columns in erasable_text_columns().items():
        quoted = [f'"{c}"' for c in columns]
        sets = ", ".join(f"{c} = CASE WHEN {c} ~* pattern THEN regexp_replace({c}, pattern, "
                         f"'{ERASED}', 'gi') ELSE {c} END" for c in quoted)
        where = " OR ".join(f"{c} ~* pattern" for c in quoted)
        if table == "person":
            where = f"id <> who.id AND ({where})"
        body.append(f"UPDATE {table} SET {sets} WHERE {where};"
                    " GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;")
    statements = "\n        ".join(body)
    return f"""CREATE OR REPLACE FUNCTION {ERASE_FUNCTION}(erased_id text) RETURNS integer
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, {schema}
        AS $function$
        DECLARE who person%ROWTYPE; pattern text; n integer; changed integer := 0;
        BEGIN
        SELECT * INTO who FROM person WHERE id = erased_id;
        IF NOT FOUND THEN RETURN 0; END IF;
        {statements}
        RETURN changed;
        END $function$"""


def my_units(connection: Connection) -> list[str]:
    """This login's units in alphabetical order (none without server-init, or for the owner).

    A new project goes into the first: with several units it is the owner who moves it
    (docs/server.md), and until then it is at least not everyone's.
    """
    installed = connection.execute(text("SELECT to_regprocedure('facilitator_my_units()')"))
    if installed.scalar() is None:
        return []
    units = connection.execute(text(
        "SELECT CASE WHEN has_function_privilege('facilitator_my_units()', 'EXECUTE') "
        "THEN facilitator_my_units() END")).scalar()
    return sorted(units or [])


def erase_elsewhere(connection: Connection, person_id: str) -> int:
    """Erase the person in the rows this login cannot see (0 without server-init)."""
    installed = connection.execute(
        text(f"SELECT to_regprocedure('{ERASE_FUNCTION}(text)')")).scalar()
    if installed is None:
        return 0
    return int(connection.execute(text(f"SELECT {ERASE_FUNCTION}(:id)"),
                                  {"id": person_id}).scalar_one())


def _open(target: str) -> Engine:
    return open_server_database(target)  # the migrations first: the policies need the tables


def init_server(target: str) -> None:
    """Schema, roles, grants and policies on the server (run by the database's owner)."""
    engine = _open(target)
    try:
        with engine.begin() as connection:
            schema = connection.execute(text("SELECT quote_ident(current_schema())")).scalar()
            for statement in _setup_sql(str(schema)):
                connection.exec_driver_sql(statement.replace("%", "%%"))  # no parameters
    except Exception as exc:  # noqa: BLE001 - permission errors reach the admin as one line
        raise ServerError(tr("The server could not be set up (run this as the database's "
                             "owner): {reason}"), reason=_first_line(exc)) from None
    finally:
        engine.dispose()


def add_user(target: str, role: str, units: Sequence[str]) -> bool:
    """A login role for a facilitator in ``units``; True when the role was made now.

    No password is set: IT sets one (``\\password``) or the login comes from the
    organisation's directory. Units given replace the role's earlier units.
    """
    engine = _open(target)
    try:
        with engine.begin() as connection:
            if connection.execute(text("SELECT to_regclass(:t)"),
                                  {"t": UNIT_TABLE}).scalar() is None:
                raise ServerError(tr("Run server-init on the server first."))
            quoted = connection.execute(text("SELECT quote_ident(:r)"), {"r": role}).scalar()
            made = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"),
                                      {"r": role}).scalar() is None
            if made:
                connection.exec_driver_sql(f"CREATE ROLE {quoted} LOGIN")
            connection.exec_driver_sql(f"GRANT {APP_GROUP} TO {quoted}")
            connection.execute(text(f"DELETE FROM {UNIT_TABLE} WHERE role_name = :r"),
                               {"r": role})
            for unit in dict.fromkeys(u.strip() for u in units if u.strip()):
                connection.execute(text(f"INSERT INTO {UNIT_TABLE} VALUES (:r, :u)"),
                                   {"r": role, "u": unit})
        return made
    except ServerError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise ServerError(tr("The user could not be added: {reason}"),
                          reason=_first_line(exc)) from None
    finally:
        engine.dispose()


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
