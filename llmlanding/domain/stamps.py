"""Time stamps: the one stored format (UTC, fixed width, so text order is time order) and the learner's local
day and time of a stamp."""

from __future__ import annotations

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
        return datetime.fromisoformat(stamp).replace(tzinfo=UTC)
    except (ValueError, TypeError):
        return EARLIEST


def _local(stamp: str) -> datetime:
    moment = utc(stamp)
    try:
        return moment.astimezone()
    except (OverflowError, ValueError):  # the last hours of year 9999, east of Greenwich
        return moment


def local_time(at: str) -> str:
    return _local(at).strftime("%Y-%m-%d %H:%M")


def local_day(stamp: str) -> date:
    return _local(stamp).date()


def local_midnight(day: date) -> str:
    """The stamp of the first instant of the local `day`, as Python's time zone rules put it. Where the clocks
    skip midnight (Beirut in March), 00:00 does not exist and Python reads it in the evening before: the day
    starts at the transition instead, which is how 00:00 reads with the other fold."""
    moments = [datetime.combine(day, time(fold=fold)).astimezone(UTC) for fold in (0, 1)]
    first = min((m for m in moments if m.astimezone().date() == day), default=moments[0])
    return first.strftime(STAMP_FORMAT)
