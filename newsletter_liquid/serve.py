"""``serve``: the built site on a local web server, as ``jekyll serve`` previews it.

The destination is served under the site's ``baseurl`` the way Jekyll's WEBrick servlet
serves it: a folder gives its ``index.html``, ``/about`` finds ``about.html`` (as GitHub
Pages and nginx do), a missing file answers 404 with the site's ``404.html`` when there
is one, and nothing is cached by the browser (each reload shows the last build). The
server runs in a thread of its own, so ``build --watch`` goes on in the main one.
"""

from __future__ import annotations

import mimetypes
import os
import posixpath
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

__all__ = ["PreviewServer", "start_server"]

#: the headers Jekyll's servlet adds to every answer
_HEADERS = {
    "Cache-Control": "private, max-age=0, proxy-revalidate, no-store, no-cache, "
                     "must-revalidate",
}
_TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/xml",
               "image/svg+xml")


class PreviewServer(ThreadingHTTPServer):
    """A threading HTTP server that knows the folder and base URL it serves."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], destination: Path, baseurl: str) -> None:
        self.destination = destination
        self.baseurl = "/" + baseurl.strip("/") if baseurl.strip("/") else ""
        super().__init__(address, _Handler)

    @property
    def url(self) -> str:
        """``Server address:`` as Jekyll prints it."""
        host, port = self.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else host
        return f"http://{name}:{port}{self.baseurl}/"


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    server_version = "newsletter-liquid"

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet, as ``jekyll serve`` is without ``--verbose``."""

    def _answer(self, *, body: bool) -> None:
        path = self._file()
        status = 200
        if path is None:
            status = 404
            missing = self.server.destination / "404.html"
            path = missing if missing.is_file() else None
        if path is None:
            data, kind = b"Not Found\n", "text/plain"
        else:
            data = path.read_bytes()
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if kind.startswith(_TEXT_TYPES):
            kind += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        for name, value in _HEADERS.items():
            self.send_header(name, value)
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _file(self) -> Path | None:
        """The file a request path names under the base URL, WEBrick's way: the file,
        a folder's index.html, else the path with ``.html`` (or ``.xhtml``)."""
        url_path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        base = self.server.baseurl
        if base:
            if url_path != base and not url_path.startswith(base + "/"):
                return None
            url_path = url_path[len(base):] or "/"
        clean = posixpath.normpath(url_path)
        if clean.startswith("..") or "\0" in clean:
            return None
        root = self.server.destination.resolve()
        target = (root / clean.lstrip("/")).resolve()
        if target != root and root not in target.parents:
            return None  # no way out of the destination (links included)
        if target.is_dir():
            for name in ("index.html", "index.htm", "index.xhtml"):
                if (target / name).is_file():
                    return target / name
            return None
        for candidate in (target, Path(f"{target}.html"), Path(f"{target}.xhtml")):
            if candidate.is_file():
                return candidate
        return None


def start_server(destination: str | os.PathLike[str], *, host: str = "127.0.0.1",
                 port: int = 4000, baseurl: str = "") -> PreviewServer:
    """Serve ``destination`` in a background thread; ``shutdown()`` stops it."""
    server = PreviewServer((host, port), Path(destination), baseurl)
    threading.Thread(target=server.serve_forever, name="preview-server", daemon=True).start()
    return server
