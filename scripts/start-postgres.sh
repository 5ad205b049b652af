#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on loopback for the store tests and prints its
# URL on stdout (everything else goes to stderr). Installs Debian's packages
# when no server is present. Safe to run twice: a running cluster is reused.
#   CHIDAO_PG_DIR   cluster folder  (default /tmp/chidao-pg)
#   CHIDAO_PG_PORT  TCP port        (default 54329)
set -euo pipefail

dir=${CHIDAO_PG_DIR:-/tmp/chidao-pg}
port=${CHIDAO_PG_PORT:-54329}
log() { printf 'start-postgres: %s\n' "$*" >&2; }

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z $bindir || ! -x $bindir/initdb ]]; then
  log "installing postgresql from the Debian archive"
  sudo=$([[ $(id -u) -eq 0 ]] || echo sudo)
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql postgresql-contrib >&2
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

# The store's full text (migration postgres/002) needs the unaccent extension:
# part of Debian's server package, postgresql-contrib elsewhere.
version=$(basename "$(dirname "$bindir")")
if [[ ! -f /usr/share/postgresql/$version/extension/unaccent.control ]]; then
  log "installing postgresql-contrib for the unaccent extension"
  sudo=$([[ $(id -u) -eq 0 ]] || echo sudo)
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql-contrib >&2 || true
  if [[ ! -f /usr/share/postgresql/$version/extension/unaccent.control ]]; then
    log "PostgreSQL $version has no unaccent extension (/usr/share/postgresql/$version/extension/unaccent.control); install its contrib modules"
    exit 1
  fi
fi

# The server refuses to run as root; Debian's package creates the postgres user.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [[ ! -s $dir/PG_VERSION ]]; then
  log "creating a cluster in $dir"
  mkdir -p "$dir"
  if [[ $(id -u) -eq 0 ]]; then chown postgres: "$dir"; fi
  chmod 700 "$dir"
  # trust on loopback only: a test server with nothing worth a password.
  as_owner "$bindir/initdb" -D "$dir" -U chidao --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2
fi

if as_owner "$bindir/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  log "already running in $dir"
else
  as_owner "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir" start >&2
fi

url="postgres://chidao@127.0.0.1:$port/chidao"
if ! as_owner "$bindir/psql" -h 127.0.0.1 -p "$port" -U chidao -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'chidao'" | grep -q 1; then
  as_owner "$bindir/psql" -h 127.0.0.1 -p "$port" -U chidao -d postgres -qc 'CREATE DATABASE chidao' >&2
fi
echo "$url"
