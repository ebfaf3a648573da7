#!/usr/bin/env python3
"""SLA evaluation and routing from Python, per ticket, and the vectorized
calendar from threads (docs/benchmarks.md, "Python").

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/python/bench_records.py

Tickets: examples/python/dask_sla_report.py's generator (fixed seed), on
examples/rules/routing.sla. Times the whole call, the JSON both ways
included: dicts (json.dumps, the C++ batch, json.loads) and DataFrames
(to_json, the C++ batch, the result frame), and route_columns on the
frame's columns (object, and again as categoricals). Then add_many from 1 and 2
Python threads at once: with the GIL released the second thread runs
alongside. Prints JSON.
"""

import datetime as dt
import importlib.util
import json
import pathlib
import threading
import time

import numpy as np

import slakit

ROOT = pathlib.Path(__file__).resolve().parents[2]
TICKETS = 100_000
NOW = dt.datetime(2026, 5, 15, 12, tzinfo=dt.timezone.utc)


def timed(f):
    begin = time.perf_counter()
    f()
    return time.perf_counter() - begin


def report_module():
    path = ROOT / "examples" / "python" / "dask_sla_report.py"
    spec = importlib.util.spec_from_file_location("dask_sla_report", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    rules = slakit.load(ROOT / "examples" / "rules" / "routing.sla")
    frame = report_module().generate_tickets(TICKETS)
    created = frame["created"].dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    dicts = []
    for i, row in enumerate(frame.drop(columns=["created"]).to_dict("records")):
        d = {"id": row.pop("id"), "created": created[i], "events": row.pop("events")}
        for key, value in row.items():
            obj, field = key.split(".")
            d.setdefault(obj, {})[field] = value
        dicts.append(d)

    # The same frame with its text columns as pandas categoricals.
    texts = [c for c in frame.columns if "." in c and frame[c].dtype == object]
    categorical = frame.astype({c: "category" for c in texts})

    out = {"tickets": TICKETS}
    for name, f in [
        ("evaluate_many_dicts_1_thread", lambda: rules.evaluate_many(dicts, NOW, threads=1)),
        ("evaluate_many_dicts", lambda: rules.evaluate_many(dicts, NOW)),
        ("evaluate_frame", lambda: rules.evaluate_frame(frame, NOW)),
        ("route_many_dicts", lambda: rules.route_many(dicts)),
        ("route_frame", lambda: rules.route_frame(frame)),
        ("route_columns", lambda: rules.route_columns(frame)),
        ("route_columns_categorical", lambda: rules.route_columns(categorical)),
    ]:
        out[name + "_per_s"] = round(TICKETS / min(timed(f) for _ in range(2)))

    cal = rules.calendar("emea_support")
    rng = np.random.default_rng(1)
    starts = (np.datetime64("2026-01-01T00:00:00", "s").astype(np.int64)
              + rng.integers(0, 365 * 86400, 1_000_000)).astype("datetime64[s]")
    minutes = rng.integers(1, 2401, 1_000_000) * 60
    cal.add_many(starts, minutes)

    def in_threads(n):
        threads = [threading.Thread(target=cal.add_many, args=(starts, minutes)) for _ in range(n)]
        begin = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return n * len(starts) / (time.perf_counter() - begin)

    out["add_many_1_thread_per_s"] = round(max(in_threads(1) for _ in range(3)))
    out["add_many_2_threads_per_s"] = round(max(in_threads(2) for _ in range(3)))
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
