"""Situation reports: one self-contained HTML file (and optionally a PDF) for a period.

Python prepares the figures; ``templates/report.html.j2`` (Jinja, autoescaped) holds the markup,
so every string that came from a source is escaped.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import GeokitValueError

log = logging.getLogger(__name__)

#: Colours of event types in charts (the maps use their own palette module when present).
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf")
MAX_TABLE_ROWS = 500
#: Longest text shown in a table cell, legend or chart label; longer source text is cut (with
#: "…") so a crafted or broken 100 KB note cannot make the page take seconds to lay out.
MAX_CELL_CHARS = 300
CAVEATS = (
    "Counts reflect what the sources reported and geokit could place; they are not a census of "
    "events. Reporting is uneven across regions and over time.",
    "Events geocoded only to a district or region (precision 'admin2'/'admin1') are drawn at the "
    "centre of that area; villages known only from Ukraine's codifier (precision 'near') at the "
    "centre of their hromada. The map draws such approximate points as dashed rings.",
    "Dates resolved from relative expressions ('yesterday', 'last week') carry the precision shown "
    "in the table.",
    "Control-area snapshots show one monitor's assessment on the snapshot dates; the front line "
    "between snapshots is not known from these data.",
)


def _clip(text: str) -> str:
    """``text`` cut to :data:`MAX_CELL_CHARS` characters (an ellipsis marks the cut)."""
    return text if len(text) <= MAX_CELL_CHARS else text[:MAX_CELL_CHARS - 1] + "…"


def _to_date(value, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return pd.Timestamp(value).date()
    except (ValueError, TypeError):
        raise GeokitValueError(f"{name}={value!r} is not a date; use YYYY-MM-DD") from None


def _load_events(events) -> pd.DataFrame:
    if isinstance(events, pd.DataFrame):
        return events
    from ..io import read_events

    return read_events(events)


def _chart(period: pd.DataFrame, start: dt.date, end: dt.date, types: list[str],
           colours: dict[str, str]) -> dict[str, Any]:
    """Bars of a stacked daily chart, positioned for the template's SVG."""
    days = pd.date_range(start, end, freq="D")
    counts = (period.assign(day=period["event_date"].dt.normalize())
              .groupby(["day", "event_type"]).size().unstack(fill_value=0)
              .reindex(days, fill_value=0))
    width, height, left, top, base = 900, 260, 40, 10, 230
    peak = max(1, int(counts.sum(axis=1).max()) if len(counts) else 1)
    slot = (width - left - 10) / max(1, len(days))
    bars = []
    for i, day in enumerate(days):
        y = base
        for t in types:
            n = int(counts.at[day, t]) if t in counts.columns else 0
            if not n:
                continue
            h = n / peak * (base - top)
            y -= h
            bars.append({"x": round(left + i * slot + slot * 0.1, 1), "y": round(y, 1),
                         "w": round(max(slot * 0.8, 0.5), 1), "h": round(h, 1),
                         "colour": colours[t], "title": _clip(f"{day.date()}: {n} × {t}")})
    step = max(1, len(days) // 8)
    xticks = [{"x": round(left + i * slot + slot / 2, 1), "label": days[i].strftime("%d %b")}
              for i in range(0, len(days), step)]
    yticks = [{"y": round(base - v / peak * (base - top), 1), "label": str(v)}
              for v in sorted({0, peak // 2, peak})]
    return {"width": width, "height": height, "left": left, "base": base, "bars": bars,
            "xticks": xticks, "yticks": yticks}


def _regions(period: pd.DataFrame, previous: pd.DataFrame) -> list[dict[str, Any]]:
    def by_region(df):
        region = df["admin1"].fillna("").replace("", "(unknown region)")
        return region.value_counts()

    now, before = by_region(period), by_region(previous)
    fat = period.groupby(period["admin1"].fillna("").replace("", "(unknown region)"))[
        "fatalities"].sum(min_count=1) if "fatalities" in period else pd.Series(dtype=float)
    rows = []
    for region in sorted(set(now.index) | set(before.index), key=lambda r: (-now.get(r, 0), r)):
        n, p = int(now.get(region, 0)), int(before.get(region, 0))
        change = n - p
        f = fat.get(region)
        rows.append({"region": _clip(region), "events": n, "previous": p,
                     "change": f"{change:+d}" if p or n else "0",
                     "direction": "up" if change > 0 else ("down" if change < 0 else ""),
                     "fatalities": "" if f is None or pd.isna(f) else int(f)})
    return rows


def _table(period: pd.DataFrame) -> list[dict[str, Any]]:
    rows = []
    ordered = period.sort_values("event_date", ascending=False).head(MAX_TABLE_ROWS)
    for e in ordered.itertuples(index=False):
        get = e._asdict().get
        actors = " vs ".join(str(a) for a in (get("actor1"), get("actor2"))
                             if a is not None and not pd.isna(a) and str(a))
        place = ", ".join(str(x) for x in (get("location"), get("admin1"))
                          if x is not None and not pd.isna(x) and str(x))
        f = get("fatalities")
        rows.append({"date": pd.Timestamp(get("event_date")).date(), "place": _clip(place),
                     "type": _clip(str(get("event_type") or "")), "actors": _clip(actors),
                     "fatalities": "" if f is None or pd.isna(f) else int(f),
                     "precision": _clip(str(get("loc_precision") or "")),
                     "source": "" if get("source") is None or pd.isna(get("source"))
                     else _clip(str(get("source")))})
    return rows


def report(events: pd.DataFrame | str | Path, *, frontlines: Any = None, start: Any = None,
           end: Any = None, region: str | None = None, title: str | None = None,
           output: str | Path | None = None, pdf: str | Path | None = None, map: bool = True,
           evacuation: Any = None, border: str = "UA-RU",
           bands_km: tuple[float, ...] = (5, 10, 20, 30), snapshot_max_age: Any = 31,
           band_km: float = 2.0, progress: Callable[[str], None] | None = None) -> str:
    """Build a situation report for a period; return its HTML (and write files if asked).

    Parameters
    ----------
    events : GeoDataFrame, DataFrame or path
        Events in geokit's schema (see :mod:`geokit.events`), or a file :func:`read_events` reads.
    frontlines : path, optional
        Folder of dated control-area snapshots (``YYYYMMDD.geojson``), or anything
        :func:`geokit.conflict.read_snapshots` reads. Adds the territory change and the
        section "Where events happened": each event against the control area in force on its
        own date (:func:`geokit.conflict.attach_frontline`), the events nearest the line and
        the weekly territory series (:func:`geokit.conflict.territory_series`).
    start, end : date-like, optional
        Reporting period (defaults: the events' first and last dates).
    region : str, optional
        Keep only events whose ``admin1`` contains this text (case-insensitive).
    title : str, optional
        Heading of the report (default: "Situation report").
    output, pdf : path, optional
        Write the HTML / a PDF (printed by headless Chromium) there.
    map : bool
        Embed the map (needs :mod:`geokit.maps`): events by type, the control area at the
        period's start and end when ``frontlines`` are given, and the evacuation zone.
    evacuation : list of str, DataFrame or path, optional
        Settlements ordered to evacuate (names; see :func:`geokit.conflict.read_settlements`).
        The report lists them with their distance to ``border`` and draws the zone on the map.
    border, bands_km
        Border pair and distance bands for ``evacuation`` (see
        :func:`geokit.conflict.evacuation_zone`).
    snapshot_max_age, band_km
        For "Where events happened": a snapshot older than this many days on an event's date
        does not answer for it; events within ``band_km`` of the line count as contested.
    progress : callable, optional
        Called with the name of each stage as it starts: ``"reading"``, ``"geocoding"``
        (placing events against the line and the evacuation list), ``"maps"``, ``"writing"``.
        The ``geokit report`` command draws its progress bar from these.

    Returns
    -------
    str
        The report HTML: one self-contained file that works offline.

    Raises
    ------
    GeokitValueError
        When the events have no ``event_date`` column, there are no dated events and no
        period is given, ``start``/``end`` is not a date, or ``end`` is before ``start``.
    DataMissingError
        When ``pdf`` is asked for and headless Chromium (Playwright) is not installed.

    Examples
    --------
    >>> page = report("events.csv", start="2025-03-01", end="2025-03-07",
    ...               output="week.html")  # doctest: +SKIP
    >>> page = report(events, frontlines="snapshots/", pdf="week.pdf")  # doctest: +SKIP
    """
    from jinja2 import Environment, PackageLoader, select_autoescape

    from .._version import __version__

    stage = progress or (lambda name: None)
    stage("reading")
    ev = _load_events(events).copy()
    if "event_date" not in ev:
        raise GeokitValueError("the events table has no event_date column; read it with "
                               "geokit.read_events so columns follow geokit's schema")
    ev["event_date"] = pd.to_datetime(ev["event_date"], errors="coerce")
    dated = ev.dropna(subset=["event_date"])
    if region:
        dated = dated[dated["admin1"].fillna("").str.contains(region, case=False, regex=False)]
    s = _to_date(start, "start") or (dated["event_date"].min().date() if len(dated) else None)
    e = _to_date(end, "end") or (dated["event_date"].max().date() if len(dated) else None)
    if s is None or e is None:
        raise GeokitValueError("no dated events to report on; give start= and end=")
    if e < s:
        raise GeokitValueError(f"end {e} is before start {s}")
    length = (e - s).days + 1
    in_period = dated["event_date"].dt.date.between(s, e)
    prev_start = s - dt.timedelta(days=length)
    in_prev = dated["event_date"].dt.date.between(prev_start, s - dt.timedelta(days=1))
    period, previous = dated[in_period], dated[in_prev]
    types = sorted(period["event_type"].fillna("unknown").unique().tolist())
    period = period.assign(event_type=period["event_type"].fillna("unknown"))
    colours = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(types)}
    fatalities = pd.to_numeric(period["fatalities"], errors="coerce") \
        if "fatalities" in period else pd.Series(dtype=float)
    figures = [
        {"value": f"{len(period):,}", "label": f"events ({len(period) - len(previous):+,} vs "
                                                "previous period)"},
        {"value": f"{int(fatalities.fillna(0).sum()):,}",
         "label": "reported fatalities"},
        {"value": f"{period['location'].nunique() if 'location' in period else 0:,}",
         "label": "distinct places"},
        {"value": f"{period['admin1'].nunique() if 'admin1' in period else 0:,}",
         "label": "regions"},
    ]
    undated = len(ev) - len(dated)
    caveats = list(CAVEATS)
    if undated:
        caveats.append(f"{undated} events without a usable date are left out of the report.")
    from ..maps import _approximate

    approx = int(_approximate(period).sum()) if len(period) else 0
    if approx:
        caveats.append(f"{approx:,} of the {len(period):,} events have an approximate point "
                       "(see the precision column).")
    stage("geocoding")
    territory, where = None, None
    control: dict[str, tuple[dt.date, Any]] = {}
    if frontlines:
        from ..conflict.frontline import read_snapshots, territory_change

        snaps = read_snapshots(frontlines)
        if snaps:
            days = sorted(snaps)
            d0 = max([d for d in days if d <= s] or [days[0]])
            d1 = max([d for d in days if d <= e] or [days[-1]])
            control = {"start": (d0, snaps[d0]), "end": (d1, snaps[d1])}
            if d0 != d1:
                t = territory_change(snaps[d0], snaps[d1], min_width_m=200)
                territory = {"start": d0, "end": d1, "gained": f"{t['gained']:,.0f}",
                             "lost": f"{t['lost']:,.0f}", "net": f"{t['net']:+,.0f}"}
                figures.append({"value": f"{t['net']:+,.0f} km²",
                                "label": f"net change of mapped control area {d0} to {d1}"})
            from ._where import where_events_happened

            where = where_events_happened(period, snaps, start=s, end=e,
                                          max_age=snapshot_max_age, band_km=band_km, clip=_clip)
    zone, evac = None, None
    if evacuation is not None:
        from ..conflict.evacuation import evacuation_zone

        zone = evacuation_zone(evacuation, border=border, bands_km=bands_km)
        evac = _evacuation_summary(zone)
        figures.append({"value": f"{evac['placed']:,}",
                        "label": f"settlements in the evacuation list "
                                 f"(GeoNames population {evac['population']})"})
    stage("maps")
    map_html, map_note = "", ""
    if map and (len(period) or control or zone is not None):
        map_html, map_note = _map_html(period, control, zone)
    stage("writing")
    env = Environment(loader=PackageLoader("geokit.report", "templates"),
                      autoescape=select_autoescape(["html", "j2"]))
    rows = _table(period)
    page = env.get_template("report.html.j2").render(
        title=title or "Situation report", start=s, end=e, region=region,
        generated=dt.date.today().isoformat(), figures=figures, map_html=map_html,
        map_note=map_note, chart=_chart(period, s, e, types, colours),
        legend=[(_clip(t), c) for t, c in colours.items()], regions=_regions(period, previous),
        territory=territory, where=where, evacuation=evac, rows=rows, total=len(period),
        truncated=len(period) > len(rows), caveats=caveats,
        attributions=[], version=__version__)
    if output:
        Path(output).write_text(page, encoding="utf-8")
    if pdf:
        _print_pdf(page, Path(pdf))
    return page


def _evacuation_summary(zone) -> dict[str, Any]:
    """Rows and totals of the evacuation section."""
    totals = zone.totals()
    rows = [{"query": _clip(str(r.query)), "name": _clip(str(r.name)),
             "admin1": _clip(str(r.admin1 or "")),
             "km": f"{r.border_km:.1f}", "population": f"{int(r.population or 0):,}"}
            for r in zone.placed.itertuples()]
    bands = [{"km": f"{km:g}", "count": n} for km, n in totals["within_km"].items()]
    return {"rows": rows, "placed": totals["placed"], "population": f"{totals['population']:,}",
            "not_placed": [_clip(str(q)) for q in totals["not_placed"]], "bands": bands, "border": zone.border_name,
            "widest": f"{max(zone.bands_km):g}"}


def _map_html(period, control: dict, zone) -> tuple[str, str]:
    """Standalone offline HTML of the report map, or an empty string when maps are unavailable."""
    try:
        from .. import maps
    except ImportError:
        return "", ""
    notes = []
    try:
        m = maps.event_map(period)
        if len(period):
            notes.append("Events of the reporting period, coloured by type.")
        _add_control_layers(m, control, notes)
        if zone is not None:
            _add_evacuation_layers(m, zone, notes)
        _fit(m, period, control, zone)
        html_text = maps.to_html(m, offline=True)
    except Exception as exc:  # the report still stands without its map
        log.warning("report: map left out (%s)", exc)
        return "", f"The map could not be drawn: {html.escape(str(exc))}"
    return html_text, " ".join(notes)


def _fit(m, period, control: dict, zone) -> None:
    """Zoom the map to everything it shows: events, control areas and listed settlements."""
    import shapely

    parts = [geom for _, geom in control.values()]
    if zone is not None and len(zone.placed):
        parts.append(shapely.multipoints(list(zip(zone.placed["lon"], zone.placed["lat"],
                                                  strict=True))))
    pts = period.dropna(subset=["lat", "lon"]) if {"lat", "lon"} <= set(period.columns) else []
    if len(pts):
        parts.append(shapely.multipoints(list(zip(pts["lon"], pts["lat"], strict=True))))
    if parts:
        w, s, e, n = shapely.union_all(parts).bounds
        m.fit_bounds([[s, w], [n, e]])


def _add_control_layers(m, control: dict, notes: list[str]) -> None:
    """Control area at the period's start (dashed outline) and end (filled, with front line)."""
    import folium

    from ..conflict.frontline import front_line

    if not control:
        return
    (d0, start), (d1, end) = control["start"], control["end"]
    styles = {"start": {"color": "#555", "weight": 1.5, "dashArray": "6 4", "fill": False},
              "end": {"color": "#b3261e", "weight": 0.5, "fillColor": "#e06666",
                      "fillOpacity": 0.3}}
    for key, day, geom in (("start", d0, start), ("end", d1, end)):
        if key == "start" and d0 == d1:
            continue
        group = folium.FeatureGroup(name=f"Control area {day} (period {key})")
        folium.GeoJson(geom.__geo_interface__, tooltip=f"Control area {day} (period {key})",
                       style_function=lambda f, st=styles[key]: st).add_to(group)
        if key == "end":
            line = front_line(geom)
            if not line.is_empty:
                folium.GeoJson(line.__geo_interface__, style_function=lambda f: {
                    "color": "#7a0000", "weight": 2.5}).add_to(group)
        group.add_to(m)
    notes.append(f"Red: control area on {d1} with its front line"
                 + (f"; dashed: control area on {d0}." if d0 != d1 else "."))


def _add_evacuation_layers(m, zone, notes: list[str]) -> None:
    """The widest distance band as the evacuation zone, and the listed settlements."""
    import folium

    widest = zone.bands.iloc[-1]
    group = folium.FeatureGroup(name=f"Evacuation zone ({widest.band_km:g} km)")
    folium.GeoJson(widest.geometry.__geo_interface__, tooltip=html.escape(
        f"Evacuation zone ({widest.band_km:g} km from the {zone.border_name} border)"),
        style_function=lambda f: {
        "color": "#d7301f", "weight": 1.5, "fillColor": "#fc8d59", "fillOpacity": 0.15}
    ).add_to(group)
    for r in zone.placed.itertuples():
        folium.CircleMarker([r.lat, r.lon], radius=5, color="#222", weight=1, fill=True,
                            fill_color="#fdbb84", fill_opacity=0.95,
                            tooltip=html.escape(f"{r.query}: {r.border_km:.1f} km from the border")
                            ).add_to(group)
    group.add_to(m)
    notes.append(f"Orange: the {widest.band_km:g} km evacuation zone along the "
                 f"{zone.border_name} border and the settlements listed below.")


def _print_pdf(page: str, path: Path) -> None:
    from .._browser import chromium_page

    with chromium_page() as browser_page:
        browser_page.set_content(page, wait_until="load")
        browser_page.pdf(path=str(path), format="A4", print_background=True)
