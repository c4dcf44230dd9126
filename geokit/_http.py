"""All network access of geokit goes through here (like osmnx's ``_http``).

Only the opt-in online geocoder uses it. Answers are cached on disk in the user cache directory
(never the working directory), so a re-run sends nothing for names already asked.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

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
