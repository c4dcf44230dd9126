"""The conflict stage: front-line snapshots, territory change, events against the front,
evacuation zones.

Examples
--------
>>> from geokit.conflict import border_line
>>> border_line("UA-RU").is_empty
False
"""

from .attach import CONTROL_VALUES, FRONT_COLUMNS, FRONT_REASONS, Fronts, attach_frontline
from .evacuation import EvacuationZone, evacuation_zone, read_settlements
from .frontline import (
    DATE_COLUMNS,
    SNAPSHOT_SUFFIXES,
    border_line,
    borders,
    front_line,
    frontline_from_places,
    read_snapshots,
    territory_change,
)
from .territory import territory_series

__all__ = [
    "CONTROL_VALUES",
    "DATE_COLUMNS",
    "FRONT_COLUMNS",
    "FRONT_REASONS",
    "Fronts",
    "SNAPSHOT_SUFFIXES",
    "EvacuationZone",
    "attach_frontline",
    "border_line",
    "borders",
    "evacuation_zone",
    "front_line",
    "frontline_from_places",
    "read_settlements",
    "read_snapshots",
    "territory_change",
    "territory_series",
]
