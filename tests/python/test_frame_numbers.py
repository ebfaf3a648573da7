"""Numbers in DataFrames reach the engine exactly as Python's float holds
them, as from a dict (docs/python.md, "SLA evaluation": "A number reaches
the engine exactly as Python's float holds it")."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

import slakit

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 3, 2, 12, tzinfo=UTC)
CREATED = "2026-03-02T09:00:00Z"
# A threshold a number just above or below is on the other side of: 4e-11
# is above 0, ten items of 0.10 sum to 999.9999999999999, below 1000.
RULES = """field ticket.score : number
sla fast for ticket.score > 0 {
  first_response 1h
}
route pos when ticket.score > 0 -> queue positive
route big when order.value >= 1000 -> queue big
route f -> queue other
"""
TEN_ITEMS = sum([0.1] * 10) * 1000
SCORES = [4e-11, -4e-11, 0.0, 1e-300, 0.1 + 0.2, np.nextafter(0.0, 1.0)]
VALUES = [TEN_ITEMS, np.nextafter(1000.0, 0.0), 1000.0, 999.99999999999, 123456789.12345678, np.nan]


@pytest.fixture(scope="module")
def near():
    return slakit.loads(RULES, name="near.sla")


def dicts(frame):
    """The frame's rows as the dicts route_many and evaluate_many take."""
    out = []
    for row in frame.to_dict("records"):
        d = {"id": row.pop("id"), "created": CREATED}
        for key, value in row.items():
            if key != "created" and not (isinstance(value, float) and np.isnan(value)):
                obj, field = key.split(".")
                d.setdefault(obj, {})[field] = value
        out.append(d)
    return out


def numbers_frame(dtype):
    n = len(SCORES)
    return pd.DataFrame({
        "id": [f"S{i}" for i in range(n)],
        "created": pd.to_datetime([CREATED] * n, utc=True),
        "ticket.score": pd.array(SCORES, dtype=dtype),
        "order.value": pd.array(VALUES, dtype=dtype),
    })


# python.md: "A number reaches the engine exactly as Python's float holds
# it, as from a dict ... for float, nullable Float64 and category columns".
@pytest.mark.parametrize("dtype", ["float64", "Float64", "category"])
def test_route_frame_reads_numbers_as_route_many_does(near, dtype):
    frame = numbers_frame(dtype if dtype != "category" else "float64")
    if dtype == "category":
        frame = frame.astype({"ticket.score": "category", "order.value": "category"})
    want = [r["queue"] for r in near.route_many(dicts(numbers_frame("float64")))]
    assert want == ["positive", "other", "big", "positive", "positive", "positive"]
    assert near.route_frame(frame)["queue"].tolist() == want
    assert near.route_frame(frame)["error"].isna().all()
    if dtype != "category":  # route_columns reads numbers, not categories of numbers
        assert near.route_columns(frame)["queue"].tolist() == want


# python.md: the same for evaluate_frame: 4e-11 > 0 picks the SLA.
def test_evaluate_frame_reads_numbers_as_evaluate_many_does(near):
    frame = numbers_frame("float64")
    want = [e["sla"] for e in near.evaluate_many(dicts(frame), NOW)]
    assert want == ["fast", None, None, "fast", "fast", "fast"]
    cycles = near.evaluate_frame(frame, NOW)
    assert cycles["id"].tolist() == [f"S{i}" for i, s in enumerate(want) if s is not None]
    assert (cycles["sla"] == "fast").all()


# python.md: "... and for numbers among other values in an object column",
# and in an events frame, whose cells are values like any other.
def test_numbers_among_other_values_and_in_events_are_exact(near):
    mixed = pd.DataFrame({"id": ["A", "B", "C"], "order.value": pd.Series([TEN_ITEMS, None, 1000], dtype=object),
                          "ticket.score": pd.Series([4e-11, "x", None], dtype=object)})
    routed = near.route_frame(mixed)
    assert routed["queue"].tolist()[0] == "positive" and routed["queue"].tolist()[2] == "big"
    assert routed["error"][1] == near.route_many([{"id": "B", "ticket": {"score": "x"}}])[0]["error"]
    tickets = pd.DataFrame({"id": ["E1"], "created": pd.to_datetime([CREATED], utc=True)})
    events = pd.DataFrame({"ticket": ["E1"], "at": pd.to_datetime(["2026-03-02 09:10"], utc=True),
                           "kind": ["field_changed"], "field": ["order.value"], "value": [TEN_ITEMS]})
    ticket = {"id": "E1", "created": CREATED, "events": [
        {"at": "2026-03-02T09:10:00Z", "kind": "field_changed", "field": "order.value", "value": TEN_ITEMS}]}
    assert near.route(ticket)["queue"] == "other"
    assert near.route_frame(tickets, events=events)["queue"].tolist() == ["other"]
    events["value"] = [1000.0]
    assert near.route_frame(tickets, events=events)["queue"].tolist() == ["big"]


# python.md: an empty cell is a key left out; an infinity fails its row
# alone, naming the ticket and the column (as before numbers were exact).
def test_nan_is_left_out_and_inf_fails_its_row(near):
    frame = pd.DataFrame({"id": ["a", "b", "c"], "ticket.score": [np.nan, np.inf, 4e-11]})
    routed = near.route_frame(frame)
    assert routed["queue"].tolist()[0] == "other" and routed["queue"].tolist()[2] == "positive"
    assert routed["error"][1].startswith("ticket 'b': ticket.score: got inf")


# docs/python.md: "A naive `datetime64` column is a `ValueError`:
# tz-localize it first. A cell the reader cannot take fails its row alone,
# with the message the same value gets in a dict: a naive datetime among the
# objects of a column" (review 22 F2: it made the whole call raise).
def test_naive_datetimes_among_objects_fail_their_rows(near):
    created = pd.Series([dt.datetime(2026, 3, 2, 9, tzinfo=UTC), dt.datetime(2026, 3, 2, 10)],
                        dtype=object)
    frame = pd.DataFrame({"id": ["A", "B"], "created": created})
    message = "ticket 'B': created: naive datetime 2026-03-02 10:00:00: tickets need timezone-aware datetimes"
    assert near.route_frame(frame, now=NOW)["error"].tolist() == [None, message]
    assert near.evaluate_frame(frame, NOW)["error"].tolist()[-1] == message
    assert near.metrics_frame(frame, NOW)["error"].tolist() == [None, message]
    with pytest.raises(ValueError, match="column 'created' holds naive datetimes"):
        near.evaluate_frame(frame.assign(created=pd.to_datetime(["2026-03-02 09:00"] * 2)), NOW)
    aware = frame.assign(created=created.map(lambda t: t.replace(tzinfo=UTC)))
    assert list(near.route_frame(aware, now=NOW)["queue"]) == ["other", "other"]
    # Among dates (pandas infers such a column as "date") and numbers too.
    for first in (dt.date(2026, 3, 2), 5):
        mixed = aware.assign(**{"order.due": pd.Series([first, dt.datetime(2026, 3, 9)], dtype=object)})
        assert near.metrics_frame(mixed, NOW)["error"].tolist()[1] == (
            "ticket 'B': order.due: naive datetime 2026-03-09 00:00:00: tickets need timezone-aware datetimes")


# docs/python.md: "A categorical column is read as the same values in an
# object column are (dates as dates, a naive datetime failing its row)" (review 24 F9: dates were written as midnight datetimes and
# failed every row).
def test_categoricals_of_dates_and_datetimes_read_as_objects(near):
    days = [dt.date(2026, 3, 5), dt.date(2026, 3, 6)]
    frame = pd.DataFrame({"id": ["A", "B"], "created": pd.to_datetime(["2026-03-02 09:00"] * 2, utc=True),
                          "order.due": pd.Series(days, dtype="category")})
    objects = frame.assign(**{"order.due": pd.Series(days, dtype=object)})
    pd.testing.assert_frame_equal(near.metrics_frame(frame, NOW), near.metrics_frame(objects, NOW))
    assert near.metrics_frame(frame, NOW)["error"].isna().all()
    naive = frame.assign(**{"order.due": pd.Series(pd.to_datetime(["2026-03-09", "2026-03-10"]),
                                                   dtype="category")})
    assert near.metrics_frame(naive, NOW)["error"].tolist() == [
        f"ticket '{i}': order.due: naive datetime 2026-03-{d} 00:00:00: tickets need timezone-aware datetimes"
        for i, d in (("A", "09"), ("B", "10"))]
