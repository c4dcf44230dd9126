"""Any table a researcher may hand to ``geokit geocode``: a plain list of names, CSV/TSV, Excel,
Parquet or a spatial file, as text cells with the file line of every row.

Plain lists (``.txt`` or no suffix) are one name per line, commas and all. Text files are
decoded by :func:`geokit.io._common.decode` (UTF-8 with or without BOM, UTF-16 with or without
BOM, cp1251, latin-1); the separator of a CSV is one of ``,`` ``;`` tab ``|``, never a letter.
Every problem is an :class:`~geokit.errors.InputFileError` naming the file, the line and what
to do.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import InputFileError
from . import _common

#: Suffixes read as one name per line (a file without a suffix too).
LIST_SUFFIXES = (".txt", ".text", ".lst", ".list")
_EXCEL = (".xlsx", ".xlsm", ".xls", ".ods")
_PARQUET = (".parquet", ".parq", ".pq", ".geoparquet")
_SPATIAL = (".geojson", ".json", ".gpkg", ".kml", ".shp", ".fgb")
#: Every suffix :func:`read_input` accepts, for messages and help texts.
SUFFIXES = (".csv", ".tsv", ".tab", *LIST_SUFFIXES, *_EXCEL, *_PARQUET, *_SPATIAL)

#: Column name given to the names of a plain list.
LIST_COLUMN = "name"


def read_input(path: str | Path) -> pd.DataFrame:
    """Read ``path`` as a table of text cells.

    Returns
    -------
    pandas.DataFrame
        Text cells (empty string for an empty cell); a plain list has the one column
        :data:`LIST_COLUMN`. ``attrs["geokit"]`` maps rows to file lines
        (:func:`geokit.io._common.line_of`) for text files and spreadsheets.

    Raises
    ------
    InputFileError
        Missing, empty, binary or malformed file; the message says how to fix it.
    """
    path = Path(path)
    if path.is_dir():
        raise InputFileError("is a folder; give the file inside it", path=path)
    if not path.exists():
        raise InputFileError("file not found; check the path", path=path)
    suffix = path.suffix.lower()
    if suffix in _PARQUET:
        return _read_parquet(path)
    if suffix in _SPATIAL:
        return _read_spatial(path)
    if suffix in _EXCEL or suffix in (".csv", ".tsv", ".tab"):
        df = _common.read_text_table(path)
    elif suffix in LIST_SUFFIXES or not suffix:
        df = _read_list(path)
    else:
        raise InputFileError(
            f"unknown file type {suffix!r}; geokit reads "
            f"{', '.join(SUFFIXES)} (or a list of names without suffix)",
            path=path,
        )
    if df.empty:
        raise InputFileError(
            "holds no rows; expected a header row and at least one data row "
            "(or, for a .txt list, one name per line)",
            path=path,
        )
    return df


def _read_list(path: Path) -> pd.DataFrame:
    """One name per non-blank line; a file whose every line has the same tabs is a TSV."""
    text, encoding = _common.decode(path.read_bytes(), path)
    _common._check_text(text, path)
    raw = text.split("\n")
    lines, names = [], []
    for i, line in enumerate(raw, start=1):
        name = line.strip().strip("\ufeff")
        if name:
            lines.append(i)
            names.append(name)
    tabs = {raw[i - 1].strip("\r\n").count("\t") for i in lines}
    if len(tabs) == 1 and tabs != {0} and len(lines) > 1:
        return _common.read_text_table(path)
    df = pd.DataFrame({LIST_COLUMN: pd.Series(names, dtype=object)})
    df.attrs[_common.ATTRS_KEY] = {
        "encoding": encoding,
        "sep": None,
        "path": str(path),
        "line_breaks": _common._breaks(lines),
    }
    return df


def _read_parquet(path: Path) -> pd.DataFrame:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputFileError(
            'reading Parquet needs pyarrow: pip install "geokit[parquet]"', path=path
        ) from None
    try:
        table = pq.read_table(path)
    except Exception as exc:  # pyarrow raises several types for damaged files
        raise InputFileError(
            f"cannot read as Parquet ({type(exc).__name__}: {exc}); check "
            "that the file is complete",
            path=path,
        ) from None
    geo_cols = _geo_columns(table.schema.metadata or {})
    df = table.drop_columns([c for c in geo_cols if c in table.column_names]).to_pandas()
    return _as_text(df)


def _geo_columns(metadata: dict) -> list[str]:
    import json

    try:
        return list(json.loads(metadata.get(b"geo", b"{}")).get("columns", {}))
    except ValueError:
        return []


def _read_spatial(path: Path) -> pd.DataFrame:
    import geopandas as gpd

    try:
        gdf = gpd.read_file(path)
    except Exception as exc:  # OGR drivers raise many types
        raise InputFileError(
            f"cannot read as a spatial file ({type(exc).__name__}: {exc}); "
            "check that it is complete and valid",
            path=path,
        ) from None
    return _as_text(pd.DataFrame(gdf.drop(columns=gdf.geometry.name)))


def _as_text(df: pd.DataFrame) -> pd.DataFrame:
    """Typed columns as text cells, missing values as empty strings."""
    out = pd.DataFrame(
        {str(c): df[c].astype(object).where(df[c].notna(), "").map(str) for c in df.columns},
        index=pd.RangeIndex(len(df)),
    )
    return out
