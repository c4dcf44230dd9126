"""The ``geokit`` command. The only place that configures logging and progress bars."""

from __future__ import annotations

import argparse
import logging
import sys

from .._config import options
from ..errors import GeokitError
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
    except GeokitError as exc:
        print(f"geokit: error: {exc}", file=sys.stderr)
        return 2
