"""The frontline map with events: colours by control on each event's own date, and a day
slider that shows the control area in force with that day's (or week's) events."""

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point, box

from geokit import maps
from geokit.conflict import attach_frontline

HOSTILE = '<img src=x onerror="window.__pwned=1">'
SNAPS = {
    "2025-03-01": box(35.0, 51.0, 35.5, 51.4),
    "2025-03-15": box(35.0, 51.0, 35.4, 51.4),
    "2025-04-01": box(35.0, 51.0, 35.2, 51.4),
}


@pytest.fixture
def events():
    n = 30  # one a day from 1 March, marching east along 51.2°N
    return gpd.GeoDataFrame(
        {
            "event_date": pd.date_range("2025-03-01", periods=n, freq="D"),
            "event_type": ["Battles", HOSTILE] * 15,
            "location": HOSTILE,
            "notes": HOSTILE,
            "fatalities": 1,
        },
        geometry=[Point(35.1 + i * 0.012, 51.2) for i in range(n)],
        crs=4326,
    )


def test_events_coloured_by_control_on_their_own_date(events):
    m = maps.frontline_map(SNAPS, events=events, color_by="control", offline=True)
    html = maps.to_html(m, offline=True)
    assert "geokitFrontSlider" in html
    assert HOSTILE not in html
    expected = attach_frontline(events, SNAPS, max_age=31)
    for value in expected["control"].dropna().unique():
        assert f'"{value}"' in html  # a legend entry per control status present


def test_bad_window_is_refused(events):
    with pytest.raises(ValueError, match="window_days"):
        maps.frontline_map(SNAPS, events=events, window_days=0)


@pytest.mark.browser
def test_day_slider_shows_snapshot_in_force_and_the_week(events, tmp_path):
    pytest.importorskip("playwright")
    from geokit._browser import chromium_page, chromium_path

    try:
        chromium_path()
    except FileNotFoundError:
        pytest.skip("Chromium not installed (make test installs it)")
    m = maps.frontline_map(SNAPS, events=events, color_by="control", window_days=7, offline=True)
    path = maps.save_html(m, tmp_path / "front.html", offline=True)
    errors = []
    with chromium_page() as page:
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(path.as_uri())
        page.wait_for_function("window.geokitReady !== false", timeout=20_000)
        assert page.evaluate("window.geokitSnapshotCount") == 3
        assert page.evaluate("geokitEventLayer.visibleCount") == 30  # leftmost: all events

        def move_to(day: str) -> dict:
            days = page.evaluate("""(() => {
                const i = document.querySelector('.geokit-snapshot-slider input');
                return [parseInt(i.min, 10), parseInt(i.max, 10)]; })()""")
            k = (pd.Timestamp(day) - pd.Timestamp("2025-03-01")).days
            assert days[0] <= k <= days[1]
            page.evaluate(f"""(() => {{ const i = document.querySelector(
                '.geokit-snapshot-slider input'); i.value = {k};
                i.dispatchEvent(new Event('input')); }})()""")
            return page.evaluate("window.geokitFrontShown")

        shown = move_to("2025-03-20")
        assert shown == {"day": "2025-03-20", "snapshot": "2025-03-15", "from": "2025-03-14"}
        assert page.evaluate("geokitEventLayer.visibleCount") == 7  # 14 to 20 March
        label = page.locator(".geokit-snapshot-slider div").inner_text()
        assert "control area of 2025-03-15" in label
        shown = move_to("2025-04-01")
        assert shown["snapshot"] == "2025-04-01"
        assert page.evaluate("geokitEventLayer.visibleCount") == 5  # 26 to 30 March
        # the popup says where the event was against the line on its own date
        popup = page.evaluate("""(() => { geokitEventLayer.geokitOpenPopup(0);
            return document.querySelector('.leaflet-popup-content').innerText; })()""")
        assert "Front:" in popup and "control area of 2025-03-01" in popup
        assert page.evaluate("window.__pwned") is None
    assert not errors, errors
