"""Territory held, gained and lost per period, overall and per admin area, from dated snapshots."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..errors import GeokitValueError

__all__ = ["territory_series", "TOTAL"]

#: Value of the ``by`` column on the rows for the whole control area.
TOTAL = "(all)"
_COLUMNS = ["period", "snapshot_date", "held_km2", "gained_km2", "lost_km2", "net_km2"]


def territory_series(
    snapshots: Any,
    by: str | None = "admin1",
    freq: str = "W",
    *,
    areas: Any = None,
    countries: Any = "UA",
    crs: str | None = None,
) -> pd.DataFrame:
    """km² held at the end of each period, and gained and lost since the period before.

    Parameters
    ----------
    snapshots : folder, path, list of paths or dict of {date: geometry}
        Control areas as :func:`geokit.conflict.read_snapshots` accepts them.
    by : {"admin1", "admin2"}, a column of ``areas``, or None
        Also split the figures by these admin areas (the control area clipped by each).
        ``None`` gives the overall rows only.
    freq : str
        Pandas period frequency: ``"D"``, ``"W"`` (weeks ending Sunday), ``"MS"``/``"M"``...
        Each period is described by the latest snapshot on or before its last day.
    areas : GeoDataFrame, optional
        Areas to clip by, with a ``by`` column; default the bundled approximate admin areas of
        ``countries`` (see :mod:`geokit.gazetteer.admin`).
    countries : str or list of str
        Countries of the bundled admin areas.
    crs : str, optional
        Equal-area CRS to measure in; default a Lambert azimuthal equal-area projection
        centred on the snapshots.

    Returns
    -------
    pandas.DataFrame
        Tidy: one row per period and area, with ``period`` (first day of the period),
        ``snapshot_date`` (the snapshot describing it), the ``by`` column (``TOTAL`` on the
        overall rows), ``held_km2``, ``gained_km2``, ``lost_km2`` and ``net_km2`` (gained minus
        lost since the previous period; missing on the first). Per-area rows need not add up to
        the overall ones: the bundled areas are approximate and the control area may reach
        beyond ``countries``. The series runs from the period holding the first snapshot to the
        period holding the last one, whatever dates the events or the study cover: nothing is
        known of the control area after the last snapshot, so it is not carried forward (give
        a later snapshot to extend the series, or select the snapshots up to your end date to
        stop earlier). The last period is described by the last snapshot even when the period
        ends after it (see ``snapshot_date``).

    Raises
    ------
    GeokitValueError
        When there are no snapshots, ``freq`` is not a pandas frequency, or ``by``/``areas``
        do not give areas to split by.
    InputFileError
        When a snapshot file cannot be read (see :func:`geokit.conflict.read_snapshots`).

    Examples
    --------
    >>> from shapely.geometry import box
    >>> snaps = {"2025-03-03": box(36, 48, 37, 49), "2025-03-12": box(36, 48, 37.5, 49)}
    >>> t = territory_series(snaps, by=None, freq="W")
    >>> t["period"].dt.date.astype(str).tolist()
    ['2025-03-03', '2025-03-10']
    >>> t[["held_km2", "gained_km2"]].round(-2)
       held_km2  gained_km2
    0    8200.0         NaN
    1   12300.0      4100.0
    """
    import shapely

    from .attach import _laea, _project
    from .frontline import read_snapshots

    snaps = read_snapshots(snapshots, simplify_m=0)
    if not snaps:
        raise GeokitValueError(
            "no control-area snapshots: give a folder, files or a dict of {date: geometry}"
        )
    try:
        periods = pd.period_range(min(snaps), max(snaps), freq=_period_freq(freq))
    except ValueError:
        raise GeokitValueError(
            f"freq {freq!r} is not a pandas frequency; use e.g. 'D', 'W' or 'M'"
        ) from None
    crs = crs or _laea(list(snaps.values()))
    dates = np.array(list(snaps), dtype="datetime64[D]")
    ends = periods.end_time.to_numpy().astype("datetime64[D]")
    in_force = np.searchsorted(dates, ends, side="right") - 1
    names, shapes = _areas(by, areas, countries, crs)
    rows: list[tuple] = []
    cache: dict[int, Any] = {}
    prev = None
    for period, i in zip(periods, in_force, strict=True):
        if i not in cache:
            cache = {i: _project(snaps[dates[i].item()], crs)}  # keep one: periods ascend
        cur = cache[i]
        gained = shapely.difference(cur, prev) if prev is not None else None
        lost = shapely.difference(prev, cur) if prev is not None else None
        start, snap = period.start_time, pd.Timestamp(dates[i])
        rows.append((start, snap, TOTAL, *_figures(cur, gained, lost)))
        if len(shapes):
            hit = shapely.intersects(shapes, cur)
            if prev is not None:
                hit |= shapely.intersects(shapes, prev)
            for name, shape in zip(names[hit], shapes[hit], strict=True):
                rows.append(
                    (
                        start,
                        snap,
                        name,
                        *_figures(
                            shapely.intersection(cur, shape),
                            None if gained is None else shapely.intersection(gained, shape),
                            None if lost is None else shapely.intersection(lost, shape),
                        ),
                    )
                )
        prev = cur
    key = by or "area"
    out = pd.DataFrame(rows, columns=["period", "snapshot_date", key, *_COLUMNS[2:]])
    out["net_km2"] = out["gained_km2"] - out["lost_km2"]
    if by is None:
        out = out.drop(columns=key)
    return out


def _period_freq(freq: str) -> str:
    """Period aliases for the offset aliases people type (``"MS"``, ``"ME"``...)."""
    f = str(freq)
    return {"MS": "M", "ME": "M", "QS": "Q", "QE": "Q", "YS": "Y", "YE": "Y", "AS": "Y"}.get(f, f)


def _figures(held, gained, lost) -> tuple[float, float, float, float]:
    km2 = 1e6
    g = gained.area / km2 if gained is not None else np.nan
    lo = lost.area / km2 if lost is not None else np.nan
    return held.area / km2, g, lo, np.nan


def _areas(by: str | None, areas: Any, countries: Any, crs: str) -> tuple[np.ndarray, np.ndarray]:
    """Names and projected shapes of the areas to split by."""
    import geopandas as gpd

    if by is None:
        return np.array([], dtype=object), np.array([], dtype=object)
    if areas is None:
        from ..gazetteer.admin import admin_areas

        if by not in ("admin1", "admin2"):
            raise GeokitValueError(
                f"by={by!r}: the bundled areas give 'admin1' or 'admin2'; "
                "pass areas= to split by another column"
            )
        areas = admin_areas(1 if by == "admin1" else 2, countries=countries)
    if not isinstance(areas, gpd.GeoDataFrame):
        raise GeokitValueError(f"areas must be a GeoDataFrame, not {type(areas).__name__}")
    if by not in areas.columns:
        raise GeokitValueError(
            f"areas have no column {by!r}; columns are {', '.join(map(str, areas.columns))}"
        )
    frame = areas if areas.crs is None else areas.to_crs(4326)
    merged = frame.dissolve(by=by) if frame[by].duplicated().any() else frame.set_index(by)
    shapes = gpd.GeoSeries(merged.geometry.values, crs=4326).to_crs(crs).make_valid()
    return merged.index.to_numpy(dtype=object), shapes.to_numpy()
