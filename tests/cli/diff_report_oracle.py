#!/usr/bin/python3
"""`slakit diff` and `slakit report` against a deliberately simple oracle.

Generates a seeded ticket file (with bad lines), runs `slakit eval` and
`slakit route` under tests/cli/whatif/old.sla and new.sla, computes from their
JSON Lines what diff and report must say (docs/cli.md, docs/report.md) in the
plainest way (everything in memory, sorted lists, exact nearest-rank
percentiles), and compares with the commands' JSON and CSV output.

usage: diff_report_oracle.py SLAKIT RULES_DIR WORK_DIR [TICKETS]
"""
import csv
import io
import json
import math
import random
import subprocess
import sys
from datetime import datetime, timedelta, timezone

NOW = "2026-05-15T00:00:00Z"
SLAKIT, RULES, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
# Over 4 MB of lines: more than one chunk, so that threads' sums merge.
COUNT = int(sys.argv[4]) if len(sys.argv) > 4 else 12000
OLD, NEW = f"{RULES}/old.sla", f"{RULES}/new.sla"
# NEW with one more declared field: the old and new rule sets then read
# lines differently, and diff parses each line once and reads it for each
# (TicketReader::read_again), whose results must be what each rule set's own
# eval and route give.
TYPED = f"{RULES}/typed.sla"
failures = []


def check(what, got, expected):
    if got != expected:
        failures.append(f"{what}: got {got!r:.300}, expected {expected!r:.300}")


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def generate(path, count, seed=20261130):
    """Tickets with replies, pauses, hand-offs, solves and reopenings; every
    97th line is broken in one of a few ways. Returns {id: line number}."""
    rng = random.Random(seed)
    lines, line_of = [], {}
    start = datetime(2026, 3, 2, tzinfo=timezone.utc)
    for n in range(count):
        if n % 97 == 50:
            lines.append(rng.choice([
                '{"id": "broken", "created": ',
                '{"id": "B-%d", "created": "yesterday"}' % n,
                '{"id": "B-%d", "created": "2026-03-02T10:00:00Z", "ticket": {"priority": "asap"}}' % n,
            ]))
            continue
        # Up to a day before NOW: some clocks still run, some paused.
        created = start + timedelta(minutes=rng.randrange(0, 60 * 24 * 73))
        t = {"id": f"T-{n}", "created": iso(created),
             "ticket": {"priority": rng.choice(["low", "normal", "high", "urgent"]),
                        "category": rng.choice(["billing", "tech", "other"]), "status": "new"}}
        if n % 50 == 7:
            t["ticket"]["weight"] = "heavy" if n % 200 == 7 else 3
        segment = rng.choice(["enterprise", "smb", None, None, "midmarket"] if n % 13 == 0
                             else ["enterprise", "smb", None])
        if segment:
            t["customer"] = {"segment": segment}
        sla = rng.choice(["gold", "standard", None])
        if sla:
            t["contract"] = {"sla": sla}
        events, at = [], created
        def later(lo, hi):
            nonlocal at
            at = at + timedelta(minutes=rng.randrange(lo, hi))
            return iso(at)
        if rng.random() < 0.85:
            events.append({"at": later(5, 900), "kind": "agent_replied",
                           "public": rng.random() < 0.9})
        if rng.random() < 0.3:
            events.append({"at": later(10, 600), "kind": "status_changed", "to": "pending_customer"})
            events.append({"at": later(10, 3000), "kind": "customer_replied"})
            events.append({"at": iso(at), "kind": "status_changed", "to": "open"})
            events.append({"at": later(5, 600), "kind": "agent_replied"})
        if rng.random() < 0.25:
            events.append({"at": later(5, 300), "kind": "assigned", "team": "l2", "agent": "ana"})
        if rng.random() < 0.6:
            events.append({"at": later(30, 4000), "kind": "solved"})
            if rng.random() < 0.2:
                events.append({"at": later(60, 3000), "kind": "reopened"})
                events.append({"at": later(10, 600), "kind": "agent_replied"})
                if rng.random() < 0.7:
                    events.append({"at": later(30, 3000), "kind": "solved"})
        t["events"] = events
        lines.append(json.dumps(t))
        line_of[t["id"]] = len(lines)
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return line_of


def run(*args, expect=None):
    p = subprocess.run([SLAKIT, *args], capture_output=True, text=True)
    if expect is not None and p.returncode != expect:
        failures.append(f"slakit {' '.join(args)}: exit {p.returncode}, expected {expect}: {p.stderr[:500]}")
    return p


def json_lines(*args):
    return {d["id"]: d for d in map(json.loads, run(*args).stdout.splitlines())}


def live_cycles(e):
    """docs/cli.md: SLA cycles matched by metric and number, OLA cycles by
    policy, metric and number; cancelled cycles left out."""
    out = {}
    for c in e["targets"]:
        if c["state"] != "cancelled":
            out.setdefault(f'{c["metric"]}#{c["cycle"]}', c)
    for c in e["olas"]:
        if c["state"] != "cancelled":
            out[f'{c["policy"]}/{c["metric"]}#{c["cycle"]}'] = c
    return out


def oracle_diff(line_of, old_e, new_e, old_r, new_r, examples_per_kind=10):
    kinds = ["queue", "team", "priority", "policy", "due", "breach", "error"]
    counts = dict.fromkeys(kinds, 0)
    by_policy, by_queue, examples = {}, {}, {k: [] for k in kinds}
    policy_moves, queue_moves = {}, {}
    compared = changed = 0
    # docs/cli.md: "breaches: tickets with a cycle breached under the new
    # rules and not the old, and the other way round; cycles: the target
    # cycles of the tickets each rule set evaluated, by state, and met %".
    newly = no_longer = 0
    states = ["met", "breached", "running", "paused", "cancelled"]
    cycles = {side: dict.fromkeys(states, 0) for side in ("old", "new")}
    # A side takes a ticket when both its eval and its route did.
    old_ok = {t for t in old_e if t in old_r}
    new_ok = {t for t in new_e if t in new_r}
    for tid in sorted(old_ok | new_ok, key=lambda i: line_of[i]):
        compared += 1
        found = []
        if (tid in old_ok) != (tid in new_ok):
            found.append("error")
        else:
            for kind in ["queue", "team", "priority"]:
                if old_r[tid][kind] != new_r[tid][kind]:
                    found.append(kind)
            if old_e[tid]["sla"] != new_e[tid]["sla"]:
                found.append("policy")
            a, b = live_cycles(old_e[tid]), live_cycles(new_e[tid])
            keys = list(a) + [k for k in b if k not in a]
            if any((a.get(k) or {}).get("due") != (b.get(k) or {}).get("due") for k in keys):
                found.append("due")
            breached = lambda c: c is not None and c["state"] == "breached"
            if any(breached(a.get(k)) != breached(b.get(k)) for k in keys):
                found.append("breach")
            newly += any(breached(b.get(k)) and not breached(a.get(k)) for k in keys)
            no_longer += any(breached(a.get(k)) and not breached(b.get(k)) for k in keys)
        for side, ok, e in [("old", old_ok, old_e), ("new", new_ok, new_e)]:
            if tid in ok:
                for c in e[tid]["targets"] + e[tid]["olas"]:
                    cycles[side][c["state"]] += 1
        side_e, side_r = (old_e, old_r) if tid in old_ok else (new_e, new_r)
        policy = side_e[tid]["sla"] or "-"
        queue = side_r[tid]["queue"] or "-"
        for table, key in [(by_policy, policy), (by_queue, queue)]:
            g = table.setdefault(key, dict(tickets=0, changed=0, **dict.fromkeys(kinds, 0)))
            g["tickets"] += 1
            g["changed"] += bool(found)
            for k in found:
                g[k] += 1
        changed += bool(found)
        for k in found:
            counts[k] += 1
            if len(examples[k]) < examples_per_kind:
                examples[k].append(tid)
        if "policy" in found:
            m = (old_e[tid]["sla"] or "-", new_e[tid]["sla"] or "-")
            policy_moves[m] = policy_moves.get(m, 0) + 1
        if "queue" in found:
            m = (old_r[tid]["queue"] or "-", new_r[tid]["queue"] or "-")
            queue_moves[m] = queue_moves.get(m, 0) + 1
    for c in cycles.values():
        ended = c["met"] + c["breached"]
        c["met_percent"] = 100.0 * c["met"] / ended if ended else None
    return dict(compared=compared, changed=changed, kinds=counts, by_policy=by_policy,
                by_queue=by_queue, examples=examples, policy_moves=policy_moves,
                queue_moves=queue_moves, cycles=cycles,
                breaches=dict(newly_breached=newly, no_longer_breached=no_longer))


def nearest_rank(values, p):
    """docs/report.md: the value of rank ceil(p/100 n), ascending."""
    if not values:
        return None
    v = sorted(values)
    return v[max(1, math.ceil(p * len(v) / 100)) - 1]


def oracle_report(evals, key_of):
    """Rows by key: cycles counted in their row; each ticket once in every
    row one of its cycles falls in (with no cycle: the row of key_of(None))."""
    rows = {}
    def row(key):
        return rows.setdefault(key, dict(states={}, tickets=0, frt_b=[], frt_c=[], res_b=[],
                                         res_c=[], solved=0, ever=0, reopened=0, fcr=0))
    def add_ticket(r, m):
        r["tickets"] += 1
        if m["first_response"]:
            r["frt_b"].append(m["first_response"]["business"])
            r["frt_c"].append(m["first_response"]["calendar"])
        if m["resolution"]:
            r["solved"] += 1
            r["res_b"].append(m["resolution"]["business"])
            r["res_c"].append(m["resolution"]["calendar"])
            r["fcr"] += m["first_contact_resolution"]
        r["ever"] += bool(m["resolution"]) or m["reopenings"] > 0
        r["reopened"] += m["reopenings"] > 0
    total = row(None)
    for tid, e in evals.items():
        cycles = e["targets"] + e["olas"]
        keys = []
        for c in cycles or [None]:
            k = key_of(tid, e, c)
            if c:
                for r in (row(k), total):
                    r["states"][c["state"]] = r["states"].get(c["state"], 0) + 1
            else:
                row(k)
            if k not in keys:
                keys.append(k)
                add_ticket(rows[k], e["metrics"])
        add_ticket(total, e["metrics"])
    return rows


def compare_row(what, got, r):
    check(f"{what} tickets", got["tickets"], r["tickets"])
    for s in ["met", "breached", "running", "paused", "cancelled"]:
        check(f"{what} {s}", got["cycles"][s], r["states"].get(s, 0))
    met, br = r["states"].get("met", 0), r["states"].get("breached", 0)
    pct = lambda a, b: None if b == 0 else 100.0 * a / b
    for name, want in [("met_percent", pct(met, met + br)),
                       ("reopen_percent", pct(r["reopened"], r["ever"])),
                       ("fcr_percent", pct(r["fcr"], r["solved"]))]:
        if (got[name] is None) != (want is None) or (want is not None and abs(got[name] - want) > 1e-9):
            failures.append(f"{what} {name}: got {got[name]}, expected {want}")
    check(f"{what} solved", got["solved"], r["solved"])
    check(f"{what} reopened", got["reopened"], r["reopened"])
    for metric, b, c in [("first_response", "frt_b", "frt_c"), ("resolution", "res_b", "res_c")]:
        check(f"{what} {metric} count", got[metric]["count"], len(r[b]))
        for clock, values in [("business", r[b]), ("calendar", r[c])]:
            for p in [50, 90]:
                want, est = nearest_rank(values, p), got[metric][clock][f"p{p}"]
                # docs/report.md: exact up to 1024 values, else within 0.5%.
                if want is None or len(values) <= 1024:
                    check(f"{what} {metric} {clock} p{p}", est, want)
                elif abs(est - want) > 0.005 * want:
                    failures.append(f"{what} {metric} {clock} p{p}: {est} not within 0.5% of {want}")


def check_diff(tickets, line_of, old_e, new_e, old_r, new_r, new_rules):
    # diff: counts, groups, moves and examples as the oracle finds them.
    want = oracle_diff(line_of, old_e, new_e, old_r, new_r)
    p = run("diff", OLD, "--", new_rules, "--tickets", tickets, "--now", NOW, "--format", "json", expect=2)
    got = json.loads(p.stdout)
    bad_lines = sum(1 for n in range(COUNT) if n % 97 == 50)
    check("diff unreadable", got["unreadable"], bad_lines)
    check("diff reports each bad line", p.stderr.count(": error: "), bad_lines)
    for k in ["compared", "changed", "kinds", "breaches", "cycles"]:
        check(f"diff {new_rules} {k}", got[k], want[k])
    check("the generated tickets exercise diff's newly_breached",
          want["breaches"]["newly_breached"] > 0, True)
    for table in ["by_policy", "by_queue"]:
        name = table[3:]
        check(f"diff {table}", {g[name]: dict(tickets=g["tickets"], changed=g["changed"], **g["kinds"])
                                for g in got[table]}, want[table])
    for moves in ["policy_moves", "queue_moves"]:
        check(f"diff {moves}", {(m["old"], m["new"]): m["tickets"] for m in got[moves]}, want[moves])
    check("diff examples", {k: [e["id"] for e in v] for k, v in got["examples"].items()},
          want["examples"])
    for k, v in got["examples"].items():
        for e in v:
            check(f"diff example {e['id']} line", e["line"], line_of[e["id"]])
    for k in ["error", "policy", "due", "breach", "queue", "team", "priority"]:
        check(f"the generated tickets exercise diff's {k} changes", want["kinds"][k] > 0, True)

    # Every changed ticket as an example: the same tickets, kind by kind,
    # with routing's and selection's old and new values.
    want = oracle_diff(line_of, old_e, new_e, old_r, new_r, examples_per_kind=COUNT)
    got = json.loads(run("diff", OLD, "--", new_rules, "--tickets", tickets, "--now", NOW, "--format",
                         "json", "--examples", str(COUNT)).stdout)
    check("diff every example", {k: [e["id"] for e in v] for k, v in got["examples"].items()},
          want["examples"])
    for kind in ["queue", "team", "priority"]:
        for e in got["examples"][kind]:
            check(f"diff {kind} of {e['id']}", (e["old"], e["new"]),
                  ((old_r.get(e["id"]) or {}).get(kind), (new_r.get(e["id"]) or {}).get(kind)))
    for e in got["examples"]["policy"]:
        check(f"diff policy of {e['id']}", (e["old"], e["new"]),
              ((old_e.get(e["id"]) or {}).get("sla"), (new_e.get(e["id"]) or {}).get("sla")))



def check_row_limit():
    """docs/report.md: at most 100,000 rows; the tickets of further groups
    count in one (other) row, and a note on stderr says so."""
    tickets = f"{WORK}/many_groups.jsonl"
    with open(tickets, "w") as f:
        for n in range(100_005):
            f.write('{"id": "G-%d", "created": "2026-03-02T09:00:00Z"}\n' % n)
    p = run("report", OLD, "--tickets", tickets, "--now", NOW, "--by", "ticket.id", "--format",
            "csv", expect=0)
    table = list(csv.DictReader(io.StringIO(p.stdout)))
    check("rows: 100,000 groups, (other), the total", len(table), 100_002)
    other = [r for r in table if r["ticket.id"] == "(other)"]
    check("tickets in (other)", [int(r["tickets"]) for r in other], [5])
    check("the total counts every ticket", int(table[-1]["tickets"]), 100_005)
    check("a note says so", "more than 100000 groups" in p.stderr, True)


def nones_first(key):
    """A row key in the order rows sort: no value (None) before any text."""
    return tuple((part is not None, part or "") for part in key)


def main():
    tickets = f"{WORK}/tickets.jsonl"
    line_of = generate(tickets, COUNT)
    old_e = json_lines("eval", OLD, "--tickets", tickets, "--now", NOW)
    new_e = json_lines("eval", NEW, "--tickets", tickets, "--now", NOW)
    old_r = json_lines("route", OLD, "--tickets", tickets, "--now", NOW)
    new_r = json_lines("route", NEW, "--tickets", tickets, "--now", NOW)
    check("old rules reject the midmarket tickets", len(old_r) < len(new_r), True)

    check_diff(tickets, line_of, old_e, new_e, old_r, new_r, NEW)
    typed_e = json_lines("eval", TYPED, "--tickets", tickets, "--now", NOW)
    typed_r = json_lines("route", TYPED, "--tickets", tickets, "--now", NOW)
    check("typed rules reject the heavy tickets", len(typed_e) < len(new_e), True)
    check_diff(tickets, line_of, old_e, typed_e, old_r, typed_r, TYPED)
    # The other way round, breaches go away: the same oracle, sides swapped.
    want = oracle_diff(line_of, new_e, old_e, new_r, old_r)
    got = json.loads(run("diff", NEW, "--", OLD, "--tickets", tickets, "--now", NOW, "--format",
                         "json").stdout)
    check("diff new -> old breaches", got["breaches"], want["breaches"])
    check("diff new -> old cycles", got["cycles"], want["cycles"])
    check("the generated tickets exercise diff's no_longer_breached",
          want["breaches"]["no_longer_breached"] > 0, True)

    # report by policy and target (the default).
    p = run("report", OLD, "--tickets", tickets, "--now", NOW, "--format", "json", expect=1)
    got = json.loads(p.stdout)
    # docs/report.md: "A missing value is `-` in the table, an empty cell in
    # CSV and null in JSON".
    rows = oracle_report(old_e, lambda tid, e, c: (c["policy"], c["metric"]) if c else (None, None))
    check("report rows",
          sorted(((g["group"]["policy"], g["group"]["target"]) for g in got["rows"]), key=nones_first),
          sorted((k for k in rows if k is not None), key=nones_first))
    for g in got["rows"]:
        key = (g["group"]["policy"], g["group"]["target"])
        compare_row(f"report {key}", g, rows[key])
    compare_row("report total", got["total"], rows[None])
    check("the total has more than 1024 values (the sketch's bucketed mode)",
          len(rows[None]["frt_b"]) > 1024, True)

    # report by a custom field and the routed queue; CSV agrees with JSON.
    by = ["--by", "customer.segment", "--by", "queue"]
    got = json.loads(run("report", NEW, "--tickets", tickets, "--now", NOW, "--format", "json",
                         *by).stdout)
    segment = {}
    with open(tickets) as f:
        for text in f:
            try:
                d = json.loads(text)
                segment[d["id"]] = (d.get("customer") or {}).get("segment") or None
            except (json.JSONDecodeError, KeyError):
                pass
    rows = oracle_report(new_e, lambda tid, e, c: (segment[tid], new_r[tid]["queue"]))
    check("report by segment and queue rows",
          sorted(((g["group"]["customer.segment"], g["group"]["queue"]) for g in got["rows"]),
                 key=nones_first),
          sorted((k for k in rows if k is not None), key=nones_first))
    for g in got["rows"]:
        key = (g["group"]["customer.segment"], g["group"]["queue"])
        compare_row(f"report {key}", g, rows[key])
    table = list(csv.DictReader(io.StringIO(
        run("report", NEW, "--tickets", tickets, "--now", NOW, "--format", "csv", *by).stdout)))
    check("csv rows, then the total", len(table), len(got["rows"]) + 1)
    check("csv total", (table[-1]["customer.segment"], int(table[-1]["tickets"])),
          ("(total)", got["total"]["tickets"]))
    for line, g in zip(table, got["rows"]):
        check("csv group", (line["customer.segment"] or None, line["queue"] or None),
              (g["group"]["customer.segment"], g["group"]["queue"]))
        check("csv met", int(line["met"]), g["cycles"]["met"])
        p50 = g["resolution"]["business"]["p50"]
        check("csv resolution p50", line["resolution_business_p50"], "" if p50 is None else str(p50))

    check_row_limit()

    if failures:
        print("\n".join(failures[:40]))
        print(f"{len(failures)} failures")
        return 1
    print(f"diff and report agree with the oracle on {COUNT} lines")
    return 0


sys.exit(main())
