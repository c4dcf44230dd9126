"""Control-area snapshots from every supported format, repaired, dated and compared."""

import datetime as dt
import zipfile

import geopandas as gpd
import pytest
from shapely.geometry import LineString, Polygon, box

from geokit.conflict import front_line, read_snapshots, territory_change
from geokit.errors import GeometryRepairWarning, InputFileError

# a self-intersecting "bow tie": invalid as drawn, two triangles once repaired
BOW_TIE = Polygon([(35.0, 51.0), (35.4, 51.4), (35.4, 51.0), (35.0, 51.4), (35.0, 51.0)])


def _kml(name: str, coords: list[tuple[float, float]], when: str | None = None) -> str:
    ring = " ".join(f"{x},{y},0" for x, y in coords)
    stamp = f"<TimeStamp><when>{when}</when></TimeStamp>" if when else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>{name}</name>
<Placemark><name>{name}</name>{stamp}<Polygon><outerBoundaryIs><LinearRing>
<coordinates>{ring}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
</Document></kml>"""


def test_geojson_folder_is_dated_by_file_name(tmp_path):
    for day, w in (("20250301", 0.5), ("2025-04-01", 0.2)):
        gpd.GeoDataFrame(geometry=[box(35.0, 51.0, 35.0 + w, 51.4)], crs=4326).to_file(
            tmp_path / f"{day}.geojson")
    (tmp_path / "notes.txt").write_text("not a snapshot")
    snaps = read_snapshots(tmp_path)
    assert list(snaps) == [dt.date(2025, 3, 1), dt.date(2025, 4, 1)]
    assert snaps[dt.date(2025, 3, 1)].area > snaps[dt.date(2025, 4, 1)].area


def test_isw_style_geojson_with_dated_features_and_selection(tmp_path):
    frame = gpd.GeoDataFrame({
        "date": ["2025-03-01", "2025-03-01", "2025-03-15"],
        "layer": ["Assessed control", "Claimed", "Assessed control"],
    }, geometry=[box(35, 51, 35.5, 51.4), box(36, 51, 36.5, 51.4), box(35, 51, 35.2, 51.4)],
        crs=4326)
    path = tmp_path / "isw_control_areas.geojson"
    frame.to_file(path)
    snaps = read_snapshots(path, select={"layer": "Assessed control"})
    assert list(snaps) == [dt.date(2025, 3, 1), dt.date(2025, 3, 15)]
    assert snaps[dt.date(2025, 3, 1)].bounds[2] == pytest.approx(35.5)  # "Claimed" left out
    with pytest.raises(InputFileError, match="no property 'status'"):
        read_snapshots(path, select={"status": "x"})


def test_kml_bow_tie_is_repaired(tmp_path):
    path = tmp_path / "2025-03-01.kml"
    path.write_text(_kml("control", list(BOW_TIE.exterior.coords)), encoding="utf-8")
    assert not BOW_TIE.is_valid
    with pytest.warns(GeometryRepairWarning, match="1 repaired feature"):
        geom = read_snapshots(path, simplify_m=0)[dt.date(2025, 3, 1)]
    assert geom.is_valid and geom.geom_type == "MultiPolygon"
    assert geom.area == pytest.approx(0.08, rel=1e-6)  # two triangles of 0.04 deg² each
    assert not geom.has_z


def test_kmz_with_timestamps(tmp_path):
    path = tmp_path / "control.kmz"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("doc.kml", _kml("control", [(35, 51), (35.5, 51), (35.5, 51.4), (35, 51.4),
                                               (35, 51)], when="2025-05-01"))
    snaps = read_snapshots(path)
    assert list(snaps) == [dt.date(2025, 5, 1)]
    assert snaps[dt.date(2025, 5, 1)].bounds == pytest.approx((35, 51, 35.5, 51.4))


def test_geopackage_layers_are_merged(tmp_path):
    path = tmp_path / "20250601.gpkg"
    gpd.GeoDataFrame(geometry=[box(35, 51, 35.5, 51.4)], crs=4326).to_file(path, layer="north")
    south = gpd.GeoDataFrame(geometry=[box(35, 50, 35.5, 50.4)], crs=4326).to_crs(3857)
    south.to_file(path, layer="south")  # stored in metres, read back in degrees
    geom = read_snapshots(path)[dt.date(2025, 6, 1)]
    assert geom.bounds == pytest.approx((35, 50, 35.5, 51.4))  # both layers, back in 4326


def test_bad_dates_say_where(tmp_path):
    path = tmp_path / "areas.geojson"
    gpd.GeoDataFrame({"date": ["2025-03-01", "soon"]}, geometry=[box(35, 51, 36, 52)] * 2,
                     crs=4326).to_file(path)
    with pytest.raises(InputFileError, match=r"row 1, column 'date': 'soon' is not a date"):
        read_snapshots(path)
    undated = tmp_path / "areas2.geojson"
    gpd.GeoDataFrame(geometry=[box(35, 51, 36, 52)], crs=4326).to_file(undated)
    with pytest.raises(InputFileError, match="no date"):
        read_snapshots(undated)


def test_territory_change_in_km2():
    before, after = box(35.0, 50.0, 36.0, 51.0), box(35.0, 50.0, 36.5, 51.0)
    change = territory_change(before, after)
    # half a degree of longitude by one of latitude at 50.5°N: about 3,930 km²
    assert change["gained"] == pytest.approx(3930, rel=0.01)
    assert change["lost"] == pytest.approx(0, abs=1e-6)


def test_thin_slivers_are_not_territory_change():
    before = box(35.0, 50.0, 36.0, 51.0)
    # the same area traced 50 m further west, plus a real 1 km advance in the east
    after = box(35.0 - 0.0007, 50.0, 36.0 + 0.014, 51.0)
    noisy = territory_change(before, after)
    clean = territory_change(before, after, min_width_m=200)
    assert noisy["gained"] > clean["gained"] > 0
    assert clean["gained"] == pytest.approx(111.2 * 0.014 * 0.636 * 111.2, rel=0.05)  # ~110 km²


def test_front_line_leaves_out_the_border():
    area = box(37.0, 47.0, 41.0, 49.0)  # reaches past the UA-RU border into Russia
    line = front_line(area)
    assert 0 < line.length < area.boundary.length


def test_repairs_and_drops_are_reported(tmp_path):
    frame = gpd.GeoDataFrame(geometry=[box(35, 51, 35.5, 51.4), BOW_TIE,
                                       LineString([(35, 50), (36, 50)])], crs=4326)
    frame.to_file(tmp_path / "20250301.geojson")
    with pytest.warns(GeometryRepairWarning, match="1 repaired, 1 dropped"):
        snaps, changes = read_snapshots(tmp_path, changes=True)
    assert list(snaps) == [dt.date(2025, 3, 1)]
    assert changes[["date", "source", "feature", "action"]].values.tolist() == [
        [dt.date(2025, 3, 1), "20250301.geojson", 1, "repaired"],
        [dt.date(2025, 3, 1), "20250301.geojson", 2, "dropped"]]
    assert changes["problem"].iloc[0].startswith("Self-intersection")
    assert changes["problem"].iloc[1] == "not a polygon (LineString)"


def test_valid_snapshots_read_without_warning(recwarn):
    snaps, changes = read_snapshots({"2025-03-01": box(35, 51, 35.5, 51.4)}, changes=True)
    assert changes.empty and list(snaps) == [dt.date(2025, 3, 1)]
    assert not [w for w in recwarn if issubclass(w.category, GeometryRepairWarning)]


def test_dict_input_repairs_are_reported_too():
    with pytest.warns(GeometryRepairWarning):
        _, changes = read_snapshots({"2025-03-01": BOW_TIE}, changes=True)
    assert changes["source"].tolist() == ["dict"]


def test_geopackage_with_one_layer_per_date(tmp_path):
    path = tmp_path / "isw_layers.gpkg"
    for day, w in (("2025-03-01", 0.5), ("2025-03-08", 0.3)):
        gpd.GeoDataFrame(geometry=[box(35.0, 51.0, 35.0 + w, 51.4)], crs=4326).to_file(
            path, layer=f"control {day}")
    snaps = read_snapshots(path, simplify_m=0)
    assert list(snaps) == [dt.date(2025, 3, 1), dt.date(2025, 3, 8)]
    assert snaps[dt.date(2025, 3, 8)].bounds[2] == pytest.approx(35.3)
