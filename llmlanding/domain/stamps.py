"""Time stamps: the one stored format (UTC, fixed width, so text order is time order) and the learner's local
day and time of a stamp."""

from __future__ import annotations

from datetime import UTC, date, datetime

STAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"  # fixed width, so text order is time order


def utc(stamp: str) -> datetime:
    """A stored stamp as an aware UTC time. fromisoformat reads STAMP_FORMAT (its trailing Z included) ten times
    faster than strptime, which matters when a status screen dates thousands of finished topics."""
    return datetime.fromisoformat(stamp).replace(tzinfo=UTC)


def local_time(at: str) -> str:
    return utc(at).astimezone().strftime("%Y-%m-%d %H:%M")


def local_day(stamp: str) -> date:
    return utc(stamp).astimezone().date()
