"""Full GeoNames country dumps as user layers (opt-in network use).

The bundled gazetteer holds GeoNames' places of 500 people or more; villages of Russia's border
oblasts and most hamlets are missing. ``geokit gazetteer download UA RU BY`` (or
:func:`download`) fetches GeoNames' country dumps (``XX.zip``) and their alternate names
(``alternatenames/XX.zip``), checks them, and stores one layer per country in the user data
directory (``layers/geonames-XX.zip``, read like any layer). Nothing else in geokit downloads
data; the transfer itself goes through :func:`geokit._http.fetch` (resumable).

Checks: each zip must be whole (``ZipFile.testzip``) and hold ``XX.txt``; dump rows have the 19
GeoNames columns and a numeric id, alternate-name rows at least 4 columns; a dump with no row of
the country is refused. Data: GeoNames (CC BY 4.0), credit "GeoNames, geonames.org".
"""

from __future__ import annotations

import logging
import os
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .._config import options
from .._http import fetch
from ..errors import DownloadError, GeokitTypeError, GeokitValueError

log = logging.getLogger(__name__)

__all__ = ["GEONAMES_URL", "DownloadResult", "download"]

#: Where GeoNames publishes its dumps; ``base_url=`` or ``GEOKIT_GEONAMES_URL`` name a mirror.
GEONAMES_URL = "https://download.geonames.org/export/dump/"
_DUMP_COLUMNS = 19
_ALT_COLUMNS = 4  # alternateNameId, geonameid, isolanguage, alternate name (V2 has 10)
#: Alternate "names" that are codes or links, not names.
_NOT_NAMES = frozenset(
    {
        "link",
        "post",
        "iata",
        "icao",
        "faac",
        "fr_1793",
        "abbr",
        "wkdt",
        "unlc",
        "tcid",
        "phon",
        "piny",
    }
)
_KEEP_CLASSES = frozenset({"P", "A"})  # populated places; admin areas (the layer reader's kinds)


@dataclass(frozen=True)
class DownloadResult:
    """What :func:`download` stored for one country."""

    country: str
    layer: Path
    places: int  # rows kept in the layer (populated places and admin areas)
    dump_rows: int  # rows of the country dump
    alternate_names: int  # alternate names added to the layer's rows


def _codes(countries: str | Iterable[str]) -> list[str]:
    from ._store import country_code

    if isinstance(countries, str):
        countries = [countries]
    out = []
    for value in countries:
        if not isinstance(value, str):
            raise GeokitTypeError(f"a country is a code such as 'UA' or a name, not {value!r}")
        code = country_code(value) or country_code(value, loose=True)
        if code is None:
            raise GeokitValueError(
                f"{value!r} is not a country geokit knows; give its ISO "
                "3166-1 alpha-2 code (UA, RU, BY, ...)"
            )
        if code not in out:
            out.append(code)
    if not out:
        raise GeokitValueError("no country given; name one or more, e.g. download(['UA', 'RU'])")
    return out


def _base(base_url: str | None) -> str:
    base = base_url or os.environ.get("GEOKIT_GEONAMES_URL") or GEONAMES_URL
    return base if base.endswith("/") else base + "/"


def _read_zip(path: Path, inner: str, url: str) -> str:
    """The text of ``inner`` inside the zip at ``path``, after an integrity check."""
    try:
        with zipfile.ZipFile(path) as zf:
            bad = zf.testzip()
            if bad is not None:
                raise zipfile.BadZipFile(f"member {bad} fails its checksum")
            if inner not in zf.namelist():
                raise DownloadError(
                    f"{path} (from {url}) holds no {inner} (it has "
                    f"{', '.join(zf.namelist()) or 'nothing'}); is the address "
                    "a GeoNames dump folder?"
                )
            return zf.read(inner).decode("utf-8")
    except (zipfile.BadZipFile, EOFError, UnicodeDecodeError) as exc:
        path.unlink(missing_ok=True)
        raise DownloadError(
            f"{path} (from {url}) is not a whole zip file ({exc}); it was "
            "deleted: run the download again"
        ) from None


def _rows(text: str, minimum: int, what: str, url: str) -> list[list[str]]:
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    for no, row in enumerate(rows, 1):
        if (
            len(row) < minimum
            or not row[0].isdigit()
            or (minimum == _ALT_COLUMNS and not row[1].isdigit())
        ):
            raise DownloadError(
                f"{url}: line {no} is not a GeoNames {what} row (expected "
                f"{minimum} tab-separated columns starting with an id, got "
                f"{len(row)}); the server may not be a GeoNames mirror"
            )
    return rows


def _alternate_names(path: Path, code: str, url: str) -> dict[str, list[str]]:
    rows = _rows(_read_zip(path, f"{code}.txt", url), _ALT_COLUMNS, "alternate-name", url)
    names: dict[str, list[str]] = {}
    for row in rows:
        if row[2] not in _NOT_NAMES and row[3] and "," not in row[3]:
            names.setdefault(row[1], []).append(row[3])
    return names


def _write_layer(
    rows: list[list[str]], extra: dict[str, list[str]], dest: Path, code: str
) -> tuple[int, int]:
    """Keep places and admin areas, add the alternate names, write a GeoNames-format zip."""
    lines = []
    kept = added = 0
    for row in rows:
        if row[6] not in _KEEP_CLASSES:
            continue
        row = row[:_DUMP_COLUMNS]
        more = extra.get(row[0], [])
        if more:
            known = set(row[3].split(",")) | {row[1], row[2]}
            new = [n for n in dict.fromkeys(more) if n not in known]
            added += len(new)
            row[3] = ",".join([a for a in row[3].split(",") if a] + new)
        lines.append("\t".join(row))
        kept += 1
    tmp = dest.with_name(dest.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{code}.txt", "\n".join(lines) + "\n")
    tmp.replace(dest)
    return kept, added


def download(
    countries: str | Iterable[str],
    *,
    base_url: str | None = None,
    alternate_names: bool = True,
    data_dir: str | Path | None = None,
    progress: Callable[[str, int, int | None], None] | None = None,
    keep_downloads: bool = False,
) -> list[DownloadResult]:
    """Download GeoNames country dumps and store each as a gazetteer layer.

    Opt-in: this is, with the online geocoder, the only network use of geokit.

    Parameters
    ----------
    countries : str or iterable of str
        ISO 3166-1 alpha-2 codes (``"UA"``) or country names (``"Ukraine"``).
    base_url : str, optional
        Folder holding ``XX.zip`` and ``alternatenames/XX.zip`` (a mirror, or a local server in
        tests). Default: ``GEOKIT_GEONAMES_URL`` when set, else :data:`GEONAMES_URL`.
    alternate_names : bool
        Also fetch the alternate names (other languages, former names); default True.
    data_dir : path, optional
        User data directory (default :data:`geokit.options.data_dir`, ``GEOKIT_DATA_DIR``).
        Layers go to ``layers/``, downloads in progress to ``downloads/``.
    progress : callable, optional
        ``progress(file name, bytes done, bytes total or None)`` as bytes arrive (the CLI
        draws a bar with it).
    keep_downloads : bool
        Keep the downloaded zips in ``downloads/`` (default: deleted once the layer is written).

    Returns
    -------
    list of DownloadResult
        One per country: the layer path and row counts.

    Raises
    ------
    DownloadError
        When a file cannot be fetched or fails its checks; the message names the URL or file
        and what to do. An interrupted transfer resumes when the call is repeated.

    Examples
    --------
    >>> from geokit.gazetteer import download
    >>> download(["UA", "BY"])  # doctest: +SKIP
    """
    codes = _codes(countries)
    root = Path(data_dir) if data_dir is not None else Path(options.data_dir)
    downloads, layers = root / "downloads", root / "layers"
    layers.mkdir(parents=True, exist_ok=True)
    base = _base(base_url)
    results = []
    for code in codes:
        files = [(f"{base}{code}.zip", downloads / f"{code}.zip")]
        if alternate_names:
            files.append(
                (f"{base}alternatenames/{code}.zip", downloads / f"alternatenames-{code}.zip")
            )
        for url, dest in files:
            if dest.exists():
                log.info("%s already downloaded", dest)
                continue
            log.info("downloading %s", url)
            name = dest.name
            fetch(
                url,
                dest,
                progress=None
                if progress is None
                else (lambda done, total, name=name: progress(name, done, total)),
            )
        dump_url, dump_path = files[0]
        rows = _rows(_read_zip(dump_path, f"{code}.txt", dump_url), _DUMP_COLUMNS, "dump", dump_url)
        if not any(r[8] == code for r in rows):
            raise DownloadError(
                f"{dump_url}: no row of country {code} in {len(rows):,} rows; "
                "is this the right file?"
            )
        extra = _alternate_names(files[1][1], code, files[1][0]) if alternate_names else {}
        layer = layers / f"geonames-{code}.zip"
        kept, added = _write_layer(rows, extra, layer, code)
        log.info(
            "stored %s: %d places of %d rows, %d alternate names", layer, kept, len(rows), added
        )
        results.append(DownloadResult(code, layer, kept, len(rows), added))
        if not keep_downloads:
            for _url, dest in files:
                dest.unlink(missing_ok=True)
    from ._store import reset_default

    reset_default()  # the next lookup loads the new layers
    return results
