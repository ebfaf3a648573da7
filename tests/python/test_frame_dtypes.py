"""The dtypes of evaluate_frame's and route_frame's results are fixed
(docs/python.md, "Result columns"), and Dask's map_partitions with the
meta of an empty frame gives the local answers."""

import datetime as dt

import pandas as pd
import pytest

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 5, 15, tzinfo=UTC)
TEXTS = ["sla", "kind", "policy", "metric", "state", "team", "error"]
INTEGERS = ["cycle", "target", "remaining", "overdue", "overdue_calendar", "business_elapsed",
            "calendar_elapsed"]
INSTANTS = ["start", "stop", "due", "breached_at", "cancelled_at"]
LISTS = ["pauses", "warnings", "escalations"]


def tickets(n=6):
    frame = pd.DataFrame({
        "id": [f"T-{i}" for i in range(n)],
        "created": pd.to_datetime(["2026-03-02 10:00"] * n, utc=True) + pd.to_timedelta(range(n), unit="h"),
        "ticket.priority": (["high", "low", None] * n)[:n],
        "contract.sla": (["gold", None] * n)[:n],
        "customer.region": (["emea", "amer", None] * n)[:n],
    })
    return frame


def failing(frame):
    return frame.assign(**{"ticket.priority": ["asap"] * len(frame)})


def frames(call):
    """The results of `call` on a frame with errors, one without, one where
    every ticket fails, and an empty one."""
    good = tickets()
    mixed = good.copy()
    mixed.loc[1, "ticket.priority"] = "asap"
    return [call(mixed), call(good), call(failing(good)), call(good.iloc[:0])]


# python.md, "Result columns": "Each column ... has one dtype, whatever the
# rows hold: the same for a frame whose tickets all fail, none fail, or an
# empty frame": texts object (str or None), integers Int64, instants
# datetime64[ns, UTC], lists object.
def test_evaluate_frame_dtypes_do_not_depend_on_the_data(rules):
    results = frames(lambda f: rules.evaluate_frame(f, NOW))
    mixed, good, failed, empty = results
    assert mixed["error"].notna().sum() == 1 and good["error"].isna().all() and len(empty) == 0
    assert failed["error"].notna().all()
    for result in results:
        pd.testing.assert_series_equal(result.dtypes, mixed.dtypes)
    dtypes = mixed.dtypes
    assert all(dtypes[c] == object for c in TEXTS + LISTS + ["id"])
    assert all(str(dtypes[c]) == "Int64" for c in INTEGERS)
    assert all(str(dtypes[c]) == "datetime64[ns, UTC]" for c in INSTANTS)
    # An empty cell of a text is None, not NaN; a failed row's lists too.
    row = mixed[mixed["error"].notna()].iloc[0]
    assert row["team"] is None and row["pauses"] is None and row["policy"] is None
    assert all(e is None for e in good["error"])


# python.md: "an empty frame gives the result's columns and dtypes", route_frame's too.
def test_route_frame_dtypes_do_not_depend_on_the_data(rules):
    results = frames(lambda f: rules.route_frame(f, NOW))
    for result in results:
        pd.testing.assert_series_equal(result.dtypes, results[0].dtypes)
    assert (results[0].dtypes == object).all()
    assert results[0]["error"].tolist().count(None) == 5
    agents = [{"id": "ana", "teams": ["l2"], "skills": [], "capacity": 3}]
    with_agents = [rules.route_frame(f, NOW, agents=agents) for f in (tickets(), tickets().iloc[:0])]
    pd.testing.assert_series_equal(with_agents[0].dtypes, with_agents[1].dtypes)


# python.md, "id": "the tickets frame's own id dtype".
def test_the_id_column_keeps_the_frames_dtype(rules):
    numbered = tickets().assign(id=pd.array([1, 2, 3, None, 5, 6], dtype="Int64"))
    for frame in (numbered, numbered.iloc[:0], numbered.dropna().astype({"id": "int64"})):
        assert rules.evaluate_frame(frame, NOW)["id"].dtype == frame["id"].dtype
        assert rules.route_frame(frame, NOW)["id"].dtype == frame["id"].dtype


# python.md, Dask: "pass meta= ... The meta is the call on an empty frame of
# the table's columns, ddf._meta ...: an empty frame gives the result's
# columns and dtypes, so the partitions' frames agree with it".
def test_dask_map_partitions_with_the_meta_of_an_empty_frame(rules):
    dask = pytest.importorskip("dask")
    dd = pytest.importorskip("dask.dataframe")
    frame = tickets(40)
    frame.loc[7, "ticket.priority"] = "asap"
    with dask.config.set(scheduler="synchronous"):
        table = dd.from_pandas(frame, npartitions=4)
        meta = rules.evaluate_frame(table._meta, NOW)
        cycles = table.map_partitions(rules.evaluate_frame, NOW, threads=1, meta=meta)
        assert cycles.dtypes.equals(meta.dtypes)
        local = rules.evaluate_frame(frame, NOW)
        # Each cycle keeps its ticket's index label, so the partitions' rows
        # come back with the labels the single-process frame has.
        pd.testing.assert_frame_equal(cycles.compute(), local)
        assert cycles["policy"].str.upper().compute().tolist() == local["policy"].str.upper().tolist()
        assert cycles["error"].str.startswith("ticket 'T-7'").sum().compute() == 1
        routed = table.map_partitions(rules.route_frame, NOW, meta=rules.route_frame(table._meta, NOW))
        pd.testing.assert_series_equal(routed["queue"].str.len().compute().reset_index(drop=True),
                                       rules.route_frame(frame, NOW)["queue"].str.len())


# python.md: evaluate_frame's rows "keep their ticket's index label, repeated
# for each of its cycles, as `DataFrame.explode` does" (review 22 F4).
def test_cycles_keep_their_tickets_index_labels(rules):
    frame = tickets(6)
    frame.index = [1000 + 10 * i for i in range(6)]
    cycles = rules.evaluate_frame(frame, NOW)
    assert set(cycles.index) <= set(frame.index)
    assert (frame.loc[cycles.index, "id"].to_numpy() == cycles["id"].to_numpy()).all()
    assert rules.evaluate_frame(frame.iloc[:0], NOW).index.dtype == frame.index.dtype


# python.md: metrics_frame returns "one row per ticket, in order and with the
# frame's index": the index itself, its freq included (review 24 F8).
def test_metrics_frame_keeps_the_index_itself(rules):
    frame = tickets(6)
    frame.index = pd.date_range("2026-03-02", periods=6, freq="D")
    got = rules.metrics_frame(frame, NOW)
    assert got.index.equals(frame.index) and got.index.freq == frame.index.freq
