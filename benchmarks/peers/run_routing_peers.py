#!/usr/bin/env python3
"""Routing: slakit against GoRules ZEN, json-rules-engine and numpy on the
same generated routes and tickets, in one run, with the answers compared.

  /usr/bin/python3 benchmarks/peers/run_routing_peers.py [--build build] [--rules N]
      [--tickets M] [--seed S] [--catch-all] [--zen-count N] [--jre-count N] [--work DIR]

The workload (benchmarks/routing_workload.cpp, fixed seed): N first-match
routes (default 1,000) over customer.tier, ticket.channel, ticket.priority
(`one of` fields), customer.region, ticket.category (text) and order.value
(a number against 20 thresholds), and M tickets (default 100,000) drawn to
match at every depth, a third of the order values exactly on a threshold,
some without an order value or a category. slakit_routing_workload writes
the routes as rule text (rules.sla) and as a JSON table (table.json) that
each peer translates into its own form, the tickets as JSON Lines, and the
answers of slakit::route on the same tickets in memory (answers.tsv).

Answers: `slakit route` on the JSON Lines must give exactly the in-memory
answers, and every peer exactly slakit's (rule and queue, or none), ticket
by ticket; a difference is printed with the ticket and both routes.

Throughput, tickets per second of the decision alone (files, rule loading
and translation not timed), one core each:
  - slakit: Google Benchmark, BM_Route_First10/100/1000 (100,000 tickets in
    memory as slakit::Ticket records, route_many), BM_Route_First1000_InCache
    (the first 1,000 tickets over and over: the computing without the memory
    traffic), BM_Route_Columns_First1000 (the same 100,000 tickets as
    columns, route_columns, the texts dictionary-encoded as numpy and pandas
    hold them), BM_Route_Columns_Texts_First1000 (texts as views) and
    BM_Route_Compile10k; the ratios are the columns' (the form the numpy
    peer works on too) and the records';
  - ZEN: one decision table, hit policy first, in loop mode: one evaluation
    over the array of tickets (--zen-count, default every ticket);
  - json-rules-engine: one engine.run() per ticket, first match by priority
    and engine.stop() (--jre-count, default 2,000 tickets);
  - numpy: per route a boolean mask over all tickets, first match by rule
    order (every ticket).
`slakit route` end to end (JSON Lines in and out, every core) is shown too.
"""
import argparse
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
# What BM_Route_First<N> routes; other workloads get no in-memory figure.
BENCH_TICKETS, BENCH_SEED, BENCH_RULES = 100000, 20260409, (10, 100, 1000)
# Issue 9's targets.
TARGET_RATE, TARGET_JS, TARGET_NUMPY, TARGET_COMPILE_S = 10e6, 1000, 20, 0.5
COLUMNS, COLUMNS_TEXTS = "BM_Route_Columns_First1000", "BM_Route_Columns_Texts_First1000"


def run_json(cmd, **kwargs):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, **kwargs).stdout
    return json.loads(out.strip().splitlines()[-1])


def read_answers(path):
    """[(id, rule, queue)] with None for "null"."""
    rows = []
    with open(path) as f:
        for line in f:
            ticket, rule, queue = line.rstrip("\n").split("\t")
            rows.append((ticket, None if rule == "null" else rule, None if queue == "null" else queue))
    return rows


def slakit_route(build, work):
    """slakit route's answers, and its end-to-end seconds."""
    began = time.perf_counter()
    out = subprocess.run([build / "slakit", "route", work / "rules.sla", "--tickets", work / "tickets.jsonl"],
                         check=True, capture_output=True, text=True).stdout
    seconds = time.perf_counter() - began
    rows = []
    for line in out.splitlines():
        r = json.loads(line)
        rows.append((r["id"], r["rule"], r["queue"]))
    return rows, seconds


def compare(name, ours, theirs, work):
    """Prints how many of the peer's answers equal slakit's; returns the mismatches."""
    rules = {r["name"]: r for r in json.loads((work / "table.json").read_text())["rules"]}
    wrong = [(a, b) for a, b in zip(ours, theirs) if a != b]
    print(f"  {name:<32} {len(theirs) - len(wrong):>7} of {len(theirs):>7} identical, {len(wrong)} mismatches")
    if wrong:
        lines = (work / "tickets.jsonl").read_text().splitlines()
        for a, b in wrong[:3]:
            index = int(a[0].split("-")[1]) - 1
            print(f"    {a[0]}: slakit {a[1]} ({a[2]}), {name} {b[1]} ({b[2]})")
            print(f"      ticket {lines[index]}")
            for rule in {a[1], b[1]} - {None}:
                print(f"      {rule}: {json.dumps(rules[rule]['when'])}")
    return len(wrong)


def bench(build):
    """Google Benchmark's items per second by rule count, the in-cache rate
    at 1,000 routes, and the seconds to compile 10,000 routes."""
    wanted = [f"BM_Route_First{n}" for n in BENCH_RULES]
    names = wanted + ["BM_Route_First1000_InCache", "BM_Route_Compile10k", COLUMNS, COLUMNS_TEXTS]
    out = subprocess.run([build / "benchmarks/slakit_bench_routing",
                          f"--benchmark_filter=^({'|'.join(names)})$", "--benchmark_format=json",
                          "--benchmark_min_time=1"], check=True, capture_output=True, text=True).stdout
    rows = {b["name"]: b for b in json.loads(out)["benchmarks"]}
    rates = {n: rows[name]["items_per_second"] for n, name in zip(BENCH_RULES, wanted)}
    in_cache = rows["BM_Route_First1000_InCache"]["items_per_second"]
    compile_s = rows["BM_Route_Compile10k"]["real_time"] / 1000.0  # reported in ms
    columns = {name: rows[name]["items_per_second"] for name in (COLUMNS, COLUMNS_TEXTS)}
    return rates, in_cache, compile_s, columns


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=str(ROOT / "build"))
    parser.add_argument("--rules", type=int, default=1000)
    parser.add_argument("--tickets", type=int, default=BENCH_TICKETS)
    parser.add_argument("--seed", type=int, default=BENCH_SEED)
    parser.add_argument("--catch-all", action="store_true", help="the last route matches every ticket")
    parser.add_argument("--zen-count", type=int, default=BENCH_TICKETS, help="tickets for ZEN")
    parser.add_argument("--jre-count", type=int, default=2000, help="tickets for json-rules-engine")
    parser.add_argument("--no-bench", action="store_true", help="skip the Google Benchmark run")
    parser.add_argument("--work", help="keep the workload and answers here")
    args = parser.parse_args()
    require_node_peers("run_routing_peers.py", ("@gorules/zen-engine", "json-rules-engine"))

    build = Path(args.build)
    for tool in ("benchmarks/slakit_routing_workload", "benchmarks/slakit_bench_routing", "slakit"):
        if not (build / tool).exists():
            sys.exit(f"{build / tool} not found: build first (cmake --build {build})")

    work = Path(args.work or tempfile.mkdtemp(prefix="slakit-routing-peers-"))
    generate = [build / "benchmarks/slakit_routing_workload", work, "--rules", str(args.rules),
                "--tickets", str(args.tickets), "--seed", str(args.seed), "--answers"]
    depths = subprocess.run(generate + (["--catch-all"] if args.catch_all else []), check=True,
                            capture_output=True, text=True).stderr.strip()
    check = subprocess.run([build / "slakit", "check", work / "rules.sla"], capture_output=True, text=True)
    if check.returncode != 0:
        sys.exit(f"slakit check rejects the generated rules:\n{check.stdout}{check.stderr}")
    print(f"Workload: {args.rules} routes, {args.tickets} tickets, seed {args.seed}"
          f"{', catch-all last' if args.catch_all else ''} ({work})")
    print(f"  {depths}")

    in_memory = read_answers(work / "answers.tsv")
    ours, route_seconds = slakit_route(build, work)
    peers = [
        ("ZEN (loop mode)", run_json(["node", HERE / "routing_zen.js", work, str(args.zen_count), work / "zen.tsv"])),
        ("json-rules-engine", run_json(["node", HERE / "routing_json_rules_engine.js", work, str(args.jre_count),
                                        work / "json_rules_engine.tsv"])),
        ("numpy (rule masks)", run_json(["/usr/bin/python3", HERE / "routing_numpy.py", work, str(args.tickets),
                                         work / "numpy.tsv"])),
    ]
    files = {"ZEN (loop mode)": "zen.tsv", "json-rules-engine": "json_rules_engine.tsv",
             "numpy (rule masks)": "numpy.tsv"}

    print("\nAnswers (rule and queue per ticket, against slakit route)")
    mismatches = compare("slakit::route in memory", ours, in_memory, work)
    mismatches += compare("slakit::route_columns", ours, read_answers(work / "answers_columns.tsv"), work)
    for name, _ in peers:
        mismatches += compare(name, ours, read_answers(work / files[name]), work)

    same_workload = args.tickets == BENCH_TICKETS and args.seed == BENCH_SEED and not args.catch_all
    rates, in_cache, compile_s, columns = ({}, None, None, {}) if args.no_bench else bench(build)
    records_rate = rates.get(args.rules) if same_workload else None
    ours_rate = columns.get(COLUMNS) if same_workload and args.rules == 1000 else None

    print("\nThroughput (tickets per second of the decision, one core)")
    for n, rate in sorted(rates.items()):
        print(f"  slakit::route, {n:>4} routes, in memory     {rate:>14,.0f}")
    if in_cache is not None:
        print(f"    the same, 1000 routes, 1,000 tickets in cache {in_cache:>10,.0f}")
    for name, label in ((COLUMNS, "categories"), (COLUMNS_TEXTS, "texts")):
        if name in columns:
            print(f"  slakit::route_columns, 1000 routes, {label:<10} {columns[name]:>14,.0f}")
    if compile_s is not None:
        verdict = "meets" if compile_s < TARGET_COMPILE_S else "misses"
        print(f"  compiling 10,000 routes: {compile_s:.3f} s ({verdict} the {TARGET_COMPILE_S} s target)")
    print(f"  slakit route, JSON Lines end to end, {os.cpu_count()} cores {args.tickets / route_seconds:>10,.0f}")
    if ours_rate is None and not args.no_bench:
        print(f"  (no in-memory figure for this workload: the benchmark routes {BENCH_RULES} routes, "
              f"{BENCH_TICKETS} tickets, seed {BENCH_SEED}, no catch-all)")
    for name, peer in peers:
        line = f"  {name:<24} {peer['count']:>7} tickets {peer['tickets_per_s']:>14,.0f}"
        if ours_rate:
            target = TARGET_NUMPY if name.startswith("numpy") else TARGET_JS
            ratio = ours_rate / peer["tickets_per_s"]
            line += f"   columns {ratio:>9,.1f}x ({'meets' if ratio >= target else 'misses'} {target}x)"
            line += f", records {records_rate / peer['tickets_per_s']:>9,.1f}x"
        print(line)
    if ours_rate:
        verdict = "meets" if ours_rate >= TARGET_RATE else "misses"
        print(f"  slakit at {args.rules} routes, columns: {ours_rate:,.0f} tickets/s ({verdict} the 10 million "
              f"target); records: {records_rate:,.0f}")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
