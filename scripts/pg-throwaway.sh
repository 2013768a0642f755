#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on 127.0.0.1:$PORT as the postgres user.
# Prints the data directory; stop it with: scripts/pg-throwaway.sh stop DIR
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
if [ "${1:-}" = "stop" ]; then
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$2" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$2"
  exit 0
fi
PORT=${1:-25429}
PGDATA=$(mktemp -d /tmp/feedback-pg.XXXXXX)
chown postgres: "$PGDATA"
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --no-sync >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -w -l "$PGDATA/log" \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGDATA -c fsync=off -c max_connections=300" start >/dev/null
echo "$PGDATA"
