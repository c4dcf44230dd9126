"""UCDP Georeferenced Event Dataset (GED) CSV.

``where_coordinates`` is a place name (``Sudzha town``); ``where_prec`` 1-7 maps to
``exact, near, admin2, admin1, region, country, other`` and ``date_prec`` 1-5 to
``day, days, week, month, year``. ``best`` is the fatality estimate.
"""

from __future__ import annotations

import re

import pandas as pd

from . import _common as c

NAME = "ucdp"

#: Columns of the GED CSV download.
COLUMNS = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence",
    "conflict_dset_id", "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id",
    "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id",
    "side_b", "number_of_sources", "source_article", "source_office", "source_date",
    "source_headline", "source_original", "where_prec", "where_coordinates",
    "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "priogrid_gid",
    "country", "country_id", "region", "event_clarity", "date_prec", "date_start", "date_end",
    "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
    "gwnoa", "gwnob",
)

#: UCDP ``where_prec`` -> ``loc_precision`` (and back).
WHERE_PREC = {1: "exact", 2: "near", 3: "admin2", 4: "admin1", 5: "region", 6: "country",
              7: "other"}
WHERE_PREC_REVERSE = {v: k for k, v in WHERE_PREC.items()}
#: UCDP ``date_prec`` -> ``date_precision`` (and back).
DATE_PREC = {1: "day", 2: "days", 3: "week", 4: "month", 5: "year"}
DATE_PREC_REVERSE = {v: k for k, v in DATE_PREC.items()}
#: UCDP ``type_of_violence`` -> ``event_type``.
VIOLENCE = {1: "state-based conflict", 2: "non-state conflict", 3: "one-sided violence"}
VIOLENCE_REVERSE = {v: k for k, v in VIOLENCE.items()}

_PLACE_WORD = re.compile(r"\s+(?:town|village|city|settlement|hamlet|area)\s*$", re.I)
_TEXT = {"side_a": "actor1", "side_b": "actor2", "adm_1": "admin1", "adm_2": "admin2", "source_headline": "notes",
         "source_office": "source"}


def place_name(where_coordinates: pd.Series) -> pd.Series:
    """``where_coordinates`` without UCDP's trailing place word (``Sudzha town`` -> ``Sudzha``)."""
    s = c.blank_to_na(where_coordinates)
    return s.map(lambda v: _PLACE_WORD.sub("", v) if isinstance(v, str) else v)


def detect(columns) -> bool:
    """``True`` for a table with UCDP GED's place and precision columns."""
    cols = {str(x).strip().lower() for x in columns}
    return {"where_prec", "where_coordinates"} <= cols or {"date_prec", "side_a", "best"} <= cols


def to_events(raw: pd.DataFrame) -> pd.DataFrame:
    """Canonical columns from a UCDP GED table (its own columns are kept)."""
    get = raw.get
    canon = {
        "event_id": c.blank_to_na(raw["id"]) if "id" in raw else None,
        "dataset": "ucdp",
        "event_date": c.parse_dates(raw["date_start"]) if "date_start" in raw else None,
        "date_precision": c.map_codes(raw["date_prec"], DATE_PREC) if "date_prec" in raw
        else None,
        "event_type": c.map_codes(raw["type_of_violence"], VIOLENCE)
        if "type_of_violence" in raw else None,
        "loc_precision": c.map_codes(raw["where_prec"], WHERE_PREC) if "where_prec" in raw
        else None,
        "fatalities": c.to_number(raw["best"]) if "best" in raw else None,
        "country_code": c.country_codes(raw["country"]) if "country" in raw else None,
        "location": place_name(raw["where_coordinates"]) if "where_coordinates" in raw
        else None,
        **{canon: c.blank_to_na(raw[src]) for src, canon in _TEXT.items() if src in raw},
    }
    out = c.assemble(raw, canon, lat=get("latitude"), lon=get("longitude"))
    out.attrs[c.ATTRS_KEY] = {**raw.attrs.get(c.ATTRS_KEY, {}), "format": NAME,
                              "date_format": c.detect_date_format(raw["date_start"])
                              if "date_start" in raw else None}
    return out


def from_events(gdf: pd.DataFrame, columns=None, date_format: str | None = None
                ) -> pd.DataFrame:
    """A UCDP-layout text table from an events table (UCDP columns kept, others derived)."""
    cols = list(columns or COLUMNS)
    fmt = date_format or "%Y-%m-%d"
    date = gdf["event_date"]

    def dates(name):
        return c.keep_raw(gdf.get(name), date, c.parse_dates, lambda s: c.format_dates(s, fmt))

    derived = {
        "id": lambda: c.text(gdf["event_id"]),
        "date_start": lambda: dates("date_start"),
        "date_end": lambda: c.text(gdf["date_end"]) if "date_end" in gdf else dates("date_end"),
        "year": lambda: c.keep_raw(gdf.get("year"), date.dt.year.astype(float), c.to_number,
                                   c.format_number),
        "date_prec": lambda: c.code_column(gdf, "date_prec", "date_precision", DATE_PREC,
                                           DATE_PREC_REVERSE),
        "where_prec": lambda: c.code_column(gdf, "where_prec", "loc_precision", WHERE_PREC,
                                            WHERE_PREC_REVERSE),
        "type_of_violence": lambda: c.code_column(gdf, "type_of_violence", "event_type",
                                                  VIOLENCE, VIOLENCE_REVERSE),
        "latitude": lambda: c.number_column(gdf, "latitude", "lat"),
        "longitude": lambda: c.number_column(gdf, "longitude", "lon"),
        "best": lambda: c.number_column(gdf, "best", "fatalities"),
        "where_coordinates": lambda: c.keep_raw(gdf.get("where_coordinates"), gdf["location"],
                                                place_name, c.text),
        **{src: (lambda canon=canon: c.text(gdf[canon])) for src, canon in _TEXT.items()},
    }
    return c.native_table(gdf, cols, derived)
