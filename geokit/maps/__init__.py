"""Interactive event, frontline and evacuation maps (folium), online or fully offline.

Every function returns an ordinary :class:`folium.Map`. Points are sent to the browser as one
compact JSON array and drawn on a canvas renderer by a small script (``_layers.js``), which writes
every source text with ``textContent`` so nothing in the data can run as code.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import GeokitValueError

__all__ = ["event_map", "frontline_map", "evacuation_map", "save_html", "save_png", "to_html"]

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf")
ATTRIBUTION = ("Places: GeoNames (CC BY 4.0) · Borders: Natural Earth (public domain) · "
               "made with geokit")
OSM_ATTRIBUTION = "&copy; OpenStreetMap contributors"
POPUP_FIELDS = ("location", "event_date", "event_type", "sub_event_type", "actors",
                "loc_precision", "fatalities", "source", "notes")


def _json(data: Any) -> str:
    """JSON that is safe inside a <script> element (no tag, comment or line-separator breaks)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    for a, b in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                 ("\u2029", "\\u2029")):
        text = text.replace(a, b)
    return text


def _base_map(location=(50.5, 35.0), zoom: int = 7, *, offline: bool = False):
    import folium
    from folium.plugins import Fullscreen

    m = folium.Map(location=list(location), zoom_start=zoom, tiles=None, control_scale=True,
                   prefer_canvas=True)
    m._geokit_offline = offline
    if not offline:
        folium.TileLayer("OpenStreetMap", attr=OSM_ATTRIBUTION, name="OpenStreetMap",
                         control=False).add_to(m)
    Fullscreen().add_to(m)
    _add_basemap(m)
    lib = (Path(str(resources.files("geokit") / "maps" / "_layers.js"))).read_text("utf-8")
    m.get_root().header.add_child(folium.Element(f"<script>{lib}</script>"))
    _call(m, f"{m.get_name()}.attributionControl.addAttribution({_json(ATTRIBUTION)});")
    return m


def _call(m, js: str) -> None:
    """Run ``js`` once the map and the layers added so far exist (rendered after them)."""
    m.add_child(_Script(js))


def _script_class():
    from branca.element import Element, MacroElement

    class Raw(Element):
        """Text rendered as is. branca turns macro output into a new Jinja template, which
        would evaluate ``{{ ... }}`` in the data (template injection: code execution)."""

        def __init__(self, code: str):
            super().__init__()
            self.code = code

        def render(self, **kwargs) -> str:
            return self.code

    class Script(MacroElement):
        def __init__(self, code: str):
            super().__init__()
            self._name = "GeokitScript"
            self.code = code

        def render(self, **kwargs) -> None:
            self.get_root().script.add_child(Raw(self.code), name=self.get_name())

    return Script


def _Script(code: str):
    global _SCRIPT
    if _SCRIPT is None:
        _SCRIPT = _script_class()
    return _SCRIPT(code)


_SCRIPT = None


def _add_basemap(m) -> None:
    """Country borders of the region, drawn as vector data (works without tiles)."""
    import folium

    from ..frontline import borders

    gdf = borders()
    folium.GeoJson(
        gdf[["name", "geometry"]].to_json(), name="Borders (Natural Earth)", control=False,
        style_function=lambda f: {"color": "#555", "weight": 1.2, "fill": True,
                                  "fillColor": "#f2efe9", "fillOpacity": 0.35},
    ).add_to(m)


def _tooltip_text(text: str) -> str:
    """Text for a folium tooltip, which folium writes as HTML into a JavaScript template literal
    (and passes through Jinja): escaped, with backtick, ``$``, backslash and braces written as
    character references so none of them can end the literal or start a template."""
    out = html.escape(text)
    for ch in "`$\\{}":
        out = out.replace(ch, f"&#{ord(ch)};")
    return out


def _text(v) -> str | None:
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA or v is pd.NaT:
        return None
    return str(v)


def event_map(events, *, color_by: str = "event_type", time: bool = True,
              offline: bool = False, max_points: int = 200_000):
    """An interactive map of events, coloured by category, with legend and time slider.

    Parameters
    ----------
    events : GeoDataFrame or DataFrame
        Events with point geometry or ``lat``/``lon`` columns (geokit's events schema).
    color_by : str
        Column whose categories get colours and their own toggleable layer.
    time : bool
        Add a slider that shows events up to a chosen day (when events have dates).
    offline : bool
        Draw without web tiles (vector borders only); pair with ``save_html(offline=True)``.
    """
    df = pd.DataFrame(events).copy()
    if "lat" not in df or df["lat"].isna().all():
        if "geometry" in df:
            geom = df["geometry"]
            df["lat"] = [g.y if g is not None and not g.is_empty else math.nan for g in geom]
            df["lon"] = [g.x if g is not None and not g.is_empty else math.nan for g in geom]
        else:
            raise GeokitValueError("events need point geometry or lat/lon columns")
    df = df[pd.to_numeric(df["lat"], errors="coerce").notna()].reset_index(drop=True)
    if len(df) > max_points:
        raise GeokitValueError(f"{len(df):,} events exceed max_points={max_points:,}; "
                               "filter them or raise the limit")
    if color_by not in df:
        df[color_by] = "events"
    cats = df[color_by].astype("string").fillna("unknown")
    cat_codes, categories = pd.factorize(cats, sort=True)
    categories = [str(c) for c in categories]
    if "event_date" in df:
        dates = pd.to_datetime(df["event_date"], errors="coerce").dt.normalize()
    else:
        dates = pd.Series(pd.NaT, index=df.index, dtype="datetime64[ns]")
    day_codes, day_values = pd.factorize(dates, sort=True)  # NaT -> -1
    days = [d.date().isoformat() for d in day_values]
    actors = _join(df.get("actor1"), df.get("actor2"), len(df))
    # columnar: each popup field is a list of distinct strings plus one code per event
    fields = {"Place": df.get("location"), "Date": pd.Series(
                  [days[c] if c >= 0 else None for c in day_codes]),
              "Type": cats, "Sub-type": df.get("sub_event_type"), "Actors": actors,
              "Precision": df.get("loc_precision"), "Fatalities": df.get("fatalities"),
              "Source": df.get("source"), "Notes": df.get("notes")}
    columns = []
    for series in fields.values():
        if series is None:
            columns.append({"values": [], "codes": None})
            continue
        codes, values = pd.factorize(pd.Series(series).astype("string"))
        columns.append({"values": [str(v) for v in values], "codes": codes.tolist()})
    colours = [PALETTE[i % len(PALETTE)] for i in range(len(categories))]
    lat = df["lat"].astype(float).round(5)
    lon = df["lon"].astype(float).round(5)
    center = (float(lat.median()), float(lon.median())) if len(df) else (50.5, 35.0)
    m = _base_map(center, 7, offline=offline)
    data = {"lat": lat.tolist(), "lon": lon.tolist(), "cat": cat_codes.tolist(),
            "day": day_codes.tolist(), "columns": columns, "colours": colours,
            # layer-control labels are HTML in Leaflet, so they are escaped here
            "categories": [html.escape(c) for c in categories],
            "legend": categories, "fields": list(fields), "days": days if time else []}
    name = m.get_name()
    _call(m, f"geokitEvents({name}, {_json(data)});")
    _call(m, f"geokitLegend({name}, {_json(color_by.replace('_', ' '))}, "
             f"{_json([[c, colours[i]] for i, c in enumerate(categories)])}, "
             f"{_json([f'{len(df):,} events'])});")
    if len(df):
        m.fit_bounds([[float(lat.min()), float(lon.min())], [float(lat.max()), float(lon.max())]],
                     max_zoom=10)
    return m


def _join(a, b, n: int) -> pd.Series:
    """"actor1 vs actor2" per row, leaving out missing actors."""
    a = pd.Series(a if a is not None else [None] * n).astype("string")
    b = pd.Series(b if b is not None else [None] * n).astype("string")
    both = a.notna() & b.notna() & (a != "") & (b != "")
    return a.where(~both, a + " vs " + b).fillna(b)


def frontline_map(snapshots, *, date=None, compare=None, events=None, offline: bool = False):
    """Control areas and front lines from dated snapshots, with a date slider.

    Parameters
    ----------
    snapshots : folder, list of files, or {date: geometry}
        DeepStateMap-style dated control-area files (see :func:`geokit.frontline.read_snapshots`).
    date : date-like, optional
        Snapshot shown first (default: the latest).
    compare : (date, date), optional
        Also show the areas gained and lost between two snapshot dates, with km².
    events : GeoDataFrame, optional
        Events to draw on top.
    """
    import folium

    from ..frontline import front_line, pd_date, read_snapshots, territory_change

    snaps = read_snapshots(snapshots)
    if not snaps:
        raise GeokitValueError("no dated snapshots found")
    days = sorted(snaps)
    first = pd_date(date) if date else days[-1]
    if first not in snaps:
        first = min(days, key=lambda d: abs((d - first).days))
    c = snaps[first].centroid
    m = event_map(events, offline=offline) if events is not None and len(events) else \
        _base_map((c.y, c.x), 7, offline=offline)
    names = []
    for day in days:
        group = folium.FeatureGroup(name=f"Control area {day}", show=(day == first),
                                    control=False)
        folium.GeoJson(snaps[day].__geo_interface__, style_function=lambda f: {
            "color": "#b3261e", "weight": 0.5, "fillColor": "#e06666", "fillOpacity": 0.35},
        ).add_to(group)
        line = front_line(snaps[day])
        if not line.is_empty:
            folium.GeoJson(line.__geo_interface__, style_function=lambda f: {
                "color": "#7a0000", "weight": 2.5}).add_to(group)
        group.add_to(m)
        names.append(group.get_name())
    extra = [f"{len(days)} snapshots, {days[0]} to {days[-1]}"]
    if compare:
        d1, d2 = (pd_date(d) for d in compare)
        for d in (d1, d2):
            if d not in snaps:
                raise GeokitValueError(f"no snapshot for {d}; dates are {days[0]} … {days[-1]}")
        t = territory_change(snaps[d1], snaps[d2])
        for geom, colour, label in ((t["gained_geom"], "#8b0000", "gained"),
                                    (t["lost_geom"], "#1b6e3a", "lost")):
            if not geom.is_empty:
                folium.GeoJson(geom.__geo_interface__, name=f"Area {label} {d1} → {d2}",
                               style_function=lambda f, c=colour: {
                                   "color": c, "weight": 1, "fillColor": c,
                                   "fillOpacity": 0.6}).add_to(m)
        extra.append(f"{d1} → {d2}: +{t['gained']:,.0f} km² / −{t['lost']:,.0f} km²")
    mname = m.get_name()
    _call(m, f"""(function(){{var layers={_json(names)}.map(function(n){{return window[n];}});
var days={_json([d.isoformat() for d in days])};var cur={days.index(first)};
window.geokitSnapshotCount=layers.length;
var ctl=L.control({{position:'topright'}});ctl.onAdd=function(){{var d=document.createElement('div');
d.className='geokit-snapshot-slider';d.style.cssText='background:white;padding:6px 8px;font:12px sans-serif;border-radius:4px';
var lab=document.createElement('div');lab.textContent='Control area '+days[cur];var i=document.createElement('input');
i.type='range';i.min=0;i.max=days.length-1;i.value=cur;i.style.width='220px';
i.addEventListener('input',function(){{var k=parseInt(i.value,10);layers.forEach(function(l,j){{
if(j===k){{{mname}.addLayer(l);}}else{{{mname}.removeLayer(l);}}}});lab.textContent='Control area '+days[k];}});
d.appendChild(lab);d.appendChild(i);L.DomEvent.disableClickPropagation(d);return d;}};ctl.addTo({mname});}})();""")
    _call(m, f"geokitLegend({mname}, 'Front line', "
             f"{_json([['control area', '#e06666'], ['front line', '#7a0000']])}, "
             f"{_json(extra)});")
    b = snaps[first].bounds
    m.fit_bounds([[b[1], b[0]], [b[3], b[2]]])
    return m


def evacuation_map(settlements, *, border: str = "UA-RU", bands_km=(5, 10, 20, 30),
                   country: str = "UA", offline: bool = False):
    """Settlements (e.g. ordered to evacuate) with their distance to a border and distance bands.

    Parameters
    ----------
    settlements : list of str or DataFrame with a ``name`` column
        Names to geocode (``"Krasnopillia, Sumy Oblast"`` forms welcome).
    border : str
        Country pair of the border (``"UA-RU"``), from the bundled Natural Earth borders.
    bands_km : tuple of float
        Distance bands shaded inside ``country``; the widest is drawn as the evacuation zone.
    """
    import folium
    import geopandas as gpd

    from ..frontline import border_line, borders
    from ..geocode import geocode_many

    names = list(settlements["name"]) if isinstance(settlements, pd.DataFrame) else \
        list(settlements)
    res = geocode_many(names, country=country)
    line = border_line(border)
    metric = 32636
    line_m = gpd.GeoSeries([line], crs=4326).to_crs(metric).iloc[0]
    inside = borders().set_index("iso_a2").geometry[country]
    inside_m = gpd.GeoSeries([inside], crs=4326).to_crs(metric).iloc[0]
    placed = res.dropna(subset=["lat"])
    pts = gpd.GeoSeries(gpd.points_from_xy(placed["lon"], placed["lat"]), crs=4326).to_crs(metric)
    dist = [p.distance(line_m) / 1000 for p in pts]
    res.loc[placed.index, "border_km"] = dist
    center = (placed["lat"].mean(), placed["lon"].mean()) if len(placed) else (51.0, 34.5)
    m = _base_map(center, 8, offline=offline)
    greys = ["#7f0000", "#b30000", "#d7301f", "#ef6548", "#fc8d59", "#fdbb84"]
    widths = sorted(bands_km)
    for i, km in enumerate(reversed(widths)):
        band = line_m.buffer(km * 1000).intersection(inside_m)
        band4326 = gpd.GeoSeries([band], crs=metric).to_crs(4326).iloc[0]
        colour = greys[(len(widths) - 1 - i) % len(greys)]
        weight = 2 if km == widths[-1] else 0.5  # the widest band is the evacuation zone
        folium.GeoJson(band4326.__geo_interface__, name=f"within {km:g} km of the border",
                       style_function=lambda f, c=colour, w=weight:
                       {"color": c, "weight": w, "fillColor": c, "fillOpacity": 0.12}).add_to(m)
    folium.GeoJson(line.__geo_interface__, name="border",
                   style_function=lambda f: {"color": "#000", "weight": 2.5}).add_to(m)
    rows = []
    for r in res.itertuples():
        if pd.isna(r.lat):
            continue
        folium.CircleMarker([r.lat, r.lon], radius=6, color="#222", weight=1, fill=True,
                            fill_color="#1f77b4", fill_opacity=0.9,
                            tooltip=_tooltip_text(f"{r.query}: {r.border_km:.1f} km")).add_to(m)
        rows.append([r.query, r.name, f"{r.border_km:.1f}", int(r.population or 0)])
    total_pop = sum(r[3] for r in rows)
    unplaced = [q for q, s in zip(res["query"], res["status"], strict=True) if s == "unresolved"]
    summary = [f"{len(rows)} settlements placed, GeoNames population {total_pop:,}"]
    if unplaced:
        summary.append(f"not placed: {', '.join(map(str, unplaced))}")
    table = [[f"{r[0]} — {r[2]} km, pop. {r[3]:,}", "#1f77b4"] for r in
             sorted(rows, key=lambda r: float(r[2]))]
    _call(m, f"geokitLegend({m.get_name()}, 'Settlements by distance to the {border} border', "
             f"{_json(table)}, {_json(summary)});")
    folium.LayerControl(collapsed=True).add_to(m)
    m._geokit_table = res
    return m


def to_html(m, *, offline: bool = False) -> str:
    """The map as one HTML document; ``offline=True`` inlines assets and loads nothing remote."""
    import folium

    from ._offline import inline_assets

    if not offline:
        return m.get_root().render()
    # offline: no web tiles (the vector borders stay), every asset inlined
    tiles = {k: v for k, v in m._children.items() if isinstance(v, folium.TileLayer)}
    for k in tiles:
        del m._children[k]
    try:
        page = m.get_root().render()
    finally:
        m._children.update(tiles)
    return inline_assets(page)


def save_html(m, path, *, offline: bool = False) -> Path:
    """Write the map as a standalone HTML file (see :func:`to_html`)."""
    path = Path(path)
    path.write_text(to_html(m, offline=offline or getattr(m, "_geokit_offline", False)),
                    encoding="utf-8")
    return path


def save_png(m, path, *, width: int = 1200, height: int = 800, wait_ms: int = 500) -> Path:
    """Screenshot of the map in headless Chromium (the offline page, so no tiles are needed)."""
    import tempfile

    from .._browser import chromium_page

    path = Path(path)
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "map.html"
        save_html(m, page_file, offline=True)
        with chromium_page(width, height) as page:
            page.goto(page_file.as_uri())
            page.wait_for_timeout(wait_ms)
            page.screenshot(path=str(path))
    return path


def _today() -> str:
    return dt.date.today().isoformat()
