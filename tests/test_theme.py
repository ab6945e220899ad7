"""Gem-based themes: a site on the test theme gem of tests/data/gems, compared with what
Jekyll 4.3.1 made of it (scripts/regen_fixture_expected.sh), and how the gem is found."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import build_outputs, expected_files

from newsletter_liquid.errors import ConfigError
from newsletter_liquid.theme import find_theme, gem_paths

DATA = Path(__file__).parent / "data"
SITES = DATA / "theme_sites"
GEMS = DATA / "gems"
FILES = expected_files(SITES, "theme-gem")


@pytest.fixture
def gem_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEM_PATH", f"{GEMS}:")
    monkeypatch.setenv("TZ", "UTC")


@pytest.fixture(scope="module")
def outputs() -> dict[str, bytes]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GEM_PATH", f"{GEMS}:")
        mp.setenv("TZ", "UTC")
        return build_outputs(SITES / "theme-gem")


@pytest.mark.parametrize("rel", FILES)
def test_site_on_a_theme_gem(outputs: dict[str, bytes], rel: str) -> None:
    assert rel in outputs, f"{rel} was not written"
    assert outputs[rel] == (SITES / "theme-gem.expected" / rel).read_bytes()


def test_no_extra_files(outputs: dict[str, bytes]) -> None:
    assert set(outputs) == set(FILES)


def test_newest_version_and_runtime_dependencies(gem_path: None) -> None:
    theme = find_theme("NL-Test-Theme ")
    assert theme.version == "0.2.0"
    assert theme.root == (GEMS / "gems" / "nl-test-theme-0.2.0").resolve()
    assert theme.runtime_dependencies == ("jekyll-feed",)
    assert theme.layouts_path == theme.root / "_layouts"
    assert theme.path_for("lib") is None


def test_gem_path_without_separator_replaces_the_default_folders(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("GEM_PATH", str(GEMS))
    monkeypatch.delenv("GEM_HOME", raising=False)
    assert gem_paths() == [GEMS]
    monkeypatch.setenv("GEM_PATH", f"{GEMS}:")
    assert gem_paths()[0] == GEMS


def test_a_missing_theme_stops_the_build_with_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("GEM_PATH", str(GEMS))
    (tmp_path / "_config.yml").write_text("theme: no-such-theme\n")
    with pytest.raises(ConfigError, match="no-such-theme theme could not be found"):
        build_outputs(tmp_path)


def test_check_knows_the_theme_and_leaves_its_files_alone(gem_path: None) -> None:
    """Includes found in the theme are no NL021, and the gem's own layouts and assets
    are not checked (they are not the site's files); the site itself is clean."""
    from newsletter_liquid.check import check

    assert check(None, SITES / "theme-gem", use_cache=False) == []
    assert check([SITES / "theme-gem" / "about.md"], SITES / "theme-gem", use_cache=False) == []
