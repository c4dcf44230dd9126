"""Spatial context for events tables: admin areas by point in polygon, distances to a border
or a frontline, and per-region counts.

Every function takes a pandas/geopandas frame or a dask (dask-geopandas) frame. Dask frames
are processed partition by partition with the polygons or target geometry sent to each worker
once (as one task the partitions depend on), so the result equals the pandas one row for row.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache
from os import PathLike
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._geo import CRS, haversine_km
from ..errors import GeokitError, GeokitTypeError, GeokitValueError, InputFileError
from ..gazetteer import admin_areas, border_line, borders
from ..schema import event_points
from ._dask import is_dask, map_text_partitions

__all__ = ["AreaIndex", "ADMIN_STATUSES", "ADMIN_COLUMNS", "assign_admin_polygons",
           "distance_to_km", "distance_to_border_km", "count_events"]

#: Values of ``area_status``: the point lies in an area; it lies outside every area but
#: within ``max_km`` of one (that one is given); no district covers it but a region does
#: (bundled level 2 areas only: country and admin1 are given); it is outside every area; it
#: has no usable coordinates; (``method="nearest"``) the areas are those of the nearest
#: gazetteer settlement.
ADMIN_STATUSES = ("inside", "nearest", "admin1_only", "outside", "no_coordinates",
                  "nearest_settlement")

#: Columns added by :func:`geokit.events.assign_admin` (either method), plus ``area_<column>``
#: for the polygon method's ``columns=``.
ADMIN_COLUMNS = ("area_country_code", "area_admin1", "area_admin2", "area_name",
                   "area_status", "area_reason")

_AREA_FIELDS = ("country_code", "admin1", "admin2")
_KM_PER_DEG = 111.32


class AreaIndex:
    """Admin polygons ready for point-in-polygon lookups.

    Holds the polygons (EPSG:4326) and the attribute values copied to events; the spatial index
    is built on first use and is not pickled, so the object is cheap to send to dask workers.

    Parameters
    ----------
    areas : geopandas.GeoDataFrame
        Polygons or multipolygons; other geometry types are rejected. Columns
        ``country_code``/``admin1``/``admin2`` are copied when present.
    name_column : str, optional
        Column whose value becomes ``area_name`` (default ``name`` when present).
    columns : sequence of str, optional
        More area columns to copy, as ``area_<column>``.
    source : str
        Where the areas came from, for messages.
    """

    def __init__(self, areas: Any, *, name_column: str | None = None,
                 columns: Sequence[str] | None = None, source: str = "the given areas") -> None:
        import geopandas as gpd
        import shapely

        if not isinstance(areas, gpd.GeoDataFrame):
            raise GeokitTypeError(f"areas must be a GeoDataFrame or a file path, not "
                                  f"{type(areas).__name__}")
        if name_column is None and "name" in areas.columns:
            name_column = "name"
        wanted = [c for c in [name_column, *(columns or [])] if c is not None]
        missing = [c for c in wanted if c not in areas.columns]
        if missing:
            raise GeokitValueError(f"{source} has no column {missing[0]!r}; its columns are "
                                   f"{[c for c in areas.columns if c != areas.geometry.name]}")
        if areas.crs is not None and areas.crs != "EPSG:4326":
            areas = areas.to_crs("EPSG:4326")
        geoms = areas.geometry.to_numpy()
        kinds = shapely.get_type_id(geoms)
        ok = np.isin(kinds, (3, 6))  # Polygon, MultiPolygon
        empty = shapely.is_missing(geoms) | shapely.is_empty(geoms)
        bad = ~ok & ~empty
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise GeokitValueError(
                f"{source}: row {areas.index[i]!r} has a {shapely.get_type_id(geoms[i])} "
                f"geometry; admin areas must be polygons or multipolygons")
        keep = ~empty
        if not keep.any():
            raise GeokitValueError(f"{source} has no polygons")
        geoms = shapely.make_valid(geoms[keep])
        self.source = source
        self.geometries = geoms
        self.labels = areas.index[keep].to_numpy(object)
        self.fields: dict[str, np.ndarray] = {}
        for f in _AREA_FIELDS:
            self.fields[f"area_{f}"] = _text_array(areas[f][keep]) if f in areas.columns \
                else np.full(int(keep.sum()), None, dtype=object)
        self.fields["area_name"] = _text_array(areas[name_column][keep]) if name_column \
            else np.full(int(keep.sum()), None, dtype=object)
        for c in columns or []:
            self.fields[f"area_{c}"] = areas[c][keep].to_numpy(object)
        self._tree = None
        self._lock = threading.Lock()
        #: Areas one level up, asked for country/admin1 where no area of this index applies.
        self.parent: AreaIndex | None = None

    def __len__(self) -> int:
        return len(self.geometries)

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_tree"] = None
        state["_lock"] = None
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    @property
    def columns(self) -> list[str]:
        """Columns :meth:`assign` adds."""
        return [*self.fields, "area_status", "area_reason"]

    @property
    def text_columns(self) -> list[str]:
        """Columns :meth:`assign` adds that always hold text (or nothing)."""
        return [*ADMIN_COLUMNS]

    def _index(self):
        with self._lock:
            if self._tree is None:
                import shapely

                shapely.prepare(self.geometries)
                self._tree = shapely.STRtree(self.geometries)
            return self._tree

    def lookup(self, lat: np.ndarray, lon: np.ndarray, max_km: float = 0.0
               ) -> tuple[np.ndarray, np.ndarray]:
        """Area of each point: position in this index (-1 for none) and km outside it.

        Points on the boundary of several areas get the first of them (in table order).
        Points outside every area get the nearest one when it is within ``max_km``.
        """
        import shapely

        n = len(lat)
        area = np.full(n, -1, dtype=np.int64)
        km = np.full(n, np.nan)
        ok = np.isfinite(lat) & np.isfinite(lon) & (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
        if not ok.any():
            return area, km
        # Events repeat coordinates a lot: look up each distinct point once.
        codes, uniq = pd.factorize(lat[ok] + 1j * lon[ok])
        ula, ulo = np.asarray(uniq).real, np.asarray(uniq).imag
        pts = shapely.points(ulo, ula)
        tree = self._index()
        hit_pt, hit_area = tree.query(pts, predicate="intersects")
        first = np.full(len(pts), np.iinfo(np.int64).max, dtype=np.int64)
        np.minimum.at(first, hit_pt, hit_area)
        found = first != np.iinfo(np.int64).max
        u_area = np.where(found, first, -1)
        u_km = np.where(found, 0.0, np.nan)
        miss = np.flatnonzero(~found)
        if max_km > 0 and miss.size:
            # A generous bound in degrees, then the true distance to the nearest point.
            cos = np.cos(np.radians(np.minimum(np.abs(ula[miss]), 85.0)))
            cap = float(np.max(max_km / (_KM_PER_DEG * cos)))
            q_pt, q_area = tree.query_nearest(pts[miss], max_distance=cap, all_matches=False)
            if q_pt.size:
                sub = miss[q_pt]
                line = shapely.shortest_line(pts[sub], self.geometries[q_area])
                end = shapely.get_point(line, 1)
                d = haversine_km(ula[sub], ulo[sub], shapely.get_y(end), shapely.get_x(end))
                near = d <= max_km
                u_area[sub[near]] = q_area[near]
                u_km[sub[near]] = d[near]
        area[ok] = u_area[codes]
        km[ok] = u_km[codes]
        return area, km

    def assign(self, df: pd.DataFrame, *, lat: str, lon: str, max_km: float) -> pd.DataFrame:
        """``df`` with the area columns added (see :data:`ADMIN_COLUMNS`)."""
        for col in (lat, lon):
            if col not in df.columns:
                raise GeokitValueError(f"no column {col!r}; columns are {list(df.columns)}")
        la = pd.to_numeric(df[lat], errors="coerce").to_numpy(float)
        lo = pd.to_numeric(df[lon], errors="coerce").to_numpy(float)
        area, km = self.lookup(la, lo, max_km)
        has = area >= 0
        pick = np.where(has, area, 0)
        out = df.copy()
        for col, values in self.fields.items():
            vals = values[pick] if len(values) else np.full(len(df), None, dtype=object)
            col_vals = np.where(has, vals, None) if len(df) else vals[:0]
            out[col] = pd.Series(col_vals, index=df.index, dtype=object)
        usable = np.isfinite(la) & np.isfinite(lo) & (np.abs(la) <= 90) & (np.abs(lo) <= 180)
        status = np.where(~usable, "no_coordinates",
                          np.where(~has, "outside", np.where(km > 0, "nearest", "inside")))
        reason = np.full(len(df), "", dtype=object)
        reason[status == "no_coordinates"] = "no usable coordinates; geocode the row first"
        out_mask = status == "outside"
        reason[out_mask] = (f"outside every area of {self.source}"
                            + (f" and more than {max_km:g} km from all of them"
                               if max_km > 0 else ""))
        near = np.flatnonzero(status == "nearest")
        names = self.fields["area_name"]
        reason[near] = [f"outside every area; {km[i]:.1f} km from "
                        f"{names[area[i]] or self.labels[area[i]]!s}" for i in near]
        if self.parent is not None and out_mask.any():
            rows = np.flatnonzero(out_mask)
            up, _ = self.parent.lookup(la[rows], lo[rows], max_km)
            rows, up = rows[up >= 0], up[up >= 0]
            for col in ("area_country_code", "area_admin1"):
                vals = out[col].to_numpy(object).copy()
                vals[rows] = self.parent.fields[col][up]
                out[col] = pd.Series(vals, index=df.index, dtype=object)
            status = status.astype(object)
            status[rows] = "admin1_only"
            reason[rows] = [f"no area of {self.source} covers the point; country and admin1 "
                            f"from {self.parent.source}" for _ in rows]
        out["area_status"] = pd.Series(status.astype(object), index=df.index, dtype=object)
        out["area_reason"] = pd.Series(reason, index=df.index, dtype=object)
        return out


def _text_array(s: pd.Series) -> np.ndarray:
    v = s.astype(object).to_numpy(object)
    return np.array([None if x is None or (isinstance(x, float) and x != x) or x is pd.NA
                     or x == "" else str(x) for x in v], dtype=object)


def load_areas(areas: Any = None, *, level: int = 1, countries: Sequence[str] | None = None,
               name_column: str | None = None, columns: Sequence[str] | None = None
               ) -> AreaIndex:
    """An :class:`AreaIndex` for the bundled areas (``areas=None``), a GeoDataFrame or a file.

    Parameters
    ----------
    areas : None, geopandas.GeoDataFrame, str or Path
        ``None`` uses :func:`geokit.gazetteer.admin_areas` (``level``, ``countries``); a path is
        read with :func:`geopandas.read_file` (GeoPackage, GeoJSON, shapefile, ...) or
        :func:`geopandas.read_parquet` for ``.parquet``.
    level, countries
        Passed to :func:`geokit.gazetteer.admin_areas` for the bundled areas.
    name_column, columns
        See :class:`AreaIndex`.
    """
    if isinstance(areas, AreaIndex):
        return areas
    if areas is None:
        if level not in (1, 2):
            raise GeokitValueError(f"level must be 1 (regions) or 2 (districts), not {level!r}")
        return _bundled(level, _key(countries), name_column, _key(columns))
    if isinstance(areas, str | PathLike):
        path = Path(areas)
        if not path.exists():
            raise InputFileError("admin areas file not found; check the path", path=path)
        import geopandas as gpd

        try:
            gdf = gpd.read_parquet(path) if path.suffix.lower() in (".parquet", ".geoparquet") \
                else gpd.read_file(path)
        except Exception as exc:  # noqa: BLE001 - any reader failure becomes one clear error
            raise InputFileError(f"cannot read admin areas: {exc}", path=path) from exc
        return AreaIndex(gdf, name_column=name_column, columns=columns, source=str(path))
    return AreaIndex(areas, name_column=name_column, columns=columns)


def _key(values: Sequence[str] | str | None) -> tuple | None:
    if values is None:
        return None
    return (values,) if isinstance(values, str) else tuple(values)


@lru_cache(maxsize=8)
def _bundled(level: int, countries: tuple | None, name_column: str | None,
             columns: tuple | None) -> AreaIndex:
    """The bundled areas as an index, built once per process for each set of arguments."""
    cc = list(countries) if countries is not None else None
    index = AreaIndex(admin_areas(level=level, countries=cc), name_column=name_column,
                      columns=columns, source=f"the bundled admin level {level} areas")
    if level == 2:  # districts cover fewer countries than regions: fall back to those
        index.parent = AreaIndex(admin_areas(level=1, countries=cc),
                                 source="the bundled admin level 1 areas")
    return index


def assign_admin_polygons(df: Any, areas: Any = None, *, level: int = 1,
                          countries: Sequence[str] | None = None,
                          name_column: str | None = None, columns: Sequence[str] | None = None,
                          lat: str = "lat", lon: str = "lon", max_km: float = 5.0) -> Any:
    """Point-in-polygon admin assignment; see :func:`geokit.events.assign_admin`."""
    if max_km is None or not max_km >= 0:
        raise GeokitValueError(f"max_km must be a number >= 0, not {max_km!r}")
    index = load_areas(areas, level=level, countries=countries, name_column=name_column,
                       columns=columns)
    kw = dict(lat=lat, lon=lon, max_km=float(max_km))
    if is_dask(df):
        import dask

        shipped = dask.delayed(index, pure=False)
        return map_text_partitions(df, _assign_partition, index.text_columns, shipped,
                                   meta_args=(index,), **kw)
    if not isinstance(df, pd.DataFrame):
        raise GeokitTypeError(f"assign_admin needs a (Geo)DataFrame or dask DataFrame, not "
                              f"{type(df).__name__}")
    return index.assign(df, **kw)


def _assign_partition(df: pd.DataFrame, index: AreaIndex, **kw: Any) -> pd.DataFrame:
    return index.assign(df, **kw)


# -- distances -------------------------------------------------------------------------------------
def _target(geometry: Any):
    import geopandas as gpd

    if isinstance(geometry, gpd.GeoDataFrame | gpd.GeoSeries):
        target = geometry.to_crs("EPSG:4326") if geometry.crs is not None else geometry
        shape = target.union_all()
    else:
        shape = geometry
    if shape is None or shape.is_empty:
        raise GeokitValueError("the target geometry is empty")
    c = shape.centroid
    aeqd = f"+proj=aeqd +lat_0={c.y} +lon_0={c.x} +datum=WGS84 +units=m +no_defs"
    projected = gpd.GeoSeries([shape], crs="EPSG:4326").to_crs(aeqd).iloc[0]
    return aeqd, projected


def _distance_partition(df: pd.DataFrame, aeqd: str, target: Any, name: str) -> pd.Series:
    pts = event_points(df).set_crs(CRS, allow_override=True).to_crs(aeqd)
    d = pts.distance(target) / 1000.0
    return pd.Series(np.where(pts.isna() | pts.is_empty, np.nan, d), index=df.index,
                     name=name, dtype=float)


def distance_to_km(df: Any, geometry: Any, *, name: str = "distance_km") -> Any:
    """km from each event to a geometry; see :func:`geokit.events.distance_to_km`."""
    aeqd, target = _target(geometry)
    if is_dask(df):
        import dask

        return df.map_partitions(_distance_partition, aeqd, dask.delayed(target, pure=False),
                                 name, meta=pd.Series(dtype=float, name=name),
                                 align_dataframes=False)
    return _distance_partition(df, aeqd, target, name)


def distance_to_border_km(df: Any, country: str = "UA") -> Any:
    """km to a country's border, or to the land border of two countries (``"UA-RU"``); see
    :func:`geokit.events.distance_to_border_km`."""

    code = str(country).strip().upper()
    if "-" in code:
        try:
            line = border_line(code)
        except GeokitError as exc:
            raise GeokitValueError(str(exc)) from None
        if line.is_empty:
            raise GeokitValueError(f"{code} share no land border in the bundled borders")
        return distance_to_km(df, line, name="border_km")
    b = borders()
    sel = b[b["iso_a2"] == code]
    if sel.empty:
        raise GeokitValueError(f"no bundled border for {country!r}; available: "
                               f"{', '.join(sorted(b['iso_a2']))}")
    return distance_to_km(df, sel.boundary, name="border_km")


# -- counts ----------------------------------------------------------------------------------------
def count_events(df: Any, by: str | Sequence[str] = "admin1", *, fatalities: bool = True
                 ) -> Any:
    """Number of events (and fatalities) per value of ``by``.

    Parameters
    ----------
    df : pandas or dask DataFrame
        Events.
    by : str or list of str
        Column(s) to group by; missing values form their own group.
    fatalities : bool
        Also sum ``fatalities`` when the column exists (``<NA>`` for a group without any).

    Returns
    -------
    pandas.DataFrame, or dask DataFrame for a dask input
        ``by`` columns, ``events`` and ``fatalities``, sorted by ``by``; a dask result computes
        to the same table as pandas.
    """
    keys = [by] if isinstance(by, str) else list(by)
    missing = [k for k in keys if k not in df.columns]
    if missing:
        raise GeokitValueError(f"no column {missing[0]!r} to count by; columns are "
                               f"{list(df.columns)}")
    fat = fatalities and "fatalities" in df.columns
    if is_dask(df):
        cols = keys + (["fatalities"] if fat else [])
        part = df[cols].map_partitions(_count_partition, keys, fat,
                                       meta=_count_partition(df._meta[cols], keys, fat))
        merged = part.repartition(npartitions=1)
        return merged.map_partitions(_combine_counts, keys, fat,
                                     meta=_combine_counts(part._meta, keys, fat))
    return _combine_counts(_count_partition(df, keys, fat), keys, fat)


def _count_partition(df: pd.DataFrame, keys: list[str], fat: bool) -> pd.DataFrame:
    g = df.groupby(keys, dropna=False, sort=False)
    out = g.size().rename("events").to_frame()
    if fat:
        f = pd.to_numeric(df["fatalities"], errors="coerce").astype("Float64")
        gf = f.groupby([df[k] for k in keys], dropna=False, sort=False)
        out["fatalities"] = gf.sum(min_count=1)
    out = out.reset_index()
    for k in keys:  # dask keeps text as pyarrow strings; compare as plain objects
        out[k] = out[k].astype(object).where(out[k].notna(), None)
    return out


def _combine_counts(parts: pd.DataFrame, keys: list[str], fat: bool) -> pd.DataFrame:
    g = parts.groupby(keys, dropna=False, sort=True)
    out = g["events"].sum().astype("int64").to_frame()
    if fat:
        out["fatalities"] = g["fatalities"].sum(min_count=1).round().astype("Int64")
    return out.reset_index()
