#!/usr/bin/env python3
"""Fetch the JavaScript/CSS that offline maps inline, from the npm registry (set-up time only).

Each package in ``geokit/maps/assets.lock.json`` is fetched with ``npm pack NAME@VERSION``, its
sha512 integrity is checked against the lock file, and the listed files are extracted into
``geokit/maps/_assets/`` (not committed). ``make test`` and ``make demo`` run this.
"""

from __future__ import annotations

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


def main() -> int:
    lock = json.loads(LOCK.read_text())
    DEST.mkdir(exist_ok=True)
    for name, spec in lock.items():
        if all((DEST / out).exists() for out in spec["files"].values()):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["npm", "pack", f"{name}@{spec['version']}", "--silent"], cwd=tmp,
                           check=True, stdout=subprocess.DEVNULL)
            tgz = next(Path(tmp).glob("*.tgz"))
            algo, expected = spec["integrity"].split("-", 1)
            got = base64.b64encode(hashlib.new(algo, tgz.read_bytes()).digest()).decode()
            if got != expected:
                print(f"{name}@{spec['version']}: integrity mismatch, refusing to use it",
                      file=sys.stderr)
                return 1
            with tarfile.open(tgz) as tar:
                for member, out in spec["files"].items():
                    (DEST / out).write_bytes(tar.extractfile(member).read())
        print(f"fetched {name}@{spec['version']} -> {DEST}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
