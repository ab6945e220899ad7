"""HCL (Hashicorp Configuration Language), tokenized as rouge 3.30 does.

The word tables are class attributes so that Terraform, which rouge builds on
this lexer, can fill them in: the ``root`` rules classify words by the tables of
the lexer actually running.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import ClassVar

from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text

from ._engine import RegexLexer, StateItem, goto_state, mixin, pop_state, rule

# Ruby's /i makes [a-z] also match the two non-ASCII characters that fold into
# it: the long s (U+017F) and the Kelvin sign (U+212A)
FOLDED = "\u017f\u212a"


def _heredoc_start(lexer: RegexLexer, match: re.Match[str]) -> None:
    assert isinstance(lexer, HclLexer)
    lexer.groups(Operator, Text, String.Heredoc, String.Heredoc, Name.Constant, String.Heredoc)
    lexer.heredoc_end = match.group(5)
    lexer.push("heredoc")


def _heredoc_line(lexer: RegexLexer, match: re.Match[str]) -> None:
    assert isinstance(lexer, HclLexer)
    if match.group(1) == lexer.heredoc_end:
        lexer.token(Name.Constant)
        lexer.pop(2)
    else:
        lexer.token(String.Heredoc)


def _word(lexer: RegexLexer, match: re.Match[str]) -> None:
    """A bare word; keywords and plain names start a composite (``name {``, ``name [``)."""
    assert isinstance(lexer, HclLexer)
    word = match.group(0)
    if word in lexer.KEYWORDS:
        lexer.token(Keyword)
        lexer.push("composite")
    elif word in lexer.DECLARATIONS:
        lexer.token(Keyword.Declaration)
        lexer.push("composite")
    elif word in lexer.RESERVED:
        lexer.token(Keyword.Reserved)
    elif word in lexer.CONSTANTS:
        lexer.token(Keyword.Constant)
    elif word in lexer.BUILTINS:
        lexer.token(Name.Builtin)
    else:
        lexer.token(Name.Other)
        lexer.push("composite")


class HclLexer(RegexLexer):
    tag = "hcl"

    KEYWORDS: ClassVar[frozenset[str]] = frozenset()
    DECLARATIONS: ClassVar[frozenset[str]] = frozenset()
    RESERVED: ClassVar[frozenset[str]] = frozenset()
    CONSTANTS: ClassVar[frozenset[str]] = frozenset(("true", "false", "null"))
    BUILTINS: ClassVar[frozenset[str]] = frozenset()

    heredoc_end: str = ""

    def start(self) -> None:
        # rouge keeps the delimiter in an instance variable across lexes; any
        # heredoc sets it before it can be read, so clearing it changes nothing
        self.heredoc_end = ""

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "multiline_comment": [
                rule(r"[*]/", Comment.Multiline, "#pop"),
                rule(r"[^*/]+", Comment.Multiline),
                rule(r"[*/]", Comment.Multiline),
            ],
            "comments_and_whitespace": [
                rule(r"\s+", Text),
                rule(r"//.*?$", Comment.Single),
                rule(r"#.*?$", Comment.Single),
                rule(r"/[*]", Comment.Multiline, "multiline_comment"),
            ],
            "primitives": [
                rule(r"[0-9][0-9]*\.[0-9]+([eE][0-9]+)?[fd]?([kKmMgG]b?)?", Number.Float),
                rule(r"[0-9]+([kKmMgG]b?)?", Number.Integer),
                rule(r'"', String.Double, "dq"),
                rule(r"'", String.Single, "sq"),
                rule(r"(<<-?)(\s*)('?)(\\?)(\w+)(\3)", _heredoc_start),
            ],
            "root": [
                mixin("comments_and_whitespace"),
                mixin("primitives"),
                rule(r"\{", Punctuation, "hash"),
                rule(r"\[", Punctuation, "array"),
                rule(rf"[$a-z_{FOLDED}][a-z0-9_{FOLDED}]*", _word, flags=re.I),
            ],
            "composite": [
                mixin("comments_and_whitespace"),
                rule(r"[{]", goto_state("hash", Punctuation)),
                rule(r"[\[]", goto_state("array", Punctuation)),
                mixin("root"),
                rule(r"", Text, "#pop"),
            ],
            "hash": [
                mixin("comments_and_whitespace"),
                rule(r"=", Punctuation),
                rule(r"\}", Punctuation, "#pop"),
                mixin("root"),
            ],
            "array": [
                mixin("comments_and_whitespace"),
                rule(r",", Punctuation),
                rule(r"\]", Punctuation, "#pop"),
                mixin("root"),
            ],
            "dq": [
                rule(r'[^\\"]+', String.Double),
                rule(r'\\"', String.Escape),
                rule(r'"', String.Double, "#pop"),
            ],
            "sq": [
                rule(r"[^\\']+", String.Single),
                rule(r"\\'", String.Escape),
                rule(r"'", String.Single, "#pop"),
            ],
            "heredoc": [
                rule(r"\n", String.Heredoc, "heredoc_nl"),
                rule(r"[^$\n]+", String.Heredoc),
                rule(r"[$]", String.Heredoc),
            ],
            "heredoc_nl": [
                rule(r"\s*(\w+)\s*\n", _heredoc_line),
                rule(r"", pop_state),
            ],
        }
