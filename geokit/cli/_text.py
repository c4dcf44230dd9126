"""CLI: ``geokit places FILE`` and ``geokit extract FILE --published DATE -o OUT``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``places`` and ``extract`` commands to the ``geokit`` parser."""
    p = sub.add_parser("places", help="list the place names in a text file, resolved")
    p.add_argument("file", nargs="+",
                   help="text file(s) (articles): UTF-8, UTF-16 or cp1251")
    p.add_argument("--json", action="store_true", help="print JSON (one object per mention)")
    p.add_argument("--country", default=None, help="country the text is mostly about (hint)")
    p.set_defaults(func=_places)

    e = sub.add_parser("extract", help="extract located events from a text file")
    e.add_argument("file", nargs="+",
                   help="text file(s) (articles): UTF-8, UTF-16 or cp1251")
    e.add_argument("--published", default=None,
                   help="publication date (YYYY-MM-DD) for relative dates such as 'yesterday'")
    e.add_argument("--source", default=None,
                   help="value of the source column (default: each file's name)")
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


def _files(paths: list[str], desc: str):
    """``(path, text)`` per file, with a bar over the files when there are several."""
    from .._config import options
    from .._progress import progress_iter

    for path in progress_iter(paths, total=len(paths), enabled=options.progress, desc=desc,
                              min_items=2, unit="file"):
        yield path, _read(path)


def _places(args) -> int:
    from ..text import extract_places

    found = [(path, m) for path, text in _files(args.file, "finding places")
             for m in extract_places(text, country=args.country)]
    several = len(args.file) > 1
    if args.json:
        print(json.dumps([({"file": path} if several else {}) | m.to_dict() for path, m in found],
                         ensure_ascii=False, indent=1))
        return 0
    for path, m in found:
        p = m.place
        where = (f"{p.name} ({p.kind.replace('_', ' ')}, {p.admin1 or '-'}, {p.country_code}) "
                 f"{p.lat:.4f},{p.lon:.4f}" if p else "unresolved")
        line = f"{m.start}-{m.end}\t{m.text}\t{where}\t{m.confidence:.2f}"
        print(f"{path}\t{line}" if several else line)
    placed = sum(m.place is not None for _, m in found)
    files = f" in {len(args.file):,} files" if several else ""
    print(f"{len(found):,} mentions{files}: {placed:,} placed, "
          f"{len(found) - placed:,} unresolved")
    return 0


def _extract(args) -> int:
    import pandas as pd

    from ..io import write_events
    from ..text import extract_events
    from ._summary import event_statuses, summary

    tables = [extract_events(text, published=args.published,
                             source=args.source or Path(path).name, country=args.country,
                             lang=args.lang)
              for path, text in _files(args.file, "extracting events")]
    gdf = tables[0] if len(tables) == 1 else pd.concat(tables, ignore_index=True)
    write_events(gdf, args.output, columns="all")
    print(summary(len(gdf), event_statuses(gdf), args.output, what="events"))
    return 0
