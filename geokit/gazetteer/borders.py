"""The bundled Natural Earth 1:10m borders of Ukraine and its neighbours (Crimea in Ukraine).

Used by the events stage (distance to a border), the conflict stage (front lines, evacuation
zones) and the maps (basemap outlines); the file is ``geokit/data/borders_10m.geojson.gz``.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputFileError

if TYPE_CHECKING:
    import geopandas as gpd
    from shapely.geometry.base import BaseGeometry

__all__ = ["borders", "border_line"]


@lru_cache(maxsize=1)
def borders() -> gpd.GeoDataFrame:
    """Bundled Natural Earth borders of Ukraine and its neighbours.

    Returns
    -------
    geopandas.GeoDataFrame
        One (Multi)Polygon per country with its ISO code in ``iso_a2``; CRS EPSG:4326.

    Raises
    ------
    FileNotFoundError
        When the bundled ``borders_10m.geojson.gz`` is missing from the installation.

    Examples
    --------
    >>> "UA" in set(borders()["iso_a2"])
    True
    """
    import geopandas as gpd

    path = Path(str(resources.files("geokit") / "data" / "borders_10m.geojson.gz"))
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    return gpd.GeoDataFrame.from_features(data["features"], crs=4326)


def border_line(pair: str = "UA-RU") -> BaseGeometry:
    """The shared land border of two countries.

    Parameters
    ----------
    pair : str
        Two ISO alpha-2 codes joined by a hyphen, e.g. ``"UA-RU"``.

    Returns
    -------
    shapely.LineString or shapely.MultiLineString
        In (lon, lat) order, EPSG:4326.

    Raises
    ------
    InputFileError
        One of the countries is not in the bundled borders.

    Examples
    --------
    >>> border_line("UA-RU").geom_type
    'MultiLineString'
    """
    a, b = (c.strip().upper() for c in pair.split("-"))
    gdf = borders().set_index("iso_a2")
    missing = [c for c in (a, b) if c not in gdf.index]
    if missing:
        raise InputFileError(f"no bundled border for {', '.join(missing)}; bundled: "
                             f"{', '.join(sorted(gdf.index))}")
    return gdf.geometry[a].boundary.intersection(gdf.geometry[b].buffer(0.02))
