#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL cluster, for CI and for the
# PostgreSQL tests on a developer's machine. The cluster lives in a temporary
# folder, listens only on a Unix socket there, and is stopped and removed when
# the command ends (also on failure or Ctrl-C).
#
# Usage: bash scripts/with-postgres.sh COMMAND [ARGS...]
# The command runs as the current user with
#   ROLLOUT_TEST_POSTGRES=postgresql://postgres@/postgres?host=DIR  (the admin URL;
#                          the tests create and drop their own databases through it)
#   PGHOST=DIR PGUSER=postgres                                     (for psql and friends)
#   ROLLOUT_TEST_POSTGRES_RESTART=DIR/restart                      (restarts the cluster: `fast` or `immediate`)
# and its exit status is the script's.
# Needs PostgreSQL's server binaries (apt-get install -y postgresql). As root
# (CI) the cluster runs as the `postgres` OS user, since PostgreSQL refuses root.
set -euo pipefail
shopt -s inherit_errexit

if [ "$#" -eq 0 ]; then
  echo "usage: bash scripts/with-postgres.sh COMMAND [ARGS...]" >&2
  exit 64
fi

# PostgreSQL's binaries: pg_config's bindir if it has the server, else the newest under /usr/lib/postgresql.
bindir=""
if command -v pg_config >/dev/null 2>&1; then
  candidate="$(pg_config --bindir 2>/dev/null || true)"
  if [ -n "$candidate" ] && [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then bindir="$candidate"; fi
fi
if [ -z "$bindir" ]; then
  candidate="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$candidate" ] && [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then bindir="$candidate"; fi
fi
if [ -z "$bindir" ]; then
  echo "with-postgres: no PostgreSQL server binaries found (no initdb/pg_ctl via pg_config --bindir or in /usr/lib/postgresql/*/bin);" >&2
  echo "  install them, e.g. apt-get install -y postgresql" >&2
  exit 69
fi
pg_isready="$bindir/pg_isready"
[ -x "$pg_isready" ] || pg_isready="$(command -v pg_isready || true)"
if [ -z "$pg_isready" ]; then
  echo "with-postgres: pg_isready not found beside $bindir/initdb nor on PATH" >&2
  exit 69
fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/rollout-postgres.XXXXXX")"
data="$dir/data"
log="$dir/server.log"

# Run a server tool as the cluster's owner: `postgres` when we are root, else ourselves.
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "with-postgres: running as root, but there is no 'postgres' OS user to own the cluster" >&2
    rm -rf "$dir"
    exit 69
  fi
  chown postgres: "$dir"
  as_owner() { runuser -u postgres -- "$@"; }
else
  as_owner() { "$@"; }
fi
# The socket's folder must be reachable by the command's user.
chmod 755 "$dir"

started=0
cleanup() {
  local status=$?
  trap - EXIT INT TERM HUP
  if [ "$started" -eq 1 ]; then
    as_owner "$bindir/pg_ctl" stop -D "$data" -m fast -s >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

as_owner "$bindir/initdb" -D "$data" --auth=trust -U postgres --encoding=UTF8 --locale=C >"$dir/initdb.log" 2>&1 || {
  echo "with-postgres: initdb failed:" >&2
  cat "$dir/initdb.log" >&2
  exit 70
}

started=1
# -W: pg_ctl returns at once; readiness is polled below with pg_isready, a bounded number of times.
as_owner "$bindir/pg_ctl" start -W -D "$data" -l "$log" -s \
  -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c max_connections=200" || {
  echo "with-postgres: the server did not start:" >&2
  cat "$log" >&2 || true
  exit 70
}

ready=0
for _ in $(seq 1 300); do   # up to about 30 seconds
  if "$pg_isready" -q -h "$dir" -U postgres -d postgres; then ready=1; break; fi
  sleep 0.1
done
if [ "$ready" -ne 1 ]; then
  echo "with-postgres: the server was not ready in time:" >&2
  cat "$log" >&2 || true
  exit 70
fi

# A script that restarts the cluster (`fast` or `immediate`, pg_ctl's modes) and
# returns once it accepts connections again: the fault tests restart it under load.
cat >"$dir/restart" <<RESTART
#!/usr/bin/env bash
set -euo pipefail
mode="\${1:-fast}"
case "\$mode" in fast|immediate) ;; *) echo "restart: mode \$mode; expected fast or immediate" >&2; exit 64 ;; esac
$( [ "$(id -u)" -eq 0 ] && echo "runuser -u postgres -- " )"$bindir/pg_ctl" restart -D "$data" -m "\$mode" -l "$log" -s -W \
  -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c max_connections=200"
for _ in \$(seq 1 300); do
  if "$pg_isready" -q -h "$dir" -U postgres -d postgres; then exit 0; fi
  sleep 0.1
done
echo "restart: the server was not ready again within about 30 seconds" >&2
exit 70
RESTART
chmod 755 "$dir/restart"

export ROLLOUT_TEST_POSTGRES="postgresql://postgres@/postgres?host=$dir"
export ROLLOUT_TEST_POSTGRES_RESTART="$dir/restart"
export PGHOST="$dir" PGUSER=postgres

status=0
"$@" || status=$?
exit "$status"
