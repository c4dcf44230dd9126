"""Approximate admin areas (oblasts/regions, raions/districts) bundled with geokit.

GeoNames says which division every settlement belongs to but publishes no boundaries, and no
package on the registries we build from ships admin polygons under a licence we can
redistribute. geokit therefore derives **approximate** areas (``gazetteer/build_admin.py``):
inside each country every settlement of GeoNames cities500 owns its Voronoi cell, and the cells
are dissolved by the settlement's division. Where settlements are dense (Ukraine, western
Russia) the boundaries are a few km off at most; in empty land they can be far off.

* :func:`admin_areas` returns the areas as a GeoDataFrame (admin-1 for every country, admin-2
  for Ukraine and its neighbours).
* :func:`admin_lines` returns the internal boundaries between areas (no coastlines or
  international borders), for drawing on maps.

If you have official boundaries (geoBoundaries, GADM, a national agency), pass them to the
functions that accept ``areas=`` instead.

Examples
--------
>>> from geokit.gazetteer.admin import admin_areas
>>> oblasts = admin_areas(1, countries=["UA"])
>>> sorted(oblasts.columns)
['admin1', 'admin2', 'country_code', 'geometry', 'geonameid', 'level', 'name']
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import GeokitValueError
from ._areas import _area_geometries, locate
from ._store import default

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["admin_areas", "admin_lines", "locate"]

_COLUMNS = ["country_code", "admin1", "admin2", "name", "geonameid", "level", "geometry"]


@lru_cache(maxsize=1)
def _all_areas() -> gpd.GeoDataFrame:
    import geopandas as gpd

    level, record, geoms = _area_geometries()
    gaz = default()
    rows = []
    for lvl, rec in zip(level.tolist(), record.tolist(), strict=True):
        place = gaz.place(rec)
        rows.append((place.country_code, place.admin1, place.admin2 if lvl == 2 else "",
                     place.name, place.raw.get("geonameid"), lvl))
    frame = gpd.GeoDataFrame(rows, columns=_COLUMNS[:-1], geometry=geoms, crs=4326)
    frame["level"] = frame["level"].astype("int8")
    return frame


def _countries(countries: str | Iterable[str] | None) -> list[str] | None:
    if countries is None:
        return None
    if isinstance(countries, str):
        countries = [countries]
    return [str(c).strip().upper() for c in countries]


def admin_areas(level: int = 1, countries: str | Iterable[str] | None = None) -> gpd.GeoDataFrame:
    """Approximate admin areas derived from GeoNames settlements.

    Parameters
    ----------
    level : {1, 2}
        1 for first-level divisions (oblasts, regions, states), 2 for second-level ones (raions,
        districts); level 2 is bundled for Ukraine and its neighbours only.
    countries : str or iterable of str, optional
        ISO 3166-1 alpha-2 codes to keep (default: all).

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``country_code, admin1, admin2, name, geonameid, level, geometry`` (EPSG:4326);
        ``name`` is the area's own name (equal to ``admin1`` at level 1). A copy: change it freely.
    """
    if level not in (1, 2):
        raise GeokitValueError(f"level must be 1 or 2, not {level!r}")
    frame = _all_areas()
    keep = frame["level"] == level
    wanted = _countries(countries)
    if wanted is not None:
        keep &= frame["country_code"].isin(wanted)
    return frame[keep].reset_index(drop=True).copy()


def admin_lines(level: int = 1, countries: str | Iterable[str] | None = None,
                bbox: tuple[float, float, float, float] | None = None) -> gpd.GeoDataFrame:
    """Boundaries between neighbouring admin areas, without coastlines or international borders.

    Parameters
    ----------
    level, countries
        As for :func:`admin_areas`.
    bbox : (west, south, east, north), optional
        Clip the lines to this box (degrees).

    Returns
    -------
    geopandas.GeoDataFrame
        One (Multi)LineString per country, columns ``country_code, geometry``.
    """
    import geopandas as gpd
    import shapely

    areas = admin_areas(level, countries)
    if bbox is not None:
        areas = areas[areas.intersects(shapely.box(*bbox))]
    rows, geoms = [], []
    for cc, group in areas.groupby("country_code", sort=True):
        polys = group.geometry.values
        outline = shapely.union_all(polys).boundary
        lines = shapely.union_all(shapely.boundary(polys))
        inner = lines.difference(outline.buffer(1e-3))
        if bbox is not None:
            inner = inner.intersection(shapely.box(*bbox))
            # where a line only touches the box, a point is left over: keep the lines alone
            parts = shapely.get_parts(shapely.get_parts(inner))
            inner = shapely.multilinestrings(parts[shapely.get_type_id(parts) == 1])
        if not inner.is_empty:
            rows.append(cc)
            geoms.append(shapely.line_merge(inner) if inner.geom_type == "MultiLineString" else inner)
    return gpd.GeoDataFrame({"country_code": rows}, geometry=geoms, crs=4326)
