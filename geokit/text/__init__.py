"""The text stage: news text -> place mentions -> places -> an events table.

Examples
--------
>>> from geokit.text import extract_places
>>> [m.place.name for m in extract_places("Shelling hit Sudzha in Kursk Oblast.")][:1]
['Sudzha']
"""

from .events import EVENT_RULES, TEXT_EVENT_COLUMNS, extract_events
from .places import extract_places, resolve_spans

__all__ = ["EVENT_RULES", "TEXT_EVENT_COLUMNS", "extract_events", "extract_places",
           "resolve_spans"]
