"""Small sites on the Liquid/site-model boundary (data files, ``empty`` literals, drops'
keys and JSON, ``site.serving``/``site.config``, ``related_posts``, ``{{ content }}``
without a layout) against what real Jekyll 4.3.1 wrote for them: tests/data/dialect_sites,
regenerated with ``scripts/regen_fixture_expected.sh tests/data/dialect_sites/SITE``."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sitebuild import build_outputs

SITES = Path(__file__).parent / "data" / "dialect_sites"
NAMES = sorted(p.name for p in SITES.iterdir() if (p / "_config.yml").exists())
CASES = [
    (name, path.relative_to(SITES / f"{name}.expected").as_posix())
    for name in NAMES
    for path in sorted((SITES / f"{name}.expected").rglob("*"))
    if path.is_file()
]
_BUILDS: dict[str, dict[str, bytes]] = {}


@pytest.fixture(autouse=True, scope="module")
def _utc() -> Iterator[None]:
    """The reference builds ran with TZ=UTC and the sites set no ``timezone:``."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


def _outputs(name: str) -> dict[str, bytes]:
    if name not in _BUILDS:
        _BUILDS[name] = build_outputs(SITES / name)
    return _BUILDS[name]


@pytest.mark.parametrize(("site", "rel"), CASES, ids=[f"{s}/{r}" for s, r in CASES])
def test_site_file(site: str, rel: str) -> None:
    outputs = _outputs(site)
    assert rel in outputs, f"{rel} was not written"
    assert outputs[rel].decode("utf-8") == (SITES / f"{site}.expected" / rel).read_text("utf-8")
