#!/usr/bin/env bash
# Fails when a tracked C# file has a line longer than the .editorconfig limit, because no analyzer enforces
# max_line_length. Prints each offending file:line with its length.
set -euo pipefail
cd "$(dirname "$0")/.."

limit=120
allowlist=scripts/line-length-allowlist.txt
# Python counts characters rather than bytes, so comments with non-ASCII text are measured as they read.
# Files named in the allow-list may keep up to the listed number of long lines; anything beyond that fails.
git ls-files --cached --others --exclude-standard -z -- '*.cs' | python3 -c '
import os, sys
limit = int(sys.argv[1])
allowed = {}
if os.path.exists(sys.argv[2]):
    for row in open(sys.argv[2], encoding="utf-8"):
        row = row.split("#", 1)[0].split()
        if len(row) == 2:
            allowed[row[0]] = int(row[1])
failed = False
for path in filter(None, sys.stdin.read().split("\0")):
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except FileNotFoundError:
        continue
    long_lines = [(n, len(line)) for n, line in enumerate(lines, 1) if len(line) > limit]
    if len(long_lines) > allowed.get(path, 0):
        failed = True
        for number, length in long_lines:
            print(f"{path}:{number}: {length} characters (limit {limit})")
if failed:
    print(f"Line-length check failed: wrap the lines above at {limit} characters.", file=sys.stderr)
sys.exit(1 if failed else 0)
' "$limit" "$allowlist"
