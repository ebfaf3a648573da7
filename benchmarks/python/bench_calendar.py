#!/usr/bin/env python3
"""Vectorized Calendar.add from Python against C++, numpy and pandas, on the
same 1,000,000 rows in one run (docs/benchmarks.md, "Python").

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/python/bench_calendar.py build

The calendar: Monday to Friday 09:00-17:00 in UTC with 2026's German public
holidays, the case numpy's busday_offset can express. Rows: starts uniform
over 2026 (whole seconds), business durations of 1 to 2400 minutes (the
peer workload's range), from a fixed seed.

Measured: slakit's add_many (numpy in, numpy out: the GIL released, one C++
loop); the same rows through Calendar::add in a C++ loop
(slakit_calendar_rows, built with the benchmarks); numpy's busday_offset
composition, whole days through busday_offset and the rest by integer
arithmetic (checked equal to slakit's on every row); pandas
CustomBusinessHour on a sample (whole hours only: it cannot add minutes),
scaled to a rate. slakit and numpy take turns for 7 passes and each keeps
its best time; the C++ loop keeps its best of 5. Prints JSON.
"""

import json
import pathlib
import subprocess
import sys
import tempfile
import time

import numpy as np
import pandas as pd

import slakit

ROWS = 1_000_000
PANDAS_SAMPLE = 1_000
HOLIDAYS = ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14",
            "2026-05-25", "2026-10-03", "2026-12-25", "2026-12-26",
            "2027-01-01", "2027-03-26", "2027-03-29"]
OPEN, CLOSE = 9 * 3600, 17 * 3600
DAY = CLOSE - OPEN
RULES = "calendar office {\n  zone \"UTC\"\n  mon..fri 09:00-17:00\n" + "".join(
    f'  closed {d}\n' for d in HOLIDAYS) + "}\n"


def best_of(passes, *calls):
    """The best time and the result of each call, the calls taking turns
    pass after pass, so that a machine whose load changes during the run
    (another build) slows them alike."""
    best, results = [float("inf")] * len(calls), [None] * len(calls)
    for _ in range(passes):
        for i, f in enumerate(calls):
            begin = time.perf_counter()
            results[i] = f()
            best[i] = min(best[i], time.perf_counter() - begin)
    return best, results


def rows(seed=20260301):
    rng = np.random.default_rng(seed)
    begin = np.datetime64("2026-01-01T00:00:00", "s").astype(np.int64)
    starts = (begin + rng.integers(0, 365 * 86400, ROWS)).astype("datetime64[s]")
    durations = rng.integers(1, 2401, ROWS).astype(np.int64) * 60
    return starts, durations


def numpy_add(starts, durations, busdaycal):
    """Mon-Fri 09:00-17:00 UTC by busday_offset and integer arithmetic: the
    strongest vectorized numpy baseline. Same semantics as slakit: a start
    outside hours counts from the next opening; a result on a closing time
    stays on that closing time."""
    s = starts.astype(np.int64)
    day = (s // 86400).astype("datetime64[D]")
    second = s % 86400
    business = np.is_busday(day, busdaycal=busdaycal)
    late = business & (second >= CLOSE)
    # The first business instant at or after the start: (first day, seconds into its hours).
    first = np.busday_offset(day, np.where(late, 1, 0), roll="forward", busdaycal=busdaycal)
    used = np.where(business & ~late, np.clip(second - OPEN, 0, DAY), 0)
    total = used + durations
    whole, rest = np.divmod(total, DAY)
    on_close = (rest == 0) & (whole > 0)
    whole = np.where(on_close, whole - 1, whole)
    rest = np.where(on_close, DAY, rest)
    due_day = np.busday_offset(first, whole, roll="forward", busdaycal=busdaycal)
    return (due_day.astype("datetime64[s]").astype(np.int64) + OPEN + rest).astype("datetime64[s]")


def pandas_add(starts, durations):
    hours = np.maximum(1, (durations + 1800) // 3600)
    offsets = {h: pd.offsets.CustomBusinessHour(n=int(h), start="09:00", end="17:00",
                                                 holidays=HOLIDAYS) for h in set(hours.tolist())}
    stamps = [pd.Timestamp(s) for s in starts]
    return [t + offsets[h] for t, h in zip(stamps, hours.tolist())]


def main():
    build = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "build")
    cal = slakit.loads(RULES, name="office.sla").calendar("office")
    starts, durations = rows()
    cal.add_many(starts[:1000], durations[:1000])  # builds the year blocks, as a warm host has

    busdaycal = np.busdaycalendar(weekmask="1111100", holidays=np.array(HOLIDAYS, "datetime64[D]"))
    (slakit_s, numpy_s), (got, by_numpy) = best_of(
        7,
        lambda: cal.add_many(starts, durations),
        lambda: numpy_add(starts, durations, busdaycal),
    )
    mismatches = int(np.count_nonzero(by_numpy != got))
    assert mismatches == 0, f"the numpy composition differs on {mismatches} rows"

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        (tmp / "office.sla").write_text(RULES)
        np.stack([starts.astype(np.int64), durations], axis=1).tofile(tmp / "rows.bin")
        run = subprocess.run(
            [build / "benchmarks" / "slakit_calendar_rows", tmp / "office.sla", "office",
             tmp / "rows.bin", tmp / "out.bin"], capture_output=True, text=True, check=True)
        cpp = json.loads(run.stdout)
        assert np.array_equal(np.fromfile(tmp / "out.bin", dtype=np.int64), got.astype(np.int64))

    sample = slice(0, PANDAS_SAMPLE)
    (pandas_s,), _ = best_of(1, lambda: pandas_add(starts[sample], durations[sample]))

    slakit_ns = slakit_s / ROWS * 1e9
    numpy_ns = numpy_s / ROWS * 1e9
    pandas_ns = pandas_s / PANDAS_SAMPLE * 1e9
    print(json.dumps({
        "rows": ROWS,
        "slakit_add_many_ns": round(slakit_ns, 2),
        "slakit_add_many_per_s": round(1e9 / slakit_ns),
        "cpp_add_loop_ns": cpp["ns_per_add"],
        "python_over_cpp": round(slakit_ns / cpp["ns_per_add"], 3),
        "numpy_busday_ns": round(numpy_ns, 2),
        "numpy_busday_per_s": round(1e9 / numpy_ns),
        "slakit_over_numpy": round(numpy_ns / slakit_ns, 2),
        "pandas_cbh_ns": round(pandas_ns, 1),
        "pandas_sample": PANDAS_SAMPLE,
        "slakit_over_pandas": round(pandas_ns / slakit_ns),
    }, indent=2))


if __name__ == "__main__":
    main()
