#!/usr/bin/env bash
# Runs every test of the solution. On a fresh Debian machine it first installs what the tests need
# (PostgreSQL server binaries, Chromium, the Node.js packages of the Node-based checks); that step needs root.
#
#   ./test.sh                 install what is missing, build, run all test projects
#   ./test.sh Mixpanel.Tests  the same for the named test projects only
set -euo pipefail
cd "$(dirname "$0")"

# Each test project gets a time budget; a project that runs over it fails the run instead of hanging CI.
PROJECT_TIMEOUT_SECONDS=${PROJECT_TIMEOUT_SECONDS:-600}

apt_updated=false
apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing packages: $*. Install them (apt-get install $*) or run this script as root." >&2
    exit 1
  fi
  if [ "$apt_updated" = false ]; then
    apt-get update -qq
    apt_updated=true
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

install_prerequisites() {
  local missing=()
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  command -v docker-compose >/dev/null || missing+=(docker-compose)
  command -v curl >/dev/null || missing+=(curl)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]}"
    apt_install "${missing[@]}"
  fi

  # Node-based checks keep a package-lock.json beside their scripts; install each once.
  while IFS= read -r lock; do
    local dir
    dir=$(dirname "$lock")
    if [ ! -d "$dir/node_modules" ]; then
      echo "Installing Node.js packages in $dir"
      (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    fi
  done < <(git ls-files -- 'tests/**/package-lock.json')
}

select_projects() {
  if [ $# -gt 0 ]; then
    for name in "$@"; do echo "tests/$name/$name.csproj"; done
  else
    git ls-files --cached --others --exclude-standard -- 'tests/*.Tests/*.Tests.csproj' | sort
  fi
}

install_prerequisites
scripts/check-line-length.sh

docker-compose -f docker-compose.yml config -q
echo "docker-compose.yml is valid"

dotnet build MixpanelSync.slnx -c Release -v quiet -nologo

# The local-process stand-in for docker-compose.yml: a private PostgreSQL and two silos in one cluster.
if [ $# -eq 0 ]; then
  scripts/start-cluster.sh --smoke
fi

results=$(mktemp -d)
passed=0
failed=0
failed_projects=()
while IFS= read -r project; do
  name=$(basename "$project" .csproj)
  echo "=== $name"
  set +e
  timeout --signal=TERM --kill-after=30 "$PROJECT_TIMEOUT_SECONDS" \
    dotnet test "$project" -c Release --no-build -nologo \
      --logger "console;verbosity=minimal" --logger "trx;LogFileName=$name.trx" --results-directory "$results"
  code=$?
  set -e
  trx="$results/$name.trx"
  if [ -f "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx")
    project_passed=$(sed -nE 's/.* passed="([0-9]+)".*/\1/p' <<<"$counters")
    project_failed=$(sed -nE 's/.* failed="([0-9]+)".*/\1/p' <<<"$counters")
    passed=$((passed + ${project_passed:-0}))
    failed=$((failed + ${project_failed:-0}))
  else
    echo "$name wrote no test results." >&2
  fi
  if [ "$code" -ne 0 ]; then
    [ "$code" -eq 124 ] && echo "$name ran over its budget of $PROJECT_TIMEOUT_SECONDS s" >&2
    failed_projects+=("$name")
  fi
done < <(select_projects "$@")
rm -rf "$results"

echo "tests: $passed passed, $failed failed"
if [ ${#failed_projects[@]} -gt 0 ]; then
  echo "Failing test projects: ${failed_projects[*]}" >&2
  exit 1
fi
