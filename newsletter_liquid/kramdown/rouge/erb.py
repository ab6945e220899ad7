"""ERB templates, tokenized as rouge 3.30 does (HTML around, Ruby inside ``<% %>``)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment

from ._engine import RegexLexer, StateItem, rule
from .html import HtmlLexer
from .ruby import RubyLexer

_OPEN = r"(?:<%%|<%=|<%#|<%-|<%)"
_CLOSE = r"(?:%%>|-%>|%>)"


class ErbLexer(RegexLexer):
    tag = "erb"
    rouge_aliases = ("eruby", "rhtml")

    def start(self) -> None:
        self.parent = HtmlLexer(self.rouge_options)
        self.ruby = RubyLexer(self.rouge_options)

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"<%#", Comment, "comment"),
                rule(_OPEN, Comment.Preproc, "ruby"),
                rule(rf".+?(?={_OPEN})|.+", _to_parent, flags=re.S),
            ],
            "comment": [
                rule(_CLOSE, Comment, "#pop"),
                rule(rf".+?(?={_CLOSE})|.+", Comment, flags=re.S),
            ],
            "ruby": [
                rule(_CLOSE, Comment.Preproc, "#pop"),
                rule(rf".+?(?={_CLOSE})|.+", _to_ruby, flags=re.S),
            ],
        }


def _erb(lexer: RegexLexer) -> ErbLexer:
    assert isinstance(lexer, ErbLexer)
    return lexer


def _to_parent(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.delegate(_erb(lexer).parent)


def _to_ruby(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.delegate(_erb(lexer).ruby)
