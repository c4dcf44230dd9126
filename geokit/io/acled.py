"""ACLED export CSV: the 31-column layout used since 2023 and the older layout.

``geo_precision`` 1/2/3 maps to ``exact``/``near``/``admin1`` and ``time_precision`` 1/2/3 to
``day``/``week``/``month``. ``event_date`` is ``2024-08-06`` in current exports and
``06 August 2024`` in older ones; the format found is used again on writing.
"""

from __future__ import annotations

import pandas as pd

from . import _common as c

NAME = "acled"

#: Columns of ACLED exports since 2023.
COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)
#: Columns of ACLED exports before 2023.
COLUMNS_OLD = (
    "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year",
    "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
    "actor2", "assoc_actor_2", "inter2", "interaction", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "timestamp", "iso3",
)

#: ACLED ``geo_precision`` code -> ``loc_precision``.
GEO_PRECISION = {1: "exact", 2: "near", 3: "admin1"}
GEO_PRECISION_REVERSE = {"exact": 1, "near": 2, "admin2": 3, "admin1": 3, "region": 3,
                         "country": 3, "other": 3}
#: ACLED ``time_precision`` code -> ``date_precision``.
TIME_PRECISION = {1: "day", 2: "week", 3: "month"}
TIME_PRECISION_REVERSE = {"day": 1, "days": 2, "week": 2, "month": 3, "year": 3}

_PASS = ("event_type", "sub_event_type", "actor1", "actor2", "location", "admin1", "admin2",
         "notes", "source")


def detect(columns) -> bool:
    """``True`` for a table with ACLED's id and precision columns."""
    cols = {str(x).strip().lower() for x in columns}
    return {"event_id_cnty", "geo_precision"} <= cols


def to_events(raw: pd.DataFrame) -> pd.DataFrame:
    """Canonical columns from an ACLED table (its own columns are kept)."""
    canon = {
        "event_id": c.blank_to_na(raw["event_id_cnty"]),
        "dataset": "acled",
        "event_date": c.parse_dates(raw["event_date"]),
        "date_precision": c.map_codes(raw["time_precision"], TIME_PRECISION)
        if "time_precision" in raw else None,
        "loc_precision": c.map_codes(raw["geo_precision"], GEO_PRECISION),
        "fatalities": c.to_number(raw["fatalities"]) if "fatalities" in raw else None,
        "country_code": c.country_codes(raw["country"]) if "country" in raw else None,
    }
    out = c.assemble(raw, canon, lat=raw.get("latitude"), lon=raw.get("longitude"))
    out.attrs[c.ATTRS_KEY] = {**raw.attrs.get(c.ATTRS_KEY, {}), "format": NAME,
                              "date_format": c.detect_date_format(raw["event_date"])}
    return out


def from_events(gdf: pd.DataFrame, columns=None, date_format: str | None = None
                ) -> pd.DataFrame:
    """An ACLED-layout text table from an events table.

    Parameters
    ----------
    gdf : DataFrame
        Events table; ACLED columns it holds are kept, the others derived from the canonical
        columns.
    columns : sequence of str, optional
        Output columns (default: the 2023 layout).
    date_format : str, optional
        strftime format of ``event_date`` (default ``%Y-%m-%d``).
    """
    cols = list(columns or COLUMNS)
    fmt = date_format or ("%d %B %Y" if "data_id" in cols else "%Y-%m-%d")
    date = gdf["event_date"]
    derived = {
        "event_id_cnty": lambda: c.text(gdf["event_id"]),
        "event_date": lambda: c.keep_raw(None, date, c.parse_dates,
                                         lambda s: c.format_dates(s, fmt)),
        "year": lambda: c.keep_raw(gdf.get("year"), date.dt.year.astype("Int64").astype(float),
                                   c.to_number, c.format_number),
        "time_precision": lambda: c.code_column(gdf, "time_precision", "date_precision",
                                                TIME_PRECISION, TIME_PRECISION_REVERSE),
        "latitude": lambda: c.number_column(gdf, "latitude", "lat"),
        "longitude": lambda: c.number_column(gdf, "longitude", "lon"),
        "geo_precision": lambda: c.code_column(gdf, "geo_precision", "loc_precision",
                                               GEO_PRECISION, GEO_PRECISION_REVERSE),
        "fatalities": lambda: c.format_number(gdf["fatalities"]),
        "country": lambda: c.text(gdf["country"] if "country" in gdf else gdf["country_code"]),
        **{k: (lambda k=k: c.text(gdf[k])) for k in _PASS},
    }
    return c.native_table(gdf, cols, derived)
