"""Calendar helpers shared by the English and the Ukrainian/Russian date rules."""

from __future__ import annotations

import datetime as dt

__all__ = ["YEARS", "safe_date", "year_for"]

#: Years an event date can have (pandas' datetime64[ns] range, whole years).
YEARS = range(1678, 2262)


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    """``date(y, m, d)``, or None when there is no such day or the year cannot be stored."""
    if y not in YEARS:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def year_for(month: int, day: int, pub: dt.date | None) -> int:
    """The year that puts ``month``/``day`` on or before the publication date."""
    if pub is None:
        return dt.date.today().year
    return pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1
