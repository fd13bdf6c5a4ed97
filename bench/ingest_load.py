#!/usr/bin/env python3
"""Sends an NDJSON file of brand events to POST /api/v1/brands/{brand}/events and reports the ingest rate.

The file is cut into gzipped NDJSON bodies of --batch events before the clock starts, so the measured
time is the service's: reading, validating and storing. --parallel requests are in flight at once.
Prints one JSON object: events, accepted, duplicates, rejected, requests, seconds, events_per_second.
--property NAME=VALUE adds a string property to every event's properties while the bodies are built, such as
a tag that distinguishes brands whose events share one Mixpanel project.

Usage: ingest_load.py FILE --url http://127.0.0.1:PORT --brand ID --key KEY [--batch N] [--parallel N]
                      [--property NAME=VALUE]
"""

import argparse
import gzip
import http.client
import json
import sys
import threading
import time
import urllib.parse


def add_property(line: bytes, name: str, value: str) -> bytes:
    event = json.loads(line)
    event.setdefault("properties", {})[name] = value
    return json.dumps(event, separators=(",", ":")).encode() + b"\n"


def build_bodies(path: str, batch: int, extra_property: tuple | None) -> list:
    bodies, lines = [], []
    with open(path, "rb") as source:
        for line in source:
            if line.strip():
                lines.append(add_property(line, *extra_property) if extra_property else line)
            if len(lines) == batch:
                bodies.append((len(lines), gzip.compress(b"".join(lines), compresslevel=1)))
                lines = []
    if lines:
        bodies.append((len(lines), gzip.compress(b"".join(lines), compresslevel=1)))
    return bodies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--url", required=True)
    parser.add_argument("--brand", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--batch", type=int, default=5000)
    parser.add_argument("--parallel", type=int, default=4)
    parser.add_argument("--property", metavar="NAME=VALUE",
                        help="a string property to add to every event's properties")
    args = parser.parse_args()
    extra_property = None
    if args.property is not None:
        name, separator, value = args.property.partition("=")
        if not name or not separator:
            parser.error(f"--property must be NAME=VALUE, but it is '{args.property}'")
        extra_property = (name, value)

    address = urllib.parse.urlparse(args.url)
    path = f"/api/v1/brands/{urllib.parse.quote(args.brand)}/events"
    bodies = build_bodies(args.file, args.batch, extra_property)
    totals = {"events": 0, "accepted": 0, "duplicates": 0, "rejected": 0, "requests": 0, "errors": []}
    lock = threading.Lock()
    next_index = [0]

    def worker() -> None:
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=300)
        while True:
            with lock:
                index = next_index[0]
                next_index[0] += 1
            if index >= len(bodies):
                break
            count, body = bodies[index]
            connection.request("POST", path, body=body, headers={
                "Authorization": f"Bearer {args.key}",
                "Content-Type": "application/x-ndjson",
                "Content-Encoding": "gzip",
            })
            response = connection.getresponse()
            payload = response.read()
            with lock:
                totals["requests"] += 1
                totals["events"] += count
                if response.status != 200:
                    totals["errors"].append(f"{response.status}: {payload[:300]!r}")
                    continue
                result = json.loads(payload)
                totals["accepted"] += result["accepted"]
                totals["duplicates"] += result["duplicates"]
                totals["rejected"] += result["rejectedCount"]
        connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(args.parallel)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - started

    errors = totals.pop("errors")
    totals["seconds"] = round(seconds, 2)
    totals["events_per_second"] = round(totals["events"] / seconds)
    totals["failed_requests"] = len(errors)
    print(json.dumps(totals))
    if errors:
        print(f"{len(errors)} requests failed; the first: {errors[0]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
