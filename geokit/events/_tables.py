"""Events-table operations: geocoding the place columns, admin areas, distances, counts.

Each function takes a pandas, geopandas or dask table and returns the matching shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import GeokitTypeError, GeokitValueError
from . import _geocode, _spatial
from ._geocode import geocode_events

__all__ = ["ADMIN_METHODS", "assign_admin", "count_events", "distance_to_border_km",
           "distance_to_km", "geocode_events"]


#: Values of ``method`` in :func:`assign_admin`.
ADMIN_METHODS: tuple[str, ...] = ("polygon", "nearest")


def assign_admin(df: Any, areas: Any = None, *, level: int = 1, name_column: str | None = None,
                 columns: Sequence[str] | None = None, countries: Sequence[str] | None = None,
                 method: str = "polygon", lat: str = "lat", lon: str = "lon",
                 max_km: float = 5.0, **kwargs: Any) -> Any:
    """Which admin area (region, district, or any polygon) each event falls in.

    The default ``method="polygon"`` joins each point to the polygon that contains it: the
    bundled approximate areas of :func:`geokit.gazetteer.admin_areas` (``level`` 1 = regions,
    2 = districts), or your own polygons (e.g. a geoBoundaries or GADM file). Every row is kept,
    in order; ``area_status``/``area_reason`` say how each was placed.

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
        Area column copied to ``area_name`` (default ``name`` when the areas have one).
    columns : sequence of str, optional
        More area columns to copy, each as ``area_<column>``.
    countries : sequence of str, optional
        ISO alpha-2 codes limiting the bundled areas (faster for one country).
    method : {"polygon", "nearest"}
        ``nearest`` is the older method: the regions of the nearest gazetteer settlement
        (``area_status="nearest_settlement"``, the settlement and its distance in
        ``area_reason``; ``decimals``/``progress`` keywords). Same columns either way.
    lat, lon : str
        Coordinate columns.
    max_km : float
        A point outside every polygon but within this many km of one (coastlines and borders
        are generalised) gets that one with ``area_status="nearest"``; 0 turns this off.

    Returns
    -------
    Same type as ``df``
        All rows in order with :data:`geokit.events.ADMIN_COLUMNS`: ``area_country_code``,
        ``area_admin1``, ``area_admin2``, ``area_name`` (plus ``area_<column>`` for
        ``columns``), ``area_status`` (one of :data:`geokit.events.ADMIN_STATUSES`) and
        ``area_reason``. Area values are ``None`` where no area was found. A point on the
        boundary of several areas gets the first of them in the areas table.

    Raises
    ------
    GeokitValueError
        Unknown ``method``, ``areas`` given with ``method="nearest"``, or a missing column.
    GeokitTypeError
        Keywords of the other method.

    Examples
    --------
    >>> import geopandas as gpd, pandas as pd
    >>> from shapely.geometry import box
    >>> areas = gpd.GeoDataFrame({"name": ["West", "East"]},
    ...                          geometry=[box(30, 45, 35, 52), box(35, 45, 40, 52)], crs=4326)
    >>> out = assign_admin(pd.DataFrame({"lat": [50.0, 60.0], "lon": [36.0, 36.0]}), areas)
    >>> out["area_name"].tolist(), out["area_status"].tolist()
    (['East', None], ['inside', 'outside'])
    """
    if method not in ADMIN_METHODS:
        raise GeokitValueError(f"method must be one of {', '.join(ADMIN_METHODS)}, not "
                               f"{method!r}")
    if method == "nearest":
        if areas is not None:
            raise GeokitValueError("method='nearest' uses the gazetteer, not polygons; pass "
                                   "areas only with method='polygon'")
        return _geocode.assign_admin(df, level=level, lat=lat, lon=lon, **kwargs)
    if kwargs:
        raise GeokitTypeError(f"unexpected keyword(s) for method='polygon': "
                              f"{', '.join(kwargs)}")
    return _spatial.assign_admin_polygons(df, areas, level=level, countries=countries,
                                 name_column=name_column, columns=columns, lat=lat, lon=lon,
                                 max_km=max_km)


def distance_to_km(df: Any, geometry: Any) -> Any:
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

    Raises
    ------
    GeokitValueError
        The geometry is empty, or the table has neither ``lat``/``lon`` nor point geometry.

    Examples
    --------
    >>> import pandas as pd
    >>> from shapely.geometry import Point
    >>> d = distance_to_km(pd.DataFrame({"lat": [50.0], "lon": [30.0]}), Point(31.0, 50.0))
    >>> round(float(d.iloc[0]))
    72
    """
    return _spatial.distance_to_km(df, geometry)


def distance_to_border_km(df: Any, country: str = "UA") -> Any:
    """Distance in km from each event to an international border.

    Uses the bundled Natural Earth 1:10m borders (Ukraine and its neighbours). For a frontline,
    use :func:`distance_to_km` with :func:`geokit.conflict.front_line` or any line.

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

    Raises
    ------
    GeokitValueError
        The country is not in the bundled borders, or the two countries share no land border.
    """
    return _spatial.distance_to_border_km(df, country)


def count_events(df: Any, by: str | Sequence[str] = "admin1", *, fatalities: bool = True
                 ) -> Any:
    """Number of events (and fatalities) per value of ``by``, e.g. per region.

    Parameters
    ----------
    df : pandas or dask DataFrame
        Events (after :func:`assign_admin`, count by ``area_admin1``).
    by : str or list of str
        Column(s) to group by; missing values form their own group.
    fatalities : bool
        Also sum the ``fatalities`` column when present.

    Returns
    -------
    pandas.DataFrame (dask DataFrame for a dask input; ``.compute()`` gives the same table)
        ``by``, ``events`` and ``fatalities``, sorted by ``by``.

    Raises
    ------
    GeokitValueError
        A ``by`` column is missing.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"admin1": ["Sumy", "Sumy", None], "fatalities": [1, 2, 0]})
    >>> count_events(df).to_dict("records")[0]
    {'admin1': 'Sumy', 'events': 2, 'fatalities': 3}
    """
    return _spatial.count_events(df, by, fatalities=fatalities)
