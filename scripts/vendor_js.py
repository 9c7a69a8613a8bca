"""Vendor the JavaScript that ``graphmodel view`` inlines into its pages, from the npm registry.

The page must work offline and never load a script from a CDN, so the libraries ship inside
the package (``graphmodel/view/assets/``). This script is how they get there: it installs the
pinned versions with npm into a temporary directory, copies each library's minified browser
build and its licence, and records name, version, licence, source tarball and SHA-256 in
``assets/VENDORED.json`` (``tests/test_view.py`` checks the files against it).

    python scripts/vendor_js.py          # needs npm and the npm registry

To upgrade, change ``PINNED`` and run it again; bench/view.py measures the result.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "graphmodel" / "view" / "assets"

PINNED = {
    # package: (version, browser build inside the package, licence file inside the package)
    "graphology": ("0.26.0", "dist/graphology.umd.min.js", "LICENSE.txt"),
    "sigma": ("3.0.3", "dist/sigma.min.js", "LICENSE.txt"),
}


def main() -> None:
    ASSETS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        specs = [f"{name}@{version}" for name, (version, _, _) in PINNED.items()]
        subprocess.run(
            [
                "npm",
                "install",
                "--prefix",
                tmp,
                "--no-audit",
                "--no-fund",
                "--ignore-scripts",
                *specs,
            ],
            check=True,
        )
        records = []
        for name, (version, build, licence) in PINNED.items():
            root = Path(tmp) / "node_modules" / name
            meta = json.loads((root / "package.json").read_text(encoding="utf-8"))
            assert meta["version"] == version, (name, meta["version"])
            target = ASSETS / f"{name}.min.js"
            shutil.copyfile(root / build, target)
            shutil.copyfile(root / licence, ASSETS / f"{name}.LICENSE.txt")
            view = subprocess.run(
                ["npm", "view", f"{name}@{version}", "dist.tarball"],
                check=True,
                capture_output=True,
                text=True,
            )
            records.append(
                {
                    "name": name,
                    "version": version,
                    "license": meta.get("license", ""),
                    "file": target.name,
                    "licence_file": f"{name}.LICENSE.txt",
                    "from": f"{name}/{build}",
                    "tarball": view.stdout.strip(),
                    "sha256": hashlib.sha256(target.read_bytes()).hexdigest(),
                }
            )
    (ASSETS / "VENDORED.json").write_text(
        json.dumps(records, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"vendored {', '.join(r['name'] + ' ' + r['version'] for r in records)} into {ASSETS}")


if __name__ == "__main__":
    main()
