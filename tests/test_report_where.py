"""The report's "Where events happened" section, with answers known from the geometry."""

import re

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point, box

from geokit.report import report

HOSTILE = '<img src=x onerror="window.__pwned=1">`${1}`</script>'


@pytest.fixture
def frontlines(tmp_path):
    """Control area reaching 35.5°E from 1 March, 35.3°E from 12 March."""
    folder = tmp_path / "front"
    folder.mkdir()
    for day, width in (("20250301", 0.5), ("20250312", 0.3)):
        gpd.GeoDataFrame(geometry=[box(35.0, 51.0, 35.0 + width, 51.5)], crs=4326).to_file(
            folder / f"{day}.geojson", driver="GeoJSON"
        )
    return folder


@pytest.fixture
def events():
    rows = [  # date, lon, fatalities: where each one falls is known from the boxes above
        ("2025-02-25", 35.2, 9),  # before the first snapshot
        ("2025-03-05", 35.2, 1),  # inside (35.5 edge is 20 km east)
        ("2025-03-06", 35.4, 2),  # inside, 7 km from the line
        ("2025-03-14", 35.4, 3),  # outside: the area now ends at 35.3
        ("2025-03-15", 35.301, 4),  # contested: 70 m from the line
        ("2025-03-16", 36.0, 5),  # outside, far
    ]
    return gpd.GeoDataFrame(
        {
            "event_date": pd.to_datetime([r[0] for r in rows]),
            "event_type": "Battles",
            "location": [HOSTILE, "A", "B", "C", "D", "E"],
            "admin1": "Sumy Oblast",
            "fatalities": [r[2] for r in rows],
        },
        geometry=[Point(r[1], 51.25) for r in rows],
        crs=4326,
    )


def _section(page: str) -> str:
    start = page.index('id="where"')
    return page[start : page.index("</section>", start)]


def _cells(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_counts_and_fatalities_by_control(events, frontlines):
    page = report(events, frontlines=frontlines, start="2025-02-20", end="2025-03-20", map=False)
    text = _cells(_section(page))
    assert "Where events happened" in text
    assert "inside 2 33% 3 " in text
    assert "contested 1 17% 4 " in text
    assert "outside 2 33% 8 " in text
    assert "no snapshot 1 17% 9 " in text
    assert "1 before first snapshot" in text
    # nearest the line first: the contested event, 0.1 km outside
    nearest = _cells(_section(page).split("Events nearest the line")[1].split("</table>")[0])
    assert nearest.index("2025-03-15") < nearest.index("2025-03-06")
    assert "+0.1" in nearest
    assert "Control area week by week" in text and "<svg" in _section(page)
    assert HOSTILE not in page


def test_stale_snapshots_do_not_answer(events, frontlines):
    page = report(
        events,
        frontlines=frontlines,
        start="2025-02-20",
        end="2025-03-20",
        map=False,
        snapshot_max_age=1,
    )
    text = _cells(_section(page))
    assert "snapshot older than max_age" in text
    assert "if at most 1 day old" in text


def test_no_frontlines_no_section(events):
    page = report(events, start="2025-02-20", end="2025-03-20", map=False)
    assert 'id="where"' not in page


def test_report_cli_max_age_and_band(events, frontlines, tmp_path):
    from geokit.cli import main

    src = tmp_path / "events.geojson"
    events.assign(event_date=events["event_date"].dt.strftime("%Y-%m-%d")).to_file(src)
    out = tmp_path / "cli.html"
    args = ["report", str(src), "--frontlines", str(frontlines), "--from", "2025-02-20",
            "--to", "2025-03-20", "-o", str(out), "--no-map"]
    assert main([*args, "--max-age", "1", "--band-km", "0.05"]) == 0
    text = _cells(_section(out.read_text(encoding="utf-8")))
    assert "within 0.05 km" in text and "snapshot older than max_age" in text
