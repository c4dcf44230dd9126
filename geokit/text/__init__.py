"""The text stage: news text -> place mentions -> places -> an events table.

Examples
--------
>>> from geokit.text import extract_places
>>> [m.place.name for m in extract_places("Shelling hit Sudzha in Kursk Oblast.")][:1]
['Sudzha']
"""

from typing import TYPE_CHECKING

from .. import _lazy
from .places import extract_places, resolve_spans

# the events table needs pandas: loaded on first use
__getattr__, __dir__ = _lazy.attach(__name__, {
    "EVENT_RULES": "events", "TEXT_EVENT_COLUMNS": "events", "extract_events": "events",
    "events": None,
})

if TYPE_CHECKING:
    from .events import EVENT_RULES, TEXT_EVENT_COLUMNS, extract_events

__all__ = ["EVENT_RULES", "TEXT_EVENT_COLUMNS", "extract_events", "extract_places",
           "resolve_spans"]
