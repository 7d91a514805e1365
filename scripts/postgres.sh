#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for the tests (needs root and Debian's postgresql package).
#   eval "$(bash scripts/postgres.sh start)"   # exports PA_TEST_DATABASE_URL and PA_TEST_POSTGRES_DIR
#   bash scripts/postgres.sh stop "$PA_TEST_POSTGRES_DIR"
# The cluster lives in a fresh temp dir owned by the postgres user, with trust authentication on
# loopback only; `stop` shuts it down and deletes the dir.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ]; then
  echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi
case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/pa-postgres.XXXXXX)
    chown postgres: "$dir"
    port=${2:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
    runuser -u postgres -- "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 >"$dir/initdb.log"
    printf "listen_addresses = '127.0.0.1'\nport = %s\nunix_socket_directories = '%s'\nmax_connections = 200\n" \
      "$port" "$dir" >>"$dir/data/postgresql.conf"
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null
    echo "export PA_TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:$port/postgres PA_TEST_POSTGRES_DIR=$dir"
    ;;
  stop)
    dir=${2:?usage: postgres.sh stop DIR}
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  pause)  # stop the server but keep its data, as an outage would (tests); `resume` starts it again
    runuser -u postgres -- "$bin/pg_ctl" -D "${2:?}/data" -m fast -w stop >/dev/null
    ;;
  resume)
    runuser -u postgres -- "$bin/pg_ctl" -D "${2:?}/data" -l "${2:?}/server.log" -w -t 60 start >/dev/null
    ;;
  *)
    echo "usage: postgres.sh start [PORT] | stop DIR | pause DIR | resume DIR" >&2
    exit 2
    ;;
esac
