# Product-path benchmark, sourced by bench/run.sh ("bench/run.sh product"): EVENTS brand events ingested
# through the HTTP API into an embedded silo (SQLite), then one backfill of them to a counting-only emulator.
# The silo is restarted between the two phases, so each phase's peak RSS is its own.
#
# Settings (environment): EVENTS, INGEST_PARALLEL (4), INGEST_BATCH (5000), SYNC_BUDGET_EVENTS (events per
# 60 s that the silo's rate budget grants; default 1800000, Mixpanel's limit), SILO_ENV (variables for the silo
# process only, such as "DOTNET_gcServer=1"), PRODUCT_DATA (an existing data folder to sync instead of a new
# ingest; it is kept).

INGEST_PARALLEL="${INGEST_PARALLEL:-4}"
INGEST_BATCH="${INGEST_BATCH:-5000}"
SYNC_BUDGET_EVENTS="${SYNC_BUDGET_EVENTS:-1800000}"

brand_events_file() {
    local file="$WORK/brand-events-$EVENTS-$SEED.ndjson"
    if [[ ! -s "$file" ]]; then
        log "generating $EVENTS brand events into $file"
        python3 "$ROOT/bench/generate_events.py" "$file.tmp" --events "$EVENTS" --seed "$SEED" --brand >&2
        mv "$file.tmp" "$file"
    fi
    echo "$file"
}

# Starts a silo on the data folder $1; sets SILO_PID and SILO_URL.
start_silo() {
    local data="$1" log_name="$2" ports
    ports="$(free_port_block 3)"
    SILO_URL="http://127.0.0.1:$ports"
    # MALLOC_ARENA_MAX as the silo's Dockerfile and launch profile set it (src/Silo/Hosting/MallocArenas.cs).
    # shellcheck disable=SC2086
    env MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" ${SILO_ENV:-} dotnet "$SILO_DLL" --contentRoot="$(dirname "$SILO_DLL")" --urls="$SILO_URL" \
        --Sync:DataDirectory="$data" --Sync:SiloPort="$((ports + 1))" --Sync:GatewayPort="$((ports + 2))" \
        --Api:OperatorKey="$OPERATOR_KEY" --MixpanelSync:UsBaseAddress="$EMULATOR_HTTP/" \
        --MixpanelSync:RateBudget:MaxEventsPerWindow="$SYNC_BUDGET_EVENTS" \
        --Logging:LogLevel:Default=Warning >"$RESULTS/$log_name.log" 2>&1 &
    SILO_PID=$!
    PIDS+=("$SILO_PID")
    for _ in $(seq 1 300); do
        if curl -fsS "$SILO_URL/health/ready" >/dev/null 2>&1; then
            log "silo pid $SILO_PID on $SILO_URL, data $data"
            return 0
        fi
        if ! kill -0 "$SILO_PID" 2>/dev/null; then break; fi
        sleep 0.5
    done
    tail -30 "$RESULTS/$log_name.log" >&2
    echo "the silo did not become ready; its log is $RESULTS/$log_name.log" >&2
    exit 1
}

stop_silo() {
    kill "$SILO_PID"
    wait "$SILO_PID" 2>/dev/null || true
}

# Peak resident set size of a running process in MB.
process_peak_rss() {
    awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"
}

cli() {
    MIXPANEL_SYNC_URL="$SILO_URL" MIXPANEL_SYNC_KEY="$OPERATOR_KEY" dotnet "$CLI_DLL" "$@"
}

# Starts a backfill of brand $1 from 2025-12-01 through the API of $SILO_URL and prints its run id.
# The CLI's backfill command is not used because it previews first, and the preview reads every stored event,
# which takes longer than the API's 30-second grain call timeout on a million or more events.
post_backfill() {
    curl -fsS -X POST "$SILO_URL/api/v1/brands/$1/backfill" -H "Authorization: Bearer $OPERATOR_KEY" \
        -H 'Content-Type: application/json' -d '{"from": "2025-12-01"}' | jq -r '.runId'
}

# Waits until run $2 of brand $1 ends; prints its counts and fails unless it succeeded.
wait_run() {
    local brand="$1" run_id="$2" run outcome
    while :; do
        run="$(curl -fsS "$SILO_URL/api/v1/brands/$brand/runs/$run_id" -H "Authorization: Bearer $OPERATOR_KEY" \
            || echo '{"outcome": "running"}')"
        outcome="$(jq -r '.outcome' <<<"$run")"
        if [[ "$outcome" != "running" ]]; then
            jq -c '{runId, outcome, eventsRead, eventsSent, eventsImported, eventsRejected, retries, durationMs}' \
                <<<"$run"
            [[ "$outcome" == "succeeded" ]] && return 0
            echo "the backfill run $run_id of brand $brand ended $outcome" >&2
            return 1
        fi
        sleep 1
    done
}

run_product() {
    require_tools
    build src/Silo src/Cli tools/MixpanelEmulator
    local file data brand="bench-brand" token ingest="skipped" ingest_cpu="-" ingest_rss="-" ingest_load="-"
    if [[ -n "${PRODUCT_DATA:-}" ]]; then
        # The silo resolves a relative data folder against its content root, the build output folder.
        data="$(realpath -m "$PRODUCT_DATA")"
        [[ -f "$data/events.db" ]] || { echo "PRODUCT_DATA '$data' has no events.db; ingest into it first." >&2; exit 2; }
    else
        file="$(brand_events_file)"
        data="$WORK/product-data-$EVENTS"
        rm -rf "$data"
        mkdir -p "$data"
    fi
    OPERATOR_KEY="bench-operator-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    start_emulator --counting-only
    log "machine: $(machine_line)"

    local cpu_before cpu_after
    if [[ -z "${PRODUCT_DATA:-}" ]]; then
        start_silo "$data" silo-ingest
        cpu_before="$(process_cpu "$SILO_PID")"
        ingest="$(python3 "$ROOT/bench/ingest_load.py" "$file" --url "$SILO_URL" --brand "$brand" \
            --key "$OPERATOR_KEY" --batch "$INGEST_BATCH" --parallel "$INGEST_PARALLEL")"
        cpu_after="$(process_cpu "$SILO_PID")"
        ingest_cpu="$(awk -v a="$cpu_after" -v b="$cpu_before" 'BEGIN { printf "%.2f", a - b }')"
        ingest_rss="$(process_peak_rss "$SILO_PID")"
        ingest_load="$(cut -d' ' -f1-3 /proc/loadavg)"
        log "ingest: $ingest, silo cpu $ingest_cpu s, silo peak rss $ingest_rss MB"
        stop_silo
    fi

    start_silo "$data" silo-sync
    token="bench-product-$(date +%s%N | tail -c 9)"
    add_project "$token"
    if [[ -n "${PRODUCT_DATA:-}" ]]; then
        # A reused store may keep the brand connected to an earlier emulator's project.
        curl -fsS -X DELETE "$SILO_URL/api/v1/brands/$brand/integration?confirm=true" \
            -H "Authorization: Bearer $OPERATOR_KEY" >/dev/null || true
    fi
    cli connect --brand "$brand" --token "$token" --residency us >"$RESULTS/connect.out" 2>&1 \
        || { cat "$RESULTS/connect.out" >&2; exit 1; }
    local sync_started sync_ended sync_seconds sync_cpu sync_rss stats received sync_load
    cpu_before="$(process_cpu "$SILO_PID")"
    sync_started="$(date +%s.%N)"
    wait_run "$brand" "$(post_backfill "$brand")" >"$RESULTS/backfill.out"
    sync_ended="$(date +%s.%N)"
    cpu_after="$(process_cpu "$SILO_PID")"
    sync_seconds="$(awk -v a="$sync_ended" -v b="$sync_started" 'BEGIN { printf "%.2f", a - b }')"
    sync_cpu="$(awk -v a="$cpu_after" -v b="$cpu_before" 'BEGIN { printf "%.2f", a - b }')"
    sync_rss="$(process_peak_rss "$SILO_PID")"
    sync_load="$(cut -d' ' -f1-3 /proc/loadavg)"
    stats="$(project_stats "$token")"
    received="$(jq -r '.eventsReceived' <<<"$stats")"
    stop_silo

    local store_mb
    store_mb="$(du -sm "$data" | cut -f1)"
    echo
    local source_events="$EVENTS"
    [[ -n "${PRODUCT_DATA:-}" ]] && source_events="the events stored in $PRODUCT_DATA"
    echo "Events: $source_events; silo environment: ${SILO_ENV:-none}; $(machine_line)"
    echo "ingest: $ingest"
    printf 'ingest: silo cpu %s s, silo peak rss %s MB, load average %s, store %s MB\n' \
        "$ingest_cpu" "$ingest_rss" "$ingest_load" "$store_mb"
    printf 'sync (backfill, budget %s events per 60 s): %s s wall, %.0f events/s, silo cpu %s s, ' \
        "$SYNC_BUDGET_EVENTS" "$sync_seconds" "$(awk -v e="$received" -v s="$sync_seconds" 'BEGIN { print e / s }')" \
        "$sync_cpu"
    printf 'silo peak rss %s MB, emulator received %s, statuses %s, load average %s\n' "$sync_rss" "$received" \
        "$(jq -r '.requestsByStatusCode | to_entries | map("\(.key):\(.value)") | join(",")' <<<"$stats")" \
        "$sync_load"
    cat "$RESULTS/backfill.out"
    if [[ -z "${PRODUCT_DATA:-}" ]]; then
        rm -rf "$data"
    fi
}
