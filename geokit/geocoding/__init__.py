"""The geocoding stage: names -> places.

:func:`geocode`, :func:`candidates`, :func:`geocode_many` and :func:`reverse` rank gazetteer
records; :mod:`geokit.geocoding.online` is the opt-in online fallback and
:mod:`geokit.geocoding.geopy_geocoder` offers the same lookups as a geopy geocoder class.

Examples
--------
>>> from geokit.geocoding import geocode
>>> geocode("Sudzha, Kursk Oblast").country_code
'RU'
"""

from ..gazetteer._store import register_geocoder
from ._geocode import GEOCODE_COLUMNS, STATUSES, candidates, geocode, geocode_many, reverse
from .online import OnlineGeocoder

register_geocoder(geocode=geocode, candidates=candidates, geocode_many=geocode_many,
                  reverse=reverse)

__all__ = [
    "GEOCODE_COLUMNS",
    "STATUSES",
    "OnlineGeocoder",
    "candidates",
    "geocode",
    "geocode_many",
    "reverse",
]
