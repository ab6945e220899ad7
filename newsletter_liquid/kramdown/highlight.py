"""Syntax highlighting byte-identical to rouge 3.30 as kramdown 2.4 and Jekyll 4.3 call it.

kramdown's ``SyntaxHighlighter::Rouge.call`` decides *whether* to highlight
(language, ``default_lang``, ``guess_lang``, ``disable``) and formats with
``HTMLLegacy``; Jekyll's ``{% highlight %}`` tag formats with the bare
``HTML`` formatter (or ``HTMLTable`` for ``linenos``).  The lexers live in
:mod:`.rouge` and are imported only when something is highlighted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

__all__ = [
    "JEKYLL_HIGHLIGHTER_OPTS",
    "default_lang",
    "format_code",
    "format_code_table",
    "highlight",
]

#: ``syntax_highlighter_opts`` Jekyll 4.3 gives kramdown when the site sets none
#: (``default_lang`` defaults to plaintext, ``guess_lang`` copies ``kramdown.guess_lang``).
JEKYLL_HIGHLIGHTER_OPTS: Mapping[str, object] = MappingProxyType(
    {"default_lang": "plaintext", "guess_lang": True}
)


_CONSTANT_NAME = re.compile(r"\A[A-Z][A-Za-z0-9_]*\Z")
# rouge formatters other than HTML; we render all of them like HTMLLegacy
_LEGACY_LIKE_FORMATTERS = frozenset(
    (
        "HTMLInline",
        "HTMLLegacy",
        "HTMLLineHighlighter",
        "HTMLLineTable",
        "HTMLLinewise",
        "HTMLPygments",
        "HTMLTable",
        "Null",
        "Terminal256",
        "TerminalTruecolor",
        "Tex",
    )
)


def _truthy(value: object) -> bool:
    """Ruby truthiness: only nil and false are false (``""`` and ``0`` are true)."""
    return value is not None and value is not False


def _option_name(key: object) -> str | None:
    """kramdown's ``str_to_sym``: strip, drop a leading ``:``; empty or ``nil`` names nothing."""
    if not isinstance(key, str):
        return None
    key = key.strip()
    if key.startswith(":"):
        key = key[1:]
    return None if key in ("", "nil") else key


def _normalized(options: object) -> dict[str, object]:
    if not isinstance(options, Mapping):
        return {}
    named = ((_option_name(key), value) for key, value in options.items())
    return {name: value for name, value in named if name is not None}


def _kind_options(opts: Mapping[str, object], kind: str) -> dict[str, object]:
    """The options kramdown uses for a ``block`` or ``span``: sub-hash merged over the rest."""
    base = _normalized(opts)
    span = _normalized(base.pop("span", None))
    block = _normalized(base.pop("block", None))
    if kind == "span":
        merged = {**base, **span}
        merged["wrap"] = False
        return merged
    return {**base, **block}


def default_lang(opts: Mapping[str, object], kind: str = "block") -> str | None:
    """The ``default_lang`` kramdown reports back, used for the ``language-*`` class."""
    value = _kind_options(opts, kind).get("default_lang")
    return str(value) if _truthy(value) else None


def highlight(text: str, lang: str | None, kind: str, opts: Mapping[str, object]) -> str | None:
    """What kramdown's rouge highlighter returns for ``text``, or None to leave it plain.

    ``kind`` is ``"block"`` or ``"span"``; ``opts`` is kramdown's
    ``syntax_highlighter_opts`` (string keys, as Jekyll passes them, e.g.
    :data:`JEKYLL_HIGHLIGHTER_OPTS`).
    """
    from .rouge import find_fancy, format_html, format_html_legacy, merge_tokens

    options = _kind_options(opts, kind)
    fallback = options.get("default_lang")
    if not (_truthy(lang) or _truthy(fallback) or _truthy(options.get("guess_lang"))):
        return None
    spec = lang if _truthy(lang) else (str(fallback) if _truthy(fallback) else None)
    lexer = find_fancy(spec, text)
    if _truthy(options.get("disable")) or lexer is None:
        return None
    if lexer.tag == "plaintext" and not _truthy(options.get("guess_lang")):
        return None
    if not _truthy(options.get("css_class")):
        options["css_class"] = "highlight"
    tokens = merge_tokens(lexer.lex(text))
    formatter = options.get("formatter")
    if (
        isinstance(formatter, str)
        and _CONSTANT_NAME.match(formatter)
        and formatter not in _LEGACY_LIKE_FORMATTERS
    ):
        # a constant name that is not a rouge formatter (or is HTML itself):
        # kramdown falls back to the plain HTML formatter
        return format_html(tokens)
    return format_html_legacy(tokens, options)


def format_code(text: str, lang: str | None, *, linenos: bool = False) -> tuple[str, str]:
    """Rouge tag and HTML for Jekyll's ``{% highlight lang %}``: (tag, unwrapped spans).

    ``lang`` is the tag's language (Jekyll lower-cases it); unknown languages
    fall back to plain text as Jekyll does.  With ``linenos`` the spans sit in
    rouge's ``HTMLTable`` with Jekyll's ``gutter``/``code`` classes.
    """
    from .rouge import PlainTextLexer, find_fancy, format_html, format_html_table, merge_tokens

    lexer = find_fancy(lang, text) or PlainTextLexer()
    tokens = merge_tokens(lexer.lex(text))
    if linenos:
        return lexer.tag, format_html_table(tokens, gutter_class="gutter", code_class="code")
    return lexer.tag, format_html(tokens)


def format_code_table(text: str, lang: str | None) -> tuple[str, str]:
    """:func:`format_code` with ``linenos``."""
    return format_code(text, lang, linenos=True)
