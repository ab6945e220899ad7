"""AWK, tokenized as rouge 3.30 does."""

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

from ._engine import (
    RegexLexer,
    StateItem,
    goto_state,
    mixin,
    pop_state,
    push_states,
    rule,
    word_list,
)
from ._ruby_regex import boundary_word

KEYWORDS = frozenset(
    word_list("""
    if else while for do break continue return next nextfile delete
    exit print printf getline""")
)
DECLARATIONS = frozenset(("function",))
RESERVED = frozenset(("BEGIN", "END"))
CONSTANTS = frozenset(
    word_list("""
    CONVFMT FS NF NR FNR FILENAME RS OFS ORS OFMT SUBSEP ARGC ARGV
    ENVIRON""")
)
BUILTINS = frozenset(
    word_list("""
    exp log sqrt sin cos atan2 length rand srand int substr index match
    split sub gsub sprintf system tolower toupper""")
)

# Ruby's \b is Unicode-aware (superscripts, fractions and circled letters are word
# characters there); the \b after "in" follows a word character, so it is a look-ahead
_WORD = boundary_word()
_END = f"(?![{_WORD}])"

_SHEBANG = re.compile(rf"\A\s*#!.*?(?<![{_WORD}])awk(?:\s|$)", re.ASCII | re.MULTILINE)


def _never(lexer: RegexLexer, text: str, pos: int) -> bool:
    return False


def _name(lexer: RegexLexer, match: re.Match[str]) -> None:
    name = match.group(0)
    if name in KEYWORDS:
        lexer.token(Keyword)
        lexer.push("expr_start")
    elif name in DECLARATIONS:
        lexer.token(Keyword.Declaration)
        lexer.push("expr_start")
    elif name in RESERVED:
        lexer.token(Keyword.Reserved)
    elif name in CONSTANTS:
        lexer.token(Keyword.Constant)
    elif name in BUILTINS:
        lexer.token(Name.Builtin)
    elif name.startswith("$"):
        lexer.token(Name.Variable)
    else:
        lexer.token(Name.Other)


def _group_error(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Error)
    lexer.pop(2)


class AwkLexer(RegexLexer):
    tag = "awk"

    @classmethod
    def detect(cls, text: str) -> bool:
        return _SHEBANG.match(text) is not None

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "comments_and_whitespace": [
                rule(r"\s+", Text),
                rule(r"#.*?$", Comment.Single),
            ],
            "expr_start": [
                mixin("comments_and_whitespace"),
                rule(r"/", goto_state("regex", String.Regex)),
                rule(r"", Text, "#pop"),
            ],
            "regex": [
                rule(r"/", goto_state("regex_end", String.Regex)),
                rule(r"[^/]\n", Error, "#pop"),
                rule(r"\n", Error, "#pop"),
                rule(r"\[\^", String.Escape, "regex_group"),
                rule(r"\[", String.Escape, "regex_group"),
                rule(r"\\.", String.Escape),
                rule(r"[(][?][:=<!]", String.Escape),
                rule(r"[{][\d,]+[}]", String.Escape),
                rule(r"[()?]", String.Escape),
                rule(r".", String.Regex),
            ],
            "regex_end": [rule(r"", pop_state)],
            "regex_group": [
                # rouge: a / in a group does not close the regex
                rule(r"/", String.Escape),
                rule(r"[^/]\n", _group_error),
                rule(r"\]", String.Escape, "#pop"),
                rule(r"\\.", String.Escape),
                rule(r".", String.Regex),
            ],
            "bad_regex": [rule(r"[^\n]+", Error, "#pop")],
            "root": [
                mixin("comments_and_whitespace"),
                # rouge's scanner hides the text before the scan position from the
                # look-behind, so this never matches; the guard says so without copying
                # the rest of the text at every token
                rule(r"(?<=\n)(?=\s|/)", Text, "expr_start", guard=_never),
                rule(rf"[-<>+*/%\^!=]=?|in{_END}|\+\+|--|\|", Operator, "expr_start"),
                rule(r"&&|\|\||~!?", Operator, "expr_start"),
                rule(r"[(\[,]", Punctuation, "expr_start"),
                rule(r";", Punctuation, "statement"),
                rule(r"[)\].]", Punctuation),
                rule(r"[?]", push_states("ternary", "expr_start", token=Punctuation)),
                rule(r"[{}]", Punctuation, "statement"),
                rule(r"[$a-zA-Z_][a-zA-Z0-9_]*", _name),
                rule(r"[0-9]+\.[0-9]+", Number.Float),
                rule(r"[0-9]+", Number.Integer),
                rule(r'"(\\[\\"]|[^"])*"', String.Double),
                rule(r":", Punctuation),
            ],
            "statement": [
                rule(r"[{}]", Punctuation),
                mixin("expr_start"),
            ],
            "ternary": [
                rule(r":", goto_state("expr_start", Punctuation)),
                mixin("root"),
            ],
        }
