#!/usr/bin/env bash
# Project-local PostgreSQL cluster under var/pg, reached through a Unix socket in var/pg/run
# (no TCP port, so several checkouts run side by side). Uses the system initdb/pg_ctl; when
# invoked as root it runs them as the `postgres` user, since PostgreSQL refuses to run as root.
#
#   deploy/localpg.sh start      init (first time) and start the cluster; idempotent
#   deploy/localpg.sh stop       stop it
#   deploy/localpg.sh status     exit 0 when running
#   deploy/localpg.sh url [DB]   print the DATABASE_URL for database DB (default: cong)
set -euo pipefail

top="$(cd "$(dirname "$0")/.." && pwd)"
base="$top/var/pg"
data="$base/data"
run="$base/run"
log="$base/postgres.log"
dbuser="cong"

find_bin() {
  local name=$1
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/$name" ] && { echo "$d/$name"; return; }
  done
  return 1
}

need_binaries() {
  if ! find_bin initdb >/dev/null || ! find_bin pg_ctl >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "PostgreSQL server binaries not found: installing them with apt-get (postgresql, postgresql-contrib)..." >&2
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >&2
    fi
  fi
  if ! find_bin initdb >/dev/null || ! find_bin pg_ctl >/dev/null; then
    cat >&2 <<'MSG'
PostgreSQL server binaries (initdb, pg_ctl) were not found.
Install PostgreSQL 14 or newer with its contrib modules (unaccent, pg_trgm), for example:
  Debian/Ubuntu:  sudo apt-get install postgresql postgresql-contrib
  Fedora/RHEL:    sudo dnf install postgresql-server postgresql-contrib
  macOS:          brew install postgresql@15
or point DATABASE_URL at an existing PostgreSQL server.
MSG
    exit 1
  fi
}

# Run a command as the cluster owner: ourselves, or `postgres` when we are root.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

prepare_dirs() {
  mkdir -p "$base"
  if [ "$(id -u)" = 0 ]; then
    # The postgres user must be able to reach var/pg. A checkout under a private home
    # directory (mode 0700) cannot be entered by it: keep the cluster in a per-checkout
    # directory under /var/tmp instead, linked from var/pg.
    if ! runuser -u postgres -- test -x "$base" 2>/dev/null; then
      local alt
      alt="/var/tmp/cong-pg-$(printf '%s' "$top" | md5sum | cut -c1-12)"
      mkdir -p "$alt"
      rmdir "$base" 2>/dev/null || true
      [ -L "$base" ] || ln -s "$alt" "$base"
      base="$alt"; data="$base/data"; run="$base/run"; log="$base/postgres.log"
    fi
    chown postgres: "$base"
    chmod 0700 "$base"
  fi
  as_owner mkdir -p "$run"
}

# Durability: a committed citizen question must survive a crash, so fsync,
# synchronous_commit and full_page_writes stay on (PostgreSQL's defaults). Clusters created
# before this script said so had them off: take those lines out, and reload a running
# cluster. The test suite turns synchronous_commit off for its own connections only
# (cong/settings/test.py): disposable data, where speed matters more.
durable_config() {
  local conf="$data/postgresql.conf"
  if as_owner grep -Eq '^(fsync|synchronous_commit|full_page_writes) = off' "$conf"; then
    as_owner sed -i -E '/^(fsync|synchronous_commit|full_page_writes) = off$/d' "$conf"
    if running; then as_owner "$(find_bin pg_ctl)" -D "$data" reload >/dev/null; fi
  fi
}

running() {
  [ -f "$data/postmaster.pid" ] && as_owner "$(find_bin pg_ctl)" -D "$data" status >/dev/null 2>&1
}

start() {
  need_binaries
  prepare_dirs
  if [ ! -f "$data/PG_VERSION" ]; then
    echo "Creating the local PostgreSQL cluster in var/pg ..." >&2
    as_owner "$(find_bin initdb)" -D "$data" -U "$dbuser" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >>"$data/postgresql.conf" <<CONF
# project-local cluster: Unix socket only
listen_addresses = ''
unix_socket_directories = '$run'
unix_socket_permissions = 0770
max_connections = 100
CONF
  fi
  durable_config
  if ! running; then
    as_owner "$(find_bin pg_ctl)" -D "$data" -l "$log" -w -t 60 start >/dev/null
  fi
  # Root connects through the 0770 socket as any user; others own it.
  if ! psql_run -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='cong'" | grep -q 1; then
    psql_run -d postgres -qc "CREATE DATABASE cong"
  fi
}

psql_run() {
  psql -h "$run" -U "$dbuser" -X "$@"
}

stop() {
  prepare_dirs
  if running; then as_owner "$(find_bin pg_ctl)" -D "$data" -m fast -w stop >/dev/null; fi
}

url() {
  local db=${1:-cong}
  # resolve the link so the socket path is the real one
  local real
  real="$(cd "$base" 2>/dev/null && pwd -P || echo "$base")/run"
  printf 'postgres://%s@/%s?host=%s\n' "$dbuser" "$db" "$real"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) prepare_dirs; running ;;
  url) shift; url "$@" ;;
  *) echo "usage: $0 start|stop|status|url [DB]" >&2; exit 2 ;;
esac
