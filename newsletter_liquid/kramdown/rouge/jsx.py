"""JSX, tokenized as rouge 3.30 does: its JavaScript lexer with XML-like elements in expressions.

Element text between tags goes to one HTML lexer per lex, which keeps its state
across the pieces, as rouge's ``delegate`` does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import ClassVar

from pygments.token import Name, Punctuation, String

from ._engine import RegexLexer, StateItem, goto_state, mixin, pop_state, push_states, rule
from .html import HtmlLexer
from .javascript import JavascriptLexer

# an interpolation runs an expression, then returns to its closing brace
_open_interpol = push_states("interpol", "expr_start", token=String.Interpol)


def _open_element(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Punctuation)
    lexer.push("tag_opening")
    lexer.push("element")
    lexer.push("element_name")


def _close_element(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Punctuation)
    lexer.goto("element")
    lexer.push("element_name")


def _self_closing(lexer: RegexLexer, match: re.Match[str]) -> None:
    # leaves the element and the children state its opening tag pushed
    lexer.token(Punctuation)
    lexer.pop(2)


def _to_html(lexer: RegexLexer, match: re.Match[str]) -> None:
    assert isinstance(lexer, JsxLexer)
    lexer.delegate(lexer.html)


class JsxLexer(JavascriptLexer):
    tag = "jsx"
    # JavascriptLexer leaves its aliases typed as a 1-tuple
    rouge_aliases: ClassVar[tuple[str, ...]] = ("jsx", "react")  # type: ignore[assignment]

    def start(self) -> None:
        super().start()
        self.html = HtmlLexer(self.rouge_options)
        self.push("expr_start")

    @classmethod
    def detect(cls, text: str) -> bool:
        # rouge only asks lexers that define ``detect?`` themselves
        return False

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        states = dict(super().states())
        states["expr_start"] = [mixin("tag"), *states["expr_start"]]
        states.update(
            {
                "tag": [rule(r"<", _open_element)],
                "tag_opening": [
                    rule(r"</", _close_element),
                    mixin("tag"),
                    rule(r"{", _open_interpol),
                    rule(r"[^<{]+", _to_html),
                ],
                "element": [
                    mixin("comments_and_whitespace"),
                    rule(r"/>", _self_closing),
                    rule(r">", Punctuation, "#pop"),
                    rule(r"{", _open_interpol),
                    rule(r"\w[\w-]*", Name.Attribute),
                    rule(r"=", Punctuation),
                    rule(r"([\"']).*?(\1)", String),
                ],
                "element_name": [
                    rule(r"[A-Z]\w*", Name.Class),
                    rule(r"\w+", Name.Tag),
                    rule(r"\.", Punctuation),
                    rule(r"", pop_state),
                ],
                "interpol": [
                    rule(r"}", String.Interpol, "#pop"),
                    rule(r"{", push_states("interpol_inner", "statement", token=Punctuation)),
                    mixin("root"),
                ],
                "interpol_inner": [
                    rule(r"}", goto_state("statement", Punctuation)),
                    mixin("root"),
                ],
            }
        )
        return states
