"""Dates and times as the actor's locale writes them, everywhere in the windows.

``QLocale()`` gives the order and separators the actor is used to. A process started
without a locale (``LANG=C``, common under a bare X server or a service) gets Qt's "C"
locale, whose short date is ``7 11 2026`` — readable by nobody; there the unambiguous
ISO form (``2026-11-07``) is used instead.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget

ISO_DATE = "yyyy-MM-dd"
ISO_TIME = "HH:mm"


def _locale() -> QLocale:
    return QLocale()


def _is_c(locale: QLocale) -> bool:
    return locale.language() == QLocale.Language.C


def short_date_format() -> str:
    """The locale's short date format (``dd/MM/yyyy`` in the UK, ``M/d/yy`` in the US)."""
    locale = _locale()
    return ISO_DATE if _is_c(locale) else locale.dateFormat(QLocale.FormatType.ShortFormat)


def short_time_format() -> str:
    """The locale's short time format (``HH:mm`` or ``h:mm AP``)."""
    locale = _locale()
    return ISO_TIME if _is_c(locale) else locale.timeFormat(QLocale.FormatType.ShortFormat)


def date_text(day: date) -> str:
    """``day`` in the short date format."""
    return _locale().toString(QDate(day.year, day.month, day.day), short_date_format())


def datetime_text(moment: datetime, tz: tzinfo | None = None, *, weekday: bool = False) -> str:
    """``moment`` in local time (or ``tz``): short date, then short time.

    ``weekday`` puts the day's short name in front ("Tue 08/12/2026 10:00").
    """
    local = moment.astimezone(tz)
    qt_moment = QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )
    fmt = f"{short_date_format()} {short_time_format()}"
    return _locale().toString(qt_moment, f"ddd {fmt}" if weekday else fmt)


def local_date_text(moment: datetime, tz: tzinfo | None = None) -> str:
    """The local day of ``moment`` (or its day in ``tz``) in the short date format."""
    return date_text(moment.astimezone(tz).date())


def use_locale_dates(
    edit: QDateTimeEdit, *, with_time: bool = False, weekday: bool = False
) -> None:
    """Show ``edit``'s date (and time) in the formats above, not Qt's "C" default.

    ``weekday`` puts the day's short name in front: an audition on a "Tue" is easier to
    place in the week than one on a bare date.
    """
    fmt = short_date_format()
    if weekday:
        fmt = f"ddd {fmt}"
    edit.setDisplayFormat(f"{fmt} {short_time_format()}" if with_time else fmt)


class FieldDateTimeEdit(QDateTimeEdit):
    """A date and time box where Tab moves to the next field, as in the rest of a form.

    ``QDateTimeEdit`` spends Tab on its own sections (day, month, year, hour, minute), so
    an actor tabbing through a form typed the next field's text into the minutes. The
    arrow keys and the separators still move between sections; Tab and Shift+Tab leave.
    """

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class FieldDateEdit(QDateEdit):
    """A date box where Tab moves to the next field (see :class:`FieldDateTimeEdit`)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)
