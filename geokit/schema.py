"""The events-table schema: column constants, dtypes, :func:`conform` and :func:`validate_events`.

A low stage of its own (below text, io and events), because the text stage builds events
tables, the readers and writers in :mod:`geokit.io` produce and consume them, and
:mod:`geokit.events` works on them; everything else about events tables lives in
:mod:`geokit.events`.

An events table is a plain :class:`geopandas.GeoDataFrame` (no subclass) holding the columns in
:data:`EVENT_COLUMNS` plus every column of the file it came from. Point geometry is in
EPSG:4326 and is always built from ``lat``/``lon`` by :func:`geokit._geo.points_from_latlon`, the one
place where latitude/longitude order is turned into shapely's x/y order.

Examples
--------
>>> import geokit.schema as ev
>>> gdf = ev.empty_events()
>>> list(gdf.columns[:3])
['event_id', 'dataset', 'event_date']
>>> ev.validate_events(gdf).empty
True
"""

from __future__ import annotations

from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from ._cells import parse_dates
from ._geo import CRS, points_from_latlon
from .errors import GeokitValueError

__all__ = [
    "EVENT_COLUMNS",
    "EVENT_DTYPES",
    "CRS",
    "LOC_PRECISIONS",
    "APPROXIMATE_PRECISIONS",
    "DATE_PRECISIONS",
    "STATUS_COLUMNS",
    "empty_events",
    "conform",
    "points_from_latlon",
    "validate_events",
    "event_points",
    "is_dask",
]

#: Canonical columns, in order. Source-specific columns follow them.
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "dataset", "event_date", "date_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "location", "admin1", "admin2", "country_code", "lat", "lon",
    "loc_precision", "fatalities", "notes", "source",
)

#: dtype of each canonical column.
EVENT_DTYPES: dict[str, str] = {
    **{c: "object" for c in EVENT_COLUMNS},
    "event_date": "datetime64[ns]",
    "lat": "float64",
    "lon": "float64",
    "fatalities": "Int64",
}

#: Values of ``loc_precision``, most to least precise. ``near`` means within ~25 km of a named
#: place; ``region`` is an area larger than an admin1 unit but smaller than the country;
#: ``other`` is e.g. international waters.
LOC_PRECISIONS: tuple[str, ...] = ("exact", "near", "admin2", "admin1", "region", "country",
                                   "other")

#: ``loc_precision`` values whose point stands for an area or a nearby centre, not the place
#: itself: every value but ``exact``.
APPROXIMATE_PRECISIONS: tuple[str, ...] = LOC_PRECISIONS[1:]

#: Values of ``date_precision``: the event happened on that day, within a few days, in that
#: week, month or year.
DATE_PRECISIONS: tuple[str, ...] = ("day", "days", "week", "month", "year")

#: Columns geokit adds to explain what it did to a row; never written to source formats.
STATUS_COLUMNS: tuple[str, ...] = ("coord_status", "coord_reason", "geocode_status",
                                   "geocode_reason")

_PROBLEM_COLUMNS = ["row", "column", "value", "why"]


def empty_events() -> gpd.GeoDataFrame:
    """An events table with no rows and the canonical columns and dtypes.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns :data:`EVENT_COLUMNS` plus ``geometry``, CRS EPSG:4326.

    Examples
    --------
    >>> empty_events().shape
    (0, 19)
    """
    df = pd.DataFrame({c: pd.Series(dtype=EVENT_DTYPES[c]) for c in EVENT_COLUMNS})
    return gpd.GeoDataFrame(df, geometry=points_from_latlon([], []), crs=CRS)


def conform(df: pd.DataFrame, *, dataset: str | None = None) -> gpd.GeoDataFrame:
    """Return ``df`` as an events table: canonical columns first (added empty when missing, cast
    to their dtypes), other columns kept after them, geometry rebuilt from ``lat``/``lon``.

    Parameters
    ----------
    df : pandas.DataFrame
        Any table; existing canonical columns are cast, others are kept unchanged.
    dataset : str, optional
        Value for ``dataset`` where it is missing.

    Returns
    -------
    geopandas.GeoDataFrame
    """
    df = _latlon_from_geometry(df)
    canon = {c: _cast(df[c], c) if c in df.columns else pd.Series(
        None, index=df.index, dtype=EVENT_DTYPES[c]) for c in EVENT_COLUMNS}
    if dataset is not None:
        canon["dataset"] = canon["dataset"].where(canon["dataset"].notna(), dataset)
    geom_name = df.geometry.name if isinstance(df, gpd.GeoDataFrame) else None
    rest = [c for c in df.columns if c not in canon and c != geom_name]
    out = pd.concat([pd.DataFrame(canon, index=df.index), pd.DataFrame(df[rest])], axis=1)
    geometry = gpd.GeoSeries(points_from_latlon(out["lat"], out["lon"]), index=df.index)
    gdf = gpd.GeoDataFrame(out, geometry=geometry, crs=CRS)
    gdf.attrs.update(df.attrs)
    return gdf


def _latlon_from_geometry(df: pd.DataFrame) -> pd.DataFrame:
    """For a GeoDataFrame of points without ``lat``/``lon``, add them from the geometry."""
    if not isinstance(df, gpd.GeoDataFrame) or {"lat", "lon"} <= set(df.columns) or \
            df.geometry.name not in df.columns:
        return df
    geom = df.geometry.to_crs(CRS) if df.crs is not None else df.geometry
    pts = geom.notna() & ~geom.is_empty & (geom.geom_type == "Point")
    import shapely

    df = df.copy()
    mask = pts.to_numpy()
    lat = np.full(len(df), np.nan)
    lon = np.full(len(df), np.nan)
    lon[mask] = shapely.get_x(geom.to_numpy()[mask])
    lat[mask] = shapely.get_y(geom.to_numpy()[mask])
    df["lat"], df["lon"] = lat, lon
    return df


def _cast(s: pd.Series, col: str) -> pd.Series:
    kind = EVENT_DTYPES[col]
    if kind == "float64":
        return pd.to_numeric(s, errors="coerce").astype(float)
    if kind == "Int64":
        num = pd.to_numeric(s, errors="coerce")
        return num.where(num == num.round()).astype("Int64")
    if kind.startswith("datetime"):
        if pd.api.types.is_datetime64_any_dtype(s):
            s = s.dt.tz_convert(None) if getattr(s.dt, "tz", None) else s
            return s.astype("datetime64[ns]")
        return parse_dates(s)
    return s.astype(object).where(s.notna(), None)


def validate_events(gdf: pd.DataFrame) -> pd.DataFrame:
    """List every problem in an events table at once.

    Parameters
    ----------
    gdf : pandas.DataFrame or geopandas.GeoDataFrame
        An events table (usually from :func:`geokit.io.read_events`).

    Returns
    -------
    pandas.DataFrame
        Columns ``row`` (index label, ``None`` for table-wide problems), ``column``, ``value`` and
        ``why``; empty when the table is valid.

    Examples
    --------
    >>> import pandas as pd
    >>> probs = validate_events(pd.DataFrame({"lat": [95.0], "lon": [30.0]}))
    >>> bool(probs["why"].str.contains("latitude outside").any())
    True
    """
    problems: list[pd.DataFrame] = []

    def add(mask: pd.Series, column: str, why: str | pd.Series) -> None:
        mask = mask.fillna(False).astype(bool)
        if mask.any():
            rows = gdf.index[mask.to_numpy()]
            whys = why[mask] if isinstance(why, pd.Series) else why
            problems.append(pd.DataFrame({
                "row": rows, "column": column,
                "value": gdf.loc[mask.to_numpy(), column].astype(object).to_numpy()
                if column in gdf.columns else None,
                "why": whys}))

    missing = [c for c in EVENT_COLUMNS if c not in gdf.columns]
    if missing:
        problems.append(pd.DataFrame({"row": None, "column": missing, "value": None,
                                      "why": "missing column; read the file with "
                                             "geokit.read_events or add it"}))
    if isinstance(gdf, gpd.GeoDataFrame) and gdf.crs is not None and gdf.crs != CRS:
        problems.append(pd.DataFrame({"row": [None], "column": ["geometry"],
                                      "value": [str(gdf.crs)],
                                      "why": ["CRS must be EPSG:4326; use gdf.to_crs(4326)"]}))
    if "event_id" in gdf.columns:
        ids = gdf["event_id"]
        add(ids.isna(), "event_id", "missing event id")
        add(ids.notna() & ids.duplicated(keep=False), "event_id", "duplicate event id")
    if "event_date" in gdf.columns:
        d = gdf["event_date"]
        if pd.api.types.is_datetime64_any_dtype(d):
            add(d.isna(), "event_date", "missing or unreadable date")
        else:
            add(parse_dates(d).isna(), "event_date", "missing or unreadable date")
    has_lat, has_lon = "lat" in gdf.columns, "lon" in gdf.columns
    if has_lat and has_lon:
        la = pd.to_numeric(gdf["lat"], errors="coerce")
        lo = pd.to_numeric(gdf["lon"], errors="coerce")
        add(la.isna() & lo.isna(), "lat", "no coordinates; run geokit.geocode_events")
        add(la.isna() != lo.isna(), "lat", "latitude and longitude must both be given")
        add(gdf["lat"].notna() & la.isna(), "lat", "latitude is not a number")
        add(gdf["lon"].notna() & lo.isna(), "lon", "longitude is not a number")
        bad_lat = la.abs() > 90
        swapped = bad_lat & (lo.abs() <= 90) & (la.abs() <= 180)
        add(bad_lat & ~swapped, "lat", "latitude outside -90..90")
        add(swapped, "lat", "latitude outside -90..90; latitude and longitude look swapped")
        add(lo.abs() > 180, "lon", "longitude outside -180..180")
        if isinstance(gdf, gpd.GeoDataFrame) and gdf.geometry.name in gdf.columns:
            g = gdf.geometry
            pt = g.notna() & ~g.is_empty & (g.geom_type == "Point")
            gx = pd.Series(np.nan, index=gdf.index)
            gy = pd.Series(np.nan, index=gdf.index)
            gx[pt] = g[pt].x
            gy[pt] = g[pt].y
            off = pt & la.notna() & (((gx - lo).abs() > 1e-6) | ((gy - la).abs() > 1e-6))
            add(off, "geometry", "point does not match lat/lon; rebuild with "
                                 "gdf.geokit.with_points()")
    for col, allowed in (("loc_precision", LOC_PRECISIONS), ("date_precision", DATE_PRECISIONS)):
        if col in gdf.columns:
            s = gdf[col]
            add(s.notna() & ~s.isin(allowed), col, f"must be one of {', '.join(allowed)}")
    if "fatalities" in gdf.columns:
        f = pd.to_numeric(gdf["fatalities"], errors="coerce")
        add(gdf["fatalities"].notna() & f.isna(), "fatalities", "not a number")
        add(f < 0, "fatalities", "negative count")
        add(f.notna() & (f != f.round()), "fatalities", "not a whole number")
    if "country_code" in gdf.columns:
        cc = gdf["country_code"]
        ok = cc.astype(str).str.fullmatch(r"[A-Z]{2}")
        add(cc.notna() & ~ok, "country_code", "must be an ISO 3166-1 alpha-2 code like 'UA'")
    if not problems:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in _PROBLEM_COLUMNS})
    return pd.concat(problems, ignore_index=True)[_PROBLEM_COLUMNS]


def event_points(df: pd.DataFrame) -> gpd.GeoSeries:
    """The events' points: from ``lat``/``lon`` when present, else the table's geometry.

    Raises
    ------
    GeokitValueError
        The table has neither ``lat``/``lon`` nor a geometry.
    """
    if {"lat", "lon"} <= set(df.columns):
        return gpd.GeoSeries(points_from_latlon(df["lat"], df["lon"]), index=df.index)
    if isinstance(df, gpd.GeoDataFrame):
        return df.geometry.to_crs(CRS) if df.crs is not None else df.geometry
    raise GeokitValueError("need lat/lon columns or a GeoDataFrame with point geometry")


def is_dask(df: Any) -> bool:
    """Whether ``df`` is a dask (or dask-geopandas) DataFrame, without importing dask."""
    return type(df).__module__.split(".")[0] in ("dask", "dask_geopandas") and hasattr(
        df, "map_partitions")
