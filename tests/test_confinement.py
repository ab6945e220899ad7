"""Confinement: nothing is read from outside the source, nothing written outside the destination.

Jekyll's rules: include names may not hold ``..`` or start with ``/``; ``include_relative``
stays inside the site; in ``--safe`` mode symlinks pointing outside the source are ignored
(includes, layouts, data, static files).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from newsletter_liquid.cli import main

CASES = yaml.safe_load((Path(__file__).parent / "data" / "confinement_cases.yml").read_text())
SECRET = "TOP-SECRET-CONTENT"


@pytest.fixture(autouse=True)
def _epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1704067200")


def _site(tmp_path: Path) -> Path:
    (tmp_path / "secret.txt").write_text(SECRET)
    site = tmp_path / "site"
    (site / "_includes").mkdir(parents=True)
    (site / "_config.yml").write_text("title: t\n")
    return site


def _all_output(dest: Path) -> str:
    if not dest.exists():
        return ""
    return "".join(p.read_text(errors="replace") for p in dest.rglob("*") if p.is_file())


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_liquid_cannot_read_outside_the_site(
    case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site(tmp_path)
    for rel, text in case["files"].items():
        (site / rel).write_text(text)
    dest = tmp_path / "out"
    status = main(["build", "-q", "-s", str(site), "-d", str(dest)])
    err = capsys.readouterr().err
    assert status == 1, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert SECRET not in _all_output(dest) + err


def _symlink_site(tmp_path: Path) -> Path:
    site = _site(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "inc.html").write_text(SECRET)
    (outside / "layout.html").write_text(SECRET + "{{ content }}")
    (outside / "data.yml").write_text(f"value: {SECRET}\n")
    (outside / "static.txt").write_text(SECRET)
    (site / "_layouts").mkdir()
    (site / "_data").mkdir()
    os.symlink(outside / "inc.html", site / "_includes" / "inc.html")
    os.symlink(outside / "layout.html", site / "_layouts" / "evil.html")
    os.symlink(outside / "data.yml", site / "_data" / "evil.yml")
    os.symlink(outside / "static.txt", site / "static.txt")
    return site


@pytest.mark.parametrize(
    ("page", "fails"),
    [
        ("---\n---\n{% include inc.html %}\n", True),
        ("---\nlayout: evil\n---\nbody\n", True),
        ("---\n---\n{{ site.data.evil.value }}\n", False),
    ],
    ids=["include", "layout", "data"],
)
def test_safe_mode_ignores_symlinks_out_of_the_source(
    page: str, fails: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _symlink_site(tmp_path)
    (site / "index.html").write_text(page)
    dest = tmp_path / "out"
    status = main(["build", "-q", "--safe", "-s", str(site), "-d", str(dest)])
    capsys.readouterr()
    assert status == (1 if fails else 0)
    assert SECRET not in _all_output(dest)
    assert not (dest / "static.txt").exists()


def test_without_safe_mode_symlinks_are_followed(tmp_path: Path) -> None:
    """Jekyll follows symlinks unless --safe: so do we (the check above is not vacuous)."""
    site = _symlink_site(tmp_path)
    (site / "index.html").write_text("---\n---\n{% include inc.html %}\n")
    dest = tmp_path / "out"
    assert main(["build", "-q", "-s", str(site), "-d", str(dest)]) == 0
    assert SECRET in (dest / "index.html").read_text()


@pytest.mark.parametrize(
    "permalink",
    ["/../../escaped.html", "../../../escaped.html", "/a/../../../../escaped/", "//escaped.html"],
)
def test_permalinks_cannot_write_outside_the_destination(
    permalink: str, tmp_path: Path
) -> None:
    site = _site(tmp_path)
    (site / "page.html").write_text(f"---\npermalink: {permalink}\n---\nhello\n")
    dest = tmp_path / "deep" / "out"
    assert main(["build", "-q", "-s", str(site), "-d", str(dest)]) == 0
    written = [
        p for p in tmp_path.rglob("*")
        if p.is_file() and not p.is_relative_to(site) and "hello" in p.read_text(errors="replace")
    ]
    assert written and all(p.resolve().is_relative_to(dest.resolve()) for p in written)


def test_error_in_the_last_document_keeps_the_previous_output(tmp_path: Path) -> None:
    site = _site(tmp_path)
    for i in range(20):
        (site / f"p{i:02d}.html").write_text(f"---\n---\npage {i}\n")
    dest = tmp_path / "out"
    assert main(["build", "-q", "-s", str(site), "-d", str(dest)]) == 0
    before = {p: p.read_bytes() for p in dest.rglob("*") if p.is_file()}
    (site / "p00.html").write_text("---\n---\nchanged\n")
    (site / "zz-last.html").write_text("---\n---\n{% if %}\n")
    assert main(["build", "-q", "-s", str(site), "-d", str(dest)]) == 1
    after = {p: p.read_bytes() for p in dest.rglob("*") if p.is_file()}
    assert after == before
