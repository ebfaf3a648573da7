#!/usr/bin/env python3
"""The input of the `slakit deadline --batch` benchmark (docs/benchmarks.md).

    benchmarks/make_deadline_batch.py ROWS OUT.csv

Rows shaped like the peer workload (benchmarks/workload.cpp): a start at a
random second of 2026 in UTC (RFC 3339, `Z`) and 1 to 2400 business minutes
(`90m`), with an id column copied through. Fixed seed: the same file every
time.
"""
import random
import sys
from datetime import datetime, timedelta, timezone


def main() -> None:
    rows, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20261130)
    year = datetime(2026, 1, 1, tzinfo=timezone.utc)
    seconds = 365 * 86400
    with open(out, "w", encoding="ascii", newline="") as f:
        f.write("id,start,add\n")
        for i in range(rows):
            start = year + timedelta(seconds=rng.randrange(seconds))
            f.write(f"T-{i + 1},{start:%Y-%m-%dT%H:%M:%SZ},{rng.randint(1, 2400)}m\n")


if __name__ == "__main__":
    main()
