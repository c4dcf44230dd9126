"""The canonical events table: schema constants, validation and the ``geokit`` accessor.

An events table is a plain :class:`geopandas.GeoDataFrame` (no subclass) holding the columns in
:data:`EVENT_COLUMNS` plus every column of the file it came from. Point geometry is in
EPSG:4326 and is always built from ``lat``/``lon`` by :func:`points_from_latlon`, the one place
where latitude/longitude order is turned into shapely's x/y order.

Examples
--------
>>> import geokit.events as ev
>>> gdf = ev.empty_events()
>>> list(gdf.columns[:3])
['event_id', 'dataset', 'event_date']
>>> ev.validate_events(gdf).empty
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from .errors import GeokitTypeError, GeokitValueError

__all__ = [
    "EVENT_COLUMNS",
    "EVENT_DTYPES",
    "CRS",
    "LOC_PRECISIONS",
    "DATE_PRECISIONS",
    "STATUS_COLUMNS",
    "empty_events",
    "conform",
    "points_from_latlon",
    "validate_events",
    "geocode_events",
    "assign_admin",
    "distance_to_km",
    "distance_to_border_km",
    "count_events",
    "ADMIN_METHODS",
    "EventsAccessor",
]

#: Coordinate reference system of every events table.
CRS = "EPSG:4326"

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

#: Values of ``date_precision``: the event happened on that day, within a few days, in that
#: week, month or year.
DATE_PRECISIONS: tuple[str, ...] = ("day", "days", "week", "month", "year")

#: Columns geokit adds to explain what it did to a row; never written to source formats.
STATUS_COLUMNS: tuple[str, ...] = ("coord_status", "coord_reason", "geocode_status",
                                   "geocode_reason")

_PROBLEM_COLUMNS = ["row", "column", "value", "why"]


def points_from_latlon(lat: Any, lon: Any) -> gpd.array.GeometryArray:
    """Build points from latitude/longitude; missing or out-of-range pairs give empty geometry.

    This is the only place geokit turns ``(lat, lon)`` into shapely's ``(x=lon, y=lat)``.

    Parameters
    ----------
    lat, lon : float or array-like
        Latitudes and longitudes in degrees (WGS84).

    Returns
    -------
    geopandas.array.GeometryArray
        One point per pair, CRS EPSG:4326; ``None`` where a pair is missing or out of range.

    Examples
    --------
    >>> pts = points_from_latlon([51.19], [35.27])
    >>> (pts[0].x, pts[0].y)
    (35.27, 51.19)
    """
    la = np.atleast_1d(pd.to_numeric(np.asarray(lat, dtype=object), errors="coerce")
                       ).astype(float)
    lo = np.atleast_1d(pd.to_numeric(np.asarray(lon, dtype=object), errors="coerce")
                       ).astype(float)
    if la.shape != lo.shape:
        raise GeokitValueError(f"lat and lon must have the same length, got {la.size} and "
                               f"{lo.size}")
    ok = np.isfinite(la) & np.isfinite(lo) & (np.abs(la) <= 90) & (np.abs(lo) <= 180)
    pts = gpd.points_from_xy(np.where(ok, lo, 0.0), np.where(ok, la, 0.0), crs=CRS)
    pts[~ok] = None
    return pts


def empty_events() -> gpd.GeoDataFrame:
    """An events table with no rows and the canonical columns and dtypes.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns :data:`EVENT_COLUMNS` plus ``geometry``, CRS EPSG:4326.
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
        from .io._common import parse_dates

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
            from .io._common import parse_dates

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


def geocode_events(df, location: str | None = "location", admin2: str | None = "admin2",
                   admin1: str | None = "admin1", country: str | None = "country_code",
                   **kwargs: Any):
    """Fill missing coordinates of an events table from its place columns.

    See :func:`geokit._geocode_events.geocode_events` for the parameters.
    """
    from ._geocode_events import geocode_events as _impl

    return _impl(df, location=location, admin2=admin2, admin1=admin1, country=country,
                 **kwargs)


#: Values of ``method`` in :func:`assign_admin`.
ADMIN_METHODS: tuple[str, ...] = ("polygon", "nearest")


def assign_admin(df, areas: Any = None, *, level: int = 1, name_column: str | None = None,
                 columns: Sequence[str] | None = None, countries: Sequence[str] | None = None,
                 method: str = "polygon", lat: str = "lat", lon: str = "lon",
                 max_km: float = 5.0, **kwargs: Any):
    """Which admin area (region, district, or any polygon) each event falls in.

    The default ``method="polygon"`` joins each point to the polygon that contains it: the
    bundled approximate areas of :func:`geokit.admin.admin_areas` (``level`` 1 = regions,
    2 = districts), or your own polygons (e.g. a geoBoundaries or GADM file). Every row is kept,
    in order; ``admin_status``/``admin_reason`` say how each was placed.

    Parameters
    ----------
    df : pandas.DataFrame, geopandas.GeoDataFrame or dask DataFrame
        Events with coordinate columns. Dask frames are processed partition by partition and
        give the same rows as pandas.
    areas : None, geopandas.GeoDataFrame, str or Path
        Polygons to join with; ``None`` uses the bundled areas of ``level``. A path is read
        with geopandas (GeoPackage, GeoJSON, shapefile, GeoParquet). Any CRS; reprojected to
        EPSG:4326.
    level : {1, 2}
        Admin level of the bundled areas.
    name_column : str, optional
        Area column copied to ``admin_name`` (default ``name`` when the areas have one).
    columns : sequence of str, optional
        More area columns to copy, each as ``admin_<column>``.
    countries : sequence of str, optional
        ISO alpha-2 codes limiting the bundled areas (faster for one country).
    method : {"polygon", "nearest"}
        ``nearest`` is the older method: the regions of the nearest gazetteer settlement
        (columns ``nearest_place``/``nearest_km``; ``decimals``/``progress`` keywords).
    lat, lon : str
        Coordinate columns.
    max_km : float
        A point outside every polygon but within this many km of one (coastlines and borders
        are generalised) gets that one with ``admin_status="nearest"``; 0 turns this off.

    Returns
    -------
    Same type as ``df``
        All rows in order with ``admin_country_code``, ``admin_admin1``, ``admin_admin2``,
        ``admin_name`` (plus ``admin_<column>`` for ``columns``), ``admin_status`` (``inside``,
        ``nearest``, ``admin1_only``, ``outside``, ``no_coordinates``; see
        :data:`geokit._events_spatial.ADMIN_STATUSES`) and ``admin_reason``. Area values are
        ``None`` where no area was found. A point on the boundary of several areas gets the
        first of them in the areas table.

    Examples
    --------
    >>> import geopandas as gpd, pandas as pd
    >>> from shapely.geometry import box
    >>> areas = gpd.GeoDataFrame({"name": ["West", "East"]},
    ...                          geometry=[box(30, 45, 35, 52), box(35, 45, 40, 52)], crs=4326)
    >>> out = assign_admin(pd.DataFrame({"lat": [50.0, 60.0], "lon": [36.0, 36.0]}), areas)
    >>> out["admin_name"].tolist(), out["admin_status"].tolist()
    (['East', None], ['inside', 'outside'])
    """
    if method not in ADMIN_METHODS:
        raise GeokitValueError(f"method must be one of {', '.join(ADMIN_METHODS)}, not "
                               f"{method!r}")
    if method == "nearest":
        if areas is not None:
            raise GeokitValueError("method='nearest' uses the gazetteer, not polygons; pass "
                                   "areas only with method='polygon'")
        from ._geocode_events import assign_admin as _nearest

        return _nearest(df, lat=lat, lon=lon, **kwargs)
    if kwargs:
        raise GeokitTypeError(f"unexpected keyword(s) for method='polygon': "
                              f"{', '.join(kwargs)}")
    from ._events_spatial import assign_admin_polygons

    return assign_admin_polygons(df, areas, level=level, countries=countries,
                                 name_column=name_column, columns=columns, lat=lat, lon=lon,
                                 max_km=max_km)


def _event_points(df: pd.DataFrame) -> gpd.GeoSeries:
    if {"lat", "lon"} <= set(df.columns):
        return gpd.GeoSeries(points_from_latlon(df["lat"], df["lon"]), index=df.index)
    if isinstance(df, gpd.GeoDataFrame):
        return df.geometry.to_crs(CRS) if df.crs is not None else df.geometry
    raise GeokitValueError("need lat/lon columns or a GeoDataFrame with point geometry")


def distance_to_km(df, geometry: Any):
    """Distance in km from each event to a geometry (a frontline, a border, a city).

    Distances are measured in an azimuthal equidistant projection centred on ``geometry``,
    accurate to about 1% within 1,500 km of its centre.

    Parameters
    ----------
    df : DataFrame or dask DataFrame
        Events with ``lat``/``lon`` (or a GeoDataFrame of points).
    geometry : shapely geometry, GeoSeries or GeoDataFrame
        Target in EPSG:4326 (GeoSeries/GeoDataFrame in other CRSs are reprojected); several
        geometries are merged.

    Returns
    -------
    pandas.Series (dask Series for a dask input)
        km, NaN where an event has no coordinates.

    Examples
    --------
    >>> import pandas as pd
    >>> from shapely.geometry import Point
    >>> d = distance_to_km(pd.DataFrame({"lat": [50.0], "lon": [30.0]}), Point(31.0, 50.0))
    >>> round(float(d.iloc[0]))
    72
    """
    from ._events_spatial import distance_to_km as _impl

    return _impl(df, geometry)


def distance_to_border_km(df, country: str = "UA"):
    """Distance in km from each event to an international border.

    Uses the bundled Natural Earth 1:10m borders (Ukraine and its neighbours). For a frontline,
    use :func:`distance_to_km` with :func:`geokit.frontline.front_line` or any line.

    Parameters
    ----------
    df : DataFrame or dask DataFrame
        Events with ``lat``/``lon``.
    country : str
        ISO alpha-2 code of a country in the bundled borders (its whole outline, coastline
        included), or two codes such as ``"UA-RU"`` for the land border they share.

    Examples
    --------
    >>> import pandas as pd
    >>> d = distance_to_border_km(pd.DataFrame({"lat": [51.19], "lon": [35.27]}), "UA-RU")
    >>> bool(d.iloc[0] < 20)  # Sudzha is near the Ukrainian border
    True

    Returns
    -------
    pandas.Series (dask Series for a dask input)
        ``border_km``, NaN where an event has no coordinates.
    """
    from ._events_spatial import distance_to_border_km as _impl

    return _impl(df, country)


def count_events(df, by: str | Sequence[str] = "admin1", *, fatalities: bool = True):
    """Number of events (and fatalities) per value of ``by``, e.g. per region.

    Parameters
    ----------
    df : pandas or dask DataFrame
        Events (after :func:`assign_admin`, count by ``admin_admin1``).
    by : str or list of str
        Column(s) to group by; missing values form their own group.
    fatalities : bool
        Also sum the ``fatalities`` column when present.

    Returns
    -------
    pandas.DataFrame (dask DataFrame for a dask input; ``.compute()`` gives the same table)
        ``by``, ``events`` and ``fatalities``, sorted by ``by``.
    """
    from ._events_spatial import count_events as _impl

    return _impl(df, by, fatalities=fatalities)


@pd.api.extensions.register_dataframe_accessor("geokit")
class EventsAccessor:
    """``df.geokit``: events-table helpers on any (Geo)DataFrame.

    Examples
    --------
    >>> import geokit.events  # registers the accessor
    >>> empty_events().geokit.validate().empty
    True
    """

    def __init__(self, obj: pd.DataFrame) -> None:
        self._obj = obj

    def validate(self) -> pd.DataFrame:
        """Problems in the table; see :func:`validate_events`."""
        return validate_events(self._obj)

    def is_valid(self) -> bool:
        """``True`` when :func:`validate_events` finds nothing."""
        return validate_events(self._obj).empty

    def conform(self, dataset: str | None = None) -> gpd.GeoDataFrame:
        """The table with canonical columns and geometry; see :func:`conform`."""
        return conform(self._obj, dataset=dataset)

    def with_points(self) -> gpd.GeoDataFrame:
        """A copy whose geometry is rebuilt from ``lat``/``lon``."""
        df = self._obj
        geom = points_from_latlon(df["lat"], df["lon"])
        if isinstance(df, gpd.GeoDataFrame):
            out = df.copy()
            return out.set_geometry(gpd.GeoSeries(geom, index=df.index), crs=CRS)
        return gpd.GeoDataFrame(df.copy(), geometry=gpd.GeoSeries(geom, index=df.index),
                                crs=CRS)

    def geocode(self, **kwargs: Any):
        """Fill missing coordinates; see :func:`geocode_events`."""
        return geocode_events(self._obj, **kwargs)

    def assign_admin(self, areas: Any = None, **kwargs: Any):
        """Admin area of each event from its coordinates; see :func:`assign_admin`."""
        return assign_admin(self._obj, areas, **kwargs)

    def distance_to(self, geometry: Any) -> pd.Series:
        """km to a geometry; see :func:`distance_to_km`."""
        return distance_to_km(self._obj, geometry)

    def distance_to_border(self, country: str = "UA") -> pd.Series:
        """km to a country's border; see :func:`distance_to_border_km`."""
        return distance_to_border_km(self._obj, country)

    def write(self, path, format: str | None = None, **kwargs: Any) -> None:
        """Write the table; see :func:`geokit.io.write_events`."""
        from .io import write_events

        write_events(self._obj, path, format=format, **kwargs)

    def counts(self, by: str | Sequence[str] = "admin1", *, fatalities: bool = True
               ) -> pd.DataFrame:
        """Events (and fatalities) per value of ``by``; see :func:`count_events`."""
        return count_events(self._obj, by, fatalities=fatalities)
