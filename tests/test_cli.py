"""The command line: builds, renders, and reports bad input without a traceback."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from newsletter_liquid.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "fixtures" / "example-site"
BAD = yaml.safe_load((Path(__file__).parent / "data" / "bad_input_cases.yml").read_text())


def _small_site(root: Path) -> Path:
    site = root / "site"
    (site / "_layouts").mkdir(parents=True)
    (site / "_posts").mkdir()
    (site / "_config.yml").write_text("title: Small\n")
    (site / "_layouts" / "default.html").write_text("<main>{{ content }}</main>\n")
    (site / "index.html").write_text("---\nlayout: default\n---\n{{ site.title }}\n")
    return site


@pytest.fixture(autouse=True)
def _epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1704067200")


@pytest.mark.parametrize("case", BAD, ids=[c["id"] for c in BAD])
def test_bad_input_is_one_line_and_keeps_destination(
    case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _small_site(tmp_path)
    dest = tmp_path / "out"
    assert main(["build", "-q", "-s", str(site), "-d", str(dest)]) == 0
    before = {p.relative_to(dest): p.read_bytes() for p in dest.rglob("*") if p.is_file()}
    assert before
    capsys.readouterr()
    for rel, content in case["files"].items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    status = main(["build", "-q", "-s", str(site), "-d", str(dest)])
    err = capsys.readouterr().err
    assert status == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    rel_line = lines[0].replace(str(site) + os.sep, "")
    assert rel_line.startswith(case["where"]), rel_line
    assert case["says"] in rel_line
    after = {p.relative_to(dest): p.read_bytes() for p in dest.rglob("*") if p.is_file()}
    assert after == before


def test_build_example_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dest = tmp_path / "out"
    assert main(["build", "-s", str(EXAMPLE), "-d", str(dest)]) == 0
    assert (dest / "index.html").exists()
    assert "Built" in capsys.readouterr().out


def test_render_prints_one_document(capsys: pytest.CaptureFixture[str]) -> None:
    post = EXAMPLE / "_posts" / "2023-11-10-chain-care.md"
    assert main(["render", str(post)]) == 0
    out = capsys.readouterr().out
    expected = (ROOT / "fixtures" / "example-site.expected" / "2023/11/chain-care.html").read_text()
    assert out == expected


def test_render_unknown_file_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(EXAMPLE / "_config.yml")]) == 1
    assert "not a page or document" in capsys.readouterr().err


def test_usage_error_exits_2() -> None:
    with pytest.raises(SystemExit) as info:
        main(["frobnicate"])
    assert info.value.code == 2


def test_destination_inside_nothing_else_is_touched(tmp_path: Path) -> None:
    site = _small_site(tmp_path)
    neighbour = tmp_path / "keep.txt"
    neighbour.write_text("mine")
    assert main(["build", "-q", "-s", str(site), "-d", str(tmp_path / "out")]) == 0
    assert neighbour.read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt", "out", "site"]


def test_default_destination_is_site_in_the_working_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As `jekyll build -s SITE`: `_site` where the command runs, not in the source; and
    Liquid's site.destination is -d as given."""
    site = _small_site(tmp_path)
    (site / "where.txt").write_text("---\n---\n{{ site.destination }}\n")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert main(["build", "-q", "--no-cache", "-s", str(site)]) == 0
    assert not (site / "_site").exists()
    assert (work / "_site" / "where.txt").read_text() == f"{work / '_site'}\n"
    assert main(["build", "-q", "--no-cache", "-s", str(site), "-d", "out"]) == 0
    assert (work / "out" / "where.txt").read_text() == "out\n"
