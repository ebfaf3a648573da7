#!/usr/bin/env python3
"""SLA attainment over a partitioned ticket table, on a Dask cluster.

Each partition of the table is evaluated by slakit on a worker
(dask.dataframe.map_partitions); the rule set travels to the workers
pickled, as its source texts, and compiles there once per task. Each
partition comes back as counts only, so the report's memory does not grow
with the table.

    # a LocalCluster of 2 workers on a generated table of 100,000 tickets
    dask_sla_report.py --generate 100000
    # a running cluster (docs/python.md, "Dask")
    dask_sla_report.py --scheduler tcp://scheduler:8786 --tickets tickets.jsonl

The tickets are the records of `slakit eval` (docs/cli.md), one JSON object a
line, or generated ones. The report has one row per SLA or OLA target
(policy, metric): cycles met, breached, running, paused, cancelled, and the
attainment met / (met + breached).
"""

from __future__ import annotations

import argparse
import datetime as dt
import pathlib
import sys

import numpy as np
import pandas as pd

import slakit

HERE = pathlib.Path(__file__).resolve().parent
DEFAULT_RULES = HERE.parent / "rules" / "routing.sla"
STATES = ["met", "breached", "running", "paused", "cancelled"]
KEYS = ["kind", "policy", "metric"]


def generate_tickets(n: int, seed: int = 20260301) -> pd.DataFrame:
    """n tickets from a fixed seed: contracts, priorities, regions, and a
    first reply and a solution for most of them."""
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2026-03-02T00:00:00Z")
    created = start + pd.to_timedelta(rng.integers(0, 60 * 86400, n), unit="s")
    first_reply = created + pd.to_timedelta(rng.integers(60, 12 * 3600, n), unit="s")
    solved = first_reply + pd.to_timedelta(rng.integers(60, 4 * 86400, n), unit="s")
    replied = rng.random(n) < 0.9
    is_solved = replied & (rng.random(n) < 0.8)
    iso = "%Y-%m-%dT%H:%M:%SZ"
    created_text = created.strftime(iso)
    reply_text = first_reply.strftime(iso)
    solved_text = solved.strftime(iso)
    events = [
        ([{"at": reply_text[i], "kind": "agent_replied"}] if replied[i] else [])
        + ([{"at": solved_text[i], "kind": "solved"}] if is_solved[i] else [])
        for i in range(n)
    ]
    return pd.DataFrame(
        {
            "id": [f"T-{i:07d}" for i in range(n)],
            "created": created,
            "ticket.priority": rng.choice(["low", "normal", "high", "urgent"], n),
            "ticket.category": rng.choice(["billing", "payouts", "outage", "refund", "other"], n),
            "customer.region": rng.choice(["emea", "amer"], n),
            "customer.tier": rng.choice(["standard", "gold", "platinum"], n),
            "contract.sla": rng.choice(["standard", "gold", "platinum"], n, p=[0.6, 0.3, 0.1]),
            "events": events,
        }
    )


def read_tickets(path: pathlib.Path) -> pd.DataFrame:
    """A JSON Lines export as a frame: the nested objects as dotted columns,
    the events as a list column."""
    frame = pd.read_json(path, lines=True, dtype=False, convert_dates=False)
    nested = [c for c in ("ticket", "customer", "contract", "order") if c in frame.columns]
    flat = [frame.drop(columns=nested)]
    for c in nested:
        sub = pd.json_normalize(frame[c].where(frame[c].notna(), {}).tolist())
        flat.append(sub.add_prefix(c + "."))
    return pd.concat(flat, axis=1)


def count_cycles(tickets: pd.DataFrame, rules: slakit.RuleSet, now: dt.datetime) -> pd.DataFrame:
    """One partition: its target cycles counted by (kind, policy, metric,
    state), and its tickets that could not be evaluated."""
    cycles = rules.evaluate_frame(tickets, now, threads=1)
    errors = int(cycles["error"].notna().sum())
    cycles = cycles[cycles["error"].isna()]
    counts = cycles.groupby(KEYS + ["state"]).size().rename("cycles").reset_index()
    if errors:
        counts.loc[len(counts)] = ["error", "", "", "error", errors]
    return counts.astype({"cycles": "int64"})


def attainment(counts: pd.DataFrame) -> pd.DataFrame:
    """The report from the counts of every partition."""
    table = counts.groupby(KEYS + ["state"])["cycles"].sum().unstack("state", fill_value=0)
    table = table.reindex(columns=STATES + (["error"] if "error" in table else []), fill_value=0)
    decided = table["met"] + table["breached"]
    table["attainment"] = (table["met"] / decided.where(decided > 0)).round(4)
    return table.sort_index().reset_index().rename_axis(columns=None)


def single_process(tickets: pd.DataFrame, rules: slakit.RuleSet, now: dt.datetime) -> pd.DataFrame:
    """The same report without Dask: the reference the distributed run must equal."""
    return attainment(count_cycles(tickets, rules, now))


def distributed(
    tickets: pd.DataFrame,
    rules: slakit.RuleSet,
    now: dt.datetime,
    client,
    partitions: int = 8,
) -> pd.DataFrame:
    """The report computed on the cluster behind `client`."""
    import dask.dataframe as dd

    table = dd.from_pandas(tickets, npartitions=partitions, sort=False)
    meta = pd.DataFrame(
        {"kind": pd.Series(dtype=object), "policy": pd.Series(dtype=object),
         "metric": pd.Series(dtype=object), "state": pd.Series(dtype=object),
         "cycles": pd.Series(dtype="int64")}
    )
    counts = table.map_partitions(count_cycles, rules, now, meta=meta)
    return attainment(client.compute(counts).result())


def make_client(scheduler: str | None, workers: int, processes: bool = True):
    """A client of the cluster at `scheduler`, or of a new LocalCluster."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=processes, dashboard_address=None
    )
    return Client(cluster)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rules", nargs="+", default=[str(DEFAULT_RULES)], help="rule files")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--tickets", type=pathlib.Path, help="a JSON Lines ticket export")
    source.add_argument("--generate", type=int, default=10_000, help="generate N tickets")
    parser.add_argument("--now", default="2026-05-15T12:00:00+00:00", help="RFC 3339 instant")
    parser.add_argument("--scheduler", help="a dask.distributed scheduler address")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster workers")
    parser.add_argument("--partitions", type=int, default=8)
    args = parser.parse_args(argv)

    rules = slakit.load(*args.rules)
    now = dt.datetime.fromisoformat(args.now.replace("Z", "+00:00"))
    if now.utcoffset() is None:
        parser.error("--now needs an offset (Z or +HH:MM)")
    tickets = read_tickets(args.tickets) if args.tickets else generate_tickets(args.generate)
    with make_client(args.scheduler, args.workers) as client:
        report = distributed(tickets, rules, now, client, args.partitions)
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(report.to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
