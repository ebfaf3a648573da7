"""The id column of a DataFrame: texts or integers, read alike by
route_frame, evaluate_frame and route_columns (docs/python.md, "Ids in a
frame")."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from conftest import SOURCE_DIR

NOW = dt.datetime(2026, 4, 1, tzinfo=dt.timezone.utc)


def tickets(ids):
    n = len(ids)
    return pd.DataFrame({
        "id": ids,
        "created": pd.to_datetime(["2026-03-06 15:00", "2026-03-27 15:30", "2026-03-09 10:00"][:n], utc=True),
        "contract.sla": ["gold"] * n,
        "customer.region": ["emea", "amer", "emea"][:n],
    })


def as_texts(frame):
    return frame.assign(id=[f"T{i}" for i in range(len(frame))])


# python.md: "The id column holds texts or integers: an integer column
# (int64, or Int64 with missing values ...) or Python and numpy ints in an
# object column. An integer id is the ticket's id as its decimal text ...
# and the id column of the result holds the frame's own values".
@pytest.mark.parametrize("ids", [
    np.array([1, 2, 3], dtype=np.int64),
    np.array([7, 8, 9], dtype=np.uint32),
    pd.array([1, 2, 3], dtype="Int64"),
    pd.Series([1, np.int64(20), 3], dtype=object),
])
def test_integer_ids_route_and_evaluate(rules, ids):
    frame = tickets(ids)
    texts = as_texts(frame)
    routed = rules.route_frame(frame)
    assert routed["error"].isna().all()
    assert routed["queue"].tolist() == rules.route_frame(texts)["queue"].tolist()
    assert routed["id"].tolist() == list(frame["id"])
    assert rules.route_columns(frame)["queue"].tolist() == routed["queue"].tolist()
    assert rules.route_columns(frame)["id"].tolist() == list(frame["id"])
    cycles = rules.evaluate_frame(frame, NOW)
    want = rules.evaluate_frame(texts, NOW)
    assert cycles["error"].isna().all()
    assert cycles["state"].tolist() == want["state"].tolist()
    back = {f"T{i}": v for i, v in enumerate(frame["id"])}
    assert cycles["id"].tolist() == [back[t] for t in want["id"]]


# python.md: "its messages say "ticket '7': ..."", on all three paths.
def test_integer_ids_name_their_tickets(rules):
    frame = pd.DataFrame({"id": [7, 8], "ticket.priority": ["asap", "high"]})
    routed = rules.route_frame(frame)
    assert routed["id"].tolist() == [7, 8]
    assert routed["error"][0].startswith("ticket '7': ticket.priority")
    assert rules.route_columns(frame)["error"][0] == routed["error"][0]
    cycles = rules.evaluate_frame(frame.assign(created=[None, None]), NOW)
    assert cycles["id"].tolist() == [7, 8]
    assert cycles["error"][0].startswith("ticket '7': created")


# python.md: "The events frame's ticket column is matched to the id column
# by value, as pandas.merge matches".
def test_events_frame_of_integer_ids(rules):
    frame = tickets(np.array([1, 2], dtype=np.int64))
    events = pd.DataFrame({"ticket": [2, 1], "at": pd.to_datetime(["2026-03-30 14:00", "2026-03-06 15:20"], utc=True),
                           "kind": ["agent_replied", "agent_replied"]})
    text_events = events.assign(ticket=["T1", "T0"])
    want = rules.evaluate_frame(as_texts(frame), NOW, events=text_events)
    for owners in (events["ticket"], events["ticket"].astype(float)):
        cycles = rules.evaluate_frame(frame, NOW, events=events.assign(ticket=owners))
        assert cycles["state"].tolist() == want["state"].tolist()
        assert cycles["id"].tolist() == [{"T0": 1, "T1": 2}[t] for t in want["id"]]
    assert "met" in want["state"].tolist()


# python.md: "any other value (a float, a bool, a datetime) fails its row
# alone, naming the row ... and the column", on all three paths alike; a
# row without an id fails as every ticket needs one.
@pytest.mark.parametrize("bad, message", [
    (1.5, "row 1: id: expected a text or an integer, got float 1.5"),
    (True, "row 1: id: expected a text or an integer, got bool True"),
    (pd.Timestamp("2026-03-06", tz="UTC"), "row 1: id: expected a text or an integer, got Timestamp"),
    ((1, 2), "row 1: id: expected a text or an integer, got tuple (1, 2)"),
])
def test_other_ids_fail_their_row_alone(rules, bad, message):
    frame = tickets(pd.Series(["a", bad, 3], dtype=object))
    routed = rules.route_frame(frame)
    columns = rules.route_columns(frame)
    cycles = rules.evaluate_frame(frame, NOW)
    for errors in (routed["error"], columns["error"]):
        assert errors.isna().tolist() == [True, False, True]
        assert errors[1].startswith(message)
    assert cycles.loc[cycles["error"].notna(), "error"].tolist() == [routed["error"][1]]
    assert set(cycles.loc[cycles["error"].isna(), "id"]) == {"a", 3}


# python.md: "A float that is a whole number gets a hint"; a float column is
# refused row by row, its NaN rows failing as rows without an id.
def test_a_float_id_column_fails_each_row_with_a_hint(rules):
    frame = tickets([1.0, np.nan, 3.0])
    routed = rules.route_frame(frame)
    assert routed["error"][0] == (
        "row 0: id: expected a text or an integer, got float 1.0 (an integer column with a missing "
        "value reads as floats: astype(\"Int64\") keeps it integers)"
    )
    assert "row 2: id" in routed["error"][2]
    assert "id" in routed["error"][1] and "row 1" not in routed["error"][1]
    assert rules.route_columns(frame)["error"].tolist() == routed["error"].tolist()
    assert rules.evaluate_frame(frame, NOW)["error"].tolist() == routed["error"].tolist()


# python.md: "rows that repeat an id get a `UserWarning` saying how many and
# naming the first repeat: each row is read as a ticket of its own, so a
# ticket exported twice counts twice" (review 22 F3).
def test_repeated_ids_are_read_each_and_warned(rules):
    frame = tickets(["T-1", "T-2", "T-1"])
    with pytest.warns(UserWarning, match=r"1 row of the tickets frame repeat.*ticket 'T-1' in rows 0 and 2"):
        cycles = rules.evaluate_frame(frame, NOW)
    assert cycles["id"].tolist().count("T-1") == 2 * cycles["id"].tolist().count("T-2")
    with pytest.warns(UserWarning, match="2 rows"):
        rules.route_frame(tickets([7, 7, 7]), NOW)


def test_distinct_ids_give_no_warning(rules):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        rules.evaluate_frame(tickets(["T-1", "T-2", None]), NOW)
