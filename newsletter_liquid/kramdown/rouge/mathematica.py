"""Wolfram Mathematica, tokenized as rouge 3.30 does.

Rouge's quirks are kept: a newline inside a comment matches no rule (an error
token, as in rouge), ``_`` and ``#`` never belong to symbols, and builtins are
looked up with their context marks (`` `Plot`` is a plain variable).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Generic, Name, Number, Operator, Punctuation, String, Text

from ._engine import RegexLexer, StateItem, rule
from .cypher import quoted

KEYWORDS = frozenset(("Module", "With", "Block"))

# the pieces rouge builds its patterns from, spelt as rouge spells them
_BASE = r"(?:\d+)"
_NUMBER = r"(?:\.\d+|\d+\.\d*|\d+)"
_NUMBER_BASE = r"(?:\.\w+|\w+\.\w*|\w+)"
_PRECISION = rf"(?:`(?:`?{_NUMBER})?)"
_IDENTIFIER = r"(?:[a-zA-Z$][$a-zA-Z0-9]*)"
_NAMED_CHARACTER = rf"(?:\\\[{_IDENTIFIER}\])"
_SYMBOL = rf"(?:{_IDENTIFIER}|{_NAMED_CHARACTER})+"
_CONTEXT_SYMBOL = rf"`?{_SYMBOL}(?:`{_SYMBOL})*`?"
_SLOT = rf"#(?:{_IDENTIFIER}|\"{_IDENTIFIER}\")|#[0-9]*"
# rouge's string is quoted('"') without the backtracking (the rule's only group)
_MESSAGE = rf"::(?:{_IDENTIFIER}|{quoted(chr(34))})"
# rouge's ``[ ]:(identifier|[^\S])+:[ ]`` tries every split of a word into identifiers
# before failing (exponential); only its first, greedy reading can be followed by ``:``
_COMMENT_MARKUP = rf"[ ]:(?=((?:{_IDENTIFIER}|[^\S])+))\1:[ ]"


@functools.cache
def _builtins() -> frozenset[str]:
    """Loaded on first use, as rouge does: the table is large."""
    from ._mathematica_builtins import MATHEMATICA_BUILTINS

    return MATHEMATICA_BUILTINS


def _symbol(lexer: RegexLexer, match: re.Match[str]) -> None:
    name = match.group(0)
    if name in KEYWORDS:
        lexer.token(Name.Builtin.Pseudo)
    elif name in _builtins():
        lexer.token(Name.Builtin)
    else:
        lexer.token(Name.Variable)


class MathematicaLexer(RegexLexer):
    tag = "mathematica"
    rouge_aliases = ("wl",)

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"\s+", Text.Whitespace),
                rule(r"\(\*", Comment, "comment"),
                rule(rf"{_BASE}\^\^{_NUMBER_BASE}{_PRECISION}?(?:\*\^[+-]?\d+)?", Number),
                rule(rf"{_NUMBER}{_PRECISION}?(?:\*\^[+-]?\d+)?", Number),
                rule(_MESSAGE, Name.Tag),
                rule(r"(?:In|Out)\[[0-9]+\]:?=", Generic.Prompt),
                rule(_CONTEXT_SYMBOL, _symbol),
                rule(_SLOT, Name.Function),
                rule(r"[+\-*/|,;.:@~=><&`'^?!_%]", Operator),
                rule(r"[\[\](){}]", Punctuation),
                rule(quoted('"'), String),
            ],
            "comment": [
                rule(r"\(\*", Comment, "comment"),
                rule(r"\*\)", Comment, "#pop"),
                rule(rf"::{_IDENTIFIER}::", Comment.Preproc),
                rule(_COMMENT_MARKUP, Comment.Preproc),
                rule(r".", Comment),
            ],
        }
