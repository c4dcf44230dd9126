"""CLI: ``geokit geocode``, ``geokit gazetteer add|info|download`` and ``geokit demo``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..errors import InputFileError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("geocode", help="geocode a column of place names in a table")
    p.add_argument("input", help="names to geocode: a .txt list (one name per line), CSV/TSV, "
                   "Excel, Parquet or GeoJSON/GeoPackage with a column of place names "
                   "(UTF-8, UTF-16 or cp1251)")
    p.add_argument("--column", "-c", default=None, help="column holding the names "
                   "(default: location, place, name or town/city when present)")
    p.add_argument("--country", help="country hint for every row (ISO code or name)")
    p.add_argument("--admin1-column", help="column with each row's region, used as a hint")
    p.add_argument("-o", "--output", required=True,
                   help="output file: .csv, .geojson or .gpkg (by suffix)")
    p.add_argument("--online", action="store_true",
                   help="ask Nominatim for names the offline gazetteer cannot place (opt-in; "
                        "needs --user-agent; answers are cached in the user cache directory)")
    p.add_argument("--user-agent", help="identify yourself to the online geocoder")
    p.set_defaults(func=_geocode_cmd)

    g = sub.add_parser("gazetteer", help="manage gazetteer layers")
    gs = g.add_subparsers(dest="gazetteer_command", metavar="ACTION")
    add = gs.add_parser("add", help="store a GeoNames dump or place table as a user layer")
    add.add_argument("file")
    add.set_defaults(func=_gaz_add)
    info = gs.add_parser("info", help="list layers and their place counts")
    info.add_argument("--json", action="store_true")
    info.set_defaults(func=_gaz_info)
    dl = gs.add_parser("download", help="download GeoNames country dumps as layers (network)",
                       description="Fetch GeoNames' full dumps of the given countries (every "
                       "village) with their alternate names, check them and store them as "
                       "layers in the user data directory. Interrupted downloads resume.")
    dl.add_argument("countries", nargs="+", metavar="COUNTRY", help="ISO codes (UA RU BY) or names")
    dl.add_argument("--base-url", help="a mirror of https://download.geonames.org/export/dump/")
    dl.add_argument("--no-alternate-names", action="store_true",
                    help="skip alternatenames/XX.zip (smaller, fewer spellings)")
    dl.add_argument("--keep-downloads", action="store_true",
                    help="keep the downloaded zips in the data directory's downloads/ folder")
    dl.set_defaults(func=_gaz_download)

    d = sub.add_parser("demo", help="run geokit on its bundled sample data")
    d.add_argument("-o", "--output", default="demo-output", help="output folder")
    d.set_defaults(func=_demo)


#: Column names taken as the names column when --column is not given, best first.
NAME_COLUMNS = ("location", "place", "name", "settlement", "town/city", "town", "city",
                "village", "locality", "toponym", "placename", "place_name")


def _name_column(df, path: Path, given: str | None) -> str:
    if given is not None:
        if given not in df.columns:
            raise InputFileError(f"no column {given!r}; columns are {list(df.columns)}. Give one "
                                 "of them with --column", path=path)
        return given
    if len(df.columns) == 1:
        return df.columns[0]
    lower = {str(c).strip().lower(): c for c in df.columns}
    col = next((lower[c] for c in NAME_COLUMNS if c in lower), None)
    if col is None:
        raise InputFileError(f"cannot tell which column holds the place names; columns are "
                             f"{list(df.columns)}. Say which with --column NAME", path=path)
    return col


def _geocode_cmd(args) -> int:
    from ..geocoding import geocode_many
    from ..io._input import read_input
    from ._summary import summary, write_output

    path = Path(args.input)
    df = read_input(path)
    col = _name_column(df, path, args.column)
    if args.admin1_column and args.admin1_column not in df.columns:
        raise InputFileError(f"no column {args.admin1_column!r} for --admin1-column; columns "
                             f"are {list(df.columns)}", path=path)
    admin1 = df[args.admin1_column] if args.admin1_column else None
    if args.user_agent:
        from .._config import options

        options.user_agent = args.user_agent
    res = geocode_many(df[col], country=args.country, admin1=admin1, online=args.online or None)
    out = df.copy()
    out.attrs = {}
    for c in res.columns.drop(["query", res.geometry.name]):
        out[f"geokit_{c}"] = res[c].to_numpy()
    dest = write_output(out, Path(args.output), lat="geokit_lat", lon="geokit_lon")
    print(summary(len(df), res["status"], dest))
    return 0


def _gaz_add(args) -> int:
    from ..gazetteer import reset_default
    from ..gazetteer.layers import save_layer

    dest = save_layer(args.file)
    reset_default()
    print(f"stored layer {dest.name} in {dest.parent}; later runs use it")
    return 0


def _gaz_download(args) -> int:
    from .._config import options
    from ..gazetteer.download import download

    bars: dict = {}

    def progress(name: str, done: int, total: int | None) -> None:
        if not options.progress:
            return
        from tqdm.auto import tqdm

        bar = bars.get(name)
        if bar is None:
            bar = bars[name] = tqdm(desc=name, total=total, unit="B", unit_scale=True,
                                    unit_divisor=1024, initial=done)
        bar.update(done - bar.n)

    try:
        results = download(args.countries, base_url=args.base_url,
                           alternate_names=not args.no_alternate_names,
                           progress=progress, keep_downloads=args.keep_downloads)
    finally:
        for bar in bars.values():
            bar.close()
    for r in results:
        print(f"{r.country}: {r.places:,} places ({r.dump_rows:,} rows in the dump, "
              f"{r.alternate_names:,} alternate names added) -> {r.layer}")
    return 0


def _gaz_info(args) -> int:
    from ..gazetteer import Gazetteer

    info = Gazetteer.load().info()
    if args.json:
        print(json.dumps(info, indent=2))
        return 0
    print(f"{'layer':<32} {'settlements':>12} {'admin2':>8} {'admin1':>8} {'countries':>10}")
    for label, c in info.items():
        print(f"{label:<32} {c['populated_place']:>12,} {c['admin2']:>8,} {c['admin1']:>8,} "
              f"{c['country']:>10,}")
    return 0


def _demo(args) -> int:
    import time

    import pandas as pd

    from ._demo import run

    t0 = time.perf_counter()
    written = run(Path(args.output))
    names = pd.read_csv(written["geocoded names"], keep_default_na=False)
    table = names[["query", "name", "kind", "country_code", "admin1", "lat", "lon", "status"]]
    with pd.option_context("display.width", 160, "display.max_colwidth", 28):
        print(table.to_string(index=False))
    print(f"\ngeokit demo finished in {time.perf_counter() - t0:.1f} s; wrote:")
    for label, path in written.items():
        print(f"  {label:<20} {path}")
    return 0
