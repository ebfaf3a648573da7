"""slakit.Calendar with datetime, timedelta and date: every method, the
instant conversion around DST in three zones, and its errors."""

import datetime as dt
import pickle
from zoneinfo import ZoneInfo

import pytest

import slakit

UTC = dt.timezone.utc
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")

ZONES_TEXT = "".join(
    f'calendar {name} {{\n  zone "{zone}"\n  mon..sun 00:00-24:00\n}}\n'
    f'calendar {name}_office {{\n  zone "{zone}"\n  mon..fri 09:00-17:00\n}}\n'
    for name, zone in [
        ("berlin", "Europe/Berlin"),
        ("new_york", "America/New_York"),
        ("lord_howe", "Australia/Lord_Howe"),
    ]
)


@pytest.fixture(scope="module")
def zones():
    return slakit.loads(ZONES_TEXT, name="zones.sla")


@pytest.fixture(scope="module")
def emea(rules):
    return rules.calendar("emea_support")


def utc(*fields):
    return dt.datetime(*fields, tzinfo=UTC)


def test_name_zone_rules_repr(emea, rules):
    assert emea.name == "emea_support"
    assert emea.zone == "Europe/Berlin"
    assert emea.rules.calendar_names == rules.calendar_names
    assert repr(emea) == "<slakit.Calendar emea_support (Europe/Berlin)>"


def test_add_across_the_dst_weekend(emea):
    # README: Friday 2026-03-27 16:00 CET + 4h = Monday 10:30 CEST.
    start = dt.datetime(2026, 3, 27, 16, tzinfo=BERLIN)
    due = emea.add(start, dt.timedelta(hours=4))
    assert due == dt.datetime(2026, 3, 30, 10, 30, tzinfo=BERLIN)
    assert due.tzinfo is UTC and due == utc(2026, 3, 30, 8, 30)
    assert emea.add(start, 4 * 3600) == due  # int seconds
    assert emea.subtract(due, dt.timedelta(hours=4)) == start
    assert emea.elapsed(start, due) == dt.timedelta(hours=4)
    assert emea.elapsed(due, start) == -dt.timedelta(hours=4)


def test_open_close_and_intervals(emea):
    friday_noon = dt.datetime(2026, 3, 27, 12, 10, tzinfo=BERLIN)
    assert not emea.is_open(friday_noon)  # the 12:00-12:30 break
    assert emea.next_open(friday_noon) == dt.datetime(2026, 3, 27, 12, 30, tzinfo=BERLIN)
    assert emea.next_close(friday_noon) == friday_noon
    assert emea.is_open(dt.datetime(2026, 3, 27, 13, tzinfo=BERLIN))
    assert emea.next_close(dt.datetime(2026, 3, 27, 13, tzinfo=BERLIN)) == dt.datetime(
        2026, 3, 27, 17, 30, tzinfo=BERLIN
    )
    got = emea.open_intervals(
        dt.datetime(2026, 3, 27, 11, tzinfo=BERLIN), dt.datetime(2026, 3, 30, 9, tzinfo=BERLIN)
    )
    assert got == [
        (dt.datetime(2026, 3, 27, 11, tzinfo=BERLIN), dt.datetime(2026, 3, 27, 12, tzinfo=BERLIN)),
        (dt.datetime(2026, 3, 27, 12, 30, tzinfo=BERLIN), dt.datetime(2026, 3, 27, 17, 30, tzinfo=BERLIN)),
        (dt.datetime(2026, 3, 30, 8, tzinfo=BERLIN), dt.datetime(2026, 3, 30, 9, tzinfo=BERLIN)),
    ]


def test_next_open_and_close_can_be_none(zones):
    always = zones.calendar("berlin")
    assert always.next_close(utc(2026, 1, 1)) is None
    assert always.next_open(utc(2026, 1, 1)) == utc(2026, 1, 1)


def test_business_days_and_holidays(emea):
    # README: 2026-04-02 + 3 business days = 2026-04-09 (Easter in between).
    assert emea.add_business_days(dt.date(2026, 4, 2), 3) == dt.date(2026, 4, 9)
    assert emea.add_business_days(dt.date(2026, 4, 9), -3) == dt.date(2026, 4, 2)
    assert emea.add_business_days(dt.date(2026, 4, 4), 0) == dt.date(2026, 4, 7)
    assert not emea.is_business_day(dt.date(2026, 4, 3))  # Karfreitag
    assert emea.is_business_day(dt.date(2026, 4, 2))
    holidays = emea.holidays(2026)
    assert (dt.date(2026, 4, 3), "Karfreitag") in holidays
    assert holidays == sorted(holidays)
    with pytest.raises(TypeError):
        emea.is_business_day(dt.datetime(2026, 4, 2, tzinfo=UTC))  # a date, not a datetime
    with pytest.raises(slakit.RangeError):
        emea.add_business_days(dt.date(1960, 1, 1), 1)


def test_naive_datetime_needs_local(emea):
    naive = dt.datetime(2026, 3, 27, 16)
    with pytest.raises(ValueError, match="naive datetime"):
        emea.add(naive, 3600)
    for call in (emea.is_open, emea.next_open, emea.next_close):
        with pytest.raises(ValueError):
            call(naive)
    with pytest.raises(ValueError):
        emea.elapsed(naive, naive)
    # local=True reads it on the calendar's wall clock.
    assert emea.add(naive, dt.timedelta(hours=4), local=True) == dt.datetime(
        2026, 3, 30, 10, 30, tzinfo=BERLIN
    )
    assert emea.elapsed(naive, dt.datetime(2026, 3, 27, 17), local=True) == dt.timedelta(hours=1)


@pytest.mark.parametrize(
    "name, local, expected",
    [
        # Gaps: the instant the clock jumps.
        ("berlin", dt.datetime(2026, 3, 29, 2, 30), utc(2026, 3, 29, 1)),
        ("new_york", dt.datetime(2026, 3, 8, 2, 30), utc(2026, 3, 8, 7)),
        ("lord_howe", dt.datetime(2026, 10, 4, 2, 15), utc(2026, 10, 3, 15, 30)),
        # Overlaps: the first pass.
        ("berlin", dt.datetime(2026, 10, 25, 2, 30), utc(2026, 10, 25, 0, 30)),
        ("new_york", dt.datetime(2026, 11, 1, 1, 30), utc(2026, 11, 1, 5, 30)),
        ("lord_howe", dt.datetime(2026, 4, 5, 1, 45), utc(2026, 4, 4, 14, 45)),
    ],
)
def test_local_gaps_and_overlaps(zones, name, local, expected):
    assert zones.calendar(name).add(local, 0, local=True) == expected


@pytest.mark.parametrize(
    "name, zone, transitions",
    [
        ("berlin", BERLIN, [utc(2026, 3, 29, 1), utc(2026, 10, 25, 1)]),
        ("new_york", NEW_YORK, [utc(2026, 3, 8, 7), utc(2026, 11, 1, 6)]),
        ("lord_howe", LORD_HOWE, [utc(2026, 4, 4, 15), utc(2026, 10, 3, 15, 30)]),
    ],
)
def test_dst_round_trip(zones, name, zone, transitions):
    """Every quarter hour for three hours either side of each transition: an
    aware datetime in the zone (both folds) converts to its exact instant and
    back, and business arithmetic in the zone's office calendar agrees with
    the UTC instants."""
    always = zones.calendar(name)
    office = zones.calendar(name + "_office")
    for transition in transitions:
        for quarter in range(-12, 13):
            instant = transition + dt.timedelta(minutes=15 * quarter)
            local = instant.astimezone(zone)  # carries fold for the repeated hour
            assert always.add(local, 0) == instant
            assert always.add(local, 900) == instant + dt.timedelta(minutes=15)
            assert always.elapsed(local, instant + dt.timedelta(hours=1)) == dt.timedelta(hours=1)
            assert office.add(local, 0) == office.add(instant, 0)
            assert office.elapsed(local, instant + dt.timedelta(days=3)) == office.elapsed(
                instant, instant + dt.timedelta(days=3)
            )


def test_a_fixed_offset_tzinfo_is_exact(emea):
    plus_530 = dt.timezone(dt.timedelta(hours=5, minutes=30))
    t = dt.datetime(2026, 3, 27, 20, 0, tzinfo=plus_530)
    assert emea.next_open(t) == utc(2026, 3, 27, 14, 30)


def test_subseconds_are_floored_and_durations_must_be_whole(zones):
    always = zones.calendar("berlin")
    assert always.add(utc(2026, 1, 1, 0, 0, 0) + dt.timedelta(microseconds=999_999), 0) == utc(
        2026, 1, 1
    )
    plus_one = dt.datetime(2026, 1, 1, 1, 0, 0, 500_000, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert always.add(plus_one, 3600) == utc(2026, 1, 1, 1, 0)
    with pytest.raises(ValueError, match="whole seconds"):
        always.add(utc(2026, 1, 1), dt.timedelta(milliseconds=1500))


def test_wrong_types_and_range(emea):
    with pytest.raises(TypeError):
        emea.add("2026-03-27T16:00:00Z", 3600)
    with pytest.raises(TypeError):
        emea.add(utc(2026, 3, 27), "1h")
    with pytest.raises(TypeError):
        emea.add(utc(2026, 3, 27), True)
    with pytest.raises(slakit.RangeError):
        emea.add(utc(1969, 12, 31), 3600)
    with pytest.raises(slakit.RangeError):
        emea.add(utc(2100, 12, 31), dt.timedelta(days=3000))


def test_calendar_pickles_as_rules_and_name(emea):
    again = pickle.loads(pickle.dumps(emea))
    assert again.name == emea.name and again.zone == emea.zone
    t = dt.datetime(2026, 12, 30, 16, 30, tzinfo=BERLIN)
    assert again.add(t, 7200) == emea.add(t, 7200)
    assert pickle.loads(pickle.dumps([emea, emea]))[1].name == "emea_support"


def test_docstrings_and_signatures():
    doc = slakit.Calendar.add.__doc__
    assert "start: datetime.datetime" in doc and "business: datetime.timedelta" in doc
    assert "local" in doc and "naive" in doc
    assert "Raises" in slakit.load.__doc__


def test_huge_ints_are_range_errors_naming_the_value(emea):
    # python.md: "Instants outside 1970-2100 raise slakit.RangeError" and
    # "nothing else crosses from C++": an int past 64 bits is slakit's error
    # naming the value, not pybind11's cast error.
    with pytest.raises(slakit.RangeError, match="duration 10{30} is out of range"):
        emea.add(utc(2026, 3, 6, 17), 10**30)
    with pytest.raises(slakit.RangeError, match="duration -10{30} is out of range"):
        emea.subtract(utc(2026, 3, 6, 17), -(10**30))
    # The largest timedelta is whole seconds too: out of range, not garbage.
    with pytest.raises(slakit.RangeError, match="outside the supported range"):
        emea.add(utc(2026, 3, 6, 17), dt.timedelta(days=999_999_999))
    with pytest.raises(slakit.RangeError, match="1000000000000 business days from 2026-01-01"):
        emea.add_business_days(dt.date(2026, 1, 1), 10**12)
    with pytest.raises(slakit.RangeError, match="-1000000000000 business days"):
        emea.add_business_days(dt.date(2026, 1, 1), -(10**12))
    with pytest.raises(slakit.RangeError, match="business days"):
        emea.add_business_days(dt.date(2026, 1, 1), 10**9)


@pytest.mark.parametrize("year", [1969, 2101, 3000, -5, 10**30])
def test_holidays_outside_the_supported_years(emea, year):
    # python.md: "Instants outside 1970-2100 raise slakit.RangeError".
    with pytest.raises(slakit.RangeError, match=f"year {year}"):
        emea.holidays(year)


def test_holidays_at_the_edges_of_the_supported_years(emea):
    assert (dt.date(1970, 1, 1), "Neujahr") in emea.holidays(1970)
    assert (dt.date(2100, 1, 1), "Neujahr") in emea.holidays(2100)


def test_naive_now_message_suggests_no_local_flag(rules):
    # Only calendar methods take local=True; evaluate and route do not.
    ticket = {"id": "T-1", "created": "2026-03-06T15:00:00Z"}
    naive = dt.datetime(2026, 3, 6, 17)
    for call in (rules.evaluate, rules.route):
        with pytest.raises(ValueError, match="naive datetime") as e:
            call(ticket, naive)
        assert "local=True" not in str(e.value)
