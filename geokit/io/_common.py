"""Shared reading and writing helpers for the event-table formats.

Text files are decoded (UTF-8 with or without BOM, cp1251, latin-1), their separator sniffed
(``,``, ``;``, tab), blank lines skipped and short rows padded; every cell is kept as text so
a file written back in its own format keeps its values. Parsed values go into the canonical
columns of :mod:`geokit.events`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._cells import _per_unique, blank_to_na
from .._cells import detect_date_format as detect_date_format  # re-exported for the readers
from .._cells import format_dates as format_dates
from .._cells import parse_dates as parse_dates
from ..errors import GeokitValueError, InputFileError
from ..gazetteer import country_code

#: Key in ``DataFrame.attrs`` where readers record where a table came from.
ATTRS_KEY = "geokit"


# -- reading text tables ---------------------------------------------------------------------------
def decode(data: bytes, path: Any = None) -> tuple[str, str]:
    """Decode file bytes; return ``(text, encoding)``.

    UTF-8 (with or without BOM) is tried first; otherwise cp1251 when the non-ASCII letters
    read as Cyrillic, else latin-1.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    bom_less = _utf16_without_bom(data)
    if bom_less:
        try:
            return data.decode(bom_less), bom_less
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Cyrillic words are runs of high bytes; Latin accents are lone high bytes in ASCII words.
    high = np.frombuffer(data, dtype=np.uint8) >= 0x80
    n_high = int(high.sum())
    if n_high:
        neighbour = np.zeros_like(high)
        neighbour[1:] |= high[:-1]
        neighbour[:-1] |= high[1:]
        if (high & neighbour).sum() / n_high > 0.5:
            return data.decode("cp1251", errors="replace"), "cp1251"
    return data.decode("latin-1"), "latin-1"


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when every other byte of the start is a NUL (text in a
    Latin or Cyrillic script saved as UTF-16 without a byte-order mark), else ``None``."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even == 0:
        return "utf-16-le"
    if even > 0.3 * half and odd == 0:
        return "utf-16-be"
    return None


def sniff_separator(text: str) -> str:
    """The most frequent of ``,``, ``;``, tab and ``|`` outside quotes in the first non-blank
    lines (``,`` for a one-column file); never a letter."""
    lines = [ln for ln in text.splitlines() if ln.strip()][:20]
    if not lines:
        return ","
    best, best_score = ",", -1.0
    for sep in (",", ";", "\t", "|"):
        counts = [len(next(csv.reader([ln], delimiter=sep))) - 1 for ln in lines]
        header = counts[0]
        if header == 0:
            continue
        agree = sum(1 for c in counts if c == header) / len(counts)
        score = header * agree
        if score > best_score:
            best, best_score = sep, score
    return best


def _dedupe_header(header: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for i, name in enumerate(header):
        name = name.strip() or f"unnamed_{i}"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        else:
            seen[name] = 0
        out.append(name)
    return out


#: Column that holds cells beyond the header when ``bad_rows="keep"``.
EXTRA_COLUMN = "extra_cells"


def read_text_table(path: str | Path, *, bad_rows: str = "raise") -> pd.DataFrame:
    """Read a CSV/TSV/Excel file as text cells, keeping every row.

    Parameters
    ----------
    path : str or Path
    bad_rows : {"raise", "keep"}
        What to do with a row that has more non-empty cells than the header: raise
        :class:`InputFileError`, or keep the row with the surplus cells joined by the separator
        in an added :data:`EXTRA_COLUMN` column.

    Returns
    -------
    pandas.DataFrame
        All cells as ``str`` (empty string for an empty cell). ``attrs["geokit"]`` holds the
        encoding, separator and where rows are in the file (see :func:`line_of`).

    Raises
    ------
    InputFileError
        The file is missing, empty, or a row has more non-empty cells than the header.
    """
    if bad_rows not in ("raise", "keep"):
        raise GeokitValueError(f"bad_rows must be 'raise' or 'keep', not {bad_rows!r}")
    path = Path(path)
    if not path.exists():
        raise InputFileError("file not found; check the path", path=path)
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
        return _read_excel(path)
    text, encoding = decode(path.read_bytes(), path)
    _check_text(text, path)
    # a cell may be as long as the file (the csv module's default limit is 128 KB)
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    sep = "\t" if path.suffix.lower() == ".tsv" else sniff_separator(text)
    header, df, lines = parse_rows(text, sep, bad_rows=bad_rows, path=path)
    if header is None:
        raise InputFileError("file is empty; expected a header row and data rows", path=path)
    df.attrs[ATTRS_KEY] = {"encoding": encoding, "sep": sep, "line_breaks": _breaks(lines),
                           "path": str(path)}
    return df


def parse_rows(text: str, sep: str, *, header: list[str] | None = None, bad_rows: str = "raise",
               path: Any = None, first_line: int = 1, always_extra: bool = False
               ) -> tuple[list[str] | None, pd.DataFrame, list[int]]:
    """Parse CSV text into a table of text cells, skipping blank lines and padding short rows.

    Parameters
    ----------
    text : str
        Decoded file contents (or a block of whole lines from it).
    sep : str
        Cell separator.
    header : list of str, optional
        Column names when ``text`` holds no header row (a block from the middle of a file);
        by default the first non-blank row is the header.
    bad_rows : {"raise", "keep"}
        See :func:`read_text_table`.
    path : optional
        File named in errors.
    first_line : int
        File line number of the first line of ``text``.
    always_extra : bool
        Add the :data:`EXTRA_COLUMN` column even when no row needs it (so that blocks read
        separately have the same columns).

    Returns
    -------
    tuple
        The header (``None`` when ``text`` holds no rows at all), the table and the file line
        of each row.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    rows: list[list[str]] = []
    lines: list[int] = []
    extras: dict[int, str] = {}
    for cells in reader:
        line = reader.line_num + first_line - 1
        if not any(c.strip() for c in cells):
            continue
        if header is None:
            header = _dedupe_header(cells)
            continue
        n = len(header)
        if len(cells) > n:
            extra = [c for c in cells[n:] if c.strip()]
            if extra and bad_rows == "keep":
                extras[len(rows)] = sep.join(cells[n:])
            elif extra:
                raise InputFileError(
                    f"row has {len(cells)} cells but the header has {n}; the extra value "
                    f"{extra[0]!r} cannot be placed. Quote cells that contain the separator "
                    f"{sep!r}, fix the row, or read with bad_rows='keep'", path=path, row=line,
                    column=None)
            cells = cells[:n]
        elif len(cells) < n:
            cells = cells + [""] * (n - len(cells))
        rows.append(cells)
        lines.append(line)
    if header is None:
        return None, pd.DataFrame(), lines
    _check_unclosed_quote(text, rows, lines, path)
    df = pd.DataFrame(rows, columns=header, dtype=object) if rows else pd.DataFrame(
        {c: pd.Series(dtype=object) for c in header})
    if extras or (always_extra and bad_rows == "keep"):
        df[EXTRA_COLUMN] = pd.Series(extras, index=df.index, dtype=object).reindex(
            df.index).fillna("")
    return header, df, lines


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _check_text(text: str, path: Path) -> None:
    """Refuse a file that is not text (compressed, binary, a spreadsheet under a text name)."""
    sample = text[:65536]
    controls = len(_CONTROL_RE.findall(sample))
    if sample and controls > 0.1 * len(sample):
        raise InputFileError(
            f"the file looks binary, not a text table ({controls / len(sample):.0%} control "
            "characters); unpack compressed files first and give spreadsheets their .xlsx/.ods "
            "suffix", path=path)


def _check_unclosed_quote(text: str, rows: list[list[str]], lines: list[int], path: Path
                          ) -> None:
    """Refuse a file whose last cell is an unclosed quote that swallowed later lines (those
    rows would silently become text of one cell)."""
    if not rows or text.count('"') % 2 == 0:
        return
    spanned = sum(c.rstrip("\r\n").count("\n") for c in rows[-1])
    if spanned:
        start = lines[-1] - spanned
        raise InputFileError(
            f"a quoted cell opened on line {start} is never closed, so the rest of the file "
            f"({spanned} more lines) would be read as its text; add the closing quote",
            path=path, row=start)


def _breaks(lines: list[int]) -> list[tuple[int, int]]:
    """Compact row -> file line map: ``(row, line)`` wherever lines stop being consecutive.

    (A full list would be deep-copied by pandas with every operation on the frame.)
    """
    out = []
    for i, ln in enumerate(lines):
        if i == 0 or ln != lines[i - 1] + 1:
            out.append((i, ln))
    return out


def line_of(df: pd.DataFrame, row: int) -> int | None:
    """1-based file line of positional ``row`` of a table read by geokit, or ``None``."""
    breaks = df.attrs.get(ATTRS_KEY, {}).get("line_breaks")
    if not breaks or row is None or not 0 <= row < len(df):
        return None
    import bisect

    k = bisect.bisect_right([b[0] for b in breaks], row) - 1
    start, line = breaks[k]
    return line + (row - start)


def _read_excel(path: Path) -> pd.DataFrame:
    try:
        df = pd.read_excel(path, dtype=str, keep_default_na=False)
    except ImportError as exc:
        raise ImportError(f"reading {path.suffix} files needs openpyxl: "
                          f"pip install openpyxl ({exc})") from exc
    except Exception as exc:  # the Excel engines fail in many types (zip, XML, value errors)
        raise InputFileError(f"cannot read as a spreadsheet ({type(exc).__name__}: {exc})",
                             path=path) from None
    df = df.loc[df.apply(lambda r: any(str(v).strip() for v in r), axis=1)]
    lines = (df.index + 2).tolist()
    df = df.reset_index(drop=True)
    df.columns = _dedupe_header([str(c) for c in df.columns])
    df.attrs[ATTRS_KEY] = {"encoding": None, "sep": None, "line_breaks": _breaks(lines),
                           "path": str(path)}
    return df


def find_column(columns, *names: str) -> str | None:
    """First column of ``columns`` whose stripped lower-case name is one of ``names``."""
    lower = {str(c).strip().lower(): c for c in reversed(list(columns))}
    for n in names:
        if n in lower:
            return lower[n]
    return None


# -- values ----------------------------------------------------------------------------------------
def to_number(s: pd.Series) -> pd.Series:
    """Parse numbers written with ``.`` or a decimal comma; unreadable cells become NaN."""
    if pd.api.types.is_numeric_dtype(s):
        return s.astype(float)

    def parse(u: pd.Series) -> pd.Series:
        t = u.astype(str).str.strip().str.replace("\u2212", "-", regex=False)
        comma = t.str.fullmatch(r"[-+]?\d+,\d+")
        t = t.where(~comma, t.str.replace(",", ".", regex=False))
        return pd.to_numeric(t, errors="coerce").astype(float)

    return _per_unique(s, parse, np.nan).astype(float)


def parse_coordinates(lat: pd.Series, lon: pd.Series) -> pd.DataFrame:
    """Parse latitude/longitude cells and explain every row that is not usable.

    Returns
    -------
    pandas.DataFrame
        ``lat``, ``lon`` (NaN when unusable), ``coord_status`` (``ok``, ``missing``,
        ``invalid``) and ``coord_reason`` (with the original values, so nothing is lost).
        Swapped pairs are not swapped back (that is a guess), only explained.
    """
    la, lo = to_number(lat), to_number(lon)
    raw_la, raw_lo = blank_to_na(lat), blank_to_na(lon)
    status = pd.Series("ok", index=lat.index, dtype=object)
    reason = pd.Series("", index=lat.index, dtype=object)

    def mark(mask, st, why):
        """Give rows still ``ok`` in ``mask`` a status and a reason; ``why(rows)`` builds the
        reasons for those rows only."""
        mask = (mask & (status == "ok")).to_numpy()
        if mask.any():
            status[mask] = st
            reason[mask] = why(mask)

    def txt(x):
        return lambda m: x[m].astype(str)

    mark(raw_la.isna() & raw_lo.isna(), "missing", lambda m: "no coordinates")
    mark(raw_la.isna() | raw_lo.isna(), "invalid",
         lambda m: "only one of latitude/longitude given")
    mark(la.isna(), "invalid", lambda m: "latitude " + txt(raw_la)(m) + " is not a number")
    mark(lo.isna(), "invalid", lambda m: "longitude " + txt(raw_lo)(m) + " is not a number")
    swap = (la.abs() > 90) & (la.abs() <= 180) & (lo.abs() <= 90)
    mark(swap, "invalid", lambda m: "latitude " + txt(la)(m) + " is outside -90..90; latitude "
         "and longitude (" + txt(lo)(m) + ") look swapped: check the file or geocode the row")
    mark(la.abs() > 90, "invalid", lambda m: "latitude " + txt(la)(m) + " is outside -90..90")
    mark(lo.abs() > 180, "invalid",
         lambda m: "longitude " + txt(lo)(m) + " is outside -180..180")
    out_la, out_lo = la.to_numpy(float).copy(), lo.to_numpy(float).copy()
    bad = status.isin(["missing", "invalid"]).to_numpy()
    out_la[bad] = np.nan
    out_lo[bad] = np.nan
    return pd.DataFrame({"lat": out_la, "lon": out_lo, "coord_status": status,
                         "coord_reason": reason}, index=lat.index)


def map_codes(s: pd.Series, mapping: Mapping[int, str]) -> pd.Series:
    """Map numeric precision codes (as text or numbers) to canonical words."""
    num = to_number(s)
    return num.map(lambda v: mapping.get(int(v)) if v == v and v == int(v) else None
                   ).astype(object)


def country_codes(names: pd.Series) -> pd.Series:
    """ISO alpha-2 code for each country name or code (``None`` when unknown).

    Names are read by :func:`geokit.gazetteer.country_code` (spelling variants allowed); an
    unknown two-letter code is kept as written, upper-cased.
    """
    text = blank_to_na(names)
    codes: dict[str, str | None] = {}
    for q in text.dropna().astype(str).unique():
        v = q.strip()
        codes[q] = country_code(v, loose=True) or (
            v.upper() if len(v) == 2 and v.isascii() and v.isalpha() else None)
    return text.map(lambda v: codes.get(v) if v is not None else None).astype(object)


# -- writing back ----------------------------------------------------------------------------------
def keep_raw(raw: pd.Series | None, value: pd.Series, parse: Callable[[pd.Series], pd.Series],
             fmt: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """Text for a source column: the original text where it still parses to ``value``
    (so files round-trip exactly), otherwise ``value`` formatted anew."""
    new = fmt(value).astype(object)
    if raw is None:
        return new
    old = parse(raw)
    same = (old == value) | (old.isna() & value.isna())
    same = same.fillna(False).astype(bool)
    return raw.astype(object).where(same, new)


def format_number(s: pd.Series) -> pd.Series:
    """Numbers as shortest round-tripping text; missing -> ``""``."""
    s = pd.to_numeric(s, errors="coerce").astype(float)
    return s.map(lambda v: "" if v != v else (
        str(int(v)) if float(v).is_integer() and abs(v) < 1e15 else repr(float(v)))
                 ).astype(object)


def format_codes(s: pd.Series, reverse: Mapping[str, int]) -> pd.Series:
    """Canonical precision words back to numeric codes as text."""
    return s.map(lambda v: str(reverse[v]) if v in reverse else "").astype(object)


def text(s: pd.Series) -> pd.Series:
    """Values as text, missing -> ``""``."""
    return s.astype(object).map(lambda v: "" if v is None or v is pd.NA or (
        isinstance(v, float) and np.isnan(v)) else str(v))



def assemble(raw: pd.DataFrame, canon: Mapping[str, Any], *, lat: pd.Series | None,
             lon: pd.Series | None) -> pd.DataFrame:
    """The source columns of ``raw`` with canonical columns set from ``canon`` and parsed
    coordinates (plus ``coord_status``/``coord_reason``)."""
    out = raw.copy()
    for col, values in canon.items():
        out[col] = values
    if lat is not None and lon is not None:
        coords = parse_coordinates(lat, lon)
        for c in coords.columns:
            out[c] = coords[c]
    return out


def native_table(gdf: pd.DataFrame, columns, derived: Mapping[str, Callable[[], pd.Series]]
                 ) -> pd.DataFrame:
    """A text table with ``columns``: derived where a rule exists, else the column of ``gdf``
    as text, else empty."""
    out = pd.DataFrame(index=gdf.index)
    for col in columns:
        if col in derived:
            out[col] = derived[col]()
        elif col in gdf.columns:
            out[col] = text(gdf[col])
        else:
            out[col] = ""
    return out


def code_column(gdf: pd.DataFrame, name: str, canon: str, forward: Mapping[int, str],
                reverse: Mapping[str, int]) -> pd.Series:
    """Source precision-code column ``name`` written back from canonical column ``canon``."""
    return keep_raw(gdf.get(name), gdf[canon], lambda s: map_codes(s, forward),
                    lambda s: format_codes(s, reverse))


def number_column(gdf: pd.DataFrame, name: str, canon: str) -> pd.Series:
    """Source numeric column ``name`` written back from canonical column ``canon``."""
    return keep_raw(gdf.get(name), gdf[canon].astype(float), to_number, format_number)
