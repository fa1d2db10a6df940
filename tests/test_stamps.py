"""The local day and time of a stored stamp, as every list and chart dates it: worked out with the day's offset
(found once per day and zone), it must be what Python's own conversion says, on the days the clocks change too,
and after the process switches its time zone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from llmlanding.domain.stamps import STAMP_FORMAT, local_day, local_time, local_times

# Zones with clock changes (some by half an hour, some across midnight), offsets that are not whole hours, and
# one that skipped a whole day (Apia, 2011-12-30).
ZONES = [
    "UTC",
    "Europe/London",
    "America/Sao_Paulo",
    "Asia/Beirut",
    "Asia/Kathmandu",
    "Pacific/Chatham",
    "Australia/Lord_Howe",
    "Pacific/Apia",
    "America/St_Johns",
]


moments = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2040, 12, 31)).map(
    lambda moment: moment.replace(tzinfo=UTC)
)
# Moments within an hour of a clock change in the zones above: the 2026 changes, and Apia's lost day.
near_changes = st.sampled_from(
    [
        datetime(2026, 3, 29, 1, tzinfo=UTC),  # London, Beirut (its local midnight)
        datetime(2026, 10, 25, 1, tzinfo=UTC),
        datetime(2026, 4, 4, 15, 30, tzinfo=UTC),  # Lord Howe, by half an hour
        datetime(2026, 4, 4, 14, tzinfo=UTC),  # Chatham
        datetime(2026, 3, 8, 5, 30, tzinfo=UTC),  # St John's
        datetime(2011, 12, 30, 10, tzinfo=UTC),  # Apia
    ]
).flatmap(lambda change: st.integers(-3600, 3600).map(lambda seconds: change + timedelta(seconds=seconds)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(zone_names=st.lists(st.sampled_from(ZONES), min_size=1, max_size=3), stamps=st.lists(moments | near_changes))
def test_local_day_and_time_are_what_python_converts(
    zone: Callable[[str], None], zone_names: list[str], stamps: list[datetime]
) -> None:
    for name in zone_names:  # one process, several zones in turn: nothing found in one is used in another
        zone(name)
        texts = [moment.strftime(STAMP_FORMAT) for moment in stamps]
        for moment, stamp in zip(stamps, texts, strict=True):
            local = moment.astimezone()
            assert local_time(stamp) == local.strftime("%Y-%m-%d %H:%M"), (name, stamp)
            assert local_day(stamp) == local.date(), (name, stamp)
        odd = ["not a time", "2026-01-01T10:00:00+08:00", "2026-01-01T10:00:00+08:00Z", "9999-12-31T23:59:59.000000Z"]
        assert local_times([*texts, *odd]) == [local_time(stamp) for stamp in [*texts, *odd]]


def test_stamps_that_are_not_times_and_the_ends_of_the_calendar_still_date(zone: Callable[[str], None]) -> None:
    zone("Asia/Shanghai")
    assert local_time("not a time") == "2000-01-01 08:00"  # read as the earliest stored time, as before
    assert local_time("9999-12-31T23:59:59.000000Z") == "9999-12-31 23:59"  # no later time to move it to
    assert local_day("0001-01-01T00:00:00.000000Z").isoformat() == "0001-01-01"
