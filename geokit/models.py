"""Immutable result objects shared by every stage of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
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

    def _repr_html_(self) -> str:
        """A small table for Jupyter; every value is HTML-escaped."""
        where = ", ".join(x for x in (self.admin2, self.admin1, self.country_code) if x)
        rows = [("kind", self.kind.replace("_", " ")), ("where", where),
                ("lat, lon", f"{self.lat:.5f}, {self.lon:.5f}"),
                ("population", f"{self.population:,}" if self.population else ""),
                ("score", f"{self.score:.2f}"), ("why", self.why),
                ("source", self.source), ("precision", self.precision),
                ("GeoNames id", "" if self.geonameid is None else str(self.geonameid))]
        return _html_card(f"Place: {self.name}", [(k, v) for k, v in rows if v])

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

    def _repr_html_(self) -> str:
        """A small table for Jupyter; every value is HTML-escaped."""
        p = self.place
        rows = [("offsets", f"{self.start}-{self.end}"), ("confidence", f"{self.confidence:.2f}"),
                ("place", _place_line(p) if p else "unresolved")]
        rows += [("alternative", _place_line(a)) for a in self.alternatives[:5]]
        return _html_card(f"Mention: {self.text}", rows)

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


class Results(list):
    """A list of :class:`Place` or :class:`Mention` that shows as one table in Jupyter.

    It is an ordinary ``list`` in every other way (``candidates`` and ``extract_places``
    return one).
    """

    __slots__ = ()

    def _repr_html_(self) -> str:
        if not self:
            return "<p><em>no results</em></p>"
        if all(isinstance(x, Mention) for x in self):
            head = ("text", "offsets", "place", "kind", "where", "lat, lon", "confidence")
            body = [(m.text, f"{m.start}-{m.end}", *_place_cells(m.place),
                     f"{m.confidence:.2f}") for m in self]
        elif all(isinstance(x, Place) for x in self):
            head = ("name", "kind", "where", "lat, lon", "score", "why")
            body = [(p.name, *_place_cells(p)[1:], f"{p.score:.2f}", p.why) for p in self]
        else:
            return "<pre>" + escape(repr(list(self))) + "</pre>"
        th = "".join(f"<th>{escape(h)}</th>" for h in head)
        trs = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>"
                      for row in body)
        return (f'<table class="geokit-results"><thead><tr>{th}</tr></thead>'
                f"<tbody>{trs}</tbody></table>")


def _place_cells(p: Place | None) -> tuple[str, str, str, str]:
    if p is None:
        return ("unresolved", "", "", "")
    where = ", ".join(x for x in (p.admin1, p.country_code) if x)
    return (p.name, p.kind.replace("_", " "), where, f"{p.lat:.4f}, {p.lon:.4f}")


def _place_line(p: Place) -> str:
    name, kind, where, point = _place_cells(p)
    return f"{name} ({kind}{', ' + where if where else ''}) {point}, score {p.score:.2f}"


def _html_card(title: str, rows: list[tuple[str, str]]) -> str:
    trs = "".join(f'<tr><th style="text-align:left">{escape(k)}</th><td style="text-align:left">'
                  f"{escape(str(v))}</td></tr>" for k, v in rows)
    return (f'<table class="geokit-card"><thead><tr><th colspan="2" style="text-align:left">'
            f"{escape(title)}</th></tr></thead><tbody>{trs}</tbody></table>")
