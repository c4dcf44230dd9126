"""Small folium elements geokit's maps are made of (imported lazily: folium is heavy).

``Script`` runs a piece of JavaScript after the map and the layers added before it exist, and
can ask for plugin files (Leaflet.markercluster, Leaflet.heat) that are loaded from a CDN online
and inlined from the pinned npm copies offline (see ``_offline.py``).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from branca.element import CssLink, Element, JavascriptLink, MacroElement

from ._script import script_json as _json

_CDN = "https://cdn.jsdelivr.net/npm"
#: Pixels kept free around the fitted view, so points on its edge are drawn whole.
FIT_PADDING = 20


@lru_cache(maxsize=1)
def _versions() -> dict[str, str]:
    lock = resources.files("geokit") / "maps" / "assets.lock.json"
    return {name: spec["version"] for name, spec in json.loads(lock.read_text("utf-8")).items()}


def plugin_links(plugin: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(js, css) links of a plugin at the version pinned in ``assets.lock.json``."""
    version = _versions()[plugin]
    base = f"{_CDN}/{plugin}@{version}/dist"
    if plugin == "leaflet.markercluster":
        return ([(plugin, f"{base}/leaflet.markercluster.js")],
                [("markercluster_css", f"{base}/MarkerCluster.css"),
                 ("markercluster_default_css", f"{base}/MarkerCluster.Default.css")])
    if plugin == "leaflet.heat":
        return [(plugin, f"{base}/leaflet-heat.js")], []
    raise KeyError(plugin)


class _Raw(Element):
    """Text rendered as is. (branca renders a macro's output again as a Jinja template, which
    would evaluate ``{{ ... }}`` found in the data: template injection.)"""

    def __init__(self, code: str):
        super().__init__()
        self.code = code

    def render(self, **kwargs) -> str:
        return self.code


class _ScriptElement(MacroElement):
    """Base: puts ``self.code()`` into the page's script, after the elements added before it,
    and the plugin links into the header."""

    plugins: tuple[str, ...] = ()

    def code(self) -> str:
        raise NotImplementedError

    def render(self, **kwargs) -> None:
        figure = self.get_root()
        for plugin in self.plugins:
            js, css = plugin_links(plugin)
            for name, url in js:
                figure.header.add_child(JavascriptLink(url), name=name)
            for name, url in css:
                figure.header.add_child(CssLink(url), name=name)
        figure.script.add_child(_Raw(self.code()), name=self.get_name())


class Script(_ScriptElement):
    """Inline JavaScript run after the elements added before it, plus plugin links."""

    def __init__(self, code: str, *, plugins: tuple[str, ...] = ()):
        super().__init__()
        self._name = "GeokitScript"
        self._code = code
        self.plugins = plugins

    def code(self) -> str:
        return self._code


class Basemap(_ScriptElement):
    """The vector basemap of a map (see ``_basemap.py``), computed when the page is rendered.

    A map rendered without web tiles (``save_html(..., offline=True)`` removes them) gets the
    full offline basemap; a map with tiles gets country outlines only.
    """

    def __init__(self, bounds: tuple[float, float, float, float]):
        super().__init__()
        self._name = "GeokitBasemap"
        self.bounds = bounds

    def extend(self, bounds: tuple[float, float, float, float]) -> None:
        """Grow the area the basemap covers to include ``bounds`` (south, west, north, east)."""
        s, w, n, e = self.bounds
        self.bounds = (min(s, bounds[0]), min(w, bounds[1]), max(n, bounds[2]),
                       max(e, bounds[3]))

    def code(self) -> str:
        from folium import TileLayer

        from ._basemap import basemap_data

        tiles = any(isinstance(c, TileLayer) for c in self._parent._children.values())
        data = basemap_data(self.bounds, offline=not tiles)
        return f"geokitBasemap({self._parent.get_name()}, {_json(data)});"


def fit_view(m, box: tuple[float, float, float, float], *, max_zoom: int | None = None) -> None:
    """Open ``m`` on ``box`` (south, west, north, east) grown by every box fitted before on it.

    The map keeps one fit (folium would add a ``fitBounds`` call per ``fit_bounds``, the last
    winning), made without animation: an animated first zoom leaves the page moving for a
    quarter of a second after it has loaded. The basemap is made to cover the view too.
    """
    from folium.map import FitBounds

    s, w, n, e = (float(v) for v in box)
    old = getattr(m, "_geokit_view", None)
    if old is not None:
        s, w, n, e = min(s, old[0]), min(w, old[1]), max(n, old[2]), max(e, old[3])
    for key, child in list(m._children.items()):
        if isinstance(child, FitBounds):
            del m._children[key]
    fit = FitBounds([[s, w], [n, e]], padding=(FIT_PADDING, FIT_PADDING), max_zoom=max_zoom)
    fit.options["animate"] = False
    m.add_child(fit)
    m._geokit_view = (s, w, n, e)
    basemap = getattr(m, "_geokit_basemap", None)
    if basemap is not None:
        basemap.extend((s, w, n, e))
