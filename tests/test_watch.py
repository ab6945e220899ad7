"""``build --watch``: what is watched, and a real watching process rebuilding a site."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from newsletter_liquid.watch import changed_files, snapshot

ROOT = Path(__file__).resolve().parent.parent


def _site(root: Path) -> Path:
    site = root / "site"
    for rel, text in {
        "_config.yml": "title: Watched\nexclude: [notes.txt]\n",
        "_layouts/default.html": "<main>{{ content }}</main>\n",
        "_posts/2023-01-02-first.md": "---\nlayout: default\ntitle: First\n---\nOne\n",
        "index.html": "---\nlayout: default\n---\n"
                      "{% for p in site.posts %}{{ p.title }}{% endfor %}\n",
        "notes.txt": "not part of the site\n",
        ".git/HEAD": "ref: refs/heads/main\n",
    }.items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return site


def test_snapshot_leaves_out_output_cache_dot_folders_and_excluded_names(tmp_path: Path) -> None:
    site = _site(tmp_path)
    (site / "_site").mkdir()
    (site / "_site" / "index.html").write_text("built")
    seen = snapshot(site, [site / "_site"], ["notes.txt"])
    assert sorted(seen) == ["_config.yml", "_layouts/default.html",
                            "_posts/2023-01-02-first.md", "index.html"]


@pytest.mark.parametrize(("change", "expected"), [
    (lambda s: (s / "index.html").write_text("changed\n"), ["index.html"]),
    (lambda s: (s / "about.md").write_text("---\n---\nnew\n"), ["about.md"]),
    (lambda s: (s / "_posts" / "2023-01-02-first.md").unlink(), ["_posts/2023-01-02-first.md"]),
    (lambda s: (s / "notes.txt").write_text("excluded: no rebuild\n"), []),
], ids=["modified", "added", "removed", "excluded"])
def test_changed_files(tmp_path: Path, change: Callable[[Path], object],
                       expected: list[str]) -> None:
    site = _site(tmp_path)
    before = snapshot(site, [], ["notes.txt"])
    time.sleep(0.01)  # a new mtime even on coarse clocks
    change(site)
    assert changed_files(before, snapshot(site, [], ["notes.txt"])) == expected


def _wait_for(predicate: Callable[[], bool], seconds: float = 20.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="POSIX only")
def test_a_watching_build_rebuilds_reports_errors_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    site = _site(tmp_path)
    dest = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1704067200"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsletter_liquid", "build", "--watch", "-s", str(site),
         "-d", str(dest)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        index = dest / "index.html"
        assert _wait_for(lambda: index.exists() and "First" in index.read_text())
        time.sleep(0.6)  # the watcher's first look
        (site / "_posts" / "2023-01-03-second.md").write_text(
            "---\nlayout: default\ntitle: Second\n---\nTwo\n")
        assert _wait_for(lambda: "Second" in index.read_text())
        (site / "broken.md").write_text("---\nlayout: nowhere\n---\nx\n")
        time.sleep(1.5)
        assert proc.poll() is None, "an error while watching must not end the process"
        before = index.read_text()
        (site / "broken.md").unlink()
        (site / "_posts" / "2023-01-03-second.md").write_text(
            "---\nlayout: default\ntitle: Second again\n---\nTwo\n")
        assert _wait_for(lambda: "Second again" in index.read_text())
        assert before != index.read_text()
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "Auto-regeneration: enabled" in out
    assert out.count("Regenerating:") >= 3
    assert "broken.md:2:1: layout 'nowhere' does not exist" in err
    assert "Traceback" not in err
