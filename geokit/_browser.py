"""Headless Chromium for PNG/PDF export (Debian's ``chromium`` driven by ``playwright``).

geokit never downloads a browser: it uses the system Chromium (``/usr/bin/chromium`` or
``GEOKIT_CHROMIUM``) through playwright's ``executable_path``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator

from .errors import DataMissingError

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def chromium_path() -> str:
    """Path of the Chromium executable, or a clear error saying how to install it."""
    for candidate in (os.environ.get("GEOKIT_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.path.exists(candidate):
            return candidate
    raise DataMissingError(
        "headless Chromium is needed for PNG/PDF export but was not found. On Debian/Ubuntu run "
        "`sudo apt-get install chromium` (or `make test`, which installs it as root), or point "
        "GEOKIT_CHROMIUM at a Chromium executable.")


@contextlib.contextmanager
def chromium_page(width: int = 1200, height: int = 800) -> Iterator:
    """A playwright ``Page`` in headless Chromium, closed on exit."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise DataMissingError("PNG/PDF export needs playwright: pip install 'geokit[browser]'"
                               ) from None
    exe = chromium_path()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            yield page
        finally:
            browser.close()
