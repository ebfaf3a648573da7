"""The columns of the frames evaluate_frame and route_frame return, each
with one dtype whatever the data (docs/python.md, "Result columns"): the
same for a frame with failed rows, without, and an empty one, so that the
frames of Dask's partitions agree with each other and with the meta made
from an empty frame.
"""

from __future__ import annotations

from typing import List, Sequence, Tuple

TEXT = "text"  # object: str or None
INTEGER = "integer"  # nullable Int64 (whole seconds, counts)
INSTANT = "instant"  # datetime64[ns, UTC], NaT for none
LIST = "list"  # object: a list, or None on a failed row
BOOLEAN = "boolean"  # pandas' nullable boolean, <NA> on a failed row

# evaluate_frame: one row per target cycle; the cycle's fields in the CLI's order.
CYCLE = [
    ("sla", TEXT), ("kind", TEXT), ("policy", TEXT), ("metric", TEXT), ("cycle", INTEGER),
    ("state", TEXT), ("team", TEXT), ("start", INSTANT), ("stop", INSTANT), ("due", INSTANT),
    ("breached_at", INSTANT), ("cancelled_at", INSTANT), ("target", INTEGER),
    ("remaining", INTEGER), ("overdue", INTEGER), ("overdue_calendar", INTEGER),
    ("business_elapsed", INTEGER), ("calendar_elapsed", INTEGER), ("pauses", LIST),
    ("warnings", LIST), ("escalations", LIST), ("error", TEXT),
]
# metrics_frame: one row per ticket, the `metrics` of `slakit eval`, each
# {"business", "calendar"} pair as two columns.
_TIMES = ("first_response", "next_response_average", "handling", "resolution")
METRICS = (
    [("sla", TEXT)]
    + [(f"{m}_{clock}", INTEGER) for m in _TIMES for clock in ("business", "calendar")]
    + [("next_responses", LIST), ("public_replies", INTEGER), ("reopenings", INTEGER),
       ("first_contact_resolution", BOOLEAN), ("error", TEXT)]
)


# route_frame: one row per ticket, the fields `slakit route` writes.
ROUTING = [
    ("queue", TEXT), ("team", TEXT), ("priority", TEXT), ("sla", TEXT), ("skills", LIST),
    ("relaxed_skills", LIST), ("tags", LIST), ("rule", TEXT), ("rules", LIST),
]
AGENT = [("agent", TEXT), ("agent_why", TEXT)]
ERROR = [("error", TEXT)]


def _typed(column, kind: str):
    """A column of ``from_records`` (its dtype whatever the values made it:
    float64 for integers with a gap, float64 for texts all missing) in the
    dtype of its kind."""
    import pandas as pd

    if kind == INTEGER:
        return column.astype("Int64")
    if kind == INSTANT:
        return pd.to_datetime(column, utc=True)
    if kind == BOOLEAN:
        return column.astype("boolean")
    column = column.astype(object)
    return column.where(column.notna(), None)


def frame(tickets, owners: Sequence[int], rows: List[dict], schema: List[Tuple[str, str]],
          index=None):
    """The result frame: ``id`` first, the frame's own id of row ``owners[k]``
    of ``tickets`` in its own dtype (None without an id column), then the
    columns of ``schema`` from ``rows`` (a key a row lacks is empty);
    ``index`` as given (None: 0, 1, ...)."""
    import pandas as pd

    names = [name for name, _ in schema]
    records = pd.DataFrame.from_records(rows, columns=names)
    columns = {"id": _ids(tickets, owners)}
    for name, kind in schema:
        columns[name] = _typed(records[name], kind)
    result = pd.DataFrame(columns)
    if index is not None:
        result.index = index
    return result


def columns_frame(tickets, columns: dict, schema: List[Tuple[str, str]]):
    """The result frame from the columns C++ made (frame_columns.cpp):
    ``owners`` (each row's ticket, its position in ``tickets``; without it a
    row per ticket), and the values of every column of ``schema``: a list
    for texts and lists, (values, missing) arrays for integers and
    booleans, int64 nanoseconds with NaT for instants. Each row keeps its
    ticket's index label."""
    import numpy as np
    import pandas as pd

    owners = columns.get("owners")
    one_per_ticket = owners is None
    if one_per_ticket:
        owners = np.arange(len(tickets))
    data = {"id": _ids(tickets, owners)}
    for name, kind in schema:
        value = columns[name]
        if kind == INTEGER:
            data[name] = pd.Series(pd.arrays.IntegerArray(*value))
        elif kind == BOOLEAN:
            data[name] = pd.Series(pd.arrays.BooleanArray(*value))
        elif kind == INSTANT:
            data[name] = pd.Series(value.view("datetime64[ns]")).dt.tz_localize("UTC")
        else:
            data[name] = pd.Series(value, dtype=object)
    result = pd.DataFrame(data)
    # (A row per ticket keeps the index itself, its freq included.)
    result.index = tickets.index if one_per_ticket else tickets.index[owners]
    return result


def _ids(tickets, owners: Sequence[int]):
    import pandas as pd

    if "id" not in tickets.columns:
        return pd.Series([None] * len(owners), dtype=object)
    return tickets["id"].iloc[list(owners)].reset_index(drop=True)
