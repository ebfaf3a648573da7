"""pandas CustomBusinessHour and numpy busday_offset on the peer workload.

Reads DIR/holidays.txt, minutes.csv and days.csv; writes DIR/pandas_hours.csv
and numpy_days.csv; prints throughput as JSON. Run with Debian's
/usr/bin/python3 (python3-pandas, python3-numpy).
"""
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd


def whole_hours(minutes: int) -> int:
    # CustomBusinessHour counts whole hours only; slakit_peer_workload rounds alike.
    return max(1, (minutes + 30) // 60)


def main() -> None:
    work = Path(sys.argv[1])
    pandas_count = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    holidays = work.joinpath("holidays.txt").read_text().split()
    minutes = pd.read_csv(work / "minutes.csv").head(pandas_count)
    days = pd.read_csv(work / "days.csv")

    starts = [pd.Timestamp(s).tz_localize(None) for s in minutes["start"]]
    counts = [whole_hours(m) for m in minutes["minutes"]]
    offsets = {h: pd.offsets.CustomBusinessHour(n=h, start="09:00", end="17:00", holidays=holidays)
               for h in set(counts)}
    begin = time.perf_counter()
    due = [start + offsets[h] for start, h in zip(starts, counts)]
    pandas_seconds = time.perf_counter() - begin
    with open(work / "pandas_hours.csv", "w") as out:
        out.write("deadline\n")
        out.writelines(d.strftime("%Y-%m-%dT%H:%M:%SZ") + "\n" for d in due)

    dates = days["date"].to_numpy(dtype="datetime64[D]")
    n = days["n"].to_numpy()
    calendar = np.busdaycalendar(weekmask="1111100", holidays=np.array(holidays, dtype="datetime64[D]"))
    # roll="backward" then +n is "the n-th business day strictly after" for n > 0,
    # slakit's definition, also when the date itself is not a business day.
    np.busday_offset(dates, n, roll="backward", busdaycal=calendar)  # warm up
    repeats = 20
    begin = time.perf_counter()
    for _ in range(repeats):
        result = np.busday_offset(dates, n, roll="backward", busdaycal=calendar)
    numpy_seconds = (time.perf_counter() - begin) / repeats
    with open(work / "numpy_days.csv", "w") as out:
        out.write("date\n")
        out.writelines(str(d) + "\n" for d in result)

    print(json.dumps({"pandas_add_hours_per_s": len(due) / pandas_seconds, "pandas_count": len(due),
                      "numpy_add_business_days_per_s": len(dates) / numpy_seconds,
                      "numpy_count": len(dates)}))


if __name__ == "__main__":
    main()
