"""Time stamps: the one stored format (UTC, fixed width, so text order is time order) and the learner's local
day and time of a stamp."""

from __future__ import annotations

from datetime import UTC, date, datetime

STAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"  # fixed width, so text order is time order


def local_time(at: str) -> str:
    stamp = datetime.strptime(at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    return stamp.astimezone().strftime("%Y-%m-%d %H:%M")


def local_day(stamp: str) -> date:
    return datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC).astimezone().date()
