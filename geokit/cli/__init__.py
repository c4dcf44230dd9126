"""The ``geokit`` command line (top stage): the only place that configures logging and output.

Sub-command groups live in private modules (``_geocode``, ``_events``, ``_text``, ``_report``),
each exposing ``register(subparsers)``; ``geokit demo`` runs :mod:`geokit.cli._demo`.
"""

from ._main import build_parser, main

__all__ = ["build_parser", "main"]
