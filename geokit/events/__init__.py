"""The events stage: operations on events tables (any pandas, geopandas or dask table).

The table's columns, dtypes, :func:`conform` and :func:`validate_events` are defined one stage
lower in :mod:`geokit.schema` and re-exported here. Importing this package registers the
``df.geokit`` accessor (:class:`~geokit.events.accessor.EventsAccessor`).

Examples
--------
>>> import geokit.events as ev
>>> ev.validate_events(ev.empty_events()).empty
True
"""

from .._geo import CRS, points_from_latlon
from ..schema import (
    DATE_PRECISIONS,
    EVENT_COLUMNS,
    EVENT_DTYPES,
    LOC_PRECISIONS,
    STATUS_COLUMNS,
    conform,
    empty_events,
    validate_events,
)
from ._geocode import GEOCODE_STATUSES
from ._spatial import ADMIN_COLUMNS, ADMIN_STATUSES
from ._tables import (
    ADMIN_METHODS,
    assign_admin,
    count_events,
    distance_to_border_km,
    distance_to_km,
    geocode_events,
)
from .accessor import EventsAccessor

__all__ = [
    "ADMIN_COLUMNS",
    "ADMIN_METHODS",
    "ADMIN_STATUSES",
    "CRS",
    "DATE_PRECISIONS",
    "EVENT_COLUMNS",
    "EVENT_DTYPES",
    "GEOCODE_STATUSES",
    "LOC_PRECISIONS",
    "STATUS_COLUMNS",
    "EventsAccessor",
    "assign_admin",
    "conform",
    "count_events",
    "distance_to_border_km",
    "distance_to_km",
    "empty_events",
    "geocode_events",
    "points_from_latlon",
    "validate_events",
]
