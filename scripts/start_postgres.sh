#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for the store tests and print its URL on stdout (all else on stderr).
#   KRONIKA_TEST_POSTGRES_URL="$(scripts/start_postgres.sh)"
# Installs Debian's `postgresql` when no server binaries are found, runs initdb/pg_ctl as the `postgres`
# user (when run as root) on a fresh folder under /tmp, listening on 127.0.0.1 on a free port, with trust
# authentication and without fsync (a throw-away local test server only). Stop it with: pg_ctl -D <folder printed on stderr> stop
set -euo pipefail

find_bindir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

BINDIR="$(find_bindir || true)"
if [ -z "${BINDIR}" ] || [ ! -x "${BINDIR}/initdb" ]; then
  echo "start_postgres: installing postgresql (Debian)" >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y postgresql >&2; then
    apt-get update >&2
    apt-get install -y postgresql >&2
  fi
  BINDIR="$(find_bindir)"
fi

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
DATA="$(mktemp -d /tmp/kronika-pg.XXXXXX)"
DATABASE="kronika_test"

as_owner() {
  if [ "$(id -u)" = "0" ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

OWNER="$(id -un)"
if [ "$(id -u)" = "0" ]; then
  OWNER="postgres"
  chown postgres:postgres "${DATA}"
fi
chmod 700 "${DATA}"

as_owner "${BINDIR}/initdb" -D "${DATA}/data" -U "${OWNER}" --auth=trust -E UTF8 --locale=C.UTF-8 >&2
as_owner "${BINDIR}/pg_ctl" -D "${DATA}/data" -l "${DATA}/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p ${PORT} -k ${DATA} -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >&2
as_owner "${BINDIR}/createdb" -h 127.0.0.1 -p "${PORT}" -U "${OWNER}" "${DATABASE}" >&2
echo "start_postgres: data in ${DATA}/data; stop with: ${BINDIR}/pg_ctl -D ${DATA}/data stop" >&2
echo "postgresql://${OWNER}@127.0.0.1:${PORT}/${DATABASE}"
