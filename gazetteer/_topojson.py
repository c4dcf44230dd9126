"""Minimal TopoJSON -> shapely decoder for the world-atlas files (quantised arcs)."""

from __future__ import annotations

from shapely.geometry import MultiPolygon, Polygon


def _decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def _ring(arcs, indices):
    pts: list[tuple[float, float]] = []
    for i in indices:
        seg = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(seg if not pts else seg[1:])
    return pts


def geometries(topo: dict, name: str):
    """Yield ``(id, properties, shapely geometry)`` for each object of collection ``name``."""
    arcs = _decode_arcs(topo)
    for g in topo["objects"][name]["geometries"]:
        if g["type"] == "Polygon":
            polys = [g["arcs"]]
        elif g["type"] == "MultiPolygon":
            polys = g["arcs"]
        else:
            continue
        shapes = []
        for rings in polys:
            coords = [_ring(arcs, r) for r in rings]
            if len(coords[0]) >= 4:
                shapes.append(Polygon(coords[0], [c for c in coords[1:] if len(c) >= 4]))
        yield g.get("id"), g.get("properties", {}), MultiPolygon(shapes).buffer(0)
