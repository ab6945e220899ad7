"""Build a site in memory with the Python API, the way the conformance tests need it."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from newsletter_liquid.site import Site

REFERENCE_EPOCH = "1704067200"  # the instant every reference build was made at


def build_outputs(
    source: Path, config_files: Sequence[Path] | None = None
) -> dict[str, bytes]:
    """Every output file of ``source`` (path relative to the destination -> bytes)."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = REFERENCE_EPOCH
    try:
        site = Site.load(source, list(config_files) if config_files else None)
        outputs = site.render_all()
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old
    result: dict[str, bytes] = {}
    for rel, value in outputs.items():
        key = rel.as_posix()
        if isinstance(value, Path):
            result[key] = value.read_bytes()
        else:
            result[key] = value.encode("utf-8", "surrogateescape")
    return result


def expected_sites(root: Path) -> list[str]:
    """Sites under ``root`` that have Jekyll's output beside them in ``<site>.expected/``."""
    return sorted(
        p.name for p in root.iterdir()
        if (p / "_config.yml").exists() and (root / f"{p.name}.expected").is_dir()
    )


def expected_files(root: Path, site: str) -> list[str]:
    """Every file Jekyll wrote for ``site``, relative to its output folder."""
    expected = root / f"{site}.expected"
    return sorted(p.relative_to(expected).as_posix() for p in expected.rglob("*") if p.is_file())


_BUILDS: dict[Path, dict[str, bytes]] = {}


def cached_outputs(site_dir: Path) -> dict[str, bytes]:
    """``build_outputs`` once per site per test session (sites are read-only test data)."""
    if site_dir not in _BUILDS:
        _BUILDS[site_dir] = build_outputs(site_dir)
    return _BUILDS[site_dir]
