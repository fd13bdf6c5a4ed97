#!/usr/bin/env bash
# Starts the cluster-mode topology of docker-compose.yml as local processes, for machines without a container
# engine: a private PostgreSQL on a free loopback port and two silos sharing it. Needs the PostgreSQL server
# binaries (Debian package postgresql); run as root, the database server runs as the postgres user.
#
#   scripts/start-cluster.sh            start, print the addresses, stop everything on Ctrl+C
#   scripts/start-cluster.sh --smoke    start, wait until both silos are healthy and in one cluster, then stop
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=false
[ "${1:-}" = "--smoke" ] && smoke=true

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ]; then
  echo "PostgreSQL server binaries are missing: install them with 'apt-get install -y postgresql'." >&2
  exit 1
fi

work=$(mktemp -d /tmp/mixpanel-sync-cluster.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -f "$work/pg/postmaster.pid" ] && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_port=$(free_port)
mkdir -p "$work/pg" && chown postgres "$work/pg" 2>/dev/null || true
as_postgres "$pg_bin/initdb" -D "$work/pg" -U postgres --auth=trust >/dev/null
as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w \
  -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$work/pg -c fsync=off" start >/dev/null
as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE mixpanel_sync;"
connection="Host=127.0.0.1;Port=$pg_port;Database=mixpanel_sync;Username=postgres"
echo "PostgreSQL on 127.0.0.1:$pg_port"

dotnet build src/Silo -c Release -v quiet -nologo >/dev/null
silo_dll=$(pwd)/src/Silo/bin/Release/net10.0/MixpanelSync.Silo.dll
# As the silo's Dockerfile and launch profile set it (src/Silo/Hosting/MallocArenas.cs).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

http_ports=()
for n in 1 2; do
  http_port=$(free_port)
  http_ports+=("$http_port")
  dotnet "$silo_dll" --contentRoot="$(dirname "$silo_dll")" --urls="http://127.0.0.1:$http_port" \
    --Sync:Mode=Cluster --Sync:PostgresConnectionString="$connection" \
    --Sync:SiloPort="$(free_port)" --Sync:GatewayPort="$(free_port)" >"$work/silo$n.log" 2>&1 &
  pids+=($!)
  echo "silo $n: http://127.0.0.1:$http_port (dashboard /dashboard/, health /health, log $work/silo$n.log)"
done

wait_healthy() {
  for _ in $(seq 1 180); do
    curl -fsS "http://127.0.0.1:$1/health" 2>/dev/null | grep -q '"status":"Healthy"' && return 0
    sleep 0.5
  done
  return 1
}

for n in 0 1; do
  if ! wait_healthy "${http_ports[$n]}"; then
    echo "silo $((n + 1)) did not become healthy; its log:" >&2
    cat "$work/silo$((n + 1)).log" >&2
    exit 1
  fi
done

members=$(as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d mixpanel_sync -tAc \
  "SELECT count(*) FROM orleans_membership WHERE status = 3")
echo "Both silos are healthy; $members active members in the cluster."
if [ "$smoke" = true ]; then
  [ "$members" -eq 2 ] || { echo "Expected 2 active members, found $members." >&2; exit 1; }
  exit 0
fi

echo "Press Ctrl+C to stop."
wait
