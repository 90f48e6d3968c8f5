#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, as a non-root user, on a local port.
#
#   eval "$(bash tools/pg_cluster.sh start /tmp/facilitator-pg 55432)"   # exports the URL
#   bash tools/pg_cluster.sh stop /tmp/facilitator-pg
#
# "start" prints `export FACILITATOR_TEST_POSTGRES_URL=…`; nothing listens beyond localhost.
# Every login is trusted, except the role pw_only: it must give its password (scram), so
# the tests of asking for a password (tests/unit/test_server_password.py) have a server
# that really asks. The tests make that role; nothing else uses it.
set -euo pipefail
action=${1:?start or stop}
dir=${2:?a folder for the cluster}
port=${3:-55432}

bindir=""
for candidate in /usr/lib/postgresql/*/bin; do
  [ -x "$candidate/initdb" ] && bindir=$candidate
done
if [ -z "$bindir" ] && command -v initdb >/dev/null; then
  bindir=$(dirname "$(command -v initdb)")
fi
[ -n "$bindir" ] || { echo "PostgreSQL's initdb was not found" >&2; exit 1; }

# The server refuses to run as root: as root, run it as the postgres user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "${PG_OWNER:-postgres}" -- "$@"
  else
    "$@"
  fi
}

case $action in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown "${PG_OWNER:-postgres}" "$dir"; fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bindir/initdb" -D "$dir/data" -U facilitator --auth=trust -E UTF8 \
        --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    hba=$dir/data/pg_hba.conf
    if ! grep -q '^host all pw_only ' "$hba"; then  # before the first line, which trusts
      as_owner sed -i '0,/^\(local\|host\)/s//host all pw_only 127.0.0.1\/32 scram-sha-256\n&/' "$hba"
    fi
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off \
          -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null
    echo "export FACILITATOR_TEST_POSTGRES_URL=postgresql://facilitator@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    ;;
  *) echo "start or stop" >&2; exit 2 ;;
esac
