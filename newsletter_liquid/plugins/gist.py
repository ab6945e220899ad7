"""jekyll-gist 1.5: ``{% gist id [file] %}``, GitHub's embed ``<script>`` preceded by a
``<noscript>`` holding the gist's text, fetched over HTTPS while the page renders.

The network is touched only when a tag renders and ``gist: noscript: false`` is not
set; ``urllib`` (and with it ``ssl``) is imported then, not with this module.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any, TextIO

from . import Plugin

if TYPE_CHECKING:
    from liquid import RenderContext

    from ..dialect import JekyllEnvironment

__all__ = [
    "GistFetchError",
    "GistPlugin",
    "escape_html",
    "fetch_code",
    "script_tag",
    "split_arguments",
]

VERSION = "1.5.0"
RAW_HOST = "https://gist.githubusercontent.com/"
API_ENDPOINT = "https://api.github.com"
#: seconds, the gem's open and read timeouts for the raw fetch
RAW_TIMEOUT = 3
#: Net::HTTP's defaults, which Octokit keeps
API_TIMEOUT = 60

# Ruby's String#strip: ASCII whitespace and NUL, at both ends (Ruby 3.1).
_RUBY_STRIP = " \t\n\v\f\r\0"
_RUBY_SPACE = frozenset(" \t\n\v\f\r")
_RUBY_SPACES_RE = re.compile(r"[ \t\n\v\f\r]+")
# What Ruby's URI() accepts after the host (RFC 3986): anything else is InvalidURIError.
_PCHAR = r"[\w\-.~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2}"
_URI_TAIL_RE = re.compile(rf"(?:{_PCHAR})*(?:\?(?:{_PCHAR}|\?)*)?(?:#(?:{_PCHAR}|\?)*)?", re.A)
_HTML_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})
# Net::HTTP gives no body for these statuses: the gem then has no code
_BODYLESS = frozenset({204, 205, 304, 305})
# The gem's rescue clause names TimeoutError, a constant Ruby 3 no longer has: any
# failure it does not list first ends the build with this NameError.
_NAME_ERROR = "uninitialized constant Jekyll::Gist::GistTag::TimeoutError"

_SYNTAX_HELP = (
    "Valid syntax: {% gist user/1234567 %} {% gist user/1234567 foo.js %} "
    "{% gist 28949e1d5ee2273f9fd3 %} {% gist 28949e1d5ee2273f9fd3 best.md %}"
)


class GistFetchError(Exception):
    """A fetch failure the gem does not rescue (the build stops)."""


def split_arguments(markup: str) -> tuple[str, str] | None:
    """The gist and file name as the gem's ``\\A([\\S]+|.*(?=\\/).+)\\s?(\\S*)\\Z`` splits
    the stripped markup; None when it does not match.

    Decided directly rather than by the regex, whose backtracking is cubic in the
    markup's length.
    """
    text = markup.strip(_RUBY_STRIP)
    # One word, or two words around a single whitespace character.
    cut = next((i for i, ch in enumerate(text) if ch in _RUBY_SPACE), -1)
    if cut < 0:
        if text:
            return text, ""
    elif not any(ch in _RUBY_SPACE for ch in text[cut + 1:]):
        return _pair(text[:cut], text[cut + 1:])
    # Else the first line, holding a "/", then optionally one more line of one word.
    first_line, newline, rest = text.partition("\n")
    if "/" not in first_line:
        return None
    if not newline:
        return _pair(text, "")
    if any(ch in _RUBY_SPACE for ch in rest):
        return None
    return _pair(first_line, rest)


def _pair(gist: str, filename: str) -> tuple[str, str]:
    return gist.strip(_RUBY_STRIP), filename.strip(_RUBY_STRIP)


def escape_html(text: str) -> str:
    """``CGI.escapeHTML``: only ``& < > " '`` (the quote as ``&#39;``)."""
    return text.translate(_HTML_ESCAPES)


def script_tag(gist_id: str, filename: str) -> str:
    url = f"https://gist.github.com/{gist_id}.js"
    if filename:
        url += f"?file={filename}"
    return f'<script src="{url}"> </script>'


def _interpolated(value: Any) -> str:
    """Ruby's ``"#{value}"``: arrays print as ``inspect``, unlike Liquid's output."""
    from ..dialect.rubyvalues import inspect, to_s

    if isinstance(value, (list, tuple)):
        return inspect(value)
    return to_s(value)


def fetch_code(gist_id: Any, filename: Any) -> str | None:
    """The gist's text as the gem fetches it (raw over HTTPS, or through the GitHub API
    when ``JEKYLL_GITHUB_TOKEN`` is set, even empty); None where the gem gives up and
    warns. Raises GistFetchError where the gem's build fails."""
    token = os.environ.get("JEKYLL_GITHUB_TOKEN")
    if token is not None:
        return _code_from_api(gist_id, filename, token)
    return _code_from_raw(_interpolated(gist_id), _interpolated(filename))


def _code_from_raw(gist_id: str, filename: str) -> str | None:
    tail = f"{gist_id}/raw" + (f"/{filename}" if filename else "")
    url = RAW_HOST + tail
    if not _URI_TAIL_RE.fullmatch(tail):
        raise GistFetchError(f"bad URI(is not URI?): {url!r}")
    import http.client
    import socket
    import urllib.error
    import urllib.request

    class NoRedirects(urllib.request.HTTPRedirectHandler):
        # Net::HTTP does not follow redirects: the 3xx body is the code
        def redirect_request(self, *args: Any, **kwargs: Any) -> None:
            return None

    # Net::HTTP takes its proxy from http_proxy whatever the scheme
    proxy = os.environ.get("http_proxy", os.environ.get("HTTP_PROXY"))
    opener = urllib.request.build_opener(
        urllib.request.ProxyHandler({"https": proxy} if proxy else {}), NoRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": "Ruby", "Accept": "*/*"})
    status: int | None
    body: bytes
    try:
        try:
            with opener.open(request, timeout=RAW_TIMEOUT) as response:
                status, body = response.status, response.read()
        except urllib.error.HTTPError as exc:  # any status: Net::HTTP returns its body
            status, body = exc.code, exc.read()
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (socket.gaierror, TimeoutError)):
            return None  # the gem's SocketError and Net::OpenTimeout
        raise GistFetchError(str(exc.reason)) from None
    except TimeoutError:
        return None  # Net::ReadTimeout
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise GistFetchError(str(exc) or type(exc).__name__) from None
    if status is None or status < 200 or status in _BODYLESS:
        return None
    return body.decode("utf-8", "replace")


def _code_from_api(gist_id: Any, filename: Any, token: str) -> str | None:
    """Octokit's ``client.gist(id)``, then the first file or the one named."""
    import json
    import urllib.error
    import urllib.parse
    import urllib.request

    if isinstance(gist_id, bool) or not isinstance(gist_id, (str, int)):
        raise GistFetchError("Octokit lists gists instead for this id")
    endpoint = os.environ.get("OCTOKIT_API_ENDPOINT") or API_ENDPOINT
    url = endpoint.rstrip("/") + "/gists/" + urllib.parse.quote(
        str(gist_id), safe="/:@!$&'()*+,;=%~")
    request = urllib.request.Request(url, headers={
        "Accept": "application/vnd.github.v3+json",
        "Authorization": f"token {token}",
        "User-Agent": "Octokit Ruby Gem 4.20.0",
    })
    for attempt in range(3):  # Faraday retries a server error twice
        try:
            with urllib.request.urlopen(request, timeout=API_TIMEOUT) as response:
                gist = json.loads(response.read())
            break
        except urllib.error.HTTPError as exc:
            if exc.code >= 500 and attempt < 2:
                continue
            raise GistFetchError(f"GET {url}: {exc.code}") from None
        except (OSError, ValueError) as exc:  # Octokit raises; the gem does not rescue
            raise GistFetchError(str(exc) or type(exc).__name__) from None
    files = gist.get("files") if isinstance(gist, dict) else None
    if not isinstance(files, dict) or (not files and _interpolated(filename) == ""):
        raise GistFetchError("the gist has no files")
    if _interpolated(filename) == "":
        file = next(iter(files.values()))
    else:
        file = files.get(filename) if isinstance(filename, str) else None
    content = file.get("content") if isinstance(file, dict) else None
    return content if isinstance(content, str) else None


def _collapsed(message: str) -> str:
    """What Jekyll's logger prints of a message: whitespace runs as one space."""
    return _RUBY_SPACES_RE.sub(" ", message)


def _gist_node() -> type[Any]:
    from ..dialect.expressions import evaluate, parse_expression
    from ..dialect.parsing import ParseContext, TagNode
    from ..dialect.rubyvalues import is_nil
    from ..dialect.tags.include import JekyllTagError

    def lookup(context: RenderContext, name: str) -> Any:
        """``context[name]`` when the context has that key (a non-nil value), else ``name``."""
        value = evaluate(parse_expression(name), context)  # type: ignore[arg-type]
        return name if is_nil(value) else value

    class GistTag(TagNode):
        __slots__ = ("arguments",)

        def __init__(self, token: Any, tag_name: str, markup: str, pc: ParseContext) -> None:
            super().__init__(token, tag_name, markup, pc)
            self.arguments = split_arguments(markup)

        def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
            if self.arguments is None:  # raised when rendered, as the gem does
                raise JekyllTagError(_collapsed(
                    "Syntax error in tag 'gist' while parsing the following markup: "
                    f"{self.markup} {_SYNTAX_HELP}").strip(" "), token=self.token)
            gist_value = lookup(context, self.arguments[0])
            file_value = lookup(context, self.arguments[1])
            gist_id, filename = _interpolated(gist_value), _interpolated(file_value)
            site: Any = getattr(context.env, "site", None)
            settings = site.config.get("gist") if site is not None else None
            noscript = ""
            if not (isinstance(settings, dict) and settings.get("noscript") is False):
                try:
                    code = fetch_code(gist_value, file_value)
                except GistFetchError as exc:
                    raise JekyllTagError(f"{_NAME_ERROR} (jekyll-gist {VERSION} fails so "
                                         f"when fetching gist {gist_id} fails: {exc})",
                                         token=self.token) from None
                if code is not None:
                    noscript = f"<noscript><pre>{escape_html(code)}</pre></noscript>"
                else:
                    if site is not None:
                        for line in (f"Warning: The <noscript> tag for your gist {gist_id} ",
                                     "could not be generated. This will affect users who do ",
                                     "not have JavaScript enabled in their browsers."):
                            site.warn(_collapsed(line))
                    # the gem's method ends with the logger's return value, printed
                    noscript = "true"
            return buffer.write(noscript + script_tag(gist_id, filename))

    return GistTag


class GistPlugin(Plugin):
    name = "jekyll-gist"
    refreshable = True

    def register_liquid(self, env: JekyllEnvironment) -> None:
        from ..dialect.tags import register_tag

        register_tag(env, "gist", _gist_node())
