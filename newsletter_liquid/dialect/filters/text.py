"""String filters: Liquid's standard ones with Ruby's string semantics, and Jekyll's
(escaping, slugify, word counts, Markdown and SmartyPants)."""

from __future__ import annotations

import base64
import binascii
import re
import urllib.parse
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ...utils import slugify as slugify_text
from ..rubyvalues import to_s
from ._base import (
    class_name,
    empty_literals,
    filter_error,
    liquid_filter,
    memoized,
    ruby_str,
    site_of,
    to_integer,
)

if TYPE_CHECKING:
    from liquid import RenderContext

    from ..environment import JekyllEnvironment

__all__ = ["register", "ruby_sub"]

# Ruby's String#strip set: ASCII whitespace and NUL, never Unicode spaces.
_RUBY_SPACE = " \t\n\v\f\r\0"
_AWK_SPACE = " \t\n\v\f\r"
_AWK_SPLIT_RE = re.compile(f"[{_AWK_SPACE}]+")


def _text(value: Any) -> str:
    return ruby_str(value)


def _require_string(value: Any) -> str:
    """Jekyll filters that call String methods directly fail on anything else."""
    if isinstance(value, str):
        return value
    raise filter_error(f"no implicit conversion of {_nil_name(value)} into String")


def _nil_name(value: Any) -> str:
    return "nil" if value is None else class_name(value)


def awk_split(text: str, limit: int = 0) -> list[str]:
    """Ruby's ``String#split(" ", limit)``: runs of ASCII whitespace, leading ones skipped."""
    text = text.lstrip(_AWK_SPACE)
    if not text:
        return []
    if limit <= 0:
        return _AWK_SPLIT_RE.split(text.rstrip(_AWK_SPACE))
    # With a limit Ruby keeps a trailing empty field, as re.split does.
    return _AWK_SPLIT_RE.split(text, maxsplit=limit - 1)


def ruby_split(text: str, separator: str) -> list[str]:
    """Ruby's ``String#split(separator)`` with a string separator (no limit)."""
    if separator == " ":
        return awk_split(text)
    if not text:
        return []
    parts = list(text) if separator == "" else text.split(separator)
    while parts and parts[-1] == "":
        parts.pop()
    return parts


_REPLACEMENT_RE = re.compile(r"\\(\\|&|[0-9]|`|'|k<[^>]*>)")


def _expand(replacement: str, match: re.Match[str]) -> str:
    """Ruby's backslash sequences in a ``sub``/``gsub`` replacement string."""
    if "\\" not in replacement:
        return replacement
    subject = match.string

    def one(m: re.Match[str]) -> str:
        code = m.group(1)
        if code == "\\":
            return "\\"
        if code in ("&", "0"):
            return match.group(0)
        if code == "`":
            return subject[: match.start()]
        if code == "'":
            return subject[match.end():]
        return ""  # no capture groups in a literal pattern

    return _REPLACEMENT_RE.sub(one, replacement)


def ruby_sub(text: str, pattern: str, replacement: str, count: int = 0) -> str:
    """Ruby's ``gsub``/``sub`` (``count=1``) with a literal string pattern."""
    regex = re.compile(re.escape(pattern))
    return regex.sub(lambda m: _expand(replacement, m), text, count=count)


# -- Liquid's standard string filters -------------------------------------------------


@liquid_filter
def downcase(value: Any) -> str:
    """Lower-case a string (Liquid)."""
    return _text(value).lower()


@liquid_filter
def upcase(value: Any) -> str:
    """Upper-case a string (Liquid)."""
    return _text(value).upper()


@liquid_filter
def capitalize(value: Any) -> str:
    """Upper-case the first character and lower-case the rest (Liquid)."""
    text = _text(value)
    return text[:1].title() + text[1:].lower()


_HTML_ESCAPE = {"&": "&amp;", ">": "&gt;", "<": "&lt;", '"': "&quot;", "'": "&#39;"}
_ESCAPE_ONCE_RE = re.compile(r"[\"><']|&(?!([a-zA-Z]+|(#\d+));)")


@memoized
@liquid_filter
def escape(value: Any) -> str | None:
    """Escape `&`, `<`, `>`, `"` and `'` as HTML entities; also named `h` (Liquid)."""
    if value is None:
        return None
    # "&" first: the entities written after it are not escaped again
    return (_text(value).replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


@liquid_filter
def escape_once(value: Any) -> str:
    """Escape HTML special characters without escaping existing entities again (Liquid)."""
    return _ESCAPE_ONCE_RE.sub(lambda m: _HTML_ESCAPE[m.group(0)[0]], _text(value))


def cgi_escape_text(text: str) -> str:
    """Ruby's ``CGI.escape``: form encoding, spaces as ``+``."""
    return urllib.parse.quote_plus(text.encode("utf-8", "surrogateescape"), safe="")


@liquid_filter
def url_encode(value: Any) -> str | None:
    """Percent-encode for a URL query, spaces as `+` (Liquid)."""
    return None if value is None else cgi_escape_text(_text(value))


@liquid_filter
def url_decode(value: Any) -> str | None:
    """Decode `%XX` escapes and `+` as a space (Liquid)."""
    if value is None:
        return None
    raw = urllib.parse.unquote_to_bytes(_text(value).replace("+", " "))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise filter_error("invalid byte sequence in UTF-8") from None


def _decoded_bytes(raw: bytes) -> str:
    # Ruby keeps the bytes; surrogateescape carries invalid UTF-8 through to the file.
    return raw.decode("utf-8", "surrogateescape")


@liquid_filter
def base64_encode(value: Any) -> str:
    """Encode the input as standard Base64 (Liquid)."""
    return base64.b64encode(_text(value).encode("utf-8", "surrogateescape")).decode("ascii")


@liquid_filter
def base64_decode(value: Any) -> str:
    """Decode standard Base64 text; invalid input fails the build (Liquid)."""
    try:
        return _decoded_bytes(base64.b64decode(_text(value), validate=True))
    except (binascii.Error, ValueError):
        raise filter_error("invalid base64 provided to base64_decode") from None


@liquid_filter
def base64_url_safe_encode(value: Any) -> str:
    """Encode the input as URL-safe Base64 (`-` and `_` instead of `+` and `/`) (Liquid)."""
    data = _text(value).encode("utf-8", "surrogateescape")
    return base64.urlsafe_b64encode(data).decode("ascii")


@liquid_filter
def base64_url_safe_decode(value: Any) -> str:
    """Decode URL-safe Base64 (`-` and `_`, padding optional) (Liquid)."""
    text = _text(value)
    if not text.endswith("=") and len(text) % 4:
        text += "=" * (-len(text) % 4)
    try:
        standard = text.translate(str.maketrans("-_", "+/"))
        return _decoded_bytes(base64.b64decode(standard, validate=True))
    except (binascii.Error, ValueError):
        raise filter_error("invalid base64 provided to base64_url_safe_decode") from None


def _ruby_slice(seq: Any, offset: int, length: int) -> Any:
    """Ruby's ``slice(start, length)``: None past the end or for a negative length."""
    size = len(seq)
    if offset < 0:
        offset += size
        if offset < 0:
            return None
    if offset > size or length < 0:
        return None
    return seq[offset:offset + length]


@liquid_filter
def slice_(value: Any, offset: Any, length: Any = None) -> Any:
    """The character (or array item) at an offset, or `length` of them; negative offsets count from
    the end (Liquid)."""
    start = to_integer(offset)
    count = to_integer(length) if length is not None else 1
    if isinstance(value, (list, tuple)):
        result = _ruby_slice(list(value), start, count)
        return result if result is not None else []
    result = _ruby_slice(_text(value), start, count)
    return result if result is not None else ""


@liquid_filter
def truncate(value: Any, length: Any = 50, ellipsis: Any = "...") -> str | None:
    """Shorten a string to a length, the ellipsis (`...` by default) included (Liquid)."""
    if value is None:
        return None
    text = _text(value)
    limit = to_integer(length)
    tail = _text(ellipsis)
    keep = max(limit - len(tail), 0)
    return text[:keep] + tail if len(text) > limit else text


@liquid_filter
def truncatewords(value: Any, words: Any = 15, ellipsis: Any = "...") -> str | None:
    """Shorten a string to a number of words, then add the ellipsis (`...` by default) (Liquid)."""
    if value is None:
        return None
    text = _text(value)
    count = to_integer(words)
    if count <= 0:
        count = 1
    if count + 1 >= (1 << 31) - 1:
        raise filter_error(f"integer {count} too big for truncatewords")
    wordlist = awk_split(text, count + 1)
    if len(wordlist) <= count:
        return text
    return " ".join(wordlist[:-1]) + _text(ellipsis)


@liquid_filter
def split(value: Any, separator: Any) -> list[str]:
    """Split a string into an array on a separator (Liquid)."""
    return ruby_split(_text(value), _text(separator))


@liquid_filter
def strip(value: Any) -> str:
    """Remove whitespace from both ends of a string (Liquid)."""
    return _text(value).strip(_RUBY_SPACE)


@liquid_filter
def lstrip(value: Any) -> str:
    """Remove whitespace from the start of a string (Liquid)."""
    return _text(value).lstrip(_RUBY_SPACE)


@liquid_filter
def rstrip(value: Any) -> str:
    """Remove whitespace from the end of a string (Liquid)."""
    return _text(value).rstrip(_RUBY_SPACE)


_STRIP_HTML_BLOCKS = re.compile(r"<script.*?</script>|<!--.*?-->|<style.*?</style>", re.S)
_STRIP_HTML_TAGS = re.compile(r"<.*?>", re.S)
_NEWLINE_RE = re.compile(r"\r?\n")


@memoized
@liquid_filter
def strip_html(value: Any) -> str:
    """Remove HTML tags, comments, and `<script>`/`<style>` blocks (Liquid)."""
    text = _text(value)
    if "<s" in text or "<!--" in text:  # where a block can start: skip the slow scan
        text = _STRIP_HTML_BLOCKS.sub("", text)
    return _STRIP_HTML_TAGS.sub("", text) if "<" in text else text


@liquid_filter
def strip_newlines(value: Any) -> str:
    """Remove line breaks (Liquid)."""
    return _NEWLINE_RE.sub("", _text(value))


@liquid_filter
def newline_to_br(value: Any) -> str:
    """Put `<br />` before each line break (Liquid)."""
    return _NEWLINE_RE.sub("<br />\n", _text(value))


@liquid_filter
def replace(value: Any, search: Any, replacement: Any = "") -> str:
    """Replace every occurrence of a substring (Liquid)."""
    return ruby_sub(_text(value), _text(search), _text(replacement))


@liquid_filter
def replace_first(value: Any, search: Any, replacement: Any = "") -> str:
    """Replace the first occurrence of a substring (Liquid)."""
    return ruby_sub(_text(value), _text(search), _text(replacement), count=1)


@liquid_filter
def replace_last(value: Any, search: Any, replacement: Any) -> str:
    """Replace the last occurrence of a substring (Liquid)."""
    text, target = _text(value), _text(search)
    at = text.rfind(target)
    if at < 0:
        return text
    return text[:at] + _text(replacement) + text[at + len(target):]


@liquid_filter
def remove(value: Any, search: Any) -> str:
    """Remove every occurrence of a substring (Liquid)."""
    return ruby_sub(_text(value), _text(search), "")


@liquid_filter
def remove_first(value: Any, search: Any) -> str:
    """Remove the first occurrence of a substring (Liquid)."""
    return ruby_sub(_text(value), _text(search), "", count=1)


@liquid_filter
def remove_last(value: Any, search: Any) -> str:
    """Remove the last occurrence of a substring (Liquid)."""
    return replace_last(value, search, "")


@liquid_filter
def append(value: Any, suffix: Any) -> str:
    """Join a string to the end of the input (Liquid)."""
    return _text(value) + _text(suffix)


@liquid_filter
def prepend(value: Any, prefix: Any) -> str:
    """Join a string to the start of the input (Liquid)."""
    return _text(prefix) + _text(value)


# -- Jekyll's string filters ------------------------------------------------------------


def xml_escape_text(text: str) -> str:
    """``encode(xml: :attr)`` without its surrounding quotes."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))


@memoized
@liquid_filter
def xml_escape(value: Any) -> str:
    """Escape `&`, `<`, `>` and `"` for XML and HTML attributes (Jekyll)."""
    return xml_escape_text(_text(value))


@empty_literals("fail")
@liquid_filter
def cgi_escape(value: Any) -> str:
    """Escape for a query string: spaces become `+`, reserved characters `%XX` (Jekyll)."""
    return cgi_escape_text(_require_string(value))


@empty_literals("fail")
@liquid_filter
def uri_escape(value: Any) -> str | None:
    """Percent-encode what a URI may not contain, keeping reserved characters (`/`, `?`, `#` ...)
    and existing `%XX` escapes (Jekyll)."""
    from ._uri import normalize_component

    if value is None:
        return None
    if isinstance(value, (int, float, bool)):
        raise filter_error(f"Can't convert {class_name(value)} into String.")
    return normalize_component(_text(value))


# runs that are not already a single space (those stay as they are)
_WHITESPACE_RUN = re.compile(r"[\t\n\v\f\r][ \t\n\v\f\r]*| [ \t\n\v\f\r]+")


@memoized
@liquid_filter
def normalize_whitespace(value: Any) -> str:
    """Collapse every run of whitespace into one space (Jekyll)."""
    return _WHITESPACE_RUN.sub(" ", _text(value)).strip(_RUBY_SPACE)


# \p{Han}, \p{Katakana}, \p{Hiragana}, \p{Hangul} as Ruby 3.1's Onigmo has them.
_CJK_RANGES = (
    "\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b"
    "\u3400-\u4dbf\u4e00-\u9ffc\uf900-\ufa6d\ufa70-\ufad9\U00016ff0-\U00016ff1"
    "\U00020000-\U0002a6dd\U0002a700-\U0002b734\U0002b740-\U0002b81d\U0002b820-\U0002cea1"
    "\U0002ceb0-\U0002ebe0\U0002f800-\U0002fa1d\U00030000-\U0003134a"
    "\u30a1-\u30fa\u30fd-\u30ff\u31f0-\u31ff\u32d0-\u32fe\u3300-\u3357\uff66-\uff6f"
    "\uff71-\uff9d\U0001b000\U0001b164-\U0001b167"
    "\u3041-\u3096\u309d-\u309f\U0001b001-\U0001b11e\U0001b150-\U0001b152\U0001f200"
    "\u1100-\u11ff\u302e-\u302f\u3131-\u318e\u3200-\u321e\u3260-\u327e\ua960-\ua97c"
    "\uac00-\ud7a3\ud7b0-\ud7c6\ud7cb-\ud7fb\uffa0-\uffbe\uffc2-\uffc7\uffca-\uffcf"
    "\uffd2-\uffd7\uffda-\uffdc"
)


@lru_cache(maxsize=1)
def _cjk_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """CJK characters, and runs of other non-blank characters (Ruby's \\s is ASCII
    whitespace only): compiled on first use, ~5 ms that most builds never need."""
    return (re.compile(f"[{_CJK_RANGES}]"),
            re.compile(f"[^{_CJK_RANGES} \\t\\n\\v\\f\\r]+"))


@empty_literals("fail")
@liquid_filter
def number_of_words(value: Any, mode: Any = None) -> int:
    """Count words separated by whitespace; `"cjk"` and `"auto"` count CJK characters one by one
    (Jekyll)."""
    if value is None or not isinstance(value, str):
        if mode in ("cjk", "auto"):
            raise filter_error(f"undefined method `scan' for {to_s(value) or 'nil'}")
        raise filter_error(f"undefined method `split' for {to_s(value) or 'nil'}")
    if mode == "cjk":
        cjk_re, non_cjk_word_re = _cjk_patterns()
        return len(cjk_re.findall(value)) + len(non_cjk_word_re.findall(value))
    if mode == "auto":
        cjk_re, non_cjk_word_re = _cjk_patterns()
        cjk = len(cjk_re.findall(value))
        if cjk == 0:
            return len(awk_split(value))
        return cjk + len(non_cjk_word_re.findall(value))
    return len(awk_split(value))


@empty_literals("fail")
@liquid_filter
def slugify(value: Any, mode: Any = None) -> str | None:
    """A URL slug: lower-cased, runs of other characters as `-`; modes `"raw"`, `"default"`,
    `"pretty"`, `"ascii"`, `"latin"`, `"none"` (Jekyll)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise filter_error(f"undefined method `gsub' for {ruby_str(value)}:{class_name(value)}")
    # Any mode that is not one of Jekyll's (even a number) only lowercases.
    return slugify_text(value, None if mode is None else ruby_str(mode))


@liquid_filter
def markdownify(value: Any, *, context: RenderContext) -> str:
    """Convert Markdown to HTML with the site's kramdown settings (Jekyll)."""
    text = _text(value)
    site = site_of(context)
    if site is not None:
        return site.markdownify(text)
    from ...kramdown import render_markdown

    return render_markdown(text, None)


@liquid_filter
def sassify(value: Any, *, context: RenderContext) -> str:
    """Sass (indented syntax) to CSS with the site's ``sass:`` settings (Jekyll)."""
    from ...sass import convert

    return convert(site_of(context), _text(value), indented=True)  # type: ignore[arg-type]


@liquid_filter
def scssify(value: Any, *, context: RenderContext) -> str:
    """SCSS to CSS with the site's ``sass:`` settings (Jekyll)."""
    from ...sass import convert

    return convert(site_of(context), _text(value), indented=False)  # type: ignore[arg-type]


@liquid_filter
def smartify(value: Any, *, context: RenderContext) -> str:
    """Typographic quotes, dashes and ellipses, as kramdown's SmartyPants does (Jekyll)."""
    from ._smartypants import smartypants

    site = site_of(context)
    config = site.config.get("kramdown") if site is not None else None
    return smartypants(_text(value), config if isinstance(config, Mapping) else None)


def register(env: JekyllEnvironment) -> None:
    for name, func in (
        ("downcase", downcase), ("upcase", upcase), ("capitalize", capitalize),
        ("escape", escape), ("h", escape), ("escape_once", escape_once),
        ("url_encode", url_encode), ("url_decode", url_decode),
        ("base64_encode", base64_encode), ("base64_decode", base64_decode),
        ("base64_url_safe_encode", base64_url_safe_encode),
        ("base64_url_safe_decode", base64_url_safe_decode),
        ("slice", slice_), ("truncate", truncate), ("truncatewords", truncatewords),
        ("split", split), ("strip", strip), ("lstrip", lstrip), ("rstrip", rstrip),
        ("strip_html", strip_html), ("strip_newlines", strip_newlines),
        ("newline_to_br", newline_to_br), ("replace", replace),
        ("replace_first", replace_first), ("replace_last", replace_last),
        ("remove", remove), ("remove_first", remove_first), ("remove_last", remove_last),
        ("append", append), ("prepend", prepend),
        ("xml_escape", xml_escape), ("cgi_escape", cgi_escape), ("uri_escape", uri_escape),
        ("normalize_whitespace", normalize_whitespace),
        ("number_of_words", number_of_words), ("slugify", slugify),
        ("markdownify", markdownify), ("smartify", smartify),
        ("sassify", sassify), ("scssify", scssify),
    ):
        env.add_filter(name, func)
