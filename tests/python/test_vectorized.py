"""The vectorized calendar operations over numpy arrays and pandas Series:
equal to the scalar methods element by element, NaT, units, dtypes, and
threads (the GIL is released in the C++ loop)."""

import datetime as dt
import threading

import numpy as np
import pandas as pd
import pytest

UTC = dt.timezone.utc


@pytest.fixture(scope="module")
def emea(rules):
    return rules.calendar("emea_support")


def random_instants(n, seed=7):
    rng = np.random.default_rng(seed)
    begin = np.datetime64("2026-01-01T00:00:00", "s").astype(np.int64)
    return (begin + rng.integers(0, 365 * 86400, n)).astype("datetime64[s]")


def as_datetime(t):
    return dt.datetime.fromtimestamp(int(t.astype("datetime64[s]").astype(np.int64)), UTC)


def as_numpy(d):
    return np.datetime64(d.replace(tzinfo=None), "s")


def test_add_many_equals_add(emea):
    starts = random_instants(500)
    durations = np.random.default_rng(1).integers(0, 40 * 3600, 500)
    got = emea.add_many(starts, durations)
    assert got.dtype == np.dtype("datetime64[s]")
    expected = [as_numpy(emea.add(as_datetime(s), int(d))) for s, d in zip(starts, durations)]
    assert list(got) == expected
    back = emea.subtract_many(got, durations.astype("timedelta64[s]"))
    assert list(back) == [
        as_numpy(emea.subtract(as_datetime(g), int(d))) for g, d in zip(got, durations)
    ]


def test_units_and_broadcast(emea):
    starts = random_instants(50)
    in_ns = starts.astype("datetime64[ns]") + np.timedelta64(999_999_999, "ns")  # floored
    four_hours = np.timedelta64(4, "h").astype("timedelta64[ns]")
    assert list(emea.add_many(in_ns, four_hours)) == list(emea.add_many(starts, 4 * 3600))
    assert list(emea.add_many(starts, dt.timedelta(hours=4))) == list(
        emea.add_many(starts.astype("datetime64[ms]"), np.full(50, 14400))
    )
    with pytest.raises(ValueError, match="different lengths"):
        emea.add_many(starts, np.arange(3))


def test_nat_in_nat_out(emea):
    starts = np.array(["2026-03-27T15:00:00", "NaT"], dtype="datetime64[ns]")
    got = emea.add_many(starts, np.array([4 * 3600, 60]))
    assert got[0] == np.datetime64("2026-03-30T08:30:00") and np.isnat(got[1])
    got = emea.add_many(starts[:1], np.array([np.timedelta64("NaT")], dtype="timedelta64[s]"))
    assert np.isnat(got[0])
    assert list(emea.is_open_many(starts)) == [True, False]
    assert np.isnat(emea.elapsed_many(starts, starts)[1])


def test_wrong_dtype(emea):
    with pytest.raises(TypeError, match="datetime64"):
        emea.add_many(np.arange(3), 60)
    with pytest.raises(TypeError, match="datetime64"):
        emea.add_many(np.array(["2026-03-27"], dtype=object), 60)
    with pytest.raises(TypeError, match="not supported"):
        emea.add_many(np.array(["2026-03"], dtype="datetime64[M]"), 60)
    with pytest.raises(TypeError, match="timedelta64 or integer"):
        emea.add_many(random_instants(3), np.array([1.5, 2.0, 3.0]))
    with pytest.raises(ValueError, match="whole seconds"):
        emea.add_many(random_instants(1), np.array([1500], dtype="timedelta64[ms]"))


def test_out_of_range_names_the_element(emea):
    import slakit

    starts = np.array(["2026-01-01T00:00:00", "1960-01-01T00:00:00"], dtype="datetime64[s]")
    with pytest.raises(slakit.RangeError, match="element 1"):
        emea.add_many(starts, 60)


def test_series_keeps_index_name_and_zone(emea):
    s = pd.Series(
        pd.to_datetime(["2026-03-27 16:00", None, "2026-12-30 16:30"]).tz_localize("Europe/Berlin"),
        index=["a", "b", "c"],
        name="created",
    )
    got = emea.add_many(s, pd.to_timedelta([4, 1, 2], unit="h"))
    assert str(got.dtype) == "datetime64[ns, Europe/Berlin]"
    assert list(got.index) == ["a", "b", "c"] and got.name == "created"
    assert got["a"] == pd.Timestamp("2026-03-30 10:30", tz="Europe/Berlin")
    assert pd.isna(got["b"])
    assert got["c"] == pd.Timestamp(emea.add(s["c"].to_pydatetime(), 7200))
    naive = pd.Series(pd.to_datetime(["2026-03-27 15:00"]))  # read as UTC, like numpy
    assert emea.add_many(naive, 14400)[0] == pd.Timestamp("2026-03-30 08:30")
    assert emea.is_open_many(s).tolist() == [True, False, True]  # Wednesday 16:30
    assert emea.elapsed_many(s, got).tolist()[0] == pd.Timedelta(hours=4)
    assert list(emea.add_many(pd.DatetimeIndex(s.dropna()), 0)) == [
        pd.Timestamp(emea.add(t.to_pydatetime(), 0)) for t in s.dropna()
    ]


def test_eight_threads_share_one_calendar(emea):
    starts = random_instants(200_000)
    durations = np.random.default_rng(3).integers(0, 40 * 3600, 200_000)
    expected = emea.add_many(starts, durations)
    results = [None] * 8

    def work(i):
        results[i] = emea.add_many(starts, durations)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for r in results:
        assert np.array_equal(r, expected)


def test_the_gil_is_released_during_the_loop(emea):
    """While add_many runs in one thread, another Python thread keeps
    running: its longest stall is far shorter than the call (with the GIL
    held, it would stall for the whole C++ loop)."""
    import time

    starts = np.repeat(random_instants(1000), 8000)  # 8,000,000 rows
    begin = time.perf_counter()
    emea.add_many(starts, 3600)
    alone = time.perf_counter() - begin
    worker = threading.Thread(target=emea.add_many, args=(starts, 3600))
    stamps = []
    worker.start()
    while worker.is_alive():
        stamps.append(time.perf_counter())
    worker.join()
    longest_stall = max(np.diff(stamps), default=0.0)
    assert len(stamps) > 100
    assert longest_stall < alone / 2, (longest_stall, alone)


@pytest.mark.parametrize("method", ["add_many", "subtract_many"])
def test_an_array_that_is_not_one_column_is_a_value_error(emea, method):
    # python.md: the *_many calls take arrays (columns); a table has no order
    # to flatten it in and give back, so its shape is named, not flattened.
    table = random_instants(6).reshape(2, 3)
    with pytest.raises(ValueError, match=r"expected a 1-d array, got shape \(2, 3\)"):
        getattr(emea, method)(table, 60)
    with pytest.raises(ValueError, match=r"durations: expected a 1-d array, got shape \(3, 1\)"):
        getattr(emea, method)(random_instants(3), np.full((3, 1), 60))
    with pytest.raises(ValueError, match=r"got shape \(2, 3\)"):
        emea.elapsed_many(random_instants(3), table)
    with pytest.raises(ValueError, match=r"got shape \(2, 3\)"):
        emea.is_open_many(table)


def test_series_with_different_indexes_are_a_value_error(emea):
    # python.md: "two Series whose indexes differ are a ValueError" rather
    # than paired by position (rows silently mismatched).
    starts = pd.Series(pd.to_datetime(["2026-03-27 15:00", "2026-03-30 09:00"], utc=True), index=[1, 2])
    hours = pd.Series(pd.to_timedelta([1, 2], unit="h"), index=[2, 1])
    with pytest.raises(ValueError, match="different indexes"):
        emea.add_many(starts, hours)
    with pytest.raises(ValueError, match="different indexes"):
        emea.subtract_many(starts, hours)
    with pytest.raises(ValueError, match="different indexes"):
        emea.elapsed_many(starts, starts.set_axis([7, 8]))
    # Aligned by the caller, they combine row by row.
    got = emea.add_many(starts, hours.reindex(starts.index))
    assert got[1] == pd.Timestamp(emea.add(starts[1].to_pydatetime(), 7200))
    assert got[2] == pd.Timestamp(emea.add(starts[2].to_pydatetime(), 3600))


# python.md: integer durations are seconds; NaT exists only in timedelta64.
# The lowest int64, or an unsigned value past int64, is out of range, named,
# never a silent NaT or a wrapped number.
def test_integer_seconds_that_do_not_fit_are_range_errors(emea):
    import slakit

    starts = np.array(["2026-03-02T09:00:00"] * 2, dtype="datetime64[s]")
    with pytest.raises(slakit.RangeError, match=r"element 1: -9223372036854775808 seconds"):
        emea.add_many(starts, np.array([3600, np.iinfo(np.int64).min]))
    with pytest.raises(slakit.RangeError, match=r"element 0: 18446744073709551615 seconds"):
        emea.add_many(starts, np.array([2**64 - 1, 1], dtype=np.uint64))
    got = emea.add_many(starts, np.array([3600, 7200], dtype=np.uint32))
    assert got[1] - got[0] == np.timedelta64(3600, "s")
