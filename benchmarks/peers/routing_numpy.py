"""numpy on the routing workload: a vectorized first match over all tickets.

  /usr/bin/python3 routing_numpy.py DIR COUNT OUT

The tickets of DIR/tickets.jsonl become one column per field: a small
integer code per text or `one of` value (-1: no value) and a float64 for
order.value (NaN: no value, so every comparison with it is false). For each
route of DIR/table.json, in reverse rule order, a boolean mask over all
tickets (the AND of its tests) assigns the route to the tickets it matches:
the earliest matching route writes last, so it wins, as first match wants.
Writes OUT (one answer a line) and prints the throughput of the masks and
the assignment as JSON: reading the files, building the columns and
translating the routes are not timed. Run with Debian's /usr/bin/python3
(python3-numpy).
"""
import json
import sys
import time
from pathlib import Path

import numpy as np

REPEATS = 5
COMPARE = {"gt": np.greater, "gte": np.greater_equal, "lt": np.less, "lte": np.less_equal}


def field_of(ticket, path):
    v = ticket
    for key in path.split("."):
        if not isinstance(v, dict):
            return None
        v = v.get(key)
    return v


def columns(table, tickets):
    """field -> column, and field -> {text value: code}."""
    cols, codes = {}, {}
    for f in table["fields"]:
        name = f["name"]
        values = [field_of(t, name) for t in tickets]
        if f["kind"] == "number":
            cols[name] = np.array([np.nan if v is None else float(v) for v in values])
            continue
        known = codes.setdefault(name, {})
        for r in table["rules"]:
            test = r["when"].get(name, {})
            for v in [test["eq"]] if "eq" in test else test.get("in", []):
                known.setdefault(v, len(known))
        for v in values:
            if v is not None:
                known.setdefault(v, len(known))
        cols[name] = np.array([-1 if v is None else known[v] for v in values], dtype=np.int16)
    return cols, codes


def plan(table, codes):
    """Each route as (index, [(field, kind, argument)]), ready to apply."""
    out = []
    for i, r in enumerate(table["rules"]):
        tests = []
        for name, test in r["when"].items():
            if "eq" in test:
                tests.append((name, "eq", codes[name][test["eq"]]))
            elif "in" in test:
                # A lookup table indexed by code (the last entry stands for -1).
                allowed = np.zeros(len(codes[name]) + 1, dtype=bool)
                allowed[[codes[name][v] for v in test["in"]]] = True
                tests.append((name, "in", allowed))
            else:
                for op, bound in test.items():
                    tests.append((name, op, float(bound)))
        out.append((i, tests))
    return out


def route(cols, routes, count):
    answer = np.full(count, -1, dtype=np.int32)
    for i, tests in reversed(routes):
        mask = np.ones(count, dtype=bool)
        for name, kind, arg in tests:
            col = cols[name]
            if kind == "eq":
                mask &= col == arg
            elif kind == "in":
                mask &= arg[col]
            else:
                mask &= COMPARE[kind](col, arg)
        answer[mask] = i
    return answer


def main():
    work, count, out = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    table = json.loads((work / "table.json").read_text())
    with open(work / "tickets.jsonl") as f:
        tickets = [json.loads(line) for _, line in zip(range(count), f)]
    cols, codes = columns(table, tickets)
    routes = plan(table, codes)
    route(cols, routes, len(tickets))  # warm up
    begin = time.perf_counter()
    for _ in range(REPEATS):
        answer = route(cols, routes, len(tickets))
    seconds = (time.perf_counter() - begin) / REPEATS
    rules = table["rules"]
    with open(out, "w") as f:
        for t, a in zip(tickets, answer):
            f.write(f"{t['id']}\t{rules[a]['name']}\t{rules[a]['queue']}\n" if a >= 0 else f"{t['id']}\tnull\tnull\n")
    print(json.dumps({"tickets_per_s": len(tickets) / seconds, "count": len(tickets), "seconds": seconds}))


if __name__ == "__main__":
    main()
