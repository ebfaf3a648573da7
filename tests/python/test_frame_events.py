"""The events of a DataFrame of tickets: a list column ``events`` whose
cells may be empty (a left merge) or of the wrong kind, and events whose
``at`` is missing (docs/python.md, "SLA evaluation")."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 4, 1, tzinfo=UTC)
REPLY = {"at": "2026-03-06T15:20:00Z", "kind": "agent_replied"}


def tickets():
    return pd.DataFrame({
        "id": ["T-1", "T-2"],
        "created": pd.to_datetime(["2026-03-06 15:00", "2026-03-27 15:30"], utc=True),
        "contract.sla": ["gold", "gold"],
        "customer.region": ["emea", "amer"],
    })


def merged():
    """Per-ticket event lists left-merged onto the tickets: NaN for T-2."""
    events = pd.DataFrame({"ticket": ["T-1"], "at": [REPLY["at"]], "kind": [REPLY["kind"]]})
    lists = events.groupby("ticket").apply(lambda g: g[["at", "kind"]].to_dict("records")).rename("events")
    return tickets().merge(lists, left_on="id", right_index=True, how="left")


# python.md: "In that column an empty cell (None, NaN, NA: what a left merge
# of per-ticket event lists leaves for a ticket without events) is a ticket
# without events".
@pytest.mark.parametrize("empty", [None, np.nan, pd.NA, pd.NaT], ids=repr)
def test_an_empty_events_cell_is_a_ticket_without_events(rules, empty):
    frame = merged()
    assert pd.isna(frame["events"][1])
    frame["events"] = pd.Series([frame["events"][0], empty], dtype=object)
    without = tickets().assign(events=[[REPLY], []])
    pd.testing.assert_frame_equal(rules.evaluate_frame(frame, NOW), rules.evaluate_frame(without, NOW))
    pd.testing.assert_frame_equal(rules.route_frame(frame, now=NOW), rules.route_frame(without, now=NOW))
    assert rules.evaluate_frame(frame, NOW)["error"].isna().all()


# python.md: "a cell that is no list (a number, a text, a dict) fails its row
# alone, naming the column and what it holds ..., and a dict is never read
# as its keys".
@pytest.mark.parametrize("cell, shown", [
    (5, "int 5"),
    ("oops", "str oops"),
    ({"at": "2026-03-06T15:20:00Z", "kind": "agent_replied"}, "dict {'at': "),
])
def test_an_events_cell_that_is_no_list_fails_its_row_alone(rules, cell, shown):
    frame = tickets().assign(events=pd.Series([[REPLY], cell], dtype=object))
    message = f"ticket 'T-2': events: expected a list of events, got {shown}"
    cycles = rules.evaluate_frame(frame, NOW)
    failed = cycles[cycles["error"].notna()]
    assert failed["id"].tolist() == ["T-2"]
    assert failed["error"].iloc[0].startswith(message)
    assert set(cycles.loc[cycles["error"].isna(), "id"]) == {"T-1"}
    routed = rules.route_frame(frame, now=NOW)
    assert routed["error"].isna().tolist() == [True, False]
    assert routed["error"][1].startswith(message)


# A list column read from Parquet holds numpy arrays: they are lists.
def test_an_events_cell_may_be_a_numpy_array(rules):
    frame = tickets().assign(events=pd.Series([np.array([REPLY], dtype=object), ()], dtype=object))
    without = tickets().assign(events=[[REPLY], []])
    pd.testing.assert_frame_equal(rules.evaluate_frame(frame, NOW), rules.evaluate_frame(without, NOW))


# cli.md: "A key whose value is null counts as left out ...: an event's
# "at": null a missing at (events[0]: missing "at")"; python.md: "an event
# whose at is empty (None, NaT) fails its ticket as an event without at
# does", not as an invalid time ''.
def test_an_event_without_its_instant_is_missing_at(rules):
    missing = "ticket 'T-1': events[0]: missing \"at\""
    events = pd.DataFrame({"ticket": ["T-1", "T-2"],
                           "at": pd.to_datetime([None, "2026-03-30 14:00"], utc=True),
                           "kind": ["agent_replied", "agent_replied"]})
    cycles = rules.evaluate_frame(tickets(), NOW, events=events)
    assert cycles.loc[cycles["error"].notna(), "error"].tolist() == [missing]
    assert set(cycles.loc[cycles["error"].isna(), "id"]) == {"T-2"}
    listed = tickets().assign(events=[[{"at": None, "kind": "agent_replied"}], []])
    assert rules.route_frame(listed, now=NOW)["error"].tolist()[0] == missing
    left_out = rules.route_many([{"id": "T-1", "events": [{"kind": "agent_replied"}]}])
    assert left_out == rules.route_many([{"id": "T-1", "events": [{"at": None, "kind": "agent_replied"}]}])
    assert left_out == [{"error": missing}]


# python.md: "Every call takes the tickets first and now second: ...
# route_frame(tickets, now=None, events=None), as evaluate_frame(tickets,
# now, events=None) ... A DataFrame where now goes (the events frame passed
# by position) is a TypeError saying so, never read as something else."
def test_route_frame_takes_now_second_and_refuses_a_frame_for_it(rules):
    events = pd.DataFrame({"ticket": ["T-1"], "at": pd.to_datetime(["2026-03-06 15:20"], utc=True),
                           "kind": ["agent_replied"]})
    by_position = rules.route_frame(tickets(), NOW, events)
    pd.testing.assert_frame_equal(by_position, rules.route_frame(tickets(), now=NOW, events=events))
    pd.testing.assert_frame_equal(
        by_position, pd.DataFrame(rules.route_many(
            [{"id": "T-1", "created": "2026-03-06T15:00:00Z", "contract": {"sla": "gold"},
              "customer": {"region": "emea"}, "events": [REPLY]},
             {"id": "T-2", "created": "2026-03-27T15:30:00Z", "contract": {"sla": "gold"},
              "customer": {"region": "amer"}}], NOW)).assign(error=None),
        check_dtype=False)
    for call in (rules.route_frame, rules.evaluate_frame):
        with pytest.raises(TypeError, match=rf"{call.__name__}\(tickets, now, events=events\)"):
            call(tickets(), events)


# python.md: NaN and None are "a key left out, as a JSON null is" -- also
# for a whole object: pd.read_json of an export where only some tickets
# have an order gives NaN in the others' "order" cells (docs/cli.md,
# "Input": "A key whose value is `null` counts as left out").
def test_an_empty_object_cell_is_the_object_left_out(rules):
    import io
    import json

    lines = [
        {"id": "T-1", "created": "2026-03-06T15:00:00Z", "contract": {"sla": "gold"},
         "customer": {"region": "emea"}, "order": {"id": "O-1", "value": 120}},
        {"id": "T-2", "created": "2026-03-27T15:30:00Z", "contract": {"sla": "gold"},
         "customer": {"region": "amer"}},
    ]
    frame = pd.read_json(io.StringIO("\n".join(map(json.dumps, lines))), lines=True)
    assert pd.isna(frame["order"][1])
    result = rules.evaluate_frame(frame, NOW)
    assert "error" not in result.columns or result["error"].isna().all()
    assert set(result["id"]) == {"T-1", "T-2"}
    by_dicts = rules.evaluate_many(lines, NOW)
    by_nulls = rules.evaluate_many([dict(lines[1], order=None, ticket=None)], NOW)
    assert by_nulls[0] == by_dicts[1]


# docs/cli.md, "Input": "A member of ticket, customer, contract or order may
# also stand at the top of the record under its whole path
# ("contract.sla": "gold"), as flat exports and a DataFrame's records write
# it" -- so evaluate_many(frame.to_dict("records")) reads what
# evaluate_frame(frame) reads (review 10, F3: it read no field).
def test_records_of_a_frame_read_their_dotted_keys(rules):
    frame = tickets()
    records = [dict(r, created=r["created"].isoformat()) for r in frame.to_dict("records")]
    flat = rules.evaluate_many(records, NOW)
    assert [e["sla"] for e in flat] == ["gold_emea", "gold_amer"]
    cycles = rules.evaluate_frame(frame, NOW)
    assert sorted(cycles["sla"].unique()) == ["gold_amer", "gold_emea"]


# python.md, "What raises what": `*_frame` never raise for one ticket; a
# duration with a fraction of a second in the events frame fails the
# ticket of its event alone, naming the event (review 22 F1).
def test_a_fractional_duration_in_the_events_frame_fails_its_ticket(rules):
    events = pd.DataFrame({
        "ticket": ["T-1", "T-2", "T-2"],
        "at": pd.to_datetime(["2026-03-06 15:20", "2026-03-27 16:00", "2026-03-27 17:00"], utc=True),
        "kind": ["agent_replied"] * 3,
        "dur": pd.to_timedelta([1, 2, 2.5], unit="s"),
    })
    got = rules.metrics_frame(tickets(), NOW, events=events)
    assert got["error"].tolist() == [
        None, "ticket 'T-2': events[1].dur: duration 0 days 00:00:02.500000: slakit counts whole seconds"]
    assert got["first_response_calendar"].tolist()[0] == 1200


# A NaT among the objects of a column is an empty cell, not a naive datetime.
def test_nat_among_objects_is_an_empty_cell(rules):
    frame = tickets().assign(**{"order.due": pd.Series([pd.NaT, dt.datetime(2026, 4, 9, tzinfo=UTC)],
                                                       dtype=object)})
    assert rules.metrics_frame(frame, NOW)["error"].tolist() == [None, None]
