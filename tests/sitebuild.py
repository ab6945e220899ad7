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
