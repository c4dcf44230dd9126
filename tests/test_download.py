"""`geokit gazetteer download` against a local HTTP server serving small generated dumps.

Nothing here touches the internet: the server runs on 127.0.0.1 in a thread and serves zips
made in the test (GeoNames' layout: ``XX.zip`` with ``XX.txt``, ``alternatenames/XX.zip``).
"""

from __future__ import annotations

import io
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pandas as pd
import pytest

from geokit.errors import DownloadError, GeokitValueError
from geokit.gazetteer import Gazetteer
from geokit.gazetteer.download import download

# geonameid, name, lat, lon, feature class/code, country, admin1 code (GeoNames' UA codes)
PLACES = [
    (9100001, "Zelenyi Hai", 47.61, 35.88, "P", "PPL", "UA", "26"),
    (9100002, "Mala Tokmachka", 47.55, 35.96, "P", "PPL", "UA", "26"),
    (9100003, "Stara Khata", 49.71, 37.60, "P", "PPL", "UA", "07"),
    (9100004, "Hill of test", 49.70, 37.61, "T", "HLL", "UA", "07"),  # not a place: dropped
]
ALTERNATES = [
    (1, 9100001, "uk", "Зелений Гай"),
    (2, 9100002, "ru", "Малая Токмачка"),
    (3, 9100001, "link", "https://example.org/zh"),
    (4, 9100003, "uk", "Стара Хата"),
]


def _dump(rows) -> str:
    out = []
    for gid, name, lat, lon, fclass, fcode, cc, a1 in rows:
        cols = [
            str(gid),
            name,
            name,
            "",
            str(lat),
            str(lon),
            fclass,
            fcode,
            cc,
            "",
            a1,
            "",
            "",
            "",
            "0",
            "",
            "100",
            "Europe/Kyiv",
            "2024-01-01",
        ]
        out.append("\t".join(cols))
    return "\n".join(out) + "\n"


def _zip(name: str, text: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(name, text)
    return buf.getvalue()


def _alt(rows) -> str:
    return "".join(f"{i}\t{g}\t{lang}\t{name}\t\t\t\t\t\t\n" for i, g, lang, name in rows)


class _Server:
    """Serves ``files`` (path -> bytes) with HTTP Range; ``status`` forces an error answer;
    ``cut`` (path -> n) sends n bytes of a file once and then drops the connection."""

    def __init__(self):
        self.files: dict[str, bytes] = {}
        self.status: dict[str, int] = {}
        self.cut: dict[str, int] = {}
        self.requests: list[tuple[str, str | None]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                rng = self.headers.get("Range")
                server.requests.append((self.path, rng))
                if self.path in server.status:
                    self.send_error(server.status[self.path])
                    return
                body = server.files.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                start = int(rng.split("=")[1].split("-")[0]) if rng else 0
                if start >= len(body):
                    self.send_response(416)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(206 if rng else 200)
                if rng:
                    self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
                self.send_header("Content-Length", str(len(body) - start))
                self.end_headers()
                n = server.cut.pop(self.path, None)
                self.wfile.write(body[start:] if n is None else body[start : start + n])
                if n is not None:
                    self.wfile.flush()
                    self.close_connection = True

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/dump/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def add_country(self, code="UA", places=PLACES, alternates=ALTERNATES):
        self.files[f"/dump/{code}.zip"] = _zip(f"{code}.txt", _dump(places))
        self.files[f"/dump/alternatenames/{code}.zip"] = _zip(f"{code}.txt", _alt(alternates))


@pytest.fixture
def server():
    s = _Server()
    s.thread.start()
    yield s
    s.httpd.shutdown()
    s.httpd.server_close()


def test_download_stores_a_layer_that_geocodes(server, tmp_path):
    server.add_country()
    (res,) = download("UA", base_url=server.url, data_dir=tmp_path)
    assert res.country == "UA" and res.places == 3 and res.dump_rows == 4
    assert res.alternate_names == 3  # the link is not a name
    assert res.layer == tmp_path / "layers" / "geonames-UA.zip"
    assert not list((tmp_path / "downloads").iterdir())  # downloads removed once stored
    gaz = Gazetteer.load(extra=[res.layer], user_layers=False)
    place = gaz.geocode("Zelenyi Hai, Zaporizhzhia Oblast")
    assert place.source == "geonames-UA.zip" and place.geonameid == 9100001
    assert gaz.geocode("Зелений Гай").geonameid == 9100001  # from the alternate names
    assert gaz.geocode("Hill of test") is None or gaz.geocode("Hill of test").geonameid is None


def test_country_names_and_the_data_dir_option(server, tmp_path, monkeypatch):
    server.add_country(
        "BY", places=[(9200001, "Testavichy", 53.9, 27.5, "P", "PPL", "BY", "04")], alternates=[]
    )
    from geokit import options

    monkeypatch.setattr(options, "data_dir", tmp_path)
    (res,) = download(["Belarus"], base_url=server.url, alternate_names=False)
    assert res.layer == tmp_path / "layers" / "geonames-BY.zip"
    assert ("/dump/alternatenames/BY.zip", None) not in server.requests


def test_env_var_names_the_mirror(server, tmp_path, monkeypatch):
    server.add_country()
    monkeypatch.setenv("GEOKIT_GEONAMES_URL", server.url.rstrip("/"))
    (res,) = download("UA", data_dir=tmp_path)
    assert res.places == 3


def test_interrupted_download_resumes(server, tmp_path):
    server.add_country()
    size = len(server.files["/dump/UA.zip"])
    server.cut["/dump/UA.zip"] = size // 2
    with pytest.raises(DownloadError, match=r"stopped after .*run it again to resume"):
        download("UA", base_url=server.url, data_dir=tmp_path)
    part = tmp_path / "downloads" / "UA.zip.part"
    assert part.stat().st_size == size // 2
    seen = []
    (res,) = download(
        "UA",
        base_url=server.url,
        data_dir=tmp_path,
        progress=lambda name, done, total: seen.append((name, done, total)),
    )
    assert res.places == 3
    assert ("/dump/UA.zip", f"bytes={size // 2}-") in server.requests  # asked for the rest only
    assert ("UA.zip", size, size) in seen


def test_truncated_zip_is_refused_and_deleted(server, tmp_path):
    server.add_country()
    whole = server.files["/dump/UA.zip"]
    server.files["/dump/UA.zip"] = whole[: len(whole) - 30]  # the server itself has a cut file
    with pytest.raises(DownloadError, match=r"UA.zip .*not a whole zip file.*download again"):
        download("UA", base_url=server.url, data_dir=tmp_path)
    assert not (tmp_path / "downloads" / "UA.zip").exists()
    assert not (tmp_path / "layers" / "geonames-UA.zip").exists()


@pytest.mark.parametrize(("status", "advice"), [(404, "no such file"), (500, "try again later")])
def test_http_errors_name_the_url(server, tmp_path, status, advice):
    server.add_country()
    server.status["/dump/alternatenames/UA.zip"] = status
    with pytest.raises(DownloadError, match=rf"alternatenames/UA.zip.*HTTP {status}.*{advice}"):
        download("UA", base_url=server.url, data_dir=tmp_path)
    assert not (tmp_path / "layers" / "geonames-UA.zip").exists()


def test_missing_country_is_404(server, tmp_path):
    with pytest.raises(DownloadError, match=r"/dump/RU.zip.*HTTP 404"):
        download("RU", base_url=server.url, data_dir=tmp_path)


def test_wrong_columns_are_refused(server, tmp_path):
    server.files["/dump/UA.zip"] = _zip("UA.txt", "id,name,lat\n1,Kyiv,50\n")
    with pytest.raises(DownloadError, match="not a GeoNames dump row"):
        download("UA", base_url=server.url, data_dir=tmp_path, alternate_names=False)


def test_zip_without_the_country_file(server, tmp_path):
    server.files["/dump/UA.zip"] = _zip("readme.txt", "hello")
    with pytest.raises(DownloadError, match="holds no UA.txt"):
        download("UA", base_url=server.url, data_dir=tmp_path, alternate_names=False)


def test_unreachable_server(tmp_path):
    with pytest.raises(DownloadError, match="cannot reach http://127.0.0.1:9/"):
        download("UA", base_url="http://127.0.0.1:9/", data_dir=tmp_path)


def test_bad_country():
    with pytest.raises(GeokitValueError, match="Atlantis"):
        download("Atlantis")
    with pytest.raises(GeokitValueError, match="no country"):
        download([])


def test_cli_download(server, tmp_path, monkeypatch, capsys):
    from geokit.cli import main

    server.add_country()
    monkeypatch.setenv("GEOKIT_DATA_DIR", str(tmp_path))
    from geokit import options

    monkeypatch.setattr(options, "data_dir", tmp_path)
    assert main(["gazetteer", "download", "UA", "--base-url", server.url]) == 0
    out = capsys.readouterr().out
    assert "UA: 3 places" in out and "geonames-UA.zip" in out
    server.status["/dump/BY.zip"] = 500
    assert main(["gazetteer", "download", "BY", "--base-url", server.url]) == 2
    assert "HTTP 500" in capsys.readouterr().err
    frame = pd.read_csv(tmp_path / "layers" / "geonames-UA.zip", sep="\t", header=None)
    assert len(frame) == 3
