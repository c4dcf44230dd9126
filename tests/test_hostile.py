"""Hostile text through every text field of every HTML output, opened in headless Chromium.

One browser serves the whole module; each output (event, frontline and evacuation map online
and offline, the report) is one page load holding the whole corpus of :mod:`hostile`.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
from hostile import MARK, PAYLOADS, Probe, probe, shown
from shapely.geometry import Point, Polygon, box

from geokit import maps
from geokit.report import report
from geokit.report._report import _clip

TEXT_FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "location", "admin1",
               "loc_precision", "notes", "source")
#: Popup label -> event column(s) it shows.
POPUP = {"Place": "location", "Type": "event_type", "Sub-type": "sub_event_type",
         "Precision": "loc_precision", "Source": "source", "Notes": "notes"}
REGION = f"<b onclick=alert('{MARK}-region')>Oblast</b>"


def _hostile_events() -> gpd.GeoDataFrame:
    """One event per payload, the payload in every text field (the region gets a suffix)."""
    n = len(PAYLOADS)
    rows = {f: [p for _, p in PAYLOADS] for f in TEXT_FIELDS}
    rows["admin1"] = [f"{p} {REGION}" for _, p in PAYLOADS]
    return gpd.GeoDataFrame({
        "event_id": [k for k, _ in PAYLOADS],
        "event_date": pd.date_range("2025-03-01", periods=n, freq="D"),
        **rows, "fatalities": pd.array(range(n), dtype="Int64"),
    }, geometry=[Point(34.6 + 0.05 * (i % 6), 50.8 + 0.05 * (i // 6)) for i in range(n)],
        crs=4326)


def _file_safe(text: str) -> str:
    return "".join(c for c in text if c not in "/\x00")[:60]


@pytest.fixture(scope="module")
def events():
    return _hostile_events()


@pytest.fixture(scope="module")
def snapshots(tmp_path_factory):
    """Dated snapshots whose file names and feature properties carry payloads; one holds a
    self-intersecting (bow-tie) polygon."""
    folder = tmp_path_factory.mktemp("hostile-snaps")
    bowtie = Polygon([(34.5, 50.7), (35.2, 51.2), (35.2, 50.7), (34.5, 51.2)])
    for i, (day, geom) in enumerate((("20250301", box(34.5, 50.7, 35.3, 51.2)),
                                     ("20250315", bowtie),
                                     ("20250401", box(34.6, 50.8, 35.0, 51.1)))):
        key, payload = PAYLOADS[i]
        frame = gpd.GeoDataFrame({"name": [payload], "description": [PAYLOADS[-1][1]],
                                  "popup": [PAYLOADS[i + 3][1]]}, geometry=[geom], crs=4326)
        frame.to_file(folder / f"{day} {_file_safe(payload)}.geojson", driver="GeoJSON")
    return folder


@pytest.fixture(scope="module")
def browser():
    with probe() as p:
        yield p


def _map_name(p: Probe) -> str:
    return p.page.evaluate("Object.keys(window).find(k => /^map_[0-9a-f]+$/.test(k))")


def _popups(p: Probe) -> list[dict]:
    """Open the popup and tooltip of every event (as a click and a hover do); return their
    texts by index."""
    return p.page.evaluate("""(name) => {
        const map = window[name], layer = window.geokitEventLayer, out = [];
        for (let i = 0; i < geokitDrawn; i++) {
            layer.geokitOpenPopup(i);
            const c = map._popup && map._popup.isOpen() ? map._popup._contentNode : null;
            let t = null;
            if (layer.geokitOpenTooltip) {
                layer.geokitOpenTooltip(i);
                const open = Object.values(map._layers).find(
                    l => l instanceof L.Tooltip && l.isOpen && l.isOpen());
                t = open ? open.getElement().textContent : null;
            }
            out.push({i: i, popup: c ? c.innerText : null, tooltip: t,
                      html: c ? c.innerHTML : ''});
            map.closePopup();
        }
        return out; }""", _map_name(p))


def _check_clean(p: Probe, state, label: str) -> None:
    p.page.mouse.move(500, 350)  # a hover payload rendered as HTML would cover the page
    p.page.mouse.move(520, 360)
    p.page.wait_for_timeout(50)
    assert not state.problems(), (label, state.problems())
    assert not p.pwned(), label
    assert not p.js_links(), (label, p.js_links())


def _check_events_text(p: Probe, events: gpd.GeoDataFrame, label: str) -> int:
    """Legend, layer control, popups and tooltips show every payload verbatim; returns the
    number of payload x field placements checked."""
    legend = shown(" ".join(p.page.locator(".geokit-legend").all_inner_texts()))
    layers = shown(p.page.evaluate(
        "document.querySelector('.leaflet-control-layers-overlays').textContent"))
    checked = 0
    for _, payload in PAYLOADS:
        assert shown(payload) in legend, (label, "legend", payload[:40])
        assert shown(payload) in layers, (label, "layer control", payload[:40])
        checked += 2
    popups = _popups(p)
    assert len(popups) == len(events), label
    for item in popups:
        row = events.iloc[item["i"]]
        text = shown(item["popup"])
        for title, column in POPUP.items():
            assert shown(f"{title}: {row[column]}") in text, (label, column, row["event_id"])
            checked += 1
        assert shown(f"{row['actor1']} vs {row['actor2']}") in text, (label, row["event_id"])
        assert shown(str(row["location"])) in shown(item["tooltip"]), label
        assert "<a " not in item["html"] and "<script" not in item["html"], label
        checked += 3
    return checked


@pytest.mark.browser
@pytest.mark.parametrize("offline", [True, False], ids=["offline", "online"])
def test_event_map_shows_hostile_text_as_text(browser, events, tmp_path, offline, reliability):
    path = maps.save_html(maps.event_map(events, offline=offline), tmp_path / "events.html",
                          offline=offline)
    state = browser.load(path)
    assert browser.page.evaluate("window.geokitDrawn") == len(events)
    n = _check_events_text(browser, events, "event_map")
    _check_clean(browser, state, "event_map")
    reliability.add("hostile", output=f"event_map (offline={offline})", payloads=len(PAYLOADS),
                    fields=len(TEXT_FIELDS) + 2, where="popup, tooltip, legend, layer control",
                    text_checks=n)


@pytest.mark.browser
@pytest.mark.parametrize("offline", [True, False], ids=["offline", "online"])
def test_frontline_map_with_hostile_snapshots(browser, events, snapshots, tmp_path, offline,
                                              reliability):
    m = maps.frontline_map(snapshots, compare=("2025-03-01", "2025-04-01"), events=events,
                           offline=offline)
    path = maps.save_html(m, tmp_path / "front.html", offline=offline)
    html = path.read_text(encoding="utf-8")
    for _, payload in PAYLOADS:  # no markup reaches the page unescaped
        assert "<" not in payload or payload not in html
    state = browser.load(path)
    assert browser.page.evaluate("window.geokitSnapshotCount") == 3
    n = _check_events_text(browser, events, "frontline_map")
    _check_clean(browser, state, "frontline_map")
    reliability.add("hostile", output=f"frontline_map + events (offline={offline})",
                    payloads=len(PAYLOADS), fields=len(TEXT_FIELDS) + 5,
                    where="snapshot file names and properties, events overlay",
                    text_checks=n)


@pytest.mark.browser
@pytest.mark.parametrize("offline", [True, False], ids=["offline", "online"])
def test_evacuation_map_with_hostile_names(browser, tmp_path, offline, reliability):
    # "Krasnopillia, <payload>" is placed (the payload is an unknown region part, shown in
    # tooltips and the table); "Krasnopillia <payload>" and a bare payload are not placed
    names = ([f"Krasnopillia, {p}" for _, p in PAYLOADS]
             + [f"Krasnopillia {p}" for _, p in PAYLOADS] + [p for _, p in PAYLOADS[:4]])
    m = maps.evacuation_map(pd.DataFrame({"name": names}), offline=offline)
    table = m._geokit_table
    assert len(table) == len(names)  # nothing lost
    path = maps.save_html(m, tmp_path / "evac.html", offline=offline)
    state = browser.load(path)
    legend = shown(" ".join(browser.page.locator(".geokit-legend").all_inner_texts()))
    tips = browser.page.evaluate("""(name) => { const out = [];
        window[name].eachLayer(l => { const t = l.getTooltip && l.getTooltip();
          if (t) { l.openTooltip(); out.push(t.getElement().innerText); l.closeTooltip(); } });
        return out; }""", _map_name(browser))
    placed = table[table["placed"]]  # names placed only at region/country level are not drawn
    assert len(tips) == len(placed) > 0
    tip_text = shown(" ".join(tips))
    for q in table["query"]:
        assert shown(q) in legend, ("legend", q[:40])  # placed rows or the "not placed" line
    for q in placed["query"]:
        assert shown(q) in tip_text, ("tooltip", q[:40])
    _check_clean(browser, state, "evacuation_map")
    reliability.add("hostile", output=f"evacuation_map (offline={offline})",
                    payloads=len(PAYLOADS), fields=1,
                    where=f"settlement names: {len(placed)} placed (tooltip + table), "
                          f"{len(table) - len(placed)} not placed (summary)",
                    text_checks=len(table) + len(placed))


@pytest.mark.browser
def test_report_shows_hostile_text_as_text(browser, events, snapshots, tmp_path, reliability):
    title = " | ".join(p for _, p in PAYLOADS[:-1])
    out = tmp_path / "report.html"
    report(events.assign(event_date=events["event_date"].astype(str).where(
        events.index != 1, None)),  # one undated row adds a caveat line
        frontlines=snapshots, start="2025-03-01", end="2025-04-30", region=REGION,
        title=title, output=out)
    state = browser.load(out, wait_ms=400)
    page = browser.page
    assert shown(title) in shown(page.inner_text("header h1"))
    assert shown(title) in shown(page.title())
    assert shown(REGION) in shown(page.inner_text("header"))
    rows = page.locator("#events tbody tr")
    assert rows.count() == len(events) - 1
    table = shown(page.inner_text("#events"))
    regions = shown(page.inner_text("#regions"))
    chart = shown(page.evaluate("document.querySelector('#timeline').textContent"))
    checked = 0
    for _, p in PAYLOADS[:1] + PAYLOADS[2:]:  # (row 1 has no date)
        for expected in (f"{p}, {p} {REGION}", f"{p} vs {p}", p):
            assert shown(_clip(expected)) in table, ("events table", p[:40])
        assert shown(_clip(f"{p} {REGION}")) in regions, ("regions", p[:40])
        assert shown(_clip(p)) in chart, ("chart legend", p[:40])
        checked += 5
    caveats = page.inner_text("#caveats")
    assert "1 events without a usable date" in caveats
    # the embedded map (an iframe) gets the same checks as a stand-alone map
    frame = next(f for f in page.frames if f != page.main_frame)
    assert frame.evaluate("window.geokitDrawn") == len(events) - 1
    _check_clean(browser, state, "report")
    reliability.add("hostile", output="report (HTML with embedded offline map)",
                    payloads=len(PAYLOADS), fields=len(TEXT_FIELDS) + 2,
                    where="title, region, events table, regions table, chart, caveats, map",
                    text_checks=checked + 3)


RCE = "{{ lipsum.__globals__['os'].sep ~ 'gkpy' }} {% for x in range(3) %}loop{% endfor %}"


def test_template_syntax_in_data_is_never_evaluated(tmp_path, reliability):
    """folium/branca render macro output as a new Jinja template; data must not take part."""
    events = _hostile_events().assign(notes=RCE, event_type=RCE, location=RCE)
    pages = {
        "event_map": maps.to_html(maps.event_map(events)),
        "event_map offline": maps.to_html(maps.event_map(events), offline=True),
        "evacuation_map": maps.to_html(maps.evacuation_map([f"Krasnopillia {RCE}"])),
        "report": report(events, title=RCE, start="2025-03-01", end="2025-04-30"),
    }
    for name, page in pages.items():
        assert "/gkpy" not in page and "looploop" not in page, name
        assert "lipsum" in page, name
    reliability.add("hostile", output="event map, evacuation map, report (rendered HTML, no "
                    "browser)", payloads=1, fields=4,
                    where="Jinja syntax in notes, type, place, settlement name, title",
                    text_checks=2 * len(pages))
