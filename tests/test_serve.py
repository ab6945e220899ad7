"""``serve``: the destination on a local web server as ``jekyll serve`` serves it (checked
against `jekyll serve` 4.3.1 by hand: site.url, site.serving, base URL, ``/about`` finding
``about.html``), and a real serving process that rebuilds on an edit."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsletter_liquid.serve import PreviewServer, start_server

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def served(tmp_path: Path) -> Iterator[PreviewServer]:
    dest = tmp_path / "out"
    (dest / "docs").mkdir(parents=True)
    (dest / "index.html").write_text("home")
    (dest / "about.html").write_text("about")
    (dest / "docs" / "index.html").write_text("docs")
    (dest / "feed.xml").write_text("<feed/>")
    (dest / "404.html").write_text("not here")
    (tmp_path / "secret.txt").write_text("outside")
    server = start_server(dest, port=0, baseurl="/blog/")
    yield server
    server.shutdown()
    server.server_close()


def _get(server: PreviewServer, path: str, method: str = "GET") -> tuple[int, str, str]:
    port = server.server_address[1]
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method)
    try:
        with urllib.request.urlopen(request, timeout=5) as answer:
            return answer.status, answer.read().decode(), answer.headers["Content-Type"]
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), error.headers["Content-Type"]


@pytest.mark.parametrize(("path", "status", "body"), [
    ("/blog/", 200, "home"),
    ("/blog", 200, "home"),
    ("/blog/about", 200, "about"),           # as GitHub Pages: /about finds about.html
    ("/blog/about.html", 200, "about"),
    ("/blog/docs/", 200, "docs"),
    ("/blog/feed.xml", 200, "<feed/>"),
    ("/blog/nothing", 404, "not here"),      # the site's own 404 page
    ("/about", 404, "not here"),             # outside the base URL
    ("/blog/../secret.txt", 404, "not here"),
    ("/blog/%2e%2e/secret.txt", 404, "not here"),
])
def test_paths_as_jekyll_serves_them(served: PreviewServer, path: str, status: int,
                                     body: str) -> None:
    assert _get(served, path)[:2] == (status, body)


def test_types_and_no_caching(served: PreviewServer) -> None:
    port = served.server_address[1]
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/blog/feed.xml", timeout=5) as answer:
        assert answer.headers["Content-Type"] == "application/xml; charset=utf-8"
        assert "no-cache" in answer.headers["Cache-Control"]
    assert _get(served, "/blog/about", "HEAD")[:2] == (200, "")
    assert served.url == f"http://127.0.0.1:{port}/blog/"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_serve_builds_serves_and_rebuilds(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: Served\n")
    (site / "index.html").write_text(
        "---\n---\n{{ site.url }}|{{ site.serving }}|"
        "{% for p in site.posts %}{{ p.content | strip }}{% endfor %}\n")
    post = site / "_posts" / "2023-01-02-one.md"
    post.write_text("---\n---\nfirst\n")
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1704067200"}
    env.pop("JEKYLL_ENV", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsletter_liquid", "serve", "-s", str(site),
         "-d", str(tmp_path / "out"), "-P", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if "Server running" in line:
                break
        url = f"http://127.0.0.1:{port}/"

        def page() -> str:
            with urllib.request.urlopen(url, timeout=5) as answer:
                return str(answer.read().decode())

        assert page() == f"http://localhost:{port}|true|<p>first</p>\n"
        time.sleep(0.05)
        post.write_text("---\n---\nsecond\n")
        deadline = time.monotonic() + 20
        while "second" not in page():
            assert time.monotonic() < deadline, "no rebuild after the edit"
            time.sleep(0.2)
        assert page() == f"http://localhost:{port}|true|<p>second</p>\n"
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
    assert proc.returncode == 0
