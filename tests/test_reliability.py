"""Malformed files, generated here: each gives a clear geokit error (naming the file, and the
row where it applies) or repaired data, in bounded time; plus one large-file run (slow)."""

from __future__ import annotations

import gzip
import signal
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Polygon, box

from geokit.conflict import read_snapshots
from geokit.errors import GeokitError
from geokit.gazetteer import Gazetteer
from geokit.io import read_events

GOOD_CSV = ("event_id,event_date,location,admin1,lat,lon,notes\n"
            "a1,2025-03-01,Sudzha,Kursk Oblast,51.19,35.27,\"shelling, two hurt\"\n"
            "a2,2025-03-02,Sumy,Sumy Oblast,50.91,34.80,drone strike\n")
GEOJSON = ('{"type":"FeatureCollection","features":[{"type":"Feature","properties":'
           '{"location":"Sudzha","event_date":"2025-03-01"},"geometry":{"type":"Point",'
           '"coordinates":[35.27,51.19]}}]}')
KML = ('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2">'
       '<Document><Placemark><name>Sudzha</name><Point><coordinates>35.27,51.19</coordinates>'
       '</Point></Placemark></Document></kml>')
GARBAGE = bytes(range(256)) * 64 + b"\x00\xff\xfe" * 1000


@dataclass
class Case:
    """A malformed input: how to make it, what to call, what must come out."""

    name: str
    what: str
    make: Callable[[Path], Path]
    run: Callable[[Path], object] = read_events
    expect: str = "error"  # "error", "rows:<n>" (repaired data with n rows) or "ok"
    row: int | None = None  # the row (file line) the error must name


def _file(name: str, data: bytes | str, encoding: str = "utf-8") -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
        return path
    return make


def _kmz(tmp: Path) -> Path:
    path = tmp / "no-kml.kmz"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "no placemarks here")
    return path


def _snapshots(*geoms, name: str = "20250301.geojson") -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        folder = tmp / "snaps"
        folder.mkdir()
        for i, g in enumerate(geoms):
            gpd.GeoDataFrame(geometry=[g], crs=4326).to_file(
                folder / name.replace("01", f"{i + 1:02d}", 1), driver="GeoJSON")
        return folder
    return make


BOWTIE = Polygon([(35.0, 51.0), (35.5, 51.4), (35.5, 51.0), (35.0, 51.4)])
SPIKE = Polygon([(35.0, 51.0), (35.4, 51.0), (35.4, 51.3), (35.2, 51.3), (35.2, 51.6),
                 (35.2, 51.3), (35.0, 51.3)])
HUGE_CELL = 20_000_000

CASES = [
    Case("empty-csv", "empty .csv (0 bytes)", _file("empty.csv", b"")),
    Case("blank-csv", "only blank lines and spaces", _file("blank.csv", "\n  \n\t\n")),
    Case("header-only", "header, no rows", _file("header.csv", GOOD_CSV.splitlines()[0]),
         expect="rows:0"),
    Case("truncated-csv", "cut in the middle of a row",
         _file("cut.csv", GOOD_CSV[: GOOD_CSV.index("drone") + 2]), expect="rows:2"),
    Case("unclosed-quote", "a quote never closed (rest of file in one cell)",
         _file("quote.csv", GOOD_CSV.replace('two hurt"', "two hurt")), row=2),
    Case("truncated-in-quote", "cut inside a quoted cell on the last line",
         _file("cutquote.csv", GOOD_CSV[: GOOD_CSV.index("two")]), expect="rows:1"),
    Case("extra-cells", "row with more cells than the header",
         _file("extra.csv", GOOD_CSV + "a3,2025-03-03,Kursk,Kursk Oblast,51.7,36.2,x,y,z\n"),
         row=4),
    Case("nul-bytes", "NUL and control bytes inside cells",
         _file("nul.csv", GOOD_CSV.replace("drone", "dr\x00o\x07ne\x1b")), expect="rows:2"),
    Case("cp1251", "Cyrillic in cp1251", _file("cp1251.csv", "id,town\n1,Суджа\n2,Суми\n",
                                               "cp1251"), expect="rows:2"),
    Case("utf16", "UTF-16 with BOM", _file("utf16.csv", "id,town\n1,Суджа\n", "utf-16"),
         expect="rows:1"),
    Case("mixed-bytes", "UTF-8 with stray latin-1 bytes",
         _file("mixed.csv", GOOD_CSV.encode() + b"a3,2025-03-03,Caf\xe9,,1,2,x\n"),
         expect="rows:3"),
    Case("binary-csv", "binary garbage named .csv", _file("garbage.csv", GARBAGE)),
    Case("huge-line", f"one cell of {HUGE_CELL // 1_000_000} MB on a single line",
         _file("huge.csv", "id,notes\n1," + "x" * HUGE_CELL + "\n2,ok\n"), expect="rows:2"),
    Case("excel-garbage", "garbage named .xlsx", _file("garbage.xlsx", GARBAGE)),
    Case("empty-geojson", "empty .geojson", _file("empty.geojson", b"")),
    Case("truncated-geojson", "GeoJSON cut in half",
         _file("cut.geojson", GEOJSON[: len(GEOJSON) // 2])),
    Case("broken-json", "JSON syntax error",
         _file("broken.geojson", GEOJSON.replace('":', '" ', 1))),
    Case("not-geojson", "valid JSON that is not GeoJSON", _file("list.geojson", "[1, 2, 3]")),
    Case("binary-geojson", "binary garbage named .geojson", _file("garbage.geojson", GARBAGE)),
    Case("no-geometry", "features with null geometry",
         _file("nogeom.geojson", GEOJSON.replace(
             '{"type":"Point","coordinates":[35.27,51.19]}', "null")), expect="rows:1"),
    Case("bad-coordinates", "coordinates out of range",
         _file("far.geojson", GEOJSON.replace("35.27,51.19", "535.27,951.19")),
         expect="rows:1"),
    Case("truncated-kml", "KML cut in half", _file("cut.kml", KML[: len(KML) // 2])),
    Case("binary-kml", "binary garbage named .kml", _file("garbage.kml", GARBAGE)),
    Case("kmz-without-kml", "KMZ archive holding no .kml", _kmz),
    Case("kmz-garbage", "garbage named .kmz", _file("garbage.kmz", GARBAGE)),
    Case("gpkg-garbage", "garbage named .gpkg", _file("garbage.gpkg", GARBAGE)),
    Case("parquet-garbage", "garbage named .parquet", _file("garbage.parquet", GARBAGE)),
    Case("gzip-as-csv", "gzip bytes named .csv",
         _file("zipped.csv", gzip.compress(GOOD_CSV.encode()))),
    Case("snapshot-bowtie", "self-intersecting (bow-tie) control area",
         _snapshots(BOWTIE, box(35.0, 51.0, 35.2, 51.4)), run=read_snapshots, expect="ok"),
    Case("snapshot-spike", "polygon with a zero-width spike",
         _snapshots(SPIKE), run=read_snapshots, expect="ok"),
    Case("snapshot-garbage", "garbage in a dated snapshot file",
         _file("20250301.geojson", GARBAGE), run=lambda p: read_snapshots([p])),
    Case("snapshot-no-date", "snapshot file name without a date",
         _file("latest.geojson", GEOJSON), run=lambda p: read_snapshots([p])),
    Case("layer-garbage", "gazetteer layer of binary garbage", _file("layer.csv", GARBAGE),
         run=lambda p: Gazetteer.load(extra=[p], user_layers=False)),
    Case("layer-header-only", "gazetteer layer with a header only",
         _file("layer.csv", "name,lat,lon\n"),
         run=lambda p: Gazetteer.load(extra=[p], user_layers=False), expect="ok"),
]


class _Timeout(Exception):
    pass


def _call_with_alarm(fn: Callable[[], object], seconds: int) -> object:
    def on_alarm(signum, frame):
        raise _Timeout(f"no answer within {seconds} s")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)
    try:
        return fn()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_malformed_file(case, tmp_path, reliability):
    path = case.make(tmp_path)
    error = result = None
    try:
        result = _call_with_alarm(lambda: case.run(path), 60)
    except _Timeout:
        raise
    except Exception as exc:  # recorded, then judged below
        error = exc
    outcome = (f"{type(error).__name__}: {error}" if error is not None else
               f"{len(result)} rows" if isinstance(result, pd.DataFrame) else "read")
    reliability.add("malformed", case=case.name, input=case.what,
                    outcome=outcome.replace(str(tmp_path), "…"))
    if case.expect == "error":
        assert error is not None, f"{case.name}: no error, got {outcome}"
    if error is not None:
        assert case.expect == "error", f"{case.name}: {outcome}"
        assert isinstance(error, GeokitError), f"{case.name}: {outcome}"
        assert path.name in str(error), f"{case.name}: the error does not name the file"
        if case.row is not None:
            assert f"row {case.row}" in str(error), outcome
        return
    if case.expect.startswith("rows:"):
        assert len(result) == int(case.expect.split(":")[1]), outcome
        assert {"coord_status", "coord_reason"} <= set(result.columns)
    if case.run is read_snapshots:
        assert all(g.is_valid and not g.is_empty for g in result.values())


# -- a file of several hundred MB ------------------------------------------------------------------
LARGE_MB = 300
_GENERATE = """
import sys
places = [("Sudzha", "Kursk Oblast"), ("Sumy", "Sumy Oblast"), ("Krasnopillia", "Sumy Oblast"),
          ("Kupiansk", "Kharkiv Oblast"), ("Pokrovsk", "Donetsk Oblast"), ("Nowhere-ville", "")]
note = ("Shelling reported near the settlement; a crafted <script>x</script> note, "
        "Cyrillic Суджа and an emoji 💥 ") * 4
target = int(sys.argv[2]) * 1_000_000
with open(sys.argv[1], "w", encoding="utf-8", newline="") as fh:
    fh.write("event_id,event_date,location,admin1,lat,lon,notes\\n")
    i = size = 0
    while size < target:
        lines = []
        for j in range(10_000):
            place, region = places[(i + j) % len(places)]
            coords = "51.19,35.27" if (i + j) % 3 == 0 else ","
            lines.append(f"e{i + j},2025-03-{(i + j) % 28 + 1:02d},{place},{region},{coords},"
                         f"\\"{note}{i + j}\\"\\n")
        block = "".join(lines)
        fh.write(block)
        size += len(block.encode())
        i += 10_000
print(i)
"""
_PANDAS = """
import resource, sys, time
import geokit
t = time.time()
gdf = geokit.read_events(sys.argv[1])
out = geokit.geocode_events(gdf, progress=False)
n, unresolved = len(out), int((out["geocode_status"] == "unresolved").sum())
print(n, unresolved, round(time.time() - t, 1),
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""
_DASK = """
import resource, sys, time
import dask
import dask.dataframe as dd
import geokit
t = time.time()
ddf = dd.read_csv(sys.argv[1], dtype=str, blocksize="16MB", keep_default_na=False)
out = geokit.geocode_events(ddf, progress=False)
with dask.config.set(scheduler="synchronous"):
    counts = out["geocode_status"].value_counts().compute()
print(int(counts.sum()), int(counts.get("unresolved", 0)), round(time.time() - t, 1),
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def _run(script: str, *args, timeout: int) -> list[str]:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", script, *map(str, args)], capture_output=True,
                          text=True, timeout=timeout, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.split()


@pytest.mark.slow
def test_large_file_reads_and_geocodes_in_bounded_memory(tmp_path, reliability):
    """A ~300 MB CSV: read_events + geocode_events in pandas keep every row with memory a
    multiple of the file (the decoded text of a file with emoji takes 4 bytes a character);
    the dask path stays under a fixed bound whatever the file size."""
    pytest.importorskip("dask.dataframe")
    path = tmp_path / "large.csv"
    rows = int(_run(_GENERATE, path, LARGE_MB, timeout=300)[0])
    size_mb = path.stat().st_size / 1e6
    assert size_mb >= LARGE_MB
    for name, script, bound_mb in (("pandas", _PANDAS, 16 * size_mb + 1000),
                                   ("dask, 16 MB blocks", _DASK, 1500)):
        n, unresolved, seconds, peak_mb = _run(script, path, timeout=600)
        assert int(n) == rows  # nothing lost
        assert int(unresolved) == rows // 6 + (rows % 6 > 5)  # "Nowhere-ville" rows
        reliability.add("large", path=f"read + geocode_events ({name})",
                        file=f"{size_mb:,.0f} MB, {rows:,} rows", seconds=seconds,
                        peak_rss_mb=peak_mb, bound_mb=f"{bound_mb:,.0f}")
        assert int(peak_mb) < bound_mb, f"{name}: peak RSS {peak_mb} MB"
