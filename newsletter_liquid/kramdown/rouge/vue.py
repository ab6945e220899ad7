"""Vue single-file components, tokenized as rouge 3.30 does: HTML with embedded blocks.

Rouge keeps the ``lang`` of a ``<template>``/``<style>`` block as a lexer *class*, so
every piece of the block's body is lexed by a fresh lexer with no state carried
between pieces; ``<script>`` bodies instead go to the one JavaScript lexer of the
HTML lexer, whatever their ``lang``, and ``{{ }}`` interpolations to a second one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Error, Keyword, Name, String, Text

from ._engine import Callback, PlainTextLexer, RegexLexer, RougeLexer, StateItem, mixin, rule
from .css import CssLexer
from .html import HtmlLexer
from .javascript import JavascriptLexer


def _block_lexer(lang: str) -> type[RougeLexer]:
    """The lexer class rouge's ``lookup_lang`` picks for a ``lang`` attribute value."""
    name = re.sub(r"[\"']", "", lang.lower())
    if name == "html":
        return HtmlLexer
    if name == "css":
        return CssLexer
    if name == "javascript":
        return JavascriptLexer
    if name == "sass":
        from .sass import SassLexer

        return SassLexer
    if name == "scss":
        from .scss import ScssLexer

        return ScssLexer
    if name == "coffee":
        from . import find_lexer_class

        found = find_lexer_class("coffeescript")
        assert found is not None
        return found
    return PlainTextLexer


def _vue(lexer: RegexLexer) -> VueLexer:
    assert isinstance(lexer, VueLexer)
    return lexer


def _open_block(lang: type[RougeLexer], state: str) -> Callback:
    def callback(lexer: RegexLexer, match: re.Match[str]) -> None:
        lexer.groups(Name.Tag, Text, Keyword)
        _vue(lexer).lang = lang
        lexer.push(state)
        lexer.push("lang_tag")

    return callback


def _close_block(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.groups(Name.Tag, Keyword, Name.Tag)
    lexer.pop()


def _lang_attribute(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.groups(Name.Attribute, Text, String)
    _vue(lexer).lang = _block_lexer(match.group(3))


def _open_interpolation(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(String.Interpol)
    lexer.push("template_interpol")
    _vue(lexer).js.reset()


def _to_js_and_push(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.delegate(_vue(lexer).js)
    # rouge's bare ``push``: the state on top again
    lexer.push()


def _to_js_and_pop(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.delegate(_vue(lexer).js)
    lexer.pop()


def _to_js(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.delegate(_vue(lexer).js)


def _to_lang(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.delegate(_vue(lexer).lang)


class VueLexer(HtmlLexer):
    tag = "vue"
    rouge_aliases = ("vuejs",)

    def start(self) -> None:
        super().start()
        self.js = JavascriptLexer(self.rouge_options)
        # set again by every block's opening tag before its body is lexed
        self.lang: type[RougeLexer] = HtmlLexer

    @classmethod
    def detect(cls, text: str) -> bool:
        # rouge only asks lexers that define ``detect?`` themselves, not HTML's heirs
        return False

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        states = dict(super().states())
        states["root"] = [
            rule(r"(<)(\s*)(template)", _open_block(HtmlLexer, "template")),
            rule(r"(<)(\s*)(style)", _open_block(CssLexer, "style")),
            rule(r"(<)(\s*)(script)", _open_block(JavascriptLexer, "script")),
            *states["root"],
        ]
        states["tag"] = [
            rule(r"[a-zA-Z0-9_:#\[\]()*.-]+\s*=\s*", Name.Attribute, "attr"),
            *states["tag"],
        ]
        # HTML's style bodies go to whatever lexer ``lang`` names (a class here)
        states["style_content"] = [
            rule(r"[^<]+", _to_lang),
            rule(r"<\s*/\s*style\s*>", Name.Tag, "#pop"),
            rule(r"<", _to_lang),
        ]
        states.update(
            {
                "style": [
                    rule(r"(<\s*\/\s*)(style)(\s*>)", _close_block),
                    mixin("style_content"),
                    mixin("embed"),
                ],
                "script": [
                    rule(r"(<\s*\/\s*)(script)(\s*>)", _close_block),
                    mixin("script_content"),
                    mixin("embed"),
                ],
                "lang_tag": [
                    rule(
                        r"""(lang\s*=)(\s*)("(?:\\.|[^\\])*?"|'(\\.|[^\\])*?'|[^\s>]+)""",
                        _lang_attribute,
                    ),
                    mixin("tag"),
                ],
                "template": [
                    rule(r"(<\s*/\s*)(template)(\s*>)", _close_block),
                    rule(r"{{", _open_interpolation),
                    mixin("embed"),
                ],
                "template_interpol": [
                    rule(r"}}", String.Interpol, "#pop"),
                    rule(r"}", Error),
                    mixin("template_interpol_inner"),
                ],
                "template_interpol_inner": [
                    rule(r"{", _to_js_and_push),
                    rule(r"}", _to_js_and_pop),
                    rule(r"[^{}]+", _to_js),
                ],
                "embed": [
                    rule(r"[^{<]+", _to_lang),
                    rule(r"[<{][^<{]*", _to_lang),
                ],
            }
        )
        return states
