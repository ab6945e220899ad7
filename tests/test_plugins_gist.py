"""jekyll-gist 1.5: the tag's argument split, its lookups, the ``<noscript>`` fetch and
how each of the gem's fetch outcomes shows (without the network: the fetch is
replaced, or urllib's opener is).

Expected values were produced on this machine by Ruby 3.1 running the gem's regex and
``CGI.escapeHTML``, and by Jekyll 4.3.1 with the gem (with ``Net::HTTP.start`` stubbed
to return a body, and with the network closed for the failure paths). Whole-site
output without the fetch is in tests/data/jekyll_sites/gist.
"""

from __future__ import annotations

import io
import json
import random
import re
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path
from typing import Any

import pytest

from newsletter_liquid.errors import TemplateError
from newsletter_liquid.plugins import gist
from newsletter_liquid.site import Site

# markup -> (gist, file) or None, as Ruby 3.1 matched the gem's regex on the stripped markup
SPLITS: list[tuple[str, tuple[str, str] | None]] = [
    ("user/1234567", ("user/1234567", "")),
    ("user/1234567 foo.js", ("user/1234567", "foo.js")),
    ("28949e1d5ee2273f9fd3 best.md", ("28949e1d5ee2273f9fd3", "best.md")),
    ("  28949e1d5ee2273f9fd3   best.md  ", None),
    ("a b c", None),
    ("a  b", None),
    ("user/123 a b", ("user/123 a b", "")),
    ("x/y  z", ("x/y  z", "")),
    ("a b/c d", ("a b/c d", "")),
    ("a/b\nc", ("a/b", "c")),
    ("a/b \nc", ("a/b", "c")),
    ("a/b\nc d", None),
    ("a/b\n\nc", None),
    ("a\nb/c", ("a", "b/c")),
    ("a\tb", ("a", "b")),
    ("/", ("/", "")),
    ("", None),
    ("\0a\0", ("a", "")),
    ("é/ü ö", ("é/ü", "ö")),
]

# The gem's regex, for random markups (Python's engine and Ruby's agree on it: same
# backtracking, ASCII classes, ``.`` stopping at newlines, markup stripped first).
GEM_REGEX = re.compile(r"\A([\S]+|.*(?=\/).+)\s?(\S*)\Z", re.A)
RUBY_STRIP = " \t\n\v\f\r\0"

# A body and what Jekyll wrote for it (Net::HTTP.start stubbed to return the body)
BODY = "def f(a, b):\n    return a < b && \"x\" > 'y'\n\n\ttab é ✓ `bt` =eq\n"
BODY_HTML = ("<noscript><pre>def f(a, b):\n    return a &lt; b &amp;&amp; &quot;x&quot; "
             "&gt; &#39;y&#39;\n\n\ttab é ✓ `bt` =eq\n</pre></noscript>")

FAILURE_WARNINGS = [
    "Warning: The <noscript> tag for your gist {} ",
    "could not be generated. This will affect users who do ",
    "not have JavaScript enabled in their browsers.",
]


@pytest.mark.parametrize(("markup", "expected"), SPLITS, ids=[repr(m) for m, _ in SPLITS])
def test_split_arguments(markup: str, expected: tuple[str, str] | None) -> None:
    assert gist.split_arguments(markup) == expected


def _regex_split(markup: str) -> tuple[str, str] | None:
    m = GEM_REGEX.match(markup.strip(RUBY_STRIP))
    return (m[1].strip(RUBY_STRIP), m[2].strip(RUBY_STRIP)) if m else None


def test_split_arguments_agrees_with_the_regex() -> None:
    rng = random.Random(7)
    alphabet = [" ", "/", "a", "b", "\n", "\t", "\0", "\r", "é", "\v"]
    for _ in range(5000):
        markup = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        assert gist.split_arguments(markup) == _regex_split(markup), repr(markup)


def test_split_arguments_long_markup() -> None:
    # many slashes and spaces: the regex backtracks for ages, the split does not
    markup = "a/" * 20000 + " b c"
    assert gist.split_arguments(markup) == (markup, "")
    assert gist.split_arguments("a/" * 20000 + "\nb c") is None


def test_escape_html_is_cgi_escape_html() -> None:
    assert gist.escape_html("a&b<c>d\"e'f`g =h/") == "a&amp;b&lt;c&gt;d&quot;e&#39;f`g =h/"


def test_script_tag() -> None:
    assert gist.script_tag("u/1", "") == '<script src="https://gist.github.com/u/1.js"> </script>'
    assert gist.script_tag("u/1", "a.rb") == (
        '<script src="https://gist.github.com/u/1.js?file=a.rb"> </script>')


# -- the tag in a site ------------------------------------------------------------------

def _site(tmp_path: Path, body: str, config: str = "") -> Site:
    (tmp_path / "_config.yml").write_text("plugins: [jekyll-gist]\n" + config, "utf-8")
    (tmp_path / "page.html").write_text("---\nnum: 7\n---\n" + body, "utf-8")
    return Site.load(tmp_path)


def _render(site: Site) -> str:
    return str(site.render_all()[Path("page.html")])


class Calls:
    """A stand-in for the fetch: records its arguments, answers ``result``."""

    def __init__(self, result: Any) -> None:
        self.result = result
        self.args: list[tuple[Any, Any]] = []

    def __call__(self, gist_id: Any, filename: Any) -> str | None:
        self.args.append((gist_id, filename))
        if isinstance(self.result, BaseException):
            raise self.result
        return self.result  # type: ignore[no-any-return]


@pytest.fixture
def fetch(monkeypatch: pytest.MonkeyPatch) -> Calls:
    calls = Calls(BODY)
    monkeypatch.setattr(gist, "fetch_code", calls)
    return calls


def test_noscript_holds_the_escaped_body(tmp_path: Path, fetch: Calls) -> None:
    site = _site(tmp_path, "<div>{% gist user/1234567 %}</div>")
    assert _render(site) == (
        f'<div>{BODY_HTML}<script src="https://gist.github.com/user/1234567.js"> </script></div>')
    assert fetch.args == [("user/1234567", "")]
    assert site.warnings == []


def test_noscript_in_markdown_goes_through_kramdown(tmp_path: Path, fetch: Calls) -> None:
    (tmp_path / "_config.yml").write_text("plugins: [jekyll-gist]\n", "utf-8")
    (tmp_path / "page.md").write_text("---\n---\n# T\n\n{% gist user/1234567 foo.rb %}\n",
                                      "utf-8")
    out = Site.load(tmp_path).render_all()[Path("page.html")]
    assert out == ('<h1 id="t">T</h1>\n\n' + BODY_HTML + "\n"
                   '<script src="https://gist.github.com/user/1234567.js?file=foo.rb"> '
                   "</script>\n\n")


@pytest.mark.parametrize(("markup", "fetched", "script"), [
    ('{% assign g = "var/9" %}{% gist g %}', ("var/9", ""), "var/9.js"),
    ('{% assign f = "x.py" %}{% gist a/1 f %}', ("a/1", "x.py"), "a/1.js?file=x.py"),
    ("{% gist page.num nothing %}", (7, "nothing"), "7.js?file=nothing"),
    ("{% gist 1234567 %}", (1234567, ""), "1234567.js"),
    ("{% gist 1.2.3 x %}", (1.2, "x"), "1.2.js?file=x"),
    ("{% gist true false %}", (True, False), "true.js?file=false"),
    ("{% gist nil %}", ("nil", ""), "nil.js"),
    ("{% gist 'q/1' \"d.rb\" %}", ("q/1", "d.rb"), "q/1.js?file=d.rb"),
    ("{% gist user/12 a b %}", ("user/12 a b", ""), "user/12 a b.js"),
])
def test_arguments_looked_up_in_the_context(
    tmp_path: Path, fetch: Calls, markup: str, fetched: tuple[Any, Any], script: str
) -> None:
    out = _render(_site(tmp_path, markup))
    assert out == f'{BODY_HTML}<script src="https://gist.github.com/{script}"> </script>'
    assert fetch.args == [fetched]
    assert [type(v) for v in fetch.args[0]] == [type(v) for v in fetched]


def test_arrays_and_hashes_print_as_ruby_inspects_them(tmp_path: Path, fetch: Calls) -> None:
    _site(tmp_path, "", "gist: {noscript: false}\n")
    (tmp_path / "page.html").write_text(
        "---\ntags: [a, b]\nmeta: {x: 1}\n---\n{% gist page.tags page.meta %}", "utf-8")
    site = Site.load(tmp_path)
    assert _render(site) == (
        '<script src="https://gist.github.com/["a", "b"].js?file={"x"=>1}"> </script>')


def test_noscript_false_does_not_fetch(tmp_path: Path, fetch: Calls) -> None:
    site = _site(tmp_path, "{% gist user/1 f.rb %}", "gist:\n  noscript: false\n")
    assert _render(site) == '<script src="https://gist.github.com/user/1.js?file=f.rb"> </script>'
    assert fetch.args == []


@pytest.mark.parametrize("setting", ['gist: {noscript: "false"}', "gist: {noscript: 0}",
                                     "gist: {other: 1}", "gist: off"])
def test_only_false_turns_noscript_off(tmp_path: Path, fetch: Calls, setting: str) -> None:
    _render(_site(tmp_path, "{% gist user/1 %}", setting + "\n"))
    assert fetch.args == [("user/1", "")]


def test_failed_fetch_warns_and_prints_the_loggers_answer(tmp_path: Path, fetch: Calls) -> None:
    fetch.result = None
    site = _site(tmp_path, "A {% gist user/1234567 %}\nB {% gist abc x.js %}")
    assert _render(site) == (
        'A true<script src="https://gist.github.com/user/1234567.js"> </script>\n'
        'B true<script src="https://gist.github.com/abc.js?file=x.js"> </script>')
    assert site.warnings == ([w.format("user/1234567") for w in FAILURE_WARNINGS]
                             + [w.format("abc") for w in FAILURE_WARNINGS])


def test_warning_collapses_whitespace_as_jekylls_logger(tmp_path: Path, fetch: Calls) -> None:
    fetch.result = None
    site = _site(tmp_path, "{% gist user/12  a\tb %}")
    _render(site)
    assert site.warnings[0] == "Warning: The <noscript> tag for your gist user/12 a b "


def test_unrescued_fetch_failure_stops_the_build(tmp_path: Path, fetch: Calls) -> None:
    fetch.result = gist.GistFetchError("connection refused")
    site = _site(tmp_path, "x\n  {% gist user/1 %}")
    with pytest.raises(TemplateError) as info:
        _render(site)
    err = info.value
    assert err.message.startswith("uninitialized constant Jekyll::Gist::GistTag::TimeoutError")
    assert "connection refused" in err.message
    assert (err.filename, err.line, err.col) == ("page.html", 5, 6)


def test_bad_markup_fails_when_rendered(tmp_path: Path, fetch: Calls) -> None:
    site = _site(tmp_path, "line\n{% gist a  b  c %}")
    with pytest.raises(TemplateError) as info:
        _render(site)
    err = info.value
    assert err.message == (
        "Syntax error in tag 'gist' while parsing the following markup: a b c Valid syntax: "
        "{% gist user/1234567 %} {% gist user/1234567 foo.js %} "
        "{% gist 28949e1d5ee2273f9fd3 %} {% gist 28949e1d5ee2273f9fd3 best.md %}")
    assert (err.filename, err.line, err.col) == ("page.html", 5, 4)
    assert fetch.args == []


def test_bad_markup_not_rendered_is_no_error(tmp_path: Path, fetch: Calls) -> None:
    assert _render(_site(tmp_path, "{% if false %}{% gist a b c %}{% endif %}ok")) == "ok"


def test_module_and_offline_render_import_no_network_code(tmp_path: Path) -> None:
    _site(tmp_path, "{% gist user/1 %}", "gist: {noscript: false}\n")
    script = (
        "import sys\n"
        "from newsletter_liquid.site import Site\n"
        "import newsletter_liquid.plugins.gist\n"
        f"out = Site.load({str(tmp_path)!r}).render_all()\n"
        "assert 'gist.github.com/user/1.js' in str(out), out\n"
        "print(sorted(m for m in ('urllib.request', 'ssl', 'http.client', 'socket', 'json')"
        " if m in sys.modules))\n"
    )
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={"PYTHONPATH": str(root)}, cwd=root, check=True)
    assert "urllib.request" not in done.stdout and "ssl" not in done.stdout, done.stdout


# -- the fetch itself (urllib replaced) -------------------------------------------------

class FakeResponse(io.BytesIO):
    def __init__(self, body: bytes, status: int = 200) -> None:
        super().__init__(body)
        self.status = status


def _http_error(url: str, code: int, body: bytes) -> urllib.error.HTTPError:
    return urllib.error.HTTPError(url, code, "x", Message(), io.BytesIO(body))


@pytest.fixture
def opener(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """What the raw fetch's opener answers (the first item), and the requests it got."""
    monkeypatch.delenv("JEKYLL_GITHUB_TOKEN", raising=False)
    state: list[Any] = [FakeResponse(b"")]

    def fake_open(self: Any, request: urllib.request.Request, timeout: float = 0) -> Any:
        state.append((request, timeout))
        if isinstance(state[0], BaseException):
            raise state[0]
        return state[0]

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", fake_open)
    return state


def test_raw_fetch_request(opener: list[Any]) -> None:
    opener[0] = FakeResponse("x <é>\n".encode())
    assert gist.fetch_code("user/1", "a.rb") == "x <é>\n"
    request, timeout = opener[1]
    assert request.full_url == "https://gist.githubusercontent.com/user/1/raw/a.rb"
    assert timeout == 3
    opener[0] = FakeResponse("x <é>\n".encode())
    assert gist.fetch_code(1234567, "") == "x <é>\n"
    assert opener[2][0].full_url == "https://gist.githubusercontent.com/1234567/raw"


def test_raw_fetch_keeps_an_error_status_body(opener: list[Any]) -> None:
    url = "https://gist.githubusercontent.com/nope/raw"
    opener[0] = _http_error(url, 404, b"404: Not Found")
    assert gist.fetch_code("nope", "") == "404: Not Found"
    opener[0] = _http_error(url, 301, b"")
    assert gist.fetch_code("nope", "") == ""


@pytest.mark.parametrize("status", [204, 205])
def test_raw_fetch_bodyless_status_is_no_code(opener: list[Any], status: int) -> None:
    opener[0] = FakeResponse(b"", status)
    assert gist.fetch_code("user/1", "") is None


@pytest.mark.parametrize("error", [
    urllib.error.URLError(socket.gaierror(-2, "Name or service not known")),
    urllib.error.URLError(TimeoutError("timed out")),
    TimeoutError("read timed out"),
], ids=["dns", "open-timeout", "read-timeout"])
def test_raw_fetch_failures_the_gem_rescues(opener: list[Any], error: Exception) -> None:
    opener[0] = error
    assert gist.fetch_code("user/1", "") is None


@pytest.mark.parametrize("error", [
    urllib.error.URLError(ConnectionRefusedError(111, "Connection refused")),
    ConnectionResetError(104, "reset"),
], ids=["refused", "reset"])
def test_raw_fetch_failures_the_gem_does_not_rescue(opener: list[Any], error: Exception) -> None:
    opener[0] = error
    with pytest.raises(gist.GistFetchError):
        gist.fetch_code("user/1", "")


@pytest.mark.parametrize(("gist_id", "filename"), [
    ("user/a b", ""), ("ünï/1", ""), ("a|b", ""), ("a%zz", ""), ("a#b#c", ""), ("a", "x y"),
])
def test_raw_fetch_of_an_invalid_uri_fails_before_the_network(
    opener: list[Any], gist_id: str, filename: str
) -> None:
    with pytest.raises(gist.GistFetchError):
        gist.fetch_code(gist_id, filename)
    assert len(opener) == 1


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """What ``urlopen`` answers in API mode (the first item; a tuple: one answer per
    call), and the requests it got."""
    monkeypatch.setenv("JEKYLL_GITHUB_TOKEN", "tok")
    monkeypatch.delenv("OCTOKIT_API_ENDPOINT", raising=False)
    state: list[Any] = [None]

    def fake_urlopen(request: urllib.request.Request, timeout: float = 0) -> Any:
        state.append(request)
        answer = state[0]
        if isinstance(answer, tuple):
            answer, state[0] = answer[0], answer[1:]
        if isinstance(answer, BaseException):
            raise answer
        return FakeResponse(json.dumps(answer).encode())

    monkeypatch.setattr(urllib.request, "urlopen", fake_urlopen)
    return state


GIST = {"id": "abc", "files": {"first.rb": {"content": "puts 1"},
                                "second.md": {"content": "# two"},
                                "none.txt": {"content": None}}}


def test_api_fetch_first_or_named_file(api: list[Any]) -> None:
    api[0] = GIST
    assert gist.fetch_code("abc", "") == "puts 1"
    request = api[1]
    assert request.full_url == "https://api.github.com/gists/abc"
    assert request.get_header("Authorization") == "token tok"
    assert gist.fetch_code("abc", "second.md") == "# two"
    assert gist.fetch_code(123, "second.md") == "# two"
    assert api[3].full_url == "https://api.github.com/gists/123"


@pytest.mark.parametrize("filename", ["missing.rb", "none.txt", 5, False])
def test_api_fetch_without_that_file_is_no_code(api: list[Any], filename: Any) -> None:
    api[0] = GIST
    assert gist.fetch_code("abc", filename) is None


def test_api_fetch_with_an_empty_token(api: list[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JEKYLL_GITHUB_TOKEN", "")
    api[0] = GIST
    assert gist.fetch_code("abc", "") == "puts 1"
    assert api[1].get_header("Authorization") == "token "


@pytest.mark.parametrize("answer", [
    _http_error("https://api.github.com/gists/user/1", 404, b"{}"),
    urllib.error.URLError(socket.gaierror(-2, "Name or service not known")),
    {"files": {}},
    {"id": "no files"},
    [],
], ids=["404", "dns", "no-files", "no-files-key", "list"])
def test_api_failures_stop_the_build(api: list[Any], answer: Any) -> None:
    api[0] = answer
    with pytest.raises(gist.GistFetchError):
        gist.fetch_code("user/1", "")


def test_api_retries_a_server_error_twice(api: list[Any]) -> None:
    url = "https://api.github.com/gists/abc"
    api[0] = (_http_error(url, 502, b""), _http_error(url, 500, b""), GIST)
    assert gist.fetch_code("abc", "") == "puts 1"
    api[0] = (_http_error(url, 502, b""),) * 3
    with pytest.raises(gist.GistFetchError):
        gist.fetch_code("abc", "")


def test_api_id_octokit_cannot_name(api: list[Any]) -> None:
    with pytest.raises(gist.GistFetchError):
        gist.fetch_code(1.5, "")
    assert len(api) == 1
