"""Handlebars/Mustache templates, tokenized as rouge 3.30 does (HTML around the staches)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text

from ._engine import RegexLexer, StateItem, goto_state, pop_state, push_states, rule
from .html import HtmlLexer
from .jinja import quoted

_ID = r"[\w$-]+"


def _lexer(lexer: RegexLexer) -> HandlebarsLexer:
    assert isinstance(lexer, HandlebarsLexer)
    return lexer


def _to_parent(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.delegate(_lexer(lexer).parent)


def _to_parent_closing_attr(lexer: RegexLexer, match: re.Match[str]) -> None:
    # rouge: text ending in an unquoted attribute value ends that value before a stache
    parent = _lexer(lexer).parent
    lexer.delegate(parent)
    if parent.state_is("attr"):
        parent.pop()


def _push_same(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Comment)
    lexer.push()


class HandlebarsLexer(RegexLexer):
    tag = "handlebars"
    rouge_aliases = ("hbs", "mustache")

    def start(self) -> None:
        # rouge's TemplateLexer: the templated language, reset with the template lexer
        self.parent = HtmlLexer(self.rouge_options)

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"\\{+", _to_parent),
                rule(r"{{!--", Comment, "comment"),
                rule(r"{{!.*?}}", Comment),
                rule(r"{{{?", push_states("stache", "open_sym", token=Keyword)),
                rule(r"(.+?)(?=\\|{{)", _to_parent_closing_attr, flags=re.S),
                rule(r".+", _to_parent, flags=re.S),
            ],
            "comment": [
                rule(r"{{", _push_same),
                rule(r"}}", Comment, "#pop"),
                rule(r"[^{}]+", Comment, flags=re.S),
                rule(r"[{}]", Comment),
            ],
            "stache": [
                rule(r"}}}?", Keyword, "#pop"),
                rule(r"\|", Punctuation),
                rule(r"~", Keyword),
                rule(r"\s+", Text, flags=re.S),
                rule(r"[=]", Operator),
                rule(r"[\[\]]", Punctuation),
                rule(r"[\(\)]", Punctuation),
                rule(r"[.](?=[}\s])", Name.Variable),
                rule(r"[.][.]", Name.Variable),
                rule(r"[/.]", Punctuation),
                rule(quoted('"'), String.Double),
                rule(quoted("'"), String.Single),
                rule(r"\d+(?=}\s)", Number),
                rule(r"(true|false)(?=[}\s])", Keyword.Constant),
                rule(r"else(?=[}\s])", Keyword),
                rule(r"this(?=[}\s])", Name.Builtin.Pseudo),
                rule(rf"@{_ID}", Name.Attribute),
                rule(_ID, Name.Variable),
            ],
            "open_sym": [
                rule(r"[#/]", goto_state("block_name", Keyword)),
                rule(r"[>^&~]", Keyword),
                rule(r"", pop_state),
            ],
            "block_name": [
                rule(r"if(?=[}\s])", Keyword),
                rule(_ID, Name.Namespace, "#pop"),
                rule(r"", pop_state),
            ],
        }
