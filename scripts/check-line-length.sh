#!/usr/bin/env bash
# Fails when a tracked C# file has a line longer than the .editorconfig limit, because no analyzer enforces
# max_line_length. Prints each offending file:line with its length.
set -euo pipefail
cd "$(dirname "$0")/.."

limit=120
status=0
while IFS= read -r file; do
  [ -f "$file" ] || continue
  if awk -v limit="$limit" -v file="$file" '
      { sub(/\r$/, "") }
      length($0) > limit { printf "%s:%d: %d characters (limit %d)\n", file, NR, length($0), limit; bad = 1 }
      END { exit bad }' "$file"; then
    :
  else
    status=1
  fi
done < <(git ls-files --cached --others --exclude-standard -- '*.cs')

if [ "$status" -ne 0 ]; then
  echo "Line-length check failed: wrap the lines above at $limit characters." >&2
fi
exit "$status"
