"""Hostile strings and a headless-Chromium probe that proves they stay text.

Every active payload, if it ever ran, would leave a trace the probe sees: a dialog
(``alert``/``confirm``/``prompt``), a console message containing :data:`MARK`, a request to
the reserved host ``xss.invalid``, or ``window.__gkx`` set. Inert payloads (long, right-to-left,
emoji, control characters, template syntax) check that text survives unchanged.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

#: Text every executing payload puts in a dialog or console message.
MARK = "GKX"
#: Host that only a payload would request (``.invalid`` never resolves, RFC 2606).
EVIL_HOST = "xss.invalid"

#: (key, payload): the hostile-string corpus. Keys name the technique.
PAYLOADS: tuple[tuple[str, str], ...] = (
    ("script-tag", f"<script>alert('{MARK}-script')</script>"),
    ("img-onerror", f'<img src="https://{EVIL_HOST}/img" onerror="alert(\'{MARK}-img\')">'),
    ("svg-onload", f"<svg/onload=alert('{MARK}-svg')>"),
    ("handler-attr", f'<div onmouseover="alert(\'{MARK}-hover\')" '
                     f'style="position:fixed;inset:0;z-index:99999">hover me</div>'),
    ("javascript-url", f"javascript:alert('{MARK}-jsurl')"),
    ("javascript-link", f'<a href="javascript:alert(\'{MARK}-link\')">source</a>'),
    ("quote-break", f"\"';alert('{MARK}-quote');//"),
    ("backtick-template", f"`${{alert('{MARK}-backtick')}}`"),
    ("json-break", f'"}}]);window.__gkx=1;alert(\'{MARK}-json\');//'),
    ("close-script", f"</script><script>alert('{MARK}-close')</script>"),
    ("html-comment", f"<!--<script>alert('{MARK}-comment')</script>"),
    ("close-style", f"</style></title></textarea><script>alert('{MARK}-style')</script>"),
    ("attr-break", f"\"><img src=x onerror=alert('{MARK}-attr')>"),
    ("iframe-js", f"<iframe src=\"javascript:alert('{MARK}-iframe')\"></iframe>"),
    ("meta-refresh", f'<meta http-equiv="refresh" content="0;url=https://{EVIL_HOST}/meta">'),
    ("base-href", f'<base href="https://{EVIL_HOST}/">'),
    ("css-import", f"<style>@import 'https://{EVIL_HOST}/css';</style>"),
    ("template-syntax", "{{ 7*7 }} {% if 1 %}x{% endif %} ${7*7} #{7*7} <%= 7*7 %> {s}{z}"),
    ("escaped-looking", "\\u003cscript\\u003e &lt;b&gt; &amp;amp; \\x3c"),
    ("line-separators", f"a\u2028b\u2029c</script\u2028><script>alert('{MARK}-ls')</script>"),
    ("right-to-left", "\u202eevil.exe\u202c مدينة حلب שלום \u200f(RTL)\u200e"),
    ("emoji", "💥🔥 Бахмут 🇺🇦 👩🏽‍🚒 ̸͓̐Z̷a̶l̵g̸o̸"),
    ("control-chars", "nul\x00 bell\x07 esc\x1b[31m del\x7f tab\t cr\r vt\x0b end"),
    ("long", "Long note " + "ЖжЖ <b>x</b> " * 8_000),
)


def by_key() -> dict[str, str]:
    """The corpus as a ``{key: payload}`` dict."""
    return dict(PAYLOADS)


def shown(text: str) -> str:
    """``text`` as it can be compared with a browser's ``innerText``: without whitespace and
    control characters (HTML turns NUL into U+FFFD, title bars turn controls into spaces);
    bidi marks, joiners and everything else kept. Compare ``shown(payload) in shown(seen)``."""
    return "".join(ch for ch in text if not ch.isspace() and ch != "\ufffd" and
                   unicodedata.category(ch) != "Cc")


@dataclass
class PageState:
    """What one page did: dialogs, marked console messages, page errors, stray requests."""

    dialogs: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Everything that proves a payload ran (or the page broke)."""
        out = [f"dialog: {d}" for d in self.dialogs]
        out += [f"console: {c}" for c in self.console]
        out += [f"page error: {e}" for e in self.errors]
        out += [f"request: {r}" for r in self.requests]
        return out


class Probe:
    """One headless Chromium page that loads many documents and records what they do.

    Requests to the CDN files folium uses are answered from the pinned local Leaflet copy (or
    an empty file), so ``offline=False`` pages run fully without a network; any other remote
    request is blocked and recorded.
    """

    def __init__(self, page):
        self.page = page
        self.state = PageState()
        self.loads = 0
        page.on("dialog", self._dialog)
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.state.errors.append(str(e)))
        page.context.route("**/*", self._route)

    def _dialog(self, dialog) -> None:
        self.state.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, msg) -> None:
        if MARK in msg.text or msg.type == "error":
            self.state.console.append(msg.text)

    def _route(self, route) -> None:
        from geokit.maps._offline import _INLINE_CSS, _INLINE_JS, assets_dir

        url = route.request.url
        if url.startswith(("file:", "data:", "about:", "blob:")):
            route.continue_()
            return
        cdn = ("cdn.jsdelivr.net", "code.jquery.com", "cdnjs.cloudflare.com",
               "netdna.bootstrapcdn.com", "tile.openstreetmap.org")
        if EVIL_HOST not in url and any(f"://{h}/" in url or f".{h}/" in url for h in cdn):
            for pattern, name in {**_INLINE_JS, **_INLINE_CSS}.items():
                if re.search(pattern, url):
                    route.fulfill(path=str(assets_dir() / name))
                    return
            kind = "text/css" if url.endswith(".css") else "application/javascript"
            route.fulfill(status=200, body="", content_type=kind)
            return
        self.state.requests.append(url)
        route.abort()

    def load(self, path: Path, wait_ms: int = 150) -> PageState:
        """Open ``path`` and return what it did (a fresh :class:`PageState` per load)."""
        self.state = PageState()
        self.page.goto(Path(path).as_uri(), wait_until="load")
        self.page.wait_for_timeout(wait_ms)
        self.loads += 1
        return self.state

    def pwned(self) -> bool:
        """``True`` when a payload set ``window.__gkx`` in the page or one of its frames."""
        return any(f.evaluate("() => window.__gkx === 1") for f in self.page.frames)

    def js_links(self) -> list[str]:
        """``href`` of every link in any frame whose URL scheme can run code."""
        out = []
        for f in self.page.frames:
            out += f.evaluate("""() => Array.from(document.querySelectorAll('[href],[src]'))
                .map(e => e.getAttribute('href') || e.getAttribute('src') || '')
                .filter(h => /^\\s*(javascript|vbscript|data:text\\/html)/i.test(h))""")
        return out


@contextlib.contextmanager
def probe() -> Iterator[Probe]:
    """A :class:`Probe` in headless Chromium; skips the test when Chromium is missing."""
    import pytest

    pytest.importorskip("playwright")
    from geokit._browser import chromium_page, chromium_path

    try:
        chromium_path()
    except FileNotFoundError:
        pytest.skip("Chromium not installed (make test installs it)")
    with chromium_page(1000, 700) as page:
        yield Probe(page)
