#!/usr/bin/env python3
"""SLA clocks: slakit against the way hosts compute them today, per target
with moment-business-time, on the same generated tickets, in one run.

  benchmarks/peers/run_sla_peers.py [--build build] [--count N] [--moment-count N]

The workload (benchmarks/sla_workload.cpp, fixed seed): tickets created over
2026 with about 8 events each (assignments, public and internal replies,
pending and open statuses, priority changes, solves, reopenings). The rule
set the peer can express too: one SLA, first response 4 business hours and
resolution 16, paused while pending_customer, Monday to Friday 09:00-17:00
UTC with five holidays. The peer (Node, TZ=UTC) computes the two dues of
each ticket's first cycle; slakit computes every cycle, its state,
thresholds and metrics. Agreement is checked on the dues the peer computes.
Throughput: slakit in memory on one core (Google Benchmark,
BM_Sla_Evaluate_PeerRules), slakit eval end to end on every core (JSON Lines
in, JSON Lines out to /dev/null), and the peer on one core.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from node_peers import require_node_peers

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
NOW = "2027-01-15T00:00:00Z"


def run_json(cmd, **kwargs):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, **kwargs).stdout
    return json.loads(out.strip().splitlines()[-1])


def slakit_dues(lines):
    """id -> (first response due, resolution due) of the first cycles."""
    dues = {}
    for line in lines:
        e = json.loads(line)
        first = {(t["metric"], t["cycle"]): t["due"] for t in e["targets"]}
        dues[e["id"]] = (first.get(("first_response", 1)) or "", first.get(("resolution", 1)) or "")
    return dues


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=str(ROOT / "build"))
    parser.add_argument("--count", type=int, default=200000, help="tickets for slakit eval")
    parser.add_argument("--moment-count", type=int, default=20000, help="tickets for the peer")
    parser.add_argument("--work", help="keep the workload and results here")
    args = parser.parse_args()
    require_node_peers("run_sla_peers.py", ("moment-business-time",))

    build = Path(args.build)
    for tool in ("benchmarks/slakit_sla_workload", "benchmarks/slakit_bench_sla", "slakit"):
        if not (build / tool).exists():
            sys.exit(f"{build / tool} not found: build first (.ci/setup)")

    work = Path(args.work or tempfile.mkdtemp(prefix="slakit-sla-peers-"))
    subprocess.run([build / "benchmarks/slakit_sla_workload", work, str(args.count)], check=True)

    began = time.perf_counter()
    out = subprocess.run([build / "slakit", "eval", work / "peer_rules.sla", "--tickets",
                          work / "tickets.jsonl", "--now", NOW],
                         check=True, capture_output=True, text=True).stdout
    eval_seconds = time.perf_counter() - began
    ours = slakit_dues(out.splitlines())

    moment = run_json(["node", HERE / "sla_moment_business_time.js", work, str(args.moment_count), NOW],
                      env={**os.environ, "TZ": "UTC"})
    bench = json.loads(subprocess.run(
        [build / "benchmarks/slakit_bench_sla", "--benchmark_filter=BM_Sla_Evaluate_PeerRules$",
         "--benchmark_format=json"], check=True, capture_output=True, text=True).stdout)
    in_memory = bench["benchmarks"][0]["items_per_second"]

    agree = differ = 0
    examples = []
    with open(work / "peer_dues.csv") as f:
        for row in csv.DictReader(f):
            mine = ours[row["id"]]
            theirs = (row["first_response_due"], row["resolution_due"])
            if mine == theirs:
                agree += 1
            else:
                differ += 1
                if len(examples) < 3:
                    examples.append((row["id"], mine, theirs))
    print("Agreement (first response and resolution dues of the first cycle)")
    print(f"  moment-business-time: {agree} of {agree + differ} tickets agree")
    for ticket, mine, theirs in examples:
        print(f"    {ticket}: slakit {mine} vs peer {theirs}")

    peer = moment["tickets_per_s"]
    print("\nThroughput (tickets per second)")
    print(f"  slakit evaluate, in memory, one core        {in_memory:>12,.0f}   {in_memory / peer:>8,.0f}x the peer")
    print(f"  slakit eval, JSON Lines end to end, {os.cpu_count()} cores {args.count / eval_seconds:>12,.0f}   "
          f"{args.count / eval_seconds / peer:>8,.0f}x the peer")
    print(f"  moment-business-time, two dues, one core    {peer:>12,.0f}")
    print(f"  workload and results: {work}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
