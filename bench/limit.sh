# Rate-limit benchmark, sourced by bench/run.sh ("bench/run.sh limit"): BRANDS brands share one Mixpanel
# project whose emulator limit is RATE events per second (RATE * 60 per rolling 60 s). Two silos in cluster mode
# on a private PostgreSQL ingest EVENTS_PER_BRAND events for each brand, then every brand backfills at once.
# The emulator runs in strict mode, so it enforces the limit with 429s and keeps a deduplicated view. Each brand's
# events carry the custom property bench_brand (its brand id), which the brand's mapping lets through, so the
# emulator's event summary counts stored and unique events per brand.
#
# Settings (environment): RATE (1000), BRANDS (4), EVENTS_PER_BRAND (RATE * 60 * 2.5 / BRANDS, so that the
# backlog outlasts two full windows), POLL_TIMEOUT (seconds to wait for delivery, 900), DROP_AFTER_STORE (0; when
# N > 0, the emulator stores the next N requests after the backfills start and then aborts their connections, so
# the senders send those batches again: a check that the report counts the duplicates. The stored counts that the
# rate figures use then include the resent copies).

RATE="${RATE:-1000}"
BRANDS="${BRANDS:-4}"
WINDOW_SECONDS=60
LIMIT_EVENTS=$((RATE * WINDOW_SECONDS))
EVENTS_PER_BRAND="${EVENTS_PER_BRAND:-$((LIMIT_EVENTS * 5 / 2 / BRANDS))}"
POLL_TIMEOUT="${POLL_TIMEOUT:-900}"
DROP_AFTER_STORE="${DROP_AFTER_STORE:-0}"
BRAND_PROPERTY=bench_brand


start_postgres() {
    local pg_bin port
    pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [[ -z "$pg_bin" ]]; then
        echo "PostgreSQL server binaries are missing: install them with 'apt-get install -y postgresql'." >&2
        exit 2
    fi

    PG_DATA="$(mktemp -d /tmp/bench-limit-pg.XXXXXX)"
    chmod 755 "$PG_DATA"
    chown postgres "$PG_DATA"
    port="$(free_port_block 1)"
    runuser -u postgres -- "$pg_bin/initdb" -D "$PG_DATA/db" -U postgres --auth=trust >/dev/null
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$PG_DATA/db" -l "$PG_DATA/server.log" -w \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG_DATA -c fsync=off" start >/dev/null
    PG_BIN="$pg_bin"
    PG_STARTED_DATA="$PG_DATA"
    runuser -u postgres -- "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE mixpanel_sync;"
    PG_CONNECTION="Host=127.0.0.1;Port=$port;Database=mixpanel_sync;Username=postgres"
    log "PostgreSQL on 127.0.0.1:$port"
}

stop_postgres() {
    if [[ -n "${PG_STARTED_DATA:-}" && -f "$PG_STARTED_DATA/db/postmaster.pid" ]]; then
        runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_STARTED_DATA/db" -m fast stop >/dev/null || true
        rm -rf "$PG_STARTED_DATA"
    fi
}

# Starts cluster silo number $1; appends its pid to SILO_PIDS and its URL to SILO_URLS.
start_cluster_silo() {
    local n="$1" ports url pid
    ports="$(free_port_block 3)"
    url="http://127.0.0.1:$ports"
    # shellcheck disable=SC2086
    env ${SILO_ENV:-} dotnet "$SILO_DLL" --contentRoot="$(dirname "$SILO_DLL")" --urls="$url" \
        --Sync:Mode=Cluster --Sync:PostgresConnectionString="$PG_CONNECTION" \
        --Sync:SiloPort="$((ports + 1))" --Sync:GatewayPort="$((ports + 2))" \
        --Api:OperatorKey="$OPERATOR_KEY" --MixpanelSync:UsBaseAddress="$EMULATOR_HTTP/" \
        --MixpanelSync:RateBudget:MaxEventsPerWindow="$LIMIT_EVENTS" \
        --Logging:LogLevel:Default=Warning >"$RESULTS/limit-silo$n.log" 2>&1 &
    pid=$!
    PIDS+=("$pid")
    SILO_PIDS+=("$pid")
    SILO_URLS+=("$url")
}

wait_silos_ready() {
    local url
    for url in "${SILO_URLS[@]}"; do
        for _ in $(seq 1 300); do
            curl -fsS "$url/health/ready" >/dev/null 2>&1 && continue 2
            sleep 0.5
        done
        echo "the silo at $url did not become ready; logs are in $RESULTS/limit-silo*.log" >&2
        exit 1
    done
    log "silos ready: ${SILO_URLS[*]}"
}

# Saves the emulator's event summary of project $1, split by bench_brand, to $RESULTS/limit-summary.json. The
# summary contains counts only, so it stays small at any number of stored events.
save_summary() {
    curl -fsS --max-time 600 "$EMULATOR_HTTP/_emulator/projects/$1/events/summary?groupBy=$BRAND_PROPERTY" \
        >"$RESULTS/limit-summary.json"
}

# Lets the custom property $BRAND_PROPERTY through brand $1's mapping, through the API of $SILO_URL.
allow_brand_property() {
    curl -fsS -X PATCH "$SILO_URL/api/v1/brands/$1/integration" -H "Authorization: Bearer $OPERATOR_KEY" \
        -H 'Content-Type: application/json' \
        -d "{\"mapping\": {\"allowedCustomProperties\": [\"$BRAND_PROPERTY\"]}}" >/dev/null
}

run_limit() {
    require_tools
    build src/Silo src/Cli tools/MixpanelEmulator
    local file token="bench-limit-token-$(date +%s%N | tail -c 9)"
    EVENTS="$EVENTS_PER_BRAND"
    file="$(brand_events_file)"
    OPERATOR_KEY="bench-operator-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    SILO_PIDS=()
    SILO_URLS=()
    trap 'cleanup; stop_postgres' EXIT
    start_postgres
    start_emulator --project "$token,rate-events=$LIMIT_EVENTS"
    start_cluster_silo 1
    start_cluster_silo 2
    wait_silos_ready
    log "machine: $(machine_line)"
    log "limit $LIMIT_EVENTS events per ${WINDOW_SECONDS} s ($RATE/s), $BRANDS brands x $EVENTS_PER_BRAND events"

    local b url
    for b in $(seq 1 "$BRANDS"); do
        url="${SILO_URLS[$((b % 2))]}"
        python3 "$ROOT/bench/ingest_load.py" "$file" --url "$url" --brand "bench-limit-$b" --key "$OPERATOR_KEY" \
            --batch 5000 --parallel 2 --property "$BRAND_PROPERTY=bench-limit-$b" >"$RESULTS/limit-ingest-$b.json"
        log "ingested brand $b through $url: $(cat "$RESULTS/limit-ingest-$b.json")"
        SILO_URL="$url" cli connect --brand "bench-limit-$b" --token "$token" --residency us \
            >"$RESULTS/limit-connect-$b.out" 2>&1 || { cat "$RESULTS/limit-connect-$b.out" >&2; exit 1; }
        SILO_URL="$url" allow_brand_property "bench-limit-$b"
    done

    local expected=$((BRANDS * EVENTS_PER_BRAND)) started run_ids=()
    started="$(date +%s.%N)"
    for b in $(seq 1 "$BRANDS"); do
        run_ids+=("$(SILO_URL="${SILO_URLS[$((b % 2))]}" post_backfill "bench-limit-$b")")
    done
    if ((DROP_AFTER_STORE > 0)); then
        curl -fsS -X POST "$EMULATOR_HTTP/_emulator/projects/$token/faults" -H 'Content-Type: application/json' \
            -d "{\"dropNext\": $DROP_AFTER_STORE}"
        log "the emulator aborts the connections of the next $DROP_AFTER_STORE requests after storing them"
    fi

    # One line a second: seconds since the backfills started, events stored, 429 responses, all responses.
    local samples="$RESULTS/limit-samples.tsv" stats stored now
    : >"$samples"
    while :; do
        stats="$(project_stats "$token")"
        now="$(date +%s.%N)"
        stored="$(jq -r '.eventsStored' <<<"$stats")"
        printf '%s\t%s\t%s\t%s\n' "$(awk -v a="$now" -v b="$started" 'BEGIN { printf "%.1f", a - b }')" "$stored" \
            "$(jq -r '.requestsByStatusCode["429"] // 0' <<<"$stats")" \
            "$(jq -r '[.requestsByStatusCode[]] | add // 0' <<<"$stats")" >>"$samples"
        if ((stored >= expected)); then break; fi
        if awk -v a="$now" -v b="$started" -v t="$POLL_TIMEOUT" 'BEGIN { exit !(a - b > t) }'; then
            log "stopped waiting after $POLL_TIMEOUT s with $stored of $expected events stored"
            break
        fi
        sleep 1
    done
    sleep 5
    for b in $(seq 1 "$BRANDS"); do
        SILO_URL="${SILO_URLS[$((b % 2))]}" wait_run "bench-limit-$b" "${run_ids[$((b - 1))]}" \
            >"$RESULTS/limit-backfill-$b.out"
    done

    stats="$(project_stats "$token")"
    log "reading the emulator's event summary"
    save_summary "$token"
    echo
    echo "Rate limit: $LIMIT_EVENTS events per $WINDOW_SECONDS s ($RATE/s); $BRANDS brands x $EVENTS_PER_BRAND events" \
        "on 2 cluster silos; $(machine_line)"
    python3 - "$samples" "$LIMIT_EVENTS" "$WINDOW_SECONDS" "$stats" "$RESULTS" "$BRANDS" <<'PY'
import json, sys
samples_path, limit, window, stats, results, brands = sys.argv[1:7]
limit, window, brands = int(limit), int(window), int(brands)
stats = json.loads(stats)
samples = [tuple(float(v) for v in line.split("\t")) for line in open(samples_path) if line.strip()]
stored_total = samples[-1][1]
first = next(t for t, stored, *_ in samples if stored > 0)
last = next(t for t, stored, *_ in samples if stored >= stored_total)
# A rolling limit admits at most `limit` events in any `window` seconds. Every sliding window that starts at a
# sample from the moment the backfills started and ends before the last event was stored falls inside the
# backlog; the mean of the events stored in those windows, over the limit, is the share of the rate used.
deliveries = []
for start, stored_at_start, *_ in samples:
    if start + window > last:
        break
    stored_at_end = max(stored for t, stored, *_ in samples if t <= start + window)
    deliveries.append(stored_at_end - stored_at_start)
if deliveries:
    mean = sum(deliveries) / len(deliveries)
    print(f"share of the allowed rate: {mean / limit:.1%} (mean {mean:.0f} events in {len(deliveries)} sliding "
          f"{window}-s windows during the backlog, limit {limit}; lowest {min(deliveries)}, highest {max(deliveries)})")
else:
    print("share of the allowed rate: not measured, the backlog lasted less than one window")
codes = {int(k): v for k, v in stats["requestsByStatusCode"].items()}
requests = sum(codes.values())
print(f"the last event was stored {last:.1f} s after the backfills started (first at {first:.1f} s); "
      f"{stored_total / last:.0f} events/s overall")
print(f"requests {requests}, by status {codes}; 429 share {codes.get(429, 0) / max(requests, 1):.2%}")

# Lost: events a brand ingested that are missing from the emulator's deduplicated view. Duplicated: stored
# copies beyond the first of a deduplication key (event, distinct_id, time, $insert_id). Both come from the
# emulator's event summary, split by the bench_brand property that each brand's events carry.
summary = json.load(open(f"{results}/limit-summary.json"))
groups = {group["value"]: group for group in summary["groups"]}
rows = []
for b in range(1, brands + 1):
    brand = f"bench-limit-{b}"
    ingested = json.load(open(f"{results}/limit-ingest-{b}.json"))["accepted"]
    run = json.loads(open(f"{results}/limit-backfill-{b}.out").read().strip().splitlines()[-1])
    group = groups.pop(brand, {"eventsStored": 0, "uniqueEvents": 0})
    rows.append((brand, ingested, run["eventsImported"], run["retries"], group["eventsStored"],
                 group["uniqueEvents"]))
total = tuple(sum(row[i] for row in rows) for i in range(1, 6))
rows.append(("total", *total))
header = ("brand", "ingested", "imported (runs)", "run retries", "stored (raw)", "unique (dedup)", "lost",
          "duplicated")
table = [header] + [(brand, ingested, imported, retries, stored, unique, ingested - unique, stored - unique)
                    for brand, ingested, imported, retries, stored, unique in rows]
widths = [max(len(f"{row[i]:,}" if isinstance(row[i], int) else row[i]) for row in table) for i in range(len(header))]
for row in table:
    cells = [f"{value:,}" if isinstance(value, int) else value for value in row]
    print("  ".join(cell.ljust(widths[0]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(cells)))
others = sum(group["eventsStored"] for group in groups.values())
print(f"emulator summary: {summary['eventsStored']:,} stored, {summary['uniqueEvents']:,} unique, "
      f"{summary['duplicateEvents']:,} duplicated, {summary['eventsRejected']:,} rejected (each brand's credential "
      f"check is one), {summary['requests']:,} requests, {summary['requestsRateLimited']:,} answered 429 "
      f"({summary['requestsRateLimited'] / max(summary['requests'], 1):.2%}); {others:,} stored events carry no "
      f"brand of this run")
lost = total[0] - total[4]
duplicated = total[3] - total[4]
if lost == 0 and duplicated == 0 and others == 0:
    print(f"result: 0 lost, 0 duplicated, by the emulator's deduplication of {summary['eventsStored']:,} events")
else:
    print(f"result: MISMATCH: {lost:,} lost, {duplicated:,} duplicated, {others:,} stored events without a brand")
    sys.exit(1)
PY
}
