"""Which bundled admin area holds a point (vectorised point-in-polygon, shapely 2).

The areas are those of :func:`geokit.gazetteer.admin.admin_areas` (``data/admin_areas.npz``),
each tied to its bundled gazetteer record. Kept apart from :mod:`.admin` so that the store can
place user-layer rows without importing the module that builds GeoDataFrames from the store.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ._files import data_file as _data_file

__all__ = ["locate"]


@lru_cache(maxsize=1)
def _area_geometries() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(level, bundled record, geometry)`` of every bundled area."""
    import shapely

    with np.load(_data_file("admin_areas.npz")) as z:
        level, record, wkb, offsets = z["level"], z["record"], z["wkb"], z["offsets"]
    blob = wkb.tobytes()
    geoms = shapely.from_wkb([blob[offsets[i] : offsets[i + 1]] for i in range(len(level))])
    return level, record, geoms


@lru_cache(maxsize=2)
def _area_tree(level: int):
    import shapely

    levels, records, geoms = _area_geometries()
    keep = levels == level
    return records[keep], shapely.STRtree(geoms[keep])


#: A point this close (degrees) to an area but in none (a coast, a gap) takes the nearest area.
_SNAP_DEGREES = 0.1


def locate(lat, lon, level: int = 1) -> np.ndarray:
    """The bundled record of the level-``level`` area holding each point, or -1 (vectorised).

    Points on no area (the sea, a gap between approximate areas) within
    :data:`_SNAP_DEGREES` of one take the nearest. Records are those of the bundled gazetteer
    (the same in every :class:`~geokit.gazetteer.Gazetteer`, since layers are appended).
    """
    import shapely

    records, tree = _area_tree(level)
    lat = np.atleast_1d(np.asarray(lat, dtype=float))
    lon = np.atleast_1d(np.asarray(lon, dtype=float))
    out = np.full(len(lat), -1, dtype=np.int64)
    ok = np.isfinite(lat) & np.isfinite(lon)
    if not ok.any() or not len(records):
        return out
    points = shapely.points(lon[ok], lat[ok])
    where = np.flatnonzero(ok)
    pt, area = tree.query(points, predicate="intersects")
    order = np.lexsort((area, pt))  # a point on a shared edge: the first area, always the same
    pt, area = pt[order], area[order]
    first = np.r_[True, pt[1:] != pt[:-1]] if len(pt) else np.zeros(0, dtype=bool)
    out[where[pt[first]]] = records[area[first]]
    missing = np.flatnonzero(out[where] < 0)
    if len(missing):
        pt, area = tree.query_nearest(points[missing], max_distance=_SNAP_DEGREES)
        first = np.r_[True, pt[1:] != pt[:-1]] if len(pt) else np.zeros(0, dtype=bool)
        out[where[missing[pt[first]]]] = records[area[first]]
    return out
