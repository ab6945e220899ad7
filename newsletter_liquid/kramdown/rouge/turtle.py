"""Turtle and TriG, tokenized as rouge 3.30 does.

Rouge's last two rules take any run of characters other than a few
punctuation marks and the plain space, so a name (or a namespace ending in a
colon) runs on across tabs and newlines, as in rouge.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Punctuation, String, Text

from ._engine import OptionValue, RegexLexer, RunGuard, StateItem, rule
from ._ruby_regex import boundary_word

# Ruby's \b after a word character, matched in place
_B = f"(?![{boundary_word()}])"

# ``<`` with no ``>`` ahead would scan to the end of the text at every ``<``
_IRI_GUARD = RunGuard(r"[^>]", ">")


class _LastCloser:
    """Where the last closing triple quote of the text lies, found once per text.

    Without one ahead, rouge's lazy long-string rules scan to the end of the
    text at every opening triple quote; they are only tried where one lies ahead.
    """

    __slots__ = ("at", "closer", "text")

    def __init__(self, closer: str) -> None:
        self.closer = closer
        self.text: str | None = None
        self.at = -1

    def may_close(self, text: str, pos: int) -> bool:
        if text is not self.text:
            self.text = text
            self.at = text.rfind(self.closer)
        return self.at >= pos + len(self.closer)


def _double_may_close(lexer: RegexLexer, text: str, pos: int) -> bool:
    assert isinstance(lexer, TurtleLexer)
    return lexer.last_double.may_close(text, pos)


def _single_may_close(lexer: RegexLexer, text: str, pos: int) -> bool:
    assert isinstance(lexer, TurtleLexer)
    return lexer.last_single.may_close(text, pos)


class TurtleLexer(RegexLexer):
    tag = "turtle"

    def __init__(self, options: Mapping[str, OptionValue] | None = None) -> None:
        self.last_double = _LastCloser('"""')
        self.last_single = _LastCloser("'''")
        super().__init__(options)

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(f"@base{_B}", Keyword.Declaration),
                rule(f"@prefix{_B}", Keyword.Declaration),
                rule(f"true{_B}", Keyword.Constant),
                rule(f"false{_B}", Keyword.Constant),
                rule(r'""".*?"""', String, flags=re.S, guard=_double_may_close),
                rule(r'"(?:[^"\\]|\\.)*"', String),
                rule(r"'''.*?'''", String, flags=re.S, guard=_single_may_close),
                rule(r"'(?:[^'\\]|\\.)*'", String),
                rule(r"#.*$", Comment.Single),
                rule(r"@[^\s,.;]+", Name.Attribute),
                rule(r"[+-]?[0-9]+\.[0-9]*E[+-]?[0-9]+", Number.Float),
                rule(r"[+-]?\.[0-9]+E[+-]?[0-9]+", Number.Float),
                rule(r"[+-]?[0-9]+E[+-]?[0-9]+", Number.Float),
                rule(r"[+-]?[0-9]*\.[0-9]+?", Number.Float),
                rule(r"[+-]?[0-9]+", Number.Integer),
                rule(r"\.", Punctuation),
                rule(r",", Punctuation),
                rule(r";", Punctuation),
                rule(r"\(", Punctuation),
                rule(r"\)", Punctuation),
                rule(r"\{", Punctuation),
                rule(r"\}", Punctuation),
                rule(r"\[", Punctuation),
                rule(r"\]", Punctuation),
                rule(r"\^\^", Punctuation),
                rule(r"<[^>]*>", Name.Label, guard=_IRI_GUARD),
                # Ruby's /i also lets the long s stand for the s
                rule(f"(?i:ba[s\u017f]e){_B}", Keyword.Declaration),
                rule(f"(?i:prefix){_B}", Keyword.Declaration),
                rule(f"GRAPH{_B}", Keyword),
                rule(f"a{_B}", Keyword),
                rule(r"\s+", Text.Whitespace),
                rule(r'[^:;<>#\@"\(\).\[\]\{\} ]*:', Name.Namespace),
                rule(r'[^:;<>#\@"\(\).\[\]\{\} ]+', Name),
            ],
        }
