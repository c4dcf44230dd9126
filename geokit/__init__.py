"""geokit: offline geocoding, geoparsing and mapping of conflict events.

Data flows one way: text -> mentions -> places -> events table -> maps / reports.
"""

from importlib.metadata import PackageNotFoundError, version

from ._config import options
from .errors import (
    DataMissingError,
    GeokitError,
    GeokitTypeError,
    GeokitValueError,
    InputFileError,
)
from .gazetteer import Gazetteer
from .geocode import candidates, geocode, geocode_many, reverse
from .models import Mention, Place

try:
    __version__ = version("geokit")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "DataMissingError",
    "Gazetteer",
    "GeokitError",
    "GeokitTypeError",
    "GeokitValueError",
    "InputFileError",
    "Mention",
    "Place",
    "candidates",
    "geocode",
    "geocode_many",
    "options",
    "reverse",
]
