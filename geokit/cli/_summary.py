"""The one-line summary every CLI command ends with, and writing a geocoded table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

#: Status counts always shown, in this order (other statuses follow when present).
MAIN_STATUSES = ("resolved", "approximate", "ambiguous", "unresolved")


def summary(rows_in: int, statuses: pd.Series | None, dest, what: str = "rows") -> str:
    """``"120 rows in: 100 resolved, 12 approximate, 3 ambiguous, 5 unresolved -> out.csv"``."""
    text = f"{rows_in:,} {what} in"
    if statuses is not None:
        counts = statuses.astype(str).value_counts()
        parts = [f"{int(counts.get(s, 0)):,} {s}" for s in MAIN_STATUSES]
        parts += [f"{int(n):,} {s}" for s, n in counts.items() if s not in MAIN_STATUSES]
        text += ": " + ", ".join(parts)
    return f"{text} -> {dest}"


def event_statuses(gdf: pd.DataFrame) -> pd.Series | None:
    """Geocoding status of each event row: ``geocode_status`` when the table has it, else read
    from the point and ``loc_precision`` (no point: unresolved; a point coarser than a
    settlement: approximate). ``None`` when the table has no located rows to speak of."""
    if "lat" not in gdf or len(gdf) == 0:
        return gdf["geocode_status"] if "geocode_status" in gdf else None
    from ..schema import APPROXIMATE_PRECISIONS

    located = gdf["lat"].notna() & gdf["lon"].notna() if "lon" in gdf else gdf["lat"].notna()
    approx = (gdf["loc_precision"].isin(APPROXIMATE_PRECISIONS) if "loc_precision" in gdf
              else pd.Series(False, index=gdf.index))
    out = pd.Series("resolved", index=gdf.index, dtype=object)
    out[located & approx] = "approximate"
    out[~located] = "unresolved"
    if "geocode_status" in gdf:  # what geocode_events said wins where it said something
        out = gdf["geocode_status"].astype(object).where(gdf["geocode_status"].notna(), out)
    return out


def write_output(table: pd.DataFrame, dest: Path, *, lat: str, lon: str) -> Path:
    """Write ``table`` by the suffix of ``dest``: CSV (default), TSV, GeoJSON, GeoPackage,
    Parquet or Excel; spatial formats get a point per row with coordinates."""
    from ..errors import InputFileError

    suffix = dest.suffix.lower()
    if not dest.parent.exists():
        raise InputFileError(
            "the folder of the output file does not exist; create it first", path=dest
        )
    if suffix in (".geojson", ".json", ".gpkg"):
        import geopandas as gpd

        ok = table[lat].notna() & table[lon].notna()
        geometry = gpd.points_from_xy(table[lon], table[lat])
        gdf = gpd.GeoDataFrame(
            table, geometry=[g if k else None for g, k in zip(geometry, ok, strict=True)], crs=4326
        )
        gdf.to_file(dest, driver="GPKG" if suffix == ".gpkg" else "GeoJSON")
    elif suffix in (".parquet", ".pq"):
        table.to_parquet(dest, index=False)
    elif suffix in (".xlsx", ".xlsm"):
        table.to_excel(dest, index=False)
    else:
        table.to_csv(dest, index=False, sep="\t" if suffix in (".tsv", ".tab") else ",")
    return dest
