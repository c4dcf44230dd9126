"""geokit: offline geocoding, geoparsing and mapping of conflict events.

Data flows one way: text -> mentions -> places -> events table -> maps / reports. Each stage
is a subpackage that imports only the stages below it (``tests/test_layout.py`` checks):
gazetteer < geocoding < schema < text < io < events < conflict < maps < report < cli.
"""

from . import _compat
from ._config import options
from ._version import __version__
from .conflict import attach_frontline, evacuation_zone, territory_series
from .errors import (
    DataMissingError,
    GeokitError,
    GeokitTypeError,
    GeokitValueError,
    InputFileError,
)
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
from .models import Mention, Place
from .report import report
from .text import extract_events, extract_places, resolve_spans

_compat.install()  # old module paths (geokit.extract, ...) for one release

# Maps need folium; they load on first use so `import geokit` stays light.
_LAZY = {"maps": None, "event_map": "maps", "frontline_map": "maps", "evacuation_map": "maps",
         "save_html": "maps", "save_png": "maps"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module = importlib.import_module(".maps", __name__)
        return module if _LAZY[name] is None else getattr(module, name)
    raise AttributeError(f"module 'geokit' has no attribute {name!r}")


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
