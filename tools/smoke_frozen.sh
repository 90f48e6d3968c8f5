#!/usr/bin/env bash
# Prove a PyInstaller build of Facilitator works with no display and no source tree:
#   tools/smoke_frozen.sh [dist/facilitator]
# --help, the sample, list, export-minutes to a .docx that python-docx reopens,
# the window shown offscreen for a few seconds, and the bundle's size (≤ 160 MB).
# Run from the repository root after `uv run --group build pyinstaller installer.spec`.
set -euo pipefail

bundle="${1:-dist/facilitator}"
app="$bundle/facilitator"
# 150 MB until #15; libpq with its TLS and Kerberos libraries (psycopg) add about 9 MB.
max_mb="${FACILITATOR_MAX_BUNDLE_MB:-160}"
[ -x "$app" ] || { echo "smoke: $app not found; build it first" >&2; exit 1; }

python="${PYTHON:-python3}"
case "$python" in */*) python="$(cd "$(dirname "$python")" && pwd)/$(basename "$python")" ;; esac
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# The frozen program must not lean on the repository: run it from an empty folder,
# with its user data in the temp folder.
export QT_QPA_PLATFORM=offscreen
export FACILITATOR_DATA_DIR="$tmp/data"
app="$(cd "$(dirname "$app")" && pwd)/$(basename "$app")"
cd "$tmp"

pass=0; fail=0
check() {  # check NAME COMMAND...: run, keep its output, count the result
  local name="$1"; shift
  local rc=0
  "$@" >"$tmp/out.txt" 2>&1 || rc=$?
  if [ "$rc" -eq 0 ]; then
    pass=$((pass + 1)); printf 'ok    %s\n' "$name"
  else
    fail=$((fail + 1)); printf 'FAIL  %s (exit %s)\n' "$name" "$rc"; sed 's/^/      /' "$tmp/out.txt"
  fi
}

check "--help" "$app" --help
grep -q "export-minutes" "$tmp/out.txt" || { fail=$((fail + 1)); echo "FAIL  --help lists no commands"; }
check "--version" "$app" --version
check "sample" "$app" --db "$tmp/db.sqlite3" sample
check "list" "$app" --db "$tmp/db.sqlite3" list
workshop="$(awk '$2 ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/ {print $1; exit}' "$tmp/out.txt")"
if [ -z "$workshop" ]; then
  fail=$((fail + 1)); echo "FAIL  list shows no workshop"; cat "$tmp/out.txt"
else
  check "export-minutes" "$app" --db "$tmp/db.sqlite3" export-minutes "$workshop" "$tmp/m.docx"
  check "the .docx reopens" "$python" -c '
import sys
from docx import Document
doc = Document(sys.argv[1])
text = "\n".join(p.text for p in doc.paragraphs)
assert len(doc.paragraphs) > 20 and "Lillsjö" in text, text[:300]
print(len(doc.paragraphs), "paragraphs")' "$tmp/m.docx"
fi
check "export-json" "$app" --db "$tmp/db.sqlite3" export-json "$workshop" "$tmp/w.json"
check "bad input gives exit 2 or 1, no traceback" \
  bash -c '! "$1" --db "$2" export-minutes no-such-id "$3" 2>"$4"; ! grep -q Traceback "$4"' \
  _ "$app" "$tmp/db.sqlite3" "$tmp/x.docx" "$tmp/err.txt"
if [ -x "$(dirname "$app")/facilitator-cli" ]; then
  check "facilitator-cli list" "$(dirname "$app")/facilitator-cli" --db "$tmp/db.sqlite3" list
fi

# The window: start offscreen on the sample database, quit by itself after 3 s.
start=$(date +%s%N)
check "window offscreen 3 s" timeout 60 "$app" --db "$tmp/db.sqlite3" --quit-after 3
if grep -Eqi "traceback|error|critical|could not load" "$tmp/out.txt"; then
  fail=$((fail + 1)); echo "FAIL  the window printed errors:"; sed 's/^/      /' "$tmp/out.txt"
fi
echo "      ($(( ($(date +%s%N) - start) / 1000000 )) ms including the 3 s wait)"
check "window on a new database" timeout 60 "$app" --db "$tmp/new.sqlite3" --quit-after 1
# The organisation's server, when a test server runs (.ci/run starts one): psycopg's C
# wrapper and libpq must be in the bundle.
if [ -n "${FACILITATOR_TEST_POSTGRES_URL:-}" ]; then
  server_db="frozen_smoke_$$"
  "$python" - "$FACILITATOR_TEST_POSTGRES_URL" "$server_db" <<'PY'
import sys, psycopg
with psycopg.connect(sys.argv[1], autocommit=True) as c:
    c.execute(f'DROP DATABASE IF EXISTS "{sys.argv[2]}"')
    c.execute(f'CREATE DATABASE "{sys.argv[2]}"')
PY
  server_url="${FACILITATOR_TEST_POSTGRES_URL%/*}/$server_db"
  check "sample on a server" "$app" --db "$server_url" sample
  check "list on a server" "$app" --db "$server_url" list
  "$python" - "$FACILITATOR_TEST_POSTGRES_URL" "$server_db" <<'PY'
import sys, psycopg
with psycopg.connect(sys.argv[1], autocommit=True) as c:
    c.execute(f'DROP DATABASE IF EXISTS "{sys.argv[2]}" WITH (FORCE)')
PY
fi

cd - >/dev/null
size_bytes=$(du -sb "$bundle" | cut -f1)
size_mb=$(( size_bytes / 1000000 ))
echo "bundle size: ${size_mb} MB ($(du -sh "$bundle" | cut -f1)iB, $(find "$bundle" -type f | wc -l) files)"
if [ "$size_mb" -gt "$max_mb" ]; then
  fail=$((fail + 1)); echo "FAIL  bundle is larger than $max_mb MB"
else
  pass=$((pass + 1))
fi
echo "frozen-smoke: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
