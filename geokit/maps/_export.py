"""Writing maps out: one HTML page (online or fully offline), a notebook frame, a PNG."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import folium

__all__ = ["to_html", "save_html", "save_png"]


def to_html(m: folium.Map, *, offline: bool = False) -> str:
    """The map as one HTML document; ``offline=True`` inlines assets and loads nothing remote.

    Parameters
    ----------
    m : folium.Map
        A map made by one of the functions here (or any folium map).
    offline : bool
        Leave out web tiles and inline every script and stylesheet, so the page loads nothing.

    Returns
    -------
    str
        The HTML page.

    Raises
    ------
    DataMissingError
        With ``offline=True`` when the bundled Leaflet assets are missing.

    Examples
    --------
    >>> page = to_html(event_map(events), offline=True)  # doctest: +SKIP
    """
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


def _notebook_html(m) -> str:
    """The offline page in an ``<iframe srcdoc>`` for Jupyter (as folium does for online maps;
    the whole page is attribute-escaped, so inlined scripts cannot end the attribute)."""
    page = html.escape(to_html(m, offline=True), quote=True)
    return ('<div style="width:100%;"><div style="position:relative;width:100%;height:0;'
            'padding-bottom:60%;"><iframe srcdoc="' + page + '" style="position:absolute;'
            'width:100%;height:100%;left:0;top:0;border:none !important;" allowfullscreen>'
            "</iframe></div></div>")


def save_html(m: folium.Map, path: str | Path, *, offline: bool = False) -> Path:
    """Write the map as a standalone HTML file (see :func:`to_html`).

    Parameters
    ----------
    m : folium.Map
        The map.
    path : str or Path
        File to write (UTF-8).
    offline : bool
        Write the self-contained offline page (also used when the map was made offline).

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    OSError
        When the file cannot be written.

    Examples
    --------
    >>> save_html(event_map(events), "events.html", offline=True)  # doctest: +SKIP
    PosixPath('events.html')
    """
    path = Path(path)
    path.write_text(to_html(m, offline=offline or getattr(m, "_geokit_offline", False)),
                    encoding="utf-8")
    return path


def save_png(m: folium.Map, path: str | Path, *, width: int = 1200, height: int = 800,
             wait_ms: int = 500) -> Path:
    """Screenshot of the map in headless Chromium (the offline page, so no tiles are needed).

    Parameters
    ----------
    m : folium.Map
        The map.
    path : str or Path
        PNG file to write.
    width, height : int
        Size of the browser window in pixels.
    wait_ms : int
        Milliseconds to let the page draw before the screenshot.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    DataMissingError
        When Playwright (the ``browser`` extra) or its Chromium is not installed.

    Examples
    --------
    >>> save_png(event_map(events), "events.png")  # doctest: +SKIP
    PosixPath('events.png')
    """
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
