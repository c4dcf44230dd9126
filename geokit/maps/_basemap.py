"""The vector basemap drawn instead of web tiles: countries, admin1 lines, settlement labels.

Everything comes from data geokit already ships: Natural Earth country borders
(``geokit.gazetteer.borders``), first-level divisions (``geokit.gazetteer.admin_areas``) and the
GeoNames settlements of the bundled gazetteer. Only what falls inside the map's extent plus a
margin is embedded, simplified, with coordinates rounded; labels carry the zoom level from which
they are drawn, chosen so that bigger places come first and labels do not overlap.
"""

from __future__ import annotations

import logging
import math
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

#: Zoom levels at which labels are placed without overlap; smaller places appear from the
#: last one on.
LABEL_ZOOMS = range(5, 13)
_LABEL_HEIGHT = 30  # px: a label's height plus the gap kept to the next one
_CHAR_WIDTH = 6.5  # px, 11px sans-serif


def clip_box(bounds, margin: float) -> tuple[float, float, float, float]:
    """``(south, west, north, east)`` widened by ``margin`` degrees, clamped to the globe."""
    s, w, n, e = bounds
    return (max(s - margin, -85.0), max(w - margin, -180.0), min(n + margin, 85.0),
            min(e + margin, 180.0))


def _round(geom, digits: int):
    import shapely

    return shapely.set_precision(geom, 10.0 ** -digits)


def countries(box) -> dict[str, Any]:
    """Country polygons (Natural Earth) inside ``box`` as GeoJSON."""
    import geopandas as gpd
    from shapely.geometry import box as make_box

    from ..gazetteer.borders import borders

    s, w, n, e = box
    gdf = borders()
    clipped = gpd.clip(gdf[["name", "geometry"]], make_box(w, s, e, n))
    clipped = clipped[~clipped.geometry.is_empty]
    clipped["geometry"] = _round(clipped.geometry.values, 3)
    return clipped.__geo_interface__


def admin1_lines(box, *, tolerance: float = 0.003) -> dict[str, Any] | None:
    """First-level division boundaries inside ``box`` as GeoJSON (``geokit.gazetteer.admin``'s
    approximate areas; internal lines only, coasts and borders come from the countries).

    Simplified to ``tolerance`` degrees (about 300 m). None when there are none.
    """
    import shapely

    from ..gazetteer.admin import admin_lines

    s, w, n, e = box
    lines = admin_lines(1, bbox=(w, s, e, n))
    if lines.empty:
        return None
    merged = shapely.union_all(lines.geometry.values).simplify(tolerance)
    return None if merged.is_empty else _round(merged, 3).__geo_interface__


def settlement_labels(box, *, max_labels: int = 6000) -> dict[str, list]:
    """Settlement names inside ``box`` with the zoom from which each is drawn (bigger first).

    Returns columnar lists ``name``, ``lat``, ``lon``, ``z`` (sorted by ``z``), from the
    populated places of the bundled GeoNames gazetteer.
    """
    from ..gazetteer import KIND_CODES, default

    a = default()._a
    s, w, n, e = box
    mask = ((a.kind == KIND_CODES["populated_place"]) & (a.lat >= s) & (a.lat <= n)
            & (a.lon >= w) & (a.lon <= e) & (a.source == 0))
    recs = np.flatnonzero(mask)
    recs = recs[np.argsort(-a.pop[recs], kind="stable")][:max_labels]
    names = [a.names[r] for r in recs]
    zooms = label_zooms(a.lat[recs], a.lon[recs], names)
    order = np.argsort(zooms, kind="stable")
    return {"name": [names[i] for i in order],
            "lat": np.round(a.lat[recs][order], 3).tolist(),
            "lon": np.round(a.lon[recs][order], 3).tolist(),
            "z": zooms[order].tolist()}


class _LabelGrid:
    """Label boxes placed at one zoom level, hashed by 64-pixel cells for overlap tests."""

    CELL = 64.0

    def __init__(self, xs: np.ndarray, ys: np.ndarray, half: np.ndarray):
        self.xs, self.ys, self.half = xs, ys, half
        self.reach = int(math.ceil(2 * float(half.max()) / self.CELL))
        self.cells: dict[tuple[int, int], list[int]] = {}

    def _cell(self, i: int) -> tuple[int, int]:
        return int(self.xs[i] // self.CELL), int(self.ys[i] // self.CELL)

    def fits(self, i: int) -> bool:
        xs, ys, half = self.xs, self.ys, self.half
        cx, cy = self._cell(i)
        for gx in range(cx - self.reach, cx + self.reach + 1):
            for gy in (cy - 1, cy, cy + 1):
                for j in self.cells.get((gx, gy), ()):
                    if abs(xs[i] - xs[j]) < half[i] + half[j] and \
                            abs(ys[i] - ys[j]) < _LABEL_HEIGHT:
                        return False
        return True

    def put(self, i: int) -> None:
        self.cells.setdefault(self._cell(i), []).append(i)


def label_zooms(lat, lon, names: list[str]) -> np.ndarray:
    """First zoom at which each label fits without overlapping bigger places (inputs ordered
    biggest first); labels that never fit get ``LABEL_ZOOMS[-1] + 1``.
    """
    n = len(names)
    last = LABEL_ZOOMS[-1] + 1
    zooms = np.full(n, last, dtype=np.int16)
    if not n:
        return zooms
    lat_r = np.radians(np.clip(np.asarray(lat, float), -85, 85))
    x_unit = (np.asarray(lon, float) + 180.0) / 360.0
    y_unit = (1.0 - np.log(np.tan(lat_r) + 1.0 / np.cos(lat_r)) / math.pi) / 2.0
    half = np.array([len(t) * _CHAR_WIDTH / 2 + 12 for t in names])
    placed: list[int] = []
    for z in LABEL_ZOOMS:
        scale = 256.0 * 2**z  # Web Mercator pixels at zoom z
        grid = _LabelGrid(x_unit * scale, y_unit * scale, half)
        for i in placed:
            grid.put(i)
        for i in range(n):
            if zooms[i] == last and grid.fits(i):
                zooms[i] = z
                placed.append(i)
                grid.put(i)
    return zooms


def basemap_data(bounds, *, offline: bool, margin: float = 1.0) -> dict[str, Any]:
    """What ``geokitBasemap`` draws for a map showing ``bounds`` (south, west, north, east).

    Online maps get the country outlines only (the web tiles have the rest); offline maps also
    get admin1 lines and settlement labels within ``margin`` degrees of ``bounds``. Countries
    reach further (at least 5 degrees) so that zooming out does not show their cut edge at once.
    """
    box = clip_box(bounds, margin)
    span = max(bounds[2] - bounds[0], bounds[3] - bounds[1])
    data: dict[str, Any] = {"offline": offline,
                            "countries": countries(clip_box(bounds, max(5.0, span)))}
    if offline:
        data["admin1"] = admin1_lines(box)
        data["labels"] = settlement_labels(box)
    return data
