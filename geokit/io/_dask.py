"""Reading event files larger than memory as dask(-geopandas) frames, block by block.

A text file is cut into blocks of whole lines (as :func:`dask.dataframe.read_csv` does); each
block is decoded, parsed and turned into canonical events on a worker with the same code as
:func:`geokit.io.read_events`, so no process holds the whole file. Encoding, separator, header
and table format are decided once, from the start of the first file. Parquet files and datasets
are read with dask's Parquet reader (GeoParquet with dask-geopandas); other spatial formats are
read whole and split.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import GeokitValueError, InputFileError
from . import _common, geo
from ._formats import _TABLE_MODULES, FORMATS, _check_format, detect_format, read_table, to_events

__all__ = ["read_events_dask"]

_TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
_PARQUET_SUFFIXES = (".parquet", ".parq", ".pq", ".geoparquet")
_HEAD_BYTES = 1 << 20


def _need_dask():
    try:
        import dask.dataframe as dd
        import dask_geopandas  # noqa: F401 - registers GeoDataFrame partitions with dask
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(f"reading events with blocksize= needs dask: "
                          f"pip install 'geokit[dask]' ({exc})") from exc
    return dd


def read_events_dask(path: Any, format: str = "auto", *, blocksize: int | str = "64MB",
                     encoding: str | None = None, bad_rows: str = "raise",
                     storage_options: dict | None = None):
    """Read one or many event files lazily into a dask-geopandas GeoDataFrame.

    Parameters
    ----------
    path : str, Path or list
        A file, a glob (``"events-*.csv"``), a list of files, or a Parquet dataset directory.
        Any fsspec URL works (``s3://bucket/events-*.csv``) when its filesystem package is
        installed; on a multi-machine cluster every worker must be able to open the paths.
    format : str
        As in :func:`geokit.io.read_events`; ``auto`` decides from the suffix and the header.
    blocksize : int or str
        Bytes per partition of a text file (``"64MB"``); also the partition size for Parquet
        and for spatial files that are read whole.
    encoding : str, optional
        Text encoding; by default detected from the first MB of the first file (UTF-8 with or
        without BOM, cp1251, latin-1). Pass it when the first MB is plain ASCII but later lines
        are not.
    bad_rows : {"raise", "keep"}
        As in :func:`geokit.io.read_events`; with ``keep`` every partition has the
        ``extra_cells`` column.
    storage_options : dict, optional
        Passed to fsspec (credentials of remote storage).

    Returns
    -------
    dask_geopandas.GeoDataFrame
        Computes to the same rows and columns as :func:`geokit.io.read_events` (text columns
        may come back as pyarrow strings), in file order. The index restarts at 0 in every
        partition; ``reset_index(drop=True)`` after computing gives the pandas index.

    Raises
    ------
    InputFileError
        No file matches; files disagree on their header; a row cannot be read (raised when
        that partition is computed, naming the file and line).

    Notes
    -----
    Text cells must not contain line breaks (blocks are cut at line ends). The day/month order
    of ambiguous numeric dates is decided per partition rather than for the whole column.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "e.csv"
    >>> _ = p.write_text("town,lat,lon\\nSudzha,51.19,35.27\\nSumy,50.91,34.8\\n")
    >>> ddf = read_events_dask(p, blocksize=20)
    >>> ddf.compute()["location"].tolist()
    ['Sudzha', 'Sumy']
    """

    dd = _need_dask()
    fmt = _check_format(format)
    if bad_rows not in ("raise", "keep"):
        raise GeokitValueError(f"bad_rows must be 'raise' or 'keep', not {bad_rows!r}")
    size = _bytes(blocksize)
    fs, paths = _expand(path, storage_options)
    suffixes = {Path(p).suffix.lower() for p in paths}
    if fmt == "geoparquet" or (fmt == "auto" and suffixes <= set(_PARQUET_SUFFIXES)):
        return _read_parquet(dd, path, paths, fmt, size, storage_options)
    spatial = fmt if fmt in geo.FORMATS else (
        geo.format_for_suffix(paths[0]) if fmt == "auto" else None)
    if spatial:
        return _read_whole(paths, spatial, size)
    if fmt == "auto" and not suffixes <= set(_TEXT_SUFFIXES) | {""}:
        odd = sorted(suffixes - set(_TEXT_SUFFIXES))
        raise InputFileError(f"cannot read {odd[0]!r} files in blocks; blocksize= reads "
                             f"CSV/TSV text, Parquet and spatial files (formats: "
                             f"{', '.join(FORMATS)}). Read Excel files without blocksize",
                             path=paths[0])
    return _read_text(dd, fs, paths, fmt, size, encoding, bad_rows)


def _bytes(blocksize: int | str) -> int:
    from dask.utils import parse_bytes

    try:
        n = int(parse_bytes(blocksize))
    except (TypeError, ValueError) as exc:
        raise GeokitValueError(f"blocksize must be a number of bytes like 64_000_000 or "
                               f"'64MB', not {blocksize!r}") from exc
    if n <= 0:
        raise GeokitValueError(f"blocksize must be positive, not {blocksize!r}")
    return n


def _expand(path: Any, storage_options: dict | None):
    from fsspec.core import get_fs_token_paths

    items = [str(p) for p in path] if isinstance(path, list | tuple) else str(path)
    fs, _, paths = get_fs_token_paths(items, mode="rb", storage_options=storage_options or {})
    if len(paths) == 1 and fs.isdir(paths[0]):
        inner = sorted(p for p in fs.find(paths[0])
                       if Path(p).suffix.lower() in (*_PARQUET_SUFFIXES, *_TEXT_SUFFIXES))
        paths = inner or paths
    if not paths or not all(fs.exists(p) for p in paths):
        missing = next((p for p in paths if not fs.exists(p)), path)
        raise InputFileError("file not found; check the path or glob", path=missing)
    return fs, sorted(paths) if not isinstance(path, list | tuple) else paths


# -- text ------------------------------------------------------------------------------------------
def _read_text(dd, fs, paths: list[str], fmt: str, blocksize: int, encoding: str | None,
               bad_rows: str):

    with fs.open(paths[0], "rb") as f:
        head = f.read(_HEAD_BYTES)
        more = bool(f.read(1))
    if more and b"\n" in head:
        head = head[: head.rindex(b"\n") + 1]
    if encoding is None:
        _, encoding = _common.decode(head, paths[0])
    if encoding.lower().replace("-", "").startswith("utf16"):
        raise InputFileError("UTF-16 files cannot be read in blocks; save the file as UTF-8 "
                             "or read it without blocksize", path=paths[0])
    text = _decode_block(head, encoding, paths[0], fs, 0, 0)
    sep = "\t" if Path(paths[0]).suffix.lower() == ".tsv" else _common.sniff_separator(text)
    header = _header(text, sep)
    if header is None:
        raise InputFileError("file is empty; expected a header row and data rows",
                             path=paths[0])
    for other in paths[1:]:
        with fs.open(other, "rb") as f:
            first = f.read(1 << 16)
        if b"\n" in first:
            first = first[: first.rindex(b"\n") + 1]
        h = _header(_decode_block(first, encoding, other, fs, 0, 0), sep)
        if h != header:
            raise InputFileError(f"header {h} differs from that of {paths[0]} ({header}); "
                                 f"read files with different layouts separately", path=other,
                                 row=1)
    table_fmt = fmt if fmt in _TABLE_MODULES else detect_format(header)
    empty = _common.parse_rows("", sep, header=header, bad_rows=bad_rows,
                               always_extra=True)[1]
    meta = to_events(empty, table_fmt, paths[0]).iloc[:0]
    specs = []
    for p in paths:
        n = fs.size(p)
        specs += [(p, off, blocksize) for off in range(0, max(n, 1), blocksize)]
    opts = dict(fs=fs, header=header, sep=sep, encoding=encoding, table_fmt=table_fmt,
                bad_rows=bad_rows)
    return dd.from_map(_TextBlock(**opts), specs, meta=meta, label="read-events",
                       enforce_metadata=False)


def _header(text: str, sep: str) -> list[str] | None:
    """Column names from the first non-blank row of ``text``."""
    import csv
    import io

    for cells in csv.reader(io.StringIO(text, newline=""), delimiter=sep):
        if any(c.strip() for c in cells):
            return _common.parse_rows(sep.join(cells), sep)[0]
    return None


class _TextBlock:
    """Callable that reads one block of whole lines into an events partition (picklable)."""

    def __init__(self, **opts: Any) -> None:
        self.opts = opts

    def __call__(self, spec: tuple[str, int, int]) -> pd.DataFrame:
        from fsspec.utils import seek_delimiter


        path, offset, length = spec
        o = self.opts
        fs = o["fs"]
        with fs.open(path, "rb") as f:
            f.seek(offset)
            seek_delimiter(f, b"\n", 1 << 16)
            start = f.tell()
            f.seek(offset + length)
            seek_delimiter(f, b"\n", 1 << 16)
            end = f.tell()
            f.seek(start)
            data = f.read(max(end - start, 0))
        text = _decode_block(data, o["encoding"], path, fs, start, offset)
        try:
            _, raw, _ = _common.parse_rows(
                text, o["sep"], header=None if start == 0 else o["header"],
                bad_rows=o["bad_rows"], path=path, always_extra=True)
        except InputFileError as exc:
            line = None if exc.row is None else exc.row + _lines_before(fs, path, start)
            msg = str(exc).split(": ", 1)[-1]
            raise InputFileError(msg, path=path, row=line) from None
        if raw.empty and not len(raw.columns):
            raw = _common.parse_rows("", o["sep"], header=o["header"],
                                     bad_rows=o["bad_rows"], always_extra=True)[1]
        return to_events(raw, o["table_fmt"], path)


def _decode_block(data: bytes, encoding: str, path: str, fs, start: int, offset: int) -> str:
    enc = encoding
    if start == 0 and encoding in ("utf-8", "utf-8-sig"):
        enc = "utf-8-sig"
    elif encoding == "utf-8-sig":
        enc = "utf-8"
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1 + _lines_before(fs, path, start)
        raise InputFileError(f"bytes {data[exc.start:exc.start + 4]!r} are not {encoding}; "
                             f"pass encoding= (e.g. 'cp1251' or 'latin-1') or read the file "
                             f"without blocksize", path=path, row=line) from None


def _lines_before(fs, path: str, start: int) -> int:
    """Line breaks in the first ``start`` bytes (only counted when an error needs a line)."""
    n, done = 0, 0
    with fs.open(path, "rb") as f:
        while done < start:
            chunk = f.read(min(1 << 23, start - done))
            if not chunk:
                break
            n += chunk.count(b"\n")
            done += len(chunk)
    return n


# -- Parquet and other spatial files ---------------------------------------------------------------
def _read_parquet(dd, path: Any, paths: list[str], fmt: str, blocksize: int,
                  storage_options: dict | None):
    import dask_geopandas
    import pyarrow.parquet as pq


    src = path if not isinstance(path, list | tuple) else list(paths)
    src = str(src) if isinstance(src, Path) else src
    with_geo = False
    try:
        import fsspec

        with fsspec.open(paths[0], "rb", **(storage_options or {})) as f:
            with_geo = b"geo" in (pq.read_schema(f).metadata or {})
    except Exception as exc:  # noqa: BLE001 - unreadable file: say which
        raise InputFileError(f"cannot read as Parquet: {exc}", path=paths[0]) from exc
    reader = dask_geopandas.read_parquet if with_geo else dd.read_parquet
    raw = reader(src, blocksize=blocksize, split_row_groups="adaptive",
                 storage_options=storage_options)
    table_fmt = "auto" if fmt in ("auto", "geoparquet") else fmt
    meta = _parquet_partition(raw._meta, table_fmt)
    return raw.map_partitions(_parquet_partition, table_fmt, meta=meta,
                              enforce_metadata=False)


def _parquet_partition(part: pd.DataFrame, fmt: str) -> pd.DataFrame:
    import geopandas as gpd


    raw = geo.from_geodataframe(part) if isinstance(part, gpd.GeoDataFrame) else \
        pd.DataFrame(part)
    raw = raw.reset_index(drop=True) if not isinstance(raw.index, pd.RangeIndex) else raw
    return to_events(raw, fmt)


def _read_whole(paths: list[str], spatial: str, blocksize: int):
    import dask_geopandas
    import geopandas as gpd


    parts = [read_table(p, spatial) for p in paths]
    gdf = gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), crs=parts[0].crs) \
        if len(parts) > 1 else parts[0]
    total = sum(Path(p).stat().st_size for p in paths)
    return dask_geopandas.from_geopandas(gdf, npartitions=max(1, -(-total // blocksize)))
