#!/usr/bin/env bash
# End-to-end benchmarks against a local Mixpanel emulator on 127.0.0.1. Results go to standard output and to
# bench/.work/results/. See docs/benchmarks.md for what each one measures.
#
#   bench/run.sh [push]      the CLI's push against the official Node.js library, alternating, ROUNDS rounds
#   bench/run.sh product     ingest through the HTTP API into an embedded silo, then a backfill to the emulator
#                            (settings in bench/product.sh)
#   bench/run.sh limit       brands sharing one rate-limited project on two cluster silos (bench/limit.sh)
#
# Settings (environment): EVENTS (1000000), ROUNDS (3), CONCURRENCY (16), NODE_CONCURRENCY (16), SEED.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${BENCH_WORK:-$ROOT/bench/.work}"
EVENTS="${EVENTS:-1000000}"
ROUNDS="${ROUNDS:-3}"
CONCURRENCY="${CONCURRENCY:-16}"
NODE_CONCURRENCY="${NODE_CONCURRENCY:-16}"
SEED="${SEED:-20261204}"
MODE="${1:-push}"
RESULTS="$WORK/results"
NPM_DIR="$WORK/npm"
EMULATOR_DLL="$ROOT/tools/MixpanelEmulator/bin/Release/net10.0/MixpanelSync.MixpanelEmulator.dll"
CLI_DLL="$ROOT/src/Cli/bin/Release/net10.0/MixpanelSync.Cli.dll"
SILO_DLL="$ROOT/src/Silo/bin/Release/net10.0/MixpanelSync.Silo.dll"
CLOCK_TICKS="$(getconf CLK_TCK)"
PIDS=()

mkdir -p "$WORK" "$RESULTS"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

cleanup() {
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
}
trap cleanup EXIT

require_tools() {
    if [[ ! -x /usr/bin/time ]]; then
        log "installing GNU time"
        apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
    fi
    for tool in dotnet python3 curl jq ss; do
        command -v "$tool" >/dev/null || { echo "bench/run.sh needs '$tool' on PATH; install it first." >&2; exit 2; }
    done
}

# Prints a base port such that it and the next five are free, from a pseudo-random start in 20000-29999.
free_port_block() {
    local count="${1:-6}" listening base port ok
    listening="$(ss -Htln | awk '{print $4}' | sed 's/.*://' | sort -u)"
    for _ in $(seq 1 200); do
        base=$((20000 + RANDOM % 9990))
        ok=1
        for ((port = base; port < base + count; port++)); do
            if grep -qx "$port" <<<"$listening"; then ok=0; break; fi
        done
        if ((ok)); then echo "$base"; return 0; fi
    done
    echo "no free block of $count ports found in 20000-29999" >&2
    return 1
}

# CPU seconds (user + system) that a process has used so far.
process_cpu() {
    awk -v ticks="$CLOCK_TICKS" '{ printf "%.2f", ($14 + $15) / ticks }' "/proc/$1/stat"
}

build() {
    log "building Release: $*"
    for project in "$@"; do
        dotnet build "$ROOT/$project" -c Release -v q -nologo >"$RESULTS/build.log" 2>&1 \
            || { cat "$RESULTS/build.log" >&2; exit 1; }
    done
}

events_file() {
    local file="$WORK/events-$EVENTS-$SEED.ndjson"
    if [[ ! -s "$file" ]]; then
        log "generating $EVENTS events into $file"
        python3 "$ROOT/bench/generate_events.py" "$file.tmp" --events "$EVENTS" --seed "$SEED" >&2
        mv "$file.tmp" "$file"
    fi
    echo "$file"
}

install_npm() {
    if [[ ! -f "$NPM_DIR/node_modules/mixpanel/package.json" ]]; then
        command -v npm >/dev/null || { echo "bench/run.sh needs node and npm; install them first." >&2; exit 2; }
        log "installing mixpanel@0.24.0 and mixpanel-import@3.1.43 into $NPM_DIR"
        mkdir -p "$NPM_DIR"
        (cd "$NPM_DIR" && [[ -f package.json ]] || npm init -y >/dev/null)
        (cd "$NPM_DIR" && npm install --no-audit --no-fund --silent mixpanel@0.24.0 mixpanel-import@3.1.43 >&2)
    fi
}

# Starts the standalone emulator with the given extra options; sets EMULATOR_PID, EMULATOR_HTTP, EMULATOR_HTTPS.
start_emulator() {
    local base
    base="$(free_port_block 6)"
    dotnet "$EMULATOR_DLL" --port "$base" --cert-out "$WORK/emulator.pem" "$@" >"$RESULTS/emulator.log" 2>&1 &
    EMULATOR_PID=$!
    PIDS+=("$EMULATOR_PID")
    EMULATOR_HTTP="http://127.0.0.1:$base"
    EMULATOR_HTTPS_PORT=$((base + 3))
    for _ in $(seq 1 100); do
        if curl -fsS "$EMULATOR_HTTP/_emulator/stats" >/dev/null 2>&1; then
            log "emulator pid $EMULATOR_PID on $EMULATOR_HTTP (https port $EMULATOR_HTTPS_PORT) $*"
            return 0
        fi
        sleep 0.2
    done
    cat "$RESULTS/emulator.log" >&2
    echo "the emulator did not start" >&2
    exit 1
}

add_project() {
    local token="$1" secret="${2:-}"
    local body
    body="$(jq -nc --arg t "$token" --arg s "$secret" '{token: $t} + (if $s == "" then {} else {apiSecret: $s} end)')"
    curl -fsS -X POST "$EMULATOR_HTTP/_emulator/projects" -H 'Content-Type: application/json' -d "$body" >/dev/null
}

project_stats() {
    curl -fsS "$EMULATOR_HTTP/_emulator/projects/$1/stats"
}

# Runs a command under GNU time; prints "wall cpu rss_mb" and keeps its output in $RESULTS/$name.{out,time}.
timed() {
    local name="$1"
    shift
    /usr/bin/time -v -o "$RESULTS/$name.time" "$@" >"$RESULTS/$name.out" 2>&1 || {
        echo "'$name' failed; its output is in $RESULTS/$name.out:" >&2
        tail -20 "$RESULTS/$name.out" >&2
        return 1
    }
    awk -F': ' '
        /User time/ { user = $2 }
        /System time/ { sys = $2 }
        /Maximum resident/ { rss = $2 }
        /Elapsed \(wall clock\)/ {
            n = split($2, part, ":")
            wall = (n == 3) ? part[1] * 3600 + part[2] * 60 + part[3] : part[1] * 60 + part[2]
        }
        END { printf "%.2f %.2f %.0f\n", wall, user + sys, rss / 1024 }' "$RESULTS/$name.time"
}

median() {
    sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

machine_line() {
    local model
    model="$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
    echo "commit $(git -C "$ROOT" rev-parse --short HEAD), nproc $(nproc), \"$model\", load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

run_push() {
    require_tools
    build src/Cli tools/MixpanelEmulator
    install_npm
    local file
    file="$(events_file)"
    start_emulator --counting-only
    local table="$RESULTS/push.tsv"
    printf 'round\ttool\twall_s\tcpu_s\trss_mb\temulator_cpu_s\treceived\tstatuses\tload1\n' >"$table"
    log "machine: $(machine_line)"
    for round in $(seq 1 "$ROUNDS"); do
        for tool in ours official; do
            local token secret before after figures stats
            token="bench-$tool-$round-$(date +%s%N | tail -c 9)"
            secret="secret-$token"
            add_project "$token" "$secret"
            before="$(process_cpu "$EMULATOR_PID")"
            case "$tool" in
                ours)
                    figures="$(timed "push-$round-ours" dotnet "$CLI_DLL" push "$file" --token "$token" --residency us \
                        --base-url "$EMULATOR_HTTP/" --concurrency "$CONCURRENCY")"
                    ;;
                official)
                    figures="$(NODE_TLS_REJECT_UNAUTHORIZED=0 NODE_PATH="$NPM_DIR/node_modules" \
                        timed "push-$round-official" node --max-old-space-size=8192 \
                        "$ROOT/bench/node/official-import.js" "$file" --token "$token" --secret "$secret" \
                        --host "127.0.0.1:$EMULATOR_HTTPS_PORT" --concurrency "$NODE_CONCURRENCY")"
                    ;;
            esac
            after="$(process_cpu "$EMULATOR_PID")"
            stats="$(project_stats "$token")"
            local received statuses
            received="$(jq -r '.eventsReceived' <<<"$stats")"
            statuses="$(jq -r '.requestsByStatusCode | to_entries | map("\(.key):\(.value)") | join(",")' <<<"$stats")"
            read -r wall cpu rss <<<"$figures"
            printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$tool" "$wall" "$cpu" "$rss" \
                "$(awk -v a="$after" -v b="$before" 'BEGIN { printf "%.2f", a - b }')" "$received" "$statuses" \
                "$(cut -d' ' -f1 /proc/loadavg)" >>"$table"
            log "round $round $tool: wall $wall s, cpu $cpu s, rss $rss MB, received $received, statuses $statuses"
        done
    done
    print_push_summary "$table"
}

print_push_summary() {
    local table="$1"
    echo
    echo "Events: $EVENTS, rounds: $ROUNDS; $(machine_line)"
    column -t -s $'\t' "$table"
    echo
    printf '%-10s %10s %10s %10s %16s %10s\n' tool "wall s" "cpu s" "rss MB" "emulator cpu s" "events/s"
    local tool wall cpu rss emu
    for tool in ours official; do
        wall="$(awk -F'\t' -v t="$tool" '$2 == t { print $3 }' "$table" | median)"
        cpu="$(awk -F'\t' -v t="$tool" '$2 == t { print $4 }' "$table" | median)"
        rss="$(awk -F'\t' -v t="$tool" '$2 == t { print $5 }' "$table" | median)"
        emu="$(awk -F'\t' -v t="$tool" '$2 == t { print $6 }' "$table" | median)"
        printf '%-10s %10s %10s %10s %16s %10.0f\n' "$tool" "$wall" "$cpu" "$rss" "$emu" \
            "$(awk -v e="$EVENTS" -v w="$wall" 'BEGIN { print e / w }')"
        eval "median_${tool}_wall=$wall median_${tool}_cpu=$cpu median_${tool}_rss=$rss"
    done
    # shellcheck disable=SC2154
    awk -v ow="$median_ours_wall" -v tw="$median_official_wall" -v oc="$median_ours_cpu" \
        -v tc="$median_official_cpu" -v orss="$median_ours_rss" -v trss="$median_official_rss" 'BEGIN {
        printf "ours/official: wall %.3f (goal <= 0.5), cpu %.3f (goal <= 0.333), rss %.3f\n", ow / tw, oc / tc, orss / trss
    }'
}

case "$MODE" in
    push) run_push ;;
    product) source "$ROOT/bench/product.sh"; run_product ;;
    limit) source "$ROOT/bench/product.sh"; source "$ROOT/bench/limit.sh"; run_limit ;;
    *) echo "Unknown mode '$MODE'. Use 'push', 'product' or 'limit'." >&2; exit 2 ;;
esac
