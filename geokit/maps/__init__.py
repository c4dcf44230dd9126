"""Interactive event, frontline and evacuation maps (folium), online or fully offline.

Every function returns an ordinary :class:`folium.Map`. Points are sent to the browser as one
compact JSON array and drawn on a canvas renderer by a small script (``_layers.js``), which writes
every source text with ``textContent`` so nothing in the data can run as code.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import math
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..errors import GeokitValueError
from ..schema import APPROXIMATE_PRECISIONS
from ._export import _notebook_html, save_html, save_png, to_html
from ._script import script_json as _json

if TYPE_CHECKING:
    import folium

__all__ = ["event_map", "frontline_map", "evacuation_map", "save_html", "save_png", "to_html"]

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf")
ATTRIBUTION = ("Places: GeoNames (CC BY 4.0) · Borders: Natural Earth (public domain) · "
               "made with geokit")
OSM_ATTRIBUTION = "&copy; OpenStreetMap contributors"
#: ``event_map(mode="auto")`` draws up to this many events as canvas markers, more as clusters.
AUTO_MARKER_LIMIT = 10_000
#: In ``"cluster"`` mode events are grouped below this zoom level and drawn singly from it on.
CLUSTER_BELOW_ZOOM = 13
MODES = ("auto", "markers", "cluster", "markercluster", "heatmap")
POPUP_FIELDS = ("location", "event_date", "event_type", "sub_event_type", "actors",
                "loc_precision", "fatalities", "source", "notes")


def _base_map(location=(50.5, 35.0), zoom: int = 7, *, offline: bool = False,
              bounds: tuple[float, float, float, float] | None = None):
    """A folium map with geokit's scripts, fullscreen, scale, attribution and vector basemap.

    ``bounds`` (south, west, north, east) is the area the basemap must cover (it is clipped to
    that plus a margin); by default two degrees around ``location``.
    """
    import folium
    from folium.plugins import Fullscreen

    from ._elements import Basemap

    m = folium.Map(location=list(location), zoom_start=zoom, tiles=None, control_scale=True,
                   prefer_canvas=True)
    m.options["max_zoom"] = 18  # the offline map has no tile layer to set it (clusters need it)
    m._geokit_offline = offline
    if offline:  # Jupyter shows the self-contained page, so the map displays without a network
        m._repr_html_ = functools.partial(_notebook_html, m)
    if not offline:
        folium.TileLayer("OpenStreetMap", attr=OSM_ATTRIBUTION, name="OpenStreetMap",
                         control=False).add_to(m)
    Fullscreen().add_to(m)
    lat, lon = location
    m._geokit_basemap = Basemap(bounds or (lat - 2, lon - 2, lat + 2, lon + 2))
    m.add_child(m._geokit_basemap)
    lib = (Path(str(resources.files("geokit") / "maps" / "_layers.js"))).read_text("utf-8")
    m.get_root().header.add_child(folium.Element(f"<script>{lib}</script>"))
    _call(m, f"{m.get_name()}.attributionControl.addAttribution({_json(ATTRIBUTION)});")
    return m


def _call(m, js: str, *, plugins: tuple[str, ...] = ()) -> None:
    """Run ``js`` once the map and the layers added so far exist (rendered after them)."""
    from ._elements import Script

    m.add_child(Script(js, plugins=plugins))


def _cover(m, bounds) -> None:
    """Make the basemap of ``m`` cover ``bounds`` (south, west, north, east) too."""
    basemap = getattr(m, "_geokit_basemap", None)
    if basemap is not None:
        basemap.extend(tuple(float(b) for b in bounds))


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


def event_map(events: pd.DataFrame, *, color_by: str = "event_type", time: bool = True,
              mode: str = "auto", offline: bool = False,
              max_points: int = 500_000) -> folium.Map:
    """An interactive map of events, coloured by category, with legend and time slider.

    Parameters
    ----------
    events : GeoDataFrame or DataFrame
        Events with point geometry or ``lat``/``lon`` columns (geokit's events schema).
    color_by : str
        Column whose categories get colours and their own toggleable layer.
    time : bool
        Add a slider that shows events up to a chosen day (when events have dates).
    mode : {"auto", "markers", "cluster", "markercluster", "heatmap"}
        How events are drawn: one canvas circle each (``"markers"``); grouped into numbered
        circles per screen cell that split as you zoom in, computed on the fly (``"cluster"``,
        fast at 100k events); with the Leaflet.markercluster plugin (``"markercluster"``:
        animated, spiderfies overlapping events, but clustering 100k events takes the browser
        tens of seconds); or as a density heat layer (``"heatmap"``, Leaflet.heat, no popups).
        ``"auto"`` draws up to ``AUTO_MARKER_LIMIT`` (10,000) events as markers and clusters
        above that.
    offline : bool
        Draw without web tiles (vector basemap only); pair with ``save_html(offline=True)``.
    max_points : int
        Refuse more events than this (filter them first): the page would be too slow.

    Returns
    -------
    folium.Map

    Raises
    ------
    GeokitValueError
        For an unknown ``mode``, more than ``max_points`` events, or events without points.

    Examples
    --------
    >>> m = event_map(events)                      # doctest: +SKIP
    >>> m = event_map(events, mode="heatmap")      # doctest: +SKIP
    """
    if mode not in MODES:
        raise GeokitValueError(f"mode={mode!r} is not one of {', '.join(MODES)}")
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
    kind = cats if color_by == "event_type" or "event_type" not in df else df["event_type"]
    fields = {"Place": df.get("location"), "Date": pd.Series(
                  [days[c] if c >= 0 else None for c in day_codes]),
              "Type": kind, "Sub-type": df.get("sub_event_type"), "Actors": actors,
              "Precision": df.get("loc_precision"), "Fatalities": df.get("fatalities"),
              "Source": df.get("source"), "Notes": df.get("notes")}
    if "control" in df and "front_distance_km" in df:
        fields["Front"] = _front_text(df)
    columns = []
    for series in fields.values():
        if series is None:
            columns.append({"values": [], "codes": None})
            continue
        codes, values = pd.factorize(pd.Series(series).astype("string"))
        columns.append({"values": [str(v) for v in values], "codes": codes.tolist()})
    approx = _approximate(df)
    colours = [PALETTE[i % len(PALETTE)] for i in range(len(categories))]
    lat = df["lat"].astype(float).round(5)
    lon = df["lon"].astype(float).round(5)
    center = (float(lat.median()), float(lon.median())) if len(df) else (50.5, 35.0)
    bounds = (float(lat.min()), float(lon.min()), float(lat.max()), float(lon.max())) \
        if len(df) else None
    m = _base_map(center, 7, offline=offline, bounds=bounds)
    if mode == "auto":
        mode = "markers" if len(df) <= AUTO_MARKER_LIMIT else "cluster"
    plugins = {"markercluster": ("leaflet.markercluster",), "heatmap": ("leaflet.heat",)}
    data = {"mode": mode, "clusterBelow": CLUSTER_BELOW_ZOOM, "lat": lat.tolist(), "lon": lon.tolist(), "cat": cat_codes.tolist(),
            "day": day_codes.tolist(), "columns": columns, "colours": colours,
            # layer-control labels are HTML in Leaflet, so they are escaped here
            "categories": [html.escape(c) for c in categories],
            "legend": categories, "fields": list(fields), "days": days if time else [],
            "dayNames": days}
    if approx.any():
        data["approx"] = approx.astype(int).tolist()
    name = m.get_name()
    _call(m, f"geokitEvents({name}, {_json(data)});", plugins=plugins.get(mode, ()))
    drawn_as = {"markers": "", "cluster": ", clustered", "markercluster": ", clustered",
                "heatmap": ", as a heat map"}[mode]
    _call(m, f"geokitLegend({name}, {_json(color_by.replace('_', ' '))}, "
             f"{_json([[c, colours[i]] for i, c in enumerate(categories)])}, "
             f"{_json([f'{len(df):,} events{drawn_as}', *_approx_note(approx, mode)])});")
    if bounds is not None:
        from ._elements import fit_view

        fit_view(m, bounds, max_zoom=10)
    return m


def _approximate(df: pd.DataFrame) -> np.ndarray:
    """Which events have an approximate point: a ``loc_precision`` coarser than ``exact`` or a
    ``geocode_status`` of ``approximate``/``ambiguous`` (see docs/geocoding.md)."""
    out = np.zeros(len(df), dtype=bool)
    if "loc_precision" in df:
        out |= df["loc_precision"].isin(APPROXIMATE_PRECISIONS).to_numpy()
    if "geocode_status" in df:
        out |= df["geocode_status"].isin(("approximate", "ambiguous")).to_numpy()
    return out


def _approx_note(approx: np.ndarray, mode: str) -> list[str]:
    n = int(approx.sum())
    if not n or mode == "heatmap":
        return []
    return [f"◌ dashed ring: approximate point ({n:,} events placed at a nearby centre or "
            "an area, see Precision)"]


def _front_text(df: pd.DataFrame) -> pd.Series:
    """"inside, -3.2 km from the line (control area of 2025-03-01)" per event, from the
    columns :func:`geokit.conflict.attach_frontline` adds."""
    control = df["control"].astype(object)
    km = pd.to_numeric(df["front_distance_km"], errors="coerce")
    snap = pd.to_datetime(df.get("snapshot_date"), errors="coerce") if "snapshot_date" in df \
        else pd.Series(pd.NaT, index=df.index)
    reason = df["front_reason"].astype(object) if "front_reason" in df else control * None
    out = []
    for c, k, d, r in zip(control, km, snap, reason, strict=True):
        if pd.isna(c):
            out.append(f"no snapshot ({r})" if isinstance(r, str) else None)
        else:
            where = f", {k:+.1f} km from the line" if not pd.isna(k) else ""
            out.append(f"{c}{where} (control area of {d.date()})")
    return pd.Series(out, index=df.index, dtype=object)


def _join(a, b, n: int) -> pd.Series:
    """"actor1 vs actor2" per row, leaving out missing actors."""
    a = pd.Series(a if a is not None else [None] * n).astype("string")
    b = pd.Series(b if b is not None else [None] * n).astype("string")
    both = a.notna() & b.notna() & (a != "") & (b != "")
    return a.where(~both, a + " vs " + b).fillna(b)


def frontline_map(snapshots: Any = None, *, date: Any = None,
                  compare: tuple[Any, Any] | None = None, events: pd.DataFrame | None = None,
                  offline: bool = False, simplify_m: float = 100.0,
                  select: dict[str, Any] | None = None, described: list[str] | None = None,
                  color_by: str = "event_type", window_days: int = 7, max_age: Any = 31,
                  band_km: float = 2.0) -> folium.Map:
    """Control areas and front lines from dated snapshots, with a date slider.

    Parameters
    ----------
    snapshots : folder, file, list of files, or {date: geometry}
        Dated control areas: DeepStateMap-style files named by date, ISW-style files with a
        date property, as GeoJSON, KML, KMZ or GeoPackage (see
        :func:`geokit.conflict.read_snapshots`). Invalid geometries are repaired.
    date : date-like, optional
        Snapshot shown first (default: the latest).
    compare : (date, date), optional
        Also show the areas gained and lost between two snapshot dates, with km² computed in
        an equal-area projection.
    events : GeoDataFrame, optional
        Events to draw on top (as :func:`event_map` does). With events the slider steps
        through days: each day shows the control area in force on it (the latest snapshot on
        or before it) and the events of the ``window_days`` days ending on it; its leftmost
        position shows every event. The map opens on the snapshots and the events together.
    offline : bool
        Draw without web tiles (vector basemap only).
    simplify_m : float
        Shapes are simplified so that they stay within this many metres of the original
        (100 m keeps two years of daily snapshots well under 10 MB of HTML).
    select : dict, optional
        Keep only features whose properties match (``{"layer": "Assessed control"}``).
    described : list of str, optional
        A front line described in words, as an ordered list of place names; it is geocoded
        (:func:`geokit.conflict.frontline_from_places`) and drawn dashed. With ``described``
        the snapshots may be left out.
    color_by : str
        Event column to colour by; ``"control"`` colours each event by where it was against
        the control area in force on its own date (inside, contested, outside, no snapshot;
        see :func:`geokit.conflict.attach_frontline`), and the popups give the distance.
    window_days : int
        Days of events shown with each day of the slider (7: that day and the six before).
    max_age, band_km
        Passed to :func:`geokit.conflict.attach_frontline` when ``color_by="control"``.

    Returns
    -------
    folium.Map

    Raises
    ------
    GeokitValueError
        When no dated snapshot is found (and no ``described`` line is given), a ``compare``
        date has no snapshot, or ``window_days`` is not a whole number >= 1.

    Examples
    --------
    >>> m = frontline_map("snapshots/")                         # doctest: +SKIP
    >>> m = frontline_map("snapshots/", events=events, color_by="control")  # doctest: +SKIP
    >>> m = frontline_map(described=["Kupiansk", "Lyman", "Bakhmut"])  # doctest: +SKIP
    """
    import folium
    import shapely

    from ..conflict.frontline import front_line, pd_date, read_snapshots, territory_change
    from ._elements import fit_view

    if snapshots is None and described:
        return _described_line(_base_map((50.5, 35.0), 7, offline=offline), described,
                               events=events, offline=offline)
    snaps = read_snapshots(snapshots, simplify_m=simplify_m, select=select)
    if not snaps:
        raise GeokitValueError("no dated snapshots found")
    days = sorted(snaps)
    first = pd_date(date) if date else days[-1]
    if first not in snaps:
        first = min(days, key=lambda d: abs((d - first).days))
    c = snaps[first].centroid
    has_events = events is not None and len(events) > 0
    if has_events:
        if color_by == "control":
            from ..conflict.attach import attach_frontline

            events = attach_frontline(events, snaps, max_age=max_age, band_km=band_km)
            events["control"] = events["control"].astype(object).where(
                events["control"].notna(), "no snapshot")
        m = event_map(events, color_by=color_by, time=False, offline=offline)
    else:
        m = _base_map((c.y, c.x), 7, offline=offline)
    names = []
    for day in days:
        group = folium.FeatureGroup(name=f"Control area {day}", show=(day == first),
                                    control=False)
        folium.GeoJson(_rounded(snaps[day]).__geo_interface__, style_function=lambda f: {
            "color": "#b3261e", "weight": 0.5, "fillColor": "#e06666", "fillOpacity": 0.35},
        ).add_to(group)
        line = front_line(snaps[day])
        if not line.is_empty:
            folium.GeoJson(_rounded(line).__geo_interface__, style_function=lambda f: {
                "color": "#7a0000", "weight": 2.5}).add_to(group)
        group.add_to(m)
        names.append(group.get_name())
    extra = [f"{len(days)} snapshots, {days[0]} to {days[-1]}"]
    if compare:
        d1, d2 = (pd_date(d) for d in compare)
        for d in (d1, d2):
            if d not in snaps:
                raise GeokitValueError(f"no snapshot for {d}; dates are {days[0]} … {days[-1]}")
        # strips thinner than twice the simplification are outline noise, not changes
        t = territory_change(snaps[d1], snaps[d2], min_width_m=2 * simplify_m)
        for geom, colour, label in ((t["gained_geom"], "#8b0000", "gained"),
                                    (t["lost_geom"], "#1b6e3a", "lost")):
            if not geom.is_empty:
                folium.GeoJson(geom.__geo_interface__, name=f"Area {label} {d1} → {d2}",
                               style_function=lambda f, c=colour: {
                                   "color": c, "weight": 1, "fillColor": c,
                                   "fillOpacity": 0.6}).add_to(m)
        extra.append(f"{d1} → {d2}: +{t['gained']:,.0f} km² / −{t['lost']:,.0f} km²")
        if simplify_m:
            extra.append(f"(strips under {2 * simplify_m:g} m wide not counted)")
    mname = m.get_name()
    if has_events:
        _day_slider(m, names, days, first, events, window_days)
    else:
        _snapshot_slider(m, names, days, first)
    _call(m, f"geokitLegend({mname}, 'Front line', "
             f"{_json([['control area', '#e06666'], ['front line', '#7a0000']])}, "
             f"{_json(extra)});")
    # open on every snapshot and every event (event_map fitted those already), so that
    # nothing the slider or the legend speaks of starts out of view
    w, s_, e, n = shapely.total_bounds(list(snaps.values()))
    if not math.isnan(w):
        fit_view(m, (s_, w, n, e))
    if described:
        _described_line(m, described)
    return m


def _day_slider(m, names: list[str], days: list[dt.date], first: dt.date, events,
                window_days: int) -> None:
    """The slider over days: snapshot in force and that day's (or week's) events."""
    if not int(window_days) >= 1:
        raise GeokitValueError(f"window_days must be a whole number >= 1, not {window_days!r}")
    dates = pd.to_datetime(pd.DataFrame(events)["event_date"], errors="coerce").dropna() \
        if "event_date" in events else pd.Series(dtype="datetime64[ns]")
    lo = min([days[0], *([dates.min().date()] if len(dates) else [])])
    hi = max([days[-1], *([dates.max().date()] if len(dates) else [])])
    span = [d.date().isoformat() for d in pd.date_range(lo, hi, freq="D")]
    data = {"layers": names, "snapshots": [d.isoformat() for d in days],
            "first": days.index(first), "days": span, "window": int(window_days), "start": -1}
    _call(m, f"geokitFrontSlider({m.get_name()}, {_json(data)});")


def _snapshot_slider(m, names: list[str], days: list[dt.date], first: dt.date) -> None:
    """The slider over snapshot dates (maps without events)."""
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


def _described_line(m, names: list[str], *, events=None, offline: bool = False):
    """Draw a front line given as place names (dashed, with its places) on ``m``, and grow the
    view to include it."""
    import folium

    from ..conflict.frontline import frontline_from_places
    from ._elements import fit_view

    if events is not None and len(events):
        m = event_map(events, offline=offline)
    line, table = frontline_from_places(names, table=True)
    group = folium.FeatureGroup(name="Front line as described")
    folium.PolyLine([(y, x) for x, y in line.coords], color="#7a0000", weight=3,
                    dash_array="8 6").add_to(group)
    for r in table[table["on_line"]].itertuples():
        folium.CircleMarker([r.lat, r.lon], radius=4, color="#7a0000", weight=1, fill=True,
                            fill_color="#fff", fill_opacity=1,
                            tooltip=_tooltip_text(str(r.query))).add_to(group)
    group.add_to(m)
    skipped = table.loc[~table["on_line"], "query"].astype(str).tolist()
    notes = [f"through {int(table['on_line'].sum())} of {len(table)} named places"]
    if skipped:
        notes.append(f"not placed: {', '.join(skipped)}")
    _call(m, f"geokitLegend({m.get_name()}, 'Front line as described', "
             f"{_json([['described front line', '#7a0000']])}, {_json(notes)});")
    w, s_, e, n = line.bounds
    fit_view(m, (s_, w, n, e))
    m._geokit_described = table
    return m


def _rounded(geom, digits: int = 4):
    """``geom`` with coordinates rounded to ``digits`` decimals (4: about 10 m), for drawing.

    Plain rounding keeps every part (snapping to a grid with ``set_precision`` drops slivers).
    """
    import numpy as np
    import shapely

    return shapely.transform(geom, lambda xy: np.round(xy, digits))


def evacuation_map(settlements: Any, *, border: str = "UA-RU",
                   bands_km: tuple[float, ...] = (5, 10, 20, 30), country: str = "UA",
                   offline: bool = False) -> folium.Map:
    """Settlements (e.g. ordered to evacuate) with their distance to a border and distance bands.

    Parameters
    ----------
    settlements : list of str, DataFrame with a ``name`` column, or file
        Names to geocode (``"Krasnopillia, Sumy Oblast"`` forms welcome); see
        :func:`geokit.conflict.read_settlements`.
    border : str
        Country pair of the border (``"UA-RU"``), from the bundled Natural Earth borders.
    bands_km : tuple of float
        Distance bands shaded inside ``country``; the widest is drawn as the evacuation zone.
    country : str
        ISO code of the country whose side of the border is shaded.
    offline : bool
        Draw without web tiles (vector basemap only).

    Returns
    -------
    folium.Map
        The map; the zone is kept on it as ``m._geokit_zone``.

    Raises
    ------
    GeokitValueError
        For an unknown border pair or bad bands (from
        :func:`geokit.conflict.evacuation_zone`).

    Examples
    --------
    >>> m = evacuation_map(["Krasnopillia, Sumy Oblast", "Velyka Pysarivka"])  # doctest: +SKIP

    The legend lists the placed settlements nearest the border first, with totals; names that
    could not be placed as settlements are listed there too. The full table
    (:class:`geokit.conflict.EvacuationZone`) is kept as ``m._geokit_zone``.
    """
    import folium

    from ..conflict.evacuation import evacuation_zone
    from ._elements import fit_view

    zone = evacuation_zone(settlements, border=border, bands_km=bands_km, country=country)
    placed = zone.placed
    center = (placed["lat"].mean(), placed["lon"].mean()) if len(placed) else (51.0, 34.5)
    m = _base_map(center, 8, offline=offline)
    greys = ["#7f0000", "#b30000", "#d7301f", "#ef6548", "#fc8d59", "#fdbb84"]
    widths = list(zone.bands_km)
    for i, band in enumerate(zone.bands.iloc[::-1].itertuples()):
        if not band.geometry.is_empty:
            b = band.geometry.bounds
            _cover(m, (b[1], b[0], b[3], b[2]))
        colour = greys[(len(widths) - 1 - i) % len(greys)]
        weight = 2 if band.band_km == widths[-1] else 0.5  # the widest band is the zone
        folium.GeoJson(band.geometry.__geo_interface__,
                       name=f"within {band.band_km:g} km of the border",
                       style_function=lambda f, c=colour, w=weight:
                       {"color": c, "weight": w, "fillColor": c, "fillOpacity": 0.12}).add_to(m)
    folium.GeoJson(zone.border.__geo_interface__, name="border",
                   style_function=lambda f: {"color": "#000", "weight": 2.5}).add_to(m)
    for r in placed.itertuples():
        folium.CircleMarker([r.lat, r.lon], radius=6, color="#222", weight=1, fill=True,
                            fill_color="#1f77b4", fill_opacity=0.9,
                            tooltip=_tooltip_text(f"{r.query}: {r.border_km:.1f} km")).add_to(m)
    totals = zone.totals()
    summary = [f"{totals['placed']} settlements placed, GeoNames population "
               f"{totals['population']:,}"]
    if totals["not_placed"]:
        summary.append(f"not placed: {', '.join(map(str, totals['not_placed']))}")
    table = [[f"{r.query} — {r.border_km:.1f} km, pop. {int(r.population or 0):,}", "#1f77b4"]
             for r in placed.itertuples()]
    _call(m, f"geokitLegend({m.get_name()}, "
             f"{_json(f'Settlements by distance to the {border} border')}, "
             f"{_json(table)}, {_json(summary)});")
    folium.LayerControl(collapsed=True).add_to(m)
    if len(placed):  # open on the settlements, whatever the size of the window
        fit_view(m, (placed["lat"].min(), placed["lon"].min(), placed["lat"].max(),
                     placed["lon"].max()), max_zoom=10)
    m._geokit_zone = zone
    m._geokit_table = zone.table
    return m


def _today() -> str:
    return dt.date.today().isoformat()
