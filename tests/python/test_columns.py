"""RuleSet.route_columns: a DataFrame routed by its columns gives, row by row,
route_frame's answers (docs/python.md, "Routing a data frame by its
columns"; docs/routing.md, "Tickets as columns")."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

import slakit

from conftest import SOURCE_DIR

GROUPS = SOURCE_DIR / "examples" / "rules" / "routing_groups.sla"

# Values per field, None for none; a few not in their `one of` list.
VALUES = {
    "ticket.priority": ["low", "normal", "high", "urgent", None, "asap"],
    "ticket.category": ["billing", "refund", "invoice", "security", "outage", "other", None],
    "customer.tier": ["standard", "gold", "platinum", None],
    "customer.region": ["emea", "amer", None, "mars"],
    "contract.sla": ["platinum", "gold", "standard", None],
    "ticket.product": ["payments", "payouts", "reporting", "api", "mobile", None],
    "customer.segment": ["enterprise", "midmarket", "smb", None],
    "ticket.channel": ["email", "chat", "phone", None],
    "customer.language": ["de", "fr", "en", None],
}


def random_frame(rows, seed):
    rng = np.random.default_rng(seed)
    # Values outside a list are rare, so that most rows route.
    # A creation for route_frame, which needs one where routes relax skills;
    # route_columns does not read it (its name has no dot) and routes at
    # creation, as route_frame does without events or now.
    frame = {"id": [f"T-{i}" for i in range(rows)], "created": ["2026-03-02T09:00:00Z"] * rows}
    for path, values in VALUES.items():
        weights = np.array([1.0 if v in (None,) or v not in ("asap", "mars") else 0.05 for v in values])
        picks = rng.choice(len(values), size=rows, p=weights / weights.sum())
        frame[path] = [values[k] for k in picks]
    value = rng.choice([5.0, 9999.5, 10000.0, 25000.0, np.nan], size=rows)
    frame["ticket.order_value"] = value
    frame["ticket.reopened"] = rng.random(rows) < 0.1
    return pd.DataFrame(frame)


def outcomes(frame):
    """Per row: (queue, team, priority, sla, rule, skills, tags, rules) or "error"."""
    rows = []
    for r in frame.itertuples(index=False):
        if isinstance(r.error, str):
            rows.append("error")
            continue
        text = lambda v: None if v is None or (isinstance(v, float) and np.isnan(v)) else v
        rows.append((text(r.queue), text(r.team), text(r.priority), text(r.sla), text(r.rule),
                     list(r.skills), list(r.tags), list(r.rules)))
    return rows


@pytest.mark.parametrize("path", ["routing.sla", "routing_groups.sla"])
def test_route_columns_agrees_with_route_frame(path):
    rules = slakit.load(SOURCE_DIR / "examples" / "rules" / path)
    frame = random_frame(3000, seed=20261130)
    by_columns = rules.route_columns(frame)
    by_records = rules.route_frame(frame)
    assert outcomes(by_columns) == outcomes(by_records)
    assert (by_columns["error"].notna()).sum() > 0  # "asap" and "mars" fail their rows
    assert (by_columns["queue"].notna()).sum() > 2000
    assert list(by_columns["id"]) == list(frame["id"])
    # The same frame with its texts as categoricals answers alike.
    categorical = frame.astype({p: "category" for p in VALUES})
    pd.testing.assert_frame_equal(rules.route_columns(categorical), by_columns)


def test_route_columns_results_are_categoricals_and_shared_tuples(rules):
    frame = pd.DataFrame({"ticket.category": ["billing", "billing", "outage"],
                          "customer.region": ["emea", "emea", "amer"]}, index=[10, 11, 12])
    got = rules.route_columns(frame)
    assert list(got.index) == [10, 11, 12]
    assert isinstance(got["queue"].dtype, pd.CategoricalDtype)
    assert got.loc[10, "queue"] == got.loc[11, "queue"]
    assert got.loc[10, "rules"] is got.loc[11, "rules"]  # one outcome, shared
    assert "id" not in got.columns
    assert got["error"].isna().all()


def test_route_columns_errors(rules):
    frame = pd.DataFrame({"id": ["a", "b"], "ticket.priority": ["urgent", "asap"]})
    got = rules.route_columns(frame)
    assert got.loc[0, "error"] is None
    assert got.loc[1, "error"] == ("ticket 'b': ticket.priority: expected one of low, normal, "
                                   "high, urgent, got text 'asap'")
    with pytest.raises(slakit.InvalidArgument, match="column 'ticket.colour'"):
        rules.route_columns(pd.DataFrame({"ticket.colour": ["red"]}))
    with pytest.raises(slakit.InvalidArgument, match="cannot take numbers"):
        rules.route_columns(pd.DataFrame({"ticket.priority": [1.0]}))
    with pytest.raises(TypeError, match="route_frame reads every field"):
        rules.route_columns(pd.DataFrame({"ticket.priority": pd.to_datetime(["2026-01-01"])}))


# python.md: "a bad value fails its row alone", with the message route_frame
# gives for that row (docs/routing.md, "Tickets as columns": "A row whose
# value does not fit its field fails alone").
def test_a_cell_of_another_kind_fails_its_row_alone_as_route_frame_does(rules):
    frame = pd.DataFrame({
        "id": ["a", "b", "c", "d", "e", "f", "g", "h"],
        "ticket.category": ["refund", 5, None, True, {"x": 1}, ["l"], "caf\udce9", dt.date(2026, 1, 1)],
        "ticket.order_value": [1.0, np.inf, 2.0, np.nan, -np.inf, 3.0, 4.0, 5.0],
        "customer.region": pd.Categorical(["emea", "amer", None, "emea", "amer", "emea", "amer", "emea"]),
    })
    by_columns = rules.route_columns(frame)
    by_records = rules.route_frame(frame)
    assert by_columns["error"].isna().tolist() == [True, False, True, False, False, False, False, True]
    assert by_columns["error"].dropna().tolist() == by_records["error"].dropna().tolist()
    assert by_columns.loc[3, "error"] == "ticket 'd': ticket.category: expected a string, got true"
    assert outcomes(by_columns) == outcomes(by_records)
    # A date in a text column is its text, as route_frame reads it.
    assert by_columns.loc[7, "queue"] == by_records.loc[7, "queue"]
    # Without ids, rows are named by number, as route_columns names them.
    unnamed = rules.route_columns(frame.drop(columns=["id"]))
    assert unnamed.loc[3, "error"] == "ticket 'row 3': ticket.category: expected a string, got true"
    # An id that is no text fails its row, as in route_frame.
    odd_id = frame.assign(id=["a", "b\udc80", "c", "d", "e", "f", "g", "h"]).iloc[[0, 1, 2]]
    by_columns, by_records = rules.route_columns(odd_id)["error"], rules.route_frame(odd_id)["error"]
    assert by_columns.isna().tolist() == by_records.isna().tolist() == [True, False, True]
    assert by_columns[1] == by_records[1] == (
        r"ticket 'b\udc80': id: text 'b\udc80' holds a lone surrogate, which is not Unicode text")
    # The example of the review: one bad cell among good ones.
    small = pd.DataFrame({"id": ["a", "b", "c"], "ticket.category": ["refund", 5, None]})
    assert rules.route_columns(small)["error"].tolist() == [
        None, rules.route_frame(small)["error"][1], None]


# Review 16, F2: a row probed for its odd cell routes as route_frame
# routes it, also when a route relaxes skills after a wait from creation.
def test_an_odd_cell_is_probed_as_route_frame_reads_it_when_skills_relax():
    rules = slakit.loads(
        "route r when ticket.priority == urgent -> queue q, skills [billing], skills [german] for 2h\n")
    frame = pd.DataFrame({"id": ["a", "b"], "created": ["2026-03-02T09:00:00Z"] * 2,
                          "ticket.priority": ["urgent", "urgent"], "ticket.assignee": ["ana", 4711]})
    by_columns, by_records = rules.route_columns(frame), rules.route_frame(frame)
    assert by_columns["error"].isna().all() and by_records["error"].isna().all()
    assert by_columns["queue"].tolist() == by_records["queue"].tolist() == ["q", "q"]


def test_categories_that_are_not_texts_fail_their_rows(rules):
    frame = pd.DataFrame({"id": ["a", "b", "c"], "ticket.category": pd.Categorical([1, 2, None])})
    got = rules.route_columns(frame)
    assert got["error"].tolist()[:2] == rules.route_frame(frame)["error"].tolist()[:2]
    assert got["error"][2] is None


def test_a_column_given_twice_is_named(rules):
    frame = pd.DataFrame([["low", "high"]], columns=["ticket.priority", "ticket.priority"])
    with pytest.raises(slakit.InvalidArgument, match="column 'ticket.priority' is given 2 times"):
        rules.route_columns(frame)
    with pytest.raises(ValueError, match="column 'id' is given 2 times"):
        rules.route_columns(pd.DataFrame([["a", "b"]], columns=["id", "id"]))


# python.md, route_columns: "The answers are route_frame's for the same
# rows": a row without an id (None, NaN) fails alone with route_frame's
# message, the others route.
def test_a_row_without_an_id_fails_as_in_route_frame(rules):
    frame = pd.DataFrame({"id": ["a", None, float("nan"), "d"],
                          "ticket.category": ["refund", "refund", "billing", "billing"]})
    got = rules.route_columns(frame)["error"].tolist()
    want = rules.route_frame(frame)["error"].tolist()
    assert got[1:3] == want[1:3]
    assert "id" in got[1] and "id" in got[2]
    assert got[0] is None and got[3] is None


# python.md: route_columns answers "in the same columns in the same order
# ..., with the frame's index, and error None or the same message"; its
# shapes differ as the table says: categoricals, shared tuples, and
# relaxed_skills as (skill, wait in seconds), route_frame's drops_at being
# created plus the wait.
def test_route_columns_has_route_frames_columns_index_and_errors():
    rules = slakit.load(GROUPS)  # its route german relaxes its skill after 15m
    frame = random_frame(400, seed=7).set_index(pd.Index(range(1000, 1400)))
    by_columns = rules.route_columns(frame)
    by_records = rules.route_frame(frame)
    assert list(by_columns.columns) == list(by_records.columns)
    assert by_columns.index.equals(frame.index) and by_records.index.equals(frame.index)
    assert by_columns["error"].tolist() == by_records["error"].tolist()
    assert by_records["error"].isna().sum() == by_records["error"].tolist().count(None) > 300
    ok = by_records["error"].isna()
    for key in ("queue", "team", "priority", "sla", "rule"):
        assert by_columns.loc[ok, key].astype(object).where(by_columns[key].notna(), None).tolist() \
            == by_records.loc[ok, key].tolist()
    for key in ("skills", "tags", "rules"):
        assert by_columns.loc[ok, key].map(list).tolist() == by_records.loc[ok, key].tolist()
    created = pd.to_datetime(frame["created"], utc=True)
    relaxed = 0
    for row in by_records.index[ok]:
        pairs = by_columns.loc[row, "relaxed_skills"]
        dicts = by_records.loc[row, "relaxed_skills"]
        assert [skill for skill, _ in pairs] == [d["skill"] for d in dicts]
        for (_, wait), d in zip(pairs, dicts):
            assert pd.Timestamp(d["drops_at"]) == created[row] + pd.Timedelta(seconds=wait)
            relaxed += 1
    assert relaxed > 0
