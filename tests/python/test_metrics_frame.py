"""metrics_frame: the per-ticket measures of `slakit eval` for a DataFrame
of tickets (docs/python.md, "Per-ticket measures")."""

import datetime as dt

import pandas as pd

from test_frame_dtypes import failing, tickets

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 5, 15, tzinfo=UTC)
PAIRS = ["first_response", "next_response_average", "handling", "resolution"]


def with_events():
    frame = tickets()
    replies = [[{"at": "2026-03-02T12:00:00Z", "kind": "agent_replied"},
                {"at": "2026-03-03T09:00:00Z", "kind": "customer_replied"},
                {"at": "2026-03-03T10:00:00Z", "kind": "agent_replied"},
                {"at": "2026-03-04T10:00:00Z", "kind": "solved"},
                {"at": "2026-03-05T10:00:00Z", "kind": "reopened"}]] + [[]] * (len(frame) - 1)
    return frame.assign(events=replies)


# python.md: "one row per ticket, in order and with the frame's index, every
# ticket whether a policy applies or not", its columns the `metrics` of
# `slakit eval`, each business/calendar pair as two columns.
def test_metrics_frame_is_eval_metrics_per_ticket(rules):
    frame = with_events()
    frame.index = [10 * i for i in range(len(frame))]
    result = rules.metrics_frame(frame, NOW)
    assert list(result.index) == list(frame.index) and list(result["id"]) == list(frame["id"])
    assert result["sla"].isna().any(), "tickets without a policy have a row too"
    records = [{"id": r["id"], "created": r["created"].isoformat(), "events": r["events"],
                "ticket": {"priority": r["ticket.priority"]}, "contract": {"sla": r["contract.sla"]},
                "customer": {"region": r["customer.region"]}}
               for r in frame.to_dict("records")]
    expected = rules.evaluate_many(records, NOW)
    for (_, row), e in zip(result.iterrows(), expected):
        m = e["metrics"]
        assert row["sla"] == e["sla"]
        for name in PAIRS:
            for clock in ("business", "calendar"):
                value = row[f"{name}_{clock}"]
                want = None if m[name] is None else m[name][clock]
                assert (pd.isna(value) and want is None) or value == want, (name, clock)
        assert row["next_responses"] == m["next_responses"]
        for key in ("public_replies", "reopenings", "first_contact_resolution"):
            assert row[key] == m[key], key
    first = result.iloc[0]
    assert first["public_replies"] == 2 and first["reopenings"] == 1
    assert first["first_response_calendar"] == 2 * 3600


# python.md, "Result columns": one dtype per column whatever the rows hold;
# a failed ticket's row is empty but for `id` and `error`.
def test_metrics_frame_dtypes_do_not_depend_on_the_data(rules):
    good = with_events()
    mixed = good.copy()
    mixed.loc[1, "ticket.priority"] = "asap"
    results = [rules.metrics_frame(f, NOW) for f in (mixed, good, failing(good), good.iloc[:0])]
    for result in results:
        pd.testing.assert_series_equal(result.dtypes, results[0].dtypes)
    dtypes = results[0].dtypes
    assert str(dtypes["first_contact_resolution"]) == "boolean"
    assert all(str(dtypes[f"{p}_{c}"]) == "Int64" for p in PAIRS for c in ("business", "calendar"))
    assert str(dtypes["reopenings"]) == "Int64" and dtypes["sla"] == object
    bad = results[0].loc[1]
    assert "asap" in bad["error"] and bad["sla"] is None and pd.isna(bad["reopenings"])
    assert results[0]["error"].notna().sum() == 1
