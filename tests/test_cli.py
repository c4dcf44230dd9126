import json

import pytest

from geokit.cli import main


def test_geocode_command_csv_and_geojson(tmp_path, capsys):
    src = tmp_path / "names.csv"
    src.write_text("id,location\n1,Sudzha\n2,\n3,Kursk region\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["geocode", str(src), "--column", "location", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.count("\n") == 4 and "geokit_status" in text and "unresolved" in text
    gpkg = tmp_path / "out.gpkg"
    assert main(["geocode", str(src), "--column", "location", "-o", str(gpkg)]) == 0
    import geopandas

    assert len(geopandas.read_file(gpkg)) == 3
    gj = tmp_path / "out.geojson"
    assert main(["geocode", str(src), "-o", str(gj)]) == 0
    assert len(json.loads(gj.read_text())["features"]) == 3


def test_geocode_command_reports_bad_column(tmp_path, capsys):
    src = tmp_path / "names.csv"
    src.write_text("a,b\n1,2\n", encoding="utf-8")
    assert main(["geocode", str(src), "--column", "place", "-o", str(tmp_path / "o.csv")]) == 2
    assert "names.csv" in capsys.readouterr().err


def test_gazetteer_add_and_info(tmp_path, capsys, monkeypatch):
    from geokit._config import options

    monkeypatch.setattr(options, "data_dir", tmp_path / "userdata")
    layer = tmp_path / "mine.csv"
    layer.write_text("name,lat,lon\nKhutir Cli-Test,50.5,35.5\n", encoding="utf-8")
    assert main(["gazetteer", "add", str(layer)]) == 0
    assert main(["gazetteer", "info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert info["mine.csv"]["populated_place"] == 1
    from geokit.gazetteer import Gazetteer

    assert Gazetteer.load().geocode("Khutir Cli-Test").source == "mine.csv"


def test_demo_runs_offline(tmp_path, capsys):
    assert main(["demo", "-o", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Sudzha" in out and (tmp_path / "geocoded_sample_names.csv").exists()
    for name in ("events.geojson", "report.html"):
        assert (tmp_path / name).exists() and str(tmp_path / name) in out
    assert len(list((tmp_path / "frontlines").glob("*.geojson"))) == 3
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert 'id="territory"' in report and "Sudzha" in report
    assert 'id="where"' in report and "Events nearest the line" in report
    front = (tmp_path / "frontline_map.html").read_text(encoding="utf-8")
    assert "geokitFrontSlider" in front and '"inside"' in front  # events coloured by control
    for name in ("event_map.html", "frontline_map.html", "evacuation_map.html"):
        assert (tmp_path / name).exists(), name
    import geopandas

    sources = set(geopandas.read_file(tmp_path / "events.geojson")["source"])
    assert "sudzha_recaptured_2025.txt" in sources  # events extracted from our sample articles


@pytest.mark.browser
def test_demo_outputs_open_in_chromium(tmp_path):
    pytest.importorskip("playwright")
    from geokit._browser import chromium_page, chromium_path

    try:
        chromium_path()
    except FileNotFoundError:
        pytest.skip("Chromium not installed (make test installs it)")
    assert main(["demo", "-o", str(tmp_path)]) == 0
    for name in ("event_map.html", "frontline_map.html", "evacuation_map.html", "report.html"):
        with chromium_page() as page:
            errors, remote = [], []
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            page.on("request", lambda r, remote=remote: None if r.url.startswith(
                ("file:", "data:", "about:")) else remote.append(r.url))
            page.goto((tmp_path / name).as_uri())
            page.wait_for_timeout(300)
            assert not errors and not remote, (name, errors, remote)
            if name != "report.html":
                assert page.evaluate("typeof L") == "object"
