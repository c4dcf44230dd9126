"""The report stage: HTML (and PDF) reports built from an events table.

Markup lives in the Jinja templates of ``geokit/report/templates/`` (autoescaped); Python only
prepares the data.
"""

from ._report import report

__all__ = ["report"]
