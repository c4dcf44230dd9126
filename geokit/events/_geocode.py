"""``geocode_events``: fill coordinates of an events table from its place columns.

Rows are never dropped or reordered. For a row without usable coordinates the most precise
name it offers is tried first (``location`` with its ``admin2``/``admin1``/``country`` as
hints), then ``admin2``, ``admin1`` and ``country`` on their own; ``loc_precision`` says which
level was used and ``geocode_status``/``geocode_reason`` say how it went. Rows that already have
valid coordinates keep them; optionally they are checked against the named place and flagged
``suspect`` when they look like swapped latitude/longitude, a wrong sign, or are far away.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Sequence
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from .. import gazetteer, geocoding
from .._config import options
from .._geo import CRS, haversine_km, points_from_latlon
from .._progress import progress_iter
from ..errors import GeokitTypeError, GeokitValueError
from ._context import CODIFIER_PRECISION, WINDOW_DAYS, choose_by_context
from ._dask import is_dask, map_text_partitions
from ._spatial import ADMIN_COLUMNS

__all__ = ["geocode_events", "assign_admin", "GEOCODE_STATUSES"]

#: Values of ``geocode_status``.
GEOCODE_STATUSES = ("existing", "suspect", "resolved", "ambiguous", "approximate",
                    "unresolved")
_KIND_PRECISION = {"populated_place": "exact", "admin2": "admin2", "admin1": "admin1",
                   "country": "country"}


_UNSET: Any = object()
_HINTS = ("admin2", "admin1", "country")
_DEFAULT_COLS = {"admin2": "admin2", "admin1": "admin1", "country": "country_code"}


def geocode_events(df: Any, location_col: str | None = "location", *,
                   admin2_col: str | None = "admin2", admin1_col: str | None = "admin1",
                   country_col: str | None = "country_code", country: Any = None,
                   admin1: Any = None, admin2: Any = None, lat: str = "lat", lon: str = "lon",
                   check_existing: bool = True, max_km: float = 50.0,
                   context: bool = True, event_id_col: str | None = None,
                   group_cols: str | Sequence[str] | None = None,
                   window_days: float = WINDOW_DAYS,
                   progress: bool | None = None, location: Any = _UNSET) -> Any:
    """Fill missing coordinates from the place hierarchy of each row.

    For a row without usable coordinates the most precise name it offers is tried first
    (``location_col`` with the row's district, region and country as hints), then the district,
    the region and the country on their own.

    Parameters
    ----------
    df : pandas.DataFrame, geopandas.GeoDataFrame or dask DataFrame
        The events. A dask (or dask-geopandas) frame is processed partition by partition and
        gives the same rows as pandas.
    location_col : str or None
        Column with the most precise place name (town, village).
    admin2_col, admin1_col, country_col : str or None
        Columns with each row's district, region and country (names or codes). The default
        names are used when the table has them; ``None`` ignores a column.
    country, admin1, admin2 : str or sequence, optional
        Hint *values*, as in :func:`geokit.geocode_many`: one value for every row
        (``country="UA"``, an ISO code or a name) or one value per row. A value given here
        replaces the matching column. (Before 0.2 these took column names; a string that names
        a column of ``df`` is still read as one, with a :class:`DeprecationWarning`.)
    lat, lon : str
        Coordinate columns (created when missing).
    check_existing : bool
        Geocode ``location_col`` for rows that already have coordinates and flag them
        ``suspect`` when the named place is more than ``max_km`` away (saying when swapping
        latitude and longitude or flipping a sign would fix it). Coordinates are never changed.
    max_km : float
        Distance above which existing coordinates are flagged.
    context : bool
        Let the other rows of the table choose among namesakes (default True). A row left
        ``ambiguous`` because several places of its name fit its hints takes the namesake near
        which the table's confidently placed rows (``resolved`` at a settlement's own point, or
        with coordinates given) cluster, asking first the rows of the same event
        (``event_id_col``), then those sharing ``group_cols``, then those of the same day,
        within ``window_days`` and in the whole table (these three only in the same region).
        The reason says how many events within how many km chose it. The row becomes
        ``resolved`` (``approximate`` at a hromada centre) only when rows lie near that
        namesake and near no other; a weaker lead moves the point but keeps ``ambiguous``.
        Dates come from ``event_date`` (or ``date``). A dask frame is decided partition by
        partition, a table over 20,000 rows with a progress bar chunk by chunk.
    event_id_col : str, optional
        Column whose equal values mark rows of one event (several places named for it).
    group_cols : str or sequence of str, optional
        Columns whose equal values mark rows reported together (a source link, an article).
    window_days : float
        Half-width of the time window, in days (default 3).
    progress : bool, optional
        Progress bar for the geocoder (default :data:`geokit.options.progress`).
    location : str, optional
        Deprecated name of ``location_col``.

    Returns
    -------
    geopandas.GeoDataFrame (dask DataFrame for a dask input)
        All input rows in order, with ``lat``/``lon`` filled where possible, ``loc_precision``
        (see :data:`geokit.events.LOC_PRECISIONS`), ``geocode_status`` (one of
        :data:`GEOCODE_STATUSES`) and ``geocode_reason``; point geometry (EPSG:4326) built
        from ``lat``/``lon`` (a GeoDataFrame's own geometry column is rebuilt).

    Raises
    ------
    GeokitValueError
        A column named explicitly is missing, or a per-row hint has the wrong length.
    GeokitTypeError
        ``df`` is not a table, or a per-row hint is given with a dask frame.

    Examples
    --------
    >>> import pandas as pd
    >>> out = geocode_events(pd.DataFrame({"location": ["Sudzha"], "admin1": ["Kursk Oblast"]}))
    >>> out.loc[0, "geocode_status"], round(float(out.loc[0, "lat"]), 2)
    ('resolved', 51.19)
    >>> out = geocode_events(pd.DataFrame({"location": ["Sudzha"]}), country="RU")
    >>> out.loc[0, "geocode_status"]
    'resolved'
    """
    if location is not _UNSET:
        _deprecated("location=", "location_col=")
        location_col = location
    cols = {"admin2": admin2_col, "admin1": admin1_col, "country": country_col}
    hints = {"admin2": admin2, "admin1": admin1, "country": country}
    columns = set(map(str, df.columns)) if hasattr(df, "columns") else set()
    for name, value in hints.items():
        if isinstance(value, str) and value in columns:  # the meaning before 0.2
            _deprecated(f"{name}={value!r} as a column name", f"{name}_col={value!r}")
            cols[name], hints[name] = value, None
    group_cols = [group_cols] if isinstance(group_cols, str) else list(group_cols or ())
    for col in ([event_id_col] if event_id_col else []) + group_cols:
        if col not in columns:
            raise GeokitValueError(f"{col!r} is not a column; columns are {sorted(columns)}")
    if not isinstance(window_days, int | float) or not window_days >= 0:
        raise GeokitValueError(f"window_days must be a number of days >= 0, not {window_days!r}")
    ctx = dict(event_id_col=event_id_col, group_cols=tuple(group_cols),
               window_days=float(window_days)) if context else None
    kw = dict(location=location_col, cols=cols, hints=hints, lat=lat, lon=lon,
              check_existing=check_existing, max_km=max_km, progress=progress, context=ctx)
    if is_dask(df):
        for name, v in hints.items():
            if v is not None and not isinstance(v, str):
                raise GeokitTypeError(f"with a dask DataFrame, {name}= must be one value for "
                                      f"every row, not {type(v).__name__}; put per-row "
                                      f"values in a column and pass {name}_col=")
        return map_text_partitions(df, _geocode_frame, ("loc_precision", "geocode_status",
                                                        "geocode_reason"), **kw)
    if not isinstance(df, pd.DataFrame):
        raise GeokitTypeError(f"geocode_events needs a (Geo)DataFrame or dask DataFrame, not "
                              f"{type(df).__name__}")
    show = options.progress if progress is None else progress
    out = _geocode_with_progress(df, kw) if show and len(df) > _PROGRESS_ROWS else \
        _geocode_frame(df, **kw)
    if not isinstance(out, gpd.GeoDataFrame):  # a table that carries points is a GeoDataFrame
        out = gpd.GeoDataFrame(out, geometry=points_from_latlon(out[lat], out[lon]), crs=CRS)
        out.attrs = df.attrs
    return out


#: Tables longer than this get a progress bar over rows (when progress bars are on).
_PROGRESS_ROWS = 20_000


def _geocode_with_progress(df: pd.DataFrame, kw: dict) -> pd.DataFrame:
    """:func:`_geocode_frame` in chunks with one bar over rows; rows are independent and
    repeated names are remembered, so the result is that of one call."""
    from tqdm.auto import tqdm

    kw = {**kw, "progress": False}
    step = 10_000
    parts = []
    with tqdm(total=len(df), desc="geocoding events", unit="row") as bar:
        for start in range(0, len(df), step):
            sub = {**kw, "hints": {k: _rows(v, start, start + step)
                                   for k, v in kw["hints"].items()}}
            parts.append(_geocode_frame(df.iloc[start:start + step], **sub))
            bar.update(len(parts[-1]))
    out = pd.concat(parts)
    out.attrs = df.attrs
    return out


def _deprecated(old: str, new: str) -> None:
    warnings.warn(f"geocode_events: {old} is deprecated; use {new}", DeprecationWarning,
                  stacklevel=4)


def _rows(spec: Any, start: int, stop: int) -> Any:
    """Rows ``start:stop`` of a per-row hint; a column name or scalar hint stays as it is."""
    if isinstance(spec, pd.Series):
        return spec.iloc[start:stop]
    if isinstance(spec, np.ndarray) or (isinstance(spec, Sequence) and not isinstance(spec, str)):
        return spec[start:stop]
    return spec


def _level(df: pd.DataFrame, col: str | None, hint: Any, name: str) -> np.ndarray | None:
    """Per-row values of one level: the hint values when given, else the column."""
    if hint is not None:
        if isinstance(hint, str):
            return np.full(len(df), hint.strip() or None, dtype=object)
        return _values(df, hint, name)
    if col is None or (col == _DEFAULT_COLS[name] and col not in df.columns):
        return None
    return _values(df, col, f"{name}_col", column_only=True)


def _values(df: pd.DataFrame, spec: Any, name: str, *, column_only: bool = False,
            default: str | None = None) -> np.ndarray | None:
    """Per-row text values (None where blank) for a column name, scalar or sequence.

    The default column name of a hint means "that column if present", never a literal hint.
    """
    n = len(df)
    if spec is None or (spec == default and isinstance(spec, str) and spec not in df.columns):
        return None
    if isinstance(spec, str):
        if spec in df.columns:
            s = df[spec]
        elif column_only:
            raise GeokitValueError(f"{name}={spec!r} is not a column; columns are "
                                   f"{list(df.columns)}")
        else:
            return np.full(n, spec.strip() or None, dtype=object)
    elif isinstance(spec, Sequence | pd.Series | np.ndarray):
        if len(spec) != n:
            raise GeokitValueError(f"{name} has {len(spec)} values for {n} rows")
        s = pd.Series(list(spec), index=df.index)
    else:
        raise GeokitTypeError(f"{name} must be a column name, a string or a sequence, not "
                              f"{type(spec).__name__}")
    # Tables repeat names: clean each distinct value once.
    codes, uniq = pd.factorize(s.astype(object).to_numpy(object), use_na_sentinel=True)
    clean = np.array([v.strip() if isinstance(v, str) and v.strip() else None for v in uniq]
                     + [None], dtype=object)
    return clean[codes]


def _factorize_rows(cols: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Group rows equal in every column: the group of each row (0, 1, ... in order of first
    appearance) and the first row of each group."""
    n = len(cols[0]) if len(cols) else 0
    code = np.zeros(n, dtype=np.int64)
    for col in cols:
        c, u = pd.factorize(col, use_na_sentinel=False)
        code = pd.factorize(code * (len(u) + 1) + c)[0]
    _, first = np.unique(code, return_index=True)
    return code, first


#: Result columns of ``geocode_many`` that ``geocode_events`` uses.
_RESULT_COLUMNS = ("name", "lat", "lon", "kind", "status", "reason", "precision", "admin1")
#: Distinct queries remembered per process; a dask worker geocodes a name once, not once per
#: partition. Cleared when the geocoder, the gazetteer or the online option changes.
_CACHE_SIZE = 500_000
_cache: dict = {"token": None, "rows": {}}
_cache_lock = threading.Lock()


def _cache_token() -> tuple:
    return (geocoding.geocode_many, gazetteer.default(), repr(options.online))


def _call(values: np.ndarray, idx: np.ndarray, hints: dict[str, np.ndarray | None],
          kind: str | None, progress: bool | None) -> pd.DataFrame:
    """``geocode_many`` results for rows ``idx``; each distinct query is asked once and only
    when this process has not answered it before."""
    names = [h for h in ("country", "admin1", "admin2") if hints.get(h) is not None]
    cols = [values[idx]] + [hints[h][idx] for h in names]
    codes, first = _factorize_rows(cols)
    keys = list(zip(*(c[first] for c in cols), strict=True))
    keys = [(*k, tuple(names), kind) for k in keys]
    token = _cache_token()
    with _cache_lock:
        if _cache["token"] != token or len(_cache["rows"]) > _CACHE_SIZE:
            _cache["token"], _cache["rows"] = token, {}
        rows = _cache["rows"]
        todo = [k for k in keys if k not in rows]
    found: dict = {}
    if todo:
        kwargs: dict[str, Any] = {h: [k[j + 1] for k in todo] for j, h in enumerate(names)}
        if kind is not None:
            kwargs["kind"] = kind
        if progress is not None:
            kwargs["progress"] = progress
        res = geocoding.geocode_many([k[0] for k in todo], **kwargs)
        res = res.reindex(columns=list(_RESULT_COLUMNS))
        found = dict(zip(todo, res.itertuples(index=False, name=None), strict=True))
        with _cache_lock:
            rows.update(found)
    uniq = pd.DataFrame([found[k] if k in found else rows[k] for k in keys],
                        columns=list(_RESULT_COLUMNS)).astype({"lat": float, "lon": float})
    return uniq.take(codes).reset_index(drop=True)


def _fill(*, loc, a2, a1, cc, reason: np.ndarray, progress) -> tuple[np.ndarray, ...]:
    """Coordinates for rows without them, from the most precise place column that geocodes.

    Returns ``lat, lon, loc_precision, geocode_status, geocode_reason, region`` arrays
    (``region``: the admin1 name of the place found); ``reason`` holds what is already known
    about each row (e.g. that its coordinates were bad).
    """
    m = len(reason)
    la, lo = np.full(m, np.nan), np.full(m, np.nan)
    prec = np.full(m, None, dtype=object)
    region = np.full(m, None, dtype=object)
    status = np.full(m, "unresolved", dtype=object)
    reason = reason.copy()
    levels = [("location", loc, {"country": cc, "admin1": a1, "admin2": a2}, None),
              ("admin2", a2, {"country": cc, "admin1": a1}, "admin2"),
              ("admin1", a1, {"country": cc}, "admin1"),
              ("country", cc, {}, "country")]
    todo = np.ones(m, dtype=bool)
    for label, values, hints, kind in levels:
        if values is None:
            continue
        idx = np.flatnonzero(todo & pd.notna(values))
        if idx.size == 0:
            continue
        res = _call(values, idx, hints, kind, progress)
        got = res["lat"].notna().to_numpy() & (res["status"] != "unresolved").to_numpy()
        ok, bad = idx[got], idx[~got]
        la[ok], lo[ok] = res["lat"].to_numpy(float)[got], res["lon"].to_numpy(float)[got]
        region[ok] = res["admin1"].to_numpy(object)[got]
        kinds = res["kind"].to_numpy(object)[got]
        precs = res["precision"].to_numpy(object)[got]
        prec[ok] = [CODIFIER_PRECISION.get(p) or _KIND_PRECISION.get(k, "exact")
                    for k, p in zip(kinds, precs, strict=True)]
        st = res["status"].to_numpy(object)[got]
        if label != "location":
            st = np.where(st == "resolved", "approximate", st)
        status[ok] = st
        why = res["reason"].fillna("").to_numpy(object)
        names = res["name"].to_numpy(object)
        reason[ok] = [f"{r}{label} {values[i]!r} -> {nm}" + (f" ({w})" if w else "")
                      for i, r, nm, w in zip(ok, reason[ok], names[got], why[got], strict=True)]
        reason[bad] = [f"{r}{label} {values[i]!r} not found" + (f" ({w})" if w else "") + "; "
                       for i, r, w in zip(bad, reason[bad], why[~got], strict=True)]
        todo[ok] = False
    reason[todo] = [r.rstrip("; ") or "no coordinates and no place names to geocode"
                    for r in reason[todo]]
    return la, lo, prec, status, reason, region


def _existing_regions(a1, cc, rows: np.ndarray, progress) -> np.ndarray:
    """The admin1 name each row's region hint resolves to (None where it gives none)."""
    out = np.full(rows.size, None, dtype=object)
    if a1 is None:
        return out
    has = pd.notna(a1[rows])
    if has.any():
        res = _call(a1, rows[has], {"country": cc}, "admin1", progress)
        ok = (res["status"] != "unresolved").to_numpy()
        out[np.flatnonzero(has)[ok]] = res["admin1"].to_numpy(object)[ok]
    return out


def _geocode_frame(df: pd.DataFrame, *, location, cols, hints, lat, lon, check_existing,
                   max_km, progress, context=None) -> pd.DataFrame:
    n = len(df)
    loc = _values(df, location, "location_col", column_only=True) if location else None
    a2, a1, cc = (_level(df, cols[h], hints[h], h) for h in _HINTS)
    la = pd.to_numeric(df[lat], errors="coerce").to_numpy(float) if lat in df.columns \
        else np.full(n, np.nan)
    lo = pd.to_numeric(df[lon], errors="coerce").to_numpy(float) if lon in df.columns \
        else np.full(n, np.nan)
    la, lo = la.copy(), lo.copy()
    valid = np.isfinite(la) & np.isfinite(lo) & (np.abs(la) <= 90) & (np.abs(lo) <= 180)
    prec = (df["loc_precision"].astype(object).where(df["loc_precision"].notna(), None)
            .to_numpy(object).copy() if "loc_precision" in df.columns
            else np.full(n, None, dtype=object))
    status = np.full(n, "unresolved", dtype=object)
    reason = np.full(n, "", dtype=object)
    status[valid] = "existing"
    had_bad = ~valid & (np.isfinite(la) | np.isfinite(lo))
    reason[had_bad] = "coordinates out of range or incomplete; "
    prec[~valid] = None

    # Fill rows without coordinates, most precise level first; rows that agree in every place
    # column (and in having had bad coordinates) are filled once.
    todo_rows = np.flatnonzero(~valid)
    if todo_rows.size:
        given = [v for v in (loc, a2, a1, cc) if v is not None]
        codes, first = _factorize_rows([v[todo_rows] for v in given] + [had_bad[todo_rows]])
        reps = todo_rows[first]
        pick = {k: None if v is None else v[reps]
                for k, v in (("loc", loc), ("a2", a2), ("a1", a1), ("cc", cc))}
        filled = _fill(**pick, reason=reason[reps], progress=progress)
        region = np.full(n, None, dtype=object)
        for target, values in zip((la, lo, prec, status, reason, region), filled, strict=True):
            target[todo_rows] = values[codes]

    if check_existing and loc is not None:
        idx = np.flatnonzero(valid & pd.notna(loc))
        if idx.size:
            res = _call(loc, idx, {"country": cc, "admin1": a1, "admin2": a2}, None, progress)
            sure = (res["status"] == "resolved").to_numpy() & res["lat"].notna().to_numpy()
            idx, res = idx[sure], res[sure]
            plat, plon = res["lat"].to_numpy(float), res["lon"].to_numpy(float)
            d = haversine_km(la[idx], lo[idx], plat, plon)
            far = d > max_km
            names = res["name"].to_numpy(object)
            tests = [("latitude and longitude look swapped", lo[idx], la[idx]),
                     ("latitude has the wrong sign", -la[idx], lo[idx]),
                     ("longitude has the wrong sign", la[idx], -lo[idx]),
                     ("both signs are wrong", -la[idx], -lo[idx])]
            hint = np.full(idx.size, "", dtype=object)
            for text, x, y in reversed(tests):
                fits = (np.abs(x) <= 90) & (haversine_km(x, y, plat, plon) <= max_km)
                hint[fits] = "; " + text
            far = np.flatnonzero(d > max_km)
            status[idx[far]] = "suspect"
            reason[idx[far]] = [f"coordinates are {d[j]:,.0f} km from {names[j]!r}{hint[j]}; "
                                "kept as given" for j in far]

    if todo_rows.size and context is not None and (status == "ambiguous").any():
        # after the check: rows flagged "suspect" are no anchors
        region[valid] = _existing_regions(a1, cc, np.flatnonzero(valid), progress)
        choose_by_context(df, loc, a2, a1, cc, la, lo, prec, status, reason, region, **context)

    out = df.copy()
    out[lat] = la
    out[lon] = lo
    out["loc_precision"] = pd.Series(prec, index=df.index, dtype=object)
    out["geocode_status"] = pd.Series(status, index=df.index, dtype=object)
    out["geocode_reason"] = pd.Series(reason, index=df.index, dtype=object)
    if isinstance(out, gpd.GeoDataFrame) and out.geometry.name in out.columns:
        out = out.set_geometry(gpd.GeoSeries(points_from_latlon(la, lo), index=df.index,
                                             crs=CRS, name=out.geometry.name))
    return out


def assign_admin(df, *, level: int = 1, lat: str = "lat", lon: str = "lon", decimals: int = 2,
                 progress: bool | None = None):
    """``assign_admin(method="nearest")``: the areas of the nearest gazetteer settlement.

    Points are rounded to ``decimals`` (2 = about 1 km) and each distinct point is looked up
    once with :func:`geokit.reverse`. Adds :data:`ADMIN_COLUMNS`: ``area_status`` is
    ``nearest_settlement`` (``no_coordinates`` for rows without usable coordinates) and
    ``area_reason`` names the settlement and its distance; ``area_name`` is the region
    (``level=1``) or district (``level=2``).
    """
    kw = dict(level=level, lat=lat, lon=lon, decimals=decimals, progress=progress)
    if is_dask(df):
        return map_text_partitions(df, _assign_admin_frame, ADMIN_COLUMNS, **kw)
    if not isinstance(df, pd.DataFrame):
        raise GeokitTypeError(f"assign_admin needs a (Geo)DataFrame or dask DataFrame, not "
                              f"{type(df).__name__}")
    return _assign_admin_frame(df, **kw)


def _assign_admin_frame(df: pd.DataFrame, *, level, lat, lon, decimals, progress
                        ) -> pd.DataFrame:
    for col in (lat, lon):
        if col not in df.columns:
            raise GeokitValueError(f"no column {col!r}; columns are {list(df.columns)}")
    n = len(df)
    la = pd.to_numeric(df[lat], errors="coerce").to_numpy(float)
    lo = pd.to_numeric(df[lon], errors="coerce").to_numpy(float)
    ok = np.isfinite(la) & np.isfinite(lo) & (np.abs(la) <= 90) & (np.abs(lo) <= 180)
    keys = pd.Series(list(zip(np.round(la, decimals), np.round(lo, decimals), strict=True)))
    codes, uniq = pd.factorize(keys.where(ok, None))
    found = []
    show = options.progress if progress is None else progress
    for y, x in progress_iter(uniq, total=len(uniq), enabled=show, desc="assigning regions"):
        p = geocoding.reverse(float(y), float(x))
        found.append((p.country_code or None, p.admin1 or None, p.admin2 or None, p.name,
                      p.lat, p.lon))
    table = pd.DataFrame(found, columns=["cc", "a1", "a2", "place", "plat", "plon"])
    pick = table.reindex(codes).reset_index(drop=True) if n else table.iloc[:0]
    dist = haversine_km(la, lo, pick["plat"].to_numpy(float), pick["plon"].to_numpy(float)) \
        if n else np.array([], float)
    out = df.copy()
    values = {"area_country_code": "cc", "area_admin1": "a1", "area_admin2": "a2",
              "area_name": "a2" if level == 2 else "a1"}
    for col, src in values.items():
        vals = pd.Series(pick[src].to_numpy(object), index=df.index, dtype=object)
        out[col] = vals.where(vals.notna(), None)
    places = pick["place"].to_numpy(object)
    out["area_status"] = pd.Series(np.where(ok, "nearest_settlement", "no_coordinates"),
                                   index=df.index, dtype=object)
    out["area_reason"] = pd.Series(
        [f"nearest settlement {places[i]}, {dist[i]:.1f} km away" if ok[i]
         else "no usable coordinates; geocode the row first" for i in range(n)],
        index=df.index, dtype=object)
    return out
