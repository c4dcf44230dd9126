"""Control-area snapshots: reading dated files, repairing them, territory change, front lines."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import InputFileError

_DATE_RE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
SNAPSHOT_SUFFIXES = (".geojson", ".json", ".gpkg", ".kml", ".kmz")


def read_snapshots(source: Any, *, simplify_m: float = 100.0) -> dict[dt.date, Any]:
    """Dated control-area geometries (EPSG:4326), repaired and simplified, oldest first.

    Parameters
    ----------
    source : folder, list of paths, or dict of {date: geometry}
        Files are named by date (``20250301.geojson``, ``2025-03-01.kml``...); each may hold
        several features, which are merged.
    simplify_m : float
        Simplification tolerance in metres (the shape stays within this distance).
    """
    import geopandas as gpd
    from shapely import make_valid

    tol = simplify_m / 111_000
    if isinstance(source, dict):
        items = {pd_date(k): v for k, v in source.items()}
    else:
        paths = sorted(Path(source).iterdir()) if isinstance(source, str | Path) and \
            Path(source).is_dir() else [Path(p) for p in source]
        items = {}
        for path in paths:
            if path.suffix.lower() not in SNAPSHOT_SUFFIXES:
                continue
            m = _DATE_RE.search(path.stem)
            if not m:
                raise InputFileError("file name has no date (use YYYYMMDD or YYYY-MM-DD)",
                                     path=path)
            try:
                frame = gpd.read_file(path)
            except Exception as exc:
                raise InputFileError(f"cannot read control areas ({exc})", path=path) from None
            if frame.crs is not None:
                frame = frame.to_crs(4326)
            items[dt.date(*map(int, m.groups()))] = frame.geometry.union_all()
    out = {}
    for day in sorted(items):
        geom = make_valid(items[day])
        out[day] = geom.simplify(tol, preserve_topology=True) if tol else geom
    return out


def pd_date(value) -> dt.date:
    import pandas as pd

    return pd.Timestamp(value).date()


def territory_change(before, after) -> dict[str, Any]:
    """Areas (km²) gained and lost between two control-area geometries (EPSG:4326 in).

    Computed in the equal-area EPSG:6933 projection after repairing invalid geometries. Returns
    ``gained``/``lost``/``net`` in km² and the ``gained_geom``/``lost_geom`` in EPSG:4326.
    """
    import geopandas as gpd
    from shapely import make_valid

    a = make_valid(before)
    b = make_valid(after)
    gained, lost = b.difference(a), a.difference(b)
    areas = gpd.GeoSeries([gained, lost], crs=4326).to_crs(6933).area / 1e6
    return {"gained": float(areas.iloc[0]), "lost": float(areas.iloc[1]),
            "net": float(areas.iloc[0] - areas.iloc[1]), "gained_geom": gained,
            "lost_geom": lost}


@lru_cache(maxsize=1)
def borders():
    """Bundled Natural Earth borders of Ukraine and its neighbours (Crimea in Ukraine)."""
    import geopandas as gpd

    path = Path(str(resources.files("geokit") / "data" / "borders_10m.geojson.gz"))
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    return gpd.GeoDataFrame.from_features(data["features"], crs=4326)


def border_line(pair: str = "UA-RU"):
    """The shared land border of two countries (``"UA-RU"``), as a (Multi)LineString."""
    a, b = (c.strip().upper() for c in pair.split("-"))
    gdf = borders().set_index("iso_a2")
    missing = [c for c in (a, b) if c not in gdf.index]
    if missing:
        raise InputFileError(f"no bundled border for {', '.join(missing)}; bundled: "
                             f"{', '.join(sorted(gdf.index))}")
    return gdf.geometry[a].boundary.intersection(gdf.geometry[b].buffer(0.02))


def front_line(area, country: str = "UA"):
    """The control boundary inside ``country``: the area's outline minus the country border."""
    outline = area.boundary
    gdf = borders().set_index("iso_a2")
    if country in gdf.index:
        outline = outline.difference(gdf.geometry[country].boundary.buffer(0.02))
    return outline


def frontline_from_places(names: list[str], **hints):
    """A front line drawn through an ordered list of place names (geocoded)."""
    from shapely.geometry import LineString

    from .geocode import geocode

    pts = [(p.lon, p.lat) for p in (geocode(n, **hints) for n in names) if p is not None]
    if len(pts) < 2:
        raise InputFileError(f"fewer than two of the places {names} could be geocoded")
    return LineString(pts)
