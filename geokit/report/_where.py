"""The report's "Where events happened" section: each event against the control area of its day.

Python prepares every figure and chart position here; the template only lays them out (and
escapes every string).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

#: Rows of the control table, in order; "no snapshot" collects every event without an answer.
CONTROL_ROWS = ("inside", "contested", "outside", "no snapshot")
NEAREST_ROWS = 10


def where_events_happened(
    period: pd.DataFrame,
    snaps: dict,
    *,
    start: dt.date,
    end: dt.date,
    max_age: Any,
    band_km: float,
    clip,
) -> dict[str, Any] | None:
    """Counts and fatalities by control status, the events nearest the line and the weekly
    territory series for the period; ``None`` when there is nothing to show."""
    from ..conflict.attach import attach_frontline
    from ..conflict.territory import TOTAL, territory_series

    if not snaps:
        return None
    placed = attach_frontline(period, snaps, max_age=max_age, band_km=band_km)
    status = placed["control"].astype(object).where(placed["control"].notna(), "no snapshot")
    fat = (
        pd.to_numeric(placed["fatalities"], errors="coerce")
        if "fatalities" in placed
        else pd.Series(np.nan, index=placed.index)
    )
    total = max(1, len(placed))
    rows = []
    for name in CONTROL_ROWS:
        sel = status == name
        n = int(sel.sum())
        if n or name != "no snapshot":
            f = fat[sel].sum(min_count=1)
            rows.append(
                {
                    "control": name,
                    "events": f"{n:,}",
                    "share": f"{n / total:.0%}",
                    "fatalities": "" if pd.isna(f) else f"{int(f):,}",
                }
            )
    reasons = placed["front_reason"].value_counts()
    why = [f"{int(n):,} {r}" for r, n in reasons.items() if n]

    answered = placed[placed["front_distance_km"].notna()]
    near = answered.loc[answered["front_distance_km"].abs().sort_values().index[:NEAREST_ROWS]]
    nearest = []
    for e in near.itertuples(index=False):
        get = e._asdict().get
        place = ", ".join(
            str(x)
            for x in (get("location"), get("admin1"))
            if x is not None and not pd.isna(x) and str(x)
        )
        f = get("fatalities")
        nearest.append(
            {
                "date": pd.Timestamp(get("event_date")).date(),
                "place": clip(place),
                "type": clip(str(get("event_type") or "")),
                "control": str(get("control")),
                "km": f"{get('front_distance_km'):+.1f}",
                "snapshot": pd.Timestamp(get("snapshot_date")).date(),
                "fatalities": "" if f is None or pd.isna(f) else int(f),
            }
        )

    days = sorted(snaps)
    first = max([d for d in days if d <= start] or [days[0]])
    used = {d: snaps[d] for d in days if first <= d <= end}
    series = territory_series(used, by="admin1", freq="W", countries=_countries(used))
    overall = series[series["admin1"] == TOTAL].reset_index(drop=True)
    regions = series[series["admin1"] != TOTAL]
    by_region = (
        regions.groupby("admin1")[["gained_km2", "lost_km2"]]
        .sum()
        .assign(net=lambda t: t["gained_km2"] - t["lost_km2"])
    )
    by_region = by_region[(by_region["gained_km2"] >= 0.5) | (by_region["lost_km2"] >= 0.5)]
    by_region = by_region.reindex(by_region["net"].abs().sort_values(ascending=False).index)
    weeks = list(overall.itertuples())
    return {
        "rows": rows,
        "total": f"{len(placed):,}",
        "band_km": f"{band_km:g}",
        "max_age": _age_text(max_age),
        "why": why,
        "nearest": nearest,
        "weeks": [
            {
                "week": r.period.date(),
                "snapshot": r.snapshot_date.date(),
                "held": f"{r.held_km2:,.0f}",
                "gained": "" if pd.isna(r.gained_km2) else f"{r.gained_km2:,.0f}",
                "lost": "" if pd.isna(r.lost_km2) else f"{r.lost_km2:,.0f}",
                "net": "" if pd.isna(r.net_km2) else f"{r.net_km2:+,.0f}",
            }
            for i, r in enumerate(weeks)
            if i in (0, len(weeks) - 1) or _changed(r)
        ],
        "quiet_weeks": sum(not _changed(r) for r in weeks[1:-1]),
        "regions": [
            {
                "region": clip(str(name)),
                "gained": f"{r.gained_km2:,.0f}",
                "lost": f"{r.lost_km2:,.0f}",
                "net": f"{r.net:+,.0f}",
                "direction": "up" if r.net > 0 else ("down" if r.net < 0 else ""),
            }
            for name, r in by_region.iterrows()
        ],
        "chart": _territory_chart(overall),
    }


def _changed(row) -> bool:
    """Whether a week of the series saw at least half a km² change hands."""
    return bool((row.gained_km2 or 0) >= 0.5 or (row.lost_km2 or 0) >= 0.5)


def _countries(snaps: dict) -> list[str]:
    """Countries (bundled borders) the control areas reach into."""
    import shapely

    from ..gazetteer.borders import borders

    reach = shapely.box(*shapely.total_bounds(np.array(list(snaps.values()), dtype=object)))
    b = borders()
    return sorted(b.loc[b.intersects(reach), "iso_a2"].astype(str)) or ["UA"]


def _age_text(max_age: Any) -> str:
    if max_age is None:
        return "any age"
    if isinstance(max_age, int | float):
        return f"{max_age:g} day" + ("" if max_age == 1 else "s")
    return str(max_age)


def _territory_chart(overall: pd.DataFrame) -> dict[str, Any]:
    """Weekly gained (up) and lost (down) bars, positioned for the template's SVG."""
    width, height, left, top, bottom = 900, 220, 60, 12, 196
    gained = overall["gained_km2"].fillna(0).to_numpy()
    lost = overall["lost_km2"].fillna(0).to_numpy()
    peak = max(1.0, float(np.max(gained, initial=0)), float(np.max(lost, initial=0)))
    mid = (top + bottom) / 2
    scale = (mid - top) / peak
    slot = (width - left - 10) / max(1, len(overall))
    bars = []
    for i, r in enumerate(overall.itertuples()):
        x = round(left + i * slot + slot * 0.15, 1)
        w = round(max(slot * 0.7, 0.5), 1)
        g, lo = gained[i], lost[i]
        if g >= 0.5:
            bars.append(
                {
                    "x": x,
                    "y": round(mid - g * scale, 1),
                    "w": w,
                    "h": round(g * scale, 1),
                    "colour": "#b3261e",
                    "title": f"week of {r.period.date()}: {g:,.0f} km² gained",
                }
            )
        if lo >= 0.5:
            bars.append(
                {
                    "x": x,
                    "y": mid,
                    "w": w,
                    "h": round(lo * scale, 1),
                    "colour": "#1b6e3a",
                    "title": f"week of {r.period.date()}: {lo:,.0f} km² lost",
                }
            )
    step = max(1, len(overall) // 8)
    xticks = [
        {
            "x": round(left + i * slot + slot / 2, 1),
            "label": overall["period"].iloc[i].strftime("%d %b"),
        }
        for i in range(0, len(overall), step)
    ]
    yticks = [{"y": round(mid - v * scale, 1), "label": f"{v:+,.0f}"} for v in (peak, 0.0, -peak)]
    return {
        "width": width,
        "height": height,
        "left": left,
        "mid": mid,
        "bottom": bottom,
        "bars": bars,
        "xticks": xticks,
        "yticks": yticks,
    }
