"""Running a table function on every partition of a dask DataFrame."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..schema import is_dask

__all__ = ["DASK_TEXT", "is_dask", "map_text_partitions"]


#: dtype of the text columns geokit adds to dask partitions (the one dask itself uses).
DASK_TEXT = "string[pyarrow]"


def map_text_partitions(df: Any, fn: Any, text_columns: Sequence[str], *args: Any,
                        meta_args: tuple | None = None, **kwargs: Any) -> Any:
    """``df.map_partitions(fn, *args, **kwargs)`` with the text columns ``fn`` adds stored as
    :data:`DASK_TEXT` (dask cannot describe plain object columns, e.g. to write Parquet).

    ``args`` may hold dask Delayed objects (sent to each worker once); ``meta_args`` are their
    plain values, used to compute the empty frame that describes the result.
    """
    meta = _text_columns(fn(df._meta, *(args if meta_args is None else meta_args), **kwargs),
                         text_columns)
    return df.map_partitions(_text_partition, fn, tuple(text_columns), *args, **kwargs,
                             meta=meta, align_dataframes=False)


def _text_partition(part: pd.DataFrame, fn: Any, text_columns: tuple, *args: Any,
                    **kwargs: Any) -> pd.DataFrame:
    return _text_columns(fn(part, *args, **kwargs), text_columns)


def _text_columns(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    for c in columns:
        if c in frame.columns and frame[c].dtype == object:
            frame[c] = frame[c].astype(DASK_TEXT)
    return frame
