"""Calendar arithmetic over whole arrays: numpy datetime64/timedelta64 (or
integer seconds) and pandas Series, tz-aware ones included.

Only the unit handling is here; the loop runs in C++ with the GIL released
(bindings/python/register_vectorized.cpp). numpy datetime64 values and
tz-naive Series are read as UTC (numpy's own convention); a tz-aware Series
keeps its zone in the result. NaT in gives NaT out (False for is_open_many).
Instants are floored to whole seconds; durations must be whole seconds.
"""

from __future__ import annotations

import datetime as _dt

import numpy as np

from . import _core

_PER_SECOND = {"s": 1, "ms": 1_000, "us": 1_000_000, "ns": 1_000_000_000}


def _series_type():
    try:
        import pandas as pd
    except ImportError:  # pandas is optional
        return None, None
    return pd, pd.Series


def _one_dimensional(array, what):
    """The array itself, when it is a column (or one value): a table of
    instants has no order slakit could flatten it in and give back."""
    if array.ndim > 1:
        raise ValueError(f"{what}: expected a 1-d array, got shape {array.shape}")
    return array


def _same_index(first, second, what):
    """Two Series combine row by row only when their indexes are equal:
    pairing them by position would silently mismatch rows, and aligning them
    would invent NaT rows; the caller decides (align, reindex, to_numpy)."""
    pd, series = _series_type()
    if (
        series is not None
        and isinstance(first, series)
        and isinstance(second, series)
        and not first.index.equals(second.index)
    ):
        raise ValueError(
            f"{what}: the Series have different indexes; align them first "
            "(a.align(b)) or pass numpy arrays to combine them by position"
        )


def _instants(values, what):
    """(int64 array, counts per second, pandas template or None)."""
    pd, series = _series_type()
    template = None
    if series is not None and isinstance(values, series):
        template = values
        dtype = values.dtype
        if isinstance(dtype, pd.DatetimeTZDtype):
            values = values.dt.tz_convert("UTC").dt.tz_localize(None)
        values = values.to_numpy()
    elif series is not None and isinstance(values, pd.DatetimeIndex):
        template = pd.Series(values)
        if values.tz is not None:
            values = values.tz_convert("UTC").tz_localize(None)
        values = values.to_numpy()
    array = _one_dimensional(np.asarray(values), what)
    if array.dtype.kind != "M":
        raise TypeError(f"{what}: expected datetime64 values, got dtype {array.dtype}")
    unit, count = np.datetime_data(array.dtype)
    if unit not in _PER_SECOND or count != 1:
        raise TypeError(f"{what}: datetime64[{unit}] is not supported (use s, ms, us or ns)")
    return np.ascontiguousarray(array.reshape(-1)).view(np.int64), _PER_SECOND[unit], template


def _durations(values, what):
    """(int64 array, counts per second)."""
    if isinstance(values, _dt.timedelta):
        values = np.timedelta64(values)
    # np.timedelta64 is an np.integer too: it goes with the arrays below.
    elif isinstance(values, (int, np.integer)) and not isinstance(
        values, (bool, np.timedelta64)
    ):
        return np.array([int(values)], dtype=np.int64), 1
    array = _one_dimensional(np.asarray(values), what)
    if array.ndim == 0:
        array = array.reshape(1)
    if array.dtype.kind == "m":
        unit, count = np.datetime_data(array.dtype)
        if unit not in _PER_SECOND or count != 1:
            raise TypeError(f"{what}: timedelta64[{unit}] is not supported (use s, ms, us or ns)")
        return np.ascontiguousarray(array).view(np.int64), _PER_SECOND[unit]
    if array.dtype.kind in "iu":
        # Integer seconds: every value is a number of seconds, the lowest
        # int64 too (it is NaT only in timedelta64), and none may wrap.
        if array.dtype.kind == "u":
            too_big = np.flatnonzero(array > np.iinfo(np.int64).max)
        else:
            too_big = np.flatnonzero(array == np.iinfo(np.int64).min)
        if too_big.size:
            i = int(too_big[0])
            raise _core.RangeError(f"{what}: element {i}: {int(array[i])} seconds is out of range")
        return np.ascontiguousarray(array, dtype=np.int64), 1
    raise TypeError(f"{what}: expected timedelta64 or integer seconds, got dtype {array.dtype}")


def _instants_out(seconds, template):
    out = seconds.view("datetime64[s]")
    if template is None:
        return out
    import pandas as pd

    result = pd.Series(out.astype("datetime64[ns]"), index=template.index, name=template.name)
    tz = getattr(template.dtype, "tz", None)
    return result.dt.tz_localize("UTC").dt.tz_convert(tz) if tz is not None else result


def _plain_out(values, template):
    if template is None:
        return values
    import pandas as pd

    return pd.Series(values, index=template.index, name=template.name)


def add_many(self, starts, durations):
    """Vectorized add: ``starts`` (datetime64 array or Series) plus business
    ``durations`` (timedelta64, integer seconds, or one timedelta for all).

    Returns datetime64[s] for numpy input, a Series (same index, same zone)
    for a Series. NaT stays NaT. Raises TypeError for another dtype,
    ValueError for an array that is not 1-d or two Series whose indexes
    differ.
    """
    _same_index(starts, durations, "starts and durations")
    s, s_unit, template = _instants(starts, "starts")
    d, d_unit = _durations(durations, "durations")
    return _instants_out(_core._add_many(self, s, s_unit, d, d_unit), template)


def subtract_many(self, ends, durations):
    """Vectorized subtract; the same types as add_many."""
    _same_index(ends, durations, "ends and durations")
    e, e_unit, template = _instants(ends, "ends")
    d, d_unit = _durations(durations, "durations")
    return _instants_out(_core._subtract_many(self, e, e_unit, d, d_unit), template)


def elapsed_many(self, a, b):
    """Vectorized elapsed: business time in [a, b) as timedelta64[s] (a
    Series of timedelta for Series input). NaT in either gives NaT."""
    _same_index(a, b, "a and b")
    x, x_unit, template = _instants(a, "a")
    y, y_unit, _ = _instants(b, "b")
    out = _core._elapsed_many(self, x, x_unit, y, y_unit).view("timedelta64[s]")
    if template is not None:
        out = out.astype("timedelta64[ns]")
    return _plain_out(out, template)


def is_open_many(self, t):
    """Vectorized is_open: a bool array (or Series); NaT gives False."""
    x, unit, template = _instants(t, "t")
    return _plain_out(_core._is_open_many(self, x, unit), template)
