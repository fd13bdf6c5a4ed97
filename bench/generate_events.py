#!/usr/bin/env python3
"""Writes N Mixpanel-shaped events as NDJSON, the same bytes for the same N and seed.

Each event has 15 properties and about 440 bytes of JSON: a millisecond time, a distinct_id,
a unique $insert_id, a device id and eleven community and campaign properties.

Usage: generate_events.py OUTPUT [--events N] [--seed S]
"""

import argparse
import json
import random
import sys

EVENT_NAMES = ["content_view", "like", "comment", "share", "community_join", "purchase", "session_start"]
CHANNELS = ["video", "forum", "shop", "stories", "live", "newsletter"]
SOURCES = ["google", "newsletter", "instagram", "tiktok", "direct", "partner-site"]
MEDIUMS = ["cpc", "email", "social", "referral", "organic"]
COUNTRIES = ["NO", "SE", "DK", "DE", "GB", "US", "FR", "NL", "IN", "BR"]
PLATFORMS = ["iOS", "Android", "Web", "Windows", "macOS"]
# 2026-01-01T00:00:00Z; the events spread over the 30 days after it.
BASE_TIME_MS = 1_767_225_600_000
SPAN_MS = 30 * 24 * 3600 * 1000


def build_event(rng: random.Random, index: int) -> dict:
    user = rng.randrange(200_000)
    return {
        "event": rng.choice(EVENT_NAMES),
        "properties": {
            "time": BASE_TIME_MS + rng.randrange(SPAN_MS),
            "distinct_id": f"user-{user:07d}",
            "$insert_id": f"{rng.getrandbits(64):016x}{index:016x}",
            "$device_id": f"dev-{rng.getrandbits(80):020x}",
            "brand_id": f"brand-{rng.randrange(40):03d}",
            "community_id": f"community-{rng.randrange(5000):05d}",
            "post_id": f"post-{rng.randrange(10_000_000):08d}",
            "channel": rng.choice(CHANNELS),
            "utm_source": rng.choice(SOURCES),
            "utm_medium": rng.choice(MEDIUMS),
            "utm_campaign": f"spring-{rng.randrange(120):03d}",
            "mp_country_code": rng.choice(COUNTRIES),
            "$os": rng.choice(PLATFORMS),
            "session_id": f"sess-{rng.getrandbits(64):016x}",
            "duration_ms": rng.randrange(250, 600_000),
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=20261204)
    args = parser.parse_args()
    if args.events <= 0:
        print(f"--events {args.events} is not positive; pass a count such as 1000000.", file=sys.stderr)
        return 2

    rng = random.Random(args.seed)
    total = 0
    with open(args.output, "w", encoding="utf-8", newline="\n") as output:
        lines = []
        for index in range(args.events):
            line = json.dumps(build_event(rng, index), separators=(",", ":"))
            total += len(line) + 1
            lines.append(line)
            if len(lines) == 10_000:
                output.write("\n".join(lines) + "\n")
                lines.clear()
        if lines:
            output.write("\n".join(lines) + "\n")
    print(f"wrote {args.events} events, {total} bytes ({total / args.events:.0f} bytes per event) to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
