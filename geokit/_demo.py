"""``geokit demo``: the whole pipeline on bundled sample data, offline.

Writes into one folder: the geocoded sample names, the sample events (geocoded), control-area
snapshots generated from lists of place names, the situation report, and the event, frontline
and evacuation maps when :mod:`geokit.maps` is available.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

import pandas as pd

log = logging.getLogger(__name__)

SAMPLE_NAMES = [
    "Sudzha", "Sudja", "Суджа", "Sudzha, Kursk Oblast", "Kursk", "Kursk region",
    "Курская область", "Sumy oblast", "Sumshchyna", "Krasnopillia, Sumy", "Kharkov", "Kiev",
    "Artemivsk", "Severodontsk", "near Saltivka", "Vorzel',", "Lysychans'k", "Tsjernihiv",
    "Unknown village, Sumy Oblast", "",
]
#: Illustrative control areas for the demo, each drawn around a list of places (not real data).
SAMPLE_CONTROL_AREAS = {
    "20240820": ["Sudzha", "Guyevo", "Bolshoye Soldatskoye", "Korenevo"],
    "20241101": ["Sudzha", "Guyevo", "Bolshoye Soldatskoye"],
    "20250301": ["Sudzha", "Guyevo"],
}
#: Publication dates of the bundled sample articles (relative dates resolve against them).
SAMPLE_PUBLISHED = {"kursk_incursion_2024.txt": "2024-08-10",
                    "sudzha_recaptured_2025.txt": "2025-03-14",
                    "sumy_evacuations_2025.txt": "2025-06-02"}
#: Border settlements of Sumy oblast used for the demo's evacuation map.
SAMPLE_EVACUATION = ["Velyka Pysarivka", "Krasnopillia", "Yunakivka", "Myropillia",
                     "Bilopillia", "Vorozhba", "Seredyna-Buda", "Khotin, Sumy Oblast"]


def sample_path(name: str) -> Path:
    """Path of a bundled sample file (``geokit/data/samples/NAME``)."""
    return Path(str(resources.files("geokit") / "data" / "samples" / name))


def control_area(places: list[str], *, buffer_km: float = 4.0):
    """A polygon around the geocoded ``places`` (convex hull plus a margin), EPSG:4326."""
    import geopandas as gpd
    from shapely.geometry import MultiPoint, Point

    from .geocode import geocode

    pts = [Point(p.lon, p.lat) for p in (geocode(n) for n in places) if p is not None]
    if not pts:
        return None
    hull = gpd.GeoSeries([MultiPoint(pts).convex_hull], crs=4326).to_crs(32636)
    return hull.buffer(buffer_km * 1000).to_crs(4326).iloc[0]


def run(out_dir: Path) -> dict[str, Path]:
    """Run the demo into ``out_dir``; return the written files by name."""
    import geopandas as gpd

    from .events import geocode_events
    from .geocode import geocode_many
    from .io import read_events, write_events
    from .report import report

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}

    names = geocode_many(SAMPLE_NAMES)
    written["geocoded names"] = out_dir / "geocoded_sample_names.csv"
    names.to_csv(written["geocoded names"], index=False)

    events = geocode_events(read_events(sample_path("events_kursk_sumy.csv")))
    try:
        from .extract_events import extract_events

        articles = sorted((sample_path("articles")).glob("*.txt"))
        extracted = [extract_events(p.read_text(encoding="utf-8"), source=p.name,
                                    published=_published(p)) for p in articles]
        extracted = [e for e in extracted if len(e)]
        if extracted:
            events = pd.concat([events, *extracted], ignore_index=True)
            events = gpd.GeoDataFrame(events, geometry="geometry", crs=4326)
    except ImportError:
        log.info("text extraction not available; demo uses the sample table only")
    written["events"] = out_dir / "events.geojson"
    write_events(events, written["events"])

    front_dir = out_dir / "frontlines"
    front_dir.mkdir(exist_ok=True)
    for day, places in SAMPLE_CONTROL_AREAS.items():
        area = control_area(places)
        if area is not None:
            gpd.GeoDataFrame(geometry=[area], crs=4326).to_file(front_dir / f"{day}.geojson",
                                                                driver="GeoJSON")
    written["frontline snapshots"] = front_dir

    written["report"] = out_dir / "report.html"
    report(events, frontlines=front_dir, start="2024-08-01", end="2025-05-31",
           title="Kursk and Sumy border area, Aug 2024 – May 2025 (geokit demo data)",
           output=written["report"], evacuation=SAMPLE_EVACUATION)
    written.update(_maps(events, front_dir, out_dir))
    return written


def _published(path: Path):
    """Publication date of a bundled sample article."""
    return SAMPLE_PUBLISHED.get(path.name)


def _maps(events, front_dir: Path, out_dir: Path) -> dict[str, Path]:
    try:
        from . import maps
    except ImportError:
        log.info("geokit.maps not available; demo writes no maps")
        return {}
    out: dict[str, Path] = {}
    jobs = {
        "event map": ("event_map.html", lambda: maps.event_map(events)),
        "frontline map": ("frontline_map.html",
                          lambda: maps.frontline_map(front_dir, events=events)),
        "evacuation map": ("evacuation_map.html",
                           lambda: maps.evacuation_map(SAMPLE_EVACUATION)),
    }
    for label, (filename, build) in jobs.items():
        if not hasattr(maps, label.replace(" ", "_")):
            continue
        try:
            m = build()
            maps.save_html(m, out_dir / filename, offline=True)
            out[label] = out_dir / filename
        except Exception as exc:  # one failing map must not sink the others
            log.warning("demo: %s failed: %s", label, exc)
    return out
