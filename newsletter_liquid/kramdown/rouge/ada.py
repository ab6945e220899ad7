"""Ada, tokenized as rouge 3.30 does."""

from __future__ import annotations

import functools
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

from ._engine import RegexLexer, StateItem, groups, mixin, rule, word_list
from ._ruby_regex import boundary_word


def _table() -> dict[str, _TokenType]:
    table: dict[str, _TokenType] = {}
    for token, names in (
        (Keyword, """
            abort abstract accept access aliased all array at begin body case constant
            declare delay delta digits do else elsif end exception exit for generic goto
            if in interface is limited loop new null of others out overriding pragma
            private protected raise range record renames requeue return reverse select
            separate some synchronized tagged task terminate then until use when while
            with"""),
        (Operator.Word, "abs and mod not or rem xor"),
        (Keyword.Declaration, "entry function package procedure subtype type"),
        (Name.Builtin, """
            boolean character constraint_error duration float integer natural positive
            long_float long_integer long_long_float long_long_integer program_error
            short_float short_integer short_short_integer storage_error string
            tasking_error wide_character wide_string wide_wide_character wide_wide_string"""),
    ):
        table.update(dict.fromkeys(word_list(names), token))
    return table


#: token of each lower-cased identifier rouge singles out (any other is a Name)
IDENTS: Mapping[str, _TokenType] = _table()

# Ruby's \b counts more characters as word characters than Python's; both boundaries of
# rouge's identifier sit next to a word character of the match, so the leading one always
# holds at the scan position and the closing one is a look-ahead
_END = f"(?![{boundary_word()}])"


def _class(ranges: str) -> str:
    """``[...]`` body of hex ranges ``"41-5a 61"``."""
    parts = []
    for item in ranges.split():
        first, _, last = item.partition("-")
        parts.append(f"\\U{int(first, 16):08x}")
        if last:
            parts.append(f"-\\U{int(last, 16):08x}")
    return "".join(parts)


@functools.cache
def _ident_pattern() -> str:
    from ._ada_builtins import ALPHA, DIGIT

    alpha = _class(ALPHA)
    alnum = alpha + _class(DIGIT)
    return rf"[{alpha}](?:\p{{Pc}}?[{alnum}])*{_END}"


NUM = r"\d(?:_?\d)*"
XNUM = r"\h(?:_?\h)*"
EXP = rf"(?:(?i:E)[-+]?{NUM})?"


def _ident_kind(match: re.Match[str]) -> _TokenType:
    # Ruby's downcase, like Python's lower, maps the Kelvin sign to "k"
    return IDENTS.get(match.group(0).lower(), Name)


def _ident(lexer: RegexLexer, match: re.Match[str]) -> None:
    kind = _ident_kind(match)
    lexer.token(kind)
    if kind is Keyword.Declaration:
        lexer.push("decl_name")


def _unit_name(lexer: RegexLexer, match: re.Match[str]) -> None:
    kind = _ident_kind(match)
    if kind is Name or kind is Name.Builtin:  # rouge: any kind of Name
        lexer.token(Name.Namespace)
        return
    # a keyword: rouge guesses it entered the state by mistake and backs out
    lexer.token(kind)
    if kind is Keyword.Declaration:
        lexer.goto("decl_name")
    else:
        lexer.pop()


def _with_clause(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.groups(Keyword.Namespace, Text, Keyword.Namespace, Text, Keyword.Namespace)
    lexer.push("libunit_name")


class AdaLexer(RegexLexer):
    tag = "ada"

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        ID = _ident_pattern()  # rouge's name
        return {
            "whitespace": [
                rule(r"\s+", Text),
                rule(r"--.*$", Comment.Single),
            ],
            "dquote_string": [
                rule(r'[^"\n]+', String.Double),
                rule(r'""', String.Escape),
                rule(r'"', String.Double, "#pop"),
                rule(r"\n", Error, "#pop"),
            ],
            "attr": [
                mixin("whitespace"),
                rule(ID, Name.Attribute, "#pop"),
                rule(r"", Text, "#pop"),
            ],
            "decl_name": [
                mixin("whitespace"),
                rule(rf"body{_END}", Keyword.Declaration, flags=re.I),
                rule(rf"({ID})(\.)", groups(Name.Namespace, Punctuation)),
                # sic: rouge's list has an en dash and the three characters &|/
                rule(
                    rf'{ID}|"(and|or|xor|/?=|<=?|>=?|\+|–|&\|/|mod|rem|\*?\*|abs|not)"',
                    Name.Function,
                    "#pop",
                ),
                rule(r"", Text, "#pop"),
            ],
            "libunit_name": [
                mixin("whitespace"),
                rule(ID, _unit_name),
                rule(r"[.,]", Punctuation),
                rule(r"", Text, "#pop"),
            ],
            "root": [
                mixin("whitespace"),
                rule(r"'.'", String.Char),
                rule(r'"[^"\n]*', String.Double, "dquote_string"),
                rule(rf"{NUM}\.{NUM}{EXP}", Number.Float),
                rule(rf"{NUM}#{XNUM}\.{XNUM}#{EXP}", Number.Float),
                rule(rf"2#[01](?:_?[01])*#{EXP}", Number.Bin),
                rule(rf"8#[0-7](?:_?[0-7])*#{EXP}", Number.Oct),
                # rouge repeats XNUM itself here, which backtracks exponentially on a
                # long unclosed run; a repeated XNUM matches what one optional XNUM does
                rule(rf"16#(?:{XNUM})?#{EXP}", Number.Hex),
                rule(rf"{NUM}#{XNUM}#{EXP}", Number.Integer),
                rule(rf"{NUM}#\w+#", Error),
                rule(rf"{NUM}{EXP}", Number.Integer),
                rule(r"'", Punctuation, "attr"),
                rule(rf"<<{ID}>>", Name.Label),
                rule(rf"^(?:(limited)(\s+))?(?:(private)(\s+))?(with){_END}", _with_clause,
                     flags=re.I),
                rule(r"[+*/&<=>|]|-|=>|\.\.|\*\*|[:></]=|<<|>>|<>", Operator),
                rule(r"[.,:;()]", Punctuation),
                rule(ID, _ident),
                # sic: rouge's [[alpha]] is the class of the letters a, l, p and h; its
                # leading \b always holds, the match starting with a word character
                rule(r"(?:\p{Pc}|[alph])\p{Word}*", Error),
            ],
        }
