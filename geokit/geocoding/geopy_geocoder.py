"""A geopy-compatible geocoder backed by the offline gazetteer.

Works wherever geopy geocoders do::

    import geopandas
    from geokit.geocoding.geopy_geocoder import GeokitGeocoder
    geopandas.tools.geocode(["Sudzha", "Sumy"], provider=GeokitGeocoder)

    from geopy.extra.rate_limiter import RateLimiter
    geocode = RateLimiter(GeokitGeocoder().geocode, min_delay_seconds=0)
"""

from __future__ import annotations

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from ..models import Place
from ._geocode import candidates, reverse

__all__ = ["GeokitGeocoder"]


def _location(place: Place) -> Location:
    parts = [place.name, place.admin2, place.admin1, place.country_code]
    address = ", ".join(p for p in parts if p)
    return Location(address, (place.lat, place.lon, 0.0), place.to_dict())


class GeokitGeocoder(Geocoder):
    """geopy ``Geocoder`` answering from geokit's bundled gazetteer (no network).

    Parameters
    ----------
    gazetteer : geokit.Gazetteer, optional
        A gazetteer with user layers; the default one otherwise.
    **hints
        Default hints (``country=``, ``admin1=``...) applied to every query.
    """

    def __init__(self, gazetteer=None, **hints):
        super().__init__(scheme="https", timeout=1, proxies=None, user_agent="geokit-offline")
        self.gazetteer = gazetteer
        self.hints = hints

    def geocode(self, query, *, exactly_one=True, timeout=None, limit=None, **hints):
        """Return a ``geopy.Location`` (or a list with ``exactly_one=False``), None if unknown.

        The raw record of the gazetteer is in ``Location.raw``.
        """
        opts = {**self.hints, **hints}
        found = candidates(query, limit=1 if exactly_one else (limit or 10),
                           gazetteer=self.gazetteer, **opts) if isinstance(query, str) else []
        if not found:
            return None
        locs = [_location(p) for p in found]
        return locs[0] if exactly_one else locs

    def reverse(self, query, *, exactly_one=True, timeout=None, **kwargs):
        """Nearest settlement to ``query`` (``"lat, lon"``, a pair or a geopy ``Point``)."""
        from geopy.point import Point

        pt = Point(query)
        loc = _location(reverse(pt.latitude, pt.longitude, gazetteer=self.gazetteer))
        return loc if exactly_one else [loc]
