"""Time stamps: the one stored format (UTC, fixed width, so text order is time order) and the learner's local
day and time of a stamp."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

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


def day_start(day: date) -> str:
    """The stored stamp of the first moment of a local day: `at >= day_start(d)` is "on d or later"."""
    if day <= EARLIEST.date():
        return EARLIEST.strftime(STAMP_FORMAT)
    try:
        moment = datetime(day.year, day.month, day.day).astimezone()  # midnight in this machine's zone
        return moment.astimezone(UTC).strftime(STAMP_FORMAT)
    except (OverflowError, ValueError):  # the year 9999
        return "9999-12-31T23:59:59.999999Z"
