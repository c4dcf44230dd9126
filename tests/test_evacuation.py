"""Evacuation zones: settlements, distances to the border, bands (geokit.conflict.evacuation)."""

import pandas as pd
import pytest

from geokit.conflict import evacuation_zone, read_settlements
from geokit.errors import GeokitValueError, InputFileError


def test_distances_bands_and_order_kept():
    names = ["Krasnopillia", "Nowhereville", "Velyka Pysarivka", "Sumy"]
    zone = evacuation_zone(names, bands_km=(10, 5, 30))
    table = zone.table
    assert list(table["query"]) == names  # one row per input, in order
    assert zone.bands_km == (5.0, 10.0, 30.0)
    row = table.set_index("query")
    assert not row.loc["Nowhereville", "placed"]  # only the country matched
    assert pd.isna(row.loc["Nowhereville", "border_km"])
    # Velyka Pysarivka lies a few km from the Russian border; Sumy about 30-40 km
    assert row.loc["Velyka Pysarivka", "border_km"] < 10
    assert row.loc["Velyka Pysarivka", "band_km"] in (5.0, 10.0)
    assert 25 < row.loc["Sumy", "border_km"] < 50
    totals = zone.totals()
    assert totals["names"] == 4 and totals["placed"] == 3
    assert totals["not_placed"] == ["Nowhereville"]
    assert totals["within_km"][30.0] >= 2
    # bands are nested and inside Ukraine
    assert zone.bands.geometry.iloc[0].area < zone.bands.geometry.iloc[-1].area
    assert list(zone.placed["border_km"]) == sorted(zone.placed["border_km"])


def test_read_settlements_sources(tmp_path):
    txt = tmp_path / "list.txt"
    txt.write_text("\ufeff# comment\nA\n\n B \n", encoding="utf-8")
    assert read_settlements(txt) == ["A", "B"]
    csv = tmp_path / "list.csv"
    csv.write_text("Settlement,x\nC,1\nD,2\n", encoding="utf-8")
    assert read_settlements(csv) == ["C", "D"]
    assert read_settlements(pd.DataFrame({"name": ["E", None]})) == ["E"]
    assert read_settlements("F") == ["F"]


def test_bad_inputs(tmp_path):
    with pytest.raises(InputFileError, match="no name column"):
        bad = tmp_path / "bad.csv"
        bad.write_text("a,b\n1,2\n", encoding="utf-8")
        read_settlements(bad)
    with pytest.raises(InputFileError, match="not found"):
        read_settlements(tmp_path / "missing.txt")
    with pytest.raises(GeokitValueError, match="positive"):
        evacuation_zone(["Sumy"], bands_km=(0,))
    with pytest.raises(GeokitValueError):
        read_settlements(42)


def test_any_path_is_read_as_a_file(tmp_path):
    listing = tmp_path / "villages"  # no suffix: still a file when given as a Path
    listing.write_text("Myropillia\n", encoding="utf-8")
    assert read_settlements(listing) == ["Myropillia"]
    assert read_settlements(str(listing)) == [str(listing)]  # a plain string is a name
