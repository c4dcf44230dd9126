import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point, box

from geokit.conflict import territory_change
from geokit.errors import GeokitValueError
from geokit.report import report

HOSTILE = '<img src=x onerror="window.__pwned=1">`${1}`</script>'


@pytest.fixture
def events():
    rng = np.random.default_rng(7)
    n = 40
    return gpd.GeoDataFrame({
        "event_date": pd.Timestamp("2025-03-01") + pd.to_timedelta(rng.integers(0, 20, n), "D"),
        "event_type": rng.choice(["Battles", "Explosions/Remote violence"], n),
        "actor1": "Military Forces of Russia", "actor2": HOSTILE,
        "location": rng.choice(["Sudzha", "Sumy", HOSTILE], n),
        "admin1": rng.choice(["Kursk Oblast", "Sumy Oblast"], n),
        "fatalities": rng.integers(0, 3, n), "loc_precision": "exact", "source": HOSTILE,
    }, geometry=[Point(35.27, 51.19)] * n, crs=4326)


@pytest.fixture
def frontlines(tmp_path):
    folder = tmp_path / "front"
    folder.mkdir()
    for day, width in (("20250301", 0.5), ("20250320", 0.3)):
        gpd.GeoDataFrame(geometry=[box(35.0, 51.0, 35.0 + width, 51.5)], crs=4326).to_file(
            folder / f"{day}.geojson", driver="GeoJSON")
    return folder


def test_report_sections_and_escaping(events, frontlines, tmp_path):
    out = tmp_path / "r.html"
    page = report(events, frontlines=frontlines, start="2025-03-10", end="2025-03-20",
                  output=out, map=False)
    assert out.read_text(encoding="utf-8") == page
    for section in ("headline", "timeline", "regions", "territory", "events", "caveats",
                    "attribution"):
        assert f'id="{section}"' in page
    assert HOSTILE not in page and "&lt;img src=x" in page
    assert "CC BY 4.0" in page and "Natural Earth" in page
    assert "km²" in page


def test_territory_change_in_equal_area():
    t = territory_change(box(35.0, 51.0, 35.5, 51.5), box(35.0, 51.0, 35.3, 51.5))
    assert t["gained"] == pytest.approx(0, abs=1e-6)
    assert 700 < t["lost"] < 800  # 0.2° x 0.5° at 51°N is about 770 km²


def test_report_bad_dates(events):
    with pytest.raises(GeokitValueError, match="not a date"):
        report(events, start="tomorrow-ish", map=False)
    with pytest.raises(GeokitValueError, match="before start"):
        report(events, start="2025-03-10", end="2025-03-01", map=False)


def test_report_cli(events, tmp_path):
    from geokit.cli import main

    src = tmp_path / "events.geojson"
    events.assign(event_date=events["event_date"].dt.strftime("%Y-%m-%d")).to_file(src)
    out = tmp_path / "cli.html"
    assert main(["report", str(src), "--from", "2025-03-05", "--to", "2025-03-15", "-o",
                 str(out), "--no-map"]) == 0
    assert "Situation report" in out.read_text(encoding="utf-8")


@pytest.mark.browser
def test_report_renders_in_chromium_and_prints_pdf(events, tmp_path):
    pytest.importorskip("playwright")
    from geokit._browser import chromium_page, chromium_path

    try:
        chromium_path()
    except FileNotFoundError:
        pytest.skip("Chromium not installed (make test installs it)")
    out, pdf = tmp_path / "r.html", tmp_path / "r.pdf"
    report(events, start="2025-03-01", end="2025-03-20", output=out, pdf=pdf, map=False)
    assert pdf.read_bytes()[:5] == b"%PDF-"
    with chromium_page() as page:
        dialogs, errors, requests = [], [], []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(out.as_uri())
        assert page.evaluate("window.__pwned") is None
        assert not dialogs and not errors
        assert all(u.startswith(("file:", "data:", "about:")) for u in requests)
        assert page.locator("#events tbody tr").count() == 40
        assert HOSTILE in page.inner_text("#events")  # shown as text


def test_report_map_shows_period_frontlines_and_evacuation_zone(events, frontlines, tmp_path):
    villages = tmp_path / "evacuate.txt"
    villages.write_text("# ordered to leave\nKrasnopillia\nVelyka Pysarivka\nNowhereville\n",
                        encoding="utf-8")
    page = report(events, frontlines=frontlines, start="2025-03-05", end="2025-03-25",
                  evacuation=villages)
    assert 'id="evacuation"' in page
    assert "Krasnopillia" in page and "Not placed" in page and "Nowhereville" in page
    # the map is an iframe srcdoc holding both control areas and the evacuation zone layer
    assert "Control area 2025-03-01 (period start)" in page
    assert "Control area 2025-03-20 (period end)" in page
    assert "Evacuation zone (30 km from the UA-RU border)" in page


def test_report_cli_with_evacuation(events, tmp_path):
    from geokit.cli import main

    src = tmp_path / "events.geojson"
    events.assign(event_date=events["event_date"].dt.strftime("%Y-%m-%d")).to_file(src)
    names = tmp_path / "villages.csv"
    names.write_text("name,note\nYunakivka,x\nMyropillia,y\n", encoding="utf-8")
    out = tmp_path / "cli.html"
    assert main(["report", str(src), "-o", str(out), "--no-map", "--evacuation",
                 str(names)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Yunakivka" in text and "Myropillia" in text
