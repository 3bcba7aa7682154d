#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the storage tests and prints its URL.
# Usage: eval "$(scripts/start-test-postgres.sh)"   # sets DESK_TEST_POSTGRES_URL
# The cluster lives in a temporary directory, listens on 127.0.0.1 only, trusts local
# connections, and is stopped with: pg_ctl -D "$DESK_TEST_PG_DIR" stop
set -euo pipefail
port="${DESK_TEST_PG_PORT:-54329}"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
dir="$(mktemp -d /tmp/desk-test-pg.XXXXXX)"
run() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$dir"
run "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
run "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
echo "export DESK_TEST_PG_DIR='$dir/data'"
echo "export DESK_TEST_POSTGRES_URL='postgres://postgres@127.0.0.1:$port/postgres'"
