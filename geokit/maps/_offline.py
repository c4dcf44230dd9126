"""Standalone HTML: inline the pinned Leaflet assets and drop every other remote file."""

from __future__ import annotations

import base64
import re
from importlib import resources
from pathlib import Path

from ..errors import DataMissingError

_SCRIPT_RE = re.compile(r'<script[^>]+src="(https?:[^"]+)"[^>]*>\s*</script>', re.I)
_LINK_RE = re.compile(r'<link[^>]+href="(https?:[^"]+)"[^>]*/?>', re.I)


def assets_dir() -> Path:
    return Path(str(resources.files("geokit") / "maps" / "_assets"))


def _asset(name: str) -> str:
    path = assets_dir() / name
    if not path.exists():
        raise DataMissingError(
            f"offline map asset {name} is missing from {path.parent}. From a source checkout run "
            "`make assets` (or `python scripts/fetch_assets.py`), which fetches the pinned, "
            "checksummed files from the npm registry.")
    return path.read_text(encoding="utf-8")


_MIME = {".png": "image/png", ".svg": "image/svg+xml"}
#: Remote files folium and its plugins use -> the pinned local copy that replaces them.
_INLINE_JS = {
    r"/leaflet(@[\d.]+)?/dist/leaflet\.js$": "leaflet.js",
    r"/leaflet\.fullscreen@[\d.]+/Control\.FullScreen(\.min)?\.js$": "Control.FullScreen.js",
    # ours (jsdelivr, pinned) and folium's own MarkerCluster/HeatMap plugin URLs
    r"/leaflet\.markercluster(@|/)[\d.]+/(dist/)?leaflet\.markercluster(-src)?\.js$":
        "leaflet.markercluster.js",
    r"/leaflet\.heat@[\d.]+/dist/leaflet-heat\.js$": "leaflet-heat.js",
    r"/leaflet_heat\.min\.js$": "leaflet-heat.js",
}
_INLINE_CSS = {
    r"/leaflet(@[\d.]+)?/dist/leaflet\.css$": "leaflet.css",
    r"/leaflet\.fullscreen@[\d.]+/Control\.FullScreen\.css$": "Control.FullScreen.css",
    r"/leaflet\.markercluster(@|/)[\d.]+/(dist/)?MarkerCluster\.css$": "MarkerCluster.css",
    r"/leaflet\.markercluster(@|/)[\d.]+/(dist/)?MarkerCluster\.Default\.css$":
        "MarkerCluster.Default.css",
}


def _css(name: str) -> str:
    """A stylesheet with its images turned into data URIs."""
    css = _asset(name)

    def data_uri(m: re.Match) -> str:
        img = assets_dir() / Path(m.group(1)).name
        if not img.exists():
            return "none"
        mime = _MIME.get(img.suffix, "application/octet-stream")
        return f"url(data:{mime};base64," + base64.b64encode(img.read_bytes()).decode() + ")"

    return re.sub(r"url\(['\"]?((?:images/)?[\w\-.]+\.(?:png|svg))['\"]?\)", data_uri, css)


def _safe_inline(code: str) -> str:
    return code.replace("</script", "<\\/script")


def inline_assets(html: str) -> str:
    """Replace remote ``<script>``/``<link>`` tags: Leaflet is inlined, the rest removed."""

    def replacer(table: dict[str, str], inline):
        def sub(m: re.Match) -> str:
            url = m.group(1)
            for pattern, name in table.items():
                if re.search(pattern, url):
                    return inline(name)
            return f"<!-- geokit offline: removed {url.rsplit('/', 1)[-1]} (not used) -->"

        return sub

    script = replacer(_INLINE_JS, lambda name: f"<script>{_safe_inline(_asset(name))}</script>")
    link = replacer(_INLINE_CSS, lambda name: f"<style>{_css(name)}</style>")

    html = _SCRIPT_RE.sub(script, html)
    return _LINK_RE.sub(link, html)
