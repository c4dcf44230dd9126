"""Opt-in online fallback geocoder (geopy), for names the offline gazetteer cannot place.

Nothing is sent anywhere unless the user asks: pass ``online=True`` to
:func:`geokit.geocode_many`, or set ``geokit.options.online = True``. Nominatim's usage policy
requires an identifying user agent (``geokit.options.user_agent``) and at most one request per
second; geokit enforces both with geopy's ``RateLimiter``, retries with growing waits, and caches
every answer (including "not found") in the user cache directory.

Examples
--------
>>> geokit.options.online = True                        # doctest: +SKIP
>>> geokit.options.user_agent = "my-project/1.0 (me@example.org)"  # doctest: +SKIP
>>> geokit.geocode_many(["Some tiny hamlet"], country="UA")  # doctest: +SKIP
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from .._config import options
from .._http import DiskCache
from ..errors import GeokitValueError
from ..models import Place

log = logging.getLogger(__name__)


@dataclass
class OnlineResult:
    """What one online query gave: a place, or a reason it did not."""

    place: Place | None
    reason: str = ""


class OnlineGeocoder:
    """Wrap any geopy geocoder with rate limiting, retries, timeouts and a disk cache.

    Parameters
    ----------
    geocoder : geopy geocoder instance, optional
        Defaults to ``geopy.geocoders.Nominatim`` with :data:`geokit.options.user_agent`.
    min_delay_seconds : float
        Minimum time between requests (Nominatim's policy is 1 s).
    max_retries : int
        Retries after a failed request (HTTP 429/5xx, timeouts), waiting longer each time.
    timeout : float
        Seconds to wait for one answer.
    cache : bool
        Keep answers in ``options.cache_dir / "online.sqlite"``.
    """

    def __init__(self, geocoder=None, *, min_delay_seconds: float = 1.0, max_retries: int = 2,
                 error_wait_seconds: float = 2.0, timeout: float = 10.0, cache: bool = True):
        if geocoder is None:
            if not options.user_agent:
                raise GeokitValueError(
                    "the online geocoder needs an identifying user agent (Nominatim's usage "
                    "policy): set geokit.options.user_agent = 'your-project/1.0 (contact)'")
            from geopy.geocoders import Nominatim

            geocoder = Nominatim(user_agent=options.user_agent, timeout=timeout)
        self.geocoder = geocoder
        self.name = type(geocoder).__name__
        self.timeout = timeout
        self.min_delay_seconds = min_delay_seconds
        self.max_retries = max_retries
        self.error_wait_seconds = error_wait_seconds
        self._cache = DiskCache(options.cache_dir / "online.sqlite") if cache else None
        self._limited = None

    def _call(self, query: str, country: str | None):
        from geopy.extra.rate_limiter import RateLimiter

        if self._limited is None:
            self._limited = RateLimiter(
                self.geocoder.geocode, min_delay_seconds=self.min_delay_seconds,
                max_retries=self.max_retries, error_wait_seconds=self.error_wait_seconds,
                swallow_exceptions=False)
        kwargs: dict[str, Any] = {"exactly_one": True, "timeout": self.timeout}
        if country and self.name == "Nominatim":
            kwargs["country_codes"] = country.lower()
        return self._limited(query, **kwargs)

    def lookup(self, query: str, country: str | None = None) -> OnlineResult:
        """Ask the online service once (or the cache); failures become a reason, not an error."""
        key = f"{self.name}\x1f{country or ''}\x1f{query}"
        if self._cache is not None:
            hit = self._cache.get(key)
            if hit is not None:
                return _result(hit, self.name, cached=True)
        try:
            loc = self._call(query, country)
        except Exception as exc:  # geopy raises many types; each becomes a per-row reason
            log.warning("online geocoder failed for %r: %s", query, exc)
            return OnlineResult(None, f"online geocoder failed: {type(exc).__name__}: {exc}")
        record = None if loc is None else {
            "address": loc.address, "lat": loc.latitude, "lon": loc.longitude,
            "raw": loc.raw if isinstance(loc.raw, dict) else {}}
        if self._cache is not None:
            self._cache.put(key, {"record": record})
        return _result({"record": record}, self.name, cached=False)


def _result(entry: dict, name: str, *, cached: bool) -> OnlineResult:
    rec = entry.get("record")
    if not rec:
        return OnlineResult(None, f"not found by the online geocoder ({name})")
    raw = rec.get("raw") or {}
    cc = str((raw.get("address") or {}).get("country_code", "")).upper()
    try:
        lat, lon = float(rec["lat"]), float(rec["lon"])
    except (TypeError, ValueError, KeyError):
        return OnlineResult(None, f"online geocoder ({name}) gave no usable coordinates")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return OnlineResult(None, f"online geocoder ({name}) gave coordinates out of range")
    place = Place(name=str(rec.get("address") or "").split(",")[0], lat=lat, lon=lon,
                  kind="populated_place", country_code=cc, score=0.5,
                  why=f"online geocoder {name}{' (cached)' if cached else ''}",
                  source=f"online:{name}", raw=raw)
    return OnlineResult(place)
