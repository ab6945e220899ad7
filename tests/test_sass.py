"""Sass pages beyond the plain build the site tests cover (tests/test_plugins_sites.py
compares tests/data/jekyll_sites/sass* with Jekyll's own output, maps included): the
build cache, ``--jobs``, ``sourcemap: development`` and a missing engine."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sitebuild import REFERENCE_EPOCH, expected_files

from newsletter_liquid import sass
from newsletter_liquid.errors import SassError
from newsletter_liquid.site import Site

SITES = Path(__file__).parent / "data" / "jekyll_sites"


@pytest.fixture
def site_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The Sass test site in a temporary folder, built from inside it at the reference
    instant (as its expected output was made)."""
    copy = tmp_path / "sass"
    shutil.copytree(SITES / "sass", copy)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", REFERENCE_EPOCH)
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.chdir(copy)
    yield copy


def _built(dest: Path) -> dict[str, bytes]:
    return {p.relative_to(dest).as_posix(): p.read_bytes() for p in dest.rglob("*")
            if p.is_file()}


def _expected() -> dict[str, bytes]:
    root = SITES / "sass.expected"
    return {rel: (root / rel).read_bytes() for rel in expected_files(SITES, "sass")}


@pytest.mark.parametrize("jobs", [1, 2])
def test_cached_rebuilds_keep_css_and_maps(site_copy: Path, tmp_path: Path, jobs: int) -> None:
    cache = tmp_path / "cache"
    dest = tmp_path / "out"
    for round_ in range(3):
        if round_ == 2:  # a partial changes: the read log cannot see it, Sass pages can
            part = site_copy / "_sass" / "_base.scss"
            part.write_text(part.read_text() + "\n.later { x: y; }\n")
        site = Site.load(site_copy)
        site.build(dest, cache_dir=cache, jobs=jobs)
        built = _built(dest)
        if round_ < 2:
            assert built == _expected()
            if round_ == 1:
                assert site.cache_stats["reused"] > 0
        else:
            assert ".later {" in built["assets/main.css"].decode()
            assert built["assets/main.css.map"] != _expected()["assets/main.css.map"]


def test_sourcemap_development_outside_development(
    site_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = site_copy / "_config.yml"
    config.write_text(config.read_text() + "sass:\n  sourcemap: development\n")
    monkeypatch.setenv("JEKYLL_ENV", "production")
    outputs = {rel.as_posix(): text for rel, text in Site.load(site_copy).render_all().items()}
    assert not [rel for rel in outputs if rel.endswith(".map")]
    want = _expected()["assets/main.css"].decode()
    assert outputs["assets/main.css"] == want.replace(
        "\n/*# sourceMappingURL=main.css.map */", "")
    assert "/*# sourceMappingURL" not in str(outputs["assets/indented.css"])


def test_without_the_engine_the_error_says_what_to_install(
    site_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sass._libsass.cache_clear()
    monkeypatch.setitem(sys.modules, "_sass", None)
    try:
        with pytest.raises(SassError, match="pip install libsass"):
            Site.load(site_copy).render_all()
    finally:
        monkeypatch.delitem(sys.modules, "_sass")
        sass._libsass.cache_clear()


@pytest.mark.parametrize(("text", "indented", "line"), [
    ("a {\n  b: ;\n}\n", False, 2),
    ("a\n  b: c\n  d: $nowhere\n", True, 3),
])
def test_errors_carry_their_position(text: str, indented: bool, line: int) -> None:
    with pytest.raises(SassError) as info:
        sass.compile_sass(text, indented=indented, filename="stdin")
    assert info.value.line == line
    assert info.value.col is not None


def test_the_result_does_not_depend_on_the_build_folder(
    site_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The map names files relative to itself (LibSass), as Jekyll's does, wherever the
    build runs from."""
    monkeypatch.chdir(site_copy.parent)
    outputs = Site.load(site_copy).render_all()
    expected = _expected()
    for rel in ("assets/main.css", "assets/main.css.map", "assets/indented.css.map"):
        assert str(outputs[Path(rel)]).encode() == expected[rel]
