"""The ``geokit`` command. The only place that configures logging and progress bars."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback

from .._config import options
from ..errors import GeokitError, InputFileError
from . import _events, _geocode, _report, _text

# Sub-command groups live in private modules, each exposing ``register(subparsers)``; they
# import the library lazily, so `geokit --help` stays fast.
_COMMAND_MODULES = (_geocode, _events, _text, _report)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="geokit",
        description="Offline geocoding, geoparsing and mapping of conflict events.",
    )
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING - 10 * min(args.verbose, 2),
        format="%(levelname)s %(name)s: %(message)s",
    )
    options.progress = not args.quiet and sys.stderr.isatty()
    if not getattr(args, "func", None):
        parser.print_help()
        return 1
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("geokit: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # every failure is one line; --verbose shows the traceback
        if args.verbose:
            traceback.print_exc()
        print(f"geokit: error: {error_line(exc)}", file=sys.stderr)
        return 2


def error_line(exc: BaseException) -> str:
    """``FILE:LINE: what and what to do`` on one line, for any exception."""
    if isinstance(exc, InputFileError) and exc.path is not None:
        where = f"{exc.path}:{exc.row}" if exc.row is not None else f"{exc.path}"
        what = exc.reason if exc.column is None else f"column {exc.column!r}: {exc.reason}"
    elif isinstance(exc, GeokitError):
        where, what = None, str(exc)
    elif isinstance(exc, OSError) and exc.filename is not None:
        where, what = exc.filename, f"{exc.strerror or exc}; check the path and permissions"
    else:  # a bug or an unforeseen input: say so, and how to see more
        where, what = None, (f"{type(exc).__name__}: {exc}. This looks like a geokit bug; run "
                             "again with --verbose for the traceback and report it")
    text = f"{where}: {what}" if where is not None else what
    return " ".join(text.split())
