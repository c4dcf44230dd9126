"""CLI: ``geokit report EVENTS --frontlines DIR --from DATE --to DATE -o report.html``."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="write a self-contained HTML (and PDF) situation report")
    p.add_argument("events", help="events file (any format geokit reads)")
    p.add_argument("--frontlines", help="folder of dated control-area snapshots (YYYYMMDD.geojson)")
    p.add_argument("--from", dest="start", help="first day of the period (YYYY-MM-DD)")
    p.add_argument("--to", dest="end", help="last day of the period (YYYY-MM-DD)")
    p.add_argument("--region", help="keep events whose admin1 contains this text")
    p.add_argument("--title", help="report title")
    p.add_argument("-o", "--output", required=True, help="HTML file to write")
    p.add_argument("--pdf", help="also print a PDF with headless Chromium")
    p.add_argument("--evacuation", metavar="FILE",
                   help="settlements ordered to evacuate: a text file (one name per line) or a "
                        "CSV with a name column")
    p.add_argument("--border", default="UA-RU", help="border pair for --evacuation (UA-RU)")
    p.add_argument("--max-age", type=float, default=31, metavar="DAYS",
                   help="a snapshot older than this on an event's date does not say where the "
                        "event was against the line (default 31)")
    p.add_argument("--band-km", type=float, default=2.0,
                   help="events this close to the front line count as contested (default 2)")
    p.add_argument("--no-map", action="store_true", help="leave the map out")
    p.set_defaults(func=_report_cmd)


#: Stages of ``geokit report`` (see the ``progress`` argument of :func:`geokit.report.report`).
STAGES = ("reading", "geocoding", "maps", "writing")


def _report_cmd(args) -> int:
    from .._config import options
    from .._progress import stage_bar
    from ..io import read_events
    from ..report import report
    from ._summary import event_statuses, summary

    with stage_bar(STAGES, enabled=options.progress) as stage:
        stage("reading")
        events = read_events(args.events)
        report(events, frontlines=args.frontlines, start=args.start, end=args.end,
               region=args.region, title=args.title, output=args.output, pdf=args.pdf,
               map=not args.no_map,
               evacuation=Path(args.evacuation) if args.evacuation else None,
               border=args.border, snapshot_max_age=args.max_age, band_km=args.band_km,
               progress=stage)
    dest = args.output + (f" and {args.pdf}" if args.pdf else "")
    print(summary(len(events), event_statuses(events), dest, what="events"))
    return 0

