"""Fitting the schedule to an "off book by" date.

FSRS spaces reviews for the long run: a line known well today is next due in a week or a
month. An actor with a callback on Thursday needs the opposite near the end, every line
run once more on the eve and held at a higher recall on the day. So, while the date is
ahead:

* no interval reaches past the eve: a review that FSRS would put later lands on the eve
  (the day before the date), and once the eve has come, on the morning of the date;
* the desired retention rises from FSRS's usual 0.9 to 0.97 over the last week, which
  shortens every interval as the date nears;
* new lines are introduced fast enough that each is met at least once before the eve.

After the date the part goes back to ordinary spacing (long runs, re-auditions).
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, time, timedelta, tzinfo

BASE_RETENTION = 0.9
"""FSRS's recommended retention, used with no date or after it."""
PEAK_RETENTION = 0.97
"""The retention aimed at on the eve of the date."""
RAMP_DAYS = 7
"""Over how many days before the date the retention rises."""


def day_start(day: date, tz: tzinfo) -> datetime:
    """Midnight starting ``day`` in the actor's time zone, as an aware UTC datetime."""
    return datetime.combine(day, time(0, 0), tzinfo=tz).astimezone(UTC)


def local_day(moment: datetime, tz: tzinfo) -> date:
    """The calendar day ``moment`` falls on for the actor."""
    return moment.astimezone(tz).date()


def days_left(now: datetime, off_book_by: date, tz: tzinfo) -> int:
    """Whole days from today to the date (0 on the day, negative after it)."""
    return (off_book_by - local_day(now, tz)).days


def retention_for(now: datetime, off_book_by: date | None, tz: tzinfo) -> float:
    """The desired retention for a review made ``now``: higher as the date nears."""
    if off_book_by is None:
        return BASE_RETENTION
    left = days_left(now, off_book_by, tz)
    if left < 0 or left > RAMP_DAYS:
        return BASE_RETENTION
    share = (RAMP_DAYS - max(left, 1)) / (RAMP_DAYS - 1)
    return round(BASE_RETENTION + share * (PEAK_RETENTION - BASE_RETENTION), 4)


def maximum_interval(now: datetime, off_book_by: date | None, tz: tzinfo) -> int | None:
    """The longest interval in days FSRS may give now, or None for no limit."""
    if off_book_by is None:
        return None
    left = days_left(now, off_book_by, tz)
    if left <= 0:
        return None
    return max(1, left - 1)


def latest_review(now: datetime, off_book_by: date | None, tz: tzinfo) -> datetime | None:
    """The latest moment the next review may be due, or None when anything goes.

    Before the eve this is the start of the eve; on the eve, the start of the date itself
    (a last run that morning); on the date or after, no limit.
    """
    if off_book_by is None:
        return None
    left = days_left(now, off_book_by, tz)
    if left <= 0:
        return None
    if left == 1:
        return day_start(off_book_by, tz)
    return day_start(off_book_by - timedelta(days=1), tz)


def secure_until(off_book_by: date | None, tz: tzinfo) -> datetime | None:
    """The end of the off-book day: what "secure" must hold through while the date is ahead."""
    if off_book_by is None:
        return None
    return day_start(off_book_by + timedelta(days=1), tz)


def cap_due(due: datetime, now: datetime, off_book_by: date | None, tz: tzinfo) -> datetime:
    """``due`` moved earlier if it would fall after the latest review before the date."""
    latest = latest_review(now, off_book_by, tz)
    if latest is None or due <= latest:
        return due
    return max(latest, now)


def new_lines_per_day(
    not_introduced: int, today: date, off_book_by: date | None, usual: int
) -> int:
    """How many new lines today may bring: the usual few, more if the date needs it.

    Every line should be met before the eve, so the lines left are spread over the days
    from today to the day before the eve (at least today).
    """
    if off_book_by is None or not_introduced <= 0:
        return usual
    days = (off_book_by - today).days - 1
    if days <= 1:
        return max(usual, not_introduced)
    return max(usual, math.ceil(not_introduced / days))
