"""CLI: ``geokit events convert|geocode|validate``."""

from __future__ import annotations

import argparse


def _input_args(parser: argparse.ArgumentParser, formats: str) -> None:
    parser.add_argument("input", help="ACLED/UCDP/CIR/generic CSV or Excel, or a spatial file")
    parser.add_argument("--from", dest="from_format", default="auto",
                        help=f"input format ({formats})")
    parser.add_argument("--keep-bad-rows", action="store_true",
                        help="keep rows with more cells than the header (surplus in "
                             "extra_cells) instead of stopping")


def _read(args):
    from ..errors import InputFileError
    from ..io import read_events

    try:
        return read_events(args.input, format=args.from_format,
                           bad_rows="keep" if args.keep_bad_rows else "raise")
    except InputFileError as exc:  # say the command-line option, not the Python argument
        if "bad_rows='keep'" not in exc.reason:
            raise
        raise InputFileError(exc.reason.replace("read with bad_rows='keep'", "pass "
                                                "--keep-bad-rows"), path=exc.path, row=exc.row,
                             column=exc.column) from None


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``events`` command group to the ``geokit`` parser."""
    from ..io import FORMATS

    p = sub.add_parser("events", help="read, convert, geocode and validate event tables")
    es = p.add_subparsers(dest="events_command", metavar="ACTION")
    fmts = ", ".join(FORMATS)

    conv = es.add_parser("convert", help="convert an event table to another format")
    _input_args(conv, fmts)
    conv.add_argument("output", help="destination; format from the suffix unless --to is given")
    conv.add_argument("--to", dest="to_format", default=None, help="output format")
    conv.set_defaults(func=_convert)

    geo = es.add_parser("geocode", help="fill missing coordinates from place-name columns")
    _input_args(geo, fmts)
    geo.add_argument("-o", "--output", required=True, help="destination file")
    geo.add_argument("--to", dest="to_format", default=None, help="output format")
    geo.add_argument("--location-col", "--location", dest="location_col", default="location",
                     help="column with the place name")
    geo.add_argument("--admin2-col", "--admin2", dest="admin2_col", default="admin2",
                     help="column with the district")
    geo.add_argument("--admin1-col", "--admin1", dest="admin1_col", default="admin1",
                     help="column with the region")
    geo.add_argument("--country-col", dest="country_col", default="country_code",
                     help="column with the country")
    geo.add_argument("--country", default=None,
                     help="one country (ISO code or name) for every row, e.g. UA")
    geo.add_argument("--no-check", action="store_true",
                     help="do not check existing coordinates against the place names")
    geo.set_defaults(func=_geocode)

    val = es.add_parser("validate", help="list every problem in an event table")
    _input_args(val, fmts)
    val.add_argument("-o", "--output", help="also write the problems to this CSV file")
    val.set_defaults(func=_validate)
    p.set_defaults(func=lambda args: p.print_help() or 1)


def _convert(args) -> int:
    from ..io import write_events

    gdf = _read(args)
    write_events(gdf, args.output, format=args.to_format)
    bad = int((gdf["coord_status"] == "invalid").sum()) if "coord_status" in gdf else 0
    fmt = gdf.attrs.get("geokit", {}).get("format", "?")
    print(f"{len(gdf):,} rows in ({fmt})"
          + (f", {bad:,} with unusable coordinates (see coord_reason)" if bad else "")
          + f" -> {args.output}")
    return 0


def _geocode(args) -> int:
    from ..events import geocode_events
    from ..io import write_events
    from ._summary import summary

    gdf = _read(args)
    out = geocode_events(gdf, args.location_col, admin2_col=args.admin2_col,
                         admin1_col=args.admin1_col, country_col=args.country_col,
                         country=args.country, check_existing=not args.no_check)
    write_events(out, args.output, format=args.to_format, columns="all")
    print(summary(len(gdf), out["geocode_status"], args.output))
    return 0


def _validate(args) -> int:
    import pandas as pd

    from ..events import validate_events
    from ..io import read_events
    from ..io._common import EXTRA_COLUMN

    # Rows with surplus cells are problems to list with the others, not a reason to stop.
    gdf = read_events(args.input, format=args.from_format, bad_rows="keep")
    problems = [validate_events(gdf)]
    if "coord_status" in gdf:
        bad = gdf["coord_status"] == "invalid"
        problems.append(pd.DataFrame({"row": gdf.index[bad], "column": "lat",
                                      "value": None, "why": gdf.loc[bad, "coord_reason"]}))
    if EXTRA_COLUMN in gdf and not args.keep_bad_rows:
        bad = gdf[EXTRA_COLUMN].astype(str).str.strip() != ""
        problems.append(pd.DataFrame({
            "row": gdf.index[bad], "column": EXTRA_COLUMN, "value": gdf.loc[bad, EXTRA_COLUMN],
            "why": "more cells than the header (an unquoted separator inside a cell?); the "
                   "surplus cannot be placed"}))
    problems = pd.concat([p for p in problems if len(p)] or problems[:1], ignore_index=True)
    if len(problems):
        from ..io._common import line_of

        pos = {label: i for i, label in enumerate(gdf.index)}
        problems.insert(1, "line", [line_of(gdf, pos.get(r)) for r in problems["row"]])
    if args.output:
        problems.to_csv(args.output, index=False)
    if problems.empty:
        print(f"{args.input}: {len(gdf)} rows, no problems")
        return 0
    with pd.option_context("display.max_rows", 200, "display.width", 160,
                           "display.max_colwidth", 60):
        print(problems.to_string(index=False))
    print(f"{args.input}: {len(gdf)} rows, {len(problems)} problems")
    return 1
