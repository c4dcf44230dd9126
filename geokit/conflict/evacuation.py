"""Evacuation zones: named settlements, their distance to a border, and distance bands.

Reports say "eight villages within 10 km of the border were ordered to evacuate". This module
turns such a list of names into numbers and shapes that maps and reports draw:

>>> from geokit.conflict import evacuation_zone
>>> zone = evacuation_zone(["Krasnopillia", "Velyka Pysarivka"], border="UA-RU")
>>> sorted(zone.table.columns)[:4]
['admin1', 'admin2', 'band_km', 'border_km']

Distances are measured in a metric projection (UTM zone 36N, right for Ukraine's north-east,
within about 1 % elsewhere in the country) to the Natural Earth border line bundled with geokit
(Crimea as part of Ukraine).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import GeokitValueError, InputFileError
from ..gazetteer.borders import border_line, borders
from ..geocoding import geocode_many
from ..models import AREA_KINDS

__all__ = ["EvacuationZone", "evacuation_zone", "read_settlements"]

#: Metric CRS for distances (UTM 36N).
METRIC_CRS = 32636


@dataclass
class EvacuationZone:
    """Result of :func:`evacuation_zone`.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per input name, in input order: the geocoder's columns (``query, name, lat,
        lon, kind, country_code, admin1, population, status, reason`` ...) plus ``placed``
        (False when the name was not found or only its region/country was), ``border_km``
        (distance to the border) and ``band_km`` (the narrowest band the settlement falls in).
        Names that were not placed stay in the table with the geocoder's reason.
    bands : geopandas.GeoDataFrame
        One polygon per band (``band_km``, geometry in EPSG:4326): the part of ``country``
        within that distance of the border. The widest band is the evacuation zone.
    border : shapely geometry
        The border line used.
    border_name : str
        The border pair, e.g. ``"UA-RU"``.
    """

    table: pd.DataFrame
    bands: Any
    border: Any
    border_name: str
    bands_km: tuple[float, ...] = field(default=())

    @property
    def placed(self) -> pd.DataFrame:
        """Rows of :attr:`table` that were placed on the map, nearest to the border first."""
        return self.table[self.table["placed"]].sort_values("border_km", kind="stable")

    def totals(self) -> dict[str, Any]:
        """Headline figures: names given, placed, not placed, GeoNames population, per band."""
        placed = self.placed
        per_band = {km: int((placed["border_km"] <= km).sum()) for km in self.bands_km}
        return {"names": len(self.table), "placed": len(placed),
                "not_placed": self.table.loc[~self.table["placed"], "query"].tolist(),
                "population": int(pd.to_numeric(placed["population"], errors="coerce")
                                  .fillna(0).sum()),
                "within_km": per_band}


def read_settlements(source: Any) -> list[str]:
    """Settlement names from a list, a DataFrame with a ``name`` column, or a file.

    Files (a :class:`~pathlib.Path`, or a string ending in ``.txt``/``.csv``): a text file with
    one name per line (``#`` starts a comment), or a CSV with a ``name`` (or
    ``settlement``/``location``/``place``) column. Any other string is one name.

    Parameters
    ----------
    source : list of str, DataFrame, str or Path
        The names, a table of them, or a ``.txt``/``.csv`` file.

    Returns
    -------
    list of str
        The names, in order.

    Raises
    ------
    InputFileError
        When the file does not exist or a table has no name column.
    GeokitValueError
        When ``source`` is none of the above (a number, say).

    Examples
    --------
    >>> read_settlements(["Krasnopillia", "Velyka Pysarivka"])
    ['Krasnopillia', 'Velyka Pysarivka']
    >>> read_settlements("Sumy")
    ['Sumy']
    >>> read_settlements("evacuate.csv")  # doctest: +SKIP
    """
    if isinstance(source, pd.DataFrame):
        col = _name_column(source.columns, "the settlements table")
        return [str(v) for v in source[col].dropna()]
    if isinstance(source, Path) or (isinstance(source, str)
                                    and Path(source).suffix.lower() in {".txt", ".csv"}):
        path = Path(source)
        if not path.exists():
            raise InputFileError(f"settlements file not found: {path}", path=path)
        if path.suffix.lower() == ".csv":
            frame = pd.read_csv(path, dtype=str, encoding="utf-8-sig")
            col = _name_column(frame.columns, str(path))
            return [v for v in frame[col].dropna()]
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    if isinstance(source, str):
        return [source]
    if isinstance(source, Iterable):
        return [str(v) for v in source]
    raise GeokitValueError(f"settlements must be names, a DataFrame or a file, not "
                           f"{type(source).__name__}")


def _name_column(columns: Iterable[str], where: str) -> str:
    for col in columns:
        if str(col).strip().lower() in {"name", "settlement", "location", "place"}:
            return col
    raise InputFileError(f"{where} has no name column (looked for name, settlement, location, "
                         f"place; found {', '.join(map(str, columns))})")


def evacuation_zone(settlements: Any, *, border: str = "UA-RU",
                    bands_km: Sequence[float] = (5, 10, 20, 30),
                    country: str = "UA") -> EvacuationZone:
    """Geocode settlements and measure their distance to an international border.

    Parameters
    ----------
    settlements : list of str, DataFrame or path
        Names (``"Krasnopillia, Sumy Oblast"`` forms welcome); see :func:`read_settlements`.
    border : str
        Country pair of the border (``"UA-RU"``), from the bundled Natural Earth borders.
    bands_km : sequence of float
        Distance bands (km) shaded inside ``country``; the widest is the evacuation zone.
    country : str
        Country the settlements are in (biases the geocoder; bands are drawn inside it).

    Returns
    -------
    EvacuationZone
        The geocoded table (with ``border_km``, ``band_km``, ``placed``), the bands and the
        border line.

    Raises
    ------
    GeokitValueError
        For bands that are not positive, an unknown border pair or country.

    Examples
    --------
    >>> zone = evacuation_zone(["Krasnopillia, Sumy Oblast"])  # doctest: +SKIP
    >>> zone.totals()["placed"]  # doctest: +SKIP
    1
    """
    import geopandas as gpd

    widths = tuple(sorted(float(b) for b in bands_km))
    if not widths or widths[0] <= 0:
        raise GeokitValueError(f"bands_km must be positive distances, got {bands_km!r}")
    names = read_settlements(settlements)
    table = geocode_many(names, country=country) if names else geocode_many([""])[:0]
    line = border_line(border)
    line_m = gpd.GeoSeries([line], crs=4326).to_crs(METRIC_CRS).iloc[0]
    inside = borders().set_index("iso_a2").geometry.get(country.upper())
    if inside is None:
        raise GeokitValueError(f"no bundled outline for country {country!r}")
    inside_m = gpd.GeoSeries([inside], crs=4326).to_crs(METRIC_CRS).iloc[0]
    table["border_km"] = float("nan")
    # a name the gazetteer could only place at its region or country is not drawn as a settlement
    table["placed"] = table["lat"].notna() & ~table["kind"].isin(AREA_KINDS)
    placed = table[table["placed"]]
    if len(placed):
        pts = placed.geometry  # geocode_many's points
        table.loc[placed.index, "border_km"] = (pts.to_crs(METRIC_CRS).distance(line_m)
                                                / 1000).round(2).to_numpy()
    table["band_km"] = float("nan")
    for km in reversed(widths):
        table.loc[table["border_km"] <= km, "band_km"] = km
    band_geoms = [line_m.buffer(km * 1000).intersection(inside_m) for km in widths]
    bands = gpd.GeoDataFrame({"band_km": widths}, geometry=band_geoms,
                             crs=METRIC_CRS).to_crs(4326)
    return EvacuationZone(table=table, bands=bands, border=line, border_name=border,
                          bands_km=widths)
