"""Immutable result objects shared by every stage of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Kinds of place, from most to least specific ("continent" and "world_region", such as the
#: Middle East, only come from text extraction).
KINDS = ("populated_place", "admin2", "admin1", "country", "world_region", "continent")
#: Kinds that name an area rather than a settlement (a match that places a name only there).
AREA_KINDS = KINDS[1:]


@dataclass(frozen=True, slots=True)
class Place:
    """A place from the gazetteer (or a user layer), with how well it matched a query.

    Attributes
    ----------
    name : str
        Preferred English/Latin name.
    lat, lon : float
        WGS84 coordinates (degrees). For a country or first-level region this is its one
        reference point (see :mod:`geokit.gazetteer._points`), the same from every function.
        :attr:`geometry` gives the point in shapely's ``(x, y) = (lon, lat)`` order.
    kind : str
        One of :data:`KINDS`:

        * ``populated_place`` — a city, town or village (also every online-geocoder result);
        * ``admin2`` — a second-level division (raion, district, county);
        * ``admin1`` — a first-level division (oblast, region, state, province);
        * ``country`` — a country;
        * ``world_region`` — a named group of countries ("Middle East", "Sahel"), placed at
          the mean of its countries' points; only from :func:`geokit.extract_places`;
        * ``continent`` — a continent, at GeoNames' point for it; only from
          :func:`geokit.extract_places`.
    country_code : str
        ISO 3166-1 alpha-2 code ("" when unknown).
    admin1, admin2 : str
        Names of the first- and second-level divisions containing the place ("" when unknown).
    geonameid : int or None
        GeoNames identifier (None for user-layer places without one).
    population : int
        GeoNames population (0 when unknown).
    score : float
        Confidence in [0, 1] that this is the place the query meant.
    why : str
        Short human-readable explanation of the match and ranking.
    source : str
        Which layer the record came from ("geonames", a user layer name, "online:<geocoder>").
    precision : str
        What the point stands for: ``settlement`` (the place's own point), ``hromada`` or
        ``raion`` (a Ukrainian settlement known from the official codifier, placed at the centre
        of its hromada or raion), ``admin2``/``admin1``/``country`` (the area's reference point).
        "" when not known (online answers, hand-made places).
    raw : dict
        The underlying record, for provenance.
    """

    name: str
    lat: float
    lon: float
    kind: str = "populated_place"
    country_code: str = ""
    admin1: str = ""
    admin2: str = ""
    geonameid: int | None = None
    population: int = 0
    score: float = 0.0
    why: str = ""
    source: str = "geonames"
    precision: str = ""
    raw: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def point(self) -> tuple[float, float]:
        """``(lat, lon)`` pair, in the order people write coordinates (not shapely's)."""
        return (self.lat, self.lon)

    @property
    def geometry(self):
        """The place as a ``shapely.Point`` in shapely/GeoJSON order: ``x = lon``, ``y = lat``.

        Examples
        --------
        >>> Place("Sumy", lat=50.9, lon=34.8).geometry.coords[0]
        (34.8, 50.9)
        """
        from shapely.geometry import Point

        return Point(self.lon, self.lat)

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        """GeoJSON Feature (``coordinates`` are ``[lon, lat]``), so geopandas, folium and
        shapely's ``shape()`` accept a Place directly."""
        return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [self.lon,
                                                                               self.lat]},
                "properties": self.to_dict()}

    def to_dict(self) -> dict[str, Any]:
        """Plain-dict form without ``raw`` (for tables and JSON)."""
        return {
            "name": self.name,
            "lat": self.lat,
            "lon": self.lon,
            "kind": self.kind,
            "country_code": self.country_code,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "geonameid": self.geonameid,
            "population": self.population,
            "score": self.score,
            "why": self.why,
            "source": self.source,
            "precision": self.precision,
        }


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in text.

    ``start``/``end`` are character offsets into the input, so ``text == input[start:end]``.
    """

    start: int
    end: int
    text: str
    place: Place | None = None
    confidence: float = 0.0
    alternatives: tuple[Place, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "confidence": self.confidence,
        }
        d["place"] = self.place.to_dict() if self.place else None
        d["alternatives"] = [p.to_dict() for p in self.alternatives]
        return d
