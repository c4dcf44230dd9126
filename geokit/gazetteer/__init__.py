"""The gazetteer stage: bundled place data, name keys, user layers, admin areas, borders.

Lowest stage above the core modules; it imports nothing from the stages above it (the
geocoder plugs itself into :class:`Gazetteer`'s convenience methods when it loads).

Examples
--------
>>> from geokit.gazetteer import country_code, default
>>> country_code("Ukraine")
'UA'
>>> len(default()) > 100_000
True
"""

from typing import TYPE_CHECKING

from .. import _lazy
from ._store import (
    ADMIN1_WORDS,
    ADMIN2_WORDS,
    KIND_CODES,
    MATCH_TYPES,
    REGION_WORDS,
    Gazetteer,
    country_code,
    default,
    region_level,
    reset_default,
    strip_region_words,
)

# admin areas, borders, downloads and layers (pandas, shapely) load on first use
__getattr__, __dir__ = _lazy.attach(__name__, {
    "admin_areas": "admin", "admin_lines": "admin", "border_line": "borders",
    "borders": "borders", "download": "download", "read_layer": "layers",
    "save_layer": "layers", "saved_layers": "layers",
    **dict.fromkeys(("admin", "codifier", "layers")),
})

if TYPE_CHECKING:
    from .admin import admin_areas, admin_lines
    from .borders import border_line, borders
    from .download import download
    from .layers import read_layer, save_layer, saved_layers

__all__ = [
    "ADMIN1_WORDS",
    "ADMIN2_WORDS",
    "KIND_CODES",
    "MATCH_TYPES",
    "REGION_WORDS",
    "Gazetteer",
    "admin_areas",
    "admin_lines",
    "border_line",
    "borders",
    "country_code",
    "default",
    "download",
    "read_layer",
    "region_level",
    "reset_default",
    "save_layer",
    "saved_layers",
    "strip_region_words",
]
