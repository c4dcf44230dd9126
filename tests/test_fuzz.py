"""hypothesis properties of text extraction and of the event readers and writers.

Example counts are small so the suite stays fast; each test records how many examples it ran
(see docs/reliability.md).
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geokit
from geokit.errors import GeokitError
from geokit.events import EVENT_COLUMNS, LOC_PRECISIONS
from geokit.io import read_events, write_events

FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
WORDS = ["Sudzha", "Kursk region", "Sumy", "Kharkiv", "Kyiv", "near", "in", "Russian forces",
         "shelled", "yesterday", "on 3 March", "killed 2 civilians", "Oblast", "Ivanivka",
         "Суджа", "Харків", ".", ",", "\n", "St.", "U.S.", "(", ")", "—", "'", '"']
#: Any Unicode text, or text built from place names, event words and punctuation.
TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=40).map(" ".join),
)


class Counter:
    """Counts examples per test for the reliability report."""

    def __init__(self) -> None:
        self.n = 0

    def __call__(self) -> None:
        self.n += 1


@pytest.fixture(scope="module")
def counts(reliability):
    found: dict[str, tuple[Counter, str]] = {}
    yield lambda name, what: found.setdefault(name, (Counter(), what))[0]
    for name, (c, what) in found.items():
        reliability.add("property", test=f"tests/test_fuzz.py::{name}", property=what,
                        examples=c.n)


# -- text extraction ---------------------------------------------------------------------------
def test_extract_places_offsets_are_slices(counts):
    tick = counts("test_extract_places_offsets_are_slices",
                  "extract_places: only geokit errors; every mention is text[start:end]")

    @FAST
    @given(TEXT, st.sampled_from([None, "UA", "RU", "Ukraine", "zz"]))
    def check(text, country):
        tick()
        try:
            mentions = geokit.extract_places(text, country=country)
        except GeokitError:
            return
        last = 0
        for m in mentions:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start:m.end] == m.text
            assert m.start >= last  # text order, no overlaps
            last = m.end
            assert m.place is None or (-90 <= m.place.lat <= 90 and -180 <= m.place.lon <= 180)

    check()


def test_extract_events_rows_point_into_the_text(counts):
    tick = counts("test_extract_events_rows_point_into_the_text",
                  "extract_events: only geokit errors; sentence == text[start:end]")
    published = st.one_of(st.none(), st.dates().map(str), st.text(max_size=12),
                          st.integers(), st.datetimes())

    @FAST
    @given(TEXT, published)
    def check(text, pub):
        tick()
        try:
            gdf = geokit.extract_events(text, published=pub, source="fuzz")
        except GeokitError:
            return
        assert list(gdf.columns[:len(EVENT_COLUMNS)]) == list(EVENT_COLUMNS)
        for s, e, sentence in zip(gdf["start"], gdf["end"], gdf["sentence"], strict=True):
            assert 0 <= s < e <= len(text) and text[s:e] == sentence

    check()


def test_extract_rejects_non_text_with_geokit_errors():
    for bad in (None, 3, b"Sudzha", ["Sudzha"]):
        with pytest.raises(GeokitError):
            geokit.extract_places(bad)
        with pytest.raises(GeokitError):
            geokit.extract_events(bad)


# -- readers and writers -----------------------------------------------------------------------
FORMATS = {"csv": ".csv", "geojson": ".geojson", "gpkg": ".gpkg", "geoparquet": ".parquet"}
TEXT_COLUMNS = ("event_type", "sub_event_type", "actor1", "actor2", "location", "admin1",
                "admin2", "notes", "source")
#: Any printable Unicode, with line breaks, tabs, NUL and escape characters now and then.
_cell = st.lists(st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1,
            max_size=6),
    st.sampled_from(["\n", "\r", "\r\n", "\t", "\x00", "\x1b", '"', ",", ";"])),
    max_size=5).map("".join)


@st.composite
def event_tables(draw) -> pd.DataFrame:
    """A valid events table: unique ids, dates, Unicode text, coordinates, counts."""
    n = draw(st.integers(1, 6))
    col = lambda s: draw(st.lists(s, min_size=n, max_size=n))  # noqa: E731
    data = {"event_id": [f"e{i}-{t}" for i, t in enumerate(col(st.text("abc-_é", max_size=4)))],
            "dataset": "fuzz",
            "event_date": pd.to_datetime(col(st.dates(pd.Timestamp("1990-01-01").date(),
                                                      pd.Timestamp("2030-12-31").date()))),
            "date_precision": col(st.sampled_from(["day", "week", "month"])),
            "country_code": col(st.sampled_from(["UA", "RU", None]))}
    for c in TEXT_COLUMNS:
        data[c] = col(st.one_of(st.none(), _cell.filter(lambda s: s.strip())))
    data["lat"] = col(st.floats(-90, 90, allow_nan=False))
    data["lon"] = col(st.floats(-180, 180, allow_nan=False))
    data["loc_precision"] = col(st.sampled_from([*LOC_PRECISIONS, None]))
    data["fatalities"] = pd.array(col(st.one_of(st.none(), st.integers(0, 10_000))),
                                  dtype="Int64")
    return geokit.events.conform(pd.DataFrame(data))


def _same_table(back: pd.DataFrame, gdf: pd.DataFrame, fmt: str) -> None:
    assert len(back) == len(gdf), fmt
    for c in EVENT_COLUMNS:
        a, b = back[c].reset_index(drop=True), gdf[c].reset_index(drop=True)
        assert str(a.dtype) == str(b.dtype), (fmt, c, a.dtype, b.dtype)
        if c in ("lat", "lon"):
            np.testing.assert_allclose(a.to_numpy(float), b.to_numpy(float), atol=1e-7,
                                       err_msg=f"{fmt} {c}")
            continue
        want = [None if pd.isna(v) else v for v in b]
        got = [None if pd.isna(v) else v for v in a]
        if c in TEXT_COLUMNS:  # an empty text is written as an empty cell
            want = [None if v == "" else v for v in want]
            got = [None if v == "" else v for v in got]
            if fmt in ("geojson", "gpkg"):  # GDAL cannot store NUL: written as U+FFFD
                want = [v.replace("\x00", "\ufffd") if v else v for v in want]
        assert got == want, (fmt, c)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_write_then_read_gives_the_same_table(fmt, tmp_path_factory, counts):
    tick = counts(f"test_write_then_read_gives_the_same_table[{fmt}]",
                  f"write_events -> read_events ({fmt}) keeps values, dtypes, dates, Unicode, "
                  "coordinates to 1e-7°; writing twice gives byte-identical files")
    ids = itertools.count()
    dirs = [tmp_path_factory.mktemp("one"), tmp_path_factory.mktemp("two")]

    @settings(max_examples=25, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(event_tables())
    def check(gdf):
        tick()
        # the same file name in two folders (GeoJSON and GeoPackage store the layer name)
        name = f"events{next(ids)}{FORMATS[fmt]}"
        one, two = dirs[0] / name, dirs[1] / name
        write_events(gdf, one)
        write_events(gdf, two)
        assert one.read_bytes() == two.read_bytes(), f"{fmt}: same input, different bytes"
        back = read_events(one)
        _same_table(back, gdf, fmt)

    check()
