"""User gazetteer layers: GeoNames dump files and the user's own place tables.

cities500 holds only part of the villages that war reports name, so researchers add layers:

* GeoNames dumps (``UA.txt``, ``UA.zip``, ``allCountries.zip``; 19 tab-separated columns, no
  header), optionally with an ``alternateNamesV2`` file for more spellings;
* tables (CSV, GeoJSON, GeoPackage or a pandas DataFrame) with a name column, optional aliases
  (separated by ``;`` or ``|``), latitude/longitude, and optional region, country and kind columns.
  Columns are detected by common names or given by the caller.

``geokit gazetteer add FILE`` copies a layer into the user data directory; later runs load it.
A layer file is indexed once and then read from the user cache directory
(:mod:`geokit.gazetteer._layer_index` says when the cache is used and why that is safe).
"""

from __future__ import annotations

import io
import logging
import shutil
import warnings
import zipfile
from pathlib import Path
from typing import Any

from .. import _lazy
from ..errors import GeokitTypeError, InputFileError

pd = _lazy.module("pandas")  # listing saved layers (every gazetteer load) needs no pandas

log = logging.getLogger(__name__)

GEONAMES_COLUMNS = [
    "geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude", "feature_class",
    "feature_code", "country_code", "cc2", "admin1_code", "admin2_code", "admin3_code",
    "admin4_code", "population", "elevation", "dem", "timezone", "modification_date",
]
_DETECT = {
    "name": ("name", "place", "place_name", "location", "settlement", "town", "town/city",
             "city", "village", "toponym"),
    "lat": ("lat", "latitude", "y", "lat_dd"),
    "lon": ("lon", "lng", "long", "longitude", "x", "lon_dd"),
    "aliases": ("aliases", "alias", "alternatenames", "alternate_names", "alt_names", "variants",
                "other_names"),
    "admin1": ("admin1", "region", "oblast", "province", "state", "admin1_name"),
    "country": ("country_code", "country", "cc", "iso2", "iso_a2"),
    "kind": ("kind", "type", "feature_type"),
    "population": ("population", "pop"),
    "geonameid": ("geonameid", "geoname_id"),
}
LAYER_COLUMNS = ["name", "aliases", "lat", "lon", "admin1", "country_code", "kind",
                 "population", "geonameid"]
_KIND_WORDS = {"populated_place": "populated_place", "village": "populated_place",
               "town": "populated_place", "city": "populated_place", "settlement":
               "populated_place", "admin2": "admin2", "district": "admin2", "raion": "admin2",
               "admin1": "admin1", "region": "admin1", "oblast": "admin1", "country": "country"}


def layers_dir() -> Path:
    from .._config import options

    return Path(options.data_dir) / "layers"


def saved_layers() -> list[Path]:
    """Layer files stored by ``geokit gazetteer add``, in name order."""
    d = layers_dir()
    return sorted(p for p in d.iterdir() if p.is_file()) if d.is_dir() else []


def save_layer(path: str | Path, **options: Any) -> Path:
    """Check that ``path`` reads as a layer, then copy it into the user data directory.

    Saved layers are loaded with the bundled data by :func:`geokit.gazetteer.default`
    (call :func:`geokit.gazetteer.reset_default` to see a new one in the running process).

    Parameters
    ----------
    path : str or Path
        A layer file :func:`read_layer` reads (GeoNames dump, CSV, GeoJSON, GeoPackage, Excel).
    **options
        Passed to :func:`read_layer` to check the file (``name_col=``, ``lat_col=`` ...).

    Returns
    -------
    Path
        Where the copy was written (in :func:`layers_dir`, under the file's own name).

    Raises
    ------
    InputFileError
        When the file is missing or does not read as a layer.
    GeokitTypeError
        For an unknown column option.
    OSError
        When the user data directory cannot be written.

    Examples
    --------
    >>> save_layer("villages.csv", name_col="village")  # doctest: +SKIP
    PosixPath('/home/me/.local/share/geokit/layers/villages.csv')
    """
    src = Path(path)
    frame, _label = read_layer(src, **options)
    dest_dir = layers_dir()
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / src.name
    shutil.copyfile(src, dest)
    log.info("saved layer %s (%d places) to %s", src.name, len(frame), dest)
    return dest


def _is_geonames_dump(path: Path) -> bool:
    if path.suffix.lower() == ".zip":
        return True
    if path.suffix.lower() not in (".txt", ".tsv", ""):
        return False
    with path.open(encoding="utf-8", errors="replace") as fh:
        first = fh.readline()
    cols = first.rstrip("\n").split("\t")
    return len(cols) == 19 and cols[0].isdigit()


def _read_geonames(path: Path, alternate_names: str | Path | None) -> pd.DataFrame:
    opts = dict(sep="\t", header=None, names=GEONAMES_COLUMNS, dtype=str, quoting=3,
                keep_default_na=False, on_bad_lines="error", encoding="utf-8")
    try:
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as zf:
                inner = [n for n in zf.namelist() if n.endswith(".txt") and "readme" not in n]
                if not inner:
                    raise InputFileError("zip holds no GeoNames .txt file", path=path)
                df = pd.read_csv(io.BytesIO(zf.read(inner[0])), **opts)
        else:
            df = pd.read_csv(path, **opts)
    except pd.errors.ParserError as exc:
        raise InputFileError(f"not a GeoNames dump file ({exc})", path=path) from None
    fcode = df["feature_code"].str.upper()
    kind = pd.Series("populated_place", index=df.index)
    kind[fcode == "ADM1"] = "admin1"
    kind[fcode == "ADM2"] = "admin2"
    kind[fcode.str.startswith("PCL")] = "country"
    keep = (df["feature_class"] == "P") | kind.ne("populated_place")
    df, kind = df[keep], kind[keep]
    sub = df[kind == "admin1"]
    adm1 = pd.Series(sub["name"].to_numpy(), index=sub["country_code"] + "." + sub["admin1_code"])
    adm1 = adm1[~adm1.index.duplicated()]
    names = adm1.to_dict()
    admin1 = (df["country_code"] + "." + df["admin1_code"]).map(lambda k: names.get(k, ""))
    aliases = df["alternatenames"].fillna("").map(lambda s: [a for a in s.split(",") if a])
    out = pd.DataFrame({
        "name": df["name"], "aliases": aliases, "lat": df["latitude"], "lon": df["longitude"],
        "admin1": admin1, "country_code": df["country_code"], "kind": kind,
        "population": pd.to_numeric(df["population"], errors="coerce").fillna(0),
        "geonameid": pd.to_numeric(df["geonameid"], errors="coerce"),
    })
    if alternate_names:
        alt = pd.read_csv(alternate_names, sep="\t", header=None, dtype=str, quoting=3,
                          usecols=[1, 2, 3], names=["geonameid", "lang", "name"],
                          keep_default_na=False)
        alt = alt[~alt["lang"].isin(["link", "post", "iata", "icao", "faac", "wkdt", "unlc"])]
        extra = alt.groupby(pd.to_numeric(alt["geonameid"], errors="coerce"))["name"].agg(list)
        out["aliases"] = [a + extra.get(g, []) for a, g in zip(out["aliases"], out["geonameid"],
                                                                strict=True)]
    return out.reset_index(drop=True)


def _pick(columns: list[str], wanted: str, given: str | None, path) -> str | None:
    if given is not None:
        if given not in columns:
            raise InputFileError(f"no column {given!r}; columns are {columns}", path=path,
                                 column=given)
        return given
    lower = {c.lower().strip(): c for c in columns}
    for cand in _DETECT[wanted]:
        if cand in lower:
            return lower[cand]
    return None


def _read_file(path: Path) -> pd.DataFrame:
    suffix = path.suffix.lower()
    if suffix in (".geojson", ".json", ".gpkg", ".shp", ".fgb"):
        import geopandas as gpd

        gdf = gpd.read_file(path)
        df = pd.DataFrame(gdf.drop(columns="geometry"))
        pts = gdf.geometry.representative_point()
        df["lat"], df["lon"] = pts.y, pts.x
        return df
    if suffix in (".xlsx", ".xls"):
        return pd.read_excel(path, dtype=str)
    try:
        return pd.read_csv(path, dtype=str, sep=None, engine="python", encoding="utf-8-sig",
                           keep_default_na=False)
    except UnicodeDecodeError:
        return pd.read_csv(path, dtype=str, sep=None, engine="python", encoding="cp1251",
                           keep_default_na=False)


def _read_table(source, path, *, name=None, lat=None, lon=None, aliases=None, admin1=None,
                country=None, kind=None) -> pd.DataFrame:
    if isinstance(source, pd.DataFrame):
        df = source.copy()
    else:
        try:
            df = _read_file(path)
        except Exception as exc:  # readers fail in many types (decoding, parsing, drivers)
            raise InputFileError(f"cannot read the layer ({type(exc).__name__}: {exc}); "
                                 "layers are CSV, Excel, GeoJSON/GeoPackage or GeoNames dumps",
                                 path=path) from None
    if hasattr(df, "geometry") and "lat" not in df and "latitude" not in df:
        pts = df.geometry.representative_point()
        df = pd.DataFrame(df.drop(columns="geometry"))
        df["lat"], df["lon"] = pts.y, pts.x
    cols = [str(c) for c in df.columns]
    df.columns = cols
    picked = {k: _pick(cols, k, v, path) for k, v in (
        ("name", name), ("lat", lat), ("lon", lon), ("aliases", aliases), ("admin1", admin1),
        ("country", country), ("kind", kind), ("population", None), ("geonameid", None))}
    for need in ("name", "lat", "lon"):
        if picked[need] is None:
            raise InputFileError(
                f"cannot find the {need} column (looked for {', '.join(_DETECT[need])}); "
                f"name it with {need}=... ; columns are {cols}", path=path)
    out = pd.DataFrame({"name": df[picked["name"]].astype(str).str.strip()})
    for col in ("lat", "lon"):
        values = pd.to_numeric(df[picked[col]], errors="coerce")
        limit = 90 if col == "lat" else 180
        bad = values.isna() | (values.abs() > limit)
        if bad.any():
            first = int(bad.to_numpy().nonzero()[0][0])
            raise InputFileError(
                f"{int(bad.sum())} rows have a missing or invalid {col} "
                f"(first: {df[picked[col]].iloc[first]!r}); fix or remove them",
                path=path, row=first + 2 if path else first, column=picked[col])
        out[col] = values.to_numpy()
    empty = out["name"].eq("") | out["name"].eq("nan")
    if empty.any():
        first = int(empty.to_numpy().nonzero()[0][0])
        raise InputFileError("empty place name", path=path, row=first + 2 if path else first,
                             column=picked["name"])
    split = (df[picked["aliases"]].fillna("").astype(str).str.split(r"[;|]")
             if picked["aliases"] else pd.Series([[]] * len(df)))
    out["aliases"] = [[a.strip() for a in lst if a.strip()] for lst in split]
    out["admin1"] = df[picked["admin1"]].fillna("").astype(str) if picked["admin1"] else ""
    out["country_code"] = (df[picked["country"]].fillna("").astype(str).str.strip()
                           if picked["country"] else "")
    if picked["country"]:
        out["country_code"] = out["country_code"].map(_to_iso2)
    out["kind"] = (df[picked["kind"]].fillna("").astype(str).str.lower().map(_KIND_WORDS)
                   .fillna("populated_place") if picked["kind"] else "populated_place")
    out["population"] = (pd.to_numeric(df[picked["population"]], errors="coerce").fillna(0)
                         if picked["population"] else 0)
    out["geonameid"] = (pd.to_numeric(df[picked["geonameid"]], errors="coerce")
                        if picked["geonameid"] else float("nan"))
    return out.reset_index(drop=True)


def _to_iso2(value: str) -> str:
    """Upper-case a two-letter code; a country name is kept for the gazetteer to resolve."""
    value = value.strip()
    return value.upper() if len(value) == 2 and value.isalpha() else value


_COLUMN_OPTIONS = ("name", "lat", "lon", "aliases", "admin1", "country", "kind")


def _column_options(options: dict[str, Any]) -> dict[str, Any]:
    """``name_col=`` ... -> the reader's ``name=`` ...; the old names warn."""
    out = {}
    for key, value in options.items():
        base = key[:-4] if key.endswith("_col") else key
        if base not in _COLUMN_OPTIONS:
            raise GeokitTypeError(f"unknown layer option {key}=; column options are "
                                  f"{', '.join(c + '_col' for c in _COLUMN_OPTIONS)}")
        if base == key:
            warnings.warn(f"layer option {key}= is deprecated; use {key}_col=",
                          DeprecationWarning, stacklevel=4)
        out[base] = value
    return out


def read_layer(source: Any, *, label: str | None = None, alternate_names=None,
               **columns: Any) -> tuple[pd.DataFrame, str]:
    """Read one user layer into the normalised table geokit indexes.

    Parameters
    ----------
    source : path or pandas.DataFrame
        GeoNames dump (``.txt``/``.zip``), CSV, GeoJSON/GeoPackage, Excel or a DataFrame.
    label : str, optional
        Layer name shown in ``Place.source`` (defaults to the file name).
    alternate_names : path, optional
        A GeoNames ``alternateNamesV2.txt`` to add spellings to a dump's places.
    **columns
        ``name_col=, lat_col=, lon_col=, aliases_col=, admin1_col=, country_col=, kind_col=``:
        column names when detection is not enough. (The names without ``_col`` still work
        but are deprecated.)

    Returns
    -------
    (DataFrame, str)
        Columns :data:`LAYER_COLUMNS` and the layer label.

    Raises
    ------
    InputFileError
        The file is missing, empty or unreadable, or a needed column is missing or invalid.
    GeokitTypeError
        ``source`` is neither a path nor a DataFrame, or an unknown column option is given.

    Examples
    --------
    >>> import pandas as pd
    >>> frame, label = read_layer(pd.DataFrame({"village": ["Khutir"], "y": [50.1],
    ...                                         "x": [35.2]}), lat_col="y", lon_col="x")
    >>> frame.loc[0, "name"], float(frame.loc[0, "lat"]), label
    ('Khutir', 50.1, 'user table')
    """
    columns = _column_options(columns)
    if isinstance(source, pd.DataFrame):
        return _read_table(source, None, **columns), label or "user table"
    if not isinstance(source, str | Path):
        raise GeokitTypeError(f"a layer is a file path or a DataFrame, not {type(source).__name__}")
    path = Path(source)
    if not path.exists():
        raise InputFileError("file not found", path=path)
    if path.stat().st_size == 0:
        raise InputFileError("file is empty", path=path)
    if _is_geonames_dump(path):
        frame = _read_geonames(path, alternate_names)
    else:
        frame = _read_table(None, path, **columns)
    return frame, label or path.name
