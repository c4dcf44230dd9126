"""``geokit demo``: the whole pipeline on bundled sample data, offline.

Writes into one folder: the geocoded sample names, the sample events (geocoded), control-area
snapshots generated from lists of place names, the situation report (with each event placed
against the control area of its own date), and the event, frontline (events coloured by that
control) and evacuation maps when :mod:`geokit.maps` is available.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ..samples import EVACUATION, NAMES, write_snapshots
from ..samples import events as sample_events

log = logging.getLogger(__name__)

#: The sample snapshots are months apart; a daily archive would use a few days.
SNAPSHOT_MAX_AGE = 120


def run(out_dir: Path) -> dict[str, Path]:
    """Run the demo into ``out_dir``; return the written files by name."""
    from ..geocoding import geocode_many
    from ..io import write_events
    from ..report import report

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}

    names = geocode_many(NAMES)
    written["geocoded names"] = out_dir / "geocoded_sample_names.csv"
    names.to_csv(written["geocoded names"], index=False)

    events = sample_events(from_articles=True)
    written["events"] = out_dir / "events.geojson"
    write_events(events, written["events"])

    front_dir = write_snapshots(out_dir / "frontlines")
    written["frontline snapshots"] = front_dir

    written["report"] = out_dir / "report.html"
    report(events, frontlines=front_dir, start="2024-08-01", end="2025-05-31",
           title="Kursk and Sumy border area, Aug 2024 – May 2025 (geokit demo data)",
           output=written["report"], evacuation=EVACUATION,
           snapshot_max_age=SNAPSHOT_MAX_AGE)
    written.update(_maps(events, front_dir, out_dir))
    return written


def _maps(events, front_dir: Path, out_dir: Path) -> dict[str, Path]:
    try:
        from .. import maps
    except ImportError:
        log.info("geokit.maps not available; demo writes no maps")
        return {}
    out: dict[str, Path] = {}
    jobs = {
        "event map": ("event_map.html", lambda: maps.event_map(events)),
        "frontline map": ("frontline_map.html",
                          lambda: maps.frontline_map(front_dir, events=events,
                                                     color_by="control",
                                                     max_age=SNAPSHOT_MAX_AGE)),
        "evacuation map": ("evacuation_map.html",
                           lambda: maps.evacuation_map(EVACUATION)),
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
