"""Small sites using the built-in plugins (feed, paginate, redirect-from, sitemap,
seo) and the trickier parts of the site model, against the files real Jekyll 4.3.1
wrote for them (tests/data/jekyll_sites, regenerated as its README says)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sitebuild import build_outputs

SITES = Path(__file__).parent / "data" / "jekyll_sites"
NAMES = sorted(p.name for p in SITES.iterdir() if (p / "_config.yml").exists())


def _cases() -> list[tuple[str, str]]:
    cases = []
    for name in NAMES:
        expected = SITES / f"{name}.expected"
        for path in sorted(expected.rglob("*")):
            if path.is_file():
                cases.append((name, path.relative_to(expected).as_posix()))
    return cases


_BUILDS: dict[str, dict[str, bytes]] = {}


@pytest.fixture(autouse=True, scope="module")
def _utc() -> Iterator[None]:
    """The reference builds ran with TZ=UTC; sites without ``timezone:`` use it."""
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


@pytest.mark.parametrize(("site", "rel"), _cases(), ids=[f"{s}/{r}" for s, r in _cases()])
def test_site_file(site: str, rel: str) -> None:
    outputs = _outputs(site)
    assert rel in outputs, f"{rel} was not written"
    assert outputs[rel].decode("utf-8") == (SITES / f"{site}.expected" / rel).read_text("utf-8")


@pytest.mark.parametrize("site", NAMES)
def test_no_extra_files(site: str) -> None:
    expected = {p.relative_to(SITES / f"{site}.expected").as_posix()
                for p in (SITES / f"{site}.expected").rglob("*") if p.is_file()}
    assert set(_outputs(site)) == expected
