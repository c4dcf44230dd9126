"""Maps, opened for real in headless Chromium."""

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point, box

from geokit import maps

HOSTILE = ('<img src=x onerror="window.__pwned=1">"\'`${window.__pwned=2}`'
           '</script><script>window.__pwned=3</script>')


@pytest.fixture
def events():
    n = 30
    return gpd.GeoDataFrame({
        "event_date": pd.date_range("2025-03-01", periods=n, freq="D"),
        "event_type": ["Battles", "Explosions/Remote violence", HOSTILE] * 10,
        "actor1": "Military Forces of Russia", "actor2": HOSTILE, "location": HOSTILE,
        "loc_precision": "exact", "source": HOSTILE, "notes": HOSTILE,
    }, geometry=[Point(35.0 + i * 0.01, 51.0) for i in range(n)], crs=4326)


@pytest.fixture
def snapshots(tmp_path):
    folder = tmp_path / "snaps"
    folder.mkdir()
    for day, w in (("20250301", 0.5), ("20250315", 0.4), ("20250401", 0.2)):
        # a self-intersecting bow-tie in one file checks the repair step
        geom = box(35.0, 51.0, 35.0 + w, 51.4)
        gpd.GeoDataFrame(geometry=[geom], crs=4326).to_file(folder / f"{day}.geojson")
    return folder


def test_offline_html_has_no_remote_files(events, tmp_path):
    out = maps.save_html(maps.event_map(events), tmp_path / "m.html", offline=True)
    text = out.read_text(encoding="utf-8")
    import re

    assert not re.search(r'<(script|link|img)[^>]+(src|href)="https?:', text)
    assert "tile.openstreetmap" not in text
    assert HOSTILE not in text  # the raw payload never appears unescaped


def test_source_text_is_never_run_as_a_template(events):
    events["notes"] = "{{ 7*7 }} {% if true %}yes{% endif %}"
    for mode in ("markers", "markercluster"):
        page = maps.to_html(maps.event_map(events, mode=mode), offline=True)
        assert "{{ 7*7 }} {% if true %}yes{% endif %}" in page


def test_frontline_compare_areas(snapshots):
    m = maps.frontline_map(snapshots, compare=("2025-03-01", "2025-04-01"))
    html = m.get_root().render()
    assert "km²" in html and "2025-03-01" in html


def _open(page_path):
    from geokit._browser import chromium_page, chromium_path

    try:
        chromium_path()
    except FileNotFoundError:
        pytest.skip("Chromium not installed (make test installs it)")
    return chromium_page()


def _load(page, path):
    state = {"dialogs": [], "errors": [], "remote": []}
    page.on("dialog", lambda d: (state["dialogs"].append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: state["errors"].append(str(e)))
    page.on("console", lambda m: state["errors"].append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: None if r.url.startswith(("file:", "data:", "about:"))
            else state["remote"].append(r.url))
    page.goto(path.as_uri())
    _settle(page)
    return state


def _settle(page):
    """Wait until no map is zooming or panning. Leaflet starts an animation on the next frame
    and ends it by a 250 ms timer (late on a busy machine), and a ``setView`` made meanwhile is
    ignored; so two frames are let pass first, then the animation classes must be gone."""
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    page.wait_for_function("!document.querySelector('.leaflet-zoom-anim, .leaflet-pan-anim')",
                           timeout=20_000)


def _count_moves(page, name):
    """Count the ``moveend`` events of map ``name`` from now on, in ``window.__moves``."""
    page.evaluate(f"window.__moves = 0; {name}.on('moveend', () => window.__moves++)")


def _many_events(n: int) -> gpd.GeoDataFrame:
    """``n`` dated events of three types on a grid (enough to trigger clustering)."""
    side = int(n**0.5) + 1
    return gpd.GeoDataFrame({
        "event_date": pd.Timestamp("2025-01-01") + pd.to_timedelta([i % 60 for i in range(n)],
                                                                   "D"),
        "event_type": [("Battles", "Shelling", HOSTILE)[i % 3] for i in range(n)],
        "location": HOSTILE, "notes": HOSTILE,
    }, geometry=gpd.points_from_xy([34.0 + (i % side) * 0.02 for i in range(n)],
                                   [49.0 + (i // side) * 0.02 for i in range(n)]), crs=4326)


def test_auto_mode_switches_to_clusters_above_the_limit():
    small = maps.event_map(_many_events(50), mode="auto").get_root().render()
    big = maps.event_map(_many_events(maps.AUTO_MARKER_LIMIT + 1)).get_root().render()
    assert '"mode":"markers"' in small and "leaflet.markercluster.js" not in small
    assert '"mode":"cluster"' in big
    plugin = maps.event_map(_many_events(50), mode="markercluster").get_root().render()
    assert "leaflet.markercluster@1.5.3/dist/leaflet.markercluster.js" in plugin  # pinned
    heat = maps.event_map(_many_events(50), mode="heatmap").get_root().render()
    assert "leaflet.heat@0.2.0/dist/leaflet-heat.js" in heat
    with pytest.raises(ValueError, match="not one of auto, markers, cluster, markercluster"):
        maps.event_map(_many_events(5), mode="dots")


def test_offline_basemap_is_clipped_to_the_map():
    from geokit.maps._basemap import basemap_data

    near = basemap_data((50.0, 35.0, 51.0, 36.0), offline=True)
    labels = near["labels"]
    assert labels["name"] and labels["z"] == sorted(labels["z"])
    assert all(49.0 <= la <= 52.0 for la in labels["lat"])
    assert all(34.0 <= lo <= 37.0 for lo in labels["lon"])
    big_first = labels["name"][: labels["z"].count(min(labels["z"]))]
    assert "Kharkiv" in big_first or "Sumy" in big_first  # big places get the first zooms
    assert near["admin1"]["type"] in ("LineString", "MultiLineString")  # oblast lines
    assert "labels" not in basemap_data((50.0, 35.0, 51.0, 36.0), offline=False)


@pytest.mark.browser
def test_every_map_kind_renders_offline_in_chromium(events, snapshots, tmp_path):
    pytest.importorskip("playwright")
    many = _many_events(3000)
    built = {
        "events": (maps.event_map(events), len(events), 0, "markers"),
        "cluster": (maps.event_map(many, mode="cluster"), len(many), 0, "cluster"),
        "markercluster": (maps.event_map(many, mode="markercluster"), len(many), 0,
                          "markercluster"),
        "heatmap": (maps.event_map(many, mode="heatmap"), len(many), 0, "heatmap"),
        "frontline": (maps.frontline_map(snapshots, events=events), len(events), 3, "markers"),
        "evacuation": (maps.evacuation_map(["Krasnopillia", "Yunakivka", "Myropillia"]), 0, 0,
                       None),
    }
    for name, (m, drawn, snaps, mode) in built.items():
        path = maps.save_html(m, tmp_path / f"{name}.html", offline=True)
        with _open(path) as page:
            state = _load(page, path)
            page.wait_for_function("window.geokitReady !== false", timeout=20_000)
            assert page.evaluate("typeof L") == "object", name
            assert page.evaluate("window.geokitDrawn || 0") == drawn, name
            assert page.evaluate("window.geokitMode || null") == mode, name
            assert page.evaluate("window.geokitSnapshotCount || 0") == snaps, name
            assert page.evaluate("window.geokitLabelsDrawn || 0") > 0, name  # offline basemap
            assert page.locator(".geokit-legend").count() >= 1, name
            assert page.locator(".leaflet-control-scale").count() == 1, name
            if mode in ("markers", "cluster"):
                assert page.evaluate("geokitEventLayer.visibleCount") == drawn
            if mode == "cluster":  # numbered circles whose counts add up with the lone points
                assert page.evaluate("""geokitEventLayer.clusters.length > 0 &&
                    geokitEventLayer.clusters.reduce((a, c) => a + c.n, 0) +
                    Array.from(geokitEventLayer._px).filter(x => !isNaN(x)).length""") == drawn
            if mode == "markercluster":
                page.wait_for_function("window.geokitReady === true", timeout=20_000)
                assert page.evaluate("geokitEventLayer.getLayers().length") == drawn
                assert page.locator(".marker-cluster").count() > 0
            if mode == "heatmap":
                assert page.evaluate("geokitEventLayer._latlngs.length") == drawn
                assert page.locator("canvas.leaflet-heatmap-layer").count() == 1
            if name == "evacuation":  # one circle per placed settlement
                assert page.evaluate("""(() => { let n = 0; Object.values(window).forEach(v => {
                    if (v instanceof L.Map) v.eachLayer(l => {
                        if (l instanceof L.CircleMarker) n++; }); }); return n; })()""") == 3
            assert not state["errors"] and not state["dialogs"] and not state["remote"], state
            assert page.evaluate("window.__pwned") is None


@pytest.mark.browser
@pytest.mark.parametrize("mode", ["cluster", "markercluster", "heatmap", "markers"])
def test_time_slider_and_layer_switches_filter_every_mode(mode, tmp_path):
    pytest.importorskip("playwright")
    many = _many_events(900)  # 60 days, three types
    path = maps.save_html(maps.event_map(many, mode=mode), tmp_path / "m.html", offline=True)
    count = {"markercluster": "geokitEventLayer.getLayers().length",
             "heatmap": "geokitEventLayer._latlngs.length"}.get(mode,
                                                                "geokitEventLayer.visibleCount")
    with _open(path) as page:
        state = _load(page, path)
        page.wait_for_function("window.geokitReady === true", timeout=20_000)
        assert page.evaluate(count) == 900
        page.evaluate("""(() => { const i = document.querySelector('.geokit-timeslider input');
            i.value = 9; i.dispatchEvent(new Event('input')); })()""")  # first ten days
        page.wait_for_function("window.geokitReady === true", timeout=20_000)
        assert page.evaluate(count) == 150
        # switch off the first category in the layer control
        page.evaluate("document.querySelector('.leaflet-control-layers-overlays input').click()")
        page.wait_for_function("window.geokitReady === true", timeout=20_000)
        first_ten = many[many["event_date"] < "2025-01-11"]
        hidden = sorted(many["event_type"].unique())[0]
        assert page.evaluate(count) == (first_ten["event_type"] != hidden).sum()
        assert not state["errors"] and not state["remote"], state


@pytest.mark.browser
def test_hostile_text_is_shown_as_text(events, tmp_path):
    pytest.importorskip("playwright")
    path = maps.save_html(maps.event_map(events), tmp_path / "m.html", offline=True)
    with _open(path) as page:
        state = _load(page, path)
        legend = page.inner_text(".geokit-legend")
        assert HOSTILE in legend  # category shown verbatim, as text
        # click the first event: its popup shows the payload as text and nothing runs
        name = page.evaluate("Object.keys(window).find(k => k.startsWith('map_'))")
        x, y = page.evaluate(f"""(() => {{ const p = {name}.latLngToContainerPoint([51.0, 35.0]);
            const r = document.getElementById('{name}').getBoundingClientRect();
            return [p.x + r.left, p.y + r.top]; }})()""")
        page.mouse.move(x, y)
        page.mouse.click(x, y)
        page.wait_for_timeout(200)
        assert HOSTILE in page.inner_text(".leaflet-popup-content")
        assert page.evaluate("window.__pwned") is None
        assert not state["dialogs"]


@pytest.mark.browser
def test_clusters_zoom_in_on_click_and_single_events_show_text(tmp_path):
    pytest.importorskip("playwright")
    many = _many_events(900)
    path = maps.save_html(maps.event_map(many, mode="cluster"), tmp_path / "c.html", offline=True)
    with _open(path) as page:
        state = _load(page, path)
        name = page.evaluate("Object.keys(window).find(k => k.startsWith('map_'))")
        box = page.evaluate(f"document.getElementById('{name}').getBoundingClientRect().toJSON()")
        zoom = page.evaluate(f"{name}.getZoom()")
        cluster = page.evaluate("geokitEventLayer.clusters[0]")
        _count_moves(page, name)
        page.mouse.click(box["x"] + cluster["x"], box["y"] + cluster["y"])
        # the zoom is animated: wait for its end (a setView before it would be ignored)
        page.wait_for_function("window.__moves > 0", timeout=20_000)
        assert page.evaluate(f"{name}.getZoom()") == zoom + 2
        # from zoom 13 on every event is drawn alone and opens its popup
        lat, lon = many.geometry.y.iloc[0], many.geometry.x.iloc[0]
        page.evaluate(f"{name}.setView([{lat}, {lon}], 14, {{animate: false}})")  # redraws now
        assert page.evaluate(f"{name}.getZoom()") == 14
        assert page.evaluate("geokitEventLayer.clusters.length") == 0
        x, y = page.evaluate(f"(() => {{ const p = {name}.latLngToContainerPoint([{lat}, {lon}]);"
                             " return [p.x, p.y]; })()")
        page.mouse.click(box["x"] + x, box["y"] + y)
        page.wait_for_selector(".leaflet-popup-content", timeout=20_000)
        assert HOSTILE in page.inner_text(".leaflet-popup-content")
        assert page.evaluate("window.__pwned") is None
        assert not state["errors"] and not state["dialogs"] and not state["remote"], state


@pytest.mark.browser
def test_save_png(events, tmp_path):
    pytest.importorskip("playwright")
    with _open(tmp_path):
        pass
    png = maps.save_png(maps.event_map(events), tmp_path / "m.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.browser
def test_front_line_described_in_words(snapshots, tmp_path):
    pytest.importorskip("playwright")
    from geokit.errors import GeokitValueError

    words = ["Tetkino", "Glushkovo", "Nowhere-on-the-map", "Sudzha"]
    m = maps.frontline_map(described=words)
    table = m._geokit_described
    assert list(table["query"]) == words and table["on_line"].sum() == 3  # nothing dropped
    both = maps.frontline_map(snapshots, described=words)
    for name, built in (("words", m), ("both", both)):
        path = maps.save_html(built, tmp_path / f"{name}.html", offline=True)
        with _open(path) as page:
            state = _load(page, path)
            assert page.evaluate("""(() => { let n = 0; Object.values(window).forEach(v => {
                if (v instanceof L.Map) v.eachLayer(l => {
                    if (l instanceof L.Polyline && !(l instanceof L.Polygon) &&
                        l.options.dashArray === '8 6') n++; }); }); return n; })()""") == 1
            assert "Nowhere-on-the-map" in page.inner_text("body")  # listed as not placed
            assert not state["errors"] and not state["remote"], state
    with pytest.raises(GeokitValueError, match="fewer than two"):
        maps.frontline_map(described=["Sudzha", "Nowhere-on-the-map"])


def test_approximate_points_are_marked_in_data_and_legend(events):
    events = events.copy()
    events["loc_precision"] = ["exact", "near", "admin1"] * 10
    html = maps.to_html(maps.event_map(events, mode="markers"))
    assert '"approx":[0,1,1' in html
    assert "dashed ring: approximate point (20 events" in html
    exact_only = maps.to_html(maps.event_map(events.assign(loc_precision="exact")))
    assert '"approx":[' not in exact_only and "dashed ring: approximate" not in exact_only


@pytest.mark.browser
def test_approximate_points_are_drawn_hollow(events, tmp_path):
    pytest.importorskip("playwright")
    events = events.copy()
    events["geocode_status"] = ["resolved", "approximate", "ambiguous"] * 10
    path = maps.save_html(maps.event_map(events, mode="markers"), tmp_path / "a.html",
                          offline=True)
    with _open(path) as page:
        state = _load(page, path)
        name = page.evaluate("Object.keys(window).find(k => k.startsWith('map_'))")
        page.evaluate(f"{name}.setView([51.0, 35.1], 13, {{animate: false}})")
        page.wait_for_timeout(200)

        def centre_alpha(i):
            lon = 35.0 + i * 0.01
            return page.evaluate(f"""(() => {{
                const p = {name}.latLngToContainerPoint([51.0, {lon}]);
                const c = document.querySelector('canvas.geokit-points');
                const d = window.devicePixelRatio || 1;
                return c.getContext('2d').getImageData(Math.round(p.x * d),
                                                       Math.round(p.y * d), 1, 1).data[3]; }})()""")

        assert centre_alpha(9) > 0  # resolved: a filled disc
        assert centre_alpha(10) == 0  # approximate: a ring, empty inside
        assert "approximate point" in page.inner_text(".geokit-legend")
        page.evaluate("geokitEvents.openTooltip && geokitEvents.openTooltip(10)")
        assert not state["errors"], state


def _fitted(m) -> tuple[list[float], dict]:
    """The one view the map opens on, from the page folium writes: (south, west, north, east)
    and the options of its ``fitBounds`` call."""
    import json
    import re

    calls = re.findall(r"map_[0-9a-f]+\.fitBounds\(\s*(\[\[.*?\]\]),\s*(\{.*?\})\s*\)",
                       m.get_root().render(), re.S)
    assert len(calls) == 1, calls
    (s, w), (n, e) = json.loads(calls[0][0])
    return [s, w, n, e], json.loads(calls[0][1])


def _covers(view, lat, lon) -> bool:
    s, w, n, e = view
    return bool(((s <= lat) & (lat <= n) & (w <= lon) & (lon <= e)).all())


def _far_events(n: int = 12) -> gpd.GeoDataFrame:
    """Events well outside the snapshots fixture (35-35.5°E, 51-51.4°N): south-east and west."""
    return gpd.GeoDataFrame({
        "event_date": pd.date_range("2025-03-01", periods=n, freq="D"),
        "event_type": ["Battles", "Shelling"] * (n // 2),
    }, geometry=[Point(34.2 + i * 0.25, 50.3 - i * 0.05) for i in range(n)], crs=4326)


def test_maps_open_on_everything_they_draw(snapshots):
    from geokit.conflict import read_snapshots

    far = _far_events()
    lat, lon = far.geometry.y.to_numpy(), far.geometry.x.to_numpy()
    corners = gpd.GeoSeries(list(read_snapshots(snapshots).values())).bounds
    for label, m in (("events", maps.frontline_map(snapshots, events=far)),
                     ("control", maps.frontline_map(snapshots, events=far, color_by="control")),
                     ("none", maps.frontline_map(snapshots))):
        view, options = _fitted(m)
        assert options.get("animate") is False, label  # the page is still once loaded
        # every snapshot, not only the one shown first (the latest, 0.2° wide)
        assert _covers(view, corners["miny"], corners["minx"]), label
        assert _covers(view, corners["maxy"], corners["maxx"]), label
        if label == "none":
            assert view == [51.0, 35.0, 51.4, 35.5]
        else:
            assert _covers(view, lat, lon), label
            assert view == [lat.min(), lon.min(), 51.4, lon.max()], label
    view, _ = _fitted(maps.event_map(far))
    assert view == [lat.min(), lon.min(), lat.max(), lon.max()]
    m = maps.evacuation_map(["Krasnopillia", "Yunakivka", "Seredyna-Buda"])
    placed = m._geokit_zone.placed
    assert len(placed) == 3
    assert _covers(_fitted(m)[0], placed["lat"], placed["lon"])
    # a front line described in words is brought into view too
    m = maps.frontline_map(snapshots, described=["Tetkino", "Glushkovo", "Sudzha"])
    line = m._geokit_described.query("on_line")
    assert _covers(_fitted(m)[0], line["lat"], line["lon"])


@pytest.mark.browser
def test_frontline_map_opens_with_events_and_snapshots_in_view(snapshots, tmp_path):
    pytest.importorskip("playwright")
    far = _far_events()
    m = maps.frontline_map(snapshots, events=far, color_by="control")
    path = maps.save_html(m, tmp_path / "front.html", offline=True)
    points = [[p.y, p.x] for p in far.geometry] + [[51.0, 35.0], [51.4, 35.5]]
    with _open(path) as page:
        state = _load(page, path)
        name = page.evaluate("Object.keys(window).find(k => k.startsWith('map_'))")
        outside = page.evaluate(f"pts => pts.filter(p => !{name}.getBounds().contains(p))",
                                points)
        assert outside == []
        assert page.evaluate("geokitEventLayer.visibleCount") == len(far)
        assert not state["errors"] and not state["remote"], state
