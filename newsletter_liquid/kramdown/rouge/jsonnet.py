"""Jsonnet, tokenized as rouge 3.30 does.

Rouge has no rule for ``-`` alone, ``*``, ``/``, ``<`` and other operators: each
becomes an error token, as in rouge.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Punctuation, String, Text

from ._engine import OptionValue, RegexLexer, StateItem, mixin, rule, word_list

KEYWORDS = frozenset(word_list("""
    self super local for in if then else import importstr error tailstrict assert"""))
DECLARATIONS = frozenset(("function",))
CONSTANTS = frozenset(("null", "true", "false"))
BUILTINS = frozenset(word_list("""
    acos asin atan ceil char codepoint cos exp exponent filter floor force length log
    makeArray mantissa objectFields objectHas pow sin sqrt tan thisFile type abs
    assertEqual escapeStringBash escapeStringDollars escapeStringJson escapeStringPython
    filterMap flattenArrays foldl foldr format join lines manifestIni manifestPython
    manifestPythonVars map max min mod range set setDiff setInter setMember setUnion sort
    split stringChars substr toString uniq"""))


def _identifier(lexer: RegexLexer, match: re.Match[str]) -> None:
    name = match.group(0)
    if name in KEYWORDS:
        lexer.token(Keyword)
    elif name in DECLARATIONS:
        lexer.token(Keyword.Declaration)
    elif name in CONSTANTS:
        lexer.token(Keyword.Constant)
    elif name in BUILTINS:
        lexer.token(Name.Builtin)
    else:
        lexer.token(Name.Other)


class _LastCloser:
    """Where the last ``*/`` of the text lies, found once per text.

    Without a closer ahead, rouge's lazy block-comment rule scans to the end of the
    text at every ``/*`` (quadratic on runs of them); the rule is only tried where
    one lies ahead.
    """

    __slots__ = ("at", "text")

    def __init__(self) -> None:
        self.text: str | None = None
        self.at = -1

    def scan(self, text: str) -> int:
        if text is not self.text:
            self.text = text
            self.at = text.rfind("*/")
        return self.at


def _comment_may_close(lexer: RegexLexer, text: str, pos: int) -> bool:
    assert isinstance(lexer, JsonnetLexer)
    return lexer.last_closer.scan(text) >= pos + 2


class JsonnetLexer(RegexLexer):
    tag = "jsonnet"

    def __init__(self, options: Mapping[str, OptionValue] | None = None) -> None:
        self.last_closer = _LastCloser()
        super().__init__(options)

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"\s+", Text),
                rule(r"//.*?$", Comment.Single),
                rule(r"#.*?$", Comment.Single),
                rule(r"/\*.*?\*/", Comment.Multiline, flags=re.S, guard=_comment_may_close),
                rule(r"-?(?:0|[1-9]\d*)\.\d+(?:e[+-]\d+)?", Number.Float, flags=re.I),
                rule(r"-?(?:0|[1-9]\d*)(?:e[+-]\d+)?", Number.Integer, flags=re.I),
                rule(r"[{}:\.,;+\[\]=%\(\)]", Punctuation),
                rule(r'"', String, "string_double"),
                rule(r"'", String, "string_single"),
                rule(r"\|\|\|", String, "string_block"),
                rule(r"\$", Keyword),
                rule(r"[a-zA-Z_][a-zA-Z0-9_]*", _identifier),
            ],
            "string": [
                rule(r"\\([\\/bfnrt]|(u[0-9a-fA-F]{4}))", String.Escape),
                rule(r"\\.", String.Escape),
            ],
            "string_double": [
                mixin("string"),
                rule(r'\\"', String.Escape),
                rule(r'"', String, "#pop"),
                rule(r'[^\\"]+', String),
            ],
            "string_single": [
                mixin("string"),
                rule(r"'", String, "#pop"),
                rule(r"[^\\']+", String),
            ],
            "string_block": [
                mixin("string"),
                rule(r"[|][|][|]", String, "#pop"),
                rule(r"[^|\\]+", String),
                rule(r"[|]", String),
            ],
        }
