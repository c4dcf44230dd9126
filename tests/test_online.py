"""The opt-in online fallback against a local server on 127.0.0.1 that mimics Nominatim."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

import geokit
from geokit.errors import GeokitValueError
from geokit.geocoding.online import OnlineGeocoder

CALLS: list[str] = []


class FakeNominatim(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass

    def do_GET(self):
        q = parse_qs(urlparse(self.path).query).get("q", [""])[0]
        CALLS.append(q)
        if q == "Xqzwvslow":
            time.sleep(1.5)
        if q == "Xqzwv429":
            self.send_response(429)
            self.end_headers()
            return
        if q == "Xqzwv500":
            self.send_response(500)
            self.end_headers()
            return
        body = b"[{not json"
        if q == "Xqzwv Hamlet":
            body = json.dumps([{"lat": "50.95", "lon": "34.85",
                                "display_name": "Xqzwv Hamlet, Sumy Oblast, Ukraine",
                                "address": {"country_code": "ua"}}]).encode()
        elif q == "Xqzwvnone":
            body = b"[]"
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeNominatim)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture
def online(server, tmp_path, monkeypatch):
    from geopy.geocoders import Nominatim

    monkeypatch.setattr(geokit.options, "cache_dir", tmp_path / "cache")
    geocoder = Nominatim(user_agent="geokit-tests", domain=server, scheme="http")
    return OnlineGeocoder(geocoder, min_delay_seconds=0, max_retries=1,
                          error_wait_seconds=0.01, timeout=0.5)


def test_failures_are_recorded_per_row_and_nothing_is_lost(online):
    names = ["Sumy", "Xqzwv Hamlet", "Xqzwvnone", "Xqzwv429", "Xqzwv500", "Xqzwvslow",
             "Xqzwvgarbled", None]
    df = geokit.geocode_many(names, online=online)
    assert len(df) == len(names)
    by = dict(zip(df["query"].astype(str), df.to_dict("records"), strict=True))
    assert by["Sumy"]["source"] == "geonames"  # offline answers never go online
    assert "Sumy" not in CALLS
    assert by["Xqzwv Hamlet"]["status"] == "resolved"
    assert by["Xqzwv Hamlet"]["source"] == "online:Nominatim"
    assert by["Xqzwv Hamlet"]["country_code"] == "UA"
    assert "not found" in by["Xqzwvnone"]["reason"]
    for name in ("Xqzwv429", "Xqzwv500", "Xqzwvslow", "Xqzwvgarbled"):
        assert by[name]["status"] == "unresolved"
        assert "online geocoder failed" in by[name]["reason"], name
    assert df["status"].iloc[-1] == "unresolved"


def test_answers_are_cached_on_disk(online):
    geokit.geocode_many(["Xqzwv Hamlet"], online=online)
    before = CALLS.count("Xqzwv Hamlet")
    df = geokit.geocode_many(["Xqzwv Hamlet"], online=online)
    assert CALLS.count("Xqzwv Hamlet") == before
    assert df.loc[0, "status"] == "resolved"
    assert (geokit.options.cache_dir / "online.sqlite").exists()


def test_online_is_off_by_default_and_needs_a_user_agent(monkeypatch):
    n = len(CALLS)
    df = geokit.geocode_many(["Xqzwvnone Offline"])
    assert df.loc[0, "status"] == "unresolved" and len(CALLS) == n
    monkeypatch.setattr(geokit.options, "user_agent", None)
    with pytest.raises(GeokitValueError, match="user agent"):
        OnlineGeocoder()
