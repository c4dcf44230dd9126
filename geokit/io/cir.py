"""Bellingcat / Centre for Information Resilience style tables:
``town/city, province, lat, lon`` plus date, description and sources.
"""

from __future__ import annotations

import pandas as pd

from . import generic

NAME = "cir"

#: Canonical column -> accepted CIR/Bellingcat source names.
ALIASES: dict[str, tuple[str, ...]] = {
    **generic.ALIASES,
    "location": ("town/city", "town", "city", "location", "place"),
    "admin1": ("province", "oblast", "region", "admin1"),
    "notes": ("description", "notes", "summary"),
    "source": ("sources", "source", "url", "link"),
    "event_type": ("violence level", "type of area", "event_type", "type", "category"),
    "sub_event_type": ("weapon system", "weapons system", "sub_event_type"),
}


def detect(columns) -> bool:
    """``True`` for a table with a ``town/city`` column, or ``province`` with coordinates."""
    cols = {str(x).strip().lower() for x in columns}
    return "town/city" in cols or ("province" in cols and bool({"lat", "latitude"} & cols))


def to_events(raw: pd.DataFrame) -> pd.DataFrame:
    """Canonical columns from a CIR/Bellingcat table (its own columns are kept)."""
    out = generic.to_events(raw, name=NAME, aliases=ALIASES)
    if "loc_precision" not in out.columns:
        out["loc_precision"] = pd.Series("exact", index=out.index, dtype=object).where(
            out["lat"].notna(), None)
    return out


def from_events(gdf: pd.DataFrame, columns=None, date_format: str | None = None
                ) -> pd.DataFrame:
    """A CIR-layout text table (default columns: ``id, date, town/city, province, country,
    lat, lon, description, sources``)."""
    cols = columns or ("id", "date", "town/city", "province", "country", "lat", "lon",
                       "description", "sources")
    return generic.from_events(gdf, cols, date_format, aliases=ALIASES)

