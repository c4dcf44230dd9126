"""Tests for geokit.io: reading and writing every event-table format."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geokit.events as ev
from geokit.errors import GeokitValueError, InputFileError
from geokit.io import acled, read_events, ucdp, write_events


def _read_text(path, **kw) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, **kw)


def _acled_frame(columns=acled.COLUMNS, date="2024-08-06") -> pd.DataFrame:
    rows = []
    for i, (loc, adm1, lat, lon, prec, tp) in enumerate([
            ("Sudzha", "Kursk", "51.1910", "35.2710", "1", "1"),
            ("Krasnopillia", "Sumy", "50.7744", "35.2582", "2", "2"),
            ("Kharkiv", "Kharkiv", "", "", "3", "3")]):
        row = {c: "" for c in columns}
        row.update(event_id_cnty=f"UKR{i}", event_date=date, year="2024", time_precision=tp,
                   event_type="Battles", sub_event_type="Armed clash", actor1="A; B",
                   country="Ukraine", admin1=adm1, location=loc, latitude=lat, longitude=lon,
                   geo_precision=prec, source="Media", notes='Said "hello", then left',
                   fatalities=str(i))
        rows.append(row)
    return pd.DataFrame(rows, columns=list(columns))


@pytest.mark.parametrize("columns,date", [(acled.COLUMNS, "2024-08-06"),
                                          (acled.COLUMNS_OLD, "06 August 2024")])
def test_acled_roundtrip(tmp_path, columns, date):
    src = tmp_path / "acled.csv"
    _acled_frame(columns, date).to_csv(src, index=False)
    gdf = read_events(src)
    assert gdf.attrs["geokit"]["format"] == "acled"
    assert gdf["loc_precision"].tolist() == ["exact", "near", "admin1"]
    assert gdf["date_precision"].tolist() == ["day", "week", "month"]
    assert gdf["event_date"].iloc[0] == pd.Timestamp("2024-08-06")
    assert gdf["country_code"].iloc[0] == "UA"
    assert gdf["fatalities"].tolist() == [0, 1, 2]
    assert gdf["coord_status"].tolist() == ["ok", "ok", "missing"]
    dst = tmp_path / "back.csv"
    write_events(gdf, dst)
    pd.testing.assert_frame_equal(_read_text(dst), _read_text(src))


def test_acled_precision_codes_written_from_canonical(tmp_path):
    gdf = ev.conform(pd.DataFrame({"event_id": ["x"], "event_date": ["2024-01-02"],
                                   "lat": [50.0], "lon": [30.0], "loc_precision": ["admin2"],
                                   "date_precision": ["month"]}))
    dst = tmp_path / "out.csv"
    write_events(gdf, dst, format="acled")
    out = _read_text(dst)
    assert list(out.columns) == list(acled.COLUMNS)
    assert out.loc[0, ["geo_precision", "time_precision", "latitude", "event_date"]].tolist() \
        == ["3", "3", "50", "2024-01-02"]


def _ucdp_frame() -> pd.DataFrame:
    rows = []
    for i, prec in enumerate(range(1, 8)):
        row = {c: "" for c in ucdp.COLUMNS}
        row.update(id=str(1000 + i), year="2024", type_of_violence=str(1 + i % 3),
                   side_a="Government of Russia (Soviet Union)", side_b="Government of Ukraine",
                   where_prec=str(prec), where_coordinates="Sudzha town",
                   adm_1="Kursk oblast", latitude="51.191", longitude="35.271",
                   country="Russia (Soviet Union)", date_prec=str(1 + i % 5),
                   date_start="2024-08-06 00:00:00.000", date_end="2024-08-07 00:00:00.000",
                   best=str(i), high=str(i + 1), low="0")
        rows.append(row)
    return pd.DataFrame(rows, columns=list(ucdp.COLUMNS))


def test_ucdp_roundtrip_and_precision(tmp_path):
    src = tmp_path / "ged.csv"
    _ucdp_frame().to_csv(src, index=False)
    gdf = read_events(src)
    assert gdf.attrs["geokit"]["format"] == "ucdp"
    assert gdf["loc_precision"].tolist() == list(ucdp.WHERE_PREC.values())
    assert gdf["date_precision"].tolist()[:5] == list(ucdp.DATE_PREC.values())
    assert gdf["location"].iloc[0] == "Sudzha"  # UCDP's "town" suffix dropped
    assert gdf["where_coordinates"].iloc[0] == "Sudzha town"
    assert gdf["fatalities"].tolist() == list(range(7))
    assert gdf["event_type"].iloc[:3].tolist() == list(ucdp.VIOLENCE.values())
    dst = tmp_path / "back.csv"
    write_events(gdf, dst)
    pd.testing.assert_frame_equal(_read_text(dst), _read_text(src))


def test_ucdp_precision_maps_both_ways():
    for code, word in ucdp.WHERE_PREC.items():
        assert ucdp.WHERE_PREC_REVERSE[word] == code
    for code, word in ucdp.DATE_PREC.items():
        assert ucdp.DATE_PREC_REVERSE[word] == code
    for code, word in acled.GEO_PRECISION.items():
        assert acled.GEO_PRECISION_REVERSE[word] == code


def test_cir_roundtrip(tmp_path):
    src = tmp_path / "cir.csv"
    pd.DataFrame({
        "ID": ["CIV0001", "CIV0002"], "Date": ["24/02/2022", "25/02/2022"],
        "Town/City": ["Kharkiv", "Chuhuiv"], "Province": ["Kharkiv", "Kharkiv"],
        "Country": ["Ukraine", "Ukraine"], "Lat": ["49.9935", "49.8353"],
        "Lon": ["36.2304", "36.6881"], "Description": ["Strike", "Shelling"],
        "Sources": ["https://example.org/1", ""],
    }).to_csv(src, index=False)
    gdf = read_events(src)
    assert gdf.attrs["geokit"]["format"] == "cir"
    assert gdf["location"].tolist() == ["Kharkiv", "Chuhuiv"]
    assert gdf["admin1"].tolist() == ["Kharkiv", "Kharkiv"]
    assert gdf["event_date"].tolist() == [pd.Timestamp("2022-02-24"), pd.Timestamp("2022-02-25")]
    assert gdf["loc_precision"].tolist() == ["exact", "exact"]
    dst = tmp_path / "back.csv"
    write_events(gdf, dst)
    pd.testing.assert_frame_equal(_read_text(dst), _read_text(src))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251"])
@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_generic_encodings_and_separators(tmp_path, encoding, sep):
    text = sep.join(["дата", "населений пункт", "область", "широта", "довгота"]) + "\n"
    text = sep.join(["date", "place", "region", "lat", "lon"]) + "\n"
    text += sep.join(["2024-08-06", "Суджа", "Курська", "51.19", "35.27"]) + "\n\n"
    text += sep.join(["07.08.2024", "Київ", "", "", ""]) + "\n"
    src = tmp_path / "t.csv"
    src.write_bytes(text.encode(encoding))
    gdf = read_events(src)
    assert gdf["location"].tolist() == ["Суджа", "Київ"]
    assert gdf["lat"].iloc[0] == 51.19 and np.isnan(gdf["lat"].iloc[1])
    assert gdf["coord_status"].tolist() == ["ok", "missing"]
    assert gdf["event_date"].notna().all()
    from geokit.io._common import line_of

    assert [line_of(gdf, 0), line_of(gdf, 1)] == [2, 4]


def test_latin1_and_decimal_comma(tmp_path):
    src = tmp_path / "t.csv"
    src.write_bytes("lieu;lat;lon\nBogotá;4,711;-74,072\n".encode("latin-1"))
    gdf = read_events(src)
    assert gdf["lieu"].iloc[0] == "Bogotá"
    assert gdf[["lat", "lon"]].iloc[0].tolist() == [4.711, -74.072]


def test_bad_coordinates_kept_with_reason(tmp_path):
    src = tmp_path / "t.csv"
    src.write_text("id,location,lat,lon\n1,A,95.5,30\n2,B,abc,30\n3,C,120,45\n4,D,50,\n"
                   "5,E,50,30\n", encoding="utf-8")
    gdf = read_events(src)
    assert len(gdf) == 5
    assert gdf["coord_status"].tolist() == ["invalid", "invalid", "invalid", "invalid", "ok"]
    assert "outside" in gdf["coord_reason"].iloc[0]
    assert "not a number" in gdf["coord_reason"].iloc[1]
    assert "swapped" in gdf["coord_reason"].iloc[2] and "120" in gdf["coord_reason"].iloc[2]
    assert "one of" in gdf["coord_reason"].iloc[3]
    assert gdf["lat"].iloc[:4].isna().all()
    assert gdf["geometry"].iloc[0] is None and gdf["geometry"].iloc[4] is not None


def test_ragged_rows(tmp_path):
    src = tmp_path / "t.csv"
    src.write_text("id,location,lat,lon\n1,A,50,30,,\n2,B\n", encoding="utf-8")
    gdf = read_events(src)
    assert gdf["location"].tolist() == ["A", "B"]
    bad = tmp_path / "bad.csv"
    bad.write_text("id,location,lat,lon\n1,A,50,30\n2,Kyiv, Ukraine,50,30\n", encoding="utf-8")
    with pytest.raises(InputFileError) as err:
        read_events(bad)
    assert err.value.row == 3 and "bad.csv" in str(err.value)
    kept = read_events(bad, bad_rows="keep")
    assert kept["location"].tolist() == ["A", "Kyiv"]
    assert kept["extra_cells"].tolist() == ["", "30"]
    with pytest.raises(GeokitValueError):
        read_events(bad, bad_rows="skip")


def test_file_errors(tmp_path):
    with pytest.raises(InputFileError, match="not found"):
        read_events(tmp_path / "missing.csv")
    empty = tmp_path / "empty.csv"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="empty"):
        read_events(empty)
    with pytest.raises(GeokitValueError, match="valid formats"):
        read_events(empty, format="shapefile")
    src = tmp_path / "t.csv"
    src.write_text("location\nA\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="acled"):
        read_events(src, format="acled")


def test_duplicate_ids_are_kept_and_reported(tmp_path):
    src = tmp_path / "t.csv"
    src.write_text("id,location,lat,lon\n1,A,50,30\n1,B,50,30\n", encoding="utf-8")
    gdf = read_events(src)
    assert len(gdf) == 2
    probs = ev.validate_events(gdf)
    assert (probs["why"] == "duplicate event id").sum() == 2


def test_read_from_frame():
    gdf = read_events(pd.DataFrame({"town": ["Sudzha"], "latitude": [51.19],
                                    "longitude": [35.27], "killed": [3]}))
    assert gdf.loc[0, ["location", "lat", "lon", "fatalities"]].tolist() == \
        ["Sudzha", 51.19, 35.27, 3]
    assert gdf.attrs["geokit"]["format"] == "generic"


@pytest.mark.parametrize("suffix", [".gpkg", ".geojson", ".parquet", ".kml", ".kmz"])
def test_spatial_roundtrip(tmp_path, suffix):
    src = tmp_path / "acled.csv"
    _acled_frame().to_csv(src, index=False)
    gdf = read_events(src)
    dst = tmp_path / f"events{suffix}"
    write_events(gdf, dst)
    back = read_events(dst)
    assert len(back) == len(gdf)
    assert back["location"].tolist() == gdf["location"].tolist()
    np.testing.assert_allclose(back["lat"].to_numpy(float), gdf["lat"].to_numpy(float))
    if suffix not in (".kml", ".kmz"):
        assert back["event_date"].tolist() == gdf["event_date"].tolist()
        assert back["loc_precision"].tolist() == gdf["loc_precision"].tolist()
        # written back to the same spatial format, columns and values survive
        again = tmp_path / f"again{suffix}"
        write_events(back, again)
        third = read_events(again)
        assert list(third.columns) == list(back.columns)
        pd.testing.assert_frame_equal(pd.DataFrame(third.drop(columns="geometry")),
                                      pd.DataFrame(back.drop(columns="geometry")),
                                      check_dtype=False)


def test_convert_acled_to_generic_and_back(tmp_path):
    src = tmp_path / "acled.csv"
    _acled_frame().to_csv(src, index=False)
    gdf = read_events(src)
    dst = tmp_path / "generic.csv"
    write_events(gdf, dst, format="generic")
    back = read_events(dst)
    assert back["event_id"].tolist() == gdf["event_id"].tolist()
    assert back["loc_precision"].tolist() == gdf["loc_precision"].tolist()
    assert back["event_date"].tolist() == gdf["event_date"].tolist()


def test_mixed_date_formats(tmp_path):
    src = tmp_path / "t.csv"
    src.write_text("id,date,place\n1,2024-08-06,A\n2,07.08.2024,B\n3,8 August 2024,C\n"
                   "4,09/08/2024,D\n5,not a date,E\n", encoding="utf-8")
    gdf = read_events(src)
    assert gdf["event_date"].iloc[:4].tolist() == [pd.Timestamp(f"2024-08-0{d}")
                                                   for d in (6, 7, 8, 9)]
    assert pd.isna(gdf["event_date"].iloc[4])
    assert gdf["date"].iloc[4] == "not a date"  # the source text is kept
    assert "event_date" in set(ev.validate_events(gdf)["column"])


_cell = st.text(alphabet=st.sampled_from(list('ab ,;"\'\nСуджаé\t-1.')), max_size=8)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(_cell, _cell, st.floats(-90, 90), st.floats(-180, 180)),
                min_size=1, max_size=6))
def test_generic_roundtrip_property(tmp_path_factory, rows):
    tmp = tmp_path_factory.mktemp("prop")
    src = tmp / "in.csv"
    frame = pd.DataFrame(rows, columns=["place", "comment", "lat", "lon"])
    frame.to_csv(src, index=False)
    gdf = read_events(src, format="generic")
    assert len(gdf) == len(frame)
    assert gdf["comment"].tolist() == frame["comment"].tolist()
    np.testing.assert_array_equal(gdf["lat"].to_numpy(float), frame["lat"].to_numpy(float))
    dst = tmp / "out.csv"
    write_events(gdf, dst)
    back, orig = _read_text(dst), _read_text(src)
    assert list(back.columns) == list(orig.columns)
    pd.testing.assert_frame_equal(back[["place", "comment"]], orig[["place", "comment"]])
    # "lat"/"lon" are canonical names, so the numbers (not their spelling) round-trip
    np.testing.assert_array_equal(back[["lat", "lon"]].astype(float),
                                  orig[["lat", "lon"]].astype(float))


def test_excel_roundtrip(tmp_path):
    pytest.importorskip("openpyxl")
    src = tmp_path / "t.xlsx"
    pd.DataFrame({"place": ["Sudzha", ""], "lat": ["51.19", ""], "lon": ["35.27", ""]}
                 ).to_excel(src, index=False)
    gdf = read_events(src)
    assert gdf["location"].tolist() == ["Sudzha", ""] or len(gdf) == 1


def test_acled_from_typed_frame_and_accessor_write(tmp_path):
    frame = pd.read_csv(pd.io.common.StringIO(_acled_frame().to_csv(index=False)))
    assert frame["geo_precision"].dtype.kind == "i"
    gdf = read_events(frame)
    assert gdf.attrs["geokit"]["format"] == "acled"
    assert gdf["loc_precision"].tolist() == ["exact", "near", "admin1"]
    assert gdf["lat"].iloc[0] == 51.191
    dst = tmp_path / "out.geojson"
    gdf.geokit.write(dst)
    assert len(read_events(dst)) == 3


def test_geocoded_table_written_back_keeps_results(tmp_path):
    src = tmp_path / "t.csv"
    src.write_text("id,town\n1,Sudzha\n2,Kursk\n", encoding="utf-8")
    gdf = read_events(src)
    gdf["lat"] = [51.19, np.nan]
    gdf["lon"] = [35.27, np.nan]
    gdf["loc_precision"] = ["exact", None]
    gdf["geocode_status"] = ["resolved", "unresolved"]
    gdf["geocode_reason"] = ["", "not found"]
    dst = tmp_path / "out.csv"
    write_events(gdf, dst)
    out = _read_text(dst)
    assert list(out.columns) == ["id", "town", "lat", "lon", "loc_precision", "geocode_status",
                                 "geocode_reason"]
    assert out["lat"].tolist() == ["51.19", ""]


def test_table_format_named_for_a_spatial_file(tmp_path):
    src = tmp_path / "acled.csv"
    _acled_frame().to_csv(src, index=False)
    dst = tmp_path / "e.gpkg"
    write_events(read_events(src), dst)
    gdf = read_events(dst, format="acled")
    assert gdf["event_id"].tolist() == ["UKR0", "UKR1", "UKR2"]
    assert gdf.attrs["geokit"]["format"] == "acled"


def test_two_letter_country_codes_are_kept_as_codes(tmp_path):
    src = tmp_path / "t.csv"
    src.write_text("town,country,lat,lon\nSudzha,RU,51.19,35.27\nSumy,ua,50.9,34.8\n"
                   "Kyiv,Ukraine,50.45,30.52\n", encoding="utf-8")
    assert read_events(src)["country_code"].tolist() == ["RU", "UA", "UA"]


def test_utf16_with_bom_and_tab_separated_export(tmp_path):
    src = tmp_path / "export.txt"  # Excel's "Unicode text" export: UTF-16 with BOM, tabs
    src.write_bytes("place\tlat\tlon\nСуджа\t51,19\t35,27\n".encode("utf-16"))
    gdf = read_events(src)
    assert gdf["location"].tolist() == ["Суджа"]
    assert gdf[["lat", "lon"]].iloc[0].tolist() == [51.19, 35.27]
