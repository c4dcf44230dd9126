"""Points and distances: the one haversine, the one (lat, lon) -> shapely (x=lon, y=lat) swap.

geokit reports places as ``lat``/``lon`` (what people write) and builds geometry in shapely's
``(x, y) = (lon, lat)`` order. Both conversions live here so the order is turned round in
exactly one place.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

#: Coordinate reference system of every table and geometry geokit returns.
CRS = "EPSG:4326"
#: Mean Earth radius used for great-circle distances.
EARTH_RADIUS_KM = 6371.0

__all__ = ["CRS", "EARTH_RADIUS_KM", "haversine_km", "points_from_latlon"]


def haversine_km(lat1: Any, lon1: Any, lat2: Any, lon2: Any) -> Any:
    """Great-circle distance in km between points given in degrees.

    Parameters
    ----------
    lat1, lon1, lat2, lon2 : float or array-like
        Latitudes and longitudes in degrees; arrays broadcast like NumPy arrays.

    Returns
    -------
    float or numpy.ndarray
        A float when every argument is a scalar, otherwise an array.

    Examples
    --------
    >>> round(haversine_km(50.45, 30.52, 50.45, 31.52))
    71
    """
    if all(isinstance(v, float | int) for v in (lat1, lon1, lat2, lon2)):
        # scalar path: math is ~20x faster than NumPy on single numbers (resolver loops)
        p1, p2 = math.radians(lat1), math.radians(lat2)
        h = (math.sin((p2 - p1) / 2) ** 2
             + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
        return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dl = np.radians(np.asarray(lon2, dtype=float) - np.asarray(lon1, dtype=float))
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def points_from_latlon(lat: Any, lon: Any) -> Any:
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

    Raises
    ------
    GeokitValueError
        ``lat`` and ``lon`` have different lengths.

    Examples
    --------
    >>> pts = points_from_latlon([51.19], [35.27])
    >>> (pts[0].x, pts[0].y)
    (35.27, 51.19)
    """
    import geopandas as gpd
    import pandas as pd

    from .errors import GeokitValueError

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
