"""Tickets from Python to the JSON Lines records the one ticket reader reads.

Dicts go through the C-accelerated ``json`` module; DataFrames through
pandas' vectorized ``to_json(orient="records", lines=True)``, one column
group at a time, the groups then joined line by line. Either way the
records are exactly what ``slakit eval`` and ``slakit route`` read
(docs/cli.md lists the keys), so the same reader reads them.
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any, Iterable, List, Optional

_OBJECTS = ("ticket", "customer", "contract", "order")


def _json_default(value: Any) -> Any:
    if isinstance(value, _dt.datetime):
        if value.utcoffset() is None:
            raise ValueError(f"naive datetime {value}: tickets need timezone-aware datetimes")
        return value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, _dt.timedelta):
        seconds = value.total_seconds()
        if seconds != int(seconds):
            raise ValueError(f"duration {value}: slakit counts whole seconds")
        return int(seconds)
    item = getattr(value, "item", None)  # numpy scalars
    if item is not None:
        return item()
    if hasattr(value, "isoformat"):  # pandas.Timestamp
        return _json_default(value.to_pydatetime())
    raise TypeError(f"{type(value).__name__} is not a ticket value")


def dumps(record: dict) -> str:
    """One ticket record as one JSON line."""
    if not isinstance(record, dict):
        raise TypeError(f"a ticket is a dict, not {type(record).__name__}")
    return json.dumps(record, default=_json_default, separators=(",", ":"))


def lines_of_dicts(tickets: Iterable[dict]) -> str:
    return "\n".join(map(dumps, tickets))


def _prepared(frame, what: str):
    """The frame with the columns to_json would write in a form the reader
    does not take rewritten: timedeltas as whole seconds (not ISO 8601
    durations), dates as YYYY-MM-DD (not midnight datetimes). Naive
    datetime columns are a ValueError, as naive datetimes are elsewhere."""
    import pandas as pd

    changed = {}
    for name, column in frame.items():
        dtype = column.dtype
        if pd.api.types.is_datetime64_dtype(dtype):  # naive (aware is DatetimeTZDtype)
            raise ValueError(
                f"{what} column {name!r} holds naive datetimes: tz_localize it "
                "(slakit reads instants with their offset only)"
            )
        if pd.api.types.is_timedelta64_dtype(dtype):
            seconds = column.dt.total_seconds()
            if (seconds.dropna() % 1 != 0).any():
                raise ValueError(f"{what} column {name!r}: slakit counts whole seconds")
            changed[name] = seconds.astype("Int64")
        elif dtype == object:
            first = column.dropna().head(1).tolist()
            if first and isinstance(first[0], _dt.date) and not isinstance(first[0], _dt.datetime):
                changed[name] = column.map(
                    lambda v: v.isoformat() if isinstance(v, _dt.date) else v, na_action="ignore"
                )
    return frame.assign(**changed) if changed else frame


def _records(frame) -> List[str]:
    text = frame.to_json(orient="records", lines=True, date_format="iso", date_unit="s")
    return text.splitlines()


def lines_of_frame(tickets, events=None) -> str:
    """A DataFrame of tickets (and optionally one of events) as JSON Lines.

    Columns: ``id``, ``created``, ``events`` (a list column), and
    ``ticket.x``, ``customer.x``, ``contract.x``, ``order.x`` for the keys of
    those objects. ``events`` is a second frame with a ``ticket`` column
    holding the ticket's id and the event's keys as columns.
    """
    import pandas as pd

    if not isinstance(tickets, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame of tickets, not {type(tickets).__name__}")
    tickets = _prepared(tickets, "tickets")
    n = len(tickets)
    if n == 0:
        return ""
    tickets = tickets.reset_index(drop=True)
    top = [c for c in tickets.columns if "." not in str(c) and c != "events"]
    parts: List[List[str]] = [_records(tickets[top]) if top else ["{}"] * n]
    keys: List[str] = []
    for obj in _OBJECTS:
        cols = [c for c in tickets.columns if str(c).startswith(obj + ".")]
        if cols:
            sub = tickets[cols].rename(columns=lambda c: str(c)[len(obj) + 1 :])
            parts.append(_records(sub))
            keys.append(obj)
    event_lists = _event_lists(tickets, events)
    if event_lists is not None:
        parts.append(event_lists)
        keys.append("events")
    # '{"id":...}' + ',"ticket":{...}' + ...: each part is a whole JSON value.
    prefixes = [f',"{k}":' for k in keys]

    def join(first: str, *rest: str) -> str:
        body = first[:-1]
        for prefix, value in zip(prefixes, rest):
            body += (prefix[1:] if body == "{" else prefix) + value
        return body + "}"

    return "\n".join(map(join, *parts))


def _event_lists(tickets, events) -> Optional[List[str]]:
    import pandas as pd

    if "events" in tickets.columns:
        if events is not None:
            raise ValueError("events given twice: as a column and as a frame")
        return [
            json.dumps(list(e) if e is not None else [], default=_json_default, separators=(",", ":"))
            for e in tickets["events"]
        ]
    if events is None:
        return None
    if not isinstance(events, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame of events, not {type(events).__name__}")
    if "ticket" not in events.columns:
        raise ValueError("the events frame needs a 'ticket' column holding the ticket's id")
    events = _prepared(events, "events")
    if "id" not in tickets.columns:
        raise ValueError("events in a second frame need an 'id' column in the tickets frame")
    lines = _records(events.drop(columns=["ticket"])) if len(events) else []
    by_ticket: dict = {}
    for ticket, line in zip(events["ticket"].tolist(), lines):
        by_ticket.setdefault(ticket, []).append(line)
    return ["[" + ",".join(by_ticket.get(t, ())) + "]" for t in tickets["id"].tolist()]
