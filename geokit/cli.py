"""The ``geokit`` command. The only place that configures logging and progress bars."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

# Sub-command groups live in private modules, each exposing ``register(subparsers)``.
# A module that is missing (optional part not installed) is skipped with a note in --help.
_COMMAND_MODULES = (
    "geokit._cli_geocode",
    "geokit._cli_events",
    "geokit._cli_text",
    "geokit._cli_maps",
    "geokit._cli_report",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="geokit",
        description="Offline geocoding, geoparsing and mapping of conflict events.",
    )
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING - 10 * min(args.verbose, 2),
        format="%(levelname)s %(name)s: %(message)s",
    )
    from ._config import options

    options.progress = not args.quiet and sys.stderr.isatty()
    if not getattr(args, "func", None):
        parser.print_help()
        return 1
    from .errors import GeokitError

    try:
        return int(args.func(args) or 0)
    except GeokitError as exc:
        print(f"geokit: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
