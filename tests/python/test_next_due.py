"""RuleSet.next_due: when to look at a ticket again if nothing happens to it
(docs/sla.md, "What falls due next"), checked against a plain reading of
that rule over evaluate()'s own dict."""

import datetime as dt
import random

import pytest

import slakit

from conftest import EXAMPLE_RULES

UTC = dt.timezone.utc
SECOND = dt.timedelta(seconds=1)


def instant(text):
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def reference(evaluation):
    """docs/sla.md: "The next due is the earliest of: the breach of each
    running cycle, SLA or OLA, whose due is at or after `now`, one second
    after that due ..., and the instant of each of their warnings and
    escalations that has not fired by `now`." "A breached cycle that still
    runs contributes the instant of each of its thresholds after the due
    ... that has not fired by `now`." "Ties go to targets before OLAs, and
    within a cycle to its warnings and escalations ... before its breach."
    As (at, ola, policy, metric, cycle, is the breach)."""
    now = instant(evaluation["now"])
    best = None
    for ola, key in ((False, "targets"), (True, "olas")):
        for c in evaluation[key]:
            if c["state"] == "breached" and c["stop"] is None:
                cycle = (ola, c["policy"], c["metric"], c["cycle"])
                for t in c["warnings"] + c["escalations"]:
                    if "after_due" in t and not t["fired"] and t["at"] is not None:
                        if best is None or instant(t["at"]) < best[0]:
                            best = (instant(t["at"]), *cycle, False)
                continue
            if c["state"] != "running":
                continue
            cycle = (ola, c["policy"], c["metric"], c["cycle"])
            for t in c["warnings"] + c["escalations"]:
                if not t["fired"] and t["at"] is not None and instant(t["at"]) > now:
                    if best is None or instant(t["at"]) < best[0]:
                        best = (instant(t["at"]), *cycle, False)
            if c["due"] is not None and instant(c["due"]) >= now:
                breach = instant(c["due"]) + SECOND
                if best is None or breach < best[0]:
                    best = (breach, *cycle, True)
    return best


def shown(next_due):
    if next_due is None:
        return None
    return (instant(next_due["at"]), next_due["kind"] == "ola", next_due["policy"], next_due["metric"],
            next_due["cycle"], next_due["threshold"] is None)


def generated_tickets(count, seed=12):
    """Tickets of every contract, region and priority of the example rules,
    with replies, pauses, hand-overs, solutions and reopenings."""
    rng = random.Random(seed)
    kinds = [("agent_replied", {}), ("customer_replied", {}),
             ("status_changed", {"to": "pending_customer"}), ("status_changed", {"to": "open"}),
             ("assigned", {"team": "l2"}), ("assigned", {"team": "night"}), ("handed_back", {}),
             ("solved", {}), ("reopened", {})]
    out = []
    for i in range(count):
        created = dt.datetime(2026, 3, 2, tzinfo=UTC) + dt.timedelta(minutes=rng.randrange(60 * 24 * 40))
        ticket = {"id": f"G-{i}", "created": created.isoformat(),
                  "ticket": {"priority": rng.choice(["urgent", "high", "normal", "low"]),
                             "status": "new"},
                  "customer": {"region": rng.choice(["emea", "amer"])},
                  "contract": {"sla": rng.choice(["platinum", "gold", "standard"])},
                  "events": []}
        if rng.random() < 0.2:
            ticket["order"] = {"due": (created + dt.timedelta(days=rng.randrange(1, 9))).isoformat()}
        at = created
        for _ in range(rng.randrange(0, 6)):
            at += dt.timedelta(minutes=rng.randrange(1, 60 * 30))
            kind, payload = rng.choice(kinds)
            ticket["events"].append({"at": at.isoformat(), "kind": kind, **payload})
        out.append(ticket)
    return out


def events_of(evaluation):
    """What an evaluation says happens by itself: each cycle's state and
    which of its thresholds have fired (elapsed and remaining times run on
    by definition)."""
    return [(c["state"], [t["fired"] for t in c["warnings"] + c["escalations"]])
            for key in ("targets", "olas") for c in evaluation[key]]


def test_next_due_agrees_with_the_rule_read_plainly(rules):
    # Each ticket from its creation over about eight days, at an odd step
    # that falls on no hour: before, between and after its warnings and dues.
    checked = pending = property_checked = 0
    for ticket in generated_tickets(60):
        created = instant(ticket["created"])
        nows = [created + k * dt.timedelta(minutes=137) for k in range(90)]
        for now in nows:
            answer = rules.next_due(ticket, now)
            assert shown(answer) == reference(rules.evaluate(ticket, now)), (ticket["id"], now)
            assert rules.next_due_many([ticket], now) == [answer]
            checked += 1
            pending += answer is not None
            # "When to look at the ticket again if nothing happens to it":
            # when no event of the ticket comes first, nothing changes
            # before the answer, and something has at it.
            at = instant(answer["at"]) if answer is not None else None
            if at is not None and not any(now < instant(e["at"]) <= at for e in ticket["events"]):
                property_checked += 1
                before = rules.evaluate(ticket, at - SECOND)
                assert events_of(before) == events_of(rules.evaluate(ticket, now))
                assert events_of(rules.evaluate(ticket, at)) != events_of(before)
    # Enough of both answers for the comparison to mean something.
    assert checked == 5400 and 1000 < pending < checked - 1000 and property_checked > 500


RULES = """
calendar office {
  zone "UTC"
  mon..fri 09:00-17:00
}
sla s {
  calendar office
  first_response 4h
  warn at 50%
  escalate at 100% to team leads
}
"""


def test_at_the_due_the_answer_is_the_breach_a_second_later():
    rules = slakit.loads(RULES)
    ticket = {"id": "T-1", "created": "2026-03-02T09:00:00Z"}
    at_due = dt.datetime(2026, 3, 2, 13, tzinfo=UTC)
    assert rules.next_due(ticket, dt.datetime(2026, 3, 2, 10, tzinfo=UTC)) == {
        "at": "2026-03-02T11:00:00Z", "kind": "sla", "policy": "s", "metric": "first_response",
        "cycle": 1, "team": None,
        "threshold": {"percent": 50, "escalation": False, "form": "percent"}}
    assert rules.next_due(ticket, dt.datetime(2026, 3, 2, 12, tzinfo=UTC))["threshold"] == {
        "percent": 100, "escalation": True, "to_kind": "team", "to": "leads", "form": "percent"}
    answer = rules.next_due(ticket, at_due)
    assert answer["at"] == "2026-03-02T13:00:01Z" and answer["threshold"] is None
    assert rules.evaluate(ticket, at_due + SECOND)["targets"][0]["state"] == "breached"
    assert rules.next_due(ticket, at_due + SECOND) is None


def test_a_bad_ticket_raises_alone_and_fails_its_row_in_a_batch():
    rules = slakit.loads(RULES)
    now = dt.datetime(2026, 3, 2, 10, tzinfo=UTC)
    with pytest.raises(slakit.TicketError, match="missing"):
        rules.next_due({"id": "T-1"}, now)
    answers = rules.next_due_many([{"id": "T-1"}, {"id": "T-2", "created": "2026-03-02T09:00:00Z"}],
                                  now)
    assert "error" in answers[0] and answers[1]["at"] == "2026-03-02T11:00:00Z"


# docs/python.md: an offset threshold comes through as `slakit eval` writes
# it, "before_due" in seconds in place of "percent" (docs/sla.md, "Warnings
# and escalations").
def test_an_offset_threshold_comes_through():
    rules = slakit.loads('calendar office {\n  zone "UTC"\n  mon..fri 09:00-17:00\n}\n'
                         "sla s {\n  calendar office\n  first_response 4h\n  warn 1h before due\n"
                         "  escalate 30m before due to team leads\n}\n")
    ticket = {"id": "O-1", "created": "2026-03-02T09:00:00Z"}
    now = instant("2026-03-02T10:00:00Z")
    cycle = rules.evaluate(ticket, now)["targets"][0]
    assert cycle["warnings"] == [{"before_due": 3600, "at": "2026-03-02T12:00:00Z", "fired": False,
                                  "form": "before_due"}]
    assert cycle["escalations"] == [{"before_due": 1800, "to_kind": "team", "to": "leads",
                                     "at": "2026-03-02T12:30:00Z", "fired": False,
                                     "form": "before_due"}]
    assert rules.next_due(ticket, now)["threshold"] == {"before_due": 3600, "escalation": False,
                                                        "form": "before_due"}


# docs/sla.md: "`escalate 2h after due` fires at the instant the clock has
# counted the target plus two hours; a breached cycle keeps counting", and
# next_due answers it.
def test_an_escalation_after_the_due_comes_through():
    rules = slakit.loads('calendar office {\n  zone "UTC"\n  mon..fri 09:00-17:00\n}\n'
                         "sla s {\n  calendar office\n  resolution 4h\n"
                         "  escalate 2h after due to team managers\n}\n")
    ticket = {"id": "O-2", "created": "2026-03-02T09:00:00Z"}
    now = instant("2026-03-02T14:00:00Z")
    cycle = rules.evaluate(ticket, now)["targets"][0]
    assert cycle["state"] == "breached"
    assert cycle["escalations"] == [{"after_due": 7200, "to_kind": "team", "to": "managers",
                                     "at": "2026-03-02T15:00:00Z", "fired": False,
                                     "form": "after_due"}]
    answer = rules.next_due(ticket, now)
    assert answer["at"] == "2026-03-02T15:00:00Z"
    assert answer["threshold"] == {"after_due": 7200, "escalation": True, "to_kind": "team",
                                   "to": "managers", "form": "after_due"}


# docs/python.md, "The form of a threshold": "Python's dicts also name which
# in `form`: "percent", "before_due" or "after_due" ... So do `next_due`'s
# `threshold` and the dicts in `evaluate_frame`'s `warnings` and
# `escalations` columns." (Review 20: a pandas user could tell the form only
# by which key was present.) "`form` is Python's alone: `slakit eval`'s
# lines ... stay as they are."
FORMS = ('calendar office {\n  zone "UTC"\n  mon..fri 09:00-17:00\n}\n'
         "sla s {\n  calendar office\n  resolution 8h\n  warn at 50%\n  warn 1h before due\n"
         "  escalate 2h after due to team managers\n}\n"
         "ola o for ticket.team == \"l2\" {\n  calendar office\n  target 4h\n"
         "  start on assigned to team l2\n  stop on solved\n  escalate 30m before due to team leads\n}\n")


def test_every_threshold_names_its_form():
    import pandas as pd

    rules = slakit.loads(FORMS)
    ticket = {"id": "F-1", "created": "2026-03-02T09:00:00Z", "ticket": {"team": "l2"},
              "events": [{"at": "2026-03-02T09:00:00Z", "kind": "assigned", "team": "l2"}]}
    now = instant("2026-03-02T10:00:00Z")
    e = rules.evaluate(ticket, now)
    s, o = e["targets"][0], e["olas"][0]
    assert [(t["form"], "percent" in t, "before_due" in t) for t in s["warnings"]] == [
        ("percent", True, False), ("before_due", False, True)]
    assert [t["form"] for t in s["escalations"]] == ["after_due"]
    assert [t["form"] for t in o["escalations"]] == ["before_due"]
    assert rules.evaluate_many([ticket], now, threads=1) == [e]
    assert rules.next_due(ticket, now)["threshold"]["form"] == "before_due"  # the OLA's, 12:30
    assert rules.next_due_many([ticket], now)[0]["threshold"]["form"] == "before_due"
    # A breach's answer has no threshold, and no form.
    late = rules.next_due({"id": "F-2", "created": "2026-03-02T09:00:00Z"},
                          instant("2026-03-02T16:30:00Z"))
    assert late["threshold"] is None
    # The frame's lists hold the same dicts.
    cycles = rules.evaluate_frame(pd.DataFrame([{"id": "F-1", "created": "2026-03-02T09:00:00Z",
                                                 "ticket.team": "l2"}]), now,
                                  events=pd.DataFrame([{"ticket": "F-1", "at": "2026-03-02T09:00:00Z",
                                                        "kind": "assigned", "team": "l2"}]))
    assert list(cycles["warnings"]) == [s["warnings"], []]
    assert list(cycles["escalations"]) == [s["escalations"], o["escalations"]]


def test_the_cli_writes_no_form(cli, tmp_path):
    import json
    import subprocess

    rules_path = tmp_path / "forms.sla"
    rules_path.write_text(FORMS)
    tickets = tmp_path / "t.jsonl"
    tickets.write_text('{"id": "F-1", "created": "2026-03-02T09:00:00Z"}\n')
    out = subprocess.run([cli, "eval", str(rules_path), "--tickets", str(tickets), "--now",
                          "2026-03-02T10:00:00Z"], capture_output=True, text=True, check=True)
    assert '"form"' not in out.stdout
    line = json.loads(out.stdout)
    python = slakit.loads(FORMS).evaluate({"id": "F-1", "created": "2026-03-02T09:00:00Z"},
                                          "2026-03-02T10:00:00Z")
    for cycle in python["targets"]:
        for t in cycle["warnings"] + cycle["escalations"]:
            del t["form"]
    assert python == line
