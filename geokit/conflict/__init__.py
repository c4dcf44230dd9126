"""The conflict stage: front-line snapshots, territory change, evacuation zones.

Examples
--------
>>> from geokit.conflict import border_line
>>> border_line("UA-RU").is_empty
False
"""

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

__all__ = [
    "DATE_COLUMNS",
    "SNAPSHOT_SUFFIXES",
    "EvacuationZone",
    "border_line",
    "borders",
    "evacuation_zone",
    "front_line",
    "frontline_from_places",
    "read_settlements",
    "read_snapshots",
    "territory_change",
]
