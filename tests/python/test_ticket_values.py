"""Values in tickets that JSON cannot carry as they are (NaN, None, pandas'
NaT and NA, infinities, lone surrogates), anything in a batch that is not a
ticket, and the ids of failed rows in frames (docs/python.md, "SLA
evaluation")."""

import datetime as dt
import re

import numpy as np
import pandas as pd
import pytest

import slakit

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 3, 6, 17, tzinfo=UTC)
BASE = {"id": "T-1", "created": "2026-03-06T15:00:00Z", "contract": {"sla": "gold"},
        "customer": {"region": "emea"}}
INF = "got inf: a ticket's numbers are finite"


def with_value(**objects):
    return {**BASE, **objects}


# python.md: "NaN and None are a missing value: a key left out, as a JSON
# null is" (pandas' NaT and NA too).
@pytest.mark.parametrize("missing", [None, float("nan"), np.float32("nan"), np.nan, pd.NaT, pd.NA])
def test_nan_and_none_are_a_key_left_out(rules, missing):
    left_out = rules.evaluate(BASE, NOW)
    assert rules.evaluate(with_value(order={"value": missing}), NOW) == left_out
    assert rules.evaluate_many([with_value(order={"value": missing})], NOW) == [left_out]
    assert rules.route(with_value(order={"value": missing}), NOW) == rules.route(BASE, NOW)
    assert rules.route_many([with_value(ticket={"priority": missing})], NOW) == [rules.route(BASE, NOW)]


# python.md: "inf and lone surrogates are a TicketError naming the ticket and
# the key"; "evaluate_many never raises for one ticket".
BAD = [
    (with_value(order={"value": float("inf")}), f"ticket 'T-1': order.value: {INF}"),
    (with_value(order={"value": -np.inf}), "ticket 'T-1': order.value: got -inf"),
    (with_value(ticket={"subject": "caf\udce9"}),
     r"ticket 'T-1': ticket.subject: text 'caf\\udce9' holds a lone surrogate"),
    ({**BASE, "id": "T-\ud800"}, r"ticket 'T-\\ud800': id: text 'T-\\ud800' holds a lone surrogate"),
    (with_value(events=[{"at": "2026-03-06T15:20:00Z", "kind": "field_changed", "field": "order.value",
                         "value": float("inf")}]), f"ticket 'T-1': events\\[0\\].value: {INF}"),
]


@pytest.mark.parametrize("ticket, message", BAD)
def test_values_json_cannot_carry_name_the_ticket_and_the_key(rules, ticket, message):
    with pytest.raises(slakit.TicketError, match=message):
        rules.evaluate(ticket, NOW)
    with pytest.raises(slakit.TicketError, match=message):
        rules.route(ticket, NOW)
    good = rules.evaluate(BASE, NOW)
    first, bad, last = rules.evaluate_many([BASE, ticket, BASE], NOW)
    assert first == good and last == good
    assert list(bad) == ["error"] and re.match(message, bad["error"])
    first, bad, last = rules.route_many([BASE, ticket, BASE], NOW)
    assert first == last == rules.route(BASE, NOW)
    assert re.match(message, bad["error"])


# python.md: "evaluate_many never raises for one ticket: its entry is
# {"error": message} and the others are evaluated".
def test_an_item_that_is_not_a_ticket_is_its_own_error_entry(rules):
    got = rules.evaluate_many([BASE, 5, None, BASE], NOW)
    assert got[0] == got[3] == rules.evaluate(BASE, NOW)
    assert got[1] == {"error": "a ticket is a dict, not int"}
    assert got[2] == {"error": "a ticket is a dict, not NoneType"}
    routed = rules.route_many([5, BASE], NOW)
    assert routed[0] == {"error": "a ticket is a dict, not int"}
    assert routed[1] == rules.route(BASE, NOW)
    # A value of no ticket type fails its ticket, named.
    assert rules.evaluate_many([{**BASE, "ticket": {"tags": {"a"}}}], NOW) == [
        {"error": "ticket 'T-1': set is not a ticket value"}]
    # The last ticket failing keeps every entry in place.
    assert rules.evaluate_many([BASE, "x"], NOW)[1] == {"error": "a ticket is a dict, not str"}


def test_agents_json_cannot_carry_name_the_agent(rules):
    agents = [{"id": "ana", "teams": ["l2"], "capacity": float("inf")}]
    with pytest.raises(slakit.InvalidArgument, match=f"agents\\[0\\]: capacity: {INF}"):
        rules.route(BASE, NOW, agents=agents)


def frame():
    return pd.DataFrame({
        "id": ["a", "b", "c", "d"],
        "created": ["2026-03-06T15:00:00Z"] * 4,
        "contract.sla": ["gold"] * 4,
        "customer.region": ["emea"] * 4,
        "order.value": [1.0, np.inf, np.nan, 2.0],
        "ticket.subject": ["x", None, "y\udc80", "z"],
    })


# python.md: in a frame "an empty cell is a key left out"; a cell JSON cannot
# carry fails its row alone, naming the ticket and the column.
def test_frames_fail_the_rows_json_cannot_carry(rules):
    routed = rules.route_frame(frame())
    assert routed["error"].isna().tolist() == [True, False, False, True]
    assert routed["error"][1] == f"ticket 'b': order.value: {INF} (JSON has no infinity)"
    assert routed["error"][2] == (
        r"ticket 'c': ticket.subject: text 'y\udc80' holds a lone surrogate, which is not Unicode text"
    )
    assert routed["queue"][0] == routed["queue"][3] == rules.route(BASE, NOW)["queue"]
    cycles = rules.evaluate_frame(frame(), NOW)
    errors = cycles.dropna(subset=["error"])
    assert errors["id"].tolist() == ["b", "c"]
    assert errors["error"].tolist() == routed["error"][1:3].tolist()
    assert set(cycles.loc[cycles["error"].isna(), "id"]) == {"a", "d"}


def test_frame_events_json_cannot_carry_fail_their_ticket(rules):
    events = pd.DataFrame({
        "ticket": ["a", "d", "d"],
        "at": pd.to_datetime(["2026-03-06 15:20"] * 3, utc=True),
        "kind": ["agent_replied", "field_changed", "field_changed"],
        "field": [None, "order.value", "order.value"],
        "value": [np.nan, 5.0, -np.inf],
    })
    routed = rules.route_frame(frame().iloc[[0, 3]], events=events)
    assert routed["error"].isna().tolist() == [True, False]
    assert routed["error"][3] == "ticket 'd': events[1].value: got -inf: a ticket's numbers are finite (JSON has no infinity)"
    listed = frame().iloc[[0]].assign(events=[[{"at": "2026-03-06T15:20:00Z", "kind": "x\udc80"}]])
    [error] = rules.route_frame(listed)["error"]
    assert error.startswith(r"ticket 'a': events[0].kind: text 'x\udc80' holds a lone surrogate")


# python.md: "A ticket that fails has one row with its id and its message in
# error", so it joins back to the frame.
def test_failed_rows_keep_their_id(rules):
    tickets = pd.DataFrame({"id": ["X", "Y"], "created": pd.to_datetime([None, "2026-03-06 15:00"], utc=True),
                            "contract.sla": ["gold", "gold"]})
    cycles = rules.evaluate_frame(tickets, NOW)
    failed = cycles[cycles["error"].notna()]
    assert failed["id"].tolist() == ["X"]
    assert failed["error"].tolist() == ["ticket 'X': created: missing: every ticket needs \"created\""]
    routed = rules.route_frame(pd.DataFrame({"id": ["P", "Q"], "ticket.priority": ["asap", "high"]}))
    assert routed["id"].tolist() == ["P", "Q"]
    assert routed["error"][0].startswith("ticket 'P': ticket.priority")
