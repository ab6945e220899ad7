"""Small sites on the Liquid/site-model boundary (data files, ``empty`` literals, drops'
keys and JSON, ``site.serving``/``site.config``, ``related_posts``, ``{{ content }}``
without a layout) against what real Jekyll 4.3.1 wrote for them: tests/data/dialect_sites,
regenerated with ``scripts/regen_fixture_expected.sh tests/data/dialect_sites/SITE``."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import cached_outputs, expected_files, expected_sites

SITES = Path(__file__).parent / "data" / "dialect_sites"
NAMES = expected_sites(SITES)
CASES = [(site, rel) for site in NAMES for rel in expected_files(SITES, site)]
pytestmark = pytest.mark.usefixtures("reference_tz")


@pytest.mark.parametrize(("site", "rel"), CASES, ids=[f"{s}/{r}" for s, r in CASES])
def test_site_file(site: str, rel: str) -> None:
    outputs = cached_outputs(SITES / site)
    assert rel in outputs, f"{rel} was not written"
    assert outputs[rel].decode("utf-8") == (SITES / f"{site}.expected" / rel).read_text("utf-8")
