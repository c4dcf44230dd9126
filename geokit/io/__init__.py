"""Reading and writing event tables: ACLED, UCDP GED, CIR/Bellingcat, generic CSV/Excel and
spatial files (GeoJSON, GeoPackage, GeoParquet, KML, KMZ).

Every reader returns an events table (see :mod:`geokit.schema`): the canonical columns first,
then every column of the source, then ``coord_status``/``coord_reason`` explaining rows whose
coordinates could not be used. No row is dropped.
"""

from __future__ import annotations

from typing import Any

import geopandas as gpd
import pandas as pd

from ..errors import GeokitTypeError
from . import acled, cir, generic, geo, ucdp
from ._dask import read_events_dask
from ._formats import FORMATS, _check_format, detect_format, read_table, to_events, write_events

__all__ = ["read_events", "read_events_dask", "write_events", "to_events", "FORMATS",
           "detect_format", "acled", "cir", "generic", "geo", "ucdp"]


def read_events(path_or_frame: Any, format: str = "auto", *, bad_rows: str = "raise",
                blocksize: int | str | None = None) -> gpd.GeoDataFrame:
    """Read an event table into the canonical events schema.

    Parameters
    ----------
    path_or_frame : str, Path or pandas.DataFrame
        A file (CSV/TSV/Excel, GeoJSON, GeoPackage, GeoParquet, KML, KMZ) or a table already in
        memory.
    format : str
        One of :data:`FORMATS`; ``auto`` picks by suffix, then by column names.
    bad_rows : {"raise", "keep"}
        A text row with more non-empty cells than the header raises :class:`InputFileError`
        (default), or is kept with the surplus in an ``extra_cells`` column.
    blocksize : int or str, optional
        Read lazily with dask, in partitions of about this many bytes (e.g. ``"64MB"``), for
        files larger than memory; see :func:`geokit.io.read_events_dask` (same rows, but a
        dask-geopandas frame whose index restarts in each partition).

    Returns
    -------
    geopandas.GeoDataFrame (dask-geopandas GeoDataFrame with ``blocksize``)
        One row per input row, in order: canonical columns, the source's own columns, then
        ``coord_status``/``coord_reason``. Geometry is EPSG:4326 points (empty where there are
        no usable coordinates). ``attrs["geokit"]`` records the format and original columns.

    Raises
    ------
    InputFileError
        The file cannot be read; the message names the file, row and column.

    Examples
    --------
    >>> import pandas as pd
    >>> gdf = read_events(pd.DataFrame({"town": ["Sudzha"], "lat": [51.19], "lon": [35.27]}))
    >>> gdf.loc[0, "location"], float(gdf.loc[0, "lat"]), gdf.loc[0, "coord_status"]
    ('Sudzha', 51.19, 'ok')
    """
    fmt = _check_format(format)
    if blocksize is not None:
        if isinstance(path_or_frame, pd.DataFrame):
            raise GeokitTypeError("blocksize= splits files; for a table in memory use "
                                  "dask.dataframe.from_pandas")
        return read_events_dask(path_or_frame, fmt, blocksize=blocksize, bad_rows=bad_rows)
    return read_table(path_or_frame, fmt, bad_rows=bad_rows)
