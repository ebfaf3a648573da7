"""Routing a DataFrame by its columns (slakit::route_columns).

Each column goes to C++ as numpy arrays, texts as codes into their distinct
values, so a million rows route without a Python object per row; the result
comes back as one outcome index per row into the batch's distinct routings,
from which the result frame is built with numpy indexing.
"""

from __future__ import annotations

import json
from collections.abc import Hashable

from . import _convert, _core, _frames

_FAILED = 0xFFFFFFFF
_TEXTS = ("queue", "team", "priority", "sla", "rule")
_LISTS = ("skills", "relaxed_skills", "tags", "rules")
# route_frame's columns, in its order (docs/python.md: "the same columns in
# the same order").
_ORDER = ("queue", "team", "priority", "sla", "skills", "relaxed_skills", "tags", "rule", "rules")
# The creation instant of a probe record (_probed): route_columns routes at
# creation and reads no instant, so any valid one serves but the epoch,
# which reads as a `created` left unset when a route relaxes skills
# (docs/routing.md).
_PROBE_CREATED = "2000-01-01T00:00:00Z"


# A category that is no text (see _text_or_bad).
_BAD = object()


def _text_or_bad(value):
    """A category of a text column as route_frame would read it: the text
    itself, the text JSON writes for it (a datetime, a numpy str), None for
    no value; or _BAD for a value the reader rejects as a text (a number, a
    bool) or JSON cannot carry (a lone surrogate)."""
    if isinstance(value, str):
        return value if _convert._bad_value(value) is None else _BAD
    try:
        text = json.loads(_convert._json_text(value, ""))
    except (TypeError, ValueError, _convert._BadValue):
        return _BAD
    return text if text is None or isinstance(text, str) else _BAD


def _column(name, series):
    """(path, kind, arrays...) for _core._route_columns, and the rows whose
    cell is no value of the column's kind (a number in a text column, an
    infinity): those go to C++ as no value and fail alone (_probed)."""
    import numpy as np
    import pandas as pd

    dtype = series.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        codes = series.cat.codes.to_numpy(dtype=np.int32)
        categories = list(series.cat.categories)
    elif pd.api.types.is_bool_dtype(dtype):
        flags = series.to_numpy(dtype=np.int8, na_value=-1) if series.hasnans else series.to_numpy(np.int8)
        return (name, "flags", flags), np.empty(0, dtype=np.intp)
    elif pd.api.types.is_numeric_dtype(dtype):
        numbers = series.to_numpy(dtype=np.float64, na_value=np.nan)
        bad_rows = np.flatnonzero(np.isinf(numbers))
        if len(bad_rows):
            numbers = numbers.copy()
            numbers[bad_rows] = np.nan
        return (name, "numbers", numbers), bad_rows
    elif pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype):
        try:
            factor, uniques = pd.factorize(series, use_na_sentinel=True)
        except TypeError:  # a dict or list cell: no text, it fails its row
            hashable = series.map(lambda v: v if isinstance(v, Hashable) else _BAD)
            factor, uniques = pd.factorize(hashable, use_na_sentinel=True)
        codes = factor.astype(np.int32)
        categories = list(uniques)
    else:
        raise TypeError(f"column '{name}': route_columns reads texts, categories, numbers and "
                        f"bools, not {dtype}; route_frame reads every field")
    bad_rows = np.empty(0, dtype=np.intp)
    if not all(isinstance(c, str) for c in categories) or any(map(_convert._bad_value, categories)):
        texts = [_text_or_bad(c) for c in categories]
        bad = np.array([t is _BAD for t in texts] + [False], dtype=bool)  # [-1]: no value
        none = np.array([t is None for t in texts] + [True], dtype=bool)
        bad_rows = np.flatnonzero(bad[codes])
        codes = np.where(none[codes] | bad[codes], -1, codes).astype(np.int32)
        categories = [t if isinstance(t, str) else "" for t in texts]
    return (name, "categories", codes, categories), bad_rows


def _probed(self, tickets, names, rows, ids):
    """{row: message} for the rows with a cell of the wrong kind, each
    routed as route_frame routes it (the same record of its id and its
    dotted columns, through the one ticket reader), so that its message is
    route_frame's. A row the reader takes had its odd cell in a field no
    route reads, and keeps the routing it got without it."""
    records = []
    for row in rows:
        # A missing id (None) is a key left out: route_frame's own error.
        record = {"id": ids[row] if ids is not None else f"row {row}", "created": _PROBE_CREATED}
        for name in names:
            obj, key = name.split(".", 1)
            record.setdefault(obj, {})[key] = tickets[name].iat[row]
        records.append(record)
    text, failures = _convert.lines_of_tickets(records)
    _, errors = _core._route_lines(self, text, None, False, None)
    messages = {}
    for k, row in enumerate(rows):
        message = failures.get(k, errors[k])
        if message is not None:
            messages[row] = message
    return messages


def _duplicate(columns):
    """The first column name given twice, or None."""
    twice = columns[columns.duplicated()]
    return twice[0] if len(twice) else None


def route_columns(self, tickets):
    """Routing of a DataFrame of tickets by its columns, much faster than
    route_frame on large frames (docs/python.md). Columns are named by field
    path (``ticket.priority``, ``customer.tier``, ``order.value``...; other
    names without a dot, such as ``created``, are not read) and an optional
    ``id`` (texts or integers, read as route_frame reads them). Texts may be object, string or category columns (None or NaN:
    no value), numbers any numeric dtype (NaN: no value), bools bool or
    boolean columns.

    Returns a DataFrame with the frame's index and route_frame's columns in
    its order: ``id`` when given, ``queue``, ``team``, ``priority``, ``sla``
    and ``rule`` as categoricals, ``skills``, ``relaxed_skills`` (pairs of
    skill and wait in seconds: the rows are routed at creation), ``tags``
    and ``rules`` as tuples shared by the rows that route alike, and
    ``error``: the message for a row whose
    value does not fit its field (a cell of another kind, such as a number
    in a text column, fails its row with route_frame's message), else None.
    Raises slakit.InvalidArgument naming a column of a field the rule set
    lacks, of a kind its field cannot take, or given twice; TypeError for a
    dtype it cannot read."""
    import numpy as np
    import pandas as pd

    read = [n for n in tickets.columns if n == "id" or (isinstance(n, str) and "." in n)]
    twice = _duplicate(pd.Index(read))
    if twice is not None:
        raise _core.InvalidArgument(
            f"column '{twice}' is given {read.count(twice)} times: each field (and id) "
            "takes one column"
        )
    ids = None
    refused = {}
    columns = []
    names = []
    odd_rows = set()
    for name in read:
        if name == "id":
            # Ids as route_frame reads them: no id (None, NaN, NA) fails its
            # row as route_frame fails it; an id of another kind is refused.
            ids, refused = _frames.frame_ids(tickets["id"])
            odd_rows.update(i for i, x in enumerate(ids) if x is None and i not in refused)
            continue
        column, bad_rows = _column(name, tickets[name])
        columns.append(column)
        names.append(name)
        odd_rows.update(bad_rows.tolist())
    shown_ids = None if ids is None else ["" if x is None else x for x in ids]
    if ids is not None:
        try:
            "".join(shown_ids).encode("utf-8")  # one pass in C
        except UnicodeEncodeError:  # an id with a lone surrogate: its row fails alone
            odd_rows.update(i for i, x in enumerate(shown_ids) if _convert._bad_value(x) is not None)
            shown_ids = [_convert._shown(x) for x in shown_ids]
    outcome, routings, failures = _core._route_columns(self, len(tickets), columns, shown_ids)
    if odd_rows:
        probed = _probed(self, tickets, names, sorted(odd_rows), ids)
        outcome[list(probed)] = _FAILED
        failures = sorted({**dict(failures), **probed}.items())
    if refused:
        outcome[list(refused)] = _FAILED
        failures = sorted({**dict(failures), **refused}.items())
    # Row i's outcome, with failed rows pointing past the last routing.
    index = outcome.astype(np.int64)
    index[outcome == _FAILED] = len(routings)
    result = {}
    if ids is not None:
        result["id"] = tickets["id"].to_numpy()
    for key in _TEXTS:
        values = [r[key] for r in routings]
        categories = sorted({v for v in values if v is not None})
        code_of = {c: i for i, c in enumerate(categories)}
        lut = np.array([code_of[v] if v is not None else -1 for v in values] + [-1], dtype=np.int32)
        result[key] = pd.Categorical.from_codes(lut[index], categories=categories)
    for key in _LISTS:
        lut = np.empty(len(routings) + 1, dtype=object)
        for k, r in enumerate(routings):
            lut[k] = tuple(tuple(x) if isinstance(x, (list, tuple)) else x for x in r[key])
        result[key] = lut[index]
    errors = np.full(len(tickets), None, dtype=object)
    for row, message in failures:
        errors[row] = message
    ordered = {"id": result["id"]} if ids is not None else {}
    ordered.update((key, result[key]) for key in _ORDER)
    ordered["error"] = errors
    return pd.DataFrame(ordered, index=tickets.index)
