#!/usr/bin/env bash
# Fails when a tracked C# file has a line longer than the .editorconfig limit, because no analyzer enforces
# max_line_length. Prints each offending file:line with its length.
set -euo pipefail
cd "$(dirname "$0")/.."

limit=120
# Python counts characters rather than bytes, so comments with non-ASCII text are measured as they read.
git ls-files --cached --others --exclude-standard -z -- '*.cs' | python3 -c '
import sys
limit = int(sys.argv[1])
failed = False
for path in filter(None, sys.stdin.read().split("\0")):
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except FileNotFoundError:
        continue
    long_lines = [(n, len(line)) for n, line in enumerate(lines, 1) if len(line) > limit]
    if long_lines:
        failed = True
        for number, length in long_lines:
            print(f"{path}:{number}: {length} characters (limit {limit})")
if failed:
    print(f"Line-length check failed: wrap the lines above at {limit} characters.", file=sys.stderr)
sys.exit(1 if failed else 0)
' "$limit"
