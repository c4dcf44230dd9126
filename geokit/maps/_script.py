"""Data into <script> elements: the JSON escaping every map uses."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["script_json"]


def script_json(data: Any) -> str:
    """JSON that is safe inside a <script> element (no tag, comment or line-separator breaks)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    for a, b in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                 ("\u2029", "\\u2029")):
        text = text.replace(a, b)
    return text
