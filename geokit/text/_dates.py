"""Calendar helpers shared by the English and the Ukrainian/Russian date rules."""

from __future__ import annotations

import datetime as dt

__all__ = ["AHEAD_DAYS", "YEARS", "safe_date", "year_for"]

#: Years an event date can have (pandas' datetime64[ns] range, whole years).
YEARS = range(1678, 2262)

#: A day and month without a year up to this many days after the publication date is read as
#: coming soon in the same year ("talks resume on 14 June" in a text of 11 June); one further
#: ahead is read as last year's ("14 March" in a text of January).
AHEAD_DAYS = 7


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    """``date(y, m, d)``, or None when there is no such day or the year cannot be stored."""
    if y not in YEARS:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def year_for(month: int, day: int, pub: dt.date | None) -> int:
    """The year of a day and month written without one: the latest year that puts it no more
    than :data:`AHEAD_DAYS` after the publication date ``pub`` (so "14 березня" in a text of
    January is last March, "2 січня" in a text of 30 December is the coming 2 January, and a
    date a few days ahead stays in the publication year); this year without ``pub``.

    Examples
    --------
    >>> year_for(3, 14, dt.date(2025, 1, 20))
    2024
    >>> year_for(6, 14, dt.date(2025, 6, 11))
    2025
    >>> year_for(1, 2, dt.date(2025, 12, 30))
    2026
    """
    if pub is None:
        return dt.date.today().year
    latest = pub + dt.timedelta(days=AHEAD_DAYS)
    for year in (pub.year + 1, pub.year, pub.year - 1):
        d = safe_date(year, month, day)
        if d is not None and d <= latest:
            return year
    return pub.year - 1  # 29 February: the caller finds no such day in a common year
