"""`slakit report --by created.day|week|month|quarter|year --zone ZONE`
against a deliberately simple reference: Python's zoneinfo and
date.isocalendar() on every ticket (docs/report.md, "Groups").

docs/report.md: "created.day, created.week, created.month, created.quarter,
created.year: the period the ticket was created in, in the time zone of
--zone (default UTC): 2026-11-30, 2026-W48 (the ISO 8601 week, Monday to
Sunday, numbered in the year its Thursday falls in), 2026-11, 2026-Q4,
2026."

usage: report_periods.py SLAKIT WORK_DIR
"""

import collections
import csv
import datetime as dt
import io
import json
import os
import random
import subprocess
import sys
import zoneinfo

slakit, work = sys.argv[1], sys.argv[2]
os.makedirs(work, exist_ok=True)
rules = os.path.join(work, "periods.sla")
with open(rules, "w") as f:
    f.write('calendar office {\n  zone "UTC"\n  mon..fri 09:00-17:00\n}\n'
            'sla gold for contract.sla == "gold" {\n  calendar office\n  first_response 4h\n}\n')

rng = random.Random(20261130)
UTC = dt.timezone.utc
instants = []
# Random instants over the supported years, and a cluster around each new
# year, where ISO weeks and the zones' dates part ways.
for _ in range(2000):
    instants.append(dt.datetime(1971, 1, 1, tzinfo=UTC) + dt.timedelta(seconds=rng.randrange(0, 129 * 365 * 86400)))
for year in range(1971, 2100, 3):
    for _ in range(8):
        instants.append(dt.datetime(year, 1, 1, tzinfo=UTC) + dt.timedelta(seconds=rng.randrange(-5 * 86400, 5 * 86400)))
tickets = os.path.join(work, "periods.jsonl")
with open(tickets, "w") as f:
    for i, at in enumerate(instants):
        f.write(json.dumps({"id": f"T-{i}", "created": at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                            "contract": {"sla": "gold"}}) + "\n")


def period(local: dt.datetime, name: str) -> str:
    d = local.date()
    if name == "day":
        return d.isoformat()
    if name == "week":
        iso = d.isocalendar()
        return f"{iso[0]:04}-W{iso[1]:02}"
    if name == "month":
        return f"{d.year:04}-{d.month:02}"
    if name == "quarter":
        return f"{d.year:04}-Q{(d.month + 2) // 3}"
    return f"{d.year:04}"


failures = 0
for zone in ["UTC", "Europe/Berlin", "Pacific/Kiritimati", "America/St_Johns", "Australia/Lord_Howe"]:
    tz = zoneinfo.ZoneInfo(zone)
    for name in ["day", "week", "month", "quarter", "year"]:
        expected = collections.Counter(period(at.astimezone(tz), name) for at in instants)
        r = subprocess.run([slakit, "report", rules, "--tickets", tickets, "--now", "2100-01-01T00:00:00Z",
                            "--by", f"created.{name}", "--zone", zone, "--format", "csv"],
                           capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"report --by created.{name} --zone {zone}: exit {r.returncode}: {r.stderr}")
        rows = list(csv.DictReader(io.StringIO(r.stdout)))
        got = collections.Counter({row[f"created.{name}"]: int(row["tickets"]) for row in rows
                                   if row[f"created.{name}"] != "(total)"})
        if got != expected:
            failures += 1
            wrong = sorted(k for k in set(got) | set(expected) if got[k] != expected[k])[:5]
            print(f"FAILED created.{name} in {zone}: " + ", ".join(
                f"{k}: got {got[k]}, expected {expected[k]}" for k in wrong))
        keys = [row[f"created.{name}"] for row in rows][:-1]
        if keys != sorted(keys):
            failures += 1
            print(f"FAILED created.{name} in {zone}: rows not in order")
if failures:
    sys.exit(1)
print(f"report periods ok: {len(instants)} tickets, 5 zones, 5 periods")
