#!/usr/bin/env bash
# End-to-end benchmarks against a local Mixpanel emulator on 127.0.0.1. Results go to standard output and to
# bench/.work/results/. See docs/benchmarks.md for what each one measures.
#
#   bench/run.sh [push]      the CLI's push against the official Node.js library and mixpanel-import, alternating,
#                            ROUNDS rounds. mixpanel-import runs tuned in every round and with its own defaults in
#                            the first IMPORT_DEFAULTS_ROUNDS rounds.
#   bench/run.sh verify      each push tool once against a storing emulator; exits 1 unless every event was stored
#                            exactly once. The push mode exits 1 when a run's request counts show a resend.
#   bench/run.sh product     ingest through the HTTP API into an embedded silo, then a backfill to the emulator
#                            (settings in bench/product.sh)
#   bench/run.sh limit       brands sharing one rate-limited project on two cluster silos (bench/limit.sh)
#
# Settings (environment): EVENTS (1000000), ROUNDS (3), CONCURRENCY (16), NODE_CONCURRENCY (16), SEED,
# IMPORT_DEFAULTS_ROUNDS (ROUNDS; 0 leaves out mixpanel-import with its defaults).
#
# mixpanel-import always sends to https://api.mixpanel.com, so it runs with bench/node/loopback.js preloaded. The
# process then resolves the Mixpanel API hosts to 127.0.0.1 and port 443 is rewritten to the emulator's HTTPS port.
# Any other lookup or non-loopback connection stops it (see that file).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${BENCH_WORK:-$ROOT/bench/.work}"
EVENTS="${EVENTS:-1000000}"
ROUNDS="${ROUNDS:-3}"
CONCURRENCY="${CONCURRENCY:-16}"
NODE_CONCURRENCY="${NODE_CONCURRENCY:-16}"
SEED="${SEED:-20261204}"
IMPORT_DEFAULTS_ROUNDS="${IMPORT_DEFAULTS_ROUNDS:-$ROUNDS}"
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

# Runs bench/node/loopback.test.js, which checks that the preload confining mixpanel-import to 127.0.0.1 works
# with the installed node and undici. Under unshare -n (root) it also runs the cases that aim at a non-loopback
# address, in a network namespace that has only a loopback interface.
check_loopback_guard() {
    local command="NODE_PATH='$NPM_DIR/node_modules' node --test '$ROOT/bench/node/loopback.test.js'"
    if command -v ip >/dev/null && unshare -n true 2>/dev/null; then
        command="ip link set lo up && $command"
        unshare -n sh -c "$command" >"$RESULTS/loopback-test.log" 2>&1
    else
        log "unshare -n or ip is not available; the loopback tests that aim at other addresses are skipped"
        sh -c "$command" >"$RESULTS/loopback-test.log" 2>&1
    fi || {
        cat "$RESULTS/loopback-test.log" >&2
        echo "bench/node/loopback.js failed its tests; mixpanel-import is not run." >&2
        exit 1
    }
    log "loopback guard: $(grep -E '^# (pass|skipped)' "$RESULTS/loopback-test.log" | tr '\n' ' ')"
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

# Runs one push tool on the events file under GNU time; prints "wall cpu rss_mb" (see timed).
run_push_tool() {
    local tool="$1" name="$2" file="$3" token="$4" secret="$5"
    case "$tool" in
        ours)
            timed "$name" dotnet "$CLI_DLL" push "$file" --token "$token" --residency us \
                --base-url "$EMULATOR_HTTP/" --concurrency "$CONCURRENCY"
            ;;
        official)
            NODE_TLS_REJECT_UNAUTHORIZED=0 NODE_PATH="$NPM_DIR/node_modules" \
                timed "$name" node --max-old-space-size=8192 \
                "$ROOT/bench/node/official-import.js" "$file" --token "$token" --secret "$secret" \
                --host "127.0.0.1:$EMULATOR_HTTPS_PORT" --concurrency "$NODE_CONCURRENCY"
            ;;
        import-defaults | import-tuned)
            # NODE_OPTIONS also preloads loopback.js into any node process that mixpanel-import would start.
            NODE_OPTIONS="--require \"$ROOT/bench/node/loopback.js\"" LOOPBACK_PORT_MAP="443:$EMULATOR_HTTPS_PORT" \
                NODE_TLS_REJECT_UNAUTHORIZED=0 NODE_PATH="$NPM_DIR/node_modules" \
                timed "$name" node --max-old-space-size=8192 \
                "$ROOT/bench/node/mixpanel-import.js" "$file" --token "$token" --preset "${tool#import-}"
            ;;
        *) echo "unknown push tool '$tool'" >&2; return 1 ;;
    esac
}

# Events per request that each tool sends, for the check that every event was sent once.
push_batch_size() {
    case "$1" in
        official) echo 50 ;;
        *) echo 2000 ;;
    esac
}

# Prints "ok" when the project received EVENTS events in exactly ceil(EVENTS / batch) requests, all with status 200,
# so no request was retried or sent twice. Prints "MISMATCH" otherwise.
check_sent_once() {
    local tool="$1" stats="$2" batch expected
    batch="$(push_batch_size "$tool")"
    expected=$(((EVENTS + batch - 1) / batch))
    jq -r --argjson events "$EVENTS" --arg expected "$expected" '
        if .eventsReceived == $events and (.requestsByStatusCode | keys) == ["200"]
            and (.requestsByStatusCode["200"] | tostring) == $expected
        then "ok" else "MISMATCH" end' <<<"$stats"
}

push_tools_for_round() {
    local round="$1"
    echo ours official import-tuned
    if ((round <= IMPORT_DEFAULTS_ROUNDS)); then
        echo import-defaults
    fi
}

run_push() {
    require_tools
    build src/Cli tools/MixpanelEmulator
    install_npm
    check_loopback_guard
    local file
    file="$(events_file)"
    start_emulator --counting-only

    local table="$RESULTS/push.tsv"
    printf 'round\ttool\twall_s\tcpu_s\trss_mb\temulator_cpu_s\treceived\tstatuses\tsent_once\tload1\n' >"$table"
    log "machine: $(machine_line)"
    for round in $(seq 1 "$ROUNDS"); do
        for tool in $(push_tools_for_round "$round"); do
            local token secret before after figures stats
            token="bench-$tool-$round-$(date +%s%N | tail -c 9)"
            secret="secret-$token"
            add_project "$token" "$secret"

            before="$(process_cpu "$EMULATOR_PID")"
            figures="$(run_push_tool "$tool" "push-$round-$tool" "$file" "$token" "$secret")"
            after="$(process_cpu "$EMULATOR_PID")"

            stats="$(project_stats "$token")"
            local received statuses once
            received="$(jq -r '.eventsReceived' <<<"$stats")"
            statuses="$(jq -r '.requestsByStatusCode | to_entries | map("\(.key):\(.value)") | join(",")' <<<"$stats")"
            once="$(check_sent_once "$tool" "$stats")"
            read -r wall cpu rss <<<"$figures"

            printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$tool" "$wall" "$cpu" "$rss" \
                "$(awk -v a="$after" -v b="$before" 'BEGIN { printf "%.2f", a - b }')" "$received" "$statuses" \
                "$once" "$(cut -d' ' -f1 /proc/loadavg)" >>"$table"
            log "round $round $tool: wall $wall s, cpu $cpu s, rss $rss MB, received $received, statuses $statuses," \
                "sent once: $once"
        done
    done

    print_push_summary "$table"
}

# Runs every push tool once against an emulator that validates and stores events, then checks that each project
# stored EVENTS events with EVENTS distinct $insert_ids, so every event of the file arrived exactly once.
run_verify() {
    require_tools
    build src/Cli tools/MixpanelEmulator
    install_npm
    check_loopback_guard
    local file failed=0
    file="$(events_file)"
    start_emulator
    log "machine: $(machine_line)"
    for tool in ours official import-tuned import-defaults; do
        local token secret figures stored distinct
        token="verify-$tool-$(date +%s%N | tail -c 9)"
        secret="secret-$token"
        add_project "$token" "$secret"
        figures="$(run_push_tool "$tool" "verify-$tool" "$file" "$token" "$secret")"
        curl -fsS "$EMULATOR_HTTP/_emulator/projects/$token/events" -o "$RESULTS/verify-$tool.json"
        stored="$(jq 'length' "$RESULTS/verify-$tool.json")"
        distinct="$(jq '[.[].properties["$insert_id"]] | unique | length' "$RESULTS/verify-$tool.json")"
        rm -f "$RESULTS/verify-$tool.json"
        local verdict="ok"
        if [[ "$stored" != "$EVENTS" || "$distinct" != "$EVENTS" ]]; then
            verdict="MISMATCH"
            failed=1
        fi
        local counts
        counts="$(project_stats "$token" | jq -c '{requestsByStatusCode, eventsRejected}')"
        echo "$tool: stored $stored, distinct \$insert_id $distinct, expected $EVENTS: $verdict" \
            "(wall, cpu s, rss MB: $figures); stats $counts"
    done
    return "$failed"
}

print_push_summary() {
    local table="$1"
    echo
    echo "Events: $EVENTS, rounds: $ROUNDS; $(machine_line)"
    column -t -s $'\t' "$table"

    echo
    printf '%-16s %10s %10s %10s %16s %10s\n' tool "wall s" "cpu s" "rss MB" "emulator cpu s" "events/s"
    local tool wall cpu rss emu
    local -A median_wall median_cpu median_rss
    for tool in ours official import-tuned import-defaults; do
        if ! awk -F'\t' -v t="$tool" '$2 == t { found = 1 } END { exit !found }' "$table"; then
            continue
        fi
        wall="$(awk -F'\t' -v t="$tool" '$2 == t { print $3 }' "$table" | median)"
        cpu="$(awk -F'\t' -v t="$tool" '$2 == t { print $4 }' "$table" | median)"
        rss="$(awk -F'\t' -v t="$tool" '$2 == t { print $5 }' "$table" | median)"
        emu="$(awk -F'\t' -v t="$tool" '$2 == t { print $6 }' "$table" | median)"
        printf '%-16s %10s %10s %10s %16s %10.0f\n' "$tool" "$wall" "$cpu" "$rss" "$emu" \
            "$(awk -v e="$EVENTS" -v w="$wall" 'BEGIN { print e / w }')"
        median_wall[$tool]="$wall" median_cpu[$tool]="$cpu" median_rss[$tool]="$rss"
    done

    for tool in official import-tuned import-defaults; do
        [[ -n "${median_wall[$tool]:-}" ]] || continue
        awk -v name="$tool" -v ow="${median_wall[ours]}" -v tw="${median_wall[$tool]}" -v oc="${median_cpu[ours]}" \
            -v tc="${median_cpu[$tool]}" -v orss="${median_rss[ours]}" -v trss="${median_rss[$tool]}" 'BEGIN {
            printf "ours/%s: wall %.3f (goal <= 0.5), cpu %.3f (goal <= 0.333), rss %.3f\n", name, ow / tw, oc / tc,
                orss / trss
        }'
    done

    if awk -F'\t' 'NR > 1 && $9 != "ok" { bad = 1 } END { exit !bad }' "$table"; then
        echo "MISMATCH: some runs did not send every event exactly once (sent_once column); their figures are invalid."
        return 1
    fi
}

case "$MODE" in
    push) run_push ;;
    verify) run_verify ;;
    product) source "$ROOT/bench/product.sh"; run_product ;;
    limit) source "$ROOT/bench/product.sh"; source "$ROOT/bench/limit.sh"; run_limit ;;
    *) echo "Unknown mode '$MODE'. Use 'push', 'verify', 'product' or 'limit'." >&2; exit 2 ;;
esac
