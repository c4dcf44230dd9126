"""Tests for reading event files in blocks with dask (geokit.io.read_events_dask)."""

from __future__ import annotations

import pandas as pd
import pytest

from geokit.errors import GeokitValueError, InputFileError
from geokit.io import read_events, read_events_dask

pytest.importorskip("dask_geopandas")


def _plain(frame) -> pd.DataFrame:
    """Attributes as plain objects with ``None`` for missing (dask keeps pyarrow strings)."""
    frame = pd.DataFrame(frame.drop(columns="geometry")).reset_index(drop=True).astype(object)
    return frame.where(frame.notna(), None)


def _same(lazy, expected) -> None:
    got = lazy.compute()
    pd.testing.assert_frame_equal(_plain(got), _plain(expected))
    assert got.geometry.reset_index(drop=True).equals(expected.geometry)


def _monitor_rows(n: int) -> list[str]:
    rows = []
    for i in range(n):
        date = f"2024-08-{1 + i % 9:02d}" if i % 2 else f"0{1 + i % 9}.08.2024"
        lat = "" if i % 7 == 0 else f"{51 + i / 1000:.3f}".replace(".", ",")
        rows.append(f"{i};Суджа {i % 3};Курська;{lat};35,27;{date}")
        if i % 11 == 0:
            rows.append("")
    return rows


def test_cp1251_semicolons_blank_lines_in_blocks_match_pandas(tmp_path):
    src = tmp_path / "e.csv"
    text = "\n".join(["id;населений пункт;oblast;lat;lon;date", *_monitor_rows(300)]) + "\n"
    src.write_bytes(text.encode("cp1251"))
    lazy = read_events(src, blocksize=2500)
    assert lazy.npartitions > 2
    _same(lazy, read_events(src))


def test_bom_and_glob_of_files(tmp_path):
    header = "event_id,town,lat,lon"
    for k in range(3):
        body = "\n".join(f"{k}-{i},Sumy,50.9{i},34.8" for i in range(40))
        enc = "utf-8-sig" if k == 0 else "utf-8"
        (tmp_path / f"part-{k}.csv").write_bytes(f"{header}\n{body}\n".encode(enc))
    lazy = read_events_dask(str(tmp_path / "part-*.csv"), blocksize=300)
    expected = pd.concat([read_events(tmp_path / f"part-{k}.csv") for k in range(3)],
                         ignore_index=True)
    _same(lazy, expected)
    assert lazy.compute()["event_id"].iloc[0] == "0-0"


def test_files_with_other_headers_are_refused(tmp_path):
    (tmp_path / "a.csv").write_text("town,lat,lon\nSumy,50.9,34.8\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("place,lat,lon\nSumy,50.9,34.8\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="differs") as err:
        read_events_dask([tmp_path / "a.csv", tmp_path / "b.csv"])
    assert "b.csv" in str(err.value)


def test_ragged_row_in_a_later_block_names_its_line(tmp_path):
    rows = [f"{i},Sumy,50.9,34.8" for i in range(100)]
    rows[80] = "80,Kyiv, Ukraine,50.4,30.5"  # unquoted separator: one cell too many
    src = tmp_path / "r.csv"
    src.write_text("id,location,lat,lon\n\n" + "\n".join(rows) + "\n", encoding="utf-8")
    lazy = read_events(src, blocksize=200)
    with pytest.raises(InputFileError) as err:
        lazy.compute()
    with pytest.raises(InputFileError) as ref:
        read_events(src)
    assert err.value.row == ref.value.row == 83 and "r.csv" in str(err.value)
    _same(read_events(src, blocksize=200, bad_rows="keep"), read_events(src, bad_rows="keep"))


def test_undecodable_bytes_later_in_the_file(tmp_path, monkeypatch):
    import geokit.io._dask as gd

    monkeypatch.setattr(gd, "_HEAD_BYTES", 1000)  # the encoding is guessed from this much
    src = tmp_path / "u.csv"
    head = "town,lat,lon\n" + "Sumy,50.9,34.8\n" * 200
    src.write_bytes(head.encode() + "Суджа,51.19,35.27\n".encode("cp1251"))
    lazy = read_events_dask(src, blocksize=500)
    with pytest.raises(InputFileError, match="encoding=") as err:
        lazy.compute()
    assert err.value.row == 202
    got = read_events_dask(src, blocksize=500, encoding="cp1251").compute()
    assert got["location"].iloc[-1] == "Суджа"


def test_acled_layout_detected_in_blocks(tmp_path):
    from test_io_formats import _acled_frame

    src = tmp_path / "acled.csv"
    pd.concat([_acled_frame()] * 20, ignore_index=True).to_csv(src, index=False)
    lazy = read_events(src, blocksize=5000)
    _same(lazy, read_events(src))
    assert set(lazy["dataset"].compute()) == {"acled"}


@pytest.mark.parametrize("geo", [True, False])
def test_parquet_in_partitions(tmp_path, geo):
    pytest.importorskip("pyarrow")
    src = tmp_path / "e.csv"
    src.write_text("id,town,lat,lon\n" + "".join(f"{i},Sumy,50.{i},34.8\n" for i in range(50)),
                   encoding="utf-8")
    gdf = read_events(src)
    pq = tmp_path / "e.parquet"
    if geo:
        gdf.to_parquet(pq)
    else:
        pd.DataFrame({"id": [str(i) for i in range(50)], "town": "Sumy",
                      "lat": gdf["lat"], "lon": gdf["lon"]}).to_parquet(pq)
    got = read_events(pq, blocksize="1MB").compute()
    assert got["location"].tolist() == ["Sumy"] * 50
    assert got["lat"].tolist() == gdf["lat"].tolist()
    assert got.crs == "EPSG:4326" and got.geometry.equals(gdf.geometry)


def test_spatial_file_read_whole_and_split(tmp_path):
    src = tmp_path / "e.csv"
    src.write_text("id,town,lat,lon\n" + "".join(f"{i},Sumy,50.{i},34.8\n" for i in range(30)),
                   encoding="utf-8")
    gdf = read_events(src)
    gj = tmp_path / "e.geojson"
    gdf.drop(columns=["event_date"]).to_file(gj)
    lazy = read_events(gj, blocksize=2000)
    assert lazy.npartitions > 1
    assert lazy.compute()["lat"].tolist() == gdf["lat"].tolist()


def test_bad_arguments(tmp_path):
    with pytest.raises(InputFileError, match="not found"):
        read_events_dask(tmp_path / "none-*.csv")
    src = tmp_path / "t.csv"
    src.write_text("town\nSumy\n", encoding="utf-8")
    with pytest.raises(GeokitValueError, match="blocksize"):
        read_events_dask(src, blocksize="lots")
    with pytest.raises(GeokitValueError, match="bad_rows"):
        read_events_dask(src, bad_rows="skip")
    with pytest.raises(TypeError, match="from_pandas"):
        read_events(pd.DataFrame({"town": ["Sumy"]}), blocksize=100)
    from geokit.io import write_events

    with pytest.raises(TypeError, match="to_parquet"):
        write_events(read_events(src, blocksize=100), tmp_path / "out.csv")
    xl = tmp_path / "t.xlsx"
    xl.write_bytes(b"")
    with pytest.raises(InputFileError, match="Excel"):
        read_events_dask(xl)
