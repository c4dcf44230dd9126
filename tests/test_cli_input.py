"""``geokit geocode`` takes the files researchers have, and fails in one readable line.

The corpus of awkward files is generated here: plain lists with and without suffix, CSV/TSV
with every separator, quoted commas, Excel, Parquet and GeoJSON, in UTF-8, UTF-8 with BOM,
cp1251 and UTF-16 (with and without BOM); then broken files, each of which must give exit code
2 and a single ``geokit: error: FILE[:LINE]: ...`` line without a traceback.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geokit.cli import main
from geokit.errors import InputFileError
from geokit.io._input import read_input

NAMES = ["Sudzha", "Velyka Novosilka, Donetsk", "Kharkiv", "Суми", "Zaporizhzhia"]


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main(["--quiet", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def _csv(rows, sep=",") -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=sep, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def _good_corpus(folder: Path) -> dict[str, tuple[Path, str | None]]:
    """File label -> (path, --column or None)."""
    lists = "\n".join(NAMES) + "\n"
    files: dict[str, tuple[bytes, str, str | None]] = {
        "list-utf8": (lists.encode(), "names.txt", None),
        "list-no-suffix": (lists.encode(), "names", None),
        "list-crlf-blank-lines": (
            ("\r\n".join(NAMES[:2]) + "\r\n\r\n  \r\n" + NAMES[2]).encode(),
            "crlf.txt",
            None,
        ),
        "list-bom": (b"\xef\xbb\xbf" + lists.encode(), "bom.txt", None),
        "list-cp1251": (lists.encode("cp1251"), "cp1251.txt", None),
        "list-utf16": (lists.encode("utf-16"), "utf16.txt", None),
        "list-utf16-le-no-bom": (lists.encode("utf-16-le"), "utf16le.txt", None),
        # names whose letters a delimiter sniffer could take for a separator
        "list-letters": (b"Sudzha\nha\nzz\n", "letters.txt", None),
        "csv-one-column-quoted": (
            _csv([["name"], *[[n] for n in NAMES]]).encode(),
            "quoted.csv",
            None,
        ),
        "csv-columns": (
            _csv(
                [["id", "Location", "note"], *[[i, n, "a, b"] for i, n in enumerate(NAMES)]]
            ).encode(),
            "columns.csv",
            None,
        ),
        "csv-semicolon-cp1251": (
            _csv([["id", "place"], *[[i, n] for i, n in enumerate(NAMES)]], ";").encode("cp1251"),
            "semi.csv",
            None,
        ),
        "csv-pipe-bom": (
            b"\xef\xbb\xbf" + _csv([["x", "town"], *[[1, n] for n in NAMES]], "|").encode(),
            "pipe.csv",
            None,
        ),
        "csv-utf16": (_csv([["village"], *[[n] for n in NAMES]]).encode("utf-16"), "u16.csv", None),
        "tsv": (
            _csv([["n", "settlement"], *[[1, n] for n in NAMES]], "\t").encode(),
            "t.tsv",
            None,
        ),
        "tsv-no-suffix": (
            _csv([["n", "settlement"], *[[1, n] for n in NAMES]], "\t").encode(),
            "tabbed",
            "settlement",
        ),
        "csv-explicit-column": (
            _csv([["a", "b"], *[[n, "x"] for n in NAMES]]).encode(),
            "explicit.csv",
            "a",
        ),
    }
    out = {}
    for label, (data, name, column) in files.items():
        (folder / name).write_bytes(data)
        out[label] = (folder / name, column)
    frame = pd.DataFrame({"id": range(len(NAMES)), "location": NAMES})
    frame.to_excel(folder / "names.xlsx", index=False)
    out["excel"] = (folder / "names.xlsx", None)
    frame.to_parquet(folder / "names.parquet", index=False)
    out["parquet"] = (folder / "names.parquet", None)
    features = [
        {
            "type": "Feature",
            "properties": {"name": n, "pop": None},
            "geometry": {"type": "Point", "coordinates": [35.0, 51.0]},
        }
        for n in NAMES
    ]
    (folder / "names.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8"
    )
    out["geojson"] = (folder / "names.geojson", None)
    return out


def test_every_awkward_but_valid_file_is_read_and_geocoded(tmp_path, capsys, reliability):
    corpus = _good_corpus(tmp_path)
    for label, (path, column) in corpus.items():
        df = read_input(path)
        want = (
            NAMES[:3]
            if label == "list-crlf-blank-lines"
            else (["Sudzha", "ha", "zz"] if label == "list-letters" else NAMES)
        )
        col = column or next(
            c
            for c in df.columns
            if c.lower() in ("name", "location", "place", "town", "village", "settlement")
        )
        assert df[col].tolist() == want, label
        dest = tmp_path / f"out-{label}.csv"
        argv = ["geocode", path, "-o", dest] + (["--column", column] if column else [])
        code, out, err = _run(capsys, *argv)
        assert code == 0, (label, err)
        result = pd.read_csv(dest, keep_default_na=False)
        assert len(result) == len(want), label
        assert out.startswith(f"{len(want)} rows in: ") and str(dest) in out, (label, out)
        if "Sudzha" in want:
            row = result.iloc[want.index("Sudzha")]
            assert row["geokit_status"] == "resolved" and row["geokit_country_code"] == "RU"
        reliability.add(
            "malformed",
            case=f"cli-{label}",
            input=f"geokit geocode {path.name}",
            outcome=f"exit 0: {out.split(' -> ')[0]}",
        )


def _bad_corpus(folder: Path) -> dict[str, tuple[Path, list[str], str]]:
    """Label -> (path, extra arguments, text the error must contain)."""
    files = {
        "empty": (b"", "empty.csv", [], "empty"),
        "blank-lines-only": (b"\n \n\t\n", "blank.txt", [], "no rows"),
        "header-only": (b"name\n", "header.csv", [], "no rows"),
        "binary": (bytes(range(256)) * 8, "binary.csv", [], "binary"),
        "gzipped": (gzip.compress(b"name\nSumy\n" * 50), "packed.csv", [], "binary"),
        "unclosed-quote": (b'name\n"Sumy\nKharkiv\nLviv\n', "quote.csv", [], "never closed"),
        "extra-cells": (b"id,name\n1,Sumy\n2,Kyiv, Ukraine\n", "extra.csv", [], ":3:"),
        "missing-column": (b"id,name\n1,Sumy\n", "col.csv", ["--column", "town"], "--column"),
        "no-name-column": (b"id,value\n1,Sumy\n", "which.csv", [], "--column"),
        "unknown-suffix": (b"Sumy\n", "names.docx", [], "unknown file type"),
        "broken-excel": (b"PK\x03\x04 not really a workbook", "broken.xlsx", [], "spreadsheet"),
        "broken-parquet": (b"PAR1 not really parquet", "broken.parquet", [], "Parquet"),
        "broken-geojson": (
            b'{"type": "FeatureCollection", "features": [',
            "broken.geojson",
            [],
            "spatial",
        ),
    }
    out = {}
    for label, (data, name, extra, expect) in files.items():
        (folder / name).write_bytes(data)
        out[label] = (folder / name, extra, expect)
    out["missing-file"] = (folder / "absent.csv", [], "not found")
    (folder / "a-folder").mkdir()
    out["folder"] = (folder / "a-folder", [], "folder")
    return out


def test_every_broken_file_gives_one_line_and_exit_code_2(tmp_path, capsys, reliability):
    for label, (path, extra, expect) in _bad_corpus(tmp_path).items():
        code, _, err = _run(capsys, "geocode", path, "-o", tmp_path / "out.csv", *extra)
        assert code == 2, (label, err)
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"geokit: error: {path}"), (label, err)
        assert expect in lines[0] and "Traceback" not in err, (label, err)
        reliability.add(
            "malformed",
            case=f"cli-{label}",
            input=f"geokit geocode {path.name}",
            outcome="exit 2: " + lines[0].replace(str(tmp_path) + "/", ""),
        )
    code, _, err = _run(
        capsys, "geocode", tmp_path / "absent.csv", "-o", tmp_path / "no-such-dir" / "out.csv"
    )
    assert code == 2 and len(err.strip().splitlines()) == 1


def test_verbose_keeps_the_traceback(tmp_path, capsys):
    (tmp_path / "x.csv").write_bytes(b"")
    assert (
        main(["--quiet", "-v", "geocode", str(tmp_path / "x.csv"), "-o", str(tmp_path / "o.csv")])
        == 2
    )
    err = capsys.readouterr().err
    assert "Traceback" in err and err.strip().splitlines()[-1].startswith("geokit: error: ")


def test_output_folder_must_exist(tmp_path, capsys):
    (tmp_path / "n.txt").write_text("Sumy\n", encoding="utf-8")
    code, _, err = _run(capsys, "geocode", tmp_path / "n.txt", "-o", tmp_path / "nope" / "o.csv")
    assert code == 2 and "create it first" in err


# -- properties ---------------------------------------------------------------------------------
_CELL = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=12)
_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1251")


def _encodable(enc: str):
    def ok(s: str) -> bool:
        try:
            s.encode(enc)
            return True
        except UnicodeEncodeError:
            return False

    return ok


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(enc=st.sampled_from(_ENCODINGS), data=st.data())
def test_plain_lists_read_back_line_by_line(tmp_path_factory, enc, data):
    names = data.draw(st.lists(_CELL.filter(_encodable(enc)), min_size=1, max_size=8))
    names = [n.replace("\ufeff", "") for n in names]
    path = tmp_path_factory.mktemp("lists") / "names.txt"
    path.write_bytes("\n".join(names).encode(enc))
    want = [n.strip() for n in names if n.strip()]
    try:
        got = read_input(path)["name"].tolist()
    except InputFileError as exc:
        assert not want or "binary" in str(exc), exc
        return
    if enc in ("utf-8", "utf-8-sig", "utf-16"):
        if len(want) > 1 and len({n.count("\t") for n in want}) == 1 and "\t" in want[0]:
            return  # every line has the same tabs: read as a TSV, by design
        assert got == want


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    enc=st.sampled_from(("utf-8", "utf-8-sig", "utf-16")),
    sep=st.sampled_from([",", ";", "\t", "|"]),
    data=st.data(),
)
def test_quoted_tables_read_back_cell_by_cell(tmp_path_factory, enc, sep, data):
    ncol = data.draw(st.integers(2, 4))
    header = [f"col{i}" for i in range(ncol)]
    rows = data.draw(
        st.lists(
            st.lists(_CELL.filter(lambda s: s.strip()), min_size=ncol, max_size=ncol),
            min_size=1,
            max_size=6,
        )
    )
    buf = io.StringIO()
    csv.writer(buf, delimiter=sep, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(
        [header, *rows]
    )
    path = tmp_path_factory.mktemp("tables") / "t.csv"
    path.write_bytes(buf.getvalue().encode(enc))
    df = read_input(path)
    assert list(df.columns) == header
    assert df.values.tolist() == rows


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(blob=st.binary(max_size=400), suffix=st.sampled_from([".csv", ".txt", "", ".tsv"]))
def test_any_bytes_give_a_table_or_an_input_error(tmp_path_factory, blob, suffix):
    path = tmp_path_factory.mktemp("bytes") / f"f{suffix}"
    path.write_bytes(blob)
    try:
        df = read_input(path)
    except InputFileError as exc:
        assert exc.path is not None and exc.reason
        return
    assert len(df) >= 1 and all(isinstance(c, str) for c in df.columns)


def test_progress_bar_on_a_terminal_only(tmp_path, capsys, monkeypatch):
    import sys

    from geokit import _progress
    from geokit._config import options

    monkeypatch.setattr(options, "progress", False)  # restored after the test
    monkeypatch.setitem(_progress.progress_iter.__kwdefaults__, "min_items", 1)
    (tmp_path / "n.txt").write_text("Sudzha\nSumy\nKharkiv\n", encoding="utf-8")
    argv = ["geocode", str(tmp_path / "n.txt"), "-o", str(tmp_path / "o.csv")]
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert "geocoding" in captured.err and "3/3" in captured.err
    assert captured.out.strip() == f"3 rows in: 3 resolved, 0 approximate, 0 ambiguous, " \
                                   f"0 unresolved -> {tmp_path / 'o.csv'}"
    assert main(["--quiet", *argv]) == 0
    assert "geocoding" not in capsys.readouterr().err
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert main(argv) == 0
    assert "geocoding" not in capsys.readouterr().err


def test_articles_in_any_encoding_and_command_line_advice(tmp_path, capsys):
    text = "Обстріл Сум і Харкова тривав уночі."
    for enc in ("utf-8", "utf-8-sig", "utf-16", "cp1251"):
        path = tmp_path / f"article-{enc}.txt"
        path.write_bytes(text.encode(enc))
        code, out, _ = _run(capsys, "places", path)
        assert code == 0 and "Kharkiv" in out and "unresolved" in out.splitlines()[-1], enc
    (tmp_path / "bin.txt").write_bytes(bytes(range(32)) * 20)
    code, _, err = _run(capsys, "places", tmp_path / "bin.txt")
    assert code == 2 and "binary" in err and len(err.strip().splitlines()) == 1
    (tmp_path / "ev.csv").write_text("id,town,lat,lon\n1,A,50,30\n2,Kyiv, Ukraine,50,30\n",
                                     encoding="utf-8")
    code, _, err = _run(capsys, "events", "convert", tmp_path / "ev.csv", tmp_path / "o.csv")
    assert code == 2 and "ev.csv:3: " in err and "--keep-bad-rows" in err


def _bar_on_a_terminal_only(capsys, monkeypatch, argv, bar: str) -> str:
    """Run ``argv`` on a fake terminal (bar ``bar`` on stderr), then with --quiet and without a
    terminal (no bar); return the last line printed on the terminal run."""
    import sys

    from geokit._config import options

    monkeypatch.setattr(options, "progress", False)  # restored after the test
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert bar in captured.err, captured.err
    assert main(["--quiet", *argv]) == 0
    assert bar not in capsys.readouterr().err
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert main(argv) == 0
    assert bar not in capsys.readouterr().err
    return captured.out.strip().splitlines()[-1]


def test_extract_several_files_bar_and_summary(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.txt").write_text("Shelling hit Sumy yesterday; two people were injured.",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("A drone struck Kharkiv on Thursday.", encoding="utf-8")
    out = tmp_path / "ev.csv"
    argv = ["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
            "--published", "2025-03-15", "-o", str(out)]
    last = _bar_on_a_terminal_only(capsys, monkeypatch, argv, "extracting events")
    assert last == f"2 events in: 2 resolved, 0 approximate, 0 ambiguous, 0 unresolved -> {out}"
    table = pd.read_csv(out)
    assert sorted(table["source"]) == ["a.txt", "b.txt"]


def test_places_several_files_bar(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.txt").write_text("Shelling hit Sumy.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("A drone struck Kharkiv.", encoding="utf-8")
    argv = ["places", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    last = _bar_on_a_terminal_only(capsys, monkeypatch, argv, "finding places")
    assert last == "2 mentions in 2 files: 2 placed, 0 unresolved"


def test_report_stage_bar_and_summary(tmp_path, capsys, monkeypatch):
    src = tmp_path / "events.csv"
    src.write_text("event_date,event_type,location,admin1,country_code,lat,lon,loc_precision\n"
                   "2025-03-01,Battles,Sumy,Sumy,UA,50.91,34.80,exact\n"
                   "2025-03-02,Battles,Sumy Oblast,Sumy,UA,50.9,34.0,admin1\n"
                   "2025-03-03,Battles,Nowhere,,UA,,,\n", encoding="utf-8")
    out = tmp_path / "r.html"
    argv = ["report", str(src), "-o", str(out), "--no-map"]
    last = _bar_on_a_terminal_only(capsys, monkeypatch, argv, "writing")
    assert last == f"3 events in: 1 resolved, 1 approximate, 0 ambiguous, 1 unresolved -> {out}"
    assert "Situation report" in out.read_text(encoding="utf-8")
