#!/usr/bin/env python3
"""Writes N events as NDJSON, the same bytes for the same N and seed.

By default the events are Mixpanel-shaped: 15 properties and about 440 bytes of JSON each, with a
millisecond time, a distinct_id, a unique $insert_id, a device id and eleven community and campaign
properties. With --brand they are brand events in the ingestion shape of docs/event-schema.md
(event_id, type, occurred_at, user_id, device_id, session_id, context and the type's properties).

Usage: generate_events.py OUTPUT [--events N] [--seed S] [--brand]
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


def build_brand_event(rng: random.Random, index: int) -> dict:
    kind, properties = rng.choice(BRAND_EVENT_KINDS)(rng)
    return {
        "event_id": f"e-{index:09d}",
        "type": kind,
        "occurred_at": BASE_TIME_MS + rng.randrange(SPAN_MS),
        "user_id": f"user-{rng.randrange(200_000):07d}",
        "device_id": f"dev-{rng.getrandbits(80):020x}",
        "session_id": f"sess-{rng.getrandbits(64):016x}",
        "context": {"os": rng.choice(PLATFORMS), "app_version": f"5.{rng.randrange(10)}", "country": rng.choice(COUNTRIES)},
        "properties": properties,
    }


BRAND_EVENT_KINDS = [
    lambda rng: ("video_view", {"video_id": f"v-{rng.randrange(1_000_000):07d}",
                                "watch_time_ms": rng.randrange(1000, 60_000), "duration_ms": 60_000}),
    lambda rng: ("like", {"target_id": f"post-{rng.randrange(10_000_000):08d}", "target_type": "post"}),
    lambda rng: ("share", {"target_id": f"post-{rng.randrange(10_000_000):08d}", "channel": rng.choice(CHANNELS)}),
    lambda rng: ("comment", {"target_id": f"post-{rng.randrange(10_000_000):08d}", "length_chars": rng.randrange(400)}),
    lambda rng: ("community_join", {"community_id": f"community-{rng.randrange(5000):05d}",
                                    "source": rng.choice(SOURCES)}),
    lambda rng: ("community_post", {"community_id": f"community-{rng.randrange(5000):05d}",
                                    "post_id": f"post-{rng.randrange(10_000_000):08d}"}),
    lambda rng: ("product_view", {"product_id": f"sku-{rng.randrange(100_000):06d}",
                                  "price": rng.randrange(100, 20_000) / 100, "currency": "EUR"}),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=20261204)
    parser.add_argument("--brand", action="store_true", help="write brand events instead of Mixpanel events")
    args = parser.parse_args()
    if args.events <= 0:
        print(f"--events {args.events} is not positive; pass a count such as 1000000.", file=sys.stderr)
        return 2

    rng = random.Random(args.seed)
    total = 0
    with open(args.output, "w", encoding="utf-8", newline="\n") as output:
        lines = []
        for index in range(args.events):
            event = build_brand_event(rng, index) if args.brand else build_event(rng, index)
            line = json.dumps(event, separators=(",", ":"))
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
