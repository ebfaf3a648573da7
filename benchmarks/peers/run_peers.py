#!/usr/bin/env python3
"""Runs one generated workload through slakit and its peers, checks that the
results agree, and prints throughput ratios measured in the same run.

  benchmarks/peers/run_peers.py [--build build] [--moment-count N] [--pandas-count N]

Peers: moment-business-time (npm, pinned in package.json/package-lock.json),
pandas CustomBusinessHour and numpy busday_offset (Debian's python3-pandas,
python3-numpy, run under /usr/bin/python3). The workload (fixed seed): 200,000
random starts over 2026, 1 to 2400 business minutes, Monday to Friday
09:00-17:00 UTC with 30 holidays; 200,000 dates plus 1 to 20 business days.
The slow peers run a prefix of the same rows (--moment-count, --pandas-count);
throughput is operations per second either way. Everything runs on one core,
one after the other.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from node_peers import require_node_peers

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def run_json(cmd, **kwargs):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, **kwargs).stdout
    return json.loads(out.strip().splitlines()[-1])


def column(path, name):
    with open(path) as f:
        return [row[name] for row in csv.DictReader(f)]


def parse(ts):
    return datetime.strptime(ts, "%Y-%m-%dT%H:%M:%SZ")


def classify(ours, theirs, holidays):
    """Why two deadlines differ, where the reason is a known convention."""
    a, b = parse(ours), parse(theirs)
    if a.strftime("%H:%M:%S") == "17:00:00" and b.strftime("%H:%M:%S") == "09:00:00" and b > a:
        day = a.date() + timedelta(days=1)
        while day.weekday() >= 5 or day.isoformat() in holidays:
            day += timedelta(days=1)
        if b.date() == day:
            return "closing time: slakit keeps 17:00, the peer moves to the next opening"
    return "unexplained"


def compare(name, ours, theirs, holidays, explain=True):
    mismatches = {}
    for a, b in zip(ours, theirs):
        if a != b:
            reason = classify(a, b, holidays) if explain else "unexplained"
            mismatches.setdefault(reason, []).append((a, b))
    agreed = len(theirs) - sum(len(v) for v in mismatches.values())
    print(f"  {name}: {agreed} of {len(theirs)} agree")
    for reason, rows in mismatches.items():
        print(f"    {len(rows)} differ ({reason}), e.g. slakit {rows[0][0]} vs {rows[0][1]}")
    return sum(len(v) for k, v in mismatches.items() if k == "unexplained")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=str(ROOT / "build"))
    parser.add_argument("--moment-count", type=int, default=20000)
    parser.add_argument("--pandas-count", type=int, default=20000)
    parser.add_argument("--work", help="keep the workload and results here")
    args = parser.parse_args()
    require_node_peers("run_peers.py", ("moment-business-time",))

    runner = Path(args.build) / "benchmarks" / "slakit_peer_workload"
    if not runner.exists():
        sys.exit(f"{runner} not found: build first (.ci/setup)")

    work = Path(args.work or tempfile.mkdtemp(prefix="slakit-peers-"))
    work.mkdir(parents=True, exist_ok=True)
    subprocess.run([runner, "generate", work], check=True)
    holidays = set((work / "holidays.txt").read_text().split())

    slakit = run_json([runner, "run", work])
    moment = run_json(["node", HERE / "moment_business_time.js", work, str(args.moment_count)],
                      env={**os.environ, "TZ": "UTC"})
    python = run_json(["/usr/bin/python3", HERE / "python_peers.py", work, str(args.pandas_count)])

    print("Agreement")
    unexplained = compare("moment-business-time, minutes", column(work / "slakit_minutes.csv", "deadline"),
                          column(work / "moment_minutes.csv", "deadline"), holidays)
    unexplained += compare("pandas CustomBusinessHour, whole hours",
                           column(work / "slakit_hours.csv", "deadline"),
                           column(work / "pandas_hours.csv", "deadline"), holidays)
    unexplained += compare("numpy busday_offset, business days", column(work / "slakit_days.csv", "date"),
                           column(work / "numpy_days.csv", "date"), holidays, explain=False)

    fastest_peer = max(moment["add_minutes_per_s"], python["pandas_add_hours_per_s"])
    rows = [
        ("add business minutes", "moment-business-time", slakit["add_minutes_per_s"], moment["add_minutes_per_s"]),
        ("add business hours", "pandas CustomBusinessHour", slakit["add_hours_per_s"],
         python["pandas_add_hours_per_s"]),
        ("add business days", "numpy busday_offset", slakit["add_business_days_per_s"],
         python["numpy_add_business_days_per_s"]),
        ("  composed calendar", "numpy busday_offset", slakit["composed_add_business_days_per_s"],
         python["numpy_add_business_days_per_s"]),
    ]
    print("\nThroughput (operations per second, one core)")
    print(f"  {'operation':<22} {'peer':<26} {'slakit':>14} {'peer':>14} {'ratio':>10}")
    for op, peer, ours, theirs in rows:
        print(f"  {op:<22} {peer:<26} {ours:>14,.0f} {theirs:>14,.0f} {ours / theirs:>9,.1f}x")
    print(f"\n  slakit vs the fastest business-time peer: {slakit['add_minutes_per_s'] / fastest_peer:,.0f}x")
    print(f"  workload and results: {work}")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
