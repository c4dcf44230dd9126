"""geokit: offline geocoding, geoparsing and mapping of conflict events.

Data flows one way: text -> mentions -> places -> events table -> maps / reports. Each stage
is a subpackage that imports only the stages below it (``tests/test_layout.py`` checks):
gazetteer < geocoding < schema < text < io < events < conflict < maps < report < cli.

The public names load on first use (:mod:`geokit._lazy`): ``import geokit`` and
``geokit.geocode(...)`` do not import pandas, geopandas, shapely or folium. Once geokit loads
pandas (any function that takes or returns a table), :mod:`geokit.events` is imported too, so
the ``df.geokit`` accessor is there for every table geokit hands out.
"""

import sys as _sys
from typing import TYPE_CHECKING

from . import _compat, _lazy
from ._config import options
from ._version import __version__
from .errors import (
    DataMissingError,
    GeokitError,
    GeokitTypeError,
    GeokitValueError,
    InputFileError,
)
from .models import Mention, Place

#: Public name -> the subpackage that defines it (None: the name is that subpackage).
_WHERE: dict[str, str | None] = {
    "Gazetteer": "gazetteer",
    "candidates": "geocoding", "geocode": "geocoding", "geocode_many": "geocoding",
    "reverse": "geocoding",
    "extract_events": "text", "extract_places": "text", "resolve_spans": "text",
    "EVENT_COLUMNS": "events", "assign_admin": "events", "count_events": "events",
    "distance_to_border_km": "events", "distance_to_km": "events", "empty_events": "events",
    "geocode_events": "events", "points_from_latlon": "events", "validate_events": "events",
    "read_events": "io", "read_events_dask": "io", "write_events": "io",
    "attach_frontline": "conflict", "evacuation_zone": "conflict",
    "territory_series": "conflict",
    "event_map": "maps", "frontline_map": "maps", "evacuation_map": "maps",
    "save_html": "maps", "save_png": "maps",
    "report": "report",
}
_WHERE.update(dict.fromkeys(("conflict", "events", "gazetteer", "geocoding", "io", "maps",
                             "schema", "text")))
#: Subpackages whose names need only the gazetteer (no tables, so no accessor to register).
_LIGHT = ("gazetteer", "geocoding")
_find, __dir__ = _lazy.attach(__name__, _WHERE)


def __getattr__(name: str):
    value = _find(name)
    if _WHERE[name] not in _LIGHT and name not in _LIGHT and "pandas" in _sys.modules:
        _register_accessor()
    return value


def _register_accessor() -> None:
    from . import events  # noqa: F401 - registers df.geokit


def _load_geocoder() -> None:
    from . import geocoding  # noqa: F401 - plugs itself into Gazetteer.geocode & co.


_compat.install()  # old module paths (geokit.extract, ...) for one release
_lazy.on_load("pandas", _register_accessor)
_lazy.on_load("geokit.geocoding", _load_geocoder)

if TYPE_CHECKING:  # what the lazy names are, for type checkers and editors
    from .conflict import attach_frontline, evacuation_zone, territory_series
    from .events import (
        EVENT_COLUMNS,
        assign_admin,
        count_events,
        distance_to_border_km,
        distance_to_km,
        empty_events,
        geocode_events,
        points_from_latlon,
        validate_events,
    )
    from .gazetteer import Gazetteer
    from .geocoding import candidates, geocode, geocode_many, reverse
    from .io import read_events, read_events_dask, write_events
    from .maps import evacuation_map, event_map, frontline_map, save_html, save_png
    from .report import report
    from .text import extract_events, extract_places, resolve_spans

__all__ = [
    "__version__",
    "EVENT_COLUMNS",
    "DataMissingError",
    "Gazetteer",
    "GeokitError",
    "GeokitTypeError",
    "GeokitValueError",
    "InputFileError",
    "Mention",
    "Place",
    "assign_admin",
    "attach_frontline",
    "count_events",
    "candidates",
    "distance_to_border_km",
    "distance_to_km",
    "empty_events",
    "evacuation_map",
    "evacuation_zone",
    "extract_events",
    "extract_places",
    "event_map",
    "frontline_map",
    "geocode_events",
    "geocode",
    "geocode_many",
    "maps",
    "options",
    "points_from_latlon",
    "read_events",
    "read_events_dask",
    "report",
    "resolve_spans",
    "reverse",
    "save_html",
    "save_png",
    "territory_series",
    "validate_events",
    "write_events",
]
