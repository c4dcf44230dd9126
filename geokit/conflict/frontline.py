"""Control-area snapshots: reading dated files, repairing them, territory change, front lines."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import GeokitValueError, InputFileError
from ..gazetteer.borders import border_line, borders
from ..geocoding import geocode_many
from ..models import AREA_KINDS

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

__all__ = ["read_snapshots", "territory_change", "front_line", "frontline_from_places",
           "pd_date", "border_line", "borders", "SNAPSHOT_SUFFIXES", "DATE_COLUMNS",
           "CHANGE_COLUMNS"]

_DATE_RE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
SNAPSHOT_SUFFIXES = (".geojson", ".json", ".gpkg", ".kml", ".kmz")
#: Feature properties read as the snapshot date when a file name has none (ISW-style files
#: hold several dated layers in one file; KML gives ``timestamp``/``begin``).
DATE_COLUMNS = ("date", "Date", "DATE", "as_of", "snapshot_date", "timestamp", "begin", "when")


def read_snapshots(source: Any, *, simplify_m: float = 100.0,
                   select: dict[str, Any] | None = None, changes: bool = False) -> Any:
    """Dated control-area geometries (EPSG:4326), repaired and simplified, oldest first.

    Parameters
    ----------
    source : folder, path, list of paths, or dict of {date: geometry}
        DeepStateMap-style files named by date (``20250301.geojson``, ``2025-03-01.kml``), or
        ISW-style files whose features carry a date property (one of ``DATE_COLUMNS``), in
        GeoJSON, KML, KMZ or GeoPackage. Every layer of a file is read; a date's features are
        merged into one (Multi)Polygon.
    simplify_m : float
        Simplification tolerance in metres (the shape stays within this distance); 0 keeps
        every vertex.
    select : dict, optional
        Keep only features whose property matches, e.g. ``{"layer": "Assessed control"}`` or
        ``{"status": ["occupied", "contested"]}``.
    changes : bool
        Also return the table of geometries that were repaired or dropped.

    Returns
    -------
    dict of date -> shapely geometry, or (dict, DataFrame) with ``changes=True``
        Invalid (self-intersecting) geometries are repaired with ``shapely.make_valid``; only
        their polygonal parts are kept; missing, empty and non-polygon features are dropped.
        None of this is silent: a :class:`~geokit.errors.GeometryRepairWarning` says how many
        features changed, and the table (columns ``CHANGE_COLUMNS``: date, source, feature,
        problem, action) lists each one.

    Notes
    -----
    A GeoPackage or KML file with one layer per date (layer names such as ``2025-03-01``)
    is read as one snapshot per layer when neither the file name nor the features carry a
    date.

    Raises
    ------
    InputFileError
        When a file cannot be read, has no property named in ``select``, or carries a date
        that is not a date.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> snaps = read_snapshots({"2025-03-01": box(37, 47, 38, 48)}, simplify_m=0)
    >>> list(snaps)
    [datetime.date(2025, 3, 1)]
    >>> snaps = read_snapshots("snapshots/")  # doctest: +SKIP
    """
    log: list[dict[str, Any]] = []
    if isinstance(source, dict):
        items = {}
        for k, v in source.items():
            day = pd_date(k)
            log.extend(_problems([v], [day], "dict"))
            items[day] = _polygonal(v)
    else:
        if isinstance(source, str | Path):
            path = Path(source)
            paths = sorted(path.iterdir()) if path.is_dir() else [path]
        else:
            paths = [Path(p) for p in source]
        items = {}
        for path in paths:
            if path.suffix.lower() not in SNAPSHOT_SUFFIXES:
                continue
            for day, geom in _read_file(path, select, log).items():
                items[day] = _polygonal(_union([items[day], geom])) if day in items else geom
    tol = simplify_m / 111_000
    out = {}
    for day in sorted(items):
        geom = items[day]
        out[day] = _polygonal(geom.simplify(tol, preserve_topology=True)) if tol else geom
    table = _change_table(log)
    if len(table):
        import warnings

        from ..errors import GeometryRepairWarning

        counts = table["action"].value_counts()
        warnings.warn(
            f"control-area snapshots: {', '.join(f'{n} {a}' for a, n in counts.items())} "
            f"feature(s) on {table['date'].nunique()} date(s) (first: {table['problem'].iloc[0]}"
            f" in {table['source'].iloc[0]}); read_snapshots(..., changes=True) lists them",
            GeometryRepairWarning, stacklevel=2)
    return (out, table) if changes else out


#: Columns of the table of repaired and dropped geometries (``read_snapshots(changes=True)``).
CHANGE_COLUMNS = ("date", "source", "feature", "problem", "action")


def _change_table(log: list[dict[str, Any]]):
    import pandas as pd

    return pd.DataFrame(log, columns=list(CHANGE_COLUMNS))


def _problems(geoms, dates, source: str) -> list[dict[str, Any]]:
    """One record per feature that reading will repair or drop (nothing for valid polygons)."""
    import shapely

    out = []
    for i, (geom, day) in enumerate(zip(geoms, dates, strict=True)):
        if geom is None or geom.is_empty:
            problem, action = "no geometry", "dropped"
        elif geom.geom_type not in ("Polygon", "MultiPolygon", "GeometryCollection"):
            problem, action = f"not a polygon ({geom.geom_type})", "dropped"
        elif geom.geom_type == "GeometryCollection" and any(
                p.geom_type not in ("Polygon", "MultiPolygon") for p in shapely.get_parts(geom)):
            problem, action = "non-polygon parts in a collection", "repaired"
        elif not geom.is_valid:
            problem, action = shapely.is_valid_reason(geom), "repaired"
        else:
            continue
        out.append({"date": day, "source": source, "feature": i, "problem": problem,
                    "action": action})
    return out


def _read_file(path: Path, select: dict[str, Any] | None,
               log: list[dict[str, Any]]) -> dict[dt.date, Any]:
    """{date: repaired geometry} of one snapshot file (all its layers); what had to be repaired
    or dropped is appended to ``log``."""
    import geopandas as gpd
    import pandas as pd
    import pyogrio

    try:
        layers = [name for name, kind in pyogrio.list_layers(path)
                  if kind is None or "Polygon" in str(kind) or "Unknown" in str(kind)] or [None]
        frames = [gpd.read_file(path, layer=layer).assign(_layer=str(layer or ""))
                  for layer in layers]
    except Exception as exc:
        raise InputFileError(f"cannot read control areas ({exc}); expected GeoJSON, KML, KMZ "
                             "or GeoPackage polygons", path=path) from None
    frames = [f.to_crs(4326) if f.crs is not None else f for f in frames if len(f)]
    if not frames:
        return {}
    frame = pd.concat(frames, ignore_index=True)
    for column, wanted in (select or {}).items():
        if column not in frame:
            raise InputFileError(f"no property {column!r} to select on; properties are "
                                 f"{', '.join(map(str, frame.columns))}", path=path)
        values = wanted if isinstance(wanted, list | tuple | set) else [wanted]
        frame = frame[frame[column].isin(values)]
    m = _DATE_RE.search(path.stem)
    if m:
        day = dt.date(*map(int, m.groups()))
        log.extend(_problems(frame.geometry, [day] * len(frame), path.name))
        return {day: _union(frame.geometry)}
    column = next((c for c in DATE_COLUMNS if c in frame and frame[c].notna().any()), None)
    layer_dates = frame["_layer"].str.extract(_DATE_RE)
    if column is None and layer_dates.notna().all(axis=None):
        column = "_layer"  # one layer per date
        frame["_layer"] = layer_dates.agg("-".join, axis=1)
    if column is None:
        raise InputFileError(
            "no date: name the file by date (YYYYMMDD or YYYY-MM-DD) or give each feature a "
            f"date property (one of {', '.join(DATE_COLUMNS)})", path=path)
    dates = pd.to_datetime(frame[column], errors="coerce")
    bad = dates.isna()
    if bad.any():
        row = int(bad.to_numpy().nonzero()[0][0])
        raise InputFileError(f"{frame[column].iloc[row]!r} is not a date", path=path, row=row,
                             column=column)
    log.extend(_problems(frame.geometry, dates.dt.date.tolist(), path.name))
    return {day.date(): _union(group.geometry)
            for day, group in frame.groupby(dates.dt.normalize())}


def _union(geoms) -> Any:
    """Union of geometries after repairing each (a union of invalid parts can fail)."""
    import shapely

    parts = [_polygonal(g) for g in geoms if g is not None and not g.is_empty]
    return _polygonal(shapely.union_all(parts)) if parts else shapely.MultiPolygon()


def _polygonal(geom) -> Any:
    """``geom`` made valid, keeping only its polygons (make_valid may add stray lines)."""
    import shapely
    from shapely.geometry import MultiPolygon, Polygon

    geom = shapely.force_2d(geom)  # KML polygons come with heights
    geom = shapely.make_valid(geom) if not geom.is_valid else geom
    if isinstance(geom, Polygon | MultiPolygon):
        return geom
    polys = [g for g in shapely.get_parts(geom) if isinstance(g, Polygon | MultiPolygon)]
    return shapely.union_all(polys) if polys else MultiPolygon()


def pd_date(value) -> dt.date:
    import pandas as pd

    return pd.Timestamp(value).date()


def territory_change(before: BaseGeometry, after: BaseGeometry, *,
                     min_width_m: float = 0.0) -> dict[str, Any]:
    """Areas (km²) gained and lost between two control-area geometries (EPSG:4326 in).

    Computed in the equal-area EPSG:6933 projection after repairing invalid geometries. Returns
    ``gained``/``lost``/``net`` in km² and the ``gained_geom``/``lost_geom`` in EPSG:4326.

    Parameters
    ----------
    before, after : shapely geometry
        Control areas at the two dates.
    min_width_m : float
        Leave out strips of change narrower than this many metres: two snapshots simplified
        independently (or traced with a slightly different coastline) differ by thin slivers
        along their whole outline that are not territory changing hands. 0 keeps everything.

    Returns
    -------
    dict
        ``gained``, ``lost`` and ``net`` (km², floats) and ``gained_geom``/``lost_geom``.

    Raises
    ------
    shapely.errors.GEOSException
        Only for geometries shapely cannot repair.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> change = territory_change(box(37.0, 47.0, 37.5, 47.5), box(37.0, 47.0, 37.6, 47.5))
    >>> change["lost"], round(change["gained"] / 100) * 100
    (0.0, 400)
    """
    import geopandas as gpd
    from shapely import make_valid

    a = make_valid(before)
    b = make_valid(after)
    gained = _drop_slivers(b.difference(a), min_width_m)
    lost = _drop_slivers(a.difference(b), min_width_m)
    areas = gpd.GeoSeries([gained, lost], crs=4326).to_crs(6933).area / 1e6
    return {"gained": float(areas.iloc[0]), "lost": float(areas.iloc[1]),
            "net": float(areas.iloc[0] - areas.iloc[1]), "gained_geom": gained,
            "lost_geom": lost}


def _drop_slivers(geom, width_m: float):
    """``geom`` without the parts narrower than ``width_m`` (a morphological opening done in
    Web Mercator, with the width scaled for the geometry's latitude)."""
    import math

    import geopandas as gpd

    if width_m <= 0 or geom.is_empty:
        return geom
    merc = gpd.GeoSeries([geom], crs=4326).to_crs(3857).iloc[0]
    half = width_m / 2 / math.cos(math.radians(geom.centroid.y))
    opened = _polygonal(merc.buffer(-half).buffer(half).intersection(merc))
    return gpd.GeoSeries([opened], crs=3857).to_crs(4326).iloc[0]


def front_line(area: BaseGeometry, country: str = "UA") -> BaseGeometry:
    """The control boundary inside ``country``: the area's outline minus the country border.

    Parameters
    ----------
    area : shapely geometry
        A control area (EPSG:4326), e.g. one snapshot from :func:`read_snapshots`.
    country : str
        ISO code of the country whose international border is taken out of the outline
        (about 2 km either side of it); an unknown code keeps the whole outline.

    Returns
    -------
    shapely geometry
        The (Multi)LineString of the front.

    Raises
    ------
    AttributeError
        When ``area`` is not a shapely geometry.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> area = box(37.0, 47.5, 38.0, 48.0)
    >>> front_line(area).length == area.boundary.length  # all inside Ukraine
    True
    """
    outline = area.boundary
    gdf = borders().set_index("iso_a2")
    if country in gdf.index:
        outline = outline.difference(gdf.geometry[country].boundary.buffer(0.02))
    return outline


def frontline_from_places(names: list[str], *, table: bool = False,
                          **hints: Any) -> Any:
    """A front line drawn through an ordered list of place names (geocoded).

    For reports that describe the line in words ("from Hlushkove through Tetkino to Popovo-
    Lezhachi"). Names the gazetteer places only at region or country level, or not at all, are
    skipped: a region's centre is not a point of the line.

    Parameters
    ----------
    names : list of str
        Places in order along the line.
    table : bool
        Also return the geocoder's table (one row per name, in order, with ``on_line``).
    **hints
        Passed to :func:`geokit.geocode_many` (``country=``, ``admin1=``...).

    Returns
    -------
    LineString, or (LineString, DataFrame) with ``table=True``.

    Raises
    ------
    GeokitValueError
        When fewer than two of the names are placed as settlements.

    Examples
    --------
    >>> line = frontline_from_places(["Kupiansk", "Lyman", "Bakhmut"], country="UA")
    >>> line.geom_type, len(line.coords)
    ('LineString', 3)
    """
    from shapely.geometry import LineString

    res = geocode_many(list(names), **hints)
    res["on_line"] = res["lat"].notna() & ~res["kind"].isin(AREA_KINDS)
    pts = list(zip(res.loc[res["on_line"], "lon"], res.loc[res["on_line"], "lat"], strict=True))
    if len(pts) < 2:
        raise GeokitValueError(
            f"fewer than two of the places {list(names)} could be placed as settlements; "
            "add a region (\"Tetkino, Kursk Oblast\") or a gazetteer layer with the missing places")
    line = LineString(pts)
    return (line, res) if table else line
