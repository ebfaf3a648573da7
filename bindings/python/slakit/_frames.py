"""DataFrames of tickets (and events) to the JSON Lines records the one
ticket reader reads.

Columns go through pandas' vectorized ``to_json(orient="records",
lines=True)``, one column group at a time, the groups then joined line by
line; except the columns to_json would not write exactly: it keeps at most
15 significant digits of a float (10 by default), which do not read back as
the same float (4e-11 > 0 became 0.0 > 0). Those are written cell by cell
as a dict's values are (_convert), floats by ``repr``, the shortest text
that reads back as the same float, and spliced into the lines. The records
are therefore the ones route_many and evaluate_many write for the same
tickets as dicts (docs/python.md, "SLA evaluation").
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import warnings
from typing import Any, Dict, List, Optional, Sequence, Tuple

from ._convert import Failures, _bad_value, _BadValue, _is_missing, _json_text, _key, _shown

_OBJECTS = ("ticket", "customer", "contract", "order")
# What infer_dtype calls an object column to_json writes exactly: no float
# in it, nor a container that may hold one.
_WRITTEN_EXACTLY = frozenset({"string", "empty", "integer", "boolean", "datetime", "date"})
# What infer_dtype calls an object column that cannot hold a datetime object.
_NO_DATETIMES = frozenset({"string", "empty", "integer", "floating", "mixed-integer-float",
                           "boolean", "decimal", "bytes", "complex", "timedelta"})


def _prepared(frame, what: str, names: List[str]) -> Tuple[Any, Failures]:
    """The frame with the columns to_json would write in a form the reader
    does not take rewritten: timedeltas as whole seconds (not ISO 8601
    durations), dates as YYYY-MM-DD (not midnight datetimes). A naive
    datetime64 column is a ValueError, as naive datetimes are elsewhere: the
    column, not a row, is wrong. A cell the reader cannot take (a duration
    with a fraction of a second, a naive datetime among the objects of a
    column) is emptied and fails its row alone, with the message a dict's
    value gets, naming the ticket as ``names[row]`` does and the column
    (review 22 F1, F2: one such cell made the whole call raise)."""
    import pandas as pd

    changed = {}
    failures: Failures = {}

    def fail(rows, key: str, reason) -> None:
        for row in rows:
            failures.setdefault(row, f"{names[row]}{key}: {reason(row)}")

    for name, column in frame.items():
        dtype = column.dtype
        key = _key("", name)
        if (isinstance(dtype, pd.CategoricalDtype)
                and pd.api.types.infer_dtype(dtype.categories) not in _NO_DATETIMES):
            # Categories of dates, datetimes or durations are read as the
            # same values in an object column are (review 24 F9: a date was
            # written as a midnight datetime and failed every row).
            column = column.astype(object)
            dtype = column.dtype
            changed[name] = column
        if pd.api.types.is_datetime64_dtype(dtype):  # naive (aware is DatetimeTZDtype)
            raise ValueError(
                f"{what} column {name!r} holds naive datetimes: tz_localize it "
                "(slakit reads instants with their offset only)"
            )
        if pd.api.types.is_timedelta64_dtype(dtype):
            seconds = column.dt.total_seconds()
            fractional = (seconds % 1 != 0) & seconds.notna()
            rows = fractional.to_numpy().nonzero()[0].tolist()
            fail(rows, key, lambda row: f"duration {column.iloc[row]}: slakit counts whole seconds")
            changed[name] = seconds.where(~fractional).astype("Int64")
        elif dtype == object:
            # (Cells are looked at one by one only where a datetime may be.)
            no_datetimes = pd.api.types.infer_dtype(column, skipna=True) in _NO_DATETIMES
            cells = [] if no_datetimes else column.tolist()
            rows = [row for row, v in enumerate(cells) if isinstance(v, _dt.datetime)
                    and not _is_missing(v) and v.utcoffset() is None]
            if rows:
                fail(rows, key, lambda row: f"naive datetime {cells[row]}: tickets need "
                                            "timezone-aware datetimes")
                column = column.copy()
                column.iloc[rows] = None
                changed[name] = column
            first = column.dropna().head(1).tolist()
            if first and isinstance(first[0], _dt.date) and not isinstance(first[0], _dt.datetime):
                changed[name] = column.map(
                    lambda v: v.isoformat() if isinstance(v, _dt.date) else v, na_action="ignore"
                )
    return (frame.assign(**changed) if changed else frame), failures


def _records(frame, exact: Dict[Any, List[str]]) -> List[str]:
    """One JSON object per row: the columns in `exact` (each row's JSON
    text) spliced into what to_json writes for the others."""
    plain = [c for c in frame.columns if c not in exact]
    if plain:
        text = frame[plain].to_json(orient="records", lines=True, date_format="iso", date_unit="s")
        lines = text.splitlines()
    else:
        lines = ["{}"] * len(frame)
    spliced = [c for c in frame.columns if c in exact]
    if not spliced:
        return lines
    template = ",".join(json.dumps(str(c)).replace("%", "%%") + ":%s" for c in spliced)
    tails = [template % row for row in zip(*(exact[c] for c in spliced))]
    return [line[:-1] + ("" if line == "{}" else ",") + tail + "}" for line, tail in zip(lines, tails)]


def _float_texts(column) -> List[str]:
    """Each cell of a float column as JSON: repr, null for NaN (its
    infinities are emptied and failed before, _unwritable_cells)."""
    import numpy as np

    values = column.to_numpy(dtype=np.float64, na_value=np.nan)
    texts = list(map(repr, values.tolist()))
    for row in np.flatnonzero(~np.isfinite(values)).tolist():
        texts[row] = "null"
    return texts


def _exact_texts(frame, names: List[str], failures: Failures) -> Dict[Any, List[str]]:
    """Per column to_json would not write exactly (floats; an object or
    category column holding more than texts, integers, bools and instants),
    each row's JSON text, written as a dict's value is; a cell that cannot
    be (a set, an infinity) is null and fails its row, its message
    naming the ticket as ``names[row]`` does and the column."""
    import pandas as pd

    exact = {}
    for name, column in frame.items():
        if name == "events":  # a list column: written per row
            continue
        dtype = column.dtype
        if isinstance(dtype, pd.CategoricalDtype):
            column = column.astype(object)
            dtype = column.dtype
        if pd.api.types.is_float_dtype(dtype):
            exact[name] = _float_texts(column)
        elif pd.api.types.is_object_dtype(dtype):
            if pd.api.types.infer_dtype(column, skipna=True) not in _WRITTEN_EXACTLY:
                exact[name] = _cell_texts(column, _key("", name), names, failures)
    return exact


def _cell_texts(column, key: str, names: List[str], failures: Failures) -> List[str]:
    texts = []
    for row, value in enumerate(column.tolist()):
        try:
            texts.append("null" if value is None else _json_text(value, key))
        except _BadValue as bad:
            failures.setdefault(row, names[row] + str(bad))
            texts.append("null")
        except (TypeError, ValueError) as e:
            failures.setdefault(row, f"{names[row]}{key}: {e}")
            texts.append("null")
        except RecursionError:
            failures.setdefault(
                row, f"{names[row]}{key}: nested too deeply, or holds a value that contains itself")
            texts.append("null")
    return texts


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
            empty = np.nan  # the column stays floats, written exactly (_exact_texts)
        elif pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype):
            bad = _bad_objects(column)
            column = column.astype(object)
            empty = None
        else:
            continue
        if not bad:
            continue
        for row, reason in bad.items():
            failures.setdefault(row, f"{names[row]}{_key('', column_name)}: {reason}")
        emptied = column.copy()
        emptied.iloc[list(bad)] = empty
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


def _no_value(value: Any) -> bool:
    """None, NaN, NaT or NA: an empty cell (a row without an id, a ticket
    without events)."""
    import numpy as np

    if value is None or _is_missing(value):
        return True
    return isinstance(value, (float, np.floating)) and math.isnan(value)


def _id_text(value: Any) -> Optional[str]:
    """An id as the reader reads it: a text as itself, an integer (Python's
    or numpy's, not a bool) as its decimal text; None for any other."""
    import numpy as np

    if isinstance(value, str):
        return value
    if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)):
        return str(int(value))
    return None


def frame_ids(column) -> Tuple[List[Optional[str]], Failures]:
    """The cells of a frame's ``id`` column as the ids the reader reads
    (docs/python.md, "Ids in a frame"): texts and integers (as decimal
    text); None for a row without an id, which the reader rejects as every
    ticket needs one; and per row the message for any other value, which
    fails its row (None in the ids)."""
    import pandas as pd

    if pd.api.types.is_integer_dtype(column.dtype) and not column.hasnans:
        return list(map(str, column.tolist())), {}
    ids: List[Optional[str]] = []
    refused: Failures = {}
    for row, value in enumerate(column.tolist()):
        text = _id_text(value)
        if text is None and not _no_value(value):
            refused[row] = _refused_id(row, value)
        ids.append(text)
    return ids, refused


def _refused_id(row: int, value: Any) -> str:
    message = f"row {row}: id: expected a text or an integer, got {type(value).__name__} {_shown(str(value))}"
    if isinstance(value, float) and value.is_integer():
        message += ' (an integer column with a missing value reads as floats: astype("Int64") keeps it integers)'
    return message


def _row_names(ids: Optional[List[Optional[str]]], n: int) -> List[str]:
    """Each row's ticket as messages name it ("ticket 'T-1': ")."""
    if ids is None:
        return [""] * n
    return [f"ticket '{_shown(v)}': " if v is not None else "" for v in ids]


def _warn_misspelt_columns(columns, fields: Sequence[str]) -> None:
    """A warning for each dotted column that names no field of the rule set
    but is close to one: most likely a typo, whose values every rule would
    otherwise miss without a word (review 18 F8). Other unknown columns are
    an export's extra fields, read as the CLI reads extra keys: ignored."""
    import difflib

    known = set(fields)
    for c in columns:
        name = str(c)
        if "." not in name or name in known:
            continue
        close = difflib.get_close_matches(name, fields, n=1, cutoff=0.85)
        if close:
            warnings.warn(f"column {name!r} names no field of the rule set; did you mean "
                          f"{close[0]!r}? (no rule reads it)", stacklevel=4)


def _warn_repeated_ids(ids: Optional[List[Optional[str]]]) -> None:
    """A warning when rows repeat an id (review 22 F3): each row is read as
    a ticket of its own, so a ticket exported twice counts twice in every
    figure made from the result, and the events frame's events go to every
    row of their id."""
    if ids is None:
        return
    present = [i for i in ids if i is not None]
    if len(set(present)) == len(present):
        return
    first_row: Dict[str, int] = {}
    repeats, example = 0, ""
    for row, i in enumerate(ids):
        if i is None:
            continue
        if i not in first_row:
            first_row[i] = row
            continue
        repeats += 1
        if not example:
            example = f"ticket '{_shown(i)}' in rows {first_row[i]} and {row}"
    warnings.warn(f"{repeats} row{'s' if repeats != 1 else ''} of the tickets frame repeat the id "
                  f"of an earlier row ({example}): each row is read as a ticket of its own, "
                  "so a repeated ticket counts twice", stacklevel=4)


def lines_of_frame(tickets, events=None, fields: Sequence[str] = ()) -> Tuple[str, Failures]:
    """A DataFrame of tickets (and optionally one of events) as JSON Lines,
    and the rows that cannot be written (a value JSON cannot carry, an id of
    no kind of id), each with its message; their lines hold the rest of the
    row.

    Columns: ``id``, ``created``, ``events`` (a list column), and
    ``ticket.x``, ``customer.x``, ``contract.x``, ``order.x`` for the keys of
    those objects. ``events`` is a second frame with a ``ticket`` column
    holding the ticket's id and the event's keys as columns. ``fields``:
    the rule set's field paths, to warn about a misspelt column.
    """
    import pandas as pd

    if not isinstance(tickets, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame of tickets, not {type(tickets).__name__}")
    _warn_misspelt_columns(tickets.columns, fields)
    n = len(tickets)
    tickets = tickets.reset_index(drop=True)
    owners = tickets["id"].tolist() if "id" in tickets.columns else None
    ids, failures = frame_ids(tickets["id"]) if owners is not None else (None, {})
    names = _row_names(ids, n)
    tickets, bad_values = _prepared(tickets, "tickets", names)
    if n == 0:
        return "", {}
    _warn_repeated_ids(ids)
    for row, message in bad_values.items():
        failures.setdefault(row, message)
    if ids is not None:
        tickets = tickets.assign(id=pd.Series(ids, dtype=object))
    tickets, bad_cells = _unwritable_cells(tickets, names)
    for row, message in bad_cells.items():
        failures.setdefault(row, message)
    exact = _exact_texts(tickets, names, failures)
    top = [c for c in tickets.columns if "." not in str(c) and c != "events"]
    parts: List[List[str]] = [_records(tickets[top], exact) if top else ["{}"] * n]
    keys: List[str] = []
    for obj in _OBJECTS:
        cols = [c for c in tickets.columns if str(c).startswith(obj + ".")]
        if cols:
            short = {c: str(c)[len(obj) + 1 :] for c in cols}
            sub = tickets[cols].rename(columns=short)
            parts.append(_records(sub, {short[c]: exact[c] for c in cols if c in exact}))
            keys.append(obj)
    event_lists = _event_lists(tickets, owners, events, names, failures)
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


def _event_lists(tickets, owners, events, names: List[str], failures: Failures) -> Optional[List[str]]:
    """Each ticket's events as a JSON list; an event value JSON cannot carry
    fails its ticket (into `failures`), naming the event as the reader does
    ("events[0].value"). Events in a frame belong to the ticket whose `id`
    cell (in `owners`, the frame's own values) equals their `ticket` cell,
    as pandas.merge matches."""
    import pandas as pd

    if "events" in tickets.columns:
        if events is not None:
            raise ValueError("events given twice: as a column and as a frame")
        import numpy as np

        # A list of event dicts; a numpy array is what a list column read
        # from Parquet holds.
        sequences = (list, tuple, np.ndarray)
        lists = []
        for row, cell in enumerate(tickets["events"]):
            if _no_value(cell):  # a ticket without events (a left merge's NaN)
                lists.append("[]")
                continue
            if not isinstance(cell, sequences):  # list(dict) would be its keys
                failures.setdefault(row, f"{names[row]}events: expected a list of events, got "
                                         f"{type(cell).__name__} {_shown(str(cell))[:80]}")
                lists.append("[]")
                continue
            try:
                lists.append(_json_text(list(cell), "events"))
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
    events = events.reset_index(drop=True)
    if owners is None:
        raise ValueError("events in a second frame need an 'id' column in the tickets frame")
    event_owners = events["ticket"].tolist()
    # An event's place in its ticket's list, as the reader counts it.
    places = events.groupby("ticket", sort=False, dropna=False).cumcount().tolist()
    event_names = [f"events[{k}]." for k in places]
    events, bad_values = _prepared(events.drop(columns=["ticket"]), "events", event_names)
    events, bad_events = _unwritable_cells(events, event_names)
    for j, message in bad_values.items():
        bad_events.setdefault(j, message)
    exact = _exact_texts(events, event_names, bad_events)
    bad_by_ticket: dict = {}
    for j, message in bad_events.items():
        bad_by_ticket.setdefault(event_owners[j], message)
    lines = _records(events, exact) if len(events) else []
    by_ticket: dict = {}
    for ticket, line in zip(event_owners, lines):
        by_ticket.setdefault(ticket, []).append(line)
    # Events whose ticket is in no row are left out, as a merge leaves them
    # (an events export may hold more tickets than the frame). But one that
    # names a row's id as another type ('7' for 7) is a slip that drops
    # every event without a word: that is said.
    rows = set(owners)
    texts = {str(o): o for o in owners}
    slips = [t for t in by_ticket if t not in rows and str(t) in texts]
    if slips:
        count = sum(len(by_ticket[t]) for t in slips)
        first, row_id = slips[0], texts[str(slips[0])]
        warnings.warn(f"{count} event{'s' if count != 1 else ''} of the events frame left out: "
                      f"their ticket ids are of another type than the tickets frame's "
                      f"({first!r}, {type(first).__name__}, against {row_id!r}, "
                      f"{type(row_id).__name__}); ids match by type and value", stacklevel=4)
    for row, t in enumerate(owners):
        if t in bad_by_ticket:
            failures.setdefault(row, names[row] + bad_by_ticket[t])
    return ["[" + ",".join(by_ticket.get(t, ())) + "]" for t in owners]
