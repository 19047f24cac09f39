#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, on a free loopback port.
#
#   scripts/postgres.sh start   # initdb into a temporary folder, start, print the tests' URL
#   scripts/postgres.sh url     # print the URL again
#   scripts/postgres.sh stop    # stop the server and delete its folder
#
# Then: export NANOKA_TEST_POSTGRES_URL="$(scripts/postgres.sh url)"; mvn -B install
# fsync is off (the tests need no durability); NANOKA_POSTGRES_FSYNC=on keeps it (benchmarks).
# (without the variable the tests start a server of their own, the same way).
# Needs PostgreSQL's server binaries (Debian/Ubuntu: apt-get install postgresql). As root the
# server runs as the postgres user: initdb refuses root.
set -euo pipefail

state="${NANOKA_POSTGRES_DIR:-${TMPDIR:-/tmp}/nanoka-postgres}"

bin_dir() {
  local newest
  newest="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$newest" && -x "$newest/initdb" ]]; then
    echo "$newest"
  elif command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  else
    echo "No PostgreSQL server binaries (initdb, pg_ctl) found: install them" \
      "(Debian/Ubuntu: apt-get install postgresql), or point the tests at a server with" \
      "NANOKA_TEST_POSTGRES_URL=jdbc:postgresql://HOST:PORT/postgres?user=USER&password=PASSWORD" >&2
    exit 1
  fi
}

as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

url() {
  if [[ ! -f "$state/port" ]]; then
    echo "No server: run $0 start" >&2
    exit 1
  fi
  echo "jdbc:postgresql://127.0.0.1:$(cat "$state/port")/postgres?user=postgres"
}

case "${1:-}" in
  start)
    if [[ -f "$state/port" ]]; then
      echo "Already started (stop it first): $(url)" >&2
      exit 1
    fi
    bin="$(bin_dir)"
    mkdir -p "$state"
    if [[ "$(id -u)" == 0 ]]; then
      id postgres >/dev/null 2>&1 || {
        echo "Running as root, the server needs another user: there is no user postgres" \
          "(install Debian's postgresql package, or useradd -r postgres)" >&2
        exit 1
      }
      chown postgres "$state"
    fi
    # A free loopback port: one nothing answers on.
    for _ in $(seq 1 50); do
      port=$((20000 + RANDOM % 40000))
      (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
    done
    as_owner "$bin/initdb" -D "$state/data" -U postgres --auth=trust -E UTF8 --locale=C \
      --no-sync >"$state/initdb.log" 2>&1 || { cat "$state/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$state/data" -l "$state/server.log" -w -t 60 \
      -o "-p $port -k $state -c listen_addresses=127.0.0.1 -c fsync=${NANOKA_POSTGRES_FSYNC:-off} -c max_connections=200" \
      start >/dev/null || { cat "$state/server.log" >&2; exit 1; }
    echo "$port" >"$state/port"
    url
    ;;
  url)
    url
    ;;
  stop)
    if [[ -d "$state/data" ]]; then
      as_owner "$(bin_dir)/pg_ctl" -D "$state/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$state"
    ;;
  *)
    echo "usage: $0 start|stop|url" >&2
    exit 2
    ;;
esac
