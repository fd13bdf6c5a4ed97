#!/usr/bin/env bash
# Bounded soak of the sync cluster: 16 brands ingest and sync every few hundred milliseconds against the
# Mixpanel emulator with random 429/503 failures, latency, hung and dropped requests, for a set time. Then the
# faults stop, every brand syncs until done, and each brand is reconciled exactly against the emulator's
# deduplicated view, its dead letters and its run records. Not part of ./test.sh.
#
#   scripts/soak.sh               3 minutes
#   scripts/soak.sh --minutes 10  10 minutes
set -euo pipefail
cd "$(dirname "$0")/.."

minutes=3
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --minutes=*) minutes="${1#*=}"; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "Unknown option $1. Use --minutes N." >&2; exit 2 ;;
  esac
done
if ! [[ "$minutes" =~ ^[0-9]+([.][0-9]+)?$ ]]; then
  echo "--minutes takes a number of minutes, such as 3 or 0.5, not '$minutes'." >&2
  exit 2
fi

report=$(mktemp)
trap 'rm -f "$report"' EXIT
dotnet build tests/Reliability.Tests -c Release -v quiet -nologo
set +e
MIXPANELSYNC_SOAK_MINUTES="$minutes" MIXPANELSYNC_SOAK_REPORT="$report" \
  dotnet test tests/Reliability.Tests -c Release --no-build -nologo \
    --filter "FullyQualifiedName~Soak" --logger "console;verbosity=minimal"
code=$?
set -e
echo
cat "$report" 2>/dev/null || echo "The soak wrote no report."
exit "$code"
