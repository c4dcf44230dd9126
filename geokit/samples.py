"""Sample data bundled with geokit, for the demo, the notebooks and your first experiments.

Everything here was written or assembled by the geokit team: four short articles in our own
words about public events on the Kursk/Sumy border (2024-2025; three in English, one in
Ukrainian), a small events table in geokit's
schema, and lists of place names from which illustrative control-area snapshots are drawn. The
snapshots are **not** real assessments of who controlled what; they only give the frontline
tools something to show offline.

>>> from geokit import samples
>>> sorted(samples.PUBLISHED)[0]
'kursk_incursion_2024.txt'
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["CONTROL_AREAS", "EVACUATION", "NAMES", "PUBLISHED", "articles", "control_area",
           "events", "published", "sample_path", "write_snapshots"]

#: Place names as they appear in reports: spellings, scripts, typos, region forms, junk.
NAMES = [
    "Sudzha", "Sudja", "Суджа", "Sudzha, Kursk Oblast", "Kursk", "Kursk region",
    "Курская область", "Sumy oblast", "Sumshchyna", "Krasnopillia, Sumy", "Kharkov", "Kiev",
    "Artemivsk", "Severodontsk", "near Saltivka", "Vorzel',", "Lysychans'k", "Tsjernihiv",
    "Unknown village, Sumy Oblast", "",
]
#: Illustrative control areas, each drawn around a list of places (not real data).
CONTROL_AREAS = {
    "20240820": ["Sudzha", "Guyevo", "Bolshoye Soldatskoye", "Korenevo"],
    "20241101": ["Sudzha", "Guyevo", "Bolshoye Soldatskoye"],
    "20250301": ["Sudzha", "Guyevo"],
}
#: Publication dates of the bundled sample articles (relative dates resolve against them).
PUBLISHED = {"kursk_incursion_2024.txt": "2024-08-10",
             "sudzha_recaptured_2025.txt": "2025-03-14",
             "sumy_evacuations_2025.txt": "2025-06-02",
             "sumy_border_uk_2025.txt": "2025-04-15"}
#: Border settlements of Sumy oblast, as an evacuation list would name them.
EVACUATION = ["Velyka Pysarivka", "Krasnopillia", "Yunakivka", "Myropillia",
              "Bilopillia", "Vorozhba", "Seredyna-Buda", "Khotin, Sumy Oblast"]


def sample_path(name: str) -> Path:
    """Path of a bundled sample file (``geokit/data/samples/NAME``)."""
    return Path(str(resources.files("geokit") / "data" / "samples" / name))


def published(path: Path | str) -> str | None:
    """Publication date of a bundled sample article (``None`` for other files)."""
    return PUBLISHED.get(Path(path).name)


def articles() -> dict[str, tuple[str, str | None]]:
    """The sample articles: ``{file name: (text, publication date)}``."""
    folder = sample_path("articles")
    return {p.name: (p.read_text(encoding="utf-8"), published(p))
            for p in sorted(folder.glob("*.txt"))}


def events(*, geocode: bool = True, from_articles: bool = False) -> Any:
    """The sample events table (GeoDataFrame in geokit's schema).

    Parameters
    ----------
    geocode : bool
        Fill coordinates with :func:`geokit.geocode_events` (default True).
    from_articles : bool
        Also append the events :func:`geokit.extract_events` finds in the sample articles.
    """
    import geopandas as gpd
    import pandas as pd

    from .events import geocode_events
    from .io import read_events

    table = read_events(sample_path("events_kursk_sumy.csv"))
    if geocode:
        table = geocode_events(table)
    if from_articles:
        from .text import extract_events

        found = [extract_events(text, source=name, published=day)
                 for name, (text, day) in articles().items()]
        found = [f for f in found if len(f)]
        if found:
            table = gpd.GeoDataFrame(pd.concat([table, *found], ignore_index=True),
                                     geometry="geometry", crs=4326)
    return table


def control_area(places: list[str], *, buffer_km: float = 4.0):
    """A polygon around the geocoded ``places`` (convex hull plus a margin), EPSG:4326.

    Returns ``None`` when none of the places is found.
    """
    import geopandas as gpd
    from shapely.geometry import MultiPoint, Point

    from .geocoding import geocode

    pts = [Point(p.lon, p.lat) for p in (geocode(n) for n in places) if p is not None]
    if not pts:
        return None
    hull = gpd.GeoSeries([MultiPoint(pts).convex_hull], crs=4326).to_crs(32636)
    return hull.buffer(buffer_km * 1000).to_crs(4326).iloc[0]


def write_snapshots(folder: Path | str, areas: dict[str, list[str]] | None = None) -> Path:
    """Write dated control-area snapshots (``YYYYMMDD.geojson``) drawn around place lists.

    Parameters
    ----------
    folder : path
        Created if missing.
    areas : {"YYYYMMDD": [place names]}, optional
        Default: :data:`CONTROL_AREAS`.
    """
    import geopandas as gpd

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for day, places in (areas or CONTROL_AREAS).items():
        area = control_area(places)
        if area is not None:
            gpd.GeoDataFrame({"date": [day]}, geometry=[area], crs=4326).to_file(
                folder / f"{day}.geojson", driver="GeoJSON")
    return folder
