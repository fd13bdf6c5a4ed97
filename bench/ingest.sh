#!/usr/bin/env bash
# Ingestion benchmark: starts an embedded silo (Release) with its data in a scratch folder, sends generated
# brand events to POST /api/v1/brands/{brandId}/events with bench/IngestLoad, reports events/s and the silo's
# CPU seconds and peak RSS, then stops the silo and deletes the folder. Everything listens on 127.0.0.1.
#
#   bench/ingest.sh [IngestLoad options]     such as --events 1000000 --batch 5000 --concurrency 4
#
# Settings (environment): PORT (5390), SILO_PORT (11390), GATEWAY_PORT (30390), KEEP_DATA=1 keeps the folder.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${PORT:-5390}"
SILO_PORT="${SILO_PORT:-11390}"
GATEWAY_PORT="${GATEWAY_PORT:-30390}"
DATA="$(mktemp -d /tmp/ingest-bench-XXXXXX)"
SILO_PID=""

cleanup() {
    if [[ -n "$SILO_PID" ]]; then
        kill "$SILO_PID" 2>/dev/null || true
        wait "$SILO_PID" 2>/dev/null || true
    fi
    if [[ "${KEEP_DATA:-0}" != 1 ]]; then
        rm -rf "$DATA"
    fi
}
trap cleanup EXIT

dotnet build "$ROOT/src/Silo" -c Release -v quiet -nologo >/dev/null
dotnet build "$ROOT/bench/IngestLoad" -c Release -v quiet -nologo >/dev/null

dotnet "$ROOT/src/Silo/bin/Release/net10.0/MixpanelSync.Silo.dll" \
    --urls "http://127.0.0.1:$PORT" --data-directory "$DATA" \
    --silo-port "$SILO_PORT" --gateway-port "$GATEWAY_PORT" >"$DATA/silo.log" 2>&1 &
SILO_PID=$!

for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1; then
        break
    fi
    if ! kill -0 "$SILO_PID" 2>/dev/null; then
        echo "The silo exited before it was ready; its log:" >&2
        cat "$DATA/silo.log" >&2
        exit 1
    fi
    sleep 0.5
done

echo "Silo pid $SILO_PID on http://127.0.0.1:$PORT, data in $DATA, commit $(git -C "$ROOT" rev-parse --short HEAD)"
dotnet "$ROOT/bench/IngestLoad/bin/Release/net10.0/MixpanelSync.IngestLoad.dll" \
    --url "http://127.0.0.1:$PORT/" --key-file "$DATA/operator-key" --pid "$SILO_PID" "$@"
echo "Database: $(du -sh "$DATA" | cut -f1) in $DATA"
