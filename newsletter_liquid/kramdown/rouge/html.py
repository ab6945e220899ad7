"""HTML, tokenized as rouge 3.30 does; ``<script>``/``<style>`` bodies go to JS/CSS lexers."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Name, String, Text, _TokenType

from ._engine import Callback, RegexLexer, StateItem, mixin, rule
from .css import CssLexer
from .javascript import JavascriptLexer

# rouge: [\p{L}:_-][\p{Word}\p{Cf}:.·-]*
TAG_NAME = r"[\p{L}:_-][\p{Word}\p{Cf}:.·-]*"


class HtmlLexer(RegexLexer):
    tag = "html"

    def start(self) -> None:
        # one embedded lexer each, carrying state across the pieces of a body
        self.javascript = JavascriptLexer(self.rouge_options)
        self.css = CssLexer(self.rouge_options)

    @classmethod
    def detect(cls, text: str) -> bool:
        if re.match(r"\A\s*<!DOCTYPE\s+[^>]*\bhtml\b", text, re.I):
            return True
        if re.match(r"\A<\?xml\b", text):
            return False
        return re.search(r"<\s*html\b", text) is not None

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"[^<&]+", Text, flags=re.S),
                rule(r"&\S*?;", Name.Entity),
                rule(r"<!DOCTYPE .*?>", Comment.Preproc, flags=re.S | re.I),
                rule(r"<!\[CDATA\[.*?\]\]>", Comment.Preproc, flags=re.S),
                rule(r"<!--", Comment, "comment"),
                rule(r"<\?.*?\?>", Comment.Preproc, flags=re.S),
                rule(r"<\s*script\s*", _open_script),
                rule(r"<\s*style\s*", _open_style),
                rule(r"</", Name.Tag, "tag_end"),
                rule(r"<", Name.Tag, "tag_start"),
                rule(rf"<\s*{TAG_NAME}", Name.Tag, "tag"),
                rule(rf"<\s*/\s*{TAG_NAME}\s*>", Name.Tag),
            ],
            "tag_end": [
                mixin("tag_end_end"),
                rule(TAG_NAME, _token_goto(Name.Tag, "tag_end_end")),
            ],
            "tag_end_end": [
                rule(r"\s+", Text),
                rule(r">", Name.Tag, "#pop"),
            ],
            "tag_start": [
                rule(r"\s+", Text),
                rule(TAG_NAME, _token_goto(Name.Tag, "tag")),
                rule(r"", _token_goto(None, "tag")),
            ],
            "comment": [
                rule(r"[^-]+", Comment),
                rule(r"-->", Comment, "#pop"),
                rule(r"-", Comment),
            ],
            "tag": [
                rule(r"\s+", Text),
                rule(
                    r"[\p{L}:_\[\]()*.-][\p{Word}\p{Cf}:.·\[\]()*-]*\s*=\s*",
                    Name.Attribute,
                    "attr",
                ),
                rule(r"[\p{L}:_*#-][\p{Word}\p{Cf}:.·*#-]*", Name.Attribute),
                rule(r"/?\s*>", Name.Tag, "#pop"),
            ],
            "attr": [
                rule(r'"', _token_goto(String, "dq")),
                rule(r"'", _token_goto(String, "sq")),
                rule(r"[^\s>]+", String, "#pop"),
            ],
            "dq": [rule(r'"', String, "#pop"), rule(r'[^"]+', String)],
            "sq": [rule(r"'", String, "#pop"), rule(r"[^']+", String)],
            "script_content": [
                rule(r"[^<]+", _to_javascript),
                rule(r"<\s*/\s*script\s*>", Name.Tag, "#pop"),
                rule(r"<", _to_javascript),
            ],
            "style_content": [
                rule(r"[^<]+", _to_css),
                rule(r"<\s*/\s*style\s*>", Name.Tag, "#pop"),
                rule(r"<", _to_css),
            ],
        }


def _html(lexer: RegexLexer) -> HtmlLexer:
    assert isinstance(lexer, HtmlLexer)
    return lexer


def _open_script(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Name.Tag)
    _html(lexer).javascript.reset()
    lexer.push("script_content")
    lexer.push("tag")


def _open_style(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Name.Tag)
    _html(lexer).css.reset()
    lexer.push("style_content")
    lexer.push("tag")


def _to_javascript(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.delegate(_html(lexer).javascript)


def _to_css(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.delegate(_html(lexer).css)


def _token_goto(token: _TokenType | None, state: str) -> Callback:
    def callback(lexer: RegexLexer, match: re.Match[str]) -> None:
        if token is not None:
            lexer.token(token)
        lexer.goto(state)

    return callback
