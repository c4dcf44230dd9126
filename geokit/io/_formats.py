"""Format dispatch: which reader or writer handles a file, for tables in memory (no dask)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from ..errors import GeokitTypeError, GeokitValueError, InputFileError
from ..schema import conform, is_dask
from . import _common, acled, cir, generic, geo, ucdp

__all__ = ["read_table", "write_events", "to_events", "FORMATS", "detect_format"]

_TABLE_MODULES = {m.NAME: m for m in (acled, ucdp, cir, generic)}
#: Names accepted by ``format=``.
FORMATS: tuple[str, ...] = ("auto", *_TABLE_MODULES, *geo.FORMATS)
_TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods")


def _check_format(fmt: str) -> str:
    f = str(fmt).lower()
    if f not in FORMATS:
        raise GeokitValueError(f"unknown events format {fmt!r}; valid formats are "
                               f"{', '.join(FORMATS)}")
    return f


def detect_format(columns: Iterable[Any]) -> str:
    """Name of the table format whose columns match (``acled``, ``ucdp``, ``cir`` or
    ``generic``).

    Parameters
    ----------
    columns : iterable of str
        Column names of a raw table (case and surrounding spaces do not matter).

    Returns
    -------
    str
        The first of ``acled``, ``ucdp``, ``cir`` whose key columns are all present, else
        ``generic``.

    Raises
    ------
    TypeError
        When ``columns`` is not iterable.

    Examples
    --------
    >>> detect_format(["event_id_cnty", "event_date", "geo_precision", "latitude"])
    'acled'
    >>> detect_format(["date", "place", "lat", "lon"])
    'generic'
    """
    for name in ("acled", "ucdp", "cir"):
        if _TABLE_MODULES[name].detect(columns):
            return name
    return "generic"


def read_table(path_or_frame: Any, format: str = "auto", *, bad_rows: str = "raise"
               ) -> gpd.GeoDataFrame:
    """:func:`geokit.io.read_events` for one file or table in memory (no dask)."""
    fmt = _check_format(format)
    if isinstance(path_or_frame, pd.DataFrame):
        if isinstance(path_or_frame, gpd.GeoDataFrame):
            raw = geo.from_geodataframe(path_or_frame)
        else:
            raw = pd.DataFrame(path_or_frame).copy()
        raw.attrs = {}
        origin = None
    else:
        origin = Path(path_or_frame)
        spatial = fmt if fmt in geo.FORMATS else geo.format_for_suffix(origin)
        if fmt == "auto" and spatial:
            fmt = spatial
        if spatial:
            raw = geo.read(origin, spatial)
            raw.attrs[_common.ATTRS_KEY] = {"path": str(origin)}
        else:
            if fmt == "auto" and origin.suffix.lower() not in _TABLE_SUFFIXES and \
                    origin.suffix:
                raise InputFileError(f"unknown file type {origin.suffix!r}; pass format= one "
                                     f"of {', '.join(FORMATS)}", path=origin)
            raw = _common.read_text_table(origin, bad_rows=bad_rows)
    return to_events(raw, fmt, origin)


def to_events(raw: pd.DataFrame, fmt: str = "auto", origin: Any = None) -> gpd.GeoDataFrame:
    """An events table from a raw source table (text cells or typed columns).

    Parameters
    ----------
    raw : pandas.DataFrame
        The source table as read (text cells, or typed columns from a spatial file).
    fmt : str
        A table format (``acled``, ``ucdp``, ``cir``, ``generic``), a spatial format (the
        columns then decide the table layout) or ``auto`` (:func:`detect_format`).
    origin : path, optional
        The file named in error messages.

    Returns
    -------
    geopandas.GeoDataFrame
        The events in geokit's schema; ``attrs["geokit"]`` records the source columns and the
        formats used.

    Raises
    ------
    InputFileError
        When the columns do not look like the format asked for, or a needed column is missing
        or holds values that cannot be read (dates, coordinates).

    Examples
    --------
    >>> import pandas as pd
    >>> raw = pd.DataFrame({"date": ["2025-03-01"], "lat": ["50.9"], "lon": ["34.8"],
    ...                     "event_type": ["Shelling"]})
    >>> events = to_events(raw)
    >>> str(events.loc[0, "event_date"].date()), events.geometry.iloc[0].wkt
    ('2025-03-01', 'POINT (34.8 50.9)')
    >>> events.attrs["geokit"]["table_format"]
    'generic'
    """
    columns = list(raw.columns)
    table_fmt = fmt if fmt in _TABLE_MODULES else detect_format(columns)
    module = _TABLE_MODULES[table_fmt]
    if fmt in _TABLE_MODULES and fmt != "generic" and not module.detect(columns):
        raise InputFileError(f"the columns do not look like {fmt} (found {columns[:8]}...); "
                             f"use format='auto' or 'generic'", path=origin)
    events = module.to_events(raw)
    info = dict(events.attrs.get(_common.ATTRS_KEY, {}))
    info.update(columns=columns, table_format=table_fmt,
                format=fmt if fmt in geo.FORMATS else table_fmt)
    gdf = conform(events)
    gdf.attrs[_common.ATTRS_KEY] = info
    return gdf


def _format_for_path(path: Path, gdf: pd.DataFrame) -> str:
    g = geo.format_for_suffix(path)
    if g:
        return g
    src = gdf.attrs.get(_common.ATTRS_KEY, {}).get("table_format")
    return src if src in _TABLE_MODULES else "generic"


def write_events(gdf: pd.DataFrame, path: str | Path, format: str | None = None, *,
                 columns: str = "auto") -> None:
    """Write an events table.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        An events table (from :func:`read_events`, or any table with canonical columns).
    path : str or Path
        Destination. ``.csv``/``.tsv``/``.xlsx`` write a table; ``.geojson``, ``.gpkg``,
        ``.parquet``, ``.kml``, ``.kmz`` a spatial file.
    format : str, optional
        One of :data:`FORMATS` except ``auto``; by default from the suffix, and for tables the
        format the events were read from (else ``generic``).
    columns : {"auto", "original", "all"}
        ``original`` writes the columns the table was read with (a file read and written in
        its own format keeps its columns and values); ``all`` writes every column;
        ``auto`` is ``original`` when writing back to the format it was read from. After
        :func:`geokit.geocode_events`, ``original`` also writes ``geocode_status`` and
        ``geocode_reason`` (and ``lat``/``lon``/``loc_precision`` where the layout has no
        place for them).

    Returns
    -------
    None
        The file is written to ``path``.

    Raises
    ------
    GeokitTypeError
        ``gdf`` is a dask frame (write it with its own writer, or ``.compute()`` first).
    GeokitValueError
        Unknown ``format`` or ``columns``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from geokit.events import empty_events
    >>> write_events(empty_events(), pathlib.Path(tempfile.mkdtemp()) / "e.csv")
    """
    if is_dask(gdf):
        raise GeokitTypeError("write_events writes a table in memory; write a dask frame with "
                              "its own writer (ddf.to_parquet('dir/') writes one GeoParquet "
                              "file per partition) or call .compute() first")
    path = Path(path)
    fmt = _check_format(format) if format else _format_for_path(path, gdf)
    if fmt == "auto":
        fmt = _format_for_path(path, gdf)
    if columns not in ("auto", "original", "all"):
        raise GeokitValueError(f"columns must be 'auto', 'original' or 'all', not {columns!r}")
    info = gdf.attrs.get(_common.ATTRS_KEY, {})
    if not isinstance(gdf, gpd.GeoDataFrame) or any(c not in gdf.columns for c in ("lat", "lon")):
        gdf = conform(gdf)
    original = info.get("columns")
    keep_original = original is not None and (
        columns == "original" or (columns == "auto" and info.get("format") == fmt))
    if keep_original:
        original = _with_results(gdf, list(original), fmt)
    if fmt in geo.FORMATS:
        out = gdf
        if keep_original:
            out = gdf[[c for c in original if c in gdf.columns] + [gdf.geometry.name]]
        geo.write(out, path, fmt)
        return
    module = _TABLE_MODULES[fmt]
    same = info.get("table_format") == fmt
    cols = original if keep_original or (same and columns != "all") else None
    table = module.from_events(gdf, cols, info.get("date_format") if same else None)
    _write_table(table, path)


def _with_results(gdf: pd.DataFrame, cols: list[str], fmt: str) -> list[str]:
    """Original columns plus what geocoding added that the source layout cannot hold."""
    if "geocode_status" not in gdf.columns:
        return cols
    extra = []
    if fmt not in ("acled", "ucdp"):
        m = generic.mapping(cols, getattr(_TABLE_MODULES.get(fmt), "ALIASES", None))
        if "lat" not in m or "lon" not in m:
            extra += ["lat", "lon"]
        extra.append("loc_precision")
    extra += ["geocode_status", "geocode_reason"]
    return cols + [c for c in extra if c not in cols]


def _write_table(table: pd.DataFrame, path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        try:
            table.to_excel(path, index=False)
        except ImportError as exc:
            raise ImportError(f"writing Excel needs openpyxl: pip install openpyxl ({exc})"
                              ) from exc
        return
    sep = "\t" if suffix == ".tsv" else ","
    # the csv module quotes a cell only for characters of the line ending: a bare CR in a cell
    # would end the row when read back, so tables holding one get CRLF line endings
    cr = any(table[c].map(lambda v: isinstance(v, str) and "\r" in v).any()
             for c in table.columns if not pd.api.types.is_numeric_dtype(table[c]))
    table.to_csv(path, index=False, sep=sep, encoding="utf-8",
                 lineterminator="\r\n" if cr else "\n")
