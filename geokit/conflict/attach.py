"""Events against the control area that was in force on their own date.

For every event, :func:`attach_frontline` finds the latest snapshot on or before the event's
date, says whether the event lies inside the control area, outside it, or within a band of the
front line ("contested"), and measures the signed distance to the line (negative inside).

How it scales: events are grouped by the snapshot in force, so each snapshot is prepared once
(projected, ``shapely.prepare``-d, its front line cut into segments in an STRtree) and then
answers all of its events with shapely 2's vectorised ``contains_xy`` and a nearest-segment
query. Nothing is built per event. Dask frames are processed partition by partition with the
same prepared snapshots, so they give the same answer as pandas.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from ..errors import GeokitTypeError, GeokitValueError

__all__ = ["attach_frontline", "CONTROL_VALUES", "FRONT_COLUMNS", "FRONT_REASONS"]

#: Values of the ``control`` column.
CONTROL_VALUES: tuple[str, ...] = ("inside", "outside", "contested")
#: Why an event has no ``control``: values of the ``front_reason`` column.
FRONT_REASONS: tuple[str, ...] = (
    "no date",
    "no point",
    "before first snapshot",
    "snapshot older than max_age",
)
#: Columns :func:`attach_frontline` adds.
FRONT_COLUMNS: tuple[str, ...] = ("snapshot_date", "control", "front_distance_km", "front_reason")

_BORDER_TOLERANCE_M = 2000.0  # outline this close to the country border is border, not front


def attach_frontline(
    events: Any,
    snapshots: Any,
    *,
    max_age: Any = 7,
    band_km: float = 2.0,
    border: str | None = "UA",
    crs: str | None = None,
    date: str = "event_date",
    lat: str = "lat",
    lon: str = "lon",
) -> Any:
    """Place each event against the control area in force on its date.

    Parameters
    ----------
    events : pandas.DataFrame, geopandas.GeoDataFrame or dask DataFrame
        Events with a date column and ``lat``/``lon`` columns (or point geometry).
    snapshots : folder, path, list of paths, dict of {date: geometry}, or prepared
        Control areas as :func:`geokit.conflict.read_snapshots` accepts them (read with
        ``simplify_m=0``: every vertex kept). A :class:`Fronts` object from an earlier call
        (``Fronts(snapshots)``) is used as is.
    max_age : int, str or timedelta
        A snapshot older than this on the event's date does not answer for it: the event gets
        no ``control`` and the reason ``"snapshot older than max_age"``. An int is days;
        strings as pandas reads them (``"31D"``). ``None`` accepts any age.
    band_km : float
        Events within this distance of the front line are ``"contested"``.
    border : str or None
        ISO code of the country whose border is not part of the front line: where the control
        area's outline runs along that border (or its coast), the outline is an edge of the
        map, not a line of contact. ``None`` measures to the whole outline.
    crs : str, optional
        Metric CRS to measure in. By default a Lambert azimuthal equal-area projection centred
        on the snapshots (distances within ~1 % up to 800 km from the centre).
    date, lat, lon : str
        Column names.

    Returns
    -------
    Same type as ``events``
        Every row kept, in order, with ``snapshot_date`` (the snapshot in force, NaT when none
        answers), ``control`` (categorical of ``CONTROL_VALUES``, missing when no snapshot
        answers), ``front_distance_km`` (signed, negative inside) and ``front_reason`` (why
        ``control`` is missing, one of ``FRONT_REASONS``).

    Raises
    ------
    GeokitTypeError
        When ``events`` is not a (Geo)DataFrame or dask DataFrame.
    GeokitValueError
        When there are no snapshots, the events lack dates or points, ``max_age`` or
        ``band_km`` is not a valid number, or ``border`` is not a bundled country.
    InputFileError
        When a snapshot file cannot be read (see :func:`geokit.conflict.read_snapshots`).

    Examples
    --------
    >>> import pandas as pd
    >>> from shapely.geometry import box
    >>> snaps = {"2025-03-01": box(36.0, 48.0, 38.0, 49.0)}
    >>> ev = pd.DataFrame({"event_date": pd.to_datetime(["2025-03-02", "2025-02-01"]),
    ...                    "lat": [48.5, 48.5], "lon": [37.0, 35.0]})
    >>> out = attach_frontline(ev, snaps, border=None)
    >>> out["control"].tolist(), out["front_reason"].tolist()
    (['inside', nan], [nan, 'before first snapshot'])
    """
    from ..schema import is_dask

    fronts = (
        snapshots if isinstance(snapshots, Fronts) else Fronts(snapshots, border=border, crs=crs)
    )
    opts = dict(max_age=_days(max_age), band_m=_band(band_km), date=date, lat=lat, lon=lon)
    if is_dask(events):
        import dask

        meta = _attach_partition(events._meta, fronts, **opts)
        return events.map_partitions(
            _attach_partition, dask.delayed(fronts, pure=False), meta=meta, **opts
        )
    if not isinstance(events, pd.DataFrame):
        raise GeokitTypeError(
            f"attach_frontline needs a (Geo)DataFrame or dask DataFrame, not "
            f"{type(events).__name__}"
        )
    return _attach_partition(events, fronts, **opts)


def _days(max_age: Any) -> float:
    if max_age is None:
        return np.inf
    if isinstance(max_age, int | float | np.integer | np.floating) and not isinstance(
        max_age, bool
    ):
        days = float(max_age)
    else:
        try:
            days = pd.Timedelta(max_age) / pd.Timedelta(days=1)
        except (TypeError, ValueError):
            raise GeokitValueError(
                f"max_age must be a number of days, a timedelta or a string "
                f"such as '31D', not {max_age!r}"
            ) from None
    if not days >= 0:
        raise GeokitValueError(f"max_age must be >= 0 days, not {max_age!r}")
    return days


def _band(band_km: Any) -> float:
    try:
        band = float(band_km)
    except (TypeError, ValueError):
        band = np.nan
    if not band >= 0:
        raise GeokitValueError(f"band_km must be a number >= 0, not {band_km!r}")
    return band * 1000.0


class Fronts:
    """Dated control areas prepared for point queries (one projection, built lazily).

    Parameters
    ----------
    snapshots : anything :func:`geokit.conflict.read_snapshots` accepts
    border, crs : see :func:`attach_frontline`

    Each snapshot is projected, prepared and its front line indexed the first time an event
    needs it; the prepared parts are not pickled, so the object is cheap to send to dask
    workers.
    """

    def __init__(self, snapshots: Any, *, border: str | None = "UA", crs: str | None = None):
        from .frontline import read_snapshots

        snaps = read_snapshots(snapshots, simplify_m=0)
        if not snaps:
            raise GeokitValueError(
                "no control-area snapshots: give a folder, files or a dict of {date: geometry}"
            )
        self.dates = np.array(list(snaps), dtype="datetime64[D]")
        self.geoms = list(snaps.values())
        self.border = border
        self.crs = crs or _laea(self.geoms)
        self._built: dict[int, tuple] = {}
        self._border_zone = None

    def __len__(self) -> int:
        return len(self.geoms)

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_built"], state["_border_zone"] = {}, None
        return state

    def transformer(self):
        return _transformer(self.crs)

    def in_force(self, days: np.ndarray, max_age: float) -> tuple[np.ndarray, np.ndarray]:
        """Index of the snapshot in force for each day (-1: none) and the reason code
        (0 ok, 3 before the first snapshot, 4 too old); ``days`` are datetime64[D]."""
        idx = np.searchsorted(self.dates, days, side="right") - 1
        reason = np.zeros(len(days), dtype=np.int8)
        reason[idx < 0] = 3
        age = (days - self.dates[np.maximum(idx, 0)]).astype(float)
        reason[(idx >= 0) & (age > max_age)] = 4
        idx[reason > 0] = -1
        return idx, reason

    def built(self, i: int) -> tuple:
        """``(polygon, segment tree or None)`` of snapshot ``i`` in the metric CRS."""
        if i not in self._built:
            self._built[i] = self._build(self.geoms[i])
        return self._built[i]

    def _build(self, geom) -> tuple:
        import shapely

        poly = _project(geom, self.crs)
        shapely.prepare(poly)
        segments = _segments(poly)
        zone = self._zone()
        if zone is not None and len(segments):
            mid = shapely.get_coordinates(
                shapely.line_interpolate_point(segments, 0.5, normalized=True)
            )
            segments = segments[~shapely.contains_xy(zone, mid[:, 0], mid[:, 1])]
        tree = shapely.STRtree(segments) if len(segments) else None
        return poly, tree

    def _zone(self):
        """The country's outline (border and coast) widened by the tolerance, projected."""
        if self.border is None:
            return None
        if self._border_zone is None:
            import geopandas as gpd
            import shapely

            from ..gazetteer.borders import borders

            b = borders()
            sel = b[b["iso_a2"] == str(self.border).strip().upper()]
            if sel.empty:
                raise GeokitValueError(
                    f"no bundled border for {self.border!r}; available: "
                    f"{', '.join(sorted(b['iso_a2']))}, or border=None"
                )
            outline = gpd.GeoSeries(sel.boundary.values, crs=4326).to_crs(self.crs).union_all()
            self._border_zone = outline.buffer(_BORDER_TOLERANCE_M)
            shapely.prepare(self._border_zone)
        return self._border_zone


def _laea(geoms: list) -> str:
    import shapely

    x0, y0, x1, y1 = shapely.total_bounds(np.array(geoms, dtype=object))
    if not np.isfinite([x0, y0, x1, y1]).all():
        x0 = y0 = x1 = y1 = 0.0
    lat, lon = (y0 + y1) / 2, (x0 + x1) / 2
    return f"+proj=laea +lat_0={lat:.4f} +lon_0={lon:.4f} +datum=WGS84 +units=m +no_defs"


@lru_cache(maxsize=8)
def _transformer(crs: str):
    """EPSG:4326 -> ``crs`` (building one costs milliseconds; every snapshot reuses it)."""
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:4326", crs, always_xy=True)


def _project(geom, crs: str, *, densify_deg: float = 0.02):
    """``geom`` from EPSG:4326 into ``crs``. Long edges get extra vertices first, so that an
    edge straight in longitude/latitude (as GeoJSON means it) stays where it was."""
    import shapely

    t = _transformer(crs)
    geom = shapely.segmentize(geom, densify_deg)
    return shapely.transform(geom, lambda xy: np.column_stack(t.transform(xy[:, 0], xy[:, 1])))


def _segments(poly) -> np.ndarray:
    """Every edge of the polygon's rings as a two-point LineString."""
    import shapely

    rings = shapely.get_rings(shapely.get_parts(poly))
    if len(rings) == 0:
        return np.array([], dtype=object)
    xy, ring = shapely.get_coordinates(rings, return_index=True)
    same = ring[1:] == ring[:-1]
    pairs = np.stack([xy[:-1][same], xy[1:][same]], axis=1)
    return shapely.linestrings(pairs)


def _event_xy(df: pd.DataFrame, lat: str, lon: str) -> tuple[np.ndarray, np.ndarray]:
    if lat in df.columns and lon in df.columns:
        la = pd.to_numeric(df[lat], errors="coerce").to_numpy(
            dtype=float, na_value=np.nan, copy=True
        )
        lo = pd.to_numeric(df[lon], errors="coerce").to_numpy(
            dtype=float, na_value=np.nan, copy=True
        )
    elif hasattr(df, "geometry") and df.geometry.name in df.columns:
        import shapely

        g = df.geometry
        if g.crs is not None:
            g = g.to_crs(4326)
        geoms = g.to_numpy()
        ok = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
        lo, la = np.full(len(df), np.nan), np.full(len(df), np.nan)
        lo[ok], la[ok] = shapely.get_x(geoms[ok]), shapely.get_y(geoms[ok])
    else:
        raise GeokitValueError(f"attach_frontline needs {lat!r}/{lon!r} columns or point geometry")
    bad = ~(np.isfinite(la) & np.isfinite(lo) & (np.abs(la) <= 90) & (np.abs(lo) <= 180))
    la[bad] = lo[bad] = np.nan
    return la, lo


def _event_days(df: pd.DataFrame, date: str) -> np.ndarray:
    if date not in df.columns:
        raise GeokitValueError(
            f"no date column {date!r}; columns are {', '.join(map(str, df.columns))}"
        )
    s = df[date]
    if not pd.api.types.is_datetime64_any_dtype(s):
        s = pd.to_datetime(s, errors="coerce", format="mixed")
    elif getattr(s.dt, "tz", None) is not None:
        s = s.dt.tz_localize(None)
    return s.to_numpy().astype("datetime64[D]")


def _attach_partition(
    df: pd.DataFrame,
    fronts: Fronts,
    *,
    max_age: float,
    band_m: float,
    date: str,
    lat: str,
    lon: str,
) -> pd.DataFrame:
    import shapely

    n = len(df)
    days = _event_days(df, date)
    la, lo = _event_xy(df, lat, lon)
    reason = np.zeros(n, dtype=np.int8)
    reason[np.isnat(days)] = 1
    reason[(reason == 0) & np.isnan(la)] = 2
    ok = reason == 0
    idx = np.full(n, -1, dtype=np.int64)
    if ok.any():
        idx[ok], why = fronts.in_force(days[ok], max_age)
        reason[ok] = why
    control = np.full(n, -1, dtype=np.int8)
    dist = np.full(n, np.nan)
    todo = np.flatnonzero(idx >= 0)
    if len(todo):
        x, y = fronts.transformer().transform(lo[todo], la[todo])
        order = np.argsort(idx[todo], kind="stable")
        groups, starts = np.unique(idx[todo][order], return_index=True)
        for g, a, b in zip(groups, starts, [*starts[1:], len(order)], strict=True):
            pos = order[a:b]
            poly, tree = fronts.built(int(g))
            inside = shapely.contains_xy(poly, x[pos], y[pos])
            d = np.full(len(pos), np.nan)
            if tree is not None:
                pts = shapely.points(x[pos], y[pos])
                (src, _), found = tree.query_nearest(pts, return_distance=True, all_matches=False)
                d[src] = found
            near = d <= band_m
            control[todo[pos]] = np.where(near, 2, np.where(inside, 0, 1))
            dist[todo[pos]] = np.where(inside, -d, d) / 1000.0
    snap = np.full(n, np.datetime64("NaT", "ns"), dtype="datetime64[ns]")
    snap[idx >= 0] = fronts.dates[idx[idx >= 0]].astype("datetime64[ns]")
    out = df.copy()
    out["snapshot_date"] = pd.Series(snap, index=df.index, dtype="datetime64[ns]")
    out["control"] = pd.Categorical.from_codes(control, categories=list(CONTROL_VALUES))
    out["front_distance_km"] = dist
    out["front_reason"] = pd.Categorical.from_codes(reason - 1, categories=list(FRONT_REASONS))
    return out
