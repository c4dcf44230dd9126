"""CLI: ``geokit places FILE`` and ``geokit extract FILE --published DATE -o OUT``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``places`` and ``extract`` commands to the ``geokit`` parser."""
    p = sub.add_parser("places", help="list the place names in a text file, resolved")
    p.add_argument("file", help="text file (an article): UTF-8, UTF-16 or cp1251")
    p.add_argument("--json", action="store_true", help="print JSON (one object per mention)")
    p.add_argument("--country", default=None, help="country the text is mostly about (hint)")
    p.set_defaults(func=_places)

    e = sub.add_parser("extract", help="extract located events from a text file")
    e.add_argument("file", help="text file (an article): UTF-8, UTF-16 or cp1251")
    e.add_argument("--published", default=None,
                   help="publication date (YYYY-MM-DD) for relative dates such as 'yesterday'")
    e.add_argument("--source", default=None, help="value of the source column (default: file name)")
    e.add_argument("--country", default=None, help="country the text is mostly about (hint)")
    e.add_argument("--lang", default="auto", choices=("auto", "en", "uk", "ru"),
                   help="language of the text (default: detected from its letters)")
    e.add_argument("-o", "--output", required=True,
                   help="destination (.geojson, .gpkg, .csv, ...; format from the suffix)")
    e.set_defaults(func=_extract)


def _read(path: str) -> str:
    """An article in UTF-8 (with or without BOM), UTF-16 or cp1251."""
    from ..errors import InputFileError
    from ..io._common import _check_text, decode

    p = Path(path)
    if not p.is_file():
        raise InputFileError("not found or not a file; check the path", path=p)
    text, _ = decode(p.read_bytes(), p)
    _check_text(text, p)
    return text


def _places(args) -> int:
    from ..text import extract_places

    mentions = extract_places(_read(args.file), country=args.country)
    if args.json:
        print(json.dumps([m.to_dict() for m in mentions], ensure_ascii=False, indent=1))
        return 0
    for m in mentions:
        p = m.place
        where = (f"{p.name} ({p.kind.replace('_', ' ')}, {p.admin1 or '-'}, {p.country_code}) "
                 f"{p.lat:.4f},{p.lon:.4f}" if p else "unresolved")
        print(f"{m.start}-{m.end}\t{m.text}\t{where}\t{m.confidence:.2f}")
    placed = sum(m.place is not None for m in mentions)
    print(f"{len(mentions):,} mentions: {placed:,} placed, {len(mentions) - placed:,} unresolved")
    return 0


def _extract(args) -> int:
    from ..io import write_events
    from ..text import extract_events

    gdf = extract_events(_read(args.file), published=args.published,
                         source=args.source or Path(args.file).name, country=args.country,
                         lang=args.lang)
    write_events(gdf, args.output, columns="all")
    located = int(gdf["lat"].notna().sum()) if "lat" in gdf else len(gdf)
    print(f"{len(gdf):,} events ({located:,} located) -> {args.output}")
    return 0
