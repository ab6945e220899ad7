"""LLVM IR, tokenized as rouge 3.30 does (unknown bare words are errors, as in rouge)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Error, Keyword, Name, Number, Punctuation, String, Text

from ._engine import OptionValue, RegexLexer, StateItem, mixin, rule

_STRING = r'"[^"]*?"'
_IDENTIFIER = rf"([-a-zA-Z$._][-a-zA-Z$._0-9]*|{_STRING})"

_NAME_START = frozenset("-$._abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_NAME_RUN = re.compile(r"[-a-zA-Z$._0-9]*")
_COLON_AHEAD = re.compile(r"\s*:", re.ASCII)


def _label_ahead(lexer: RegexLexer, text: str, pos: int) -> bool:
    r"""Whether rouge's label rule can match at ``pos``: exact, and linear in time.

    ``\w+`` and the punctuation rule eat a run like ``a.b-c`` piece by piece,
    and the label regex would rescan the rest of the run at every piece; a bare
    name can only be a label where its whole run is followed by a colon, so
    that is decided once per run.
    """
    char = text[pos]
    if char == '"':
        return True
    if char not in _NAME_START or not isinstance(lexer, LlvmLexer):
        return False
    memo = lexer.label_memo
    if memo is not None and memo[0] is text and memo[1] <= pos < memo[2]:
        return memo[3]
    run = _NAME_RUN.match(text, pos)
    end = run.end() if run is not None else pos
    ahead = _COLON_AHEAD.match(text, end) is not None
    lexer.label_memo = (text, pos, end, ahead)
    return ahead


def _bare_word(lexer: RegexLexer, match: re.Match[str]) -> None:
    # the word tables are large; load them the first time a bare word shows up
    from ._llvm_builtins import LLVM_INSTRUCTIONS, LLVM_KEYWORDS, LLVM_TYPES

    word = match.group(0)
    if word in LLVM_TYPES:
        lexer.token(Keyword.Type)
    elif word in LLVM_INSTRUCTIONS or word in LLVM_KEYWORDS:
        lexer.token(Keyword)
    else:
        lexer.token(Error)


class LlvmLexer(RegexLexer):
    tag = "llvm"

    def __init__(self, options: Mapping[str, OptionValue] | None = None) -> None:
        super().__init__(options)
        # the last run of name characters the label guard scanned, see _label_ahead
        self.label_memo: tuple[str, int, int, bool] | None = None

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "basic": [
                rule(r";.*?$", Comment.Single),
                rule(r"\s+", Text),
                rule(rf"{_IDENTIFIER}\s*:", Name.Label, guard=_label_ahead),
                rule(rf"@({_IDENTIFIER}|\d+)", Name.Variable.Global),
                rule(r"#\d+", Name.Variable.Global),
                rule(rf"(%|!){_IDENTIFIER}", Name.Variable),
                rule(r"(%|!)\d+", Name.Variable),
                rule(rf"c?{_STRING}", String),
                rule(r"0[xX][a-fA-F0-9]+", Number),
                rule(r"-?\d+(?:[.]\d+)?(?:[eE][-+]?\d+(?:[.]\d+)?)?", Number),
                rule(r"[=<>{}\[\]()*.,!]|x", Punctuation),
            ],
            "root": [
                mixin("basic"),
                rule(r"i[1-9]\d*", Keyword.Type),
                rule(r"\w+", _bare_word),
            ],
        }
