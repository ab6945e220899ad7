"""Haskell, tokenized as rouge 3.30 does (nested ``{- -}`` comments, quasi-quotes, imports)."""

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
    _TokenType,
)

from ._engine import (
    Callback,
    RegexLexer,
    StateItem,
    compile_ruby_like,
    groups,
    mixin,
    rule,
    word_list,
)

RESERVED = frozenset(
    word_list("""
    _ case class data default deriving do else if in infix infixl infixr
    instance let newtype of then type where""")
)

#: ASCII control-character names of ``\\NUL``-style escapes, in rouge's order
ASCII_ESCAPES = word_list("""
    NUL SOH [SE]TX EOT ENQ ACK BEL BS HT LF VT FF CR S[OI] DLE
    DC[1-4] NAK SYN ETB CAN EM SUB ESC [FGRU]S SP DEL""")

# characters of user-defined operators (the comment rule uses its own, slightly different set)
_SYMBOL = r"[:!#\$\%&*+.\\/<=>?@^\|~-]"

_SHEBANG = compile_ruby_like(r"\A\s*#!.*?\brunhaskell(?:\s|$)")


def _word(lexer: RegexLexer, match: re.Match[str]) -> None:
    # ``import``/``module`` lead into states of their own; primes make ``'Foo`` a type too
    word = match.group(0)
    if word == "import":
        lexer.token(Keyword.Reserved)
        lexer.push("import")
    elif word == "module":
        lexer.token(Keyword.Reserved)
        lexer.push("module")
    elif word in RESERVED:
        lexer.token(Keyword.Reserved)
    elif re.match(r"'?[A-Z]", word):
        lexer.token(Keyword.Type)
    else:
        lexer.token(Name)


def _quasiquote(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.groups(Operator, Name, Operator)
    lexer.push("quasiquotation")


def _char_escape(lexer: RegexLexer, match: re.Match[str]) -> None:
    # the closing quote is expected once the escape is over
    lexer.token(String.Escape)
    lexer.goto("character_end")
    lexer.push("escape")


def _char_body(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(String.Char)
    lexer.goto("character_end")


def _goto_funclist(*tokens: _TokenType) -> Callback:
    """Callback of the import rules that replace the import state by the name list."""

    def callback(lexer: RegexLexer, match: re.Match[str]) -> None:
        lexer.groups(*tokens)
        lexer.goto("funclist")

    return callback


class HaskellLexer(RegexLexer):
    tag = "haskell"
    rouge_aliases = ("hs",)

    @classmethod
    def detect(cls, text: str) -> bool:
        return _SHEBANG.match(text) is not None

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "basic": [
                rule(r"\s+", Text),
                rule(r"{-#", Comment.Preproc, "comment_preproc"),
                rule(r"{-", Comment.Multiline, "comment"),
                rule(r"^--\s+\|.*?$", Comment.Doc),
                # an operator such as --> is no comment
                rule(r"--(?![!#\$\%&*+.\/<=>?@\^\|_~]).*?$", Comment.Single),
            ],
            "comment": [
                rule(r"-}", Comment.Multiline, "#pop"),
                rule(r"{-", Comment.Multiline, "comment"),
                rule(r"[^-{}]+", Comment.Multiline),
                rule(r"[-{}]", Comment.Multiline),
            ],
            "comment_preproc": [
                rule(r"-}", Comment.Preproc, "#pop"),
                rule(r"{-", Comment.Preproc, "comment"),
                rule(r"[^-{}]+", Comment.Preproc),
                rule(r"[-{}]", Comment.Preproc),
            ],
            "root": [
                mixin("basic"),
                rule(r"'(?=(?:.|\\\S+)')", String.Char, "character"),
                rule(r'"', String, "string"),
                rule(r"\d+e[+-]?\d+", Number.Float, flags=re.I),
                rule(r"\d+\.\d+(e[+-]?\d+)?", Number.Float, flags=re.I),
                rule(r"0o[0-7]+", Number.Oct, flags=re.I),
                rule(r"0x[\da-f]+", Number.Hex, flags=re.I),
                rule(r"\d+", Number.Integer),
                rule(r"[\w']+", _word),
                # lambda
                rule(rf"\\(?!{_SYMBOL}+)", Name.Function),
                # reserved operators, unless part of a longer one
                rule(rf"(<-|::|->|=>|=)(?!{_SYMBOL}+)", Operator),
                # constructor and type operators
                rule(rf":{_SYMBOL}*", Operator),
                rule(rf"{_SYMBOL}+", Operator),
                rule(r"\[\s*\]", Keyword.Type),
                rule(r"\(\s*\)", Name.Builtin),
                rule(r"(\[)([_a-z][\w']*)(\|)", _quasiquote),
                rule(r"[\[\](),;`{}]", Punctuation),
            ],
            "import": [
                rule(r"\s+", Text),
                rule(r'"', String, "string"),
                rule(r"\bqualified\b", Keyword),
                # import X as Y
                rule(
                    r"([A-Z][\w.]*)(\s+)(as)(\s+)([A-Z][a-zA-Z0-9_.]*)",
                    groups(Name.Namespace, Text, Keyword, Text, Name),
                    "#pop",
                ),
                # import X hiding (functions)
                rule(
                    r"([A-Z][\w.]*)(\s+)(hiding)(\s+)(\()",
                    _goto_funclist(Name.Namespace, Text, Keyword, Text, Punctuation),
                ),
                # import X (functions)
                rule(
                    r"([A-Z][\w.]*)(\s+)(\()",
                    _goto_funclist(Name.Namespace, Text, Punctuation),
                ),
                rule(r"[\w.]+", Name.Namespace, "#pop"),
            ],
            "module": [
                rule(r"\s+", Text),
                # module Foo (functions)
                rule(
                    r"([A-Z][\w.]*)(\s+)(\()",
                    groups(Name.Namespace, Text, Punctuation),
                    "funclist",
                ),
                rule(r"\bwhere\b", Keyword.Reserved, "#pop"),
                rule(r"[A-Z][a-zA-Z0-9_.]*", Name.Namespace, "#pop"),
            ],
            "funclist": [
                mixin("basic"),
                rule(r"[A-Z]\w*", Keyword.Type),
                rule(r"(_[\w\']+|[a-z][\w\']*)", Name.Function),
                rule(r",", Punctuation),
                rule(r"[:!#\$\%&*+.\\\/<=>?@^\|~-]+", Operator),
                rule(r"\(", Punctuation, "funclist"),
                rule(r"\)", Punctuation, "#pop"),
            ],
            "character": [
                rule(r"\\", _char_escape),
                rule(r".", _char_body),
            ],
            "character_end": [
                rule(r"'", String.Char, "#pop"),
                rule(r".", Error, "#pop"),
            ],
            "quasiquotation": [
                rule(r"\|\]", Operator, "#pop"),
                rule(r"[^\|]+", Text),
                rule(r"\|", Text),
            ],
            "string": [
                rule(r'"', String, "#pop"),
                rule(r"\\", String.Escape, "escape"),
                rule(r'[^\\"]+', String),
            ],
            "escape": [
                rule(r"""[abfnrtv"'&\\]""", String.Escape, "#pop"),
                rule(r"\^[\]\[A-Z@\^_]", String.Escape, "#pop"),
                rule("|".join(ASCII_ESCAPES), String.Escape, "#pop"),
                rule(r"o[0-7]+", String.Escape, "#pop", flags=re.I),
                rule(r"x[\da-f]+", String.Escape, "#pop", flags=re.I),
                rule(r"\d+", String.Escape, "#pop"),
                rule(r"\s+\\", String.Escape, "#pop"),
            ],
        }
