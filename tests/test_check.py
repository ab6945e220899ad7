"""`newsletter-liquid check`: every defect of the fixture site found at its position,
clean files quiet, settings and suppressions honoured, the CLI's formats and exit codes,
and the reference newsletter's placeholder links found where they are written."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from newsletter_liquid.check import CODES, Finding, check
from newsletter_liquid.check.report import format_findings
from newsletter_liquid.cli import main

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "fixtures" / "check-site"
CONFIGS = ["_config.yml", "_check-extra.yml"]
EXPECTED: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "check_expected.yml").read_text("utf-8"))
CORPUS = ROOT.parent / "shared" / "corpus" / "ffl-blog"
REFERENCE = CORPUS / "_newsletters" / "2018-11-07-client.md"


def _key(f: Finding | dict[str, Any]) -> tuple[str, str, int, int, str]:
    if isinstance(f, Finding):
        return (f.path, f.code, f.line, f.col, f.severity)
    return (f["file"], f["code"], f["line"], f["col"], f["severity"])


@pytest.fixture(autouse=True)
def _epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1704067200")


@pytest.fixture
def in_site(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(SITE)
    return SITE


def _site_files() -> list[str]:
    return sorted(p.relative_to(SITE).as_posix() for p in SITE.rglob("*") if p.is_file())


def test_every_code_has_a_broken_fixture() -> None:
    assert {e["code"] for e in EXPECTED} == set(CODES)


def test_whole_site_finds_every_defect_at_its_position(in_site: Path) -> None:
    found = check(None, ".", config_files=CONFIGS)
    assert sorted(map(_key, found)) == sorted(map(_key, EXPECTED))
    assert all(f.message for f in found)


@pytest.mark.parametrize(
    "path", sorted({e["file"] for e in EXPECTED if e["code"] != "NL003"}))
def test_one_file_alone_finds_its_own_defects(in_site: Path, path: str) -> None:
    found = check([path], ".", jobs=1)
    expected = [e for e in EXPECTED if e["file"] == path]
    assert sorted(map(_key, found)) == sorted(map(_key, expected))


@pytest.mark.parametrize(
    "path", [p for p in _site_files() if p not in {e["file"] for e in EXPECTED}])
def test_clean_files_produce_no_finding(in_site: Path, path: str) -> None:
    assert check([path], ".") == []


def test_whole_site_is_the_same_with_one_or_two_workers(in_site: Path) -> None:
    one = check(None, ".", config_files=CONFIGS, jobs=1)
    two = check(None, ".", config_files=CONFIGS, jobs=2)
    assert one == two


def test_config_severities_and_disabled_codes(in_site: Path) -> None:
    settings = {"newsletter_liquid": {"check": {
        "severity": {"NL013": "error", "NL032": "info"}, "disable": ["NL041"]}}}
    found = {f.code: f for f in check(None, ".", overrides=settings, jobs=1)}
    assert found["NL013"].severity == "error"
    assert found["NL032"].severity == "info"
    assert "NL041" not in found
    assert "NL030" in found


def test_a_file_can_switch_codes_off_for_itself(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    post = site / "_posts" / "2023-05-14-broken-link.md"
    text = post.read_text("utf-8")
    assert check([post], site)
    post.write_text(text.replace(
        "author: Ada\n", "author: Ada\nnewsletter_liquid:\n  check:\n    disable: [NL030]\n"))
    assert check([post], site) == []


def test_findings_of_a_file_check_stay_in_that_file(in_site: Path) -> None:
    # index.html lists every post: rendering it must not report the posts' defects.
    assert check(["index.html", "_layouts/default.html"], ".") == []


def test_non_documents_are_skipped_and_missing_files_are_usage_errors(
        in_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "assets/logo.png", "_config.yml"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["check", "_posts/no-such-post.md"]) == 2
    assert "no such file" in capsys.readouterr().err


@pytest.mark.parametrize("entry", EXPECTED, ids=lambda e: f"{e['code']}")
def test_cli_exit_status_follows_fail_on(in_site: Path, entry: dict[str, Any],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    configs = CONFIGS if entry["code"] == "NL003" else CONFIGS[:1]
    argv = ["check", "--config", ",".join(configs), entry["file"]]
    assert main(argv) == (1 if entry["severity"] == "error" else 0)
    out = capsys.readouterr().out
    assert f"{entry['file']}:{entry['line']}:{entry['col']}: {entry['severity']} " \
           f"{entry['code']} " in out
    assert main([*argv, "--fail-on", "warning"]) == 1
    capsys.readouterr()


def test_quiet_when_clean(in_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "_posts/2023-05-01-clean-post.md"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_json_and_github_formats(in_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = "_posts/2023-05-16-placeholder.md"
    assert main(["check", "--format", "json", path]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [(d["path"], d["code"], d["line"], d["col"]) for d in data] == [
        (path, "NL032", 6, 41)]
    assert main(["check", "--format", "github", path]) == 1
    line = capsys.readouterr().out.strip()
    assert line.startswith(f"::error file={path},line=6,col=41,title=NL032::")


def test_github_format_escapes_what_would_end_the_command() -> None:
    f = Finding("a,b:c.md", 1, 2, "NL030", "warning", "50% broken\nsecond line")
    assert format_findings([f], "github") == (
        "::warning file=a%2Cb%3Ac.md,line=1,col=2,title=NL030::50%25 broken%0Asecond line\n")
    assert format_findings([], "json") == "[]\n"
    assert format_findings([], "human") == ""


def test_a_loaded_site_can_be_passed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsletter_liquid.site import Site

    site_dir = tmp_path / "site"
    shutil.copytree(SITE, site_dir)
    for unreadable in ("2023-05-02-bad-yaml.md", "2023-05-03-latin1.md"):
        (site_dir / "_posts" / unreadable).unlink()  # Site.load stops at these
    monkeypatch.chdir(site_dir)
    site = Site.load(".")
    found = check(["_posts/2023-05-16-placeholder.md"], site)
    assert [(f.code, f.line, f.col) for f in found] == [("NL032", 6, 41)]


def _position_of(text: str, needle: str) -> tuple[int, int]:
    offset = text.index(needle)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _target_position(text: str, target: str) -> tuple[int, int]:
    """Where a Markdown link target ``(target)`` starts (just inside the parenthesis)."""
    line, col = _position_of(text, f"({target})")
    return line, col + 1


@pytest.mark.skipif(not REFERENCE.exists(), reason="the ffl-blog corpus is not in ../shared")
def test_reference_newsletter_placeholders_at_their_exact_position(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS)
    found = check([REFERENCE.relative_to(CORPUS)], ".",
                  config_files=["_config.yml", "oracle.yml"])
    text = REFERENCE.read_text("utf-8")
    placeholders = [(f.line, f.col) for f in found if f.code == "NL032"]
    assert placeholders == [_target_position(text, "STYLE_TRANSFER_LINK"),
                            _target_position(text, "GENERATIVE_NETWORK_LINK")]
    assert all(f.path == os.path.relpath(REFERENCE, CORPUS) for f in found)
