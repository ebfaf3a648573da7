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
import math
from typing import Any, Dict, Iterable, List, Optional, Tuple

from . import _core

_OBJECTS = ("ticket", "customer", "contract", "order")

# Per ticket (its position in the batch): the message of a ticket Python
# could not turn into a record. Its line is a placeholder; the caller puts
# the message in its entry.
Failures = Dict[int, str]
# A placeholder line: read (and rejected) like any other, so that every
# ticket keeps its line number; its error is replaced by the real one.
_PLACEHOLDER = "{}"


def _is_missing(value: Any) -> bool:
    """pandas' missing values (NaT, NA), which hold no value to write."""
    return type(value).__name__ in ("NaTType", "NAType")


def _json_default(value: Any) -> Any:
    if _is_missing(value):
        return None
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


class _BadValue(Exception):
    """A value no JSON record can carry, at `path` ("order.value")."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")


def _shown(text: str) -> str:
    """Text as a message can hold it: a lone surrogate as its escape."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _key(path: str, key: Any) -> str:
    key = _shown(key) if isinstance(key, str) else str(key)
    return f"{path}.{key}" if path else key


def _bad_value(value: Any) -> Optional[str]:
    """Why `value` (a cell, an item) cannot go into a record, or None."""
    if isinstance(value, float) and math.isinf(value):
        return f"got {value}: a ticket's numbers are finite (JSON has no infinity)"
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return f"text '{_shown(value)}' holds a lone surrogate, which is not Unicode text"
    return None


def _cleaned(value: Any, path: str) -> Any:
    """`value` as plain JSON values: NaN (like None and pandas' NaT and NA)
    is no value, written as null, which the reader takes as a key left out
    (docs/cli.md); infinities and lone surrogates raise _BadValue naming
    the path. Only tickets the fast path cannot write come here."""
    if value is None or isinstance(value, (bool, int)):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return None
    elif isinstance(value, dict):
        return {_cleaned(k, _key(path, k)) if isinstance(k, str) else k: _cleaned(v, _key(path, k))
                for k, v in value.items()}
    elif isinstance(value, (list, tuple)):
        return [_cleaned(v, f"{path}[{i}]") for i, v in enumerate(value)]
    elif not isinstance(value, str):
        return _cleaned(_json_default(value), path)
    reason = _bad_value(value)
    if reason is not None:
        raise _BadValue(path, reason)
    return value


def _ticket_name(record: dict) -> str:
    name = record.get("id")
    return f"ticket '{_shown(name)}': " if isinstance(name, str) else ""


def _json_text(value: Any, path: str) -> str:
    """`value` as JSON text; raises _BadValue for a value JSON cannot carry."""
    try:
        text = json.dumps(value, default=_json_default, separators=(",", ":"), allow_nan=False)
        # json escapes every non-ASCII code point, so a lone surrogate shows
        # as one; the rare text that merely holds "\\ud" or a character
        # past U+FFFF is checked, and passes.
        if "\\ud" not in text:
            return text
    except ValueError:  # NaN or infinity; or a naive datetime, raised again below
        pass
    return json.dumps(_cleaned(value, path), separators=(",", ":"))


def _dumps(record: Any, error) -> str:
    """`record` as one JSON line; a value JSON cannot carry raises what
    ``error(record, message)`` makes."""
    if not isinstance(record, dict):
        raise TypeError(f"a ticket is a dict, not {type(record).__name__}")
    try:
        return _json_text(record, "")
    except _BadValue as e:
        raise error(record, str(e)) from None


def _ticket_error(record: dict, message: str) -> Exception:
    return _core.TicketError(_ticket_name(record) + message)


def dumps(record: dict) -> str:
    """One ticket record as one JSON line. Raises TypeError for a ticket
    that is not a dict, slakit.TicketError naming the ticket and the key for
    a value JSON cannot carry (an infinity, a lone surrogate)."""
    return _dumps(record, _ticket_error)


def lines_of_tickets(tickets: Iterable[Any]) -> Tuple[str, Failures]:
    """Tickets as JSON Lines, one line each; a ticket that cannot be written
    (not a dict, a value JSON cannot carry) gets a placeholder line and its
    message in the failures, so that it fails alone."""
    lines: List[str] = []
    failures: Failures = {}
    for i, ticket in enumerate(tickets):
        try:
            lines.append(dumps(ticket))
        except _core.TicketError as e:
            lines.append(_PLACEHOLDER)
            failures[i] = str(e)
        except TypeError as e:  # not a dict, or a value of no ticket type (a set)
            lines.append(_PLACEHOLDER)
            failures[i] = (_ticket_name(ticket) if isinstance(ticket, dict) else "") + str(e)
    return "\n".join(lines), failures


def lines_of_dicts(items: Iterable[dict], what: str) -> str:
    """Dicts (agents) as JSON Lines; a value JSON cannot carry raises
    slakit.InvalidArgument naming the item as ``what[i]``."""

    def one(i: int, item: dict) -> str:
        return _dumps(item, lambda _, m: _core.InvalidArgument(f"{what}[{i}]: {m}"))

    return "\n".join(one(i, item) for i, item in enumerate(items))


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


def _unwritable_cells(frame, names: List[str]) -> Tuple[Any, Failures]:
    """The frame with each cell JSON cannot carry (an infinity, which
    to_json would write as null, or a text with a lone surrogate, which it
    cannot write at all) emptied, and per row the message of its first such
    cell, naming the ticket as ``names[row]`` does and the column."""
    import numpy as np
    import pandas as pd

    failures: Failures = {}
    changed = {}
    for column_name, column in frame.items():
        if column_name == "events":  # a list column: written per row
            continue
        dtype = column.dtype
        if pd.api.types.is_float_dtype(dtype):
            values = column.to_numpy(dtype=np.float64, na_value=np.nan)
            bad = {int(i): _bad_value(float(values[i])) for i in np.flatnonzero(np.isinf(values))}
        elif pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype):
            bad = _bad_objects(column)
        else:
            continue
        if not bad:
            continue
        for row, reason in bad.items():
            failures.setdefault(row, f"{names[row]}{_key('', column_name)}: {reason}")
        emptied = column.astype(object)
        emptied.iloc[list(bad)] = None
        changed[column_name] = emptied
    return (frame.assign(**changed) if changed else frame), failures


def _bad_objects(column) -> Dict[int, str]:
    """{row: reason} for the cells of an object column JSON cannot carry.
    Each distinct value is checked once (a hash pass in C), the rows only
    when one is bad; unhashable cells (lists) are checked one by one."""
    import pandas as pd

    try:
        distinct = pd.unique(column)
    except TypeError:
        distinct = column.tolist()
    reasons = {}
    for value in distinct:
        reason = _bad_value(value)
        if reason is not None:
            reasons[value] = reason
    if not reasons:
        return {}
    return {i: reasons[v] for i, v in enumerate(column.tolist())
            if isinstance(v, (str, float)) and v in reasons}


def _row_names(tickets) -> List[str]:
    """Each row's ticket as messages name it ("ticket 'T-1': "), from the
    id column."""
    if "id" not in tickets.columns:
        return [""] * len(tickets)
    return [f"ticket '{_shown(v)}': " if isinstance(v, str) else "" for v in tickets["id"]]


def lines_of_frame(tickets, events=None) -> Tuple[str, Failures]:
    """A DataFrame of tickets (and optionally one of events) as JSON Lines,
    and the rows that cannot be written (a value JSON cannot carry), each
    with its message; their lines hold the rest of the row.

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
        return "", {}
    tickets = tickets.reset_index(drop=True)
    names = _row_names(tickets)
    tickets, failures = _unwritable_cells(tickets, names)
    top = [c for c in tickets.columns if "." not in str(c) and c != "events"]
    parts: List[List[str]] = [_records(tickets[top]) if top else ["{}"] * n]
    keys: List[str] = []
    for obj in _OBJECTS:
        cols = [c for c in tickets.columns if str(c).startswith(obj + ".")]
        if cols:
            sub = tickets[cols].rename(columns=lambda c: str(c)[len(obj) + 1 :])
            parts.append(_records(sub))
            keys.append(obj)
    event_lists = _event_lists(tickets, events, names, failures)
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

    return "\n".join(map(join, *parts)), failures


def _event_lists(tickets, events, names: List[str], failures: Failures) -> Optional[List[str]]:
    """Each ticket's events as a JSON list; an event value JSON cannot carry
    fails its ticket (into `failures`), naming the event as the reader does
    ("events[0].value")."""
    import pandas as pd

    if "events" in tickets.columns:
        if events is not None:
            raise ValueError("events given twice: as a column and as a frame")
        lists = []
        for row, e in enumerate(tickets["events"]):
            try:
                lists.append(_json_text(list(e) if e is not None else [], "events"))
            except _BadValue as bad:
                failures.setdefault(row, names[row] + str(bad))
                lists.append("[]")
        return lists
    if events is None:
        return None
    if not isinstance(events, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame of events, not {type(events).__name__}")
    if "ticket" not in events.columns:
        raise ValueError("the events frame needs a 'ticket' column holding the ticket's id")
    events = _prepared(events, "events").reset_index(drop=True)
    if "id" not in tickets.columns:
        raise ValueError("events in a second frame need an 'id' column in the tickets frame")
    owners = events["ticket"].tolist()
    # An event's place in its ticket's list, as the reader counts it.
    places = events.groupby("ticket", sort=False, dropna=False).cumcount().tolist()
    events, bad_events = _unwritable_cells(
        events.drop(columns=["ticket"]), [f"events[{k}]." for k in places]
    )
    bad_by_ticket: dict = {}
    for j, message in bad_events.items():
        bad_by_ticket.setdefault(owners[j], message)
    lines = _records(events) if len(events) else []
    by_ticket: dict = {}
    for ticket, line in zip(owners, lines):
        by_ticket.setdefault(ticket, []).append(line)
    ids = tickets["id"].tolist()
    for row, t in enumerate(ids):
        if t in bad_by_ticket:
            failures.setdefault(row, names[row] + bad_by_ticket[t])
    return ["[" + ",".join(by_ticket.get(t, ())) + "]" for t in ids]
