"""Small sites using the built-in plugins (feed, paginate, redirect-from, sitemap,
seo) and the trickier parts of the site model, against the files real Jekyll 4.3.1
wrote for them (tests/data/jekyll_sites, regenerated as its README says)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import cached_outputs, expected_files, expected_sites

SITES = Path(__file__).parent / "data" / "jekyll_sites"
NAMES = expected_sites(SITES)
CASES = [(site, rel) for site in NAMES for rel in expected_files(SITES, site)]
pytestmark = pytest.mark.usefixtures("reference_tz")


@pytest.mark.parametrize(("site", "rel"), CASES, ids=[f"{s}/{r}" for s, r in CASES])
def test_site_file(site: str, rel: str) -> None:
    outputs = cached_outputs(SITES / site)
    assert rel in outputs, f"{rel} was not written"
    assert outputs[rel].decode("utf-8") == (SITES / f"{site}.expected" / rel).read_text("utf-8")


@pytest.mark.parametrize("site", NAMES)
def test_no_extra_files(site: str) -> None:
    assert set(cached_outputs(SITES / site)) == set(expected_files(SITES, site))
