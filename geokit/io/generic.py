"""Any CSV/TSV/Excel table with a place-name column and/or latitude/longitude columns.

Columns are recognised by name (case-insensitive), e.g. ``latitude``/``lat``/``y`` for ``lat``,
``place``/``town``/``settlement`` for ``location``, ``region``/``oblast``/``province`` for
``admin1``. Unrecognised columns are kept as they are.
"""

from __future__ import annotations

import pandas as pd

from . import _common as c

NAME = "generic"

#: Canonical column -> accepted source names, in order of preference.
ALIASES: dict[str, tuple[str, ...]] = {
    "event_id": ("event_id", "id", "uid", "event id"),
    "event_date": ("event_date", "date", "datetime", "event date", "day"),
    "event_type": ("event_type", "type", "category", "event type"),
    "sub_event_type": ("sub_event_type", "subtype", "sub_type"),
    "actor1": ("actor1", "actor", "actor_1", "perpetrator"),
    "actor2": ("actor2", "actor_2", "target"),
    "location": ("location", "place", "town/city", "town", "city", "settlement",
                 "locality", "place_name", "name", "where_coordinates"),
    "admin1": ("admin1", "region", "oblast", "province", "state", "adm_1", "admin_1"),
    "admin2": ("admin2", "district", "raion", "rayon", "adm_2", "admin_2"),
    "country_code": ("country_code", "iso2", "country", "iso_a2", "cc"),
    "lat": ("lat", "latitude", "y", "lat_dd"),
    "lon": ("lon", "longitude", "lng", "long", "x", "lon_dd"),
    "fatalities": ("fatalities", "deaths", "killed", "casualties", "dead"),
    "notes": ("notes", "description", "text", "summary", "details"),
    "source": ("source", "sources", "url", "link", "source_url"),
    # geokit's own names, so empty cells read back as missing (not as "")
    "loc_precision": ("loc_precision",),
    "date_precision": ("date_precision",),
}


def detect(columns) -> bool:
    """``True`` when the table has a place-name column or both coordinate columns."""
    m = mapping(columns)
    return "location" in m or ("lat" in m and "lon" in m)


def mapping(columns, aliases: dict[str, tuple[str, ...]] | None = None) -> dict[str, str]:
    """Canonical column -> source column found in ``columns``."""
    found: dict[str, str] = {}
    used: set[str] = set()
    for canon, names in (aliases or ALIASES).items():
        col = c.find_column([x for x in columns if x not in used], *names)
        if col is not None:
            found[canon] = col
            used.add(col)
    return found


def to_events(raw: pd.DataFrame, *, name: str = NAME,
              aliases: dict[str, tuple[str, ...]] | None = None) -> pd.DataFrame:
    """Canonical columns from a table whose columns are recognised by name."""
    m = mapping(raw.columns, aliases)
    # a table written by geokit has its own dataset column; keep it (else the format's name)
    own = c.find_column(raw.columns, "dataset")
    canon: dict[str, object] = {"dataset": name if own is None else
                                c.blank_to_na(raw[own]).where(raw[own].notna(), None)
                                .fillna(name)}
    for col, src in m.items():
        if col in ("lat", "lon"):
            continue
        s = raw[src]
        if col == "event_date":
            canon[col] = c.parse_dates(s)
        elif col == "fatalities":
            canon[col] = c.to_number(s)
        elif col == "country_code":
            canon[col] = c.country_codes(s)
        else:
            canon[col] = c.blank_to_na(s) if s.dtype == object else s
    if "lat" in m and "lon" in m:
        out = c.assemble(raw, canon, lat=raw[m["lat"]], lon=raw[m["lon"]])
    else:
        out = c.assemble(raw, canon, lat=None, lon=None)
        out["coord_status"], out["coord_reason"] = "missing", "no coordinate columns"
    if "location" not in m and "lat" not in m:
        out["coord_reason"] = ("no coordinate or place-name columns; name them lat/lon or "
                               "location")
    out.attrs[c.ATTRS_KEY] = {**raw.attrs.get(c.ATTRS_KEY, {}), "format": name,
                              "date_format": c.detect_date_format(raw[m["event_date"]])
                              if "event_date" in m else None}
    return out


def from_events(gdf: pd.DataFrame, columns=None, date_format: str | None = None, *,
                aliases: dict[str, tuple[str, ...]] | None = None) -> pd.DataFrame:
    """A text table: ``columns`` (default: all but geometry), with values of recognised source
    columns updated from the canonical columns."""
    geom = gdf.geometry.name if hasattr(gdf, "geometry") else None
    cols = list(columns) if columns is not None else [x for x in gdf.columns if x != geom]
    m = mapping(cols, aliases)
    fmt = {"event_date": lambda s: c.format_dates(c.parse_dates(s), date_format),
           "lat": c.format_number, "lon": c.format_number, "fatalities": c.format_number}
    parse = {"event_date": c.parse_dates, "lat": c.to_number, "lon": c.to_number,
             "fatalities": c.to_number}
    out = pd.DataFrame(index=gdf.index)
    for col in cols:
        canon = next((k for k, v in m.items() if v == col), None)
        if col in fmt:
            out[col] = fmt[col](gdf[col])
        elif canon in fmt and canon in gdf.columns:
            value = gdf[canon].astype(float) if canon != "event_date" else gdf[canon]
            out[col] = c.keep_raw(gdf[col] if col in gdf.columns else None, value,
                                  parse[canon], fmt[canon])
        elif col in gdf.columns:
            out[col] = c.text(gdf[col])
        elif canon is not None and canon in gdf.columns:
            out[col] = c.text(gdf[canon])
        else:
            out[col] = ""
    return out
