"""Time stamps: the one stored format (UTC, fixed width, so text order is time order) and the learner's local
day and time of a stamp."""

from __future__ import annotations

import time as _time
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta

STAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"  # fixed width, so text order is time order


AHEAD = timedelta(days=1)  # how far ahead of this machine's clock a stored time may be


EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)  # no stored time is earlier


def utc(stamp: str) -> datetime:
    """A stored stamp as an aware UTC time. fromisoformat reads STAMP_FORMAT (its trailing Z included) ten times
    faster than strptime, which matters when a status screen dates thousands of finished topics.

    A stored value that is not a time (a row from before times were checked at the door, which `check` finds)
    reads as EARLIEST rather than stopping every screen that dates it."""
    try:
        moment = datetime.fromisoformat(stamp)
    except (ValueError, TypeError):
        return EARLIEST
    return moment if moment.tzinfo is UTC else moment.replace(tzinfo=UTC)  # replace() costs as much as the parse


def _wall(stamp: str) -> datetime:
    """The stamp's local wall-clock time, naive. A list of thousands of notes or finished topics dates each one:
    shifting a naive time by the day's offset costs a fifth of an `astimezone()`, which asks the C library
    every time."""
    if stamp[-1:] == "Z":  # the stored format
        try:
            moment = datetime.fromisoformat(stamp[:-1])
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is None:
            offset = _day_offset(moment.toordinal())
            if offset is not None:
                return moment + offset
    aware = utc(stamp)
    try:
        return aware.astimezone().replace(tzinfo=None)
    except (OverflowError, ValueError):  # the last hours of year 9999, east of Greenwich
        return aware.replace(tzinfo=None)


# UTC day (its ordinal) -> the local offset all through it, None on a day the clocks change. Kept for the zone
# it was found in: `time.tzset()` switches the process's zone (tests do), and makes a new `time.tzname`.
_OFFSETS: dict[int, timedelta | None] = {}
_OFFSETS_ZONE: list[object] = [None]


def _offsets() -> dict[int, timedelta | None]:
    """The offsets found so far, in the process's zone now."""
    if _OFFSETS_ZONE[0] is not _time.tzname:
        _OFFSETS.clear()
        _OFFSETS_ZONE[0] = _time.tzname
    return _OFFSETS


def _day_offset(day: int) -> timedelta | None:
    try:
        return _offsets()[day]
    except KeyError:
        pass
    offset = None
    try:
        start = datetime.fromordinal(day).replace(tzinfo=UTC)
        first = start.astimezone().utcoffset()
        # The same offset at both ends: no change in between, as no zone changes its clocks twice in a day.
        if first == (start + timedelta(days=1, microseconds=-1)).astimezone().utcoffset():
            offset = first
    except (ValueError, OverflowError):  # a day at the ends of the calendar: its times are converted one by one
        pass
    _OFFSETS[day] = offset
    return offset


def local_time(at: str) -> str:
    return _wall(at).isoformat(" ", "minutes")


def local_times(stamps: Iterable[str]) -> list[str]:
    """`local_time` of each stamp, as a list of thousands of notes dates them (one call a stamp fewer)."""
    return [_wall(stamp).isoformat(" ", "minutes") for stamp in stamps]


def local_day(stamp: str) -> date:
    return _wall(stamp).date()


def local_days(stamps: Iterable[str]) -> list[date]:
    """`local_day` of each stamp, as a report of thousands of finished topics dates them."""
    return [_wall(stamp).date() for stamp in stamps]


def local_midnight(day: date) -> str:
    """The stamp of the first instant of the local `day`, as Python's time zone rules put it. Where the clocks
    skip midnight (Beirut in March), 00:00 does not exist and Python reads it in the evening before: the day
    starts at the transition instead, which is how 00:00 reads with the other fold."""
    moments = [datetime.combine(day, time(fold=fold)).astimezone(UTC) for fold in (0, 1)]
    first = min((m for m in moments if m.astimezone().date() == day), default=moments[0])
    return first.strftime(STAMP_FORMAT)
