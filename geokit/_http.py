"""All network access of geokit goes through here (like osmnx's ``_http``).

Two opt-in features use it: the online geocoder (its answers are cached on disk in the user
cache directory, never the working directory, so a re-run sends nothing for names already asked)
and ``geokit gazetteer download`` (:func:`fetch`: resumable file downloads).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import DownloadError

_SCHEMA = "CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, value TEXT NOT NULL)"


class DiskCache:
    """A tiny key -> JSON cache in an SQLite file, safe to share between threads."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with sqlite3.connect(self.path) as db:
            db.execute(_SCHEMA)

    def get(self, key: str) -> Any | None:
        with self._lock, sqlite3.connect(self.path) as db:
            row = db.execute("SELECT value FROM answers WHERE key = ?", (key,)).fetchone()
        return None if row is None else json.loads(row[0])

    def put(self, key: str, value: Any) -> None:
        with self._lock, sqlite3.connect(self.path) as db:
            db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?)", (key, json.dumps(value)))


_CHUNK = 1 << 16


def _user_agent() -> str:
    from ._version import __version__

    return f"geokit/{__version__} (+https://pypi.org/project/geokit/)"


def fetch(url: str, dest: str | Path, *, progress: Callable[[int, int | None], None] | None = None,
          timeout: float = 60.0) -> Path:
    """Download ``url`` to ``dest``, resuming a partial download left by an earlier attempt.

    Bytes arrive in ``dest`` + ``.part``; a second call asks the server for the rest (HTTP
    ``Range``) and starts over when the server ignores the range. ``dest`` appears only once
    every byte the server announced has arrived. ``progress(done, total)`` is called as bytes
    arrive (``total`` is ``None`` when the server does not say).

    Raises
    ------
    DownloadError
        Naming the URL, what went wrong and what to do; a partial file is kept for resuming.
    """
    import http.client  # imported here: `import geokit` should not pay for the HTTP stack
    import urllib.error
    import urllib.request

    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    have = part.stat().st_size if part.exists() else 0
    headers = {"User-Agent": _user_agent()}
    if have:
        headers["Range"] = f"bytes={have}-"
    try:
        resp = urllib.request.urlopen(urllib.request.Request(url, headers=headers),
                                      timeout=timeout)
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and have:  # nothing left to send: the partial file is whole
            part.replace(dest)
            return dest
        raise DownloadError(f"{url}: the server answered HTTP {exc.code} ({exc.reason}); "
                            + _advice(exc.code)) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise DownloadError(f"cannot reach {url} ({reason}); check the network connection and "
                            "the address, or give a mirror's address") from None
    with resp:
        start = have if resp.status == 206 else 0
        length = resp.headers.get("Content-Length")
        total = start + int(length) if length and length.isdigit() else None
        done = start
        try:
            with part.open("ab" if start else "wb") as fh:
                while block := resp.read(_CHUNK):
                    fh.write(block)
                    done += len(block)
                    if progress is not None:
                        progress(done, total)
        except (http.client.HTTPException, OSError) as exc:
            raise DownloadError(
                f"download of {url} stopped after {done:,} bytes ({type(exc).__name__}); run "
                f"it again to resume (the partial file {part} is kept)") from None
    if total is not None and done < total:
        raise DownloadError(f"download of {url} stopped after {done:,} of {total:,} bytes; run "
                            f"it again to resume (the partial file {part} is kept)")
    part.replace(dest)
    return dest


def _advice(code: int) -> str:
    if code == 404:
        return "no such file there: check the name (country codes are two letters, e.g. UA) " \
            "and the server address"
    if code in (401, 403):
        return "the server refuses access: use another mirror"
    if code == 429 or code >= 500:
        return "the server is busy or failing: try again later, or use a mirror"
    return "check the address"
