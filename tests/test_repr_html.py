"""What Jupyter shows: readable, escaped HTML for places, mentions, result tables and maps."""

from __future__ import annotations

import geopandas as gpd
import pytest
from shapely.geometry import Point

import geokit
from geokit import maps
from geokit.models import Mention, Place, Results

HOSTILE = '<img src=x onerror="window.__pwned=1"></td></table><script>window.__pwned=2</script>'


def _clean(html: str) -> bool:
    return "<script" not in html and "<img" not in html and "&lt;img" in html


def test_place_and_mention_cards_escape_every_value():
    p = Place(HOSTILE, 50.9, 34.8, admin1=HOSTILE, why=HOSTILE, population=12345)
    card = p._repr_html_()
    assert _clean(card) and "12,345" in card and "50.90000, 34.80000" in card
    m = Mention(0, 5, HOSTILE, p, 0.8, (p,))
    assert _clean(m._repr_html_()) and "0.80" in m._repr_html_()
    assert "unresolved" in Mention(0, 1, "x")._repr_html_()


def test_result_lists_show_as_tables_and_stay_lists():
    ms = geokit.extract_places("Shelling hit Sumy and Kharkiv overnight.")
    assert isinstance(ms, Results) and isinstance(ms, list)
    table = ms._repr_html_()
    assert table.count("<tr>") == len(ms) + 1 and "Kharkiv" in table
    cands = geokit.candidates("Ivanivka", limit=3)
    assert isinstance(cands, Results) and cands._repr_html_().count("<tr>") == 4
    assert _clean(Results([Place(HOSTILE, 1.0, 2.0)])._repr_html_())
    assert _clean(Results([Mention(0, 1, HOSTILE)])._repr_html_())
    assert "no results" in Results()._repr_html_()


def test_geocoded_tables_escape_names():
    res = geokit.geocode_many(["Sumy", HOSTILE])
    html = res._repr_html_()
    assert "<img" not in html and "&lt;img" in html and "Sumy" in html


def _events():
    return gpd.GeoDataFrame(
        {
            "event_date": ["2025-03-01", "2025-03-02"],
            "event_type": ["Battles", "Protests"],
            "notes": [HOSTILE, "x"],
        },
        geometry=[Point(35.27, 51.19), Point(34.8, 50.9)],
        crs=4326,
    )


def test_offline_maps_display_inline_without_remote_files():
    html = maps.event_map(_events(), offline=True)._repr_html_()
    assert html.startswith("<div") and "<iframe srcdoc=" in html
    assert "<script" not in html  # the whole page sits escaped inside the attribute
    online = maps.event_map(_events())._repr_html_()
    assert "iframe" in online  # folium's own display for online maps


@pytest.mark.browser
def test_offline_map_repr_renders_in_chromium(tmp_path):
    pytest.importorskip("playwright")
    from geokit._browser import chromium_page, chromium_path

    try:
        chromium_path()
    except FileNotFoundError:
        pytest.skip("Chromium not installed (make test installs it)")
    cell = maps.event_map(_events(), offline=True)._repr_html_()
    page_file = tmp_path / "notebook.html"
    page_file.write_text(f"<!doctype html><html><body>{cell}</body></html>", encoding="utf-8")
    remote: list[str] = []
    with chromium_page() as page:
        page.route(
            "**/*",
            lambda r: (
                r.continue_()
                if r.request.url.startswith(("file:", "data:", "about:", "blob:"))
                else (remote.append(r.request.url), r.abort())
            ),
        )
        page.goto(page_file.as_uri())
        frame = page.frames[-1]
        frame.wait_for_function(
            "window.geokitReady !== false && typeof L === 'object'", timeout=20_000
        )
        assert frame.evaluate("window.geokitDrawn || 0") == 2
        assert frame.evaluate("window.__pwned") is None
    assert not remote, remote
