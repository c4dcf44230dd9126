"""Spatial formats: GeoJSON, GeoPackage, GeoParquet, KML and KMZ.

On reading, attribute columns are recognised like any table (ACLED, UCDP, CIR or generic names)
and ``lat``/``lon`` come from the geometry when the attributes have none (the representative
point of non-point geometries, with ``loc_precision`` left empty). On writing, every column is
kept and the geometry is the events' points.
"""

from __future__ import annotations

import contextlib
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import pandas as pd

from ..errors import InputFileError

#: Format name -> (file suffixes, OGR driver).
FORMATS: dict[str, tuple[tuple[str, ...], str | None]] = {
    "geojson": ((".geojson", ".json"), "GeoJSON"),
    "gpkg": ((".gpkg",), "GPKG"),
    "geoparquet": ((".parquet", ".geoparquet"), None),
    "kml": ((".kml",), "KML"),
    "kmz": ((".kmz",), "KML"),
}


def format_for_suffix(path: str | Path) -> str | None:
    """Geo format name for a file suffix, or ``None``."""
    suffix = Path(path).suffix.lower()
    return next((k for k, (sfx, _) in FORMATS.items() if suffix in sfx), None)


def read(path: str | Path, fmt: str) -> pd.DataFrame:
    """Read a spatial file into a plain DataFrame with ``lat``/``lon`` added from geometry
    when the attributes lack coordinates."""
    path = Path(path)
    if not path.exists():
        raise InputFileError("file not found; check the path", path=path)
    try:
        if fmt == "geoparquet":
            gdf = gpd.read_parquet(path)
        elif fmt == "kmz":
            with zipfile.ZipFile(path) as z, tempfile.TemporaryDirectory() as tmp:
                kml = next((n for n in z.namelist() if n.lower().endswith(".kml")), None)
                if kml is None:
                    raise InputFileError("KMZ archive holds no .kml file", path=path)
                z.extract(kml, tmp)
                gdf = gpd.read_file(Path(tmp) / kml)
        else:
            gdf = gpd.read_file(path)
    except InputFileError:
        raise
    except Exception as exc:  # driver errors come in many types
        raise InputFileError(f"cannot read as {fmt}: {exc}", path=path) from exc
    return from_geodataframe(gdf)


def from_geodataframe(gdf: gpd.GeoDataFrame) -> pd.DataFrame:
    """A plain DataFrame of the attributes, with ``lat``/``lon`` from the geometry when the
    attributes lack coordinates (dates made timezone-naive)."""
    if gdf.crs is not None and not gdf.empty:
        gdf = gdf.to_crs(4326)
    df = pd.DataFrame(gdf.drop(columns=gdf.geometry.name))
    lower = {str(c).lower() for c in df.columns}
    if not ({"lat", "latitude"} & lower and {"lon", "longitude", "lng"} & lower):
        geom = gdf.geometry
        pts = geom.where(geom.geom_type == "Point", geom.representative_point())
        ok = pts.notna() & ~pts.is_empty
        df["lat"] = pd.Series(float("nan"), index=df.index)
        df["lon"] = pd.Series(float("nan"), index=df.index)
        df.loc[ok, "lat"] = pts[ok].y
        df.loc[ok, "lon"] = pts[ok].x
        if "loc_precision" not in df.columns:
            df["loc_precision"] = pd.Series(None, index=df.index, dtype=object).where(
                ~(geom.geom_type == "Point"), "exact")
    for col in df.columns:
        if df[col].dtype == object:
            continue
        if pd.api.types.is_datetime64_any_dtype(df[col]) and getattr(df[col].dt, "tz", None):
            df[col] = df[col].dt.tz_convert(None)
    return df


def write(gdf: gpd.GeoDataFrame, path: str | Path, fmt: str) -> None:
    """Write an events table (all columns) to a spatial file.

    GDAL formats cannot hold NUL characters; they are written as U+FFFD so the text after them
    is kept. GeoPackages get a fixed last-change time (:data:`GPKG_TIMESTAMP`): the same events
    always give the same bytes.
    """
    path = Path(path)
    out = gdf.copy()
    for col in out.columns:
        if col == out.geometry.name:
            continue
        s = out[col]
        if s.dtype == object:
            out[col] = s.map(lambda v: None if v is None or v is pd.NA or v != v else str(v))
            if fmt != "geoparquet":  # GDAL ends text at a NUL: keep the rest, mark the NUL
                out[col] = out[col].str.replace("\x00", "\ufffd", regex=False)
        elif isinstance(s.dtype, pd.Int64Dtype) and fmt not in ("geoparquet",):
            out[col] = s.astype(float)
    if fmt == "geoparquet":
        out.to_parquet(path)
        return
    if fmt in ("kml", "kmz"):
        if "Name" not in out.columns and "location" in out.columns:
            out.insert(0, "Name", out["location"])
        for col in out.columns:
            if pd.api.types.is_datetime64_any_dtype(out[col]):
                out[col] = out[col].dt.strftime("%Y-%m-%d")
    if fmt == "kmz":
        with tempfile.TemporaryDirectory() as tmp:
            kml = Path(tmp) / "doc.kml"
            out.to_file(kml, driver="KML", engine="pyogrio")
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
                z.write(kml, "doc.kml")
        return
    if path.exists():
        path.unlink()
    with _fixed_timestamp(fmt):
        out.to_file(path, driver=FORMATS[fmt][1], engine="pyogrio")


#: Time GeoPackages record as their last change, so the same events give identical files.
GPKG_TIMESTAMP = "2000-01-01T00:00:00.000Z"


@contextlib.contextmanager
def _fixed_timestamp(fmt: str) -> Iterator[None]:
    """GDAL writes the current time into a GeoPackage; pin it while writing one."""
    if fmt != "gpkg":
        yield
        return
    import pyogrio

    old = pyogrio.get_gdal_config_option("OGR_CURRENT_DATE")
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": GPKG_TIMESTAMP})
    try:
        yield
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": old})
