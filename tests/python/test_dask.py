"""examples/python/dask_sla_report.py on a LocalCluster of 2 worker
processes equals the single-process report."""

import collections
import datetime as dt
import importlib.util

import pandas as pd
import pytest

from conftest import EXAMPLE_TICKETS, SOURCE_DIR

pytest.importorskip("dask.distributed")

NOW = dt.datetime(2026, 5, 15, 12, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def report():
    path = SOURCE_DIR / "examples" / "python" / "dask_sla_report.py"
    spec = importlib.util.spec_from_file_location("dask_sla_report", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_distributed_equals_single_process(report, rules):
    tickets = report.generate_tickets(3000)
    # One bad ticket: counted as an error, the others still evaluated.
    tickets.loc[17, "created"] = pd.NaT
    expected = report.single_process(tickets, rules, NOW)
    assert expected["error"].sum() == 1
    assert expected["met"].sum() > 0 and expected["breached"].sum() > 0
    with report.make_client(None, workers=2, processes=True) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        got = report.distributed(tickets, rules, NOW, client, partitions=6)
    pd.testing.assert_frame_equal(got, expected)


def test_report_counts_equal_the_dicts(report, rules, tickets):
    table = report.single_process(report.read_tickets(EXAMPLE_TICKETS), rules, NOW)
    states = collections.Counter()
    for e in rules.evaluate_many(tickets, NOW):
        for kind, key in (("sla", "targets"), ("ola", "olas")):
            for c in e[key]:
                states[(kind, c["policy"], c["metric"], c["state"])] += 1
    counted = collections.Counter()
    for row in table.itertuples(index=False):
        for state in report.STATES:
            if getattr(row, state):
                counted[(row.kind, row.policy, row.metric, state)] = getattr(row, state)
    assert counted == states
