"""Solidity, tokenized as rouge 3.30 does.

Rouge's line comment ``//(\\\\.|.)*?\\n`` backtracks exponentially over a run of
backslashes on a last line without a newline; since ``.`` already matches a
backslash, the group matches exactly the strings ``[^\\n]*`` does, which is
what we use.  The ``abi.``/``block.``/``msg.``/``tx.`` builtins of rouge's list
are kept even though an identifier never holds a dot (rouge never emits them).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import (
    Comment,
    Error,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
)

from ._engine import RegexLexer, StateItem, mixin, pop_state, rule, word_list

KEYWORDS = frozenset(
    word_list("""
    abstract anonymous as assembly break catch calldata constant
    constructor continue contract do delete else emit enum event
    external fallback for function hex if indexed interface
    internal import is library mapping memory modifier new
    override payable public pure pragma private receive return
    returns storage struct throw try type using var view virtual
    while""")
)
BUILTINS = frozenset(
    (
        *word_list("""
            now false true balance now selector super this blockhash gasleft
            assert require revert selfdestruct suicide call callcode delegatecall
            send transfer addmod ecrecover keccak256 mulmod sha256 sha3 ripemd160"""),
        *(
            f"abi.{name}"
            for name in word_list(
                "decode encode encodePacked encodeWithSelector encodeWithSignature"
            )
        ),
        *(
            f"block.{name}"
            for name in word_list("coinbase difficulty gaslimit hash number timestamp")
        ),
        *(f"msg.{name}" for name in word_list("data gas sender sig value")),
        *(f"tx.{name}" for name in word_list("gasprice origin")),
    )
)
CONSTANTS = frozenset(word_list("wei finney szabo ether seconds minutes hours days weeks years"))
KEYWORD_TYPES = frozenset(word_list("address bool byte bytes int string uint"))
RESERVED = frozenset(
    word_list("""
    alias after apply auto case copyof default define final fixed
    immutable implements in inline let macro match mutable null of
    partial promise reference relocatable sealed sizeof static
    supports switch typedef typeof ufixed unchecked""")
)


def _identifier(lexer: RegexLexer, match: re.Match[str]) -> None:
    name = match.group(0)
    if name in KEYWORDS:
        lexer.token(Keyword)
    elif name in BUILTINS:
        lexer.token(Name.Builtin)
    elif name in CONSTANTS:
        lexer.token(Keyword.Constant)
    elif name in KEYWORD_TYPES:
        lexer.token(Keyword.Type)
    elif name in RESERVED:
        lexer.token(Keyword.Reserved)
    else:
        lexer.token(Name)


def _push_statement(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.push("statement")


class SolidityLexer(RegexLexer):
    tag = "solidity"

    def start(self) -> None:
        self.push("bol")

    @classmethod
    def detect(cls, text: str) -> bool:
        return text.startswith("pragma solidity")

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "expr_bol": [mixin("inline_whitespace"), rule(r"", pop_state)],
            # rouge's bol would add labels; Solidity has none
            "bol": [mixin("expr_bol")],
            "inline_whitespace": [
                rule(r"[ \t\r]+", Text),
                rule(r"\\\n", Text),
                rule(r"/\*", Comment.Multiline, "comment_multi"),
            ],
            "whitespace": [
                rule(r"\n+", Text, "bol"),
                rule(r"//[^\n]*\n", Comment.Single, "bol"),
                mixin("inline_whitespace"),
            ],
            "expr_whitespace": [
                rule(r"\n+", Text, "expr_bol"),
                mixin("whitespace"),
            ],
            "statements": [
                mixin("whitespace"),
                rule(r"(hex)?\"", String, "string_double"),
                rule(r"(hex)?\'", String, "string_single"),
                rule(r"'(\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'", String.Char, flags=re.I),
                rule(r"\d\d*\.\d+([eE]\d+)?", Number.Float),
                rule(r"0x[0-9a-f]+", Number.Hex, flags=re.I),
                rule(r"\d+([eE]\d+)?", Number.Integer),
                rule(r"\*/", Error),
                rule(r"[~!%^&*+=\|?:<>/-]", Operator),
                rule(r"[()\[\],.]", Punctuation),
                rule(r"u?fixed\d+x\d+", Keyword.Reserved),
                rule(r"bytes\d+", Keyword.Type),
                rule(r"u?int\d+", Keyword.Type),
                rule(r"[a-zA-Z$_][\w$_]*", _identifier),
            ],
            "root": [
                mixin("expr_whitespace"),
                rule(r"", _push_statement),
            ],
            "statement": [
                rule(r";", Punctuation, "#pop"),
                mixin("expr_whitespace"),
                mixin("statements"),
                rule(r"[{}]", Punctuation),
            ],
            "string_common": [
                rule(r"\\(u[a-fA-F0-9]{4}|x..|[^x])", String.Escape),
                rule(r"[^\\\"\'\n]+", String),
                rule(r"\\\n", String),
                rule(r"\\", String),
            ],
            "string_double": [
                mixin("string_common"),
                rule(r"\"", String, "#pop"),
                rule(r"\'", String),
            ],
            "string_single": [
                mixin("string_common"),
                rule(r"\'", String, "#pop"),
                rule(r"\"", String),
            ],
            "comment_multi": [
                rule(r"\*/", Comment.Multiline, "#pop"),
                rule(r"[^*/]+", Comment.Multiline),
                rule(r"[*/]", Comment.Multiline),
            ],
        }
