"""Tests for ``geokit events convert|geocode|validate``."""

from __future__ import annotations

import pandas as pd

from geokit.cli import main


def _write(tmp_path, text: str, name: str = "in.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_events_convert(tmp_path, capsys):
    src = _write(tmp_path, "id,date,town,lat,lon\n1,2024-08-06,Sudzha,51.19,35.27\n"
                           "2,2024-08-07,Kursk,,\n")
    dst = tmp_path / "out.gpkg"
    assert main(["--quiet", "events", "convert", str(src), str(dst)]) == 0
    assert "2 rows" in capsys.readouterr().out
    from geokit.io import read_events

    back = read_events(dst)
    assert back["location"].tolist() == ["Sudzha", "Kursk"]


def test_events_geocode(tmp_path, capsys):
    src = _write(tmp_path, "id,town,oblast,lat,lon\n1,Sudzha,Kursk Oblast,,\n"
                           "2,Kursk,,51.73,36.19\n")
    dst = tmp_path / "out.csv"
    assert main(["--quiet", "events", "geocode", str(src), "-o", str(dst)]) == 0
    out = pd.read_csv(dst)
    assert len(out) == 2
    assert abs(out.loc[0, "lat"] - 51.19) < 0.05
    assert out["geocode_status"].tolist() == ["resolved", "existing"]
    assert "2 rows in: 1 resolved" in capsys.readouterr().out


def test_events_validate(tmp_path, capsys):
    good = _write(tmp_path, "id,date,town,lat,lon\n1,2024-08-06,Sudzha,51.19,35.27\n",
                  "good.csv")
    assert main(["--quiet", "events", "validate", str(good)]) == 0
    bad = _write(tmp_path, "id,date,town,lat,lon\n1,2024-08-06,A,95,30\n1,2024-08-06,B,50,30\n",
                 "bad.csv")
    report = tmp_path / "problems.csv"
    assert main(["--quiet", "events", "validate", str(bad), "-o", str(report)]) == 1
    out = capsys.readouterr().out
    assert "duplicate event id" in out and "swapped" in out
    probs = pd.read_csv(report)
    assert {"row", "line", "column", "value", "why"} <= set(probs.columns)


def test_events_missing_file(tmp_path, capsys):
    assert main(["events", "convert", str(tmp_path / "nope.csv"), str(tmp_path / "x.csv")]) == 2
    assert "not found" in capsys.readouterr().err


def test_events_convert_keep_bad_rows(tmp_path, capsys):
    src = _write(tmp_path, "id,town,lat,lon\n1,A,50,30\n2,Kyiv, Ukraine,50,30\n")
    dst = tmp_path / "out.csv"
    assert main(["--quiet", "events", "convert", str(src), str(dst)]) == 2
    assert "in.csv:3: " in capsys.readouterr().err
    assert main(["--quiet", "events", "convert", "--keep-bad-rows", str(src), str(dst)]) == 0
    assert len(pd.read_csv(dst)) == 2


def test_events_geocode_shows_progress_on_a_terminal(tmp_path, capsys, monkeypatch):
    import sys

    import geokit.events._geocode as ge
    from geokit._config import options

    monkeypatch.setattr(options, "progress", False)  # restored after the test
    monkeypatch.setattr(ge, "_PROGRESS_ROWS", 10)
    rows = "".join(f"{i},{'Sudzha' if i % 2 else 'Kursk'},,\n" for i in range(30))
    src = _write(tmp_path, "id,town,lat,lon\n" + rows)
    dst = tmp_path / "out.csv"
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["events", "geocode", str(src), "-o", str(dst), "--country", "RU"]) == 0
    assert "geocoding events" in capsys.readouterr().err
    assert main(["--quiet", "events", "geocode", str(src), "-o", str(dst)]) == 0
    assert "geocoding events" not in capsys.readouterr().err
    assert len(pd.read_csv(dst)) == 30


def test_events_validate_lists_every_ragged_row(tmp_path, capsys):
    src = _write(tmp_path, "id,town,lat,lon\n1,Kyiv, Ukraine,50.4,30.5\n2,A,50,30\n"
                           "3,Sumy, UA,50.9,34.8\n")
    report = tmp_path / "problems.csv"
    assert main(["--quiet", "events", "validate", str(src), "-o", str(report)]) == 1
    probs = pd.read_csv(report)
    ragged = probs[probs["column"] == "extra_cells"]
    assert ragged["line"].tolist() == [2, 4]
    assert "more cells than the header" in capsys.readouterr().out
