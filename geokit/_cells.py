"""Text cells -> values: blank cells, dates. Shared by the events schema and the readers.

Core stage (imports no other geokit module), so both :mod:`geokit.schema` and
:mod:`geokit.io` can use it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["blank_to_na", "detect_date_format", "format_dates", "parse_dates"]

_DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f", "%d %B %Y",
                 "%d-%B-%Y", "%d-%b-%Y", "%d %b %Y", "%d.%m.%Y", "%d/%m/%Y", "%m/%d/%Y",
                 "%Y/%m/%d", "%B %d, %Y", "%Y%m%d")


def _per_unique(s: pd.Series, fn: Callable[[pd.Series], pd.Series], fill: Any) -> pd.Series:
    """Apply a vectorised ``fn`` to the distinct values of ``s`` only (event tables repeat
    names a lot), ``fill`` for missing cells."""
    codes, uniq = pd.factorize(s.astype(object), use_na_sentinel=True)
    done = fn(pd.Series(uniq, dtype=object)).to_numpy()
    out = np.empty(len(s), dtype=done.dtype if len(done) else object)
    if len(done):
        out[:] = done[np.where(codes < 0, 0, codes)]
    out = pd.Series(out, index=s.index)
    return out.where(codes >= 0, fill)


def blank_to_na(s: pd.Series) -> pd.Series:
    """Text column with empty/whitespace cells as missing."""
    s = s.astype(object)

    def blank(u: pd.Series) -> pd.Series:
        return u.map(lambda v: isinstance(v, str) and not v.strip())

    return s.where(~_per_unique(s, blank, True).astype(bool), None)


def detect_date_format(s: pd.Series) -> str | None:
    """The one strftime format that reads every non-empty cell of ``s``, or ``None``."""
    vals = blank_to_na(s).dropna().astype(str).str.strip().unique()
    if len(vals) == 0:
        return None
    sample = pd.Series(vals[:2000])
    for fmt in _DATE_FORMATS:
        if pd.to_datetime(sample, format=fmt, errors="coerce").notna().all() and (
                len(vals) <= 2000 or pd.to_datetime(pd.Series(vals), format=fmt,
                                                     errors="coerce").notna().all()):
            return fmt
    return None


def parse_dates(s: pd.Series) -> pd.Series:
    """Parse a column of dates written in one or several formats; unreadable cells -> NaT.

    Numeric day/month order is decided for the whole column: day first unless some value can
    only be month first (``12/31/2024``).
    """
    if pd.api.types.is_datetime64_any_dtype(s):
        return s
    text = blank_to_na(s)
    fmt = detect_date_format(text)
    if fmt is not None:
        return pd.to_datetime(text, format=fmt, errors="coerce").astype("datetime64[ns]")
    t = text.astype(str)
    m = t.str.extract(r"^\s*(\d{1,2})[/.](\d{1,2})[/.]\d{2,4}")
    first = pd.to_numeric(m[0], errors="coerce")
    second = pd.to_numeric(m[1], errors="coerce")
    dayfirst = not ((second > 12).any() and not (first > 12).any())
    uniq = pd.Series(text.dropna().astype(str).str.strip().unique())
    parsed = pd.Series(pd.NaT, index=uniq.index, dtype="datetime64[ns]")
    order = [f for f in _DATE_FORMATS if f != ("%m/%d/%Y" if dayfirst else "%d/%m/%Y")]
    for fmt in order:
        todo = parsed.isna()
        if not todo.any():
            break
        parsed[todo] = pd.to_datetime(uniq[todo], format=fmt, errors="coerce")
    todo = parsed.isna()
    if todo.any():
        rest = pd.to_datetime(uniq[todo], format="mixed", dayfirst=dayfirst, errors="coerce",
                              utc=True)
        parsed[todo] = rest.dt.tz_convert(None).astype("datetime64[ns]")
    uniq = pd.Series(text.dropna().unique())
    lookup = dict(zip(uniq, parsed, strict=True))
    out = text.map(lambda v: lookup.get(v, pd.NaT) if v is not None else pd.NaT)
    out = pd.to_datetime(out, errors="coerce")
    if getattr(out.dt, "tz", None) is not None:
        out = out.dt.tz_convert(None)
    return out.astype("datetime64[ns]")


def format_dates(s: pd.Series, fmt: str | None) -> pd.Series:
    """Dates as text in ``fmt`` (ISO by default); missing dates become ``""``."""
    out = s.dt.strftime(fmt or "%Y-%m-%d")
    if fmt and "%f" in fmt:
        out = out.str.replace(r"(\.\d{3})\d{3}$", r"\1", regex=True)
    return out.where(s.notna(), "")
