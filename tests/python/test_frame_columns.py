"""evaluate_frame's and metrics_frame's columns, made in C++
(bindings/python/frame_columns.cpp), against the frames made the simple
way: each ticket's `slakit eval` JSON parsed, a row per cycle (or per
ticket) gathered into records (what the two did before). docs/python.md: evaluate_frame returns "the cycle's fields as
`slakit eval` writes them (...), instants as UTC timestamps and durations
in whole seconds", a failed ticket "one row with its `id` and its message
in `error` and the rest empty", a ticket no policy applies to no row."""

import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest

import slakit
from slakit import _core, _frames, _records, _schema

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 4, 20, 12, tzinfo=UTC)


def reference(rules, tickets, now, events=None):
    """One row per cycle of each ticket's `slakit eval` JSON."""
    text, failures = _frames.lines_of_frame(tickets, events, [path for path, _ in rules.fields])
    texts, errors = _core._evaluate_lines(rules, text, now, False, 1)
    owners, rows = [], []
    for i, (text_, error) in enumerate(zip(texts, errors)):
        if i in failures or text_ is None:
            owners.append(i)
            rows.append({"error": failures.get(i, error)})
            continue
        e = _records._with_forms(json.loads(text_))
        for key, kind in (("targets", "sla"), ("olas", "ola")):
            for cycle in e[key]:
                owners.append(i)
                rows.append(dict(cycle, sla=e["sla"], kind=kind))
    return _schema.frame(tickets, owners, rows, _schema.CYCLE, index=tickets.index[owners])


TIMES = ("first_response", "next_response_average", "handling", "resolution")


def reference_metrics(rules, tickets, now, events=None):
    """One row per ticket: its `slakit eval` JSON's `metrics`, each
    business/calendar pair as two columns (docs/python.md, "Per-ticket
    measures")."""
    text, failures = _frames.lines_of_frame(tickets, events, [path for path, _ in rules.fields])
    texts, errors = _core._evaluate_lines(rules, text, now, False, 1)
    rows = []
    for i, (text_, error) in enumerate(zip(texts, errors)):
        if i in failures or text_ is None:
            rows.append({"error": failures.get(i, error)})
            continue
        e = json.loads(text_)
        m = e["metrics"]
        row = {"sla": e["sla"], "next_responses": m["next_responses"]}
        for name in TIMES:
            for clock in ("business", "calendar"):
                row[f"{name}_{clock}"] = (m[name] or {}).get(clock)
        for key in ("public_replies", "reopenings", "first_contact_resolution"):
            row[key] = m[key]
        rows.append(row)
    return _schema.frame(tickets, range(len(rows)), rows, _schema.METRICS, index=tickets.index)


def generated(n, seed):
    """Tickets with pauses, reopenings, hand-offs to the OLA teams, priority
    changes, orders with a due, and a few bad rows."""
    rng = np.random.default_rng(seed)
    created = pd.Timestamp("2026-03-20T00:00:00Z") + pd.to_timedelta(rng.integers(0, 30 * 86400, n), unit="s")
    iso = "%Y-%m-%dT%H:%M:%SZ"
    events = []
    for i in range(n):
        t = created[i]
        history = []
        for kind in rng.choice(["agent_replied", "pending", "customer_replied", "team", "solved",
                                "reopen", "priority", "internal", "contract", "handed_back"], rng.integers(0, 9)):
            t = t + pd.Timedelta(seconds=int(rng.integers(60, 30 * 3600)))
            at = t.strftime(iso)
            if kind == "pending":
                history.append({"at": at, "kind": "status_changed", "to": "pending_customer"})
            elif kind == "team":
                history.append({"at": at, "kind": "assigned", "team": str(rng.choice(["l2", "night", "l1"])),
                                "agent": str(rng.choice(["ana", "bo"]))})
            elif kind == "reopen":
                history.append({"at": at, "kind": "reopened"})
            elif kind == "priority":
                history.append({"at": at, "kind": "field_changed", "field": "ticket.priority",
                                "value": str(rng.choice(["urgent", "low"]))})
            elif kind == "contract":
                history.append({"at": at, "kind": "field_changed", "field": "contract.sla",
                                "value": str(rng.choice(["gold", "standard"]))})
            elif kind == "internal":
                history.append({"at": at, "kind": "agent_replied", "public": False})
            else:
                history.append({"at": at, "kind": kind})
        events.append(history)
    due = (created + pd.to_timedelta(rng.integers(3600, 9 * 86400, n), unit="s")).to_series(index=range(n))
    due[rng.random(n) < 0.6] = pd.NaT
    frame = pd.DataFrame({
        "id": [f"T-{i}" for i in range(n)],
        "created": created,
        "ticket.priority": rng.choice(["low", "normal", "high", "urgent"], n),
        "ticket.category": rng.choice(["billing", "outage", "refund", "other"], n),
        "customer.region": rng.choice(["emea", "amer"], n),
        "contract.sla": rng.choice(["standard", "gold", "platinum", "none"], n),
        "order.due": due.to_numpy(),
        "events": events,
    })
    frame.loc[3, "ticket.priority"] = "asap"             # the reader refuses it
    frame.loc[5, "id"] = None                            # no id
    frame.loc[8, "created"] = pd.Timestamp("2026-05-01T00:00:00Z")  # created after now
    frame["ticket.wait"] = pd.to_timedelta([1.5 if i == 11 else 60 for i in range(n)], unit="s")
    frame.index = [10 * i + 7 for i in range(n)]
    return frame


@pytest.fixture(scope="module")
def policies():
    return slakit.load(slakit_example("routing.sla"))


def slakit_example(name):
    from conftest import SOURCE_DIR

    return SOURCE_DIR / "examples" / "rules" / name


def varied(frame):
    """Every column holds two values or more, so that no comparison of it
    passes on a constant."""
    for name in frame.columns:
        assert frame[name].map(repr).nunique() >= 2, name


@pytest.mark.parametrize("threads", [1, 2])
def test_columns_equal_the_json_of_every_cycle(policies, threads):
    tickets = generated(600, seed=12)
    got = policies.evaluate_frame(tickets, NOW, threads=threads)
    want = reference(policies, tickets, NOW)
    pd.testing.assert_frame_equal(got, want)
    # What the comparison covered, so that it cannot pass on nothing.
    varied(got)
    assert set(got["state"].dropna()) == {"met", "breached", "running", "paused", "cancelled"}
    assert set(got["kind"].dropna()) == {"sla", "ola"}
    assert got["pauses"].map(lambda p: bool(p)).sum() > 20
    assert got["escalations"].map(lambda e: any("after_due" in x for x in e or [])).any()
    assert got["escalations"].map(lambda e: any("before_due" in x for x in e or [])).any()
    assert got["error"].notna().sum() == 4


def test_metrics_equal_the_json_of_every_ticket(policies):
    tickets = generated(600, seed=13)
    got = policies.metrics_frame(tickets, NOW, threads=2)
    pd.testing.assert_frame_equal(got, reference_metrics(policies, tickets, NOW))
    varied(got)
    assert (got["handling_business"] != got["handling_calendar"]).any()
    assert got["next_responses"].map(len, na_action="ignore").max() >= 1
    assert got["reopenings"].max() >= 1 and got["first_contact_resolution"].any()
    assert got["resolution_business"].isna().any() and got["resolution_business"].notna().any()
    assert got["error"].notna().sum() == 4


def test_an_empty_frame_and_a_frame_of_failures(policies):
    tickets = generated(20, seed=3)
    for frame in (tickets.iloc[:0], tickets.iloc[[3, 8]]):
        pd.testing.assert_frame_equal(policies.evaluate_frame(frame, NOW), reference(policies, frame, NOW))
        pd.testing.assert_frame_equal(policies.metrics_frame(frame, NOW),
                                      reference_metrics(policies, frame, NOW))


def test_each_row_has_lists_of_its_own(policies):
    """A list cell changed by the caller changes no other row."""
    got = policies.evaluate_frame(generated(50, seed=5), NOW)
    rows = [k for k, p in enumerate(got["pauses"]) if p == []]
    assert len(rows) >= 2
    got["pauses"].iloc[rows[0]].append({"from": "x", "to": None})
    assert got["pauses"].iloc[rows[1]] == []
